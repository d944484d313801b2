//! Every command of the `lexcase` binary, run as a process.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

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

#[test]
fn init_verify_export_import_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let firm = dir.path().join("firm.lexcase");
    let out = ok(&[
        "init",
        s(&firm),
        "--name",
        "Smith & Co",
        "--admin-name",
        "Ada Admin",
        "--admin-email",
        "ada@smith.example",
    ]);
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
