//! The docket: deadline rules as data, rule packs, computed deadlines with their trace, and
//! docketed deadlines with their triggers, reminders and register.
//!
//! The core's rules, packs, periods, counting enums, reading options, triggers, deadlines,
//! reminders and queries cross the FFI as they are (`lexcase::deadlines`, `lexcase::docket`,
//! `lexcase::store::DeadlineQuery`). Calendars are named by spec strings: built-in calendar
//! ids (`us-federal`, `england-wales`, `ew-court-office`, `weekends-only`…) and `firm` (the
//! firm's own holiday list), joined with `+`; a spec naming an unknown calendar is a
//! `Validation` error when it is passed in, as is an unknown zone in a `Trigger`. This module
//! keeps what has no core counterpart: the tri-state changes of the service method and the
//! responsible user, the changes record that uses them, and the page.

pub use lexcase::deadlines::{
    ComputedDeadline, CountingMethod, DeadlineRule, Direction as PeriodDirection, MonthEndReading,
    Period, PeriodUnit, ReadingOptions, RollPolicy, RulePack, ServiceDaysReading, ServiceMethod,
    TraceStep, Trigger,
};
pub use lexcase::docket::{
    Deadline, DeadlineReminder, DeadlineStatus, DeadlineTrigger, NewDeadline,
};
pub use lexcase::store::DeadlineQuery;

use lexcase::UserId;
use lexcase::docket::DeadlineChanges as CoreDeadlineChanges;

use crate::convert::page_record;

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
        user: UserId,
    },
    /// Nobody in particular.
    Clear,
}

impl From<ResponsibleChange> for Option<UserId> {
    fn from(change: ResponsibleChange) -> Self {
        match change {
            ResponsibleChange::Set { user } => Some(user),
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

impl From<DeadlineChanges> for CoreDeadlineChanges {
    fn from(changes: DeadlineChanges) -> Self {
        Self {
            title: changes.title,
            trigger: changes.trigger,
            service: changes.service.map(Option::<ServiceMethod>::from),
            holidays: changes.holidays,
            closures: changes.closures,
            reminders: changes.reminders,
            responsible: changes.responsible.map(Option::<UserId>::from),
        }
    }
}

page_record! {
    /// One page of deadlines and the total number the acting user may see.
    DeadlinePage of Deadline,
    items: "The deadlines in this page.",
    total: "How many match in all (deadlines of hidden matters are not counted).",
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::lifted;
    use crate::error::LexcaseError;
    use lexcase::calendar::CalendarSpec;

    #[test]
    fn court_zones_are_checked_when_lifted() {
        let zone: chrono_tz::Tz = lifted(" America/New_York ").unwrap();
        assert_eq!(zone, chrono_tz::America::New_York);
        let error = lifted::<chrono_tz::Tz>("Mars/Olympus").unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "zone"
        ));
    }

    #[test]
    fn calendar_specs_are_checked_when_lifted() {
        let read = lifted::<CalendarSpec>;
        assert_eq!(
            read("US-Federal + firm").unwrap().as_str(),
            "us-federal+firm"
        );
        let error = read("mars").unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { .. })
        ));
    }

    #[test]
    fn changes_clear_the_service_method_and_the_responsible_user() {
        let changes = CoreDeadlineChanges::from(DeadlineChanges {
            service: Some(ServiceChange::Clear),
            responsible: Some(ResponsibleChange::Clear),
            ..DeadlineChanges::default()
        });
        assert_eq!(changes.service, Some(None));
        assert_eq!(changes.responsible, Some(None));
        assert_eq!(
            CoreDeadlineChanges::from(DeadlineChanges::default()),
            CoreDeadlineChanges::default()
        );
    }
}
