//! Ordinary mail is accepted: long bodies, odd control characters, one bad recipient and a
//! client with many live matters shorten what is kept (noted on the communication) instead of
//! refusing the message; mail cut off in transit is refused. Contents of a refused command
//! never stay in the blob store.

use lexcase::communications::{IngestNotice, ParticipantRole};
use lexcase::contacts::{Email, NewContact};
use lexcase::documents::NewDocument;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

const ATTACHED: &str = "--B\r\nContent-Type: application/pdf\r\n\
    Content-Disposition: attachment; filename=\"TA6.pdf\"\r\n\
    Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJVBERi0xLjQKJVBERi0xLjQK\r\n";

fn message(to: &str, message_id: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Jane Smith <jane@example.com>\r\nTo: {to}\r\nSubject: Completion\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n{ATTACHED}--B--\r\n"
    )
    .into_bytes()
}

/// A body of 300 000 characters, form feeds and NULs, a recipient that is not an address and
/// 60 live matters of the sender: the message is filed to the queue with the 50 newest
/// matters, the notices say what was shortened, and the blob store holds the message and its
/// attachment.
pub fn ordinary_mail_is_accepted_and_shortening_noted(store: SharedStore) {
    let f = Fixture::new(store);
    let mut jane = NewContact::person("Jane", "Smith");
    jane.emails = vec![Email::new("jane@example.com", None).unwrap()];
    let jane = f.admin.contacts().create(jane).unwrap();
    let matters: Vec<_> = (0..60)
        .map(|i| {
            f.fee_earner
                .matters()
                .create(f.new_matter(&format!("Lease {i}"), vec![jane.id]))
                .unwrap()
                .id
        })
        .collect();
    let long = "Clause 1.1 applies.\u{c}\u{0}\r\n".repeat(12_000);
    let outcome = f
        .paralegal
        .communications()
        .ingest_email(&message(
            "fern.earner@smith.example, not an address <x@@y>",
            "long@example.com",
            &long,
        ))
        .unwrap();
    let c = outcome.communication;
    assert_eq!(c.matter, None);
    assert_eq!(
        c.candidates,
        matters[10..].to_vec(),
        "the 50 newest, in order"
    );
    assert!(c.body.len() > 200_000 && !c.body.contains('\u{0}'));
    assert!(c.body.starts_with("Clause 1.1 applies.\n\nClause"));
    assert_eq!(
        c.participants
            .iter()
            .map(|p| (p.role, p.address.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (ParticipantRole::From, "jane@example.com"),
            (ParticipantRole::To, "fern.earner@smith.example"),
        ]
    );
    assert_eq!(
        c.notices,
        vec![
            IngestNotice::AddressSkipped {
                role: ParticipantRole::To,
                address: "x@@y".into()
            },
            IngestNotice::CandidatesTruncated { found: 60 },
        ]
    );
    assert_eq!(
        f.paralegal.communications().get(c.id).unwrap().notices,
        c.notices
    );
    assert_eq!(f.blobs.counts(), (2, 0), "the message and its attachment");
}

/// A message cut off in transit is refused and writes nothing: neither an event nor contents.
pub fn mail_cut_off_in_transit_is_refused(store: SharedStore) {
    let f = Fixture::new(store);
    let whole = message(
        "fern.earner@smith.example",
        "cut@example.com",
        "See attached.",
    );
    let before = f.audit_len();
    for cut in [whole.len() - 9, whole.len() - 30, whole.len() - 60] {
        assert_invalid(
            f.paralegal.communications().ingest_email(&whole[..cut]),
            "email",
        );
    }
    assert_eq!(f.audit_len(), before);
    assert_eq!(f.blobs.counts(), (0, 0));
    f.paralegal.communications().ingest_email(&whole).unwrap();
}

/// Documents refused (a walled user, a stale version, a closed matter) leave no contents
/// behind; an accepted one keeps exactly its own.
pub fn refused_documents_leave_no_contents(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Estate of A. Person");
    let new = |name: &str| NewDocument {
        matter: m.id,
        name: name.into(),
        category: "correspondence".into(),
        media_type: "text/plain".into(),
    };
    let docs = f.fee_earner.documents();
    assert_code(
        f.read_only
            .documents()
            .add(new("refused.txt"), b"refused one", None),
        lexcase::ErrorCode::PermissionDenied,
    );
    let kept = docs.add(new("kept.txt"), b"kept", None).unwrap();
    assert_code(
        docs.add_version(kept.id, kept.version + 7, b"stale two", "text/plain", None),
        lexcase::ErrorCode::StaleVersion,
    );
    assert_invalid(docs.add(new(""), b"nameless three", None), "name");
    assert_eq!(f.blobs.counts(), (1, 0), "only the accepted contents");
    assert_eq!(docs.contents(kept.id, None).unwrap(), b"kept");
}
