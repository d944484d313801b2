//! Documents filed to a matter: versions of content-addressed contents, and a status.

use std::time::SystemTime;

use lexcase::MatterId;
use lexcase::documents::{
    Document as CoreDocument, DocumentStatus as CoreDocumentStatus,
    DocumentVersion as CoreDocumentVersion, NewDocument as CoreNewDocument,
};
use lexcase::store::Paged;
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum};

mirror_enum! {
    /// Where a document stands: draft ↔ final → signed. A new version returns a final document
    /// to draft; a signed document takes no new version.
    DocumentStatus = CoreDocumentStatus {
        /// Being worked on.
        Draft,
        /// Ready (may go back to draft, or be signed).
        Final,
        /// Signed: no further change.
        Signed,
    }
}

/// One version of a document's contents.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DocumentVersion {
    /// 1 for the first version, counting up.
    pub number: u32,
    /// The SHA-256 of the contents, lowercase hex (their address in the blob store).
    pub hash: String,
    /// Size of the contents in bytes.
    pub size: u64,
    /// Media type, e.g. `application/pdf` (normalised to lowercase).
    pub media_type: String,
    /// Who filed it (a user id).
    pub author: Uuid,
    /// When.
    pub at: SystemTime,
}

impl From<CoreDocumentVersion> for DocumentVersion {
    fn from(version: CoreDocumentVersion) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreDocumentVersion {
            number,
            hash,
            size,
            media_type,
            author,
            at,
        } = version;
        Self {
            number,
            hash: hash.into(),
            size,
            media_type,
            author: author.into(),
            at: instant(at),
        }
    }
}

/// A document on a matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Document {
    /// Identifier.
    pub id: Uuid,
    /// The matter it is filed to.
    pub matter: Uuid,
    /// Its name, e.g. "Client care letter".
    pub name: String,
    /// Its category, e.g. `client_care_letter` (a workflow item may ask for a category).
    pub category: String,
    /// Where it stands.
    pub status: DocumentStatus,
    /// Its versions, oldest first (never empty).
    pub versions: Vec<DocumentVersion>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreDocument> for Document {
    fn from(document: CoreDocument) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreDocument {
            id,
            matter,
            name,
            category,
            status,
            versions,
            version,
        } = document;
        Self {
            id: id.into(),
            matter: matter.into(),
            name,
            category,
            status: status.into(),
            versions: all(versions),
            version,
        }
    }
}

/// What a document is filed with (its contents are passed beside it).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewDocument {
    /// The matter to file it to.
    pub matter: Uuid,
    /// Its name.
    pub name: String,
    /// Its category, e.g. `client_care_letter`.
    pub category: String,
    /// Media type of the first version, e.g. `application/pdf`.
    pub media_type: String,
}

impl From<NewDocument> for CoreNewDocument {
    fn from(new: NewDocument) -> Self {
        // Destructured without `..`: a field added here must reach the core type.
        let NewDocument {
            matter,
            name,
            category,
            media_type,
        } = new;
        Self {
            matter: MatterId::from(matter),
            name,
            category,
            media_type,
        }
    }
}

/// One page of documents and the total number the acting user may see.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DocumentPage {
    /// The documents in this page (newest first, or best match first for a search).
    pub items: Vec<Document>,
    /// How many documents match in all (documents of hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreDocument>> for DocumentPage {
    fn from(page: Paged<CoreDocument>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}
