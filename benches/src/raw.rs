//! The "raw" side of the store-scale comparison: the least a hand-written rusqlite program
//! needs to hold the same information as lexcase and answer the same questions.
//!
//! * A plain table per entity with **one typed column per field**: ids as 16-byte blobs,
//!   days as integers (days since 1970-01-01), instants as integer microseconds, money as
//!   integer minor units (pence), hours as integer ten-thousandths, enums as their stable
//!   text names; list-valued fields (parties, status history, team, walls, key dates, bill
//!   lines, allocations) in side tables.
//! * Only the indexes the bench's queries need: time entries by `(matter_id, status,
//!   work_date)` and `(user_id, work_date)`; open bills by `(currency, issued_on)`; client
//!   money by ledger; matter members by user; matters by `(status, practice_area,
//!   created_at)`. No foreign keys, no triggers, no audit log.
//! * WAL, `synchronous` FULL or NORMAL as the lexcase side, prepared (cached) statements, the
//!   same rows per transaction.
//! * Aggregates in SQL: the value of time (rounded to the policy's increment, hours to four
//!   places, pence half away from zero — exactly lexcase's arithmetic for per-entry rounding,
//!   which every entry of the bench uses) is computed by the query, not stored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use lexcase::contacts::Contact;
use lexcase::matters::{Matter, MatterStatus};
use lexcase::timekeeping::{Billability, WorkStatus};
use lexcase::users::User;
use lexcase::{ContactId, MatterId, UserId};
use lexcase_sqlite::Durability;
use rusqlite::{Connection, Transaction, params};

use crate::work::{EntrySpec, PaymentSpec, Plan, TrustKind, TrustSpec};

/// Days since 1970-01-01.
pub fn day(d: NaiveDate) -> i64 {
    (d - NaiveDate::default()).num_days()
}

/// Microseconds since the Unix epoch.
pub fn micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

fn blob<T: Into<uuid::Uuid>>(id: T) -> [u8; 16] {
    *id.into().as_bytes()
}

fn opt_day(d: Option<NaiveDate>) -> Option<i64> {
    d.map(day)
}

/// The firm's rounding policy of every bench entry: 6-minute units, rounded up, no minimum,
/// per entry (lexcase's default).
pub const ROUNDING: (i64, &str, i64, &str) = (6, "up", 0, "per_entry");
/// The firm's VAT rate in parts per million (20 %), as the lexcase side is set up with.
pub const VAT_PPM: i64 = 200_000;

/// The value in pence of the time in `t` (the table alias), computed as lexcase does for
/// per-entry rounding: seconds rounded to the increment by the mode with the minimum, hours
/// to 4 places, times the rate, to the penny; half away from zero throughout. `greatest` is
/// the dialect's two-argument maximum (`MAX` in SQLite, `GREATEST` in PostgreSQL); the
/// arithmetic is integer division in both.
pub fn value_sql(greatest: &str) -> String {
    format!(
        "(((({greatest}(CASE t.rounding_mode \
     WHEN 'up' THEN ((t.seconds + t.rounding_increment * 60 - 1) / (t.rounding_increment * 60)) * t.rounding_increment * 60 \
     WHEN 'down' THEN (t.seconds / (t.rounding_increment * 60)) * t.rounding_increment * 60 \
     ELSE ((t.seconds + t.rounding_increment * 30) / (t.rounding_increment * 60)) * t.rounding_increment * 60 END, \
     CASE WHEN t.seconds > 0 THEN t.rounding_minimum * 60 ELSE 0 END) * 10000 + 1800) / 3600) * t.rate_minor + 5000) / 10000)"
    )
}

const SCHEMA: &str = "
CREATE TABLE users (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, role TEXT NOT NULL, rate_minor INTEGER, rate_currency TEXT,
    timekeeper_code TEXT, active INTEGER NOT NULL, created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE contacts (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT,
    given_name TEXT, family_name TEXT, organisation_name TEXT,
    email TEXT, email_label TEXT, phone TEXT, phone_label TEXT,
    address_label TEXT, address_line TEXT, locality TEXT, region TEXT, postal_code TEXT,
    country TEXT, identifier_kind TEXT, identifier_value TEXT, identifier_jurisdiction TEXT,
    identity_status TEXT NOT NULL, created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE matters (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, description TEXT NOT NULL, practice_area TEXT NOT NULL,
    status TEXT NOT NULL, opened_on INTEGER, closed_on INTEGER, archived_on INTEGER,
    responsible BLOB NOT NULL, originating BLOB, billing_kind TEXT NOT NULL,
    currency TEXT NOT NULL, visibility TEXT NOT NULL, created_by BLOB NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX matters_by_status_area ON matters (status, practice_area, created_at);
CREATE TABLE matter_status_history (
    matter_id BLOB NOT NULL, seq INTEGER NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
    on_day INTEGER NOT NULL, at INTEGER NOT NULL, by_user BLOB NOT NULL, reason TEXT,
    PRIMARY KEY (matter_id, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE matter_members (
    user_id BLOB NOT NULL, matter_id BLOB NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (user_id, matter_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE matter_parties (
    matter_id BLOB NOT NULL, party_id BLOB NOT NULL, contact_id BLOB NOT NULL,
    role TEXT NOT NULL, acting_for BLOB, reference TEXT, added_at INTEGER NOT NULL,
    PRIMARY KEY (matter_id, party_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE matter_walls (
    matter_id BLOB NOT NULL, user_id BLOB NOT NULL, reason TEXT NOT NULL,
    by_user BLOB NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (matter_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE matter_key_dates (
    matter_id BLOB NOT NULL, name TEXT NOT NULL, day INTEGER NOT NULL,
    PRIMARY KEY (matter_id, name)
) STRICT, WITHOUT ROWID;
CREATE TABLE time_entries (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, matter_id BLOB NOT NULL,
    user_id BLOB NOT NULL, work_date INTEGER NOT NULL, seconds INTEGER NOT NULL,
    narrative TEXT NOT NULL, task_code TEXT, activity_code TEXT, billability TEXT NOT NULL,
    rate_minor INTEGER NOT NULL, currency TEXT NOT NULL, rate_source TEXT NOT NULL,
    rounding_increment INTEGER NOT NULL, rounding_mode TEXT NOT NULL,
    rounding_minimum INTEGER NOT NULL, rounding_aggregation TEXT NOT NULL,
    status TEXT NOT NULL, bill_id BLOB, source_kind TEXT NOT NULL, source_id BLOB,
    recorded_by BLOB NOT NULL, recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX time_entries_by_matter ON time_entries (matter_id, status, work_date);
CREATE INDEX time_entries_by_user ON time_entries (user_id, work_date);
CREATE TABLE bills (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, kind TEXT NOT NULL, number TEXT UNIQUE,
    client_id BLOB NOT NULL, period_from INTEGER NOT NULL, period_to INTEGER NOT NULL,
    currency TEXT NOT NULL, arrangement TEXT NOT NULL, discount TEXT, tax_name TEXT NOT NULL,
    tax_rate_ppm INTEGER NOT NULL, gross_minor INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL, net_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL,
    total_minor INTEGER NOT NULL, status TEXT NOT NULL, credits BLOB,
    description TEXT NOT NULL, issued_on INTEGER, due_on INTEGER,
    paid_minor INTEGER NOT NULL, credited_minor INTEGER NOT NULL,
    written_off_minor INTEGER NOT NULL, outstanding_minor INTEGER NOT NULL,
    void_reason TEXT, created_by BLOB NOT NULL, created_at INTEGER NOT NULL, issued_by BLOB
) STRICT;
CREATE INDEX bills_open ON bills (currency, issued_on, outstanding_minor)
    WHERE outstanding_minor > 0;
CREATE TABLE bill_matters (
    bill_id BLOB NOT NULL, matter_id BLOB NOT NULL, PRIMARY KEY (bill_id, matter_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE bill_lines (
    bill_id BLOB NOT NULL, number INTEGER NOT NULL, kind TEXT NOT NULL,
    matter_id BLOB NOT NULL, work_date INTEGER NOT NULL, description TEXT NOT NULL,
    quantity_e4 INTEGER NOT NULL, unit_price_minor INTEGER NOT NULL, discount TEXT,
    taxable INTEGER NOT NULL, time_entry_id BLOB, expense_id BLOB, user_id BLOB,
    task_code TEXT, activity_code TEXT, expense_code TEXT, gross_minor INTEGER NOT NULL,
    discount_minor INTEGER NOT NULL, net_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL,
    total_minor INTEGER NOT NULL, PRIMARY KEY (bill_id, number)
) STRICT, WITHOUT ROWID;
CREATE TABLE payments (
    id BLOB PRIMARY KEY, version INTEGER NOT NULL, client_id BLOB NOT NULL,
    received_on INTEGER NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
    method TEXT NOT NULL, reference TEXT NOT NULL, recorded_by BLOB NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE TABLE payment_allocations (
    payment_id BLOB NOT NULL, bill_id BLOB NOT NULL, amount_minor INTEGER NOT NULL,
    PRIMARY KEY (payment_id, bill_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE trust_entries (
    id BLOB PRIMARY KEY, matter_id BLOB NOT NULL, client_id BLOB NOT NULL,
    kind TEXT NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL,
    entry_date INTEGER NOT NULL, reference TEXT NOT NULL, counterparty TEXT NOT NULL,
    description TEXT NOT NULL, bill_id BLOB, reverses BLOB, override_reason TEXT,
    recorded_by BLOB NOT NULL, recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX trust_by_ledger ON trust_entries (matter_id, client_id, entry_date);
";

/// A time entry as the raw program writes it.
#[derive(Debug, Clone)]
pub struct RawEntry {
    /// Id (UUID v7, as lexcase makes them).
    pub id: [u8; 16],
    /// The matter.
    pub matter: MatterId,
    /// The spec it comes from.
    pub spec: EntrySpec,
    /// The rate in pence (the fee earner's default: no terms are set in the bench firm).
    pub rate_minor: i64,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
}

/// Per matter or fee earner: unbilled billable seconds and their value in pence.
pub type WipRow = ([u8; 16], i64, i64);

/// One client-money ledger: matter, client, balance in pence.
pub type LedgerRow = ([u8; 16], [u8; 16], i64);

/// Hours of one fee earner over a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HoursRow {
    /// All seconds recorded.
    pub recorded: i64,
    /// Billable seconds.
    pub billable: i64,
    /// Non-billable seconds.
    pub non_billable: i64,
    /// No-charge seconds.
    pub no_charge: i64,
    /// Billable seconds on issued bills.
    pub billed: i64,
    /// Value of the billable time, in pence.
    pub recorded_value: i64,
    /// Value of the billed time, in pence.
    pub billed_value: i64,
}

/// Aged debt in pence: 0–30, 31–60, 61–90, 91+ days, total.
pub type Aged = [i64; 5];

/// Page sizes of one database, by table (indexes counted with their table).
#[derive(Debug, Clone, Default)]
pub struct FileSize {
    /// `page_count × page_size` after a checkpoint.
    pub bytes: u64,
    /// Bytes per table (with its indexes), largest first, from `dbstat`.
    pub tables: Vec<(String, u64)>,
}

/// A raw database file and its connection.
#[derive(Debug)]
pub struct RawDb {
    conn: Connection,
    path: PathBuf,
    /// Rates of the fee earners, in pence.
    rates: HashMap<UserId, i64>,
    /// The next invoice number.
    next_invoice: u64,
}

/// Opens `path` (creating it) in WAL mode at the given durability.
pub fn connect(path: &Path, durability: Durability) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(
        None,
        "synchronous",
        match durability {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        },
    )?;
    Ok(conn)
}

/// The size of the database at `path` after a checkpoint, with its breakdown by table.
pub fn file_size(path: &Path) -> rusqlite::Result<FileSize> {
    let conn = Connection::open(path)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    let mut st = conn.prepare(
        "SELECT COALESCE(m.tbl_name, s.name), SUM(s.pgsize) FROM dbstat s \
         LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1 ORDER BY 2 DESC",
    )?;
    let tables = st
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(FileSize {
        bytes: (pages * size).max(0) as u64,
        tables,
    })
}

impl RawDb {
    /// Creates the raw database at `path` (which must not exist) with its schema.
    pub fn create(path: &Path, durability: Durability) -> rusqlite::Result<Self> {
        let conn = connect(path, durability)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            rates: HashMap::new(),
            next_invoice: 1,
        })
    }

    /// Reopens the database at another durability (the connection is replaced).
    pub fn reopen(&mut self, durability: Durability) -> rusqlite::Result<()> {
        self.conn = connect(&self.path, durability)?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the firm's users (and remembers their rates).
    pub fn insert_users(&mut self, users: &[User]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO users VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for u in users {
                let rate = u.default_rate.map(|m| crate::work::minor(m.amount));
                st.execute(params![
                    blob(u.id),
                    u.version as i64,
                    u.email,
                    u.name,
                    u.role.as_str(),
                    rate,
                    u.default_rate.map(|m| m.currency.code().to_owned()),
                    u.timekeeper_code,
                    u.active,
                    micros(u.created_at),
                ])?;
                if let Some(r) = rate {
                    self.rates.insert(u.id, r);
                }
            }
        }
        tx.commit()
    }

    /// Writes contacts in one transaction.
    pub fn insert_contacts(&mut self, contacts: &[Contact]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO contacts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
                 ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
            )?;
            for c in contacts {
                let email = c.emails.first();
                let phone = c.phones.first();
                let address = c.addresses.first();
                let ident = c.identifiers.first();
                st.execute(params![
                    blob(c.id),
                    c.version as i64,
                    c.kind.as_str(),
                    c.title,
                    c.given_name,
                    c.family_name,
                    c.organisation_name,
                    email.map(|e| &e.address),
                    email.and_then(|e| e.label.as_ref()),
                    phone.map(|p| &p.number),
                    phone.and_then(|p| p.label.as_ref()),
                    address.and_then(|a| a.label.as_ref()),
                    address.map(|a| a.lines.join("\n")),
                    address.and_then(|a| a.locality.as_ref()),
                    address.and_then(|a| a.region.as_ref()),
                    address.and_then(|a| a.postal_code.as_ref()),
                    address.and_then(|a| a.country.as_ref()),
                    ident.map(|i| i.kind.as_str()),
                    ident.map(|i| &i.value),
                    ident.and_then(|i| i.jurisdiction.as_ref()),
                    c.identity.status.as_str(),
                    micros(c.created_at),
                ])?;
            }
        }
        tx.commit()
    }

    /// Writes matters (with their side tables) in one transaction. With `full == false` only
    /// the matter row and its members are written (the 1M-matter list comparison).
    pub fn insert_matters(&mut self, matters: &[Matter], full: bool) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        insert_matters(&tx, matters, full)?;
        tx.commit()
    }

    /// The row the raw program writes for `spec`.
    pub fn entry_row(&self, plan: &Plan, spec: EntrySpec, by: UserId) -> RawEntry {
        RawEntry {
            id: *uuid::Uuid::now_v7().as_bytes(),
            matter: plan.facts[spec.matter].id,
            rate_minor: self.rates.get(&spec.user).copied().unwrap_or(0),
            spec,
            recorded_by: by,
            recorded_at: Utc::now(),
        }
    }

    /// Inserts time entries in one transaction (one prepared statement).
    pub fn insert_entries(&mut self, rows: &[RawEntry]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO time_entries VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
                 'GBP', 'user_default', ?11, ?12, ?13, ?14, 'unbilled', NULL, 'typed', NULL, \
                 ?15, ?16)",
            )?;
            for r in rows {
                let s = &r.spec;
                st.execute(params![
                    r.id,
                    blob(r.matter),
                    blob(s.user),
                    day(s.date),
                    s.seconds,
                    s.narrative,
                    s.task_code,
                    s.activity_code,
                    s.billability.as_str(),
                    r.rate_minor,
                    ROUNDING.0,
                    ROUNDING.1,
                    ROUNDING.2,
                    ROUNDING.3,
                    blob(r.recorded_by),
                    micros(r.recorded_at),
                ])?;
            }
        }
        tx.commit()
    }

    /// Drafts and issues the bill of `matter` for its unbilled, chargeable time up to
    /// `period_to` in one transaction: reads the rows, writes the bill, its lines and its
    /// matter, marks the time billed. Returns the bill id, its total in pence and its lines.
    #[allow(clippy::too_many_arguments)]
    pub fn issue_bill(
        &mut self,
        matter: MatterId,
        client: ContactId,
        period_from: NaiveDate,
        period_to: NaiveDate,
        issued_on: NaiveDate,
        by: UserId,
    ) -> rusqlite::Result<([u8; 16], i64, usize)> {
        let number = format!("INV{:06}", self.next_invoice);
        self.next_invoice += 1;
        let tx = self.conn.transaction()?;
        let out = write_bill(
            &tx,
            matter,
            client,
            (period_from, period_to),
            Some((issued_on, number)),
            by,
        )?;
        tx.commit()?;
        Ok(out)
    }

    /// The drafting workload's raw counterpart: in one transaction, reads the unbilled,
    /// chargeable time of `matter` up to `period_to` and writes a draft bill with its lines
    /// (the time itself is not updated). Returns the number of lines.
    pub fn draft_lines(
        &mut self,
        matter: MatterId,
        client: ContactId,
        period: (NaiveDate, NaiveDate),
        by: UserId,
    ) -> rusqlite::Result<([u8; 16], usize)> {
        let tx = self.conn.transaction()?;
        let (id, _, lines) = write_bill(&tx, matter, client, period, None, by)?;
        tx.commit()?;
        Ok((id, lines))
    }

    /// Deletes a bill and its lines (undoing [`RawDb::draft_lines`], untimed).
    pub fn delete_bill(&mut self, id: [u8; 16]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM bill_lines WHERE bill_id = ?1", [id])?;
        tx.execute("DELETE FROM bill_matters WHERE bill_id = ?1", [id])?;
        tx.execute("DELETE FROM bills WHERE id = ?1", [id])?;
        tx.commit()
    }

    /// Records a payment of `amount_minor` against bill `bill` of `client`.
    pub fn pay(
        &mut self,
        bill: [u8; 16],
        client: ContactId,
        payment: &PaymentSpec,
        amount_minor: i64,
        seq: u64,
        by: UserId,
    ) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let id = *uuid::Uuid::now_v7().as_bytes();
            tx.prepare_cached(
                "INSERT INTO payments VALUES (?1, 1, ?2, ?3, ?4, 'GBP', 'bank transfer', ?5, ?6, ?7)",
            )?
            .execute(params![
                id,
                blob(client),
                day(payment.received_on),
                amount_minor,
                format!("BACS {seq}"),
                blob(by),
                micros(Utc::now()),
            ])?;
            tx.prepare_cached("INSERT INTO payment_allocations VALUES (?1, ?2, ?3)")?
                .execute(params![id, bill, amount_minor])?;
            tx.prepare_cached(
                "UPDATE bills SET paid_minor = paid_minor + ?2, \
                 outstanding_minor = outstanding_minor - ?2, version = version + 1, \
                 status = CASE WHEN outstanding_minor - ?2 = 0 THEN 'paid' ELSE 'partly_paid' END \
                 WHERE id = ?1",
            )?
            .execute(params![bill, amount_minor])?;
        }
        tx.commit()
    }

    /// Records a client-money entry.
    pub fn trust(&mut self, plan: &Plan, t: &TrustSpec, by: UserId) -> rusqlite::Result<()> {
        let f = &plan.facts[t.matter];
        let kind = match t.kind {
            TrustKind::Receipt => "receipt",
            TrustKind::Payment => "payment",
        };
        let tx = self.conn.transaction()?;
        tx.prepare_cached(
            "INSERT INTO trust_entries VALUES (?1, ?2, ?3, ?4, ?5, 'GBP', ?6, ?7, ?8, ?9, NULL, \
             NULL, NULL, ?10, ?11)",
        )?
        .execute(params![
            uuid::Uuid::now_v7().as_bytes(),
            blob(f.id),
            blob(f.client),
            kind,
            t.amount_minor,
            day(t.date),
            t.reference,
            t.counterparty,
            t.description,
            blob(by),
            micros(Utc::now()),
        ])?;
        tx.commit()
    }

    /// Work in progress: unbilled billable time per matter and per fee earner (two queries).
    pub fn wip(&self) -> rusqlite::Result<(Vec<WipRow>, Vec<WipRow>)> {
        let value = value_sql("MAX");
        let run = |key: &str| -> rusqlite::Result<Vec<WipRow>> {
            let sql = format!(
                "SELECT t.{key}, SUM(t.seconds), SUM({value}) FROM time_entries t \
                 WHERE t.status = 'unbilled' AND t.billability = 'billable' GROUP BY t.{key}"
            );
            let mut st = self.conn.prepare_cached(&sql)?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        };
        Ok((run("matter_id")?, run("user_id")?))
    }

    /// Hours and value per fee earner for work dated in `from..=to`.
    pub fn hours(&self, from: NaiveDate, to: NaiveDate) -> rusqlite::Result<Vec<HoursRow>> {
        let value = value_sql("MAX");
        let sql = format!(
            "SELECT SUM(t.seconds), \
             SUM(CASE WHEN t.billability = 'billable' THEN t.seconds ELSE 0 END), \
             SUM(CASE WHEN t.billability = 'non_billable' THEN t.seconds ELSE 0 END), \
             SUM(CASE WHEN t.billability = 'no_charge' THEN t.seconds ELSE 0 END), \
             SUM(CASE WHEN t.billability = 'billable' AND t.status = 'billed' THEN t.seconds ELSE 0 END), \
             SUM(CASE WHEN t.billability = 'billable' THEN {value} ELSE 0 END), \
             SUM(CASE WHEN t.billability = 'billable' AND t.status = 'billed' THEN {value} ELSE 0 END) \
             FROM time_entries t WHERE t.work_date BETWEEN ?1 AND ?2 GROUP BY t.user_id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        st.query_map(params![day(from), day(to)], |r| {
            Ok(HoursRow {
                recorded: r.get(0)?,
                billable: r.get(1)?,
                non_billable: r.get(2)?,
                no_charge: r.get(3)?,
                billed: r.get(4)?,
                recorded_value: r.get(5)?,
                billed_value: r.get(6)?,
            })
        })?
        .collect()
    }

    /// Aged debt of issued invoices in `currency` at `as_of`.
    pub fn aged_debt(&self, as_of: NaiveDate, currency: &str) -> rusqlite::Result<Aged> {
        let mut st = self.conn.prepare_cached(
            "SELECT \
             COALESCE(SUM(CASE WHEN ?1 - issued_on <= 30 THEN outstanding_minor END), 0), \
             COALESCE(SUM(CASE WHEN ?1 - issued_on BETWEEN 31 AND 60 THEN outstanding_minor END), 0), \
             COALESCE(SUM(CASE WHEN ?1 - issued_on BETWEEN 61 AND 90 THEN outstanding_minor END), 0), \
             COALESCE(SUM(CASE WHEN ?1 - issued_on > 90 THEN outstanding_minor END), 0), \
             COALESCE(SUM(outstanding_minor), 0) \
             FROM bills WHERE currency = ?2 AND outstanding_minor > 0",
        )?;
        st.query_row(params![day(as_of), currency], |r| {
            Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])
        })
    }

    /// Client-money balance of every ledger (matter, client) at `as_of`, and their total.
    pub fn balances(&self, as_of: NaiveDate) -> rusqlite::Result<(Vec<LedgerRow>, i64)> {
        let mut st = self.conn.prepare_cached(
            "SELECT matter_id, client_id, \
             SUM(CASE WHEN kind = 'receipt' THEN amount_minor ELSE -amount_minor END) \
             FROM trust_entries WHERE entry_date <= ?1 GROUP BY matter_id, client_id",
        )?;
        let rows: Vec<LedgerRow> = st
            .query_map([day(as_of)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let total = rows.iter().map(|r| r.2).sum();
        Ok((rows, total))
    }

    /// A fee earner's open matters in a practice area: the first page of 50 (newest first,
    /// every column of the matter row) and the total.
    pub fn open_matters_by_area(&self, user: UserId, area: &str) -> rusqlite::Result<(usize, i64)> {
        open_matters_by_area(&self.conn, user, area)
    }

    /// Size of the file after a checkpoint, by table.
    pub fn size(&self) -> rusqlite::Result<FileSize> {
        file_size(&self.path)
    }
}

/// See [`RawDb::open_matters_by_area`]; on any connection to a raw database.
pub fn open_matters_by_area(
    conn: &Connection,
    user: UserId,
    area: &str,
) -> rusqlite::Result<(usize, i64)> {
    let mut page = conn.prepare_cached(
        "SELECT m.* FROM matter_members mm JOIN matters m ON m.id = mm.matter_id \
         WHERE mm.user_id = ?1 AND m.status = 'open' AND m.practice_area = ?2 \
         ORDER BY m.created_at DESC, m.id DESC LIMIT 50",
    )?;
    let mut rows = page.query(params![blob(user), area])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        // Read every column, as a program showing the page would.
        for c in 0..row.as_ref().column_count() {
            std::hint::black_box(row.get_ref(c)?);
        }
        n += 1;
    }
    let total = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM matter_members mm JOIN matters m ON m.id = mm.matter_id \
             WHERE mm.user_id = ?1 AND m.status = 'open' AND m.practice_area = ?2",
        )?
        .query_row(params![blob(user), area], |r| r.get(0))?;
    Ok((n, total))
}

/// Creates an empty raw database with the schema (for the 1M-matter list comparison).
pub fn create_matters_only(path: &Path) -> rusqlite::Result<Connection> {
    let conn = connect(path, Durability::Normal)?;
    conn.execute_batch(SCHEMA)?;
    Ok(conn)
}

/// Writes matters on an open transaction (see [`RawDb::insert_matters`]).
pub fn insert_matters(
    tx: &Transaction<'_>,
    matters: &[Matter],
    full: bool,
) -> rusqlite::Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO matters VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
         ?15, ?16, ?17)",
    )?;
    let mut member =
        tx.prepare_cached("INSERT OR IGNORE INTO matter_members VALUES (?1, ?2, ?3)")?;
    let mut history = tx.prepare_cached(
        "INSERT INTO matter_status_history VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut party =
        tx.prepare_cached("INSERT INTO matter_parties VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut wall = tx.prepare_cached("INSERT INTO matter_walls VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut key_date = tx.prepare_cached("INSERT INTO matter_key_dates VALUES (?1, ?2, ?3)")?;
    for m in matters {
        let id = blob(m.id);
        st.execute(params![
            id,
            m.version as i64,
            m.number,
            m.title,
            m.description,
            m.practice_area,
            m.status.as_str(),
            opt_day(m.opened_on),
            opt_day(m.closed_on),
            opt_day(m.archived_on),
            blob(m.responsible),
            m.originating.map(blob),
            m.billing.kind.as_str(),
            m.billing.currency.code(),
            m.access.visibility.as_str(),
            blob(m.created_by),
            micros(m.created_at),
        ])?;
        member.execute(params![blob(m.responsible), id, "responsible"])?;
        if let Some(o) = m.originating {
            member.execute(params![blob(o), id, "originating"])?;
        }
        for t in &m.team {
            member.execute(params![blob(t.user), id, t.role.as_str()])?;
        }
        if !full {
            continue;
        }
        for (k, s) in m.status_history.iter().enumerate() {
            history.execute(params![
                id,
                k as i64,
                s.from.map(MatterStatus::as_str),
                s.to.as_str(),
                day(s.on),
                micros(s.at),
                blob(s.by),
                s.reason,
            ])?;
        }
        for p in &m.parties {
            party.execute(params![
                id,
                blob(p.id),
                blob(p.contact),
                p.role.as_str(),
                p.acting_for.map(blob),
                p.reference,
                micros(p.added_at),
            ])?;
        }
        for w in &m.access.walls {
            wall.execute(params![
                id,
                blob(w.user),
                w.reason,
                blob(w.by),
                micros(w.at)
            ])?;
        }
        for (name, d) in &m.key_dates {
            key_date.execute(params![id, name, day(*d)])?;
        }
    }
    Ok(())
}

/// One line as the raw program prices it.
struct Line {
    entry: [u8; 16],
    user: [u8; 16],
    date: i64,
    narrative: String,
    task: Option<String>,
    activity: Option<String>,
    billable: bool,
    quantity_e4: i64,
    rate_minor: i64,
}

/// Rounds `x / d` half away from zero, for `x >= 0`.
fn div_round(x: i64, d: i64) -> i64 {
    (x + d / 2) / d
}

/// Reads the unbilled chargeable time of a matter in a period and writes a bill with its
/// lines; issued (numbered, the time marked billed) when `issue` is given, else a draft.
fn write_bill(
    tx: &Transaction<'_>,
    matter: MatterId,
    client: ContactId,
    period: (NaiveDate, NaiveDate),
    issue: Option<(NaiveDate, String)>,
    by: UserId,
) -> rusqlite::Result<([u8; 16], i64, usize)> {
    let lines: Vec<Line> = {
        let mut st = tx.prepare_cached(
            "SELECT id, user_id, work_date, seconds, narrative, task_code, activity_code, \
             billability, rate_minor, rounding_increment, rounding_mode, rounding_minimum \
             FROM time_entries WHERE matter_id = ?1 AND status = 'unbilled' \
             AND work_date BETWEEN ?2 AND ?3 AND billability != 'non_billable' \
             ORDER BY work_date",
        )?;
        st.query_map(params![blob(matter), day(period.0), day(period.1)], |r| {
            let seconds: i64 = r.get(3)?;
            let inc: i64 = r.get::<_, i64>(9)? * 60;
            let mode: String = r.get(10)?;
            let snapped = match mode.as_str() {
                "up" => (seconds + inc - 1) / inc * inc,
                "down" => seconds / inc * inc,
                _ => (seconds + inc / 2) / inc * inc,
            };
            let minimum = if seconds > 0 {
                r.get::<_, i64>(11)? * 60
            } else {
                0
            };
            let billability: String = r.get(7)?;
            Ok(Line {
                entry: r.get(0)?,
                user: r.get(1)?,
                date: r.get(2)?,
                narrative: r.get(4)?,
                task: r.get(5)?,
                activity: r.get(6)?,
                billable: billability == Billability::Billable.as_str(),
                quantity_e4: div_round(snapped.max(minimum) * 10_000, 3_600),
                rate_minor: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let id = *uuid::Uuid::now_v7().as_bytes();
    let mut totals = (0i64, 0i64);
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO bill_lines VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, NULL, \
             ?11, ?12, ?13, NULL, ?14, 0, ?14, ?15, ?16)",
        )?;
        for (k, l) in lines.iter().enumerate() {
            let price = if l.billable { l.rate_minor } else { 0 };
            let net = div_round(l.quantity_e4 * price, 10_000);
            let tax = div_round(net * VAT_PPM, 1_000_000);
            totals.0 += net;
            totals.1 += tax;
            st.execute(params![
                id,
                k as i64 + 1,
                if l.billable { "time" } else { "no_charge_time" },
                blob(matter),
                l.date,
                l.narrative,
                l.quantity_e4,
                price,
                l.billable,
                l.entry,
                l.user,
                l.task,
                l.activity,
                net,
                tax,
                net + tax,
            ])?;
        }
    }
    let (net, tax) = totals;
    let total = net + tax;
    let (status, number, issued_on, due_on, outstanding) = match &issue {
        Some((on, number)) => (
            "issued",
            Some(number.as_str()),
            Some(day(*on)),
            Some(day(*on) + 30),
            total,
        ),
        None => ("draft", None, None, None, 0),
    };
    tx.prepare_cached(
        "INSERT INTO bills VALUES (?1, 1, 'invoice', ?2, ?3, ?4, ?5, 'GBP', 'hourly', NULL, 'VAT', \
         ?6, ?7, 0, ?7, ?8, ?9, ?10, NULL, 'For services rendered', ?11, ?12, 0, 0, 0, ?13, \
         NULL, ?14, ?15, ?16)",
    )?
    .execute(params![
        id,
        number,
        blob(client),
        day(period.0),
        day(period.1),
        VAT_PPM,
        net,
        tax,
        total,
        status,
        issued_on,
        due_on,
        outstanding,
        blob(by),
        micros(Utc::now()),
        issue.as_ref().map(|_| blob(by)),
    ])?;
    tx.prepare_cached("INSERT INTO bill_matters VALUES (?1, ?2)")?
        .execute(params![id, blob(matter)])?;
    if issue.is_some() {
        let mut st = tx.prepare_cached(
            "UPDATE time_entries SET status = ?2, bill_id = ?3, version = version + 1 \
             WHERE id = ?1",
        )?;
        for l in &lines {
            st.execute(params![l.entry, WorkStatus::Billed.as_str(), id])?;
        }
    }
    Ok((id, total, lines.len()))
}
