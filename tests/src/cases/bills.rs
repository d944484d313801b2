//! Bills through the services: drafting from work, VAT and disbursements, discounts that keep
//! lines summing to totals, the state machine, gapless numbers, payments, credit notes,
//! write-offs, statements, aged debt and the LEDES export.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::billing::{Discount, parse_ledes_1998b};
use lexcase::bills::{Allocation, BillStatus, FeeArrangement, LineKind, NewPayment};
use lexcase::money::{Currency, Money};
use lexcase::service::DraftRequest;
use lexcase::timekeeping::{
    Billability, ExpenseTax, FirmBillingSettings, NewExpense, NewTimeEntry, TimeEntryChanges,
    WorkStatus,
};
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn gbp(s: &str) -> Money {
    Money::new(dec(s), Currency::parse("GBP").unwrap(), "amount").unwrap()
}

fn expense(
    matter: lexcase::MatterId,
    text: &str,
    cost: &str,
    tax: ExpenseTax,
    code: &str,
) -> NewExpense {
    NewExpense {
        matter,
        date: day("2026-11-20"),
        description: text.into(),
        quantity: Decimal::ONE,
        unit_cost: gbp(cost).into(),
        expense_code: Some(code.into()),
        vendor: String::new(),
        receipt: None,
        tax,
        billable: true,
    }
}

/// STANDARDS 7.4: fees 1,000 → VAT 200; a court-fee disbursement 100 untaxed; a rail fare 50
/// re-charged with VAT 10 → 1,360. Then approve, issue, pay, credit, write off.
pub fn draft_issue_and_settle(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let client = m.clients().next().unwrap();
    let accounts = f.accounts.time();
    let settings = FirmBillingSettings {
        tax_rate: dec("0.20"),
        law_firm_id: "SMITHCO".into(),
        ..FirmBillingSettings::default()
    };
    accounts.set_billing_settings(settings, 0).unwrap();
    let time = f.fee_earner.time();
    let mut work = NewTimeEntry::new(m.id, day("2026-11-20"), 4 * 3600, "Trial preparation");
    work.task_code = Some("L440".into());
    work.activity_code = Some("A101".into());
    let work = time.record(work).unwrap();
    let mut free = NewTimeEntry::new(m.id, day("2026-11-21"), 600, "Courtesy call");
    free.billability = Billability::NoCharge;
    time.record(free).unwrap();
    let mut internal = NewTimeEntry::new(m.id, day("2026-11-21"), 600, "Internal training");
    internal.billability = Billability::NonBillable;
    let internal = time.record(internal).unwrap();
    time.record_expense(expense(
        m.id,
        "Court fee",
        "100",
        ExpenseTax::Disbursement,
        "E112",
    ))
    .unwrap();
    time.record_expense(expense(
        m.id,
        "Rail fare to hearing",
        "50",
        ExpenseTax::VatableCost,
        "E110",
    ))
    .unwrap();

    let bills = f.accounts.bills();
    let request = DraftRequest {
        client,
        matters: vec![m.id],
        period_from: day("2026-11-01"),
        period_to: day("2026-11-30"),
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For services rendered".into(),
    };
    let draft = bills.draft(request.clone()).unwrap();
    let kinds: Vec<_> = draft.lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        vec![
            LineKind::Time,
            LineKind::NoChargeTime,
            LineKind::Disbursement,
            LineKind::Expense
        ]
    );
    assert_eq!(
        (draft.totals.net, draft.totals.tax, draft.totals.total),
        (dec("1150.00"), dec("210.00"), dec("1360.00"))
    );
    assert_eq!(
        draft.allowed_transitions(),
        vec![BillStatus::Approved, BillStatus::Void]
    );
    assert_eq!(time.get(work.id).unwrap().status, WorkStatus::OnDraftBill);
    assert_eq!(
        time.get(internal.id).unwrap().status,
        WorkStatus::Unbilled,
        "never billed"
    );
    assert_invalid(bills.draft(request.clone()), "period");

    // A 10% discount: lines still sum to every total.
    let draft = bills
        .set_discount(draft.id, draft.version, Some(Discount::Percent(dec("10"))))
        .unwrap();
    let sum = |f: fn(&lexcase::billing::LineTotals) -> Decimal| -> Decimal {
        draft.lines.iter().map(|l| f(&l.totals)).sum()
    };
    assert_eq!(sum(|t| t.net), draft.totals.net);
    assert_eq!(sum(|t| t.tax), draft.totals.tax);
    assert_eq!(sum(|t| t.total), draft.totals.total);
    assert!(draft.totals.total < dec("1360.00"));
    let draft = bills.set_discount(draft.id, draft.version, None).unwrap();

    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    assert_eq!(
        approved.allowed_transitions(),
        vec![BillStatus::Draft, BillStatus::Issued, BillStatus::Void]
    );
    assert_code(
        bills.set_discount(approved.id, approved.version, None),
        ErrorCode::InvalidTransition,
    );
    let issued = bills.issue(approved.id, approved.version).unwrap();
    assert_eq!(issued.number.as_deref(), Some("INV000001"));
    assert_eq!(issued.issued_on, Some(day("2026-11-27")));
    assert_eq!(issued.due_on, Some(day("2026-12-27")));
    let work = time.get(work.id).unwrap();
    assert_eq!(
        (work.status, work.bill),
        (WorkStatus::Billed, Some(issued.id))
    );
    assert_code(
        time.update(work.id, work.version, TimeEntryChanges::default()),
        ErrorCode::InvalidTransition,
    );

    // LEDES 1998B has no tax field: a VAT invoice is refused.
    assert_invalid(bills.ledes(issued.id), "bill");
    assert!(bills.csv(issued.id).unwrap().lines().count() > 4);
    assert!(bills.json(issued.id).unwrap().contains("\"INV000001\""));

    // Payments: partly, then the rest; never more than owed or paid.
    let payments = f.accounts.payments();
    let pay = |amount: &str, allocations: Vec<Allocation>| {
        payments.record(NewPayment {
            client,
            received_on: day("2026-11-28"),
            amount: gbp(amount).into(),
            method: "bank transfer".into(),
            reference: "SMITH".into(),
            allocations,
        })
    };
    let first = pay(
        "500",
        vec![Allocation {
            bill: issued.id,
            amount: dec("500"),
        }],
    )
    .unwrap();
    assert_eq!(first.unallocated(), Decimal::ZERO);
    assert_eq!(bills.get(issued.id).unwrap().status, BillStatus::PartlyPaid);
    assert_invalid(
        pay(
            "100",
            vec![Allocation {
                bill: issued.id,
                amount: dec("150"),
            }],
        ),
        "allocations",
    );
    assert_invalid(
        pay(
            "1000",
            vec![Allocation {
                bill: issued.id,
                amount: dec("900"),
            }],
        ),
        "amount",
    );
    let on_account = pay("900", vec![]).unwrap();
    let bill = bills.get(issued.id).unwrap();
    assert_code(
        bills.void(bill.id, bill.version, "mistake"),
        ErrorCode::InvalidTransition,
    );
    // A credit note of 60 and a write-off of 10 leave 790, paid from the money on account.
    let note = bills
        .credit_note(bill.id, bill.version, dec("60"), "goodwill")
        .unwrap();
    assert_eq!(
        (note.number.as_deref(), note.totals.total),
        (Some("INV000002"), dec("-60.00"))
    );
    let bill = bills.get(issued.id).unwrap();
    let bill = payments
        .write_off(bill.id, bill.version, dec("10"), "rounding")
        .unwrap();
    assert_eq!(bill.outstanding(), dec("790.00"));
    payments
        .allocate(on_account.id, on_account.version, bill.id, dec("790"))
        .unwrap();
    let bill = bills.get(issued.id).unwrap();
    assert_eq!(
        (bill.status, bill.outstanding()),
        (BillStatus::Paid, Decimal::ZERO)
    );
    assert!(bill.allowed_transitions().is_empty());

    let statement = payments
        .statement(client, Currency::parse("GBP").unwrap())
        .unwrap();
    assert_eq!(statement.entries.len(), 5);
    assert_eq!(statement.balance, dec("-110.00"));
    assert_eq!(statement.on_account, dec("110"));
    let aged = payments
        .aged_debt(day("2026-12-31"), Currency::parse("GBP").unwrap())
        .unwrap();
    assert_eq!(aged.total.amount, Decimal::ZERO);
    f.assert_state_explained();
}

/// Void and reissue keep the numbering gapless; fixed fees and contingency fees; reading
/// bills needs view_rates; bad drafts write nothing.
pub fn void_reissue_and_arrangements(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 1 Elm Road");
    let client = m.clients().next().unwrap();
    let settings = FirmBillingSettings {
        law_firm_id: "24-6437381".into(),
        ..FirmBillingSettings::default()
    };
    f.partner.time().set_billing_settings(settings, 0).unwrap();
    let time = f.fee_earner.time();
    time.record(NewTimeEntry::new(m.id, day("2026-11-20"), 3600, "Searches"))
        .unwrap();
    let bills = f.partner.bills();
    let request = DraftRequest {
        client,
        matters: vec![m.id],
        period_from: day("2026-11-01"),
        period_to: day("2026-11-30"),
        arrangement: FeeArrangement::FixedFee {
            amount: dec("950"),
            show_time: true,
        },
        discount: None,
        description: "Conveyancing".into(),
    };
    let draft = bills.draft(request.clone()).unwrap();
    assert_eq!(draft.totals.total, dec("950.00"));
    assert_eq!(draft.lines[1].kind, LineKind::NoChargeTime);
    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    let issued = bills.issue(approved.id, approved.version).unwrap();
    assert_eq!(issued.number.as_deref(), Some("INV000001"));
    let voided = bills.void(issued.id, issued.version, "wrong fee").unwrap();
    assert_eq!(voided.status, BillStatus::Void);
    // The work is unbilled again and a new bill takes the next number.
    let again = bills
        .draft(DraftRequest {
            arrangement: FeeArrangement::Contingency {
                recovery: dec("100000"),
                costs: dec("10000"),
                percent: dec("100") / dec("3"),
                basis: lexcase::billing::ContingencyBasis::Gross,
            },
            ..request.clone()
        })
        .unwrap();
    assert_eq!(again.lines[0].kind, LineKind::ContingencyFee);
    assert_eq!(again.totals.total, dec("33333.33"));
    let again = bills
        .transition(again.id, again.version, BillStatus::Approved)
        .unwrap();
    let again = bills.issue(again.id, again.version).unwrap();
    assert_eq!(again.number.as_deref(), Some("INV000002"));
    // LEDES 1998B parses back with the same totals.
    let ledes = bills.ledes(again.id).unwrap();
    let parsed = parse_ledes_1998b(&ledes).unwrap();
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].invoice_number, "INV000002");
    assert_eq!(parsed[0].total(), again.totals.total);
    assert_eq!(parsed[0].lines.len(), again.lines.len());
    assert!(ledes.is_ascii() && ledes.starts_with("LEDES1998B[]\r\n"));

    assert_code(
        f.fee_earner.bills().get(again.id),
        ErrorCode::PermissionDenied,
    );
    assert!(f.accounts.bills().get(again.id).is_ok());
    let stranger = f.person("Not", "Aclient");
    let before = f.audit_len();
    assert_code(
        f.fee_earner.bills().draft(request.clone()),
        ErrorCode::PermissionDenied,
    );
    assert_invalid(
        bills.draft(DraftRequest {
            client: stranger.id,
            ..request.clone()
        }),
        "client",
    );
    assert_invalid(
        bills.draft(DraftRequest {
            period_to: day("2026-10-01"),
            ..request.clone()
        }),
        "period_to",
    );
    assert_invalid(
        bills.draft(DraftRequest {
            discount: Some(Discount::Percent(dec("120"))),
            ..request
        }),
        "discount",
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
    f.assert_state_explained();
}
