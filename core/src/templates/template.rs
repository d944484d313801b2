//! A firm template: its id and version, what it is for, and its parts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::validate;

/// The largest part accepted (256 KiB of source).
pub const MAX_PART: usize = 256 * 1024;

/// What a template produces, which decides the sections of the merge model it may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TemplateKind {
    /// An invoice or credit note: the matter, the client, the bill and its payments.
    Invoice,
    /// A client's statement of account: the client, the statement, the matter if given.
    Statement,
    /// The client-care (engagement) letter of a matter.
    ClientCareLetter,
    /// A report of a matter's key dates, deadlines and tasks.
    MatterReport,
    /// Any other letter on a matter (a bill may be named when one is given).
    Letter,
    /// An email on a matter: a subject and a text (and optionally HTML) body.
    Email,
}

crate::names::stable_names!(TemplateKind, "kind", "template kind", {
    Invoice = "invoice",
    Statement = "statement",
    ClientCareLetter = "client_care_letter",
    MatterReport = "matter_report",
    Letter = "letter",
    Email = "email",
});

impl TemplateKind {
    /// The document category a rendering of this kind is filed under (a workflow checklist
    /// item asking for `client_care_letter` is ticked by filing one).
    pub fn category(self) -> &'static str {
        match self {
            Self::Invoice => "bill",
            Self::Statement => "statement",
            Self::ClientCareLetter => "client_care_letter",
            Self::MatterReport => "report",
            Self::Letter => "letter",
            Self::Email => "correspondence",
        }
    }

    /// The words a document of this kind is named with, e.g. "Client care letter".
    pub fn title(self) -> &'static str {
        match self {
            Self::Invoice => "Invoice",
            Self::Statement => "Statement of account",
            Self::ClientCareLetter => "Client care letter",
            Self::MatterReport => "Matter report",
            Self::Letter => "Letter",
            Self::Email => "Email",
        }
    }
}

/// One part of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum TemplatePart {
    /// An email's subject line (minijinja, one line, not escaped).
    Subject,
    /// Plain text (minijinja, not escaped).
    Text,
    /// HTML (minijinja, every printed value HTML-escaped).
    Html,
    /// A Typst document typeset to PDF; the merge model is the global `data`.
    Typst,
}

crate::names::stable_names!(TemplatePart, "part", "template part", {
    Subject = "subject",
    Text = "text",
    Html = "html",
    Typst = "typst",
});

/// What a template is installed with: TOML or JSON data, or built by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewTemplate {
    /// Stable id, e.g. `invoice` (lower-case letters, digits, `-` and `_`; at most 64).
    pub id: String,
    /// Version, raised with every change (a new version must be above the current one).
    pub version: u32,
    /// What it produces.
    pub kind: TemplateKind,
    /// Its name for people, e.g. "Invoice (firm style)".
    pub name: String,
    /// An email's subject line.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub subject: Option<String>,
    /// Plain-text body.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub text: Option<String>,
    /// HTML body.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub html: Option<String>,
    /// Typst body (PDF).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub typst: Option<String>,
}

impl NewTemplate {
    /// Reads a template from TOML (the fields of [`NewTemplate`]; parts as multi-line
    /// strings).
    pub fn from_toml(source: &str) -> Result<Self> {
        validate::import_size("template", source, validate::MAX_DEFINITION_BYTES)?;
        toml::from_str(source).map_err(|e| {
            LexcaseError::validation("template", format!("not a template: {}", e.message()))
        })
    }
}

/// A template as the firm has it: installed, or built in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DocumentTemplate {
    /// Stable id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// What it produces.
    pub kind: TemplateKind,
    /// Its name for people.
    pub name: String,
    /// An email's subject line.
    pub subject: Option<String>,
    /// Plain-text body.
    pub text: Option<String>,
    /// HTML body.
    pub html: Option<String>,
    /// Typst body (PDF).
    pub typst: Option<String>,
    /// Whether it ships with lexcase (rather than installed by the firm).
    pub builtin: bool,
    /// Whether the firm retired it: it renders no new documents.
    pub retired: bool,
    /// Who installed (or retired) it.
    pub installed_by: Option<UserId>,
    /// When.
    pub installed_at: Option<DateTime<Utc>>,
}

fn check_id(id: &str) -> Result<String> {
    let id = id.trim();
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(LexcaseError::validation(
            "id",
            "use 1 to 64 lower-case letters, digits, - and _",
        ))
    }
}

fn check_part(part: TemplatePart, source: Option<String>) -> Result<Option<String>> {
    let Some(source) = source else {
        return Ok(None);
    };
    if source.trim().is_empty() {
        return Ok(None);
    }
    if source.len() > MAX_PART {
        return Err(LexcaseError::validation(
            part.as_str(),
            "larger than 256 KiB",
        ));
    }
    if source
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(LexcaseError::validation(
            part.as_str(),
            "contains control characters",
        ));
    }
    if part == TemplatePart::Subject && source.contains(['\n', '\r']) {
        return Err(LexcaseError::validation("subject", "must be one line"));
    }
    Ok(Some(source))
}

impl DocumentTemplate {
    /// Checks what a template is installed with (not its parts' syntax or fields: the engine
    /// does that): the id, a version from 1, a name, parts within bounds, and the parts its
    /// kind needs — an email needs a subject and a text body, anything else a text, HTML or
    /// Typst body.
    pub fn create(
        new: NewTemplate,
        by: Option<UserId>,
        now: Option<DateTime<Utc>>,
    ) -> Result<Self> {
        if new.version == 0 {
            return Err(LexcaseError::validation("version", "must be 1 or more"));
        }
        // The whole definition, however it arrived (TOML, JSON, a Python dict), is bounded
        // like every other definition a firm installs.
        let size: usize = [&new.subject, &new.text, &new.html, &new.typst]
            .into_iter()
            .flatten()
            .map(|p| p.len())
            .sum::<usize>()
            + new.id.len()
            + new.name.len();
        if size > validate::MAX_DEFINITION_BYTES {
            return Err(LexcaseError::validation(
                "template",
                format!("longer than {} bytes", validate::MAX_DEFINITION_BYTES),
            ));
        }
        let template = Self {
            id: check_id(&new.id)?,
            version: new.version,
            kind: new.kind,
            name: validate::required_line("name", &new.name)?,
            subject: check_part(TemplatePart::Subject, new.subject)?,
            text: check_part(TemplatePart::Text, new.text)?,
            html: check_part(TemplatePart::Html, new.html)?,
            typst: check_part(TemplatePart::Typst, new.typst)?,
            builtin: false,
            retired: false,
            installed_by: by,
            installed_at: now,
        };
        match template.kind {
            TemplateKind::Email if template.subject.is_none() || template.text.is_none() => {
                return Err(LexcaseError::validation(
                    "text",
                    "an email template needs a subject and a text body",
                ));
            }
            _ if template.text.is_none() && template.html.is_none() && template.typst.is_none() => {
                return Err(LexcaseError::validation(
                    "text",
                    "a template needs a text, HTML or Typst body",
                ));
            }
            _ => {}
        }
        Ok(template)
    }

    /// The source of `part`, if the template has it.
    pub fn part(&self, part: TemplatePart) -> Option<&str> {
        match part {
            TemplatePart::Subject => self.subject.as_deref(),
            TemplatePart::Text => self.text.as_deref(),
            TemplatePart::Html => self.html.as_deref(),
            TemplatePart::Typst => self.typst.as_deref(),
        }
    }

    /// The parts the template has, in [`TemplatePart`] order.
    pub fn parts(&self) -> Vec<TemplatePart> {
        TemplatePart::ALL
            .into_iter()
            .filter(|p| self.part(*p).is_some())
            .collect()
    }

    /// The source of `part`, or a template error saying the template has none.
    pub fn require(&self, part: TemplatePart) -> Result<&str> {
        self.part(part).ok_or_else(|| {
            LexcaseError::template(&self.id, part.as_str(), "the template has no such part")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(kind: TemplateKind) -> NewTemplate {
        NewTemplate {
            id: "x".into(),
            version: 1,
            kind,
            name: "X".into(),
            subject: None,
            text: Some("Hello".into()),
            html: None,
            typst: None,
        }
    }

    #[test]
    fn definitions_are_bounded_before_parsing() {
        let huge = format!(
            "id = \"x\"\n#{}",
            " ".repeat(crate::validate::MAX_DEFINITION_BYTES)
        );
        let err = NewTemplate::from_toml(&huge).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        assert!(err.to_string().contains("template"), "{err}");
        let part = "x".repeat(MAX_PART);
        let whole = NewTemplate {
            subject: Some("s".into()),
            text: Some(part.clone()),
            html: Some(part.clone()),
            typst: Some(part),
            ..new(TemplateKind::Letter)
        };
        assert!(DocumentTemplate::create(whole.clone(), None, None).is_ok());
        let over = NewTemplate {
            name: "X".repeat(MAX_PART),
            ..whole
        };
        let err = DocumentTemplate::create(over, None, None).unwrap_err();
        assert!(err.to_string().contains("template"), "{err}");
    }

    #[test]
    fn ids_versions_and_parts_are_checked() {
        assert!(DocumentTemplate::create(new(TemplateKind::Letter), None, None).is_ok());
        let bad_id = NewTemplate {
            id: "Bad Id".into(),
            ..new(TemplateKind::Letter)
        };
        assert!(DocumentTemplate::create(bad_id, None, None).is_err());
        let zero = NewTemplate {
            version: 0,
            ..new(TemplateKind::Letter)
        };
        assert!(DocumentTemplate::create(zero, None, None).is_err());
        let err = DocumentTemplate::create(new(TemplateKind::Email), None, None).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Validation);
        let two_lines = NewTemplate {
            subject: Some("a\nb".into()),
            ..new(TemplateKind::Email)
        };
        assert!(DocumentTemplate::create(two_lines, None, None).is_err());
    }

    #[test]
    fn reads_toml() {
        let t = NewTemplate::from_toml(
            "id = \"note\"\nversion = 2\nkind = \"letter\"\nname = \"Note\"\ntext = \"\"\"\nDear {{ client.name }}\n\"\"\"\n",
        )
        .unwrap();
        assert_eq!(t.version, 2);
        assert_eq!(t.kind, TemplateKind::Letter);
        assert!(NewTemplate::from_toml("id = 1").is_err());
    }
}
