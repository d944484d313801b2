//! Workflow at firm scale: the status report of a matter whose template has 200 checklist items,
//! and the firm-wide stage views (matters per stage, matters stuck in a stage) over 100 000
//! matters. One-shot, printed as Markdown; medians of several runs.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench workflow_scale
//! ```
//!
//! `LEXCASE_BENCH_N` sets the number of matters (default 100 000). Run as a test (without
//! `--bench`) it does a 300-matter smoke run.

use chrono::{Days, Utc};
use lexcase::access::Viewer;
use lexcase::store::{MatterQuery, Page};
use lexcase::workflow::{WorkflowProgress, WorkflowTemplate, builtin};
use lexcase_benches::{env_number, mix, open_file, seed_raw, setup_firm, time_runs};
use lexcase_sqlite::Durability;
use std::error::Error;

type AnyResult<T> = std::result::Result<T, Box<dyn Error>>;

/// A template of 10 stages × 20 confirmation items: 200 items.
fn big_template() -> AnyResult<WorkflowTemplate> {
    let mut toml =
        String::from("id = \"big\"\nversion = 1\nname = \"Big\"\npractice_area = \"general\"\n");
    for s in 0..10 {
        toml.push_str(&format!(
            "\n[[stages]]\nid = \"s{s}\"\nname = \"Stage {s}\"\nallow_back = true\n"
        ));
        for i in 0..20 {
            toml.push_str(&format!(
                "[[stages.items]]\nid = \"s{s}_i{i}\"\ntitle = \"Item {i} of stage {s}\"\nkind = \"confirmation\"\n"
            ));
        }
    }
    Ok(WorkflowTemplate::from_toml(&toml)?)
}

fn main() -> AnyResult<()> {
    let bench = std::env::args().any(|a| a == "--bench");
    let n = if bench {
        env_number("LEXCASE_BENCH_N", 100_000)
    } else {
        300
    };
    let runs = if bench { 20 } else { 2 };
    let dir = tempfile::tempdir()?;
    let bf = setup_firm(open_file(
        &dir.path().join("workflow.lexcase"),
        Durability::Normal,
    )?)?;
    let admin = bf.admin()?;

    // The status report of a matter with 200 items, half of them done.
    let template = big_template()?;
    admin.workflow().register_template(template.clone())?;
    let (contacts, _, _) = seed_raw(&bf, n.min(1_000), 1_000)?;
    let store = bf.firm.store().clone();
    let viewer = Viewer {
        user: bf.staff.admin.id,
        sees_restricted: true,
    };
    let first = store
        .read()?
        .matters(&MatterQuery::default(), &viewer, Page::first(1)?)?;
    let matter = first.items.first().ok_or("no matter")?.id;
    let mut w = admin.workflow().start(matter, "big", None)?;
    for (_, item) in template.items().step_by(2) {
        w = admin
            .workflow()
            .complete_item(matter, w.version, &item.id, None)?;
    }
    let (report_time, report) = time_runs(runs.max(50), || admin.workflow().report(matter))?;
    println!("| workload | size | median | min | max |\n|---|---|---|---|---|");
    println!(
        "| status report, one matter | {} items ({} done) | {:.2?} | {:.2?} | {:.2?} |",
        template.items().count(),
        report.done.len(),
        report_time.median,
        report_time.min,
        report_time.max
    );

    // The firm-wide views over n matters, each with a workflow on a built-in template, spread
    // over the stages and over the last year.
    let more = n.saturating_sub(1_000);
    if more > 0 {
        lexcase_benches::matters_raw(&bf, &*store, &contacts, more, 1_000)?;
    }
    let templates = builtin::all()?;
    let today = Utc::now().date_naive();
    let mut offset = 0;
    let mut seeded = 0u64;
    loop {
        let page =
            store
                .read()?
                .matters(&MatterQuery::default(), &viewer, Page::new(offset, 1_000)?)?;
        if page.items.is_empty() {
            break;
        }
        let mut tx = store.write()?;
        for m in &page.items {
            if m.id == matter {
                continue;
            }
            let i = seeded;
            let t = &templates[(mix(i, 70) % templates.len() as u64) as usize];
            let entered = today
                .checked_sub_days(Days::new(mix(i, 71) % 365))
                .unwrap_or(today);
            let mut p = WorkflowProgress::start(t, m.id, bf.staff.admin.id, Utc::now(), entered)?;
            p.stage = t.stages[(mix(i, 72) % t.stages.len() as u64) as usize]
                .id
                .clone();
            tx.insert_matter_workflow(&p)?;
            seeded += 1;
        }
        tx.commit()?;
        offset += page.items.len() as u64;
    }
    let fee_earner = bf.fee_earner(0)?;
    let (counts_time, counts) = time_runs(runs, || fee_earner.workflow().stage_counts())?;
    let in_stages: u64 = counts.iter().map(|c| c.matters).sum();
    println!(
        "| stage counts (fee earner's view) | {seeded} workflows, {} stages, {in_stages} live | {:.2?} | {:.2?} | {:.2?} |",
        counts.len(),
        counts_time.median,
        counts_time.min,
        counts_time.max
    );
    let (stuck_time, stuck) =
        time_runs(runs, || fee_earner.workflow().stuck(90, Page::first(50)?))?;
    println!(
        "| stuck > 90 days, first page | {} matches | {:.2?} | {:.2?} | {:.2?} |",
        stuck.total, stuck_time.median, stuck_time.min, stuck_time.max
    );
    Ok(())
}
