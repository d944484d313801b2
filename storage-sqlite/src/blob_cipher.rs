//! Document contents sealed at rest: XChaCha20-Poly1305 under a key derived from the
//! database key, a random 24-byte nonce per file, and the content address as associated data
//! (a file moved under another address does not open). Addresses stay the SHA-256 of the
//! plain contents.

use std::fmt;

#[cfg(feature = "encryption")]
use lexcase::LexcaseError;
use lexcase::Result;

use crate::key::DatabaseKey;

/// The first bytes of a sealed file.
#[cfg_attr(not(feature = "encryption"), allow(dead_code))]
const MAGIC: &[u8; 4] = b"LXB1";

/// Seals and opens document contents.
pub(crate) struct BlobCipher {
    #[cfg(feature = "encryption")]
    aead: chacha20poly1305::XChaCha20Poly1305,
}

impl fmt::Debug for BlobCipher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BlobCipher(..)")
    }
}

#[cfg(feature = "encryption")]
impl BlobCipher {
    /// The cipher of `key`.
    pub(crate) fn new(key: &DatabaseKey) -> Result<Self> {
        use chacha20poly1305::KeyInit;
        Ok(Self {
            aead: chacha20poly1305::XChaCha20Poly1305::new(key.blob_key().into()),
        })
    }

    /// `plain` sealed for the file at `address`.
    pub(crate) fn seal(&self, plain: &[u8], address: &str) -> Result<Vec<u8>> {
        use chacha20poly1305::aead::{Aead, AeadCore, OsRng, Payload};
        let nonce = chacha20poly1305::XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: plain,
            aad: address.as_bytes(),
        };
        let sealed = self
            .aead
            .encrypt(&nonce, payload)
            .map_err(|_| LexcaseError::storage("document contents cannot be encrypted"))?;
        let mut out = Vec::with_capacity(MAGIC.len() + nonce.len() + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The plain contents of a sealed file at `address`; `None` if it does not open (another
    /// key, or the file was changed or moved).
    pub(crate) fn open(&self, stored: &[u8], address: &str) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::{Aead, Payload};
        let rest = stored.strip_prefix(MAGIC)?;
        if rest.len() < 24 {
            return None;
        }
        let (nonce, sealed) = rest.split_at(24);
        let payload = Payload {
            msg: sealed,
            aad: address.as_bytes(),
        };
        self.aead
            .decrypt(chacha20poly1305::XNonce::from_slice(nonce), payload)
            .ok()
    }
}

#[cfg(not(feature = "encryption"))]
impl BlobCipher {
    /// Without the `encryption` feature there is no cipher.
    pub(crate) fn new(_key: &DatabaseKey) -> Result<Self> {
        Err(crate::key::unavailable())
    }

    /// Never reached: no cipher can be made.
    pub(crate) fn seal(&self, _plain: &[u8], _address: &str) -> Result<Vec<u8>> {
        Err(crate::key::unavailable())
    }

    /// Never reached: no cipher can be made.
    pub(crate) fn open(&self, _stored: &[u8], _address: &str) -> Option<Vec<u8>> {
        None
    }
}
