//! Billing arithmetic and conventions: UTBMS codes, typed durations, rounding policies, bill totals with discounts and tax, contingency fees, LEDES 1998B.
//!
//! Everything here is pure (no storage, no clock) and exact: money and units are `Decimal`,
//! durations whole seconds. The items are re-exported here; each submodule documents its
//! decisions (rounding points in [`bill_math`], accepted duration forms in [`duration`], the
//! LEDES writer and reader rules in [`ledes`], the UTBMS data and its sources in [`utbms`]).

pub mod bill_math;
pub mod duration;
pub mod ledes;
pub mod rounding;
pub mod utbms;

#[cfg(test)]
mod tests_bill_math;
#[cfg(test)]
mod tests_duration;
#[cfg(test)]
mod tests_ledes;
#[cfg(test)]
mod tests_rounding;
#[cfg(test)]
mod tests_utbms;

pub use bill_math::{
    BillTotals, ContingencyBasis, ContingencyFee, Discount, DraftLine, LineTotals, bill_totals,
    contingency_fee,
};
pub use duration::{MAX_DURATION_SECONDS, format_duration, hours, parse_duration};
pub use ledes::{
    LEDES_1998B_COLUMNS, LEDES_1998B_FIELDS, LEDES_1998B_HEADER, LedesInvoice, LedesLine,
    LedesLineType, MAX_DESCRIPTION_BYTES, MAX_ID_LEN, MAX_TIMEKEEPER_NAME_LEN,
    is_timekeeper_classification, parse_ledes_1998b, timekeeper_classifications, write_ledes_1998b,
};
pub use rounding::{Aggregation, MAX_MINIMUM_MINUTES, RoundingMode, RoundingPolicy};
pub use utbms::{CodeKind, CodePolicy, CodeSet, UtbmsCode, check_code, utbms_code, utbms_codes};
