//! The key of an encrypted firm: given at open, never stored. Two keys are derived from it
//! with HKDF-SHA256: SQLCipher's raw database key and the key that seals document contents.

use std::fmt;

use hkdf::Hkdf;
use lexcase::{LexcaseError, Result};
use rusqlite::Connection;
use sha2::Sha256;

/// The fewest bytes a database key may have.
pub const MIN_KEY_BYTES: usize = 16;

/// The secret an encrypted database (and its document contents) is opened with. Give 32 random
/// bytes from the firm's key store, or a long passphrase run through a password hash first;
/// keep it outside the file: without it the data cannot be read, by anyone.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey {
    database: [u8; 32],
    blobs: [u8; 32],
}

impl DatabaseKey {
    /// A key from at least [`MIN_KEY_BYTES`] secret bytes.
    pub fn new(secret: &[u8]) -> Result<Self> {
        if secret.len() < MIN_KEY_BYTES {
            return Err(LexcaseError::validation(
                "key",
                "a database key needs at least 16 bytes",
            ));
        }
        let hk = Hkdf::<Sha256>::new(Some(b"lexcase encryption at rest"), secret);
        let mut database = [0u8; 32];
        let mut blobs = [0u8; 32];
        // 32 bytes is far below HKDF's limit (255 × 32): these cannot fail.
        let derived = hk
            .expand(b"sqlcipher database key v1", &mut database)
            .and_then(|()| hk.expand(b"document contents key v1", &mut blobs));
        derived.map_err(|_| LexcaseError::validation("key", "cannot derive keys"))?;
        Ok(Self { database, blobs })
    }

    /// The key that seals document contents.
    #[cfg_attr(not(feature = "encryption"), allow(dead_code))]
    pub(crate) fn blob_key(&self) -> &[u8; 32] {
        &self.blobs
    }

    /// Whether this build can encrypt (the `encryption` feature of `lexcase-sqlite`).
    pub const fn available() -> bool {
        cfg!(feature = "encryption")
    }

    /// Keys `conn`: the first statement on a connection to an encrypted file.
    pub(crate) fn apply(&self, conn: &Connection) -> Result<()> {
        if !Self::available() {
            return Err(unavailable());
        }
        // A raw 256-bit key in hex: SQLCipher uses it as is (no passphrase stretching per
        // connection).
        // SQLCipher logs a failed page check to stderr; a wrong key is reported as an error.
        conn.execute_batch(&format!(
            "PRAGMA cipher_log_level = NONE; PRAGMA key = \"x'{}'\";",
            hex::encode(self.database)
        ))
        .map_err(|_| LexcaseError::storage("the database key cannot be applied"))
    }
}

/// The error of a key given to a build without encryption.
pub(crate) fn unavailable() -> LexcaseError {
    LexcaseError::validation(
        "key",
        "this build of lexcase has no encryption (the `encryption` feature of lexcase-sqlite)",
    )
}

impl fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the secret.
        f.write_str("DatabaseKey(..)")
    }
}

impl Drop for DatabaseKey {
    fn drop(&mut self) {
        // Best effort: overwrite the secrets before the memory is freed.
        self.database = [0; 32];
        self.blobs = [0; 32];
        std::hint::black_box(&self.database);
        std::hint::black_box(&self.blobs);
    }
}
