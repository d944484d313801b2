//! A record kept in one row: its table, its columns and how it is written and read.

use lexcase::Result;

use crate::value::{Cols, Value};

/// A record kept in one row of one table.
pub trait Record: Sized {
    /// The table.
    const TABLE: &'static str;
    /// Its columns, in the order of [`Record::values`] and [`Record::read`].
    const COLUMNS: &'static [&'static str];
    /// What error messages call it.
    const WHAT: &'static str;
    /// The column values of this record.
    fn values(&self) -> Result<Vec<Value<'_>>>;
    /// Reads a record from its columns.
    fn read(cols: &mut Cols<'_>) -> Result<Self>;
}

/// The column list of `R`, comma-separated, each prefixed with `alias.` when one is given.
pub fn column_list<R: Record>(alias: Option<&str>) -> String {
    let mut out = String::new();
    for (i, c) in R::COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(a) = alias {
            out.push_str(a);
            out.push('.');
        }
        out.push_str(c);
    }
    out
}

/// `INSERT INTO table (columns) VALUES (?, …)` for `R`, with `?` placeholders.
pub fn insert_sql<R: Record>() -> String {
    let marks = vec!["?"; R::COLUMNS.len()].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        R::TABLE,
        column_list::<R>(None)
    )
}

/// `SELECT columns FROM table alias` for `R` (add the `WHERE` clause).
pub fn select_sql<R: Record>(alias: &str) -> String {
    format!(
        "SELECT {} FROM {} {alias}",
        column_list::<R>(Some(alias)),
        R::TABLE
    )
}

/// `UPDATE table SET c = ?, … WHERE key = ? AND version = ?` for every column of `R` but the
/// first (the key) and the version: the values are `R::values` without the key, then the key,
/// then the expected version.
pub fn update_sql<R: Record>() -> String {
    let sets: Vec<String> = R::COLUMNS[1..].iter().map(|c| format!("{c} = ?")).collect();
    format!(
        "UPDATE {} SET {} WHERE {} = ? AND version = ?",
        R::TABLE,
        sets.join(", "),
        R::COLUMNS[0]
    )
}
