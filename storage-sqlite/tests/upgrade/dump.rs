//! The firm as read back through the public API, the way the v9 fixture's generator dumped
//! it (`fixtures/v9/make_v9_fixture.rs`), so that a migrated copy can be compared with
//! `expected.json`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;

use chrono::NaiveDate;
use lexcase::audit::{AuditEvent, EntityKind};
use lexcase::documents::ContentHash;
use lexcase::matters::MatterStatus;
use lexcase::money::Currency;
use lexcase::service::{Firm, MatterFilter, Session};
use lexcase::store::{BillQuery, DeadlineQuery, Page, Paged, TaskQuery, WorkQuery};
use lexcase::timekeeping::TermsScope;
use lexcase::{ContactId, LexcaseError};
use lexcase_sqlite::SCHEMA_VERSION;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Value, json};
use uuid::Uuid;

pub type AnyResult<T> = Result<T, Box<dyn Error>>;

pub const DB_FILE: &str = "firm-v9.lexcase";
pub const ADMIN_EMAIL: &str = "hana.vale@harbourvale.example";
pub const END: &str = "2026-10-30T16:30:00Z";

fn day(s: &str) -> AnyResult<NaiveDate> {
    Ok(s.parse()?)
}

fn dec(s: &str) -> AnyResult<Decimal> {
    Ok(s.parse()?)
}

fn v<T: Serialize>(value: &T) -> AnyResult<Value> {
    Ok(serde_json::to_value(value)?)
}

/// A `None` for a not-found error, the value otherwise.
fn found<T>(result: lexcase::Result<T>) -> AnyResult<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(LexcaseError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Sorts records by the sequence number of the first audit event about them (creation order).
fn by_creation<T>(items: &mut [T], first: &HashMap<Uuid, u64>, id: impl Fn(&T) -> Uuid) {
    items.sort_by_key(|item| (first.get(&id(item)).copied().unwrap_or(u64::MAX), id(item)));
}

/// Fails unless the records listed through the API are exactly those the audit trail created.
fn same_ids(what: &str, listed: impl IntoIterator<Item = Uuid>, audited: &[Uuid]) -> AnyResult<()> {
    let listed: BTreeSet<Uuid> = listed.into_iter().collect();
    let audited: BTreeSet<Uuid> = audited.iter().copied().collect();
    if listed != audited {
        return Err(format!(
            "{what}: the API lists {} record(s), the audit trail names {}",
            listed.len(),
            audited.len()
        )
        .into());
    }
    Ok(())
}

/// The whole firm as the generator dumped it.
pub fn dump(firm: &Firm) -> AnyResult<Value> {
    let admin = firm.session_by_email(ADMIN_EMAIL)?;

    // The full audit trail, paged to the end, and what it says was created.
    let mut events: Vec<AuditEvent> = Vec::new();
    let mut cursor = 0;
    loop {
        let batch = admin.audit().changes_since(cursor, 1000)?;
        events.extend(batch.events);
        cursor = batch.next_cursor;
        if !batch.more {
            break;
        }
    }
    let head = firm.store().read()?.audit_head()?;
    let head_seq = head.as_ref().map_or(0, |h| h.seq);
    if events.len() as u64 != head_seq
        || events
            .iter()
            .enumerate()
            .any(|(i, e)| e.seq != i as u64 + 1)
    {
        return Err("the administrator's change feed is not the whole chain".into());
    }
    let mut first: HashMap<Uuid, u64> = HashMap::new();
    let mut of_kind: BTreeMap<&'static str, Vec<Uuid>> = BTreeMap::new();
    for e in &events {
        if e.entity_id.is_nil() {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = first.entry(e.entity_id) {
            slot.insert(e.seq);
            of_kind
                .entry(e.entity_kind.as_str())
                .or_default()
                .push(e.entity_id);
        }
    }
    let audited = |kind: EntityKind| of_kind.get(kind.as_str()).cloned().unwrap_or_default();

    let users = Paged::collect_all(|p| admin.users().list(p))?;
    let contacts = Paged::collect_all(|p| admin.contacts().search("", None, p))?;
    same_ids(
        "users",
        users.iter().map(|u| u.id.into()),
        &audited(EntityKind::User),
    )?;
    let created_contacts: Vec<Uuid> = events
        .iter()
        .filter(|e| {
            e.entity_kind == EntityKind::Contact
                && (e.action == "contact.created" || e.action == "contact.imported")
        })
        .map(|e| e.entity_id)
        .collect();
    same_ids(
        "contacts",
        contacts.iter().map(|c| c.id.into()),
        &created_contacts,
    )?;

    let mut matters = Paged::collect_all(|p| admin.matters().list(MatterFilter::default(), p))?;
    matters.sort_by(|a, b| a.number.cmp(&b.number));
    let created_matters: Vec<Uuid> = events
        .iter()
        .filter(|e| e.action == "matter.created")
        .map(|e| e.entity_id)
        .collect();
    same_ids(
        "matters",
        matters.iter().map(|m| m.id.into()),
        &created_matters,
    )?;

    let mut matter_dumps = Vec::new();
    let mut notes = Vec::new();
    let mut documents = Vec::new();
    let mut communications = Vec::new();
    let mut trust = Vec::new();
    for m in &matters {
        let workflow = found(admin.workflow().get(m.id))?;
        let report = match &workflow {
            Some(_) => Some(v(&admin.workflow().report(m.id)?)?),
            None => None,
        };
        let terms = admin.time().terms(TermsScope::Matter(m.id))?;
        matter_dumps.push(json!({
            "matter": v(m)?,
            "workflow": v(&workflow)?,
            "workflow_report": report,
            "conflict_check": v(&admin.conflicts().get(m.id)?)?,
            "rule_overrides": v(&admin.compliance().overrides(m.id)?)?,
            "billing_terms": if terms.version > 0 { v(&terms)? } else { Value::Null },
        }));
        notes.extend(Paged::collect_all(|p| admin.notes().for_matter(m.id, p))?);
        documents.extend(Paged::collect_all(|p| {
            admin.documents().for_matter(m.id, p)
        })?);
        communications.extend(Paged::collect_all(|p| {
            admin.communications().of_matter(m.id, p)
        })?);
        trust.extend(admin.client_money().entries(m.id)?);
    }
    let mut client_terms = Vec::new();
    for c in &contacts {
        notes.extend(Paged::collect_all(|p| admin.notes().for_contact(c.id, p))?);
        let terms = admin.time().terms(TermsScope::Client(c.id))?;
        if terms.version > 0 {
            client_terms.push(v(&terms)?);
        }
    }
    communications.extend(Paged::collect_all(|p| admin.communications().unfiled(p))?);

    let mut tasks = Paged::collect_all(|p| admin.tasks().list(TaskQuery::default(), p))?;
    by_creation(&mut tasks, &first, |t| t.id.into());
    same_ids(
        "tasks",
        tasks.iter().map(|t| t.id.into()),
        &audited(EntityKind::Task),
    )?;
    by_creation(&mut notes, &first, |n| n.id.into());
    same_ids(
        "notes",
        notes.iter().map(|n| n.id.into()),
        &audited(EntityKind::Note),
    )?;
    by_creation(&mut documents, &first, |d| d.id.into());
    same_ids(
        "documents",
        documents.iter().map(|d| d.id.into()),
        &audited(EntityKind::Document),
    )?;
    // Every version's contents read back from the blob store and match their hash.
    let mut blob_hashes = BTreeSet::new();
    for d in &documents {
        for version in &d.versions {
            let bytes = admin.documents().contents(d.id, Some(version.number))?;
            if ContentHash::of(&bytes) != version.hash || bytes.len() as u64 != version.size {
                return Err(format!(
                    "document {} version {} does not read back",
                    d.id, version.number
                )
                .into());
            }
            blob_hashes.insert(version.hash.as_str().to_owned());
        }
    }
    by_creation(&mut communications, &first, |c| c.id.into());
    same_ids(
        "communications",
        communications.iter().map(|c| c.id.into()),
        &audited(EntityKind::Communication),
    )?;
    for c in &communications {
        if let Some(raw) = &c.raw {
            if ContentHash::of(&admin.communications().raw_message(c.id)?) != *raw {
                return Err("an email original does not read back".into());
            }
            blob_hashes.insert(raw.as_str().to_owned());
        }
        for (i, a) in c.attachments.iter().enumerate() {
            if ContentHash::of(&admin.communications().attachment(c.id, i)?) != a.hash {
                return Err("an attachment does not read back".into());
            }
            blob_hashes.insert(a.hash.as_str().to_owned());
        }
    }

    let mut appointments = audited(EntityKind::Appointment)
        .into_iter()
        .map(|id| admin.appointments().get(id.into()))
        .collect::<lexcase::Result<Vec<_>>>()?;
    by_creation(&mut appointments, &first, |a| a.id.into());

    let mut deadlines = Paged::collect_all(|p| admin.docket().list(&DeadlineQuery::default(), p))?;
    by_creation(&mut deadlines, &first, |d| d.id.into());
    same_ids(
        "deadlines",
        deadlines.iter().map(|d| d.id.into()),
        &audited(EntityKind::Deadline),
    )?;

    let mut time_entries = Paged::collect_all(|p| admin.time().list(&WorkQuery::default(), p))?;
    by_creation(&mut time_entries, &first, |e| e.id.into());
    same_ids(
        "time entries",
        time_entries.iter().map(|e| e.id.into()),
        &audited(EntityKind::TimeEntry),
    )?;
    let mut expenses = Paged::collect_all(|p| admin.time().expenses(&WorkQuery::default(), p))?;
    by_creation(&mut expenses, &first, |e| e.id.into());
    same_ids(
        "expenses",
        expenses.iter().map(|e| e.id.into()),
        &audited(EntityKind::Expense),
    )?;

    let mut timers = Vec::new();
    for u in users.iter().filter(|u| u.active) {
        if let Some(timer) = firm.session(u.id)?.time().timer()? {
            timers.push(v(&timer)?);
        }
    }

    let mut bills = Paged::collect_all(|p| admin.bills().list(&BillQuery::default(), p))?;
    by_creation(&mut bills, &first, |b| b.id.into());
    same_ids(
        "bills",
        bills.iter().map(|b| b.id.into()),
        &audited(EntityKind::Bill),
    )?;
    let mut payments = audited(EntityKind::Payment)
        .into_iter()
        .map(|id| admin.payments().get(id.into()))
        .collect::<lexcase::Result<Vec<_>>>()?;
    by_creation(&mut payments, &first, |p| p.id.into());
    by_creation(&mut trust, &first, |e| e.id.into());
    same_ids(
        "client-money entries",
        trust.iter().map(|e| e.id.into()),
        &audited(EntityKind::ClientMoney),
    )?;
    // Reconciliations have no list in the API: the audit trail keeps each record.
    let reconciliations: Vec<Value> = events
        .iter()
        .filter(|e| e.action == "client_money.reconciled")
        .map(|e| json!({ "seq": e.seq, "changes": e.changes }))
        .collect();

    // Service-level results for a regression check (none of them reads the clock).
    let gbp_currency = Currency::parse("GBP")?;
    let (wip_matters, wip_users) = admin.reports().wip()?;
    let count = |s: &Session, filter: MatterFilter| -> AnyResult<Value> {
        let page = s.matters().list(filter, Page::default())?;
        Ok(json!({
            "total": page.total,
            "numbers": page.items.iter().map(|m| m.number.clone()).collect::<Vec<_>>(),
        }))
    };
    let by_email = |email: &str| -> AnyResult<Session> { Ok(firm.session_by_email(email)?) };
    let daniel = by_email("daniel.okafor@harbourvale.example")?;
    let priya = by_email("priya.shah@harbourvale.example")?;
    let rita = by_email("rita.reader@harbourvale.example")?;
    let find_contact = |name: &str| -> AnyResult<ContactId> {
        contacts
            .iter()
            .find(|c| c.display_name() == name)
            .map(|c| c.id)
            .ok_or_else(|| format!("no contact {name}").into())
    };
    let acme = find_contact("Acme Widgets Ltd")?;
    let bob = find_contact("Bob Brown")?;
    let jane = find_contact("Jane Smith")?;
    let amelia = find_contact("Amelia Hart")?;
    let daniel_id = daniel.actor_id();
    let mut list_counts = serde_json::Map::new();
    list_counts.insert("all".into(), count(&admin, MatterFilter::default())?);
    for status in [
        MatterStatus::Pending,
        MatterStatus::Open,
        MatterStatus::Closed,
        MatterStatus::Archived,
    ] {
        list_counts.insert(
            format!("status={}", status.as_str()),
            count(
                &admin,
                MatterFilter {
                    status: Some(status),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    for area in ["conveyancing", "Litigation"] {
        list_counts.insert(
            format!("practice_area={area}"),
            count(
                &admin,
                MatterFilter {
                    practice_area: Some(area.into()),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    list_counts.insert(
        "fee_earner=Daniel Okafor".into(),
        count(
            &admin,
            MatterFilter {
                fee_earner: Some(daniel_id),
                ..MatterFilter::default()
            },
        )?,
    );
    for (name, id) in [("Acme Widgets Ltd", acme), ("Bob Brown", bob)] {
        list_counts.insert(
            format!("client={name}"),
            count(
                &admin,
                MatterFilter {
                    client: Some(id),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    for text in ["acacia", "BOREALIS", "marsh", "zoe angstrom", "Zoë"] {
        list_counts.insert(
            format!("text={text}"),
            count(
                &admin,
                MatterFilter {
                    text: Some(text.into()),
                    ..MatterFilter::default()
                },
            )?,
        );
    }
    list_counts.insert(
        "as Priya Shah (walled off one matter)".into(),
        count(&priya, MatterFilter::default())?,
    );
    list_counts.insert(
        "as Rita Reader (read-only, no team-only matters)".into(),
        count(&rita, MatterFilter::default())?,
    );
    list_counts.insert("as Daniel Okafor, mine".into(), {
        let mine = daniel.matters().mine(None, Page::default())?;
        json!({ "total": mine.total, "numbers": mine.items.iter().map(|m| m.number.clone()).collect::<Vec<_>>() })
    });

    let ids =
        |items: Vec<Uuid>| -> Vec<String> { items.into_iter().map(|u| u.to_string()).collect() };
    let note_search = |text: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .notes()
            .search(text, Page::default())?
            .items
            .iter()
            .map(|n| n.id.into())
            .collect())))
    };
    let doc_search = |text: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .documents()
            .search(text, Page::default())?
            .items
            .iter()
            .map(|d| d.id.into())
            .collect())))
    };
    let contact_search = |prefix: &str| -> AnyResult<Value> {
        Ok(json!(ids(admin
            .contacts()
            .search(prefix, None, Page::default())?
            .items
            .iter()
            .map(|c| c.id.into())
            .collect())))
    };
    let m2_id = matters
        .iter()
        .find(|m| m.title == "Acme Widgets v Borealis Corp")
        .map(|m| m.id)
        .ok_or("no litigation matter")?;
    let m1_id = matters
        .iter()
        .find(|m| m.title.starts_with("Purchase of 12 Acacia"))
        .map(|m| m.id)
        .ok_or("no purchase matter")?;
    let service_results = json!({
        "reports": {
            "wip": { "matters": v(&wip_matters)?, "fee_earners": v(&wip_users)? },
            "wip_csv": admin.reports().wip_csv()?,
            "hours_2026-09-01_2026-10-31": v(&admin.reports().hours(day("2026-09-01")?, day("2026-10-31")?, dec("7.5")?)?)?,
            "hours_csv_2026-09-01_2026-10-31": admin.reports().hours_csv(day("2026-09-01")?, day("2026-10-31")?, dec("7.5")?)?,
            "aged_debt_2026-10-31": v(&admin.payments().aged_debt(day("2026-10-31")?, gbp_currency)?)?,
            "aged_debt_2027-01-31": v(&admin.payments().aged_debt(day("2027-01-31")?, gbp_currency)?)?,
            "client_money_balances_2026-09-30": v(&admin.reports().client_money_balances(day("2026-09-30")?)?)?,
            "client_money_balances_2026-10-31": v(&admin.reports().client_money_balances(day("2026-10-31")?)?)?,
        },
        "statements": {
            "Acme Widgets Ltd": v(&admin.payments().statement(acme, gbp_currency)?)?,
            "Jane Smith": v(&admin.payments().statement(jane, gbp_currency)?)?,
            "Bob Brown": v(&admin.payments().statement(bob, gbp_currency)?)?,
            "Amelia Hart": v(&admin.payments().statement(amelia, gbp_currency)?)?,
        },
        "client_money_balances_by_matter": matters
            .iter()
            .map(|m| Ok((m.number.clone(), v(&admin.client_money().balances(m.id)?)?)))
            .collect::<AnyResult<serde_json::Map<String, Value>>>()?,
        "matter_list": list_counts,
        "walled_user_gets_litigation_matter": match priya.matters().get(m2_id) {
            Ok(_) => "visible",
            Err(LexcaseError::NotFound { .. }) => "not_found",
            Err(e) => return Err(e.into()),
        },
        "searches": {
            "notes:exchange": note_search("exchange")?,
            "notes:counterclaim": note_search("counterclaim")?,
            "documents:widgets": doc_search("widgets")?,
            "documents:acacia price": doc_search("acacia price")?,
            "contacts:har": contact_search("har")?,
            "contacts:acme": contact_search("acme")?,
            "conflicts:Acme Widget Limited": v(&admin.conflicts().search(&["Acme Widget Limited".into()], &[])?)?,
            "conflicts:id 07654321": v(&admin.conflicts().search(&[], &["0765 4321".into()])?)?,
        },
        "workflow_stage_counts": v(&admin.workflow().stage_counts()?)?,
        "agenda_daniel_2026-10-01_2026-12-31": v(&admin.appointments().agenda(daniel_id, day("2026-10-01")?, day("2026-12-31")?)?)?,
        "calendar_litigation_2026-10-01_2027-03-31": v(&admin.appointments().of_matter(m2_id, day("2026-10-01")?, day("2027-03-31")?)?)?,
        "clashes_daniel_2026-10-01_2026-12-31": v(&admin.appointments().clashes(daniel_id, day("2026-10-01")?, day("2026-12-31")?)?)?,
        "deadline_reminders_2026-10-01_2027-01-31": v(&admin.docket().reminders(day("2026-10-01")?, day("2027-01-31")?, None)?)?,
        "docket_register_2026-09-21": ids(admin.docket().entered_on(day("2026-09-21")?, Page::default())?.items.iter().map(|d| d.id.into()).collect()),
        "tasks_of_purchase": ids(admin.tasks().for_matter(m1_id, Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "bill_csv": bills
            .iter()
            .filter(|b| b.number.is_some())
            .map(|b| Ok((b.number.clone().unwrap_or_default(), Value::String(admin.bills().csv(b.id)?))))
            .collect::<AnyResult<serde_json::Map<String, Value>>>()?,
        "vcards": admin.interchange().export_contacts(&contacts.iter().map(|c| c.id).collect::<Vec<_>>())?,
    });
    // Results that depend on the clock (the firm's "today"): read with a FixedClock at `END`.
    let clock_dependent = json!({
        "clock": END,
        "compliance_sweep": v(&admin.compliance().sweep()?)?,
        "compliance_purchase": v(&admin.compliance().evaluate(m1_id)?)?,
        "tasks_overdue": ids(admin.tasks().overdue(Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "tasks_due_this_week": ids(admin.tasks().due_this_week(Page::first(200)?)?.items.iter().map(|t| t.id.into()).collect()),
        "workflow_stuck_7_days": v(&admin.workflow().stuck(7, Page::default())?)?,
        "reconciliation_due": v(&admin.client_money().reconciliation_due()?)?,
    });

    // The store's gapless counters have no reader: the numbers issued imply them (both
    // formats end in a four-digit sequence).
    let mut sequences: BTreeMap<String, u64> = BTreeMap::new();
    let numbered = matters
        .iter()
        .map(|m| (String::new(), m.number.clone()))
        .chain(
            bills
                .iter()
                .filter_map(|b| b.number.clone().map(|n| ("bill:".to_owned(), n))),
        );
    for (space, number) in numbered {
        let split = number.len().saturating_sub(4);
        let seq: u64 = number[split..].parse()?;
        let key = format!("{space}{}{{SEQ}}", &number[..split]);
        let last = sequences.entry(key).or_default();
        *last = (*last).max(seq);
    }

    let verification = admin.audit().verify()?;
    Ok(json!({
        "fixture": {
            "lexcase_version": lexcase::VERSION,
            "schema_version": SCHEMA_VERSION,
            "database": DB_FILE,
            "blobs": format!("{DB_FILE}.blobs"),
            "admin_email": ADMIN_EMAIL,
            "read_as": "the administrator (role admin: sees every matter, rates and the audit trail)",
            "order": "records in the order of the first audit event about them, unless noted",
            "blob_files": blob_hashes.len(),
        },
        "firm_settings": v(&admin.settings().get()?)?,
        "sequences_last_issued": sequences,
        "billing_settings": v(&admin.time().billing_settings()?)?,
        "users": v(&users)?,
        "contacts": v(&contacts)?,
        "matters": matter_dumps,
        "workflow_templates": v(&admin.workflow().templates()?)?,
        "tasks": v(&tasks)?,
        "notes": v(&notes)?,
        "documents": v(&documents)?,
        "appointments": v(&appointments)?,
        "deadlines": v(&deadlines)?,
        "communications": v(&communications)?,
        "time_entries": v(&time_entries)?,
        "expenses": v(&expenses)?,
        "timers": timers,
        "billing_terms": { "clients": client_terms },
        "bills": v(&bills)?,
        "payments": v(&payments)?,
        "client_money": v(&trust)?,
        "reconciliations": {
            "latest": v(&firm.store().read()?.latest_reconciliation()?)?,
            "recorded": reconciliations,
        },
        "rule_packs": {
            "installed": v(&firm.store().read()?.installed_rule_packs()?)?,
            "enabled": v(&firm.store().read()?.enabled_rule_packs()?)?,
            "in_force": admin.compliance().packs()?.iter().map(|p| format!("{} v{}", p.id, p.version)).collect::<Vec<_>>(),
        },
        "audit": {
            "head": v(&head)?,
            "verification": v(&verification)?,
            "events": v(&events)?,
        },
        "service_results": service_results,
        "clock_dependent": clock_dependent,
    }))
}
