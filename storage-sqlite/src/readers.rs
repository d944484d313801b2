//! A bounded pool of read-only connections: at most a set number open at once; a reader beyond
//! waits for one to come back (up to the busy timeout).

use std::ops::Deref;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use lexcase::Result;
use rusqlite::Connection;

use crate::error::busy_timeout;

/// Idle connections and how many are open.
#[derive(Default)]
struct Pool {
    idle: Vec<Connection>,
    open: usize,
}

/// The read-only connections of a file store.
pub(crate) struct ReaderPool {
    pool: Mutex<Pool>,
    returned: Condvar,
    max: usize,
}

/// A connection taken from the pool; it goes back when dropped.
pub(crate) struct PooledReader<'p> {
    conn: Option<Connection>,
    owner: &'p ReaderPool,
}

impl Deref for PooledReader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        // Present until drop.
        match &self.conn {
            Some(conn) => conn,
            None => unreachable_conn(),
        }
    }
}

#[allow(clippy::panic)]
fn unreachable_conn() -> ! {
    panic!("a pooled reader is used after it was returned")
}

impl Drop for PooledReader<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.owner.lock().idle.push(conn);
            self.owner.returned.notify_one();
        }
    }
}

impl ReaderPool {
    /// A pool of at most `max` connections (at least one).
    pub(crate) fn new(max: usize) -> Self {
        Self {
            pool: Mutex::new(Pool::default()),
            returned: Condvar::new(),
            max: max.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds an open connection to the pool (counted against its bound).
    pub(crate) fn put_back(&self, conn: Connection) {
        let mut pool = self.lock();
        pool.open += 1;
        pool.idle.push(conn);
    }

    /// An idle connection, or a new one from `open` while fewer than the bound are open, else
    /// the first returned before `deadline`.
    pub(crate) fn take(
        &self,
        deadline: Instant,
        timeout: Duration,
        open: impl FnOnce() -> Result<Connection>,
    ) -> Result<PooledReader<'_>> {
        let mut pool = self.lock();
        loop {
            if let Some(conn) = pool.idle.pop() {
                return Ok(PooledReader {
                    conn: Some(conn),
                    owner: self,
                });
            }
            if pool.open < self.max {
                pool.open += 1;
                drop(pool);
                return match open() {
                    Ok(conn) => Ok(PooledReader {
                        conn: Some(conn),
                        owner: self,
                    }),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.returned.notify_one();
                        Err(e)
                    }
                };
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(busy_timeout(timeout));
            }
            pool = self
                .returned
                .wait_timeout(pool, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}
