//! The iCalendar (RFC 5545) writer: a VCALENDAR of events and to-dos, with a VTIMEZONE for
//! every zone used.

use std::collections::BTreeMap;

use chrono::Datelike;
use chrono_tz::Tz;

use super::contentline::{escape_text, push_line};
use super::ical_types::{IcalAlarm, IcalAttendee, IcalEvent, IcalTime, IcalTodo, format_utc};
use super::vtimezone::vtimezone_lines;
use crate::error::Result;

/// Years of time-zone rules written before the earliest zoned time.
const YEARS_BEFORE: i32 = 1;
/// Years of time-zone rules written after the latest zoned time (recurrences run on).
const YEARS_AFTER: i32 = 3;

/// An iCalendar object (`VERSION:2.0`) being assembled; [`ICalendar::to_ics`] writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ICalendar {
    prodid: String,
    events: Vec<IcalEvent>,
    todos: Vec<IcalTodo>,
}

impl ICalendar {
    /// An empty calendar with the given product identifier, e.g. `-//Firm//lexcase//EN`.
    pub fn new(prodid: &str) -> Self {
        Self {
            prodid: prodid.to_owned(),
            events: Vec::new(),
            todos: Vec::new(),
        }
    }

    /// Adds an event after checking it (see [`IcalEvent::validate`]).
    pub fn add_event(&mut self, e: IcalEvent) -> Result<()> {
        e.validate()?;
        self.events.push(e);
        Ok(())
    }

    /// Adds a to-do after checking it (see [`IcalTodo::validate`]).
    pub fn add_todo(&mut self, t: IcalTodo) -> Result<()> {
        t.validate()?;
        self.todos.push(t);
        Ok(())
    }

    /// The events added so far.
    pub fn events(&self) -> &[IcalEvent] {
        &self.events
    }

    /// The to-dos added so far.
    pub fn todos(&self) -> &[IcalTodo] {
        &self.todos
    }

    /// Every time that will be written, to find the zones and years a VTIMEZONE must cover.
    fn times(&self) -> impl Iterator<Item = &IcalTime> {
        let events = self.events.iter().flat_map(|e| {
            std::iter::once(&e.start)
                .chain(&e.end)
                .chain(&e.exdates)
                .chain(&e.recurrence_id)
        });
        events.chain(self.todos.iter().map(|t| &t.due))
    }

    /// Zones used, with the first and last year they must cover.
    fn zones(&self) -> BTreeMap<&'static str, (Tz, i32, i32)> {
        let mut zones: BTreeMap<&'static str, (Tz, i32, i32)> = BTreeMap::new();
        for time in self.times() {
            if let IcalTime::Zoned(local, tz) = time {
                let year = local.year();
                let entry = zones.entry(tz.name()).or_insert((*tz, year, year));
                entry.1 = entry.1.min(year);
                entry.2 = entry.2.max(year);
            }
        }
        zones
    }

    /// The calendar as iCalendar text: CRLF line ends, lines folded at 75 octets.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        let mut line = |l: &str| push_line(&mut out, l);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:{}", escape_text(&self.prodid)));
        for (tz, first, last) in self.zones().into_values() {
            let lines = vtimezone_lines(tz, first - YEARS_BEFORE, last + YEARS_AFTER);
            lines.iter().for_each(|l| line(l));
        }
        for event in &self.events {
            event_lines(event).iter().for_each(|l| line(l));
        }
        for todo in &self.todos {
            todo_lines(todo).iter().for_each(|l| line(l));
        }
        line("END:VCALENDAR");
        out
    }
}

/// A parameter value, quoted when it contains `:`, `;` or `,`. A double quote cannot appear
/// in a parameter value and becomes a single quote; line breaks become spaces.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

fn attendee_line(attendee: &IcalAttendee) -> String {
    let cn = if attendee.name.trim().is_empty() {
        String::new()
    } else {
        format!(";CN={}", param_value(attendee.name.trim()))
    };
    match &attendee.email {
        Some(email) => format!("ATTENDEE{cn}:mailto:{}", email.trim()),
        None => format!("ATTENDEE{cn}:invalid:nomail"),
    }
}

fn alarm_lines(lines: &mut Vec<String>, alarms: &[IcalAlarm]) {
    for alarm in alarms {
        lines.push("BEGIN:VALARM".to_owned());
        lines.push("ACTION:DISPLAY".to_owned());
        lines.push(format!("DESCRIPTION:{}", escape_text(&alarm.description)));
        lines.push(alarm.trigger.line());
        lines.push("END:VALARM".to_owned());
    }
}

fn text_lines(lines: &mut Vec<String>, name: &str, value: Option<&String>) {
    if let Some(value) = value {
        lines.push(format!("{name}:{}", escape_text(value)));
    }
}

fn categories_line(lines: &mut Vec<String>, categories: &[String]) {
    if !categories.is_empty() {
        let values: Vec<String> = categories.iter().map(|c| escape_text(c.trim())).collect();
        lines.push(format!("CATEGORIES:{}", values.join(",")));
    }
}

fn event_lines(e: &IcalEvent) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape_text(e.uid.trim())),
        format!("DTSTAMP:{}", format_utc(e.dtstamp)),
        format!("DTSTART{}", e.start.property_tail()),
    ];
    if let Some(end) = &e.end {
        lines.push(format!("DTEND{}", end.property_tail()));
    }
    if let Some(rid) = &e.recurrence_id {
        lines.push(format!("RECURRENCE-ID{}", rid.property_tail()));
    }
    lines.push(format!("SUMMARY:{}", escape_text(e.summary.trim())));
    text_lines(&mut lines, "DESCRIPTION", e.description.as_ref());
    text_lines(&mut lines, "LOCATION", e.location.as_ref());
    if let Some(rrule) = &e.rrule {
        lines.push(format!("RRULE:{}", rrule.trim()));
    }
    for exdate in &e.exdates {
        lines.push(format!("EXDATE{}", exdate.property_tail()));
    }
    if let Some(status) = e.status {
        lines.push(format!("STATUS:{}", status.as_str()));
    }
    categories_line(&mut lines, &e.categories);
    lines.extend(e.attendees.iter().map(attendee_line));
    alarm_lines(&mut lines, &e.alarms);
    lines.push("END:VEVENT".to_owned());
    lines
}

fn todo_lines(t: &IcalTodo) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VTODO".to_owned(),
        format!("UID:{}", escape_text(t.uid.trim())),
        format!("DTSTAMP:{}", format_utc(t.dtstamp)),
        format!("DUE{}", t.due.property_tail()),
        format!("SUMMARY:{}", escape_text(t.summary.trim())),
    ];
    text_lines(&mut lines, "DESCRIPTION", t.description.as_ref());
    if let Some(completed) = t.completed {
        lines.push(format!("COMPLETED:{}", format_utc(completed)));
    }
    if let Some(status) = t.status {
        lines.push(format!("STATUS:{}", status.as_str()));
    }
    categories_line(&mut lines, &t.categories);
    alarm_lines(&mut lines, &t.alarms);
    lines.push("END:VTODO".to_owned());
    lines
}
