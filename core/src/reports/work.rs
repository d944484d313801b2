//! Hours, value and work in progress per fee earner and per matter, summed from time entries.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{MatterId, UserId};
use crate::money::Currency;
use crate::timekeeping::{Billability, TimeEntry, WorkStatus};

/// A fee earner's time over a period, in one currency of work (a fee earner whose work is
/// rated in two currencies has a line for each: values in different currencies never add).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FeeEarnerHours {
    /// The fee earner.
    pub user: UserId,
    /// The currency of the values (`None` only on an empty line).
    #[serde(default)]
    pub currency: Option<Currency>,
    /// All time recorded, in seconds.
    pub recorded_seconds: u64,
    /// Billable time recorded.
    pub billable_seconds: u64,
    /// Non-billable time recorded.
    pub non_billable_seconds: u64,
    /// Time recorded as no charge.
    pub no_charge_seconds: u64,
    /// Billable time now on issued bills.
    pub billed_seconds: u64,
    /// Value of the billable time at its rates.
    pub recorded_value: Decimal,
    /// Value of the time on issued bills.
    pub billed_value: Decimal,
    /// Billable time over the time available (`None` without available time).
    pub utilisation: Option<Decimal>,
    /// Billed value over recorded value (`None` when nothing was recorded).
    pub realisation: Option<Decimal>,
}

impl FeeEarnerHours {
    /// Adds one entry (of this line's currency).
    pub fn add(&mut self, entry: &TimeEntry) {
        self.currency = Some(entry.rate.currency);
        let seconds = u64::from(entry.seconds);
        self.recorded_seconds += seconds;
        match entry.billability {
            Billability::Billable => {
                self.billable_seconds += seconds;
                self.recorded_value += entry.value().amount;
                if entry.status == WorkStatus::Billed {
                    self.billed_seconds += seconds;
                    self.billed_value += entry.value().amount;
                }
            }
            Billability::NonBillable => self.non_billable_seconds += seconds,
            Billability::NoCharge => self.no_charge_seconds += seconds,
        }
    }
}

/// Unbilled work on a matter (or of a fee earner), in one currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkInProgress {
    /// The matter, for a per-matter line.
    pub matter: Option<MatterId>,
    /// The fee earner, for a per-fee-earner line.
    pub user: Option<UserId>,
    /// The currency of the values (`None` only on an empty line).
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Unbilled billable time, in seconds.
    pub unbilled_seconds: u64,
    /// Its value at the entries' rates.
    pub unbilled_time_value: Decimal,
    /// Unbilled billable expenses.
    pub unbilled_expenses: Decimal,
}

/// The line's derived total (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl WorkInProgress {
    /// The whole value in progress.
    pub fn total(&self) -> Decimal {
        self.unbilled_time_value + self.unbilled_expenses
    }
}
