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
