//! The communication log through the services: email ingestion and automatic filing,
//! attachments as documents, the unfiled queue, recorded calls, malformed mail.

use lexcase::ErrorCode;
use lexcase::communications::{
    Channel, Direction, FilingMethod, NewCommunication, Participant, ParticipantRole,
};
use lexcase::contacts::{Contact, Email, NewContact};
use lexcase::store::Page;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn client_with_email(f: &Fixture, given: &str, family: &str, email: &str) -> Contact {
    let mut new = NewContact::person(given, family);
    new.emails = vec![Email::new(email, None).unwrap()];
    f.admin.contacts().create(new).unwrap()
}

fn email(from: &str, to: &str, subject: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Thu, 26 Nov 2026 16:05:00 +0000\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached.\r\n\
         --B\r\nContent-Type: application/pdf\r\n\
         Content-Disposition: attachment; filename=\"TA6.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n"
    )
    .into_bytes()
}

/// A subject reference wins; otherwise parties of exactly one live matter file it; otherwise
/// it waits in the queue with its candidates until filed by hand. Attachments become
/// documents of the matter; a repeated Message-ID writes nothing.
pub fn email_is_filed_by_reference_parties_or_queue(store: SharedStore) {
    let f = Fixture::new(store);
    let jane = client_with_email(&f, "Jane", "Smith", "jane@example.com");
    let bob = client_with_email(&f, "Bob", "Brown", "bob@example.com");
    let fe = f.fee_earner.matters();
    let purchase = fe
        .create(f.new_matter("Purchase of 1 Elm Road", vec![jane.id]))
        .unwrap();
    let sale = fe
        .create(f.new_matter("Sale of 2 Oak Lane", vec![bob.id]))
        .unwrap();
    let bob_again = fe
        .create(f.new_matter("Bob's lease", vec![bob.id]))
        .unwrap();
    let comms = f.paralegal.communications();

    // 1. The subject names the sale's number, although Jane (a party to the purchase) wrote.
    let by_reference = comms
        .ingest_email(&email(
            "Jane Smith <jane@example.com>",
            "fern.earner@smith.example",
            &format!("Re: [{}] completion", sale.number),
            "m1@example.com",
        ))
        .unwrap();
    assert!(!by_reference.duplicate);
    let c = by_reference.communication;
    assert_eq!(
        (c.matter, c.filing),
        (Some(sale.id), Some(FilingMethod::Reference))
    );
    assert_eq!(c.direction, Direction::Inbound);
    assert_eq!(c.participants[0].contact, Some(jane.id));
    assert_eq!(c.participants[1].user, Some(f.fee_earner.actor_id()));
    let doc = c.attachments[0].document.expect("filed as a document");
    let document = f.fee_earner.documents().get(doc).unwrap();
    assert_eq!(
        (document.matter, document.category.as_str()),
        (sale.id, "correspondence")
    );
    assert_eq!(
        f.fee_earner.documents().contents(doc, None).unwrap(),
        b"%PDF-1.4\n"
    );
    assert_eq!(comms.attachment(c.id, 0).unwrap(), b"%PDF-1.4\n");
    assert!(comms.raw_message(c.id).unwrap().starts_with(b"From: Jane"));

    // 2. No reference: Jane is a party to one live matter.
    let by_parties = comms
        .ingest_email(&email(
            "jane@example.com",
            "fern.earner@smith.example",
            "Mortgage offer",
            "m2@example.com",
        ))
        .unwrap()
        .communication;
    assert_eq!(
        (by_parties.matter, by_parties.filing),
        (Some(purchase.id), Some(FilingMethod::Parties))
    );

    // 3. Bob is a party to two: the queue, with both as candidates.
    let queued = comms
        .ingest_email(&email(
            "bob@example.com",
            "fern.earner@smith.example",
            "Keys",
            "m3@example.com",
        ))
        .unwrap()
        .communication;
    assert_eq!(queued.matter, None);
    assert_eq!(queued.candidates.len(), 2);
    assert!(queued.candidates.contains(&sale.id) && queued.candidates.contains(&bob_again.id));
    assert!(queued.attachments[0].document.is_none());
    let queue = comms.unfiled(Page::default()).unwrap();
    assert_eq!((queue.total, queue.items[0].id), (1, queued.id));
    let filed = comms.file(queued.id, queued.version, bob_again.id).unwrap();
    assert_eq!(
        (filed.matter, filed.filing),
        (Some(bob_again.id), Some(FilingMethod::Manual))
    );
    assert!(filed.attachments[0].document.is_some());
    assert_invalid(comms.file(filed.id, filed.version, sale.id), "matter");
    assert_eq!(comms.unfiled(Page::default()).unwrap().total, 0);
    assert_eq!(
        comms
            .of_matter(bob_again.id, Page::default())
            .unwrap()
            .total,
        1
    );

    // 4. The same Message-ID again: the earlier one, nothing written.
    let before = f.audit_len();
    let again = comms
        .ingest_email(&email(
            "jane@example.com",
            "x@example.com",
            "Mortgage offer",
            "m2@example.com",
        ))
        .unwrap();
    assert!(again.duplicate);
    assert_eq!(again.communication.id, by_parties.id);
    assert_eq!(f.audit_len(), before);

    // 5. Sent by the firm: outbound.
    let out = comms
        .ingest_email(&email(
            "fern.earner@smith.example",
            "jane@example.com",
            "Draft contract",
            "m4@example.com",
        ))
        .unwrap()
        .communication;
    assert_eq!(out.direction, Direction::Outbound);
    // The unfiled queue and recording need edit_matters.
    assert_code(
        f.read_only.communications().unfiled(Page::default()),
        ErrorCode::PermissionDenied,
    );
}

/// Calls and letters are recorded by hand; malformed mail is a typed error that writes nothing.
pub fn recorded_communications_and_malformed_mail(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Estate of A. Person");
    let comms = f.fee_earner.communications();
    let mut caller =
        Participant::new(ParticipantRole::From, "Jane Smith", "+44 20 7946 0000").unwrap();
    caller.contact = m.parties.first().map(|p| p.contact);
    let call = comms
        .record(NewCommunication {
            matter: Some(m.id),
            channel: Channel::Phone,
            direction: Direction::Inbound,
            occurred_at: lexcase::clock::Clock::now(&lexcase::clock::SystemClock),
            subject: "Probate timetable".into(),
            body: "Client asked when the grant is expected.".into(),
            participants: vec![caller],
        })
        .unwrap();
    assert_eq!(
        (call.matter, call.filing),
        (Some(m.id), Some(FilingMethod::Recorded))
    );
    assert_eq!(comms.get(call.id).unwrap(), call);
    assert_code(comms.raw_message(call.id), ErrorCode::Validation);

    let before = f.audit_len();
    for raw in [
        &b""[..],
        b"Subject: no sender\r\n\r\nhello",
        b"From: nobody\r\nSubject: x\r\n\r\nhello",
    ] {
        assert_invalid(comms.ingest_email(raw), "email");
    }
    assert_code(
        f.read_only.communications().ingest_email(&email(
            "a@example.com",
            "b@example.com",
            "x",
            "r1@example.com",
        )),
        ErrorCode::PermissionDenied,
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
}
