//! Real processes inside `cargo test`: a test re-invokes its own binary with an environment
//! variable naming the child's role; the child runs that role instead of the test and exits.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};

use lexcase::access::Role;
use lexcase::service::{Firm, Session};
use lexcase_conformance::fixture::{new_user, setup};
use lexcase_sqlite::{SqliteOptions, SqliteStore};

/// The variable naming a child's role.
const ROLE: &str = "LEXCASE_TEST_CHILD_ROLE";
/// The variable holding the database path.
const DB: &str = "LEXCASE_TEST_CHILD_DB";
/// The variable holding the child's number.
const ID: &str = "LEXCASE_TEST_CHILD_ID";
/// Lines a child prints for its parent start with this.
pub const MARK: &str = "@child ";

/// What a child process was asked to do, read from its environment.
pub struct ChildArgs {
    /// The role.
    pub role: String,
    /// The database file.
    pub db: String,
    /// The child's number.
    pub id: u32,
}

/// The role of this process, if it is a child.
pub fn child_args() -> Option<ChildArgs> {
    Some(ChildArgs {
        role: std::env::var(ROLE).ok()?,
        db: std::env::var(DB).ok()?,
        id: std::env::var(ID).ok()?.parse().ok()?,
    })
}

/// Starts this test binary again as a child running `test` in `role`, its stdout piped.
pub fn spawn(test: &str, role: &str, db: &Path, id: u32, extra: &[(&str, String)]) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DB, db)
        .env(ID, id.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// The marked lines a child prints, as they come (the channel closes when the child's stdout
/// does).
pub fn lines(child: &mut Child) -> Receiver<String> {
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix(MARK)
                && tx.send(rest.to_owned()).is_err()
            {
                break;
            }
        }
    });
    rx
}

/// Prints a line for the parent and flushes it at once (a child may be killed any moment).
pub fn tell(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{MARK}{line}").unwrap();
    out.flush().unwrap();
}

/// A new firm file at `path` with an admin and a fee earner (who has a default rate).
pub fn new_firm(path: &Path) {
    let firm = Firm::new(SqliteStore::open(path, SqliteOptions::default()).unwrap());
    let admin = firm
        .initialise(&setup(), &new_user("Ada Admin", Role::Admin))
        .unwrap();
    let admin = firm.session(admin.id).unwrap();
    admin
        .users()
        .create(&new_user("Fern Earner", Role::FeeEarner))
        .unwrap();
}

/// A session on the file at `path` as the user with `email`.
pub fn session(path: &str, email: &str) -> Session {
    let firm = Firm::new(SqliteStore::open(path, SqliteOptions::default()).unwrap());
    firm.session_by_email(email).unwrap()
}

/// The admin's email in [`new_firm`].
pub const ADMIN: &str = "ada.admin@smith.example";
/// The fee earner's email in [`new_firm`].
pub const FEE_EARNER: &str = "fern.earner@smith.example";
