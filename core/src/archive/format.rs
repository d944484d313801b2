//! The archive's members, its manifest and the line forms of what has no serde form of its own.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::{AuditHead, AuditRecord, EntityKind, HashScheme};
use crate::error::{LexcaseError, Result};
use crate::ids::{EventId, MatterId, UserId};

/// The name an archive declares itself by in its manifest.
pub const FORMAT_NAME: &str = "lexcase-firm-archive";
/// The archive format this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The manifest's member name.
pub const MANIFEST: &str = "manifest.json";
/// The audit log's member name.
pub const AUDIT_EVENTS: &str = "audit/events.jsonl";
/// The firm's settings (zero or one line).
pub const FIRM_SETTINGS: &str = "firm/settings.jsonl";
/// The firm's billing defaults (zero or one line).
pub const BILLING_SETTINGS: &str = "firm/billing_settings.jsonl";
/// Every workflow template version.
pub const WORKFLOW_TEMPLATES: &str = "firm/workflow_templates.jsonl";
/// Every stored document template version (installed ones, and built-ins the firm retired).
pub const DOCUMENT_TEMPLATES: &str = "firm/document_templates.jsonl";
/// The firm's letterhead (zero or one line).
pub const LETTERHEAD: &str = "firm/letterhead.jsonl";
/// The installed rule packs.
pub const RULE_PACKS: &str = "firm/rule_packs.jsonl";
/// The ids of the rule packs in force (one line: an array).
pub const ENABLED_RULE_PACKS: &str = "firm/enabled_rule_packs.jsonl";
/// The folder of document contents, each named by its SHA-256.
pub const BLOBS: &str = "blobs/";
/// The largest manifest read (bytes).
pub const MANIFEST_LIMIT: u64 = 64 * 1024 * 1024;

/// The member of a kind of record.
pub fn records_member(kind: crate::store::RecordKind) -> String {
    format!("records/{}.jsonl", kind.name())
}

/// The archive's table of contents, written last as `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The archive format version ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// The head of the firm's audit chain when it was exported (`None` for an empty log).
    pub audit_head: Option<AuditHead>,
    /// Every other member, in the order written.
    pub members: Vec<Member>,
}

/// One member of the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Its path inside the archive.
    pub name: String,
    /// Lines (records) for a JSON Lines member; 1 for a document's contents.
    pub count: u64,
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// One line of a `records/*.jsonl` member: the record's key in the store and the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordLine {
    /// The store's key of the record (ids as UUIDs; counters and text by their name or id).
    pub key: String,
    /// The record.
    pub record: serde_json::Value,
}

/// One line of `audit/events.jsonl`: an audit event exactly as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    /// Position in the chain.
    pub seq: u64,
    /// Event id.
    pub id: EventId,
    /// When, in whole microseconds since the Unix epoch (exact).
    pub at_micros: i64,
    /// Who.
    pub actor: UserId,
    /// The kind of entity.
    pub entity_kind: EntityKind,
    /// The entity.
    pub entity_id: Uuid,
    /// The matters it concerns.
    pub matters: Vec<MatterId>,
    /// The action.
    pub action: String,
    /// The hash scheme's stored number.
    pub scheme: u8,
    /// The encoded changes, hex.
    pub changes: String,
    /// The previous event's hash, hex.
    pub prev_hash: String,
    /// This event's hash, hex.
    pub hash: String,
}

fn hash32(text: &str) -> Result<[u8; 32]> {
    let bytes =
        hex::decode(text).map_err(|_| LexcaseError::invalid_archive("an audit hash is not hex"))?;
    bytes
        .try_into()
        .map_err(|_| LexcaseError::invalid_archive("an audit hash is not 32 bytes"))
}

impl AuditLine {
    /// The line of a stored event.
    pub fn of(record: &AuditRecord) -> Self {
        Self {
            seq: record.seq,
            id: record.id,
            at_micros: record.at.timestamp_micros(),
            actor: record.actor,
            entity_kind: record.entity_kind,
            entity_id: record.entity_id,
            matters: record.matters.clone(),
            action: record.action.clone(),
            scheme: record.scheme.code(),
            changes: hex::encode(&record.changes),
            prev_hash: hex::encode(record.prev_hash),
            hash: hex::encode(record.hash),
        }
    }

    /// The stored event this line carries.
    pub fn record(&self) -> Result<AuditRecord> {
        Ok(AuditRecord {
            seq: self.seq,
            id: self.id,
            at: chrono::DateTime::from_timestamp_micros(self.at_micros)
                .ok_or_else(|| LexcaseError::invalid_archive("an audit time is out of range"))?,
            actor: self.actor,
            entity_kind: self.entity_kind,
            entity_id: self.entity_id,
            matters: self.matters.clone(),
            action: self.action.clone(),
            scheme: HashScheme::from_code(i64::from(self.scheme)).map_err(|_| {
                LexcaseError::invalid_archive("an audit event has an unknown scheme")
            })?,
            changes: hex::decode(&self.changes)
                .map_err(|_| LexcaseError::invalid_archive("audit changes are not hex"))?,
            prev_hash: hash32(&self.prev_hash)?,
            hash: hash32(&self.hash)?,
        })
    }
}
