//! Occurrences: the concrete instances of entries that agendas show, and clashes between them.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{
    Appointment, AppointmentKind, AppointmentStatus, Attendee, OccurrenceChange, Schedule,
};
use crate::error::Result;
use crate::ids::{AppointmentId, MatterId};

/// One occurrence of an entry (a single entry has exactly one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Occurrence {
    /// The entry (series) it belongs to.
    pub appointment: AppointmentId,
    /// The entry's matter.
    pub matter: Option<MatterId>,
    /// The entry's kind.
    pub kind: AppointmentKind,
    /// Title (the occurrence's own when changed).
    pub title: String,
    /// Location (the occurrence's own when changed).
    pub location: String,
    /// The start the rule gives it: names the occurrence when changing it alone.
    pub original_start: NaiveDateTime,
    /// When it happens.
    pub schedule: Schedule,
    /// The instant it starts (all-day: midnight in the firm's zone).
    pub starts_at: DateTime<Utc>,
    /// The instant it ends (exclusive).
    pub ends_at: DateTime<Utc>,
    /// Who attends.
    pub attendees: Vec<Attendee>,
    /// Reminders in minutes before the start.
    pub reminders: Vec<u32>,
    /// Whether it belongs to a recurring series.
    pub recurring: bool,
    /// Whether it was changed on its own.
    pub changed: bool,
}

impl Appointment {
    fn occurrence(
        &self,
        original_start: NaiveDateTime,
        schedule: Schedule,
        title: Option<&String>,
        location: Option<&String>,
        day_zone: Tz,
    ) -> Result<Occurrence> {
        let (starts_at, ends_at) = schedule.span(day_zone)?;
        Ok(Occurrence {
            appointment: self.id,
            matter: self.matter,
            kind: self.kind,
            title: title.unwrap_or(&self.title).clone(),
            location: location.unwrap_or(&self.location).clone(),
            original_start,
            changed: schedule != self.schedule.starting_at(original_start)
                || title.is_some()
                || location.is_some(),
            schedule,
            starts_at,
            ends_at,
            attendees: self.attendees.clone(),
            reminders: self.reminders.clone(),
            recurring: self.recurrence.is_some(),
        })
    }

    /// The occurrences overlapping `[from, to)`, in start order; none once cancelled.
    /// All-day days are read in `day_zone` (the firm's zone).
    pub fn occurrences(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        day_zone: Tz,
    ) -> Result<Vec<Occurrence>> {
        if self.status == AppointmentStatus::Cancelled || to <= from {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        let Some(rule) = &self.recurrence else {
            let single = self.occurrence(
                self.schedule.local_start(),
                self.schedule.clone(),
                None,
                None,
                day_zone,
            )?;
            found.push(single);
            found.retain(|o| o.starts_at < to && o.ends_at > from);
            return Ok(found);
        };
        // Widen the search so occurrences already running at `from` are found, whatever the
        // zones involved.
        let (first_start, first_end) = self.schedule.span(day_zone)?;
        let reach = (first_end - first_start) + Duration::days(2);
        for start in rule.starts_between(&self.schedule, from - reach, to + Duration::days(2))? {
            if self.exceptions.iter().any(|e| e.original_start == start) {
                continue;
            }
            found.push(self.occurrence(
                start,
                self.schedule.starting_at(start),
                None,
                None,
                day_zone,
            )?);
        }
        for exception in &self.exceptions {
            if let OccurrenceChange::Changed {
                schedule,
                title,
                location,
            } = &exception.change
            {
                let schedule = schedule
                    .clone()
                    .unwrap_or_else(|| self.schedule.starting_at(exception.original_start));
                found.push(self.occurrence(
                    exception.original_start,
                    schedule,
                    title.as_ref(),
                    location.as_ref(),
                    day_zone,
                )?);
            }
        }
        found.retain(|o| o.starts_at < to && o.ends_at > from);
        found.sort_by_key(|o| (o.starts_at, o.original_start));
        Ok(found)
    }
}

/// Two overlapping timed occurrences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Clash {
    /// The one that starts first.
    pub first: Occurrence,
    /// The one that overlaps it.
    pub second: Occurrence,
}

/// Every pair of overlapping timed occurrences (all-day entries do not block time), in start
/// order.
pub fn clashes(occurrences: &[Occurrence]) -> Vec<Clash> {
    let mut timed: Vec<&Occurrence> = occurrences
        .iter()
        .filter(|o| !o.schedule.is_all_day())
        .collect();
    timed.sort_by_key(|o| (o.starts_at, o.ends_at));
    let mut found = Vec::new();
    for (i, first) in timed.iter().enumerate() {
        for second in timed[i + 1..]
            .iter()
            .take_while(|s| s.starts_at < first.ends_at)
        {
            found.push(Clash {
                first: (*first).clone(),
                second: (*second).clone(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::appointments::{AppointmentChanges, NewAppointment};
    use crate::ids::UserId;
    use chrono::TimeZone;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    fn weekly() -> Appointment {
        let mut new = NewAppointment::new(
            "Team meeting",
            Schedule::timed(
                at("2026-11-03T09:00:00"),
                at("2026-11-03T10:00:00"),
                "Europe/London",
            ),
        );
        new.recurrence = Some("FREQ=WEEKLY;COUNT=4".into());
        Appointment::create(new, UserId::new(), Utc::now()).unwrap()
    }

    fn window() -> (DateTime<Utc>, DateTime<Utc>) {
        (
            Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap(),
        )
    }

    #[test]
    fn a_series_expands_and_one_occurrence_moves_or_is_cancelled() {
        let mut series = weekly();
        let (from, to) = window();
        let zone = chrono_tz::Europe::London;
        assert_eq!(series.occurrences(from, to, zone).unwrap().len(), 4);
        series
            .change_occurrence(at("2026-11-10T09:00:00"), OccurrenceChange::Cancelled)
            .unwrap();
        series
            .change_occurrence(
                at("2026-11-17T09:00:00"),
                OccurrenceChange::Changed {
                    schedule: Some(Schedule::timed(
                        at("2026-11-18T14:00:00"),
                        at("2026-11-18T15:00:00"),
                        "Europe/London",
                    )),
                    title: Some("Team meeting (moved)".into()),
                    location: None,
                },
            )
            .unwrap();
        let found = series.occurrences(from, to, zone).unwrap();
        let starts: Vec<_> = found.iter().map(|o| o.schedule.local_start()).collect();
        assert_eq!(
            starts,
            vec![
                at("2026-11-03T09:00:00"),
                at("2026-11-18T14:00:00"),
                at("2026-11-24T09:00:00")
            ]
        );
        assert!(found[1].changed && found[1].title.ends_with("(moved)"));
        // Not an occurrence of the rule.
        assert!(
            series
                .change_occurrence(at("2026-11-11T09:00:00"), OccurrenceChange::Cancelled)
                .is_err()
        );
        // Editing the whole series' schedule discards the exceptions.
        series
            .apply(AppointmentChanges {
                schedule: Some(Schedule::timed(
                    at("2026-11-03T11:00:00"),
                    at("2026-11-03T12:00:00"),
                    "Europe/London",
                )),
                ..AppointmentChanges::default()
            })
            .unwrap();
        assert!(series.exceptions.is_empty());
        assert_eq!(series.occurrences(from, to, zone).unwrap().len(), 4);
    }

    #[test]
    fn clashes_pair_overlapping_timed_occurrences_only() {
        let zone = chrono_tz::Europe::London;
        let (from, to) = window();
        let series = weekly();
        let overlapping = Appointment::create(
            NewAppointment::new(
                "Client call",
                Schedule::timed(
                    at("2026-11-10T09:30:00"),
                    at("2026-11-10T10:30:00"),
                    "Europe/London",
                ),
            ),
            UserId::new(),
            Utc::now(),
        )
        .unwrap();
        let all_day = Appointment::create(
            NewAppointment::new(
                "Training day",
                Schedule::all_day("2026-11-10".parse().unwrap(), "2026-11-10".parse().unwrap()),
            ),
            UserId::new(),
            Utc::now(),
        )
        .unwrap();
        let mut all = series.occurrences(from, to, zone).unwrap();
        all.extend(overlapping.occurrences(from, to, zone).unwrap());
        all.extend(all_day.occurrences(from, to, zone).unwrap());
        let found = clashes(&all);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].second.title, "Client call");
        // Back-to-back is no clash.
        let adjacent = Appointment::create(
            NewAppointment::new(
                "Next",
                Schedule::timed(
                    at("2026-11-03T10:00:00"),
                    at("2026-11-03T11:00:00"),
                    "Europe/London",
                ),
            ),
            UserId::new(),
            Utc::now(),
        )
        .unwrap();
        all.extend(adjacent.occurrences(from, to, zone).unwrap());
        assert_eq!(clashes(&all).len(), 1);
    }

    #[test]
    fn bounds_cover_the_series_and_moved_occurrences() {
        let series = weekly();
        let (first, last) = series.bounds(chrono_tz::Europe::London).unwrap();
        assert_eq!(first.to_rfc3339(), "2026-11-03T09:00:00+00:00");
        assert_eq!(last.unwrap().to_rfc3339(), "2026-11-24T10:00:00+00:00");
    }
}
