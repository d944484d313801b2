//! The calendar: entries with attendees and recurrence, changes to one occurrence or the
//! whole series, agendas, a matter's calendar and clashes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use super::Session;
use super::context::{ReadCtx, WriteCtx, load_settings};
use crate::access::Capability;
use crate::appointments::{
    Appointment, AppointmentChanges, Attendee, Clash, NewAppointment, Occurrence, OccurrenceChange,
    Schedule, clashes,
};
use crate::audit::AuditEvent;
use crate::error::{LexcaseError, Result};
use crate::ids::{AppointmentId, MatterId, UserId};
use crate::matters::Matter;

/// The longest window an agenda covers: 366 days.
const MAX_WINDOW_DAYS: u64 = 366;

/// Calendar entries. An entry on a matter follows the matter's visibility and needs
/// `edit_matters` to change; an entry on no matter is visible to the firm and changed by its
/// organiser, a user attending, or anyone with `edit_matters`.
#[derive(Debug)]
pub struct AppointmentService<'s> {
    session: &'s Session,
}

/// Checks attendees: active users not walled off the matter, and existing contacts.
fn check_attendees(
    ctx: &WriteCtx<'_>,
    attendees: &[Attendee],
    matter: Option<&Matter>,
) -> Result<()> {
    for attendee in attendees {
        match *attendee {
            Attendee::User(user) => {
                ctx.active_user(user, "attendees")?;
                if matter.is_some_and(|m| m.access.is_walled(user)) {
                    return Err(LexcaseError::validation(
                        "attendees",
                        "a user is behind an ethical wall on this matter",
                    ));
                }
            }
            Attendee::Contact(contact) => {
                ctx.contact(contact)?;
            }
        }
    }
    Ok(())
}

/// The instants `[from 00:00, to + 1 day 00:00)` of a date range in the firm's zone.
fn window(
    ctx: &ReadCtx<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(DateTime<Utc>, DateTime<Utc>, chrono_tz::Tz)> {
    if to < from {
        return Err(LexcaseError::validation(
            "to",
            "the range ends before it starts",
        ));
    }
    if (to - from).num_days() as u64 >= MAX_WINDOW_DAYS {
        return Err(LexcaseError::validation(
            "to",
            "a range covers at most 366 days",
        ));
    }
    let zone = load_settings(ctx.tx)?.zone()?;
    let (start, end) = Schedule::all_day(from, to).span(zone)?;
    Ok((start, end, zone))
}

impl<'s> AppointmentService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Puts an entry in the calendar.
    pub fn create(&self, new: NewAppointment) -> Result<Appointment> {
        self.session.write(|ctx| {
            let matter = new.matter.map(|m| ctx.matter(m)).transpose()?;
            if let Some(m) = &matter {
                m.ensure_editable()?;
                ctx.require(Capability::EditMatters)?;
            }
            check_attendees(ctx, &new.attendees, matter.as_ref())?;
            let entry = Appointment::create(new, ctx.actor.id, ctx.now)?;
            ctx.create(entry, "appointment.created")
        })
    }

    fn visible(ctx: &ReadCtx<'_>, id: AppointmentId) -> Result<Appointment> {
        let entry = ctx
            .tx
            .appointment(id)?
            .ok_or_else(|| LexcaseError::not_found("appointment"))?;
        if let Some(matter) = entry.matter {
            ctx.matter(matter)
                .map_err(|_| LexcaseError::not_found("appointment"))?;
        }
        Ok(entry)
    }

    /// An entry by id.
    pub fn get(&self, id: AppointmentId) -> Result<Appointment> {
        self.session.read(|ctx| Self::visible(ctx, id))
    }

    /// The entry's history (created, moved, changed, cancelled — who and when), oldest first.
    pub fn history(&self, id: AppointmentId) -> Result<Vec<AuditEvent>> {
        self.get(id)?;
        self.session.audit().history(id.into())
    }

    fn change(
        &self,
        id: AppointmentId,
        expected_version: u64,
        action: &str,
        f: impl FnOnce(&mut Appointment, &WriteCtx<'_>, Option<&Matter>) -> Result<()>,
    ) -> Result<Appointment> {
        self.session.write(|ctx| {
            let before = ctx
                .tx
                .appointment(id)?
                .ok_or_else(|| LexcaseError::not_found("appointment"))?;
            let matter = match before.matter {
                Some(m) => Some(
                    ctx.matter(m)
                        .map_err(|_| LexcaseError::not_found("appointment"))?,
                ),
                None => None,
            };
            match &matter {
                Some(m) => {
                    m.ensure_editable()?;
                    ctx.require(Capability::EditMatters)?;
                }
                None => {
                    let me = ctx.actor.id;
                    let involved =
                        before.organiser == me || before.attendees.contains(&Attendee::User(me));
                    if !involved {
                        ctx.require(Capability::EditMatters)?;
                    }
                }
            }
            ctx.amend(before, expected_version, action, |a, ctx| {
                f(a, ctx, matter.as_ref())
            })
        })
    }

    /// Changes the whole entry (every occurrence of a series).
    pub fn update(
        &self,
        id: AppointmentId,
        expected_version: u64,
        changes: AppointmentChanges,
    ) -> Result<Appointment> {
        let action = if changes.schedule.is_some() || changes.recurrence.is_some() {
            "appointment.moved"
        } else {
            "appointment.updated"
        };
        self.change(id, expected_version, action, |a, ctx, matter| {
            if let Some(attendees) = &changes.attendees {
                check_attendees(ctx, attendees, matter)?;
            }
            a.apply(changes)
        })
    }

    /// Moves, retitles or cancels one occurrence of a series, named by its original start.
    pub fn change_occurrence(
        &self,
        id: AppointmentId,
        expected_version: u64,
        original_start: NaiveDateTime,
        change: OccurrenceChange,
    ) -> Result<Appointment> {
        let action = match change {
            OccurrenceChange::Cancelled => "appointment.occurrence_cancelled",
            OccurrenceChange::Changed { .. } => "appointment.occurrence_changed",
        };
        self.change(id, expected_version, action, |a, _, _| {
            a.change_occurrence(original_start, change)
        })
    }

    /// Cancels the whole entry (it stays, with its history).
    pub fn cancel(&self, id: AppointmentId, expected_version: u64) -> Result<Appointment> {
        self.change(id, expected_version, "appointment.cancelled", |a, _, _| {
            a.cancel()
        })
    }

    /// A user's agenda: the occurrences of entries they organise or attend between two dates
    /// (inclusive, in the firm's zone), in start order; entries on matters the actor may not
    /// see are left out.
    pub fn agenda(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<Vec<Occurrence>> {
        self.session.read(|ctx| {
            let (start, end, zone) = window(ctx, from, to)?;
            let mut found = Vec::new();
            for entry in ctx
                .tx
                .appointments_for_user(user, start, end, &ctx.viewer())?
            {
                found.extend(entry.occurrences(start, end, zone)?);
            }
            found.sort_by_key(|o| (o.starts_at, o.appointment, o.original_start));
            Ok(found)
        })
    }

    /// A matter's calendar between two dates (inclusive, in the firm's zone).
    pub fn of_matter(
        &self,
        matter: MatterId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Occurrence>> {
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            let (start, end, zone) = window(ctx, from, to)?;
            let mut found = Vec::new();
            for entry in ctx.tx.appointments_of_matter(matter, start, end)? {
                found.extend(entry.occurrences(start, end, zone)?);
            }
            found.sort_by_key(|o| (o.starts_at, o.appointment, o.original_start));
            Ok(found)
        })
    }

    /// Where a user's timed occurrences overlap between two dates.
    pub fn clashes(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<Vec<Clash>> {
        Ok(clashes(&self.agenda(user, from, to)?))
    }
}
