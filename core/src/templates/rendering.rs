//! Rendered documents, and the rendering kept with an issued bill.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::OutputFormat;
use crate::documents::{ContentHash, Document};
use crate::ids::{BillId, UserId};

/// The rendering of an issued bill, kept so that every reprint is byte-identical: the first
/// rendering of an issued bill in a format is kept (its bytes in the blob store), and later
/// renderings in that format return those bytes whatever the template has become.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillRendering {
    /// The bill.
    pub bill: BillId,
    /// The format.
    pub format: OutputFormat,
    /// The template it was rendered from.
    pub template: String,
    /// That template's version.
    pub template_version: u32,
    /// SHA-256 of the bytes (their address in the blob store).
    pub hash: ContentHash,
    /// Size in bytes.
    pub size: u64,
    /// Who rendered it first.
    pub rendered_by: UserId,
    /// When.
    pub rendered_at: DateTime<Utc>,
}

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RenderedDocument {
    /// The bytes: UTF-8 text or HTML, or a PDF.
    pub bytes: Vec<u8>,
    /// The format.
    pub format: OutputFormat,
    /// A file name for it, e.g. `Invoice INV000012.pdf`.
    pub file_name: String,
    /// The template it was rendered from.
    pub template: String,
    /// That template's version.
    pub template_version: u32,
    /// SHA-256 of the bytes.
    pub hash: ContentHash,
    /// The matter document it was filed as (when filing was asked for).
    pub document: Option<Document>,
    /// Whether these are the kept bytes of an issued bill rendered before (a reprint).
    pub reprint: bool,
}
