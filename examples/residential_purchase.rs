//! A residential purchase in England & Wales, from instruction to post-completion, on the
//! built-in Protocol template: each stage's checklist is worked (tasks completed, documents
//! filed, searches recorded, key dates set) and the status report is printed at every stage.
//!
//! Run with `cargo run --example residential_purchase` (an in-memory firm; nothing is written).

use std::error::Error;
use std::sync::Arc;

use chrono::NaiveDate;
use lexcase::MatterId;
use lexcase::access::{Role, Visibility};
use lexcase::calendar::HolidayList;
use lexcase::contacts::NewContact;
use lexcase::documents::NewDocument;
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, MatterRole, NewMatter, TeamMember};
use lexcase::money::Currency;
use lexcase::notes::NoteSubject;
use lexcase::service::{Firm, Session};
use lexcase::store::{MemoryBlobStore, Page};
use lexcase::tasks::TaskStatus;
use lexcase::users::NewUser;
use lexcase::workflow::{ItemKind, MoveOutcome, StatusReport};
use lexcase_sqlite::SqliteStore;

type AnyResult<T> = Result<T, Box<dyn Error>>;

fn user(name: &str, email: &str, role: Role) -> NewUser {
    NewUser {
        name: name.into(),
        email: email.into(),
        role,
        default_rate: None,
        rate_currency: None,
        timekeeper_code: None,
    }
}

fn print_report(r: &StatusReport) {
    println!(
        "   [{} v{}] stage {}/{}: {}",
        r.template_name, r.template_version, r.stage_position.0, r.stage_position.1, r.stage_name
    );
    println!(
        "     done {} item(s), outstanding {}",
        r.done.len(),
        r.outstanding.len()
    );
    for item in r.outstanding.iter().take(4) {
        println!("       - {}", item.title);
    }
    match (&r.next_stage, r.blockers.is_empty()) {
        (Some(next), true) => println!("     ready to move to {next}"),
        (Some(next), false) => println!("     {} blocker(s) before {next}", r.blockers.len()),
        (None, _) => println!("     final stage"),
    }
}

/// Completes every outstanding item of the current stage the way a team would: tasks are
/// completed, documents filed, searches and confirmations ticked, key dates set.
fn work_the_stage(s: &Session, matter: MatterId, dates: &[(&str, NaiveDate)]) -> AnyResult<()> {
    let report = s.workflow().report(matter)?;
    for item in report
        .outstanding
        .iter()
        .filter(|i| i.stage == report.stage)
    {
        let progress = s.workflow().get(matter)?;
        if progress.items.contains_key(&item.item) {
            continue;
        }
        match &item.kind {
            ItemKind::Task { .. } => {
                let tasks = s.tasks().for_matter(matter, Page::first(200)?)?;
                if let Some(task) = tasks
                    .items
                    .into_iter()
                    .find(|t| t.checklist_item.as_deref() == Some(item.item.as_str()))
                {
                    s.tasks()
                        .set_status(task.id, task.version, TaskStatus::Complete)?;
                    println!("     task done: {}", item.title);
                }
            }
            ItemKind::Document { category } => {
                let new = NewDocument {
                    matter,
                    name: item.title.clone(),
                    category: category.clone(),
                    media_type: "application/pdf".into(),
                };
                s.documents().add(
                    new,
                    format!("%PDF {category}").as_bytes(),
                    Some(&item.title),
                )?;
                println!("     filed: {}", item.title);
            }
            ItemKind::KeyDate { name } => {
                let date = dates.iter().find(|(n, _)| n == name).map(|(_, d)| *d);
                if let Some(date) = date {
                    let m = s.matters().get(matter)?;
                    s.matters()
                        .set_key_date(matter, m.version, name, Some(date))?;
                    println!("     key date {name}: {date}");
                }
            }
            ItemKind::Search { name } => {
                s.workflow().complete_item(
                    matter,
                    progress.version,
                    &item.item,
                    Some(&format!("{name} result filed")),
                )?;
                println!("     search back: {name}");
            }
            ItemKind::Confirmation => {
                s.workflow()
                    .complete_item(matter, progress.version, &item.item, None)?;
                println!("     confirmed: {}", item.title);
            }
        }
    }
    Ok(())
}

fn main() -> AnyResult<()> {
    let firm = Firm::with_clock(
        Arc::new(SqliteStore::open_in_memory()?),
        Arc::new(lexcase::clock::SystemClock),
    )
    .with_blobs(Arc::new(MemoryBlobStore::new()));
    let setup = FirmSetup {
        name: "Harbour & Vale LLP".into(),
        default_currency: "GBP".into(),
        matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
        time_zone: "Europe/London".into(),
    };
    let admin = firm.initialise(
        &setup,
        &user("Ada Admin", "ada@harbour.example", Role::Admin),
    )?;
    let admin = firm.session(admin.id)?;
    let settings = admin.settings().get()?;
    let holidays = [
        "2026-12-25",
        "2026-12-28",
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
    ]
    .iter()
    .map(|d| d.parse::<NaiveDate>())
    .collect::<Result<Vec<_>, _>>()?;
    admin.settings().set_holidays(
        settings.version,
        Some(HolidayList::new("england-wales", holidays)?),
    )?;
    let daniel = admin.users().create(&user(
        "Daniel Okafor",
        "daniel@harbour.example",
        Role::FeeEarner,
    ))?;
    let sophie = admin.users().create(&user(
        "Sophie Turner",
        "sophie@harbour.example",
        Role::Paralegal,
    ))?;
    let s = firm.session(daniel.id)?;
    let client = s.contacts().create(NewContact::person("Amelia", "Hart"))?;
    let matter = s.matters().create(NewMatter {
        title: "Purchase of 12 Acacia Avenue, Bath".into(),
        description: "Freehold, with a mortgage from Northbank".into(),
        practice_area: "conveyancing".into(),
        clients: vec![client.id],
        responsible: daniel.id,
        originating: None,
        billing: BillingKind::FixedFee,
        currency: Some(Currency::parse("GBP")?),
        visibility: Visibility::Firm,
        team: vec![TeamMember {
            user: sophie.id,
            role: MatterRole::Paralegal,
        }],
        key_dates: Default::default(),
    })?;
    let m = s.matters().open(matter.id, matter.version)?;
    println!("{} {} opened", m.number, m.title);
    let w = s.workflow().start(m.id, "ew-residential-purchase", None)?;
    println!("started on {} v{}\n", w.template_id, w.template_version);

    let completion = NaiveDate::from_ymd_opt(2027, 4, 7).ok_or("date")?;
    let exchange = NaiveDate::from_ymd_opt(2027, 3, 24).ok_or("date")?;
    let dates = [("completion", completion), ("exchange", exchange)];
    loop {
        print_report(&s.workflow().report(m.id)?);
        work_the_stage(&s, m.id, &dates)?;
        let report = s.workflow().report(m.id)?;
        let Some(next) = report.next_stage else { break };
        let progress = s.workflow().get(m.id)?;
        match s
            .workflow()
            .move_to(m.id, progress.version, &next, None)?
            .outcome
        {
            MoveOutcome::Moved(step) => println!("   → moved to {} ({})\n", step.to, step.kind),
            MoveOutcome::Blocked(blockers) => {
                for b in &blockers {
                    println!("   blocked: {}", b.message);
                }
                return Err("the stage gate stayed blocked".into());
            }
        }
    }
    print_report(&s.workflow().report(m.id)?);
    let note = s.notes().add(
        NoteSubject::Matter(m.id),
        "Completed; SDLT return and AP1 diarised.",
    )?;
    println!("\nnote: {}", note.body);
    let tasks = s.tasks().for_matter(m.id, Page::first(100)?)?;
    println!("{} task(s) on the matter:", tasks.total);
    for t in &tasks.items {
        let due = t
            .due_date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        println!("   {:<11} due {due}  {}", t.status, t.title);
    }
    let verified = admin.audit().verify()?;
    println!(
        "\naudit chain: {} events, intact: {}",
        verified.events_checked,
        verified.is_intact()
    );
    Ok(())
}
