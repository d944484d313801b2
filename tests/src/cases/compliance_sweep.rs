//! The compliance sweep at scale, checked for meaning: the facts a sweep reads for a batch of
//! matters (one grouped query per fact family) are exactly the facts gathered one matter at a
//! time by a brute-force reference that reads every record whole; the sweep's findings are
//! each matter's own evaluation; and the sweep covers exactly the matters the actor may see
//! that are not archived.

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeZone, Utc};
use lexcase::MatterId;
use lexcase::access::Visibility;
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::client_money::{ClientMoneyEntryKind, NewClientMoneyEntry};
use lexcase::contacts::{IdentityStatus, VerificationMethod};
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::documents::{DocumentStatus, NewDocument};
use lexcase::firm::{CustomFieldDefinition, CustomFieldKind};
use lexcase::matters::{CustomValue, Matter, MatterStatus, PartyRole};
use lexcase::money::{Currency, Money};
use lexcase::rules::Facts;
use lexcase::service::{DraftRequest, MatterFilter};
use lexcase::store::Page;
use lexcase::tasks::{NewTask, TaskDue, TaskStatus};
use lexcase::timekeeping::{Billability, NewTimeEntry};

use super::compliance_reference::reference_facts;
use crate::fixture::{Fixture, SharedStore};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn gbp(s: &str) -> Money {
    Money::new(
        s.parse().unwrap(),
        Currency::parse("GBP").unwrap(),
        "amount",
    )
    .unwrap()
}

/// The matters of the case, each with data in different fact families.
pub(crate) struct Matters {
    purchase: Matter,
    litigation: Matter,
    closed: Matter,
    team_only: Matter,
    archived: Matter,
    pending: Matter,
}

/// A conveyancing purchase with something in every fact family: two clients (one verified,
/// one organisation not), a seller, a workflow with an item done, open, overdue and finished
/// tasks, a court and a calendar deadline, documents in two categories (one signed), old and
/// new unbilled time and non-billable time, an issued invoice, client money in and out, a
/// conflict check, a custom field and key dates.
fn purchase(f: &Fixture) -> Matter {
    let fe = f.fee_earner.matters();
    let olive = f.person("Olive", "Quartermaine");
    let contact = f.admin.contacts().get(olive.id).unwrap();
    f.admin
        .contacts()
        .record_identity_verification(
            olive.id,
            contact.version,
            IdentityStatus::Verified,
            Some(day("2026-10-01")),
            Some(VerificationMethod::Electronic),
        )
        .unwrap();
    let acme = f.organisation("Quillfeather Holdings Ltd");
    let seller = f.person("Silas", "Vandersloot");
    let m = fe
        .create(f.new_matter("Purchase of 1 Elm Road", vec![olive.id, acme.id]))
        .unwrap();
    let m = fe
        .add_party(
            m.id,
            m.version,
            seller.id,
            PartyRole::OpposingParty,
            None,
            None,
        )
        .unwrap();
    f.fee_earner.conflicts().run(m.id).unwrap();
    let m = fe.open(m.id, m.version).unwrap();
    let settings = f.admin.settings().get().unwrap();
    let def = CustomFieldDefinition::new("lender_ref", "Lender ref", CustomFieldKind::Text, vec![])
        .unwrap();
    f.admin
        .settings()
        .define_custom_field(settings.version, def)
        .unwrap();
    let m = fe
        .set_custom_field(
            m.id,
            m.version,
            "lender_ref",
            Some(CustomValue::Text("MORT-7".into())),
        )
        .unwrap();
    let m = fe
        .set_key_date(m.id, m.version, "completion", Some(day("2026-11-02")))
        .unwrap();
    let m = fe
        .set_key_date(
            m.id,
            m.version,
            "search_priority_expires",
            Some(day("2026-11-20")),
        )
        .unwrap();

    let w = f
        .fee_earner
        .workflow()
        .start(m.id, "ew-residential-purchase", None)
        .unwrap();
    f.fee_earner
        .workflow()
        .complete_item(m.id, w.version, "conflict_check", None)
        .unwrap();

    let tasks = f.fee_earner.tasks();
    let task = |title: &str, due: &str| {
        tasks
            .create(NewTask {
                matter: Some(m.id),
                title: title.into(),
                due: Some(TaskDue::On { date: day(due) }),
                ..NewTask::default()
            })
            .unwrap()
    };
    task("Chase the lender", "2026-11-01");
    task("Report on title", "2026-12-15");
    let done = task("Send client care letter", "2026-10-01");
    tasks
        .set_status(done.id, done.version, TaskStatus::Complete)
        .unwrap();

    let docket = f.fee_earner.docket();
    docket
        .add(NewDeadline::new(
            m.id,
            builtin_rule("cpr-acknowledgment-of-service").unwrap(),
            DeadlineTrigger::Date {
                date: day("2026-11-30"),
            },
        ))
        .unwrap();
    docket
        .add(NewDeadline {
            reminders: Some(vec![]),
            ..NewDeadline::new(
                m.id,
                builtin_rule("sdlt-return").unwrap(),
                DeadlineTrigger::Date {
                    date: day("2026-11-02"),
                },
            )
        })
        .unwrap();
    docket
        .add(NewDeadline::new(
            m.id,
            builtin_rule("cpr-defence").unwrap(),
            DeadlineTrigger::KeyDate {
                name: "particulars_served".into(),
            },
        ))
        .unwrap();

    let docs = f.paralegal.documents();
    let doc = |name: &str, category: &str| {
        docs.add(
            NewDocument {
                matter: m.id,
                name: name.into(),
                category: category.into(),
                media_type: "application/pdf".into(),
            },
            name.as_bytes(),
            None,
        )
        .unwrap()
    };
    // Filed late in the evening, London time: the filing day is the next day in the zone.
    f.clock
        .set(Utc.with_ymd_and_hms(2026, 7, 31, 23, 30, 0).unwrap());
    doc("Engagement letter", "engagement_letter");
    f.clock.set(crate::fixture::start_instant());
    let signed = doc("Engagement letter, signed", "engagement_letter");
    let signed = docs
        .set_status(signed.id, signed.version, DocumentStatus::Final)
        .unwrap();
    docs.set_status(signed.id, signed.version, DocumentStatus::Signed)
        .unwrap();
    doc("SDLT return", "SDLT5");

    let time = f.fee_earner.time();
    time.record(NewTimeEntry::new(
        m.id,
        day("2026-07-01"),
        3600,
        "Initial advice",
    ))
    .unwrap();
    time.record(NewTimeEntry::new(m.id, day("2026-11-20"), 1800, "Searches"))
        .unwrap();
    let mut internal = NewTimeEntry::new(m.id, day("2026-11-21"), 601, "File review");
    internal.billability = Billability::NonBillable;
    time.record(internal).unwrap();
    let bill = f
        .accounts
        .bills()
        .draft(DraftRequest {
            client: olive.id,
            matters: vec![m.id],
            period_from: day("2026-11-15"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: "Searches".into(),
        })
        .unwrap();
    let bill = f
        .accounts
        .bills()
        .transition(bill.id, bill.version, BillStatus::Approved)
        .unwrap();
    f.accounts.bills().issue(bill.id, bill.version).unwrap();

    let money = f.accounts.client_money();
    let entry = |client, kind, amount: &str| NewClientMoneyEntry {
        matter: m.id,
        client,
        kind,
        amount: gbp(amount).into(),
        date: day("2026-11-20"),
        reference: String::new(),
        counterparty: "Bank".into(),
        description: "Funds".into(),
        bill: None,
        reverses: None,
    };
    money
        .record(
            entry(olive.id, ClientMoneyEntryKind::Receipt, "1000.10"),
            None,
        )
        .unwrap();
    money
        .record(
            entry(olive.id, ClientMoneyEntryKind::Payment, "200.05"),
            None,
        )
        .unwrap();
    money
        .record(entry(acme.id, ClientMoneyEntryKind::Receipt, "50"), None)
        .unwrap();
    f.fee_earner.matters().get(m.id).unwrap()
}

pub(crate) fn build(f: &Fixture) -> Matters {
    let fe = f.fee_earner.matters();
    let purchase = purchase(f);

    // Litigation opened over the conflict gate, walled off from the second fee earner.
    let client = f.person("Ravi", "Underhill");
    let mut new = f.new_matter("Underhill v Crane", vec![client.id]);
    new.practice_area = "Litigation".into();
    let m = fe.create(new).unwrap();
    let m = f
        .partner
        .matters()
        .open_overriding(m.id, m.version, "injunction hearing tomorrow")
        .unwrap();
    let m = f
        .partner
        .matters()
        .add_ethical_wall(m.id, m.version, f.fee_earner2.actor_id(), "acted for Crane")
        .unwrap();
    f.fee_earner
        .time()
        .record(NewTimeEntry::new(
            m.id,
            day("2026-11-25"),
            900,
            "Draft claim",
        ))
        .unwrap();
    let litigation = fe.get(m.id).unwrap();

    // Closed, then time recorded after the closing day.
    let client = f.person("Cora", "Ashdown");
    let m = fe
        .create(f.new_matter("Sale of 9 Mill Lane", vec![client.id]))
        .unwrap();
    f.fee_earner.conflicts().run(m.id).unwrap();
    let m = fe.open(m.id, m.version).unwrap();
    let m = fe.close(m.id, m.version, None).unwrap();
    f.fee_earner
        .time()
        .record(NewTimeEntry::new(m.id, day("2026-12-01"), 300, "Late call"))
        .unwrap();
    let closed = fe.get(m.id).unwrap();

    // Team-only: the second fee earner is not on the team.
    let client = f.person("Tamsin", "Oakes");
    let mut new = f.new_matter("Confidential merger", vec![client.id]);
    new.visibility = Visibility::Team;
    let team_only = fe.create(new).unwrap();

    // Archived: never swept.
    let client = f.person("Arlo", "Finch");
    let m = fe
        .create(f.new_matter("Abandoned purchase", vec![client.id]))
        .unwrap();
    let archived = f.partner.matters().archive(m.id, m.version, None).unwrap();
    assert_eq!(archived.status, MatterStatus::Archived);

    let pending = f.matter("Pending instructions");
    Matters {
        purchase,
        litigation,
        closed,
        team_only,
        archived,
        pending,
    }
}

/// Every page of facts a session's sweep covers, `limit` at a time.
fn all_pages(s: &lexcase::service::Session, limit: u32) -> Vec<Facts> {
    let mut out: Vec<Facts> = Vec::new();
    loop {
        let after = out.last().map(|f| f.matter.id.parse::<MatterId>().unwrap());
        let page = s.compliance().facts_page(after, limit).unwrap();
        if page.is_empty() {
            return out;
        }
        assert!(page.len() <= limit as usize);
        out.extend(page);
    }
}

fn ids(facts: &[Facts]) -> Vec<String> {
    facts.iter().map(|f| f.matter.id.clone()).collect()
}

/// The facts a sweep reads in batches equal, matter for matter, the facts of a brute-force
/// reference and of the single-matter path; the sweep's findings are each matter's own
/// evaluation, newest matter first; archived matters are left out, and a walled or
/// team-excluded user's sweep does not include those matters.
pub fn sweep_facts_match_one_matter_at_a_time(store: SharedStore) {
    let f = Fixture::new(store.clone());
    let all: Vec<String> = lexcase::rules::CompliancePack::builtin()
        .into_iter()
        .map(|p| p.id)
        .collect();
    f.admin.compliance().set_packs_in_force(&all).unwrap();
    let m = build(&f);
    let today = f.firm.today().unwrap();

    // Batches of two (keyset pages) and one batch read the same facts, in id order.
    let paged = all_pages(&f.admin, 2);
    let whole = f.admin.compliance().facts_page(None, 1000).unwrap();
    assert_eq!(paged, whole);
    let mut sorted = ids(&paged);
    sorted.sort_by_key(|id| id.parse::<MatterId>().unwrap());
    assert_eq!(ids(&paged), sorted, "matter id order");
    let swept: BTreeSet<String> = ids(&paged).into_iter().collect();
    let expected: BTreeSet<String> = [
        &m.purchase,
        &m.litigation,
        &m.closed,
        &m.team_only,
        &m.pending,
    ]
    .iter()
    .map(|x| x.id.to_string())
    .collect();
    assert_eq!(swept, expected, "every live matter, none archived");
    assert!(!swept.contains(&m.archived.id.to_string()));

    // Matter for matter: the batch, the single-matter path and the reference agree.
    let references: Vec<Facts> = {
        let tx = store.read().unwrap();
        ids(&paged)
            .iter()
            .map(|id| reference_facts(&*tx, id.parse().unwrap(), today).unwrap())
            .collect()
    };
    for (facts, reference) in paged.iter().zip(&references) {
        assert_eq!(facts, reference, "batched facts of {}", facts.matter.title);
        let id: MatterId = facts.matter.id.parse().unwrap();
        assert_eq!(&f.admin.compliance().facts(id).unwrap(), facts);
    }

    // The case is not vacuous: the purchase has data in every family.
    let p = paged
        .iter()
        .find(|x| x.matter.id == m.purchase.id.to_string())
        .unwrap();
    assert_eq!((p.parties.len(), p.clients.len()), (3, 2));
    assert_eq!(p.clients.iter().filter(|c| c.identity_verified).count(), 1);
    assert_eq!(p.workflow.template, "ew-residential-purchase");
    assert!(p.workflow.done.contains(&"conflict_check".to_string()));
    assert!(!p.workflow.outstanding.is_empty());
    assert!(p.tasks.overdue >= 1 && p.tasks.open > p.tasks.overdue);
    assert_eq!(p.deadlines.len(), 3);
    assert!(p.deadlines.iter().any(|d| d.court && d.reminders > 0));
    assert!(p.deadlines.iter().any(|d| !d.court && d.reminders == 0));
    assert!(p.deadlines.iter().any(|d| d.due.is_empty()));
    assert_eq!(p.documents.categories.get("engagement_letter"), Some(&2));
    assert_eq!(p.documents.signed.get("engagement_letter"), Some(&1));
    assert_eq!(
        p.documents.first_filed.get("engagement_letter"),
        Some(&"2026-08-01".to_string()),
        "filed at 23:30 UTC on 31 July: 1 August in London"
    );
    assert!(p.time.unbilled_value > 0.0 && p.time.oldest_unbilled_days > 90);
    assert_eq!(p.bills.issued, 1);
    assert!(p.bills.outstanding > 0.0);
    assert!(p.client_money.received && p.client_money.lowest_balance == 50.0);
    assert_eq!(p.client_money.balance, 850.05);
    assert_eq!(p.conflicts.status, "clear");
    assert_eq!(
        p.matter.custom.get("lender_ref"),
        Some(&"MORT-7".to_string())
    );
    let closed = paged
        .iter()
        .find(|x| x.matter.id == m.closed.id.to_string())
        .unwrap();
    assert_eq!(closed.time.entries_after_close, 1);

    // The sweep's findings are each matter's own evaluation, newest matter first.
    let sweep = f.admin.compliance().sweep().unwrap();
    for facts in &paged {
        let id: MatterId = facts.matter.id.parse().unwrap();
        let own = f.admin.compliance().evaluate(id).unwrap();
        let found = sweep.iter().find(|c| c.matter == id);
        if own.findings.is_empty() {
            assert!(found.is_none());
        } else {
            assert_eq!(found, Some(&own));
        }
    }
    assert!(sweep.iter().any(|c| c.matter == m.purchase.id));
    assert!(sweep.iter().any(|c| c.matter == m.litigation.id));
    let listed = f
        .admin
        .matters()
        .list(MatterFilter::default(), Page::first(1000).unwrap())
        .unwrap();
    let newest_first: Vec<MatterId> = listed
        .items
        .iter()
        .map(|x| x.id)
        .filter(|id| sweep.iter().any(|c| c.matter == *id))
        .collect();
    assert_eq!(
        sweep.iter().map(|c| c.matter).collect::<Vec<_>>(),
        newest_first
    );

    // Walled off the litigation and not on the team-only matter: neither is swept or read.
    let walled = f.fee_earner2.compliance();
    let theirs = walled.sweep().unwrap();
    assert!(theirs.iter().all(|c| c.matter != m.litigation.id));
    assert!(theirs.iter().all(|c| c.matter != m.team_only.id));
    assert!(theirs.iter().any(|c| c.matter == m.purchase.id));
    let seen: BTreeSet<String> = ids(&all_pages(&f.fee_earner2, 1)).into_iter().collect();
    assert!(!seen.contains(&m.litigation.id.to_string()));
    assert!(!seen.contains(&m.team_only.id.to_string()));
    assert!(seen.contains(&m.purchase.id.to_string()));
    assert!(walled.facts(m.litigation.id).is_err());
}
