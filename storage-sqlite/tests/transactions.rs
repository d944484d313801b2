//! Transactions, optimistic versions, uniqueness, sequences and the stored format.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use lexcase::access::Visibility;
use lexcase::matters::{MatterRole, MatterStatus, PartyRole};
use lexcase::store::{MatterQuery, Page, Store};
use lexcase::{ErrorCode, LexcaseError};
use lexcase_sqlite::{SqliteOptions, SqliteStore};
use rusqlite::Connection;

fn both() -> Vec<(Option<tempfile::TempDir>, SqliteStore)> {
    let (dir, path) = temp_db();
    vec![(None, memory()), (Some(dir), open(&path))]
}

#[track_caller]
fn code<T: std::fmt::Debug>(result: lexcase::Result<T>) -> ErrorCode {
    result.unwrap_err().code()
}

#[test]
fn a_write_dropped_without_commit_leaves_nothing() {
    for (_dir, store) in both() {
        let u = user("Ann Able");
        let c = person("Jane", "Doe");
        let m = MatterSpec::new("DOE-0001", c.id, u.id, 0).build();
        {
            let mut tx = store.write().unwrap();
            tx.put_firm_settings(&settings(), None).unwrap();
            tx.insert_user(&u).unwrap();
            tx.insert_contact(&c).unwrap();
            tx.insert_matter(&m).unwrap();
            tx.next_sequence("DOE").unwrap();
            tx.append_audit(&event(None, u.id, u.id.into(), None, "user.created"))
                .unwrap();
            // Visible inside the transaction.
            assert_eq!(tx.user(u.id).unwrap(), Some(u.clone()));
        }
        let r = store.read().unwrap();
        assert_eq!(r.firm_settings().unwrap(), None);
        assert_eq!(r.user(u.id).unwrap(), None);
        assert_eq!(r.contact(c.id).unwrap(), None);
        assert_eq!(r.matter(m.id).unwrap(), None);
        assert_eq!(r.audit_head().unwrap(), None);
        drop(r);
        let mut tx = store.write().unwrap();
        assert_eq!(tx.next_sequence("DOE").unwrap(), 1);
    }
}

#[test]
fn aggregates_round_trip_exactly() {
    for (_dir, store) in both() {
        let u = user("Ann Able");
        let mut c = person("Jane", "Müller");
        c.emails = vec![lexcase::contacts::Email::new("jane@example.com", Some("work")).unwrap()];
        let org = organisation("Acme Ltd");
        let mut m = MatterSpec::new("MUL-0001", c.id, u.id, 0).build();
        m.add_party(
            org.id,
            PartyRole::OpposingParty,
            None,
            Some("REF/1".into()),
            at(1),
        )
        .unwrap();
        m.add_team_member(lexcase::UserId::new(), MatterRole::Paralegal)
            .unwrap();
        m.set_key_date("completion", Some(at(0).date_naive()))
            .unwrap();
        write(&store, |tx| {
            tx.insert_user(&u).unwrap();
            tx.insert_contact(&c).unwrap();
            tx.insert_contact(&org).unwrap();
            tx.insert_matter(&m).unwrap();
        });
        let r = store.read().unwrap();
        assert_eq!(r.user(u.id).unwrap(), Some(u.clone()));
        assert_eq!(r.user_by_email(&u.email).unwrap(), Some(u.clone()));
        assert_eq!(r.user_by_email("ANN.ABLE@smith.example").unwrap(), None);
        assert_eq!(r.contact(c.id).unwrap(), Some(c.clone()));
        assert_eq!(r.matter(m.id).unwrap(), Some(m.clone()));
        assert_eq!(r.matter(lexcase::MatterId::new()).unwrap(), None);
        assert_eq!(r.user(lexcase::UserId::new()).unwrap(), None);
    }
}

#[test]
fn ids_are_stored_as_16_byte_blobs() {
    let (_dir, path) = temp_db();
    let store = open(&path);
    let u = user("Ann Able");
    let c = person("Jane", "Doe");
    let m = MatterSpec::new("DOE-0001", c.id, u.id, 0).build();
    write(&store, |tx| {
        tx.insert_user(&u).unwrap();
        tx.insert_contact(&c).unwrap();
        tx.insert_matter(&m).unwrap();
        tx.append_audit(&event(
            None,
            u.id,
            m.id.into(),
            Some(m.id),
            "matter.created",
        ))
        .unwrap();
    });
    let conn = Connection::open(&path).unwrap();
    for (table, column) in [
        ("users", "id"),
        ("contacts", "id"),
        ("matters", "id"),
        ("matter_members", "matter_id"),
        ("matter_members", "user_id"),
        ("matter_parties", "contact_id"),
        ("audit_log", "id"),
        ("audit_log", "actor"),
        ("audit_log", "entity_id"),
        ("audit_log", "matters"),
    ] {
        let (kind, len): (String, i64) = conn
            .query_row(
                &format!("SELECT typeof({column}), length({column}) FROM {table}"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((kind.as_str(), len), ("blob", 16), "{table}.{column}");
    }
    let id: Vec<u8> = conn
        .query_row("SELECT id FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, u.id.to_bytes());
}

#[test]
fn a_reader_keeps_its_snapshot_while_a_write_is_open_and_after_it_commits() {
    let (_dir, path) = temp_db();
    let store = Arc::new(open(&path));
    let a = user("Ann Able");
    let b = user("Bob Baker");
    insert_users(&*store, &[&a]);

    let before = store.read().unwrap();
    let mut tx = store.write().unwrap();
    tx.insert_user(&b).unwrap();

    // A reader on another thread runs while the write is open and sees the committed state.
    let s = store.clone();
    let seen = std::thread::spawn(move || {
        let r = s.read().unwrap();
        (
            r.users(Page::default()).unwrap().total,
            r.user(b.id).unwrap().is_some(),
        )
    })
    .join()
    .unwrap();
    assert_eq!(seen, (1, false));

    let during = store.read().unwrap();
    tx.commit().unwrap();
    for r in [&before, &during] {
        assert_eq!(r.users(Page::default()).unwrap().total, 1);
        assert_eq!(r.user(b.id).unwrap(), None);
    }
    drop((before, during));
    assert_eq!(
        store.read().unwrap().users(Page::default()).unwrap().total,
        2
    );
}

#[test]
fn readers_beyond_the_bound_wait_for_a_connection_and_never_block_the_writer() {
    let (_dir, path) = temp_db();
    let options = SqliteOptions {
        read_connections: 2,
        busy_timeout: Duration::from_millis(100),
        ..Default::default()
    };
    let store = Arc::new(SqliteStore::open(&path, options).unwrap());
    insert_users(&*store, &[&user("Ann Able")]);
    let readers: Vec<_> = (0..2).map(|_| store.read().unwrap()).collect();
    for r in &readers {
        assert_eq!(r.users(Page::default()).unwrap().total, 1);
    }
    // A third reader waits for one of the two, and gives up after the busy timeout.
    let err = store.read().map(|_| ()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(err.to_string().contains("busy timeout"), "{err}");
    // The writer is not held up by the readers.
    insert_users(&*store, &[&user("Bob Baker")]);
    // A waiting reader gets the connection another thread gives back.
    let s = store.clone();
    let waiter =
        std::thread::spawn(move || s.read().map(|r| r.users(Page::default()).unwrap().total));
    std::thread::sleep(Duration::from_millis(20));
    drop(readers);
    assert_eq!(waiter.join().unwrap().unwrap(), 2);
}

#[test]
fn a_second_writer_waits_for_the_busy_timeout_then_gets_a_timeout_error() {
    let (_dir, path) = temp_db();
    let options = SqliteOptions {
        busy_timeout: Duration::from_millis(150),
        ..Default::default()
    };
    let store = Arc::new(SqliteStore::open(&path, options).unwrap());
    // Another store on the same file stands in for another process.
    let other = SqliteStore::open(&path, options).unwrap();
    let tx = store.write().unwrap();

    let s = store.clone();
    let started = Instant::now();
    let err = std::thread::spawn(move || s.write().map(|_| ()).unwrap_err())
        .join()
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(100));
    assert_eq!(err.code(), ErrorCode::Storage);
    assert!(err.to_string().contains("busy timeout"), "{err}");
    assert!(!err.to_string().contains("database is locked"), "{err}");

    let err = other.write().map(|_| ()).unwrap_err();
    assert!(err.to_string().contains("busy timeout"), "{err}");

    drop(tx);
    let mut tx = other.write().unwrap();
    assert_eq!(tx.next_sequence("X").unwrap(), 1);
}

#[test]
fn in_memory_a_second_transaction_on_the_same_thread_fails_instead_of_hanging() {
    let options = SqliteOptions {
        busy_timeout: Duration::from_millis(50),
        ..Default::default()
    };
    let store = SqliteStore::open(":memory:", options).unwrap();
    let r = store.read().unwrap();
    let err = store.write().map(|_| ()).unwrap_err();
    assert!(err.to_string().contains("busy timeout"), "{err}");
    drop(r);
    assert!(store.write().is_ok());
}

#[test]
fn stale_versions_are_refused_and_change_nothing() {
    for (_dir, store) in both() {
        let u = user("Ann Able");
        let c = person("Jane", "Doe");
        let m = MatterSpec::new("DOE-0001", c.id, u.id, 0).build();
        write(&store, |tx| {
            tx.put_firm_settings(&settings(), None).unwrap();
            tx.insert_user(&u).unwrap();
            tx.insert_contact(&c).unwrap();
            tx.insert_matter(&m).unwrap();
        });
        let mut tx = store.write().unwrap();
        // Version 1 → 2 succeeds.
        let mut u2 = u.clone();
        u2.name = "Ann Baker".into();
        u2.version = 2;
        tx.update_user(&u2, 1).unwrap();
        // A second change based on version 1 is stale.
        let mut lost = u.clone();
        lost.name = "Lost Update".into();
        lost.version = 2;
        match tx.update_user(&lost, 1).unwrap_err() {
            LexcaseError::StaleVersion {
                entity,
                expected,
                actual,
            } => assert_eq!((entity, expected, actual), ("user", 1, 2)),
            other => panic!("{other:?}"),
        }
        let mut c2 = c.clone();
        c2.version = 2;
        tx.update_contact(&c2, 1).unwrap();
        assert_eq!(code(tx.update_contact(&c2, 1)), ErrorCode::StaleVersion);
        let mut m2 = m.clone();
        m2.title = "Changed".into();
        m2.version = 2;
        tx.update_matter(&m2, 1).unwrap();
        let mut m_lost = m.clone();
        m_lost.title = "Lost".into();
        m_lost.version = 2;
        assert_eq!(code(tx.update_matter(&m_lost, 1)), ErrorCode::StaleVersion);
        let mut s2 = settings();
        s2.name = "Smith LLP".into();
        s2.version = 2;
        match tx.put_firm_settings(&s2, Some(5)).unwrap_err() {
            LexcaseError::StaleVersion {
                expected, actual, ..
            } => assert_eq!((expected, actual), (5, 1)),
            other => panic!("{other:?}"),
        }
        tx.put_firm_settings(&s2, Some(1)).unwrap();
        // The entity must carry expected + 1.
        let mut skip = u2.clone();
        skip.version = 7;
        assert_eq!(code(tx.update_user(&skip, 2)), ErrorCode::Validation);
        tx.commit().unwrap();

        let r = store.read().unwrap();
        assert_eq!(r.user(u.id).unwrap(), Some(u2));
        assert_eq!(r.matter(m.id).unwrap().unwrap().title, "Changed");
        assert_eq!(r.firm_settings().unwrap().unwrap().name, "Smith LLP");
    }
}

#[test]
fn updating_what_does_not_exist_is_not_found() {
    let store = memory();
    let mut tx = store.write().unwrap();
    let mut ghost = user("Ghost");
    ghost.version = 2;
    assert_eq!(code(tx.update_user(&ghost, 1)), ErrorCode::NotFound);
    let mut c = person("No", "Body");
    c.version = 2;
    assert_eq!(code(tx.update_contact(&c, 1)), ErrorCode::NotFound);
    let mut m = MatterSpec::new("X-1", c.id, ghost.id, 0).build();
    m.version = 2;
    assert_eq!(code(tx.update_matter(&m, 1)), ErrorCode::NotFound);
    let mut s = settings();
    s.version = 2;
    assert_eq!(code(tx.put_firm_settings(&s, Some(1))), ErrorCode::NotFound);
}

#[test]
fn duplicate_emails_and_matter_numbers_are_conflicts_without_client_data() {
    for (_dir, store) in both() {
        let a = user("Ann Able");
        let mut b = user("Ann Able");
        b.name = "Other".into();
        let c = person("Jane", "Doe");
        let mut tx = store.write().unwrap();
        tx.insert_user(&a).unwrap();
        let err = tx.insert_user(&b).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Conflict);
        assert!(!err.to_string().contains("smith.example"), "{err}");
        // Changing another user's email to a taken one is a conflict too.
        let other = user("Bob Baker");
        tx.insert_user(&other).unwrap();
        let mut taken = other.clone();
        taken.email = a.email.clone();
        taken.version = 2;
        assert_eq!(code(tx.update_user(&taken, 1)), ErrorCode::Conflict);
        // The same user twice.
        assert_eq!(code(tx.insert_user(&a)), ErrorCode::Conflict);

        tx.insert_contact(&c).unwrap();
        assert_eq!(code(tx.insert_contact(&c)), ErrorCode::Conflict);
        let m1 = MatterSpec::new("DOE-0001", c.id, a.id, 0).build();
        tx.insert_matter(&m1).unwrap();
        let err = tx
            .insert_matter(&MatterSpec::new("DOE-0001", c.id, a.id, 1).build())
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::Conflict);
        assert!(!err.to_string().contains("DOE"), "{err}");
        // Settings are inserted once; a second insert is a conflict.
        tx.put_firm_settings(&settings(), None).unwrap();
        assert_eq!(
            code(tx.put_firm_settings(&settings(), None)),
            ErrorCode::Conflict
        );
        // The failed statements left the transaction usable and the good rows in place.
        tx.commit().unwrap();
        let r = store.read().unwrap();
        assert_eq!(r.users(Page::default()).unwrap().total, 2);
        assert_eq!(r.matter(m1.id).unwrap(), Some(m1));
    }
}

#[test]
fn a_failed_matter_write_leaves_no_partial_rows() {
    let store = memory();
    let u = user("Ann Able");
    let c = person("Jane", "Doe");
    let m1 = MatterSpec::new("DOE-0001", c.id, u.id, 0).build();
    let mut m2 = MatterSpec::new("DOE-0002", c.id, u.id, 1).build();
    insert_contacts(&store, &[&c]);
    insert_matters(&store, &[&m1, &m2]);
    // Renumbering m2 onto m1's number fails as a whole: its side rows are not rewritten.
    let mut tx = store.write().unwrap();
    let before = tx.matter(m2.id).unwrap().unwrap();
    m2.number = "DOE-0001".into();
    m2.version = 2;
    m2.access.visibility = Visibility::Team;
    assert_eq!(code(tx.update_matter(&m2, 1)), ErrorCode::Conflict);
    tx.commit().unwrap();
    let r = store.read().unwrap();
    assert_eq!(r.matter(m2.id).unwrap(), Some(before));
    let q = MatterQuery {
        fee_earner: Some(u.id),
        ..Default::default()
    };
    let viewer = lexcase::access::Viewer {
        user: u.id,
        sees_restricted: false,
    };
    assert_eq!(r.matters(&q, &viewer, Page::default()).unwrap().total, 2);
}

#[test]
fn updating_a_matter_rewrites_its_team_walls_and_parties() {
    let store = memory();
    let u = user("Ann Able");
    let helper = user("Hal Helper");
    let snoop = user("Sid Snoop");
    let c = person("Jane", "Doe");
    let c2 = person("John", "Roe");
    let mut m = MatterSpec::new("DOE-0001", c.id, u.id, 0).build();
    insert_contacts(&store, &[&c, &c2]);
    insert_matters(&store, &[&m]);
    let list = |q: MatterQuery, viewer: lexcase::UserId| {
        let v = lexcase::access::Viewer {
            user: viewer,
            sees_restricted: false,
        };
        store
            .read()
            .unwrap()
            .matters(&q, &v, Page::default())
            .unwrap()
            .total
    };
    let by_fee_earner = |user| MatterQuery {
        fee_earner: Some(user),
        ..Default::default()
    };
    let by_client = |client| MatterQuery {
        client: Some(client),
        ..Default::default()
    };
    assert_eq!(list(by_fee_earner(helper.id), u.id), 0);
    assert_eq!(list(by_client(c2.id), u.id), 0);

    m.add_team_member(helper.id, MatterRole::Paralegal).unwrap();
    let p2 = m
        .add_party(c2.id, PartyRole::Client, None, None, at(1))
        .unwrap();
    m.add_wall(snoop.id, "acted for the other side", u.id, at(1))
        .unwrap();
    m.transition(MatterStatus::Open, at(1).date_naive(), at(1), u.id, None)
        .unwrap();
    m.version = 2;
    write(&store, |tx| tx.update_matter(&m, 1).unwrap());
    assert_eq!(list(by_fee_earner(helper.id), u.id), 1);
    assert_eq!(list(by_client(c2.id), u.id), 1);
    assert_eq!(list(MatterQuery::default(), snoop.id), 0);
    let open = MatterQuery {
        status: Some(MatterStatus::Open),
        ..Default::default()
    };
    assert_eq!(list(open, u.id), 1);

    m.remove_team_member(helper.id).unwrap();
    m.remove_party(p2).unwrap();
    m.remove_wall(snoop.id).unwrap();
    m.version = 3;
    write(&store, |tx| tx.update_matter(&m, 2).unwrap());
    assert_eq!(list(by_fee_earner(helper.id), u.id), 0);
    assert_eq!(list(by_client(c2.id), u.id), 0);
    assert_eq!(list(MatterQuery::default(), snoop.id), 1);
}

#[test]
fn sequences_are_gapless_per_key_and_roll_back_with_the_transaction() {
    for (_dir, store) in both() {
        let mut tx = store.write().unwrap();
        assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 1);
        assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 2);
        assert_eq!(tx.next_sequence("JON-{SEQ}").unwrap(), 1);
        tx.commit().unwrap();
        {
            let mut tx = store.write().unwrap();
            assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 3);
        }
        let mut tx = store.write().unwrap();
        assert_eq!(tx.next_sequence("SMI-{SEQ}").unwrap(), 3);
        assert_eq!(tx.next_sequence("").unwrap(), 1);
    }
}
