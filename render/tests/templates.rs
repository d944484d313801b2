//! The engine on its own: the built-in templates check and render with the sample model; an
//! unknown field is refused with the field named, in every part and wherever it hides; HTML
//! is escaped; PDF is deterministic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use lexcase::templates::{
    DocumentTemplate, FieldCatalogue, NewTemplate, TemplateEngine, TemplateKind, TemplatePart,
    builtin_templates,
};
use lexcase::{ErrorCode, LexcaseError};
use lexcase_render::Engine;

fn template(kind: TemplateKind, part: TemplatePart, source: &str) -> DocumentTemplate {
    let mut new = NewTemplate {
        id: "t".into(),
        version: 1,
        kind,
        name: "T".into(),
        subject: None,
        text: Some("x".into()),
        html: None,
        typst: None,
    };
    match part {
        TemplatePart::Subject => new.subject = Some(source.into()),
        TemplatePart::Text => new.text = Some(source.into()),
        TemplatePart::Html => new.html = Some(source.into()),
        TemplatePart::Typst => new.typst = Some(source.into()),
    }
    DocumentTemplate::create(new, None, None).unwrap()
}

fn check(kind: TemplateKind, part: TemplatePart, source: &str) -> lexcase::Result<()> {
    let fields = FieldCatalogue::for_kind(kind);
    Engine::new().check(
        &template(kind, part, source),
        part,
        &fields,
        &fields.sample(),
    )
}

fn refused_field(result: lexcase::Result<()>) -> (Option<String>, Option<u32>) {
    match result {
        Err(LexcaseError::Template { field, line, .. }) => (field, line),
        other => panic!("expected a template error, got {other:?}"),
    }
}

#[test]
fn every_builtin_part_checks_and_previews() {
    let engine = Engine::new();
    for t in builtin_templates() {
        let fields = FieldCatalogue::for_kind(t.kind);
        let sample = fields.sample();
        for part in t.parts() {
            if !engine.supports(part) {
                continue;
            }
            engine
                .check(&t, part, &fields, &sample)
                .unwrap_or_else(|e| panic!("{} {part}: {e:?}", t.id));
            let out = engine.render(&t, part, &sample).unwrap();
            assert!(!out.is_empty(), "{} {part}", t.id);
        }
    }
}

#[test]
fn unknown_fields_are_named_in_text_and_html() {
    for part in [
        TemplatePart::Text,
        TemplatePart::Html,
        TemplatePart::Subject,
    ] {
        let (field, line) = refused_field(check(
            TemplateKind::Letter,
            part,
            "Dear {{ client.name }}, {{ matter.titel }}",
        ));
        assert_eq!(field.as_deref(), Some("matter.titel"), "{part}");
        assert_eq!(line, None);
    }
    // In a branch the sample never takes.
    let (field, _) = refused_field(check(
        TemplateKind::Letter,
        TemplatePart::Text,
        "{% if firm.locale == 'xx' %}{{ firm.vat_nummer }}{% endif %}",
    ));
    assert_eq!(field.as_deref(), Some("firm.vat_nummer"));
    // Through a loop variable.
    let (field, line) = refused_field(check(
        TemplateKind::Invoice,
        TemplatePart::Text,
        "Lines:\n{% for l in bill.lines %}{{ l.nett }}{% endfor %}",
    ));
    assert_eq!(field.as_deref(), Some("l.nett"));
    assert_eq!(line, Some(2));
    // A section its kind may not name.
    let (field, _) = refused_field(check(
        TemplateKind::ClientCareLetter,
        TemplatePart::Text,
        "{{ bill.total }}",
    ));
    assert_eq!(field.as_deref(), Some("bill.total"));
    // Filters, loops and globals are fine.
    check(
        TemplateKind::Invoice,
        TemplatePart::Text,
        "{{ matter.title | upper }} {{ client.address | join(', ') }} {% for i in range(2) %}{{ loop.index }}{% endfor %}",
    )
    .unwrap();
}

#[test]
fn syntax_errors_are_template_errors() {
    let err = check(TemplateKind::Letter, TemplatePart::Text, "{% if %}").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Template);
    let err = check(
        TemplateKind::Letter,
        TemplatePart::Text,
        "{% for i in range(100000000) %}{% endfor %}",
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Template);
}

#[test]
fn html_escapes_merged_values_and_text_does_not() {
    let engine = Engine::new();
    let fields = FieldCatalogue::for_kind(TemplateKind::Letter);
    let mut model = fields.sample();
    if let Some(m) = model.matter.as_mut() {
        m.title = "<script>alert('x')</script> & Sons".into();
    }
    let html = template(
        TemplateKind::Letter,
        TemplatePart::Html,
        "<p>{{ matter.title }}</p>",
    );
    let out = String::from_utf8(engine.render(&html, TemplatePart::Html, &model).unwrap()).unwrap();
    assert!(out.contains("&lt;script&gt;"), "{out}");
    assert!(!out.contains("<script>"));
    let text = template(
        TemplateKind::Letter,
        TemplatePart::Text,
        "{{ matter.title }}",
    );
    let out = String::from_utf8(engine.render(&text, TemplatePart::Text, &model).unwrap()).unwrap();
    assert_eq!(out, "<script>alert('x')</script> & Sons");
}

#[cfg(feature = "pdf")]
mod pdf {
    use super::*;

    #[test]
    fn unknown_fields_are_named_in_typst() {
        let (field, line) = refused_field(check(
            TemplateKind::Letter,
            TemplatePart::Typst,
            "Hello\n#if false [#data.matter.titel]",
        ));
        assert_eq!(field.as_deref(), Some("matter.titel"));
        assert_eq!(line, Some(2));
        let (field, _) = refused_field(check(
            TemplateKind::Invoice,
            TemplatePart::Typst,
            "#for l in data.bill.lines [#l.nett]",
        ));
        assert_eq!(field.as_deref(), Some("bill.lines[].nett"));
        // Found by typesetting the sample: a key reached another way.
        let (field, _) = refused_field(check(
            TemplateKind::Invoice,
            TemplatePart::Typst,
            "#let b = data.bill\n#b.totl",
        ));
        assert_eq!(field.as_deref(), Some("b.totl"));
        // Methods on text and lists are fine.
        check(
            TemplateKind::Invoice,
            TemplatePart::Typst,
            "#upper(data.matter.title) #data.bill.lines.len() #data.client.address.join(\", \")",
        )
        .unwrap();
    }

    #[test]
    fn merged_text_is_data_not_markup() {
        let engine = Engine::new();
        let fields = FieldCatalogue::for_kind(TemplateKind::Letter);
        let mut model = fields.sample();
        if let Some(m) = model.matter.as_mut() {
            m.title = "#panic(\"boom\") *not bold* $x$ ]".into();
        }
        let t = template(
            TemplateKind::Letter,
            TemplatePart::Typst,
            "#data.matter.title",
        );
        let pdf = engine.render(&t, TemplatePart::Typst, &model).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn the_same_data_gives_the_same_pdf() {
        let engine = Engine::new();
        let t = builtin_templates()
            .into_iter()
            .find(|t| t.id == "invoice")
            .unwrap();
        let sample = FieldCatalogue::for_kind(t.kind).sample();
        let a = engine.render(&t, TemplatePart::Typst, &sample).unwrap();
        let b = engine.render(&t, TemplatePart::Typst, &sample).unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert_eq!(a, b);
    }

    #[test]
    fn typst_errors_are_template_errors_with_a_line() {
        let err = check(TemplateKind::Letter, TemplatePart::Typst, "ok\n#let x = (").unwrap_err();
        match err {
            LexcaseError::Template { line, part, .. } => {
                assert_eq!(part, "typst");
                assert_eq!(line, Some(2));
            }
            other => panic!("{other:?}"),
        }
        // No files, no packages.
        for source in [
            "#read(\"/etc/passwd\")",
            "#import \"@preview/x:0.1.0\": *",
            "#image(\"a.png\")",
        ] {
            let err = check(TemplateKind::Letter, TemplatePart::Typst, source).unwrap_err();
            assert_eq!(err.code(), ErrorCode::Template, "{source}");
        }
    }
}
