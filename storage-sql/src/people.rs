//! Users and contacts: typed name and status columns, the contact's nested details (emails,
//! phones, addresses, identifiers, affiliations) as JSON, and the folded keys lists sort and
//! search on.

use std::borrow::Cow;

use lexcase::Result;
use lexcase::contacts::{Contact, IdentityVerification};
use lexcase::money::Money;
use lexcase::users::User;
use serde::{Deserialize, Serialize};

use crate::record::Record;
use crate::value::{Cols, Value};

impl Record for User {
    const TABLE: &'static str = "users";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "name",
        "email",
        "role",
        "rate_currency",
        "default_rate",
        "timekeeper_code",
        "active",
        "created_at",
    ];
    const WHAT: &'static str = "user";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.id),
            Value::count(self.version)?,
            Value::text(&self.name),
            Value::text(&self.email),
            Value::name(self.role.as_str()),
            Value::opt_text(self.default_rate.map(|r| r.currency.code())),
            self.default_rate
                .map_or(Value::Null, |r| Value::Decimal(r.amount)),
            Value::opt_text(self.timekeeper_code.as_deref()),
            Value::Bool(self.active),
            Value::Instant(self.created_at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let name = c.text()?;
        let email = c.text()?;
        let role = c.name()?;
        let currency = c.opt_currency()?;
        let rate = c.opt_decimal()?;
        Ok(User {
            id,
            name,
            email,
            role,
            default_rate: currency
                .zip(rate)
                .map(|(currency, amount)| Money { amount, currency }),
            timekeeper_code: c.opt_text()?,
            active: c.bool()?,
            created_at: c.instant()?,
            version,
        })
    }
}

/// A contact's nested details, kept together as JSON (read whole, never summed or sorted).
#[derive(Serialize, Deserialize)]
struct ContactDetails<'a> {
    emails: Cow<'a, [lexcase::contacts::Email]>,
    phones: Cow<'a, [lexcase::contacts::Phone]>,
    addresses: Cow<'a, [lexcase::contacts::PostalAddress]>,
    identifiers: Cow<'a, [lexcase::contacts::Identifier]>,
    affiliations: Cow<'a, [lexcase::contacts::Affiliation]>,
}

impl Record for Contact {
    const TABLE: &'static str = "contacts";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "kind",
        "title",
        "given_name",
        "family_name",
        "organisation_name",
        "details",
        "identity_status",
        "identity_checked_on",
        "identity_method",
        "identity_recorded_by",
        "identity_recorded_at",
        "created_at",
        "sort_name",
        "search_key",
    ];
    const WHAT: &'static str = "contact";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let details = ContactDetails {
            emails: Cow::Borrowed(&self.emails),
            phones: Cow::Borrowed(&self.phones),
            addresses: Cow::Borrowed(&self.addresses),
            identifiers: Cow::Borrowed(&self.identifiers),
            affiliations: Cow::Borrowed(&self.affiliations),
        };
        let identity = &self.identity;
        Ok(vec![
            Value::id(self.id),
            Value::count(self.version)?,
            Value::name(self.kind.as_str()),
            Value::opt_text(self.title.as_deref()),
            Value::opt_text(self.given_name.as_deref()),
            Value::opt_text(self.family_name.as_deref()),
            Value::opt_text(self.organisation_name.as_deref()),
            Value::json("contact", &details)?,
            Value::name(identity.status.as_str()),
            Value::opt_date(identity.checked_on),
            Value::opt_text(identity.method.map(|m| m.as_str())),
            Value::opt_id(identity.recorded_by),
            Value::opt_instant(identity.recorded_at),
            Value::Instant(self.created_at),
            Value::Text(Cow::Owned(self.sort_name())),
            Value::Text(Cow::Owned(self.search_key())),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let kind = c.name()?;
        let title = c.opt_text()?;
        let given_name = c.opt_text()?;
        let family_name = c.opt_text()?;
        let organisation_name = c.opt_text()?;
        let details: ContactDetails<'static> = c.json()?;
        let identity = IdentityVerification {
            status: c.name()?,
            checked_on: c.opt_date()?,
            method: c.opt_name()?,
            recorded_by: c.opt_id()?,
            recorded_at: c.opt_instant()?,
        };
        Ok(Contact {
            id,
            kind,
            title,
            given_name,
            family_name,
            organisation_name,
            emails: details.emails.into_owned(),
            phones: details.phones.into_owned(),
            addresses: details.addresses.into_owned(),
            identifiers: details.identifiers.into_owned(),
            affiliations: details.affiliations.into_owned(),
            identity,
            created_at: c.instant()?,
            version,
        })
    }
}
