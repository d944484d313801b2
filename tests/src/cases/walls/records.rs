//! Records the wall cases put on a matter: time, bills issued and paid, client money, email.

use lexcase::bills::{Allocation, Bill, BillStatus, FeeArrangement, NewPayment, Payment};
use lexcase::client_money::{ClientMoneyEntry, ClientMoneyEntryKind, NewClientMoneyEntry};
use lexcase::matters::Matter;
use lexcase::service::DraftRequest;
use lexcase::service::IngestOutcome;
use lexcase::timekeeping::NewTimeEntry;
use lexcase::{BillId, ContactId, MatterId};

use super::fixture::{Walled, day, gbp};

/// Records `seconds` of the fee earner's time on a matter.
pub fn time(w: &Walled, m: &Matter, seconds: u32, narrative: &str) {
    w.f.fee_earner
        .time()
        .record(NewTimeEntry::new(
            m.id,
            day("2026-11-20"),
            seconds,
            narrative,
        ))
        .unwrap();
}

/// Drafts, approves and issues a bill over `matters` for the client, from work recorded now.
pub fn issue_bill(w: &Walled, matters: &[&Matter], narrative: &str) -> Bill {
    for (i, m) in matters.iter().enumerate() {
        time(w, m, 3600 + 61 * i as u32, "Work");
    }
    let bills = w.f.accounts.bills();
    let draft = bills
        .draft(DraftRequest {
            client: w.client.id,
            matters: matters.iter().map(|m| m.id).collect(),
            period_from: day("2026-11-01"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: narrative.into(),
        })
        .unwrap();
    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    bills.issue(approved.id, approved.version).unwrap()
}

/// Records a payment from the client, allocated to `bill` (or held on account).
pub fn pay(w: &Walled, amount: &str, bill: Option<BillId>, reference: &str) -> Payment {
    w.f.accounts
        .payments()
        .record(NewPayment {
            client: w.client.id,
            received_on: day("2026-11-27"),
            amount: gbp(amount).into(),
            method: "bank transfer".into(),
            reference: reference.into(),
            allocations: bill
                .map(|bill| Allocation {
                    bill,
                    amount: gbp(amount).amount,
                })
                .into_iter()
                .collect(),
        })
        .unwrap()
}

/// Receives client money for the client on a matter.
pub fn receive(w: &Walled, matter: MatterId, client: ContactId, amount: &str) -> ClientMoneyEntry {
    w.f.accounts
        .client_money()
        .record(
            NewClientMoneyEntry {
                matter,
                client,
                kind: ClientMoneyEntryKind::Receipt,
                amount: gbp(amount).into(),
                date: day("2026-11-20"),
                reference: "BACS".into(),
                counterparty: "Quentin Quill".into(),
                description: format!("Funds {amount}"),
                bill: None,
                reverses: None,
            },
            None,
        )
        .unwrap()
}

/// A raw email from the client with `subject` and `body`.
pub fn email(subject: &str, body: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: Quentin Quill <quentin@quill.example>\r\nTo: fern.earner@smith.example\r\n\
         Subject: {subject}\r\nDate: Thu, 26 Nov 2026 16:05:00 +0000\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

/// An email from a stranger, which files nowhere.
pub fn stranger_email(subject: &str, body: &str, message_id: &str) -> Vec<u8> {
    String::from_utf8(email(subject, body, message_id))
        .unwrap()
        .replace(
            "Quentin Quill <quentin@quill.example>",
            "x@stranger.example",
        )
        .into_bytes()
}

/// Ingests a raw email as the admin.
pub fn ingest(w: &Walled, raw: &[u8]) -> IngestOutcome {
    w.f.admin.communications().ingest_email(raw).unwrap()
}
