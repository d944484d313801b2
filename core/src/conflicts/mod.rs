//! Conflict checks: name normalisation, matching (token overlap, Jaro-Winkler, phonetic keys) with scores and explanations.
//!
//! * [`normalise`] folds a name to comparable tokens (case, accents, punctuation, titles and
//!   company suffixes removed).
//! * [`score_names`] scores a query against one candidate name, with reasons and a plain
//!   English explanation; [`score_identifiers`] does the same for company numbers and tax ids.
//! * [`blocking_keys`] gives the keys a store indexes each name under, so a search scores only
//!   the candidates sharing a key with the query instead of every name.
//! * [`index_name`] gives what a store keeps per name (keys, normalised words, how many are
//!   significant) and [`SearchPlan`] the few reads of that index that find every name a query
//!   matches, most selective word first; [`QuickFilter`] rejects most of what those reads
//!   find without scoring it.
//! * [`soundex`] is NARA Soundex (STANDARDS §6.3).

mod filter;
mod identifiers;
mod index;
mod keys;
mod normalise;
mod plan;
mod score;
mod soundex;
#[cfg(test)]
mod tests;
mod token;

pub use filter::QuickFilter;
pub use identifiers::score_identifiers;
pub use index::{IndexKey, IndexedName, index_name};
pub use keys::blocking_keys;
pub use normalise::{NormalisedName, normalise};
pub use plan::{Probe, SearchPlan};
pub use score::{
    MATCH_THRESHOLD, MatchReason, NameMatch, score_names, score_normalised, score_words,
};
pub use soundex::soundex;
