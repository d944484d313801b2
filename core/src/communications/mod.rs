//! The communication log and email ingestion.
