//! The trust ledger entry: one append-only line on a client-matter ledger.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ClientMoneyEntryKind;
use crate::error::{LexcaseError, Result};
use crate::ids::{BillId, ContactId, MatterId, TrustEntryId, UserId};
use crate::money::{Amount, Currency, Money};
use crate::validate;

/// One entry on a client-matter trust ledger. Entries are never edited or deleted; a mistake is
/// corrected by a [`ClientMoneyEntryKind::Reversal`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ClientMoneyEntry {
    /// Identifier.
    pub id: TrustEntryId,
    /// The matter whose ledger it is on.
    pub matter: MatterId,
    /// The client whose money it is.
    pub client: ContactId,
    /// What the entry does.
    pub kind: ClientMoneyEntryKind,
    /// Always positive; the kind gives the sign (see [`ClientMoneyEntry::signed_amount`]).
    pub amount: Money,
    /// The date the money moved (the bank date).
    pub date: NaiveDate,
    /// The bank or cheque reference (may be empty).
    pub reference: String,
    /// The payer of a receipt or the payee of a payment (may be empty for transfers and reversals).
    pub counterparty: String,
    /// What the money is for, or why an entry is reversed.
    pub description: String,
    /// The issued bill a transfer to office is made against (required for transfers).
    pub bill: Option<BillId>,
    /// The entry a reversal cancels (set for reversals and only for them).
    pub reverses: Option<TrustEntryId>,
    /// Why an authorised user let this entry take the ledger below zero (see
    /// [`check_withdrawal`](super::check_withdrawal)); `None` when no override was needed.
    pub override_reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: UserId,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Optimistic-concurrency version (entries are append-only, so it stays 1).
    pub version: u64,
}

/// What a trust ledger entry is recorded with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NewClientMoneyEntry {
    /// The matter.
    pub matter: MatterId,
    /// The client.
    pub client: ContactId,
    /// What the entry does.
    pub kind: ClientMoneyEntryKind,
    /// Positive amount, in whole minor units of the matter's currency (which it may leave
    /// unnamed).
    pub amount: Amount,
    /// The bank date.
    pub date: NaiveDate,
    /// What the money is for (required).
    pub description: String,
    /// The bank or cheque reference.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub reference: String,
    /// Payer (receipt) or payee (payment); required for receipts and payments.
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub counterparty: String,
    /// The issued bill, required for a transfer to office.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bill: Option<BillId>,
    /// The entry reversed, required for a reversal and refused otherwise.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reverses: Option<TrustEntryId>,
}

impl NewClientMoneyEntry {
    /// A reversal of `entry` on the same ledger, for the same amount, dated `date`, with
    /// `description` saying why.
    pub fn reversing(entry: &ClientMoneyEntry, date: NaiveDate, description: &str) -> Self {
        Self {
            matter: entry.matter,
            client: entry.client,
            kind: ClientMoneyEntryKind::Reversal,
            amount: entry.amount.into(),
            date,
            reference: entry.reference.clone(),
            counterparty: entry.counterparty.clone(),
            description: description.to_owned(),
            bill: None,
            reverses: Some(entry.id),
        }
    }
}

impl ClientMoneyEntry {
    /// Checks `new` and builds the entry at version 1 with no override reason: the amount is
    /// positive and in whole minor units; a transfer to office names its bill; a reversal, and
    /// only a reversal, names the entry it reverses; receipts and payments name the payer or
    /// payee; the description is a required line, the reference an optional one.
    ///
    /// Whether a withdrawal may be made is checked separately by
    /// [`check_withdrawal`](super::check_withdrawal), which gives the reason to record in
    /// [`ClientMoneyEntry::override_reason`].
    ///
    /// Client money is held in `matter_currency`, the matter's: an amount that names another
    /// currency is refused, one that names none is in it.
    pub fn create(
        new: NewClientMoneyEntry,
        matter_currency: Currency,
        by: UserId,
        now: DateTime<Utc>,
    ) -> Result<Self> {
        if new.amount.currency.is_some_and(|c| c != matter_currency) {
            return Err(LexcaseError::validation(
                "amount",
                "client money is held in the matter's currency",
            ));
        }
        let amount = new.amount.or_currency(matter_currency, "amount")?;
        if amount.amount <= Decimal::ZERO {
            return Err(LexcaseError::validation("amount", "must be positive"));
        }
        if amount.amount.scale() > amount.currency.minor_unit_digits() {
            return Err(LexcaseError::validation(
                "amount",
                "finer than the currency's minor unit",
            ));
        }
        if new.kind == ClientMoneyEntryKind::TransferToOffice && new.bill.is_none() {
            return Err(LexcaseError::validation(
                "bill",
                "a transfer to office must be made against an issued bill",
            ));
        }
        match (new.kind, new.reverses) {
            (ClientMoneyEntryKind::Reversal, None) => {
                return Err(LexcaseError::validation(
                    "reverses",
                    "a reversal must name the entry it reverses",
                ));
            }
            (ClientMoneyEntryKind::Reversal, Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                return Err(LexcaseError::validation(
                    "reverses",
                    "only a reversal may name a reversed entry",
                ));
            }
        }
        let counterparty = match new.kind {
            ClientMoneyEntryKind::Receipt | ClientMoneyEntryKind::Payment => {
                validate::required_line("counterparty", &new.counterparty)?
            }
            ClientMoneyEntryKind::TransferToOffice | ClientMoneyEntryKind::Reversal => {
                validate::optional_line("counterparty", &new.counterparty)?.unwrap_or_default()
            }
        };
        Ok(Self {
            id: TrustEntryId::new(),
            matter: new.matter,
            client: new.client,
            kind: new.kind,
            amount,
            date: new.date,
            reference: validate::optional_line("reference", &new.reference)?.unwrap_or_default(),
            counterparty,
            description: validate::required_line("description", &new.description)?,
            bill: new.bill,
            reverses: new.reverses,
            override_reason: None,
            recorded_by: by,
            recorded_at: now,
            version: 1,
        })
    }

    /// The entry's effect on the client's balance: `+amount` for a receipt, `−amount` for a
    /// payment or transfer to office, and for a reversal the negation of the reversed entry's
    /// effect. A reversal needs `reversed`: the entry it names, on the same ledger, for the same
    /// amount, and not itself a reversal (re-record the original instead). `reversed` is ignored
    /// for other kinds.
    pub fn signed_amount(&self, reversed: Option<&ClientMoneyEntry>) -> Result<Decimal> {
        match self.kind {
            ClientMoneyEntryKind::Receipt => Ok(self.amount.amount),
            ClientMoneyEntryKind::Payment | ClientMoneyEntryKind::TransferToOffice => {
                Ok(-self.amount.amount)
            }
            ClientMoneyEntryKind::Reversal => {
                let original = reversed
                    .filter(|r| Some(r.id) == self.reverses)
                    .ok_or_else(|| {
                        LexcaseError::validation("reverses", "the reversed entry is not given")
                    })?;
                if original.kind == ClientMoneyEntryKind::Reversal {
                    return Err(LexcaseError::validation(
                        "reverses",
                        "a reversal cannot be reversed; record the original again",
                    ));
                }
                if original.matter != self.matter || original.client != self.client {
                    return Err(LexcaseError::validation(
                        "reverses",
                        "the reversed entry is on another client-matter ledger",
                    ));
                }
                if original.amount != self.amount {
                    return Err(LexcaseError::validation(
                        "amount",
                        "a reversal must be for the reversed entry's amount",
                    ));
                }
                Ok(-original.signed_amount(None)?)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use rust_decimal_macros::dec;

    pub(crate) fn gbp(amount: Decimal) -> Money {
        Money::new(amount, Currency::parse("GBP").unwrap(), "amount").unwrap()
    }

    fn new(kind: ClientMoneyEntryKind, amount: Decimal) -> NewClientMoneyEntry {
        NewClientMoneyEntry {
            matter: MatterId::new(),
            client: ContactId::new(),
            kind,
            amount: gbp(amount).into(),
            date: NaiveDate::from_ymd_opt(2025, 1, 10).unwrap(),
            reference: "CHQ 001".into(),
            counterparty: "A Client".into(),
            description: "Money on account".into(),
            bill: (kind == ClientMoneyEntryKind::TransferToOffice).then(BillId::new),
            reverses: (kind == ClientMoneyEntryKind::Reversal).then(TrustEntryId::new),
        }
    }

    fn create(new: NewClientMoneyEntry) -> Result<ClientMoneyEntry> {
        ClientMoneyEntry::create(
            new,
            Currency::parse("GBP").unwrap(),
            UserId::new(),
            Utc::now(),
        )
    }

    #[test]
    fn an_amount_is_in_the_matters_currency_and_no_other() {
        let unnamed = NewClientMoneyEntry {
            amount: Amount::new(dec!(10)),
            ..new(ClientMoneyEntryKind::Receipt, dec!(10))
        };
        assert_eq!(create(unnamed).unwrap().amount, gbp(dec!(10)));
        let usd = Money::new(dec!(10), Currency::parse("USD").unwrap(), "amount").unwrap();
        let other = NewClientMoneyEntry {
            amount: usd.into(),
            ..new(ClientMoneyEntryKind::Receipt, dec!(10))
        };
        assert!(create(other).is_err());
    }

    #[test]
    fn creates_each_kind_at_version_1() {
        for kind in ClientMoneyEntryKind::ALL {
            let e = create(new(kind, dec!(10))).unwrap();
            assert_eq!(e.version, 1);
            assert_eq!(e.override_reason, None);
            assert_eq!(e.amount.amount.to_string(), "10.00");
        }
    }

    #[test]
    fn refuses_bad_amounts() {
        for bad in [dec!(0), dec!(-5), dec!(1.005)] {
            let err = create(new(ClientMoneyEntryKind::Receipt, bad)).unwrap_err();
            assert!(
                matches!(&err, LexcaseError::Validation { field, .. } if field == "amount"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn checks_bill_and_reverses() {
        let mut t = new(ClientMoneyEntryKind::TransferToOffice, dec!(1));
        t.bill = None;
        assert!(create(t).is_err());
        let mut r = new(ClientMoneyEntryKind::Reversal, dec!(1));
        r.reverses = None;
        assert!(create(r).is_err());
        let mut p = new(ClientMoneyEntryKind::Payment, dec!(1));
        p.reverses = Some(TrustEntryId::new());
        assert!(create(p).is_err());
    }

    #[test]
    fn checks_text_lines() {
        let mut p = new(ClientMoneyEntryKind::Payment, dec!(1));
        p.counterparty = "  ".into();
        assert!(create(p).is_err());
        let mut p = new(ClientMoneyEntryKind::Payment, dec!(1));
        p.description = String::new();
        assert!(create(p).is_err());
        let mut p = new(ClientMoneyEntryKind::Payment, dec!(1));
        p.reference = "a\nb".into();
        assert!(create(p).is_err());
        let mut t = new(ClientMoneyEntryKind::TransferToOffice, dec!(1));
        t.counterparty = String::new();
        t.reference = " ".into();
        let t = create(t).unwrap();
        assert_eq!((t.counterparty.as_str(), t.reference.as_str()), ("", ""));
    }

    #[test]
    fn signs_by_kind_and_reversal_negates() {
        let receipt = create(new(ClientMoneyEntryKind::Receipt, dec!(100))).unwrap();
        assert_eq!(receipt.signed_amount(None).unwrap(), dec!(100));
        let payment = create(new(ClientMoneyEntryKind::Payment, dec!(40))).unwrap();
        assert_eq!(payment.signed_amount(None).unwrap(), dec!(-40));
        let transfer = create(new(ClientMoneyEntryKind::TransferToOffice, dec!(30))).unwrap();
        assert_eq!(transfer.signed_amount(None).unwrap(), dec!(-30));

        let date = NaiveDate::from_ymd_opt(2025, 1, 11).unwrap();
        for original in [&receipt, &payment, &transfer] {
            let rev = create(NewClientMoneyEntry::reversing(
                original,
                date,
                "Keyed twice",
            ))
            .unwrap();
            assert_eq!(
                rev.signed_amount(Some(original)).unwrap(),
                -original.signed_amount(None).unwrap()
            );
            assert!(rev.signed_amount(None).is_err());
            assert!(rev.signed_amount(Some(&receipt)).is_err() || original.id == receipt.id);
            // A reversal of a reversal is refused.
            let again = create(NewClientMoneyEntry::reversing(&rev, date, "Undo")).unwrap();
            assert!(again.signed_amount(Some(&rev)).is_err());
        }
    }

    #[test]
    fn reversal_must_match_ledger_and_amount() {
        let receipt = create(new(ClientMoneyEntryKind::Receipt, dec!(100))).unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 1, 11).unwrap();
        let mut wrong_amount = NewClientMoneyEntry::reversing(&receipt, date, "x");
        wrong_amount.amount = gbp(dec!(99)).into();
        let rev = create(wrong_amount).unwrap();
        assert!(rev.signed_amount(Some(&receipt)).is_err());
        let mut wrong_matter = NewClientMoneyEntry::reversing(&receipt, date, "x");
        wrong_matter.matter = MatterId::new();
        let rev = create(wrong_matter).unwrap();
        assert!(rev.signed_amount(Some(&receipt)).is_err());
    }

    #[test]
    fn serde_round_trips() {
        let e = create(new(ClientMoneyEntryKind::TransferToOffice, dec!(12.5))).unwrap();
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains("\"transfer_to_office\""));
        assert_eq!(serde_json::from_str::<ClientMoneyEntry>(&json).unwrap(), e);
    }
}
