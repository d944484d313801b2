//! Field-level differences between two versions of an entity, for the audit trail.

use serde::Serialize;
use serde_json::Value;

use super::FieldChange;

/// Fields that change on every write and say nothing by themselves.
const IGNORED: &[&str] = &["version"];

/// The changed fields between `before` and `after` (either may be absent: creation, deletion).
/// Objects are compared field by field (dotted paths); arrays and scalars are compared whole.
pub fn diff<T: Serialize>(before: Option<&T>, after: Option<&T>) -> Vec<FieldChange> {
    let to_value = |v: Option<&T>| v.and_then(|v| serde_json::to_value(v).ok());
    let mut out = Vec::new();
    walk("", to_value(before), to_value(after), &mut out);
    out
}

fn walk(path: &str, before: Option<Value>, after: Option<Value>, out: &mut Vec<FieldChange>) {
    match (before, after) {
        (Some(Value::Object(mut b)), Some(Value::Object(a))) => {
            for (key, after_value) in a {
                let before_value = b.remove(&key);
                walk(&join(path, &key), before_value, Some(after_value), out);
            }
            for (key, before_value) in b {
                walk(&join(path, &key), Some(before_value), None, out);
            }
        }
        (None, Some(Value::Object(a))) if path.is_empty() => {
            for (key, v) in a {
                walk(&join(path, &key), None, Some(v), out);
            }
        }
        (Some(Value::Object(b)), None) if path.is_empty() => {
            for (key, v) in b {
                walk(&join(path, &key), Some(v), None, out);
            }
        }
        (b, a) => {
            if b != a && !IGNORED.contains(&path) && !(b.is_none() && a == Some(Value::Null)) {
                out.push(FieldChange {
                    field: path.to_owned(),
                    before: b,
                    after: a,
                });
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_changed_added_and_removed_fields() {
        let before =
            json!({"title": "A", "version": 1, "key_dates": {"trial": "2027-01-01"}, "n": null});
        let after = json!({"title": "B", "version": 2, "key_dates": {"completion": "2027-02-01"}, "n": null});
        let changes = diff(Some(&before), Some(&after));
        let fields: Vec<_> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["key_dates.completion", "key_dates.trial", "title"]);
        assert_eq!(changes[2].before, Some(json!("A")));
        assert_eq!(changes[1].after, None);
        assert!(diff(Some(&before), Some(&before)).is_empty());
        let created = diff(None, Some(&after));
        assert!(
            created
                .iter()
                .any(|c| c.field == "title" && c.before.is_none())
        );
    }
}
