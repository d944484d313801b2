//! Pagination.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// A window of a result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Items to skip.
    pub offset: u64,
    /// Items to return, 1 to [`Page::MAX_LIMIT`].
    pub limit: u32,
}

impl Page {
    /// The largest page.
    pub const MAX_LIMIT: u32 = 1000;

    /// A checked page.
    pub fn new(offset: u64, limit: u32) -> Result<Self> {
        if limit == 0 || limit > Self::MAX_LIMIT {
            return Err(LexcaseError::validation(
                "limit",
                format!("must be 1 to {}", Self::MAX_LIMIT),
            ));
        }
        if offset > i64::MAX as u64 {
            return Err(LexcaseError::validation("offset", "too large"));
        }
        Ok(Self { offset, limit })
    }

    /// The first page of `limit` items.
    pub fn first(limit: u32) -> Result<Self> {
        Self::new(0, limit)
    }
}

impl Default for Page {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 50,
        }
    }
}

/// One page of results and the total number of matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    /// The items in this page.
    pub items: Vec<T>,
    /// How many items match in all.
    pub total: u64,
}

impl<T> Paged<T> {
    /// Every item of a paged query, fetching the largest pages until the total is reached.
    pub fn collect_all(mut fetch: impl FnMut(Page) -> Result<Paged<T>>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        loop {
            let batch = fetch(Page::new(out.len() as u64, Page::MAX_LIMIT)?)?;
            let done =
                batch.items.is_empty() || (out.len() + batch.items.len()) as u64 >= batch.total;
            out.extend(batch.items);
            if done {
                return Ok(out);
            }
        }
    }

    /// Maps the items, keeping the total.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
        }
    }
}
