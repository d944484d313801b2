//! `ConflictRecheck` and `RecheckedMatter`: what `ConflictService.recheck_all` did.

use lexcase::service::{ConflictRecheck, RecheckedMatter};
use pyo3::prelude::*;

use crate::record::py_record;

py_record! {
    /// A matter whose re-run conflict check found hits it did not have before.
    PyRecheckedMatter(RecheckedMatter) as "RecheckedMatter" eq;
    repr(matter, number, new_hits);
    |r| {
        /// The matter.
        matter,
        /// Its number.
        number,
        /// How many of its check's hits are new (each awaits a decision).
        new_hits,
    }
}

py_record! {
    /// What re-running every conflict check did: how many checks were run again, and the
    /// matters whose check found new hits.
    PyConflictRecheck(ConflictRecheck) as "ConflictRecheck" eq;
    repr(rechecked, with_new_hits);
    |r| {
        /// How many stored checks were run again.
        rechecked,
        /// The matters whose check found new hits, newest matter first.
        with_new_hits,
    }
}
