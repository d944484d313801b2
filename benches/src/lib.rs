//! Shared fixtures for the lexcase benches.
