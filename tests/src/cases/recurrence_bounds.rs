//! Bounded recurrence through the services: rules finer than daily need COUNT or UNTIL,
//! INTERVAL=0 and rules with no occurrence are refused, and an old open-ended series shows
//! in a recent agenda.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::appointments::{AppointmentChanges, Attendee, NewAppointment, Schedule};

use crate::fixture::{Fixture, SharedStore, assert_invalid};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Refusals name the `recurrence` field and write nothing; a daily call started in 1990
/// shows its seven occurrences in a week of 2026, in the agenda and the matter's calendar.
pub fn recurrence_is_bounded_and_old_series_expand(store: SharedStore) {
    let f = Fixture::new(store);
    let me = f.fee_earner.actor_id();
    let cal = f.fee_earner.appointments();
    let m = f.matter("Long-running retainer");
    let new = |rule: &str| {
        let mut new = NewAppointment::new(
            "Morning call",
            Schedule::timed(
                at("1990-01-01T09:00:00"),
                at("1990-01-01T09:15:00"),
                "Europe/London",
            ),
        );
        new.matter = Some(m.id);
        new.recurrence = Some(rule.into());
        new.attendees = vec![Attendee::User(me)];
        new
    };

    let before = f.audit_len();
    for rule in [
        "FREQ=HOURLY",
        "FREQ=MINUTELY;BYHOUR=9",
        "FREQ=SECONDLY",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    ] {
        assert_invalid(cal.create(new(rule)), "recurrence");
    }
    assert_eq!(f.audit_len(), before, "nothing was written");

    let call = cal.create(new("FREQ=DAILY")).unwrap();
    let week = cal
        .agenda(me, day("2026-03-02"), day("2026-03-08"))
        .unwrap();
    assert_eq!(week.len(), 7);
    assert_eq!(week[0].original_start, at("2026-03-02T09:00:00"));
    assert_eq!(week[6].original_start, at("2026-03-08T09:00:00"));
    let calendar = cal
        .of_matter(m.id, day("2026-03-02"), day("2026-03-08"))
        .unwrap();
    assert_eq!(calendar.len(), 7);

    // Changing the series to an unbounded hourly rule is refused too.
    assert_invalid(
        cal.update(
            call.id,
            call.version,
            AppointmentChanges {
                recurrence: Some(Some("FREQ=HOURLY;INTERVAL=2".into())),
                ..AppointmentChanges::default()
            },
        ),
        "recurrence",
    );
    let hourly = cal
        .update(
            call.id,
            call.version,
            AppointmentChanges {
                recurrence: Some(Some("FREQ=HOURLY;INTERVAL=2;UNTIL=19900102T000000Z".into())),
                ..AppointmentChanges::default()
            },
        )
        .unwrap();
    assert_eq!(
        cal.agenda(me, day("1990-01-01"), day("1990-01-01"))
            .unwrap()
            .len(),
        8,
        "09:00 to 23:00 every two hours"
    );
    assert_eq!(hourly.version, call.version + 1);
}
