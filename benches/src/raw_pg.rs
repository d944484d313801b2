//! The "raw" side of the PostgreSQL comparison (`benches/pg_scale.rs`): the least a
//! hand-written program on the `postgres` crate needs to answer the bench's questions for one
//! firm, in its own schema (`raw_bench`) of the same database.
//!
//! * A plain table per entity with **one typed column per field**: ids `uuid`, days `date`,
//!   instants `timestamptz`, money `bigint` pence, enums as their stable text names. Matters
//!   with their members (responsible, originating, team) for the list query; time entries with
//!   their rate and rounding; issued bills with what is paid and owed; client money.
//! * Only the indexes the queries need: time by `(matter_id, status, work_date)` and
//!   `(user_id, work_date)`; open bills by `(currency, issued_on)`; client money by ledger;
//!   members by user; matters by `(status, practice_area, created_at)`. No foreign keys, no
//!   firm column, no row security, no audit log.
//! * Prepared statements, one row per `INSERT` (as lexcase's store writes them), the same rows
//!   per transaction as the lexcase side.
//! * Aggregates in SQL with exactly lexcase's arithmetic ([`crate::raw::value_sql`]).
//!
//! Bills are not drafted by the raw program: its bill row takes the total of the lexcase bill
//! for the same matter and period (the issue's workloads read bills, they do not time their
//! drafting here), and the raw program marks the same time billed.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use lexcase::matters::Matter;
use lexcase::users::User;
use lexcase::{ContactId, MatterId, UserId};
use postgres::{Client, NoTls, Statement};
use uuid::Uuid;

use crate::raw::{Aged, HoursRow, LedgerRow, ROUNDING, RawEntry, value_sql};
use crate::work::{EntrySpec, Plan, TrustKind, TrustSpec, minor};

/// The schema the raw tables live in.
pub const SCHEMA: &str = "raw_bench";

const TABLES: &str = "
CREATE TABLE matters (
    id uuid PRIMARY KEY, version bigint NOT NULL, number text NOT NULL,
    title text NOT NULL, description text NOT NULL, practice_area text NOT NULL,
    status text NOT NULL, opened_on date, closed_on date, archived_on date,
    responsible uuid NOT NULL, originating uuid, billing_kind text NOT NULL,
    currency text NOT NULL, visibility text NOT NULL, created_by uuid NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX matters_by_area ON matters (status, practice_area, created_at);
CREATE TABLE matter_members (
    user_id uuid NOT NULL, matter_id uuid NOT NULL, role text NOT NULL,
    PRIMARY KEY (user_id, matter_id)
);
CREATE TABLE time_entries (
    id uuid PRIMARY KEY, version integer NOT NULL, matter_id uuid NOT NULL,
    user_id uuid NOT NULL, work_date date NOT NULL, seconds integer NOT NULL,
    narrative text NOT NULL, task_code text, activity_code text, billability text NOT NULL,
    rate_minor bigint NOT NULL, currency text NOT NULL, rounding_increment integer NOT NULL,
    rounding_mode text NOT NULL, rounding_minimum integer NOT NULL,
    rounding_scope text NOT NULL, status text NOT NULL, bill_id uuid,
    recorded_by uuid NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX time_by_matter ON time_entries (matter_id, status, work_date);
CREATE INDEX time_by_user ON time_entries (user_id, work_date);
CREATE TABLE bills (
    id uuid PRIMARY KEY, number text NOT NULL, client_id uuid NOT NULL,
    matter_id uuid NOT NULL, currency text NOT NULL, total_minor bigint NOT NULL,
    paid_minor bigint NOT NULL, outstanding_minor bigint NOT NULL, status text NOT NULL,
    issued_on date NOT NULL, created_at timestamptz NOT NULL
);
CREATE INDEX bills_open ON bills (currency, issued_on) WHERE outstanding_minor > 0;
CREATE TABLE trust_entries (
    id uuid PRIMARY KEY, matter_id uuid NOT NULL, client_id uuid NOT NULL,
    kind text NOT NULL, amount_minor bigint NOT NULL, currency text NOT NULL,
    entry_date date NOT NULL, reference text NOT NULL, counterparty text NOT NULL,
    description text NOT NULL, recorded_by uuid NOT NULL, recorded_at timestamptz NOT NULL
);
CREATE INDEX trust_by_ledger ON trust_entries (matter_id, client_id, entry_date);
";

const INSERT_ENTRY: &str = "INSERT INTO time_entries VALUES ($1, 1, $2, $3, $4, $5, $6, $7, \
     $8, $9, $10, 'GBP', $11, $12, $13, $14, 'unbilled', NULL, $15, $16)";

/// A connection to the raw schema, with the fee earners' rates.
pub struct RawPg {
    client: Client,
    insert_entry: Statement,
    rates: HashMap<UserId, i64>,
    /// Prepared statements by their text (as rusqlite's `prepare_cached`).
    cache: HashMap<String, Statement>,
}

impl std::fmt::Debug for RawPg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawPg").finish_non_exhaustive()
    }
}

/// Connects to `url` with the raw schema on the search path.
pub fn connect(url: &str) -> Result<Client, postgres::Error> {
    let mut client = Client::connect(url, NoTls)?;
    client.batch_execute(&format!("SET search_path = {SCHEMA}"))?;
    Ok(client)
}

fn id<T: Into<Uuid>>(x: T) -> Uuid {
    x.into()
}

impl RawPg {
    /// Drops and creates the raw schema at `url` (the role must be allowed to create schemas).
    pub fn create(url: &str) -> Result<Self, postgres::Error> {
        let mut client = Client::connect(url, NoTls)?;
        client.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}; \
             SET search_path = {SCHEMA}; {TABLES}"
        ))?;
        Self::with(client)
    }

    /// Opens the existing raw schema at `url`.
    pub fn open(url: &str) -> Result<Self, postgres::Error> {
        Self::with(connect(url)?)
    }

    fn with(mut client: Client) -> Result<Self, postgres::Error> {
        let insert_entry = client.prepare(INSERT_ENTRY)?;
        Ok(Self {
            client,
            insert_entry,
            rates: HashMap::new(),
            cache: HashMap::new(),
        })
    }

    /// The prepared statement of `sql`, prepared once per connection.
    fn prepared(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(st) = self.cache.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        self.cache.insert(sql.to_owned(), st.clone());
        Ok(st)
    }

    /// Remembers the users' default rates (the rate of their time: no terms are set).
    pub fn set_rates(&mut self, users: &[User]) {
        self.rates = users
            .iter()
            .map(|u| (u.id, u.default_rate.map(|m| minor(m.amount)).unwrap_or(0)))
            .collect();
    }

    /// Writes matter rows and their members in one transaction.
    pub fn insert_matters(&mut self, matters: &[Matter]) -> Result<(), postgres::Error> {
        let st = self.prepared(
            "INSERT INTO matters VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
             $13, $14, $15, $16, $17)",
        )?;
        let member =
            self.prepared("INSERT INTO matter_members VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")?;
        let mut tx = self.client.transaction()?;
        for m in matters {
            let mid = id(m.id);
            tx.execute(
                &st,
                &[
                    &mid,
                    &(m.version as i64),
                    &m.number,
                    &m.title,
                    &m.description,
                    &m.practice_area,
                    &m.status.as_str(),
                    &m.opened_on,
                    &m.closed_on,
                    &m.archived_on,
                    &id(m.responsible),
                    &m.originating.map(id),
                    &m.billing.kind.as_str(),
                    &m.billing.currency.code(),
                    &m.access.visibility.as_str(),
                    &id(m.created_by),
                    &m.created_at,
                ],
            )?;
            tx.execute(&member, &[&id(m.responsible), &mid, &"responsible"])?;
            if let Some(o) = m.originating {
                tx.execute(&member, &[&id(o), &mid, &"originating"])?;
            }
            for t in &m.team {
                tx.execute(&member, &[&id(t.user), &mid, &t.role.as_str()])?;
            }
        }
        tx.commit()
    }

    /// The row the raw program writes for `spec`.
    pub fn entry_row(&self, plan: &Plan, spec: EntrySpec, by: UserId) -> RawEntry {
        RawEntry {
            id: *Uuid::now_v7().as_bytes(),
            matter: plan.facts[spec.matter].id,
            rate_minor: self.rates.get(&spec.user).copied().unwrap_or(0),
            spec,
            recorded_by: by,
            recorded_at: Utc::now(),
        }
    }

    /// Inserts time entries in one transaction (one prepared statement, a row each).
    pub fn insert_entries(&mut self, rows: &[RawEntry]) -> Result<(), postgres::Error> {
        insert_entries(&mut self.client, &self.insert_entry, rows)
    }

    /// Issues a bill of `total_minor` for `matter`'s unbilled chargeable time in `period`:
    /// the bill row and the time marked billed, in one transaction. Returns the bill's id and
    /// the entries billed.
    pub fn issue_bill(
        &mut self,
        matter: MatterId,
        client: ContactId,
        period: (NaiveDate, NaiveDate),
        issued_on: NaiveDate,
        total_minor: i64,
    ) -> Result<(Uuid, u64), postgres::Error> {
        let bill = Uuid::now_v7();
        let insert = self.prepared(
            "INSERT INTO bills VALUES ($1, $2, $3, $4, 'GBP', $5, 0, $5, 'issued', $6, $7)",
        )?;
        let mark = self.prepared(
            "UPDATE time_entries SET status = 'billed', bill_id = $1, version = version + 1 \
             WHERE matter_id = $2 AND status = 'unbilled' AND work_date BETWEEN $3 AND $4 \
             AND billability <> 'non_billable'",
        )?;
        let mut tx = self.client.transaction()?;
        let number = format!("R{}", bill.simple());
        tx.execute(
            &insert,
            &[
                &bill,
                &number,
                &id(client),
                &id(matter),
                &total_minor,
                &issued_on,
                &Utc::now(),
            ],
        )?;
        let billed = tx.execute(&mark, &[&bill, &id(matter), &period.0, &period.1])?;
        tx.commit()?;
        Ok((bill, billed))
    }

    /// Records a payment of `amount_minor` against a bill.
    pub fn pay(&mut self, bill: Uuid, amount_minor: i64) -> Result<(), postgres::Error> {
        let st = self.prepared(
            "UPDATE bills SET paid_minor = paid_minor + $2, \
             outstanding_minor = outstanding_minor - $2, \
             status = CASE WHEN outstanding_minor - $2 = 0 THEN 'paid' ELSE 'partly_paid' END \
             WHERE id = $1",
        )?;
        self.client.execute(&st, &[&bill, &amount_minor])?;
        Ok(())
    }

    /// Records a client-money entry.
    pub fn trust(&mut self, plan: &Plan, t: &TrustSpec, by: UserId) -> Result<(), postgres::Error> {
        let f = &plan.facts[t.matter];
        let kind = match t.kind {
            TrustKind::Receipt => "receipt",
            TrustKind::Payment => "payment",
        };
        let st = self.prepared(
            "INSERT INTO trust_entries VALUES ($1, $2, $3, $4, $5, 'GBP', $6, $7, $8, $9, $10, $11)",
        )?;
        self.client.execute(
            &st,
            &[
                &Uuid::now_v7(),
                &id(f.id),
                &id(f.client),
                &kind,
                &t.amount_minor,
                &t.date,
                &t.reference,
                &t.counterparty,
                &t.description,
                &id(by),
                &Utc::now(),
            ],
        )?;
        Ok(())
    }

    /// Work in progress: unbilled billable seconds and value per matter and per fee earner
    /// (two queries).
    pub fn wip(&mut self) -> Result<(usize, usize, i64, i64), postgres::Error> {
        let value = value_sql("GREATEST");
        let mut run = |key: &str| -> Result<Vec<(i64, i64)>, postgres::Error> {
            let sql = format!(
                "SELECT t.{key}, SUM(t.seconds)::bigint, SUM({value})::bigint FROM time_entries t \
                 WHERE t.status = 'unbilled' AND t.billability = 'billable' GROUP BY t.{key}"
            );
            let st = self.prepared(&sql)?;
            Ok(self
                .client
                .query(&st, &[])?
                .iter()
                .map(|r| (r.get(1), r.get(2)))
                .collect())
        };
        let matters = run("matter_id")?;
        let users = run("user_id")?;
        let secs = matters.iter().map(|r| r.0).sum();
        let pence = matters.iter().map(|r| r.1).sum();
        Ok((matters.len(), users.len(), secs, pence))
    }

    /// Hours and value per fee earner for work dated in `from..=to`.
    pub fn hours(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<HoursRow>, postgres::Error> {
        let v = value_sql("GREATEST");
        let sql = format!(
            "SELECT SUM(t.seconds)::bigint, \
             SUM(CASE WHEN t.billability = 'billable' THEN t.seconds ELSE 0 END)::bigint, \
             SUM(CASE WHEN t.billability = 'non_billable' THEN t.seconds ELSE 0 END)::bigint, \
             SUM(CASE WHEN t.billability = 'no_charge' THEN t.seconds ELSE 0 END)::bigint, \
             SUM(CASE WHEN t.billability = 'billable' AND t.status = 'billed' THEN t.seconds ELSE 0 END)::bigint, \
             SUM(CASE WHEN t.billability = 'billable' THEN {v} ELSE 0 END)::bigint, \
             SUM(CASE WHEN t.billability = 'billable' AND t.status = 'billed' THEN {v} ELSE 0 END)::bigint \
             FROM time_entries t WHERE t.work_date BETWEEN $1 AND $2 GROUP BY t.user_id"
        );
        let st = self.prepared(&sql)?;
        Ok(self
            .client
            .query(&st, &[&from, &to])?
            .iter()
            .map(|r| HoursRow {
                recorded: r.get(0),
                billable: r.get(1),
                non_billable: r.get(2),
                no_charge: r.get(3),
                billed: r.get(4),
                recorded_value: r.get(5),
                billed_value: r.get(6),
            })
            .collect())
    }

    /// Aged debt of the issued bills in `currency` at `as_of`, in pence.
    pub fn aged_debt(&mut self, as_of: NaiveDate, currency: &str) -> Result<Aged, postgres::Error> {
        let st = self.prepared(
            "SELECT \
             COALESCE(SUM(CASE WHEN $1::date - issued_on <= 30 THEN outstanding_minor END), 0)::bigint, \
             COALESCE(SUM(CASE WHEN $1::date - issued_on BETWEEN 31 AND 60 THEN outstanding_minor END), 0)::bigint, \
             COALESCE(SUM(CASE WHEN $1::date - issued_on BETWEEN 61 AND 90 THEN outstanding_minor END), 0)::bigint, \
             COALESCE(SUM(CASE WHEN $1::date - issued_on > 90 THEN outstanding_minor END), 0)::bigint, \
             COALESCE(SUM(outstanding_minor), 0)::bigint \
             FROM bills WHERE currency = $2 AND outstanding_minor > 0",
        )?;
        let r = self.client.query_one(&st, &[&as_of, &currency])?;
        Ok([r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)])
    }

    /// Client-money balance of every ledger (matter, client) at `as_of`, and their total.
    pub fn balances(&mut self, as_of: NaiveDate) -> Result<(Vec<LedgerRow>, i64), postgres::Error> {
        let st = self.prepared(
            "SELECT matter_id, client_id, \
             SUM(CASE WHEN kind = 'receipt' THEN amount_minor ELSE -amount_minor END)::bigint \
             FROM trust_entries WHERE entry_date <= $1 GROUP BY matter_id, client_id",
        )?;
        let rows: Vec<LedgerRow> = self
            .client
            .query(&st, &[&as_of])?
            .iter()
            .map(|r| {
                let m: Uuid = r.get(0);
                let c: Uuid = r.get(1);
                (*m.as_bytes(), *c.as_bytes(), r.get(2))
            })
            .collect();
        let total = rows.iter().map(|r| r.2).sum();
        Ok((rows, total))
    }

    /// A fee earner's open matters in a practice area: the first page of 50 (newest first,
    /// every column of the matter row) and the total.
    pub fn open_matters_by_area(
        &mut self,
        user: UserId,
        area: &str,
    ) -> Result<(usize, i64), postgres::Error> {
        let page = self.prepared(
            "SELECT m.* FROM matter_members mm JOIN matters m ON m.id = mm.matter_id \
             WHERE mm.user_id = $1 AND m.status = 'open' AND m.practice_area = $2 \
             ORDER BY m.created_at DESC, m.id DESC LIMIT 50",
        )?;
        let rows = self.client.query(&page, &[&id(user), &area])?;
        for row in &rows {
            // Decode the row as a program showing the page would.
            let m: Uuid = row.get(0);
            let title: &str = row.get(3);
            let opened: Option<NaiveDate> = row.get(7);
            std::hint::black_box((m, title, opened));
        }
        let count = self.prepared(
            "SELECT COUNT(*) FROM matter_members mm JOIN matters m ON m.id = mm.matter_id \
             WHERE mm.user_id = $1 AND m.status = 'open' AND m.practice_area = $2",
        )?;
        let total: i64 = self.client.query_one(&count, &[&id(user), &area])?.get(0);
        Ok((rows.len(), total))
    }
}

/// Inserts time entries in one transaction on `client` with the prepared `insert` (of
/// [`prepare_insert_entry`]).
pub fn insert_entries(
    client: &mut Client,
    insert: &Statement,
    rows: &[RawEntry],
) -> Result<(), postgres::Error> {
    let mut tx = client.transaction()?;
    for r in rows {
        let s = &r.spec;
        tx.execute(
            insert,
            &[
                &Uuid::from_bytes(r.id),
                &id(r.matter),
                &id(s.user),
                &s.date,
                &(s.seconds as i32),
                &s.narrative,
                &s.task_code,
                &s.activity_code,
                &s.billability.as_str(),
                &r.rate_minor,
                &(ROUNDING.0 as i32),
                &ROUNDING.1,
                &(ROUNDING.2 as i32),
                &ROUNDING.3,
                &id(r.recorded_by),
                &r.recorded_at,
            ],
        )?;
    }
    tx.commit()
}

/// Prepares the time-entry insert on a connection of [`connect`].
pub fn prepare_insert_entry(client: &mut Client) -> Result<Statement, postgres::Error> {
    client.prepare(INSERT_ENTRY)
}
