//! The embedded SQLite store for lexcase.
//!
//! [`SqliteStore`] implements [`lexcase::store::Store`] on one SQLite file in WAL mode:
//! durable commits (`synchronous=FULL`) by default, one writer at a time, readers on their own
//! snapshots beside it. The schema is migrated on open; a file that is not a lexcase database,
//! or one written by a newer lexcase, is refused and left untouched.
//!
//! ```
//! use lexcase::store::Store;
//! use lexcase_sqlite::SqliteStore;
//!
//! # fn main() -> lexcase::Result<()> {
//! let store = SqliteStore::open_in_memory()?;
//! assert!(store.read()?.firm_settings()?.is_none());
//! let mut tx = store.write()?;
//! assert_eq!(tx.next_sequence("SMI")?, 1);
//! tx.commit()?;
//! # Ok(()) }
//! ```

mod appointments;
mod archive;
mod audit;
mod bills;
mod blob_cipher;
mod blobs;
mod client_money;
mod codec;
mod communications;
mod compliance;
mod conflict_index;
mod conflict_reads;
mod deadlines;
mod diagnostics;
mod documents;
mod error;
mod key;
mod keyed;
mod lock;
mod matter_list;
mod matters;
mod migrations;
mod notes;
mod open;
mod options;
mod paging;
mod queue;
mod read;
mod readers;
mod records;
mod reports;
mod state;
mod store;
mod tasks;
mod tx;
mod upgrade;
mod value;
mod work;
mod workflow;
mod write;

pub use blobs::{FsBlobStore, blobs_beside, blobs_beside_encrypted};
pub use diagnostics::ConnectionSettings;
pub use key::{DatabaseKey, MIN_KEY_BYTES};
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
pub use options::{Durability, SqliteOptions};
pub use store::{MEMORY, SqliteStore};
