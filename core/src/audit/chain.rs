//! The hash chain: each event's hash covers the previous hash and a canonical encoding of the
//! event, so editing, deleting or reordering any event breaks the chain at that point.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{AuditEvent, AuditHead};

/// The `prev_hash` of the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields an event's hash covers, in a fixed order (serde_json writes struct fields in
/// declaration order and JSON objects inside values with sorted keys).
#[derive(Serialize)]
struct Canonical<'a> {
    seq: u64,
    id: &'a crate::ids::EventId,
    at: String,
    actor: &'a crate::ids::UserId,
    entity_kind: &'static str,
    entity_id: &'a uuid::Uuid,
    matter: &'a Option<crate::ids::MatterId>,
    action: &'a str,
    changes: &'a [super::FieldChange],
}

impl AuditEvent {
    /// Computes this event's hash from its fields and `prev_hash`.
    pub fn compute_hash(&self) -> String {
        let canonical = Canonical {
            seq: self.seq,
            id: &self.id,
            at: self.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            actor: &self.actor,
            entity_kind: self.entity_kind.as_str(),
            entity_id: &self.entity_id,
            matter: &self.matter,
            action: &self.action,
            changes: &self.changes,
        };
        // Serialising plain data to a Vec cannot fail; an empty encoding would still chain.
        let body = serde_json::to_vec(&canonical).unwrap_or_default();
        let mut hasher = Sha256::new();
        hasher.update(self.prev_hash.as_bytes());
        hasher.update(b"\n");
        hasher.update(&body);
        hex::encode(hasher.finalize())
    }

    /// Links this event after `head` (or at the start) and seals it with its hash.
    pub fn seal(&mut self, head: Option<&AuditHead>) {
        self.seq = head.map_or(1, |h| h.seq + 1);
        self.prev_hash = head.map_or_else(|| GENESIS_HASH.to_owned(), |h| h.hash.clone());
        self.hash = self.compute_hash();
    }
}

/// Where the chain first breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenLink {
    /// Sequence number of the first event that does not verify (or where one is missing).
    pub seq: u64,
    /// What is wrong there.
    pub reason: String,
}

/// The outcome of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditVerification {
    /// Events checked.
    pub events_checked: u64,
    /// The first broken link, or `None` if the whole chain verifies.
    pub first_broken: Option<BrokenLink>,
}

impl AuditVerification {
    /// Whether the chain is intact.
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Incremental verifier: feed events in stored order, then finish with the stored head.
#[derive(Debug)]
pub struct ChainVerifier {
    expected_seq: u64,
    prev_hash: String,
    checked: u64,
    broken: Option<BrokenLink>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
            checked: 0,
            broken: None,
        }
    }
}

impl ChainVerifier {
    /// Checks the next event; returns `false` once the chain is broken (stop feeding).
    pub fn check(&mut self, event: &AuditEvent) -> bool {
        if self.broken.is_some() {
            return false;
        }
        let reason = if event.seq != self.expected_seq {
            Some(format!(
                "expected event {} but found event {} (deleted or reordered)",
                self.expected_seq, event.seq
            ))
        } else if event.prev_hash != self.prev_hash {
            Some("previous-hash link does not match (deleted, inserted or reordered)".to_owned())
        } else if event.compute_hash() != event.hash {
            Some("event content does not match its hash (edited)".to_owned())
        } else {
            None
        };
        if let Some(reason) = reason {
            self.broken = Some(BrokenLink {
                seq: self.expected_seq,
                reason,
            });
            return false;
        }
        self.checked += 1;
        self.expected_seq += 1;
        self.prev_hash.clone_from(&event.hash);
        true
    }

    /// Compares the end of the chain with the stored head and returns the verdict.
    pub fn finish(mut self, head: Option<&AuditHead>) -> AuditVerification {
        if self.broken.is_none() {
            let last = self.expected_seq - 1;
            let head_ok = match head {
                None => last == 0,
                Some(h) => h.seq == last && h.hash == self.prev_hash,
            };
            if !head_ok {
                self.broken = Some(BrokenLink {
                    seq: last + 1,
                    reason: "the log ends before the recorded head (events removed from the end)"
                        .to_owned(),
                });
            }
        }
        AuditVerification {
            events_checked: self.checked,
            first_broken: self.broken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{EntityKind, FieldChange};
    use crate::ids::{EventId, UserId};

    fn chain(n: usize) -> Vec<AuditEvent> {
        let mut head: Option<AuditHead> = None;
        (0..n)
            .map(|i| {
                let mut e = AuditEvent {
                    seq: 0,
                    id: EventId::new(),
                    at: chrono::Utc::now(),
                    actor: UserId::new(),
                    entity_kind: EntityKind::Contact,
                    entity_id: uuid::Uuid::now_v7(),
                    matter: None,
                    action: "contact.created".into(),
                    changes: vec![FieldChange {
                        field: "name".into(),
                        before: None,
                        after: Some(serde_json::json!(format!("n{i}"))),
                    }],
                    prev_hash: String::new(),
                    hash: String::new(),
                };
                e.seal(head.as_ref());
                head = Some(AuditHead {
                    seq: e.seq,
                    hash: e.hash.clone(),
                });
                e
            })
            .collect()
    }

    fn verify(events: &[AuditEvent], head: Option<&AuditHead>) -> AuditVerification {
        let mut v = ChainVerifier::default();
        for e in events {
            if !v.check(e) {
                break;
            }
        }
        v.finish(head)
    }

    fn head_of(events: &[AuditEvent]) -> AuditHead {
        let last = events.last().unwrap();
        AuditHead {
            seq: last.seq,
            hash: last.hash.clone(),
        }
    }

    #[test]
    fn detects_edit_delete_reorder_and_truncation() {
        let events = chain(5);
        let head = head_of(&events);
        assert!(verify(&events, Some(&head)).is_intact());
        assert!(verify(&[], None).is_intact());

        let mut edited = events.clone();
        edited[2].action = "contact.deleted".into();
        assert_eq!(verify(&edited, Some(&head)).first_broken.unwrap().seq, 3);

        let mut deleted = events.clone();
        deleted.remove(1);
        assert_eq!(verify(&deleted, Some(&head)).first_broken.unwrap().seq, 2);

        let mut reordered = events.clone();
        reordered.swap(3, 4);
        assert_eq!(verify(&reordered, Some(&head)).first_broken.unwrap().seq, 4);

        let truncated = &events[..4];
        assert_eq!(verify(truncated, Some(&head)).first_broken.unwrap().seq, 5);
    }
}
