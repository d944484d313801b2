//! Client money (trust): receipts, payments out, transfers to office against issued bills,
//! reversals, the overdraw guard with authorised overrides, balances, three-way
//! reconciliation and when the next one is due.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Session;
use super::billing_terms::firm_settings;
use super::bills::load_bill;
use super::context::{ReadCtx, WriteCtx};
use crate::access::Capability;
use crate::bills::{BillKind, Settlement};
use crate::client_money::{
    BankStatement, ClientMoneyEntry, ClientMoneyEntryKind, LedgerBalance, NewClientMoneyEntry,
    Reconciliation, ReconciliationRecord, check_withdrawal, ledger_balance, reconcile,
};
use crate::error::{LexcaseError, Result};
use crate::ids::{ContactId, MatterId, TrustEntryId};
use crate::matters::Matter;
use crate::money::{Currency, Money};

/// When the next reconciliation is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReconciliationDue {
    /// The statement date of the last reconciliation.
    pub last: Option<NaiveDate>,
    /// The day the next one is due by (today when none was ever done).
    pub next_due: NaiveDate,
    /// Whether it is late.
    pub overdue: bool,
}

/// Client money. Recording and reconciling need `manage_client_money`; letting a ledger go
/// below zero needs `override_client_money` and a reason.
#[derive(Debug)]
pub struct ClientMoneyService<'s> {
    session: &'s Session,
}

/// The entries of one client's ledger on a matter.
fn ledger(
    tx: &dyn crate::store::ReadTx,
    matter: MatterId,
    client: ContactId,
) -> Result<Vec<ClientMoneyEntry>> {
    Ok(tx
        .trust_entries_of_matter(matter)?
        .into_iter()
        .filter(|e| e.client == client)
        .collect())
}

/// The matter money is held on: visible, not archived, and `client` is its client.
fn ledger_matter(ctx: &WriteCtx<'_>, matter: MatterId, client: ContactId) -> Result<Matter> {
    ctx.require(Capability::ManageClientMoney)?;
    let matter = ctx.matter(matter)?;
    matter.ensure_editable()?;
    if !matter.clients().any(|c| c == client) {
        return Err(LexcaseError::validation(
            "client",
            "client money is held for a client of the matter",
        ));
    }
    Ok(matter)
}

/// Balances of every client-matter ledger in `entries`.
fn balances(entries: &[ClientMoneyEntry], currency: Currency) -> Result<Vec<LedgerBalance>> {
    let mut by_ledger: BTreeMap<(MatterId, ContactId), Vec<ClientMoneyEntry>> = BTreeMap::new();
    for e in entries {
        by_ledger
            .entry((e.matter, e.client))
            .or_default()
            .push(e.clone());
    }
    by_ledger
        .into_iter()
        .map(|((matter, client), entries)| {
            Ok(LedgerBalance {
                matter,
                client,
                balance: ledger_balance(&entries, currency)?,
            })
        })
        .collect()
}

impl<'s> ClientMoneyService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Records a receipt, a payment out, a transfer to office (against an issued invoice of
    /// the client, which it pays) or a reversal. A withdrawal that would take the client's
    /// ledger on the matter below zero is refused unless `override_reason` is given by a user
    /// with `override_client_money`; the reason is kept on the entry and in the audit trail.
    pub fn record(
        &self,
        new: NewClientMoneyEntry,
        override_reason: Option<&str>,
    ) -> Result<ClientMoneyEntry> {
        self.session.write(|ctx| {
            let matter = ledger_matter(ctx, new.matter, new.client)?;
            let currency = matter.billing.currency;
            let entries = ledger(ctx.tx, new.matter, new.client)?;
            let mut entry = ClientMoneyEntry::create(new, currency, ctx.actor.id, ctx.now)?;
            let reversed = match entry.reverses {
                Some(id) => {
                    let target = entries
                        .iter()
                        .find(|e| e.id == id)
                        .cloned()
                        .ok_or_else(|| LexcaseError::not_found("trust_entry"))?;
                    if entries.iter().any(|e| e.reverses == Some(id)) {
                        return Err(LexcaseError::validation("reverses", "the entry is already reversed"));
                    }
                    if matches!(target.kind, ClientMoneyEntryKind::Reversal | ClientMoneyEntryKind::TransferToOffice) {
                        return Err(LexcaseError::validation(
                            "reverses",
                            "a reversal or a transfer to office is not reversed: record the opposite entry",
                        ));
                    }
                    Some(target)
                }
                None => None,
            };
            let effect = entry.signed_amount(reversed.as_ref())?;
            if effect.is_sign_negative() {
                let balance = ledger_balance(&entries, currency)?;
                let withdrawal = Money::new(-effect, currency, "amount")?;
                if let Some(reason) = check_withdrawal(balance, withdrawal, override_reason)? {
                    ctx.require(Capability::OverrideClientMoney)?;
                    entry.override_reason = Some(reason);
                }
            }
            if entry.kind == ClientMoneyEntryKind::TransferToOffice {
                let bill_id = entry.bill.ok_or_else(|| LexcaseError::validation("bill", "missing"))?;
                let bill = load_bill(ctx, bill_id)?;
                if bill.kind != BillKind::Invoice || bill.client != entry.client || !bill.matters.contains(&entry.matter) {
                    return Err(LexcaseError::validation(
                        "bill",
                        "a transfer to office pays an issued invoice of this client and matter",
                    ));
                }
                let amount = entry.amount.amount;
                let version = bill.version;
                ctx.amend(bill, version, "bill.paid", |b, _| b.settle(amount, Settlement::Payment))?;
            }
            let action = match entry.override_reason {
                Some(_) => "client_money.recorded_with_override",
                None => "client_money.recorded",
            };
            ctx.create(entry, action)
        })
    }

    /// Reverses an entry (a correction: nothing is ever deleted), with the reason. An entry on
    /// a matter the actor may not see is not found, as a missing one.
    pub fn reverse(
        &self,
        id: TrustEntryId,
        date: NaiveDate,
        reason: &str,
        override_reason: Option<&str>,
    ) -> Result<ClientMoneyEntry> {
        let target = self.session.read(|ctx| {
            ctx.actor.require(Capability::ManageClientMoney)?;
            let entry = ctx
                .tx
                .trust_entry(id)?
                .ok_or_else(|| LexcaseError::not_found("trust_entry"))?;
            ctx.disclosure()
                .require_all([&entry.matter], "trust_entry")?;
            Ok(entry)
        })?;
        self.record(
            NewClientMoneyEntry::reversing(&target, date, reason),
            override_reason,
        )
    }

    fn readable(ctx: &ReadCtx<'_>) -> Result<()> {
        if !ctx.actor.can(Capability::ManageClientMoney) {
            ctx.actor.require(Capability::ViewRates)?;
        }
        Ok(())
    }

    /// A matter's client-money entries, oldest first.
    pub fn entries(&self, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
        self.session.read(|ctx| {
            Self::readable(ctx)?;
            ctx.matter(matter)?;
            ctx.tx.trust_entries_of_matter(matter)
        })
    }

    /// The balance of each client's ledger on a matter.
    pub fn balances(&self, matter: MatterId) -> Result<Vec<LedgerBalance>> {
        self.session.read(|ctx| {
            Self::readable(ctx)?;
            let m = ctx.matter(matter)?;
            balances(&ctx.tx.trust_entries_of_matter(matter)?, m.billing.currency)
        })
    }

    /// Reconciles three ways as at the statement date (adjusted bank balance, cash book, sum
    /// of client ledgers, with the differences itemised) and keeps it, signed off by the actor.
    ///
    /// It covers the ledgers the actor may see: for someone who may see every matter (who
    /// should sign the firm's reconciliation off) that is the whole client account; for
    /// someone behind a wall the cash book and the ledgers leave the hidden matters out, so
    /// it balances only against the part of the bank balance those ledgers hold. Its audit
    /// event concerns every matter of the ledgers covered.
    pub fn reconcile(&self, statement: BankStatement) -> Result<ReconciliationRecord> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageClientMoney)?;
            let currency = statement
                .balance
                .currency
                .unwrap_or(ctx.settings.default_currency);
            let mut entries: Vec<ClientMoneyEntry> = Vec::new();
            {
                let disclosure = ctx.disclosure();
                for e in ctx.tx.trust_entries_until(statement.date)? {
                    if e.amount.currency == currency && disclosure.sees(e.matter)? {
                        entries.push(e);
                    }
                }
            }
            let ledgers = balances(&entries, currency)?;
            let matters: Vec<MatterId> = ledgers.iter().map(|l| l.matter).collect();
            // The cash book: every entry, ledger by ledger (a reversal undoes an entry of its
            // own ledger, so the journal is not one ledger's balance).
            let cash_book = ledgers.iter().try_fold(Money::zero(currency), |total, l| {
                total.checked_add(l.balance)
            })?;
            let reconciliation: Reconciliation = reconcile(&statement, cash_book, ledgers)?;
            let record = ReconciliationRecord {
                reconciliation,
                reconciled_by: ctx.actor.id,
                reconciled_at: ctx.now,
                version: 1,
            };
            ctx.tx.insert_reconciliation(&record)?;
            ctx.record(
                crate::audit::EntityKind::ClientMoney,
                uuid::Uuid::nil(),
                matters,
                "client_money.reconciled",
                None,
                Some(&record),
            )?;
            Ok(record)
        })
    }

    /// The last reconciliation and when the next is due under the firm's cadence (monthly
    /// or every five weeks).
    pub fn reconciliation_due(&self) -> Result<ReconciliationDue> {
        let today = self.session.firm().today()?;
        self.session.read(|ctx| {
            Self::readable(ctx)?;
            let cadence = firm_settings(ctx.tx)?.reconciliation;
            let last = ctx
                .tx
                .latest_reconciliation()?
                .map(|r| r.reconciliation.date);
            let next_due = last.map_or(today, |d| cadence.next_due(d));
            Ok(ReconciliationDue {
                last,
                next_due,
                overdue: next_due < today,
            })
        })
    }
}
