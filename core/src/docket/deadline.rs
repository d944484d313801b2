//! The deadline aggregate: a rule applied to a trigger on a matter.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{DEFAULT_REMINDERS, MAX_REMINDER_DAYS};
use crate::calendar::CalendarSpec;
use crate::deadlines::{ComputedDeadline, DeadlineRule, ServiceMethod};
use crate::error::{LexcaseError, Result};
use crate::ids::{DeadlineId, MatterId, UserId};
use crate::validate;

/// What the period runs from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DeadlineTrigger {
    /// A date (service on 2 March).
    Date {
        /// The date.
        date: NaiveDate,
    },
    /// An instant, read in the firm's zone (hour periods need one).
    Moment {
        /// The instant.
        at: DateTime<Utc>,
    },
    /// One of the matter's key dates; the deadline moves when it is set or changed.
    KeyDate {
        /// The key date's name.
        name: String,
    },
    /// Another deadline's due date (a chain); this one moves when that one does.
    Deadline {
        /// The deadline counted from.
        id: DeadlineId,
    },
}

/// Where the deadline stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DeadlineStatus {
    /// Still to be met.
    #[default]
    Open,
    /// Met: the act was done.
    Done,
    /// No longer applies (the hearing was vacated, the claim settled).
    Vacated,
}

crate::names::stable_names!(DeadlineStatus, "status", "deadline status", {
    Open = "open",
    Done = "done",
    Vacated = "vacated",
});

/// A docketed deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deadline {
    /// Identifier.
    pub id: DeadlineId,
    /// The matter.
    pub matter: MatterId,
    /// What must be done (the rule's title unless given).
    pub title: String,
    /// The rule, as it was when docketed.
    pub rule: DeadlineRule,
    /// What the period runs from.
    pub trigger: DeadlineTrigger,
    /// How the triggering document was served (FRCP 6(d)).
    pub service: Option<ServiceMethod>,
    /// Legal holidays the computation rolls off.
    pub holidays: CalendarSpec,
    /// Court-office closure days.
    pub closures: CalendarSpec,
    /// The computation, with its trace; `None` while the trigger has no date.
    pub computed: Option<ComputedDeadline>,
    /// Reminders, in days before the due date (most notice first).
    pub reminders: Vec<u32>,
    /// The fee earner who must see it met.
    pub responsible: Option<UserId>,
    /// Where it stands.
    pub status: DeadlineStatus,
    /// Who entered it (the register).
    pub entered_by: UserId,
    /// When.
    pub entered_at: DateTime<Utc>,
    /// The day it was entered, in the firm's zone.
    pub entered_on: NaiveDate,
    /// Who closed it (done or vacated).
    pub closed_by: Option<UserId>,
    /// When.
    pub closed_at: Option<DateTime<Utc>>,
    /// Why it was vacated.
    pub vacated_reason: Option<String>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a deadline is docketed with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewDeadline {
    /// The matter.
    pub matter: MatterId,
    /// The rule (e.g. from [`crate::deadlines::builtin_rule`] or a firm's own pack).
    pub rule: DeadlineRule,
    /// What it runs from.
    pub trigger: DeadlineTrigger,
    /// Title; the rule's title when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub title: Option<String>,
    /// Service method, for rules with FRCP 6(d) days.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub service: Option<ServiceMethod>,
    /// Holiday calendar; the method's default when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub holidays: Option<String>,
    /// Closure calendar; the method's default when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub closures: Option<String>,
    /// Reminder days; [`DEFAULT_REMINDERS`] (30, 7, 1) when `None`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reminders: Option<Vec<u32>>,
    /// Who is responsible.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub responsible: Option<UserId>,
}

impl NewDeadline {
    /// A deadline on `matter` from `rule` and `trigger`, with every default.
    pub fn new(matter: MatterId, rule: DeadlineRule, trigger: DeadlineTrigger) -> Self {
        Self {
            matter,
            rule,
            trigger,
            title: None,
            service: None,
            holidays: None,
            closures: None,
            reminders: None,
            responsible: None,
        }
    }
}

/// A change; `None` leaves a field as it is. A new trigger, service method or calendar
/// recomputes the date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeadlineChanges {
    /// New title.
    pub title: Option<String>,
    /// New trigger.
    pub trigger: Option<DeadlineTrigger>,
    /// New service method (`Some(None)` clears it).
    pub service: Option<Option<ServiceMethod>>,
    /// New holiday calendar.
    pub holidays: Option<String>,
    /// New closure calendar.
    pub closures: Option<String>,
    /// New reminder days.
    pub reminders: Option<Vec<u32>>,
    /// New responsible user (`Some(None)` clears it).
    pub responsible: Option<Option<UserId>>,
}

fn checked_reminders(mut days: Vec<u32>) -> Result<Vec<u32>> {
    validate::bounded("reminders", &days, 10)?;
    if days.iter().any(|&d| d > MAX_REMINDER_DAYS) {
        return Err(LexcaseError::validation(
            "reminders",
            "a reminder is at most 365 days before",
        ));
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    Ok(days)
}

impl Deadline {
    /// Builds an open deadline at version 1, not yet computed (the service computes it).
    pub fn create(
        new: NewDeadline,
        by: UserId,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Self> {
        new.rule.validate()?;
        let mut deadline = Self {
            id: DeadlineId::new(),
            matter: new.matter,
            title: String::new(),
            trigger: new.trigger.clone(),
            service: None,
            holidays: new.rule.usual_holidays(),
            closures: new.rule.usual_closures(),
            computed: None,
            reminders: Vec::new(),
            responsible: None,
            status: DeadlineStatus::Open,
            entered_by: by,
            entered_at: now,
            entered_on: today,
            closed_by: None,
            closed_at: None,
            vacated_reason: None,
            version: 1,
            rule: new.rule,
        };
        let title = new.title.unwrap_or_else(|| deadline.rule.title.clone());
        deadline.apply(DeadlineChanges {
            title: Some(title),
            trigger: Some(new.trigger),
            service: Some(new.service),
            holidays: new.holidays,
            closures: new.closures,
            reminders: Some(new.reminders.unwrap_or_else(|| DEFAULT_REMINDERS.to_vec())),
            responsible: Some(new.responsible),
        })?;
        Ok(deadline)
    }

    /// Applies a change, checking every field (an open deadline only).
    pub fn apply(&mut self, changes: DeadlineChanges) -> Result<()> {
        self.ensure_open()?;
        if let Some(title) = changes.title {
            self.title = validate::required_line("title", &title)?;
        }
        if let Some(trigger) = changes.trigger {
            match &trigger {
                DeadlineTrigger::KeyDate { name } => {
                    validate::required_line("trigger", name)?;
                }
                DeadlineTrigger::Deadline { id } if *id == self.id => {
                    return Err(LexcaseError::validation(
                        "trigger",
                        "a deadline cannot count from itself",
                    ));
                }
                _ => {}
            }
            self.trigger = trigger;
        }
        if let Some(service) = changes.service {
            self.service = service;
        }
        if let Some(holidays) = changes.holidays {
            self.holidays = CalendarSpec::parse(&holidays)?;
        }
        if let Some(closures) = changes.closures {
            self.closures = CalendarSpec::parse(&closures)?;
        }
        if let Some(reminders) = changes.reminders {
            self.reminders = checked_reminders(reminders)?;
        }
        if let Some(responsible) = changes.responsible {
            self.responsible = responsible;
        }
        Ok(())
    }

    /// The due date, once computed.
    pub fn due(&self) -> Option<NaiveDate> {
        self.computed.as_ref().map(|c| c.due)
    }

    /// Whether it is still to be met.
    pub fn is_open(&self) -> bool {
        self.status == DeadlineStatus::Open
    }

    fn ensure_open(&self) -> Result<()> {
        if !self.is_open() {
            return Err(LexcaseError::InvalidTransition {
                entity: "deadline",
                from: self.status.as_str().into(),
                to: "changed".into(),
            });
        }
        Ok(())
    }

    /// Closes it as met, or vacated with a reason.
    pub fn close(
        &mut self,
        to: DeadlineStatus,
        reason: Option<&str>,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.ensure_open()?;
        match to {
            DeadlineStatus::Open => {
                return Err(LexcaseError::InvalidTransition {
                    entity: "deadline",
                    from: "open".into(),
                    to: "open".into(),
                });
            }
            DeadlineStatus::Vacated => {
                let reason = reason.unwrap_or_default();
                self.vacated_reason = Some(validate::required_line("reason", reason)?);
            }
            DeadlineStatus::Done => {}
        }
        self.status = to;
        self.closed_by = Some(by);
        self.closed_at = Some(now);
        Ok(())
    }

    /// Whether `date` is a reminder day of this open, computed deadline, and how many days
    /// before the due date it is.
    pub fn reminder_on(&self, date: NaiveDate) -> Option<u32> {
        let due = self.due().filter(|_| self.is_open())?;
        let before = u32::try_from((due - date).num_days()).ok()?;
        self.reminders.contains(&before).then_some(before)
    }
}
