//! Runnable examples live beside this crate; see `quickstart.rs`.
