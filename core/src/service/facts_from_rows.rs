//! The facts rules see, built from the rows a store returns for a batch of matters
//! ([`ComplianceInputs`]): a pure function, the same for one matter and for a sweep.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::contacts::{IdentityStatus, display_name_of};
use crate::deadlines::CountingMethod;
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId};
use crate::matters::{ConflictCheck, CustomValue, HitDisposition, PartyRole};
use crate::money::Currency;
use crate::rules::{
    BillFacts, ClientFacts, ConflictFacts, DeadlineFacts, DocumentFacts, EventFacts, Facts,
    MatterFacts, PartyFacts, TaskFacts, TimeFacts, WorkflowFacts,
};
use crate::store::{
    ComplianceInputs, DeadlineFactsRow, DocumentCategoryRow, LedgerFactsRow, MatterFactsRow,
    PartyFactsRow, TimeTotalsRow, WorkflowFactsRow,
};
use crate::workflow::WorkflowTemplate;

/// The facts of one matter, with what a sweep needs beside them.
#[derive(Debug, Clone)]
pub(crate) struct GatheredFacts {
    /// The matter.
    pub matter: MatterId,
    /// When it was created (sweeps list matters newest first).
    pub created_at: DateTime<Utc>,
    /// What the rules see.
    pub facts: Facts,
}

/// Templates by id and version, as the workflow rows refer to them.
pub(crate) type Templates = HashMap<(String, u32), WorkflowTemplate>;

/// What is the same for every matter of a batch.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FactSetting<'a> {
    /// Today in the firm's zone.
    pub today: NaiveDate,
    /// The firm's zone (documents are filed on the day of their first version in it).
    pub zone: Tz,
    /// What is happening.
    pub event: &'a EventFacts,
}

fn iso(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A figure as the number the rules compare, in the matter currency's canonical form first
/// (so that a sum converts exactly as each figure of the matter does).
fn number(value: Decimal, currency: Currency) -> f64 {
    currency.canonical(value).to_f64().unwrap_or(0.0)
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
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

fn matter_facts(m: MatterFactsRow, today: NaiveDate) -> MatterFacts {
    MatterFacts {
        id: m.id.to_string(),
        status: m.status.as_str().into(),
        practice_area: m.practice_area.to_lowercase(),
        billing_kind: m.billing.kind.as_str().into(),
        currency: m.billing.currency.code().into(),
        opened_on: iso(m.opened_on),
        closed_on: iso(m.closed_on),
        days_open: m.opened_on.map_or(0, |d| (today - d).num_days().max(0)),
        key_dates: m
            .key_dates
            .into_iter()
            .map(|(k, d)| (k, d.to_string()))
            .collect(),
        custom: m
            .custom_fields
            .into_iter()
            .map(|(k, v)| {
                let text = custom_text(&v);
                (k, text)
            })
            .collect(),
        number: m.number,
        title: m.title,
    }
}

fn add_party(facts: &mut Facts, p: &PartyFactsRow) {
    let name = display_name_of(
        p.kind,
        p.given_name.as_deref(),
        p.family_name.as_deref(),
        p.organisation_name.as_deref(),
    );
    if p.role == PartyRole::Client {
        facts.clients.push(ClientFacts {
            id: p.contact.to_string(),
            name: name.clone(),
            kind: p.kind.as_str().into(),
            identity_status: p.identity_status.as_str().into(),
            identity_verified: p.identity_status == IdentityStatus::Verified,
            identity_verified_on: iso(p.identity_checked_on),
        });
    }
    facts.parties.push(PartyFacts {
        contact: p.contact.to_string(),
        name,
        role: p.role.as_str().into(),
    });
}

fn conflict_facts(check: &ConflictCheck) -> ConflictFacts {
    ConflictFacts {
        status: check.status().into(),
        unresolved: i64::try_from(check.unresolved()).unwrap_or(i64::MAX),
        waived: i64::try_from(
            check
                .hits
                .iter()
                .filter(|h| {
                    h.decision
                        .as_ref()
                        .is_some_and(|d| d.disposition == HitDisposition::Waived)
                })
                .count(),
        )
        .unwrap_or(i64::MAX),
    }
}

/// Client money of one matter from its ledgers: the sum and the lowest of its clients'
/// balances (a client's ledger in another currency than the matter's is an error, as a mixed
/// ledger is), and whether any money was ever received.
fn client_money(facts: &mut Facts, currency: Currency, ledgers: &[&LedgerFactsRow]) -> Result<()> {
    if ledgers.is_empty() {
        return Ok(());
    }
    let mut balances: BTreeMap<ContactId, Decimal> = BTreeMap::new();
    for ledger in ledgers.iter().filter(|l| l.of_client) {
        if ledger.currency != currency {
            return Err(LexcaseError::validation(
                "currency",
                "the ledger holds entries in mixed currencies",
            ));
        }
        *balances.entry(ledger.client).or_default() += ledger.balance;
    }
    let total: Decimal = balances.values().sum();
    let lowest = balances.values().min().copied().unwrap_or(Decimal::ZERO);
    facts.client_money.balance = number(total, currency);
    facts.client_money.lowest_balance = number(lowest, currency);
    facts.client_money.received = ledgers.iter().any(|l| l.received);
    Ok(())
}

fn workflow_facts(w: &WorkflowFactsRow, templates: &Templates) -> WorkflowFacts {
    let outstanding = templates
        .get(&(w.template_id.clone(), w.template_version))
        .and_then(|t| t.stage(&w.stage).ok())
        .map(|stage| {
            stage
                .items
                .iter()
                .filter(|item| !w.done.contains(&item.id))
                .map(|item| item.id.clone())
                .collect()
        })
        .unwrap_or_default();
    WorkflowFacts {
        template: w.template_id.clone(),
        stage: w.stage.clone(),
        done: w.done.clone(),
        outstanding,
    }
}

fn deadline_facts(d: &DeadlineFactsRow) -> DeadlineFacts {
    DeadlineFacts {
        title: d.title.clone(),
        rule: d.rule.clone(),
        due: iso(d.due),
        open: d.open,
        reminders: i64::from(d.reminders),
        court: d.method != CountingMethod::Calendar,
    }
}

/// Adds one category's documents; a category is first filed on the day, in the firm's zone,
/// of its earliest first version.
fn add_documents(documents: &mut DocumentFacts, d: &DocumentCategoryRow, zone: Tz) {
    *documents.categories.entry(d.category.clone()).or_default() += count(d.documents);
    if d.signed > 0 {
        *documents.signed.entry(d.category.clone()).or_default() += count(d.signed);
    }
    if let Some(first) = d.first_filed {
        let day = first.with_timezone(&zone).date_naive().to_string();
        let entry = documents
            .first_filed
            .entry(d.category.clone())
            .or_insert(day.clone());
        if day < *entry {
            *entry = day;
        }
    }
}

fn time_facts(t: &TimeTotalsRow, currency: Currency, today: NaiveDate) -> TimeFacts {
    TimeFacts {
        unbilled_value: number(t.unbilled_value, currency),
        oldest_unbilled_days: t
            .oldest_unbilled
            .map_or(0, |d| (today - d).num_days().max(0)),
        entries_after_close: count(t.entries_after_close),
        recorded_hours: t.recorded_seconds as f64 / 3600.0,
    }
}

/// The facts of every matter in `inputs`, in the order of its matter rows. Families the store
/// did not read for a matter keep their defaults (a matter without a conflict-check row reads
/// `none`). `templates` must hold every template version the workflow rows name that exists.
pub(crate) fn facts_from_rows(
    mut inputs: ComplianceInputs,
    templates: &Templates,
    setting: FactSetting<'_>,
) -> Result<Vec<GatheredFacts>> {
    let today = setting.today;
    let slots: HashMap<MatterId, usize> = inputs
        .matters
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id, i))
        .collect();
    let slot = |matter: &MatterId| slots.get(matter).copied();
    let currencies: Vec<Currency> = inputs.matters.iter().map(|m| m.billing.currency).collect();
    let today_text = today.to_string();
    let mut out: Vec<GatheredFacts> = std::mem::take(&mut inputs.matters)
        .into_iter()
        .map(|m| GatheredFacts {
            matter: m.id,
            created_at: m.created_at,
            facts: Facts {
                today: today_text.clone(),
                event: setting.event.clone(),
                matter: matter_facts(m, today),
                conflicts: ConflictFacts {
                    status: "none".into(),
                    ..ConflictFacts::default()
                },
                ..Facts::default()
            },
        })
        .collect();
    for p in &inputs.parties {
        if let Some(i) = slot(&p.matter) {
            add_party(&mut out[i].facts, p);
        }
    }
    for w in &inputs.workflows {
        if let Some(i) = slot(&w.matter) {
            out[i].facts.workflow = workflow_facts(w, templates);
        }
    }
    for t in &inputs.tasks {
        if let Some(i) = slot(&t.matter) {
            out[i].facts.tasks = TaskFacts {
                open: count(t.open),
                overdue: count(t.overdue),
            };
        }
    }
    for d in &inputs.deadlines {
        if let Some(i) = slot(&d.matter) {
            out[i].facts.deadlines.push(deadline_facts(d));
        }
    }
    for d in &inputs.documents {
        if let Some(i) = slot(&d.matter) {
            add_documents(&mut out[i].facts.documents, d, setting.zone);
        }
    }
    for t in &inputs.time {
        if let Some(i) = slot(&t.matter) {
            out[i].facts.time = time_facts(t, currencies[i], today);
        }
    }
    for b in &inputs.bills {
        if let Some(i) = slot(&b.matter) {
            out[i].facts.bills = BillFacts {
                issued: count(b.issued),
                outstanding: number(b.outstanding, currencies[i]),
            };
        }
    }
    let mut ledgers: Vec<Vec<&LedgerFactsRow>> = vec![Vec::new(); out.len()];
    for l in &inputs.client_money {
        if let Some(i) = slot(&l.matter) {
            ledgers[i].push(l);
        }
    }
    for (i, mine) in ledgers.iter().enumerate() {
        client_money(&mut out[i].facts, currencies[i], mine)?;
    }
    for check in &inputs.conflict_checks {
        if let Some(i) = slot(&check.matter) {
            out[i].facts.conflicts = conflict_facts(check);
        }
    }
    Ok(out)
}
