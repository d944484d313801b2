//! Calendar entries: reads, the per-user and per-matter windows, writes.

use chrono::{DateTime, Duration, Utc};
use lexcase::access::Viewer;
use lexcase::appointments::Appointment;
use lexcase::{AppointmentId, MatterId, Result, UserId};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::codec::{to_i64, to_json};
use crate::error::{Db, unique};
use crate::matter_list::on_visible_matter;
use crate::read::{many, one};
use crate::value::micros;
use crate::write::versioned_update;

const APPOINTMENT_UNIQUE: &[(&str, &str)] =
    &[("appointments.id", "the calendar entry already exists")];

/// A calendar entry by id.
pub(crate) fn appointment(conn: &Connection, id: AppointmentId) -> Result<Option<Appointment>> {
    one(
        conn,
        AppointmentId::ENTITY,
        "SELECT body FROM appointments WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// The overlap test on the widened bounds.
const OVERLAPS: &str = "a.first_start < ? AND (a.last_end IS NULL OR a.last_end > ?)";

/// Entries `user` organises or attends that may overlap `[from, to)`, on visible matters.
pub(crate) fn for_user(
    conn: &Connection,
    user: UserId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    viewer: &Viewer,
) -> Result<Vec<Appointment>> {
    let (rule, mut params) = on_visible_matter("a.matter_id", viewer);
    let visible = format!("(a.matter_id IS NULL OR {rule})");
    params.push(Value::Blob(user.to_bytes().to_vec()));
    params.push(Value::Integer(micros(to)));
    params.push(Value::Integer(micros(from)));
    let sql = format!(
        "SELECT a.body FROM appointments a WHERE {visible} AND a.id IN \
         (SELECT appointment_id FROM appointment_users WHERE user_id = ?) AND {OVERLAPS} \
         ORDER BY a.first_start, a.id"
    );
    many(conn, AppointmentId::ENTITY, &sql, params_from_iter(params))
}

/// A matter's entries that may overlap `[from, to)`.
pub(crate) fn of_matter(
    conn: &Connection,
    matter: MatterId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Appointment>> {
    many(
        conn,
        AppointmentId::ENTITY,
        &format!(
            "SELECT a.body FROM appointments a WHERE a.matter_id = ? AND {OVERLAPS} \
             ORDER BY a.first_start, a.id"
        ),
        params![matter.to_bytes(), micros(to), micros(from)],
    )
}

/// The indexed bounds: every occurrence widened by a day each way, so that reading all-day
/// dates in any zone stays inside them.
fn bounds(appointment: &Appointment) -> Result<(i64, Option<i64>)> {
    let (first, last) = appointment.bounds(chrono_tz::UTC)?;
    let day = Duration::days(1);
    Ok((micros(first - day), last.map(|l| micros(l + day))))
}

fn write_users(conn: &Connection, appointment: &Appointment) -> Result<()> {
    let id = appointment.id.to_bytes();
    conn.prepare_cached("DELETE FROM appointment_users WHERE appointment_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO appointment_users (appointment_id, user_id) VALUES (?1, ?2) \
             ON CONFLICT DO NOTHING",
        )
        .db()?;
    let users = appointment.attendees.iter().filter_map(|a| a.user());
    for user in std::iter::once(appointment.organiser).chain(users) {
        insert.execute(params![id, user.to_bytes()]).db()?;
    }
    Ok(())
}

/// Inserts a calendar entry.
pub(crate) fn insert(conn: &Connection, appointment: &Appointment) -> Result<()> {
    let (first, last) = bounds(appointment)?;
    conn.prepare_cached(
        "INSERT INTO appointments (id, version, matter_id, first_start, last_end, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .db()?
    .execute(params![
        appointment.id.to_bytes(),
        to_i64("version", appointment.version)?,
        appointment.matter.map(|m| m.to_bytes()),
        first,
        last,
        to_json(AppointmentId::ENTITY, appointment)?
    ])
    .map_err(|e| unique(e, APPOINTMENT_UNIQUE))?;
    write_users(conn, appointment)
}

/// Updates a calendar entry stored at `expected`.
pub(crate) fn update(conn: &Connection, appointment: &Appointment, expected: u64) -> Result<()> {
    let id = appointment.id.to_bytes();
    let body = to_json(AppointmentId::ENTITY, appointment)?;
    let (first, last) = bounds(appointment)?;
    versioned_update(
        conn,
        AppointmentId::ENTITY,
        "SELECT version FROM appointments WHERE id = ?1",
        &id,
        appointment.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE appointments SET version = ?1, first_start = ?2, last_end = ?3, body = ?4 \
                 WHERE id = ?5 AND version = ?6",
            )
            .db()?
            .execute(params![version, first, last, body, id, expected])
            .db()
        },
    )?;
    write_users(conn, appointment)
}
