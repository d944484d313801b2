//! Notes on matters and contacts, their history, and full-text search.

use lexcase::notes::NoteSubject;
use lexcase::service::Session;
use uuid::Uuid;

use crate::error::Result;
use crate::records::{Note, NotePage, Page};

/// Notes. A matter note follows the matter's visibility (for a user who may not see the matter
/// its notes do not exist) and needs `edit_matters` to write; a contact note is firm-wide and
/// needs `manage_contacts`. Edits are based on the note's `expected_version` (else
/// `StaleVersion`) and keep the previous text as a revision.
#[derive(Debug, uniffi::Object)]
pub struct NoteService {
    session: Session,
}

impl NoteService {
    pub(crate) fn new(session: Session) -> Self {
        Self { session }
    }
}

#[uniffi::export]
impl NoteService {
    /// Adds a note about a matter.
    pub fn add_to_matter(&self, matter: Uuid, body: String) -> Result<Note> {
        Ok(self
            .session
            .notes()
            .add(NoteSubject::Matter(matter.into()), &body)?
            .into())
    }

    /// Adds a note about a contact.
    pub fn add_to_contact(&self, contact: Uuid, body: String) -> Result<Note> {
        Ok(self
            .session
            .notes()
            .add(NoteSubject::Contact(contact.into()), &body)?
            .into())
    }

    /// A note by id, with its earlier versions.
    pub fn get(&self, id: Uuid) -> Result<Note> {
        Ok(self.session.notes().get(id.into())?.into())
    }

    /// Replaces a note's text; the previous text is kept as a revision. The same text again is
    /// a `Validation` error (field `body`).
    pub fn edit(&self, id: Uuid, expected_version: u64, body: String) -> Result<Note> {
        Ok(self
            .session
            .notes()
            .edit(id.into(), expected_version, &body)?
            .into())
    }

    /// Notes on a matter, newest first.
    pub fn for_matter(&self, matter: Uuid, page: Page) -> Result<NotePage> {
        Ok(self
            .session
            .notes()
            .for_matter(matter.into(), page.try_into()?)?
            .into())
    }

    /// Notes on a contact, newest first.
    pub fn for_contact(&self, contact: Uuid, page: Page) -> Result<NotePage> {
        Ok(self
            .session
            .notes()
            .for_contact(contact.into(), page.try_into()?)?
            .into())
    }

    /// Notes containing every word of `text` (word prefixes; case and accents ignored; at most
    /// 20 words), on matters the actor may see and on contacts, best match first.
    pub fn search(&self, text: String, page: Page) -> Result<NotePage> {
        Ok(self.session.notes().search(&text, page.try_into()?)?.into())
    }
}
