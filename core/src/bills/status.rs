//! The bill state machine.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// Where a bill stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BillStatus {
    /// Being prepared: lines and discounts may change.
    #[default]
    Draft,
    /// Checked and approved for issue (back to draft to change it).
    Approved,
    /// Issued to the client with its number; frozen.
    Issued,
    /// Issued and partly paid (or credited or written off).
    PartlyPaid,
    /// Settled in full.
    Paid,
    /// Cancelled: a discarded draft, or an issued bill voided for reissue (its number stays
    /// used).
    Void,
}

crate::names::stable_names!(BillStatus, "status", "bill status", {
    Draft = "draft",
    Approved = "approved",
    Issued = "issued",
    PartlyPaid = "partly_paid",
    Paid = "paid",
    Void = "void",
});

impl BillStatus {
    /// The statuses a user may move the bill to now (payments move issued bills on their own).
    pub fn allowed_transitions(self, has_settlements: bool) -> Vec<BillStatus> {
        use BillStatus::*;
        match self {
            Draft => vec![Approved, Void],
            Approved => vec![Draft, Issued, Void],
            Issued if !has_settlements => vec![Void],
            Issued | PartlyPaid | Paid | Void => vec![],
        }
    }

    /// Refuses a move not in [`BillStatus::allowed_transitions`].
    pub fn check_transition(self, to: BillStatus, has_settlements: bool) -> Result<()> {
        if self.allowed_transitions(has_settlements).contains(&to) {
            Ok(())
        } else {
            Err(LexcaseError::InvalidTransition {
                entity: "bill",
                from: self.as_str().into(),
                to: to.as_str().into(),
            })
        }
    }

    /// Whether the bill has been issued (it counts as debt).
    pub fn is_issued(self) -> bool {
        matches!(self, Self::Issued | Self::PartlyPaid | Self::Paid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_follow_the_lifecycle() {
        use BillStatus::*;
        assert_eq!(Draft.allowed_transitions(false), vec![Approved, Void]);
        assert_eq!(
            Approved.allowed_transitions(false),
            vec![Draft, Issued, Void]
        );
        assert_eq!(Issued.allowed_transitions(false), vec![Void]);
        assert!(
            Issued.allowed_transitions(true).is_empty(),
            "paid bills are credited, not voided"
        );
        for s in [PartlyPaid, Paid, Void] {
            assert!(s.allowed_transitions(false).is_empty());
        }
        assert!(Draft.check_transition(Issued, false).is_err());
        assert!(Approved.check_transition(Issued, false).is_ok());
    }
}
