//! Notes on matters and contacts; editing keeps every prior version.

use std::time::SystemTime;

use lexcase::notes::{
    Note as CoreNote, NoteRevision as CoreNoteRevision, NoteSubject as CoreNoteSubject,
};
use lexcase::store::Paged;
use uuid::Uuid;

use crate::convert::{all, instant};

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum NoteSubject {
    /// A matter (case note, attendance note); the note follows the matter's visibility.
    Matter {
        /// The matter's id.
        id: Uuid,
    },
    /// A contact; the note is visible to the whole firm.
    Contact {
        /// The contact's id.
        id: Uuid,
    },
}

impl From<CoreNoteSubject> for NoteSubject {
    fn from(subject: CoreNoteSubject) -> Self {
        match subject {
            CoreNoteSubject::Matter(id) => Self::Matter { id: id.into() },
            CoreNoteSubject::Contact(id) => Self::Contact { id: id.into() },
        }
    }
}

impl From<NoteSubject> for CoreNoteSubject {
    fn from(subject: NoteSubject) -> Self {
        match subject {
            NoteSubject::Matter { id } => Self::Matter(id.into()),
            NoteSubject::Contact { id } => Self::Contact(id.into()),
        }
    }
}

/// A prior version of a note's text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NoteRevision {
    /// The text as it was.
    pub body: String,
    /// Who wrote that version (a user id).
    pub by: Uuid,
    /// When.
    pub at: SystemTime,
}

impl From<CoreNoteRevision> for NoteRevision {
    fn from(revision: CoreNoteRevision) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreNoteRevision { body, by, at } = revision;
        Self {
            body,
            by: by.into(),
            at: instant(at),
        }
    }
}

/// A note.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Note {
    /// Identifier.
    pub id: Uuid,
    /// What it is about.
    pub subject: NoteSubject,
    /// The current text.
    pub body: String,
    /// Who wrote the current text (a user id).
    pub author: Uuid,
    /// When the current text was written.
    pub written_at: SystemTime,
    /// Earlier versions, oldest first.
    pub revisions: Vec<NoteRevision>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreNote> for Note {
    fn from(note: CoreNote) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreNote {
            id,
            subject,
            body,
            author,
            written_at,
            revisions,
            version,
        } = note;
        Self {
            id: id.into(),
            subject: subject.into(),
            body,
            author: author.into(),
            written_at: instant(written_at),
            revisions: all(revisions),
            version,
        }
    }
}

/// One page of notes and the total number the acting user may see.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotePage {
    /// The notes in this page (newest first, or best match first for a search).
    pub items: Vec<Note>,
    /// How many notes match in all (notes of hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreNote>> for NotePage {
    fn from(page: Paged<CoreNote>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
