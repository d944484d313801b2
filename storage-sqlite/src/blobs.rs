//! The filesystem blob store: document contents as files named by their SHA-256, written
//! atomically (temporary file, fsync, rename, fsync of the directory) and verified on read.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use lexcase::documents::ContentHash;
use lexcase::store::{BlobStore, tampered};
use lexcase::{LexcaseError, Result};

/// Document contents under one directory: `<root>/<first two hex digits>/<hash>`.
#[derive(Debug, Clone)]
pub struct FsBlobStore {
    root: PathBuf,
}

fn io(e: std::io::Error) -> LexcaseError {
    LexcaseError::storage(format!("blob store: {}", e.kind()))
}

impl FsBlobStore {
    /// A store rooted at `root`, created if missing.
    pub fn open(root: impl AsRef<Path>) -> Result<Self> {
        let root = root.as_ref().to_owned();
        fs::create_dir_all(&root).map_err(io)?;
        Ok(Self { root })
    }

    /// The directory the contents live in.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where contents with `hash` live.
    pub fn path_of(&self, hash: &ContentHash) -> PathBuf {
        self.root.join(&hash.as_str()[..2]).join(hash.as_str())
    }
}

impl BlobStore for FsBlobStore {
    fn put(&self, bytes: &[u8]) -> Result<ContentHash> {
        let hash = ContentHash::of(bytes);
        let path = self.path_of(&hash);
        match fs::read(&path) {
            Ok(existing) if hash.matches(&existing) => return Ok(hash),
            Ok(_) | Err(_) => {}
        }
        let dir = path
            .parent()
            .ok_or_else(|| LexcaseError::storage("blob store: no directory"))?;
        fs::create_dir_all(dir).map_err(io)?;
        let temp = dir.join(format!(".{}.{}.tmp", hash.as_str(), uuid::Uuid::now_v7()));
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            fs::rename(&temp, &path)?;
            File::open(dir)?.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(io(e));
        }
        Ok(hash)
    }

    fn get(&self, hash: &ContentHash) -> Result<Vec<u8>> {
        let bytes = fs::read(self.path_of(hash)).map_err(|e| match e.kind() {
            ErrorKind::NotFound => LexcaseError::not_found("document contents"),
            _ => io(e),
        })?;
        if !hash.matches(&bytes) {
            return Err(tampered(hash));
        }
        Ok(bytes)
    }
}

/// The default blob store for a database at `path`: in memory for `":memory:"`, else the
/// directory `<path>.blobs` beside the file.
pub fn blobs_beside(path: impl AsRef<Path>) -> Result<std::sync::Arc<dyn BlobStore>> {
    let path = path.as_ref();
    if path.as_os_str() == crate::MEMORY {
        return Ok(std::sync::Arc::new(lexcase::store::MemoryBlobStore::new()));
    }
    let mut dir = path.as_os_str().to_owned();
    dir.push(".blobs");
    Ok(std::sync::Arc::new(FsBlobStore::open(PathBuf::from(dir))?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_store_sits_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = blobs_beside(dir.path().join("firm.lexcase")).unwrap();
        let hash = blobs.put(b"x").unwrap();
        assert!(
            dir.path()
                .join("firm.lexcase.blobs")
                .join(&hash.as_str()[..2])
                .join(hash.as_str())
                .exists()
        );
        assert_eq!(
            blobs_beside(":memory:")
                .unwrap()
                .get(&hash)
                .unwrap_err()
                .code(),
            lexcase::ErrorCode::NotFound
        );
    }

    use super::*;

    #[test]
    fn writes_once_reads_verified_and_reports_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = FsBlobStore::open(dir.path().join("blobs")).unwrap();
        let hash = blobs.put(b"TA6 form").unwrap();
        assert_eq!(blobs.put(b"TA6 form").unwrap(), hash, "idempotent");
        assert_eq!(blobs.get(&hash).unwrap(), b"TA6 form");
        let leftovers = fs::read_dir(blobs.path_of(&hash).parent().unwrap())
            .unwrap()
            .count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
        fs::write(blobs.path_of(&hash), b"TA6 form, altered").unwrap();
        assert_eq!(
            blobs.get(&hash).unwrap_err().code(),
            lexcase::ErrorCode::Integrity
        );
        // Putting the original again repairs the file.
        blobs.put(b"TA6 form").unwrap();
        assert_eq!(blobs.get(&hash).unwrap(), b"TA6 form");
        let missing = ContentHash::of(b"never stored");
        assert_eq!(
            blobs.get(&missing).unwrap_err().code(),
            lexcase::ErrorCode::NotFound
        );
    }
}
