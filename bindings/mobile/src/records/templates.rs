//! Documents and email from firm templates: the templates, the letterhead, render requests and
//! their results, outgoing email and what was sent.

use std::time::SystemTime;

use lexcase::communications::{
    ComposedAttachment as CoreComposedAttachment, ComposedEmail as CoreComposedEmail,
    Mailbox as CoreMailbox, OutboundAttachment as CoreOutboundAttachment,
    OutboundEmail as CoreOutboundEmail, Recipient as CoreRecipient,
};
use lexcase::service::{
    FileAs as CoreFileAs, RenderRequest as CoreRenderRequest, RenderSubject as CoreRenderSubject,
    SentEmail as CoreSentEmail,
};
use lexcase::templates::{
    DocumentTemplate as CoreDocumentTemplate, Letterhead as CoreLetterhead, Locale as CoreLocale,
    NewTemplate as CoreNewTemplate, OutputFormat as CoreOutputFormat,
    RenderedDocument as CoreRenderedDocument, TemplateKind as CoreTemplateKind,
    TemplatePart as CoreTemplatePart,
};
use uuid::Uuid;

use super::{Communication, Document, currency};
use crate::convert::{instant, mirror_enum};
use crate::error::LexcaseError;

mirror_enum! {
    /// What a template produces, which decides the merge fields it may name.
    TemplateKind = CoreTemplateKind {
        /// An invoice or credit note.
        Invoice,
        /// A client's statement of account.
        Statement,
        /// The client-care (engagement) letter of a matter.
        ClientCareLetter,
        /// A report of a matter's key dates, deadlines and tasks.
        MatterReport,
        /// Any other letter on a matter.
        Letter,
        /// An email: a subject and a text (and optionally HTML) body.
        Email,
    }
}

mirror_enum! {
    /// One part of a template.
    TemplatePart = CoreTemplatePart {
        /// An email's subject line.
        Subject,
        /// Plain text.
        Text,
        /// HTML (every printed value escaped).
        Html,
        /// Typst, typeset to PDF.
        Typst,
    }
}

mirror_enum! {
    /// A rendered document's format.
    OutputFormat = CoreOutputFormat {
        /// Plain text (UTF-8).
        Text,
        /// HTML (UTF-8).
        Html,
        /// PDF/A-2b.
        Pdf,
    }
}

mirror_enum! {
    /// The conventions documents print money and dates in.
    Locale = CoreLocale {
        /// England & Wales: day-month-year, "£1,360.00".
        EnGb,
        /// United States: month-day-year, "$1,360.00".
        EnUs,
    }
}

/// A template to install (a new id, or a higher version of an installed or built-in one).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewTemplate {
    /// Stable id (lower-case letters, digits, `-` and `_`).
    pub id: String,
    /// Version, above the current one.
    pub version: u32,
    /// What it produces.
    pub kind: TemplateKind,
    /// Its name for people.
    pub name: String,
    /// An email's subject line.
    #[uniffi(default)]
    pub subject: Option<String>,
    /// Plain-text body.
    #[uniffi(default)]
    pub text: Option<String>,
    /// HTML body.
    #[uniffi(default)]
    pub html: Option<String>,
    /// Typst body (PDF).
    #[uniffi(default)]
    pub typst: Option<String>,
}

impl From<NewTemplate> for CoreNewTemplate {
    fn from(t: NewTemplate) -> Self {
        Self {
            id: t.id,
            version: t.version,
            kind: t.kind.into(),
            name: t.name,
            subject: t.subject,
            text: t.text,
            html: t.html,
            typst: t.typst,
        }
    }
}

/// A template as the firm has it: installed, or built in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    /// Typst body.
    pub typst: Option<String>,
    /// Whether it ships with lexcase.
    pub builtin: bool,
    /// Whether the firm retired it.
    pub retired: bool,
    /// Who installed (or retired) it.
    pub installed_by: Option<Uuid>,
    /// When.
    pub installed_at: Option<SystemTime>,
}

impl From<CoreDocumentTemplate> for DocumentTemplate {
    fn from(t: CoreDocumentTemplate) -> Self {
        Self {
            id: t.id,
            version: t.version,
            kind: t.kind.into(),
            name: t.name,
            subject: t.subject,
            text: t.text,
            html: t.html,
            typst: t.typst,
            builtin: t.builtin,
            retired: t.retired,
            installed_by: t.installed_by.map(Into::into),
            installed_at: t.installed_at.map(instant),
        }
    }
}

/// What documents print about the firm, the locale they print in, and the domain of sent
/// email's Message-IDs. Change it with `copy(...)` and save it with its `version`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Letterhead {
    /// Postal address, one line each.
    pub address: Vec<String>,
    /// General email address.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// VAT registration number.
    pub vat_number: Option<String>,
    /// The regulatory line.
    pub regulation: Option<String>,
    /// How to pay, one line each.
    pub payment_details: Vec<String>,
    /// The locale (null: from the firm's zone and currency).
    pub locale: Option<Locale>,
    /// The domain Message-IDs are made in (null: the sender's).
    pub mail_domain: Option<String>,
    /// Optimistic-concurrency version (0 before first saved).
    pub version: u64,
}

impl From<CoreLetterhead> for Letterhead {
    fn from(l: CoreLetterhead) -> Self {
        Self {
            address: l.address,
            email: l.email,
            phone: l.phone,
            website: l.website,
            vat_number: l.vat_number,
            regulation: l.regulation,
            payment_details: l.payment_details,
            locale: l.locale.map(Into::into),
            mail_domain: l.mail_domain,
            version: l.version,
        }
    }
}

impl From<Letterhead> for CoreLetterhead {
    fn from(l: Letterhead) -> Self {
        Self {
            address: l.address,
            email: l.email,
            phone: l.phone,
            website: l.website,
            vat_number: l.vat_number,
            regulation: l.regulation,
            payment_details: l.payment_details,
            locale: l.locale.map(Into::into),
            mail_domain: l.mail_domain,
            version: l.version,
        }
    }
}

/// What a document is rendered about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum RenderSubject {
    /// A matter (client-care letters, reports, letters).
    Matter {
        /// The matter.
        matter: Uuid,
    },
    /// A bill (invoices).
    Bill {
        /// The bill.
        bill: Uuid,
    },
    /// A client's statement of account in one currency, filed to `matter` when given.
    Statement {
        /// The client.
        client: Uuid,
        /// ISO 4217 code.
        currency: String,
        /// The matter it is about (and filed to).
        matter: Option<Uuid>,
    },
}

impl TryFrom<RenderSubject> for CoreRenderSubject {
    type Error = LexcaseError;
    fn try_from(s: RenderSubject) -> Result<Self, LexcaseError> {
        Ok(match s {
            RenderSubject::Matter { matter } => Self::Matter(matter.into()),
            RenderSubject::Bill { bill } => Self::Bill(bill.into()),
            RenderSubject::Statement {
                client,
                currency: code,
                matter,
            } => Self::Statement {
                client: client.into(),
                currency: currency(&code)?,
                matter: matter.map(Into::into),
            },
        })
    }
}

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
    pub new_version_of: Option<Uuid>,
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
                    (Some(id), Some(v)) => Some((id.into(), v)),
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
            format: r.format.into(),
            subject: r.subject.try_into()?,
            file,
        })
    }
}

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RenderedDocument {
    /// The bytes: UTF-8 text or HTML, or a PDF.
    pub bytes: Vec<u8>,
    /// The format.
    pub format: OutputFormat,
    /// A file name, e.g. `Invoice INV000001.pdf`.
    pub file_name: String,
    /// The template it was rendered from.
    pub template: String,
    /// That template's version.
    pub template_version: u32,
    /// SHA-256 of the bytes (hex).
    pub hash: String,
    /// The matter document it was filed as.
    pub document: Option<Document>,
    /// Whether these are an issued bill's kept bytes (a byte-identical reprint).
    pub reprint: bool,
}

impl From<CoreRenderedDocument> for RenderedDocument {
    fn from(r: CoreRenderedDocument) -> Self {
        Self {
            bytes: r.bytes,
            format: r.format.into(),
            file_name: r.file_name,
            template: r.template,
            template_version: r.template_version,
            hash: r.hash.as_str().to_owned(),
            document: r.document,
            reprint: r.reprint,
        }
    }
}

/// Who an email goes to.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Recipient {
    /// A party to the matter, at their first email address.
    Party {
        /// The party.
        party: Uuid,
    },
    /// A contact, at their first email address.
    Contact {
        /// The contact.
        contact: Uuid,
    },
    /// Any address.
    Address {
        /// Display name (may be empty).
        name: String,
        /// The address.
        email: String,
    },
}

impl From<Recipient> for CoreRecipient {
    fn from(r: Recipient) -> Self {
        match r {
            Recipient::Party { party } => Self::Party(party.into()),
            Recipient::Contact { contact } => Self::Contact(contact.into()),
            Recipient::Address { name, email } => Self::Address { name, email },
        }
    }
}

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum OutboundAttachment {
    /// A document of the matter (the latest version with a null `version`).
    Document {
        /// The document.
        document: Uuid,
        /// The version number.
        version: Option<u32>,
    },
    /// A document rendered now from a template and filed to the matter with the send (an
    /// issued bill's kept rendering is attached as kept).
    Rendered {
        /// The template id.
        template: String,
        /// The format.
        format: OutputFormat,
        /// The bill it renders, if any.
        bill: Option<Uuid>,
    },
}

impl From<OutboundAttachment> for CoreOutboundAttachment {
    fn from(a: OutboundAttachment) -> Self {
        match a {
            OutboundAttachment::Document { document, version } => Self::Document {
                document: document.into(),
                version,
            },
            OutboundAttachment::Rendered {
                template,
                format,
                bill,
            } => Self::Rendered {
                template,
                format: format.into(),
                bill: bill.map(Into::into),
            },
        }
    }
}

/// An email to send from a matter: a subject and body as given, or from an email template.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OutboundEmail {
    /// The matter it is sent from (and filed to).
    pub matter: Uuid,
    /// Addressees.
    pub to: Vec<Recipient>,
    /// Copied.
    #[uniffi(default)]
    pub cc: Vec<Recipient>,
    /// Blind-copied.
    #[uniffi(default)]
    pub bcc: Vec<Recipient>,
    /// An email template for the subject and body.
    #[uniffi(default)]
    pub template: Option<String>,
    /// The subject, when no template gives it.
    #[uniffi(default)]
    pub subject: Option<String>,
    /// The plain-text body, when no template gives it.
    #[uniffi(default)]
    pub body: Option<String>,
    /// A bill the template may name.
    #[uniffi(default)]
    pub bill: Option<Uuid>,
    /// Files to attach.
    #[uniffi(default)]
    pub attachments: Vec<OutboundAttachment>,
    /// A communication of the matter this answers.
    #[uniffi(default)]
    pub in_reply_to: Option<Uuid>,
}

impl From<OutboundEmail> for CoreOutboundEmail {
    fn from(e: OutboundEmail) -> Self {
        let all = |v: Vec<Recipient>| v.into_iter().map(Into::into).collect();
        Self {
            matter: e.matter.into(),
            to: all(e.to),
            cc: all(e.cc),
            bcc: all(e.bcc),
            template: e.template,
            subject: e.subject,
            body: e.body,
            bill: e.bill.map(Into::into),
            attachments: e.attachments.into_iter().map(Into::into).collect(),
            in_reply_to: e.in_reply_to.map(Into::into),
        }
    }
}

/// A named address of a message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Mailbox {
    /// Display name (may be empty).
    pub name: String,
    /// The address.
    pub email: String,
    /// The contact it belongs to, if known.
    pub contact: Option<Uuid>,
}

impl From<CoreMailbox> for Mailbox {
    fn from(m: CoreMailbox) -> Self {
        Self {
            name: m.name,
            email: m.email,
            contact: m.contact.map(Into::into),
        }
    }
}

/// A file of a composed message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComposedAttachment {
    /// File name.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// The contents.
    pub bytes: Vec<u8>,
    /// The matter document it is.
    pub document: Option<Uuid>,
}

impl From<CoreComposedAttachment> for ComposedAttachment {
    fn from(a: CoreComposedAttachment) -> Self {
        Self {
            file_name: a.file_name,
            media_type: a.media_type,
            bytes: a.bytes,
            document: a.document.map(Into::into),
        }
    }
}

/// An outgoing message: its parts, and the RFC 5322 bytes handed to the transport.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComposedEmail {
    /// The Message-ID, without angle brackets.
    pub message_id: String,
    /// The sender (the acting user).
    pub from: Mailbox,
    /// Addressees.
    pub to: Vec<Mailbox>,
    /// Copied.
    pub cc: Vec<Mailbox>,
    /// Blind-copied.
    pub bcc: Vec<Mailbox>,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body.
    pub html: Option<String>,
    /// Attachments.
    pub attachments: Vec<ComposedAttachment>,
    /// The Message-ID it replies to.
    pub in_reply_to: Option<String>,
    /// The thread it continues.
    pub references: Vec<String>,
    /// When it is dated.
    pub date: SystemTime,
    /// The RFC 5322 message, exactly as handed to the transport.
    pub raw: Vec<u8>,
}

impl From<CoreComposedEmail> for ComposedEmail {
    fn from(m: CoreComposedEmail) -> Self {
        let all = |v: Vec<CoreMailbox>| v.into_iter().map(Into::into).collect();
        Self {
            message_id: m.message_id,
            from: m.from.into(),
            to: all(m.to),
            cc: all(m.cc),
            bcc: all(m.bcc),
            subject: m.subject,
            text: m.text,
            html: m.html,
            attachments: m.attachments.into_iter().map(Into::into).collect(),
            in_reply_to: m.in_reply_to,
            references: m.references,
            date: instant(m.date),
            raw: m.raw,
        }
    }
}

/// An email sent from a matter and recorded on it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SentEmail {
    /// The outgoing communication (filed as `SENT`; `raw` is the hash of the bytes sent).
    pub communication: Communication,
    /// The message as sent.
    pub message: ComposedEmail,
    /// Documents rendered for it and filed to the matter.
    pub documents: Vec<Document>,
}

impl From<CoreSentEmail> for SentEmail {
    fn from(s: CoreSentEmail) -> Self {
        Self {
            communication: s.communication,
            message: s.message.into(),
            documents: s.documents,
        }
    }
}
