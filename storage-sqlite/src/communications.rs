//! Communications: reads, the per-matter log and the unfiled queue, the lookups that file
//! incoming mail, writes.

use lexcase::communications::Communication;
use lexcase::contacts::Contact;
use lexcase::matters::MatterStatus;
use lexcase::store::{Page, Paged};
use lexcase::{CommunicationId, ContactId, MatterId, Result};
use rusqlite::types::Value;
use rusqlite::{Connection, params, params_from_iter};

use crate::codec::{to_i64, to_json};
use crate::error::{Db, unique};
use crate::paging::{self, List};
use crate::read::one;
use crate::value::micros;
use crate::write::versioned_update;
use lexcase_sql::keyset::SortKey;

const COMMUNICATION_UNIQUE: &[(&str, &str)] = &[
    ("communications.id", "the communication already exists"),
    (
        "communications.message_id",
        "a message with this Message-ID was already ingested",
    ),
];

/// A communication by id.
pub(crate) fn communication(
    conn: &Connection,
    id: CommunicationId,
) -> Result<Option<Communication>> {
    one(
        conn,
        CommunicationId::ENTITY,
        "SELECT body FROM communications WHERE id = ?1",
        [id.to_bytes()],
    )
}

/// The communication with this Message-ID.
pub(crate) fn by_message_id(conn: &Connection, message_id: &str) -> Result<Option<Communication>> {
    one(
        conn,
        CommunicationId::ENTITY,
        "SELECT body FROM communications WHERE message_id = ?1",
        [message_id],
    )
}

/// A matter's communications, newest first.
pub(crate) fn of_matter(
    conn: &Connection,
    matter: MatterId,
    page: Page,
) -> Result<Paged<Communication>> {
    const ORDER: &[SortKey] = &[SortKey::desc("c.occurred_at"), SortKey::desc("c.id")];
    paging::page(
        conn,
        List {
            columns: "c.body",
            from: "communications c",
            conditions: vec!["c.matter_id = ?".into()],
            params: vec![Value::Blob(matter.to_bytes().to_vec())],
            keys: ORDER,
        },
        &page,
        paging::body(CommunicationId::ENTITY),
    )
}

/// Communications on no matter, oldest first.
pub(crate) fn unfiled(conn: &Connection, page: Page) -> Result<Paged<Communication>> {
    const ORDER: &[SortKey] = &[SortKey::asc("c.occurred_at"), SortKey::asc("c.id")];
    paging::page(
        conn,
        List {
            columns: "c.body",
            from: "communications c",
            conditions: vec!["c.matter_id IS NULL".into()],
            params: Vec::new(),
            keys: ORDER,
        },
        &page,
        paging::body(CommunicationId::ENTITY),
    )
}

/// Contacts with this email address.
pub(crate) fn contacts_with_email(conn: &Connection, email: &str) -> Result<Vec<ContactId>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT contact_id FROM contact_emails WHERE email = ?1 ORDER BY contact_id",
        )
        .db()?;
    let rows = stmt
        .query_map([email.to_lowercase()], |r| r.get::<_, [u8; 16]>(0))
        .db()?;
    rows.map(|r| r.db().map(ContactId::from_bytes)).collect()
}

/// Pending or open matters with any of `contacts` as a party.
pub(crate) fn live_matters_with_parties(
    conn: &Connection,
    contacts: &[ContactId],
) -> Result<Vec<MatterId>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; contacts.len()].join(", ");
    let sql = format!(
        "SELECT DISTINCT m.id FROM matter_parties p JOIN matters m ON m.id = p.matter_id \
         WHERE p.contact_id IN ({marks}) AND m.status IN (?, ?) ORDER BY m.id"
    );
    let mut params: Vec<Value> = contacts
        .iter()
        .map(|c| Value::Blob(c.to_bytes().to_vec()))
        .collect();
    params.push(Value::Text(MatterStatus::Pending.as_str().into()));
    params.push(Value::Text(MatterStatus::Open.as_str().into()));
    let mut stmt = conn.prepare(&sql).db()?;
    let rows = stmt
        .query_map(params_from_iter(params), |r| r.get::<_, [u8; 16]>(0))
        .db()?;
    rows.map(|r| r.db().map(MatterId::from_bytes)).collect()
}

/// Rewrites a contact's rows in the email index.
pub(crate) fn index_contact_emails(conn: &Connection, contact: &Contact) -> Result<()> {
    let id = contact.id.to_bytes();
    conn.prepare_cached("DELETE FROM contact_emails WHERE contact_id = ?1")
        .db()?
        .execute([id])
        .db()?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO contact_emails (email, contact_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )
        .db()?;
    for email in &contact.emails {
        insert
            .execute(params![email.address.to_lowercase(), id])
            .db()?;
    }
    Ok(())
}

fn matter_column(communication: &Communication) -> Option<[u8; 16]> {
    communication.matter.map(|m| m.to_bytes())
}

/// Inserts a communication.
pub(crate) fn insert(conn: &Connection, communication: &Communication) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO communications (id, version, matter_id, occurred_at, message_id, body) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .db()?
    .execute(params![
        communication.id.to_bytes(),
        to_i64("version", communication.version)?,
        matter_column(communication),
        micros(communication.occurred_at),
        communication.message_id,
        to_json(CommunicationId::ENTITY, communication)?
    ])
    .map_err(|e| unique(e, COMMUNICATION_UNIQUE))?;
    Ok(())
}

/// Updates a communication stored at `expected`.
pub(crate) fn update(
    conn: &Connection,
    communication: &Communication,
    expected: u64,
) -> Result<()> {
    let id = communication.id.to_bytes();
    let body = to_json(CommunicationId::ENTITY, communication)?;
    versioned_update(
        conn,
        CommunicationId::ENTITY,
        "SELECT version FROM communications WHERE id = ?1",
        &id,
        communication.version,
        expected,
        |version, expected| {
            conn.prepare_cached(
                "UPDATE communications SET version = ?1, matter_id = ?2, occurred_at = ?3, \
                 message_id = ?4, body = ?5 WHERE id = ?6 AND version = ?7",
            )
            .db()?
            .execute(params![
                version,
                matter_column(communication),
                micros(communication.occurred_at),
                communication.message_id,
                body,
                id,
                expected
            ])
            .db()
        },
    )
}
