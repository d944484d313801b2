//! Documents on a matter: named, categorised, with a status and numbered versions whose
//! contents live in a content-addressed [`crate::store::BlobStore`].

mod content_hash;
mod document;

pub use content_hash::ContentHash;
pub use document::{Document, DocumentStatus, DocumentVersion, NewDocument, media_type};
