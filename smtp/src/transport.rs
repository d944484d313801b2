//! The SMTP transport.

use std::time::Duration;

use lettre::Transport;
use lettre::address::Envelope as SmtpEnvelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lexcase::communications::{Envelope, MailTransport};
use lexcase::{LexcaseError, Result};

use crate::{Security, SmtpConfig};

/// Sends messages through one SMTP server.
pub struct SmtpTransport {
    inner: lettre::SmtpTransport,
}

impl std::fmt::Debug for SmtpTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpTransport").finish_non_exhaustive()
    }
}

fn address(field: &str, text: &str) -> Result<lettre::Address> {
    text.parse()
        .map_err(|_| LexcaseError::validation(field, "not an address SMTP accepts"))
}

/// A lettre error as a delivery error: its kind and reply code, never the server's text (it
/// often quotes the refused address).
fn delivery(error: &lettre::transport::smtp::Error) -> LexcaseError {
    let code = error.status().map(u16::from);
    let reason = if error.is_permanent() {
        "the server refused the message"
    } else if error.is_transient() {
        "the server deferred the message"
    } else if error.is_timeout() {
        "the server did not answer in time"
    } else if error.is_tls() {
        "the secure connection failed"
    } else if error.is_client() {
        "the client could not talk to the server"
    } else {
        "the connection to the server failed"
    };
    LexcaseError::delivery(reason, error.is_permanent(), code)
}

impl SmtpTransport {
    /// A transport for `config` (nothing is connected until a message is sent).
    pub fn new(config: &SmtpConfig) -> Result<Self> {
        let host = config.host.trim();
        if host.is_empty() {
            return Err(LexcaseError::validation("host", "must not be empty"));
        }
        let tls = |host: &str| {
            TlsParameters::new(host.to_owned())
                .map_err(|_| LexcaseError::validation("host", "TLS cannot be set up for this host"))
        };
        let tls = match config.security {
            Security::StartTls => Tls::Required(tls(host)?),
            Security::Tls => Tls::Wrapper(tls(host)?),
            Security::None => {
                if config.username.is_some() || config.password.is_some() {
                    return Err(LexcaseError::validation(
                        "security",
                        "credentials are never sent without TLS",
                    ));
                }
                Tls::None
            }
        };
        let mut builder = lettre::SmtpTransport::builder_dangerous(host)
            .port(config.port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(config.timeout_seconds.max(1))))
            .hello_name(ClientId::Domain(
                config
                    .hello_name
                    .clone()
                    .unwrap_or_else(|| "localhost".into()),
            ));
        match (&config.username, &config.password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => {
                return Err(LexcaseError::validation(
                    "password",
                    "give both a user name and a password, or neither",
                ));
            }
        }
        Ok(Self {
            inner: builder.build(),
        })
    }

    /// A transport for a plain relay on this machine (`127.0.0.1` or `localhost`, no TLS, no
    /// authentication): local mail servers and tests.
    pub fn local(port: u16) -> Result<Self> {
        Self::new(&SmtpConfig::new("127.0.0.1", port, Security::None))
    }
}

impl MailTransport for SmtpTransport {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<()> {
        let from = address("from", &envelope.from)?;
        let to = envelope
            .to
            .iter()
            .enumerate()
            .map(|(i, t)| address(&format!("to[{i}]"), t))
            .collect::<Result<Vec<_>>>()?;
        let envelope = SmtpEnvelope::new(Some(from), to)
            .map_err(|_| LexcaseError::validation("to", "an email needs a recipient"))?;
        // lettre ends DATA with CRLF "." CRLF of its own; the message's last line ending is
        // that first CRLF, so the server receives exactly `message`.
        let data = message.strip_suffix(b"\r\n").unwrap_or(message);
        self.inner
            .send_raw(&envelope, data)
            .map(|_| ())
            .map_err(|e| delivery(&e))
    }
}
