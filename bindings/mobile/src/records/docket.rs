//! The docket: deadline rules as data, rule packs, computed deadlines with their trace, and
//! docketed deadlines with their triggers, reminders and register.
//!
//! The core's periods, counting enums, reading options, service methods, statuses and computed
//! deadlines cross the FFI as they are (`lexcase::deadlines`, `lexcase::docket`); the records
//! below still mirror the rules, packs, triggers and deadlines.
//!
//! A rule crosses the FFI as a [`DeadlineRule`] record; every exported function that takes one
//! converts it to the core rule with [`TryFrom`], which checks its calendars and validates it
//! (a bad rule is a `Validation` error, never a panic). Calendars are named by spec strings:
//! built-in calendar ids (`us-federal`, `england-wales`, `ew-court-office`, `weekends-only`…)
//! and `firm` (the firm's own holiday list), joined with `+`.

use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::calendar::CalendarSpec;
pub use lexcase::deadlines::{
    ComputedDeadline, CountingMethod, Direction as PeriodDirection, MonthEndReading, Period,
    PeriodUnit, ReadingOptions, RollPolicy, ServiceDaysReading, ServiceMethod, TraceStep,
};
use lexcase::deadlines::{
    DeadlineRule as CoreDeadlineRule, RulePack as CoreRulePack, Trigger as CoreTrigger,
};
pub use lexcase::docket::DeadlineStatus;
use lexcase::docket::{
    Deadline as CoreDeadline, DeadlineChanges as CoreDeadlineChanges,
    DeadlineReminder as CoreDeadlineReminder, DeadlineTrigger as CoreDeadlineTrigger,
    NewDeadline as CoreNewDeadline,
};
use lexcase::store::{DeadlineQuery as CoreDeadlineQuery, Paged};
use lexcase::{DeadlineId, MatterId, UserId};
use uuid::Uuid;

use super::rule_versions::{DeadlineQuestion, RuleVersion};
use crate::convert::{all, instant, utc};
use crate::error::LexcaseError;

/// A deadline rule as data: `Answer to complaint`, 21 days after service, FRCP 6 counting.
/// Get one from `builtinRule`, a rule pack, or build your own (checked when used).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeadlineRule {
    /// Stable id, e.g. `frcp-answer` (lower-case letters, digits and hyphens).
    pub id: String,
    /// What must be done, e.g. `Answer to complaint`.
    pub title: String,
    /// Where the period comes from, e.g. `FRCP 12(a)(1)(A)(i)`.
    pub citation: String,
    /// The period.
    pub period: Period,
    /// After or before the trigger event.
    pub direction: PeriodDirection,
    /// How days are counted.
    pub method: CountingMethod,
    /// Rolling off weekends and holidays.
    pub roll: RollPolicy,
    /// FRCP 6(d): add 3 days when served by mail, left with the clerk or other consented means.
    pub service_days: bool,
    /// The act is done at the court office: a closure on the last day extends the time.
    pub court_office_act: bool,
    /// The readings chosen where the rules are ambiguous.
    pub options: ReadingOptions,
    /// The holiday calendar spec the rule is usually computed with; the counting method's
    /// usual one when null.
    #[uniffi(default)]
    pub holidays: Option<String>,
    /// The court-office closure calendar spec; the counting method's usual one when null.
    #[uniffi(default)]
    pub closures: Option<String>,
    /// The question the rule answers; the last day for the act when null.
    #[uniffi(default)]
    pub answers: Option<DeadlineQuestion>,
    /// Versions with the trigger dates they are in force (empty: the rule never changed).
    #[uniffi(default = [])]
    pub versions: Vec<RuleVersion>,
}

impl From<CoreDeadlineRule> for DeadlineRule {
    fn from(rule: CoreDeadlineRule) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreDeadlineRule {
            id,
            title,
            citation,
            period,
            direction,
            method,
            roll,
            service_days,
            court_office_act,
            options,
            holidays,
            closures,
            answers,
            versions,
        } = rule;
        Self {
            id,
            title,
            citation,
            period,
            direction,
            method,
            roll,
            service_days,
            court_office_act,
            options,
            holidays: holidays.map(String::from),
            closures: closures.map(String::from),
            answers: Some(answers),
            versions,
        }
    }
}

impl TryFrom<DeadlineRule> for CoreDeadlineRule {
    type Error = LexcaseError;
    /// Checks the calendar specs and validates the rule as the core does.
    fn try_from(rule: DeadlineRule) -> Result<Self, LexcaseError> {
        let DeadlineRule {
            id,
            title,
            citation,
            period,
            direction,
            method,
            roll,
            service_days,
            court_office_act,
            options,
            holidays,
            closures,
            answers,
            versions,
        } = rule;
        let core = Self {
            id,
            title,
            citation,
            period,
            direction,
            method,
            roll,
            service_days,
            court_office_act,
            options,
            holidays: holidays.as_deref().map(CalendarSpec::parse).transpose()?,
            closures: closures.as_deref().map(CalendarSpec::parse).transpose()?,
            answers: answers.unwrap_or_default(),
            versions: versions.into_iter().collect(),
        };
        core.validate()?;
        Ok(core)
    }
}

/// A named, versioned set of deadline rules (a jurisdiction's rules, a firm's own).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RulePack {
    /// Stable id, e.g. `frcp`.
    pub id: String,
    /// Version of the pack's content.
    pub version: u32,
    /// Human title.
    pub title: String,
    /// The rules; ids are unique within the pack.
    pub rules: Vec<DeadlineRule>,
}

impl From<CoreRulePack> for RulePack {
    fn from(pack: CoreRulePack) -> Self {
        let CoreRulePack {
            id,
            version,
            title,
            rules,
        } = pack;
        Self {
            id,
            version,
            title,
            rules: all(rules),
        }
    }
}

/// What `computeDeadline` counts from: a day, or an instant in a court's time zone (hour
/// periods need one).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Trigger {
    /// A day: service on 2 March.
    Day {
        /// The day.
        date: NaiveDate,
    },
    /// An instant read in `zone`; day periods use its local date there.
    Moment {
        /// The instant of the event.
        at: SystemTime,
        /// IANA time zone, e.g. `America/New_York` (else `Validation`, field `zone`).
        zone: String,
    },
}

impl TryFrom<Trigger> for CoreTrigger {
    type Error = LexcaseError;
    fn try_from(trigger: Trigger) -> Result<Self, LexcaseError> {
        Ok(match trigger {
            Trigger::Day { date } => Self::Day(date),
            Trigger::Moment { at, zone } => Self::moment(utc(at, "trigger")?, &zone)?,
        })
    }
}

/// What a docketed deadline runs from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DeadlineTrigger {
    /// A date (service on 2 March).
    Date {
        /// The date.
        date: NaiveDate,
    },
    /// An instant, read in the firm's zone (hour periods need one).
    Moment {
        /// The instant.
        at: SystemTime,
    },
    /// One of the matter's key dates; the deadline waits undated until it is set and moves
    /// when it changes.
    KeyDate {
        /// The key date's name.
        name: String,
    },
    /// Another deadline of the same matter (a chain); this one moves when that one does.
    Deadline {
        /// The deadline counted from.
        id: Uuid,
    },
}

impl From<CoreDeadlineTrigger> for DeadlineTrigger {
    fn from(trigger: CoreDeadlineTrigger) -> Self {
        match trigger {
            CoreDeadlineTrigger::Date { date } => Self::Date { date },
            CoreDeadlineTrigger::Moment { at } => Self::Moment { at: instant(at) },
            CoreDeadlineTrigger::KeyDate { name } => Self::KeyDate { name },
            CoreDeadlineTrigger::Deadline { id } => Self::Deadline { id: id.into() },
        }
    }
}

impl TryFrom<DeadlineTrigger> for CoreDeadlineTrigger {
    type Error = LexcaseError;
    /// An instant outside chrono's range is a `Validation` error (field `trigger`).
    fn try_from(trigger: DeadlineTrigger) -> Result<Self, LexcaseError> {
        Ok(match trigger {
            DeadlineTrigger::Date { date } => Self::Date { date },
            DeadlineTrigger::Moment { at } => Self::Moment {
                at: utc(at, "trigger")?,
            },
            DeadlineTrigger::KeyDate { name } => Self::KeyDate { name },
            DeadlineTrigger::Deadline { id } => Self::Deadline {
                id: DeadlineId::from(id),
            },
        })
    }
}

/// A docketed deadline: a rule applied to a trigger on a matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Deadline {
    /// Identifier.
    pub id: Uuid,
    /// The matter.
    pub matter: Uuid,
    /// What must be done.
    pub title: String,
    /// The rule, as it was when docketed.
    pub rule: DeadlineRule,
    /// What the period runs from.
    pub trigger: DeadlineTrigger,
    /// How the triggering document was served (FRCP 6(d)).
    pub service: Option<ServiceMethod>,
    /// Holiday calendar spec the computation rolls off, e.g. `us-federal`.
    pub holidays: String,
    /// Court-office closure calendar spec.
    pub closures: String,
    /// The computation with its trace; null while the trigger has no date.
    pub computed: Option<ComputedDeadline>,
    /// Reminders, in days before the due date (most notice first).
    pub reminders: Vec<u32>,
    /// The user who must see it met.
    pub responsible: Option<Uuid>,
    /// Where it stands.
    pub status: DeadlineStatus,
    /// Who entered it (the register).
    pub entered_by: Uuid,
    /// When.
    pub entered_at: SystemTime,
    /// The day it was entered, in the firm's zone.
    pub entered_on: NaiveDate,
    /// Who closed it (done or vacated).
    pub closed_by: Option<Uuid>,
    /// When.
    pub closed_at: Option<SystemTime>,
    /// Why it was vacated.
    pub vacated_reason: Option<String>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreDeadline> for Deadline {
    fn from(deadline: CoreDeadline) -> Self {
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreDeadline {
            id,
            matter,
            title,
            rule,
            trigger,
            service,
            holidays,
            closures,
            computed,
            reminders,
            responsible,
            status,
            entered_by,
            entered_at,
            entered_on,
            closed_by,
            closed_at,
            vacated_reason,
            version,
        } = deadline;
        Self {
            id: id.into(),
            matter: matter.into(),
            title,
            rule: rule.into(),
            trigger: trigger.into(),
            service,
            holidays: holidays.into(),
            closures: closures.into(),
            computed,
            reminders,
            responsible: responsible.map(Uuid::from),
            status,
            entered_by: entered_by.into(),
            entered_at: instant(entered_at),
            entered_on,
            closed_by: closed_by.map(Uuid::from),
            closed_at: closed_at.map(instant),
            vacated_reason,
            version,
        }
    }
}

/// What a deadline is docketed with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewDeadline {
    /// The matter.
    pub matter: Uuid,
    /// The rule (from `builtinRule`, a rule pack, or the firm's own).
    pub rule: DeadlineRule,
    /// What it runs from.
    pub trigger: DeadlineTrigger,
    /// Title; the rule's title when null.
    #[uniffi(default)]
    pub title: Option<String>,
    /// Service method, for rules with FRCP 6(d) days.
    #[uniffi(default)]
    pub service: Option<ServiceMethod>,
    /// Holiday calendar spec; the rule's usual one when null.
    #[uniffi(default)]
    pub holidays: Option<String>,
    /// Closure calendar spec; the rule's usual one when null.
    #[uniffi(default)]
    pub closures: Option<String>,
    /// Reminder days before the due date (at most 10, at most 365); 30, 7 and 1 when null.
    #[uniffi(default)]
    pub reminders: Option<Vec<u32>>,
    /// Who is responsible (an active user not walled off the matter).
    #[uniffi(default)]
    pub responsible: Option<Uuid>,
}

impl TryFrom<NewDeadline> for CoreNewDeadline {
    type Error = LexcaseError;
    fn try_from(new: NewDeadline) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewDeadline {
            matter,
            rule,
            trigger,
            title,
            service,
            holidays,
            closures,
            reminders,
            responsible,
        } = new;
        Ok(Self {
            matter: MatterId::from(matter),
            rule: rule.try_into()?,
            trigger: trigger.try_into()?,
            title,
            service,
            holidays,
            closures,
            reminders,
            responsible: responsible.map(UserId::from),
        })
    }
}

/// How `DeadlineChanges` changes the service method (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ServiceChange {
    /// Served this way.
    Set {
        /// The method.
        method: ServiceMethod,
    },
    /// No service method.
    Clear,
}

impl From<ServiceChange> for Option<ServiceMethod> {
    fn from(change: ServiceChange) -> Self {
        match change {
            ServiceChange::Set { method } => Some(method),
            ServiceChange::Clear => None,
        }
    }
}

/// How `DeadlineChanges` changes the responsible user (null there leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ResponsibleChange {
    /// Make this user responsible.
    Set {
        /// The user's id.
        user: Uuid,
    },
    /// Nobody in particular.
    Clear,
}

impl From<ResponsibleChange> for Option<UserId> {
    fn from(change: ResponsibleChange) -> Self {
        match change {
            ResponsibleChange::Set { user } => Some(user.into()),
            ResponsibleChange::Clear => None,
        }
    }
}

/// A change to an open deadline; null leaves a field as it is. A new trigger, service method
/// or calendar recomputes the date (and deadlines chained to it).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct DeadlineChanges {
    /// New title.
    #[uniffi(default)]
    pub title: Option<String>,
    /// New trigger.
    #[uniffi(default)]
    pub trigger: Option<DeadlineTrigger>,
    /// Set or clear the service method.
    #[uniffi(default)]
    pub service: Option<ServiceChange>,
    /// New holiday calendar spec.
    #[uniffi(default)]
    pub holidays: Option<String>,
    /// New closure calendar spec.
    #[uniffi(default)]
    pub closures: Option<String>,
    /// New reminder days.
    #[uniffi(default)]
    pub reminders: Option<Vec<u32>>,
    /// Set or clear the responsible user.
    #[uniffi(default)]
    pub responsible: Option<ResponsibleChange>,
}

impl TryFrom<DeadlineChanges> for CoreDeadlineChanges {
    type Error = LexcaseError;
    fn try_from(changes: DeadlineChanges) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let DeadlineChanges {
            title,
            trigger,
            service,
            holidays,
            closures,
            reminders,
            responsible,
        } = changes;
        Ok(Self {
            title,
            trigger: trigger.map(TryInto::try_into).transpose()?,
            service: service.map(Option::<ServiceMethod>::from),
            holidays,
            closures,
            reminders,
            responsible: responsible.map(Option::<UserId>::from),
        })
    }
}

/// One reminder falling due.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeadlineReminder {
    /// The deadline.
    pub deadline: Uuid,
    /// Its matter.
    pub matter: Uuid,
    /// Its title.
    pub title: String,
    /// Its due date.
    pub due: NaiveDate,
    /// The day to remind.
    pub remind_on: NaiveDate,
    /// How many days before the due date that is.
    pub days_before: u32,
    /// Who is responsible.
    pub responsible: Option<Uuid>,
}

impl From<CoreDeadlineReminder> for DeadlineReminder {
    fn from(reminder: CoreDeadlineReminder) -> Self {
        let CoreDeadlineReminder {
            deadline,
            matter,
            title,
            due,
            remind_on,
            days_before,
            responsible,
        } = reminder;
        Self {
            deadline: deadline.into(),
            matter: matter.into(),
            title,
            due,
            remind_on,
            days_before,
            responsible: responsible.map(Uuid::from),
        }
    }
}

/// Filters for listing deadlines; all given filters must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct DeadlineQuery {
    /// Only deadlines on this matter.
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// Only deadlines this user is responsible for.
    #[uniffi(default)]
    pub responsible: Option<Uuid>,
    /// Only open deadlines.
    #[uniffi(default = false)]
    pub open_only: bool,
    /// Only deadlines due on or after this date (computed ones only).
    #[uniffi(default)]
    pub due_from: Option<NaiveDate>,
    /// Only deadlines due on or before this date (computed ones only).
    #[uniffi(default)]
    pub due_to: Option<NaiveDate>,
    /// Only deadlines entered on this day (the register).
    #[uniffi(default)]
    pub entered_on: Option<NaiveDate>,
}

impl From<DeadlineQuery> for CoreDeadlineQuery {
    fn from(query: DeadlineQuery) -> Self {
        let DeadlineQuery {
            matter,
            responsible,
            open_only,
            due_from,
            due_to,
            entered_on,
        } = query;
        Self {
            matter: matter.map(MatterId::from),
            responsible: responsible.map(UserId::from),
            open_only,
            due_from,
            due_to,
            entered_on,
        }
    }
}

/// One page of deadlines and the total number the acting user may see.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeadlinePage {
    /// The deadlines in this page.
    pub items: Vec<Deadline>,
    /// How many match in all (deadlines of hidden matters are not counted).
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreDeadline>> for DeadlinePage {
    fn from(page: Paged<CoreDeadline>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer() -> DeadlineRule {
        DeadlineRule {
            id: "my-answer".into(),
            title: "Answer".into(),
            citation: "FRCP 12(a)".into(),
            period: Period {
                amount: 21,
                unit: PeriodUnit::Days,
            },
            direction: PeriodDirection::After,
            method: CountingMethod::Frcp6,
            roll: RollPolicy::Auto,
            service_days: true,
            court_office_act: false,
            options: ReadingOptions::default(),
            holidays: Some("us-federal+firm".into()),
            closures: None,
            answers: Some(DeadlineQuestion::LastDayForAct),
            versions: Vec::new(),
        }
    }

    #[test]
    fn rules_round_trip_and_are_validated() {
        let rule = answer();
        let core = CoreDeadlineRule::try_from(rule.clone()).unwrap();
        assert_eq!(DeadlineRule::from(core), rule);
        let mars = DeadlineRule {
            holidays: Some("mars".into()),
            ..answer()
        };
        assert!(matches!(
            CoreDeadlineRule::try_from(mars),
            Err(LexcaseError::Validation { .. })
        ));
        let zero = DeadlineRule {
            period: Period {
                amount: 0,
                unit: PeriodUnit::Days,
            },
            ..answer()
        };
        assert!(matches!(
            CoreDeadlineRule::try_from(zero),
            Err(LexcaseError::Validation { field, .. }) if field == "period"
        ));
    }

    #[test]
    fn triggers_and_changes_convert() {
        let triggers = [
            DeadlineTrigger::Date {
                date: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            },
            DeadlineTrigger::KeyDate {
                name: "particulars_served".into(),
            },
            DeadlineTrigger::Deadline { id: Uuid::now_v7() },
        ];
        for trigger in triggers {
            let core = CoreDeadlineTrigger::try_from(trigger.clone()).unwrap();
            assert_eq!(DeadlineTrigger::from(core), trigger);
        }
        let changes = CoreDeadlineChanges::try_from(DeadlineChanges {
            service: Some(ServiceChange::Clear),
            responsible: Some(ResponsibleChange::Clear),
            ..DeadlineChanges::default()
        })
        .unwrap();
        assert_eq!(changes.service, Some(None));
        assert_eq!(changes.responsible, Some(None));
        assert_eq!(
            CoreDeadlineChanges::try_from(DeadlineChanges::default()).unwrap(),
            CoreDeadlineChanges::default()
        );
        let bad_zone = Trigger::Moment {
            at: SystemTime::UNIX_EPOCH,
            zone: "Mars/Olympus".into(),
        };
        assert!(matches!(
            CoreTrigger::try_from(bad_zone),
            Err(LexcaseError::Validation { field, .. }) if field == "zone"
        ));
    }
}
