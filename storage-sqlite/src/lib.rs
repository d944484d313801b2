//! The embedded SQLite store for lexcase.
