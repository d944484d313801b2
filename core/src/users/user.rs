//! A user: name, email, role, default hourly rate, timekeeper classification, active flag.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::access::{Capability, Role};
use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::money::{Currency, Money};
use crate::validate;

/// A user of the firm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct User {
    /// Identifier.
    pub id: UserId,
    /// Full name.
    pub name: String,
    /// Login / contact email, unique in the firm.
    pub email: String,
    /// Role in the firm.
    pub role: Role,
    /// Default hourly rate (the last rule of the rate hierarchy); hidden (`None`) unless the
    /// viewer may see rates or is this user.
    pub default_rate: Option<Money>,
    /// Timekeeper classification code for LEDES (e.g. `PT` partner, `AS` associate, `PL` paralegal).
    pub timekeeper_code: Option<String>,
    /// Inactive users keep their history but may not act.
    pub active: bool,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version: pass it back to `update`.
    pub version: u64,
}

/// What a new user is created with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewUser {
    /// Full name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Default hourly rate amount; its currency is `rate_currency` or the firm's.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub default_rate: Option<Decimal>,
    /// ISO 4217 currency of the rate (the firm's default when `None`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rate_currency: Option<String>,
    /// Timekeeper classification code (1 to 10 upper-case letters or digits).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timekeeper_code: Option<String>,
}

/// A partial update of a user; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UserChanges {
    /// New name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// New email.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// New role.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub role: Option<Role>,
    /// New default rate amount (with `rate_currency` or the current/firm currency).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub default_rate: Option<Decimal>,
    /// Currency of the new rate (only together with `default_rate`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rate_currency: Option<String>,
    /// New timekeeper code; `Some("")` clears it.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub timekeeper_code: Option<String>,
    /// Activate or deactivate.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
}

/// Checks a LEDES timekeeper classification: 1 to 10 upper-case letters or digits.
fn timekeeper_code(value: &str) -> Result<Option<String>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() > 10
        || !value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Err(LexcaseError::validation(
            "timekeeper_code",
            "use 1 to 10 upper-case letters or digits",
        ));
    }
    Ok(Some(value.to_owned()))
}

fn rate(amount: Decimal, currency: Option<&str>, fallback: Currency) -> Result<Money> {
    let currency = currency
        .map(Currency::parse)
        .transpose()?
        .unwrap_or(fallback);
    Money::non_negative(amount, currency, "default_rate")
}

impl User {
    /// Builds a new active user at version 1, checking every field.
    pub fn create(new: &NewUser, firm_currency: Currency, now: DateTime<Utc>) -> Result<Self> {
        Ok(Self {
            id: UserId::new(),
            name: validate::required_line("name", &new.name)?,
            email: validate::email("email", &new.email)?,
            role: new.role,
            default_rate: new
                .default_rate
                .map(|a| rate(a, new.rate_currency.as_deref(), firm_currency))
                .transpose()?,
            timekeeper_code: new
                .timekeeper_code
                .as_deref()
                .map(timekeeper_code)
                .transpose()?
                .flatten(),
            active: true,
            created_at: now,
            version: 1,
        })
    }

    /// Applies `changes`, checking every changed field; the version is not touched.
    pub fn apply(&mut self, changes: &UserChanges, firm_currency: Currency) -> Result<()> {
        if let Some(name) = &changes.name {
            self.name = validate::required_line("name", name)?;
        }
        if let Some(email) = &changes.email {
            self.email = validate::email("email", email)?;
        }
        if let Some(role) = changes.role {
            self.role = role;
        }
        if let Some(amount) = changes.default_rate {
            let fallback = self.default_rate.map_or(firm_currency, |r| r.currency);
            self.default_rate = Some(rate(amount, changes.rate_currency.as_deref(), fallback)?);
        } else if changes.rate_currency.is_some() {
            return Err(LexcaseError::validation(
                "rate_currency",
                "give the rate together with its currency",
            ));
        }
        if let Some(code) = &changes.timekeeper_code {
            self.timekeeper_code = timekeeper_code(code)?;
        }
        if let Some(active) = changes.active {
            self.active = active;
        }
        Ok(())
    }

    /// Whether the user's role grants `capability` (inactive users have none).
    pub fn can(&self, capability: Capability) -> bool {
        self.active && self.role.grants(capability)
    }

    /// Refuses unless the user may `capability`.
    pub fn require(&self, capability: Capability) -> Result<()> {
        if self.can(capability) {
            Ok(())
        } else {
            Err(LexcaseError::denied(capability.as_str()))
        }
    }

    /// This user as seen by `viewer`: the rate is hidden unless the viewer may see rates or is
    /// this user.
    pub fn seen_by(mut self, viewer: &User) -> Self {
        if viewer.id != self.id && !viewer.can(Capability::ViewRates) {
            self.default_rate = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn gbp() -> Currency {
        Currency::parse("GBP").unwrap()
    }

    fn new_user() -> NewUser {
        NewUser {
            name: "Ada Lovelace".into(),
            email: "ada@smith.example".into(),
            role: Role::FeeEarner,
            default_rate: Some(dec!(250.00)),
            rate_currency: None,
            timekeeper_code: Some("AS".into()),
        }
    }

    #[test]
    fn creates_with_firm_currency_and_refuses_bad_fields() {
        let u = User::create(&new_user(), gbp(), Utc::now()).unwrap();
        assert_eq!(u.default_rate.unwrap().currency, gbp());
        let cases = [
            (
                NewUser {
                    name: "".into(),
                    ..new_user()
                },
                "name",
            ),
            (
                NewUser {
                    email: "nope".into(),
                    ..new_user()
                },
                "email",
            ),
            (
                NewUser {
                    default_rate: Some(dec!(-1)),
                    ..new_user()
                },
                "default_rate",
            ),
            (
                NewUser {
                    rate_currency: Some("ZZZ".into()),
                    ..new_user()
                },
                "currency",
            ),
            (
                NewUser {
                    timekeeper_code: Some("partner!".into()),
                    ..new_user()
                },
                "timekeeper_code",
            ),
        ];
        for (new, field) in cases {
            match User::create(&new, gbp(), Utc::now()).unwrap_err() {
                LexcaseError::Validation { field: f, .. } => assert_eq!(f, field),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_failed_change_is_reported_before_anything_is_kept() {
        let mut u = User::create(&new_user(), gbp(), Utc::now()).unwrap();
        let mut copy = u.clone();
        let err = copy.apply(
            &UserChanges {
                name: Some("New".into()),
                email: Some("bad".into()),
                ..Default::default()
            },
            gbp(),
        );
        assert!(err.is_err());
        // Services apply changes to a copy and persist only on success.
        u.apply(
            &UserChanges {
                active: Some(false),
                ..Default::default()
            },
            gbp(),
        )
        .unwrap();
        assert!(!u.can(Capability::EditMatters));
    }
}
