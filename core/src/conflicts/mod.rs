//! Conflict checks: name normalisation, matching (token overlap, Jaro-Winkler, phonetic keys) with scores and explanations.
