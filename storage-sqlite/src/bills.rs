//! Bills and payments: reads, the bill list, open invoices, writes.

use lexcase::access::Viewer;
use lexcase::bills::{Bill, Payment};
use lexcase::store::{BillQuery, OpenInvoice, Page, Paged};
use lexcase::{BillId, ContactId, LexcaseError, PaymentId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::codec::{time_to_text, to_i64, to_json};
use crate::error::{Db, unique};
use crate::matter_list::visible_to;
use crate::read::{many, one, paged, where_clause};
use crate::write::versioned_update;

const BILL_UNIQUE: &[(&str, &str)] = &[
    ("bills.id", "the bill already exists"),
    ("bills.number", "a bill with this number already exists"),
];

fn blob(bytes: [u8; 16]) -> Value {
    Value::Blob(bytes.to_vec())
}

/// A bill by id.
pub(crate) fn bill(conn: &Connection, id: BillId) -> Result<Option<Bill>> {
    one(
        conn,
        BillId::ENTITY,
        "SELECT body FROM bills WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// Bills matching `query` whose matters `viewer` may all see, newest first.
pub(crate) fn bills(
    conn: &Connection,
    query: &BillQuery,
    viewer: &Viewer,
    page: Page,
) -> Result<Paged<Bill>> {
    let (matter_rule, mut params) = visible_to(viewer);
    let hidden = format!(
        "b.id NOT IN (SELECT bm.bill_id FROM bill_matters bm WHERE bm.matter_id NOT IN \
         (SELECT m.id FROM matters m{}))",
        where_clause(&matter_rule)
    );
    let mut conditions: Vec<&str> = vec![&hidden];
    if let Some(client) = query.client {
        conditions.push("b.client_id = ?");
        params.push(blob(client.to_bytes()));
    }
    if let Some(matter) = query.matter {
        conditions.push("b.id IN (SELECT bill_id FROM bill_matters WHERE matter_id = ?)");
        params.push(blob(matter.to_bytes()));
    }
    if let Some(status) = query.status {
        conditions.push("b.status = ?");
        params.push(Value::Text(status.as_str().into()));
    }
    let filter = where_clause(&conditions);
    paged(
        conn,
        BillId::ENTITY,
        &format!("SELECT count(*) FROM bills b{filter}"),
        &format!(
            "SELECT b.body FROM bills b{filter} ORDER BY b.created_at DESC, b.id DESC LIMIT ? OFFSET ?"
        ),
        params,
        page,
    )
}

/// Every bill of a client, oldest first.
pub(crate) fn of_client(conn: &Connection, client: ContactId) -> Result<Vec<Bill>> {
    many(
        conn,
        BillId::ENTITY,
        "SELECT body FROM bills WHERE client_id = ?1 ORDER BY created_at, id",
        [client.to_bytes()],
    )
}

/// Issued invoices in `currency` still owing something.
pub(crate) fn open_invoices(conn: &Connection, currency: &str) -> Result<Vec<OpenInvoice>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, issued_on, outstanding FROM bills \
             WHERE currency = ?1 AND outstanding != '0' AND issued_on IS NOT NULL",
        )
        .db()?;
    let rows = stmt
        .query_map([currency], |r| {
            Ok((
                r.get::<_, [u8; 16]>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .db()?;
    let unreadable = || LexcaseError::storage("a stored bill amount is unreadable");
    let mut out = Vec::new();
    for row in rows {
        let (id, issued_on, outstanding) = row.db()?;
        out.push(OpenInvoice {
            bill: BillId::from_bytes(id),
            issued_on: issued_on.parse().map_err(|_| unreadable())?,
            outstanding: outstanding.parse().map_err(|_| unreadable())?,
        });
    }
    Ok(out)
}

/// The columns of a bill row.
struct BillColumns {
    outstanding: String,
    issued_on: Option<String>,
    body: String,
}

impl BillColumns {
    fn of(bill: &Bill) -> Result<Self> {
        Ok(Self {
            outstanding: bill.outstanding().normalize().to_string(),
            issued_on: bill.issued_on.map(|d| d.to_string()),
            body: to_json(BillId::ENTITY, bill)?,
        })
    }
}

fn write_matters(conn: &Connection, bill: &Bill) -> Result<()> {
    let id = bill.id.to_bytes();
    conn.prepare_cached("DELETE FROM bill_matters WHERE bill_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO bill_matters (bill_id, matter_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )
        .db()?;
    for matter in &bill.matters {
        insert.execute(params![id, matter.to_bytes()]).db()?;
    }
    Ok(())
}

/// Inserts a bill.
pub(crate) fn insert(conn: &Connection, bill: &Bill) -> Result<()> {
    let c = BillColumns::of(bill)?;
    conn.prepare_cached(
        "INSERT INTO bills (id, version, client_id, kind, status, number, currency, issued_on, \
         outstanding, created_at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )
    .db()?
    .execute(params![
        bill.id.to_bytes(),
        to_i64("version", bill.version)?,
        bill.client.to_bytes(),
        bill.kind.as_str(),
        bill.status.as_str(),
        bill.number,
        bill.currency.code(),
        c.issued_on,
        c.outstanding,
        time_to_text(bill.created_at),
        c.body
    ])
    .map_err(|e| unique(e, BILL_UNIQUE))?;
    write_matters(conn, bill)
}

/// Updates a bill stored at `expected`.
pub(crate) fn update(conn: &Connection, bill: &Bill, expected: u64) -> Result<()> {
    let id = bill.id.to_bytes();
    let c = BillColumns::of(bill)?;
    versioned_update(
        conn,
        BillId::ENTITY,
        "SELECT version FROM bills WHERE id = ?1",
        &id,
        bill.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE bills SET version = ?1, status = ?2, number = ?3, issued_on = ?4, \
                 outstanding = ?5, body = ?6 WHERE id = ?7 AND version = ?8",
            )
            .db()?
            .execute(params![
                version,
                bill.status.as_str(),
                bill.number,
                c.issued_on,
                c.outstanding,
                c.body,
                id,
                expected
            ])
            .map_err(|e| unique(e, BILL_UNIQUE))
        },
    )?;
    write_matters(conn, bill)
}

/// A payment by id.
pub(crate) fn payment(conn: &Connection, id: PaymentId) -> Result<Option<Payment>> {
    one(
        conn,
        PaymentId::ENTITY,
        "SELECT body FROM payments WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// A client's payments, oldest first.
pub(crate) fn payments_of_client(conn: &Connection, client: ContactId) -> Result<Vec<Payment>> {
    many(
        conn,
        PaymentId::ENTITY,
        "SELECT body FROM payments WHERE client_id = ?1 ORDER BY received_on, id",
        [client.to_bytes()],
    )
}

/// Inserts a payment.
pub(crate) fn insert_payment(conn: &Connection, payment: &Payment) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO payments (id, version, client_id, received_on, body) VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .db()?
    .execute(params![
        payment.id.to_bytes(),
        to_i64("version", payment.version)?,
        payment.client.to_bytes(),
        payment.received_on.to_string(),
        to_json(PaymentId::ENTITY, payment)?
    ])
    .map_err(|e| unique(e, &[("payments.id", "the payment already exists")]))?;
    Ok(())
}

/// Updates a payment stored at `expected`.
pub(crate) fn update_payment(conn: &Connection, payment: &Payment, expected: u64) -> Result<()> {
    let id = payment.id.to_bytes();
    let body = to_json(PaymentId::ENTITY, payment)?;
    versioned_update(
        conn,
        PaymentId::ENTITY,
        "SELECT version FROM payments WHERE id = ?1",
        &id,
        payment.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE payments SET version = ?1, body = ?2 WHERE id = ?3 AND version = ?4",
            )
            .db()?
            .execute(params![version, body, id, expected])
            .db()
        },
    )
}
