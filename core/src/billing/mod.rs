//! Billing arithmetic and conventions: UTBMS codes, typed durations, rounding policies, bill totals with discounts and tax, contingency fees, LEDES 1998B.
