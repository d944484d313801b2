//! Bills: drafting from recorded work, editing the draft, the state machine, issuing with a
//! gapless number, voiding, credit notes.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::Session;
use super::bill_drafting::{Work, line, lines, unbilled_work};
use super::billing_terms::firm_settings;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::billing::Discount;
use crate::bills::{Bill, BillKind, BillLine, BillStatus, FeeArrangement, LineKind, Settlement};
use crate::error::{LexcaseError, Result};
use crate::firm::{MatterNumberContext, MatterNumberFormat};
use crate::ids::{BillId, ContactId, MatterId};
use crate::store::{BillQuery, Page, Paged};
use crate::timekeeping::WorkStatus;
use crate::validate;

/// What a bill is drafted from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DraftRequest {
    /// The client billed (a client of every matter).
    pub client: ContactId,
    /// The matters billed (one currency).
    pub matters: Vec<MatterId>,
    /// First day of the period.
    pub period_from: NaiveDate,
    /// Last day of the period.
    pub period_to: NaiveDate,
    /// How fees are worked out.
    pub arrangement: FeeArrangement,
    /// A discount on the whole bill.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub discount: Option<Discount>,
    /// The invoice description.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub description: String,
}

/// Bills. Reading them needs `view_rates` or `manage_billing` and sight of every matter on
/// them; everything else needs `manage_billing`.
#[derive(Debug)]
pub struct BillService<'s> {
    session: &'s Session,
}

/// Work moved on or off a bill, as its audit event records it.
#[derive(serde::Serialize)]
struct WorkMoved<'a> {
    from: WorkStatus,
    to: WorkStatus,
    time_entries: &'a [crate::ids::TimeEntryId],
    expenses: &'a [crate::ids::ExpenseId],
}

/// Moves the work on `bill` (its lines and the time it covers) from `from` to `to`, linking
/// it to the bill (or unlinking it when it returns to unbilled), audited as one event on the
/// bill listing the work, concerning every matter of the bill.
pub(crate) fn move_work(
    ctx: &mut WriteCtx<'_>,
    bill: &Bill,
    from: WorkStatus,
    to: WorkStatus,
) -> Result<()> {
    let listed = bill.lines.iter().filter_map(|l| l.time_entry);
    let time: Vec<_> = listed.chain(bill.covered_time.iter().copied()).collect();
    let expenses: Vec<_> = bill.lines.iter().filter_map(|l| l.expense).collect();
    let link = (to != WorkStatus::Unbilled).then_some(bill.id);
    ctx.tx.move_work(&time, &expenses, from, to, link)?;
    let moved = WorkMoved {
        from,
        to,
        time_entries: &time,
        expenses: &expenses,
    };
    ctx.record(
        crate::audit::EntityKind::Bill,
        bill.id.into(),
        bill.matters.clone(),
        "bill.work_moved",
        None,
        Some(&moved),
    )
}

/// A bill the actor may work on.
pub(crate) fn load_bill(ctx: &WriteCtx<'_>, id: BillId) -> Result<Bill> {
    ctx.require(Capability::ManageBilling)?;
    let bill = ctx
        .tx
        .bill(id)?
        .ok_or_else(|| LexcaseError::not_found("bill"))?;
    ctx.disclosure().require_all(&bill.matters, "bill")?;
    Ok(bill)
}

/// A manual adjustment line of `amount` (negative for a credit).
fn adjustment(
    matter: MatterId,
    date: NaiveDate,
    description: String,
    amount: Decimal,
    taxable: bool,
) -> BillLine {
    BillLine {
        quantity: if amount < Decimal::ZERO {
            -Decimal::ONE
        } else {
            Decimal::ONE
        },
        unit_price: amount.abs(),
        taxable,
        ..line(LineKind::Adjustment, matter, date, &description)
    }
}

/// Gives a bill the next number of the firm's invoice format and issues it today.
fn issue_now(ctx: &mut WriteCtx<'_>, bill: &mut Bill) -> Result<()> {
    let settings = firm_settings(ctx.tx)?;
    let format = MatterNumberFormat::parse(&settings.invoice_number_format)?;
    let client = ctx.contact(bill.client)?.sort_name();
    let today = ctx.today()?;
    let number_ctx = MatterNumberContext {
        client_name: &client,
        date: today,
    };
    let seq = ctx
        .tx
        .next_sequence(&format!("bill:{}", format.sequence_key(&number_ctx)))?;
    bill.number = Some(format.render(&number_ctx, seq));
    bill.issued_on = Some(today);
    bill.due_on = today.checked_add_days(Days::new(u64::from(settings.payment_terms_days)));
    bill.issued_by = Some(ctx.actor.id);
    bill.status = BillStatus::Issued;
    Ok(())
}

impl<'s> BillService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// The session the service acts in.
    pub(crate) fn session(&self) -> &'s Session {
        self.session
    }

    /// Drafts a bill from the unbilled time and billable expenses of the matters over the
    /// period; the work moves onto the draft. Nothing to bill is a validation error.
    pub fn draft(&self, request: DraftRequest) -> Result<Bill> {
        if request.period_to < request.period_from {
            return Err(LexcaseError::validation(
                "period_to",
                "the period ends before it starts",
            ));
        }
        validate::bounded("matters", &request.matters, 100)?;
        if let Some(d) = &request.discount {
            d.validate("discount")?;
        }
        self.session.write(|ctx| {
            ctx.require(Capability::ManageBilling)?;
            let settings = firm_settings(ctx.tx)?;
            let mut currency = None;
            let mut work: Vec<(MatterId, Work)> = Vec::new();
            let mut matters = request.matters.clone();
            matters.sort();
            matters.dedup();
            for id in &matters {
                let matter = ctx.matter(*id)?;
                matter.ensure_editable()?;
                if !matter.clients().any(|c| c == request.client) {
                    return Err(LexcaseError::validation(
                        "client",
                        "the client is not a client of every matter billed",
                    ));
                }
                if currency.is_some_and(|c| c != matter.billing.currency) {
                    return Err(LexcaseError::validation(
                        "matters",
                        "the matters bill in different currencies",
                    ));
                }
                currency = Some(matter.billing.currency);
                work.push((
                    *id,
                    unbilled_work(ctx, *id, request.period_from, request.period_to)?,
                ));
            }
            let currency = currency
                .ok_or_else(|| LexcaseError::validation("matters", "name at least one matter"))?;
            let taxed = !settings.tax_rate.is_zero();
            let lines = lines(
                &work,
                &request.arrangement,
                request.period_to,
                taxed,
                currency,
            )?;
            let covered_time = match request.arrangement {
                FeeArrangement::FixedFee {
                    show_time: false, ..
                } => work
                    .iter()
                    .flat_map(|(_, w)| w.time.iter().map(|t| t.id))
                    .collect(),
                _ => Vec::new(),
            };
            if lines.is_empty() {
                return Err(LexcaseError::validation(
                    "period",
                    "there is no unbilled work to bill in the period",
                ));
            }
            let mut bill = Bill {
                id: BillId::new(),
                kind: BillKind::Invoice,
                number: None,
                client: request.client,
                matters,
                period_from: request.period_from,
                period_to: request.period_to,
                currency,
                arrangement: request.arrangement.clone(),
                lines,
                covered_time,
                discount: request.discount,
                tax_name: settings.tax_name.clone(),
                tax_rate: settings.tax_rate,
                totals: Default::default(),
                status: BillStatus::Draft,
                credits: None,
                description: validate::text("description", &request.description)?,
                issued_on: None,
                due_on: None,
                paid: Decimal::ZERO,
                credited: Decimal::ZERO,
                written_off: Decimal::ZERO,
                void_reason: None,
                created_by: ctx.actor.id,
                created_at: ctx.now,
                issued_by: None,
                version: 1,
            };
            bill.recompute()?;
            let bill = ctx.create(bill, "bill.drafted")?;
            move_work(ctx, &bill, WorkStatus::Unbilled, WorkStatus::OnDraftBill)?;
            Ok(bill)
        })
    }

    /// A bill the actor may see: they manage billing or see rates, and see all its matters.
    pub(crate) fn visible(ctx: &ReadCtx<'_>, id: BillId) -> Result<Bill> {
        if !ctx.actor.can(Capability::ManageBilling) {
            ctx.actor.require(Capability::ViewRates)?;
        }
        let bill = ctx
            .tx
            .bill(id)?
            .ok_or_else(|| LexcaseError::not_found("bill"))?;
        ctx.disclosure().require_all(&bill.matters, "bill")?;
        Ok(bill)
    }

    /// A bill by id.
    pub fn get(&self, id: BillId) -> Result<Bill> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    /// Bills matching `query`, newest first.
    pub fn list(&self, query: &BillQuery, page: Page) -> Result<Paged<Bill>> {
        self.session.read(|ctx| {
            if !ctx.actor.can(Capability::ManageBilling) {
                ctx.actor.require(Capability::ViewRates)?;
            }
            ctx.tx.bills(query, &ctx.viewer(), page)
        })
    }

    fn change(
        &self,
        id: BillId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Bill, &WriteCtx<'_>) -> Result<()>,
    ) -> Result<Bill> {
        self.session.write(|ctx| {
            let before = load_bill(ctx, id)?;
            ctx.amend(before, expected_version, action, f)
        })
    }

    fn edit_draft(
        &self,
        id: BillId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Bill) -> Result<()>,
    ) -> Result<Bill> {
        self.change(id, expected_version, action, |b, _| {
            b.ensure_draft()?;
            f(b)?;
            b.recompute()
        })
    }

    /// Sets (or clears) the discount on the whole draft bill.
    pub fn set_discount(
        &self,
        id: BillId,
        expected_version: u64,
        discount: Option<Discount>,
    ) -> Result<Bill> {
        if let Some(d) = &discount {
            d.validate("discount")?;
        }
        self.edit_draft(id, expected_version, "bill.discount_set", |b| {
            b.discount = discount;
            Ok(())
        })
    }

    /// Sets (or clears) the discount of line `number` of a draft.
    pub fn set_line_discount(
        &self,
        id: BillId,
        expected_version: u64,
        number: u32,
        discount: Option<Discount>,
    ) -> Result<Bill> {
        if let Some(d) = &discount {
            d.validate("discount")?;
        }
        self.edit_draft(id, expected_version, "bill.line_discount_set", |b| {
            let line = b
                .lines
                .iter_mut()
                .find(|l| l.number == number)
                .ok_or_else(|| LexcaseError::not_found("bill line"))?;
            line.discount = discount;
            Ok(())
        })
    }

    /// Adds a manual adjustment line (negative for a credit) to a draft.
    pub fn add_adjustment(
        &self,
        id: BillId,
        expected_version: u64,
        description: &str,
        amount: Decimal,
        taxable: bool,
    ) -> Result<Bill> {
        let description = validate::required_line("description", description)?;
        self.edit_draft(id, expected_version, "bill.adjustment_added", |b| {
            let taxable = taxable && !b.tax_rate.is_zero();
            b.lines.push(adjustment(
                b.matters[0],
                b.period_to,
                description,
                amount,
                taxable,
            ));
            Ok(())
        })
    }

    /// Takes line `number` off a draft; its work returns to unbilled.
    pub fn remove_line(&self, id: BillId, expected_version: u64, number: u32) -> Result<Bill> {
        self.session.write(|ctx| {
            let before = load_bill(ctx, id)?;
            before.ensure_draft()?;
            let removed = before
                .lines
                .iter()
                .find(|l| l.number == number)
                .cloned()
                .ok_or_else(|| LexcaseError::not_found("bill line"))?;
            let after = ctx.amend(before, expected_version, "bill.line_removed", |b, _| {
                b.lines.retain(|l| l.number != number);
                if b.lines.is_empty() {
                    return Err(LexcaseError::validation(
                        "lines",
                        "a bill keeps at least one line (void the draft instead)",
                    ));
                }
                b.recompute()
            })?;
            let single = Bill {
                lines: vec![removed],
                covered_time: Vec::new(),
                ..after.clone()
            };
            move_work(ctx, &single, WorkStatus::OnDraftBill, WorkStatus::Unbilled)?;
            Ok(after)
        })
    }

    /// Moves a bill to `to` (approve, back to draft); issuing and voiding have their own calls.
    pub fn transition(&self, id: BillId, expected_version: u64, to: BillStatus) -> Result<Bill> {
        match to {
            BillStatus::Issued => return self.issue(id, expected_version),
            BillStatus::Void => {
                return Err(LexcaseError::validation("to", "void a bill with a reason"));
            }
            _ => {}
        }
        self.change(id, expected_version, "bill.status_changed", |b, _| {
            b.status.check_transition(to, b.has_settlements())?;
            b.status = to;
            Ok(())
        })
    }

    /// Issues an approved bill: the next gapless number, today's date, the due date; the bill
    /// and its work are frozen.
    pub fn issue(&self, id: BillId, expected_version: u64) -> Result<Bill> {
        self.session.write(|ctx| {
            let before = load_bill(ctx, id)?;
            before
                .status
                .check_transition(BillStatus::Issued, before.has_settlements())?;
            let mut issued = before.clone();
            issue_now(ctx, &mut issued)?;
            let after = ctx.amend(before, expected_version, "bill.issued", |b, _| {
                *b = Bill {
                    version: b.version,
                    ..issued
                };
                Ok(())
            })?;
            move_work(ctx, &after, WorkStatus::OnDraftBill, WorkStatus::Billed)?;
            Ok(after)
        })
    }

    /// Voids a draft, an approved bill, or an issued bill nobody has paid, credited or
    /// written off (its number stays used); its work returns to unbilled for reissue.
    pub fn void(&self, id: BillId, expected_version: u64, reason: &str) -> Result<Bill> {
        let reason = validate::required_line("reason", reason)?;
        self.session.write(|ctx| {
            let before = load_bill(ctx, id)?;
            before
                .status
                .check_transition(BillStatus::Void, before.has_settlements())?;
            let from = if before.status.is_issued() {
                WorkStatus::Billed
            } else {
                WorkStatus::OnDraftBill
            };
            let after = ctx.amend(before, expected_version, "bill.voided", |b, _| {
                b.status = BillStatus::Void;
                b.void_reason = Some(reason);
                Ok(())
            })?;
            move_work(ctx, &after, from, WorkStatus::Unbilled)?;
            Ok(after)
        })
    }

    /// Issues a credit note of `amount` (including tax at the invoice's rate) against an
    /// issued invoice, reducing what it owes.
    pub fn credit_note(
        &self,
        invoice: BillId,
        expected_version: u64,
        amount: Decimal,
        reason: &str,
    ) -> Result<Bill> {
        let reason = validate::required_line("reason", reason)?;
        self.session.write(|ctx| {
            let original = load_bill(ctx, invoice)?;
            if amount <= Decimal::ZERO || amount > original.outstanding() {
                return Err(LexcaseError::refused(
                    "amount",
                    "more than zero and at most what the bill still owes",
                    crate::ErrorDetail::Outstanding {
                        outstanding: crate::money::Money {
                            amount: original.outstanding(),
                            currency: original.currency,
                        },
                    },
                ));
            }
            let net = amount / (Decimal::ONE + original.tax_rate);
            let text = format!("Credit: {reason}");
            let taxable = !original.tax_rate.is_zero();
            let line = adjustment(original.matters[0], ctx.today()?, text, -net, taxable);
            let mut note = Bill {
                id: BillId::new(),
                kind: BillKind::CreditNote,
                number: None,
                lines: vec![line],
                covered_time: Vec::new(),
                discount: None,
                status: BillStatus::Approved,
                credits: Some(original.id),
                description: reason,
                issued_on: None,
                due_on: None,
                paid: Decimal::ZERO,
                credited: Decimal::ZERO,
                written_off: Decimal::ZERO,
                void_reason: None,
                created_by: ctx.actor.id,
                created_at: ctx.now,
                issued_by: None,
                version: 1,
                ..original.clone()
            };
            note.recompute()?;
            issue_now(ctx, &mut note)?;
            let credited = -note.totals.total;
            ctx.amend(original, expected_version, "bill.credited", |b, _| {
                b.settle(credited, Settlement::Credit)
            })?;
            ctx.create(note, "bill.credit_note_issued")
        })
    }
}
