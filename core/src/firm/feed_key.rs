//! The firm's feed key: a random secret, made when the firm is initialised and kept with its
//! settings, that keys the pseudonyms the change feed shows in place of sequence numbers to
//! viewers who may not see every event (see [`crate::audit::FeedCipher`]).
//!
//! It is never shown: the settings services and the audit trail leave it out.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// 32 random bytes. Its `Debug` form does not show them.
#[derive(Clone, PartialEq, Eq)]
pub struct FeedKey([u8; 32]);

impl FeedKey {
    /// A new random key (from the operating system's generator, through UUID v4).
    pub fn random() -> Self {
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(Uuid::new_v4().as_bytes());
        bytes[16..].copy_from_slice(Uuid::new_v4().as_bytes());
        Self(bytes)
    }

    /// A key from its bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for FeedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FeedKey(..)")
    }
}

impl Serialize for FeedKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(self.0))
    }
}

impl<'de> Deserialize<'de> for FeedKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(&text, &mut bytes)
            .map_err(|_| serde::de::Error::custom("a feed key is 64 hex digits"))?;
        Ok(Self(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_hidden_in_debug_and_round_trip() {
        let (a, b) = (FeedKey::random(), FeedKey::random());
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "FeedKey(..)");
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<FeedKey>(&json).unwrap(), a);
        assert!(serde_json::from_str::<FeedKey>("\"00\"").is_err());
    }
}
