//! Management reports: hours per fee earner and work in progress. `FeeEarnerHours` is the
//! core's; a line of work in progress is kept here with its derived total.

pub use lexcase::reports::FeeEarnerHours;

use lexcase::money::Currency;
use lexcase::reports::WorkInProgress as CoreWip;
use lexcase::{MatterId, UserId};
use rust_decimal::Decimal;

use crate::convert::all;

/// Unbilled work of one matter or one fee earner.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkInProgress {
    /// The matter (in the per-matter list).
    pub matter: Option<MatterId>,
    /// The fee earner (in the per-user list).
    pub user: Option<UserId>,
    /// The currency of the values (ISO 4217; a line per currency).
    pub currency: Option<Currency>,
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
        Self {
            total: wip.total(),
            matter: wip.matter,
            user: wip.user,
            currency: wip.currency,
            unbilled_seconds: wip.unbilled_seconds,
            unbilled_time_value: wip.unbilled_time_value,
            unbilled_expenses: wip.unbilled_expenses,
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
