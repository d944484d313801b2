//! Proofs over the audit trail (`session.audit`): `AuditHead` to anchor outside the file,
//! `StateVerification` and `UnexplainedRow` from `verify_state`.

use lexcase::audit::{AuditHead, StateVerification, UnexplainedRow};
use pyo3::prelude::*;

use crate::errors::to_py;
use crate::record::py_record;

py_record! {
    /// The head of the audit chain: the last event's sequence number and hash. Keep it outside the
    /// file (`str(head)` is `"<seq>:<hash>"`, read back with `AuditHead.parse`) and give it to
    /// `verify(expected_head=...)` later.
    PyAuditHead(AuditHead) as "AuditHead" eq;
    repr(seq, hash);
    |a| {
        /// Sequence number of the last event.
        seq,
        /// Its hash (hex).
        hash,
    }
    methods {
        /// Reads a head written as `"<seq>:<hash>"`.
        #[staticmethod]
        fn parse(text: &str) -> PyResult<Self> {
            AuditHead::parse(text).map(Self).map_err(to_py)
        }

        fn __str__(&self) -> String {
            self.0.to_string()
        }
    }
}

py_record! {
    /// A stored row whose state no audit event explains.
    PyUnexplainedRow(UnexplainedRow) as "UnexplainedRow" eq;
    repr(kind, id, fields);
    |u| {
        /// The kind of record, e.g. `contact`, `time_entry`.
        kind,
        /// Its id.
        id,
        /// The fields whose stored value differs from the replay (empty: no event at all).
        fields,
        /// What is wrong (never the values).
        reason,
    }
}

py_record! {
    /// The outcome of comparing stored rows with the replay of their audit events.
    PyStateVerification(StateVerification) as "StateVerification" eq;
    repr(is_consistent, rows_checked, unexplained_count);
    |s| {
        /// Whether every row checked is what its events say.
        is_consistent = s.is_consistent(),
        /// The kinds checked.
        kinds,
        /// Rows compared.
        rows_checked,
        /// How many rows no event explains.
        unexplained_count,
        /// The first of them (at most 1000).
        unexplained,
    }
}
