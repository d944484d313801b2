//! Encryption at rest: an encrypted firm opens only with its key; a wrong key (or none, or a
//! key for a plain file) is a typed error and leaves the file exactly as it was; document
//! contents are sealed too; files are for their owner only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use lexcase_sqlite::{DatabaseKey, SqliteOptions, SqliteStore};

fn key(byte: u8) -> DatabaseKey {
    DatabaseKey::new(&[byte; 32]).unwrap()
}

#[test]
fn short_keys_are_refused_and_never_printed() {
    assert!(DatabaseKey::new(b"short").is_err());
    assert_eq!(format!("{:?}", key(1)), "DatabaseKey(..)");
}

#[cfg(not(feature = "encryption"))]
#[test]
fn a_build_without_encryption_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStore::open_encrypted(
        dir.path().join("firm.lexcase"),
        SqliteOptions::default(),
        &key(1),
    )
    .unwrap_err();
    assert_eq!(err.code(), lexcase::ErrorCode::Validation);
    assert!(!dir.path().join("firm.lexcase").exists());
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn database_queue_and_blob_files_are_for_their_owner_only() {
    use lexcase::store::BlobStore;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firm.lexcase");
    let store = SqliteStore::open(&path, SqliteOptions::default()).unwrap();
    let mut tx = lexcase::store::Store::write(&store).unwrap();
    tx.next_sequence("X").unwrap();
    tx.commit().unwrap();
    assert_eq!(mode(&path), 0o600);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert_eq!(mode(Path::new(&wal)), 0o600);
    let mut queue = path.as_os_str().to_owned();
    queue.push(".writers");
    assert_eq!(mode(Path::new(&queue)), 0o700);
    assert_eq!(mode(&Path::new(&queue).join("ticket")), 0o600);
    let blobs = lexcase_sqlite::FsBlobStore::open(dir.path().join("blobs")).unwrap();
    let hash = blobs.put(b"TA6").unwrap();
    assert_eq!(mode(&blobs.path_of(&hash)), 0o600);
    assert_eq!(mode(&dir.path().join("blobs")), 0o700);
}

#[cfg(feature = "encryption")]
mod encrypted {
    use super::*;
    use lexcase::store::Store;
    use lexcase::{IncompatibleReason, LexcaseError};

    fn incompatible(result: lexcase::Result<SqliteStore>) -> IncompatibleReason {
        match result {
            Err(LexcaseError::IncompatibleDatabase { reason }) => reason,
            other => panic!("expected an incompatible database, got {other:?}"),
        }
    }

    /// Every byte of the database and its sidecar files.
    fn bytes(path: &Path) -> Vec<Vec<u8>> {
        ["", "-wal", "-shm"]
            .iter()
            .map(|suffix| {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                std::fs::read(p).unwrap_or_default()
            })
            .collect()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn new_encrypted(path: &Path) {
        let store = SqliteStore::open_encrypted(path, SqliteOptions::default(), &key(1)).unwrap();
        let mut tx = store.write().unwrap();
        tx.next_sequence("Smithereens-Secret").unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn an_encrypted_file_opens_with_its_key_and_shows_nothing_without_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.lexcase");
        new_encrypted(&path);
        let on_disk = bytes(&path);
        assert!(!on_disk[0].starts_with(b"SQLite format 3"));
        assert!(on_disk.iter().all(|b| !contains(b, b"Smithereens-Secret")));

        let store = SqliteStore::open_encrypted(&path, SqliteOptions::default(), &key(1)).unwrap();
        let mut tx = store.write().unwrap();
        assert_eq!(tx.next_sequence("Smithereens-Secret").unwrap(), 2);
        tx.commit().unwrap();
        assert!(store.read().unwrap().firm_settings().unwrap().is_none());
    }

    #[test]
    fn a_wrong_key_or_none_is_refused_and_the_file_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.lexcase");
        new_encrypted(&path);
        let before = bytes(&path);
        for _ in 0..2 {
            let opened = SqliteStore::open_encrypted(&path, SqliteOptions::default(), &key(2));
            assert_eq!(incompatible(opened), IncompatibleReason::WrongKey);
            let plain = SqliteStore::open(&path, SqliteOptions::default());
            assert_eq!(incompatible(plain), IncompatibleReason::Corrupt);
        }
        assert_eq!(bytes(&path), before, "the file was changed");
    }

    #[test]
    fn a_plain_file_opened_with_a_key_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.lexcase");
        drop(SqliteStore::open(&path, SqliteOptions::default()).unwrap());
        let before = bytes(&path);
        let opened = SqliteStore::open_encrypted(&path, SqliteOptions::default(), &key(1));
        assert_eq!(incompatible(opened), IncompatibleReason::WrongKey);
        assert_eq!(bytes(&path), before);
    }

    #[test]
    fn document_contents_are_sealed_and_open_only_with_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firm.lexcase");
        let blobs = lexcase_sqlite::blobs_beside_encrypted(&path, &key(1)).unwrap();
        let hash = blobs
            .put(b"Completion statement: 12 Acacia Avenue")
            .unwrap();
        assert_eq!(
            hash,
            lexcase::documents::ContentHash::of(b"Completion statement: 12 Acacia Avenue")
        );
        assert_eq!(
            blobs
                .put(b"Completion statement: 12 Acacia Avenue")
                .unwrap(),
            hash
        );
        assert_eq!(
            blobs.get(&hash).unwrap(),
            b"Completion statement: 12 Acacia Avenue"
        );
        let file = lexcase_sqlite::FsBlobStore::open(dir.path().join("firm.lexcase.blobs"))
            .unwrap()
            .path_of(&hash);
        assert!(!contains(&std::fs::read(&file).unwrap(), b"Acacia"));

        // Staged contents are sealed already, and publish to what `get` opens.
        let staged = blobs
            .stage(b"Replies to requisitions: 12 Acacia Avenue")
            .unwrap();
        assert!(!staged.key.is_empty());
        let waiting = file
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join(&staged.hash.as_str()[..2]);
        let waiting = waiting.join(&staged.key);
        assert!(!contains(&std::fs::read(&waiting).unwrap(), b"Acacia"));
        assert!(
            blobs.get(&staged.hash).is_err(),
            "not readable while staged"
        );
        blobs.publish(&staged).unwrap();
        blobs.publish(&staged).unwrap();
        assert_eq!(
            blobs.get(&staged.hash).unwrap(),
            b"Replies to requisitions: 12 Acacia Avenue"
        );
        assert!(
            blobs
                .stage(b"Replies to requisitions: 12 Acacia Avenue")
                .unwrap()
                .key
                .is_empty(),
            "sealed contents already held are recognised"
        );

        let other = lexcase_sqlite::blobs_beside_encrypted(&path, &key(2)).unwrap();
        assert_eq!(
            other.get(&hash).unwrap_err().code(),
            lexcase::ErrorCode::Integrity
        );
        let plain = lexcase_sqlite::blobs_beside(&path).unwrap();
        assert_eq!(
            plain.get(&hash).unwrap_err().code(),
            lexcase::ErrorCode::Integrity
        );
    }
}
