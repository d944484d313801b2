//! Records shared by several areas: money and pagination.

use lexcase::money::Money as CoreMoney;
use lexcase::store::Page as CorePage;
use rust_decimal::Decimal;

use crate::error::LexcaseError;

/// An exact amount of money in one currency (never a binary float).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Money {
    /// The amount (`java.math.BigDecimal` in Kotlin), normalised: `250.10` reads back as `250.1`.
    pub amount: Decimal,
    /// ISO 4217 currency code, e.g. `GBP`.
    pub currency: String,
}

impl From<CoreMoney> for Money {
    fn from(money: CoreMoney) -> Self {
        let CoreMoney { amount, currency } = money;
        Self {
            amount,
            currency: currency.code().to_owned(),
        }
    }
}

/// A window of a result list: skip `offset` items, or continue `after` a previous page's
/// `next_cursor` (then `offset` must be 0); return at most `limit` (1 to 1000).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Page {
    /// Items to skip.
    #[uniffi(default = 0)]
    pub offset: u64,
    /// Items to return, 1 to 1000.
    #[uniffi(default = 50)]
    pub limit: u32,
    /// Continue after this cursor (a page's `next_cursor`) instead of skipping.
    #[uniffi(default = None)]
    pub after: Option<String>,
}

impl TryFrom<Page> for CorePage {
    type Error = LexcaseError;
    fn try_from(page: Page) -> Result<Self, LexcaseError> {
        match page.after {
            None => Ok(CorePage::new(page.offset, page.limit)?),
            Some(cursor) => {
                if page.offset != 0 {
                    return Err(lexcase::LexcaseError::validation(
                        "offset",
                        "a page after a cursor takes no offset",
                    )
                    .into());
                }
                Ok(CorePage::after(
                    lexcase::store::Cursor::new(cursor)?,
                    page.limit,
                )?)
            }
        }
    }
}

impl Money {
    /// The core money: a known currency and an amount of at most six decimal places within
    /// range, else a `Validation` error on `field` (the currency's error names `currency`).
    pub(crate) fn into_core(self, field: &str) -> Result<CoreMoney, LexcaseError> {
        let currency = lexcase::money::Currency::parse(&self.currency)?;
        Ok(CoreMoney::new(self.amount, currency, field)?)
    }
}

/// A currency code from the foreign side.
pub(crate) fn currency(code: &str) -> Result<lexcase::money::Currency, LexcaseError> {
    Ok(lexcase::money::Currency::parse(code)?)
}
