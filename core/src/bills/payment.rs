//! Payments received and their allocation to bills.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, PaymentId, UserId};
use crate::money::{Amount, Currency, Money};
use crate::validate;

/// Part of a payment applied to a bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Allocation {
    /// The bill.
    pub bill: BillId,
    /// How much of the payment goes to it.
    pub amount: Decimal,
}

/// A payment received from a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Payment {
    /// Identifier.
    pub id: PaymentId,
    /// Who paid.
    pub client: ContactId,
    /// When it was received.
    pub received_on: NaiveDate,
    /// How much.
    pub amount: Money,
    /// How (bank transfer, card, cheque…).
    pub method: String,
    /// The payer's or bank's reference.
    pub reference: String,
    /// Where it went; the rest is held on account.
    pub allocations: Vec<Allocation>,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: u64,
}

/// What a payment is recorded with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewPayment {
    /// Who paid.
    pub client: ContactId,
    /// When.
    pub received_on: NaiveDate,
    /// How much (more than zero); in the firm's default currency unless it names its own.
    pub amount: Amount,
    /// How.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub method: String,
    /// Reference.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub reference: String,
    /// Allocations to bills (together at most the amount).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub allocations: Vec<Allocation>,
}

/// The payment's derived figure (exported to the FFI as a method of the record).
#[cfg_attr(feature = "uniffi", uniffi::export)]
impl Payment {
    /// What is not yet allocated (held on account).
    pub fn unallocated(&self) -> Decimal {
        self.amount.amount - self.allocations.iter().map(|a| a.amount).sum::<Decimal>()
    }
}

impl Payment {
    /// Builds a payment at version 1, checking that the allocations never exceed it; an amount
    /// that names no currency is in `firm_currency`.
    pub fn create(
        new: NewPayment,
        firm_currency: Currency,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        let amount = new.amount.or_currency(firm_currency, "amount")?;
        if amount.amount <= Decimal::ZERO {
            return Err(LexcaseError::validation("amount", "must be more than zero"));
        }
        let mut payment = Self {
            id: PaymentId::new(),
            client: new.client,
            received_on: new.received_on,
            amount,
            method: validate::optional_line("method", &new.method)?.unwrap_or_default(),
            reference: validate::optional_line("reference", &new.reference)?.unwrap_or_default(),
            allocations: Vec::new(),
            recorded_by: by,
            recorded_at: now,
            version: 1,
        };
        for allocation in new.allocations {
            payment.allocate(allocation)?;
        }
        Ok(payment)
    }

    /// Allocates part of the payment to a bill (more than zero, at most what is unallocated),
    /// the amount kept in the payment currency's canonical form ([`Currency::canonical`]).
    ///
    /// [`Currency::canonical`]: crate::money::Currency::canonical
    pub fn allocate(&mut self, mut allocation: Allocation) -> Result<()> {
        allocation.amount =
            Money::new(allocation.amount, self.amount.currency, "allocations")?.amount;
        if allocation.amount <= Decimal::ZERO {
            return Err(LexcaseError::validation(
                "allocations",
                "an allocation must be more than zero",
            ));
        }
        if allocation.amount > self.unallocated() {
            return Err(LexcaseError::validation(
                "allocations",
                "the allocations exceed the payment",
            ));
        }
        validate::bounded("allocations", &self.allocations, 999)?;
        self.allocations.push(allocation);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use proptest::prelude::*;

    fn payment(amount: i64) -> Payment {
        let money = Money::new(
            Decimal::new(amount, 2),
            Currency::parse("GBP").unwrap(),
            "amount",
        )
        .unwrap();
        Payment::create(
            NewPayment {
                client: ContactId::new(),
                received_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
                amount: money.into(),
                method: String::new(),
                reference: String::new(),
                allocations: vec![],
            },
            Currency::parse("GBP").unwrap(),
            UserId::new(),
            Utc::now(),
        )
        .unwrap()
    }

    proptest! {
        /// Whatever is asked, the accepted allocations never exceed the payment, and each
        /// refused one leaves the payment as it was.
        #[test]
        fn allocations_never_exceed_the_payment(
            amount in 1i64..10_000_000,
            asks in proptest::collection::vec(-1_000i64..5_000_000, 0..30),
        ) {
            let mut p = payment(amount);
            for ask in asks {
                let before = p.clone();
                let ok = p.allocate(Allocation { bill: BillId::new(), amount: Decimal::new(ask, 2) });
                if ok.is_err() {
                    prop_assert_eq!(&p, &before);
                }
                prop_assert!(p.unallocated() >= Decimal::ZERO);
                let allocated: Decimal = p.allocations.iter().map(|a| a.amount).sum();
                prop_assert_eq!(allocated + p.unallocated(), p.amount.amount);
            }
        }
    }

    /// An allocation reads back as the store keeps it: "500" of a GBP payment is 500.00.
    #[test]
    fn an_allocation_is_kept_in_the_currency_canonical_form() {
        let mut p = payment(100_000);
        p.allocate(Allocation {
            bill: BillId::new(),
            amount: Decimal::new(500, 0),
        })
        .unwrap();
        assert_eq!(p.allocations[0].amount.to_string(), "500.00");
    }

    #[test]
    fn an_amount_without_a_currency_is_in_the_firms() {
        let usd = Currency::parse("USD").unwrap();
        let new = NewPayment {
            client: ContactId::new(),
            received_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            amount: crate::money::Amount::new(Decimal::TEN),
            method: String::new(),
            reference: String::new(),
            allocations: vec![],
        };
        let payment = Payment::create(new, usd, UserId::new(), Utc::now()).unwrap();
        assert_eq!(
            payment.amount,
            Money::new(Decimal::TEN, usd, "amount").unwrap()
        );
    }

    #[test]
    fn refuses_nothing_or_negative_payments() {
        let zero = Money::zero(Currency::parse("GBP").unwrap());
        let new = NewPayment {
            client: ContactId::new(),
            received_on: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            amount: zero.into(),
            method: String::new(),
            reference: String::new(),
            allocations: vec![],
        };
        assert!(Payment::create(new, zero.currency, UserId::new(), Utc::now()).is_err());
    }
}
