//! The filesystem blob store: document contents as files named by their SHA-256, written
//! atomically (temporary file, fsync, rename, fsync of the directory) and verified on read.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use lexcase::documents::ContentHash;
use lexcase::store::{BlobStore, StagedBlob, tampered};
use lexcase::{LexcaseError, Result};

/// The ending of a staged file's name.
const STAGED: &str = ".staged";
/// How old a staged file is before [`FsBlobStore::open`] removes it.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Document contents under one directory: `<root>/<first two hex digits>/<hash>`; contents
/// staged by a command in progress wait beside their place under a hidden name.
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
        let store = Self { root };
        store.collect_abandoned(ABANDONED);
        Ok(store)
    }

    /// Removes staged files older than `age`: left by a process that stopped between staging
    /// and publishing. A command in progress publishes within seconds, so a day-old staged
    /// file belongs to none.
    pub fn collect_abandoned(&self, age: std::time::Duration) {
        let Ok(dirs) = fs::read_dir(&self.root) else {
            return;
        };
        for file in dirs
            .flatten()
            .filter_map(|d| fs::read_dir(d.path()).ok())
            .flat_map(|files| files.flatten())
            .filter(|f| f.file_name().to_string_lossy().ends_with(STAGED))
        {
            let old = file
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|e| e >= age));
            if old {
                let _ = fs::remove_file(file.path());
            }
        }
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

impl FsBlobStore {
    /// Whether the file at `path` holds exactly the contents with `hash`.
    fn holds(path: &Path, hash: &ContentHash) -> bool {
        fs::read(path).is_ok_and(|existing| hash.matches(&existing))
    }

    /// Where staged contents wait: a hidden file beside their final place.
    fn staged_path(&self, staged: &StagedBlob) -> Option<PathBuf> {
        (!staged.key.is_empty()).then(|| {
            let dir = self.path_of(&staged.hash);
            dir.with_file_name(&staged.key)
        })
    }
}

impl BlobStore for FsBlobStore {
    fn stage(&self, bytes: &[u8]) -> Result<StagedBlob> {
        let hash = ContentHash::of(bytes);
        let path = self.path_of(&hash);
        if Self::holds(&path, &hash) {
            return Ok(StagedBlob::new(bytes, ""));
        }
        let dir = path
            .parent()
            .ok_or_else(|| LexcaseError::storage("blob store: no directory"))?;
        fs::create_dir_all(dir).map_err(io)?;
        let staged = StagedBlob::new(
            bytes,
            format!(".{}.{}{STAGED}", hash.as_str(), uuid::Uuid::now_v7()),
        );
        let temp = dir.join(&staged.key);
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            file.write_all(bytes)?;
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&temp);
            return Err(io(e));
        }
        Ok(staged)
    }

    fn publish(&self, staged: &StagedBlob) -> Result<()> {
        let Some(temp) = self.staged_path(staged) else {
            return Ok(());
        };
        let path = self.path_of(&staged.hash);
        let dir = path
            .parent()
            .ok_or_else(|| LexcaseError::storage("blob store: no directory"))?;
        match fs::rename(&temp, &path) {
            Ok(()) => File::open(dir).and_then(|d| d.sync_all()).map_err(io),
            // Published already (a retried command): the contents are in place.
            Err(e) if e.kind() == ErrorKind::NotFound && Self::holds(&path, &staged.hash) => Ok(()),
            Err(e) => Err(io(e)),
        }
    }

    fn discard(&self, staged: &StagedBlob) {
        if let Some(temp) = self.staged_path(staged) {
            let _ = fs::remove_file(temp);
        }
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
    fn staged_contents_wait_hidden_until_published_and_leave_nothing_when_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = FsBlobStore::open(dir.path().join("blobs")).unwrap();
        let files = |hash: &ContentHash| {
            fs::read_dir(blobs.path_of(hash).parent().unwrap())
                .map(|d| d.count())
                .unwrap_or(0)
        };
        let refused = blobs.stage(b"draft contract").unwrap();
        assert!(
            blobs.get(&refused.hash).is_err(),
            "not readable while staged"
        );
        blobs.discard(&refused);
        assert_eq!(files(&refused.hash), 0, "a refused command leaves nothing");
        let kept = blobs.stage(b"draft contract").unwrap();
        blobs.publish(&kept).unwrap();
        blobs.publish(&kept).unwrap();
        blobs.discard(&kept);
        assert_eq!(blobs.get(&kept.hash).unwrap(), b"draft contract");
        assert_eq!(files(&kept.hash), 1);
        let again = blobs.stage(b"draft contract").unwrap();
        assert!(
            again.key.is_empty(),
            "contents already held are not written twice"
        );
        let abandoned = blobs.stage(b"abandoned").unwrap();
        blobs.collect_abandoned(std::time::Duration::from_secs(3600));
        assert_eq!(
            files(&abandoned.hash),
            1,
            "a recent staged file is left alone"
        );
        blobs.collect_abandoned(std::time::Duration::ZERO);
        assert_eq!(files(&abandoned.hash), 0, "an abandoned one is collected");
    }

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
