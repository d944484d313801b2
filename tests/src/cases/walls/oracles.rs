//! Items 8 and 9 of issue 11: a task anchored to a walled task, and existence oracles —
//! calls that answered differently for a record on a matter the caller may not see and for a
//! record that does not exist.

use lexcase::calendar::DayUnit;
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};
use lexcase::documents::NewDocument;
use lexcase::matters::Matter;
use lexcase::money::Currency;
use lexcase::service::Session;
use lexcase::tasks::{DueAnchor, NewTask, Task, TaskDue};
use lexcase::timekeeping::{ExpenseTax, NewExpense, NewTimeEntry, TimeSource};
use lexcase::{DeadlineId, DocumentId, ErrorCode, LexcaseError, Result, TaskId, TrustEntryId};
use rust_decimal::Decimal;

use super::fixture::{Walled, day};
use super::records::{email, ingest, receive};
use crate::fixture::{SharedStore, assert_invalid};

/// Asserts that a call about a hidden record and the same call about a missing one fail alike.
#[track_caller]
fn alike<T: std::fmt::Debug>(hidden: Result<T>, missing: Result<T>) -> LexcaseError {
    let hidden = hidden.expect_err("the hidden record must not be found");
    let missing = missing.expect_err("the missing record must not be found");
    assert_eq!(hidden.code(), ErrorCode::NotFound, "{hidden}");
    assert_eq!(hidden.to_string(), missing.to_string());
    hidden
}

fn task(s: &Session, matter: &Matter, title: &str, due: Option<TaskDue>) -> Result<Task> {
    s.tasks().create(NewTask {
        matter: Some(matter.id),
        title: title.into(),
        due,
        ..NewTask::default()
    })
}

fn after(anchor: TaskId) -> Option<TaskDue> {
    Some(TaskDue::Relative {
        anchor: DueAnchor::Task(anchor),
        days: 1,
        unit: DayUnit::CalendarDays,
    })
}

/// Item 8: A task could count from a task on any matter: its due date revealed the walled task's,
/// and a cascade then moved tasks on walled matters. Now an anchor is a task of the same
/// matter that the actor may see; a hidden one is not found, as a missing one.
pub fn tasks_count_only_from_tasks_of_their_own_matter(store: SharedStore) {
    let w = Walled::new(store);
    let secret_day = Some(TaskDue::On {
        date: day("2026-12-24"),
    });
    let hidden = task(&w.f.fee_earner, &w.walled, "Zephyr closing", secret_day).unwrap();
    for s in w.walled_out() {
        alike(
            task(s, &w.open, "Chase", after(hidden.id)),
            task(s, &w.open, "Chase", after(TaskId::new())),
        );
    }
    assert_invalid(
        task(&w.f.fee_earner, &w.open, "Chase", after(hidden.id)),
        "due",
    );
    let first = task(&w.f.partner, &w.open, "Draft lease", None).unwrap();
    let second = task(&w.f.partner, &w.open, "Send lease", after(first.id)).unwrap();
    assert_eq!(second.due_date, None);
}

/// Item 9: Hidden and missing records gave different errors: reversing client money, filing a
/// communication that is already filed, the source of time, a chained deadline and the
/// receipt of an expense. Each now fails as not found, alike.
pub fn hidden_and_missing_records_give_the_same_error(store: SharedStore) {
    let w = Walled::new(store);
    let fe = &w.f.fee_earner;
    let entry = receive(&w, w.walled.id, w.client.id, "500.00");
    let raw = email(
        &format!("[{}] draft SPA", w.walled.number),
        "SPA",
        "spa@q.example",
    );
    let comm = ingest(&w, &raw).communication;
    let hidden_task = task(fe, &w.walled, "Zephyr call", None).unwrap();
    let rule = || builtin_rule("cpr-acknowledgment-of-service").unwrap();
    let trigger = DeadlineTrigger::Date {
        date: day("2026-11-30"),
    };
    let deadline = fe
        .docket()
        .add(NewDeadline::new(w.walled.id, rule(), trigger))
        .unwrap();
    let receipt = fe
        .documents()
        .add(
            NewDocument {
                matter: w.walled.id,
                name: "Zephyr invoice".into(),
                category: "receipt".into(),
                media_type: "application/pdf".into(),
            },
            b"%PDF",
            None,
        )
        .unwrap();
    for s in w.walled_out() {
        let money = s.client_money();
        alike(
            money.reverse(entry.id, day("2026-11-30"), "error", None),
            money.reverse(TrustEntryId::new(), day("2026-11-30"), "error", None),
        );
        let comms = s.communications();
        alike(
            comms.file(comm.id, comm.version, w.open.id),
            comms.file(lexcase::CommunicationId::new(), 1, w.open.id),
        );
        let sourced = |source| {
            let mut new = NewTimeEntry::new(w.open.id, day("2026-11-20"), 60, "call");
            new.source = source;
            s.time().record(new)
        };
        alike(
            sourced(TimeSource::Task(hidden_task.id)),
            sourced(TimeSource::Task(TaskId::new())),
        );
        alike(
            sourced(TimeSource::Communication(comm.id)),
            sourced(TimeSource::Communication(lexcase::CommunicationId::new())),
        );
        alike(
            s.time()
                .record_for(TimeSource::Task(hidden_task.id), 60, None),
            s.time()
                .record_for(TimeSource::Task(TaskId::new()), 60, None),
        );
        let chained = |id| {
            s.docket().add(NewDeadline::new(
                w.open.id,
                rule(),
                DeadlineTrigger::Deadline { id },
            ))
        };
        alike(chained(deadline.id), chained(DeadlineId::new()));
        let expense = |receipt| {
            s.time().record_expense(NewExpense {
                matter: w.open.id,
                date: day("2026-11-20"),
                description: "Courier".into(),
                quantity: Decimal::ONE,
                unit_cost: lexcase::money::Money::new(
                    Decimal::TEN,
                    Currency::parse("GBP").unwrap(),
                    "unit_cost",
                )
                .unwrap()
                .into(),
                expense_code: None,
                vendor: String::new(),
                receipt: Some(receipt),
                tax: ExpenseTax::Disbursement,
                billable: true,
            })
        };
        alike(expense(receipt.id), expense(DocumentId::new()));
    }
}
