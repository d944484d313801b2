//! Records shared by several areas: pagination (money is the core's `lexcase::money::Money`).

pub use lexcase::money::Money;

use lexcase::store::Page as CorePage;

use crate::error::LexcaseError;

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

/// A currency code from the foreign side.
pub(crate) fn currency(code: &str) -> Result<lexcase::money::Currency, LexcaseError> {
    Ok(lexcase::money::Currency::parse(code)?)
}
