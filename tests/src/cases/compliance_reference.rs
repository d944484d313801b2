//! A brute-force reference for the compliance facts of one matter: every record of the
//! matter read whole, one query per record kind (or per party), and the facts worked out from
//! them as the rules define them. The sweep's batched, grouped reads must give the same.

use chrono::NaiveDate;
use lexcase::access::Viewer;
use lexcase::bills::BillKind;
use lexcase::client_money::{ClientMoneyEntryKind, ledger_balance};
use lexcase::contacts::IdentityStatus;
use lexcase::deadlines::CountingMethod;
use lexcase::documents::DocumentStatus;
use lexcase::matters::{CustomValue, HitDisposition, PartyRole};
use lexcase::rules::{
    ClientFacts, ClientMoneyFacts, ConflictFacts, DeadlineFacts, EventFacts, Facts, MatterFacts,
    PartyFacts, TaskFacts, WorkflowFacts,
};
use lexcase::store::{BillQuery, DeadlineQuery, Page, Paged, ReadTx, WorkQuery};
use lexcase::timekeeping::{Billability, WorkStatus};
use lexcase::{MatterId, Result};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn iso(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The facts of one matter as the rules define them, read the slow way: every record of the
/// matter whole, one query per record kind (or per party), summed here. Invoices' outstanding
/// amounts are summed exactly, then converted.
pub fn reference_facts(tx: &dyn ReadTx, id: MatterId, today: NaiveDate) -> Result<Facts> {
    let settings = tx.firm_settings()?.unwrap();
    let zone = settings.zone()?;
    let matter = tx.matter(id)?.unwrap();
    let system = Viewer {
        user: matter.responsible,
        sees_restricted: true,
    };
    let mut facts = Facts {
        today: today.to_string(),
        event: EventFacts {
            checkpoint: "sweep".into(),
            ..EventFacts::default()
        },
        matter: MatterFacts {
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
                .map(|(k, v)| {
                    let text = match v {
                        CustomValue::Text(t) | CustomValue::Choice(t) => t.clone(),
                        CustomValue::Number(n) => n.to_string(),
                        CustomValue::Decimal(d) => d.to_string(),
                        CustomValue::Date(d) => d.to_string(),
                        CustomValue::Bool(b) => b.to_string(),
                        CustomValue::ContactRef(c) => c.to_string(),
                    };
                    (k.clone(), text)
                })
                .collect(),
        },
        ..Facts::default()
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
            facts.clients.push(ClientFacts {
                id: contact.id.to_string(),
                name: contact.display_name(),
                kind: contact.kind.as_str().into(),
                identity_status: contact.identity.status.as_str().into(),
                identity_verified: contact.identity.status == IdentityStatus::Verified,
                identity_verified_on: iso(contact.identity.checked_on),
            });
        }
    }
    if let Some(progress) = tx.matter_workflow(id)? {
        let template =
            tx.workflow_template(&progress.template_id, Some(progress.template_version))?;
        let stage = template
            .as_ref()
            .and_then(|t| t.stage(&progress.stage).ok());
        facts.workflow = WorkflowFacts {
            template: progress.template_id.clone(),
            stage: progress.stage.clone(),
            done: progress.items.keys().cloned().collect(),
            outstanding: stage
                .map(|s| {
                    s.items
                        .iter()
                        .filter(|i| !progress.items.contains_key(&i.id))
                        .map(|i| i.id.clone())
                        .collect()
                })
                .unwrap_or_default(),
        };
    }
    let tasks = tx.tasks_of_matter(id)?;
    facts.tasks = TaskFacts {
        open: tasks.iter().filter(|t| t.status.is_open()).count() as i64,
        overdue: tasks.iter().filter(|t| t.is_overdue(today)).count() as i64,
    };
    let deadlines = DeadlineQuery {
        matter: Some(id),
        ..DeadlineQuery::default()
    };
    for d in Paged::collect_all(|p| tx.deadlines(&deadlines, &system, p))? {
        facts.deadlines.push(DeadlineFacts {
            title: d.title.clone(),
            rule: d.rule.id.clone(),
            due: iso(d.due()),
            open: d.is_open(),
            reminders: d.reminders.len() as i64,
            court: d.rule.method != CountingMethod::Calendar,
        });
    }
    for doc in Paged::collect_all(|p: Page| tx.documents_of_matter(id, p))? {
        let documents = &mut facts.documents;
        *documents
            .categories
            .entry(doc.category.clone())
            .or_default() += 1;
        if doc.status == DocumentStatus::Signed {
            *documents.signed.entry(doc.category.clone()).or_default() += 1;
        }
        if let Some(first) = doc.versions.first() {
            let filed = first.at.with_timezone(&zone).date_naive().to_string();
            let entry = documents
                .first_filed
                .entry(doc.category.clone())
                .or_insert(filed.clone());
            if filed < *entry {
                *entry = filed;
            }
        }
    }
    let work = WorkQuery {
        matter: Some(id),
        ..WorkQuery::default()
    };
    let (mut unbilled, mut oldest, mut seconds) = (Decimal::ZERO, None::<NaiveDate>, 0u64);
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
    facts.time.unbilled_value = number(unbilled);
    facts.time.oldest_unbilled_days = oldest.map_or(0, |d| (today - d).num_days().max(0));
    facts.time.recorded_hours = seconds as f64 / 3600.0;
    let bills = BillQuery {
        matter: Some(id),
        ..BillQuery::default()
    };
    let mut outstanding = Decimal::ZERO;
    for bill in Paged::collect_all(|p| tx.bills(&bills, &system, p))? {
        if bill.status.is_issued() && bill.kind == BillKind::Invoice {
            facts.bills.issued += 1;
            outstanding += bill.outstanding();
        }
    }
    facts.bills.outstanding = number(outstanding);
    let money = tx.trust_entries_of_matter(id)?;
    if !money.is_empty() {
        let (mut lowest, mut total) = (None::<Decimal>, Decimal::ZERO);
        for client in matter.clients() {
            let ledger: Vec<_> = money
                .iter()
                .filter(|e| e.client == client)
                .cloned()
                .collect();
            if ledger.is_empty() {
                continue;
            }
            let balance = ledger_balance(&ledger, matter.billing.currency)?.amount;
            total += balance;
            lowest = Some(lowest.map_or(balance, |l| l.min(balance)));
        }
        facts.client_money = ClientMoneyFacts {
            balance: number(total),
            lowest_balance: number(lowest.unwrap_or(Decimal::ZERO)),
            received: money
                .iter()
                .any(|e| e.kind == ClientMoneyEntryKind::Receipt),
        };
    }
    facts.conflicts = match tx.conflict_check(id)? {
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
                        .is_some_and(|d| d.disposition == HitDisposition::Waived)
                })
                .count() as i64,
        },
    };
    Ok(facts)
}
