//! The hash chain: each event's hash covers the previous hash and an encoding of the event,
//! so editing, deleting or reordering any event breaks the chain at that point.

use serde::Serialize;

use super::{AuditHead, AuditRecord, Hash};
use crate::audit::record::GENESIS;

/// The `prev_hash` of the first event, in hex.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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
    prev_hash: Hash,
    checked: u64,
    broken: Option<BrokenLink>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS,
            checked: 0,
            broken: None,
        }
    }
}

impl ChainVerifier {
    /// Checks the next event; returns `false` once the chain is broken (stop feeding).
    pub fn check(&mut self, event: &AuditRecord) -> bool {
        if self.broken.is_some() {
            return false;
        }
        let reason = if event.seq != self.expected_seq {
            Some(format!(
                "expected event {} but found event {} (deleted or reordered)",
                self.expected_seq, event.seq
            ))
        } else if event.compute_hash(&self.prev_hash).ok() != Some(event.hash) {
            Some("event content does not match its hash (edited, inserted or reordered)".to_owned())
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
        self.prev_hash = event.hash;
        true
    }

    /// Compares the end of the chain with the stored head and returns the verdict.
    pub fn finish(mut self, head: Option<&AuditHead>) -> AuditVerification {
        if self.broken.is_none() {
            let last = self.expected_seq - 1;
            let head_ok = match head {
                None => last == 0,
                Some(h) => h.seq == last && h.hash == hex::encode(self.prev_hash),
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
    use crate::ids::UserId;

    fn chain(n: usize) -> Vec<AuditRecord> {
        let mut head: Option<(u64, Hash)> = None;
        (0..n)
            .map(|i| {
                let mut e = AuditRecord::new(
                    chrono::Utc::now(),
                    UserId::new(),
                    EntityKind::Contact,
                    uuid::Uuid::now_v7(),
                    vec![],
                    "contact.created",
                    &[FieldChange {
                        field: "name".into(),
                        before: None,
                        after: Some(serde_json::json!(format!("n{i}"))),
                    }],
                );
                e.seal(head);
                head = Some((e.seq, e.hash));
                e
            })
            .collect()
    }

    fn verify(events: &[AuditRecord], head: Option<&AuditHead>) -> AuditVerification {
        let mut v = ChainVerifier::default();
        for e in events {
            if !v.check(e) {
                break;
            }
        }
        v.finish(head)
    }

    fn head_of(events: &[AuditRecord]) -> AuditHead {
        let last = events.last().unwrap();
        AuditHead {
            seq: last.seq,
            hash: hex::encode(last.hash),
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

        // Swapping the contents but keeping the numbers breaks the hash at the first swapped.
        let mut swapped = events.clone();
        let (a, b) = (swapped[3].seq, swapped[4].seq);
        swapped.swap(3, 4);
        swapped[3].seq = a;
        swapped[4].seq = b;
        assert_eq!(verify(&swapped, Some(&head)).first_broken.unwrap().seq, 4);

        let truncated = &events[..4];
        assert_eq!(verify(truncated, Some(&head)).first_broken.unwrap().seq, 5);
    }

    #[test]
    fn changes_round_trip_through_the_record() {
        let events = chain(1);
        let event = events[0].to_event().unwrap();
        assert_eq!(event.changes[0].after, Some(serde_json::json!("n0")));
        assert_eq!(event.prev_hash, GENESIS_HASH);
        assert_eq!(event.hash, hex::encode(events[0].hash));
    }
}
