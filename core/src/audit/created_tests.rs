use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use super::*;
use crate::audit::diff;
use crate::audit::encoding::{decode_changes, encode_changes};
use crate::billing::RoundingPolicy;
use crate::contacts::{Contact, NewContact};
use crate::ids::{MatterId, UserId};
use crate::money::{Currency, Money};
use crate::timekeeping::{NewTimeEntry, RateSource, TermsScope, TimeEntry, TimeSource};

fn now() -> DateTime<Utc> {
    "2026-11-27T10:00:00.123456Z".parse().unwrap()
}

fn context_of(entity: uuid::Uuid, actor: UserId, matter: Option<MatterId>) -> EventContext {
    EventContext::new(
        &entity,
        actor.as_uuid(),
        matter.as_ref().map(|m| m.as_uuid()),
        now(),
    )
}

/// The fast path gives exactly the bytes of encoding the diff of the record's JSON.
fn same_as_diff<T: Serialize>(record: &T, context: &EventContext) {
    let fast = created_changes(record, context).unwrap();
    let slow = encode_changes(&diff(None, Some(record)), context);
    assert_eq!(fast, slow);
    assert_eq!(
        decode_changes(&fast, context).unwrap(),
        diff(None, Some(record))
    );
}

#[test]
fn domain_records_encode_as_their_diff() {
    let actor = UserId::new();
    let matter = MatterId::new();
    let gbp = Currency::parse("GBP").unwrap();
    let mut new = NewTimeEntry::new(
        matter,
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        4800,
        "Drafting",
    );
    new.source = TimeSource::Task(crate::ids::TaskId::new());
    new.task_code = Some("L110".into());
    let entry = TimeEntry::create(
        new,
        UserId::new(),
        (
            Money::new("212.125".parse().unwrap(), gbp, "rate").unwrap(),
            RateSource::Manual,
        ),
        RoundingPolicy::default(),
        actor,
        now(),
    )
    .unwrap();
    same_as_diff(&entry, &context_of(entry.id.into(), actor, Some(matter)));

    let mut contact = Contact::create(NewContact::person("Zoë", "Müller"), now()).unwrap();
    contact.title = Some("Dr".into());
    same_as_diff(&contact, &context_of(contact.id.into(), actor, None));

    let mut terms =
        crate::timekeeping::BillingTerms::empty(TermsScope::Matter(matter), actor, now());
    terms.user_rates.insert(
        actor,
        Money::new("300".parse().unwrap(), gbp, "rate").unwrap(),
    );
    same_as_diff(&terms, &context_of(matter.into(), actor, Some(matter)));
}

#[test]
fn maps_with_typed_keys_and_nested_enums_encode_as_their_diff() {
    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Tagged {
        One { n: u64 },
        Two,
    }
    #[derive(Serialize)]
    enum External {
        Unit,
        Newtype(i32),
        Tuple(i8, String),
        Struct { a: Option<bool> },
    }
    #[derive(Serialize)]
    struct Record {
        version: u64,
        empty: Option<String>,
        by_user: BTreeMap<UserId, u32>,
        tagged: Vec<Tagged>,
        external: Vec<External>,
        float: f64,
        huge: u64,
        bytes: serde_bytes_like::Bytes,
        tuple: (i64, &'static str),
    }
    mod serde_bytes_like {
        /// Bytes serialised as bytes (serde_json makes an array of numbers of them).
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }
    let mut by_user = BTreeMap::new();
    by_user.insert(UserId::new(), 1);
    by_user.insert(UserId::new(), 2);
    let record = Record {
        version: 4,
        empty: None,
        by_user,
        tagged: vec![Tagged::One { n: 7 }, Tagged::Two],
        external: vec![
            External::Unit,
            External::Newtype(-3),
            External::Tuple(1, "x".into()),
            External::Struct { a: None },
        ],
        float: 0.25,
        huge: u64::MAX,
        bytes: serde_bytes_like::Bytes(vec![0, 255]),
        tuple: (-1, "GBP"),
    };
    same_as_diff(
        &record,
        &context_of(uuid::Uuid::now_v7(), UserId::new(), None),
    );
}

#[test]
fn a_value_that_is_not_a_record_is_an_error() {
    let context = context_of(uuid::Uuid::now_v7(), UserId::new(), None);
    assert!(created_changes(&5, &context).is_err());
    assert!(created_changes(&vec![1, 2], &context).is_err());
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f)),
        ".{0,8}".prop_map(Value::String),
        Just(json!("2026-11-27")),
        Just(json!("2026-11-27T10:00:00.123456Z")),
        Just(json!("billable")),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,6}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_record_encodes_as_its_diff(
        fields in prop::collection::btree_map("[a-z_]{1,8}", json_value(), 0..8)
    ) {
        let record = Value::Object(fields.into_iter().collect());
        let context = context_of(uuid::Uuid::now_v7(), UserId::new(), Some(MatterId::new()));
        let fast = created_changes(&record, &context).unwrap();
        let slow = encode_changes(&diff(None, Some(&record)), &context);
        prop_assert_eq!(fast, slow);
    }
}
