//! Document contents in the database: each firm's blobs addressed by their SHA-256, written
//! idempotently and verified when read, so that a firm on PostgreSQL needs no shared file
//! system.

use std::borrow::Cow;
use std::sync::Arc;

use lexcase::documents::ContentHash;
use lexcase::store::{BlobStore, tampered};
use lexcase::{LexcaseError, Result};
use lexcase_sql::Value;
use uuid::Uuid;

use crate::begin::short;
use crate::database::Shared;
use crate::value::Arg;

/// The document contents of one firm, in the `blobs` table.
#[derive(Debug, Clone)]
pub struct PgBlobStore {
    shared: Arc<Shared>,
    firm: Uuid,
}

impl PgBlobStore {
    pub(crate) fn new(shared: Arc<Shared>, firm: Uuid) -> Self {
        Self { shared, firm }
    }
}

fn raw(hash: &ContentHash) -> Result<Vec<u8>> {
    hex::decode(hash.as_str()).map_err(|_| LexcaseError::validation("hash", "not hexadecimal"))
}

fn bytes(b: &[u8]) -> Arg<'_> {
    Arg::Value(Value::Bytes(Cow::Borrowed(b)))
}

impl BlobStore for PgBlobStore {
    fn put(&self, contents: &[u8]) -> Result<ContentHash> {
        let hash = ContentHash::of(contents);
        let key = raw(&hash)?;
        let size = i64::try_from(contents.len())
            .map_err(|_| LexcaseError::validation("contents", "too large"))?;
        short(&self.shared, self.firm, false, |scope| {
            // Stored contents that no longer match are replaced (a repair); matching ones are
            // left alone.
            scope.execute(
                "INSERT INTO blobs (firm_id, hash, size, contents) VALUES ($1, ?, ?, ?) \
                 ON CONFLICT (firm_id, hash) DO UPDATE \
                 SET size = excluded.size, contents = excluded.contents \
                 WHERE blobs.contents IS DISTINCT FROM excluded.contents",
                &[bytes(&key), Arg::int(size), bytes(contents)],
            )
        })?;
        Ok(hash)
    }

    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>> {
        let key = raw(hash)?;
        let found = short(&self.shared, self.firm, true, |scope| {
            match scope.row(
                "SELECT contents FROM blobs WHERE firm_id = $1 AND hash = ?",
                &[bytes(&key)],
            )? {
                Some(row) => row
                    .try_get::<_, Vec<u8>>(0)
                    .map(Some)
                    .map_err(|_| LexcaseError::storage("stored contents are unreadable")),
                None => Ok(None),
            }
        })?;
        let contents = found.ok_or_else(|| LexcaseError::not_found("document contents"))?;
        if !hash.matches(&contents) {
            return Err(tampered(hash));
        }
        Ok(contents)
    }
}
