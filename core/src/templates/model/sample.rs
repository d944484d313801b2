//! A sample merge model holding every field: what a preview renders, and what engines check
//! templates against. Its people and figures are invented.

use super::{
    BillFields, BillLineFields, ContactFields, DeadlineFields, FeeEarnerFields, FirmFields,
    KeyDateFields, MatterFields, MergeModel, PartyFields, PaymentFields, StatementEntryFields,
    StatementFields, TaskFields,
};

fn s(text: &str) -> String {
    text.to_owned()
}

fn contact(name: &str, given: &str, family: &str, email: &str) -> ContactFields {
    ContactFields {
        name: s(name),
        kind: s("person"),
        title: s("Ms"),
        given_name: s(given),
        family_name: s(family),
        salutation: format!("Dear Ms {family}"),
        email: s(email),
        phone: s("+44 20 7946 0000"),
        address: vec![s("12 Acacia Avenue"), s("Leeds"), s("LS1 1AA")],
        vat_number: s("GB 123 4567 89"),
        reference: s("JS/1"),
    }
}

fn fee_earner(name: &str, email: &str, matter_role: &str) -> FeeEarnerFields {
    FeeEarnerFields {
        name: s(name),
        email: s(email),
        role: s("Partner"),
        matter_role: s(matter_role),
        rate: s("£250.00"),
        timekeeper_code: s("AS"),
    }
}

/// A sample line: gross, its share of a 10% bill discount, net, tax and total.
fn line(number: u32, kind: &str, description: &str, figures: [&str; 5]) -> BillLineFields {
    let fee = kind == "time";
    let [gross, bill_discount, net, tax, total] = figures;
    BillLineFields {
        number,
        kind: s(kind),
        kind_label: if fee { s("Time") } else { s("Disbursement") },
        is_fee: fee,
        date: s("2 March 2026"),
        description: s(description),
        fee_earner: if fee { s("Ada Sample") } else { String::new() },
        quantity: if fee { s("1.50") } else { s("1.00") },
        unit_price: if fee { s("£250.00") } else { s("£20.00") },
        gross: s(gross),
        discount: s("£0.00"),
        bill_discount: s(bill_discount),
        net: s(net),
        tax: s(tax),
        total: s(total),
        tax_rate: if fee { s("20%") } else { String::new() },
        taxable: fee,
    }
}

/// The sample model: every optional section present and every list with at least one entry.
pub fn sample() -> MergeModel {
    let ada = fee_earner("Ada Sample", "ada@firm.example", "Responsible");
    MergeModel {
        firm: FirmFields {
            name: s("Sample & Partners LLP"),
            address: vec![s("1 High Street"), s("London"), s("EC1A 1AA")],
            email: s("office@firm.example"),
            phone: s("+44 20 7946 0999"),
            website: s("https://firm.example"),
            vat_number: s("GB 999 9999 73"),
            regulation: s("Authorised and regulated by the Solicitors Regulation Authority"),
            payment_details: vec![s("Sample Bank plc"), s("Sort code 00-00-00")],
            locale: s("en-GB"),
            currency: s("GBP"),
        },
        today: s("31 March 2026"),
        today_iso: s("2026-03-31"),
        sender: ada.clone(),
        matter: Some(MatterFields {
            number: s("SAM-0001"),
            title: s("Purchase of 12 Acacia Avenue"),
            description: s("Residential purchase with a mortgage"),
            practice_area: s("conveyancing"),
            status: s("Open"),
            opened_on: s("2 March 2026"),
            closed_on: s("30 June 2026"),
            billing: s("Hourly"),
            currency: s("GBP"),
            responsible: ada.clone(),
            originating: s("Bea Sample"),
        }),
        client: Some(contact(
            "Jane Sample",
            "Jane",
            "Sample",
            "jane@client.example",
        )),
        clients: vec![contact(
            "Jane Sample",
            "Jane",
            "Sample",
            "jane@client.example",
        )],
        parties: vec![PartyFields {
            role: s("opposing_counsel"),
            role_label: s("Opposing counsel"),
            contact: contact("Olive Other", "Olive", "Other", "olive@other.example"),
            acting_for: s("Sam Seller"),
        }],
        fee_earners: vec![
            ada,
            fee_earner("Bea Sample", "bea@firm.example", "Supervisor"),
        ],
        key_dates: vec![KeyDateFields {
            key: s("completion"),
            name: s("Completion"),
            date: s("30 April 2026"),
        }],
        deadlines: vec![DeadlineFields {
            title: s("SDLT return"),
            due: s("14 May 2026"),
            citation: s("FA 2003 s.76"),
            status: s("Open"),
            responsible: s("Ada Sample"),
        }],
        tasks: vec![TaskFields {
            title: s("Raise enquiries"),
            due: s("9 March 2026"),
            status: s("Pending"),
            priority: s("High"),
            assignee: s("Ada Sample"),
            overdue: true,
        }],
        bill: Some(BillFields {
            kind: s("invoice"),
            title: s("Invoice"),
            draft: false,
            number: s("INV000001"),
            status: s("Issued"),
            issued_on: s("31 March 2026"),
            due_on: s("30 April 2026"),
            period_from: s("1 March 2026"),
            period_to: s("31 March 2026"),
            description: s("Professional services"),
            currency: s("GBP"),
            tax_name: s("VAT"),
            tax_rate: s("20%"),
            discount_label: s("Discount (10%)"),
            lines: vec![
                line(
                    1,
                    "time",
                    "Reviewing the contract",
                    ["£375.00", "£37.50", "£337.50", "£67.50", "£405.00"],
                ),
                line(
                    2,
                    "disbursement",
                    "Land Registry fee",
                    ["£20.00", "£2.00", "£18.00", "£0.00", "£18.00"],
                ),
            ],
            gross: s("£395.00"),
            discount: s("£39.50"),
            net: s("£355.50"),
            tax: s("£67.50"),
            total: s("£423.00"),
            paid: s("£100.00"),
            credited: s("£0.00"),
            written_off: s("£0.00"),
            outstanding: s("£323.00"),
            credits: s("INV000000"),
        }),
        payments: vec![PaymentFields {
            date: s("15 April 2026"),
            amount: s("£100.00"),
            method: s("bank transfer"),
            reference: s("JS-1"),
        }],
        statement: Some(StatementFields {
            currency: s("GBP"),
            as_of: s("30 April 2026"),
            entries: vec![StatementEntryFields {
                date: s("31 March 2026"),
                description: s("Invoice INV000001"),
                debit: s("£423.00"),
                credit: s("£100.00"),
                balance: s("£323.00"),
            }],
            balance: s("£323.00"),
            on_account: s("£0.00"),
        }),
    }
}
