//! The LEDES 1998B writer: exact header lines, 24 fields, `[]` terminators, CRLF line ends.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::text::{ascii_text, fits, format_date, format_money, format_units, id, invoice_number};
use super::{
    LEDES_1998B_COLUMNS, LEDES_1998B_HEADER, LedesInvoice, LedesLine, MAX_DESCRIPTION_BYTES,
    MAX_ID_LEN, MAX_TIMEKEEPER_NAME_LEN, is_timekeeper_classification,
};
use crate::error::{LexcaseError, Result};

const CRLF: &str = "\r\n";

/// Writes invoices as one LEDES 1998B file (ASCII, CRLF line ends).
///
/// Text fields are made ASCII (common accents transliterated; `|` and line breaks become
/// spaces); ids must already be printable ASCII within their length limits; money is written with
/// at most 2 decimals and units with at most 4 (trailing zeros trimmed); LINE_ITEM_TOTAL is
/// [`LedesLine::total`] and INVOICE_TOTAL is [`LedesInvoice::total`]. Anything that cannot be
/// written faithfully is a validation error naming the field (errors carry no client data).
pub fn write_ledes_1998b(invoices: &[LedesInvoice]) -> Result<String> {
    if invoices.is_empty() {
        return Err(LexcaseError::validation(
            "invoices",
            "a LEDES file needs at least one invoice",
        ));
    }
    let mut out = String::new();
    out.push_str(LEDES_1998B_HEADER);
    out.push_str(CRLF);
    out.push_str(LEDES_1998B_COLUMNS);
    out.push_str(CRLF);
    let mut numbers = HashSet::new();
    for invoice in invoices {
        if !numbers.insert(invoice.invoice_number.as_str()) {
            return Err(LexcaseError::validation(
                "invoice_number",
                "two invoices in one file share an invoice number",
            ));
        }
        write_invoice(&mut out, invoice)?;
    }
    Ok(out)
}

/// The invoice-level fields, checked and formatted once.
struct Head {
    date: String,
    number: String,
    client_id: String,
    matter_id: String,
    total: String,
    start: String,
    end: String,
    description: String,
    law_firm_id: String,
    client_matter_id: String,
}

fn head(invoice: &LedesInvoice) -> Result<Head> {
    invoice_number("invoice_number", &invoice.invoice_number)?;
    id("client_id", &invoice.client_id, MAX_ID_LEN, true)?;
    id(
        "law_firm_matter_id",
        &invoice.law_firm_matter_id,
        MAX_ID_LEN,
        true,
    )?;
    id("law_firm_id", &invoice.law_firm_id, MAX_ID_LEN, true)?;
    id(
        "client_matter_id",
        &invoice.client_matter_id,
        MAX_ID_LEN,
        false,
    )?;
    if invoice.billing_end < invoice.billing_start {
        return Err(LexcaseError::validation(
            "billing_end",
            "before the billing start date",
        ));
    }
    let total = invoice.total();
    fits("invoice_total", total, 2)?;
    Ok(Head {
        date: format_date("invoice_date", invoice.invoice_date)?,
        number: invoice.invoice_number.clone(),
        client_id: invoice.client_id.clone(),
        matter_id: invoice.law_firm_matter_id.clone(),
        total: format_money(total),
        start: format_date("billing_start", invoice.billing_start)?,
        end: format_date("billing_end", invoice.billing_end)?,
        description: description("invoice_description", &invoice.description)?,
        law_firm_id: invoice.law_firm_id.clone(),
        client_matter_id: invoice.client_matter_id.clone(),
    })
}

fn description(field: &str, value: &str) -> Result<String> {
    let text = ascii_text(field, value)?;
    if text.len() > MAX_DESCRIPTION_BYTES {
        return Err(LexcaseError::validation(field, "longer than 15 KB"));
    }
    Ok(text)
}

fn write_invoice(out: &mut String, invoice: &LedesInvoice) -> Result<()> {
    if invoice.lines.is_empty() {
        return Err(LexcaseError::validation(
            "lines",
            "an invoice needs at least one line item",
        ));
    }
    let head = head(invoice)?;
    let mut seen = HashSet::new();
    for line in &invoice.lines {
        if !seen.insert(line.line_number.as_str()) {
            return Err(LexcaseError::validation(
                "line_number",
                "repeats a line item number of the same invoice",
            ));
        }
        let fields = line_fields(&head, line)?;
        out.push_str(&fields.join("|"));
        out.push_str("[]");
        out.push_str(CRLF);
    }
    Ok(())
}

fn line_fields(head: &Head, line: &LedesLine) -> Result<[String; 24]> {
    id("line_number", &line.line_number, MAX_ID_LEN, true)?;
    id("task_code", &line.task_code, MAX_ID_LEN, false)?;
    id("expense_code", &line.expense_code, MAX_ID_LEN, false)?;
    id("activity_code", &line.activity_code, MAX_ID_LEN, false)?;
    id("timekeeper_id", &line.timekeeper_id, MAX_ID_LEN, false)?;
    let name = ascii_text("timekeeper_name", &line.timekeeper_name)?;
    if name.len() > MAX_TIMEKEEPER_NAME_LEN {
        return Err(LexcaseError::validation(
            "timekeeper_name",
            format!("longer than {MAX_TIMEKEEPER_NAME_LEN} characters"),
        ));
    }
    let class = &line.timekeeper_classification;
    if !class.is_empty() && !is_timekeeper_classification(class) {
        return Err(LexcaseError::validation(
            "timekeeper_classification",
            "not a LOC timekeeper classification code",
        ));
    }
    fits("units", line.units, 4)?;
    if line.units < Decimal::ZERO {
        return Err(LexcaseError::validation(
            "units",
            "must not be negative; put credits in the adjustment",
        ));
    }
    fits("adjustment", line.adjustment, 2)?;
    let unit_cost = match (line.kind.is_adjustment(), line.unit_cost) {
        (false, None) => {
            return Err(LexcaseError::validation(
                "unit_cost",
                "required for fee and expense lines",
            ));
        }
        (true, Some(c)) if !c.is_zero() => {
            return Err(LexcaseError::validation(
                "unit_cost",
                "an invoice-level adjustment carries its amount in the adjustment",
            ));
        }
        (_, None) => String::new(),
        (_, Some(c)) => {
            fits("unit_cost", c, 2)?;
            if c < Decimal::ZERO {
                return Err(LexcaseError::validation(
                    "unit_cost",
                    "must not be negative",
                ));
            }
            format_money(c)
        }
    };
    let total = line.total();
    fits("line_total", total, 2)?;
    Ok([
        head.date.clone(),
        head.number.clone(),
        head.client_id.clone(),
        head.matter_id.clone(),
        head.total.clone(),
        head.start.clone(),
        head.end.clone(),
        head.description.clone(),
        line.line_number.clone(),
        line.kind.code().to_owned(),
        format_units(line.units),
        format_money(line.adjustment),
        format_money(total),
        format_date("line_date", line.date)?,
        line.task_code.clone(),
        line.expense_code.clone(),
        line.activity_code.clone(),
        line.timekeeper_id.clone(),
        description("line_description", &line.description)?,
        head.law_firm_id.clone(),
        unit_cost,
        name,
        class.clone(),
        head.client_matter_id.clone(),
    ])
}
