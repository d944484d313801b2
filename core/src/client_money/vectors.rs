//! The trust-accounting test vectors of STANDARDS §5.3.

use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::ids::{BillId, ContactId, MatterId, UserId};
use crate::money::{Currency, Money};

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn money(amount: Decimal) -> Money {
    Money::new(amount, usd(), "amount").unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ledger(balance: Decimal) -> LedgerBalance {
    LedgerBalance {
        matter: MatterId::new(),
        client: ContactId::new(),
        balance: money(balance),
    }
}

fn statement() -> BankStatement {
    BankStatement {
        date: date(2025, 1, 31),
        balance: money(dec!(10000.00)).into(),
        deposits_in_transit: vec![StatementItem {
            description: "Deposit 31 Jan".into(),
            amount: money(dec!(500.00)).into(),
        }],
        outstanding_payments: vec![StatementItem {
            description: "Cheque 1042".into(),
            amount: money(dec!(1500.00)).into(),
        }],
    }
}

#[test]
fn reconciled() {
    let r = reconcile(
        &statement(),
        money(dec!(9000.00)),
        vec![ledger(dec!(5000.00)), ledger(dec!(4000.00))],
    )
    .unwrap();
    assert_eq!(r.adjusted_bank_balance, money(dec!(9000.00)));
    assert_eq!(r.ledgers_total, money(dec!(9000.00)));
    assert_eq!(r.statement_balance, money(dec!(10000)));
    assert!(r.balanced);
    assert!(r.differences.is_empty());
    assert_eq!(r.ledgers.len(), 2);
}

#[test]
fn unreconciled_reports_the_shortfall() {
    let r = reconcile(
        &statement(),
        money(dec!(9000.00)),
        vec![ledger(dec!(5000.00)), ledger(dec!(4100.00))],
    )
    .unwrap();
    assert!(!r.balanced);
    assert_eq!(r.ledgers_total, money(dec!(9100.00)));
    assert_eq!(
        r.differences,
        vec![
            ReconciliationDifference {
                between: "cash book vs client ledgers".into(),
                amount: money(dec!(-100.00)),
            },
            ReconciliationDifference {
                between: "bank vs client ledgers".into(),
                amount: money(dec!(-100.00)),
            },
        ]
    );
    assert_eq!(r.differences[0].amount.to_string(), "-100.00 USD");
}

#[test]
fn overdraw_guard_is_per_client_not_pooled() {
    let a = ledger(dec!(5000.00));
    let b = ledger(dec!(4000.00));
    let pooled = reconcile(&statement(), money(dec!(9000)), vec![a, b.clone()]).unwrap();
    assert_eq!(pooled.adjusted_bank_balance, money(dec!(9000.00)));
    let err = check_withdrawal(b.balance, money(dec!(4500.00)), None).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::Validation);
    assert!(err.to_string().contains("below zero"), "{err}");
    assert_eq!(
        check_withdrawal(
            b.balance,
            money(dec!(4500.00)),
            Some("Cleared funds confirmed by bank")
        )
        .unwrap(),
        Some("Cleared funds confirmed by bank".to_owned())
    );
}

#[test]
fn commingling_there_is_no_kind_for_firm_money() {
    // Firm money cannot be recorded on a client ledger: only these four kinds exist.
    assert_eq!(
        ClientMoneyEntryKind::ALL.map(ClientMoneyEntryKind::as_str),
        ["receipt", "payment", "transfer_to_office", "reversal"]
    );
    assert!("bank_charge".parse::<ClientMoneyEntryKind>().is_err());
    assert!("firm_deposit".parse::<ClientMoneyEntryKind>().is_err());
}

#[test]
fn advance_fee_then_transfer_against_the_bill() {
    let (matter, client, by) = (MatterId::new(), ContactId::new(), UserId::new());
    let new = |kind, amount, bill| NewClientMoneyEntry {
        matter,
        client,
        kind,
        amount: money(amount).into(),
        date: date(2025, 1, 6),
        reference: String::new(),
        counterparty: "Client".into(),
        description: "Retainer".into(),
        bill,
        reverses: None,
    };
    let retainer = ClientMoneyEntry::create(
        new(ClientMoneyEntryKind::Receipt, dec!(5000), None),
        usd(),
        by,
        Utc::now(),
    )
    .unwrap();
    let balance = ledger_balance(std::slice::from_ref(&retainer), usd()).unwrap();
    assert_eq!(
        check_withdrawal(balance, money(dec!(1200)), None).unwrap(),
        None
    );
    // Without a bill the transfer is refused: advance fees are withdrawn only as earned.
    assert!(
        ClientMoneyEntry::create(
            new(ClientMoneyEntryKind::TransferToOffice, dec!(1200), None),
            usd(),
            by,
            Utc::now()
        )
        .is_err()
    );
    let transfer = ClientMoneyEntry::create(
        new(
            ClientMoneyEntryKind::TransferToOffice,
            dec!(1200),
            Some(BillId::new()),
        ),
        usd(),
        by,
        Utc::now(),
    )
    .unwrap();
    let balance = ledger_balance(&[retainer, transfer], usd()).unwrap();
    assert_eq!(balance, money(dec!(3800.00)));
}

#[test]
fn sra_cadence() {
    assert_eq!(
        ReconciliationCadence::FiveWeeks.next_due(date(2025, 1, 31)),
        date(2025, 3, 7)
    );
}
