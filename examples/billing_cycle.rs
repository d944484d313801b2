//! A month of billing in a London firm: time recorded (typed durations, a timer, a call),
//! an expense and a disbursement, a VAT invoice drafted, approved and issued, money on account
//! in the client account transferred to pay it, and the three-way reconciliation.
//!
//! Run with `cargo run --example billing_cycle` (an in-memory firm; nothing is written).

use std::error::Error;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use lexcase::access::{Role, Visibility};
use lexcase::billing::parse_duration;
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::client_money::{
    BankStatement, ClientMoneyEntryKind, NewClientMoneyEntry, StatementItem,
};
use lexcase::clock::FixedClock;
use lexcase::contacts::NewContact;
use lexcase::firm::FirmSetup;
use lexcase::matters::{BillingKind, NewMatter};
use lexcase::money::{Currency, Money};
use lexcase::service::{DraftRequest, Firm};
use lexcase::store::MemoryBlobStore;
use lexcase::timekeeping::{BillingSettingsChanges, ExpenseTax, NewExpense, NewTimeEntry};
use lexcase::users::NewUser;
use lexcase_sqlite::SqliteStore;
use rust_decimal::Decimal;

type AnyResult<T> = Result<T, Box<dyn Error>>;

fn day(s: &str) -> AnyResult<NaiveDate> {
    Ok(s.parse()?)
}

fn main() -> AnyResult<()> {
    let start = Utc
        .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
        .single()
        .ok_or("time")?;
    let clock = Arc::new(FixedClock::new(start));
    let firm = Firm::with_clock(Arc::new(SqliteStore::open_in_memory()?), clock.clone())
        .with_blobs(Arc::new(MemoryBlobStore::new()));
    let person = |name: &str, email: &str, role, rate: Option<i64>| NewUser {
        name: name.into(),
        email: email.into(),
        role,
        default_rate: rate.map(Decimal::from),
        rate_currency: None,
        timekeeper_code: None,
    };
    let admin = firm.initialise(
        &FirmSetup {
            name: "Harbour & Vale LLP".into(),
            default_currency: "GBP".into(),
            matter_number_format: "{CLIENT3}-{SEQ:4}".into(),
            time_zone: "Europe/London".into(),
        },
        &person("Hana Vale", "hana@harbourvale.example", Role::Admin, None),
    )?;
    let admin = firm.session(admin.id)?;
    let fern = admin.users().create(&person(
        "Fern Earner",
        "fern@harbourvale.example",
        Role::FeeEarner,
        Some(250),
    ))?;
    let fern = firm.session(fern.id)?;
    // A partial change: the other settings keep their defaults.
    admin.time().update_billing_settings(
        BillingSettingsChanges {
            tax_rate: Some("0.20".parse()?),
            ..BillingSettingsChanges::default()
        },
        0,
    )?;
    let client = admin
        .contacts()
        .create(NewContact::person("Jane", "Smith"))?;
    let matter = fern.matters().create(NewMatter {
        title: "Smith v Jones".into(),
        description: String::new(),
        practice_area: "litigation".into(),
        clients: vec![client.id],
        responsible: fern.actor_id(),
        originating: None,
        billing: BillingKind::Hourly,
        currency: Some(Currency::parse("GBP")?),
        visibility: Visibility::Firm,
        team: vec![],
        key_dates: Default::default(),
    })?;
    let matter = fern.matters().open(matter.id, matter.version)?;
    let gbp = |s: &str| -> AnyResult<Money> {
        Ok(Money::new(s.parse()?, Currency::parse("GBP")?, "amount")?)
    };
    println!("Matter {} — {}", matter.number, matter.title);

    println!("\n1. Client money on account");
    let receipt = admin.client_money().record(
        NewClientMoneyEntry {
            matter: matter.id,
            client: client.id,
            kind: ClientMoneyEntryKind::Receipt,
            amount: gbp("2000")?.into(),
            date: day("2026-11-02")?,
            reference: "BACS 88412".into(),
            counterparty: "Jane Smith".into(),
            description: "On account of costs".into(),
            bill: None,
            reverses: None,
        },
        None,
    )?;
    println!("   received {} ({})", receipt.amount, receipt.description);

    println!("\n2. Time and expenses");
    for (text, duration) in [
        ("Reviewing the claim form", "1h20m"),
        ("Drafting the defence", "2.5h"),
    ] {
        let seconds = parse_duration(duration)?;
        let e = fern.time().record(NewTimeEntry::new(
            matter.id,
            day("2026-11-03")?,
            seconds,
            text,
        ))?;
        println!(
            "   {:<28} {:>6} → {} at {} ({})",
            text,
            duration,
            e.value(),
            e.rate,
            e.rate_source
        );
    }
    fern.time()
        .start_timer(matter.id, "Telephone call with client")?;
    clock.set(start + Duration::minutes(14));
    let call = fern.time().stop_timer(None)?;
    println!(
        "   {:<28} {:>5}s → {} (timer, rounded up to 6 minutes)",
        call.narrative,
        call.seconds,
        call.value()
    );
    for (text, cost, tax) in [
        ("Court fee (N1)", "455", ExpenseTax::Disbursement),
        ("Rail fare to hearing", "48.60", ExpenseTax::VatableCost),
    ] {
        fern.time().record_expense(NewExpense {
            matter: matter.id,
            date: day("2026-11-04")?,
            description: text.into(),
            quantity: Decimal::ONE,
            unit_cost: gbp(cost)?.into(),
            expense_code: None,
            vendor: String::new(),
            receipt: None,
            tax,
            billable: true,
        })?;
    }

    println!("\n3. The bill");
    clock.set(
        Utc.with_ymd_and_hms(2026, 11, 30, 17, 0, 0)
            .single()
            .ok_or("time")?,
    );
    let bills = admin.bills();
    let draft = bills.draft(DraftRequest {
        client: client.id,
        matters: vec![matter.id],
        period_from: day("2026-11-01")?,
        period_to: day("2026-11-30")?,
        arrangement: FeeArrangement::Hourly,
        discount: None,
        description: "For professional services in November".into(),
    })?;
    for line in &draft.lines {
        println!(
            "   {:>2} {:<16} {:<28} {:>9} {:>8}",
            line.number,
            line.kind.as_str(),
            line.description,
            line.totals.net,
            line.totals.tax
        );
    }
    println!(
        "   net {}  VAT {}  total {}",
        draft.totals.net, draft.totals.tax, draft.totals.total
    );
    let approved = bills.transition(draft.id, draft.version, BillStatus::Approved)?;
    let issued = bills.issue(approved.id, approved.version)?;
    println!(
        "   issued {} on {}, due {}",
        issued.number.as_deref().unwrap_or("?"),
        issued.issued_on.map(|d| d.to_string()).unwrap_or_default(),
        issued.due_on.map(|d| d.to_string()).unwrap_or_default()
    );

    println!("\n4. Paying it from client money");
    let transfer = issued.totals.total.min(Decimal::from(2000));
    admin.client_money().record(
        NewClientMoneyEntry {
            matter: matter.id,
            client: client.id,
            kind: ClientMoneyEntryKind::TransferToOffice,
            amount: Money::new(transfer, Currency::parse("GBP")?, "amount")?.into(),
            date: day("2026-11-30")?,
            reference: issued.number.clone().unwrap_or_default(),
            counterparty: String::new(),
            description: "Costs per invoice".into(),
            bill: Some(issued.id),
            reverses: None,
        },
        None,
    )?;
    let bill = bills.get(issued.id)?;
    let ledger = admin.client_money().balances(matter.id)?;
    println!(
        "   bill {} is {}, {} still owed; client ledger {}",
        bill.number.as_deref().unwrap_or("?"),
        bill.status,
        bill.outstanding(),
        ledger[0].balance
    );

    println!("\n5. Reconciliation");
    let record = admin.client_money().reconcile(BankStatement {
        date: day("2026-11-30")?,
        balance: gbp("2000")?.into(),
        deposits_in_transit: vec![],
        outstanding_payments: vec![StatementItem {
            description: "transfer to office, not yet cleared".into(),
            amount: Money::new(transfer, Currency::parse("GBP")?, "amount")?.into(),
        }],
    })?;
    let r = &record.reconciliation;
    println!(
        "   bank {} adjusted {} = cash book {} = ledgers {}: {}",
        r.statement_balance,
        r.adjusted_bank_balance,
        r.cash_book_balance,
        r.ledgers_total,
        if r.balanced {
            "balanced"
        } else {
            "NOT balanced"
        }
    );
    Ok(())
}
