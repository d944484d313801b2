//! SHA-256 content hashes: the address of a document version's contents.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

use crate::error::{LexcaseError, Result};

/// The SHA-256 of some contents, as 64 lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentHash(String);

impl ContentHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(hex::encode(Sha256::digest(bytes)))
    }

    /// Parses 64 hex digits (upper case accepted, stored lower case).
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(LexcaseError::validation("hash", "not a SHA-256 hex digest"));
        }
        Ok(Self(text.to_ascii_lowercase()))
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `bytes` have this hash.
    pub fn matches(&self, bytes: &[u8]) -> bool {
        Self::of(bytes) == *self
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ContentHash {
    type Error = LexcaseError;
    fn try_from(s: String) -> Result<Self> {
        Self::parse(&s)
    }
}

impl From<ContentHash> for String {
    fn from(h: ContentHash) -> Self {
        h.0
    }
}

// Crosses the FFI as its hex digits; text that is not a SHA-256 digest lifts as a
// `Validation` error on `hash`.
#[cfg(feature = "uniffi")]
uniffi::custom_type!(ContentHash, String, {
    lower: |hash| hash.0,
    try_lift: |text| Ok(ContentHash::parse(&text).map_err(crate::ffi::FfiError::from)?),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_parses() {
        let h = ContentHash::of(b"abc");
        assert_eq!(
            h.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(h.matches(b"abc") && !h.matches(b"abd"));
        assert_eq!(ContentHash::parse(&h.as_str().to_uppercase()).unwrap(), h);
        assert!(ContentHash::parse("xyz").is_err());
        assert!(ContentHash::parse(&"g".repeat(64)).is_err());
    }
}
