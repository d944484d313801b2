//! Content-addressed storage of document contents.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::documents::ContentHash;
use crate::error::{LexcaseError, Result};

/// Where document contents live, addressed by their SHA-256. Writing is idempotent; reading
/// verifies the contents against their address and reports a changed file as
/// [`LexcaseError::Integrity`].
pub trait BlobStore: Send + Sync {
    /// Stores `bytes` (atomically: a reader never sees part of them) and returns their hash.
    fn put(&self, bytes: &[u8]) -> Result<ContentHash>;
    /// The contents with this hash, verified.
    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>>;
}

/// The error for contents that no longer match their hash.
pub fn tampered(hash: &ContentHash) -> LexcaseError {
    LexcaseError::Integrity {
        reason: format!("stored contents do not match their SHA-256 {hash}"),
    }
}

/// Contents kept in memory (tests, `:memory:` firms).
#[derive(Debug, Default)]
pub struct MemoryBlobStore(Mutex<HashMap<ContentHash, Vec<u8>>>);

impl MemoryBlobStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn blobs(&self) -> std::sync::MutexGuard<'_, HashMap<ContentHash, Vec<u8>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces stored contents without changing their address (to test integrity checks).
    pub fn corrupt(&self, hash: &ContentHash, bytes: Vec<u8>) {
        self.blobs().insert(hash.clone(), bytes);
    }
}

impl BlobStore for MemoryBlobStore {
    fn put(&self, bytes: &[u8]) -> Result<ContentHash> {
        let hash = ContentHash::of(bytes);
        self.blobs()
            .entry(hash.clone())
            .or_insert_with(|| bytes.to_vec());
        Ok(hash)
    }

    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>> {
        let bytes = self
            .blobs()
            .get(hash)
            .cloned()
            .ok_or_else(|| LexcaseError::not_found("document contents"))?;
        if !hash.matches(&bytes) {
            return Err(tampered(hash));
        }
        Ok(bytes)
    }
}
