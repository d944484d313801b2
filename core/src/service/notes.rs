//! Notes on matters and contacts, with their history of versions and full-text search.

use super::Session;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, NoteId};
use crate::notes::{Note, NoteSubject};
use crate::store::{Page, Paged};

/// Notes. A matter note follows the matter's visibility and needs `edit_matters` to write; a
/// contact note is firm-wide and needs `manage_contacts`.
#[derive(Debug)]
pub struct NoteService<'s> {
    session: &'s Session,
}

/// Checks the actor may write about `subject`.
fn writable(ctx: &WriteCtx<'_>, subject: &NoteSubject) -> Result<()> {
    match subject {
        NoteSubject::Matter(m) => {
            ctx.matter(*m)?.ensure_editable()?;
            ctx.require(Capability::EditMatters)
        }
        NoteSubject::Contact(c) => {
            ctx.contact(*c)?;
            ctx.require(Capability::ManageContacts)
        }
    }
}

/// Checks the actor may read about `subject` (a hidden matter's notes do not exist).
fn readable(ctx: &ReadCtx<'_>, subject: &NoteSubject) -> Result<()> {
    match subject {
        NoteSubject::Matter(m) => ctx.matter(*m).map(|_| ()),
        NoteSubject::Contact(c) => ctx
            .tx
            .contact(*c)?
            .map(|_| ())
            .ok_or_else(|| LexcaseError::not_found("contact")),
    }
}

impl<'s> NoteService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Adds a note about a matter or a contact.
    pub fn add(&self, subject: NoteSubject, body: &str) -> Result<Note> {
        self.session.write(|ctx| {
            writable(ctx, &subject)?;
            let note = Note::create(subject, body, ctx.actor.id, ctx.now)?;
            ctx.create(note, "note.added")
        })
    }

    /// A note by id, with its earlier versions.
    pub fn get(&self, id: NoteId) -> Result<Note> {
        self.session.read(|ctx| {
            let note = ctx
                .tx
                .note(id)?
                .ok_or_else(|| LexcaseError::not_found("note"))?;
            readable(ctx, &note.subject).map_err(|_| LexcaseError::not_found("note"))?;
            Ok(note)
        })
    }

    /// Replaces a note's text; the previous text is kept as a revision.
    pub fn edit(&self, id: NoteId, expected_version: u64, body: &str) -> Result<Note> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .note(id)?
                .ok_or_else(|| LexcaseError::not_found("note"))?;
            if let NoteSubject::Matter(m) = before.subject {
                ctx.matter(m).map_err(|_| LexcaseError::not_found("note"))?;
            }
            writable(ctx, &before.subject)?;
            ctx.amend(before, expected_version, "note.edited", |n, ctx| {
                n.edit(body, ctx.actor.id, ctx.now)
            })
        })
    }

    /// Notes on a matter, newest first.
    pub fn for_matter(&self, matter: MatterId, page: Page) -> Result<Paged<Note>> {
        self.about(NoteSubject::Matter(matter), page)
    }

    /// Notes on a contact, newest first.
    pub fn for_contact(&self, contact: ContactId, page: Page) -> Result<Paged<Note>> {
        self.about(NoteSubject::Contact(contact), page)
    }

    fn about(&self, subject: NoteSubject, page: Page) -> Result<Paged<Note>> {
        self.session.read(|ctx| {
            readable(ctx, &subject)?;
            ctx.tx.notes_about(&subject, page)
        })
    }

    /// Notes containing every word of `text` (word prefixes; case and accents ignored), on
    /// matters the actor may see and on contacts, best match first.
    pub fn search(&self, text: &str, page: Page) -> Result<Paged<Note>> {
        let words = crate::text::search_words(text)?;
        self.session
            .read(|ctx| ctx.tx.search_notes(&words, &ctx.viewer(), page))
    }
}
