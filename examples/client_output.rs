//! What leaves the firm: an issued VAT bill rendered to PDF from the built-in invoice template
//! (kept with the bill, so every reprint is byte-identical), emailed to the client with the
//! cover-email template and the PDF attached, filed to the matter with the exact bytes sent,
//! and the client's reply filed back to the matter by its In-Reply-To header.
//!
//! Run with `cargo run --example client_output [out-dir]` (an in-memory firm; with `out-dir`
//! the PDF and the message are written there). The message goes to a sender of the
//! application's own (an outbox in memory); `lexcase_smtp::SmtpTransport` sends through an
//! SMTP server instead (`Firm::with_mail_transport`).

use std::error::Error;
use std::sync::{Arc, Mutex};

use lexcase::access::{Role, Visibility};
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::communications::{
    Envelope, MailTransport, OutboundAttachment, OutboundEmail, Recipient,
};
use lexcase::contacts::{Email, NewContact};
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, NewMatter};
use lexcase::money::{Currency, Money};
use lexcase::service::{DraftRequest, FileAs, Firm, RenderRequest, RenderSubject};
use lexcase::store::MemoryBlobStore;
use lexcase::templates::{Letterhead, OutputFormat};
use lexcase::timekeeping::{ExpenseTax, FirmBillingSettings, NewExpense, NewTimeEntry};
use lexcase::users::NewUser;
use lexcase_sqlite::SqliteStore;
use rust_decimal::Decimal;

type AnyResult<T> = Result<T, Box<dyn Error>>;

/// The application's own way of sending: here, an outbox in memory.
#[derive(Default)]
struct Outbox(Mutex<Vec<(Envelope, Vec<u8>)>>);

impl MailTransport for Outbox {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> lexcase::Result<()> {
        let mut sent = self
            .0
            .lock()
            .map_err(|_| lexcase::LexcaseError::delivery("outbox poisoned", false, None))?;
        sent.push((envelope.clone(), message.to_vec()));
        Ok(())
    }
}

fn main() -> AnyResult<()> {
    let out_dir = std::env::args().nth(1);
    let firm = Firm::new(SqliteStore::open_in_memory()?)
        .with_blobs(Arc::new(MemoryBlobStore::new()))
        .with_engine(Arc::new(lexcase_render::Engine::new()));
    let user = |name: &str, email: &str, role, rate: Option<i64>| NewUser {
        name: name.into(),
        email: email.into(),
        role,
        default_rate: rate.map(Decimal::from),
        rate_currency: None,
        timekeeper_code: None,
    };
    let admin = firm.initialise(
        &FirmSetup {
            name: "Harbour & Vale LLP".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        },
        &user("Hana Vale", "hana@harbourvale.example", Role::Admin, None),
    )?;
    let admin = firm.session(admin.id)?;
    admin.templates().set_letterhead(Letterhead {
        address: vec!["1 Quay Street".into(), "London EC1A 1AA".into()],
        vat_number: Some("GB 123 4567 89".into()),
        payment_details: vec!["Quay Bank plc, sort code 20-00-00, account 12345678".into()],
        ..Letterhead::default()
    })?;
    admin.time().set_billing_settings(
        FirmBillingSettings {
            tax_rate: "0.20".parse()?,
            ..FirmBillingSettings::default()
        },
        0,
    )?;
    let paul = admin.users().create(&user(
        "Paul Partner",
        "paul@harbourvale.example",
        Role::Partner,
        Some(400),
    ))?;
    let paul = firm.session(paul.id)?;
    let client = admin.contacts().create(NewContact {
        emails: vec![Email::new("jane@client.example", None)?],
        ..NewContact::person("Jane", "Smith")
    })?;
    let gbp = Currency::parse("GBP")?;
    let matter = paul.matters().create(NewMatter {
        title: "Smith v Jones".into(),
        description: String::new(),
        practice_area: "litigation".into(),
        clients: vec![client.id],
        responsible: paul.actor_id(),
        originating: None,
        billing: BillingKind::Hourly,
        currency: Some(gbp),
        visibility: Visibility::Firm,
        team: vec![],
        key_dates: Default::default(),
    })?;
    let matter = paul.matters().open(matter.id, matter.version)?;
    let today = firm.today()?;
    paul.time().record(NewTimeEntry::new(
        matter.id,
        today,
        9000,
        "Drafting the defence",
    ))?;
    paul.time().record_expense(NewExpense {
        matter: matter.id,
        date: today,
        description: "Court fee (N1)".into(),
        quantity: Decimal::ONE,
        unit_cost: Money::new("455".parse()?, gbp, "amount")?.into(),
        expense_code: None,
        vendor: String::new(),
        receipt: None,
        tax: ExpenseTax::Disbursement,
        billable: true,
    })?;
    let bills = paul.bills();
    let draft = bills.draft(DraftRequest {
        client: client.id,
        matters: vec![matter.id],
        period_from: today,
        period_to: today,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For professional services".into(),
    })?;
    let approved = bills.transition(draft.id, draft.version, BillStatus::Approved)?;
    let bill = bills.issue(approved.id, approved.version)?;
    let number = bill.number.clone().unwrap_or_default();
    println!("Bill {number}: total {}", bill.totals.total);

    // 1. The invoice as PDF/A, filed to the matter and kept with the bill.
    let started = std::time::Instant::now();
    let pdf = paul.documents().render(RenderRequest {
        template: "invoice".into(),
        version: None,
        format: OutputFormat::Pdf,
        subject: RenderSubject::Bill(bill.id),
        file: Some(FileAs::default()),
    })?;
    println!(
        "   {} ({} bytes, typeset in {} ms), filed as document {}",
        pdf.file_name,
        pdf.bytes.len(),
        started.elapsed().as_millis(),
        pdf.document
            .as_ref()
            .map(|d| d.id.to_string())
            .unwrap_or_default()
    );

    // 2. The cover email with the invoice attached (the kept rendering, byte for byte).
    let outbox = Outbox::default();
    let email = OutboundEmail {
        template: Some("cover_email".into()),
        bill: Some(bill.id),
        attachments: vec![OutboundAttachment::Rendered {
            template: "invoice".into(),
            format: OutputFormat::Pdf,
            bill: Some(bill.id),
        }],
        ..OutboundEmail::new(matter.id, vec![Recipient::Contact(client.id)], "", "")
    };
    let sent = paul.communications().send_email_with(&email, &outbox)?;
    println!(
        "   sent \"{}\" to {} ({} bytes), on the matter as {}",
        sent.message.subject,
        sent.message.envelope().to.join(", "),
        sent.message.raw.len(),
        sent.communication.id
    );
    let attached = &sent.message.attachments[0].bytes;
    assert_eq!(attached, &pdf.bytes, "the kept rendering is what is sent");

    // 3. The client's reply names no matter: its In-Reply-To finds it.
    let reply = format!(
        "From: Jane Smith <jane@client.example>\r\nTo: paul@harbourvale.example\r\n\
         Subject: Thank you\r\nMessage-ID: <reply-1@client.example>\r\n\
         In-Reply-To: <{id}>\r\nReferences: <{id}>\r\n\
         Date: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nPaid today.\r\n",
        id = sent.message.message_id
    );
    let filed = paul.communications().ingest_email(reply.as_bytes())?;
    println!(
        "   reply filed to {} ({})",
        matter.number,
        filed
            .communication
            .filing
            .map(|f| f.as_str())
            .unwrap_or("unfiled")
    );
    assert_eq!(filed.communication.matter, Some(matter.id));

    if let Some(dir) = out_dir {
        let dir = std::path::Path::new(&dir);
        std::fs::write(dir.join(&pdf.file_name), &pdf.bytes)?;
        std::fs::write(dir.join("cover_email.eml"), &sent.message.raw)?;
        println!("   written to {}", dir.display());
    }
    println!(
        "The bill left the firm, and the reply came back to {}.",
        matter.number
    );
    Ok(())
}
