//! Helpers shared by the integration tests: domain values built through the core
//! constructors, and stores on temporary files.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::audit::{AuditHead, AuditRecord, EntityKind};
use lexcase::contacts::{Contact, NewContact};
use lexcase::firm::{FirmSettings, FirmSetup};
use lexcase::matters::{BillingKind, Matter, NewMatter};
use lexcase::money::Currency;
use lexcase::store::Store;
use lexcase::users::{NewUser, User};
use lexcase::{ContactId, LexcaseError, MatterId, UserId};
use lexcase_sqlite::{SqliteOptions, SqliteStore};
use tempfile::TempDir;

/// 27 November 2026, 10:00 UTC, plus `seconds`.
pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap() + Duration::seconds(seconds)
}

pub fn gbp() -> Currency {
    Currency::parse("GBP").unwrap()
}

/// The same settings every call (a fixed feed key, where a new firm gets a random one).
pub fn settings() -> FirmSettings {
    FirmSettings {
        feed_key: Some(lexcase::firm::FeedKey::from_bytes([7; 32])),
        ..FirmSettings::from_setup(&FirmSetup {
            name: "Smith & Co".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        })
        .unwrap()
    }
}

pub fn user(name: &str) -> User {
    user_with_role(name, Role::FeeEarner)
}

pub fn user_with_role(name: &str, role: Role) -> User {
    let new = NewUser {
        name: name.into(),
        email: format!("{}@smith.example", name.to_lowercase().replace(' ', ".")),
        role,
        default_rate: Some(rust_decimal::Decimal::new(25000, 2)),
        rate_currency: None,
        timekeeper_code: Some("AS".into()),
    };
    User::create(&new, gbp(), now()).unwrap()
}

pub fn person(given: &str, family: &str) -> Contact {
    Contact::create(NewContact::person(given, family), now()).unwrap()
}

pub fn organisation(name: &str) -> Contact {
    Contact::create(NewContact::organisation(name), now()).unwrap()
}

/// What a test matter is made from.
pub struct MatterSpec<'a> {
    pub number: &'a str,
    pub title: &'a str,
    pub practice_area: &'a str,
    pub clients: Vec<ContactId>,
    pub responsible: UserId,
    pub originating: Option<UserId>,
    pub visibility: Visibility,
    pub created: i64,
}

impl<'a> MatterSpec<'a> {
    pub fn new(number: &'a str, client: ContactId, responsible: UserId, created: i64) -> Self {
        Self {
            number,
            title: "Purchase of 12 Acacia Avenue",
            practice_area: "conveyancing",
            clients: vec![client],
            responsible,
            originating: None,
            visibility: Visibility::Firm,
            created,
        }
    }

    pub fn build(self) -> Matter {
        let new = NewMatter {
            title: self.title.into(),
            description: "A description".into(),
            practice_area: self.practice_area.into(),
            clients: self.clients,
            responsible: self.responsible,
            originating: self.originating,
            billing: BillingKind::Hourly,
            currency: Some(gbp()),
            visibility: self.visibility,
            team: vec![],
            key_dates: Default::default(),
        };
        let now = at(self.created);
        Matter::create(
            new,
            gbp(),
            self.number.into(),
            self.responsible,
            now,
            now.date_naive(),
        )
        .unwrap()
    }
}

/// Now, to the microsecond (what stores keep).
pub fn now() -> chrono::DateTime<Utc> {
    lexcase::clock::Clock::now(&lexcase::clock::SystemClock)
}

/// A sealed audit event after `head`.
pub fn event(
    head: Option<&AuditHead>,
    actor: UserId,
    entity: uuid::Uuid,
    matter: Option<MatterId>,
    action: &str,
) -> AuditRecord {
    let mut e = AuditRecord::new(
        now(),
        actor,
        if matter.is_some() {
            EntityKind::Matter
        } else {
            EntityKind::User
        },
        entity,
        matter.into_iter().collect(),
        action,
        &lexcase::audit::diff(
            None,
            Some(&serde_json::json!({ "title": action, "n": 1.5, "tags": ["a", "b"] })),
        ),
    );
    e.seal(head.map(|h| (h.seq, h.hash_bytes().unwrap())));
    e
}

pub fn head_of(e: &AuditRecord) -> AuditHead {
    AuditHead::of(e)
}

/// A temporary directory with a database path in it.
pub fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    (dir, path)
}

pub fn open(path: &Path) -> SqliteStore {
    SqliteStore::open(path, SqliteOptions::default()).unwrap()
}

pub fn memory() -> SqliteStore {
    SqliteStore::open_in_memory().unwrap()
}

/// Runs `f` in a write transaction and commits.
pub fn write(store: &dyn Store, f: impl FnOnce(&mut dyn lexcase::store::WriteTx)) {
    let mut tx = store.write().unwrap();
    f(&mut *tx);
    tx.commit().unwrap();
}

/// Inserts and commits.
pub fn insert_users(store: &dyn Store, users: &[&User]) {
    write(store, |tx| {
        for u in users {
            tx.insert_user(u).unwrap();
        }
    });
}

pub fn insert_contacts(store: &dyn Store, contacts: &[&Contact]) {
    write(store, |tx| {
        for c in contacts {
            tx.insert_contact(c).unwrap();
        }
    });
}

pub fn insert_matters(store: &dyn Store, matters: &[&Matter]) {
    write(store, |tx| {
        for m in matters {
            tx.insert_matter(m).unwrap();
        }
    });
}

#[track_caller]
pub fn incompatible(result: lexcase::Result<SqliteStore>) -> lexcase::IncompatibleReason {
    match result {
        Err(LexcaseError::IncompatibleDatabase { reason }) => reason,
        other => panic!("expected an incompatible database, got {other:?}"),
    }
}
