//! Billing arithmetic and conventions: UTBMS codes, typed durations, rounding policies, bill totals with discounts and tax, contingency fees, LEDES 1998B.

mod bill_math;
mod duration;
mod rounding;
mod utbms;

#[cfg(test)]
mod tests_bill_math;
#[cfg(test)]
mod tests_duration;
#[cfg(test)]
mod tests_rounding;
#[cfg(test)]
mod tests_utbms;

pub use bill_math::{
    BillTotals, ContingencyBasis, ContingencyFee, Discount, DraftLine, LineTotals, bill_totals,
    contingency_fee,
};
pub use duration::{MAX_DURATION_SECONDS, format_duration, hours, parse_duration};
pub use rounding::{Aggregation, MAX_MINIMUM_MINUTES, RoundingMode, RoundingPolicy};
pub use utbms::{CodeKind, CodePolicy, CodeSet, UtbmsCode, check_code, utbms_code, utbms_codes};
