//! Full-text search over notes and documents: the text is folded by
//! [`lexcase::text::fold`] (case, accents and punctuation ignored, as the search words are) and
//! kept as a `tsvector` of its words with their positions; a search matches every word as a
//! prefix (`'word':*` joined by `&`), best match (`ts_rank`) first.
//!
//! Both the vector and the query are built here, as literals cast from text, so PostgreSQL's
//! own parser, dictionaries and locale play no part: the words are exactly those of the fold.

use std::collections::BTreeMap;

use lexcase::access::Viewer;
use lexcase::store::{Page, Paged};
use lexcase::{LexcaseError, Result};

use crate::matter_list::on_visible_matter;
use crate::paging::ranked_only;
use crate::scope::Scope;
use crate::value::Arg;

/// Longest lexeme PostgreSQL keeps (bytes); longer words are not indexed.
const MAX_LEXEME: usize = 2046;
/// Highest position PostgreSQL keeps; later words share it.
const MAX_POSITION: usize = 16_383;
/// Positions kept per lexeme.
const MAX_POSITIONS: usize = 256;
/// Bytes of distinct lexemes kept (a `tsvector` holds at most 1 MiB).
const MAX_LEXEME_BYTES: usize = 900_000;

/// A word quoted as a `tsvector`/`tsquery` lexeme.
fn quoted(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('\'');
    for c in word.chars() {
        if matches!(c, '\'' | '\\') {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// The folded words of `text` as a `tsvector` literal (`'word':1,4 'other':2`).
pub(crate) fn vector(text: &str) -> String {
    let folded = lexcase::text::fold(text);
    let mut positions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut bytes = 0;
    for (i, word) in folded.split_whitespace().enumerate() {
        if word.len() > MAX_LEXEME {
            continue;
        }
        let position = (i + 1).min(MAX_POSITION);
        match positions.get_mut(word) {
            Some(list) if list.len() < MAX_POSITIONS && list.last() != Some(&position) => {
                list.push(position);
            }
            Some(_) => {}
            None if bytes + word.len() <= MAX_LEXEME_BYTES => {
                bytes += word.len();
                positions.insert(word, vec![position]);
            }
            None => {}
        }
    }
    let mut out = String::with_capacity(folded.len() + positions.len() * 6);
    for (word, list) in positions {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&quoted(word));
        out.push(':');
        let list: Vec<String> = list.iter().map(usize::to_string).collect();
        out.push_str(&list.join(","));
    }
    out
}

/// A `tsquery` literal matching every word (already folded) as a prefix.
fn query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("{}:*", quoted(w)))
        .collect::<Vec<_>>()
        .join(" & ")
}

/// One full-text search over a table (aliased `o`, with `words`, `body` and `matter_id`
/// columns): rows whose words match every search word as a prefix and whose matter `viewer`
/// may see — or that have no matter, when `matterless_visible`. Best match first, then `order`.
pub(crate) struct FullText<'a> {
    /// Entity name for decoding errors.
    pub entity: &'static str,
    /// The table.
    pub table: &'a str,
    /// Whether rows without a matter are visible to everyone.
    pub matterless_visible: bool,
    /// Tie-break after the rank.
    pub order: &'a str,
}

impl FullText<'_> {
    /// Runs the search for `words` (none: nothing found).
    pub(crate) fn run<T: serde::de::DeserializeOwned>(
        &self,
        scope: &mut Scope<'_>,
        words: &[String],
        viewer: &Viewer,
        page: Page,
    ) -> Result<Paged<T>> {
        ranked_only(&page)?;
        if words.is_empty() {
            return Ok(Paged {
                items: Vec::new(),
                total: 0,
                next: None,
            });
        }
        let (visible, matter_args) = on_visible_matter("o.matter_id", viewer);
        let visible = if self.matterless_visible {
            format!("(o.matter_id IS NULL OR {visible})")
        } else {
            visible
        };
        let mut args = vec![Arg::string(query(words))];
        args.extend(matter_args);
        let (table, order) = (self.table, self.order);
        let from = format!("{table} o, (SELECT ?::text::tsquery AS q) s");
        let filter = format!("o.firm_id = $1 AND o.words @@ s.q AND {visible}");
        let total = scope.count(
            &format!("SELECT count(*) FROM {from} WHERE {filter}"),
            &args,
        )?;
        if total <= page.offset {
            return Ok(Paged {
                items: Vec::new(),
                total,
                next: None,
            });
        }
        args.push(Arg::int(i64::from(page.limit)));
        args.push(Arg::int(
            i64::try_from(page.offset)
                .map_err(|_| LexcaseError::validation("offset", "too large"))?,
        ));
        let items = scope.bodies(
            self.entity,
            &format!(
                "SELECT o.body FROM {from} WHERE {filter} \
                 ORDER BY ts_rank(o.words, s.q) DESC, {order} LIMIT ? OFFSET ?"
            ),
            &args,
        )?;
        Ok(Paged {
            items,
            total,
            next: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_hold_folded_words_with_positions() {
        assert_eq!(
            vector("Müller's sister; MULLER again"),
            "'again':5 'muller':1,4 's':2 'sister':3"
        );
        assert_eq!(vector("  "), "");
        assert_eq!(query(&["mull".into(), "o'b".into()]), "'mull':* & 'o''b':*");
    }
}
