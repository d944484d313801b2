//! Pagination: by offset for a screen that jumps to page 7, or by cursor for reading a long
//! list from start to end in time proportional to its length.

use serde::{Deserialize, Serialize};

use crate::error::{LexcaseError, Result};

/// Where the next page of a list starts: an opaque token a store gives with a page
/// ([`Paged::next`]) and takes back ([`Page::after`]). It names the position after the last
/// item returned (its sort key), so a page read by cursor costs the same wherever it is in the
/// list, and it carries the total counted when the listing began, so the total is counted once.
/// A cursor belongs to the query that gave it; a malformed one is a validation error on
/// `cursor`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(String);

impl Cursor {
    /// The longest cursor accepted.
    pub const MAX_LEN: usize = 4096;

    /// A cursor from its text (as a binding or a caller kept it).
    pub fn new(text: impl Into<String>) -> Result<Self> {
        let text = text.into();
        if text.is_empty()
            || text.len() > Self::MAX_LEN
            || !text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(LexcaseError::validation(
                "cursor",
                "not a cursor of this list",
            ));
        }
        Ok(Self(text))
    }

    /// The cursor's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A window of a result list: `limit` items, either after skipping `offset` items or after the
/// position a [`Cursor`] names (then `offset` must be 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Items to skip.
    pub offset: u64,
    /// Items to return, 1 to [`Page::MAX_LIMIT`].
    pub limit: u32,
    /// Continue after this position instead of skipping.
    #[serde(default)]
    pub after: Option<Cursor>,
}

impl Page {
    /// The largest page.
    pub const MAX_LIMIT: u32 = 1000;

    /// A checked page.
    pub fn new(offset: u64, limit: u32) -> Result<Self> {
        check_limit(limit)?;
        if offset > i64::MAX as u64 {
            return Err(LexcaseError::validation("offset", "too large"));
        }
        Ok(Self {
            offset,
            limit,
            after: None,
        })
    }

    /// The first page of `limit` items.
    pub fn first(limit: u32) -> Result<Self> {
        Self::new(0, limit)
    }

    /// The `limit` items after `cursor`.
    pub fn after(cursor: Cursor, limit: u32) -> Result<Self> {
        check_limit(limit)?;
        Ok(Self {
            offset: 0,
            limit,
            after: Some(cursor),
        })
    }
}

fn check_limit(limit: u32) -> Result<()> {
    if limit == 0 || limit > Page::MAX_LIMIT {
        return Err(LexcaseError::validation(
            "limit",
            format!("must be 1 to {}", Page::MAX_LIMIT),
        ));
    }
    Ok(())
}

impl Default for Page {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 50,
            after: None,
        }
    }
}

/// One page of results and the total number of matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    /// The items in this page.
    pub items: Vec<T>,
    /// How many items match in all (for a page read by cursor: when the listing began).
    pub total: u64,
    /// Where the next page starts: set when the page is full, so more items may follow
    /// (`None` at the end, and for lists ranked by relevance, which page by offset only).
    #[serde(default)]
    pub next: Option<Cursor>,
}

impl<T> Paged<T> {
    /// Every item of a list, read page by page with cursors: linear in the list's length, the
    /// total counted once.
    pub fn collect_all(mut fetch: impl FnMut(Page) -> Result<Paged<T>>) -> Result<Vec<T>> {
        let mut out = Vec::new();
        let mut page = Page::first(Page::MAX_LIMIT)?;
        loop {
            let batch = fetch(page)?;
            let empty = batch.items.is_empty();
            out.extend(batch.items);
            match batch.next {
                Some(next) if !empty => page = Page::after(next, Page::MAX_LIMIT)?,
                _ => return Ok(out),
            }
        }
    }

    /// Maps the items, keeping the total and the cursor.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            next: self.next,
        }
    }
}
