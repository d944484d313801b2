//! Firm archives: a firm with data in every area exported, imported into a fresh store (of the
//! same kind, or another: a SQLite firm moved to PostgreSQL) and exported again gives the same
//! bytes; the imported chain verifies with the same head; a damaged, cut-off, too-new or
//! cancelled import writes nothing.

use std::io::{Cursor, Read, Write};
use std::sync::Arc;

use lexcase::ErrorCode;
use lexcase::appointments::{AppointmentKind, NewAppointment, Schedule};
use lexcase::archive::{MANIFEST, Manifest};
use lexcase::bills::Bill;
use lexcase::notes::NoteSubject;
use lexcase::progress::{Flow, ProgressUpdate};
use lexcase::service::{Firm, RenderRequest, RenderSubject};
use lexcase::store::{BillQuery, MemoryBlobStore, Page, RecordKind};
use lexcase::templates::{Letterhead, NewTemplate, OutputFormat, RenderedDocument, TemplateKind};

use super::compliance_sweep::build;
use super::outputs::EchoEngine;
use crate::fixture::{Fixture, SharedStore, assert_code};

/// Makes a fresh, empty store.
pub type MakeStore<'a> = &'a dyn Fn() -> SharedStore;

/// A firm over `store` with contents kept in memory.
fn firm_over(store: SharedStore, f: &Fixture) -> Firm {
    Firm::with_clock(store, f.clock.clone()).with_blobs(Arc::new(MemoryBlobStore::new()))
}

/// The fixture firm with data in every area: the compliance-sweep matters (clients with
/// identity checks, parties, custom fields, key dates, workflows, tasks, deadlines, documents
/// with contents, time, an issued bill, client money, conflict checks, walls, team-only,
/// closed and archived matters) plus notes, a calendar entry, a filed email with an
/// attachment, a running timer, a document template, the letterhead, the rendering kept with
/// the issued bill and rule packs in force.
fn busy_firm(store: SharedStore) -> Fixture {
    let f = Fixture::new(store);
    build(&f);
    let m = f.matter("Smith v Jones");
    f.fee_earner
        .notes()
        .add(NoteSubject::Matter(m.id), "Client called about the survey")
        .unwrap();
    let mut hearing = NewAppointment::new(
        "Case management conference",
        Schedule::all_day("2027-01-12".parse().unwrap(), "2027-01-12".parse().unwrap()),
    );
    hearing.kind = AppointmentKind::Hearing;
    hearing.matter = Some(m.id);
    f.fee_earner.appointments().create(hearing).unwrap();
    let email = format!(
        "From: jane@example.com\r\nTo: fern@smith.example\r\nSubject: {} survey\r\n\
         Date: Thu, 26 Nov 2026 16:05:00 +0000\r\nMessage-ID: <a1@example.com>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attached.\r\n\
         --B\r\nContent-Type: application/pdf\r\n\
         Content-Disposition: attachment; filename=\"TA6.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n",
        m.number
    );
    f.paralegal
        .communications()
        .ingest_email(email.as_bytes())
        .unwrap();
    f.fee_earner2.time().start_timer(m.id, "Reading").unwrap();
    f.paralegal
        .documents()
        .add(
            lexcase::documents::NewDocument {
                matter: m.id,
                name: "Attendance note".into(),
                category: "correspondence".into(),
                media_type: "text/plain".into(),
            },
            b"Attended the client about the survey",
            Some("Attended the client about the survey"),
        )
        .unwrap();
    f.admin
        .compliance()
        .set_packs_in_force(&["core".into()])
        .unwrap();
    let admin = rendering(&f.firm).session(f.admin.actor_id()).unwrap();
    admin
        .templates()
        .install(NewTemplate {
            id: "welcome".into(),
            version: 2,
            kind: TemplateKind::Letter,
            name: "Welcome letter".into(),
            subject: None,
            text: Some("Dear {{ client.name }}, welcome.".into()),
            html: None,
            typst: None,
        })
        .unwrap();
    admin
        .templates()
        .set_letterhead(Letterhead {
            address: vec!["1 High Street".into(), "Oxford".into()],
            vat_number: Some("GB 123 4567 89".into()),
            payment_details: vec!["Sort code 00-00-00".into()],
            ..Letterhead::default()
        })
        .unwrap();
    assert!(
        !render_invoice(&f.firm, &f).reprint,
        "the first rendering is kept"
    );
    f
}

/// `firm` with a stand-in template engine (renders text and HTML).
fn rendering(firm: &Firm) -> Firm {
    firm.clone().with_engine(Arc::new(EchoEngine))
}

/// The firm's issued bill.
fn issued_bill(firm: &Firm, f: &Fixture) -> Bill {
    let session = firm.session(f.accounts.actor_id()).unwrap();
    let bills = session
        .bills()
        .list(&BillQuery::default(), Page::first(50).unwrap())
        .unwrap();
    bills
        .items
        .into_iter()
        .find(|b| b.issued_on.is_some())
        .expect("the busy firm has an issued bill")
}

/// Renders the issued bill's invoice as HTML (kept with the bill the first time).
fn render_invoice(firm: &Firm, f: &Fixture) -> RenderedDocument {
    let bill = issued_bill(firm, f);
    rendering(firm)
        .session(f.accounts.actor_id())
        .unwrap()
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Html,
            RenderSubject::Bill(bill.id),
        ))
        .unwrap()
}

fn export(firm: &Firm) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    firm.export_archive(&mut out).unwrap();
    out.into_inner()
}

/// Nothing is in the store: no settings, no events, no users.
fn assert_empty(store: &SharedStore) {
    let tx = store.read().unwrap();
    assert!(tx.firm_settings().unwrap().is_none());
    assert!(tx.audit_head().unwrap().is_none());
    assert!(
        tx.archive_records(RecordKind::Users, None, 10)
            .unwrap()
            .is_empty()
    );
}

/// Export → import into a fresh store → export again gives the same bytes; the imported
/// chain verifies and ends at the same head; records and contents read back.
pub fn firm_round_trips_byte_identically(make: MakeStore<'_>) {
    firm_moves_byte_identically(make, make);
}

/// [`firm_round_trips_byte_identically`] from a store made by `from` into one made by `to`
/// (another kind of store: how a firm moves from a SQLite file to PostgreSQL).
pub fn firm_moves_byte_identically(from: MakeStore<'_>, to: MakeStore<'_>) {
    let f = busy_firm(from());
    let first = export(&f.firm);
    let admin = f.admin.actor_id();
    let head = f.admin.audit().head().unwrap();

    let store = to();
    let imported = firm_over(store.clone(), &f);
    let manifest = imported.import_archive(Cursor::new(&first)).unwrap();
    assert_eq!(manifest.audit_head, head);
    // Kinds this firm leaves empty (their round trip is the same code path as the others').
    let not_built = [
        RecordKind::Expenses,
        RecordKind::BillingTerms,
        RecordKind::Payments,
        RecordKind::Reconciliations,
        RecordKind::RuleOverrides,
    ];
    let empty: Vec<&str> = RecordKind::ALL
        .iter()
        .filter(|kind| !not_built.contains(kind))
        .filter(|kind| {
            let name = lexcase::archive::records_member(**kind);
            manifest
                .members
                .iter()
                .any(|m| m.name == name && m.count == 0)
        })
        .map(|kind| kind.name())
        .collect();
    assert_eq!(empty, Vec::<&str>::new(), "the busy firm has none of these");
    assert!(
        manifest
            .members
            .iter()
            .any(|m| m.name.starts_with("blobs/"))
    );
    let count = |name: &str| {
        manifest
            .members
            .iter()
            .find(|m| m.name == name)
            .unwrap()
            .count
    };
    assert_eq!(count("firm/document_templates.jsonl"), 1);
    assert_eq!(count("firm/letterhead.jsonl"), 1);

    let second = export(&imported);
    assert!(first == second, "the re-exported archive differs");

    let session = imported.session(admin).unwrap();
    let verification = session.audit().verify().unwrap();
    assert!(verification.is_intact(), "{verification:?}");
    assert_eq!(session.audit().head().unwrap(), head);
    let state = session.audit().verify_state().unwrap();
    assert!(state.is_consistent(), "{state:?}");
    let original = f.admin.audit().verify_state().unwrap();
    assert!(original.is_consistent(), "original {original:?}");
    // The template, the letterhead and the kept rendering (with its bytes) came across.
    assert_eq!(
        session.templates().get("welcome", None).unwrap(),
        f.admin.templates().get("welcome", None).unwrap()
    );
    assert_eq!(
        session.templates().letterhead().unwrap(),
        f.admin.templates().letterhead().unwrap()
    );
    let kept = render_invoice(&f.firm, &f);
    let reprint = render_invoice(&imported, &f);
    assert!(
        kept.reprint && reprint.reprint,
        "the kept rendering is reprinted"
    );
    assert_eq!(reprint.bytes, kept.bytes);
    // Contents came across, and counters continue where they were.
    let m = session
        .matters()
        .list(Default::default(), Default::default())
        .unwrap();
    assert_eq!(
        m.total,
        f.admin
            .matters()
            .list(Default::default(), Default::default())
            .unwrap()
            .total
    );
    let next = session
        .matters()
        .create(f.new_matter("After the move", vec![m.items[0].clients().next().unwrap()]))
        .unwrap();
    assert!(m.items.iter().all(|old| old.number != next.number));
    // A store that holds a firm is refused.
    assert_code(
        imported.import_archive(Cursor::new(&first)),
        ErrorCode::Conflict,
    );
}

/// Rewrites an archive with its manifest changed by `edit`.
fn with_manifest(archive: &[u8], edit: impl Fn(&mut Manifest)) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(archive)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == MANIFEST {
            let mut manifest: Manifest = serde_json::from_slice(&bytes).unwrap();
            edit(&mut manifest);
            bytes = serde_json::to_vec(&manifest).unwrap();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn assert_refused(make: MakeStore<'_>, f: &Fixture, archive: &[u8], code: ErrorCode) {
    let store = make();
    let firm = firm_over(store.clone(), f);
    assert_code(firm.import_archive(Cursor::new(archive)), code);
    assert_empty(&store);
}

/// A cut-off, damaged, edited or too-new archive is an `invalid_archive` error, and a cancel
/// from the progress callback a `cancelled` one, at any point; nothing is written.
pub fn bad_or_cancelled_imports_write_nothing(make: MakeStore<'_>) {
    let f = busy_firm(make());
    let good = export(&f.firm);
    for cut in [good.len() / 2, good.len() - 10, 100] {
        assert_refused(make, &f, &good[..cut], ErrorCode::InvalidArchive);
    }
    assert_refused(make, &f, b"not a zip", ErrorCode::InvalidArchive);
    let too_new = with_manifest(&good, |m| m.version = 99);
    assert_refused(make, &f, &too_new, ErrorCode::InvalidArchive);
    let miscounted = with_manifest(&good, |m| m.members[6].count += 1);
    assert_refused(make, &f, &miscounted, ErrorCode::InvalidArchive);
    let wrong_hash = with_manifest(&good, |m| {
        let last = m.members.len() - 1;
        m.members[last].sha256 = "0".repeat(64);
    });
    assert_refused(make, &f, &wrong_hash, ErrorCode::InvalidArchive);
    let other_head = with_manifest(&good, |m| {
        if let Some(h) = m.audit_head.as_mut() {
            h.seq -= 1;
        }
    });
    assert_refused(make, &f, &other_head, ErrorCode::InvalidArchive);
    // The same archive imports whole.
    let store = make();
    firm_over(store.clone(), &f)
        .import_archive(Cursor::new(&good))
        .unwrap();

    // Cancelled in each phase, the last one after every record and event was written.
    for phase in ["import.check", "import.contents", "import.write"] {
        let store = make();
        let firm = firm_over(store.clone(), &f);
        let mut seen = Vec::new();
        let mut cancel = |u: ProgressUpdate| {
            seen.push(u);
            if u.phase == phase && u.total == Some(u.done) {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        };
        assert_code(
            firm.import_archive_with_progress(Cursor::new(&good), &mut cancel),
            ErrorCode::Cancelled,
        );
        assert!(
            seen.iter().any(|u| u.phase == phase),
            "{phase} not reported"
        );
        assert_empty(&store);
    }
    // An export can be cancelled too.
    let mut out = Cursor::new(Vec::new());
    let mut stop = |_: ProgressUpdate| Flow::Cancel;
    assert_code(
        f.firm.export_archive_with_progress(&mut out, &mut stop),
        ErrorCode::Cancelled,
    );
}
