//! The time entry aggregate.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::RateSource;
use crate::billing::{RoundingPolicy, hours};
use crate::error::{LexcaseError, Result};
use crate::ids::{AppointmentId, BillId, CommunicationId, MatterId, TaskId, TimeEntryId, UserId};
use crate::money::{Amount, Money};
use crate::validate;

/// The longest single entry: 24 hours.
pub const MAX_ENTRY_SECONDS: u32 = 24 * 60 * 60;

/// Whether the time is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Billability {
    /// Charged at its rate.
    #[default]
    Billable,
    /// Never charged (internal work); counts as non-billable time.
    NonBillable,
    /// Shown on the bill at no charge.
    NoCharge,
}

crate::names::stable_names!(Billability, "billability", "billability", {
    Billable = "billable",
    NonBillable = "non_billable",
    NoCharge = "no_charge",
});

/// Where recorded work stands in billing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum WorkStatus {
    /// Work in progress, not yet on a bill.
    #[default]
    Unbilled,
    /// On a draft bill.
    OnDraftBill,
    /// On an issued bill (frozen).
    Billed,
    /// Written off: never to be billed.
    WrittenOff,
}

crate::names::stable_names!(WorkStatus, "status", "work status", {
    Unbilled = "unbilled",
    OnDraftBill = "on_draft_bill",
    Billed = "billed",
    WrittenOff = "written_off",
});

/// What the entry was recorded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TimeSource {
    /// Typed in.
    #[default]
    Typed,
    /// A stopped timer.
    Timer,
    /// A communication (a call, an email, a meeting).
    Communication(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] CommunicationId),
    /// A task.
    Task(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] TaskId),
    /// A calendar entry.
    Appointment(#[cfg_attr(feature = "uniffi", uniffi(name = "id"))] AppointmentId),
}

/// Time worked by a fee earner on a matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TimeEntry {
    /// Identifier.
    pub id: TimeEntryId,
    /// The matter.
    pub matter: MatterId,
    /// The fee earner who did the work.
    pub user: UserId,
    /// The day the work was done.
    pub date: NaiveDate,
    /// Exact time worked, in whole seconds.
    pub seconds: u32,
    /// What was done.
    pub narrative: String,
    /// UTBMS task code (e.g. `L330`).
    pub task_code: Option<String>,
    /// UTBMS activity code (e.g. `A104`).
    pub activity_code: Option<String>,
    /// Whether it is charged.
    pub billability: Billability,
    /// The hourly rate that applies.
    pub rate: Money,
    /// Which rule gave the rate.
    pub rate_source: RateSource,
    /// The rounding policy in force when it was recorded.
    pub rounding: RoundingPolicy,
    /// Where it stands in billing.
    pub status: WorkStatus,
    /// The bill it is on.
    pub bill: Option<BillId>,
    /// What it was recorded from.
    pub source: TimeSource,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a time entry is recorded with; the service fills in the rate and the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTimeEntry {
    /// The matter.
    pub matter: MatterId,
    /// The fee earner (the recording user when `None`).
    pub user: Option<UserId>,
    /// The day.
    pub date: NaiveDate,
    /// Time worked in whole seconds.
    pub seconds: u32,
    /// What was done.
    pub narrative: String,
    /// UTBMS task code.
    pub task_code: Option<String>,
    /// UTBMS activity code.
    pub activity_code: Option<String>,
    /// Charged or not.
    pub billability: Billability,
    /// A rate typed on the entry (first in the hierarchy), in the matter's currency when it
    /// names none.
    pub rate: Option<Amount>,
    /// What it was recorded from.
    pub source: TimeSource,
}

impl NewTimeEntry {
    /// Billable time typed against a matter.
    pub fn new(matter: MatterId, date: NaiveDate, seconds: u32, narrative: &str) -> Self {
        Self {
            matter,
            user: None,
            date,
            seconds,
            narrative: narrative.to_owned(),
            task_code: None,
            activity_code: None,
            billability: Billability::Billable,
            rate: None,
            source: TimeSource::Typed,
        }
    }
}

/// A change to an unbilled entry; `None` leaves a field as it is. A change of codes does not
/// change the rate (give `rate` to re-rate by hand).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeEntryChanges {
    /// New day.
    pub date: Option<NaiveDate>,
    /// New duration.
    pub seconds: Option<u32>,
    /// New narrative.
    pub narrative: Option<String>,
    /// New task code (`Some(None)` clears it).
    pub task_code: Option<Option<String>>,
    /// New activity code (`Some(None)` clears it).
    pub activity_code: Option<Option<String>>,
    /// New billability.
    pub billability: Option<Billability>,
    /// A rate typed by hand (recorded as [`RateSource::Manual`]), in the entry's currency when
    /// it names none.
    pub rate: Option<Amount>,
}

/// Refuses a negative hourly rate (time of negative value: credits are bill adjustments).
fn check_rate(rate: &Money) -> Result<()> {
    if rate.amount.is_sign_negative() && !rate.amount.is_zero() {
        return Err(LexcaseError::validation("rate", "must not be negative"));
    }
    Ok(())
}

/// Checks a duration in seconds: more than zero, at most 24 hours.
pub(crate) fn checked_seconds(seconds: u32) -> Result<u32> {
    if seconds == 0 || seconds > MAX_ENTRY_SECONDS {
        return Err(LexcaseError::validation(
            "seconds",
            "a time entry is more than 0 seconds and at most 24 hours",
        ));
    }
    Ok(seconds)
}

impl TimeEntry {
    /// Builds an unbilled entry at version 1 with the resolved rate and policy.
    #[allow(clippy::too_many_arguments)]
    pub fn create(
        new: NewTimeEntry,
        user: UserId,
        rate: (Money, RateSource),
        rounding: RoundingPolicy,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        check_rate(&rate.0)?;
        let mut entry = Self {
            id: TimeEntryId::new(),
            matter: new.matter,
            user,
            date: new.date,
            seconds: checked_seconds(new.seconds)?,
            narrative: String::new(),
            task_code: None,
            activity_code: None,
            billability: new.billability,
            rate: rate.0,
            rate_source: rate.1,
            rounding,
            status: WorkStatus::Unbilled,
            bill: None,
            source: new.source,
            recorded_by: by,
            recorded_at: now,
            version: 1,
        };
        entry.apply(TimeEntryChanges {
            narrative: Some(new.narrative),
            task_code: Some(new.task_code),
            activity_code: Some(new.activity_code),
            ..TimeEntryChanges::default()
        })?;
        Ok(entry)
    }

    /// Applies a change; only unbilled work may change. Codes are checked by the service
    /// (against the client's code policy) before this.
    pub fn apply(&mut self, changes: TimeEntryChanges) -> Result<()> {
        self.ensure_unbilled()?;
        if let Some(date) = changes.date {
            self.date = date;
        }
        if let Some(seconds) = changes.seconds {
            self.seconds = checked_seconds(seconds)?;
        }
        if let Some(narrative) = changes.narrative {
            self.narrative = validate::text("narrative", &narrative)?;
            if self.narrative.trim().is_empty() {
                return Err(LexcaseError::validation("narrative", "must not be empty"));
            }
        }
        if let Some(code) = changes.task_code {
            self.task_code = code.map(|c| c.trim().to_ascii_uppercase());
        }
        if let Some(code) = changes.activity_code {
            self.activity_code = code.map(|c| c.trim().to_ascii_uppercase());
        }
        if let Some(billability) = changes.billability {
            self.billability = billability;
        }
        if let Some(rate) = changes.rate {
            let rate = rate.or_currency(self.rate.currency, "rate")?;
            check_rate(&rate)?;
            if rate.currency != self.rate.currency {
                return Err(LexcaseError::validation(
                    "rate",
                    "the rate is in a different currency from the matter's",
                ));
            }
            self.rate = rate;
            self.rate_source = RateSource::Manual;
        }
        Ok(())
    }

    /// Refuses a change to work that is on a bill or written off.
    pub fn ensure_unbilled(&self) -> Result<()> {
        if self.status != WorkStatus::Unbilled {
            return Err(LexcaseError::InvalidTransition {
                entity: "time_entry",
                from: self.status.as_str().into(),
                to: "changed".into(),
            });
        }
        Ok(())
    }
}

/// The entry's derived figures (exported to the FFI as methods of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl TimeEntry {
    /// The time charged under the entry's own policy taken alone, in whole seconds (0 for
    /// non-billable time). Bills aggregate per day where the policy says so.
    pub fn chargeable_seconds(&self) -> u64 {
        match self.billability {
            Billability::NonBillable => 0,
            _ => self.rounding.round_entry(u64::from(self.seconds)),
        }
    }

    /// The value of the work at its rate, rounded to the minor unit (work in progress);
    /// nothing for non-billable or no-charge time.
    pub fn value(&self) -> Money {
        if self.billability != Billability::Billable {
            return Money::zero(self.rate.currency);
        }
        Money {
            amount: hours(self.chargeable_seconds()) * self.rate.amount,
            currency: self.rate.currency,
        }
        .round_to_minor_unit()
    }
}
