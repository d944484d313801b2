//! Pre-deadline reminders.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{DeadlineId, MatterId, UserId};

/// The reminders a deadline gets unless told otherwise: 30, 7 and 1 days before.
pub const DEFAULT_REMINDERS: [u32; 3] = [30, 7, 1];

/// The earliest reminder: a year before.
pub const MAX_REMINDER_DAYS: u32 = 365;

/// One reminder falling due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeadlineReminder {
    /// The deadline.
    pub deadline: DeadlineId,
    /// Its matter.
    pub matter: MatterId,
    /// Its title.
    pub title: String,
    /// Its due date.
    pub due: NaiveDate,
    /// The day to remind.
    pub remind_on: NaiveDate,
    /// How many days before the due date that is.
    pub days_before: u32,
    /// Who is responsible.
    pub responsible: Option<UserId>,
}
