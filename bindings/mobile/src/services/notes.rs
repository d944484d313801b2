//! Notes on matters and contacts, their history, and full-text search.

use lexcase::notes::NoteSubject;
use lexcase::{ContactId, MatterId, NoteId};

use crate::error::Result;
use crate::records::{Note, NotePage, Page};

service_object! {
    /// Notes. A matter note follows the matter's visibility (for a user who may not see the matter
    /// its notes do not exist) and needs `edit_matters` to write; a contact note is firm-wide and
    /// needs `manage_contacts`. Edits are based on the note's `expected_version` (else
    /// `StaleVersion`) and keep the previous text as a revision.
    NoteService
}

#[uniffi::export]
impl NoteService {
    /// Adds a note about a matter.
    pub fn add_to_matter(&self, matter: MatterId, body: String) -> Result<Note> {
        Ok(self
            .session
            .notes()
            .add(NoteSubject::Matter(matter), &body)?)
    }

    /// Adds a note about a contact.
    pub fn add_to_contact(&self, contact: ContactId, body: String) -> Result<Note> {
        Ok(self
            .session
            .notes()
            .add(NoteSubject::Contact(contact), &body)?)
    }

    /// A note by id, with its earlier versions.
    pub fn get(&self, id: NoteId) -> Result<Note> {
        Ok(self.session.notes().get(id)?)
    }

    /// Replaces a note's text; the previous text is kept as a revision. The same text again is
    /// a `Validation` error (field `body`).
    pub fn edit(&self, id: NoteId, expected_version: u64, body: String) -> Result<Note> {
        Ok(self.session.notes().edit(id, expected_version, &body)?)
    }

    /// Notes on a matter, newest first.
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<NotePage> {
        Ok(self
            .session
            .notes()
            .for_matter(matter, page.try_into()?)?
            .into())
    }

    /// Notes on a contact, newest first.
    pub fn for_contact(&self, contact: ContactId, page: Page) -> Result<NotePage> {
        Ok(self
            .session
            .notes()
            .for_contact(contact, page.try_into()?)?
            .into())
    }

    /// Notes containing every word of `text` (word prefixes; case and accents ignored; at most
    /// 20 words), on matters the actor may see and on contacts, best match first.
    pub fn search(&self, text: String, page: Page) -> Result<NotePage> {
        Ok(self.session.notes().search(&text, page.try_into()?)?.into())
    }
}
