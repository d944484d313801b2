//! `MatchReason`, `NameMatch`, `Decision`, `ConflictHit` and `ConflictCheck`, and the
//! name-matching module functions `soundex` and `score_names`.
//!
//! A match reason is shown flat: `kind` (`exact`, `same_after_normalising`, `token_overlap`,
//! `similar`, `sounds_like`, `prefix` or `identifier`) and the one of `shared`,
//! `jaro_winkler`, `key`, `token` and `value` that kind carries; the others are `None`.

use lexcase::conflicts::{MatchReason, NameMatch};
use lexcase::matters::{ConflictCheck, ConflictHit, Decision};
use pyo3::prelude::*;

use crate::convert::repr;
use crate::record::py_record;

py_record! {
    /// Why two names (or identifiers) were matched: `kind`, and the detail that kind carries.
    PyMatchReason(MatchReason) as "MatchReason" eq;
    |m| {
        /// `exact`, `same_after_normalising`, `token_overlap`, `similar`, `sounds_like`,
        /// `prefix` or `identifier`.
        kind = match m {
            MatchReason::Exact => "exact",
            MatchReason::SameAfterNormalising => "same_after_normalising",
            MatchReason::TokenOverlap { .. } => "token_overlap",
            MatchReason::Similar { .. } => "similar",
            MatchReason::SoundsLike { .. } => "sounds_like",
            MatchReason::Prefix { .. } => "prefix",
            MatchReason::Identifier { .. } => "identifier",
        },
        /// For `token_overlap`: the shared normalised words, in query order.
        shared = match m {
            MatchReason::TokenOverlap { shared } => Some(shared),
            _ => None,
        },
        /// For `similar`: the Jaro-Winkler similarity of the two words in thousandths.
        jaro_winkler = match m {
            MatchReason::Similar { jaro_winkler } => Some(jaro_winkler),
            _ => None,
        },
        /// For `sounds_like`: the shared Soundex code, e.g. `S530`.
        key = match m {
            MatchReason::SoundsLike { key } => Some(key),
            _ => None,
        },
        /// For `prefix`: the shorter word (or initial).
        token = match m {
            MatchReason::Prefix { token } => Some(token),
            _ => None,
        },
        /// For `identifier`: the identifier both carry, normalised.
        value = match m {
            MatchReason::Identifier { value } => Some(value),
            _ => None,
        },
    }
    methods {
        fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
            let detail = match slf.get().0 {
                MatchReason::Exact | MatchReason::SameAfterNormalising => None,
                MatchReason::TokenOverlap { .. } => Some("shared"),
                MatchReason::Similar { .. } => Some("jaro_winkler"),
                MatchReason::SoundsLike { .. } => Some("key"),
                MatchReason::Prefix { .. } => Some("token"),
                MatchReason::Identifier { .. } => Some("value"),
            };
            match detail {
                None => repr(slf.as_any(), &["kind"]),
                Some(field) => repr(slf.as_any(), &["kind", field]),
            }
        }
    }
}

py_record! {
    /// A scored match between a query and a candidate name: `score` (0–1000), the `reasons`
    /// and a plain English `explanation` naming both names.
    PyNameMatch(NameMatch) as "NameMatch" eq;
    repr(score, explanation);
    |n| {
        /// Match score, 0–1000.
        score,
        /// Why they matched.
        reasons,
        /// One plain English sentence naming both names.
        explanation,
    }
}

/// NARA Soundex code of a word, e.g. `soundex("Robert") == "R163"`.
#[pyfunction]
pub(crate) fn soundex(word: &str) -> String {
    lexcase::conflicts::soundex(word)
}

/// Scores `candidate` against `query` as conflict searches do (case, accents, punctuation,
/// titles and company suffixes set aside; spelling variants, sound-alikes and initials
/// matched); `None` below the match threshold or when either name normalises to nothing.
#[pyfunction]
pub(crate) fn score_names(query: &str, candidate: &str) -> Option<PyNameMatch> {
    lexcase::conflicts::score_names(query, candidate).map(PyNameMatch)
}

py_record! {
    /// A decision about a conflict hit: `disposition` (`cleared`, `waived` or `declined`), the
    /// `note` giving why, who decided and when.
    PyDecision(Decision) as "Decision" eq;
    repr(disposition, note, by);
    |d| {
        /// `cleared`, `waived` or `declined`.
        disposition,
        /// Why (a consent reference, the reason it is not the same person…).
        note,
        /// Who decided.
        by,
        /// When (UTC).
        at,
    }
}

py_record! {
    /// One conflict hit: a contact whose name or identifier matched a searched one, the matter
    /// it is a party to (`None` for a contact on no matter) with its number, status and the
    /// contact's role there, the affiliation it was found `via`, and the decision about it. A hit
    /// on a matter the viewer may not see is `withheld`: it says only that a conflict exists.
    PyConflictHit(ConflictHit) as "ConflictHit" eq;
    repr(name, score, matter_number, role, withheld);
    |c| {
        /// The searched name (or identifier) that matched.
        query,
        /// The contact found.
        contact,
        /// The contact's name as on file.
        name,
        /// Match score, 0–1000.
        score,
        /// Why it matched, in plain words.
        explanation,
        /// The reasons, for programs.
        reasons,
        /// The matter the contact is a party to (`None` for a contact on no matter, or withheld).
        matter,
        /// That matter's number.
        matter_number,
        /// That matter's status (`pending`, `open`, `closed`, `archived`).
        matter_status,
        /// The contact's role on that matter (`client`, `opposing_party`, …).
        role,
        /// How the contact relates to the name found, when found through an affiliation (e.g.
        /// "Dana Scully works for Globex Corporation").
        via,
        /// Whether the details were withheld (the viewer may not see the matter).
        withheld,
        /// What was decided about it, if anything.
        decision,
    }
}

py_record! {
    /// A matter's conflict check: the names and identifiers searched, the hits best first with a
    /// decision per hit, who ran it last and when. `status` is `clear` (no hits), `hits` (some
    /// undecided), `declined` (a hit led to declining) or `resolved` (every hit cleared or
    /// waived).
    PyConflictCheck(ConflictCheck) as "ConflictCheck" eq;
    repr(matter, status, unresolved, version);
    |c| {
        /// The matter checked.
        matter,
        /// The names searched.
        names,
        /// The identifiers searched (company numbers, tax ids).
        identifiers,
        /// The hits, best first; `ConflictService.decide` takes an index into this list.
        hits,
        /// Who ran it last.
        run_by,
        /// When (UTC).
        run_at,
        /// Version for optimistic concurrency.
        version,
        /// `clear`, `hits`, `declined` or `resolved`.
        status = c.status(),
        /// How many hits have no decision.
        unresolved = c.unresolved(),
    }
}
