//! Notes on matters and contacts: the core's records cross the FFI as they are
//! (`lexcase::notes`); this module keeps the page of notes.

pub use lexcase::notes::{Note, NoteRevision, NoteSubject};

use crate::convert::page_record;

page_record! {
    /// One page of notes and the total number the acting user may see.
    NotePage of Note,
    items: "The notes in this page (newest first, or best match first for a search).",
    total: "How many notes match in all (notes of hidden matters are not counted).",
}
