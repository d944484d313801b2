//! The checks that [`super::ICalendar`] applies before accepting an event or a to-do.

use super::ical_types::{AlarmTrigger, IcalAlarm, IcalEvent, IcalTime, IcalTodo};
use crate::error::{LexcaseError, Result};

fn required(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(LexcaseError::validation(field, "must not be empty"));
    }
    Ok(())
}

fn no_line_breaks(field: &str, value: &str) -> Result<()> {
    if value.contains(['\r', '\n']) {
        return Err(LexcaseError::validation(field, "must be a single line"));
    }
    Ok(())
}

fn check_uid(uid: &str) -> Result<()> {
    required("uid", uid)?;
    if uid.chars().any(char::is_control) {
        return Err(LexcaseError::validation(
            "uid",
            "contains control characters",
        ));
    }
    Ok(())
}

/// Display alarms need a description; a trigger needs the start or end it is relative to.
fn check_alarms(alarms: &[IcalAlarm], has_start: bool, has_end: bool) -> Result<()> {
    for alarm in alarms {
        required("alarms", &alarm.description)?;
        if !has_start && matches!(alarm.trigger, AlarmTrigger::BeforeStart { .. }) {
            return Err(LexcaseError::validation(
                "alarms",
                "a to-do has no start; use a trigger before the due time",
            ));
        }
        if !has_end && matches!(alarm.trigger, AlarmTrigger::BeforeEnd { .. }) {
            return Err(LexcaseError::validation(
                "alarms",
                "an alarm before the end needs an event with an end",
            ));
        }
    }
    Ok(())
}

fn check_categories(categories: &[String]) -> Result<()> {
    categories
        .iter()
        .try_for_each(|c| required("categories", c))
}

fn same_type(field: &str, start: &IcalTime, other: &IcalTime) -> Result<()> {
    if start.is_date() != other.is_date() {
        return Err(LexcaseError::validation(
            field,
            "must have the same value type (DATE or DATE-TIME) as the start",
        ));
    }
    Ok(())
}

impl IcalEvent {
    /// Checks the event: UID and summary present, end after start and of the same value type,
    /// an RRULE with a FREQ part on one line, display alarms with a description.
    pub fn validate(&self) -> Result<()> {
        check_uid(&self.uid)?;
        required("summary", &self.summary)?;
        if let Some(end) = &self.end {
            same_type("end", &self.start, end)?;
            if end.instant() <= self.start.instant() {
                return Err(LexcaseError::validation("end", "must be after the start"));
            }
        }
        if let Some(rrule) = &self.rrule {
            no_line_breaks("rrule", rrule)?;
            if !rrule.to_ascii_uppercase().contains("FREQ=") {
                return Err(LexcaseError::validation("rrule", "has no FREQ= part"));
            }
        }
        for exdate in &self.exdates {
            same_type("exdates", &self.start, exdate)?;
        }
        if let Some(rid) = &self.recurrence_id {
            same_type("recurrence_id", &self.start, rid)?;
        }
        for attendee in &self.attendees {
            if let Some(email) = &attendee.email {
                crate::validate::email("attendees", email)?;
            }
        }
        check_alarms(&self.alarms, true, self.end.is_some())?;
        check_categories(&self.categories)
    }
}

impl IcalTodo {
    /// Checks the to-do: UID and summary present, alarms relative to the due time.
    pub fn validate(&self) -> Result<()> {
        check_uid(&self.uid)?;
        required("summary", &self.summary)?;
        check_alarms(&self.alarms, false, true)?;
        check_categories(&self.categories)
    }
}
