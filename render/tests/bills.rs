//! A real bill rendered to PDF and HTML: every line and total the bill stores is on the page
//! (read back with pdftotext, an independent reader), dates in the firm's order; filed to the
//! matter in the same audited command; an issued bill's reprint is byte-identical.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use lexcase::bills::{Bill, FeeArrangement, LineKind};
use lexcase::service::{DraftRequest, FileAs, RenderRequest, RenderSubject};
use lexcase::store::Page;
use lexcase::templates::{NewTemplate, OutputFormat, TemplateKind};
use lexcase::timekeeping::NewTimeEntry;
use support::{NEW_YORK, day, line_with, money, pdf_text, world, world_in};

/// Checks that `text` shows every line and total of `bill`, dates as `date` writes them.
fn shows_every_figure(text: &str, bill: &Bill, symbol: &str, date: impl Fn(&str) -> String) {
    let m = |d| money(symbol, d);
    assert!(
        bill.lines.len() >= 5,
        "the bill has time, an expense and a disbursement"
    );
    for line in &bill.lines {
        let tax = if line.taxable {
            m(line.totals.tax)
        } else {
            "–".to_owned()
        };
        let qty = format!("{:.2}", line.quantity);
        let found = line_with(
            text,
            &[
                &date(&line.date.to_string()),
                &line.description,
                &qty,
                &m(line.unit_price),
                &m(line.totals.gross),
                &tax,
            ],
        );
        assert!(
            found.is_some(),
            "line {} not found in:\n{text}",
            line.number
        );
    }
    let t = &bill.totals;
    for (label, amount) in [
        ("Total before discount", m(t.gross)),
        ("Discount (10%)", format!("-{}", m(t.discount))),
        ("Total excluding", m(t.net)),
        ("at 20%", m(t.tax)),
        ("Total", m(t.total)),
        ("Outstanding", m(bill.outstanding())),
    ] {
        if label == "at 20%" && t.tax.is_zero() {
            continue;
        }
        assert!(
            line_with(text, &[label, &amount]).is_some(),
            "{label} {amount} not found in:\n{text}"
        );
    }
    assert!(text.contains(bill.number.as_deref().unwrap()));
}

fn gb_date(iso: &str) -> String {
    let d = day(iso);
    d.format("%-d %B %Y").to_string()
}

fn us_date(iso: &str) -> String {
    let d = day(iso);
    d.format("%B %-d, %Y").to_string()
}

#[test]
fn a_vat_invoice_pdf_shows_every_stored_figure_and_is_filed() {
    let w = world();
    let kinds: Vec<LineKind> = w.bill.lines.iter().map(|l| l.kind).collect();
    assert!(kinds.contains(&LineKind::Time));
    assert!(kinds.contains(&LineKind::Expense));
    assert!(kinds.contains(&LineKind::Disbursement));
    assert!(!w.bill.totals.discount.is_zero());
    assert!(!w.bill.totals.tax.is_zero());
    let head_before = w.admin.audit().changes_since(0, 1000).unwrap().events.len();
    let pdf = w
        .admin
        .documents()
        .render(
            RenderRequest::new("invoice", OutputFormat::Pdf, RenderSubject::Bill(w.bill.id))
                .filed(FileAs::default()),
        )
        .unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(!pdf.reprint);
    assert_eq!(
        pdf.file_name,
        format!("Invoice {}.pdf", w.bill.number.as_deref().unwrap())
    );
    let doc = pdf.document.clone().unwrap();
    assert_eq!(doc.matter, w.matter.id);
    assert_eq!(doc.category, "bill");
    assert_eq!(
        w.admin.documents().contents(doc.id, None).unwrap(),
        pdf.bytes,
        "the filed version holds the rendered bytes"
    );
    let events = w.admin.audit().changes_since(0, 1000).unwrap().events;
    let actions: Vec<&str> = events[head_before..]
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(actions, vec!["bill.rendering_kept", "document.added"]);
    if let Some(text) = pdf_text(&pdf.bytes) {
        shows_every_figure(&text, &w.bill, "£", gb_date);
        assert!(text.contains("VAT invoice"));
        assert!(text.contains("GB 123 4567 89"), "the firm's VAT number");
        assert!(
            text.contains("30 November 2026"),
            "the tax point, day-month-year"
        );
    }
    let html = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Html,
            RenderSubject::Bill(w.bill.id),
        ))
        .unwrap();
    let html = String::from_utf8(html.bytes).unwrap();
    for line in &w.bill.lines {
        assert!(html.contains(&money("£", line.totals.gross)));
    }
    assert!(html.contains(&money("£", w.bill.totals.total)));
    assert!(html.contains("Harbour &amp; Vale LLP"), "escaped");
}

#[test]
fn an_issued_bill_reprints_byte_for_byte_whatever_the_template_becomes() {
    let w = world();
    let subject = RenderSubject::Bill(w.bill.id);
    let first = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            subject.clone(),
        ))
        .unwrap();
    assert!(!first.reprint);
    w.admin
        .templates()
        .install(NewTemplate {
            id: "invoice".into(),
            version: 2,
            kind: TemplateKind::Invoice,
            name: "Invoice (new style)".into(),
            subject: None,
            text: Some("Invoice {{ bill.number }}: {{ bill.total }}".into()),
            html: None,
            typst: Some("= Invoice #data.bill.number\nTotal: #data.bill.total".into()),
        })
        .unwrap();
    let again = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            subject.clone(),
        ))
        .unwrap();
    assert!(again.reprint);
    assert_eq!(again.bytes, first.bytes);
    assert_eq!(
        (again.template.as_str(), again.template_version),
        ("invoice", 1)
    );
    // Another format is kept on its own, from the current template.
    let text = w
        .admin
        .documents()
        .render(RenderRequest::new("invoice", OutputFormat::Text, subject))
        .unwrap();
    assert!(!text.reprint);
    assert_eq!(text.template_version, 2);
    assert_eq!(
        String::from_utf8(text.bytes).unwrap(),
        format!(
            "Invoice {}: {}",
            w.bill.number.as_deref().unwrap(),
            money("£", w.bill.totals.total)
        )
    );
}

#[test]
fn a_us_bill_prints_month_day_year_and_dollars() {
    let w = world_in(&NEW_YORK);
    let pdf = w
        .admin
        .documents()
        .render(RenderRequest::new(
            "invoice",
            OutputFormat::Pdf,
            RenderSubject::Bill(w.bill.id),
        ))
        .unwrap();
    if let Some(text) = pdf_text(&pdf.bytes) {
        shows_every_figure(&text, &w.bill, "$", us_date);
        assert!(text.contains("November 30, 2026"));
        assert!(!text.contains("VAT invoice"));
    }
}

#[test]
fn a_draft_renders_fresh_every_time_and_keeps_nothing() {
    let w = world();
    w.fern
        .time()
        .record(NewTimeEntry::new(
            w.matter.id,
            day("2026-11-30"),
            1800,
            "Letter to client",
        ))
        .unwrap();
    let draft = w
        .admin
        .bills()
        .draft(DraftRequest {
            client: w.client,
            matters: vec![w.matter.id],
            period_from: day("2026-11-01"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: String::new(),
        })
        .unwrap();
    let docs_before = w
        .admin
        .documents()
        .for_matter(w.matter.id, Page::default())
        .unwrap()
        .total;
    let render = || {
        w.admin
            .documents()
            .render(RenderRequest::new(
                "invoice",
                OutputFormat::Pdf,
                RenderSubject::Bill(draft.id),
            ))
            .unwrap()
    };
    let (a, b) = (render(), render());
    assert!(!a.reprint && !b.reprint);
    assert_eq!(
        a.file_name,
        format!("Draft invoice {}.pdf", w.matter.number)
    );
    assert_eq!(a.bytes, b.bytes, "the same data gives the same PDF");
    if let Some(text) = pdf_text(&a.bytes) {
        assert!(text.contains("Draft invoice"));
        assert!(text.contains(&money("£", draft.totals.total)));
    }
    assert_eq!(
        w.admin
            .documents()
            .for_matter(w.matter.id, Page::default())
            .unwrap()
            .total,
        docs_before,
        "rendering without filing files nothing"
    );
}
