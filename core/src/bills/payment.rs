//! Payments received and their allocation to bills.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, PaymentId, UserId};
use crate::money::Money;
use crate::validate;

/// Part of a payment applied to a bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    /// The bill.
    pub bill: BillId,
    /// How much of the payment goes to it.
    pub amount: Decimal,
}

/// A payment received from a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct NewPayment {
    /// Who paid.
    pub client: ContactId,
    /// When.
    pub received_on: NaiveDate,
    /// How much (more than zero).
    pub amount: Money,
    /// How.
    pub method: String,
    /// Reference.
    pub reference: String,
    /// Allocations to bills (together at most the amount).
    pub allocations: Vec<Allocation>,
}

impl Payment {
    /// Builds a payment at version 1, checking that the allocations never exceed it.
    pub fn create(new: NewPayment, by: UserId, now: DateTime<Utc>) -> Result<Self> {
        if new.amount.amount <= Decimal::ZERO {
            return Err(LexcaseError::validation("amount", "must be more than zero"));
        }
        let mut payment = Self {
            id: PaymentId::new(),
            client: new.client,
            received_on: new.received_on,
            amount: new.amount,
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

    /// What is not yet allocated (held on account).
    pub fn unallocated(&self) -> Decimal {
        self.amount.amount - self.allocations.iter().map(|a| a.amount).sum::<Decimal>()
    }

    /// Allocates part of the payment to a bill (more than zero, at most what is unallocated).
    pub fn allocate(&mut self, allocation: Allocation) -> Result<()> {
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
