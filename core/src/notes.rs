//! Notes on matters and contacts. Editing keeps every prior version.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, NoteId, UserId};
use crate::validate;

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum NoteSubject {
    /// A matter (case note, attendance note); the note follows the matter's visibility.
    Matter(
        /// The matter's id.
        #[cfg_attr(feature = "uniffi", uniffi(name = "id"))]
        MatterId,
    ),
    /// A contact; the note is visible to the whole firm.
    Contact(
        /// The contact's id.
        #[cfg_attr(feature = "uniffi", uniffi(name = "id"))]
        ContactId,
    ),
}

impl NoteSubject {
    /// The matter, for a matter note.
    pub fn matter(&self) -> Option<MatterId> {
        match self {
            NoteSubject::Matter(m) => Some(*m),
            NoteSubject::Contact(_) => None,
        }
    }
}

/// A prior version of a note's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NoteRevision {
    /// The text as it was.
    pub body: String,
    /// Who wrote that version.
    pub by: UserId,
    /// When.
    pub at: DateTime<Utc>,
}

/// A note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Note {
    /// Identifier.
    pub id: NoteId,
    /// What it is about.
    pub subject: NoteSubject,
    /// The current text.
    pub body: String,
    /// Who wrote the current text.
    pub author: UserId,
    /// When the current text was written.
    pub written_at: DateTime<Utc>,
    /// Earlier versions, oldest first.
    pub revisions: Vec<NoteRevision>,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

fn body(text: &str) -> Result<String> {
    let text = validate::text("body", text)?;
    if text.is_empty() {
        return Err(LexcaseError::validation("body", "must not be empty"));
    }
    Ok(text)
}

impl Note {
    /// A new note at version 1.
    pub fn create(
        subject: NoteSubject,
        text: &str,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        Ok(Self {
            id: NoteId::new(),
            subject,
            body: body(text)?,
            author: by,
            written_at: now,
            revisions: Vec::new(),
            version: 1,
        })
    }

    /// Replaces the text, keeping the previous one as a revision.
    pub fn edit(&mut self, text: &str, by: UserId, now: DateTime<Utc>) -> Result<()> {
        let text = body(text)?;
        if text == self.body {
            return Err(LexcaseError::validation("body", "unchanged"));
        }
        self.revisions.push(NoteRevision {
            body: std::mem::replace(&mut self.body, text),
            by: self.author,
            at: self.written_at,
        });
        self.author = by;
        self.written_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_every_prior_version() {
        let (a, b) = (UserId::new(), UserId::new());
        let mut n = Note::create(
            NoteSubject::Matter(MatterId::new()),
            "Called the client",
            a,
            Utc::now(),
        )
        .unwrap();
        n.edit("Called the client about the survey", b, Utc::now())
            .unwrap();
        n.edit(
            "Called the client about the survey and the lease",
            a,
            Utc::now(),
        )
        .unwrap();
        assert_eq!(n.revisions.len(), 2);
        assert_eq!(n.revisions[0].body, "Called the client");
        assert_eq!(n.revisions[1].by, b);
        assert!(
            n.edit(
                "Called the client about the survey and the lease",
                a,
                Utc::now()
            )
            .is_err()
        );
        assert!(n.edit("  ", a, Utc::now()).is_err());
        assert!(Note::create(NoteSubject::Contact(ContactId::new()), "", a, Utc::now()).is_err());
    }
}
