//! Bills and payments: reads, the bill list, writes. A bill is its row, its matters and its
//! lines; a payment is its row and its allocations.

use std::collections::HashMap;

use lexcase::access::Viewer;
use lexcase::bills::{Allocation, Bill, BillLine, Payment};
use lexcase::store::{BillQuery, Page, Paged};
use lexcase::{BillId, ContactId, MatterId, PaymentId, Result};
use lexcase_sql::bills::{
    AllocationRow, BillHead, BillMatterRow, LineRow, PaymentHead, assemble_bill, bill_rows,
    payment_rows,
};
use lexcase_sql::column_list;
use lexcase_sql::keyset::SortKey;

use crate::matter_list::bill_visible;
use crate::paging::{self, List};
use crate::records::{self, Unique, select};
use crate::scope::Scope;
use crate::value::Arg;

const BILL_UNIQUE: &[Unique] = &[Unique {
    columns: &["number"],
    reason: "a bill with this number already exists",
}];

/// Puts bills together from their heads: one query for all their matters, one for all their
/// lines.
pub(crate) fn assemble(scope: &mut Scope<'_>, heads: Vec<BillHead>) -> Result<Vec<Bill>> {
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<BillId> = heads.iter().map(|h| h.0.id).collect();
    let args = [Arg::ids(&ids)];
    let matters: Vec<BillMatterRow> = scope.records(
        &select::<BillMatterRow>("c", "c.bill_id = ANY(?) ORDER BY c.bill_id, c.position"),
        &args,
    )?;
    let lines: Vec<LineRow<'static>> = scope.records(
        &select::<LineRow<'static>>("c", "c.bill_id = ANY(?) ORDER BY c.bill_id, c.line_number"),
        &args,
    )?;
    let mut matters_of: HashMap<BillId, Vec<MatterId>> = HashMap::new();
    for m in matters {
        matters_of.entry(m.bill).or_default().push(m.matter);
    }
    let mut lines_of: HashMap<BillId, Vec<BillLine>> = HashMap::new();
    for l in lines {
        lines_of
            .entry(l.bill)
            .or_default()
            .push(l.line.into_owned());
    }
    Ok(heads
        .into_iter()
        .map(|head| {
            let id = head.0.id;
            assemble_bill(
                head,
                matters_of.remove(&id).unwrap_or_default(),
                lines_of.remove(&id).unwrap_or_default(),
            )
        })
        .collect())
}

/// A bill by id.
pub(crate) fn bill(scope: &mut Scope<'_>, id: BillId) -> Result<Option<Bill>> {
    let head: Option<BillHead> =
        scope.record(&select::<BillHead>("b", "b.id = ?"), &[Arg::id(id)])?;
    Ok(assemble(scope, head.into_iter().collect())?.pop())
}

/// Bills matching `query` whose matters `viewer` may all see, newest first.
pub(crate) fn bills(
    scope: &mut Scope<'_>,
    query: &BillQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Bill>> {
    let (rule, mut args) = bill_visible(viewer);
    let mut conditions = vec!["b.firm_id = $1".to_owned(), rule];
    if let Some(client) = query.client {
        conditions.push("b.client_id = ?".into());
        args.push(Arg::id(client));
    }
    if let Some(matter) = query.matter {
        conditions.push(
            "b.id IN (SELECT qm.bill_id FROM bill_matters qm WHERE qm.firm_id = $1 \
             AND qm.matter_id = ?)"
                .into(),
        );
        args.push(Arg::id(matter));
    }
    if let Some(status) = query.status {
        conditions.push("b.status = ?".into());
        args.push(Arg::text(status.as_str()));
    }
    const ORDER: &[SortKey] = &[SortKey::desc("b.created_at"), SortKey::desc("b.id")];
    let heads: Paged<BillHead> = paging::page(
        scope,
        List {
            columns: &column_list::<BillHead>(Some("b")),
            from: "bills b",
            conditions,
            args,
            keys: ORDER,
        },
        &page,
        paging::record,
    )?;
    Ok(Paged {
        items: assemble(scope, heads.items)?,
        total: heads.total,
        next: heads.next,
    })
}

/// Every bill of a client, oldest first.
pub(crate) fn of_client(scope: &mut Scope<'_>, client: ContactId) -> Result<Vec<Bill>> {
    let heads = scope.records(
        &select::<BillHead>("b", "b.client_id = ? ORDER BY b.created_at, b.id"),
        &[Arg::id(client)],
    )?;
    assemble(scope, heads)
}

fn write_children(scope: &mut Scope<'_>, bill: &Bill) -> Result<()> {
    let (_, matters, lines) = bill_rows(bill);
    records::insert_all(scope, &matters)?;
    records::insert_all(scope, &lines)
}

/// Inserts a bill.
pub(crate) fn insert(scope: &mut Scope<'_>, bill: &Bill) -> Result<()> {
    let (head, _, _) = bill_rows(bill);
    records::insert(scope, &head, BILL_UNIQUE)?;
    write_children(scope, bill)
}

/// Updates a bill stored at `expected`; its matters and lines are rewritten only when they
/// changed (issuing, paying and voiding a bill leave them alone).
pub(crate) fn update(scope: &mut Scope<'_>, bill: &Bill, expected: u64) -> Result<()> {
    let (head, _, _) = bill_rows(bill);
    let stored = if bill.status.is_issued() {
        None
    } else {
        self::bill(scope, bill.id)?
    };
    records::update(scope, &head, bill.version, expected, BILL_UNIQUE)?;
    let unchanged = stored
        .as_ref()
        .is_some_and(|s| s.lines == bill.lines && s.matters == bill.matters);
    if bill.status.is_issued() || unchanged {
        return Ok(());
    }
    let id = [Arg::id(bill.id)];
    scope.execute(
        "DELETE FROM bill_matters WHERE firm_id = $1 AND bill_id = ?",
        &id,
    )?;
    scope.execute(
        "DELETE FROM bill_lines WHERE firm_id = $1 AND bill_id = ?",
        &id,
    )?;
    write_children(scope, bill)
}

/// Puts payments together from their heads and their allocations.
pub(crate) fn assemble_payments(
    scope: &mut Scope<'_>,
    heads: Vec<PaymentHead>,
) -> Result<Vec<Payment>> {
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<PaymentId> = heads.iter().map(|h| h.0.id).collect();
    let rows: Vec<AllocationRow> = scope.records(
        &select::<AllocationRow>(
            "c",
            "c.payment_id = ANY(?) ORDER BY c.payment_id, c.position",
        ),
        &[Arg::ids(&ids)],
    )?;
    let mut of: HashMap<PaymentId, Vec<Allocation>> = HashMap::new();
    for r in rows {
        of.entry(r.payment).or_default().push(r.allocation);
    }
    Ok(heads
        .into_iter()
        .map(|h| {
            let mut p = h.0;
            p.allocations = of.remove(&p.id).unwrap_or_default();
            p
        })
        .collect())
}

/// A payment by id.
pub(crate) fn payment(scope: &mut Scope<'_>, id: PaymentId) -> Result<Option<Payment>> {
    let head: Option<PaymentHead> =
        scope.record(&select::<PaymentHead>("p", "p.id = ?"), &[Arg::id(id)])?;
    Ok(assemble_payments(scope, head.into_iter().collect())?.pop())
}

/// A client's payments, oldest first.
pub(crate) fn payments_of_client(scope: &mut Scope<'_>, client: ContactId) -> Result<Vec<Payment>> {
    let heads = scope.records(
        &select::<PaymentHead>("p", "p.client_id = ? ORDER BY p.received_on, p.id"),
        &[Arg::id(client)],
    )?;
    assemble_payments(scope, heads)
}

/// Inserts a payment.
pub(crate) fn insert_payment(scope: &mut Scope<'_>, payment: &Payment) -> Result<()> {
    let (head, allocations) = payment_rows(payment);
    records::insert(scope, &head, &[])?;
    records::insert_all(scope, &allocations)
}

/// Updates a payment stored at `expected` and rewrites its allocations.
pub(crate) fn update_payment(
    scope: &mut Scope<'_>,
    payment: &Payment,
    expected: u64,
) -> Result<()> {
    let (head, allocations) = payment_rows(payment);
    records::update(scope, &head, payment.version, expected, &[])?;
    scope.execute(
        "DELETE FROM payment_allocations WHERE firm_id = $1 AND payment_id = ?",
        &[Arg::id(payment.id)],
    )?;
    records::insert_all(scope, &allocations)
}
