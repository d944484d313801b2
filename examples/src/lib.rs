//! Runnable examples live beside this crate: `quickstart.rs` and `residential_purchase.rs`.
//!
//! The README is compiled and run here as a doctest, so its Rust snippet stays true.
#![doc = include_str!("../../README.md")]
