//! Billing terms for a client or a matter: rates, rounding, permitted UTBMS codes.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::billing::{CodePolicy, RoundingPolicy};
use crate::error::Result;
use crate::ids::{ContactId, MatterId, UserId};
use crate::money::Money;

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

    /// Checks the terms: rates not negative and in `currency` (when given), a valid policy.
    pub fn validate(&self, currency: Option<crate::money::Currency>) -> Result<()> {
        let rates = self.rate.iter().chain(self.user_rates.values());
        for rate in rates {
            Money::non_negative(rate.amount, rate.currency, "rate")?;
            if currency.is_some_and(|c| c != rate.currency) {
                return Err(crate::LexcaseError::validation(
                    "rate",
                    "the rate is in a different currency from the matter's",
                ));
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
