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
use lexcase_sql::keyset::SortKey;
use lexcase_sql::{Value, column_list, select_sql};
use rusqlite::Connection;

use crate::error::Db;
use crate::matter_list::bill_visible;
use crate::paging::{self, List};
use crate::records;
use crate::work::from_sqlite;
use crate::write::atomically;

const BILL_UNIQUE: &[(&str, &str)] = &[
    ("bills.id", "the bill already exists"),
    ("bills.number", "a bill with this number already exists"),
];

/// `IN (?, …)` for `n` values.
fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Puts bills together from their heads: one query for all their matters, one for all their
/// lines.
pub(crate) fn assemble(conn: &Connection, heads: Vec<BillHead>) -> Result<Vec<Bill>> {
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Value<'_>> = heads.iter().map(|h| Value::id(h.0.id)).collect();
    let filter = format!("WHERE c.bill_id IN ({})", marks(ids.len()));
    let matters: Vec<BillMatterRow> = records::many(
        conn,
        &format!(
            "{} {filter} ORDER BY c.bill_id, c.position",
            select_sql::<BillMatterRow>("c")
        ),
        &ids,
    )?;
    let lines: Vec<LineRow<'static>> = records::many(
        conn,
        &format!(
            "{} {filter} ORDER BY c.bill_id, c.line_number",
            select_sql::<LineRow<'static>>("c")
        ),
        &ids,
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
pub(crate) fn bill(conn: &Connection, id: BillId) -> Result<Option<Bill>> {
    let head: Option<BillHead> = records::one(
        conn,
        &format!("{} WHERE b.id = ?", select_sql::<BillHead>("b")),
        &[Value::id(id)],
    )?;
    Ok(assemble(conn, head.into_iter().collect())?.pop())
}

/// Bills matching `query` whose matters `viewer` may all see, newest first.
pub(crate) fn bills(
    conn: &Connection,
    query: &BillQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Bill>> {
    let (rule, params) = bill_visible(viewer);
    let mut args: Vec<Value<'_>> = params.into_iter().map(from_sqlite).collect();
    let mut conditions = vec![rule];
    if let Some(client) = query.client {
        conditions.push("b.client_id = ?".into());
        args.push(Value::id(client));
    }
    if let Some(matter) = query.matter {
        conditions.push("b.id IN (SELECT bill_id FROM bill_matters WHERE matter_id = ?)".into());
        args.push(Value::id(matter));
    }
    if let Some(status) = query.status {
        conditions.push("b.status = ?".into());
        args.push(Value::name(status.as_str()));
    }
    const ORDER: &[SortKey] = &[SortKey::desc("b.created_at"), SortKey::desc("b.id")];
    let heads: Paged<BillHead> = paging::page(
        conn,
        List {
            columns: &column_list::<BillHead>(Some("b")),
            from: "bills b",
            conditions,
            params: args.iter().map(paging::param).collect(),
            keys: ORDER,
        },
        &page,
        paging::record,
    )?;
    Ok(Paged {
        items: assemble(conn, heads.items)?,
        total: heads.total,
        next: heads.next,
    })
}

/// Every bill of a client, oldest first.
pub(crate) fn of_client(conn: &Connection, client: ContactId) -> Result<Vec<Bill>> {
    let heads = records::many(
        conn,
        &format!(
            "{} WHERE b.client_id = ? ORDER BY b.created_at, b.id",
            select_sql::<BillHead>("b")
        ),
        &[Value::id(client)],
    )?;
    assemble(conn, heads)
}

fn write_children(conn: &Connection, bill: &Bill) -> Result<()> {
    let (_, matters, lines) = bill_rows(bill);
    records::insert_all(conn, &matters)?;
    records::insert_all(conn, &lines)
}

/// Inserts a bill.
pub(crate) fn insert(conn: &Connection, bill: &Bill) -> Result<()> {
    atomically(conn, |conn| {
        let (head, _, _) = bill_rows(bill);
        records::insert(conn, &head, BILL_UNIQUE)?;
        write_children(conn, bill)
    })
}

/// Updates a bill stored at `expected`; its matters and lines are rewritten only when they
/// changed (issuing, paying and voiding a bill leave them alone).
pub(crate) fn update(conn: &Connection, bill: &Bill, expected: u64) -> Result<()> {
    atomically(conn, |conn| {
        let (head, _, _) = bill_rows(bill);
        let stored = if bill.status.is_issued() {
            None
        } else {
            self::bill(conn, bill.id)?
        };
        records::update(conn, &head, bill.version, expected, BILL_UNIQUE)?;
        let unchanged = stored
            .as_ref()
            .is_some_and(|s| s.lines == bill.lines && s.matters == bill.matters);
        if bill.status.is_issued() || unchanged {
            return Ok(());
        }
        let id = bill.id.to_bytes();
        for sql in [
            "DELETE FROM bill_matters WHERE bill_id = ?1",
            "DELETE FROM bill_lines WHERE bill_id = ?1",
        ] {
            conn.prepare_cached(sql).db()?.execute([id]).db()?;
        }
        write_children(conn, bill)
    })
}

/// Puts payments together from their heads and their allocations.
pub(crate) fn assemble_payments(
    conn: &Connection,
    heads: Vec<PaymentHead>,
) -> Result<Vec<Payment>> {
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Value<'_>> = heads.iter().map(|h| Value::id(h.0.id)).collect();
    let rows: Vec<AllocationRow> = records::many(
        conn,
        &format!(
            "{} WHERE c.payment_id IN ({}) ORDER BY c.payment_id, c.position",
            select_sql::<AllocationRow>("c"),
            marks(ids.len())
        ),
        &ids,
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
pub(crate) fn payment(conn: &Connection, id: PaymentId) -> Result<Option<Payment>> {
    let head: Option<PaymentHead> = records::one(
        conn,
        &format!("{} WHERE p.id = ?", select_sql::<PaymentHead>("p")),
        &[Value::id(id)],
    )?;
    Ok(assemble_payments(conn, head.into_iter().collect())?.pop())
}

/// A client's payments, oldest first.
pub(crate) fn payments_of_client(conn: &Connection, client: ContactId) -> Result<Vec<Payment>> {
    let heads = records::many(
        conn,
        &format!(
            "{} WHERE p.client_id = ? ORDER BY p.received_on, p.id",
            select_sql::<PaymentHead>("p")
        ),
        &[Value::id(client)],
    )?;
    assemble_payments(conn, heads)
}

/// Inserts a payment.
pub(crate) fn insert_payment(conn: &Connection, payment: &Payment) -> Result<()> {
    atomically(conn, |conn| {
        let (head, allocations) = payment_rows(payment);
        records::insert(
            conn,
            &head,
            &[("payments.id", "the payment already exists")],
        )?;
        records::insert_all(conn, &allocations)
    })
}

/// Updates a payment stored at `expected` and rewrites its allocations.
pub(crate) fn update_payment(conn: &Connection, payment: &Payment, expected: u64) -> Result<()> {
    atomically(conn, |conn| {
        let (head, allocations) = payment_rows(payment);
        records::update(conn, &head, payment.version, expected, &[])?;
        conn.prepare_cached("DELETE FROM payment_allocations WHERE payment_id = ?1")
            .db()?
            .execute([payment.id.to_bytes()])
            .db()?;
        records::insert_all(conn, &allocations)
    })
}
