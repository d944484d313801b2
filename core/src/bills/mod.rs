//! Bills: invoices and credit notes drafted from recorded work, their state machine, payments
//! and their allocations, write-offs and the statement of account.
//!
//! A [`Bill`] is drafted from unbilled time and expenses of one or more matters of a client
//! over a period, under an hourly, fixed-fee or contingency [`FeeArrangement`]. Its lines and
//! totals come from [`crate::billing::bill_totals`], so lines always sum to the totals
//! printed. It moves draft → approved → issued → partly paid → paid (or void);
//! [`Bill::allowed_transitions`] answers what is possible now. Issuing assigns the next gapless
//! number and freezes the bill; corrections are credit notes, or void and reissue.

mod bill;
mod line;
mod payment;
mod statement;
mod status;

pub use bill::{Bill, BillKind, FeeArrangement, Settlement};
pub use line::{BillLine, LineKind};
pub use payment::{Allocation, NewPayment, Payment};
pub use statement::{StatementEntry, StatementOfAccount};
pub use status::BillStatus;
