//! Pseudonyms for sequence numbers in the change feed.
//!
//! The chain numbers events 1, 2, 3 … without gaps, so a viewer who is shown only some events
//! would learn from the gaps (and from a cursor that moves while nothing is shown) that hidden
//! activity happened, and how much. Such a viewer is shown, in place of each real `seq`, a
//! keyed pseudo-random permutation of it, and is given cursors that are fresh every call:
//!
//! - a 64-bit block `[check: 8 bits = 0][salt: 16 bits][seq: 40 bits]` is enciphered with a
//!   balanced Feistel network of 8 rounds whose round function is SHA-256 over the firm's feed
//!   key, the round number and the half-block — a pseudo-random permutation of `u64`;
//! - an event's pseudonym is the block with salt 0, so the same event always shows the same
//!   number (clients may deduplicate by it);
//! - a cursor is the block with a random salt, so two cursors for the same place differ and
//!   a cursor that moved over hidden events cannot be told from one that did not;
//! - deciphering checks the 8 zero bits: a made-up value is refused (a guess is accepted one
//!   time in 256, and then only names a random place, usually past the end).
//!
//! Real sequence numbers up to 2⁴⁰ − 1 (about 10¹²) are represented. Cursor `0` always means
//! the beginning; a pseudonym that happens to be 0 (one chance in 2⁶⁴) would restart a client
//! from the beginning, which repeats events but loses none.

use sha2::{Digest, Sha256};

/// The real sequence numbers a pseudonym can stand for: below 2⁴⁰.
const SEQ_BITS: u32 = 40;
const SEQ_MASK: u64 = (1 << SEQ_BITS) - 1;
/// The top bits of every block this cipher makes, zero.
const CHECK_SHIFT: u32 = 56;
/// Feistel rounds.
const ROUNDS: u8 = 8;

/// Enciphers and deciphers the feed's sequence numbers with a firm's key.
#[derive(Clone)]
pub struct FeedCipher {
    keyed: Sha256,
}

impl std::fmt::Debug for FeedCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FeedCipher(..)")
    }
}

impl FeedCipher {
    /// A cipher keyed with `key` (see [`crate::firm::FeedKey`]).
    pub fn new(key: &[u8; 32]) -> Self {
        let mut keyed = Sha256::new();
        keyed.update(b"lexcase feed cipher v1\n");
        keyed.update(key);
        Self { keyed }
    }

    fn round(&self, round: u8, half: u32) -> u32 {
        let mut h = self.keyed.clone();
        h.update([round]);
        h.update(half.to_be_bytes());
        let out = h.finalize();
        u32::from_be_bytes([out[0], out[1], out[2], out[3]])
    }

    fn encipher(&self, block: u64) -> u64 {
        let (mut left, mut right) = ((block >> 32) as u32, block as u32);
        for r in 0..ROUNDS {
            let next = left ^ self.round(r, right);
            left = right;
            right = next;
        }
        (u64::from(left) << 32) | u64::from(right)
    }

    fn decipher(&self, block: u64) -> u64 {
        let (mut left, mut right) = ((block >> 32) as u32, block as u32);
        for r in (0..ROUNDS).rev() {
            let prev = right ^ self.round(r, left);
            right = left;
            left = prev;
        }
        (u64::from(left) << 32) | u64::from(right)
    }

    /// The pseudonym shown for real sequence number `seq`: always the same for one event.
    pub fn pseudonym(&self, seq: u64) -> u64 {
        self.encipher(seq & SEQ_MASK)
    }

    /// A cursor that resumes after real sequence number `seq`; each `salt` gives a different
    /// value for the same place.
    pub fn cursor(&self, seq: u64, salt: u16) -> u64 {
        self.encipher((u64::from(salt) << SEQ_BITS) | (seq & SEQ_MASK))
    }

    /// The real sequence number a pseudonym or cursor stands for, or `None` if this cipher
    /// did not make it.
    pub fn open(&self, value: u64) -> Option<u64> {
        let block = self.decipher(value);
        (block >> CHECK_SHIFT == 0).then_some(block & SEQ_MASK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cipher(seed: u8) -> FeedCipher {
        FeedCipher::new(&[seed; 32])
    }

    #[test]
    fn pseudonyms_are_not_in_order_and_differ_by_key() {
        let c = cipher(1);
        let shown: Vec<u64> = (1..=5).map(|s| c.pseudonym(s)).collect();
        assert!(shown.windows(2).any(|w| w[0] > w[1]), "{shown:?}");
        assert!(shown.iter().all(|s| *s > 1 << 32), "{shown:?}");
        assert_ne!(cipher(2).pseudonym(1), c.pseudonym(1));
    }

    #[test]
    fn made_up_values_are_mostly_refused() {
        let c = cipher(3);
        let accepted = (1..=4096u64)
            .filter(|v| c.open(v.wrapping_mul(0x9E37_79B9_7F4A_7C15)).is_some())
            .count();
        assert!(accepted < 64, "{accepted} of 4096 accepted");
    }

    proptest! {
        #[test]
        fn cursors_and_pseudonyms_open_to_their_seq(seq in 0u64..(1 << 40), salt: u16) {
            let c = cipher(7);
            prop_assert_eq!(c.open(c.pseudonym(seq)), Some(seq));
            prop_assert_eq!(c.open(c.cursor(seq, salt)), Some(seq));
            prop_assert_eq!(c.cursor(seq, 0), c.pseudonym(seq));
            if salt != 0 {
                prop_assert_ne!(c.cursor(seq, salt), c.pseudonym(seq));
            }
        }

        #[test]
        fn the_permutation_is_invertible(block: u64) {
            let c = cipher(9);
            prop_assert_eq!(c.decipher(c.encipher(block)), block);
        }
    }
}
