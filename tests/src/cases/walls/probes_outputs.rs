//! Probes of the read methods about what leaves the firm: merge models, composed email and
//! the firm's templates (see [`super::probes`]). Rendering and sending write (a kept bill
//! rendering, a filed document, a sent email) and are commands; they reach a matter through
//! the same reads as the merge model.

use lexcase::communications::{OutboundEmail, Recipient};
use lexcase::service::RenderSubject;
use lexcase::templates::{NewTemplate, OutputFormat, TemplateKind, TemplatePart};

use super::probes::{Read, addressed, firmwide, out};

/// The built-in templates the firm-wide probes read.
const TEMPLATES: [&str; 3] = ["invoice", "statement", "client_care_letter"];

/// The probes of this file.
pub fn reads() -> Vec<Read> {
    vec![
        addressed("DocumentService", "merge_model", |s, _, i| {
            let subjects = [
                (
                    TemplateKind::ClientCareLetter,
                    RenderSubject::Matter(i.matter),
                ),
                (TemplateKind::Invoice, RenderSubject::Bill(i.bill)),
                (TemplateKind::Invoice, RenderSubject::Bill(i.joint_bill)),
            ];
            subjects
                .map(|(kind, subject)| out(s.documents().merge_model(kind, &subject)))
                .join("\n")
        }),
        firmwide("DocumentService", "merge_model", |s, k| {
            let statement = RenderSubject::Statement {
                client: k.client,
                currency: k.gbp,
                matter: None,
            };
            out(s
                .documents()
                .merge_model(TemplateKind::Statement, &statement))
        }),
        addressed("CommunicationService", "compose_email", |s, _, i| {
            let to = vec![Recipient::Address {
                name: String::new(),
                email: "someone@example.com".into(),
            }];
            out(s
                .communications()
                .compose_email(&OutboundEmail::new(i.matter, to, "Hello", "A word.")))
        }),
        firmwide("TemplateService", "list", |s, _| out(s.templates().list())),
        firmwide("TemplateService", "versions", |s, _| {
            TEMPLATES.map(|t| out(s.templates().versions(t))).join("\n")
        }),
        firmwide("TemplateService", "get", |s, _| {
            TEMPLATES
                .map(|t| out(s.templates().get(t, None)))
                .join("\n")
        }),
        firmwide("TemplateService", "fields", |s, _| {
            out(Ok(s.templates().fields(TemplateKind::Invoice)))
        }),
        firmwide("TemplateService", "check", |s, _| {
            let new = NewTemplate {
                id: "walk-letter".into(),
                version: 1,
                kind: TemplateKind::Letter,
                name: "Walk".into(),
                subject: None,
                text: Some("Dear {{ client.name }}, about {{ matter.number }}.".into()),
                html: None,
                typst: None,
            };
            out(s.templates().check(new))
        }),
        firmwide("TemplateService", "preview", |s, _| {
            TEMPLATES
                .map(|t| out(s.templates().preview(t, None, OutputFormat::Text)))
                .join("\n")
        }),
        firmwide("TemplateService", "preview_part", |s, _| {
            out(s
                .templates()
                .preview_part("invoice", None, TemplatePart::Text))
        }),
        firmwide("TemplateService", "letterhead", |s, _| {
            out(s.templates().letterhead())
        }),
    ]
}
