//! Reports as aligned tables or CSV.

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// Comma-separated values (RFC 4180 quoting).
    Csv,
}

/// A header and rows of text.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Splits one CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes
/// and line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

impl Table {
    /// An empty table with these column names.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// A table from CSV text whose first row is the header.
    pub fn from_csv(text: &str) -> Self {
        let mut rows = parse_csv(text).into_iter();
        Self {
            header: rows.next().unwrap_or_default(),
            rows: rows.collect(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The table as text.
    pub fn render(&self, format: Format) -> String {
        let all = std::iter::once(&self.header).chain(&self.rows);
        let mut out = String::new();
        match format {
            Format::Csv => {
                for row in all {
                    let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
                    out.push_str(&fields.join(","));
                    out.push('\n');
                }
            }
            Format::Table => {
                let mut widths = vec![0usize; self.header.len()];
                for row in std::iter::once(&self.header).chain(&self.rows) {
                    for (i, f) in row.iter().enumerate() {
                        if i < widths.len() {
                            widths[i] = widths[i].max(f.chars().count());
                        }
                    }
                }
                for row in all {
                    let cells: Vec<String> = row
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let w = widths.get(i).copied().unwrap_or(0);
                            format!("{:w$}", f.replace('\n', " "))
                        })
                        .collect();
                    out.push_str(cells.join("  ").trim_end());
                    out.push('\n');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_quoted_fields_and_tables_align() {
        let t = Table::from_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\nlonger,z\n");
        assert_eq!(
            t.render(Format::Csv),
            "a,b\n\"x, y\",\"say \"\"hi\"\"\"\nlonger,z\n"
        );
        assert_eq!(
            t.render(Format::Table),
            "a       b\nx, y    say \"hi\"\nlonger  z\n"
        );
    }
}
