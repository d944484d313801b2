//! The lexcase side of the store benches' billing workload (`store_scale` on SQLite,
//! `pg_scale` on PostgreSQL): each step of a [`Plan`](crate::work::Plan) as the firm's
//! accounts staff take it through the services, so both benches time the same calls.
//!
//! Amounts name no currency: the services put them in the firm's (payments) or the matter's
//! (client money), as a front end leaving the currency out would.

use lexcase::BillId;
use lexcase::bills::{Allocation, Bill, BillStatus, FeeArrangement, NewPayment, Payment};
use lexcase::client_money::{ClientMoneyEntry, ClientMoneyEntryKind, NewClientMoneyEntry};
use lexcase::money::Amount;
use lexcase::service::{DraftRequest, Session};

use crate::work::{BillSpec, MatterFacts, PaymentSpec, START, TrustKind, TrustSpec, from_minor};

/// Drafts `spec`'s bill for matter `f` (hourly: its unbilled work from [`START`] to the month
/// end), approves and issues it.
pub fn issue_bill(admin: &Session, f: &MatterFacts, spec: &BillSpec) -> lexcase::Result<Bill> {
    let bills = admin.bills();
    let draft = bills.draft(DraftRequest {
        client: f.client,
        matters: vec![f.id],
        period_from: START,
        period_to: spec.period_to,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For services rendered".into(),
    })?;
    let approved = bills.transition(draft.id, draft.version, BillStatus::Approved)?;
    bills.issue(approved.id, approved.version)
}

/// Records payment `p` of `amount_minor` from matter `f`'s client against `bill` (the
/// `seq`-th bill, which names the bank reference).
pub fn pay(
    admin: &Session,
    f: &MatterFacts,
    p: &PaymentSpec,
    amount_minor: i64,
    seq: u64,
    bill: BillId,
) -> lexcase::Result<Payment> {
    let amount = from_minor(amount_minor);
    admin.payments().record(NewPayment {
        client: f.client,
        received_on: p.received_on,
        amount: Amount::new(amount),
        method: "bank transfer".into(),
        reference: format!("BACS {seq}"),
        allocations: vec![Allocation { bill, amount }],
    })
}

/// Records client-money entry `t` on matter `f`.
pub fn hold(admin: &Session, f: &MatterFacts, t: &TrustSpec) -> lexcase::Result<ClientMoneyEntry> {
    let kind = match t.kind {
        TrustKind::Receipt => ClientMoneyEntryKind::Receipt,
        TrustKind::Payment => ClientMoneyEntryKind::Payment,
    };
    let entry = NewClientMoneyEntry {
        matter: f.id,
        client: f.client,
        kind,
        amount: Amount::new(from_minor(t.amount_minor)),
        date: t.date,
        reference: t.reference.clone(),
        counterparty: t.counterparty.clone(),
        description: t.description.into(),
        bill: None,
        reverses: None,
    };
    admin.client_money().record(entry, None)
}
