//! Client money through the services: receipts, payments out, transfers to office against
//! issued bills, the overdraw guard and its authorised override, reversals, reconciliation.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::client_money::{
    BankStatement, ClientMoneyEntryKind, NewClientMoneyEntry, StatementItem,
};
use lexcase::money::{Currency, Money};
use lexcase::service::DraftRequest;
use lexcase::timekeeping::NewTimeEntry;
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn gbp(s: &str) -> Money {
    Money::new(
        s.parse().unwrap(),
        Currency::parse("GBP").unwrap(),
        "amount",
    )
    .unwrap()
}

/// STANDARDS 5.3: 5,000 received on account, a 1,200 bill paid by transfer → 3,800; a
/// payment above the balance is refused unless a partner overrides it with a reason;
/// entries are only ever reversed; the three-way reconciliation itemises differences.
pub fn ledger_guard_override_and_reconciliation(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Purchase of 1 Elm Road");
    let client = m.clients().next().unwrap();
    let money = f.accounts.client_money();
    let entry = |kind, amount: &str, bill| NewClientMoneyEntry {
        matter: m.id,
        client,
        kind,
        amount: gbp(amount).into(),
        date: day("2026-11-27"),
        reference: "BACS".into(),
        counterparty: "Jane Smith".into(),
        description: "On account of costs".into(),
        bill,
        reverses: None,
    };
    let receipt = money
        .record(entry(ClientMoneyEntryKind::Receipt, "5000", None), None)
        .unwrap();

    let work = f
        .fee_earner
        .time()
        .record(NewTimeEntry::new(
            m.id,
            day("2026-11-20"),
            4 * 3600,
            "Exchange",
        ))
        .unwrap();
    let bills = f.accounts.bills();
    let bill = bills
        .draft(DraftRequest {
            client,
            matters: vec![m.id],
            period_from: day("2026-11-01"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::FixedFee {
                amount: "1200".parse().unwrap(),
                show_time: false,
            },
            discount: None,
            description: "Conveyancing".into(),
        })
        .unwrap();
    // A transfer against a bill not yet issued is refused.
    assert_invalid(
        money.record(
            entry(
                ClientMoneyEntryKind::TransferToOffice,
                "1200",
                Some(bill.id),
            ),
            None,
        ),
        "bill",
    );
    let bill = bills
        .transition(bill.id, bill.version, BillStatus::Approved)
        .unwrap();
    let bill = bills.issue(bill.id, bill.version).unwrap();
    // The fixed fee hides its time records but bills them all the same.
    assert_eq!(bill.lines.len(), 1);
    let work = f.fee_earner.time().get(work.id).unwrap();
    assert_eq!(
        (work.status, work.bill),
        (lexcase::timekeeping::WorkStatus::Billed, Some(bill.id))
    );
    money
        .record(
            entry(
                ClientMoneyEntryKind::TransferToOffice,
                "1200",
                Some(bill.id),
            ),
            None,
        )
        .unwrap();
    assert_eq!(bills.get(bill.id).unwrap().status, BillStatus::Paid);
    let balance =
        |s: &lexcase::service::Session| s.client_money().balances(m.id).unwrap()[0].balance;
    assert_eq!(balance(&f.accounts), gbp("3800.00"));

    // 4,000 out of a 3,800 ledger: refused; an override needs override_client_money.
    let before = f.audit_len();
    assert_invalid(
        money.record(entry(ClientMoneyEntryKind::Payment, "4000", None), None),
        "amount",
    );
    assert_code(
        money.record(
            entry(ClientMoneyEntryKind::Payment, "4000", None),
            Some("completion monies"),
        ),
        ErrorCode::PermissionDenied,
    );
    assert_eq!(f.audit_len(), before, "nothing was written");
    let overdrawn = f
        .partner
        .client_money()
        .record(
            entry(ClientMoneyEntryKind::Payment, "4000", None),
            Some("lender's funds arrive tomorrow"),
        )
        .unwrap();
    assert_eq!(
        overdrawn.override_reason.as_deref(),
        Some("lender's funds arrive tomorrow")
    );
    assert_eq!(balance(&f.accounts), gbp("-200.00"));
    // Corrections are reversals, never edits: reversing the payment restores the ledger.
    money
        .reverse(overdrawn.id, day("2026-11-27"), "sent in error", None)
        .unwrap();
    assert_eq!(balance(&f.accounts), gbp("3800.00"));
    assert_invalid(
        money.reverse(overdrawn.id, day("2026-11-27"), "again", None),
        "reverses",
    );
    assert_eq!(money.entries(m.id).unwrap().len(), 4);
    assert_eq!(money.entries(m.id).unwrap()[0], receipt);

    // Reconciliation: bank 4,300 with 500 paid out not yet presented → adjusted 3,800.
    let statement = BankStatement {
        date: day("2026-11-30"),
        balance: gbp("4300").into(),
        deposits_in_transit: vec![],
        outstanding_payments: vec![StatementItem {
            description: "cheque 1042".into(),
            amount: gbp("500").into(),
        }],
    };
    let record = money.reconcile(statement.clone()).unwrap();
    assert!(record.reconciliation.balanced);
    assert_eq!(record.reconciliation.cash_book_balance, gbp("3800.00"));
    let due = money.reconciliation_due().unwrap();
    assert_eq!(
        (due.last, due.next_due, due.overdue),
        (Some(day("2026-11-30")), day("2026-12-30"), false)
    );
    let short = BankStatement {
        date: day("2026-12-01"),
        balance: gbp("4200").into(),
        ..statement
    };
    let record = money.reconcile(short).unwrap();
    assert!(!record.reconciliation.balanced);
    assert_eq!(
        record.reconciliation.differences[0].amount.amount,
        Decimal::from(-100)
    );

    assert_code(
        f.fee_earner
            .client_money()
            .record(entry(ClientMoneyEntryKind::Receipt, "1", None), None),
        ErrorCode::PermissionDenied,
    );
    let stranger = f.person("Not", "Aclient");
    let mut wrong = entry(ClientMoneyEntryKind::Receipt, "1", None);
    wrong.client = stranger.id;
    assert_invalid(money.record(wrong, None), "client");
    let mut usd = entry(ClientMoneyEntryKind::Receipt, "1", None);
    usd.amount = Money::new(Decimal::ONE, Currency::parse("USD").unwrap(), "x")
        .unwrap()
        .into();
    assert_invalid(money.record(usd, None), "amount");
    f.assert_state_explained();
}
