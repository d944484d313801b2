//! Templates as firm data through the service: installed (checked, versioned), listed,
//! previewed and retired; statements, client-care letters and matter reports rendered and
//! filed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use lexcase::bills::NewPayment;
use lexcase::money::Money;
use lexcase::service::{FileAs, RenderRequest, RenderSubject};
use lexcase::templates::{Letterhead, NewTemplate, OutputFormat, TemplateKind, TemplatePart};
use lexcase::{ErrorCode, LexcaseError};
use support::{day, line_with, money, pdf_text, world};

fn letter(version: u32, text: &str) -> NewTemplate {
    NewTemplate {
        id: "chaser".into(),
        version,
        kind: TemplateKind::Letter,
        name: "Chaser".into(),
        subject: None,
        text: Some(text.into()),
        html: None,
        typst: None,
    }
}

#[test]
fn a_template_naming_an_unknown_field_is_refused_with_the_field_named() {
    let w = world();
    let err = w
        .admin
        .templates()
        .install(letter(
            1,
            "Dear {{ client.name }},\nyour matter {{ matter.nmuber }}",
        ))
        .unwrap_err();
    match &err {
        LexcaseError::Template {
            template,
            part,
            field,
            ..
        } => {
            assert_eq!(template, "chaser");
            assert_eq!(part, "text");
            assert_eq!(field.as_deref(), Some("matter.nmuber"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("matter.nmuber"));
    let typst = NewTemplate {
        typst: Some("#for p in data.parties [#p.contact.nmae]".into()),
        ..letter(1, "ok")
    };
    let err = w.admin.templates().install(typst).unwrap_err();
    assert!(
        matches!(&err, LexcaseError::Template { field: Some(f), part, .. } if f == "parties[].contact.nmae" && part == "typst"),
        "{err:?}"
    );
    assert!(
        w.admin.templates().versions("chaser").is_err(),
        "nothing installed"
    );
}

#[test]
fn templates_are_versioned_listed_previewed_and_retired() {
    let w = world();
    let t = w.admin.templates();
    let builtins: Vec<String> = t.list().unwrap().into_iter().map(|t| t.id).collect();
    for id in [
        "client_care_letter",
        "cover_email",
        "invoice",
        "matter_report",
        "statement",
    ] {
        assert!(builtins.contains(&id.to_owned()), "{id}");
    }
    let v1 = t
        .install(letter(1, "Dear {{ client.salutation }}"))
        .unwrap();
    assert_eq!(v1.installed_by, Some(w.admin.actor_id()));
    let err = t.install(letter(1, "again")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation, "a version must rise");
    t.install(letter(
        2,
        "{{ client.salutation }}, about {{ matter.number }}",
    ))
    .unwrap();
    assert_eq!(t.get("chaser", None).unwrap().version, 2);
    assert_eq!(t.versions("chaser").unwrap().len(), 2);
    let preview = t.preview("chaser", None, OutputFormat::Text).unwrap();
    assert_eq!(
        String::from_utf8(preview).unwrap(),
        "Dear Ms Sample, about SAM-0001"
    );
    // Overriding a built-in with a higher version.
    let invoice = t.install(NewTemplate {
        id: "invoice".into(),
        version: 2,
        kind: TemplateKind::Invoice,
        name: "Short invoice".into(),
        subject: None,
        text: Some("{{ bill.number }} {{ bill.total }}".into()),
        html: None,
        typst: None,
    });
    assert!(invoice.is_ok());
    assert_eq!(t.get("invoice", None).unwrap().version, 2);
    assert!(t.get("invoice", Some(1)).unwrap().builtin);
    // Retired: renders no new documents; a new version brings it back.
    let retired = t.retire("chaser").unwrap();
    assert!(retired.retired);
    let err = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "chaser",
            OutputFormat::Text,
            RenderSubject::Matter(w.matter.id),
        ))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(
        t.list()
            .unwrap()
            .iter()
            .any(|x| x.id == "chaser" && x.retired)
    );
    t.install(letter(3, "Back")).unwrap();
    let out = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "chaser",
            OutputFormat::Text,
            RenderSubject::Matter(w.matter.id),
        ))
        .unwrap();
    assert_eq!(out.bytes, b"Back");
    // A built-in can be retired too.
    t.retire("matter_report").unwrap();
    assert!(t.get("matter_report", None).unwrap().retired);
    // The audit trail has every change.
    let actions: Vec<String> = w
        .admin
        .audit()
        .changes_since(0, 1000)
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("template."))
        .collect();
    assert_eq!(
        actions,
        vec![
            "template.installed",
            "template.installed",
            "template.installed",
            "template.retired",
            "template.installed",
            "template.retired"
        ]
    );
}

#[test]
fn only_the_firms_managers_install_and_anyone_may_read() {
    let w = world();
    let err = w.fern.templates().install(letter(1, "x")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::PermissionDenied);
    assert_eq!(
        w.fern.templates().retire("invoice").unwrap_err().code(),
        ErrorCode::PermissionDenied
    );
    let err = w
        .fern
        .templates()
        .set_letterhead(Letterhead::default())
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::PermissionDenied);
    assert!(!w.fern.templates().list().unwrap().is_empty());
    let fields = w.fern.templates().fields(TemplateKind::Invoice);
    assert!(fields.contains(&"bill.lines[].gross".to_owned()));
    assert!(
        !w.fern
            .templates()
            .fields(TemplateKind::ClientCareLetter)
            .contains(&"bill".to_owned())
    );
    let subject = w
        .fern
        .templates()
        .preview_part("cover_email", None, TemplatePart::Subject)
        .unwrap();
    assert_eq!(
        String::from_utf8(subject).unwrap(),
        "SAM-0001: Purchase of 12 Acacia Avenue - invoice INV000001"
    );
}

#[test]
fn the_letterhead_is_versioned() {
    let w = world();
    let t = w.admin.templates();
    let current = t.letterhead().unwrap();
    assert_eq!(current.version, 1);
    let stale = t
        .set_letterhead(Letterhead {
            version: 0,
            ..current.clone()
        })
        .unwrap_err();
    assert_eq!(stale.code(), ErrorCode::StaleVersion);
    let next = t
        .set_letterhead(Letterhead {
            website: Some("https://harbourvale.example".into()),
            ..current
        })
        .unwrap();
    assert_eq!(next.version, 2);
}

#[test]
fn a_statement_of_account_shows_every_entry() {
    let w = world();
    w.admin
        .payments()
        .record(NewPayment {
            client: w.client,
            received_on: day("2026-12-10"),
            amount: Money::new("500".parse().unwrap(), w.currency, "amount")
                .unwrap()
                .into(),
            method: "bank transfer".into(),
            reference: "JS-500".into(),
            allocations: vec![],
        })
        .unwrap();
    let statement = w.admin.payments().statement(w.client, w.currency).unwrap();
    let pdf = w
        .admin
        .documents()
        .render(
            RenderRequest::new(
                "statement",
                OutputFormat::Pdf,
                RenderSubject::Statement {
                    client: w.client,
                    currency: w.currency,
                    matter: Some(w.matter.id),
                },
            )
            .filed(FileAs::default()),
        )
        .unwrap();
    assert_eq!(pdf.document.unwrap().category, "statement");
    if let Some(text) = pdf_text(&pdf.bytes) {
        assert_eq!(statement.entries.len(), 2);
        for e in &statement.entries {
            let amount = if e.debit.is_zero() { e.credit } else { e.debit };
            assert!(
                line_with(
                    &text,
                    &[
                        &e.date.format("%-d %B %Y").to_string(),
                        &e.description,
                        &money("£", amount),
                        &money("£", e.balance)
                    ]
                )
                .is_some(),
                "{} not found in:\n{text}",
                e.description
            );
        }
        assert!(line_with(&text, &["Balance owed", &money("£", statement.balance)]).is_some());
    }
    // Only billing staff see statements.
    let err = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "statement",
            OutputFormat::Text,
            RenderSubject::Statement {
                client: w.client,
                currency: w.currency,
                matter: None,
            },
        ))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::PermissionDenied);
}

#[test]
fn a_client_care_letter_and_a_matter_report_are_filed_to_the_matter() {
    let w = world();
    let letter = w
        .fern
        .documents()
        .render(
            RenderRequest::new(
                "client_care_letter",
                OutputFormat::Pdf,
                RenderSubject::Matter(w.matter.id),
            )
            .filed(FileAs::default()),
        )
        .unwrap();
    let doc = letter.document.unwrap();
    assert_eq!(doc.category, "client_care_letter");
    assert_eq!(
        doc.name,
        format!("Client care letter {}.pdf", w.matter.number)
    );
    if let Some(text) = pdf_text(&letter.bytes) {
        assert!(text.contains("Dear Jane Smith"));
        assert!(
            text.contains("Legal Ombudsman"),
            "England & Wales complaints wording"
        );
        assert!(text.contains("£250.00 an hour"));
        assert!(
            text.contains("30 November 2026"),
            "dated today in the firm's order"
        );
    }
    // Searchable by the text of its letter.
    let found = w
        .fern
        .documents()
        .search("ombudsman", lexcase::store::Page::default())
        .unwrap();
    assert_eq!(found.total, 1);
    // A new version of the same document.
    let again = w
        .fern
        .documents()
        .render(
            RenderRequest::new(
                "client_care_letter",
                OutputFormat::Html,
                RenderSubject::Matter(w.matter.id),
            )
            .filed(FileAs {
                new_version_of: Some((doc.id, doc.version)),
                ..FileAs::default()
            }),
        )
        .unwrap();
    let doc = again.document.unwrap();
    assert_eq!(doc.versions.len(), 2);
    assert_eq!(doc.versions[1].media_type, "text/html");
    let report = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "matter_report",
            OutputFormat::Text,
            RenderSubject::Matter(w.matter.id),
        ))
        .unwrap();
    let report = String::from_utf8(report.bytes).unwrap();
    assert!(report.starts_with(&w.matter.number));
    // A template of another kind does not fit.
    let err = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            RenderSubject::Matter(w.matter.id),
        ))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
}

#[test]
fn errors_on_real_data_never_quote_it() {
    let w = world();
    w.admin
        .templates()
        .install(NewTemplate {
            id: "boom".into(),
            version: 1,
            kind: TemplateKind::Letter,
            name: "Boom".into(),
            subject: None,
            text: Some("x".into()),
            html: None,
            // Fails only when the client is not the sample's.
            typst: Some(
                "#if data.client.name != \"Jane Sample\" { panic(data.client.name) }".into(),
            ),
        })
        .unwrap();
    let err = w
        .fern
        .documents()
        .render(RenderRequest::new(
            "boom",
            OutputFormat::Pdf,
            RenderSubject::Matter(w.matter.id),
        ))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Template);
    assert!(!format!("{err:?}").contains("Jane Smith"), "{err:?}");
}
