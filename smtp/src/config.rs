//! How a firm reaches its SMTP server.

use std::fmt;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which is required (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption at all: only for a relay on the same machine (loopback tests, a local
    /// MTA). Credentials are refused with it.
    None,
}

impl Security {
    /// Parses `starttls`, `tls` or `none`.
    pub fn parse(text: &str) -> lexcase::Result<Self> {
        match text {
            "starttls" => Ok(Self::StartTls),
            "tls" => Ok(Self::Tls),
            "none" => Ok(Self::None),
            _ => Err(lexcase::LexcaseError::validation(
                "security",
                "expected starttls, tls or none",
            )),
        }
    }
}

/// SMTP settings (a firm's own; the password is kept only in memory).
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    /// Server host name (the TLS certificate must name it).
    pub host: String,
    /// Port: 587 for STARTTLS, 465 for TLS.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
    /// User name, when the server wants authentication.
    pub username: Option<String>,
    /// Password.
    pub password: Option<String>,
    /// The name this client gives in EHLO (default `localhost`).
    pub hello_name: Option<String>,
    /// Seconds to wait for the server at each step.
    pub timeout_seconds: u64,
}

impl SmtpConfig {
    /// Settings without authentication and a 60-second timeout.
    pub fn new(host: &str, port: u16, security: Security) -> Self {
        Self {
            host: host.to_owned(),
            port,
            security,
            username: None,
            password: None,
            hello_name: None,
            timeout_seconds: 60,
        }
    }
}

impl fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("authenticated", &self.username.is_some())
            .finish_non_exhaustive()
    }
}
