//! The conformance suite on the SQLite store: once on an in-memory database, once on a file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use lexcase::store::Store;
use lexcase_sqlite::{SqliteOptions, SqliteStore};

mod in_memory {
    use super::*;

    fn make() -> Arc<dyn Store> {
        Arc::new(SqliteStore::open_in_memory().unwrap())
    }

    lexcase_conformance::conformance_tests!(make);
}

mod on_file {
    use super::*;

    fn make() -> Arc<dyn Store> {
        // The directory lives as long as the test process; each case gets its own file.
        let dir = tempfile::tempdir().unwrap().keep();
        Arc::new(SqliteStore::open(dir.join("firm.lexcase"), SqliteOptions::default()).unwrap())
    }

    lexcase_conformance::conformance_tests!(make);
}
