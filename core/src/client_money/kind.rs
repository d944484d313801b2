//! The kinds of client-money ledger entry.

use serde::{Deserialize, Serialize};

/// What a trust ledger entry does to the client's balance.
///
/// There is deliberately no kind for the firm's own money: client money and office money are
/// kept apart (ABA Model Rule 1.15(a)–(b); SRA Accounts Rules 2019 r.2.1), so a deposit of firm
/// money cannot be recorded on a client ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ClientMoneyEntryKind {
    /// Money received for the client (adds to the balance).
    Receipt,
    /// Money paid out for the client to a third party or to the client (subtracts).
    Payment,
    /// Money moved to the firm's office account against an issued bill (subtracts).
    TransferToOffice,
    /// Cancels an earlier entry: its effect is the opposite of the reversed entry's.
    Reversal,
}

crate::names::stable_names!(ClientMoneyEntryKind, "kind", "trust entry kind", {
    Receipt = "receipt",
    Payment = "payment",
    TransferToOffice = "transfer_to_office",
    Reversal = "reversal",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde_and_round_trip() {
        for kind in ClientMoneyEntryKind::ALL {
            let name = kind.to_string();
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(name));
            assert_eq!(name.parse::<ClientMoneyEntryKind>().unwrap(), kind);
        }
        assert_eq!(
            ClientMoneyEntryKind::TransferToOffice.as_str(),
            "transfer_to_office"
        );
        assert!("bank_charge".parse::<ClientMoneyEntryKind>().is_err());
    }
}
