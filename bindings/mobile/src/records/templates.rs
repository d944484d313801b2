//! Documents and email from firm templates: the core's records and enums cross the FFI as they
//! are (`lexcase::templates`, the outbound email of `lexcase::communications`, and
//! `lexcase::service`'s render subject and sent email); this module keeps the render request,
//! whose filing names the document and its expected version apart (the core pairs them).

pub use lexcase::communications::{
    ComposedAttachment, ComposedEmail, Mailbox, OutboundAttachment, OutboundEmail, Recipient,
};
pub use lexcase::service::{RenderSubject, SentEmail};
pub use lexcase::templates::{
    DocumentTemplate, Letterhead, Locale, NewTemplate, OutputFormat, RenderedDocument,
    TemplateKind, TemplatePart,
};

use lexcase::DocumentId;
use lexcase::service::{FileAs as CoreFileAs, RenderRequest as CoreRenderRequest};

use crate::error::LexcaseError;

/// How a rendering is filed to its matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct FileAs {
    /// The document's name (default: the file name).
    #[uniffi(default)]
    pub name: Option<String>,
    /// Its category (default: the template kind's).
    #[uniffi(default)]
    pub category: Option<String>,
    /// File it as a new version of this document …
    #[uniffi(default)]
    pub new_version_of: Option<DocumentId>,
    /// … at this version.
    #[uniffi(default)]
    pub expected_version: Option<u64>,
}

/// A document to render.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RenderRequest {
    /// The template id.
    pub template: String,
    /// The format.
    pub format: OutputFormat,
    /// What it is about.
    pub subject: RenderSubject,
    /// The template version (null: the current one).
    #[uniffi(default)]
    pub version: Option<u32>,
    /// File it to the matter in the same command (null: only return it).
    #[uniffi(default)]
    pub file: Option<FileAs>,
}

impl TryFrom<RenderRequest> for CoreRenderRequest {
    type Error = LexcaseError;
    fn try_from(r: RenderRequest) -> Result<Self, LexcaseError> {
        let file = match r.file {
            None => None,
            Some(f) => Some(CoreFileAs {
                name: f.name,
                category: f.category,
                new_version_of: match (f.new_version_of, f.expected_version) {
                    (Some(id), Some(v)) => Some((id, v)),
                    (None, None) => None,
                    _ => {
                        return Err(lexcase::LexcaseError::validation(
                            "new_version_of",
                            "a new version needs the document and its expected version",
                        )
                        .into());
                    }
                },
            }),
        };
        Ok(Self {
            template: r.template,
            version: r.version,
            format: r.format,
            subject: r.subject,
            file,
        })
    }
}
