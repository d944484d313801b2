//! The merge fields a template of each kind may name.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{MergeModel, TemplateKind, model};

/// Every path a template of one kind may name: `matter.number`, `bill.lines`,
/// `bill.lines[]`, `bill.lines[].net` (`[]` is any element of a list). Built from the model
/// itself, so it never drifts from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCatalogue {
    /// The kind it is for.
    pub kind: TemplateKind,
    paths: BTreeSet<String>,
}

/// The top-level sections a kind may not name.
fn withheld(kind: TemplateKind) -> &'static [&'static str] {
    match kind {
        TemplateKind::Invoice | TemplateKind::Letter | TemplateKind::Email => &["statement"],
        TemplateKind::Statement => &["bill", "payments"],
        TemplateKind::ClientCareLetter | TemplateKind::MatterReport => {
            &["bill", "payments", "statement"]
        }
    }
}

fn walk(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    out.insert(prefix.to_owned());
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                walk(&format!("{prefix}.{key}"), v, out);
            }
        }
        Value::Array(items) => {
            let element = format!("{prefix}[]");
            out.insert(element.clone());
            for item in items {
                walk(&element, item, out);
            }
        }
        _ => {}
    }
}

/// Writes `a.b[0].c` as `a.b[].c`.
fn normalise(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

impl FieldCatalogue {
    /// The fields a template of `kind` may name.
    pub fn for_kind(kind: TemplateKind) -> Self {
        let mut paths = BTreeSet::new();
        if let Ok(Value::Object(map)) = serde_json::to_value(model::sample()) {
            for (key, value) in &map {
                if !withheld(kind).contains(&key.as_str()) {
                    walk(key, value, &mut paths);
                }
            }
        }
        Self { kind, paths }
    }

    /// Whether a template of this kind may name `path` (a whole section, a list, an element
    /// or a field; `a.b[0].c` is read as `a.b[].c`).
    pub fn knows(&self, path: &str) -> bool {
        self.paths.contains(&normalise(path))
    }

    /// Whether `path` is a field with nothing under it (text, a number, a flag).
    pub fn is_leaf(&self, path: &str) -> bool {
        let path = normalise(path);
        self.paths.contains(&path)
            && !self.paths.range(path.clone()..).nth(1).is_some_and(|next| {
                next.starts_with(&format!("{path}.")) || next.starts_with(&format!("{path}["))
            })
    }

    /// The top-level names (`firm`, `matter`, …) this kind may use.
    pub fn roots(&self) -> Vec<&str> {
        self.paths
            .iter()
            .filter(|p| !p.contains(['.', '[']))
            .map(String::as_str)
            .collect()
    }

    /// Every path, in order: the documentation of what a template of this kind may print.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(String::as_str)
    }

    /// The sample model for this kind: every field it may name filled in, the sections it may
    /// not name empty.
    pub fn sample(&self) -> MergeModel {
        let mut sample = model::sample();
        for section in withheld(self.kind) {
            match *section {
                "bill" => sample.bill = None,
                "payments" => sample.payments.clear(),
                "statement" => sample.statement = None,
                _ => {}
            }
        }
        sample
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_fields_of_its_kind_only() {
        let invoice = FieldCatalogue::for_kind(TemplateKind::Invoice);
        for path in [
            "matter.number",
            "bill",
            "bill.lines",
            "bill.lines[]",
            "bill.lines[].net",
            "bill.lines[0].net",
            "client.address[]",
            "firm.vat_number",
            "payments[].amount",
        ] {
            assert!(invoice.knows(path), "{path}");
        }
        for path in [
            "matter.titel",
            "statement.balance",
            "bill.lines[].nett",
            "nothing",
        ] {
            assert!(!invoice.knows(path), "{path}");
        }
        let letter = FieldCatalogue::for_kind(TemplateKind::ClientCareLetter);
        assert!(!letter.knows("bill.total"));
        assert!(letter.knows("matter.responsible.name"));
        assert!(letter.roots().contains(&"fee_earners"));
        assert!(letter.is_leaf("matter.title"));
        assert!(!letter.is_leaf("matter"));
        assert!(!letter.is_leaf("clients"));
        assert!(letter.sample().bill.is_none());
        let statement = FieldCatalogue::for_kind(TemplateKind::Statement);
        assert!(statement.knows("statement.entries[].balance"));
        assert!(!statement.knows("bill"));
    }
}
