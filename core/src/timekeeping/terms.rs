//! Billing terms for a client or a matter: rates, rounding, permitted UTBMS codes.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::billing::{CodePolicy, RoundingPolicy};
use crate::error::Result;
use crate::ids::{ContactId, MatterId, UserId};
use crate::money::{Amount, Currency, Money};

/// Whose terms these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TermsScope {
    /// A client's terms, for all its matters.
    Client(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] ContactId),
    /// One matter's terms (before the client's).
    Matter(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] MatterId),
}

impl TermsScope {
    /// The key the terms are stored under, e.g. `client:<uuid>`.
    pub fn key(&self) -> String {
        match self {
            Self::Client(id) => format!("client:{id}"),
            Self::Matter(id) => format!("matter:{id}"),
        }
    }
}

/// Agreed rates, rounding and codes for a client or a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BillingTerms {
    /// Whose terms.
    pub scope: TermsScope,
    /// One hourly rate for everyone.
    pub rate: Option<Money>,
    /// Hourly rates per fee earner (before `rate`).
    pub user_rates: BTreeMap<UserId, Money>,
    /// The rounding policy (matter before client before firm).
    pub rounding: Option<RoundingPolicy>,
    /// The UTBMS codes permitted (a client's e-billing guidelines).
    pub codes: Option<CodePolicy>,
    /// Who changed them last.
    pub updated_by: UserId,
    /// When.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl BillingTerms {
    /// Empty terms for `scope`.
    pub fn empty(scope: TermsScope, by: UserId, now: DateTime<Utc>) -> Self {
        Self {
            scope,
            rate: None,
            user_rates: BTreeMap::new(),
            rounding: None,
            codes: None,
            updated_by: by,
            updated_at: now,
            version: 0,
        }
    }

    /// Checks the terms: rates not negative and all in one currency — `matter_currency` for a
    /// matter's terms, else the first rate's (a client's terms) — and a valid rounding policy.
    /// A refused rate is a `Validation` error on `rate` or `user_rates`, as it was given.
    pub fn validate(&self, matter_currency: Option<Currency>) -> Result<()> {
        let rates = self
            .rate
            .iter()
            .map(|rate| ("rate", rate))
            .chain(self.user_rates.values().map(|rate| ("user_rates", rate)));
        let mut currency = matter_currency;
        for (field, rate) in rates {
            Money::non_negative(rate.amount, rate.currency, field)?;
            if rate.currency != *currency.get_or_insert(rate.currency) {
                let reason = match matter_currency {
                    Some(_) => "the rate is in a different currency from the matter's",
                    None => "a client's rates are all in one currency",
                };
                return Err(crate::LexcaseError::validation(field, reason));
            }
        }
        if let Some(policy) = &self.rounding {
            policy.validate()?;
        }
        Ok(())
    }

    /// This scope's rate for `user`, then its rate for everyone.
    pub fn rates_for(&self, user: UserId) -> (Option<Money>, Option<Money>) {
        (self.user_rates.get(&user).copied(), self.rate)
    }
}

/// Billing terms as they are set, replacing the scope's terms whole. A rate may leave its
/// currency out: `set_terms` puts it in the matter's currency (a matter's terms) or the
/// firm's default currency (a client's), inside its transaction, so every front end gets
/// the same default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewTerms {
    /// Whose terms.
    pub scope: TermsScope,
    /// One hourly rate for everyone.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rate: Option<Amount>,
    /// Hourly rates per fee earner (before `rate`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user_rates: BTreeMap<UserId, Amount>,
    /// The rounding policy (matter before client before firm).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub rounding: Option<RoundingPolicy>,
    /// The UTBMS codes permitted (a client's e-billing guidelines).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub codes: Option<CodePolicy>,
}

impl NewTerms {
    /// Terms for `scope` with no rates, rounding or codes of their own.
    pub fn new(scope: TermsScope) -> Self {
        Self {
            scope,
            rate: None,
            user_rates: BTreeMap::new(),
            rounding: None,
            codes: None,
        }
    }

    /// The terms to store, by `by` at `now` (version 0 until saved): a rate that names no
    /// currency is in `currency`; amounts are checked as [`Money::new`] checks them.
    pub fn into_terms(
        self,
        currency: Currency,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<BillingTerms> {
        let user_rates = self
            .user_rates
            .into_iter()
            .map(|(user, rate)| Ok((user, rate.or_currency(currency, "user_rates")?)))
            .collect::<Result<_>>()?;
        Ok(BillingTerms {
            rate: self
                .rate
                .map(|rate| rate.or_currency(currency, "rate"))
                .transpose()?,
            user_rates,
            rounding: self.rounding,
            codes: self.codes,
            ..BillingTerms::empty(self.scope, by, now)
        })
    }
}

/// Terms as read, to be changed and set again (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl BillingTerms {
    /// These terms as `set_terms` takes them, each rate in its own currency: change the copy
    /// and set it with this record's `version`.
    pub fn to_new_terms(&self) -> NewTerms {
        NewTerms {
            scope: self.scope,
            rate: self.rate.map(Amount::from),
            user_rates: self
                .user_rates
                .iter()
                .map(|(user, rate)| (*user, Amount::from(*rate)))
                .collect(),
            rounding: self.rounding,
            codes: self.codes.clone(),
        }
    }
}

impl From<BillingTerms> for NewTerms {
    /// The terms as read, to be changed and set again.
    fn from(terms: BillingTerms) -> Self {
        terms.to_new_terms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn currency(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn rates_without_a_currency_take_the_given_one_and_named_ones_keep_theirs() {
        let user = UserId::new();
        let scope = TermsScope::Client(ContactId::new());
        let mut new = NewTerms::new(scope);
        new.rate = Some(Amount::new(dec!(250)));
        new.user_rates.insert(
            user,
            Amount {
                amount: dec!(300),
                currency: Some(currency("USD")),
            },
        );
        let terms = new
            .clone()
            .into_terms(currency("GBP"), user, Utc::now())
            .unwrap();
        assert_eq!(terms.rate.unwrap().currency, currency("GBP"));
        assert_eq!(terms.user_rates[&user].currency, currency("USD"));
        assert_eq!(terms.version, 0);
        assert_eq!(NewTerms::from(terms), {
            new.rate = Some(Amount::from(
                Money::new(dec!(250), currency("GBP"), "rate").unwrap(),
            ));
            new
        });
    }

    #[test]
    fn rates_are_refused_under_their_own_name_and_a_client_s_are_in_one_currency() {
        let user = UserId::new();
        let field = |terms: &BillingTerms, matter: Option<Currency>| match terms.validate(matter) {
            Err(crate::LexcaseError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        };
        let money = |amount, code| Money::new(amount, currency(code), "rate").unwrap();
        let mut terms = BillingTerms::empty(TermsScope::Client(ContactId::new()), user, Utc::now());
        terms.rate = Some(money(dec!(250), "GBP"));
        terms.user_rates.insert(user, money(dec!(300), "USD"));
        assert_eq!(field(&terms, None), "user_rates");
        terms.user_rates.insert(user, money(dec!(300), "GBP"));
        assert!(terms.validate(None).is_ok());
        assert_eq!(field(&terms, Some(currency("USD"))), "rate");
        terms.rate = None;
        assert_eq!(field(&terms, Some(currency("USD"))), "user_rates");
        terms.user_rates.insert(user, money(dec!(-1), "GBP"));
        assert_eq!(field(&terms, None), "user_rates");
    }

    #[test]
    fn a_rate_finer_than_money_allows_is_refused_naming_its_field() {
        let mut new = NewTerms::new(TermsScope::Matter(MatterId::new()));
        new.user_rates
            .insert(UserId::new(), Amount::new(dec!(10.0000001)));
        let err = new
            .into_terms(currency("GBP"), UserId::new(), Utc::now())
            .unwrap_err();
        assert!(
            matches!(&err, crate::LexcaseError::Validation { field, .. } if field == "user_rates"),
            "{err:?}"
        );
    }
}
