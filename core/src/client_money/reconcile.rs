//! Three-way reconciliation: bank statement vs cash book vs client ledgers.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::LedgerBalance;
use crate::error::{LexcaseError, Result};
use crate::money::{Amount, Money};

/// A line that the bank statement does not yet show (a deposit in transit or an outstanding
/// payment such as an uncleared cheque).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatementItem {
    /// What it is (cheque number, payee).
    pub description: String,
    /// The amount, not negative (in the statement's currency when it names none).
    pub amount: Amount,
}

/// The client (trust) account bank statement at a date, with the items not yet on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BankStatement {
    /// The statement date.
    pub date: NaiveDate,
    /// The balance the bank shows (in the firm's default currency when it names none).
    pub balance: Amount,
    /// Money recorded in the cash book but not yet credited by the bank.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub deposits_in_transit: Vec<StatementItem>,
    /// Payments recorded in the cash book but not yet debited by the bank.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub outstanding_payments: Vec<StatementItem>,
}

/// One difference found by a reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReconciliationDifference {
    /// Which figures differ: `"bank vs cash book"`, `"cash book vs client ledgers"`,
    /// `"bank vs client ledgers"`, or an exception `"client ledger below zero: <matter id>"`.
    pub between: String,
    /// The first figure minus the second; for a negative ledger, its (negative) balance.
    pub amount: Money,
}

/// The result of a three-way reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reconciliation {
    /// The statement date.
    pub date: NaiveDate,
    /// The balance the bank shows.
    pub statement_balance: Money,
    /// Statement balance + deposits in transit − outstanding payments.
    pub adjusted_bank_balance: Money,
    /// The cash book (trust journal) balance.
    pub cash_book_balance: Money,
    /// The sum of the client ledger balances.
    pub ledgers_total: Money,
    /// The client ledger balances reconciled.
    pub ledgers: Vec<LedgerBalance>,
    /// Every non-zero difference and every client ledger below zero; empty when balanced.
    pub differences: Vec<ReconciliationDifference>,
    /// Whether the three figures agree and no client ledger is below zero.
    pub balanced: bool,
}

fn sum<'a>(
    start: Money,
    amounts: impl IntoIterator<Item = &'a Money>,
    field: &str,
) -> Result<Money> {
    amounts.into_iter().try_fold(start, |total, m| {
        if m.currency != start.currency {
            return Err(LexcaseError::validation(
                field,
                "not in the statement's currency",
            ));
        }
        total.checked_add(*m)
    })
}

fn difference(
    between: &str,
    first: Money,
    second: Money,
) -> Result<Option<ReconciliationDifference>> {
    let amount = first
        .amount
        .checked_sub(second.amount)
        .ok_or_else(|| LexcaseError::validation("amount", "overflow"))?;
    Ok((!amount.is_zero()).then(|| ReconciliationDifference {
        between: between.to_owned(),
        amount: Money {
            amount,
            currency: first.currency,
        },
    }))
}

/// Reconciles the trust account three ways as at the statement date (ABA Model Rules for Client
/// Trust Account Records; SRA Accounts Rules 2019 r.8.3): the adjusted bank balance, the cash
/// book balance and the total of the client ledgers must agree. Each pairwise difference that is
/// not zero is reported, and each client ledger below zero is itemised as an exception (one
/// client's money may have been used for another). Refused with a validation error: amounts in
/// a currency other than the statement's, a negative statement item, and a client-matter ledger
/// given twice. Statement amounts that name no currency are in the statement balance's, and a
/// balance that names none is in the cash book's.
pub fn reconcile(
    statement: &BankStatement,
    cash_book_balance: Money,
    ledgers: Vec<LedgerBalance>,
) -> Result<Reconciliation> {
    let currency = statement
        .balance
        .currency
        .unwrap_or(cash_book_balance.currency);
    let balance = statement.balance.or_currency(currency, "balance")?;
    let items = |list: &[StatementItem], field: &str| -> Result<Vec<Money>> {
        list.iter()
            .map(|item| {
                if item.amount.amount < Decimal::ZERO {
                    return Err(LexcaseError::validation(
                        "statement",
                        "a statement item must not be negative",
                    ));
                }
                item.amount.or_currency(currency, field)
            })
            .collect()
    };
    let deposits = items(&statement.deposits_in_transit, "deposits_in_transit")?;
    let outstanding = items(&statement.outstanding_payments, "outstanding_payments")?;
    let zero = Money::zero(currency);
    let deposits = sum(zero, &deposits, "deposits_in_transit")?;
    let outstanding = sum(zero, &outstanding, "outstanding_payments")?;
    let adjusted = balance.checked_add(deposits)?;
    let adjusted = Money::new(
        adjusted.amount - outstanding.amount,
        currency,
        "adjusted_bank_balance",
    )?;
    sum(zero, [&cash_book_balance], "cash_book_balance")?;
    let ledgers_total = sum(zero, ledgers.iter().map(|l| &l.balance), "ledgers")?;
    let ledgers_total = Money::new(ledgers_total.amount, currency, "ledgers_total")?;
    let mut seen = HashSet::new();
    if !ledgers.iter().all(|l| seen.insert((l.matter, l.client))) {
        return Err(LexcaseError::validation(
            "ledgers",
            "a client-matter ledger is given twice",
        ));
    }

    let mut differences: Vec<ReconciliationDifference> = [
        difference("bank vs cash book", adjusted, cash_book_balance)?,
        difference(
            "cash book vs client ledgers",
            cash_book_balance,
            ledgers_total,
        )?,
        difference("bank vs client ledgers", adjusted, ledgers_total)?,
    ]
    .into_iter()
    .flatten()
    .collect();
    differences.extend(
        ledgers
            .iter()
            .filter(|l| l.balance.amount < Decimal::ZERO)
            .map(|l| ReconciliationDifference {
                between: format!("client ledger below zero: {}", l.matter),
                amount: l.balance,
            }),
    );
    Ok(Reconciliation {
        date: statement.date,
        statement_balance: balance,
        adjusted_bank_balance: adjusted,
        cash_book_balance,
        ledgers_total,
        balanced: differences.is_empty(),
        ledgers,
        differences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{ContactId, MatterId};
    use crate::money::Currency;
    use rust_decimal_macros::dec;

    fn gbp(amount: Decimal) -> Money {
        Money::new(amount, Currency::parse("GBP").unwrap(), "amount").unwrap()
    }

    fn ledger(balance: Decimal) -> LedgerBalance {
        LedgerBalance {
            matter: MatterId::new(),
            client: ContactId::new(),
            balance: gbp(balance),
        }
    }

    fn statement(balance: Decimal) -> BankStatement {
        BankStatement {
            date: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
            balance: gbp(balance).into(),
            deposits_in_transit: vec![],
            outstanding_payments: vec![],
        }
    }

    #[test]
    fn negative_ledger_is_an_exception_even_when_totals_agree() {
        let a = ledger(dec!(150));
        let b = ledger(dec!(-50));
        let matter = b.matter;
        let r = reconcile(&statement(dec!(100)), gbp(dec!(100)), vec![a, b]).unwrap();
        assert!(!r.balanced);
        assert_eq!(
            r.differences,
            vec![ReconciliationDifference {
                between: format!("client ledger below zero: {matter}"),
                amount: gbp(dec!(-50)),
            }]
        );
    }

    #[test]
    fn bank_vs_cash_book_difference() {
        let r = reconcile(
            &statement(dec!(120)),
            gbp(dec!(100)),
            vec![ledger(dec!(100))],
        )
        .unwrap();
        assert!(!r.balanced);
        let between: Vec<_> = r
            .differences
            .iter()
            .map(|d| (d.between.as_str(), d.amount.amount))
            .collect();
        assert_eq!(
            between,
            vec![
                ("bank vs cash book", dec!(20)),
                ("bank vs client ledgers", dec!(20))
            ]
        );
    }

    #[test]
    fn refuses_bad_input() {
        let usd = Money::new(dec!(1), Currency::parse("USD").unwrap(), "x").unwrap();
        assert!(reconcile(&statement(dec!(1)), usd, vec![]).is_err());
        let mut s = statement(dec!(1));
        s.outstanding_payments.push(StatementItem {
            description: "x".into(),
            amount: usd.into(),
        });
        assert!(reconcile(&s, gbp(dec!(1)), vec![]).is_err());
        let mut s = statement(dec!(1));
        s.deposits_in_transit.push(StatementItem {
            description: "x".into(),
            amount: gbp(dec!(-1)).into(),
        });
        assert!(reconcile(&s, gbp(dec!(1)), vec![]).is_err());
        let l = ledger(dec!(1));
        assert!(reconcile(&statement(dec!(2)), gbp(dec!(2)), vec![l.clone(), l]).is_err());
        let l = LedgerBalance {
            balance: usd,
            ..ledger(dec!(0))
        };
        assert!(reconcile(&statement(dec!(1)), gbp(dec!(1)), vec![l]).is_err());
    }

    #[test]
    fn statement_amounts_without_a_currency_are_in_the_cash_books() {
        let mut s = statement(dec!(0));
        s.balance = Amount::new(dec!(100));
        s.outstanding_payments.push(StatementItem {
            description: "Cheque".into(),
            amount: Amount::new(dec!(40)),
        });
        let r = reconcile(&s, gbp(dec!(60)), vec![ledger(dec!(60))]).unwrap();
        assert_eq!(r.statement_balance, gbp(dec!(100)));
        assert_eq!(r.adjusted_bank_balance, gbp(dec!(60)));
        assert!(r.balanced);
    }

    #[test]
    fn empty_account_is_balanced() {
        let r = reconcile(&statement(dec!(0)), gbp(dec!(0)), vec![]).unwrap();
        assert!(r.balanced);
        assert_eq!(r.ledgers_total, gbp(dec!(0)));
    }
}
