//! Outgoing mail transports: SMTP (`lexcase-smtp`), or the app's own sender.

use lexcase::communications::{Envelope, MailTransport};

/// Why the app's sender could not deliver a message. Kotlin sees `MailSendException.Failed`;
/// any other exception thrown by the sender is reported the same way.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum MailSendError {
    /// Delivery failed.
    #[error("{reason}")]
    Failed {
        /// Why (never an address: it is not kept, only passed on as the reason of the
        /// `Delivery` error the send fails with).
        reason: String,
        /// Whether retrying the same message cannot succeed.
        permanent: bool,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for MailSendError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Self::Failed {
            reason: "the sender threw an unexpected exception".into(),
            permanent: false,
        }
    }
}

/// Delivers a finished RFC 5322 message by the app's own means (a Kotlin interface, a Swift
/// protocol). The message must be delivered exactly as given: those bytes are what the matter
/// keeps. Throwing fails the send, and then nothing is recorded.
#[uniffi::export(with_foreign)]
pub trait MailSender: Send + Sync {
    /// Delivers `message` from `envelope_from` to every address of `envelope_to` (To, Cc and
    /// Bcc alike: Bcc recipients are not in the message's headers).
    fn send(
        &self,
        envelope_from: String,
        envelope_to: Vec<String>,
        message: Vec<u8>,
    ) -> Result<(), MailSendError>;
}

/// A foreign [`MailSender`] as the core's transport.
pub(crate) struct ForeignTransport(pub std::sync::Arc<dyn MailSender>);

impl MailTransport for ForeignTransport {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> lexcase::Result<()> {
        self.0
            .send(envelope.from.clone(), envelope.to.clone(), message.to_vec())
            .map_err(|MailSendError::Failed { permanent, .. }| {
                // The app's reason may quote an address: the error names only the sender.
                lexcase::LexcaseError::delivery("the app's sender failed", permanent, None)
            })
    }
}

/// How a firm reaches its SMTP server.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum SmtpSecurity {
    /// STARTTLS, required (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: a relay on this machine only (credentials are refused).
    None,
}

/// A firm's SMTP settings (the password is kept in memory only).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct SmtpSettings {
    /// Server host name.
    pub host: String,
    /// Port.
    #[uniffi(default = 587)]
    pub port: u16,
    /// How the connection is protected.
    pub security: SmtpSecurity,
    /// User name.
    #[uniffi(default)]
    pub username: Option<String>,
    /// Password.
    #[uniffi(default)]
    pub password: Option<String>,
    /// The EHLO name (default `localhost`).
    #[uniffi(default)]
    pub hello_name: Option<String>,
    /// Seconds to wait for the server at each step.
    #[uniffi(default = 60)]
    pub timeout_seconds: u64,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

impl From<SmtpSettings> for lexcase_smtp::SmtpConfig {
    fn from(s: SmtpSettings) -> Self {
        let security = match s.security {
            SmtpSecurity::StartTls => lexcase_smtp::Security::StartTls,
            SmtpSecurity::Tls => lexcase_smtp::Security::Tls,
            SmtpSecurity::None => lexcase_smtp::Security::None,
        };
        Self {
            username: s.username,
            password: s.password,
            hello_name: s.hello_name,
            timeout_seconds: s.timeout_seconds,
            ..Self::new(&s.host, s.port, security)
        }
    }
}
