//! Audit events as stores keep them: the changes in their compact encoding, binary hashes, and
//! the hash scheme that seals each event.

use chrono::{DateTime, SecondsFormat, Utc};
use hmac::Mac;
use serde::Serialize;
use sha2::digest::Update;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::encoding::{EventContext, decode_changes, encode_changes};
use super::{AuditEvent, AuditKey, EntityKind, FieldChange};
use crate::error::{LexcaseError, Result};
use crate::ids::{EventId, MatterId, UserId};

/// A SHA-256 hash.
pub type Hash = [u8; 32];

/// The `prev_hash` of the first event: 32 zero bytes.
pub const GENESIS: Hash = [0; 32];

/// How an event's hash is computed; kept with each event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashScheme {
    /// Events written before schema 10 of the SQLite store: SHA-256 over the previous hash in
    /// hex, a newline and a JSON encoding of the event; the changes are kept as that JSON.
    Json,
    /// SHA-256 over the previous hash and the binary encoding of the event; the changes are
    /// kept in [`super::encoding`]'s form.
    Binary,
    /// HMAC-SHA256 with the firm's [`AuditKey`] over the same bytes as [`HashScheme::Binary`]:
    /// recomputing (or checking) the hash needs the key, which the file does not hold.
    KeyedBinary,
}

impl HashScheme {
    /// The number stores keep.
    pub fn code(self) -> u8 {
        match self {
            HashScheme::Json => 1,
            HashScheme::Binary => 2,
            HashScheme::KeyedBinary => 3,
        }
    }

    /// The scheme a stored number names.
    pub fn from_code(code: i64) -> Result<Self> {
        match code {
            1 => Ok(HashScheme::Json),
            2 => Ok(HashScheme::Binary),
            3 => Ok(HashScheme::KeyedBinary),
            _ => Err(LexcaseError::storage(
                "a stored audit event has an unknown hash scheme",
            )),
        }
    }
}

/// One audit event as stored: everything its hash covers, plus the hash of the event before it
/// (which stores derive from that event rather than keep twice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// Position in the chain, from 1, gapless.
    pub seq: u64,
    /// Identifier.
    pub id: EventId,
    /// When it happened (whole microseconds).
    pub at: DateTime<Utc>,
    /// Who did it.
    pub actor: UserId,
    /// The kind of entity changed.
    pub entity_kind: EntityKind,
    /// The entity's id.
    pub entity_id: Uuid,
    /// Every matter the event concerns (for access filtering), in the order recorded.
    pub matters: Vec<MatterId>,
    /// What was done, e.g. `matter.created`.
    pub action: String,
    /// How the hash is computed.
    pub scheme: HashScheme,
    /// The changed fields, encoded as the scheme says.
    pub changes: Vec<u8>,
    /// The hash of the event before ([`GENESIS`] for the first).
    pub prev_hash: Hash,
    /// This event's hash.
    pub hash: Hash,
}

/// The fields a [`HashScheme::Json`] hash covers, in their fixed order.
#[derive(Serialize)]
struct JsonCanonical<'a> {
    seq: u64,
    id: &'a EventId,
    at: String,
    actor: &'a UserId,
    entity_kind: &'static str,
    entity_id: &'a Uuid,
    matter: Option<&'a MatterId>,
    action: &'a str,
    changes: &'a [FieldChange],
}

fn put_len(hasher: &mut impl Update, len: usize) {
    hasher.update(&(len as u64).to_be_bytes());
}

impl AuditRecord {
    /// A new event recording `changes`, to be sealed with [`AuditRecord::seal`].
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        at: DateTime<Utc>,
        actor: UserId,
        entity_kind: EntityKind,
        entity_id: Uuid,
        matters: Vec<MatterId>,
        action: &str,
        changes: &[FieldChange],
    ) -> Self {
        let at = DateTime::from_timestamp_micros(at.timestamp_micros()).unwrap_or(at);
        let context = EventContext::new(
            &entity_id,
            actor.as_uuid(),
            matters.first().map(|m| m.as_uuid()),
            at,
        );
        Self {
            seq: 0,
            id: EventId::new(),
            at,
            actor,
            entity_kind,
            entity_id,
            matters,
            action: action.to_owned(),
            scheme: HashScheme::Binary,
            changes: encode_changes(changes, &context),
            prev_hash: GENESIS,
            hash: GENESIS,
        }
    }

    /// A new event recording the change of a record from `before` to `after` (`None`: created
    /// or deleted); a creation is encoded straight from the record.
    #[allow(clippy::too_many_arguments)]
    pub fn of_change<T: Serialize>(
        at: DateTime<Utc>,
        actor: UserId,
        entity_kind: EntityKind,
        entity_id: Uuid,
        matters: Vec<MatterId>,
        action: &str,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Result<Self> {
        let mut event = Self::new(at, actor, entity_kind, entity_id, matters, action, &[]);
        let context = event.context();
        event.changes = match (before, after) {
            (None, Some(created)) => super::created_changes(created, &context)?,
            _ => encode_changes(&super::diff(before, after), &context),
        };
        Ok(event)
    }

    /// Links this event after `head` (`None`: the first event) and seals it with its hash.
    pub fn seal(&mut self, head: Option<(u64, Hash)>) {
        self.seal_with(head, None);
    }

    /// Links this event after `head` and seals it: with HMAC-SHA256 under `key`
    /// ([`HashScheme::KeyedBinary`]) when one is given, else with SHA-256.
    pub fn seal_with(&mut self, head: Option<(u64, Hash)>, key: Option<&AuditKey>) {
        let (seq, prev) = head.map_or((1, GENESIS), |(seq, hash)| (seq + 1, hash));
        self.seq = seq;
        self.prev_hash = prev;
        if key.is_some() && self.scheme == HashScheme::Binary {
            self.scheme = HashScheme::KeyedBinary;
        }
        self.hash = self.compute_hash_with(&prev, key).unwrap_or(GENESIS);
    }

    /// This event's hash when it follows an event whose hash is `prev` (a keyed event needs
    /// the key: see [`AuditRecord::compute_hash_with`]).
    pub fn compute_hash(&self, prev: &Hash) -> Result<Hash> {
        self.compute_hash_with(prev, None)
    }

    /// This event's hash when it follows an event whose hash is `prev`; `key` is needed for a
    /// [`HashScheme::KeyedBinary`] event (without it, a validation error on `audit_key`).
    pub fn compute_hash_with(&self, prev: &Hash, key: Option<&AuditKey>) -> Result<Hash> {
        match self.scheme {
            HashScheme::Json => self.json_hash(prev),
            HashScheme::Binary => {
                let mut hasher = Sha256::new();
                self.feed_binary(prev, &mut hasher);
                Ok(hasher.finalize().into())
            }
            HashScheme::KeyedBinary => {
                let key = key.ok_or_else(|| {
                    LexcaseError::validation("audit_key", "a keyed audit event needs the audit key")
                })?;
                let mut mac = key.mac();
                self.feed_binary(prev, &mut mac);
                Ok(mac.finalize().into_bytes().into())
            }
        }
    }

    /// Feeds what a binary hash covers: the previous hash and every field of the event.
    fn feed_binary(&self, prev: &Hash, hasher: &mut impl Update) {
        hasher.update(prev);
        hasher.update(&self.seq.to_be_bytes());
        hasher.update(&self.id.to_bytes());
        hasher.update(&self.at.timestamp_micros().to_be_bytes());
        hasher.update(&self.actor.to_bytes());
        let kind = self.entity_kind.as_str();
        put_len(hasher, kind.len());
        hasher.update(kind.as_bytes());
        hasher.update(self.entity_id.as_bytes());
        put_len(hasher, self.matters.len());
        for matter in &self.matters {
            hasher.update(&matter.to_bytes());
        }
        put_len(hasher, self.action.len());
        hasher.update(self.action.as_bytes());
        put_len(hasher, self.changes.len());
        hasher.update(&self.changes);
    }

    /// The hash of an event written before schema 10 ([`HashScheme::Json`]).
    fn json_hash(&self, prev: &Hash) -> Result<Hash> {
        let changes: Vec<FieldChange> = serde_json::from_slice(&self.changes)
            .map_err(|_| LexcaseError::storage("a stored audit event is unreadable"))?;
        let canonical = JsonCanonical {
            seq: self.seq,
            id: &self.id,
            at: self.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            actor: &self.actor,
            entity_kind: self.entity_kind.as_str(),
            entity_id: &self.entity_id,
            matter: self.matters.first(),
            action: &self.action,
            changes: &changes,
        };
        let body = serde_json::to_vec(&canonical)
            .map_err(|_| LexcaseError::storage("an audit event cannot be encoded"))?;
        let mut hasher = Sha256::new();
        Digest::update(&mut hasher, hex::encode(prev).as_bytes());
        Digest::update(&mut hasher, b"\n");
        Digest::update(&mut hasher, &body);
        Ok(hasher.finalize().into())
    }

    /// The changed fields.
    pub fn field_changes(&self) -> Result<Vec<FieldChange>> {
        match self.scheme {
            HashScheme::Json => serde_json::from_slice(&self.changes)
                .map_err(|_| LexcaseError::storage("a stored audit event is unreadable")),
            HashScheme::Binary | HashScheme::KeyedBinary => {
                decode_changes(&self.changes, &self.context())
            }
        }
    }

    /// What the changes of this event may refer back to.
    fn context(&self) -> EventContext {
        EventContext::new(
            &self.entity_id,
            self.actor.as_uuid(),
            self.matters.first().map(|m| m.as_uuid()),
            self.at,
        )
    }

    /// The event as the audit service shows it.
    pub fn to_event(&self) -> Result<AuditEvent> {
        Ok(AuditEvent {
            seq: self.seq,
            id: self.id,
            at: self.at,
            actor: self.actor,
            entity_kind: self.entity_kind,
            entity_id: self.entity_id,
            matters: self.matters.clone(),
            action: self.action.clone(),
            changes: self.field_changes()?,
            prev_hash: hex::encode(self.prev_hash),
            hash: hex::encode(self.hash),
        })
    }
}
