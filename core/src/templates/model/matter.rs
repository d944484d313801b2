//! The matter's section of the merge model: the matter, its key dates, deadlines and tasks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FeeEarnerFields, label};
use crate::docket::Deadline;
use crate::matters::Matter;
use crate::tasks::Task;
use crate::templates::Locale;

/// `matter.*`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterFields {
    /// The matter number, e.g. "SMI-0001".
    pub number: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Practice area.
    pub practice_area: String,
    /// Status in words: "Pending", "Open", "Closed", "Archived".
    pub status: String,
    /// When it opened.
    pub opened_on: String,
    /// When it closed.
    pub closed_on: String,
    /// The billing arrangement in words: "Hourly", "Fixed fee", "Contingency", "Non billable".
    pub billing: String,
    /// The matter's currency (ISO 4217).
    pub currency: String,
    /// The fee earner responsible.
    pub responsible: FeeEarnerFields,
    /// The originating fee earner's name.
    pub originating: String,
}

impl MatterFields {
    /// A matter's fields.
    pub fn of(
        matter: &Matter,
        responsible: FeeEarnerFields,
        originating: &str,
        locale: Locale,
    ) -> Self {
        let date = |d: Option<NaiveDate>| d.map(|d| locale.date(d)).unwrap_or_default();
        Self {
            number: matter.number.clone(),
            title: matter.title.clone(),
            description: matter.description.clone(),
            practice_area: matter.practice_area.clone(),
            status: label(matter.status.as_str()),
            opened_on: date(matter.opened_on),
            closed_on: date(matter.closed_on),
            billing: label(matter.billing.kind.as_str()),
            currency: matter.billing.currency.code().to_owned(),
            responsible,
            originating: originating.to_owned(),
        }
    }
}

/// `key_dates[].*`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDateFields {
    /// The key, e.g. `completion`.
    pub key: String,
    /// The key in words, e.g. "Completion".
    pub name: String,
    /// The date.
    pub date: String,
}

impl KeyDateFields {
    /// A key date's fields.
    pub fn of(key: &str, date: NaiveDate, locale: Locale) -> Self {
        Self {
            key: key.to_owned(),
            name: label(key),
            date: locale.date(date),
        }
    }
}

/// `deadlines[].*`: a docketed deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineFields {
    /// What must be done.
    pub title: String,
    /// The last day (empty while its trigger is unknown).
    pub due: String,
    /// The rule's citation, e.g. "FRCP 12(a)(1)(A)(i)".
    pub citation: String,
    /// Status in words: "Open", "Done", "Vacated".
    pub status: String,
    /// The responsible user's name.
    pub responsible: String,
}

impl DeadlineFields {
    /// A deadline's fields.
    pub fn of(deadline: &Deadline, responsible: &str, locale: Locale) -> Self {
        Self {
            title: deadline.title.clone(),
            due: deadline
                .computed
                .as_ref()
                .map(|c| locale.date(c.due))
                .unwrap_or_default(),
            citation: deadline.rule.citation.clone(),
            status: label(deadline.status.as_str()),
            responsible: responsible.to_owned(),
        }
    }
}

/// `tasks[].*`: an open task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskFields {
    /// Title.
    pub title: String,
    /// Due date (empty when undated).
    pub due: String,
    /// Status in words, e.g. "In progress".
    pub status: String,
    /// Priority in words, e.g. "High".
    pub priority: String,
    /// Who it is assigned to (a user's or a contact's name).
    pub assignee: String,
    /// Whether it is past its due date.
    pub overdue: bool,
}

impl TaskFields {
    /// A task's fields.
    pub fn of(task: &Task, assignee: &str, today: NaiveDate, locale: Locale) -> Self {
        Self {
            title: task.title.clone(),
            due: task.due_date.map(|d| locale.date(d)).unwrap_or_default(),
            status: label(task.status.as_str()),
            priority: label(task.priority.as_str()),
            assignee: assignee.to_owned(),
            overdue: task.is_overdue(today),
        }
    }
}
