//! The strict LEDES 1998B reader (STANDARDS §1.2, §1.3, §1.7; the Lexitree validator's rules
//! plus the arithmetic of §1.4).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::text::{invoice_number, parse_date, parse_number};
use super::{
    COLUMN_NAMES, LEDES_1998B_COLUMNS, LEDES_1998B_FIELDS, LEDES_1998B_HEADER, LedesInvoice,
    LedesLine, LedesLineType, MAX_DESCRIPTION_BYTES, MAX_ID_LEN, MAX_TIMEKEEPER_NAME_LEN,
    is_timekeeper_classification, round_cents,
};
use crate::error::{LexcaseError, Result};

/// Reads a LEDES 1998B file, strictly.
///
/// Accepts CRLF or LF line ends, a leading byte-order mark and trailing empty lines. Requires
/// at least 3 lines; line 1 and line 2 exactly [`super::LEDES_1998B_HEADER`] and
/// [`super::LEDES_1998B_COLUMNS`]; every data line printable ASCII (no control characters),
/// ending in `[]`, with 24 fields; required fields present; dates real `YYYYMMDD` dates; the type `F`, `E`, `IF` or `IE`;
/// numbers with at most 10 integer digits and 4 decimals; units not negative; an invoice number
/// of 1–20 letters or digits; ids within 20 characters, the timekeeper name within 30; the
/// classification empty or a LOC code; line item numbers unique within their invoice; each
/// LINE_ITEM_TOTAL equal to units × unit cost + adjustment (`IF`/`IE`: the adjustment), exactly
/// or rounded to cents; and each INVOICE_TOTAL equal to the sum of its invoice's
/// LINE_ITEM_TOTALs. Lines are grouped into invoices by INVOICE_NUMBER in order of first
/// appearance; for the other invoice-level fields the invoice's first line counts (as the
/// specification says of INVOICE_DATE).
///
/// Errors are validation errors whose field is the LEDES column name (or `header`, `file`,
/// `line`) and whose reason starts with the file line number, e.g. `line 3: ...`.
pub fn parse_ledes_1998b(text: &str) -> Result<Vec<LedesInvoice>> {
    crate::validate::import_size("ledes", text, crate::validate::MAX_IMPORT_BYTES)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() < 3 {
        return Err(LexcaseError::validation(
            "file",
            "a LEDES 1998B file has at least 3 lines (header, columns, one line item)",
        ));
    }
    if lines.first() != Some(&LEDES_1998B_HEADER) {
        return Err(LexcaseError::validation(
            "header",
            "line 1: Invalid or missing LEDES1998B header",
        ));
    }
    if lines.get(1) != Some(&LEDES_1998B_COLUMNS) {
        return Err(LexcaseError::validation(
            "header",
            "line 2: Invalid or missing LEDES1998B column definition",
        ));
    }
    let mut invoices: Vec<Building> = Vec::new();
    for (i, raw) in lines.iter().enumerate().skip(2) {
        let row = parse_row(i + 1, raw)?;
        match invoices
            .iter_mut()
            .find(|b| b.invoice.invoice_number == row.invoice.invoice_number)
        {
            Some(b) => b.add(row)?,
            None => invoices.push(Building::new(row)),
        }
    }
    invoices.into_iter().map(Building::finish).collect()
}

/// One data line: its invoice-level fields and its line item.
struct Row {
    number: usize,
    invoice: LedesInvoice,
    stated_invoice_total: Decimal,
    stated_line_total: Decimal,
    line: LedesLine,
}

/// An invoice being assembled from its rows.
struct Building {
    invoice: LedesInvoice,
    /// (file line number, stated INVOICE_TOTAL) per row.
    stated_totals: Vec<(usize, Decimal)>,
    stated_line_sum: Decimal,
    /// File line number of each line item.
    numbers: Vec<usize>,
}

impl Building {
    fn new(row: Row) -> Self {
        let mut invoice = row.invoice;
        invoice.lines.push(row.line);
        Self {
            invoice,
            stated_totals: vec![(row.number, row.stated_invoice_total)],
            stated_line_sum: row.stated_line_total,
            numbers: vec![row.number],
        }
    }

    fn add(&mut self, row: Row) -> Result<()> {
        if self
            .invoice
            .lines
            .iter()
            .any(|l| l.line_number == row.line.line_number)
        {
            return Err(err(
                "LINE_ITEM_NUMBER",
                row.number,
                "repeats a line item number of the same invoice",
            ));
        }
        self.stated_line_sum += row.stated_line_total;
        self.stated_totals
            .push((row.number, row.stated_invoice_total));
        self.numbers.push(row.number);
        self.invoice.lines.push(row.line);
        Ok(())
    }

    fn finish(self) -> Result<LedesInvoice> {
        for &(number, stated) in &self.stated_totals {
            if stated != self.stated_line_sum {
                return Err(err(
                    "INVOICE_TOTAL",
                    number,
                    "does not equal the sum of the invoice's LINE_ITEM_TOTAL",
                ));
            }
        }
        Ok(self.invoice)
    }
}

fn err(field: &str, line: usize, reason: &str) -> LexcaseError {
    LexcaseError::validation(field, format!("line {line}: {reason}"))
}

/// Field accessor for one row, producing errors that name the column and the line.
struct Fields<'a> {
    line: usize,
    values: Vec<&'a str>,
}

impl<'a> Fields<'a> {
    fn raw(&self, index: usize) -> &'a str {
        self.values.get(index).copied().unwrap_or_default()
    }

    fn fail(&self, index: usize, reason: &str) -> LexcaseError {
        err(
            COLUMN_NAMES.get(index).copied().unwrap_or("line"),
            self.line,
            reason,
        )
    }

    fn required(&self, index: usize) -> Result<&'a str> {
        let v = self.raw(index);
        if v.is_empty() {
            Err(self.fail(index, "is required"))
        } else {
            Ok(v)
        }
    }

    fn id(&self, index: usize, required: bool, max: usize) -> Result<String> {
        let v = if required {
            self.required(index)?
        } else {
            self.raw(index)
        };
        if v.len() > max {
            return Err(self.fail(index, &format!("longer than {max} characters")));
        }
        Ok(v.to_owned())
    }

    fn date(&self, index: usize) -> Result<NaiveDate> {
        parse_date(self.required(index)?)
            .ok_or_else(|| self.fail(index, "not a valid YYYYMMDD date"))
    }

    fn number(&self, index: usize) -> Result<Option<Decimal>> {
        let v = self.raw(index);
        if v.is_empty() {
            return Ok(None);
        }
        parse_number(v)
            .map(Some)
            .ok_or_else(|| self.fail(index, "not a number with at most 10 digits and 4 decimals"))
    }

    fn required_number(&self, index: usize) -> Result<Decimal> {
        self.required(index)?;
        self.number(index).map(Option::unwrap_or_default)
    }

    fn description(&self, index: usize) -> Result<String> {
        let v = self.raw(index);
        if v.len() > MAX_DESCRIPTION_BYTES {
            return Err(self.fail(index, "longer than 15 KB"));
        }
        Ok(v.to_owned())
    }
}

// Column indexes.
const INVOICE_DATE: usize = 0;
const INVOICE_NUMBER: usize = 1;
const CLIENT_ID: usize = 2;
const LAW_FIRM_MATTER_ID: usize = 3;
const INVOICE_TOTAL: usize = 4;
const BILLING_START_DATE: usize = 5;
const BILLING_END_DATE: usize = 6;
const INVOICE_DESCRIPTION: usize = 7;
const LINE_ITEM_NUMBER: usize = 8;
const LINE_TYPE: usize = 9;
const UNITS: usize = 10;
const ADJUSTMENT: usize = 11;
const LINE_ITEM_TOTAL: usize = 12;
const LINE_ITEM_DATE: usize = 13;
const TASK_CODE: usize = 14;
const EXPENSE_CODE: usize = 15;
const ACTIVITY_CODE: usize = 16;
const TIMEKEEPER_ID: usize = 17;
const LINE_ITEM_DESCRIPTION: usize = 18;
const LAW_FIRM_ID: usize = 19;
const UNIT_COST: usize = 20;
const TIMEKEEPER_NAME: usize = 21;
const TIMEKEEPER_CLASSIFICATION: usize = 22;
const CLIENT_MATTER_ID: usize = 23;

fn parse_row(number: usize, raw: &str) -> Result<Row> {
    if !raw.is_ascii() {
        return Err(err("line", number, "contains non-ASCII characters"));
    }
    if raw.bytes().any(|b| b.is_ascii_control()) {
        return Err(err("line", number, "contains control characters"));
    }
    let body = raw
        .strip_suffix("[]")
        .ok_or_else(|| err("line", number, "does not end with '[]'"))?;
    let values: Vec<&str> = body.split('|').collect();
    if values.len() != LEDES_1998B_FIELDS {
        return Err(err(
            "line",
            number,
            &format!("has {} fields, not {LEDES_1998B_FIELDS}", values.len()),
        ));
    }
    let f = Fields {
        line: number,
        values,
    };

    let invoice_no = f.required(INVOICE_NUMBER)?;
    invoice_number(COLUMN_NAMES[INVOICE_NUMBER], invoice_no)
        .map_err(|_| f.fail(INVOICE_NUMBER, "must be 1 to 20 letters or digits"))?;
    let kind = LedesLineType::from_code(f.required(LINE_TYPE)?)
        .ok_or_else(|| f.fail(LINE_TYPE, "must be F, E, IF or IE"))?;
    let units = if kind.is_adjustment() {
        f.number(UNITS)?.unwrap_or_default()
    } else {
        f.required_number(UNITS)?
    };
    if units < Decimal::ZERO {
        return Err(f.fail(UNITS, "must not be negative"));
    }
    let unit_cost = if kind.is_adjustment() {
        let cost = f.number(UNIT_COST)?;
        if cost.is_some_and(|c| !c.is_zero()) {
            return Err(f.fail(
                UNIT_COST,
                "must be empty or 0 on an invoice-level adjustment",
            ));
        }
        cost
    } else {
        Some(f.required_number(UNIT_COST)?)
    };
    let classification = f.raw(TIMEKEEPER_CLASSIFICATION);
    if !classification.is_empty() && !is_timekeeper_classification(classification) {
        return Err(f.fail(
            TIMEKEEPER_CLASSIFICATION,
            "not a LOC timekeeper classification code",
        ));
    }
    let line = LedesLine {
        line_number: f.id(LINE_ITEM_NUMBER, true, MAX_ID_LEN)?,
        kind,
        units,
        unit_cost,
        adjustment: f.number(ADJUSTMENT)?.unwrap_or_default(),
        date: f.date(LINE_ITEM_DATE)?,
        task_code: f.id(TASK_CODE, false, MAX_ID_LEN)?,
        expense_code: f.id(EXPENSE_CODE, false, MAX_ID_LEN)?,
        activity_code: f.id(ACTIVITY_CODE, false, MAX_ID_LEN)?,
        timekeeper_id: f.id(TIMEKEEPER_ID, false, MAX_ID_LEN)?,
        description: f.description(LINE_ITEM_DESCRIPTION)?,
        timekeeper_name: f.id(TIMEKEEPER_NAME, false, MAX_TIMEKEEPER_NAME_LEN)?,
        timekeeper_classification: classification.to_owned(),
    };
    let stated_line_total = f.required_number(LINE_ITEM_TOTAL)?;
    let exact = line.exact_total();
    if stated_line_total != exact && stated_line_total != round_cents(exact) {
        return Err(f.fail(
            LINE_ITEM_TOTAL,
            "does not equal units x unit cost + adjustment",
        ));
    }
    let invoice = LedesInvoice {
        invoice_date: f.date(INVOICE_DATE)?,
        invoice_number: invoice_no.to_owned(),
        client_id: f.id(CLIENT_ID, true, MAX_ID_LEN)?,
        law_firm_matter_id: f.id(LAW_FIRM_MATTER_ID, true, MAX_ID_LEN)?,
        billing_start: f.date(BILLING_START_DATE)?,
        billing_end: f.date(BILLING_END_DATE)?,
        description: f.description(INVOICE_DESCRIPTION)?,
        law_firm_id: f.id(LAW_FIRM_ID, true, MAX_ID_LEN)?,
        client_matter_id: f.id(CLIENT_MATTER_ID, false, MAX_ID_LEN)?,
        lines: Vec::new(),
    };
    Ok(Row {
        number,
        invoice,
        stated_invoice_total: f.required_number(INVOICE_TOTAL)?,
        stated_line_total,
        line,
    })
}
