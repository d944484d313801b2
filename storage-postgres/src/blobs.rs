//! Document contents in the database: each firm's blobs addressed by their SHA-256, written
//! idempotently and verified when read, so that a firm on PostgreSQL needs no shared file
//! system.

use std::borrow::Cow;
use std::sync::Arc;

use lexcase::documents::ContentHash;
use lexcase::store::{BlobStore, StagedBlob, tampered};
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

fn unreadable() -> LexcaseError {
    LexcaseError::storage("stored contents are unreadable")
}

impl PgBlobStore {
    /// Removes contents staged more than `age` ago: left by a process that stopped between
    /// staging and publishing (a command in progress publishes within seconds).
    pub fn collect_abandoned(&self, age: std::time::Duration) -> Result<u64> {
        let seconds = i64::try_from(age.as_secs()).unwrap_or(i64::MAX);
        short(&self.shared, self.firm, false, |scope| {
            scope.execute(
                "DELETE FROM blob_staging WHERE firm_id = $1 \
                 AND staged_at < now() - make_interval(secs => ?::bigint)",
                &[Arg::int(seconds)],
            )
        })
    }

    /// How many contents are staged and not yet published or discarded.
    pub fn staged_count(&self) -> Result<u64> {
        short(&self.shared, self.firm, true, |scope| {
            scope.count("SELECT count(*) FROM blob_staging WHERE firm_id = $1", &[])
        })
    }
}

impl BlobStore for PgBlobStore {
    fn stage(&self, contents: &[u8]) -> Result<StagedBlob> {
        let hash = ContentHash::of(contents);
        let raw_hash = raw(&hash)?;
        let key = Uuid::now_v7();
        let staged = short(&self.shared, self.firm, false, |scope| {
            // Contents already published (and intact) need no second copy.
            let held = scope
                .row(
                    "SELECT 1 FROM blobs WHERE firm_id = $1 AND hash = ? \
                     AND sha256(contents) = hash",
                    &[bytes(&raw_hash)],
                )?
                .is_some();
            if held {
                return Ok(false);
            }
            scope.execute(
                "INSERT INTO blob_staging (firm_id, key, hash, contents) VALUES ($1, ?, ?, ?)",
                &[Arg::id(key), bytes(&raw_hash), bytes(contents)],
            )?;
            Ok(true)
        })?;
        let key = if staged {
            key.to_string()
        } else {
            String::new()
        };
        Ok(StagedBlob::new(contents, key))
    }

    fn publish(&self, staged: &StagedBlob) -> Result<()> {
        let raw_hash = raw(&staged.hash)?;
        let key = match staged.key.as_str() {
            "" => None,
            k => Some(
                Uuid::parse_str(k)
                    .map_err(|_| LexcaseError::validation("staged", "not a staging key"))?,
            ),
        };
        short(&self.shared, self.firm, false, |scope| {
            if let Some(key) = key {
                // Copied and forgotten in one transaction. Stored contents that no longer match
                // their hash are replaced (a repair); matching ones are left alone.
                scope.execute(
                    "INSERT INTO blobs (firm_id, hash, size, contents) \
                     SELECT firm_id, hash, length(contents), contents FROM blob_staging \
                     WHERE firm_id = $1 AND key = ? \
                     ON CONFLICT (firm_id, hash) DO UPDATE \
                     SET size = excluded.size, contents = excluded.contents \
                     WHERE blobs.contents IS DISTINCT FROM excluded.contents",
                    &[Arg::id(key)],
                )?;
                scope.execute(
                    "DELETE FROM blob_staging WHERE firm_id = $1 AND key = ?",
                    &[Arg::id(key)],
                )?;
            }
            // Published now or before (a retried command): the contents must be in place.
            let held = scope
                .row(
                    "SELECT 1 FROM blobs WHERE firm_id = $1 AND hash = ?",
                    &[bytes(&raw_hash)],
                )?
                .is_some();
            if held {
                Ok(())
            } else {
                Err(LexcaseError::storage("staged contents are gone"))
            }
        })
    }

    fn discard(&self, staged: &StagedBlob) {
        let Ok(key) = Uuid::parse_str(&staged.key) else {
            return;
        };
        // Best effort: what is left behind is collected when the firm is next opened.
        let _ = short(&self.shared, self.firm, false, |scope| {
            scope.execute(
                "DELETE FROM blob_staging WHERE firm_id = $1 AND key = ?",
                &[Arg::id(key)],
            )
        });
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
                    .map_err(|_| unreadable()),
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
