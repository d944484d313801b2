//! The calendar through the services: recurring series, one-occurrence changes, agendas,
//! clashes, history from the audit trail, matter calendars behind walls.

use chrono::{NaiveDate, NaiveDateTime};
use lexcase::ErrorCode;
use lexcase::appointments::{
    AppointmentChanges, AppointmentKind, AppointmentStatus, Attendee, NewAppointment,
    OccurrenceChange, Schedule,
};

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn london(start: &str, end: &str) -> Schedule {
    Schedule::timed(at(start), at(end), "Europe/London")
}

/// A weekly series shows in each attendee's agenda; one occurrence moves, another is
/// cancelled; a clash is found; the history lists each change with who made it.
pub fn series_agenda_occurrences_clashes_and_history(store: SharedStore) {
    let f = Fixture::new(store);
    let partner = f.partner.actor_id();
    let cal = f.fee_earner.appointments();
    let mut new = NewAppointment::new(
        "Team meeting",
        london("2026-12-01T09:00:00", "2026-12-01T10:00:00"),
    );
    new.kind = AppointmentKind::Meeting;
    new.recurrence = Some("FREQ=WEEKLY;COUNT=4".into());
    new.attendees = vec![Attendee::User(partner)];
    new.reminders = vec![15, 60];
    let series = cal.create(new).unwrap();
    assert_eq!(series.reminders, vec![60, 15]);
    let agenda = f
        .partner
        .appointments()
        .agenda(partner, day("2026-12-01"), day("2026-12-31"))
        .unwrap();
    assert_eq!(agenda.len(), 4);
    assert!(
        agenda
            .iter()
            .all(|o| o.recurring && o.title == "Team meeting")
    );

    let series = cal
        .change_occurrence(
            series.id,
            series.version,
            at("2026-12-08T09:00:00"),
            OccurrenceChange::Changed {
                schedule: Some(london("2026-12-09T14:00:00", "2026-12-09T15:00:00")),
                title: None,
                location: Some("Room 2".into()),
            },
        )
        .unwrap();
    let series = cal
        .change_occurrence(
            series.id,
            series.version,
            at("2026-12-15T09:00:00"),
            OccurrenceChange::Cancelled,
        )
        .unwrap();
    let agenda = cal
        .agenda(partner, day("2026-12-01"), day("2026-12-31"))
        .unwrap();
    let starts: Vec<_> = agenda.iter().map(|o| o.schedule.local_start()).collect();
    assert_eq!(
        starts,
        vec![
            at("2026-12-01T09:00:00"),
            at("2026-12-09T14:00:00"),
            at("2026-12-22T09:00:00")
        ]
    );
    assert_eq!(agenda[1].location, "Room 2");
    assert_invalid(
        cal.change_occurrence(
            series.id,
            series.version,
            at("2026-12-02T09:00:00"),
            OccurrenceChange::Cancelled,
        ),
        "original_start",
    );

    // The partner's call overlaps the moved occurrence.
    let call = f
        .partner
        .appointments()
        .create(NewAppointment::new(
            "Call with counsel",
            london("2026-12-09T14:30:00", "2026-12-09T15:30:00"),
        ))
        .unwrap();
    let clashes = cal
        .clashes(partner, day("2026-12-01"), day("2026-12-31"))
        .unwrap();
    assert_eq!(clashes.len(), 1);
    assert_eq!(
        (clashes[0].first.appointment, clashes[0].second.appointment),
        (series.id, call.id)
    );
    // The fee earner's own agenda does not include the partner's call.
    let mine = cal
        .agenda(
            f.fee_earner.actor_id(),
            day("2026-12-01"),
            day("2026-12-31"),
        )
        .unwrap();
    assert!(mine.iter().all(|o| o.appointment == series.id));

    let series = cal
        .update(
            series.id,
            series.version,
            AppointmentChanges {
                title: Some("Weekly team meeting".into()),
                ..AppointmentChanges::default()
            },
        )
        .unwrap();
    let series = cal.cancel(series.id, series.version).unwrap();
    assert_eq!(series.status, AppointmentStatus::Cancelled);
    assert!(
        cal.agenda(partner, day("2026-12-01"), day("2026-12-31"))
            .unwrap()
            .iter()
            .all(|o| o.appointment != series.id)
    );
    assert_invalid(
        cal.update(series.id, series.version, AppointmentChanges::default()),
        "status",
    );
    let history = cal.history(series.id).unwrap();
    let actions: Vec<_> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "appointment.created",
            "appointment.occurrence_changed",
            "appointment.occurrence_cancelled",
            "appointment.updated",
            "appointment.cancelled"
        ]
    );
    assert!(history.iter().all(|e| e.actor == f.fee_earner.actor_id()));
}

/// Entries on a matter follow its access; bad input is refused and writes nothing.
pub fn matter_calendar_access_and_bad_input(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let mut hearing = NewAppointment::new(
        "Case management conference",
        Schedule::all_day(day("2027-01-12"), day("2027-01-12")),
    );
    hearing.kind = AppointmentKind::Hearing;
    hearing.matter = Some(m.id);
    hearing.location = "Central London County Court".into();
    let entry = f.fee_earner.appointments().create(hearing.clone()).unwrap();
    let cal = f
        .partner
        .appointments()
        .of_matter(m.id, day("2027-01-01"), day("2027-01-31"))
        .unwrap();
    assert_eq!(cal.len(), 1);
    assert!(cal[0].schedule.is_all_day());
    assert_code(
        f.read_only.appointments().create(hearing.clone()),
        ErrorCode::PermissionDenied,
    );
    // Wall the second fee earner off: the entry and the matter calendar vanish for them.
    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.admin
        .matters()
        .add_ethical_wall(
            m.id,
            m.version,
            f.fee_earner2.actor_id(),
            "acted for the other side",
        )
        .unwrap();
    assert_code(
        f.fee_earner2.appointments().get(entry.id),
        ErrorCode::NotFound,
    );
    assert_code(
        f.fee_earner2
            .appointments()
            .of_matter(m.id, day("2027-01-01"), day("2027-01-31")),
        ErrorCode::NotFound,
    );
    let mut walled =
        NewAppointment::new("Prep", london("2027-01-11T09:00:00", "2027-01-11T10:00:00"));
    walled.matter = Some(m.id);
    walled.attendees = vec![Attendee::User(f.fee_earner2.actor_id())];
    assert_invalid(f.fee_earner.appointments().create(walled), "attendees");

    let before = f.audit_len();
    let cal = f.fee_earner.appointments();
    let bad_zone = NewAppointment::new(
        "x",
        Schedule::timed(
            at("2027-01-11T09:00:00"),
            at("2027-01-11T10:00:00"),
            "Mars/Base",
        ),
    );
    assert_invalid(cal.create(bad_zone), "zone");
    let backwards = NewAppointment::new("x", london("2027-01-11T10:00:00", "2027-01-11T09:00:00"));
    assert_invalid(cal.create(backwards), "schedule");
    let mut bad_rule =
        NewAppointment::new("x", london("2027-01-11T09:00:00", "2027-01-11T10:00:00"));
    bad_rule.recurrence = Some("FREQ=FORTNIGHTLY".into());
    assert_invalid(cal.create(bad_rule), "recurrence");
    let mut bad_reminder =
        NewAppointment::new("x", london("2027-01-11T09:00:00", "2027-01-11T10:00:00"));
    bad_reminder.reminders = vec![60 * 24 * 60];
    assert_invalid(cal.create(bad_reminder), "reminders");
    assert_invalid(
        cal.agenda(
            f.fee_earner.actor_id(),
            day("2027-01-02"),
            day("2027-01-01"),
        ),
        "to",
    );
    assert_code(
        cal.update(entry.id, entry.version + 1, AppointmentChanges::default()),
        ErrorCode::StaleVersion,
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
}
