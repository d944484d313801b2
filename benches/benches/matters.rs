//! Criterion benches of the everyday matter operations, small enough to run in a few minutes
//! on two cores:
//!
//! * `create_matter/*`: opening one matter through the service (one transaction with its audit
//!   event), on an in-memory store and on a file at NORMAL and FULL durability;
//! * `list_10k/*`: listing and filtering at 10 000 matters (first page of 50, as a fee earner);
//! * `open_file/*`: opening an existing 10 000-matter file.
//!
//! ```text
//! cargo bench -p lexcase-benches --bench matters
//! ```
//!
//! For 100 000 rows see the `firm_scale` workload.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lexcase::matters::MatterStatus;
use lexcase::service::{MatterFilter, Session};
use lexcase::store::Page;
use lexcase::{ContactId, Result};
use lexcase_benches::{
    BenchFirm, FILTER_AREA, PARTY_NAME, TITLE_WORD, new_matter, open_file, seed_raw, setup_firm,
};
use lexcase_sqlite::{Durability, SqliteOptions, SqliteStore};

/// Rows in the listing fixture.
const LIST_N: u64 = 10_000;
/// Contacts in the firm the `create_matter` benches open matters for.
const CREATE_CONTACTS: u64 = 500;

/// Unwraps a fixture or benched call: a Criterion routine cannot return an error, and a failed
/// call must stop the bench rather than time an error path.
#[allow(clippy::expect_used)]
fn must<T>(result: Result<T>) -> T {
    result.expect("lexcase call failed during the bench")
}

/// A scratch directory for the bench files, removed when dropped.
#[allow(clippy::expect_used)] // No place to return an I/O error from a Criterion target.
fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("lexcase-bench-")
        .tempdir()
        .expect("cannot create a temporary directory")
}

fn create_matter(c: &mut Criterion) {
    let dir = scratch();
    let mut group = c.benchmark_group("create_matter");
    let stores = [
        ("in_memory", None),
        ("file_normal", Some(Durability::Normal)),
        ("file_full", Some(Durability::Full)),
    ];
    for (label, durability) in stores {
        let store = match durability {
            None => SqliteStore::open_in_memory(),
            Some(d) => open_file(&dir.path().join(format!("create-{label}.sqlite")), d),
        };
        let bf = must(store.and_then(setup_firm));
        let session = must(bf.admin());
        let (contacts, _) = must(lexcase_benches::contacts_via_service(
            &session,
            CREATE_CONTACTS,
            CREATE_CONTACTS,
        ));
        let mut i = 0;
        group.bench_function(label, |b| {
            b.iter(|| {
                i += 1;
                must(session.matters().create(new_matter(&bf, i, &contacts)))
            })
        });
    }
    group.finish();
}

/// A 10 000-matter file (raw store load) and a fee earner's session on it.
struct ListFixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    bf: BenchFirm,
    contacts: Vec<ContactId>,
}

fn list_fixture() -> ListFixture {
    let dir = scratch();
    let path = dir.path().join("list-10k.sqlite");
    let bf = must(open_file(&path, Durability::Normal).and_then(setup_firm));
    let (contacts, _, _) = must(seed_raw(&bf, LIST_N, 1_000));
    ListFixture {
        _dir: dir,
        path,
        bf,
        contacts,
    }
}

fn list_10k(c: &mut Criterion, fixture: &ListFixture) {
    let viewer: Session = must(fixture.bf.fee_earner(1));
    let busiest = fixture.bf.staff.fee_earners[0].id;
    let newest = must(
        viewer
            .matters()
            .list(MatterFilter::default(), must(Page::first(1))),
    );
    let client = newest
        .items
        .first()
        .and_then(|m| m.clients().next())
        .unwrap_or(fixture.contacts[0]);
    let text = |t: &str| MatterFilter {
        text: Some(t.into()),
        ..MatterFilter::default()
    };
    let cases = [
        ("first_page", MatterFilter::default()),
        (
            "status_open",
            MatterFilter {
                status: Some(MatterStatus::Open),
                ..MatterFilter::default()
            },
        ),
        (
            "fee_earner",
            MatterFilter {
                fee_earner: Some(busiest),
                ..MatterFilter::default()
            },
        ),
        (
            "client",
            MatterFilter {
                client: Some(client),
                ..MatterFilter::default()
            },
        ),
        (
            "practice_area",
            MatterFilter {
                practice_area: Some(FILTER_AREA.into()),
                ..MatterFilter::default()
            },
        ),
        ("text_title_word", text(TITLE_WORD)),
        ("text_party_name", text(PARTY_NAME)),
    ];
    let page = must(Page::first(50));
    let mut group = c.benchmark_group("list_10k");
    for (label, filter) in cases {
        group.bench_function(label, |b| {
            b.iter(|| {
                must(
                    viewer
                        .matters()
                        .list(black_box(filter.clone()), page.clone()),
                )
                .total
            })
        });
    }
    group.finish();
}

fn open_existing(c: &mut Criterion, path: &Path) {
    let mut group = c.benchmark_group("open_file");
    group.bench_function("10k_matters", |b| {
        b.iter(|| must(SqliteStore::open(black_box(path), SqliteOptions::default())))
    });
    group.finish();
}

fn listing_and_opening(c: &mut Criterion) {
    let fixture = list_fixture();
    list_10k(c, &fixture);
    let ListFixture { path, bf, _dir, .. } = fixture;
    // Close the store that built the file before timing fresh opens of it.
    drop(bf);
    open_existing(c, &path);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = create_matter, listing_and_opening
}
criterion_main!(benches);
