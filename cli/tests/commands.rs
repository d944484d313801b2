//! Every command of the `lexcase` binary, run as a process.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use lexcase::access::{Role, Visibility};
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::contacts::NewContact;
use lexcase::matters::{BillingKind, NewMatter};
use lexcase::money::Currency;
use lexcase::service::{DraftRequest, Firm};
use lexcase::timekeeping::NewTimeEntry;
use lexcase::users::NewUser;
use lexcase_postgres::{MigrateOptions, PgDatabase, PgOptions, migrate};
use lexcase_sqlite::{SqliteOptions, SqliteStore, blobs_beside};
use rust_decimal::Decimal;
use uuid::Uuid;

fn lexcase(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lexcase"))
        .arg("--quiet")
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = lexcase(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(args: &[&str], code: &str) {
    let out = lexcase(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("error[{code}]")), "{stderr}");
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `lexcase init` of Smith & Co on `file`, with ada@smith.example its administrator.
fn init(file: &Path) -> String {
    ok(&[
        "init",
        s(file),
        "--name",
        "Smith & Co",
        "--admin-name",
        "Ada Admin",
        "--admin-email",
        "ada@smith.example",
    ])
}

#[test]
fn init_verify_export_import_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let firm = dir.path().join("firm.lexcase");
    let out = init(&firm);
    assert!(out.contains("initialised"), "{out}");
    // A second init of the same file is refused with its code.
    fails(
        &[
            "init",
            s(&firm),
            "--name",
            "Again",
            "--admin-name",
            "B",
            "--admin-email",
            "b@smith.example",
        ],
        "conflict",
    );

    let verified = ok(&["verify", s(&firm), "--as", "ada@smith.example"]);
    assert!(verified.contains("audit chain intact; head "), "{verified}");
    let head = verified.trim().rsplit(' ').next().unwrap().to_owned();
    ok(&[
        "verify",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--head",
        &head,
    ]);
    fails(
        &[
            "verify",
            s(&firm),
            "--as",
            "ada@smith.example",
            "--head",
            "1:zz",
        ],
        "validation",
    );
    fails(
        &["verify", s(&firm), "--as", "nobody@smith.example"],
        "not_found",
    );

    let archive = dir.path().join("firm.zip");
    let out = ok(&["export", s(&firm), s(&archive)]);
    assert!(out.contains("exported"), "{out}");
    // An existing archive is never overwritten.
    let exported = std::fs::read(&archive).unwrap();
    fails(&["export", s(&firm), s(&archive)], "validation");
    assert_eq!(std::fs::read(&archive).unwrap(), exported);
    let copy = dir.path().join("copy.lexcase");
    let out = ok(&["import", s(&archive), s(&copy)]);
    assert!(out.contains(&head), "{out}");
    let copied = ok(&[
        "verify",
        s(&copy),
        "--as",
        "ada@smith.example",
        "--head",
        &head,
    ]);
    assert!(copied.contains(&head), "{copied}");
    // Importing again into a firm is refused; a cut archive is invalid and writes nothing.
    fails(&["import", s(&archive), s(&copy)], "conflict");
    let bytes = std::fs::read(&archive).unwrap();
    let cut = dir.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let empty = dir.path().join("empty.lexcase");
    fails(&["import", s(&cut), s(&empty)], "invalid_archive");
    fails(
        &["verify", s(&empty), "--as", "ada@smith.example"],
        "not_found",
    );

    let sweep = ok(&[
        "sweep",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--format",
        "csv",
    ]);
    assert_eq!(
        sweep.lines().next(),
        Some("matter,rule,version,severity,message")
    );
    let table = ok(&["sweep", s(&firm), "--as", "ada@smith.example"]);
    assert!(table.starts_with("matter"), "{table}");
    let wip = ok(&[
        "wip",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--format",
        "csv",
    ]);
    assert!(wip.starts_with("matter,unbilled_hours"), "{wip}");
    ok(&["wip", s(&firm), "--as", "ada@smith.example"]);
    let aged = ok(&[
        "aged-debt",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--as-of",
        "2026-12-31",
        "--format",
        "csv",
    ]);
    assert!(aged.lines().count() >= 1, "{aged}");
    fails(
        &[
            "aged-debt",
            s(&firm),
            "--as",
            "ada@smith.example",
            "--currency",
            "XXXX",
        ],
        "validation",
    );
}

/// A firm on `file` (made with `lexcase init` as ada@smith.example) with a client, a matter,
/// an hour of time and that time's invoice issued: the invoice number and the client's id.
fn firm_with_an_issued_bill(file: &Path) -> (String, String) {
    init(file);
    let firm = Firm::new(SqliteStore::open(file, SqliteOptions::default()).unwrap())
        .with_blobs(blobs_beside(file).unwrap());
    let admin = firm.session_by_email("ada@smith.example").unwrap();
    let fern = admin
        .users()
        .create(&NewUser {
            name: "Fern Earner".into(),
            email: "fern@smith.example".into(),
            role: Role::FeeEarner,
            default_rate: Some(Decimal::from(200)),
            rate_currency: None,
            timekeeper_code: None,
        })
        .unwrap();
    let client = admin
        .contacts()
        .create(NewContact::person("Jane", "Smith"))
        .unwrap();
    let gbp = Currency::parse("GBP").unwrap();
    let matter = admin
        .matters()
        .create(NewMatter {
            title: "Smith v Jones".into(),
            description: String::new(),
            practice_area: "litigation".into(),
            clients: vec![client.id],
            responsible: fern.id,
            originating: None,
            billing: BillingKind::Hourly,
            currency: Some(gbp),
            visibility: Visibility::Firm,
            team: vec![],
            key_dates: Default::default(),
        })
        .unwrap();
    let matter = admin.matters().open(matter.id, matter.version).unwrap();
    let today = firm.today().unwrap();
    firm.session(fern.id)
        .unwrap()
        .time()
        .record(NewTimeEntry::new(
            matter.id,
            today,
            3600,
            "Drafting the defence",
        ))
        .unwrap();
    let bills = admin.bills();
    let draft = bills
        .draft(DraftRequest {
            client: client.id,
            matters: vec![matter.id],
            period_from: today,
            period_to: today,
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: "For professional services".into(),
        })
        .unwrap();
    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    let issued = bills.issue(approved.id, approved.version).unwrap();
    (issued.number.unwrap(), client.id.to_string())
}

/// The text of a PDF file, or `None` when pdftotext is missing and not required
/// (`LEXCASE_REQUIRE_PDFTOTEXT`, set by scripts/test.sh).
fn text_of_pdf(path: &Path) -> Option<String> {
    match Command::new("pdftotext").arg(path).arg("-").output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) if std::env::var_os("LEXCASE_REQUIRE_PDFTOTEXT").is_some() => {
            panic!("pdftotext is required: {e}")
        }
        Err(_) => None,
    }
}

#[test]
fn render_bills_and_statements_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let firm = dir.path().join("firm.lexcase");
    let (number, client) = firm_with_an_issued_bill(&firm);
    let invoice = dir.path().join("invoice.pdf");
    let args = [
        "render",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--bill",
        &number,
        "--out",
        s(&invoice),
    ];
    let out = ok(&args);
    assert!(out.contains(&format!("Invoice {number}.pdf")), "{out}");
    assert!(!out.contains("kept rendering"), "{out}");
    let first = std::fs::read(&invoice).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    if let Some(text) = text_of_pdf(&invoice) {
        assert!(text.contains(&number), "{text}");
        assert!(text.contains("Jane Smith"), "{text}");
    }
    // The first rendering of an issued bill is kept: the next one prints the same bytes.
    let again = ok(&args);
    assert!(again.contains("the kept rendering"), "{again}");
    assert_eq!(std::fs::read(&invoice).unwrap(), first);

    let statement = dir.path().join("statement.pdf");
    let out = ok(&[
        "render",
        s(&firm),
        "--as",
        "ada@smith.example",
        "--statement",
        &client,
        "--out",
        s(&statement),
    ]);
    assert!(out.contains("rendered"), "{out}");
    assert!(std::fs::read(&statement).unwrap().starts_with(b"%PDF-"));
    if let Some(text) = text_of_pdf(&statement) {
        assert!(text.contains(&number), "{text}");
    }

    let nowhere = dir.path().join("nowhere.pdf");
    let render = |what: &[&str], code| {
        let mut args = vec!["render", s(&firm), "--as", "ada@smith.example"];
        args.extend_from_slice(what);
        args.extend_from_slice(&["--out", s(&nowhere)]);
        fails(&args, code);
    };
    render(&["--bill", "INV-NONE"], "not_found");
    render(&["--statement", "jane"], "validation");
    render(
        &["--statement", &client, "--currency", "XXXX"],
        "validation",
    );
    render(
        &["--bill", &number, "--template", "statement"],
        "validation",
    );
    assert!(!nowhere.exists());
}

/// The test database's application URL, its schema migrated as its owner when one is given
/// (as the conformance suite does); `None` when no server is configured.
fn test_database() -> Option<String> {
    let url = std::env::var("LEXCASE_TEST_PG_URL").ok()?;
    if let Ok(owner) = std::env::var("LEXCASE_TEST_PG_OWNER_URL") {
        let options = MigrateOptions {
            app_role: Some(
                std::env::var("LEXCASE_TEST_PG_APP_ROLE").unwrap_or("lexcase_app".into()),
            ),
            ..MigrateOptions::default()
        };
        migrate(&owner, &options).unwrap();
    }
    Some(url)
}

/// The firm's whole archive.
fn archive_of(firm: &Firm) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    firm.export_archive(&mut out).unwrap();
    out.into_inner()
}

#[test]
fn migrate_moves_a_sqlite_firm_into_postgres() {
    let Some(url) = test_database() else {
        eprintln!(
            "migrate_moves_a_sqlite_firm_into_postgres: skipped: LEXCASE_TEST_PG_URL is not set (scripts/test.sh sets it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("firm.lexcase");
    let (number, _) = firm_with_an_issued_bill(&file);
    // A kept rendering: its bytes are document contents, which move too.
    let pdf = dir.path().join("invoice.pdf");
    ok(&[
        "render",
        s(&file),
        "--as",
        "ada@smith.example",
        "--bill",
        &number,
        "-o",
        s(&pdf),
    ]);
    let verified = ok(&["verify", s(&file), "--as", "ada@smith.example"]);
    let head = verified.trim().rsplit(' ').next().unwrap().to_owned();

    let id = Uuid::now_v7();
    let args = [
        "migrate",
        s(&file),
        &url,
        "--firm",
        &id.to_string(),
        "--as",
        "ada@smith.example",
    ];
    let out = ok(&args);
    assert!(out.contains(&format!("into firm {id}")), "{out}");
    assert!(
        out.contains(&format!("audit chain intact; head {head}")),
        "{out}"
    );
    // The target now holds a firm: a second move into it is refused, and changes nothing.
    fails(&args, "conflict");

    let db = PgDatabase::connect(&url, PgOptions::default()).unwrap();
    let store = db.firm(id).unwrap();
    let moved = Firm::new(store.clone()).with_blobs(Arc::new(store.blobs()));
    let source = Firm::new(SqliteStore::open(&file, SqliteOptions::default()).unwrap())
        .with_blobs(blobs_beside(&file).unwrap());
    assert!(
        archive_of(&moved) == archive_of(&source),
        "the moved firm differs"
    );
    fails(
        &[
            "migrate",
            s(&file),
            "postgresql://127.0.0.1:1/none",
            "--as",
            "ada@smith.example",
        ],
        "storage",
    );
}
