//! Bills: invoices and credit notes with their lines and totals, the state machine, payments
//! and their allocations, the statement of account and aged debt.
//!
//! Amounts on a bill are in the bill's `currency` and given as plain decimals
//! (`java.math.BigDecimal`); lines always sum to the totals. The core's records and enums
//! cross the FFI as they are (a bill's `allowedTransitions()` and `outstanding()` and a
//! payment's `unallocated()` are methods of the core records); this module keeps the page of
//! bills.

pub use lexcase::billing::{BillTotals, ContingencyBasis, Discount, LineTotals};
pub use lexcase::bills::{
    Allocation, Bill, BillKind, BillLine, BillStatus, FeeArrangement, LineKind, NewPayment,
    Payment, StatementEntry, StatementOfAccount,
};
pub use lexcase::reports::AgedDebt;
pub use lexcase::service::DraftRequest;
pub use lexcase::store::BillQuery;

use crate::convert::page_record;

page_record! {
    /// One page of bills and the total number matching.
    BillPage of Bill,
    items: "The bills in this page.",
    total: "How many match in all.",
}

#[cfg(test)]
mod tests {
    use crate::error::LexcaseError;
    use crate::records::Money;

    #[test]
    fn money_in_an_unknown_currency_is_refused_as_a_typed_error_when_lifted() {
        use uniffi::{Lift, Lower};
        let mut wire = Vec::new();
        <String as Lower<crate::UniFfiTag>>::write("100".into(), &mut wire);
        <String as Lower<crate::UniFfiTag>>::write("XYZ".into(), &mut wire);
        let error = <Money as Lift<crate::UniFfiTag>>::try_read(&mut wire.as_slice()).unwrap_err();
        assert!(matches!(
            error.downcast::<LexcaseError>(),
            Ok(LexcaseError::Validation { field, .. }) if field == "currency"
        ));
    }
}
