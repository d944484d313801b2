//! The rate hierarchy: the first rule that gives a rate wins, and the entry records which.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::money::Money;

/// Which rule produced an entry's rate, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RateSource {
    /// Typed on the entry.
    Manual,
    /// The matter's rate for this fee earner.
    MatterUser,
    /// The matter's rate.
    Matter,
    /// The client's rate for this fee earner.
    ClientUser,
    /// The client's rate.
    Client,
    /// The firm's rate for the entry's UTBMS activity.
    Activity,
    /// The fee earner's default rate.
    UserDefault,
}

crate::names::stable_names!(RateSource, "rate_source", "rate source", {
    Manual = "manual",
    MatterUser = "matter_user",
    Matter = "matter",
    ClientUser = "client_user",
    Client = "client",
    Activity = "activity",
    UserDefault = "user_default",
});

/// The rates that could apply to one entry, one per rule of the hierarchy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateCandidates {
    /// Typed on the entry.
    pub manual: Option<Money>,
    /// The matter's rate for the fee earner.
    pub matter_user: Option<Money>,
    /// The matter's rate.
    pub matter: Option<Money>,
    /// The client's rate for the fee earner.
    pub client_user: Option<Money>,
    /// The client's rate.
    pub client: Option<Money>,
    /// The activity's rate.
    pub activity: Option<Money>,
    /// The fee earner's default rate.
    pub user_default: Option<Money>,
}

/// The first rate of the hierarchy manual → matter for this user → matter → client for this
/// user → client → activity → user default, and its source. No rate at all is a validation
/// error on `rate`.
pub fn resolve_rate(candidates: &RateCandidates) -> Result<(Money, RateSource)> {
    [
        (candidates.manual, RateSource::Manual),
        (candidates.matter_user, RateSource::MatterUser),
        (candidates.matter, RateSource::Matter),
        (candidates.client_user, RateSource::ClientUser),
        (candidates.client, RateSource::Client),
        (candidates.activity, RateSource::Activity),
        (candidates.user_default, RateSource::UserDefault),
    ]
    .into_iter()
    .find_map(|(rate, source)| rate.map(|r| (r, source)))
    .ok_or_else(|| {
        LexcaseError::validation(
            "rate",
            "no rate applies: give one, or set a matter, client, activity or default rate",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use rust_decimal::Decimal;

    fn gbp(n: i64) -> Option<Money> {
        Some(Money::new(Decimal::from(n), Currency::parse("GBP").unwrap(), "rate").unwrap())
    }

    #[test]
    fn first_match_wins_in_order() {
        let mut c = RateCandidates {
            user_default: gbp(100),
            ..RateCandidates::default()
        };
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::UserDefault);
        c.activity = gbp(110);
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::Activity);
        c.client = gbp(120);
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::Client);
        c.client_user = gbp(130);
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::ClientUser);
        c.matter = gbp(140);
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::Matter);
        c.matter_user = gbp(150);
        assert_eq!(resolve_rate(&c).unwrap().1, RateSource::MatterUser);
        c.manual = gbp(160);
        assert_eq!(
            resolve_rate(&c).unwrap(),
            (gbp(160).unwrap(), RateSource::Manual)
        );
        assert!(resolve_rate(&RateCandidates::default()).is_err());
    }
}
