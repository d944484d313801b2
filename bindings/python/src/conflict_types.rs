//! `MatchReason`, `NameMatch`, `Decision`, `ConflictHit` and `ConflictCheck`, and the
//! name-matching module functions `soundex` and `score_names`.
//!
//! A match reason is shown flat: `kind` (`exact`, `same_after_normalising`, `token_overlap`,
//! `similar`, `sounds_like`, `prefix` or `identifier`) and the one of `shared`,
//! `jaro_winkler`, `key`, `token` and `value` that kind carries; the others are `None`.

use chrono::{DateTime, Utc};
use lexcase::conflicts::{MatchReason, NameMatch};
use lexcase::matters::{ConflictCheck, ConflictHit, Decision};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::repr;

/// Why two names (or identifiers) were matched: `kind`, and the detail that kind carries.
#[pyclass(frozen, eq, module = "lexcase", name = "MatchReason")]
#[derive(Clone, PartialEq)]
pub struct PyMatchReason(pub MatchReason);

#[pymethods]
impl PyMatchReason {
    /// `exact`, `same_after_normalising`, `token_overlap`, `similar`, `sounds_like`,
    /// `prefix` or `identifier`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.0 {
            MatchReason::Exact => "exact",
            MatchReason::SameAfterNormalising => "same_after_normalising",
            MatchReason::TokenOverlap { .. } => "token_overlap",
            MatchReason::Similar { .. } => "similar",
            MatchReason::SoundsLike { .. } => "sounds_like",
            MatchReason::Prefix { .. } => "prefix",
            MatchReason::Identifier { .. } => "identifier",
        }
    }

    /// For `token_overlap`: the shared normalised words, in query order.
    #[getter]
    fn shared(&self) -> Option<Vec<String>> {
        match &self.0 {
            MatchReason::TokenOverlap { shared } => Some(shared.clone()),
            _ => None,
        }
    }

    /// For `similar`: the Jaro-Winkler similarity of the two words in thousandths.
    #[getter]
    fn jaro_winkler(&self) -> Option<u16> {
        match self.0 {
            MatchReason::Similar { jaro_winkler } => Some(jaro_winkler),
            _ => None,
        }
    }

    /// For `sounds_like`: the shared Soundex code, e.g. `S530`.
    #[getter]
    fn key(&self) -> Option<&str> {
        match &self.0 {
            MatchReason::SoundsLike { key } => Some(key),
            _ => None,
        }
    }

    /// For `prefix`: the shorter word (or initial).
    #[getter]
    fn token(&self) -> Option<&str> {
        match &self.0 {
            MatchReason::Prefix { token } => Some(token),
            _ => None,
        }
    }

    /// For `identifier`: the identifier both carry, normalised.
    #[getter]
    fn value(&self) -> Option<&str> {
        match &self.0 {
            MatchReason::Identifier { value } => Some(value),
            _ => None,
        }
    }

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

fn reasons(reasons: &[MatchReason]) -> Vec<PyMatchReason> {
    reasons.iter().cloned().map(PyMatchReason).collect()
}

/// A scored match between a query and a candidate name: `score` (0–1000), the `reasons`
/// and a plain English `explanation` naming both names.
#[pyclass(frozen, eq, module = "lexcase", name = "NameMatch")]
#[derive(Clone, PartialEq)]
pub struct PyNameMatch(pub NameMatch);

#[pymethods]
impl PyNameMatch {
    /// Match score, 0–1000.
    #[getter]
    fn score(&self) -> u16 {
        self.0.score
    }

    /// Why they matched.
    #[getter]
    fn reasons(&self) -> Vec<PyMatchReason> {
        reasons(&self.0.reasons)
    }

    /// One plain English sentence naming both names.
    #[getter]
    fn explanation(&self) -> &str {
        &self.0.explanation
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["score", "explanation"])
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

/// A decision about a conflict hit: `disposition` (`cleared`, `waived` or `declined`), the
/// `note` giving why, who decided and when.
#[pyclass(frozen, eq, module = "lexcase", name = "Decision")]
#[derive(Clone, PartialEq)]
pub struct PyDecision(pub Decision);

#[pymethods]
impl PyDecision {
    /// `cleared`, `waived` or `declined`.
    #[getter]
    fn disposition(&self) -> &'static str {
        self.0.disposition.as_str()
    }

    /// Why (a consent reference, the reason it is not the same person…).
    #[getter]
    fn note(&self) -> &str {
        &self.0.note
    }

    /// Who decided.
    #[getter]
    fn by(&self) -> Uuid {
        self.0.by.into()
    }

    /// When (UTC).
    #[getter]
    fn at(&self) -> DateTime<Utc> {
        self.0.at
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["disposition", "note", "by"])
    }
}

/// One conflict hit: a contact whose name or identifier matched a searched one, the matter
/// it is a party to (`None` for a contact on no matter) with its number, status and the
/// contact's role there, the affiliation it was found `via`, and the decision about it. A hit
/// on a matter the viewer may not see is `withheld`: it says only that a conflict exists.
#[pyclass(frozen, eq, module = "lexcase", name = "ConflictHit")]
#[derive(Clone, PartialEq)]
pub struct PyConflictHit(pub ConflictHit);

#[pymethods]
impl PyConflictHit {
    /// The searched name (or identifier) that matched.
    #[getter]
    fn query(&self) -> &str {
        &self.0.query
    }

    /// The contact found.
    #[getter]
    fn contact(&self) -> Uuid {
        self.0.contact.into()
    }

    /// The contact's name as on file.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Match score, 0–1000.
    #[getter]
    fn score(&self) -> u16 {
        self.0.score
    }

    /// Why it matched, in plain words.
    #[getter]
    fn explanation(&self) -> &str {
        &self.0.explanation
    }

    /// The reasons, for programs.
    #[getter]
    fn reasons(&self) -> Vec<PyMatchReason> {
        reasons(&self.0.reasons)
    }

    /// The matter the contact is a party to (`None` for a contact on no matter, or withheld).
    #[getter]
    fn matter(&self) -> Option<Uuid> {
        self.0.matter.map(Into::into)
    }

    /// That matter's number.
    #[getter]
    fn matter_number(&self) -> Option<&str> {
        self.0.matter_number.as_deref()
    }

    /// That matter's status (`pending`, `open`, `closed`, `archived`).
    #[getter]
    fn matter_status(&self) -> Option<&str> {
        self.0.matter_status.as_deref()
    }

    /// The contact's role on that matter (`client`, `opposing_party`, …).
    #[getter]
    fn role(&self) -> Option<&str> {
        self.0.role.as_deref()
    }

    /// How the contact relates to the name found, when found through an affiliation (e.g.
    /// "Dana Scully works for Globex Corporation").
    #[getter]
    fn via(&self) -> Option<&str> {
        self.0.via.as_deref()
    }

    /// Whether the details were withheld (the viewer may not see the matter).
    #[getter]
    fn withheld(&self) -> bool {
        self.0.withheld
    }

    /// What was decided about it, if anything.
    #[getter]
    fn decision(&self) -> Option<PyDecision> {
        self.0.decision.clone().map(PyDecision)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["name", "score", "matter_number", "role", "withheld"],
        )
    }
}

/// A matter's conflict check: the names and identifiers searched, the hits best first with a
/// decision per hit, who ran it last and when. `status` is `clear` (no hits), `hits` (some
/// undecided), `declined` (a hit led to declining) or `resolved` (every hit cleared or
/// waived).
#[pyclass(frozen, eq, module = "lexcase", name = "ConflictCheck")]
#[derive(Clone, PartialEq)]
pub struct PyConflictCheck(pub ConflictCheck);

#[pymethods]
impl PyConflictCheck {
    /// The matter checked.
    #[getter]
    fn matter(&self) -> Uuid {
        self.0.matter.into()
    }

    /// The names searched.
    #[getter]
    fn names(&self) -> Vec<String> {
        self.0.names.clone()
    }

    /// The identifiers searched (company numbers, tax ids).
    #[getter]
    fn identifiers(&self) -> Vec<String> {
        self.0.identifiers.clone()
    }

    /// The hits, best first; `ConflictService.decide` takes an index into this list.
    #[getter]
    fn hits(&self) -> Vec<PyConflictHit> {
        self.0.hits.iter().cloned().map(PyConflictHit).collect()
    }

    /// Who ran it last.
    #[getter]
    fn run_by(&self) -> Uuid {
        self.0.run_by.into()
    }

    /// When (UTC).
    #[getter]
    fn run_at(&self) -> DateTime<Utc> {
        self.0.run_at
    }

    /// Version for optimistic concurrency.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    /// `clear`, `hits`, `declined` or `resolved`.
    #[getter]
    fn status(&self) -> &'static str {
        self.0.status()
    }

    /// How many hits have no decision.
    #[getter]
    fn unresolved(&self) -> usize {
        self.0.unresolved()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["matter", "status", "unresolved", "version"])
    }
}
