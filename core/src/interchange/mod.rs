//! Interchange formats: iCalendar (RFC 5545) export and vCard 4.0 (RFC 6350) export and import.
