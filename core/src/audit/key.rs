//! The firm's audit key: with it the chain is sealed with HMAC-SHA256 instead of SHA-256, so
//! that recomputing the hashes after an edit needs the key, which is never stored in the file.

use std::fmt;

use hmac::Hmac;
use hmac::digest::KeyInit;
use sha2::{Digest, Sha256};

use crate::error::{LexcaseError, Result};

/// The fewest bytes an audit key may have.
pub const MIN_AUDIT_KEY_BYTES: usize = 16;

/// A secret of the firm that keys its audit chain ([`super::HashScheme::KeyedBinary`]). Keep it
/// outside the database (a key store, the firm's secrets manager); it is given to
/// [`crate::service::Firm::with_audit_key`] each time the firm is opened.
#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey([u8; 64]);

impl AuditKey {
    /// A key from at least [`MIN_AUDIT_KEY_BYTES`] secret bytes (32 random bytes are best).
    pub fn new(bytes: &[u8]) -> Result<Self> {
        if bytes.len() < MIN_AUDIT_KEY_BYTES {
            return Err(LexcaseError::validation(
                "audit_key",
                "an audit key needs at least 16 bytes",
            ));
        }
        // HMAC's own first step (RFC 2104): a key longer than the hash's block is hashed, a
        // shorter one padded with zeros; the MAC is the same as with the key as given.
        let mut block = [0u8; 64];
        if bytes.len() > block.len() {
            block[..32].copy_from_slice(&Sha256::digest(bytes));
        } else {
            block[..bytes.len()].copy_from_slice(bytes);
        }
        Ok(Self(block))
    }

    /// A new HMAC-SHA256 keyed with this key.
    pub(crate) fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as KeyInit>::new(&self.0.into())
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print the secret.
        f.write_str("AuditKey(..)")
    }
}

impl Drop for AuditKey {
    fn drop(&mut self) {
        // Best effort: overwrite the secret before the memory is freed.
        self.0.iter_mut().for_each(|b| *b = 0);
        std::hint::black_box(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mac_is_hmac_sha256_with_the_key_as_given() {
        use hmac::Mac;
        for len in [16, 64, 100] {
            let bytes: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let mut ours = AuditKey::new(&bytes).unwrap().mac();
            let mut plain = <Hmac<Sha256> as Mac>::new_from_slice(&bytes).unwrap();
            ours.update(b"event");
            plain.update(b"event");
            assert_eq!(ours.finalize().into_bytes(), plain.finalize().into_bytes());
        }
    }

    #[test]
    fn short_keys_are_refused_and_keys_are_never_printed() {
        assert!(AuditKey::new(b"short").is_err());
        let key = AuditKey::new(&[7; 32]).unwrap();
        assert_eq!(format!("{key:?}"), "AuditKey(..)");
    }
}
