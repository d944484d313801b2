//! A firm with one client on two matters: `open` (visible to everyone) and `walled` (the
//! partner and a second admin are behind an ethical wall on it), and helpers the wall cases
//! share.

use chrono::NaiveDate;
use lexcase::access::Role;
use lexcase::audit::AuditEvent;
use lexcase::contacts::{Contact, Email, NewContact};
use lexcase::matters::Matter;
use lexcase::money::{Currency, Money};
use lexcase::service::Session;
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, new_user};

/// The firm of the wall cases.
pub struct Walled {
    /// The firm (its partner is walled from `walled`).
    pub f: Fixture,
    /// A second administrator, walled from `walled` too.
    pub walled_admin: Session,
    /// The client of both matters.
    pub client: Contact,
    /// A matter everyone may see.
    pub open: Matter,
    /// The matter the partner and the second admin are walled from.
    pub walled: Matter,
}

/// A date in 2026.
pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A decimal.
pub fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// An amount in pounds.
pub fn gbp(s: &str) -> Money {
    Money::new(dec(s), Currency::parse("GBP").unwrap(), "amount").unwrap()
}

impl Walled {
    /// Sets the firm up on `store`.
    pub fn new(store: SharedStore) -> Self {
        let f = Fixture::new(store);
        let admin = f
            .admin
            .users()
            .create(&new_user("Wendy Admin", Role::Admin))
            .unwrap();
        let walled_admin = f.firm.session(admin.id).unwrap();
        let mut new = NewContact::person("Quentin", "Quill");
        new.emails = vec![Email::new("quentin@quill.example", None).unwrap()];
        let client = f.admin.contacts().create(new).unwrap();
        let fe = f.fee_earner.matters();
        let open = fe
            .create(f.new_matter("Quill lease renewal", vec![client.id]))
            .unwrap();
        let mut new = f.new_matter("Quill takeover of Zephyr", vec![client.id]);
        new.originating = None;
        let walled = fe.create(new).unwrap();
        let mut walled = walled;
        for s in [&f.partner, &walled_admin] {
            walled = f
                .admin
                .matters()
                .add_ethical_wall(walled.id, walled.version, s.actor_id(), "acts for Zephyr")
                .unwrap();
        }
        Self {
            f,
            walled_admin,
            client,
            open,
            walled,
        }
    }

    /// The sessions behind the wall.
    pub fn walled_out(&self) -> [&Session; 2] {
        [&self.f.partner, &self.walled_admin]
    }

    /// Refreshes a matter as the admin sees it.
    pub fn matter(&self, m: &Matter) -> Matter {
        self.f.admin.matters().get(m.id).unwrap()
    }
}

/// Every event of the change feed the session may see, following cursors from the start.
pub fn feed(s: &Session) -> Vec<AuditEvent> {
    let mut cursor = 0;
    let mut out = Vec::new();
    loop {
        let batch = s.audit().changes_since(cursor, 1000).unwrap();
        out.extend(batch.events);
        cursor = batch.next_cursor;
        if !batch.more {
            return out;
        }
    }
}

/// Asserts that nothing the session may read of the feed or of `entity`'s history mentions any
/// of `secrets` (ids, numbers, names, amounts).
#[track_caller]
pub fn assert_feed_silent(s: &Session, entities: &[uuid::Uuid], secrets: &[String]) {
    let mut seen = format!("{:?}", feed(s));
    for e in entities {
        seen.push_str(&format!("{:?}", s.audit().history(*e).unwrap()));
    }
    for secret in secrets {
        assert!(!seen.contains(secret.as_str()), "the feed shows {secret}");
    }
}
