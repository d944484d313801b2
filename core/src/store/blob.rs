//! Content-addressed storage of document contents.
//!
//! Contents reach the store in two steps so that a refused command leaves nothing behind and
//! the slow part happens outside the writer lock: [`BlobStore::stage`] writes them where no
//! record can see them (before the command takes the lock), [`BlobStore::publish`] makes them
//! readable under their hash (inside the command, once every check has passed), and
//! [`BlobStore::discard`] forgets whatever was staged and not published. [`Staging`] does the
//! bookkeeping for a command.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::documents::ContentHash;
use crate::error::{LexcaseError, Result};

/// Contents written ahead of the command that will refer to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedBlob {
    /// Their SHA-256, the address they will be read by.
    pub hash: ContentHash,
    /// Their size in bytes.
    pub size: u64,
    /// The store's name for the staged copy (empty when the store already held the contents).
    pub key: String,
}

impl StagedBlob {
    /// Staged contents of `bytes` under the store's `key`.
    pub fn new(bytes: &[u8], key: impl Into<String>) -> Self {
        Self {
            hash: ContentHash::of(bytes),
            size: bytes.len() as u64,
            key: key.into(),
        }
    }
}

/// Where document contents live, addressed by their SHA-256. Reading verifies the contents
/// against their address and reports a changed file as [`LexcaseError::Integrity`]. Published
/// contents are never removed by lexcase: several records may share them.
pub trait BlobStore: Send + Sync {
    /// Writes `bytes` durably where no reader sees them yet. Called before the command takes
    /// the writer lock.
    fn stage(&self, bytes: &[u8]) -> Result<StagedBlob>;
    /// Makes staged contents readable under their hash (atomically: a reader never sees part of
    /// them). Called inside the command once every check has passed; publishing twice is
    /// harmless.
    fn publish(&self, staged: &StagedBlob) -> Result<()>;
    /// Removes what was staged and not published; published contents stay.
    fn discard(&self, staged: &StagedBlob);
    /// The contents with this hash, verified.
    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>>;

    /// Stages and publishes `bytes` at once (tools and tests; commands use [`Staging`]).
    fn put(&self, bytes: &[u8]) -> Result<ContentHash> {
        let staged = self.stage(bytes)?;
        let published = self.publish(&staged);
        self.discard(&staged);
        published.map(|()| staged.hash)
    }
}

/// The contents one command brings: staged before the command, published by it, and discarded
/// when it is dropped (so a refused command leaves nothing behind).
pub struct Staging {
    store: Arc<dyn BlobStore>,
    staged: Vec<StagedBlob>,
}

impl std::fmt::Debug for Staging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Staging")
            .field("staged", &self.staged)
            .finish()
    }
}

impl Staging {
    /// Nothing staged yet, in `store`.
    pub fn new(store: Arc<dyn BlobStore>) -> Self {
        Self {
            store,
            staged: Vec::new(),
        }
    }

    /// Stages `bytes` and returns their address.
    pub fn add(&mut self, bytes: &[u8]) -> Result<ContentHash> {
        let staged = self.store.stage(bytes)?;
        let hash = staged.hash.clone();
        self.staged.push(staged);
        Ok(hash)
    }

    /// Publishes everything staged: the last step of the command before it commits.
    pub fn publish(&self) -> Result<()> {
        self.staged.iter().try_for_each(|s| self.store.publish(s))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        for staged in &self.staged {
            self.store.discard(staged);
        }
    }
}

/// The error for contents that no longer match their hash.
pub fn tampered(hash: &ContentHash) -> LexcaseError {
    LexcaseError::Integrity {
        reason: format!("stored contents do not match their SHA-256 {hash}"),
    }
}

/// Contents kept in memory (tests, `:memory:` firms).
#[derive(Debug, Default)]
pub struct MemoryBlobStore {
    published: Mutex<HashMap<ContentHash, Vec<u8>>>,
    staged: Mutex<HashMap<String, Vec<u8>>>,
}

fn locked<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl MemoryBlobStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces stored contents without changing their address (to test integrity checks).
    pub fn corrupt(&self, hash: &ContentHash, bytes: Vec<u8>) {
        locked(&self.published).insert(hash.clone(), bytes);
    }

    /// How many contents are published and how many staged (to test that refused commands
    /// leave nothing).
    pub fn counts(&self) -> (usize, usize) {
        (locked(&self.published).len(), locked(&self.staged).len())
    }
}

impl BlobStore for MemoryBlobStore {
    fn stage(&self, bytes: &[u8]) -> Result<StagedBlob> {
        let staged = StagedBlob::new(bytes, uuid::Uuid::now_v7().to_string());
        locked(&self.staged).insert(staged.key.clone(), bytes.to_vec());
        Ok(staged)
    }

    fn publish(&self, staged: &StagedBlob) -> Result<()> {
        let Some(bytes) = locked(&self.staged).remove(&staged.key) else {
            return match locked(&self.published).contains_key(&staged.hash) {
                true => Ok(()),
                false => Err(LexcaseError::storage("staged contents are gone")),
            };
        };
        locked(&self.published)
            .entry(staged.hash.clone())
            .or_insert(bytes);
        Ok(())
    }

    fn discard(&self, staged: &StagedBlob) {
        locked(&self.staged).remove(&staged.key);
    }

    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>> {
        let bytes = locked(&self.published)
            .get(hash)
            .cloned()
            .ok_or_else(|| LexcaseError::not_found("document contents"))?;
        if !hash.matches(&bytes) {
            return Err(tampered(hash));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_contents_are_invisible_until_published_and_gone_when_discarded() {
        let store = Arc::new(MemoryBlobStore::new());
        let hash = {
            let mut staging = Staging::new(store.clone());
            let hash = staging.add(b"TA6").unwrap();
            assert_eq!(store.counts(), (0, 1));
            assert!(store.get(&hash).is_err(), "not readable before publishing");
            hash
        };
        assert_eq!(store.counts(), (0, 0), "a dropped staging leaves nothing");
        let mut staging = Staging::new(store.clone());
        assert_eq!(staging.add(b"TA6").unwrap(), hash);
        staging.publish().unwrap();
        staging.publish().unwrap();
        drop(staging);
        assert_eq!(store.get(&hash).unwrap(), b"TA6");
        assert_eq!(store.counts(), (1, 0));
        assert_eq!(store.put(b"TA6").unwrap(), hash);
        assert_eq!(store.counts(), (1, 0));
    }
}
