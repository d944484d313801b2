//! What `verify_state` reads of a SQL store: the tables of the kinds it checks, and a record
//! in its serde form.

use lexcase::audit::EntityKind;
use lexcase::{LexcaseError, Result};
use serde::Serialize;
use uuid::Uuid;

/// The table that holds the records of `kind`, if it is a kind that is checked.
pub fn table(kind: EntityKind) -> Option<&'static str> {
    Some(match kind {
        EntityKind::User => "users",
        EntityKind::Contact => "contacts",
        EntityKind::Matter => "matters",
        EntityKind::TimeEntry => "time_entries",
        EntityKind::Expense => "expenses",
        EntityKind::Bill => "bills",
        EntityKind::Payment => "payments",
        EntityKind::ClientMoney => "client_money_entries",
        _ => return None,
    })
}

/// `record` (when found) with its id, in its serde form.
pub fn json<T: Serialize>(
    id: Uuid,
    record: Option<T>,
) -> Result<Option<(Uuid, serde_json::Value)>> {
    record
        .map(|r| {
            serde_json::to_value(r)
                .map(|v| (id, v))
                .map_err(|_| LexcaseError::storage("a stored record cannot be encoded"))
        })
        .transpose()
}
