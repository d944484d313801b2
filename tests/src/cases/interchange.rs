//! Interchange through the services: a user's and a matter's calendar as iCalendar, contacts
//! to vCard and back.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::ErrorCode;
use lexcase::appointments::{Attendee, NewAppointment, OccurrenceChange, Schedule};
use lexcase::contacts::{Email, NewContact};
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::interchange::contentline::unfold;
use lexcase::store::Page;
use lexcase::tasks::{Assignee, NewTask, TaskDue};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A series with a moved and a cancelled occurrence, a deadline with reminders and a task
/// come out as VEVENTs (RRULE, EXDATE, RECURRENCE-ID, VTIMEZONE) and VTODOs with VALARMs.
pub fn calendars_export_as_icalendar(store: SharedStore) {
    let f = Fixture::new(store);
    let me = f.fee_earner.actor_id();
    let m = f.matter("Smith v Jones");
    let mut new = NewAppointment::new(
        "Case conference, Smith; Jones",
        Schedule::timed(
            at("2026-12-01T09:00:00"),
            at("2026-12-01T10:00:00"),
            "Europe/London",
        ),
    );
    new.matter = Some(m.id);
    new.recurrence = Some("FREQ=WEEKLY;COUNT=3".into());
    new.attendees = vec![Attendee::User(f.partner.actor_id())];
    new.reminders = vec![30];
    let cal = f.fee_earner.appointments();
    let series = cal.create(new).unwrap();
    let series = cal
        .change_occurrence(
            series.id,
            series.version,
            at("2026-12-08T09:00:00"),
            OccurrenceChange::Cancelled,
        )
        .unwrap();
    cal.change_occurrence(
        series.id,
        series.version,
        at("2026-12-15T09:00:00"),
        OccurrenceChange::Changed {
            schedule: Some(Schedule::timed(
                at("2026-12-16T09:00:00"),
                at("2026-12-16T10:00:00"),
                "Europe/London",
            )),
            title: None,
            location: None,
        },
    )
    .unwrap();
    let deadline = f
        .fee_earner
        .docket()
        .add(NewDeadline {
            responsible: Some(me),
            ..NewDeadline::new(
                m.id,
                builtin_rule("sdlt-return").unwrap(),
                DeadlineTrigger::Date {
                    date: day("2026-12-01"),
                },
            )
        })
        .unwrap();
    f.fee_earner
        .tasks()
        .create(NewTask {
            matter: Some(m.id),
            title: "Send draft to client".into(),
            assignee: Some(Assignee::User(me)),
            due: Some(TaskDue::On {
                date: day("2026-12-10"),
            }),
            ..NewTask::default()
        })
        .unwrap();

    let ics = f
        .fee_earner
        .interchange()
        .user_calendar(me, day("2026-12-01"), day("2026-12-31"))
        .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75), "folded");
    let text = unfold(&ics);
    let uid = format!("UID:{}@lexcase", series.id);
    assert_eq!(
        text.matches(&uid).count(),
        2,
        "the series and its moved occurrence"
    );
    for expected in [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        "EXDATE;TZID=Europe/London:20261208T090000",
        "RECURRENCE-ID;TZID=Europe/London:20261215T090000",
        "DTSTART;TZID=Europe/London:20261216T090000",
        "SUMMARY:Case conference\\, Smith\\; Jones",
        "ATTENDEE;CN=Pat Partner:mailto:pat.partner@smith.example",
        "TRIGGER:-PT30M",
        &format!("UID:{}-{}@lexcase", m.id, deadline.id),
        "DUE;VALUE=DATE:20261215",
        "TRIGGER;RELATED=END:-P7D",
        "SUMMARY:Send draft to client",
        "DUE;VALUE=DATE:20261210",
        "DTSTAMP:20261127T100000Z",
    ] {
        assert!(text.contains(expected), "missing {expected}\n{text}");
    }
    let matter_ics = f.partner.interchange().matter_calendar(m.id).unwrap();
    assert!(unfold(&matter_ics).contains(&uid));
    assert_invalid(
        f.fee_earner
            .interchange()
            .user_calendar(me, day("2026-12-31"), day("2026-12-01")),
        "to",
    );
}

/// Contacts go out as vCard 4.0 and come back as new contacts with their notes; a bad card
/// imports nothing.
pub fn contacts_round_trip_through_vcard(store: SharedStore) {
    let f = Fixture::new(store);
    let mut new = NewContact::person("José", "García");
    new.emails = vec![Email::new("jose@example.com", Some("work")).unwrap()];
    let jose = f.admin.contacts().create(new).unwrap();
    let vcf = f
        .paralegal
        .interchange()
        .export_contacts(&[jose.id])
        .unwrap();
    assert!(vcf.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    assert!(vcf.contains("FN:José García"));
    let with_note = vcf.replace(
        "END:VCARD",
        "NOTE:Met at the Law Society dinner\\, 2026\r\nEND:VCARD",
    );
    let imported = f.admin.interchange().import_contacts(&with_note).unwrap();
    assert_eq!(imported.len(), 1);
    let copy = &imported[0];
    assert_ne!(copy.id, jose.id);
    assert_eq!(
        (copy.given_name.as_deref(), copy.family_name.as_deref()),
        (Some("José"), Some("García"))
    );
    assert_eq!(copy.emails, jose.emails);
    let notes = f
        .admin
        .notes()
        .for_contact(copy.id, Page::default())
        .unwrap();
    assert_eq!(notes.items[0].body, "Met at the Law Society dinner, 2026");

    let before = f.audit_len();
    let bad = format!("{vcf}BEGIN:VCARD\r\nVERSION:4.0\r\nN:Nobody;;;;\r\nEND:VCARD\r\n");
    assert_invalid(f.admin.interchange().import_contacts(&bad), "vcard");
    assert_code(
        f.read_only.interchange().import_contacts(&vcf),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        f.admin
            .interchange()
            .export_contacts(&[lexcase::ContactId::new()]),
        ErrorCode::NotFound,
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
}
