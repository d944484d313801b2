//! What leaves the firm, on any store: document templates, the letterhead and the renderings
//! kept with issued bills as the store keeps them; templates through the service (with a
//! stand-in engine: the real one is `lexcase-render`'s, tested there); outgoing email recorded
//! with its exact bytes, nothing recorded when the transport fails; replies filed to their
//! thread's matter before any other rule.

use std::sync::{Arc, Mutex};

use lexcase::communications::{
    Direction, Envelope, FilingMethod, MailTransport, OutboundAttachment, OutboundEmail, Recipient,
};
use lexcase::contacts::{Email, NewContact};
use lexcase::documents::{ContentHash, NewDocument};
use lexcase::store::Page;
use lexcase::templates::{
    BillRendering, DocumentTemplate, FieldCatalogue, Letterhead, MergeModel, NewTemplate,
    OutputFormat, TemplateEngine, TemplateKind, TemplatePart,
};
use lexcase::{BillId, ErrorCode, LexcaseError, Result};

use crate::fixture::{Fixture, SharedStore, assert_code};

fn template(id: &str, version: u32) -> DocumentTemplate {
    DocumentTemplate::create(
        NewTemplate {
            id: id.into(),
            version,
            kind: TemplateKind::Letter,
            name: format!("{id} v{version}"),
            subject: None,
            text: Some("Dear {{ client.name }}".into()),
            html: None,
            typst: None,
        },
        None,
        None,
    )
    .unwrap()
}

/// Templates by id then version, replaced in place when retired; the letterhead with
/// optimistic versions; one kept rendering per bill and format, the first one staying.
pub fn templates_letterhead_and_renderings_round_trip(store: SharedStore) {
    let mut tx = store.write().unwrap();
    for (id, version) in [("zeta", 1), ("alpha", 10), ("alpha", 2)] {
        tx.put_document_template(&template(id, version)).unwrap();
    }
    let mut retired = template("alpha", 2);
    retired.retired = true;
    tx.put_document_template(&retired).unwrap();
    let order: Vec<(String, u32, bool)> = tx
        .document_templates()
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.version, t.retired))
        .collect();
    assert_eq!(
        order,
        vec![
            ("alpha".into(), 2, true),
            ("alpha".into(), 10, false),
            ("zeta".into(), 1, false)
        ]
    );
    assert_eq!(tx.letterhead().unwrap(), None);
    let mut letterhead = Letterhead {
        address: vec!["1 High Street".into()],
        version: 1,
        ..Letterhead::default()
    };
    tx.put_letterhead(&letterhead, None).unwrap();
    assert_eq!(
        tx.put_letterhead(&letterhead, None).unwrap_err().code(),
        ErrorCode::Conflict
    );
    letterhead.version = 2;
    letterhead.vat_number = Some("GB 1".into());
    tx.put_letterhead(&letterhead, Some(1)).unwrap();
    assert_eq!(
        tx.put_letterhead(&letterhead, Some(1)).unwrap_err().code(),
        ErrorCode::StaleVersion
    );
    assert_eq!(tx.letterhead().unwrap(), Some(letterhead));
    let bill = BillId::new();
    let rendering = |format, bytes: &[u8]| BillRendering {
        bill,
        format,
        template: "invoice".into(),
        template_version: 1,
        hash: ContentHash::of(bytes),
        size: bytes.len() as u64,
        rendered_by: lexcase::UserId::new(),
        rendered_at: crate::fixture::start_instant(),
    };
    let first = rendering(OutputFormat::Pdf, b"first");
    tx.insert_bill_rendering(&first).unwrap();
    let err = tx
        .insert_bill_rendering(&rendering(OutputFormat::Pdf, b"second"))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    tx.insert_bill_rendering(&rendering(OutputFormat::Html, b"html"))
        .unwrap();
    assert_eq!(
        tx.bill_rendering(bill, OutputFormat::Pdf).unwrap(),
        Some(first)
    );
    assert_eq!(tx.bill_rendering(bill, OutputFormat::Text).unwrap(), None);
    assert_eq!(
        tx.bill_rendering(BillId::new(), OutputFormat::Pdf).unwrap(),
        None
    );
    tx.commit().unwrap();
    let read = store.read().unwrap();
    assert_eq!(read.document_templates().unwrap().len(), 3);
    assert!(
        read.bill_rendering(bill, OutputFormat::Html)
            .unwrap()
            .is_some()
    );
}

/// A stand-in engine: every part is fine; a part renders as the merge model's JSON.
pub(crate) struct EchoEngine;

impl TemplateEngine for EchoEngine {
    fn supports(&self, part: TemplatePart) -> bool {
        part != TemplatePart::Typst
    }
    fn check(
        &self,
        _: &DocumentTemplate,
        _: TemplatePart,
        _: &FieldCatalogue,
        _: &MergeModel,
    ) -> Result<()> {
        Ok(())
    }
    fn render(&self, _: &DocumentTemplate, _: TemplatePart, model: &MergeModel) -> Result<Vec<u8>> {
        serde_json::to_vec(model).map_err(|_| LexcaseError::storage("json"))
    }
}

/// Installed versions outrank built-ins and each other, are kept across transactions, and
/// retire for good until a higher version comes; a part the engine cannot render is refused
/// at install.
pub fn templates_install_list_and_retire_through_the_service(store: SharedStore) {
    let f = Fixture::new(store);
    let firm = f.firm.clone().with_engine(Arc::new(EchoEngine));
    let admin = firm.session(f.admin.actor_id()).unwrap();
    let t = admin.templates();
    let letter = |version| NewTemplate {
        id: "letter".into(),
        version,
        kind: TemplateKind::Letter,
        name: "Letter".into(),
        subject: None,
        text: Some("x".into()),
        html: None,
        typst: None,
    };
    t.install(letter(1)).unwrap();
    assert_code(t.install(letter(1)), ErrorCode::Validation);
    t.install(letter(3)).unwrap();
    let pdf_only = NewTemplate {
        typst: Some("= x".into()),
        ..letter(4)
    };
    assert_code(t.install(pdf_only), ErrorCode::Template);
    let listed: Vec<(String, u32)> = t
        .list()
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.version))
        .collect();
    assert!(listed.contains(&("letter".into(), 3)));
    assert!(listed.contains(&("invoice".into(), 1)));
    t.retire("letter").unwrap();
    assert!(t.get("letter", None).unwrap().retired);
    assert!(!t.get("letter", Some(1)).unwrap().retired);
    // What the store kept, seen from another session of the same firm.
    let other = firm.session(f.partner.actor_id()).unwrap();
    assert_eq!(other.templates().versions("letter").unwrap().len(), 2);
    assert_code(
        other.templates().retire("letter"),
        ErrorCode::PermissionDenied,
    );
}

/// Keeps what it is handed, or refuses everything.
#[derive(Default)]
struct Outbox {
    refuse: bool,
    sent: Mutex<Vec<(Envelope, Vec<u8>)>>,
}

impl MailTransport for Outbox {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> Result<()> {
        if self.refuse {
            return Err(LexcaseError::delivery("refused", true, Some(550)));
        }
        self.sent
            .lock()
            .unwrap()
            .push((envelope.clone(), message.to_vec()));
        Ok(())
    }
}

/// A send is an outgoing communication on the matter holding the exact bytes handed to the
/// transport, with its attachments; a transport failure writes nothing at all.
pub fn sent_email_is_recorded_with_its_bytes_and_failures_record_nothing(store: SharedStore) {
    let f = Fixture::new(store);
    let mut jane = NewContact::person("Jane", "Smith");
    jane.emails = vec![Email::new("jane@example.com", None).unwrap()];
    let jane = f.admin.contacts().create(jane).unwrap();
    let matter = f
        .fee_earner
        .matters()
        .create(f.new_matter("Purchase of 1 Elm Road", vec![jane.id]))
        .unwrap();
    let doc = f
        .fee_earner
        .documents()
        .add(
            NewDocument {
                matter: matter.id,
                name: "TA6.pdf".into(),
                category: "TA6".into(),
                media_type: "application/pdf".into(),
            },
            b"%PDF-1.7 form",
            None,
        )
        .unwrap();
    let mut email = OutboundEmail::new(
        matter.id,
        vec![Recipient::Contact(jane.id)],
        "The property information form",
        "Dear Jane,\nThe form is attached.\n",
    );
    email.attachments = vec![OutboundAttachment::Document {
        document: doc.id,
        version: None,
    }];
    let comms = f.fee_earner.communications();
    let refusing = Outbox {
        refuse: true,
        ..Outbox::default()
    };
    let head = f.audit_head();
    let err = assert_code(
        comms.send_email_with(&email, &refusing),
        ErrorCode::Delivery,
    );
    assert!(matches!(
        err,
        LexcaseError::Delivery {
            permanent: true,
            code: Some(550),
            ..
        }
    ));
    assert_eq!(f.audit_head(), head, "nothing written");
    assert_eq!(
        comms.of_matter(matter.id, Page::default()).unwrap().total,
        0
    );

    let outbox = Outbox::default();
    let sent = comms.send_email_with(&email, &outbox).unwrap();
    let handed = outbox.sent.lock().unwrap().clone();
    assert_eq!(handed.len(), 1);
    assert_eq!(handed[0].0.to, vec!["jane@example.com"]);
    let c = comms.get(sent.communication.id).unwrap();
    assert_eq!(c.direction, Direction::Outbound);
    assert_eq!(c.filing, Some(FilingMethod::Sent));
    assert_eq!(c.matter, Some(matter.id));
    assert_eq!(c.attachments.len(), 1);
    assert_eq!(c.attachments[0].document, Some(doc.id));
    assert_eq!(comms.raw_message(c.id).unwrap(), handed[0].1);
    assert_eq!(comms.attachment(c.id, 0).unwrap(), b"%PDF-1.7 form");
    assert!(c.message_id.as_deref().unwrap().ends_with("@smith.example"));
    assert_eq!(f.audit_head(), head + 1, "one event: the communication");
    // Behind an ethical wall the matter does not exist: nothing is composed or sent.
    let matter = f.fee_earner.matters().get(matter.id).unwrap();
    f.partner
        .matters()
        .add_ethical_wall(
            matter.id,
            matter.version,
            f.fee_earner2.actor_id(),
            "acted for the seller",
        )
        .unwrap();
    let walled = f
        .fee_earner2
        .communications()
        .send_email_with(&email, &outbox);
    assert_code(walled, ErrorCode::NotFound);
    assert_eq!(outbox.sent.lock().unwrap().len(), 1);
}

fn reply(message_id: &str, subject: &str, in_reply_to: Option<&str>, references: &str) -> Vec<u8> {
    let mut headers = format!(
        "From: Someone <someone@elsewhere.example>\r\nTo: fern.earner@smith.example\r\n\
         Subject: {subject}\r\nMessage-ID: <{message_id}>\r\n"
    );
    if let Some(parent) = in_reply_to {
        headers.push_str(&format!("In-Reply-To: <{parent}>\r\n"));
    }
    if !references.is_empty() {
        headers.push_str(&format!("References: {references}\r\n"));
    }
    format!("{headers}\r\nThanks.\r\n").into_bytes()
}

/// A message answering one sent from, or filed to, a matter is filed to that matter before
/// the subject or the parties are looked at; a thread whose messages are on no matter falls
/// through to the other rules.
pub fn replies_file_to_their_thread_before_any_other_rule(store: SharedStore) {
    let f = Fixture::new(store);
    let purchase = f.matter("Purchase of 1 Elm Road");
    let sale = f.matter("Sale of 2 Oak Lane");
    let comms = f.fee_earner.communications();
    let outbox = Outbox::default();
    let sent = comms
        .send_email_with(
            &OutboundEmail::new(
                purchase.id,
                vec![Recipient::Address {
                    name: "Someone".into(),
                    email: "someone@elsewhere.example".into(),
                }],
                "Completion",
                "When can you complete?",
            ),
            &outbox,
        )
        .unwrap();
    let sent_id = sent.message.message_id.clone();
    // In-Reply-To names the purchase's email; the subject names the sale: the thread wins.
    let by_parent = comms
        .ingest_email(&reply(
            "r1@elsewhere.example",
            &format!("Re: [{}]", sale.number),
            Some(&sent_id),
            "",
        ))
        .unwrap()
        .communication;
    assert_eq!(by_parent.matter, Some(purchase.id));
    assert_eq!(by_parent.filing, Some(FilingMethod::Reply));
    // References alone, newest first: the reply just filed is on the purchase too.
    let by_refs = comms
        .ingest_email(&reply(
            "r2@elsewhere.example",
            "Fwd: completion",
            None,
            &format!("<unknown@nowhere.example> <{sent_id}> <r1@elsewhere.example>"),
        ))
        .unwrap()
        .communication;
    assert_eq!(by_refs.matter, Some(purchase.id));
    assert_eq!(by_refs.filing, Some(FilingMethod::Reply));
    // A message filed by its subject to the sale: an answer to it follows it there.
    let on_sale = comms
        .ingest_email(&reply(
            "s1@elsewhere.example",
            &format!("[{}] offer", sale.number),
            None,
            "",
        ))
        .unwrap()
        .communication;
    assert_eq!(on_sale.filing, Some(FilingMethod::Reference));
    let answer = comms
        .ingest_email(&reply(
            "s2@elsewhere.example",
            "Re: offer",
            Some("s1@elsewhere.example"),
            "",
        ))
        .unwrap()
        .communication;
    assert_eq!(answer.matter, Some(sale.id));
    assert_eq!(answer.filing, Some(FilingMethod::Reply));
    // A thread of unfiled or unknown messages: the usual rules (here, the queue).
    let queued = comms
        .ingest_email(&reply(
            "q1@elsewhere.example",
            "Hello",
            Some("unknown@nowhere.example"),
            "",
        ))
        .unwrap()
        .communication;
    assert_eq!(queued.matter, None);
    let after_queue = comms
        .ingest_email(&reply(
            "q2@elsewhere.example",
            "Re: Hello",
            Some("q1@elsewhere.example"),
            "",
        ))
        .unwrap()
        .communication;
    assert_eq!(after_queue.matter, None);
}
