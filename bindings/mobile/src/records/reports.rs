//! Management reports: hours per fee earner and work in progress.

use lexcase::reports::{FeeEarnerHours as CoreFeeEarnerHours, WorkInProgress as CoreWip};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::all;

/// Hours and value of one fee earner's work in a period.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeeEarnerHours {
    /// The fee earner.
    pub user: Uuid,
    /// The currency of the values (ISO 4217; a fee earner has a line per currency of work).
    pub currency: Option<String>,
    /// All time recorded, in seconds.
    pub recorded_seconds: u64,
    /// Billable time, after rounding.
    pub billable_seconds: u64,
    /// Non-billable time.
    pub non_billable_seconds: u64,
    /// No-charge time.
    pub no_charge_seconds: u64,
    /// Time on issued bills.
    pub billed_seconds: u64,
    /// The value of the billable time.
    pub recorded_value: Decimal,
    /// The value billed.
    pub billed_value: Decimal,
    /// Billable over available time (null when none was available).
    pub utilisation: Option<Decimal>,
    /// Billed over recorded value (null when nothing was recorded).
    pub realisation: Option<Decimal>,
}

impl From<CoreFeeEarnerHours> for FeeEarnerHours {
    fn from(hours: CoreFeeEarnerHours) -> Self {
        let CoreFeeEarnerHours {
            user,
            currency,
            recorded_seconds,
            billable_seconds,
            non_billable_seconds,
            no_charge_seconds,
            billed_seconds,
            recorded_value,
            billed_value,
            utilisation,
            realisation,
        } = hours;
        Self {
            user: user.into(),
            currency: currency.map(|c| c.code().to_owned()),
            recorded_seconds,
            billable_seconds,
            non_billable_seconds,
            no_charge_seconds,
            billed_seconds,
            recorded_value,
            billed_value,
            utilisation,
            realisation,
        }
    }
}

/// Unbilled work of one matter or one fee earner.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkInProgress {
    /// The matter (in the per-matter list).
    pub matter: Option<Uuid>,
    /// The fee earner (in the per-user list).
    pub user: Option<Uuid>,
    /// The currency of the values (ISO 4217; a line per currency).
    pub currency: Option<String>,
    /// Unbilled time, in seconds.
    pub unbilled_seconds: u64,
    /// Its value.
    pub unbilled_time_value: Decimal,
    /// Unbilled expenses.
    pub unbilled_expenses: Decimal,
    /// Time value plus expenses.
    pub total: Decimal,
}

impl From<CoreWip> for WorkInProgress {
    fn from(wip: CoreWip) -> Self {
        let total = wip.total();
        let CoreWip {
            matter,
            user,
            currency,
            unbilled_seconds,
            unbilled_time_value,
            unbilled_expenses,
        } = wip;
        Self {
            matter: matter.map(Uuid::from),
            user: user.map(Uuid::from),
            currency: currency.map(|c| c.code().to_owned()),
            unbilled_seconds,
            unbilled_time_value,
            unbilled_expenses,
            total,
        }
    }
}

/// Work in progress per matter and per fee earner, largest first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WipReport {
    /// Per matter.
    pub by_matter: Vec<WorkInProgress>,
    /// Per fee earner.
    pub by_user: Vec<WorkInProgress>,
}

impl From<(Vec<CoreWip>, Vec<CoreWip>)> for WipReport {
    fn from((by_matter, by_user): (Vec<CoreWip>, Vec<CoreWip>)) -> Self {
        Self {
            by_matter: all(by_matter),
            by_user: all(by_user),
        }
    }
}
