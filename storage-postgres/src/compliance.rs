//! What a compliance sweep reads: the swept matters by keyset (matter id), and for a batch of
//! matters the figures behind their facts, one grouped query per fact family over the typed
//! columns, the batch bound as one array (no JSON body is parsed but the conflict checks' and
//! overrides', which are kept whole, for the few matters that have them).

use lexcase::access::Viewer;
use lexcase::bills::BillKind;
use lexcase::client_money::ClientMoneyEntryKind;
use lexcase::documents::DocumentStatus;
use lexcase::matters::{MatterStatus, PartyRole, RuleOverrides};
use lexcase::store::{
    BillTotalsRow, ComplianceInputs, ComplianceRead, DeadlineFactsRow, DocumentCategoryRow,
    LedgerFactsRow, MatterFactsRow, PartyFactsRow, TaskCountsRow, TimeTotalsRow, WorkflowFactsRow,
    issued_bill_statuses,
};
use lexcase::timekeeping::{Billability, WorkStatus};
use lexcase::{MatterId, Result};
use rust_decimal::Decimal;

use crate::keyed::{self, CONFLICT_CHECK, RULE_OVERRIDES};
use crate::matter_list::visible_to;
use crate::reports::rows;
use crate::scope::{Scope, from_json};
use crate::sql::where_clause;
use crate::value::Arg;

/// A sum of millionths as an amount.
fn millionths(units: i64) -> Decimal {
    Decimal::new(units, lexcase_sql::money::SCALE)
}

/// The swept matters after `after`: visible to `viewer`, not archived, in id order.
pub(crate) fn matters(
    scope: &mut Scope<'_>,
    viewer: &Viewer,
    after: Option<MatterId>,
    limit: u32,
) -> Result<Vec<MatterId>> {
    let (mut conditions, mut args) = visible_to(viewer);
    conditions.push("m.status <> ?");
    args.push(Arg::text(MatterStatus::Archived.as_str()));
    if let Some(after) = after {
        conditions.push("m.id > ?");
        args.push(Arg::id(after));
    }
    args.push(Arg::int(i64::from(limit)));
    let sql = format!(
        "SELECT m.id FROM matters m{} ORDER BY m.id LIMIT ?",
        where_clause(&conditions)
    );
    rows(scope, &sql, &args, "matter", |c| c.id())
}

/// The figures behind the compliance facts of the matters `read` lists for each family.
pub(crate) fn inputs(
    scope: &mut Scope<'_>,
    read: &ComplianceRead,
    today: chrono::NaiveDate,
) -> Result<ComplianceInputs> {
    let mut found = ComplianceInputs::default();
    if !read.matters.is_empty() {
        found.matters = matter_rows(scope, &read.matters)?;
    }
    if !read.parties.is_empty() {
        found.parties = parties(scope, &read.parties, None)?;
    }
    if !read.clients.is_empty() {
        found
            .parties
            .extend(parties(scope, &read.clients, Some(PartyRole::Client))?);
    }
    if !read.workflows.is_empty() {
        found.workflows = workflows(scope, &read.workflows)?;
    }
    if !read.tasks.is_empty() {
        found.tasks = tasks(scope, &read.tasks, today)?;
    }
    if !read.deadlines.is_empty() {
        found.deadlines = deadlines(scope, &read.deadlines)?;
    }
    if !read.documents.is_empty() {
        found.documents = documents(scope, &read.documents)?;
    }
    if !read.time.is_empty() {
        found.time = time(scope, &read.time)?;
    }
    if !read.bills.is_empty() {
        found.bills = bills(scope, &read.bills)?;
    }
    if !read.client_money.is_empty() {
        found.client_money = client_money(scope, &read.client_money)?;
    }
    if !read.conflict_checks.is_empty() {
        found.conflict_checks = keyed::of_keys(scope, CONFLICT_CHECK, keys(&read.conflict_checks))?;
    }
    Ok(found)
}

/// Matter ids as the keys of their keyed records.
pub(crate) fn keys(matters: &[MatterId]) -> Vec<String> {
    matters.iter().map(ToString::to_string).collect()
}

/// The rule overrides recorded on any of `matters`.
pub(crate) fn overrides(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<RuleOverrides>> {
    if matters.is_empty() {
        return Ok(Vec::new());
    }
    keyed::of_keys(scope, RULE_OVERRIDES, keys(matters))
}

/// The matter rows, in the order of `matters`.
fn matter_rows(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<MatterFactsRow>> {
    let found = rows(
        scope,
        "SELECT id, number, title, status, practice_area, billing_kind, currency, opened_on, \
         closed_on, key_dates, custom_fields, created_at FROM matters \
         WHERE firm_id = $1 AND id = ANY(?)",
        &[Arg::ids(matters)],
        "matter",
        |c| {
            Ok(MatterFactsRow {
                id: c.id()?,
                number: c.text()?,
                title: c.text()?,
                status: c.name()?,
                practice_area: c.text()?,
                billing: lexcase::matters::BillingArrangement {
                    kind: c.name()?,
                    currency: c.currency()?,
                },
                opened_on: c.opt_date()?,
                closed_on: c.opt_date()?,
                key_dates: c.opt_json()?.unwrap_or_default(),
                custom_fields: c.opt_json()?.unwrap_or_default(),
                created_at: c.instant()?,
            })
        },
    )?;
    let mut by_id: std::collections::HashMap<MatterId, MatterFactsRow> =
        found.into_iter().map(|m| (m.id, m)).collect();
    Ok(matters.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// The parties of the batch (those in `role` only, when given) with their contacts.
fn parties(
    scope: &mut Scope<'_>,
    matters: &[MatterId],
    role: Option<PartyRole>,
) -> Result<Vec<PartyFactsRow>> {
    let sql = format!(
        "SELECT p.matter_id, p.contact_id, p.role, c.kind, c.given_name, c.family_name, \
         c.organisation_name, c.identity_status, c.identity_checked_on \
         FROM matter_parties p JOIN contacts c ON c.firm_id = p.firm_id AND c.id = p.contact_id \
         WHERE p.firm_id = $1 AND p.matter_id = ANY(?){} ORDER BY p.matter_id, p.position",
        if role.is_some() {
            " AND p.role = ?"
        } else {
            ""
        }
    );
    let mut args = vec![Arg::ids(matters)];
    args.extend(role.map(|r| Arg::text(r.as_str())));
    rows(scope, &sql, &args, "matter party", |c| {
        Ok(PartyFactsRow {
            matter: c.id()?,
            contact: c.id()?,
            role: c.name::<PartyRole>()?,
            kind: c.name()?,
            given_name: c.opt_text()?,
            family_name: c.opt_text()?,
            organisation_name: c.opt_text()?,
            identity_status: c.name()?,
            identity_checked_on: c.opt_date()?,
        })
    })
}

fn workflows(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<WorkflowFactsRow>> {
    rows(
        scope,
        "SELECT matter_id, template_id, template_version, stage, done_items \
         FROM matter_workflows WHERE firm_id = $1 AND matter_id = ANY(?)",
        &[Arg::ids(matters)],
        "workflow",
        |c| {
            Ok(WorkflowFactsRow {
                matter: c.id()?,
                template_id: c.text()?,
                template_version: c.uint()?,
                stage: c.text()?,
                done: from_json("workflow", &c.text()?)?,
            })
        },
    )
}

fn tasks(
    scope: &mut Scope<'_>,
    matters: &[MatterId],
    today: chrono::NaiveDate,
) -> Result<Vec<TaskCountsRow>> {
    rows(
        scope,
        "SELECT matter_id, count(*) FILTER (WHERE open), \
         count(*) FILTER (WHERE open AND due_date < ?) \
         FROM tasks WHERE firm_id = $1 AND matter_id = ANY(?) GROUP BY matter_id",
        &[Arg::date(today), Arg::ids(matters)],
        "task",
        |c| {
            Ok(TaskCountsRow {
                matter: c.id()?,
                open: c.uint()?,
                overdue: c.uint()?,
            })
        },
    )
}

fn deadlines(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<DeadlineFactsRow>> {
    rows(
        scope,
        "SELECT matter_id, title, rule_id, counting_method, due_date, open, reminders \
         FROM deadlines WHERE firm_id = $1 AND matter_id = ANY(?) \
         ORDER BY matter_id, due_date IS NULL, due_date, created_at, id",
        &[Arg::ids(matters)],
        "deadline",
        |c| {
            Ok(DeadlineFactsRow {
                matter: c.id()?,
                title: c.text()?,
                rule: c.text()?,
                method: c.name()?,
                due: c.opt_date()?,
                open: c.bool()?,
                reminders: c.uint()?,
            })
        },
    )
}

fn documents(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<DocumentCategoryRow>> {
    rows(
        scope,
        "SELECT matter_id, category, count(*), count(*) FILTER (WHERE status = ?), \
         min(first_filed_at) FROM documents WHERE firm_id = $1 AND matter_id = ANY(?) \
         GROUP BY matter_id, category",
        &[
            Arg::text(DocumentStatus::Signed.as_str()),
            Arg::ids(matters),
        ],
        "document",
        |c| {
            Ok(DocumentCategoryRow {
                matter: c.id()?,
                category: c.text()?,
                documents: c.uint()?,
                signed: c.uint()?,
                first_filed: c.opt_instant()?,
            })
        },
    )
}

fn time(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<TimeTotalsRow>> {
    let unbilled = "w.status = ? AND w.billability = ?";
    let sql = format!(
        "SELECT w.matter_id, sum(w.seconds), \
         coalesce(sum(w.value) FILTER (WHERE {unbilled}), 0), \
         min(w.work_date) FILTER (WHERE {unbilled}), \
         count(*) FILTER (WHERE m.closed_on IS NOT NULL AND w.work_date > m.closed_on) \
         FROM time_entries w JOIN matters m ON m.firm_id = w.firm_id AND m.id = w.matter_id \
         WHERE w.firm_id = $1 AND w.matter_id = ANY(?) GROUP BY w.matter_id"
    );
    let kinds = [
        Arg::text(WorkStatus::Unbilled.as_str()),
        Arg::text(Billability::Billable.as_str()),
    ];
    let mut args = kinds.to_vec();
    args.extend(kinds);
    args.push(Arg::ids(matters));
    rows(scope, &sql, &args, "time entry", |c| {
        Ok(TimeTotalsRow {
            matter: c.id()?,
            recorded_seconds: c.uint()?,
            unbilled_value: millionths(c.int()?),
            oldest_unbilled: c.opt_date()?,
            entries_after_close: c.uint()?,
        })
    })
}

fn bills(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<BillTotalsRow>> {
    let statuses: Vec<String> = issued_bill_statuses()
        .map(|s| s.as_str().to_owned())
        .collect();
    rows(
        scope,
        "SELECT x.matter_id, count(*), sum(b.outstanding) \
         FROM (SELECT DISTINCT matter_id, bill_id FROM bill_matters \
               WHERE firm_id = $1 AND matter_id = ANY(?)) x \
         JOIN bills b ON b.firm_id = $1 AND b.id = x.bill_id \
         WHERE b.kind = ? AND b.status = ANY(?) GROUP BY x.matter_id",
        &[
            Arg::ids(matters),
            Arg::text(BillKind::Invoice.as_str()),
            Arg::Texts(statuses),
        ],
        "bill",
        |c| {
            Ok(BillTotalsRow {
                matter: c.id()?,
                issued: c.uint()?,
                outstanding: millionths(c.int()?),
            })
        },
    )
}

fn client_money(scope: &mut Scope<'_>, matters: &[MatterId]) -> Result<Vec<LedgerFactsRow>> {
    rows(
        scope,
        "SELECT e.matter_id, e.client_id, e.currency, sum(e.signed_amount), \
         bool_or(e.kind = ?), \
         EXISTS (SELECT 1 FROM matter_parties p WHERE p.firm_id = $1 \
                 AND p.matter_id = e.matter_id AND p.contact_id = e.client_id AND p.role = ?) \
         FROM client_money_entries e WHERE e.firm_id = $1 AND e.matter_id = ANY(?) \
         GROUP BY e.matter_id, e.client_id, e.currency",
        &[
            Arg::text(ClientMoneyEntryKind::Receipt.as_str()),
            Arg::text(PartyRole::Client.as_str()),
            Arg::ids(matters),
        ],
        "client-money entry",
        |c| {
            Ok(LedgerFactsRow {
                matter: c.id()?,
                client: c.id()?,
                currency: c.currency()?,
                balance: millionths(c.int()?),
                received: c.bool()?,
                of_client: c.bool()?,
            })
        },
    )
}
