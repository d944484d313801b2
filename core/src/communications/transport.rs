//! The port outgoing email leaves through: SMTP (`lexcase-smtp`) or the caller's own means.

use crate::error::Result;

/// Who a message is handed over from and to (the SMTP envelope: Bcc recipients are in `to`
/// but not in the message's headers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The sender's address (`MAIL FROM`).
    pub from: String,
    /// Every recipient's address (`RCPT TO`), To, Cc and Bcc alike.
    pub to: Vec<String>,
}

/// Hands a finished RFC 5322 message to whatever delivers it. The message must be sent
/// exactly as given (these bytes are what the matter keeps). A failure is
/// [`crate::LexcaseError::Delivery`], and then nothing about the send is recorded.
pub trait MailTransport: Send + Sync {
    /// Sends `message` to the envelope's recipients.
    fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<()>;
}
