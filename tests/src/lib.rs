//! The store conformance suite: one test per case, for every store.
