//! The bill's section of the merge model: its lines, totals and payments.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::label;
use crate::billing::Discount;
use crate::bills::{Bill, BillKind, BillLine, BillStatus};
use crate::ids::UserId;
use crate::templates::Locale;

/// `bill.*`: an invoice or credit note, every figure as the bill stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillFields {
    /// `invoice` or `credit_note`.
    pub kind: String,
    /// "Invoice" or "Credit note".
    pub title: String,
    /// Whether it is not yet issued (a draft or approved bill has no number yet).
    pub draft: bool,
    /// The invoice number (empty until issued).
    pub number: String,
    /// Status in words, e.g. "Partly paid".
    pub status: String,
    /// Issue date (the tax point).
    pub issued_on: String,
    /// Payment due date.
    pub due_on: String,
    /// First day of the period billed.
    pub period_from: String,
    /// Last day of the period billed.
    pub period_to: String,
    /// Narrative.
    pub description: String,
    /// The currency (ISO 4217).
    pub currency: String,
    /// The tax's name, e.g. "VAT".
    pub tax_name: String,
    /// The tax rate, e.g. "20%".
    pub tax_rate: String,
    /// The bill's discounts (its own and its lines') in words: "Discount (10%)" when it is
    /// only a percentage off the whole bill, else "Discount"; empty when there is none.
    pub discount_label: String,
    /// The lines, in order.
    pub lines: Vec<BillLineFields>,
    /// Sum of the lines' gross.
    pub gross: String,
    /// Sum of line and bill discounts.
    pub discount: String,
    /// Sum of the lines' net (the total excluding tax).
    pub net: String,
    /// Sum of the lines' tax.
    pub tax: String,
    /// The total including tax.
    pub total: String,
    /// Paid so far.
    pub paid: String,
    /// Credited so far by credit notes.
    pub credited: String,
    /// Written off so far.
    pub written_off: String,
    /// Still owed.
    pub outstanding: String,
    /// For a credit note: the number of the invoice it credits.
    pub credits: String,
}

/// `bill.lines[].*`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillLineFields {
    /// Position, from 1.
    pub number: u32,
    /// The line kind's stable name, e.g. `time`, `disbursement`.
    pub kind: String,
    /// The kind in words, e.g. "Disbursement".
    pub kind_label: String,
    /// Whether it is a fee line (as opposed to an expense or disbursement).
    pub is_fee: bool,
    /// The day of the work.
    pub date: String,
    /// Narrative.
    pub description: String,
    /// The fee earner's name.
    pub fee_earner: String,
    /// Hours or units, e.g. "1.50".
    pub quantity: String,
    /// Rate or unit price.
    pub unit_price: String,
    /// Quantity × unit price.
    pub gross: String,
    /// The line's own discount.
    pub discount: String,
    /// The line's share of the bill discount.
    pub bill_discount: String,
    /// Gross less both discounts.
    pub net: String,
    /// Tax on the net.
    pub tax: String,
    /// Net plus tax.
    pub total: String,
    /// The tax rate applied, e.g. "20%" (empty on an untaxed line).
    pub tax_rate: String,
    /// Whether tax applies.
    pub taxable: bool,
}

/// `payments[].*`: a payment allocated to the bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentFields {
    /// When it was received.
    pub date: String,
    /// How much of it went to this bill.
    pub amount: String,
    /// How it was paid, e.g. "bank transfer".
    pub method: String,
    /// The payer's reference.
    pub reference: String,
}

impl BillFields {
    /// A bill's fields; `names` gives fee earners' names, `credits` the number of the invoice
    /// a credit note credits.
    pub fn of(
        bill: &Bill,
        names: &HashMap<UserId, String>,
        credits: Option<&str>,
        locale: Locale,
    ) -> Self {
        let c = bill.currency;
        let money = |a| locale.money(a, c);
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| locale.date(d)).unwrap_or_default();
        let tax_rate = locale.percent(bill.tax_rate);
        let line = |l: &BillLine| BillLineFields {
            number: l.number,
            kind: l.kind.as_str().to_owned(),
            kind_label: label(l.kind.as_str()),
            is_fee: l.kind.is_fee(),
            date: locale.date(l.date),
            description: l.description.clone(),
            fee_earner: l
                .user
                .and_then(|u| names.get(&u).cloned())
                .unwrap_or_default(),
            quantity: locale.quantity(l.quantity),
            unit_price: locale.rate(l.unit_price, c),
            gross: money(l.totals.gross),
            discount: money(l.totals.discount),
            bill_discount: money(l.totals.bill_discount),
            net: money(l.totals.net),
            tax: money(l.totals.tax),
            total: money(l.totals.total),
            tax_rate: if l.taxable {
                tax_rate.clone()
            } else {
                String::new()
            },
            taxable: l.taxable,
        };
        let title = match bill.kind {
            BillKind::Invoice => "Invoice",
            BillKind::CreditNote => "Credit note",
        };
        Self {
            kind: bill.kind.as_str().to_owned(),
            title: title.to_owned(),
            draft: matches!(bill.status, BillStatus::Draft | BillStatus::Approved),
            number: bill.number.clone().unwrap_or_default(),
            status: label(bill.status.as_str()),
            issued_on: date(bill.issued_on),
            due_on: date(bill.due_on),
            period_from: locale.date(bill.period_from),
            period_to: locale.date(bill.period_to),
            description: bill.description.clone(),
            currency: c.code().to_owned(),
            tax_name: bill.tax_name.clone(),
            discount_label: match bill.discount {
                _ if bill.totals.discount.is_zero() => String::new(),
                Some(Discount::Percent(p)) if bill.lines.iter().all(|l| l.discount.is_none()) => {
                    format!("Discount ({}%)", p.normalize())
                }
                _ => "Discount".to_owned(),
            },
            lines: bill.lines.iter().map(line).collect(),
            tax_rate: tax_rate.clone(),
            gross: money(bill.totals.gross),
            discount: money(bill.totals.discount),
            net: money(bill.totals.net),
            tax: money(bill.totals.tax),
            total: money(bill.totals.total),
            paid: money(bill.paid),
            credited: money(bill.credited),
            written_off: money(bill.written_off),
            outstanding: money(bill.outstanding()),
            credits: credits.unwrap_or_default().to_owned(),
        }
    }
}
