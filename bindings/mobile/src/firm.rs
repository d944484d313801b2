//! The firm handle: a database file (or memory) opened once, shared by every session.

use std::sync::Arc;

use lexcase_sqlite::{SqliteOptions, SqliteStore, blobs_beside};
use uuid::Uuid;

use crate::error::Result;
use crate::mail::{ForeignTransport, MailSender, SmtpSettings};
use crate::records::{Durability, FirmSettings, FirmSetup, NewUser, User};
use crate::session::Session;

/// A firm: one lexcase database. Open it once and share it (it is thread-safe); sessions act
/// for one user each.
#[derive(Debug, uniffi::Object)]
pub struct Firm {
    firm: lexcase::service::Firm,
}

impl Firm {
    /// The core firm (for the exported methods of other files).
    pub(crate) fn core(&self) -> &lexcase::service::Firm {
        &self.firm
    }
}

#[uniffi::export]
impl Firm {
    /// Opens (creating if absent) the database at `path`, or a private in-memory one for
    /// `":memory:"`. A file that is not a lexcase database, or one written by a newer lexcase,
    /// is refused with `IncompatibleDatabase` and left exactly as it was. Document contents are
    /// kept in the directory `<path>.blobs` beside the file (created once the database is
    /// open), or in memory for `":memory:"`.
    #[uniffi::constructor]
    pub fn open(path: String, durability: Durability) -> Result<Arc<Self>> {
        let options = SqliteOptions {
            durability: durability.into(),
            ..SqliteOptions::default()
        };
        let store = SqliteStore::open(&path, options)?;
        // After the store: a file that is refused gets no blob directory beside it.
        let blobs = blobs_beside(&path)?;
        Ok(Arc::new(Self {
            firm: lexcase::service::Firm::new(store)
                .with_blobs(blobs)
                .with_engine(Arc::new(lexcase_render::Engine::new())),
        }))
    }

    /// The same firm sending email through an SMTP server (`communications().sendEmail`).
    /// The password is kept in memory only.
    pub fn with_smtp(&self, settings: SmtpSettings) -> Result<Arc<Self>> {
        let smtp = lexcase_smtp::SmtpTransport::new(&settings.into())?;
        Ok(Arc::new(Self {
            firm: self.firm.clone().with_mail_transport(Arc::new(smtp)),
        }))
    }

    /// The same firm sending email through the app's own `sender`.
    pub fn with_mail_sender(&self, sender: Arc<dyn MailSender>) -> Arc<Self> {
        Arc::new(Self {
            firm: self
                .firm
                .clone()
                .with_mail_transport(Arc::new(ForeignTransport(sender))),
        })
    }

    /// Whether the firm has been set up (`initialise`).
    pub fn is_initialised(&self) -> Result<bool> {
        Ok(self.firm.is_initialised()?)
    }

    /// Sets up a new firm and its first user, who is made an admin, in one audited
    /// transaction. A `Conflict` if the firm is already set up.
    pub fn initialise(&self, setup: FirmSetup, admin: NewUser) -> Result<User> {
        Ok(self.firm.initialise(&setup, &admin)?)
    }

    /// The firm's settings.
    pub fn settings(&self) -> Result<FirmSettings> {
        Ok(self.firm.settings()?.into())
    }

    /// A session acting as the user with this id, who must exist and be active.
    pub fn session(&self, user_id: Uuid) -> Result<Arc<Session>> {
        Ok(Arc::new(self.firm.session(user_id.into())?.into()))
    }

    /// A session acting as the user with this email (once the app has authenticated them),
    /// who must exist and be active.
    pub fn session_by_email(&self, email: String) -> Result<Arc<Session>> {
        Ok(Arc::new(self.firm.session_by_email(&email)?.into()))
    }
}
