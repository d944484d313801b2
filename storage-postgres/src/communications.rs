//! Communications: reads, the per-matter log and the unfiled queue, the lookups that file
//! incoming mail, writes.

use lexcase::communications::Communication;
use lexcase::contacts::Contact;
use lexcase::matters::MatterStatus;
use lexcase::store::{Page, Paged};
use lexcase::{CommunicationId, ContactId, LexcaseError, MatterId, Result};
use lexcase_sql::Value;
use lexcase_sql::keyset::SortKey;
use uuid::Uuid;

use crate::paging::{self, List};
use crate::records::{taken, versioned_update};
use crate::scope::{Scope, to_json};
use crate::value::Arg;

const DUPLICATE_MESSAGE: &str = "a message with this Message-ID was already ingested";

/// A communication by id.
pub(crate) fn communication(
    scope: &mut Scope<'_>,
    id: CommunicationId,
) -> Result<Option<Communication>> {
    scope.body(
        CommunicationId::ENTITY,
        "SELECT body FROM communications WHERE firm_id = $1 AND id = ?",
        &[Arg::id(id)],
    )
}

/// The communication with this Message-ID.
pub(crate) fn by_message_id(
    scope: &mut Scope<'_>,
    message_id: &str,
) -> Result<Option<Communication>> {
    scope.body(
        CommunicationId::ENTITY,
        "SELECT body FROM communications WHERE firm_id = $1 AND message_id = ?",
        &[Arg::text(message_id)],
    )
}

/// A matter's communications, newest first.
pub(crate) fn of_matter(
    scope: &mut Scope<'_>,
    matter: MatterId,
    page: Page,
) -> Result<Paged<Communication>> {
    const ORDER: &[SortKey] = &[SortKey::desc("c.occurred_at"), SortKey::desc("c.id")];
    paging::page(
        scope,
        List {
            columns: "c.body",
            from: "communications c",
            conditions: vec!["c.firm_id = $1".into(), "c.matter_id = ?".into()],
            args: vec![Arg::id(matter)],
            keys: ORDER,
        },
        &page,
        paging::body(CommunicationId::ENTITY),
    )
}

/// Communications on no matter, oldest first.
pub(crate) fn unfiled(scope: &mut Scope<'_>, page: Page) -> Result<Paged<Communication>> {
    const ORDER: &[SortKey] = &[SortKey::asc("c.occurred_at"), SortKey::asc("c.id")];
    paging::page(
        scope,
        List {
            columns: "c.body",
            from: "communications c",
            conditions: vec!["c.firm_id = $1".into(), "c.matter_id IS NULL".into()],
            args: Vec::new(),
            keys: ORDER,
        },
        &page,
        paging::body(CommunicationId::ENTITY),
    )
}

/// The ids in column 0 of `rows`.
pub(crate) fn ids<T: From<Uuid>>(rows: &[postgres::Row]) -> Result<Vec<T>> {
    rows.iter()
        .map(|r| {
            r.try_get::<_, Uuid>(0)
                .map(T::from)
                .map_err(|_| LexcaseError::storage("a stored id is unreadable"))
        })
        .collect()
}

/// Contacts with this email address.
pub(crate) fn contacts_with_email(scope: &mut Scope<'_>, email: &str) -> Result<Vec<ContactId>> {
    let rows = scope.rows(
        "SELECT contact_id FROM contact_emails WHERE firm_id = $1 AND email = ? \
         ORDER BY contact_id",
        &[Arg::string(email.to_lowercase())],
    )?;
    ids(&rows)
}

/// Pending or open matters with any of `contacts` as a party.
pub(crate) fn live_matters_with_parties(
    scope: &mut Scope<'_>,
    contacts: &[ContactId],
) -> Result<Vec<MatterId>> {
    if contacts.is_empty() {
        return Ok(Vec::new());
    }
    let rows = scope.rows(
        "SELECT DISTINCT m.id FROM matter_parties p \
         JOIN matters m ON m.firm_id = p.firm_id AND m.id = p.matter_id \
         WHERE p.firm_id = $1 AND p.contact_id = ANY(?) AND m.status IN (?, ?) ORDER BY m.id",
        &[
            Arg::ids(contacts),
            Arg::text(MatterStatus::Pending.as_str()),
            Arg::text(MatterStatus::Open.as_str()),
        ],
    )?;
    ids(&rows)
}

/// Rewrites a contact's rows in the email index.
pub(crate) fn index_contact_emails(scope: &mut Scope<'_>, contact: &Contact) -> Result<()> {
    scope.execute(
        "DELETE FROM contact_emails WHERE firm_id = $1 AND contact_id = ?",
        &[Arg::id(contact.id)],
    )?;
    if contact.emails.is_empty() {
        return Ok(());
    }
    let mut emails: Vec<String> = contact
        .emails
        .iter()
        .map(|e| e.address.to_lowercase())
        .collect();
    emails.sort();
    emails.dedup();
    let rows: Vec<Vec<Value<'_>>> = emails
        .into_iter()
        .map(|e| vec![Value::Text(e.into()), Value::Id(contact.id.into())])
        .collect();
    scope.insert_rows(
        "INSERT INTO contact_emails (firm_id, email, contact_id)",
        &["text", "uuid"],
        &rows,
        "",
    )?;
    Ok(())
}

/// Inserts a communication.
pub(crate) fn insert(scope: &mut Scope<'_>, communication: &Communication) -> Result<()> {
    let inserted = scope.execute(
        "INSERT INTO communications (firm_id, id, version, matter_id, occurred_at, message_id, \
         body) VALUES ($1, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        &[
            Arg::id(communication.id),
            Arg::count(communication.version)?,
            Arg::opt_id(communication.matter),
            Arg::instant(communication.occurred_at),
            Arg::opt_text(communication.message_id.as_deref()),
            Arg::string(to_json(CommunicationId::ENTITY, communication)?),
        ],
    )?;
    if inserted == 1 {
        return Ok(());
    }
    let reason = match &communication.message_id {
        Some(id)
            if taken(
                scope,
                "communications",
                "id",
                &["message_id"],
                vec![Arg::text(id)],
                None,
            )? =>
        {
            DUPLICATE_MESSAGE
        }
        _ => "the communication already exists",
    };
    Err(LexcaseError::Conflict {
        reason: reason.into(),
    })
}

/// Updates a communication stored at `expected`.
pub(crate) fn update(
    scope: &mut Scope<'_>,
    communication: &Communication,
    expected: u64,
) -> Result<()> {
    let body = to_json(CommunicationId::ENTITY, communication)?;
    versioned_update(
        scope,
        CommunicationId::ENTITY,
        "SELECT version FROM communications WHERE firm_id = $1 AND id = ?",
        &[Arg::id(communication.id)],
        communication.version,
        expected,
        |scope, version, expected| {
            if let Some(id) = &communication.message_id {
                let other = Some(Arg::id(communication.id));
                if taken(
                    scope,
                    "communications",
                    "id",
                    &["message_id"],
                    vec![Arg::text(id)],
                    other,
                )? {
                    return Err(LexcaseError::Conflict {
                        reason: DUPLICATE_MESSAGE.into(),
                    });
                }
            }
            scope.execute(
                "UPDATE communications SET version = ?, matter_id = ?, occurred_at = ?, \
                 message_id = ?, body = ? WHERE firm_id = $1 AND id = ? AND version = ?",
                &[
                    Arg::int(version),
                    Arg::opt_id(communication.matter),
                    Arg::instant(communication.occurred_at),
                    Arg::opt_text(communication.message_id.as_deref()),
                    Arg::text(&body),
                    Arg::id(communication.id),
                    Arg::int(expected),
                ],
            )
        },
    )
}
