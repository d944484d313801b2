//! Reads of the firm's settings, users and contacts, and the user and contact lists.

use lexcase::contacts::Contact;
use lexcase::firm::FirmSettings;
use lexcase::store::{ContactQuery, Page, Paged};
use lexcase::users::User;
use lexcase::{ContactId, Result, UserId};
use lexcase_sql::column_list;
use lexcase_sql::keyset::SortKey;

use crate::paging::{self, List};
use crate::records::select;
use crate::scope::Scope;
use crate::sql::like_escape;
use crate::value::Arg;

/// The firm's settings.
pub(crate) fn firm_settings(scope: &mut Scope<'_>) -> Result<Option<FirmSettings>> {
    scope.body(
        "firm",
        "SELECT body FROM firm_settings WHERE firm_id = $1",
        &[],
    )
}

/// A user by id.
pub(crate) fn user(scope: &mut Scope<'_>, id: UserId) -> Result<Option<User>> {
    scope.record(&select::<User>("u", "u.id = ?"), &[Arg::id(id)])
}

/// A user by exact email.
pub(crate) fn user_by_email(scope: &mut Scope<'_>, email: &str) -> Result<Option<User>> {
    scope.record(&select::<User>("u", "u.email = ?"), &[Arg::text(email)])
}

/// Users by name (ASCII case ignored, as SQLite's NOCASE), then id.
pub(crate) fn users(scope: &mut Scope<'_>, page: Page) -> Result<Paged<User>> {
    const ORDER: &[SortKey] = &[SortKey::asc("lower(u.name)"), SortKey::asc("u.id")];
    paging::page(
        scope,
        List {
            columns: &column_list::<User>(Some("u")),
            from: "users u",
            conditions: vec!["u.firm_id = $1".into()],
            args: Vec::new(),
            keys: ORDER,
        },
        &page,
        paging::record,
    )
}

/// A contact by id.
pub(crate) fn contact(scope: &mut Scope<'_>, id: ContactId) -> Result<Option<Contact>> {
    scope.record(&select::<Contact>("c", "c.id = ?"), &[Arg::id(id)])
}

/// Contacts matching `query` by sort name, then id. The name prefix matches the start of the
/// search key or the start of any later word of it (words are separated by single spaces).
pub(crate) fn contacts(
    scope: &mut Scope<'_>,
    query: &ContactQuery,
    page: Page,
) -> Result<Paged<Contact>> {
    const ORDER: &[SortKey] = &[SortKey::asc("lower(c.sort_name)"), SortKey::asc("c.id")];
    let mut conditions = vec!["c.firm_id = $1".to_owned()];
    let mut args = Vec::new();
    if let Some(prefix) = &query.name_prefix {
        let prefix = like_escape(prefix);
        conditions
            .push(r"(c.search_key LIKE ? ESCAPE '\' OR c.search_key LIKE ? ESCAPE '\')".into());
        args.push(Arg::string(format!("{prefix}%")));
        args.push(Arg::string(format!("% {prefix}%")));
    }
    if let Some(kind) = query.kind {
        conditions.push("c.kind = ?".into());
        args.push(Arg::text(kind.as_str()));
    }
    paging::page(
        scope,
        List {
            columns: &column_list::<Contact>(Some("c")),
            from: "contacts c",
            conditions,
            args,
            keys: ORDER,
        },
        &page,
        paging::record,
    )
}
