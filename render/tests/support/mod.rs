//! A firm with a real bill: an hourly matter in London (VAT at 20%), time by two fee earners,
//! a taxable expense and an untaxed disbursement, a 10% discount, drafted, approved and
//! issued; and a loopback SMTP server that records what it receives.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod smtp;

use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::billing::{Discount, parse_duration};
use lexcase::bills::{Bill, BillStatus, FeeArrangement};
use lexcase::clock::FixedClock;
use lexcase::contacts::{Email, NewContact, PostalAddress};
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, Matter, NewMatter};
use lexcase::money::{Currency, Money};
use lexcase::service::{DraftRequest, Firm, Session};
use lexcase::store::MemoryBlobStore;
use lexcase::templates::Letterhead;
use lexcase::timekeeping::{ExpenseTax, FirmBillingSettings, NewExpense, NewTimeEntry};
use lexcase::users::NewUser;
use lexcase_sqlite::SqliteStore;
use rust_decimal::Decimal;

/// The firm and what the tests use of it.
pub struct World {
    pub firm: Firm,
    pub admin: Session,
    pub fern: Session,
    /// A partner: sees rates, so bills.
    pub paul: Session,
    pub matter: Matter,
    pub client: lexcase::ContactId,
    pub bill: Bill,
    pub currency: Currency,
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Where the firm is and what it bills in.
pub struct Place {
    pub zone: &'static str,
    pub currency: &'static str,
    pub tax_rate: &'static str,
    pub tax_name: &'static str,
}

pub const LONDON: Place = Place {
    zone: "Europe/London",
    currency: "GBP",
    tax_rate: "0.20",
    tax_name: "VAT",
};

pub const NEW_YORK: Place = Place {
    zone: "America/New_York",
    currency: "USD",
    tax_rate: "0",
    tax_name: "Sales tax",
};

pub fn world() -> World {
    world_in(&LONDON)
}

pub fn world_in(place: &Place) -> World {
    let start = Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).single().unwrap();
    let clock = Arc::new(FixedClock::new(start));
    let firm = Firm::with_clock(
        Arc::new(SqliteStore::open_in_memory().unwrap()),
        clock.clone(),
    )
    .with_blobs(Arc::new(MemoryBlobStore::new()))
    .with_engine(Arc::new(lexcase_render::Engine::new()));
    let person = |name: &str, email: &str, role, rate: Option<i64>| NewUser {
        name: name.into(),
        email: email.into(),
        role,
        default_rate: rate.map(Decimal::from),
        rate_currency: None,
        timekeeper_code: None,
    };
    let admin = firm
        .initialise(
            &FirmSetup {
                name: "Harbour & Vale LLP".into(),
                default_currency: place.currency.into(),
                matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
                time_zone: place.zone.into(),
            },
            &person("Hana Vale", "hana@harbourvale.example", Role::Admin, None),
        )
        .unwrap();
    let admin = firm.session(admin.id).unwrap();
    admin
        .templates()
        .set_letterhead(Letterhead {
            address: vec!["1 Quay Street".into(), "London".into(), "EC1A 1AA".into()],
            email: Some("office@harbourvale.example".into()),
            phone: Some("+44 20 7946 0123".into()),
            vat_number: Some("GB 123 4567 89".into()),
            regulation: Some("Authorised and regulated by the SRA (no. 612345)".into()),
            payment_details: vec!["Bank: Quay Bank plc".into(), "Sort code 20-00-00".into()],
            ..Letterhead::default()
        })
        .unwrap();
    let fern = admin
        .users()
        .create(&person(
            "Fern Earner",
            "fern@harbourvale.example",
            Role::FeeEarner,
            Some(250),
        ))
        .unwrap();
    let paul = admin
        .users()
        .create(&person(
            "Paul Partner",
            "paul@harbourvale.example",
            Role::Partner,
            Some(400),
        ))
        .unwrap();
    let fern = firm.session(fern.id).unwrap();
    let paul = firm.session(paul.id).unwrap();
    admin
        .time()
        .set_billing_settings(
            FirmBillingSettings {
                tax_rate: place.tax_rate.parse().unwrap(),
                tax_name: place.tax_name.into(),
                ..FirmBillingSettings::default()
            },
            0,
        )
        .unwrap();
    let mut jane = NewContact::person("Jane", "Smith");
    jane.emails = vec![Email {
        address: "jane@client.example".into(),
        label: None,
    }];
    jane.addresses = vec![PostalAddress {
        lines: vec!["12 Acacia Avenue".into()],
        locality: Some("Leeds".into()),
        region: None,
        postal_code: Some("LS1 1AA".into()),
        country: None,
        label: None,
    }];
    let client = admin.contacts().create(jane).unwrap();
    let currency = Currency::parse(place.currency).unwrap();
    let matter = fern
        .matters()
        .create(NewMatter {
            title: "Smith v Jones".into(),
            description: "Defending the claim brought by Mr Jones.".into(),
            practice_area: "litigation".into(),
            clients: vec![client.id],
            responsible: fern.actor_id(),
            originating: None,
            billing: BillingKind::Hourly,
            currency: Some(currency),
            visibility: Visibility::Firm,
            team: vec![],
            key_dates: Default::default(),
        })
        .unwrap();
    let matter = fern.matters().open(matter.id, matter.version).unwrap();
    for (who, text, duration) in [
        (&fern, "Reviewing the claim form", "1h20m"),
        (&fern, "Drafting the defence", "2.5h"),
        (&paul, "Settling the defence", "0.5h"),
    ] {
        who.time()
            .record(NewTimeEntry::new(
                matter.id,
                day("2026-11-03"),
                parse_duration(duration).unwrap(),
                text,
            ))
            .unwrap();
    }
    for (text, cost, tax) in [
        ("Court fee", "455", ExpenseTax::Disbursement),
        ("Rail fare to hearing", "48.60", ExpenseTax::VatableCost),
    ] {
        fern.time()
            .record_expense(NewExpense {
                matter: matter.id,
                date: day("2026-11-04"),
                description: text.into(),
                quantity: Decimal::ONE,
                unit_cost: Money::new(cost.parse().unwrap(), currency, "amount")
                    .unwrap()
                    .into(),
                expense_code: None,
                vendor: String::new(),
                receipt: None,
                tax,
                billable: true,
            })
            .unwrap();
    }
    clock.set(
        Utc.with_ymd_and_hms(2026, 11, 30, 17, 0, 0)
            .single()
            .unwrap(),
    );
    let bills = admin.bills();
    let draft = bills
        .draft(DraftRequest {
            client: client.id,
            matters: vec![matter.id],
            period_from: day("2026-11-01"),
            period_to: day("2026-11-30"),
            arrangement: FeeArrangement::Hourly,
            discount: Some(Discount::Percent(Decimal::from(10))),
            description: "For professional services in November".into(),
        })
        .unwrap();
    let approved = bills
        .transition(draft.id, draft.version, BillStatus::Approved)
        .unwrap();
    let bill = bills.issue(approved.id, approved.version).unwrap();
    World {
        firm,
        admin,
        fern,
        paul,
        matter,
        client: client.id,
        bill,
        currency,
    }
}

/// Money as a client reads it, written independently of the library's formatter: the
/// symbol, thousands with commas, two decimals.
pub fn money(symbol: &str, amount: Decimal) -> String {
    let text = format!("{:.2}", amount.abs());
    let (whole, cents) = text.split_once('.').unwrap();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{symbol}{grouped}.{cents}")
}

/// The text of a PDF as `pdftotext -layout` reads it, or `None` when the tool is missing and
/// not required (`LEXCASE_REQUIRE_PDFTOTEXT` unset: scripts/test.sh installs and requires it).
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    match std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed");
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(_) if std::env::var_os("LEXCASE_REQUIRE_PDFTOTEXT").is_none() => {
            eprintln!("pdftotext (poppler-utils) is not installed: PDF text not checked");
            None
        }
        Err(e) => panic!("pdftotext is required: {e}"),
    }
}

/// The line of `text` holding every one of `parts` in order, if any.
pub fn line_with<'a>(text: &'a str, parts: &[&str]) -> Option<&'a str> {
    text.lines().find(|line| {
        let mut rest = *line;
        parts.iter().all(|p| match rest.find(p) {
            Some(i) => {
                rest = &rest[i + p.len()..];
                true
            }
            None => false,
        })
    })
}
