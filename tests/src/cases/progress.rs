//! Progress and cancel on the long calls: the compliance sweep, vCard import, bulk time
//! import and rendering many documents report their phases with stable names and done/total;
//! a cancel from the callback — at the last item, once everything was done in the
//! transaction — leaves nothing written. (The conflict re-check: [`super::conflict_recheck`];
//! archives: [`super::archive`].)

use std::sync::Arc;

use lexcase::ErrorCode;

use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::progress::{Flow, Progress, ProgressUpdate};
use lexcase::service::{DraftRequest, FileAs, MatterFilter, RenderRequest, RenderSubject, Session};
use lexcase::store::{Page, WorkQuery};
use lexcase::templates::OutputFormat;
use lexcase::timekeeping::NewTimeEntry;
use lexcase::{BillId, MatterId, Result};

use super::compliance_sweep::build;
use super::outputs::EchoEngine;
use crate::fixture::{Fixture, SharedStore, assert_code};

/// Runs `call` with a callback that records every update and cancels at the first one `stop`
/// picks; returns the call's result and the updates.
pub(crate) fn watched<T>(
    stop: impl Fn(&ProgressUpdate) -> bool,
    call: impl FnOnce(&mut dyn Progress) -> Result<T>,
) -> (Result<T>, Vec<ProgressUpdate>) {
    let mut seen = Vec::new();
    let mut callback = |u: ProgressUpdate| {
        seen.push(u);
        if stop(&u) {
            Flow::Cancel
        } else {
            Flow::Continue
        }
    };
    let result = call(&mut callback);
    (result, seen)
}

/// Never cancels.
pub(crate) fn never(_: &ProgressUpdate) -> bool {
    false
}

/// The updates of `phase` count from 0 up to `total`, never backwards, each with that total.
#[track_caller]
pub(crate) fn assert_counted(seen: &[ProgressUpdate], phase: &str, total: u64) {
    let done: Vec<u64> = seen
        .iter()
        .filter(|u| u.phase == phase)
        .map(|u| u.done)
        .collect();
    assert_eq!(done.first(), Some(&0), "{phase} starts at 0: {seen:?}");
    assert_eq!(
        done.last(),
        Some(&total),
        "{phase} ends at {total}: {seen:?}"
    );
    assert!(done.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(
        seen.iter()
            .filter(|u| u.phase == phase)
            .all(|u| u.total == Some(total)),
        "{seen:?}"
    );
}

/// The last update of its phase: everything of it was done.
pub(crate) fn at_end(phase: &'static str) -> impl Fn(&ProgressUpdate) -> bool {
    move |u| u.phase == phase && u.done > 0 && u.total == Some(u.done)
}

/// How many matters `session` may see that are not archived.
fn swept_total(session: &Session) -> u64 {
    let all = session
        .matters()
        .list(MatterFilter::default(), Page::first(1).unwrap())
        .unwrap()
        .total;
    let archived = session
        .matters()
        .list(
            MatterFilter {
                status: Some(lexcase::matters::MatterStatus::Archived),
                ..MatterFilter::default()
            },
            Page::first(1).unwrap(),
        )
        .unwrap()
        .total;
    all - archived
}

/// The sweep reports the matters it covers — those the actor may see, not archived: fewer
/// for a user walled from one or outside a team-only one — and answers as without progress;
/// a cancelled sweep fails with `cancelled` and, like every sweep, records nothing.
pub fn the_sweep_reports_the_matters_it_covers_and_a_cancel_records_nothing(store: SharedStore) {
    let f = Fixture::new(store);
    build(&f);
    f.admin
        .compliance()
        .set_packs_in_force(&["core".into()])
        .unwrap();
    for session in [&f.fee_earner, &f.fee_earner2, &f.admin] {
        let (found, seen) = watched(never, |p| session.compliance().sweep_with_progress(p));
        assert_eq!(found.unwrap(), session.compliance().sweep().unwrap());
        assert_counted(&seen, "sweep.matters", swept_total(session));
    }
    assert!(swept_total(&f.fee_earner2) < swept_total(&f.fee_earner));

    let head = f.audit_head();
    let (result, seen) = watched(at_end("sweep.matters"), |p| {
        f.fee_earner.compliance().sweep_with_progress(p)
    });
    assert_code(result, ErrorCode::Cancelled);
    assert!(seen.len() >= 2);
    assert_eq!(f.audit_head(), head, "a sweep records no event");
}

/// Three vCards, the second with a note.
const CARDS: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Ash\r\nN:Ash;Ann;;;\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Birch\r\nN:Birch;Ben;;;\r\nNOTE:Met at the fair\r\n\
    END:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy Cedar\r\nN:Cedar;Cy;;;\r\nEND:VCARD\r\n";

/// The vCard import reports each card; cancelled after the last card was written, it creates
/// no contact and no note.
pub fn the_vcard_import_reports_each_card_and_a_cancel_imports_none(store: SharedStore) {
    let f = Fixture::new(store);
    let contacts = |name: &str| {
        f.admin
            .contacts()
            .search(name, None, Page::default())
            .unwrap()
            .total
    };
    let head = f.audit_head();
    let (result, seen) = watched(at_end("contacts.import"), |p| {
        f.admin
            .interchange()
            .import_contacts_with_progress(CARDS, p)
    });
    assert_code(result, ErrorCode::Cancelled);
    assert_counted(&seen, "contacts.import", 3);
    assert_eq!(f.audit_head(), head);
    assert_eq!(contacts("Ben"), 0);

    let (imported, seen) = watched(never, |p| {
        f.admin
            .interchange()
            .import_contacts_with_progress(CARDS, p)
    });
    assert_eq!(imported.unwrap().len(), 3);
    assert_eq!(
        seen.iter().map(|u| u.done).collect::<Vec<_>>(),
        vec![0, 1, 2, 3]
    );
    assert_eq!(contacts("Ben"), 1);
    // Refused before any card: nothing reported.
    let (refused, seen) = watched(never, |p| {
        f.read_only
            .interchange()
            .import_contacts_with_progress(CARDS, p)
    });
    assert_code(refused, ErrorCode::PermissionDenied);
    assert!(seen.is_empty());
}

/// A bulk time import reports each entry; cancelled after the last one was written, it
/// records none.
pub fn bulk_time_reports_each_entry_and_a_cancel_records_none(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 3 Oak Row");
    let entries: Vec<NewTimeEntry> = (1..=4)
        .map(|n| {
            NewTimeEntry::new(
                m.id,
                "2026-11-20".parse().unwrap(),
                600 * n,
                &format!("Call {n}"),
            )
        })
        .collect();
    let recorded = |f: &Fixture| {
        let query = WorkQuery {
            matter: Some(m.id),
            user: Some(f.fee_earner.actor_id()),
            ..WorkQuery::default()
        };
        f.fee_earner
            .time()
            .list(&query, Page::default())
            .unwrap()
            .total
    };
    let head = f.audit_head();
    let (result, seen) = watched(at_end("time.record"), |p| {
        f.fee_earner
            .time()
            .record_many_with_progress(entries.clone(), p)
    });
    assert_code(result, ErrorCode::Cancelled);
    assert_counted(&seen, "time.record", 4);
    assert_eq!(f.audit_head(), head);
    assert_eq!(recorded(&f), 0);

    let (result, seen) = watched(never, |p| {
        f.fee_earner.time().record_many_with_progress(entries, p)
    });
    assert_eq!(result.unwrap().len(), 4);
    assert_counted(&seen, "time.record", 4);
    assert_eq!(recorded(&f), 4);
}

/// An issued bill for the time recorded on a new matter.
fn issued_bill(f: &Fixture, title: &str) -> (MatterId, BillId) {
    let client = f.person("Ivy", title);
    let m = f
        .fee_earner
        .matters()
        .create(f.new_matter(title, vec![client.id]))
        .unwrap();
    f.fee_earner
        .time()
        .record(NewTimeEntry::new(
            m.id,
            "2026-11-20".parse().unwrap(),
            3600,
            "Advice",
        ))
        .unwrap();
    let bills = f.accounts.bills();
    let draft = bills
        .draft(DraftRequest {
            client: client.id,
            matters: vec![m.id],
            period_from: "2026-11-01".parse().unwrap(),
            period_to: "2026-11-30".parse().unwrap(),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: "For services rendered".into(),
        })
        .unwrap();
    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    let issued = bills.issue(approved.id, approved.version).unwrap();
    (m.id, issued.id)
}

/// Rendering many documents reports each one rendered, then each one kept or filed; a cancel
/// in either phase keeps no rendering, files no document and leaves no contents; the batch
/// then goes through whole and a second batch reprints the kept bytes.
pub fn rendering_many_reports_each_document_and_a_cancel_keeps_and_files_nothing(
    store: SharedStore,
) {
    let f = Fixture::new(store);
    let bills: Vec<(MatterId, BillId)> = ["Ash", "Birch", "Cedar"]
        .iter()
        .map(|t| issued_bill(&f, t))
        .collect();
    let firm = f.firm.clone().with_engine(Arc::new(EchoEngine));
    let accounts = firm.session(f.accounts.actor_id()).unwrap();
    let fee_earner = firm.session(f.fee_earner.actor_id()).unwrap();
    let invoices: Vec<RenderRequest> = bills
        .iter()
        .map(|(_, bill)| {
            RenderRequest::new("invoice", OutputFormat::Text, RenderSubject::Bill(*bill))
        })
        .collect();
    let letters: Vec<RenderRequest> = bills
        .iter()
        .map(|(matter, _)| {
            RenderRequest::new(
                "client_care_letter",
                OutputFormat::Text,
                RenderSubject::Matter(*matter),
            )
            .filed(FileAs::default())
        })
        .collect();
    let filed = |matter: MatterId| {
        f.fee_earner
            .documents()
            .for_matter(matter, Page::default())
            .unwrap()
            .total
    };
    let head = f.audit_head();
    let contents = f.blobs.counts();
    for (session, requests) in [(&accounts, &invoices), (&fee_earner, &letters)] {
        for phase in ["render.documents", "render.record"] {
            let (result, seen) = watched(at_end(phase), |p| {
                session
                    .documents()
                    .render_many_with_progress(requests.clone(), p)
            });
            assert_code(result, ErrorCode::Cancelled);
            assert_counted(&seen, phase, 3);
            assert_eq!(f.audit_head(), head, "{phase}: nothing recorded");
            assert_eq!(f.blobs.counts(), contents, "{phase}: no contents left");
        }
    }
    assert!(bills.iter().all(|(matter, _)| filed(*matter) == 0));

    let (first, seen) = watched(never, |p| {
        accounts
            .documents()
            .render_many_with_progress(invoices.clone(), p)
    });
    let first = first.unwrap();
    assert_counted(&seen, "render.documents", 3);
    assert_counted(&seen, "render.record", 3);
    assert!(first.iter().all(|d| !d.reprint && d.document.is_none()));
    let again = accounts.documents().render_many(invoices).unwrap();
    assert!(again.iter().all(|d| d.reprint));
    let bytes = |docs: &[lexcase::templates::RenderedDocument]| -> Vec<Vec<u8>> {
        docs.iter().map(|d| d.bytes.clone()).collect()
    };
    assert_eq!(bytes(&again), bytes(&first));

    let letters = fee_earner.documents().render_many(letters).unwrap();
    assert!(letters.iter().all(|d| d.document.is_some()));
    assert!(bills.iter().all(|(matter, _)| filed(*matter) == 1));
    // A batch with a request that fails renders and records none.
    let mut bad = vec![
        RenderRequest::new(
            "client_care_letter",
            OutputFormat::Text,
            RenderSubject::Matter(bills[0].0),
        )
        .filed(FileAs::default()),
    ];
    bad.push(RenderRequest::new(
        "no-such-template",
        OutputFormat::Text,
        RenderSubject::Matter(bills[1].0),
    ));
    assert_code(fee_earner.documents().render_many(bad), ErrorCode::NotFound);
    assert_eq!(filed(bills[0].0), 1);
}
