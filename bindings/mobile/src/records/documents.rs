//! Documents filed to a matter: the core's records and enums cross the FFI as they are
//! (`lexcase::documents`); this module keeps the page of documents.

pub use lexcase::documents::{Document, DocumentStatus, DocumentVersion, NewDocument};

use crate::convert::page_record;

page_record! {
    /// One page of documents and the total number the acting user may see.
    DocumentPage of Document,
    items: "The documents in this page (newest first, or best match first for a search).",
    total: "How many documents match in all (documents of hidden matters are not counted).",
}
