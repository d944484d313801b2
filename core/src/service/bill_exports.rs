//! Bills out of the system: LEDES 1998B, CSV of the lines, JSON of the whole bill.

use rust_decimal::Decimal;

use super::bills::BillService;
use crate::access::Role;
use crate::billing::{LedesInvoice, LedesLine, LedesLineType, write_ledes_1998b};
use crate::bills::{Bill, BillLine, LineKind};
use crate::error::{LexcaseError, Result};
use crate::ids::BillId;
use crate::reports::Csv;
use crate::store::ReadTx;
use crate::users::User;

/// The LOC timekeeper classification of a role (empty where none fits).
fn classification(role: Role) -> &'static str {
    match role {
        Role::Partner => "PARTNR",
        Role::FeeEarner => "ASSOC",
        Role::Paralegal => "PARALG",
        Role::Admin | Role::Secretary | Role::Accounts | Role::ReadOnly => "",
    }
}

/// `Last, First` from a display name.
fn last_first(name: &str) -> String {
    match name.trim().rsplit_once(' ') {
        Some((first, last)) => format!("{last}, {first}"),
        None => name.trim().to_owned(),
    }
}

/// The LEDES line of a bill line: fee and expense lines carry units × cost with discounts as
/// the adjustment (so the line total is the line's net); adjustments are `IF`/`IE` lines.
fn ledes_line(line: &BillLine, user: Option<&User>) -> LedesLine {
    let adjustment_line = line.kind == LineKind::Adjustment || line.quantity < Decimal::ZERO;
    let (kind, units, unit_cost, adjustment) = match (adjustment_line, line.kind.is_fee()) {
        (true, true) => (
            LedesLineType::FeeAdjustment,
            Decimal::ZERO,
            None,
            line.totals.net,
        ),
        (true, false) => (
            LedesLineType::ExpenseAdjustment,
            Decimal::ZERO,
            None,
            line.totals.net,
        ),
        (false, fee) => (
            if fee {
                LedesLineType::Fee
            } else {
                LedesLineType::Expense
            },
            line.quantity,
            Some(line.unit_price),
            line.totals.net - line.totals.gross,
        ),
    };
    LedesLine {
        line_number: line.number.to_string(),
        kind,
        units,
        unit_cost,
        adjustment,
        date: line.date,
        task_code: line.task_code.clone().unwrap_or_default(),
        expense_code: line.expense_code.clone().unwrap_or_default(),
        activity_code: line.activity_code.clone().unwrap_or_default(),
        timekeeper_id: user
            .and_then(|u| u.timekeeper_code.clone())
            .unwrap_or_default(),
        description: line.description.clone(),
        timekeeper_name: user.map(|u| last_first(&u.name)).unwrap_or_default(),
        timekeeper_classification: user.map(|u| classification(u.role)).unwrap_or("").into(),
    }
}

/// A bill as a LEDES invoice (an issued invoice of one matter, without tax).
fn ledes_invoice(tx: &dyn ReadTx, bill: &Bill) -> Result<LedesInvoice> {
    let refuse = |reason: &str| Err(LexcaseError::validation("bill", reason));
    let (Some(number), Some(issued_on)) = (&bill.number, bill.issued_on) else {
        return refuse("only an issued bill has a LEDES form");
    };
    if !bill.totals.tax.is_zero() {
        return refuse("LEDES 1998B carries no tax: a taxed bill needs LEDES 98BI or XML");
    }
    let [matter] = bill.matters.as_slice() else {
        return refuse("LEDES 1998B carries one matter per invoice");
    };
    let matter = tx
        .matter(*matter)?
        .ok_or_else(|| LexcaseError::not_found("matter"))?;
    let settings = super::billing_terms::firm_settings(tx)?;
    let mut lines = Vec::with_capacity(bill.lines.len());
    for line in &bill.lines {
        let user = match line.user {
            Some(id) => tx.user(id)?,
            None => None,
        };
        lines.push(ledes_line(line, user.as_ref()));
    }
    Ok(LedesInvoice {
        invoice_date: issued_on,
        invoice_number: number.clone(),
        client_id: bill.client.as_uuid().simple().to_string()[..20].to_owned(),
        law_firm_matter_id: matter.number.clone(),
        billing_start: bill.period_from,
        billing_end: bill.period_to,
        description: bill.description.clone(),
        law_firm_id: settings.law_firm_id,
        client_matter_id: String::new(),
        lines,
    })
}

impl BillService<'_> {
    /// The bill as a LEDES 1998B file (an issued, untaxed invoice of one matter).
    pub fn ledes(&self, id: BillId) -> Result<String> {
        let bill = self.get(id)?;
        let invoice = self.session().read(|ctx| ledes_invoice(ctx.tx, &bill))?;
        write_ledes_1998b(&[invoice])
    }

    /// The bill's lines as CSV (RFC 4180), with a closing totals row.
    pub fn csv(&self, id: BillId) -> Result<String> {
        let bill = self.get(id)?;
        let mut csv = Csv::new(&[
            "line",
            "date",
            "kind",
            "description",
            "task_code",
            "activity_code",
            "expense_code",
            "quantity",
            "unit_price",
            "gross",
            "discount",
            "net",
            "tax",
            "total",
        ]);
        for l in &bill.lines {
            let code = |c: &Option<String>| c.clone().unwrap_or_default();
            csv.row(&[
                l.number.to_string(),
                l.date.to_string(),
                l.kind.as_str().into(),
                l.description.clone(),
                code(&l.task_code),
                code(&l.activity_code),
                code(&l.expense_code),
                l.quantity.to_string(),
                l.unit_price.to_string(),
                l.totals.gross.to_string(),
                (l.totals.discount + l.totals.bill_discount).to_string(),
                l.totals.net.to_string(),
                l.totals.tax.to_string(),
                l.totals.total.to_string(),
            ])?;
        }
        let t = &bill.totals;
        let blank = String::new;
        csv.row(&[
            "total".into(),
            blank(),
            blank(),
            bill.number.clone().unwrap_or_default(),
            blank(),
            blank(),
            blank(),
            blank(),
            blank(),
            t.gross.to_string(),
            t.discount.to_string(),
            t.net.to_string(),
            t.tax.to_string(),
            t.total.to_string(),
        ])?;
        Ok(csv.finish())
    }

    /// The whole bill as JSON.
    pub fn json(&self, id: BillId) -> Result<String> {
        let bill = self.get(id)?;
        serde_json::to_string_pretty(&bill)
            .map_err(|_| LexcaseError::storage("could not encode the bill"))
    }
}
