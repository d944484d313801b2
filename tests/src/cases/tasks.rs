//! Tasks through the services: views, anchored due dates that move with their anchors,
//! business days on the firm's holidays, workflow tasks that tick their checklist items, access.

use chrono::{Duration, NaiveDate};
use lexcase::ErrorCode;
use lexcase::calendar::{DayUnit, HolidayList};
use lexcase::store::Page;
use lexcase::tasks::{Assignee, DueAnchor, NewTask, Priority, TaskChanges, TaskDue, TaskStatus};
use lexcase::workflow::MoveOutcome;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid, start_instant};

fn d(month: u32, day: u32) -> NaiveDate {
    let year = if month >= 11 { 2026 } else { 2027 };
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn relative(anchor: DueAnchor, days: i32, unit: DayUnit) -> Option<TaskDue> {
    Some(TaskDue::Relative { anchor, days, unit })
}

/// Due dates count from key dates and other tasks, on business days of the firm's calendar,
/// and move (transitively) when the anchor moves; cycles are refused.
pub fn anchored_due_dates_follow_their_anchors(store: SharedStore) {
    let f = Fixture::new(store);
    let settings = f.admin.settings().get().unwrap();
    let holidays = HolidayList::new("ew", [d(12, 25), d(12, 28), d(1, 1)]).unwrap();
    f.admin
        .settings()
        .set_holidays(settings.version, Some(holidays))
        .unwrap();
    let m = f.matter("Purchase");
    let ts = f.fee_earner.tasks();
    let new = |title: &str, due| NewTask {
        matter: Some(m.id),
        title: title.into(),
        due,
        ..NewTask::default()
    };
    let chase = ts
        .create(new(
            "Chase completion funds",
            relative(
                DueAnchor::KeyDate("completion".into()),
                -5,
                DayUnit::BusinessDays,
            ),
        ))
        .unwrap();
    assert_eq!(chase.due_date, None, "no completion date yet");
    let follow = ts
        .create(new(
            "Confirm funds arrived",
            relative(DueAnchor::Task(chase.id), 1, DayUnit::BusinessDays),
        ))
        .unwrap();
    let m = f
        .fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(d(1, 8)))
        .unwrap();
    // Five business days before Fri 8 Jan 2027, skipping 1 Jan: Thu 31 Dec.
    let chase = ts.get(chase.id).unwrap();
    assert_eq!(chase.due_date, Some(d(12, 31)));
    // One business day after Thu 31 Dec, skipping 1 Jan and the weekend: Mon 4 Jan.
    assert_eq!(ts.get(follow.id).unwrap().due_date, Some(d(1, 4)));
    f.fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(d(1, 15)))
        .unwrap();
    assert_eq!(ts.get(chase.id).unwrap().due_date, Some(d(1, 8)));
    assert_eq!(ts.get(follow.id).unwrap().due_date, Some(d(1, 11)));
    let moves = f
        .admin
        .audit()
        .history(follow.id.into())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "task.due_moved")
        .count();
    assert_eq!(moves, 2, "each move is audited");
    // Cycles and bad anchors are refused.
    let chase = ts.get(chase.id).unwrap();
    let cycle = TaskChanges {
        due: Some(relative(
            DueAnchor::Task(follow.id),
            1,
            DayUnit::CalendarDays,
        )),
        ..Default::default()
    };
    assert_invalid(ts.update(chase.id, chase.version, cycle), "due");
    assert_code(
        ts.create(new(
            "Orphan",
            relative(
                DueAnchor::Task(lexcase::TaskId::new()),
                1,
                DayUnit::CalendarDays,
            ),
        )),
        ErrorCode::NotFound,
    );
    let no_matter = NewTask {
        title: "Firm admin".into(),
        due: relative(DueAnchor::KeyDate("x".into()), 1, DayUnit::CalendarDays),
        ..NewTask::default()
    };
    assert_invalid(ts.create(no_matter), "due");
}

/// My tasks, team tasks, overdue, due this week and per matter; status changes; access.
pub fn views_and_status(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase");
    let ts = f.fee_earner.tasks();
    let on = |day| Some(TaskDue::On { date: d(11, day) });
    let me = Some(Assignee::User(f.fee_earner.actor_id()));
    let para = Some(Assignee::User(f.paralegal.actor_id()));
    let mk = |title: &str, due, assignee, priority| {
        ts.create(NewTask {
            matter: Some(m.id),
            title: title.into(),
            due,
            assignee,
            priority,
            ..NewTask::default()
        })
        .unwrap()
    };
    let late = mk("Late", on(20), me, Priority::Normal);
    let soon = mk("This week", on(29), me, Priority::High);
    let _later = mk(
        "Next month",
        Some(TaskDue::On { date: d(12, 20) }),
        para,
        Priority::Low,
    );
    let client = f.person("Jane", "Client");
    let todo = mk(
        "Sign the TR1",
        on(28),
        Some(Assignee::Contact(client.id)),
        Priority::Urgent,
    );
    let personal = ts
        .create(NewTask {
            title: "Renew practising certificate".into(),
            assignee: me,
            ..NewTask::default()
        })
        .unwrap();
    let titles = |p: lexcase::store::Paged<lexcase::tasks::Task>| {
        p.items.into_iter().map(|t| t.title).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(ts.mine(Page::default()).unwrap()),
        ["Late", "This week", "Renew practising certificate"]
    );
    assert_eq!(
        titles(f.paralegal.tasks().mine(Page::default()).unwrap()),
        ["Next month"]
    );
    assert_eq!(
        ts.team(Page::default()).unwrap().total,
        4,
        "tasks on my matters"
    );
    assert_eq!(
        titles(f.read_only.tasks().overdue(Page::default()).unwrap()),
        ["Late"]
    );
    // Friday 27 Nov 2026: this week runs to Sunday 29.
    assert_eq!(
        titles(ts.due_this_week(Page::default()).unwrap()),
        ["Sign the TR1", "This week"]
    );
    assert_eq!(ts.for_matter(m.id, Page::default()).unwrap().total, 4);
    let late = ts
        .set_status(late.id, late.version, TaskStatus::Complete)
        .unwrap();
    assert_eq!(late.completed_by, Some(f.fee_earner.actor_id()));
    assert!(ts.overdue(Page::default()).unwrap().items.is_empty());
    assert_code(
        ts.set_status(late.id, late.version, TaskStatus::InReview),
        ErrorCode::InvalidTransition,
    );
    assert_code(
        ts.set_status(soon.id, soon.version + 1, TaskStatus::Complete),
        ErrorCode::StaleVersion,
    );
    assert_code(
        f.read_only
            .tasks()
            .set_status(todo.id, todo.version, TaskStatus::Complete),
        ErrorCode::PermissionDenied,
    );
    assert_code(
        f.read_only.tasks().create(NewTask {
            title: "x".into(),
            ..NewTask::default()
        }),
        ErrorCode::PermissionDenied,
    );
    assert_invalid(
        ts.create(NewTask {
            title: " ".into(),
            ..NewTask::default()
        }),
        "title",
    );
    assert_code(
        ts.create(NewTask {
            title: "x".into(),
            assignee: Some(Assignee::User(lexcase::UserId::new())),
            ..NewTask::default()
        }),
        ErrorCode::NotFound,
    );
    // Walled users see none of the matter's tasks, cannot be given them, and cannot touch them.
    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.partner
        .matters()
        .add_ethical_wall(m.id, m.version, f.secretary.actor_id(), "conflict")
        .unwrap();
    assert_eq!(
        f.secretary
            .tasks()
            .for_matter(m.id, Page::default())
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        f.secretary.tasks().overdue(Page::default()).unwrap().total,
        0
    );
    assert_code(f.secretary.tasks().get(soon.id), ErrorCode::NotFound);
    assert_code(
        f.secretary
            .tasks()
            .set_status(soon.id, soon.version, TaskStatus::Complete),
        ErrorCode::NotFound,
    );
    assert_eq!(
        f.secretary.tasks().get(personal.id).unwrap().id,
        personal.id,
        "no matter: firm-wide"
    );
    let sec = Some(Assignee::User(f.secretary.actor_id()));
    assert_invalid(
        ts.create(NewTask {
            matter: Some(m.id),
            title: "x".into(),
            assignee: sec,
            ..NewTask::default()
        }),
        "assignee",
    );
}

/// Entering a stage creates its tasks once; completing one ticks its checklist item; setting a
/// key date ticks the items that ask for it.
pub fn workflow_stages_create_tasks_that_tick_items(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 12 Acacia Avenue");
    let wf = f.fee_earner.workflow();
    let w = wf.start(m.id, "ew-residential-purchase", None).unwrap();
    let tasks = f
        .fee_earner
        .tasks()
        .for_matter(m.id, Page::default())
        .unwrap()
        .items;
    assert_eq!(tasks.len(), 1);
    let funds = &tasks[0];
    assert_eq!(funds.checklist_item.as_deref(), Some("source_of_funds"));
    assert_eq!(
        funds.assignee,
        Some(Assignee::User(f.fee_earner.actor_id())),
        "the responsible fee earner"
    );
    // Friday 27 Nov + 5 business days: Friday 4 Dec.
    assert_eq!(funds.due_date, Some(d(12, 4)));
    f.fee_earner
        .tasks()
        .set_status(funds.id, funds.version, TaskStatus::Complete)
        .unwrap();
    let w2 = wf.get(m.id).unwrap();
    assert_eq!(
        w2.items["source_of_funds"].note.as_deref(),
        Some("task completed")
    );
    assert_eq!(w2.version, w.version + 1);
    let mut w = w2;
    for item in ["verify_identity", "conflict_check", "client_care_letter"] {
        w = wf.complete_item(m.id, w.version, item, None).unwrap();
    }
    let r = wf.move_to(m.id, w.version, "pre_exchange", None).unwrap();
    assert!(matches!(r.outcome, MoveOutcome::Moved(_)));
    assert_eq!(
        f.fee_earner
            .tasks()
            .for_matter(m.id, Page::default())
            .unwrap()
            .total,
        2,
        "the enquiries task"
    );
    // Going back and forward again creates no duplicates.
    let w = wf
        .move_to(m.id, r.progress.version, "instructions", None)
        .unwrap()
        .progress;
    let w = wf
        .move_to(m.id, w.version, "pre_exchange", None)
        .unwrap()
        .progress;
    assert_eq!(
        f.fee_earner
            .tasks()
            .for_matter(m.id, Page::default())
            .unwrap()
            .total,
        2
    );
    // A key date ticks the key-date item asking for it.
    let m = f.fee_earner.matters().get(m.id).unwrap();
    f.fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(d(1, 8)))
        .unwrap();
    assert!(wf.get(m.id).unwrap().items.contains_key("completion_date"));
    assert!(w.version < wf.get(m.id).unwrap().version);
    // Entering a stage with a key date not yet set prompts for it; the date answers the prompt.
    let w = wf.get(m.id).unwrap();
    let w = f
        .partner
        .workflow()
        .move_to(
            m.id,
            w.version,
            "prior_to_exchange",
            Some("searches chased separately"),
        )
        .unwrap()
        .progress;
    assert_eq!(w.stage, "prior_to_exchange");
    let prompts: Vec<_> = f
        .fee_earner
        .tasks()
        .mine(Page::default())
        .unwrap()
        .items
        .into_iter()
        .filter(|t| t.title.starts_with("Set key date"))
        .collect();
    assert!(
        prompts.is_empty(),
        "completion was already set before the stage was entered"
    );
    let w = f
        .partner
        .workflow()
        .move_to(m.id, w.version, "pre_exchange", None)
        .unwrap()
        .progress;
    let m = f.fee_earner.matters().get(m.id).unwrap();
    let m = f
        .fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", None)
        .unwrap();
    let w = wf.reopen_item(m.id, w.version, "completion_date").unwrap();
    f.partner
        .workflow()
        .move_to(m.id, w.version, "prior_to_exchange", Some("again"))
        .unwrap();
    let prompt = f
        .fee_earner
        .tasks()
        .mine(Page::default())
        .unwrap()
        .items
        .into_iter()
        .find(|t| t.title == "Set key date: completion")
        .unwrap();
    assert_eq!(prompt.checklist_item.as_deref(), Some("completion_date"));
    // Completing the prompt by hand does not tick the item: only the date does.
    let prompt = f
        .fee_earner
        .tasks()
        .set_status(prompt.id, prompt.version, TaskStatus::InProgress)
        .unwrap();
    assert!(!wf.get(m.id).unwrap().items.contains_key("completion_date"));
    f.fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(d(1, 8)))
        .unwrap();
    assert!(wf.get(m.id).unwrap().items.contains_key("completion_date"));
    assert_eq!(
        f.fee_earner.tasks().get(prompt.id).unwrap().status,
        TaskStatus::Complete
    );
    f.clock.set(start_instant() + Duration::days(30));
    assert_eq!(
        f.fee_earner.tasks().overdue(Page::default()).unwrap().total,
        1,
        "the enquiries task is late now"
    );
}
