//! The PostgreSQL store for lexcase: many firms in one database, isolated.
//!
//! [`PgDatabase`] connects to a database (a pool of blocking connections; no async runtime in
//! the API), checks and migrates lexcase's schema, and opens firms by id: each [`PgStore`]
//! implements [`lexcase::store::Store`] for one firm, and [`PgBlobStore`] keeps its document
//! contents in the database.
//!
//! # Tenancy
//!
//! Every table carries the firm's id first, in its primary key, its unique constraints, its
//! foreign keys and its indexes; every statement the store runs names its firm (`firm_id =
//! $1`). Row-level security repeats the rule inside the database: each transaction sets
//! `lexcase.firm`, and a session sees and writes only that firm's rows (the audit log and
//! client money can only be read and appended to). The firm's id is the distribution column
//! of every table on Citus.
//!
//! # Roles
//!
//! Use two roles: an owner, which creates the schema and owns its tables (run [`migrate`] as
//! it, naming the application role), and a login role for the application, which is granted
//! only what it needs and must be neither a superuser nor BYPASSRLS (those pass row security,
//! and [`PgDatabase::connect`] refuses them unless [`PgOptions::allow_rls_bypass`]):
//!
//! ```sql
//! CREATE ROLE lexcase_owner LOGIN PASSWORD '…';
//! CREATE ROLE lexcase_app LOGIN PASSWORD '…';
//! GRANT CREATE ON DATABASE firms TO lexcase_owner;
//! ```
//!
//! A single role that owns the schema works too (FORCE ROW LEVEL SECURITY binds the owner),
//! but it may alter the tables and drop the policies.
//!
//! # Concurrency
//!
//! Writers of one firm take turns on the firm's row lock (waiting up to
//! [`PgOptions::lock_timeout`]); readers work on snapshots beside them. Optimistic versions
//! and the audit chain therefore hold across processes without SERIALIZABLE.
//!
//! A transient failure (a broken connection, a serialization failure or a deadlock) while a
//! transaction begins, or in the short transactions the store runs whole (document contents),
//! is retried inside the store. Writes run at READ COMMITTED behind the firm lock, so they meet
//! neither; reads run at REPEATABLE READ, READ ONLY, which never fails to serialize.
//!
//! # Columns and search
//!
//! The columns are the records of `lexcase-sql`: ids `uuid`, dates `date`, instants
//! `timestamptz` (microseconds), exact decimals `numeric` (scale kept), money that reports sum
//! `bigint` millionths (`sum()` is exact; PostgreSQL returns it as `numeric`), flags `boolean`,
//! JSON detail and bodies `text`, hashes and encoded audit changes `bytea`. Text that lists sort
//! is `COLLATE "C"`, so orders and `lower()` are those of SQLite's `NOCASE`, whatever the
//! server's locale. Notes and documents are searched through a `tsvector` of their words as
//! [`lexcase::text::fold`] folds them (case, accents, punctuation ignored), built by the store:
//! every search word matches as a prefix, best match first. No extension is needed.
//!
//! # Citus
//!
//! On a Citus coordinator, [`migrate`] distributes every table by `firm_id`, colocated with
//! `firms` (primary keys, unique constraints and foreign keys all include it), and makes the
//! tables without a firm (`schema_version`) reference tables. Every statement filters every
//! table it names by `firm_id = $1`, so each routes to one shard. The firm's write lock is a
//! row lock on the firm's row (not an advisory lock), so it holds across coordinators. Row
//! security reads `lexcase.firm`, set with `SET LOCAL` as a statement of its own: on Citus the
//! store's connections set `citus.propagate_set_commands = 'local'`, which forwards it to the
//! workers. Lists of child rows go in as one multi-row `VALUES` there (Citus would copy the
//! rows of an `INSERT … SELECT` in with COPY, which row security refuses).
//!
//! ```no_run
//! use lexcase::store::Store;
//! use lexcase_postgres::{PgDatabase, PgOptions};
//!
//! # fn main() -> lexcase::Result<()> {
//! let db = PgDatabase::connect("postgresql://lexcase_app@127.0.0.1/firms", PgOptions::default())?;
//! let store = db.open_firm(uuid::Uuid::now_v7())?;
//! assert!(store.read()?.firm_settings()?.is_none());
//! # Ok(()) }
//! ```

mod appointments;
mod archive;
mod audit;
mod begin;
mod bills;
mod blobs;
mod client_money;
mod communications;
mod compliance;
mod conflict_index;
mod conflict_reads;
mod connection;
mod database;
mod deadlines;
mod documents;
mod error;
mod fulltext;
mod keyed;
mod matter_list;
mod matters;
mod migrations;
mod notes;
mod options;
mod paging;
mod read;
mod records;
mod reports;
mod scope;
mod sql;
mod state;
mod store;
mod tasks;
mod tx;
mod value;
mod work;
mod workflow;
mod write;

pub use blobs::PgBlobStore;
pub use database::PgDatabase;
pub use migrations::{APPLICATION, MigrateOptions, SCHEMA_VERSION, migrate};
pub use options::PgOptions;
pub use store::PgStore;
