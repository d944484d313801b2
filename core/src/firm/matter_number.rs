//! Matter reference numbers from a firm-configurable format such as `{CLIENT3}-{SEQ:4}` or
//! `{YYYY}/{SEQ}`.
//!
//! Tokens: `{CLIENT3}` (first three letters of the first client's sort name — family name first
//! for persons — upper case, padded with
//! `X`), `{YYYY}`, `{YY}`, `{MM}` (opening date in the firm's zone), `{SEQ}` or `{SEQ:n}` (a
//! counter, zero-padded to `n` digits). The counter runs separately for each distinct rendered
//! prefix: `SMI-0001`, `SMI-0002`, `JON-0001`; `2026/1` … then `2027/1`. `{FIRMSEQ}` or
//! `{FIRMSEQ:n}` is a counter the client letters do not split (still split by year or month
//! if the format has them): `SMI-0001`, `JON-0002`, `SMI-0003`. `{{` and `}}` are literal
//! braces. Exactly one `{SEQ}` or `{FIRMSEQ}` is required.
//!
//! Under ethical walls, a per-client counter tells whoever opens a matter how many matters
//! earlier clients with the same three letters have — including matters hidden from them
//! (`QUI-0002` says a `QUI-0001` exists). Firms with walls use a format whose counter is
//! firm-wide (`{YYYY}/{SEQ}`, `{CLIENT3}-{FIRMSEQ:5}`): a new number then says only how many
//! matters the firm opened (that period), never for whom.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::error::{LexcaseError, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Client3,
    Year4,
    Year2,
    Month,
    /// The counter; `shared` when the client letters do not split it (`{FIRMSEQ}`).
    Seq {
        width: usize,
        shared: bool,
    },
}

/// A parsed matter-number format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MatterNumberFormat {
    source: String,
    pieces: Vec<Piece>,
}

/// What a matter number is rendered from.
#[derive(Debug, Clone)]
pub struct MatterNumberContext<'a> {
    /// Display name of the first client.
    pub client_name: &'a str,
    /// The date the matter is created, in the firm's zone.
    pub date: NaiveDate,
}

const FIELD: &str = "matter_number_format";

impl MatterNumberFormat {
    /// Parses a format; unknown tokens, a missing or repeated `{SEQ}`, bad widths and stray
    /// braces are validation errors.
    pub fn parse(source: &str) -> Result<Self> {
        let err = |reason: &str| LexcaseError::validation(FIELD, reason);
        if source.is_empty() || source.len() > 64 {
            return Err(err("must be 1 to 64 characters"));
        }
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => return Err(err("unmatched '}'")),
                '{' => {
                    let mut token = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        token.push(c);
                    }
                    if !closed {
                        return Err(err("unclosed '{'"));
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(Self::token(&token)?);
                }
                c if c.is_control() => return Err(err("contains control characters")),
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        let seqs = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Seq { .. }))
            .count();
        if seqs != 1 {
            return Err(err("must contain exactly one {SEQ} or {FIRMSEQ} token"));
        }
        Ok(Self {
            source: source.to_owned(),
            pieces,
        })
    }

    fn token(token: &str) -> Result<Piece> {
        let err = |reason: String| LexcaseError::validation(FIELD, reason);
        Ok(match token {
            "CLIENT3" => Piece::Client3,
            "YYYY" => Piece::Year4,
            "YY" => Piece::Year2,
            "MM" => Piece::Month,
            "SEQ" => Piece::Seq {
                width: 1,
                shared: false,
            },
            "FIRMSEQ" => Piece::Seq {
                width: 1,
                shared: true,
            },
            t => {
                let (width, shared) = match (t.strip_prefix("SEQ:"), t.strip_prefix("FIRMSEQ:")) {
                    (Some(w), _) => (w, false),
                    (_, Some(w)) => (w, true),
                    _ => return Err(err("unknown token (or unclosed '{')".into())),
                };
                match width.parse::<usize>() {
                    Ok(width @ 1..=9) => Piece::Seq { width, shared },
                    _ => return Err(err("SEQ width must be 1 to 9".into())),
                }
            }
        })
    }

    /// The format as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The key of the counter this matter draws from: the rendering with `{SEQ}` left open
    /// (and with `{FIRMSEQ}` the client letters too).
    pub fn sequence_key(&self, ctx: &MatterNumberContext<'_>) -> String {
        let shared = self
            .pieces
            .iter()
            .any(|p| matches!(p, Piece::Seq { shared: true, .. }));
        self.render_with(ctx, "{SEQ}", shared)
    }

    /// Renders the number for sequence value `seq`.
    pub fn render(&self, ctx: &MatterNumberContext<'_>, seq: u64) -> String {
        let width = self
            .pieces
            .iter()
            .find_map(|p| match p {
                Piece::Seq { width, .. } => Some(*width),
                _ => None,
            })
            .unwrap_or(1);
        self.render_with(ctx, &format!("{seq:0width$}"), false)
    }

    fn render_with(&self, ctx: &MatterNumberContext<'_>, seq: &str, open_client: bool) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) => out.push_str(s),
                Piece::Client3 if open_client => out.push_str("{CLIENT3}"),
                Piece::Client3 => out.push_str(&client3(ctx.client_name)),
                Piece::Year4 => out.push_str(&format!("{:04}", ctx.date.year())),
                Piece::Year2 => out.push_str(&format!("{:02}", ctx.date.year().rem_euclid(100))),
                Piece::Month => out.push_str(&format!("{:02}", ctx.date.month())),
                Piece::Seq { .. } => out.push_str(seq),
            }
        }
        out
    }
}

/// First three ASCII letters of the folded name, upper case, padded with `X`.
fn client3(name: &str) -> String {
    let mut code: String = crate::text::fold(name)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(3)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    while code.len() < 3 {
        code.push('X');
    }
    code
}

impl fmt::Display for MatterNumberFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl TryFrom<String> for MatterNumberFormat {
    type Error = LexcaseError;
    fn try_from(s: String) -> Result<Self> {
        Self::parse(&s)
    }
}

impl From<MatterNumberFormat> for String {
    fn from(f: MatterNumberFormat) -> Self {
        f.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(name: &str) -> MatterNumberContext<'_> {
        MatterNumberContext {
            client_name: name,
            date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        }
    }

    #[test]
    fn renders_the_documented_formats() {
        let f = MatterNumberFormat::parse("{CLIENT3}-{SEQ:4}").unwrap();
        assert_eq!(f.render(&ctx("Smith, Jane"), 42), "SMI-0042");
        assert_eq!(f.sequence_key(&ctx("Smith")), "SMI-{SEQ}");
        assert_eq!(f.render(&ctx("Åberg"), 1), "ABE-0001");
        assert_eq!(f.render(&ctx("Ø"), 1), "OXX-0001");
        assert_eq!(f.render(&ctx("李"), 1), "XXX-0001");
        let f = MatterNumberFormat::parse("{YYYY}/{SEQ}").unwrap();
        assert_eq!(f.render(&ctx("x"), 7), "2026/7");
        assert_eq!(f.sequence_key(&ctx("x")), "2026/{SEQ}");
        let f = MatterNumberFormat::parse("M{YY}{MM}-{SEQ:3}{{x}}").unwrap();
        assert_eq!(f.render(&ctx("x"), 5), "M2611-005{x}");
    }

    #[test]
    fn a_firm_wide_counter_is_not_split_by_the_client() {
        let f = MatterNumberFormat::parse("{CLIENT3}-{FIRMSEQ:5}").unwrap();
        assert_eq!(f.render(&ctx("Quill"), 2), "QUI-00002");
        assert_eq!(f.sequence_key(&ctx("Quill")), "{CLIENT3}-{SEQ}");
        assert_eq!(f.sequence_key(&ctx("Smith")), f.sequence_key(&ctx("Quill")));
        let f = MatterNumberFormat::parse("{YYYY}-{CLIENT3}-{FIRMSEQ}").unwrap();
        assert_eq!(f.sequence_key(&ctx("Smith")), "2026-{CLIENT3}-{SEQ}");
        for bad in ["{FIRMSEQ}{SEQ}", "{FIRMSEQ:0}", "{FIRMSEQ:x}"] {
            assert!(MatterNumberFormat::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_bad_formats() {
        for bad in [
            "",
            "{SEQ}{SEQ}",
            "no-seq",
            "{FOO}-{SEQ}",
            "{SEQ:0}",
            "{SEQ:10}",
            "{SEQ:x}",
            "{SEQ",
            "A}{SEQ}",
            "a\u{1}{SEQ}",
        ] {
            assert!(MatterNumberFormat::parse(bad).is_err(), "{bad}");
        }
        assert!(MatterNumberFormat::parse(&"x".repeat(65)).is_err());
    }
}
