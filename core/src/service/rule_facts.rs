//! Gathering the facts rules see about one matter, from the store.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::access::Viewer;
use crate::documents::DocumentStatus;
use crate::error::Result;
use crate::firm::FirmSettings;
use crate::matters::{CustomValue, Matter, PartyRole};
use crate::rules::{
    ClientFacts, ClientMoneyFacts, ConflictFacts, DeadlineFacts, EventFacts, Facts, MatterFacts,
    PartyFacts, TaskFacts, TimeFacts, WorkflowFacts,
};
use crate::store::{BillQuery, DeadlineQuery, Page, Paged, ReadTx, WorkQuery};
use crate::timekeeping::{Billability, WorkStatus};
use crate::trust::ledger_balance;

fn iso(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

fn custom_text(value: &CustomValue) -> String {
    match value {
        CustomValue::Text(t) | CustomValue::Choice(t) => t.clone(),
        CustomValue::Number(n) => n.to_string(),
        CustomValue::Decimal(d) => d.to_string(),
        CustomValue::Date(d) => d.to_string(),
        CustomValue::Bool(b) => b.to_string(),
        CustomValue::ContactRef(c) => c.to_string(),
    }
}

/// Everything the rules may know about `matter` today, at `event`. The facts are read as the
/// system sees them (the caller has checked the actor may see the matter).
pub(crate) fn gather(
    tx: &dyn ReadTx,
    settings: &FirmSettings,
    matter: &Matter,
    today: NaiveDate,
    event: EventFacts,
) -> Result<Facts> {
    let system = Viewer {
        user: matter.responsible,
        sees_restricted: true,
    };
    let mut facts = Facts {
        today: today.to_string(),
        event,
        ..Facts::default()
    };
    facts.matter = MatterFacts {
        id: matter.id.to_string(),
        number: matter.number.clone(),
        title: matter.title.clone(),
        status: matter.status.as_str().into(),
        practice_area: matter.practice_area.to_lowercase(),
        billing_kind: matter.billing.kind.as_str().into(),
        currency: matter.billing.currency.code().into(),
        opened_on: iso(matter.opened_on),
        closed_on: iso(matter.closed_on),
        days_open: matter
            .opened_on
            .map_or(0, |d| (today - d).num_days().max(0)),
        key_dates: matter
            .key_dates
            .iter()
            .map(|(k, d)| (k.clone(), d.to_string()))
            .collect(),
        custom: matter
            .custom_fields
            .iter()
            .map(|(k, v)| (k.clone(), custom_text(v)))
            .collect(),
    };
    for party in &matter.parties {
        let Some(contact) = tx.contact(party.contact)? else {
            continue;
        };
        facts.parties.push(PartyFacts {
            contact: contact.id.to_string(),
            name: contact.display_name(),
            role: party.role.as_str().into(),
        });
        if party.role == PartyRole::Client {
            let identity = &contact.identity;
            facts.clients.push(ClientFacts {
                id: contact.id.to_string(),
                name: contact.display_name(),
                kind: contact.kind.as_str().into(),
                identity_status: identity.status.as_str().into(),
                identity_verified: identity.status == crate::contacts::IdentityStatus::Verified,
                identity_verified_on: iso(identity.checked_on),
            });
        }
    }
    if let Some(progress) = tx.matter_workflow(matter.id)? {
        let template =
            tx.workflow_template(&progress.template_id, Some(progress.template_version))?;
        let outstanding = template
            .as_ref()
            .and_then(|t| t.stage(&progress.stage).ok())
            .map(|stage| {
                stage
                    .items
                    .iter()
                    .filter(|i| !progress.items.contains_key(&i.id))
                    .map(|i| i.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        facts.workflow = WorkflowFacts {
            template: progress.template_id.clone(),
            stage: progress.stage.clone(),
            done: progress.items.keys().cloned().collect(),
            outstanding,
        };
    }
    let tasks = tx.tasks_of_matter(matter.id)?;
    facts.tasks = TaskFacts {
        open: tasks.iter().filter(|t| t.status.is_open()).count() as i64,
        overdue: tasks.iter().filter(|t| t.is_overdue(today)).count() as i64,
    };
    let deadlines = DeadlineQuery {
        matter: Some(matter.id),
        ..DeadlineQuery::default()
    };
    for d in Paged::collect_all(|p| tx.deadlines(&deadlines, &system, p))? {
        facts.deadlines.push(DeadlineFacts {
            title: d.title.clone(),
            rule: d.rule.id.clone(),
            due: iso(d.due()),
            open: d.is_open(),
            reminders: d.reminders.len() as i64,
            court: d.rule.method != crate::deadlines::CountingMethod::Calendar,
        });
    }
    let zone = settings.zone()?;
    for doc in Paged::collect_all(|p: Page| tx.documents_of_matter(matter.id, p))? {
        *facts
            .documents
            .categories
            .entry(doc.category.clone())
            .or_default() += 1;
        if doc.status == DocumentStatus::Signed {
            *facts
                .documents
                .signed
                .entry(doc.category.clone())
                .or_default() += 1;
        }
        if let Some(first) = doc.versions.first() {
            let day = first.at.with_timezone(&zone).date_naive().to_string();
            let entry = facts
                .documents
                .first_filed
                .entry(doc.category.clone())
                .or_insert(day.clone());
            if day < *entry {
                *entry = day;
            }
        }
    }
    let work = WorkQuery {
        matter: Some(matter.id),
        ..WorkQuery::default()
    };
    let mut unbilled = Decimal::ZERO;
    let mut oldest: Option<NaiveDate> = None;
    let mut seconds = 0u64;
    for e in Paged::collect_all(|p| tx.time_entries(&work, &system, p))? {
        seconds += u64::from(e.seconds);
        if e.status == WorkStatus::Unbilled && e.billability == Billability::Billable {
            unbilled += e.value().amount;
            oldest = Some(oldest.map_or(e.date, |o| o.min(e.date)));
        }
        if matter.closed_on.is_some_and(|c| e.date > c) {
            facts.time.entries_after_close += 1;
        }
    }
    facts.time = TimeFacts {
        unbilled_value: number(unbilled),
        oldest_unbilled_days: oldest.map_or(0, |d| (today - d).num_days().max(0)),
        recorded_hours: seconds as f64 / 3600.0,
        ..facts.time
    };
    let bills = BillQuery {
        matter: Some(matter.id),
        ..BillQuery::default()
    };
    for bill in Paged::collect_all(|p| tx.bills(&bills, &system, p))? {
        if bill.status.is_issued() && bill.kind == crate::bills::BillKind::Invoice {
            facts.bills.issued += 1;
            facts.bills.outstanding += number(bill.outstanding());
        }
    }
    let money = tx.trust_entries_of_matter(matter.id)?;
    if !money.is_empty() {
        let currency = matter.billing.currency;
        let mut lowest: Option<Decimal> = None;
        let mut total = Decimal::ZERO;
        for client in matter.clients() {
            let ledger: Vec<_> = money
                .iter()
                .filter(|e| e.client == client)
                .cloned()
                .collect();
            if ledger.is_empty() {
                continue;
            }
            let balance = ledger_balance(&ledger, currency)?.amount;
            total += balance;
            lowest = Some(lowest.map_or(balance, |l| l.min(balance)));
        }
        facts.client_money = ClientMoneyFacts {
            balance: number(total),
            lowest_balance: number(lowest.unwrap_or(Decimal::ZERO)),
            received: money
                .iter()
                .any(|e| e.kind == crate::trust::TrustEntryKind::Receipt),
        };
    }
    facts.conflicts = match tx.conflict_check(matter.id)? {
        None => ConflictFacts {
            status: "none".into(),
            ..ConflictFacts::default()
        },
        Some(check) => ConflictFacts {
            status: check.status().into(),
            unresolved: check.unresolved() as i64,
            waived: check
                .hits
                .iter()
                .filter(|h| {
                    h.decision
                        .as_ref()
                        .is_some_and(|d| d.disposition == crate::matters::HitDisposition::Waived)
                })
                .count() as i64,
        },
    };
    Ok(facts)
}
