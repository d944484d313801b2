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

    /// Runs `f` on a connection of the pool that acts for this firm (`lexcase.firm` set for the
    /// session), outside any transaction of the store: for maintenance, and to show what row
    /// security lets such a session see. The setting is reset and any transaction `f` left
    /// open is rolled back afterwards.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut postgres::Client) -> T) -> Result<T> {
        let mut conn = self.shared.pool.get().db()?;
        conn.reset()?;
        conn.batch(&format!("SET lexcase.firm = '{}'", self.firm))?;
        let out = f(&mut conn.client);
        // Whatever `f` did, the connection goes back to the pool as it was.
        if conn
            .client
            .batch_execute("ROLLBACK; RESET lexcase.firm")
            .is_err()
        {
            conn.broken = true;
        }
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
