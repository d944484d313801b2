//! Document contents in the database: idempotent writes, verified reads, repair by writing the
//! original again, and one firm's contents out of another's reach.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use lexcase::ErrorCode;
use lexcase::documents::ContentHash;
use lexcase::store::BlobStore;
use uuid::Uuid;

#[test]
fn contents_are_written_once_verified_on_read_and_kept_per_firm() {
    let Some(db) = support::database() else {
        return support::skipped("blobs");
    };
    let a = db.open_firm(Uuid::now_v7()).unwrap();
    let b = db.open_firm(Uuid::now_v7()).unwrap();
    let blobs = a.blobs();
    let hash = blobs.put(b"TA6 form").unwrap();
    assert_eq!(blobs.put(b"TA6 form").unwrap(), hash, "idempotent");
    assert_eq!(blobs.get(&hash).unwrap(), b"TA6 form");
    let large: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let big = blobs.put(&large).unwrap();
    assert_eq!(blobs.get(&big).unwrap(), large);
    // Another firm does not find them.
    assert_eq!(
        b.blobs().get(&hash).unwrap_err().code(),
        ErrorCode::NotFound
    );
    // Changed behind the store's back: an integrity error; writing the original repairs it.
    let raw = hex::decode(hash.as_str()).unwrap();
    let changed = a
        .with_session(|c| {
            c.execute(
                "UPDATE blobs SET contents = 'TA6 form, altered' WHERE hash = $1",
                &[&raw],
            )
            .unwrap()
        })
        .unwrap();
    assert_eq!(changed, 1);
    assert_eq!(blobs.get(&hash).unwrap_err().code(), ErrorCode::Integrity);
    blobs.put(b"TA6 form").unwrap();
    assert_eq!(blobs.get(&hash).unwrap(), b"TA6 form");
    let missing = ContentHash::of(b"never stored");
    assert_eq!(blobs.get(&missing).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn staged_contents_are_unseen_until_published_and_leave_nothing_when_discarded() {
    use lexcase::store::Staging;
    use std::sync::Arc;
    let Some(db) = support::database() else {
        return support::skipped("blob staging");
    };
    let firm = db.open_firm(Uuid::now_v7()).unwrap();
    let blobs = firm.blobs();
    let store: Arc<dyn BlobStore> = Arc::new(blobs.clone());
    // A refused command: staged, never published, dropped.
    let hash = {
        let mut staging = Staging::new(store.clone());
        let hash = staging.add(b"completion statement").unwrap();
        assert_eq!(blobs.staged_count().unwrap(), 1);
        assert_eq!(blobs.get(&hash).unwrap_err().code(), ErrorCode::NotFound);
        hash
    };
    assert_eq!(
        blobs.staged_count().unwrap(),
        0,
        "a dropped staging leaves nothing"
    );
    assert_eq!(blobs.get(&hash).unwrap_err().code(), ErrorCode::NotFound);
    // A command that commits: published (twice is harmless), then nothing left staged.
    let mut staging = Staging::new(store.clone());
    assert_eq!(staging.add(b"completion statement").unwrap(), hash);
    staging.publish().unwrap();
    staging.publish().unwrap();
    drop(staging);
    assert_eq!(blobs.get(&hash).unwrap(), b"completion statement");
    assert_eq!(blobs.staged_count().unwrap(), 0);
    // Contents already published are not staged again.
    let again = blobs.stage(b"completion statement").unwrap();
    assert_eq!((again.hash.clone(), again.key.as_str()), (hash.clone(), ""));
    blobs.publish(&again).unwrap();
    assert_eq!(blobs.staged_count().unwrap(), 0);
    // Published contents are never removed by a discard.
    blobs.discard(&again);
    assert_eq!(blobs.get(&hash).unwrap(), b"completion statement");
    // Another firm cannot publish what this firm staged.
    let staged = blobs.stage(b"draft lease").unwrap();
    let other = db.open_firm(Uuid::now_v7()).unwrap().blobs();
    assert!(other.publish(&staged).is_err());
    assert_eq!(
        other.get(&staged.hash).unwrap_err().code(),
        ErrorCode::NotFound
    );
    // Left behind by a process that stopped: collected once old enough.
    assert_eq!(
        blobs
            .collect_abandoned(std::time::Duration::from_secs(3600))
            .unwrap(),
        0
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(
        blobs
            .collect_abandoned(std::time::Duration::from_secs(1))
            .unwrap(),
        1
    );
    assert_eq!(blobs.staged_count().unwrap(), 0);
    assert!(
        blobs.publish(&staged).is_err(),
        "collected contents are gone"
    );
}
