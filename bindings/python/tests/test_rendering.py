"""Documents from firm templates through the binding: a real bill's PDF read back with
pdftotext, HTML, byte-identical reprints, filing, templates as versioned firm data."""

from __future__ import annotations

import json

import pytest

import lexcase
from billed import billed_firm, line_with, money, pdf_text


def test_a_vat_invoice_pdf_shows_every_stored_figure_and_is_filed() -> None:
    b = billed_firm()
    out = b.admin.documents.render("invoice", bill=b.bill.id, file=True)
    assert out.content.startswith(b"%PDF-")
    assert out.media_type == "application/pdf"
    assert out.file_name == f"Invoice {b.bill.number}.pdf"
    assert not out.reprint
    doc = out.document
    assert doc is not None and doc.category == "bill" and doc.matter == b.matter.id
    assert b.admin.documents.contents(doc.id) == out.content
    text = pdf_text(out.content)
    if text is not None:
        assert len(b.bill.lines) == 5
        for line in b.bill.lines:
            tax = money(line.tax) if line.taxable else "–"
            when = f"{line.date.day} {line.date:%B %Y}"
            found = line_with(text, when, line.description, f"{line.quantity:.2f}",
                              money(line.unit_price), money(line.gross), tax)
            assert found, f"line {line.number} missing:\n{text}"
        t = b.bill.totals
        assert line_with(text, "Total before discount", money(t.gross))
        assert line_with(text, "Discount (10%)", "-" + money(t.discount))
        assert line_with(text, "Total excluding VAT", money(t.net))
        assert line_with(text, "VAT at 20%", money(t.tax))
        assert line_with(text, "Total", money(t.total))
        assert "GB 123 4567 89" in text


def test_reprints_are_byte_identical_and_html_is_escaped() -> None:
    b = billed_firm()
    first = b.admin.documents.render("invoice", bill=b.bill.id)
    b.admin.templates.install(id="invoice", version=2, kind="invoice", name="New style",
                              typst="= Invoice #data.bill.number")
    again = b.admin.documents.render("invoice", bill=b.bill.id)
    assert again.reprint and again.content == first.content and again.template_version == 1
    # Version 2 has no HTML part: the HTML comes from version 1, asked for by number.
    html = b.admin.documents.render("invoice", format="html", bill=b.bill.id, version=1)
    assert b"Harbour &amp; Vale LLP" in html.content
    assert money(b.bill.totals.total).encode() in html.content


def test_statement_letter_and_report() -> None:
    b = billed_firm()
    statement = b.admin.documents.render("statement", client=b.client.id, currency="GBP",
                                         matter=b.matter.id, file=True)
    assert statement.document is not None and statement.document.category == "statement"
    text = pdf_text(statement.content)
    if text is not None:
        assert line_with(text, "Balance owed", money(b.bill.totals.total))
    letter = b.fern.documents.render("client_care_letter", matter=b.matter.id, file=True)
    assert letter.document is not None and letter.document.category == "client_care_letter"
    text = pdf_text(letter.content)
    if text is not None:
        assert "Dear Jane Smith" in text and "Legal Ombudsman" in text
    report = b.fern.documents.render("matter_report", format="text", matter=b.matter.id)
    assert report.content.decode().startswith(b.matter.number)
    model = json.loads(b.admin.documents.merge_model("invoice", bill=b.bill.id))
    assert model["bill"]["total"] == money(b.bill.totals.total)
    assert model["firm"]["locale"] == "en-GB"


def test_templates_are_firm_data() -> None:
    b = billed_firm()
    t = b.admin.templates
    ids = [x.id for x in t.list()]
    assert {"invoice", "statement", "client_care_letter", "matter_report", "cover_email"} <= set(ids)
    assert "bill.lines[].gross" in t.fields("invoice")
    with pytest.raises(lexcase.TemplateError) as e:
        t.install(id="chaser", version=1, kind="letter", name="Chaser",
                  text="Dear {{ client.name }}, about {{ matter.nmuber }}")
    assert e.value.field == "matter.nmuber" and e.value.part == "text"
    assert e.value.template == "chaser" and e.value.code == "template"
    installed = t.install_toml('id = "chaser"\nversion = 1\nkind = "letter"\nname = "Chaser"\n'
                               'text = "{{ client.salutation }}"\n')
    assert installed.version == 1 and installed.parts == ["text"]
    assert t.preview("chaser", "text") == b"Dear Ms Sample"
    assert t.preview("invoice").startswith(b"%PDF-")
    assert t.retire("chaser").retired
    with pytest.raises(lexcase.ValidationError):
        b.fern.documents.render("chaser", format="text", matter=b.matter.id)
    with pytest.raises(lexcase.PermissionDeniedError):
        b.fern.templates.install(id="x", version=1, kind="letter", name="X", text="x")
    head = t.letterhead()
    assert head.version == 1 and head.vat_number == "GB 123 4567 89"
    us = t.set_letterhead(expected_version=1, locale="en-US")
    assert us.locale == "en-US" and us.version == 2
    text = b.fern.documents.render("matter_report", format="text", matter=b.matter.id)
    assert b"as at " in text.content
