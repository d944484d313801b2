//! The formats a document is rendered to.

use serde::{Deserialize, Serialize};

use super::TemplatePart;

/// A rendered document's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum OutputFormat {
    /// Plain text (UTF-8), from the `text` part.
    Text,
    /// HTML (UTF-8), from the `html` part.
    Html,
    /// PDF/A-2b, typeset from the `typst` part.
    Pdf,
}

crate::names::stable_names!(OutputFormat, "format", "output format", {
    Text = "text",
    Html = "html",
    Pdf = "pdf",
});

impl OutputFormat {
    /// The template part this format is rendered from.
    pub fn part(self) -> TemplatePart {
        match self {
            Self::Text => TemplatePart::Text,
            Self::Html => TemplatePart::Html,
            Self::Pdf => TemplatePart::Typst,
        }
    }

    /// The media type of a rendering.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Text => "text/plain",
            Self::Html => "text/html",
            Self::Pdf => "application/pdf",
        }
    }

    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }
}
