//! Email from a matter through a real SMTP exchange on loopback: a client-care letter and the
//! bill's PDF attached, the exact bytes the server received kept on the matter, the reply
//! filed back to it by its In-Reply-To / References; a refused send records nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::sync::{Arc, Mutex};

use lexcase::communications::{
    Direction, Envelope, FilingMethod, MailTransport, OutboundAttachment, OutboundEmail,
    ParsedEmail, Recipient,
};
use lexcase::matters::PartyRole;
use lexcase::service::{RenderRequest, RenderSubject};
use lexcase::store::Page;
use lexcase::templates::OutputFormat;
use lexcase::{ErrorCode, LexcaseError};
use lexcase_smtp::SmtpTransport;
use support::smtp::Server;
use support::{World, money, world};

/// Byte-for-byte equality, reported by the first difference rather than two dumps.
fn same_bytes(a: &[u8], b: &[u8]) {
    if a != b {
        let at = a
            .iter()
            .zip(b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        let show = |v: &[u8]| {
            String::from_utf8_lossy(&v[at.saturating_sub(40)..(at + 40).min(v.len())]).into_owned()
        };
        panic!(
            "differ at byte {at} (lengths {} and {}):\n{:?}\n{:?}",
            a.len(),
            b.len(),
            show(a),
            show(b)
        );
    }
}

fn letter_and_bill(w: &World) -> OutboundEmail {
    let client_party = w
        .matter
        .parties
        .iter()
        .find(|p| p.role == PartyRole::Client)
        .unwrap()
        .id;
    OutboundEmail {
        matter: w.matter.id,
        to: vec![Recipient::Party(client_party)],
        cc: vec![Recipient::Address {
            name: "Fern Earner".into(),
            email: "fern@harbourvale.example".into(),
        }],
        bcc: vec![Recipient::Address {
            name: String::new(),
            email: "archive@harbourvale.example".into(),
        }],
        template: Some("cover_email".into()),
        subject: None,
        body: None,
        bill: Some(w.bill.id),
        attachments: vec![
            OutboundAttachment::Rendered {
                template: "client_care_letter".into(),
                format: OutputFormat::Pdf,
                bill: None,
            },
            OutboundAttachment::Rendered {
                template: "invoice".into(),
                format: OutputFormat::Pdf,
                bill: Some(w.bill.id),
            },
        ],
        in_reply_to: None,
    }
}

/// Everything a failed command must leave alone.
fn footprint(w: &World) -> (u64, u64, usize) {
    (
        w.admin
            .communications()
            .of_matter(w.matter.id, Page::default())
            .unwrap()
            .total,
        w.admin
            .documents()
            .for_matter(w.matter.id, Page::default())
            .unwrap()
            .total,
        w.admin.audit().changes_since(0, 1000).unwrap().events.len(),
    )
}

#[test]
fn a_client_care_letter_goes_out_with_the_bill_and_the_reply_comes_back() {
    let w = world();
    let server = Server::start();
    let smtp = SmtpTransport::local(server.port).unwrap();
    let sent = w
        .paul
        .communications()
        .send_email_with(&letter_and_bill(&w), &smtp)
        .unwrap();

    // The server received exactly the bytes the matter keeps.
    let received = server.messages();
    assert_eq!(received.len(), 1);
    let got = &received[0];
    assert_eq!(got.from, "paul@harbourvale.example");
    assert_eq!(
        got.to,
        vec![
            "jane@client.example",
            "fern@harbourvale.example",
            "archive@harbourvale.example"
        ]
    );
    let comm = &sent.communication;
    let kept = w.paul.communications().raw_message(comm.id).unwrap();
    same_bytes(&got.data, &kept);
    same_bytes(&got.data, &sent.message.raw);
    assert!(
        !String::from_utf8_lossy(&got.data).contains("archive@"),
        "no Bcc header"
    );

    // Recorded as an outgoing email on the matter, with the documents filed.
    assert_eq!(comm.matter, Some(w.matter.id));
    assert_eq!(comm.direction, Direction::Outbound);
    assert_eq!(comm.filing, Some(FilingMethod::Sent));
    let message_id = comm.message_id.clone().unwrap();
    assert!(message_id.ends_with("@harbourvale.example"), "{message_id}");
    assert_eq!(
        comm.subject,
        format!(
            "{}: Smith v Jones - invoice {}",
            w.matter.number,
            w.bill.number.as_deref().unwrap()
        )
    );
    assert!(comm.body.contains(&money("£", w.bill.totals.total)));
    assert_eq!(comm.attachments.len(), 2);
    assert_eq!(sent.documents.len(), 2);
    let categories: Vec<&str> = sent.documents.iter().map(|d| d.category.as_str()).collect();
    assert_eq!(categories, vec!["client_care_letter", "bill"]);
    for (a, doc) in comm.attachments.iter().zip(&sent.documents) {
        assert_eq!(a.document, Some(doc.id));
        assert_eq!(a.hash, doc.versions[0].hash);
    }
    // The bill's PDF is the bill's kept rendering: a reprint gives the same bytes.
    let reprint = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            RenderSubject::Bill(w.bill.id),
        ))
        .unwrap();
    assert!(reprint.reprint);
    assert_eq!(reprint.hash, comm.attachments[1].hash);
    // What was sent reads back: subject, threading headers, the PDFs.
    let parsed = ParsedEmail::parse(&got.data).unwrap();
    assert_eq!(parsed.message_id.as_deref(), Some(message_id.as_str()));
    assert_eq!(parsed.attachments.len(), 2);
    assert_eq!(parsed.attachments[1].contents, reprint.bytes);
    assert!(parsed.attachments[0].contents.starts_with(b"%PDF-"));

    // The client replies without the matter number, from her own mail client.
    let reply = format!(
        "From: Jane Smith <jane@client.example>\r\nTo: fern@harbourvale.example\r\n\
         Subject: Re: your letter\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\n\
         Message-ID: <reply-1@client.example>\r\nIn-Reply-To: <{message_id}>\r\n\
         References: <{message_id}>\r\n\r\nThank you, I agree the terms.\r\n"
    );
    let filed = w
        .fern
        .communications()
        .ingest_email(reply.as_bytes())
        .unwrap();
    assert_eq!(filed.communication.matter, Some(w.matter.id));
    assert_eq!(filed.communication.filing, Some(FilingMethod::Reply));
    // A stranger's message in the same thread (References only) follows it too.
    let forwarded = format!(
        "From: someone@elsewhere.example\r\nTo: fern@harbourvale.example\r\n\
         Subject: Fwd: your letter\r\nMessage-ID: <fwd-1@elsewhere.example>\r\n\
         References: <{message_id}> <reply-1@client.example>\r\n\r\nSee below.\r\n"
    );
    let filed = w
        .fern
        .communications()
        .ingest_email(forwarded.as_bytes())
        .unwrap();
    assert_eq!(filed.communication.matter, Some(w.matter.id));
    assert_eq!(filed.communication.filing, Some(FilingMethod::Reply));

    // Answering the reply from lexcase continues the thread.
    let mut answer = OutboundEmail::new(
        w.matter.id,
        vec![Recipient::Contact(w.client)],
        "Re: your letter",
        "Thank you.",
    );
    answer.in_reply_to = Some(filed.communication.id);
    let answered = w
        .fern
        .communications()
        .send_email_with(&answer, &smtp)
        .unwrap();
    assert_eq!(
        answered.message.in_reply_to.as_deref(),
        Some("fwd-1@elsewhere.example")
    );
    let parsed = ParsedEmail::parse(&server.messages()[1].data).unwrap();
    assert_eq!(
        parsed.in_reply_to.as_deref(),
        Some("fwd-1@elsewhere.example")
    );
}

#[test]
fn a_refused_send_records_nothing() {
    let w = world();
    let server = Server::start();
    let smtp = SmtpTransport::local(server.port).unwrap();
    let before = footprint(&w);
    let mut email = letter_and_bill(&w);
    email.to = vec![Recipient::Address {
        name: "Nobody".into(),
        email: "nobody@refused.example".into(),
    }];
    let err = w
        .paul
        .communications()
        .send_email_with(&email, &smtp)
        .unwrap_err();
    match &err {
        LexcaseError::Delivery {
            permanent,
            code,
            reason,
        } => {
            assert!(*permanent);
            assert_eq!(*code, Some(550));
            assert!(!reason.contains('@'), "no address in the error: {reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.to_string().contains("refused.example"));
    assert_eq!(
        footprint(&w),
        before,
        "no communication, document or audit event"
    );
    assert!(server.messages().is_empty());
    // Nothing was kept for the bill either: its first rendering is still to come.
    let first = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            RenderSubject::Bill(w.bill.id),
        ))
        .unwrap();
    assert!(!first.reprint);
}

#[test]
fn a_server_that_is_not_there_is_a_transient_failure() {
    let w = world();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let smtp = SmtpTransport::local(port).unwrap();
    let before = footprint(&w);
    let email = OutboundEmail::new(
        w.matter.id,
        vec![Recipient::Contact(w.client)],
        "Hello",
        "Hi",
    );
    let err = w
        .fern
        .communications()
        .send_email_with(&email, &smtp)
        .unwrap_err();
    assert!(
        matches!(
            err,
            LexcaseError::Delivery {
                permanent: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(footprint(&w), before);
}

/// An application's own way of sending: it keeps what it is given.
#[derive(Default)]
struct Outbox(Mutex<Vec<(Envelope, Vec<u8>)>>);

impl MailTransport for Outbox {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> lexcase::Result<()> {
        self.0
            .lock()
            .unwrap()
            .push((envelope.clone(), message.to_vec()));
        Ok(())
    }
}

#[test]
fn the_firm_can_send_by_the_applications_own_means() {
    let w = world();
    let outbox = Arc::new(Outbox::default());
    let firm = w.firm.clone().with_mail_transport(outbox.clone());
    let paul = firm.session(w.paul.actor_id()).unwrap();
    let composed = paul
        .communications()
        .compose_email(&letter_and_bill(&w))
        .unwrap();
    assert!(
        outbox.0.lock().unwrap().is_empty(),
        "composing sends nothing"
    );
    assert_eq!(composed.attachments.len(), 2);
    let sent = paul
        .communications()
        .send_email(&letter_and_bill(&w))
        .unwrap();
    let outbox = outbox.0.lock().unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(
        outbox[0].1,
        paul.communications()
            .raw_message(sent.communication.id)
            .unwrap()
    );
    assert_eq!(outbox[0].0.from, "paul@harbourvale.example");
}

#[test]
fn a_fee_earner_who_may_not_see_rates_cannot_send_the_bill() {
    let w = world();
    let err = w
        .fern
        .communications()
        .compose_email(&letter_and_bill(&w))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::PermissionDenied);
}

#[test]
fn bad_addresses_are_typed_errors_without_the_address() {
    let w = world();
    let smtp = SmtpTransport::local(1).unwrap();
    let email = OutboundEmail::new(
        w.matter.id,
        vec![
            Recipient::Contact(w.client),
            Recipient::Address {
                name: String::new(),
                email: "not an address".into(),
            },
        ],
        "Hello",
        "Hi",
    );
    let err = w
        .fern
        .communications()
        .send_email_with(&email, &smtp)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        matches!(&err, LexcaseError::Validation { field, .. } if field == "to[1]"),
        "{err:?}"
    );
    assert!(!err.to_string().contains("not an address"));
    // No transport configured on the firm.
    let err = w.fern.communications().send_email(&email).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
}
