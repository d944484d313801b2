//! Every row of a kind, in id order and pages, in its serde form: what `verify_state` compares
//! with the replay of the audit trail (as the SQLite store's `state` module).

use lexcase::Result;
use lexcase::audit::EntityKind;
use lexcase::timekeeping::{Expense, TimeEntry};
use lexcase_sql::state::{json, table};
use uuid::Uuid;

use crate::scope::Scope;
use crate::value::Arg;
use crate::{bills, client_money, matters, read, work};

/// One record of `kind` by id, in its serde form.
fn load(
    scope: &mut Scope<'_>,
    kind: EntityKind,
    id: Uuid,
) -> Result<Option<(Uuid, serde_json::Value)>> {
    match kind {
        EntityKind::User => json(id, read::user(scope, id.into())?),
        EntityKind::Contact => json(id, read::contact(scope, id.into())?),
        EntityKind::Matter => json(id, matters::matter(scope, id.into())?),
        EntityKind::TimeEntry => json(id, work::get::<TimeEntry>(scope, id)?),
        EntityKind::Expense => json(id, work::get::<Expense>(scope, id)?),
        EntityKind::Bill => json(id, bills::bill(scope, id.into())?),
        EntityKind::Payment => json(id, bills::payment(scope, id.into())?),
        EntityKind::ClientMoney => json(id, client_money::entry(scope, id.into())?),
        _ => Ok(None),
    }
}

/// Up to `limit` records of `kind` of the firm with ids above `after`, in id order.
pub(crate) fn rows(
    scope: &mut Scope<'_>,
    kind: EntityKind,
    after: Option<Uuid>,
    limit: u32,
) -> Result<Vec<(Uuid, serde_json::Value)>> {
    let Some(table) = table(kind) else {
        return Ok(Vec::new());
    };
    let rows = scope.rows(
        &format!("SELECT id FROM {table} WHERE firm_id = $1 AND id > ? ORDER BY id LIMIT ?"),
        &[
            Arg::id(after.unwrap_or_else(Uuid::nil)),
            Arg::int(i64::from(limit)),
        ],
    )?;
    let ids: Vec<Uuid> = crate::communications::ids(&rows)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(load(scope, kind, id)?);
    }
    Ok(out)
}
