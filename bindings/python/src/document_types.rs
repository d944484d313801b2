//! `Document` and `DocumentVersion`.

use lexcase::documents::{Document, DocumentVersion};
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// One version of a document's contents.
    PyDocumentVersion(DocumentVersion) as "DocumentVersion" eq;
    repr(number, hash, size, media_type);
    |d| {
        /// 1, 2, 3 …
        number,
        /// SHA-256 of the contents as 64 lower-case hex digits (their address in the blob store).
        hash,
        /// Size in bytes.
        size,
        /// Media type, e.g. `application/pdf`.
        media_type,
        /// Who added it.
        author,
        /// When (UTC).
        at,
    }
}

py_record! {
    /// A document filed to a matter: `status` is `draft`, `final` or `signed`; `versions` holds
    /// every version of its contents, oldest first.
    PyDocument(Document) as "Document" eq;
    repr(id, name, category, status, version);
    |d| {
        /// Identifier.
        id,
        /// The matter it is filed to.
        matter,
        /// Name, e.g. "TA6 Property Information Form".
        name,
        /// Category, e.g. `TA6` (workflow checklist items ask for categories).
        category,
        /// Where it stands.
        status,
        /// Every version, oldest first (at least one).
        versions,
        /// Optimistic-concurrency version.
        version,
    }
}
