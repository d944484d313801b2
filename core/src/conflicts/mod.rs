//! Conflict checks: name normalisation, matching (token overlap, Jaro-Winkler, phonetic keys) with scores and explanations.
//!
//! * [`normalise`] folds a name to comparable tokens (case, accents, punctuation, titles and
//!   company suffixes removed).
//! * [`score_names`] scores a query against one candidate name, with reasons and a plain
//!   English explanation; [`score_identifiers`] does the same for company numbers and tax ids.
//! * [`blocking_keys`] gives the keys a store indexes each name under, so a search scores only
//!   the candidates sharing a key with the query instead of every name.
//! * [`soundex`] is NARA Soundex (STANDARDS §6.3).

mod identifiers;
mod keys;
mod normalise;
mod score;
mod soundex;
#[cfg(test)]
mod tests;
mod token;

pub use identifiers::score_identifiers;
pub use keys::blocking_keys;
pub use normalise::{NormalisedName, normalise};
pub use score::{MATCH_THRESHOLD, MatchReason, NameMatch, score_names, score_normalised};
pub use soundex::soundex;
