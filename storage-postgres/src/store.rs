//! The store of one firm on a shared PostgreSQL database.

use std::sync::Arc;

use lexcase::Result;
use lexcase::store::{ReadTx, Store, WriteTx};
use uuid::Uuid;

use crate::begin::{begin_read, begin_write};
use crate::blobs::PgBlobStore;
use crate::database::{PgDatabase, Shared};
use crate::error::Db;
use crate::options::PgOptions;
use crate::tx::{PgReadTx, PgWriteTx};

/// A lexcase store for one firm of a PostgreSQL database.
///
/// Read transactions each take a snapshot and run beside everything else; write transactions
/// of the firm take turns (from every process), writes of other firms run in parallel. Every
/// transaction holds one pooled connection.
#[derive(Debug, Clone)]
pub struct PgStore {
    shared: Arc<Shared>,
    firm: Uuid,
}

impl PgStore {
    pub(crate) fn new(shared: Arc<Shared>, firm: Uuid) -> Self {
        Self { shared, firm }
    }

    /// Connects to the database at `url` (see [`PgDatabase::connect`]) and opens firm `firm`,
    /// creating it if the database does not hold it yet. To open several firms, connect once
    /// and use [`PgDatabase::open_firm`]: they share one pool.
    pub fn open(url: &str, firm: Uuid, options: PgOptions) -> Result<Self> {
        PgDatabase::connect(url, options)?.open_firm(firm)
    }

    /// The firm's id.
    pub fn firm_id(&self) -> Uuid {
        self.firm
    }

    /// The firm's document contents, kept in the database.
    pub fn blobs(&self) -> PgBlobStore {
        PgBlobStore::new(self.shared.clone(), self.firm)
    }

    /// Runs `f` on a connection of the pool inside one transaction of this firm
    /// (`SET LOCAL lexcase.firm`, which on Citus reaches the workers too): for maintenance,
    /// and to show what row security lets such a session see. What `f` changes is committed
    /// when it returns, or nothing if a statement failed (PostgreSQL aborts the transaction:
    /// wrap a statement expected to fail in a savepoint). `f` must not end the transaction.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut postgres::Client) -> T) -> Result<T> {
        let mut conn = self.shared.pool.get().db()?;
        conn.reset()?;
        conn.in_tx = true;
        let statements = [
            "BEGIN".to_owned(),
            format!("SET LOCAL lexcase.firm = '{}'", self.firm),
        ];
        if let Err(e) = crate::begin::run(&self.shared, &mut conn, &statements) {
            conn.end();
            return Err(crate::error::storage(e));
        }
        let out = f(&mut conn.client);
        // Whatever `f` did, the connection goes back to the pool as it was.
        if conn.client.batch_execute("COMMIT").is_err() {
            conn.broken = true;
        }
        conn.in_tx = false;
        Ok(out)
    }
}

impl Store for PgStore {
    fn read(&self) -> Result<Box<dyn ReadTx + '_>> {
        Ok(Box::new(PgReadTx::new(begin_read(
            &self.shared,
            self.firm,
        )?)))
    }

    fn write(&self) -> Result<Box<dyn WriteTx + '_>> {
        Ok(Box::new(PgWriteTx::new(begin_write(
            &self.shared,
            self.firm,
        )?)))
    }
}

impl From<PgStore> for Arc<dyn Store> {
    fn from(store: PgStore) -> Self {
        Arc::new(store)
    }
}
