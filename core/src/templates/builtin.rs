//! The built-in templates, compiled into the library: an invoice, a statement of account, a
//! client-care (engagement) letter, a matter report of key dates, deadlines and tasks, and a
//! cover email. A firm overrides one by installing a higher version under the same id.

use super::{DocumentTemplate, TemplateKind};

/// One built-in template's sources.
struct Source {
    id: &'static str,
    kind: TemplateKind,
    name: &'static str,
    subject: Option<&'static str>,
    text: &'static str,
    html: &'static str,
    typst: Option<&'static str>,
}

const SOURCES: [Source; 5] = [
    Source {
        id: "invoice",
        kind: TemplateKind::Invoice,
        name: "Invoice",
        subject: None,
        text: include_str!("builtin/invoice.txt"),
        html: include_str!("builtin/invoice.html"),
        typst: Some(include_str!("builtin/invoice.typ")),
    },
    Source {
        id: "statement",
        kind: TemplateKind::Statement,
        name: "Statement of account",
        subject: None,
        text: include_str!("builtin/statement.txt"),
        html: include_str!("builtin/statement.html"),
        typst: Some(include_str!("builtin/statement.typ")),
    },
    Source {
        id: "client_care_letter",
        kind: TemplateKind::ClientCareLetter,
        name: "Client care letter",
        subject: None,
        text: include_str!("builtin/client_care_letter.txt"),
        html: include_str!("builtin/client_care_letter.html"),
        typst: Some(include_str!("builtin/client_care_letter.typ")),
    },
    Source {
        id: "matter_report",
        kind: TemplateKind::MatterReport,
        name: "Key dates, deadlines and tasks",
        subject: None,
        text: include_str!("builtin/matter_report.txt"),
        html: include_str!("builtin/matter_report.html"),
        typst: Some(include_str!("builtin/matter_report.typ")),
    },
    Source {
        id: "cover_email",
        kind: TemplateKind::Email,
        name: "Cover email",
        subject: Some(include_str!("builtin/cover_email.subject")),
        text: include_str!("builtin/cover_email.txt"),
        html: include_str!("builtin/cover_email.html"),
        typst: None,
    },
];

fn template(source: &Source) -> DocumentTemplate {
    DocumentTemplate {
        id: source.id.to_owned(),
        version: 1,
        kind: source.kind,
        name: source.name.to_owned(),
        subject: source.subject.map(|s| s.trim_end().to_owned()),
        text: Some(source.text.to_owned()),
        html: Some(source.html.to_owned()),
        typst: source.typst.map(str::to_owned),
        builtin: true,
        retired: false,
        installed_by: None,
        installed_at: None,
    }
}

/// Every built-in template, in id order.
pub fn builtin_templates() -> Vec<DocumentTemplate> {
    let mut all: Vec<_> = SOURCES.iter().map(template).collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

/// The built-in template with this id.
pub fn builtin(id: &str) -> Option<DocumentTemplate> {
    SOURCES.iter().find(|s| s.id == id).map(template)
}
