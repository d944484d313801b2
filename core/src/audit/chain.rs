//! The hash chain: each event's hash covers the previous hash and an encoding of the event,
//! so editing, deleting or reordering any event breaks the chain at that point.

use serde::Serialize;

use super::{AuditHead, AuditKey, AuditRecord, Hash, HashScheme};
use crate::audit::record::GENESIS;

/// The `prev_hash` of the first event, in hex.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Where the chain first breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BrokenLink {
    /// Sequence number of the first event that does not verify (or where one is missing).
    pub seq: u64,
    /// What is wrong there.
    pub reason: String,
}

/// The outcome of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuditVerification {
    /// Whether the whole chain was checked and is intact: no broken link, and no event sealed
    /// with a key the verification did not have. Not serialized (it follows from the rest).
    #[serde(skip)]
    pub intact: bool,
    /// Events checked.
    pub events_checked: u64,
    /// The first broken link, or `None` if every event checked verifies.
    pub first_broken: Option<BrokenLink>,
    /// The first event sealed with the firm's audit key when the verification had no key: it
    /// and the events after it could not be checked.
    pub key_needed_from: Option<u64>,
    /// The first event checked that is sealed with the audit key (the chain is keyed from
    /// there on).
    pub keyed_from: Option<u64>,
}

impl AuditVerification {
    /// Whether the whole chain was checked and is intact.
    pub fn is_intact(&self) -> bool {
        self.intact
    }
}

/// Incremental verifier: feed events in stored order, then finish with the stored head.
#[derive(Debug)]
pub struct ChainVerifier {
    expected_seq: u64,
    prev_hash: Hash,
    checked: u64,
    broken: Option<BrokenLink>,
    key: Option<AuditKey>,
    key_needed_from: Option<u64>,
    keyed_from: Option<u64>,
    anchor: Option<Anchor>,
}

/// A head recorded outside the file, which the chain must still pass through.
#[derive(Debug)]
struct Anchor {
    seq: u64,
    hash: Option<Hash>,
    reached: bool,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            expected_seq: 1,
            prev_hash: GENESIS,
            checked: 0,
            broken: None,
            key: None,
            key_needed_from: None,
            keyed_from: None,
            anchor: None,
        }
    }
}

impl ChainVerifier {
    /// A verifier that checks keyed events with `key` (see [`super::HashScheme::KeyedBinary`]).
    pub fn with_key(mut self, key: Option<AuditKey>) -> Self {
        self.key = key;
        self
    }

    /// A verifier that also checks that the chain passes through `anchor`, a head exported
    /// earlier ([`AuditHead`]) and kept outside the file: the event at its `seq` must still
    /// have its hash. A rewritten or cut-off tail that the file's own head hides is found so.
    pub fn with_anchor(mut self, anchor: &AuditHead) -> Self {
        self.anchor = Some(Anchor {
            seq: anchor.seq,
            hash: anchor.hash_bytes(),
            reached: anchor.seq == 0,
        });
        self
    }

    fn link_error(&mut self, event: &AuditRecord) -> Option<String> {
        if event.seq != self.expected_seq {
            return Some(format!(
                "expected event {} but found event {} (deleted or reordered)",
                self.expected_seq, event.seq
            ));
        }
        if event.scheme == HashScheme::KeyedBinary {
            if self.key.is_none() {
                self.key_needed_from = Some(event.seq);
                return None;
            }
            self.keyed_from.get_or_insert(event.seq);
        } else if self.keyed_from.is_some() {
            return Some(
                "an event without the audit key follows keyed events (written without the key, \
                 or the chain was rewritten)"
                    .to_owned(),
            );
        }
        if event
            .compute_hash_with(&self.prev_hash, self.key.as_ref())
            .ok()
            != Some(event.hash)
        {
            return Some(
                "event content does not match its hash (edited, inserted or reordered, or \
                 another audit key)"
                    .to_owned(),
            );
        }
        if let Some(anchor) = self.anchor.as_mut().filter(|a| a.seq == event.seq) {
            anchor.reached = true;
            if anchor.hash != Some(event.hash) {
                return Some(
                    "the event differs from the anchored head kept outside the file (the chain \
                     was rewritten up to here)"
                        .to_owned(),
                );
            }
        }
        None
    }

    /// Checks the next event; returns `false` once the chain is broken or cannot be checked
    /// further without the audit key (stop feeding).
    pub fn check(&mut self, event: &AuditRecord) -> bool {
        if self.broken.is_some() || self.key_needed_from.is_some() {
            return false;
        }
        let reason = self.link_error(event);
        if self.key_needed_from.is_some() {
            return false;
        }
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

    /// Compares the end of the chain with the stored head (and the anchor, if given) and
    /// returns the verdict.
    pub fn finish(mut self, head: Option<&AuditHead>) -> AuditVerification {
        let unchecked = self.broken.is_some() || self.key_needed_from.is_some();
        if let Some(anchor) = self.anchor.as_ref().filter(|a| !a.reached && !unchecked) {
            self.broken = Some(BrokenLink {
                seq: self.expected_seq.min(anchor.seq),
                reason: "the log ends before the anchored head kept outside the file \
                         (events removed from the end)"
                    .to_owned(),
            });
        }
        if self.broken.is_none() && self.key_needed_from.is_none() {
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
            intact: self.broken.is_none() && self.key_needed_from.is_none(),
            events_checked: self.checked,
            first_broken: self.broken,
            key_needed_from: self.key_needed_from,
            keyed_from: self.keyed_from,
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

    fn keyed_chain(n: usize, key: &AuditKey, keyed_from: usize) -> Vec<AuditRecord> {
        let mut head: Option<(u64, Hash)> = None;
        chain(n)
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e.seal_with(head, (i >= keyed_from).then_some(key));
                head = Some((e.seq, e.hash));
                e
            })
            .collect()
    }

    fn verify_with(
        events: &[AuditRecord],
        key: Option<&AuditKey>,
        anchor: Option<&AuditHead>,
    ) -> AuditVerification {
        let mut v = ChainVerifier::default().with_key(key.cloned());
        if let Some(anchor) = anchor {
            v = v.with_anchor(anchor);
        }
        for e in events {
            if !v.check(e) {
                break;
            }
        }
        v.finish(events.last().map(AuditHead::of).as_ref())
    }

    #[test]
    fn a_keyed_chain_needs_its_key_and_names_the_first_link_a_wrong_key_breaks() {
        let key = AuditKey::new(&[1; 32]).unwrap();
        let events = keyed_chain(5, &key, 2);
        let v = verify_with(&events, Some(&key), None);
        assert!(v.is_intact(), "{v:?}");
        assert_eq!((v.events_checked, v.keyed_from), (5, Some(3)));

        let v = verify_with(&events, None, None);
        assert!(!v.is_intact());
        assert_eq!((v.key_needed_from, v.first_broken), (Some(3), None));
        assert_eq!(v.events_checked, 2);

        let wrong = AuditKey::new(&[2; 32]).unwrap();
        let v = verify_with(&events, Some(&wrong), None);
        assert_eq!(v.first_broken.unwrap().seq, 3);

        // Recomputing the tail without the key (as someone with the file could) is found.
        let mut rewritten = events.clone();
        rewritten[3].action = "contact.deleted".into();
        let mut head = Some((rewritten[2].seq, rewritten[2].hash));
        for e in &mut rewritten[3..] {
            e.scheme = HashScheme::Binary;
            e.seal(head);
            head = Some((e.seq, e.hash));
        }
        let v = verify_with(&rewritten, Some(&key), None);
        assert_eq!(v.first_broken.unwrap().seq, 4);
    }

    #[test]
    fn an_anchored_head_finds_a_rewritten_or_cut_tail_the_file_head_hides() {
        let events = chain(6);
        let anchor = AuditHead::of(&events[3]);
        assert!(verify_with(&events, None, Some(&anchor)).is_intact());

        // The tail from event 3 rewritten and resealed, the file's head moved with it.
        let mut rewritten = events.clone();
        rewritten[2].action = "contact.deleted".into();
        let mut head = Some((rewritten[1].seq, rewritten[1].hash));
        for e in &mut rewritten[2..] {
            e.seal(head);
            head = Some((e.seq, e.hash));
        }
        assert!(
            verify_with(&rewritten, None, None).is_intact(),
            "hidden without an anchor"
        );
        let v = verify_with(&rewritten, None, Some(&anchor));
        assert_eq!(v.first_broken.unwrap().seq, 4);

        // Cut back to event 3, head included.
        let v = verify_with(&events[..3], None, Some(&anchor));
        assert_eq!(v.first_broken.unwrap().seq, 4);
        assert!(verify_with(&events[..3], None, None).is_intact());
    }
}
