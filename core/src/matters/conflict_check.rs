//! The conflict check stored on a matter: the names searched, every hit with why it matched,
//! and what was decided about each hit, by whom and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::conflicts::MatchReason;
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, UserId};
use crate::validate;

/// What was decided about a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum HitDisposition {
    /// Not a conflict (a different person, an unrelated matter); needs the right to search.
    Cleared,
    /// A conflict the affected clients consented to, confirmed in writing; needs
    /// `manage_matter_access`.
    Waived,
    /// A conflict: the firm declines (or withdraws from) the matter; needs
    /// `manage_matter_access`.
    Declined,
}

crate::names::stable_names!(HitDisposition, "disposition", "hit disposition", {
    Cleared = "cleared",
    Waived = "waived",
    Declined = "declined",
});

/// A decision about a hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decision {
    /// What was decided.
    pub disposition: HitDisposition,
    /// Why (a consent reference, the reason it is not the same person…).
    pub note: String,
    /// Who decided.
    pub by: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// One hit: a contact whose name or identifier matched a searched name, and where it stands
/// in the firm's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConflictHit {
    /// The searched name (or identifier) that matched.
    pub query: String,
    /// The contact found.
    pub contact: ContactId,
    /// The contact's name as on file.
    pub name: String,
    /// Match score, 0–1000.
    pub score: u16,
    /// Why it matched, in plain words.
    pub explanation: String,
    /// The reasons, for programs.
    pub reasons: Vec<MatchReason>,
    /// The matter the contact is a party to (`None` for a contact on no matter).
    pub matter: Option<MatterId>,
    /// That matter's number.
    pub matter_number: Option<String>,
    /// That matter's status (`open`, `closed`, …).
    pub matter_status: Option<String>,
    /// The contact's role on that matter (`client`, `opposing_party`, …).
    pub role: Option<String>,
    /// How the contact relates to the name found, when found through an affiliation
    /// (e.g. "works for Acme Ltd").
    pub via: Option<String>,
    /// Whether the details were withheld: the viewer may not see the matter (an ethical
    /// wall); the hit still says that a conflict exists.
    pub withheld: bool,
    /// What was decided about it.
    pub decision: Option<Decision>,
}

impl ConflictHit {
    /// The hit as a viewer who may not see its matter sees it: that a conflict exists, not
    /// where.
    pub fn withheld(mut self) -> Self {
        self.matter = None;
        self.matter_number = None;
        self.matter_status = None;
        self.role = None;
        self.explanation = "a possible conflict exists on a matter you cannot see".into();
        self.withheld = true;
        self
    }

    /// Whether two hits are the same finding (same contact, matter, role and route).
    pub fn same_as(&self, other: &Self) -> bool {
        (self.contact, self.matter, &self.role, &self.via)
            == (other.contact, other.matter, &other.role, &other.via)
    }
}

/// A matter's conflict check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ConflictCheck {
    /// The matter checked.
    pub matter: MatterId,
    /// The names searched.
    pub names: Vec<String>,
    /// The identifiers searched (company numbers, tax ids).
    pub identifiers: Vec<String>,
    /// The hits, best first; decide one by its index in this list.
    pub hits: Vec<ConflictHit>,
    /// Who ran it last.
    pub run_by: UserId,
    /// When.
    pub run_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl ConflictCheck {
    /// `clear` (no hits), `hits` (some undecided), `declined` (a hit led to declining) or
    /// `resolved` (every hit cleared or waived).
    pub fn status(&self) -> &'static str {
        if self.hits.is_empty() {
            "clear"
        } else if self.hits.iter().any(|h| {
            h.decision
                .as_ref()
                .is_some_and(|d| d.disposition == HitDisposition::Declined)
        }) {
            "declined"
        } else if self.hits.iter().any(|h| h.decision.is_none()) {
            "hits"
        } else {
            "resolved"
        }
    }

    /// Hits without a decision.
    pub fn unresolved(&self) -> usize {
        self.hits.iter().filter(|h| h.decision.is_none()).count()
    }

    /// Replaces the hits with a new search's, keeping the decisions already made about the
    /// same hits; returns how many hits are new.
    pub fn replace_hits(&mut self, hits: Vec<ConflictHit>) -> usize {
        let mut new = 0;
        let hits = hits
            .into_iter()
            .map(|mut hit| {
                match self.hits.iter().find(|old| old.same_as(&hit)) {
                    Some(old) => hit.decision = old.decision.clone(),
                    None => new += 1,
                }
                hit
            })
            .collect();
        self.hits = hits;
        new
    }

    /// Records a decision about hit `index`.
    pub fn decide(
        &mut self,
        index: usize,
        disposition: HitDisposition,
        note: &str,
        by: UserId,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let note = validate::required_line("note", note)?;
        let hit = self
            .hits
            .get_mut(index)
            .ok_or_else(|| LexcaseError::not_found("conflict hit"))?;
        hit.decision = Some(Decision {
            disposition,
            note,
            by,
            at,
        });
        Ok(())
    }
}

/// The check's derived figures as the FFI reads them (methods of the record: Kotlin
/// `status()`, `unresolved()`).
#[cfg(feature = "uniffi")]
#[uniffi::export]
impl ConflictCheck {
    /// `clear` (no hits), `hits` (some undecided), `declined` (a hit led to declining) or
    /// `resolved` (every hit cleared or waived).
    #[uniffi::method(name = "status")]
    pub fn status_text(&self) -> String {
        self.status().to_owned()
    }

    /// How many hits have no decision.
    #[uniffi::method(name = "unresolved")]
    pub fn unresolved_count(&self) -> u64 {
        self.unresolved() as u64
    }
}

/// The search key of an organisation identifier (company number, tax id): letters and
/// digits only, upper case, prefixed `id:`.
pub fn identifier_key(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    format!("id:{clean}")
}
