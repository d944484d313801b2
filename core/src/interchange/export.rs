//! Calendar entries, deadlines and tasks as iCalendar components.

use chrono::{DateTime, Days, Utc};

use super::{
    AlarmTrigger, EventStatus, IcalAlarm, IcalAttendee, IcalEvent, IcalTime, IcalTodo, TodoStatus,
};
use crate::appointments::{Appointment, AppointmentStatus, OccurrenceChange, Schedule, parse_zone};
use crate::docket::{Deadline, DeadlineStatus};
use crate::error::Result;
use crate::tasks::{Task, TaskStatus};

/// The domain part of every UID lexcase writes.
pub const UID_DOMAIN: &str = "lexcase";

/// Minutes in a day, for reminders counted in days.
const DAY_MINUTES: u32 = 24 * 60;

fn times(schedule: &Schedule) -> Result<(IcalTime, IcalTime)> {
    Ok(match schedule {
        Schedule::AllDay {
            first_day,
            last_day,
        } => {
            // DTEND of an all-day event is the day after the last (non-inclusive).
            let after = last_day.checked_add_days(Days::new(1)).unwrap_or(*last_day);
            (IcalTime::Date(*first_day), IcalTime::Date(after))
        }
        Schedule::Timed { start, end, zone } => {
            let tz = parse_zone(zone)?;
            (IcalTime::Zoned(*start, tz), IcalTime::Zoned(*end, tz))
        }
    })
}

/// The original start of an occurrence as the RECURRENCE-ID / EXDATE value of its series.
fn occurrence_time(series: &Schedule, original: chrono::NaiveDateTime) -> Result<IcalTime> {
    Ok(match series {
        Schedule::AllDay { .. } => IcalTime::Date(original.date()),
        Schedule::Timed { zone, .. } => IcalTime::Zoned(original, parse_zone(zone)?),
    })
}

/// The VEVENTs of an entry: the entry (with its RRULE and EXDATEs for cancelled
/// occurrences) and one per changed occurrence (with its RECURRENCE-ID), all with one UID.
pub fn appointment_events(
    entry: &Appointment,
    attendees: &[IcalAttendee],
    dtstamp: DateTime<Utc>,
) -> Result<Vec<IcalEvent>> {
    let (start, end) = times(&entry.schedule)?;
    let alarms: Vec<IcalAlarm> = entry
        .reminders
        .iter()
        .map(|&minutes| IcalAlarm {
            trigger: AlarmTrigger::BeforeStart { minutes },
            description: entry.title.clone(),
        })
        .collect();
    let status = match entry.status {
        AppointmentStatus::Scheduled => EventStatus::Confirmed,
        AppointmentStatus::Cancelled => EventStatus::Cancelled,
    };
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let base = IcalEvent {
        uid: format!("{}@{UID_DOMAIN}", entry.id),
        dtstamp,
        start,
        end: Some(end),
        summary: entry.title.clone(),
        description: text(&entry.description),
        location: text(&entry.location),
        rrule: entry.recurrence.as_ref().map(|r| r.as_str().to_owned()),
        exdates: Vec::new(),
        recurrence_id: None,
        status: Some(status),
        attendees: attendees.to_vec(),
        alarms,
        categories: vec![entry.kind.as_str().to_uppercase()],
    };
    let mut events = Vec::new();
    let mut series = base.clone();
    for exception in &entry.exceptions {
        let original = occurrence_time(&entry.schedule, exception.original_start)?;
        match &exception.change {
            OccurrenceChange::Cancelled => series.exdates.push(original),
            OccurrenceChange::Changed {
                schedule,
                title,
                location,
            } => {
                let own = schedule
                    .clone()
                    .unwrap_or_else(|| entry.schedule.starting_at(exception.original_start));
                let (start, end) = times(&own)?;
                events.push(IcalEvent {
                    start,
                    end: Some(end),
                    summary: title.clone().unwrap_or_else(|| entry.title.clone()),
                    location: location.clone().or_else(|| base.location.clone()),
                    rrule: None,
                    recurrence_id: Some(original),
                    ..base.clone()
                });
            }
        }
    }
    events.insert(0, series);
    Ok(events)
}

/// A computed deadline as a VTODO due on its date (or instant, for hour periods), with a
/// display alarm per reminder; `None` while it has no date.
pub fn deadline_todo(deadline: &Deadline, dtstamp: DateTime<Utc>) -> Option<IcalTodo> {
    let computed = deadline.computed.as_ref()?;
    let due = match computed.due_at {
        Some(at) => IcalTime::Utc(at),
        None => IcalTime::Date(computed.due),
    };
    let trace: Vec<String> = computed
        .trace
        .iter()
        .map(|s| format!("{} {}: {}", s.date, s.provision, s.explanation))
        .collect();
    let (status, completed) = match deadline.status {
        DeadlineStatus::Open => (TodoStatus::NeedsAction, None),
        DeadlineStatus::Done => (TodoStatus::Completed, deadline.closed_at),
        DeadlineStatus::Vacated => (TodoStatus::Cancelled, None),
    };
    Some(IcalTodo {
        uid: format!("{}-{}@{UID_DOMAIN}", deadline.matter, deadline.id),
        dtstamp,
        due,
        summary: format!("{} ({})", deadline.title, deadline.rule.citation),
        description: Some(trace.join("\n")),
        completed,
        status: Some(status),
        alarms: deadline
            .reminders
            .iter()
            .map(|&days| IcalAlarm {
                trigger: AlarmTrigger::BeforeEnd {
                    minutes: days.saturating_mul(DAY_MINUTES),
                },
                description: deadline.title.clone(),
            })
            .collect(),
        categories: vec!["DEADLINE".into()],
    })
}

/// A task with a due date as a VTODO; `None` without one.
pub fn task_todo(task: &Task, dtstamp: DateTime<Utc>) -> Option<IcalTodo> {
    let due = task.due_date?;
    let (status, completed) = match task.status {
        TaskStatus::Complete => (TodoStatus::Completed, task.completed_at),
        TaskStatus::Cancelled => (TodoStatus::Cancelled, None),
        TaskStatus::InProgress | TaskStatus::InReview => (TodoStatus::InProcess, None),
        TaskStatus::Pending => (TodoStatus::NeedsAction, None),
    };
    Some(IcalTodo {
        uid: format!("{}@{UID_DOMAIN}", task.id),
        dtstamp,
        due: IcalTime::Date(due),
        summary: task.title.clone(),
        description: (!task.description.is_empty()).then(|| task.description.clone()),
        completed,
        status: Some(status),
        alarms: Vec::new(),
        categories: vec!["TASK".into()],
    })
}
