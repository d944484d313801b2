//! `Note` and `NoteRevision`.

use lexcase::notes::{Note, NoteRevision};
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// An earlier version of a note's text.
    PyNoteRevision(NoteRevision) as "NoteRevision" eq;
    repr(by, at);
    |n| {
        /// The text as it was.
        body,
        /// Who wrote that version.
        by,
        /// When (UTC).
        at,
    }
}

py_record! {
    /// A note about a matter (`matter` set) or a contact (`contact` set), with every earlier
    /// version of its text.
    PyNote(Note) as "Note" eq;
    repr(id, matter, contact, version);
    |n| {
        /// Identifier.
        id,
        /// The matter it is about, for a matter note.
        matter = n.subject.matter(),
        /// The contact it is about, for a contact note.
        contact = match n.subject {
            lexcase::notes::NoteSubject::Contact(c) => Some(c),
            lexcase::notes::NoteSubject::Matter(_) => None,
        },
        /// The current text.
        body,
        /// Who wrote the current text.
        author,
        /// When the current text was written (UTC).
        written_at,
        /// Earlier versions of the text, oldest first.
        revisions,
        /// Optimistic-concurrency version.
        version,
    }
}
