//! Client-money entries: one typed row each, with the signed effect on the client's balance
//! that the balance reports sum.

use lexcase::Result;
use lexcase::client_money::{ClientMoneyEntry, ClientMoneyEntryKind};
use lexcase::money::Money;
use rust_decimal::Decimal;

use crate::record::Record;
use crate::value::{Cols, Value};

/// The signed effect of a non-reversal entry; a reversal's is the negation of the entry it
/// reverses, which the store looks up when it writes the row.
pub fn signed_amount(entry: &ClientMoneyEntry) -> Option<Decimal> {
    match entry.kind {
        ClientMoneyEntryKind::Receipt => Some(entry.amount.amount),
        ClientMoneyEntryKind::Payment | ClientMoneyEntryKind::TransferToOffice => {
            Some(-entry.amount.amount)
        }
        ClientMoneyEntryKind::Reversal => None,
    }
}

impl Record for ClientMoneyEntry {
    const TABLE: &'static str = "client_money_entries";
    /// `signed_amount` is written by the store (see [`signed_amount`]), not by `values`.
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "matter_id",
        "client_id",
        "kind",
        "currency",
        "amount",
        "entry_date",
        "reference",
        "counterparty",
        "description",
        "bill_id",
        "reverses",
        "override_reason",
        "recorded_by",
        "recorded_at",
    ];
    const WHAT: &'static str = "client-money entry";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.id),
            Value::count(self.version)?,
            Value::id(self.matter),
            Value::id(self.client),
            Value::name(self.kind.as_str()),
            Value::name(self.amount.currency.code()),
            Value::money(self.amount.amount)?,
            Value::Date(self.date),
            Value::text(&self.reference),
            Value::text(&self.counterparty),
            Value::text(&self.description),
            Value::opt_id(self.bill),
            Value::opt_id(self.reverses),
            Value::opt_text(self.override_reason.as_deref()),
            Value::id(self.recorded_by),
            Value::Instant(self.recorded_at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let matter = c.id()?;
        let client = c.id()?;
        let kind = c.name()?;
        let currency = c.currency()?;
        let amount: Money = c.money(currency)?;
        Ok(ClientMoneyEntry {
            id,
            matter,
            client,
            kind,
            amount,
            date: c.date()?,
            reference: c.text()?,
            counterparty: c.text()?,
            description: c.text()?,
            bill: c.opt_id()?,
            reverses: c.opt_id()?,
            override_reason: c.opt_text()?,
            recorded_by: c.id()?,
            recorded_at: c.instant()?,
            version,
        })
    }
}
