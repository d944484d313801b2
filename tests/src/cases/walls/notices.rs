//! Ordinary mail's notices behind a wall: the count of matters that could hold a message is
//! counted over the matters its ingester may see, and may count a walled one.

use lexcase::communications::{IngestNotice, MAX_CANDIDATES};
use lexcase::store::Page;

use super::fixture::{Walled, feed};
use super::records::{email, ingest};
use crate::fixture::SharedStore;

/// Whether `text` (a communication or an event, as shown) carries the count.
fn counts(text: &str) -> bool {
    text.contains("CandidatesTruncated") || text.contains("candidates_truncated")
}

/// A message from a client with more open matters than the unfiled queue keeps as candidates:
/// the queue keeps the newest 50 and notes how many could hold it — a count that includes the
/// walled matter. A viewer from whom a matter is hidden is shown the candidates they may see and
/// not the count, in every read of the communication and in the feed; the admin sees it.
pub fn a_count_of_candidates_is_not_shown_behind_a_wall(store: SharedStore) {
    let w = Walled::new(store);
    let fe = w.f.fee_earner.matters();
    for n in 0..MAX_CANDIDATES {
        fe.create(w.f.new_matter(&format!("Quill lease {n}"), vec![w.client.id]))
            .unwrap();
    }
    let raw = email(
        "Keys",
        "The keys are with the porter.",
        "keys@quill.example",
    );
    let comm = ingest(&w, &raw).communication;
    assert_eq!(comm.matter, None);
    assert_eq!(comm.candidates.len(), MAX_CANDIDATES);
    assert!(!comm.candidates.contains(&w.walled.id));
    let found = MAX_CANDIDATES as u64 + 2;
    assert!(
        comm.notices
            .contains(&IngestNotice::CandidatesTruncated { found })
    );
    let admin = &w.f.admin;
    assert!(counts(&format!(
        "{:?}",
        admin.communications().get(comm.id).unwrap()
    )));
    assert!(counts(&format!("{:?}", feed(admin))));
    for s in w.walled_out() {
        let c = s.communications();
        let shown = [
            format!("{:?}", c.get(comm.id).unwrap()),
            format!("{:?}", c.unfiled(Page::default()).unwrap()),
            format!("{:?}", c.ingest_email(&raw).unwrap()),
            format!("{:?}", feed(s)),
            format!("{:?}", s.audit().history(comm.id.into()).unwrap()),
        ];
        for text in &shown {
            assert!(text.contains("porter"), "the message itself is shown");
            assert!(!counts(text), "the count is shown: {text}");
        }
    }
    let comm = admin.communications().get(comm.id).unwrap();
    let filed =
        w.f.fee_earner
            .communications()
            .file(comm.id, comm.version, w.open.id)
            .unwrap();
    assert!(counts(&format!("{filed:?}")));
    for s in w.walled_out() {
        let c = s.communications();
        let shown = [
            format!("{:?}", c.get(comm.id).unwrap()),
            format!("{:?}", c.of_matter(w.open.id, Page::default()).unwrap()),
            format!("{:?}", feed(s)),
        ];
        for text in &shown {
            assert!(!counts(text), "the count is shown: {text}");
        }
    }
}
