//! Dates a computation pushes past the supported range (the years 1 to 9999): refused with a
//! validation error naming the field before anything is written, and the views keep working.

use chrono::NaiveDate;
use lexcase::calendar::DayUnit;
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::store::{DeadlineQuery, Page};
use lexcase::tasks::{Assignee, DueAnchor, NewTask, TaskDue};

use crate::fixture::{Fixture, SharedStore, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A deadline counted past 31 December 9999 — from a trigger date or from a matter's key
/// date — is refused on `trigger`; nothing is stored and the docket still lists.
pub fn deadlines_past_the_year_9999_are_refused_before_writing(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let docket = f.fee_earner.docket();
    let rule = builtin_rule("frcp-answer").unwrap();
    let last_day = day("9999-12-31");

    let before = f.audit_len();
    assert_invalid(
        docket.add(NewDeadline::new(
            m.id,
            rule.clone(),
            DeadlineTrigger::Date { date: last_day },
        )),
        "trigger",
    );
    assert_eq!(f.audit_len(), before, "nothing was written");

    // Through a key date: setting the key date is fine while nothing counts from it.
    let m = f
        .fee_earner
        .matters()
        .set_key_date(m.id, m.version, "served", Some(last_day))
        .unwrap();
    let before = f.audit_len();
    assert_invalid(
        docket.add(NewDeadline::new(
            m.id,
            rule.clone(),
            DeadlineTrigger::KeyDate {
                name: "served".into(),
            },
        )),
        "trigger",
    );
    assert_eq!(f.audit_len(), before, "nothing was written");

    // A deadline waiting for its key date: moving the key date to the last day is refused.
    let waiting = docket
        .add(NewDeadline::new(
            m.id,
            rule,
            DeadlineTrigger::KeyDate {
                name: "answered".into(),
            },
        ))
        .unwrap();
    assert_eq!(waiting.computed, None);
    let before = f.audit_len();
    assert_invalid(
        f.fee_earner
            .matters()
            .set_key_date(m.id, m.version, "answered", Some(last_day)),
        "trigger",
    );
    assert_eq!(f.audit_len(), before, "nothing was written");

    let all = docket
        .list(&DeadlineQuery::default(), Page::default())
        .unwrap();
    assert_eq!(all.total, 1);
    assert_eq!(all.items[0].id, waiting.id);
}

/// A task due after a key date of 31 December 9999 is refused on `due`; nothing is stored
/// and every task view still answers.
pub fn task_due_dates_past_the_year_9999_are_refused_before_writing(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let m = f
        .fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(day("9999-12-31")))
        .unwrap();
    let ts = f.fee_earner.tasks();
    let after = |days| {
        Some(TaskDue::Relative {
            anchor: DueAnchor::KeyDate("completion".into()),
            days,
            unit: DayUnit::CalendarDays,
        })
    };
    let new = |due| NewTask {
        matter: Some(m.id),
        title: "Register the transfer".into(),
        assignee: Some(Assignee::User(f.fee_earner.actor_id())),
        due,
        ..NewTask::default()
    };

    let before = f.audit_len();
    assert_invalid(ts.create(new(after(1))), "due");
    assert_eq!(f.audit_len(), before, "nothing was written");

    // A task due on the last day itself is fine; one counted from it is refused.
    let last = ts.create(new(after(0))).unwrap();
    assert_eq!(last.due_date, Some(day("9999-12-31")));
    let before = f.audit_len();
    assert_invalid(
        ts.create(new(Some(TaskDue::Relative {
            anchor: DueAnchor::Task(last.id),
            days: 1,
            unit: DayUnit::BusinessDays,
        }))),
        "due",
    );
    assert_eq!(f.audit_len(), before, "nothing was written");

    assert_eq!(ts.mine(Page::default()).unwrap().total, 1);
    assert_eq!(ts.team(Page::default()).unwrap().total, 1);
    assert_eq!(ts.for_matter(m.id, Page::default()).unwrap().total, 1);
    ts.overdue(Page::default()).unwrap();
    ts.due_this_week(Page::default()).unwrap();
}
