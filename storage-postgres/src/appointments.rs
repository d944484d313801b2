//! Calendar entries: reads, the per-user and per-matter windows, writes.

use chrono::{DateTime, Duration, Utc};
use lexcase::access::Viewer;
use lexcase::appointments::Appointment;
use lexcase::{AppointmentId, LexcaseError, MatterId, Result, UserId};

use crate::matter_list::on_visible_matter;
use crate::records::versioned_update;
use crate::scope::{Scope, to_json};
use crate::value::Arg;
use lexcase_sql::Value;

/// A calendar entry by id.
pub(crate) fn appointment(scope: &mut Scope<'_>, id: AppointmentId) -> Result<Option<Appointment>> {
    scope.body(
        AppointmentId::ENTITY,
        "SELECT body FROM appointments WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// The overlap test on the widened bounds (bound: the window's end, then its start).
const OVERLAPS: &str = "a.first_start < ? AND (a.last_end IS NULL OR a.last_end > ?)";

/// Entries `user` organises or attends that may overlap `[from, to)`, on visible matters.
pub(crate) fn for_user(
    scope: &mut Scope<'_>,
    user: UserId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    viewer: &Viewer,
) -> Result<Vec<Appointment>> {
    let (rule, mut args) = on_visible_matter("a.matter_id", viewer);
    args.push(Arg::id(user));
    args.push(Arg::instant(to));
    args.push(Arg::instant(from));
    let sql = format!(
        "SELECT a.body FROM appointments a WHERE a.firm_id = $1 \
         AND (a.matter_id IS NULL OR {rule}) AND a.id IN \
         (SELECT au.appointment_id FROM appointment_users au \
          WHERE au.firm_id = $1 AND au.user_id = ?) AND {OVERLAPS} \
         ORDER BY a.first_start, a.id"
    );
    scope.bodies(AppointmentId::ENTITY, &sql, &args)
}

/// A matter's entries that may overlap `[from, to)`.
pub(crate) fn of_matter(
    scope: &mut Scope<'_>,
    matter: MatterId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Appointment>> {
    scope.bodies(
        AppointmentId::ENTITY,
        &format!(
            "SELECT a.body FROM appointments a WHERE a.firm_id = $1 AND a.matter_id = ? \
             AND {OVERLAPS} ORDER BY a.first_start, a.id"
        ),
        &[Arg::id(matter), Arg::instant(to), Arg::instant(from)],
    )
}

/// The indexed bounds: every occurrence widened by a day each way, so that reading all-day
/// dates in any zone stays inside them.
fn bounds(appointment: &Appointment) -> Result<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let (first, last) = appointment.bounds(chrono_tz::UTC)?;
    let day = Duration::days(1);
    Ok((
        first.checked_sub_signed(day).unwrap_or(first),
        last.map(|l| l.checked_add_signed(day).unwrap_or(l)),
    ))
}

fn write_users(scope: &mut Scope<'_>, appointment: &Appointment) -> Result<()> {
    scope.execute(
        "DELETE FROM appointment_users WHERE firm_id = $1 AND appointment_id = ?",
        &[Arg::id(appointment.id)],
    )?;
    let mut users: Vec<UserId> = std::iter::once(appointment.organiser)
        .chain(appointment.attendees.iter().filter_map(|a| a.user()))
        .collect();
    users.sort();
    users.dedup();
    let rows: Vec<Vec<Value<'_>>> = users
        .iter()
        .map(|u| vec![Value::Id(appointment.id.into()), Value::Id((*u).into())])
        .collect();
    scope.insert_rows(
        "INSERT INTO appointment_users (firm_id, appointment_id, user_id)",
        &["uuid", "uuid"],
        &rows,
        "",
    )?;
    Ok(())
}

/// Inserts a calendar entry.
pub(crate) fn insert(scope: &mut Scope<'_>, appointment: &Appointment) -> Result<()> {
    let (first, last) = bounds(appointment)?;
    let inserted = scope.execute(
        "INSERT INTO appointments (firm_id, id, version, matter_id, first_start, last_end, body) \
         VALUES ($1, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::id(appointment.id),
            Arg::count(appointment.version)?,
            Arg::opt_id(appointment.matter),
            Arg::instant(first),
            Arg::opt_instant(last),
            Arg::string(to_json(AppointmentId::ENTITY, appointment)?),
        ],
    )?;
    if inserted == 0 {
        return Err(LexcaseError::Conflict {
            reason: "the calendar entry already exists".into(),
        });
    }
    write_users(scope, appointment)
}

/// Updates a calendar entry stored at `expected`.
pub(crate) fn update(
    scope: &mut Scope<'_>,
    appointment: &Appointment,
    expected: u64,
) -> Result<()> {
    let body = to_json(AppointmentId::ENTITY, appointment)?;
    let (first, last) = bounds(appointment)?;
    versioned_update(
        scope,
        AppointmentId::ENTITY,
        "SELECT version FROM appointments WHERE firm_id = $1 AND id = ?",
        &[Arg::id(appointment.id)],
        appointment.version,
        expected,
        |scope, version, expected| {
            scope.execute(
                "UPDATE appointments SET version = ?, first_start = ?, last_end = ?, body = ? \
                 WHERE firm_id = $1 AND id = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::instant(first),
                    Arg::opt_instant(last),
                    Arg::text(&body),
                    Arg::id(appointment.id),
                    Arg::int(expected),
                ],
            )
        },
    )?;
    write_users(scope, appointment)
}
