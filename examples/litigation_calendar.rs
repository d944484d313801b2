//! A US federal civil case in a New York firm's calendar: the hearing and a weekly case
//! meeting, the deadlines computed under FRCP 6 (with their traces) and kept in step with the
//! key date they count from, an email from opposing counsel filed to the matter by its
//! number, and the fee earner's calendar exported as iCalendar.
//!
//! Run with `cargo run --example litigation_calendar` (an in-memory firm; nothing is written).

use std::error::Error;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::access::{Role, Visibility};
use lexcase::appointments::{AppointmentKind, Attendee, NewAppointment, Schedule};
use lexcase::contacts::{Email, NewContact};
use lexcase::deadlines::{RulePack, ServiceMethod, builtin_rule};
use lexcase::docket::{Deadline, DeadlineTrigger, NewDeadline};
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, NewMatter, PartyRole};
use lexcase::money::Currency;
use lexcase::service::Firm;
use lexcase::store::MemoryBlobStore;
use lexcase::users::NewUser;
use lexcase_sqlite::SqliteStore;

type AnyResult<T> = Result<T, Box<dyn Error>>;

fn at(s: &str) -> AnyResult<NaiveDateTime> {
    Ok(s.parse()?)
}

fn day(s: &str) -> AnyResult<NaiveDate> {
    Ok(s.parse()?)
}

fn print_deadline(d: &Deadline) {
    match &d.computed {
        Some(c) => {
            println!("   {} — due {} ({})", d.title, c.due, d.rule.citation);
            for step in &c.trace {
                println!(
                    "       {}  {:<22} {}",
                    step.date, step.provision, step.explanation
                );
            }
        }
        None => println!("   {} — waiting for its trigger", d.title),
    }
}

fn main() -> AnyResult<()> {
    let firm = Firm::with_clock(
        Arc::new(SqliteStore::open_in_memory()?),
        Arc::new(lexcase::clock::SystemClock),
    )
    .with_blobs(Arc::new(MemoryBlobStore::new()));
    let admin = firm.initialise(
        &FirmSetup {
            name: "Hudson & Reyes LLP".into(),
            default_currency: "USD".into(),
            matter_number_format: "{YYYY}-{SEQ:4}".into(),
            time_zone: "America/New_York".into(),
        },
        &NewUser {
            name: "Ana Reyes".into(),
            email: "ana@hudson-reyes.example".into(),
            role: Role::Admin,
            default_rate: None,
            rate_currency: None,
            timekeeper_code: None,
        },
    )?;
    let s = firm.session(admin.id)?;
    let client = s
        .contacts()
        .create(NewContact::organisation("Acme Widgets Inc."))?;
    let mut counsel = NewContact::person("Oliver", "Grant");
    counsel.emails = vec![Email::new("ogrant@grant-law.example", Some("work"))?];
    let counsel = s.contacts().create(counsel)?;
    let matter = s.matters().create(NewMatter {
        title: "Acme Widgets v Borealis Corp".into(),
        description: "Breach of supply contract, S.D.N.Y.".into(),
        practice_area: "litigation".into(),
        clients: vec![client.id],
        responsible: admin.id,
        originating: None,
        billing: BillingKind::Hourly,
        currency: Some(Currency::parse("USD")?),
        visibility: Visibility::Firm,
        team: vec![],
        key_dates: Default::default(),
    })?;
    let matter = s.matters().open(matter.id, matter.version)?;
    let matter = s.matters().add_party(
        matter.id,
        matter.version,
        counsel.id,
        PartyRole::OpposingCounsel,
        None,
        None,
    )?;
    println!("Matter {} — {}", matter.number, matter.title);

    println!("\n1. Calendar");
    let mut conference = NewAppointment::new(
        "Initial pretrial conference",
        Schedule::timed(
            at("2027-01-12T10:00:00")?,
            at("2027-01-12T11:00:00")?,
            "America/New_York",
        ),
    );
    conference.kind = AppointmentKind::Hearing;
    conference.matter = Some(matter.id);
    conference.location = "500 Pearl Street, Courtroom 14A".into();
    conference.reminders = vec![24 * 60, 60];
    s.appointments().create(conference)?;
    let mut meeting = NewAppointment::new(
        "Case team meeting",
        Schedule::timed(
            at("2026-12-07T09:30:00")?,
            at("2026-12-07T10:00:00")?,
            "America/New_York",
        ),
    );
    meeting.kind = AppointmentKind::Meeting;
    meeting.matter = Some(matter.id);
    meeting.recurrence = Some("FREQ=WEEKLY;BYDAY=MO;COUNT=8".into());
    meeting.attendees = vec![Attendee::User(admin.id)];
    s.appointments().create(meeting)?;
    for o in s
        .appointments()
        .agenda(admin.id, day("2026-12-01")?, day("2027-01-31")?)?
    {
        println!("   {}  {}", o.schedule.local_start(), o.title);
    }

    println!("\n2. Deadlines (FRCP 6)");
    // The complaint is served; the answer counts from that key date.
    let answer = s.docket().add(NewDeadline {
        responsible: Some(admin.id),
        ..NewDeadline::new(
            matter.id,
            builtin_rule("frcp-answer").ok_or("built-in rule")?,
            DeadlineTrigger::KeyDate {
                name: "complaint_served".into(),
            },
        )
    })?;
    print_deadline(&answer);
    let m = s.matters().get(matter.id)?;
    s.matters().set_key_date(
        m.id,
        m.version,
        "complaint_served",
        Some(day("2026-12-04")?),
    )?;
    print_deadline(&s.docket().get(answer.id)?);
    // A counterclaim served by mail: FRCP 6(d) adds three days after the 6(a) count.
    let reply = s.docket().add(NewDeadline {
        service: Some(ServiceMethod::Mail),
        ..NewDeadline::new(
            matter.id,
            builtin_rule("frcp-reply-counterclaim").ok_or("built-in rule")?,
            DeadlineTrigger::Date {
                date: day("2026-12-04")?,
            },
        )
    })?;
    print_deadline(&reply);
    let packs: Vec<String> = RulePack::builtin()
        .iter()
        .map(|p| format!("{} ({} rules)", p.id, p.rules.len()))
        .collect();
    println!("   built-in rule packs: {}", packs.join(", "));

    println!("\n3. Email from opposing counsel");
    let raw = format!(
        "From: Oliver Grant <ogrant@grant-law.example>\r\nTo: ana@hudson-reyes.example\r\n\
         Subject: {} — proposed case management plan\r\nDate: Mon, 07 Dec 2026 15:12:00 -0500\r\n\
         Message-ID: <plan-1@grant-law.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Please find our proposed dates below.\r\n",
        matter.number
    );
    let filed = s
        .communications()
        .ingest_email(raw.as_bytes())?
        .communication;
    let place = match filed.matter {
        Some(_) => matter.number.as_str(),
        None => "the unfiled queue",
    };
    let how = filed.filing.map(|f| f.as_str()).unwrap_or("nobody");
    println!(
        "   \"{}\" ({}) filed to {place} by {how}",
        filed.subject, filed.direction
    );

    println!("\n4. iCalendar export");
    let ics = s
        .interchange()
        .user_calendar(admin.id, day("2026-12-01")?, day("2027-01-31")?)?;
    let count = |what: &str| ics.matches(&format!("BEGIN:{what}\r\n")).count();
    println!(
        "   {} bytes: {} VEVENT, {} VTODO, {} VALARM, {} VTIMEZONE",
        ics.len(),
        count("VEVENT"),
        count("VTODO"),
        count("VALARM"),
        count("VTIMEZONE")
    );
    Ok(())
}
