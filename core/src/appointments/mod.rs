//! Calendar entries: appointments, hearings and meetings, single or recurring.
