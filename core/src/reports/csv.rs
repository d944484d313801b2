//! RFC 4180 CSV output.

use crate::error::{LexcaseError, Result};

/// A CSV document being written (RFC 4180): a header record, then records of the same width,
/// each ended by CRLF. A field containing a comma, a double quote, CR or LF is enclosed in
/// double quotes, with its double quotes doubled; other fields are written as they are.
///
/// Fields are not altered to defuse spreadsheet formulae (a leading `=`, `+`, `-` or `@`): the
/// output is exact data; a caller exporting for spreadsheet users decides that.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Csv {
    width: usize,
    out: String,
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

impl Csv {
    /// Starts a document with its header record; every row must have as many fields.
    pub fn new(headers: &[&str]) -> Self {
        let mut csv = Self {
            width: headers.len(),
            out: String::new(),
        };
        csv.push_record(headers.iter().copied());
        csv
    }

    fn push_record<'a>(&mut self, fields: impl ExactSizeIterator<Item = &'a str>) {
        let single = fields.len() == 1;
        for (i, field) in fields.enumerate() {
            if single && field.is_empty() {
                // An empty line would read as no record at all.
                self.out.push_str("\"\"");
                continue;
            }
            if i > 0 {
                self.out.push(',');
            }
            push_field(&mut self.out, field);
        }
        self.out.push_str("\r\n");
    }

    /// Appends a record; a validation error on `row` if its width differs from the header's.
    pub fn row(&mut self, fields: &[String]) -> Result<()> {
        if fields.len() != self.width {
            return Err(LexcaseError::validation(
                "row",
                format!(
                    "has {} fields but the header has {}",
                    fields.len(),
                    self.width
                ),
            ));
        }
        self.push_record(fields.iter().map(String::as_str));
        Ok(())
    }

    /// The document text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A minimal RFC 4180 reader for the tests: records of fields, CRLF-terminated.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    _ => field.push(c),
                }
            } else {
                match c {
                    '"' => quoted = true,
                    ',' => record.push(std::mem::take(&mut field)),
                    '\r' => {
                        assert_eq!(chars.next(), Some('\n'), "bare CR outside quotes");
                        record.push(std::mem::take(&mut field));
                        records.push(std::mem::take(&mut record));
                    }
                    '\n' => panic!("bare LF outside quotes"),
                    _ => field.push(c),
                }
            }
        }
        assert!(
            !quoted && field.is_empty() && record.is_empty(),
            "unterminated"
        );
        records
    }

    #[test]
    fn writes_rfc_4180() {
        let mut csv = Csv::new(&["Matter", "Note", "Amount"]);
        csv.row(&[
            "A-1".into(),
            "says \"hi\", then\r\nleaves".into(),
            "1.00".into(),
        ])
        .unwrap();
        csv.row(&["B".into(), String::new(), "a\nb".into()])
            .unwrap();
        assert_eq!(
            csv.finish(),
            "Matter,Note,Amount\r\nA-1,\"says \"\"hi\"\", then\r\nleaves\",1.00\r\nB,,\"a\nb\"\r\n"
        );
    }

    #[test]
    fn refuses_rows_of_the_wrong_width() {
        let mut csv = Csv::new(&["a", "b"]);
        assert!(csv.row(&["1".into()]).is_err());
        assert!(csv.row(&["1".into(), "2".into(), "3".into()]).is_err());
        csv.row(&["1".into(), "2".into()]).unwrap();
        assert_eq!(csv.finish(), "a,b\r\n1,2\r\n");
        let mut one = Csv::new(&["only"]);
        one.row(&[String::new()]).unwrap();
        assert_eq!(one.finish(), "only\r\n\"\"\r\n");
    }

    proptest! {
        #[test]
        fn round_trips(
            headers in prop::collection::vec("[a-z ,\"]{0,6}", 1..5),
            rows in prop::collection::vec(prop::collection::vec("[a-z ,\"\r\n]{0,8}", 5), 0..8),
        ) {
            let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
            let mut csv = Csv::new(&refs);
            let width = headers.len();
            let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r[..width].to_vec()).collect();
            for row in &rows {
                csv.row(row).unwrap();
            }
            let mut expected = vec![headers.clone()];
            expected.extend(rows);
            prop_assert_eq!(parse(&csv.finish()), expected);
        }
    }
}
