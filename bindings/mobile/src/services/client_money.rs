//! Client money (trust): the ledger, the overdraw guard and its override, reversals,
//! balances and three-way reconciliation.

use chrono::NaiveDate;
use lexcase::{MatterId, TrustEntryId};

use crate::error::Result;
use crate::records::{
    BankStatement, ClientMoneyEntry, LedgerBalance, NewClientMoneyEntry, ReconciliationDue,
    ReconciliationRecord,
};

service_object! {
    /// Client money. Recording and reconciling need `manage_client_money`; reading entries and
    /// balances needs it or `view_rates`. A withdrawal that
    /// would take a client's ledger on a matter below zero is a `Validation` error (field
    /// `amount`) unless an `overrideReason` is given by a user with `override_client_money`
    /// (else `PermissionDenied`); the reason is kept on the entry.
    ClientMoneyService
}

#[uniffi::export]
impl ClientMoneyService {
    /// Records a receipt, a payment out, a transfer to office (against an issued invoice of
    /// the client, which it pays) or a reversal.
    pub fn record(
        &self,
        new: NewClientMoneyEntry,
        override_reason: Option<String>,
    ) -> Result<ClientMoneyEntry> {
        Ok(self
            .session
            .client_money()
            .record(new, override_reason.as_deref())?)
    }

    /// Reverses an entry (nothing is ever deleted), with the reason; an entry already
    /// reversed is a `Validation` error (field `reverses`).
    pub fn reverse(
        &self,
        id: TrustEntryId,
        date: NaiveDate,
        reason: String,
        override_reason: Option<String>,
    ) -> Result<ClientMoneyEntry> {
        Ok(self
            .session
            .client_money()
            .reverse(id, date, &reason, override_reason.as_deref())?)
    }

    /// A matter's entries, oldest first.
    pub fn entries(&self, matter: MatterId) -> Result<Vec<ClientMoneyEntry>> {
        Ok(self.session.client_money().entries(matter)?)
    }

    /// The balance of each client's ledger on a matter.
    pub fn balances(&self, matter: MatterId) -> Result<Vec<LedgerBalance>> {
        Ok(self.session.client_money().balances(matter)?)
    }

    /// Reconciles the client bank account against its statement: adjusted bank balance, cash
    /// book and client ledgers; the result is saved whether it balances or not.
    pub fn reconcile(&self, statement: BankStatement) -> Result<ReconciliationRecord> {
        Ok(self.session.client_money().reconcile(statement)?)
    }

    /// When the next reconciliation is due, by the firm's cadence.
    pub fn reconciliation_due(&self) -> Result<ReconciliationDue> {
        Ok(self.session.client_money().reconciliation_due()?)
    }
}
