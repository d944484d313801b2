//! Deadline rules that changed: a docketed deadline takes the version of its rule in force on
//! its trigger date, and changes version when the trigger moves across the change.

use chrono::NaiveDate;
use lexcase::deadlines::builtin_rule;
use lexcase::docket::{DeadlineTrigger, NewDeadline};

use crate::fixture::{Fixture, SharedStore};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The SDLT return: 30 days for a completion before 1 March 2019, 14 days on and after it;
/// the trace names the version.
pub fn docketed_deadlines_follow_the_version_in_force(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 3 Birch Close");
    let docket = f.fee_earner.docket();
    let sdlt = docket
        .add(NewDeadline::new(
            m.id,
            builtin_rule("sdlt-return").unwrap(),
            DeadlineTrigger::KeyDate {
                name: "completion".into(),
            },
        ))
        .unwrap();
    assert_eq!(
        sdlt.rule.versions.len(),
        2,
        "the snapshot keeps the versions"
    );
    let m = f
        .fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(day("2019-02-28")))
        .unwrap();
    let old = docket.get(sdlt.id).unwrap();
    assert_eq!(old.due(), Some(day("2019-03-30")));
    let trace = &old.computed.as_ref().unwrap().trace;
    assert!(
        trace[0].explanation.contains("before 1 March 2019"),
        "{trace:?}"
    );

    f.fee_earner
        .matters()
        .set_key_date(m.id, m.version, "completion", Some(day("2019-03-01")))
        .unwrap();
    let new = docket.get(sdlt.id).unwrap();
    assert_eq!(new.due(), Some(day("2019-03-15")));
    let trace = &new.computed.as_ref().unwrap().trace;
    assert!(
        trace[0].explanation.contains("Finance Act 2019"),
        "{trace:?}"
    );
}
