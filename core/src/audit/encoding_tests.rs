use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

fn change(field: &str, before: Option<Value>, after: Option<Value>) -> FieldChange {
    FieldChange {
        field: field.into(),
        before,
        after,
    }
}

fn context() -> EventContext {
    EventContext::new(
        &"0192f1a4-7b3c-7def-8123-000000000001".parse().unwrap(),
        &"0192f1a4-7b3c-7def-8123-000000000002".parse().unwrap(),
        Some(&"0192f1a4-7b3c-7def-8123-000000000003".parse().unwrap()),
        "2026-11-27T10:00:00.123456Z".parse().unwrap(),
    )
}

fn encode(changes: &[FieldChange]) -> Vec<u8> {
    encode_changes(changes, &context())
}

fn decode(bytes: &[u8]) -> Result<Vec<FieldChange>> {
    decode_changes(bytes, &context())
}

fn round_trip(changes: &[FieldChange]) -> Vec<FieldChange> {
    decode(&encode(changes)).unwrap()
}

#[test]
fn values_of_every_shape_round_trip() {
    let changes = vec![
        change(
            "id",
            None,
            Some(json!("0192f1a4-7b3c-7def-8123-456789abcdef")),
        ),
        change("date", None, Some(json!("2026-11-27"))),
        change(
            "recorded_at",
            None,
            Some(json!("2026-11-27T10:00:00.123456Z")),
        ),
        change("at", None, Some(json!("2026-11-27T10:00:00Z"))),
        change("nanos", None, Some(json!("2026-11-27T10:00:00.123456789Z"))),
        change("status", Some(json!("unbilled")), Some(json!("billed"))),
        change("seconds", Some(json!(-5)), Some(json!(u64::MAX))),
        change("ratio", None, Some(json!(0.25))),
        change("flags", None, Some(json!([true, false, null]))),
        change(
            "rate",
            None,
            Some(json!({"currency": "GBP", "amount": "250.00", "zz": {"a": []}})),
        ),
        change("key_dates.completion", Some(json!("2027-01-01")), None),
        change(
            "narrative",
            None,
            Some(json!("Drafted the defence; 10% done ✓")),
        ),
    ];
    assert_eq!(round_trip(&changes), changes);
    assert!(round_trip(&[]).is_empty());
}

/// A created record's own id, its author, its matter and the instant it was made are the
/// event's: one byte each, and they decode back to the same text.
#[test]
fn values_the_event_already_holds_take_one_byte() {
    let changes = vec![
        change(
            "id",
            None,
            Some(json!("0192f1a4-7b3c-7def-8123-000000000001")),
        ),
        change(
            "recorded_by",
            None,
            Some(json!("0192f1a4-7b3c-7def-8123-000000000002")),
        ),
        change(
            "matter",
            None,
            Some(json!("0192f1a4-7b3c-7def-8123-000000000003")),
        ),
        change(
            "recorded_at",
            None,
            Some(json!("2026-11-27T10:00:00.123456Z")),
        ),
    ];
    let bytes = encode(&changes);
    // count + 4 × (word of one or two bytes, presence, one-byte value)
    assert!(bytes.len() <= 1 + 4 * 4, "{} bytes", bytes.len());
    assert_eq!(round_trip(&changes), changes);
    // Another event's context reads the references as its own fields, so it is no longer
    // the same change: the hash, which covers the context, tells the two apart.
    let other = EventContext::new(
        &"0192f1a4-7b3c-7def-8123-000000000009".parse().unwrap(),
        &"0192f1a4-7b3c-7def-8123-000000000002".parse().unwrap(),
        None,
        "2026-11-27T10:00:00Z".parse().unwrap(),
    );
    assert!(
        decode_changes(&bytes, &other).is_err(),
        "no matter to refer to"
    );
}

#[test]
fn strings_that_only_look_packed_stay_strings() {
    for s in [
        "0192F1A4-7B3C-7DEF-8123-456789ABCDEF",
        "2026-1-27",
        "2026-02-30",
        "+2026-11-27",
        "2026-11-27T10:00:00.000Z",
        "2026-11-27T10:00:00+00:00",
        "",
    ] {
        let changes = vec![change("x", None, Some(json!(s)))];
        assert_eq!(round_trip(&changes), changes, "{s}");
    }
}

#[test]
fn packed_forms_are_small() {
    let id = change(
        "matter",
        None,
        Some(json!("0192f1a4-7b3c-7def-8123-456789abcdef")),
    );
    // count, word (two bytes), presence, tag + 16 bytes
    assert_eq!(encode(&[id]).len(), 1 + 2 + 1 + 17);
    let date = change("date", None, Some(json!("2026-11-27")));
    assert_eq!(encode(&[date]).len(), 1 + 2 + 1 + 1 + 3);
}

/// The bytes of a fixed change list: they are hashed into the audit chain, so a change to the
/// dictionary's existing words or to a tag breaks every stored chain.
#[test]
fn the_encoding_is_stable() {
    let changes = vec![
        change("status", Some(json!("unbilled")), Some(json!("billed"))),
        change("seconds", None, Some(json!(3600))),
        change("title", None, Some(json!("Acacia"))),
    ];
    assert_eq!(
        hex::encode(encode(&changes)),
        concat!(
            "03",               // three changes
            "dc0303",           // "status" (word 475), before and after
            "0a8904",           // "unbilled" (word 521)
            "0a3b",             // "billed" (word 59)
            "c50302",           // "seconds", after only
            "03a038",           // 3600
            "fd0302",           // "title", after only
            "0606416361636961", // "Acacia"
        )
    );
}

#[test]
fn truncated_or_garbled_bytes_are_errors() {
    let bytes = encode(&[change(
        "rate",
        None,
        Some(json!({"amount": "250.00", "currency": "GBP"})),
    )]);
    for n in 0..bytes.len() {
        assert!(decode(&bytes[..n]).is_err(), "prefix of {n} bytes");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer).is_err());
    assert!(decode(&[0xff; 12]).is_err());
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
        any::<[u8; 16]>().prop_map(|b| json!(uuid::Uuid::from_bytes(b).to_string())),
        (0i64..4_000_000_000, 0u32..1_000_000_000).prop_map(|(s, n)| json!(
            DateTime::from_timestamp(s, n)
                .unwrap()
                .to_rfc3339_opts(SecondsFormat::AutoSi, true)
        )),
        proptest::sample::select(DICTIONARY).prop_map(|w| json!(w)),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_change_list_round_trips(
        items in prop::collection::vec(
            ("[a-z_.]{0,12}", prop::option::of(json_value()), prop::option::of(json_value())),
            0..8,
        )
    ) {
        let changes: Vec<FieldChange> =
            items.into_iter().map(|(f, b, a)| change(&f, b, a)).collect();
        prop_assert_eq!(round_trip(&changes), changes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = decode(&bytes);
    }
}
