//! Money coming in against bills: payments and their allocations, write-offs, the statement
//! of account and aged debt.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Session;
use super::bills::load_bill;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::bills::{
    Allocation, Bill, BillKind, NewPayment, Payment, Settlement, StatementEntry, StatementOfAccount,
};
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, PaymentId};
use crate::money::Currency;
use crate::reports::{AgedDebt, aged_debt_of, aging_bounds};
use crate::validate;

/// Payments, write-offs, statements and aged debt (all need `manage_billing`). A payment
/// concerns the matters of the bills it is allocated to: it is shown only to a viewer who may
/// see all of them (see [`super::disclosure`]); otherwise it is not found, as a missing one.
#[derive(Debug)]
pub struct PaymentService<'s> {
    session: &'s Session,
}

/// Applies an allocation to its bill (same client and currency, at most what it owes).
fn settle(ctx: &mut WriteCtx<'_>, payment: &Payment, allocation: Allocation) -> Result<Bill> {
    let bill = load_bill(ctx, allocation.bill)?;
    if bill.client != payment.client || bill.currency != payment.amount.currency {
        return Err(LexcaseError::validation(
            "allocations",
            "a payment is allocated to bills of its client in its currency",
        ));
    }
    let version = bill.version;
    ctx.amend(bill, version, "bill.paid", |b, _| {
        b.settle(allocation.amount, Settlement::Payment)
    })
}

impl<'s> PaymentService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Records a payment and its allocations (together never more than the payment, each
    /// never more than what its bill owes); the rest is held on account.
    pub fn record(&self, new: NewPayment) -> Result<Payment> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageBilling)?;
            ctx.contact(new.client)?;
            let payment =
                Payment::create(new, ctx.settings.default_currency, ctx.actor.id, ctx.now)?;
            for allocation in &payment.allocations {
                settle(ctx, &payment, *allocation)?;
            }
            ctx.create(payment, "payment.recorded")
        })
    }

    /// A payment by id.
    pub fn get(&self, id: PaymentId) -> Result<Payment> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ManageBilling)?;
            let payment = ctx
                .tx
                .payment(id)?
                .ok_or_else(|| LexcaseError::not_found("payment"))?;
            if !ctx.disclosure().sees_payment(&payment)? {
                return Err(LexcaseError::not_found("payment"));
            }
            Ok(payment)
        })
    }

    /// Allocates part of a payment held on account to a bill.
    pub fn allocate(
        &self,
        id: PaymentId,
        expected_version: u64,
        bill: BillId,
        amount: Decimal,
    ) -> Result<Payment> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageBilling)?;
            let before = ctx
                .tx
                .payment(id)?
                .ok_or_else(|| LexcaseError::not_found("payment"))?;
            if !ctx.disclosure().sees_payment(&before)? {
                return Err(LexcaseError::not_found("payment"));
            }
            let allocation = Allocation { bill, amount };
            let after = ctx.amend(before, expected_version, "payment.allocated", |p, _| {
                p.allocate(allocation)
            })?;
            settle(ctx, &after, allocation)?;
            Ok(after)
        })
    }

    /// Writes off part or all of what an issued invoice owes, with the reason.
    pub fn write_off(
        &self,
        bill: BillId,
        expected_version: u64,
        amount: Decimal,
        reason: &str,
    ) -> Result<Bill> {
        validate::required_line("reason", reason)?;
        self.session.write(|ctx| {
            let before = load_bill(ctx, bill)?;
            ctx.amend(before, expected_version, "bill.written_off", |b, _| {
                b.settle(amount, Settlement::WriteOff)
            })
        })
    }

    /// A client's statement of account in `currency`: issued invoices and credit notes,
    /// payments and write-offs, oldest first, with the running balance. It is the statement
    /// of what the actor may see: a bill on a matter they may not see is left out, and so is
    /// a payment allocated to one; the balance and the money on account are those of the
    /// entries shown.
    pub fn statement(&self, client: ContactId, currency: Currency) -> Result<StatementOfAccount> {
        self.session.read(|ctx| statement_of(ctx, client, currency))
    }

    /// Aged debt of issued invoices in `currency` as at a day (0–30, 31–60, 61–90, 90+ days
    /// from issue).
    pub fn aged_debt(&self, as_of: NaiveDate, currency: Currency) -> Result<AgedDebt> {
        self.session.read(|ctx| {
            ctx.actor.require(Capability::ManageBilling)?;
            let buckets = ctx
                .tx
                .aged_receivables(&ctx.viewer(), currency, aging_bounds(as_of))?;
            aged_debt_of(buckets, as_of, currency)
        })
    }
}

/// A client's statement of account in `currency` (needs `manage_billing`): issued invoices
/// and credit notes, payments and write-offs, oldest first, with the running balance.
pub(crate) fn statement_of(
    ctx: &ReadCtx<'_>,
    client: ContactId,
    currency: Currency,
) -> Result<StatementOfAccount> {
    ctx.actor.require(Capability::ManageBilling)?;
    ctx.tx
        .contact(client)?
        .ok_or_else(|| LexcaseError::not_found("contact"))?;
    let disclosure = ctx.disclosure();
    let mut events: Vec<(NaiveDate, u8, String, Decimal, Decimal)> = Vec::new();
    for bill in ctx.tx.bills_of_client(client)? {
        let (Some(issued), Some(number)) = (bill.issued_on, bill.number.clone()) else {
            continue;
        };
        if !disclosure.sees_all(&bill.matters)? {
            continue;
        }
        if bill.currency != currency || bill.status == crate::bills::BillStatus::Void {
            continue;
        }
        match bill.kind {
            BillKind::Invoice => {
                events.push((
                    issued,
                    0,
                    format!("Invoice {number}"),
                    bill.totals.total,
                    Decimal::ZERO,
                ));
                if !bill.written_off.is_zero() {
                    events.push((
                        issued,
                        3,
                        format!("Written off on {number}"),
                        Decimal::ZERO,
                        bill.written_off,
                    ));
                }
            }
            BillKind::CreditNote => {
                events.push((
                    issued,
                    1,
                    format!("Credit note {number}"),
                    Decimal::ZERO,
                    -bill.totals.total,
                ));
            }
        }
    }
    let mut on_account = Decimal::ZERO;
    for p in ctx.tx.payments_of_client(client)? {
        if p.amount.currency != currency || !disclosure.sees_payment(&p)? {
            continue;
        }
        on_account += p.unallocated();
        let text = match p.reference.as_str() {
            "" => "Payment received".to_owned(),
            r => format!("Payment received ({r})"),
        };
        events.push((p.received_on, 2, text, Decimal::ZERO, p.amount.amount));
    }
    events.sort_by_key(|e| (e.0, e.1));
    let mut balance = Decimal::ZERO;
    let entries = events
        .into_iter()
        .map(|(date, _, description, debit, credit)| {
            balance += debit - credit;
            StatementEntry {
                date,
                description,
                debit,
                credit,
                balance,
            }
        })
        .collect();
    Ok(StatementOfAccount {
        client,
        currency,
        entries,
        balance,
        on_account,
    })
}
