//! A firm with one user per role, a fixed clock and helpers, on any store.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::clock::FixedClock;
use lexcase::contacts::{Contact, NewContact};
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, Matter, NewMatter};
use lexcase::money::Currency;
use lexcase::service::{Firm, Session};
use lexcase::store::{MemoryBlobStore, Page, Store};
use lexcase::users::{NewUser, User};
use lexcase::{ContactId, ErrorCode, LexcaseError, Result, UserId};

/// A store as the suite receives it.
pub type SharedStore = Arc<dyn Store>;

/// A firm set up with one user per role.
pub struct Fixture {
    /// The firm.
    pub firm: Firm,
    /// Its clock (move it to test dates).
    pub clock: Arc<FixedClock>,
    /// Where document contents go (corrupt them to test integrity checks).
    pub blobs: Arc<MemoryBlobStore>,
    /// Admin session.
    pub admin: Session,
    /// Partner session.
    pub partner: Session,
    /// Fee earner session.
    pub fee_earner: Session,
    /// Second fee earner.
    pub fee_earner2: Session,
    /// Paralegal session.
    pub paralegal: Session,
    /// Secretary session.
    pub secretary: Session,
    /// Accounts session.
    pub accounts: Session,
    /// Read-only session.
    pub read_only: Session,
}

/// 27 November 2026, 10:00 UTC.
pub fn start_instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

/// The standard setup: Smith & Co, GBP, `{CLIENT3}-{SEQ:4}`, Europe/London.
pub fn setup() -> FirmSetup {
    FirmSetup {
        name: "Smith & Co".into(),
        default_currency: "GBP".into(),
        matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
        time_zone: "Europe/London".into(),
    }
}

/// A new user in `role`.
pub fn new_user(name: &str, role: Role) -> NewUser {
    NewUser {
        name: name.into(),
        email: format!("{}@smith.example", name.to_lowercase().replace(' ', ".")),
        role,
        default_rate: Some(rust_decimal::Decimal::new(25000, 2)),
        rate_currency: None,
        timekeeper_code: Some("AS".into()),
    }
}

impl Fixture {
    /// Sets up the firm on `store`.
    pub fn new(store: SharedStore) -> Self {
        let clock = Arc::new(FixedClock::new(start_instant()));
        let blobs = Arc::new(MemoryBlobStore::new());
        let firm = Firm::with_clock(store, clock.clone()).with_blobs(blobs.clone());
        let admin_user = firm
            .initialise(&setup(), &new_user("Ada Admin", Role::Admin))
            .unwrap();
        let admin = firm.session(admin_user.id).unwrap();
        let make = |name: &str, role| {
            let u = admin.users().create(&new_user(name, role)).unwrap();
            firm.session(u.id).unwrap()
        };
        Self {
            partner: make("Pat Partner", Role::Partner),
            fee_earner: make("Fern Earner", Role::FeeEarner),
            fee_earner2: make("Fred Earner", Role::FeeEarner),
            paralegal: make("Paul Paralegal", Role::Paralegal),
            secretary: make("Sue Secretary", Role::Secretary),
            accounts: make("Alan Accounts", Role::Accounts),
            read_only: make("Rita Reader", Role::ReadOnly),
            admin,
            firm,
            clock,
            blobs,
        }
    }

    /// The user id of a session.
    pub fn id(session: &Session) -> UserId {
        session.actor_id()
    }

    /// Creates a person contact as the admin.
    pub fn person(&self, given: &str, family: &str) -> Contact {
        self.admin
            .contacts()
            .create(NewContact::person(given, family))
            .unwrap()
    }

    /// Creates an organisation contact as the admin.
    pub fn organisation(&self, name: &str) -> Contact {
        self.admin
            .contacts()
            .create(NewContact::organisation(name))
            .unwrap()
    }

    /// A new matter for `clients` with the fee earner responsible.
    pub fn new_matter(&self, title: &str, clients: Vec<ContactId>) -> NewMatter {
        NewMatter {
            title: title.into(),
            description: String::new(),
            practice_area: "conveyancing".into(),
            clients,
            responsible: self.fee_earner.actor_id(),
            originating: Some(self.partner.actor_id()),
            billing: BillingKind::Hourly,
            currency: Some(Currency::parse("GBP").unwrap()),
            visibility: Visibility::Firm,
            team: vec![],
            key_dates: Default::default(),
        }
    }

    /// Creates a matter for a new client as the fee earner.
    pub fn matter(&self, title: &str) -> Matter {
        let client = self.person("Jane", "Smith");
        self.fee_earner
            .matters()
            .create(self.new_matter(title, vec![client.id]))
            .unwrap()
    }

    /// Number of audit events visible to the admin.
    pub fn audit_len(&self) -> u64 {
        let mut cursor = 0;
        let mut n = 0;
        loop {
            let batch = self.admin.audit().changes_since(cursor, 1000).unwrap();
            n += batch.events.len() as u64;
            cursor = batch.next_cursor;
            if !batch.more {
                return n;
            }
        }
    }

    /// The raw audit head sequence number.
    pub fn audit_head(&self) -> u64 {
        self.firm
            .store()
            .read()
            .unwrap()
            .audit_head()
            .unwrap()
            .map_or(0, |h| h.seq)
    }

    /// Asserts that every stored row is what its audit events say (`verify_state`).
    #[track_caller]
    pub fn assert_state_explained(&self) {
        let state = self.admin.audit().verify_state().unwrap();
        assert!(state.rows_checked > 0);
        assert!(state.is_consistent(), "{:#?}", state.unexplained);
    }

    /// All matters the session may see.
    pub fn visible_total(session: &Session) -> u64 {
        session
            .matters()
            .list(Default::default(), Page::default())
            .unwrap()
            .total
    }
}

/// Asserts that `result` failed with `code`.
#[track_caller]
pub fn assert_code<T: std::fmt::Debug>(result: Result<T>, code: ErrorCode) -> LexcaseError {
    match result {
        Ok(v) => panic!("expected {code:?}, got Ok({v:?})"),
        Err(e) => {
            assert_eq!(e.code(), code, "{e}");
            e
        }
    }
}

/// Asserts a validation error on `field`.
#[track_caller]
pub fn assert_invalid<T: std::fmt::Debug>(result: Result<T>, field: &str) {
    match assert_code(result, ErrorCode::Validation) {
        LexcaseError::Validation { field: f, .. } => assert_eq!(f, field),
        other => panic!("{other:?}"),
    }
}

/// Returns the user record of a session.
pub fn me(session: &Session) -> User {
    session.users().me().unwrap()
}
