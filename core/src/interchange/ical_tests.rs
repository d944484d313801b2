//! Tests of the iCalendar writer against the RFC 5545 vectors of STANDARDS §9.3.

use chrono::{NaiveDate, TimeZone, Utc};

use super::contentline::unfold;
use super::*;
use crate::error::LexcaseError;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn event(start: IcalTime, end: Option<IcalTime>) -> IcalEvent {
    IcalEvent {
        uid: "19970610T172345Z-AF23B2@example.com".into(),
        dtstamp: utc(1997, 6, 10, 17, 23, 45),
        start,
        end,
        summary: "Bastille Day Party".into(),
        description: None,
        location: None,
        rrule: None,
        exdates: vec![],
        recurrence_id: None,
        status: None,
        attendees: vec![],
        alarms: vec![],
        categories: vec![],
    }
}

fn todo(due: IcalTime) -> IcalTodo {
    IcalTodo {
        uid: "m1-d1@lexcase.example".into(),
        dtstamp: utc(2024, 6, 1, 9, 0, 0),
        due,
        summary: "Response due (FRCP 6)".into(),
        description: None,
        completed: None,
        status: None,
        alarms: vec![],
        categories: vec![],
    }
}

fn ics_of(events: Vec<IcalEvent>, todos: Vec<IcalTodo>) -> String {
    let mut cal = ICalendar::new("-//hacksw/handcal//NONSGML v1.0//EN");
    events.into_iter().for_each(|e| cal.add_event(e).unwrap());
    todos.into_iter().for_each(|t| cal.add_todo(t).unwrap());
    cal.to_ics()
}

fn lines(ics: &str) -> Vec<String> {
    unfold(ics).split("\r\n").map(str::to_owned).collect()
}

#[test]
fn minimal_calendar_matches_rfc_5545_section_3_4() {
    let e = event(
        IcalTime::Utc(utc(1997, 7, 14, 17, 0, 0)),
        Some(IcalTime::Utc(utc(1997, 7, 15, 4, 0, 0))),
    );
    let expected = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hacksw/handcal//NONSGML v1.0//EN\r\n\
        BEGIN:VEVENT\r\nUID:19970610T172345Z-AF23B2@example.com\r\nDTSTAMP:19970610T172345Z\r\n\
        DTSTART:19970714T170000Z\r\nDTEND:19970715T040000Z\r\nSUMMARY:Bastille Day Party\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_eq!(ics_of(vec![e], vec![]), expected);
}

#[test]
fn all_day_event_has_non_inclusive_date_end() {
    // 28 June to 8 July 2007 inclusive.
    let e = event(
        IcalTime::Date(date(2007, 6, 28)),
        Some(IcalTime::Date(date(2007, 7, 9))),
    );
    let l = lines(&ics_of(vec![e], vec![]));
    assert!(l.contains(&"DTSTART;VALUE=DATE:20070628".to_owned()));
    assert!(l.contains(&"DTEND;VALUE=DATE:20070709".to_owned()));
    assert!(!l.iter().any(|l| l.starts_with("DURATION")));
    assert!(!l.iter().any(|l| l.starts_with("BEGIN:VTIMEZONE")));
}

#[test]
fn date_deadline_is_a_todo_with_a_date_due_and_end_related_alarm() {
    let mut t = todo(IcalTime::Date(date(2007, 5, 1)));
    let l = lines(&ics_of(vec![], vec![t.clone()]));
    assert!(l.contains(&"DUE;VALUE=DATE:20070501".to_owned()));
    t.due = IcalTime::Date(date(2024, 6, 20));
    t.alarms = vec![IcalAlarm {
        trigger: AlarmTrigger::BeforeEnd {
            minutes: 3 * 24 * 60,
        },
        description: "Response due in 3 days".into(),
    }];
    t.status = Some(TodoStatus::NeedsAction);
    let l = lines(&ics_of(vec![], vec![t]));
    let from = l.iter().position(|l| l == "BEGIN:VTODO").unwrap();
    assert_eq!(
        l[from..from + 5],
        [
            "BEGIN:VTODO",
            "UID:m1-d1@lexcase.example",
            "DTSTAMP:20240601T090000Z",
            "DUE;VALUE=DATE:20240620",
            "SUMMARY:Response due (FRCP 6)"
        ]
    );
    for needed in [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=END:-P3D",
        "END:VALARM",
        "STATUS:NEEDS-ACTION",
    ] {
        assert!(l.contains(&needed.to_owned()), "{needed}");
    }
}

#[test]
fn display_alarm_thirty_minutes_before_start() {
    let mut e = event(IcalTime::Utc(utc(2026, 12, 1, 9, 0, 0)), None);
    e.alarms = vec![IcalAlarm {
        trigger: AlarmTrigger::BeforeStart { minutes: 30 },
        description: "Hearing in 30 minutes".into(),
    }];
    let l = lines(&ics_of(vec![e], vec![]));
    let at = l.iter().position(|l| l == "BEGIN:VALARM").unwrap();
    assert_eq!(
        l[at..at + 5],
        [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Hearing in 30 minutes",
            "TRIGGER:-PT30M",
            "END:VALARM"
        ]
    );
    assert_eq!(
        AlarmTrigger::BeforeStart { minutes: 90 }.line(),
        "TRIGGER:-PT90M"
    );
    assert_eq!(
        AlarmTrigger::BeforeStart { minutes: 0 }.line(),
        "TRIGGER:PT0M"
    );
}

#[test]
fn long_and_escaped_text_is_folded_and_escaped() {
    let mut e = event(IcalTime::Utc(utc(2026, 12, 1, 9, 0, 0)), None);
    e.summary = "Smith, John; Esq. a:b".into();
    e.description = Some(format!(
        "Project XYZ Final Review\nConference Room - 3B\nCome Prepared. {}",
        "This is a long description that exists on a long line. ".repeat(3)
    ));
    e.location = Some("Room 3B".into());
    e.categories = vec!["Hearing".into(), "A, B".into()];
    let ics = ics_of(vec![e.clone()], vec![]);
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'));
    let l = lines(&ics);
    assert!(l.contains(&"SUMMARY:Smith\\, John\\; Esq. a:b".to_owned()));
    let desc = l.iter().find(|l| l.starts_with("DESCRIPTION:")).unwrap();
    assert!(desc.starts_with(
        "DESCRIPTION:Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared. "
    ));
    assert!(ics.contains("\r\n "), "the long description is folded");
    assert!(l.contains(&"CATEGORIES:Hearing,A\\, B".to_owned()));
}

#[test]
fn zoned_event_gets_tzid_and_vtimezone() {
    let start = NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let london = chrono_tz::Europe::London;
    let mut e = event(
        IcalTime::Zoned(start, london),
        Some(IcalTime::Zoned(start + chrono::Duration::hours(1), london)),
    );
    e.attendees = vec![
        IcalAttendee {
            name: "Smith, Jane".into(),
            email: Some("jane@example.com".into()),
        },
        IcalAttendee {
            name: "Clerk".into(),
            email: None,
        },
    ];
    e.status = Some(EventStatus::Confirmed);
    let ny = NaiveDate::from_ymd_opt(2026, 5, 4)
        .unwrap()
        .and_hms_opt(14, 0, 0)
        .unwrap();
    let mut other = event(IcalTime::Zoned(ny, chrono_tz::America::New_York), None);
    other.uid = "call@example.com".into();
    let l = lines(&ics_of(vec![e, other], vec![]));
    assert!(l.contains(&"DTSTART;TZID=Europe/London:20261201T090000".to_owned()));
    assert!(l.contains(&"DTEND;TZID=Europe/London:20261201T100000".to_owned()));
    assert!(l.contains(&"ATTENDEE;CN=\"Smith, Jane\":mailto:jane@example.com".to_owned()));
    assert!(l.contains(&"ATTENDEE;CN=Clerk:invalid:nomail".to_owned()));
    assert!(l.contains(&"STATUS:CONFIRMED".to_owned()));
    assert_eq!(l.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 2);
    assert!(l.contains(&"TZID:Europe/London".to_owned()));
    assert!(l.contains(&"TZID:America/New_York".to_owned()));
    // New York 2026, inside a VTIMEZONE that precedes the events.
    let tz_at = l.iter().position(|l| l == "TZID:America/New_York").unwrap();
    let dst = l[tz_at..]
        .iter()
        .position(|l| l == "DTSTART:20260308T020000")
        .unwrap()
        + tz_at;
    assert_eq!(l[dst - 1], "BEGIN:DAYLIGHT");
    assert_eq!(
        l[dst + 1..dst + 3],
        ["TZOFFSETFROM:-0500", "TZOFFSETTO:-0400"]
    );
    let std = l[tz_at..]
        .iter()
        .position(|l| l == "DTSTART:20261101T020000")
        .unwrap()
        + tz_at;
    assert_eq!(l[std - 1], "BEGIN:STANDARD");
    assert_eq!(
        l[std + 1..std + 3],
        ["TZOFFSETFROM:-0400", "TZOFFSETTO:-0500"]
    );
    assert!(tz_at < l.iter().position(|l| l == "BEGIN:VEVENT").unwrap());
}

#[test]
fn recurring_event_with_exception() {
    let start = IcalTime::Utc(utc(2026, 1, 5, 10, 0, 0));
    let mut e = event(start, Some(IcalTime::Utc(utc(2026, 1, 5, 11, 0, 0))));
    e.rrule = Some("FREQ=WEEKLY;COUNT=4".into());
    e.exdates = vec![IcalTime::Utc(utc(2026, 1, 12, 10, 0, 0))];
    let mut moved = event(IcalTime::Utc(utc(2026, 1, 20, 10, 0, 0)), None);
    moved.recurrence_id = Some(IcalTime::Utc(utc(2026, 1, 19, 10, 0, 0)));
    let l = lines(&ics_of(vec![e, moved], vec![]));
    assert!(l.contains(&"RRULE:FREQ=WEEKLY;COUNT=4".to_owned()));
    assert!(l.contains(&"EXDATE:20260112T100000Z".to_owned()));
    assert!(l.contains(&"RECURRENCE-ID:20260119T100000Z".to_owned()));
}

fn refused(result: crate::Result<()>, field: &str) {
    match result {
        Err(LexcaseError::Validation { field: f, .. }) => assert_eq!(f, field),
        other => panic!("expected a validation error on {field}, got {other:?}"),
    }
}

#[test]
fn invalid_events_and_todos_are_refused() {
    let mut cal = ICalendar::new("-//test//EN");
    let ok = event(IcalTime::Utc(utc(2026, 1, 5, 10, 0, 0)), None);
    let mut e = ok.clone();
    e.uid = " ".into();
    refused(cal.add_event(e), "uid");
    let mut e = ok.clone();
    e.summary = String::new();
    refused(cal.add_event(e), "summary");
    let mut e = ok.clone();
    e.end = Some(IcalTime::Utc(utc(2026, 1, 5, 9, 0, 0)));
    refused(cal.add_event(e), "end");
    let mut e = ok.clone();
    e.end = Some(IcalTime::Date(date(2026, 1, 6)));
    refused(cal.add_event(e), "end");
    let mut e = event(
        IcalTime::Date(date(2026, 1, 5)),
        Some(IcalTime::Date(date(2026, 1, 5))),
    );
    refused(cal.add_event(e.clone()), "end");
    e.end = None;
    e.exdates = vec![IcalTime::Utc(utc(2026, 1, 5, 0, 0, 0))];
    refused(cal.add_event(e), "exdates");
    for bad in ["COUNT=3", "FREQ=DAILY\r\nX:Y"] {
        let mut e = ok.clone();
        e.rrule = Some(bad.into());
        refused(cal.add_event(e), "rrule");
    }
    let mut e = ok.clone();
    e.alarms = vec![IcalAlarm {
        trigger: AlarmTrigger::BeforeStart { minutes: 5 },
        description: " ".into(),
    }];
    refused(cal.add_event(e), "alarms");
    let mut t = todo(IcalTime::Date(date(2024, 6, 20)));
    t.alarms = vec![IcalAlarm {
        trigger: AlarmTrigger::BeforeStart { minutes: 5 },
        description: "x".into(),
    }];
    refused(cal.add_todo(t), "alarms");
    let mut e = ok.clone();
    e.alarms = vec![IcalAlarm {
        trigger: AlarmTrigger::BeforeEnd { minutes: 5 },
        description: "x".into(),
    }];
    refused(cal.add_event(e.clone()), "alarms");
    e.end = Some(IcalTime::Utc(utc(2026, 1, 5, 11, 0, 0)));
    assert!(cal.add_event(e).is_ok());
    let mut t = todo(IcalTime::Date(date(2024, 6, 20)));
    t.summary = " ".into();
    refused(cal.add_todo(t), "summary");
    assert!(cal.events().len() == 1 && cal.todos().is_empty());
    // A zoned end after a zoned start in another zone compares as instants.
    let nine = date(2026, 6, 1).and_hms_opt(9, 0, 0).unwrap();
    let mut e = ok;
    e.start = IcalTime::Zoned(nine, chrono_tz::Europe::London);
    e.end = Some(IcalTime::Zoned(nine, chrono_tz::America::New_York));
    assert!(cal.add_event(e).is_ok());
}
