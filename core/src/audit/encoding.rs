//! The compact, canonical encoding of an event's field changes: what stores keep and what the
//! hash of a [`super::HashScheme::Binary`] event covers.
//!
//! A change list is a count followed by, for each change, its field path, a presence byte
//! (bit 0: a value before, bit 1: a value after) and those values. Values are JSON values in a
//! binary form: strings that are canonical UUIDs, ISO dates or RFC 3339 instants (as serde
//! writes ids, dates and instants) take 16, about 3 and about 9 bytes; keys, field paths and
//! strings found in [`DICTIONARY`] take one or two bytes. Decoding gives back exactly the JSON
//! that was encoded: a string is only packed when unpacking it reproduces it.
//!
//! Strings that are decimals as rust_decimal writes them ("250.00") keep their mantissa and
//! scale.
//!
//! A value that repeats a field of the event itself (the entity's id, the actor, the first
//! matter, the event's instant: a created record's `id`, `recorded_by`, `matter`,
//! `recorded_at`) takes one byte: it refers back to the event ([`EventContext`]).
//!
//! The encoding is part of the audit trail's hash: [`DICTIONARY`] only ever grows at its end,
//! and the tags never change meaning.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{Map, Number, Value};
use uuid::Uuid;

use super::FieldChange;
use crate::error::{LexcaseError, Result};

pub(super) const NULL: u8 = 0;
pub(super) const FALSE: u8 = 1;
pub(super) const TRUE: u8 = 2;
pub(super) const INT: u8 = 3;
pub(super) const UINT: u8 = 4;
pub(super) const FLOAT: u8 = 5;
const STRING: u8 = 6;
const UUID: u8 = 7;
const DATE: u8 = 8;
const INSTANT: u8 = 9;
const WORD: u8 = 10;
pub(super) const ARRAY: u8 = 11;
pub(super) const OBJECT: u8 = 12;
const EVENT_ENTITY: u8 = 13;
const EVENT_ACTOR: u8 = 14;
const EVENT_MATTER: u8 = 15;
const EVENT_AT: u8 = 16;
const DECIMAL: u8 = 17;

const BEFORE: u8 = 1;
pub(super) const AFTER: u8 = 2;

/// Values nest at most this deep (the domain's JSON is a few levels deep).
const MAX_DEPTH: usize = 64;

/// The fields of an event its changes may refer back to, as serde writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventContext {
    entity: String,
    actor: String,
    matter: Option<String>,
    at: String,
}

impl EventContext {
    /// The context of an event about `entity` by `actor`, concerning `matter` first, at `at`.
    pub fn new(entity: &Uuid, actor: &Uuid, matter: Option<&Uuid>, at: DateTime<Utc>) -> Self {
        let text = |u: &Uuid| u.hyphenated().to_string();
        Self {
            entity: text(entity),
            actor: text(actor),
            matter: matter.map(text),
            at: format_instant(at),
        }
    }
}

/// Encodes a change list of an event with `context`.
pub fn encode_changes(changes: &[FieldChange], context: &EventContext) -> Vec<u8> {
    let mut writer = Writer {
        out: Vec::with_capacity(16 + changes.len() * 16),
        context,
    };
    put_varint(&mut writer.out, changes.len() as u64);
    for change in changes {
        put_word(&mut writer.out, &change.field);
        let presence = if change.before.is_some() { BEFORE } else { 0 }
            | if change.after.is_some() { AFTER } else { 0 };
        writer.out.push(presence);
        for value in [&change.before, &change.after].into_iter().flatten() {
            writer.value(value);
        }
    }
    writer.out
}

/// Decodes a change list written by [`encode_changes`] with the same `context`.
pub fn decode_changes(bytes: &[u8], context: &EventContext) -> Result<Vec<FieldChange>> {
    let mut reader = Reader {
        bytes,
        at: 0,
        context,
    };
    let n = reader.len()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let field = reader.word()?;
        let presence = reader.byte()?;
        if presence > BEFORE | AFTER {
            return Err(corrupt());
        }
        let before = if presence & BEFORE != 0 {
            Some(reader.value(0)?)
        } else {
            None
        };
        let after = if presence & AFTER != 0 {
            Some(reader.value(0)?)
        } else {
            None
        };
        out.push(FieldChange {
            field,
            before,
            after,
        });
    }
    if reader.at != bytes.len() {
        return Err(corrupt());
    }
    Ok(out)
}

fn corrupt() -> LexcaseError {
    LexcaseError::storage("a stored audit event is unreadable")
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

pub(super) fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

pub(super) fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// A key or field path: its dictionary number plus one, or 0 and the text.
pub(super) fn put_word(out: &mut Vec<u8>, word: &str) {
    match dictionary_index(word) {
        Some(i) => put_varint(out, i as u64 + 1),
        None => {
            out.push(0);
            put_bytes(out, word.as_bytes());
        }
    }
}

/// FNV-1a: the dictionary's words are short, and this lookup runs for every key and short
/// string of every event.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Index = HashMap<&'static str, usize, std::hash::BuildHasherDefault<Fnv>>;

fn dictionary_index(word: &str) -> Option<usize> {
    /// Longer than every word: not worth hashing.
    const LONGEST: usize = 32;
    if word.len() > LONGEST {
        return None;
    }
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            DICTIONARY
                .iter()
                .enumerate()
                .map(|(i, w)| (*w, i))
                .collect()
        })
        .get(word)
        .copied()
}

/// Writes values, referring back to the event where a value repeats one of its fields.
struct Writer<'c> {
    out: Vec<u8>,
    context: &'c EventContext,
}

impl Writer<'_> {
    fn value(&mut self, value: &Value) {
        let out = &mut self.out;
        match value {
            Value::Null => out.push(NULL),
            Value::Bool(false) => out.push(FALSE),
            Value::Bool(true) => out.push(TRUE),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    out.push(INT);
                    put_varint(out, zigzag(i));
                } else if let Some(u) = n.as_u64() {
                    out.push(UINT);
                    put_varint(out, u);
                } else {
                    out.push(FLOAT);
                    out.extend_from_slice(&n.as_f64().unwrap_or(0.0).to_be_bytes());
                }
            }
            Value::String(s) => put_string(out, self.context, s),
            Value::Array(items) => {
                out.push(ARRAY);
                put_varint(out, items.len() as u64);
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(map) => {
                out.push(OBJECT);
                put_varint(out, map.len() as u64);
                // Keys in byte order, whatever order the map keeps them in.
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                for (key, value) in entries {
                    put_word(&mut self.out, key);
                    self.value(value);
                }
            }
        }
    }
}

/// A string, referring back to the event or packed where that gives it back exactly.
pub(super) fn put_string(out: &mut Vec<u8>, context: &EventContext, s: &str) {
    if s == context.entity {
        out.push(EVENT_ENTITY);
    } else if s == context.actor {
        out.push(EVENT_ACTOR);
    } else if context.matter.as_deref() == Some(s) {
        out.push(EVENT_MATTER);
    } else if s == context.at {
        out.push(EVENT_AT);
    } else if let Some(i) = dictionary_index(s) {
        out.push(WORD);
        put_varint(out, i as u64);
    } else if let Some(uuid) = as_uuid(s) {
        out.push(UUID);
        out.extend_from_slice(uuid.as_bytes());
    } else if let Some(days) = as_date(s) {
        out.push(DATE);
        put_varint(out, zigzag(days));
    } else if let Some((secs, nanos)) = as_instant(s) {
        out.push(INSTANT);
        put_varint(out, zigzag(secs));
        put_varint(out, u64::from(nanos));
    } else if let Some(d) = as_decimal(s) {
        out.push(DECIMAL);
        put_varint(out, zigzag(d.mantissa() as i64));
        out.push(d.scale() as u8);
    } else {
        out.push(STRING);
        put_bytes(out, s.as_bytes());
    }
}

/// A decimal written as rust_decimal writes it (money, rates, quantities: "250.00",
/// "-0.5"), small enough for an i64 mantissa.
fn as_decimal(s: &str) -> Option<rust_decimal::Decimal> {
    if s.is_empty() || s.len() > 24 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: rust_decimal::Decimal = s.parse().ok()?;
    (i64::try_from(d.mantissa()).is_ok() && d.to_string() == s).then_some(d)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

fn as_uuid(s: &str) -> Option<Uuid> {
    if s.len() != 36 {
        return None;
    }
    let uuid = Uuid::parse_str(s).ok()?;
    (uuid.hyphenated().to_string() == s).then_some(uuid)
}

fn as_date(s: &str) -> Option<i64> {
    if s.len() != 10 {
        return None;
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    (date.format("%Y-%m-%d").to_string() == s).then(|| (date - epoch()).num_days())
}

fn format_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn as_instant(s: &str) -> Option<(i64, u32)> {
    if !(20..=30).contains(&s.len()) || !s.ends_with('Z') {
        return None;
    }
    let at = DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc);
    (format_instant(at) == s).then(|| (at.timestamp(), at.timestamp_subsec_nanos()))
}

/// Reads what the writers above wrote; every read is bounds-checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    context: &'a EventContext,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self.bytes.get(self.at).ok_or_else(corrupt)?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8]> {
        let end = self.at.checked_add(n).ok_or_else(corrupt)?;
        let slice = self.bytes.get(self.at..end).ok_or_else(corrupt)?;
        self.at = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(corrupt())
    }

    /// A count or length, which cannot exceed the bytes left (every item takes a byte).
    fn len(&mut self) -> Result<usize> {
        let n = usize::try_from(self.varint()?).map_err(|_| corrupt())?;
        if n > self.bytes.len() - self.at {
            return Err(corrupt());
        }
        Ok(n)
    }

    fn text(&mut self) -> Result<String> {
        let n = self.len()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt())
    }

    fn dictionary_word(index: u64) -> Result<String> {
        usize::try_from(index)
            .ok()
            .and_then(|i| DICTIONARY.get(i))
            .map(|w| (*w).to_owned())
            .ok_or_else(corrupt)
    }

    fn word(&mut self) -> Result<String> {
        match self.varint()? {
            0 => self.text(),
            n => Self::dictionary_word(n - 1),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value> {
        if depth > MAX_DEPTH {
            return Err(corrupt());
        }
        Ok(match self.byte()? {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Number(unzigzag(self.varint()?).into()),
            UINT => Value::Number(self.varint()?.into()),
            FLOAT => {
                let bytes: [u8; 8] = self.take(8)?.try_into().map_err(|_| corrupt())?;
                Value::Number(Number::from_f64(f64::from_be_bytes(bytes)).ok_or_else(corrupt)?)
            }
            STRING => Value::String(self.text()?),
            DECIMAL => {
                let mantissa = unzigzag(self.varint()?);
                let scale = u32::from(self.byte()?);
                let d =
                    rust_decimal::Decimal::try_from_i128_with_scale(i128::from(mantissa), scale)
                        .map_err(|_| corrupt())?;
                Value::String(d.to_string())
            }
            EVENT_ENTITY => Value::String(self.context.entity.clone()),
            EVENT_ACTOR => Value::String(self.context.actor.clone()),
            EVENT_MATTER => Value::String(self.context.matter.clone().ok_or_else(corrupt)?),
            EVENT_AT => Value::String(self.context.at.clone()),
            WORD => Value::String(Self::dictionary_word(self.varint()?)?),
            UUID => {
                let bytes: [u8; 16] = self.take(16)?.try_into().map_err(|_| corrupt())?;
                Value::String(Uuid::from_bytes(bytes).hyphenated().to_string())
            }
            DATE => {
                let days = chrono::TimeDelta::try_days(unzigzag(self.varint()?));
                let date = days
                    .and_then(|d| epoch().checked_add_signed(d))
                    .ok_or_else(corrupt)?;
                Value::String(date.format("%Y-%m-%d").to_string())
            }
            INSTANT => {
                let secs = unzigzag(self.varint()?);
                let nanos = u32::try_from(self.varint()?).map_err(|_| corrupt())?;
                let at = DateTime::from_timestamp(secs, nanos).ok_or_else(corrupt)?;
                Value::String(format_instant(at))
            }
            ARRAY => {
                let n = self.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Value::Array(items)
            }
            OBJECT => {
                let n = self.len()?;
                let mut map = Map::new();
                for _ in 0..n {
                    let key = self.word()?;
                    let value = self.value(depth + 1)?;
                    map.insert(key, value);
                }
                Value::Object(map)
            }
            _ => return Err(corrupt()),
        })
    }
}

/// Words that take one or two bytes: the field names and stable value names of the domain,
/// and common currency codes. Append only: an event's hash covers their numbers.
pub const DICTIONARY: &[&str] = &[
    "AUD",
    "CAD",
    "CHF",
    "EUR",
    "GBP",
    "JPY",
    "USD",
    "access",
    "accounts",
    "acting_for",
    "action",
    "active",
    "activity",
    "activity_code",
    "activity_rates",
    "actor",
    "added_at",
    "address",
    "addresses",
    "adjusted_bank_balance",
    "adjustment",
    "admin",
    "advance",
    "affiliations",
    "after",
    "after_roll",
    "agent",
    "aggregation",
    "alarms",
    "allocations",
    "allow_back",
    "allow_jump_to",
    "allowed",
    "amount",
    "appointment",
    "approved",
    "archive_matters",
    "archived",
    "archived_on",
    "arrangement",
    "as_of",
    "assignee",
    "at",
    "attachments",
    "attendee",
    "attendees",
    "author",
    "back",
    "balance",
    "balanced",
    "bankruptcy",
    "bcc",
    "before",
    "between",
    "bill",
    "bill_discount",
    "billability",
    "billable",
    "billable_seconds",
    "billed",
    "billed_seconds",
    "billed_value",
    "billing",
    "billing_end",
    "billing_kind",
    "billing_start",
    "bills",
    "block",
    "blockers",
    "body",
    "bool",
    "business_days",
    "by",
    "calendar_days",
    "call",
    "cancelled",
    "candidates",
    "cash_book_balance",
    "categories",
    "category",
    "cc",
    "certified_copies",
    "change",
    "change_matter_status",
    "changed",
    "changes",
    "channel",
    "checked_on",
    "checklist_item",
    "checkpoint",
    "choice",
    "choices",
    "citation",
    "clamp",
    "class",
    "cleared",
    "client",
    "client_id",
    "client_matter_id",
    "client_money",
    "client_name",
    "client_net",
    "client_user",
    "clients",
    "closed",
    "closed_at",
    "closed_by",
    "closed_on",
    "closures",
    "co_counsel",
    "code",
    "codes",
    "communication",
    "company_number",
    "complete",
    "completed",
    "completed_at",
    "completed_by",
    "computed",
    "condition",
    "conflicts",
    "contact",
    "contact_ref",
    "contents",
    "contingency",
    "contingency_fee",
    "counseling",
    "counterparty",
    "country",
    "court",
    "court_office_act",
    "covered_time",
    "created_at",
    "created_by",
    "credit",
    "credit_note",
    "credited",
    "credits",
    "currency",
    "current",
    "custom",
    "custom_fields",
    "date",
    "dates",
    "days",
    "days_31_60",
    "days_61_90",
    "days_before",
    "days_open",
    "deadline",
    "deadlines",
    "debit",
    "decimal",
    "decision",
    "declined",
    "default_currency",
    "default_rate",
    "deposits_in_transit",
    "description",
    "differences",
    "direction",
    "disbursement",
    "discount",
    "disposition",
    "document",
    "documents",
    "done",
    "down",
    "draft",
    "dtstamp",
    "due",
    "due_at",
    "due_date",
    "due_from",
    "due_on",
    "due_to",
    "duplicate",
    "edit_matters",
    "elapsed_seconds",
    "electronic",
    "email",
    "emails",
    "end",
    "ends_at",
    "entered_at",
    "entered_by",
    "entered_on",
    "entity_id",
    "entity_kind",
    "entries",
    "entries_after_close",
    "error",
    "event",
    "events",
    "events_checked",
    "exceptions",
    "exdates",
    "expect",
    "expected",
    "expense",
    "expense_adjustment",
    "expense_code",
    "expenses",
    "expert",
    "explanation",
    "facts",
    "failed",
    "family_name",
    "fee",
    "fee_adjustment",
    "fee_earner",
    "field",
    "file_name",
    "filed_at",
    "filed_by",
    "filing",
    "final",
    "finding",
    "findings",
    "fired",
    "firm",
    "first",
    "first_broken",
    "first_filed",
    "five_weeks",
    "fixed_fee",
    "forward",
    "frcp6",
    "from",
    "from_stage",
    "gate",
    "gating",
    "given_name",
    "gross",
    "hash",
    "hearing",
    "high",
    "history",
    "hits",
    "holidays",
    "hourly",
    "hours",
    "id",
    "identifiers",
    "identity",
    "identity_status",
    "identity_verified",
    "identity_verified_on",
    "in_person",
    "in_progress",
    "in_reply_to",
    "in_review",
    "inbound",
    "increment_minutes",
    "info",
    "internal",
    "invoice",
    "invoice_date",
    "invoice_number",
    "invoice_number_format",
    "is_phase",
    "issued",
    "issued_by",
    "issued_on",
    "item",
    "items",
    "judge",
    "jump",
    "jurisdiction",
    "key",
    "key_dates",
    "kind",
    "label",
    "last",
    "law_firm_id",
    "law_firm_matter_id",
    "ledgers",
    "ledgers_total",
    "left_with_clerk",
    "lender",
    "letter",
    "limit",
    "line_number",
    "lines",
    "litigation",
    "locality",
    "location",
    "low",
    "lowest_balance",
    "mail",
    "manage_billing",
    "manage_client_money",
    "manage_contacts",
    "manage_firm",
    "manage_matter_access",
    "manage_users",
    "manual",
    "matter",
    "matter_number",
    "matter_number_format",
    "matter_opening",
    "matter_status",
    "matter_user",
    "matters",
    "media_type",
    "meeting",
    "message",
    "message_id",
    "method",
    "minimum_minutes",
    "mode",
    "month_end",
    "monthly",
    "more",
    "name",
    "name_prefix",
    "names",
    "narrative",
    "nearest",
    "net",
    "next_cursor",
    "next_due",
    "next_stage",
    "no_charge",
    "no_charge_seconds",
    "no_charge_time",
    "non_billable",
    "non_billable_seconds",
    "normal",
    "not_verified",
    "note",
    "now",
    "number",
    "occurred_at",
    "offset",
    "oldest_unbilled_days",
    "on",
    "on_account",
    "on_draft_bill",
    "open",
    "open_matters",
    "open_only",
    "opened_on",
    "opposing_counsel",
    "opposing_party",
    "options",
    "organisation",
    "organisation_name",
    "organiser",
    "original",
    "original_start",
    "originating",
    "other",
    "other_consented",
    "outbound",
    "outcome",
    "outstanding",
    "outstanding_payments",
    "over_90",
    "overdue",
    "overridden",
    "override",
    "override_client_money",
    "override_reason",
    "override_workflow_gates",
    "overrides",
    "pack",
    "packs",
    "paid",
    "paralegal",
    "participants",
    "parties",
    "partly_paid",
    "partner",
    "passed",
    "paused",
    "payment",
    "payment_terms_days",
    "pending",
    "per_day",
    "per_entry",
    "period",
    "period_from",
    "period_to",
    "person",
    "personal",
    "phase",
    "phone",
    "phones",
    "portal",
    "position",
    "postal_code",
    "practice_area",
    "practice_areas",
    "prefix",
    "prev_hash",
    "priority",
    "progress",
    "project",
    "provision",
    "quantity",
    "query",
    "rate",
    "rate_currency",
    "rate_source",
    "raw",
    "read_only",
    "realisation",
    "reason",
    "reasons",
    "receipt",
    "received",
    "received_on",
    "reconciled_at",
    "reconciled_by",
    "reconciliation",
    "record_time",
    "recorded",
    "recorded_at",
    "recorded_by",
    "recorded_hours",
    "recorded_seconds",
    "recorded_value",
    "recurrence",
    "recurrence_id",
    "recurring",
    "reference",
    "region",
    "reliance",
    "remedy",
    "remind_on",
    "reminders",
    "required",
    "responsible",
    "reversal",
    "reverses",
    "revisions",
    "role",
    "roll",
    "rounding",
    "rrule",
    "rule",
    "rules",
    "run_at",
    "run_by",
    "running",
    "running_since",
    "schedule",
    "scheduled",
    "scope",
    "score",
    "second",
    "seconds",
    "secretary",
    "sees_restricted",
    "sent_at",
    "seq",
    "service",
    "service_days",
    "set",
    "settings",
    "severity",
    "signed",
    "size",
    "soundex",
    "source",
    "stage",
    "stage_advance",
    "stage_name",
    "stage_position",
    "stages",
    "start",
    "started_at",
    "starts_at",
    "statement_balance",
    "status",
    "status_history",
    "statuses",
    "subject",
    "subsidiary_of",
    "summary",
    "supervisor",
    "sweep",
    "task",
    "task_code",
    "task_sets",
    "tasks",
    "tax",
    "tax_id",
    "tax_name",
    "tax_rate",
    "taxable",
    "team",
    "team_member",
    "template",
    "template_id",
    "template_name",
    "template_version",
    "tests",
    "text",
    "time",
    "time_entry",
    "time_zone",
    "timekeeper_classification",
    "timekeeper_code",
    "timekeeper_id",
    "timekeeper_name",
    "timer",
    "title",
    "to",
    "to_stage",
    "today",
    "tokens",
    "total",
    "totals",
    "trace",
    "transfer_to_office",
    "trigger",
    "tx",
    "typed",
    "uid",
    "unbilled",
    "unbilled_expenses",
    "unbilled_seconds",
    "unbilled_time_value",
    "unbilled_value",
    "unit",
    "unit_cost",
    "unit_price",
    "units",
    "unresolved",
    "up",
    "updated_at",
    "updated_by",
    "urgent",
    "user",
    "user_default",
    "user_rates",
    "utilisation",
    "vacated",
    "vacated_reason",
    "value",
    "vat_number",
    "vatable_cost",
    "vendor",
    "verified",
    "version",
    "versions",
    "via",
    "video_call",
    "view_audit",
    "view_rates",
    "view_restricted_matters",
    "visibility",
    "void",
    "void_reason",
    "waived",
    "walls",
    "warn",
    "withheld",
    "witness",
    "workflow",
    "works_for",
    "written_at",
    "written_off",
];

#[cfg(test)]
#[path = "encoding_tests.rs"]
mod tests;
