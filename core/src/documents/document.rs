//! The document aggregate.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ContentHash;
use crate::error::{LexcaseError, Result};
use crate::ids::{DocumentId, MatterId, UserId};
use crate::validate;

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DocumentStatus {
    /// Being written; new versions welcome.
    Draft,
    /// Settled; a new version sends it back to draft.
    Final,
    /// Signed: no further versions, no status change.
    Signed,
}

crate::names::stable_names!(DocumentStatus, "status", "document status", {
    Draft = "draft",
    Final = "final",
    Signed = "signed",
});

impl DocumentStatus {
    /// Draft ↔ final, final → signed; signed is for good.
    pub fn check_transition(self, to: DocumentStatus) -> Result<()> {
        use DocumentStatus::*;
        let ok = matches!(
            (self, to),
            (Draft, Final) | (Final, Draft) | (Final, Signed)
        );
        if ok {
            Ok(())
        } else {
            Err(LexcaseError::InvalidTransition {
                entity: "document",
                from: self.as_str().into(),
                to: to.as_str().into(),
            })
        }
    }
}

/// One version of a document's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentVersion {
    /// 1, 2, 3 …
    pub number: u32,
    /// SHA-256 of the contents (their address in the blob store).
    pub hash: ContentHash,
    /// Size in bytes.
    pub size: u64,
    /// Media type, e.g. `application/pdf`.
    pub media_type: String,
    /// Who added it.
    pub author: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// A document on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Document {
    /// Identifier.
    pub id: DocumentId,
    /// The matter it is filed to.
    pub matter: MatterId,
    /// Name, e.g. "TA6 Property Information Form".
    pub name: String,
    /// Category, e.g. `TA6` (checklist items ask for categories).
    pub category: String,
    /// Draft, final or signed.
    pub status: DocumentStatus,
    /// Every version, oldest first (at least one).
    pub versions: Vec<DocumentVersion>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a document is filed with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewDocument {
    /// The matter.
    pub matter: MatterId,
    /// Name.
    pub name: String,
    /// Category.
    pub category: String,
    /// Media type of the first version.
    pub media_type: String,
}

/// Checks a media type: `type/subtype`, printable ASCII without spaces, ≤ 255 characters.
pub fn media_type(value: &str) -> Result<String> {
    let value = value.trim().to_ascii_lowercase();
    let ok = value.len() <= 255
        && value
            .split_once('/')
            .is_some_and(|(t, s)| !t.is_empty() && !s.is_empty() && !s.contains('/'))
        && value.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(value)
    } else {
        Err(LexcaseError::validation(
            "media_type",
            "expected type/subtype, e.g. application/pdf",
        ))
    }
}

/// The largest document version accepted (256 MiB).
pub const MAX_SIZE: u64 = 256 * 1024 * 1024;

impl Document {
    /// A draft document with its first version.
    pub fn create(
        new: NewDocument,
        hash: ContentHash,
        size: u64,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let mut doc = Self {
            id: DocumentId::new(),
            matter: new.matter,
            name: validate::required_line("name", &new.name)?,
            category: validate::required_line("category", &new.category)?,
            status: DocumentStatus::Draft,
            versions: Vec::new(),
            version: 1,
        };
        doc.push_version(hash, size, &new.media_type, by, now)?;
        Ok(doc)
    }

    /// Adds a version (not to a signed document); a final document returns to draft.
    pub fn add_version(
        &mut self,
        hash: ContentHash,
        size: u64,
        media: &str,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<&DocumentVersion> {
        if self.status == DocumentStatus::Signed {
            return Err(LexcaseError::InvalidTransition {
                entity: "document",
                from: "signed".into(),
                to: "new version".into(),
            });
        }
        self.status = DocumentStatus::Draft;
        self.push_version(hash, size, media, by, now)
    }

    fn push_version(
        &mut self,
        hash: ContentHash,
        size: u64,
        media: &str,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<&DocumentVersion> {
        if size > MAX_SIZE {
            return Err(LexcaseError::validation("contents", "larger than 256 MiB"));
        }
        let number = u32::try_from(self.versions.len() + 1)
            .map_err(|_| LexcaseError::validation("versions", "too many versions"))?;
        self.versions.push(DocumentVersion {
            number,
            hash,
            size,
            media_type: media_type(media)?,
            author: by,
            at: now,
        });
        self.versions
            .last()
            .ok_or_else(|| LexcaseError::storage("version list is empty after a push"))
    }

    /// Version `number`, or the latest with `None`.
    pub fn version_of(&self, number: Option<u32>) -> Result<&DocumentVersion> {
        match number {
            Some(n) => self.versions.iter().find(|v| v.number == n),
            None => self.versions.last(),
        }
        .ok_or_else(|| LexcaseError::not_found("document version"))
    }
}
