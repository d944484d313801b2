//! Amounts that name no currency: the services fill in the context's — the matter's for time,
//! expenses and client money (which must be in it), the entry's or expense's own for changes,
//! and the firm's default for payments, bank statements, new matters, client terms and
//! activity rates — in the transaction of the write.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::bills::NewPayment;
use lexcase::client_money::{
    BankStatement, ClientMoneyEntryKind, NewClientMoneyEntry, StatementItem,
};
use lexcase::money::{Amount, Currency, Money};
use lexcase::timekeeping::{
    BillingSettingsChanges, ExpenseChanges, ExpenseTax, NewExpense, NewTerms, NewTimeEntry,
    TermsScope, TimeEntryChanges,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn money(amount: &str, code: &str) -> Money {
    Money::new(
        amount.parse().unwrap(),
        Currency::parse(code).unwrap(),
        "amount",
    )
    .unwrap()
}

fn amount(amount: &str) -> Amount {
    Amount::new(amount.parse().unwrap())
}

/// A matter billed in USD in a GBP firm: its time, expenses and client money are in USD
/// without naming it; payments and the bank statement are in GBP.
pub fn amounts_without_a_currency_take_the_matter_or_the_firm_currency(store: SharedStore) {
    let f = Fixture::new(store);
    let client = f.person("Ada", "Lovelace");
    let mut new = f.new_matter("Dollar matter", vec![client.id]);
    new.currency = Some(Currency::parse("USD").unwrap());
    let m = f.fee_earner.matters().create(new).unwrap();
    let time = f.fee_earner.time();

    let mut work = NewTimeEntry::new(m.id, day(), 3600, "Advice");
    work.rate = Some(amount("300"));
    let entry = time.record(work).unwrap();
    assert_eq!(entry.rate, money("300", "USD"));
    let changes = TimeEntryChanges {
        rate: Some(amount("310")),
        ..TimeEntryChanges::default()
    };
    let entry = time.update(entry.id, entry.version, changes).unwrap();
    assert_eq!(entry.rate, money("310", "USD"));

    let cost = NewExpense {
        matter: m.id,
        date: day(),
        description: "Courier".into(),
        quantity: Decimal::ONE,
        unit_cost: amount("12"),
        expense_code: None,
        vendor: String::new(),
        receipt: None,
        tax: ExpenseTax::Disbursement,
        billable: true,
    };
    let expense = time.record_expense(cost.clone()).unwrap();
    assert_eq!(expense.unit_cost, money("12", "USD"));
    let changes = ExpenseChanges {
        unit_cost: Some(amount("15")),
        ..ExpenseChanges::default()
    };
    let expense = time
        .update_expense(expense.id, expense.version, changes)
        .unwrap();
    assert_eq!(expense.unit_cost, money("15", "USD"));
    let in_pounds = NewExpense {
        unit_cost: money("12", "GBP").into(),
        ..cost
    };
    assert_invalid(time.record_expense(in_pounds), "unit_cost");

    let receipt = NewClientMoneyEntry {
        matter: m.id,
        client: client.id,
        kind: ClientMoneyEntryKind::Receipt,
        amount: amount("500"),
        date: day(),
        reference: String::new(),
        counterparty: "Ada Lovelace".into(),
        description: "On account".into(),
        bill: None,
        reverses: None,
    };
    let held = f.accounts.client_money();
    let entry = held.record(receipt.clone(), None).unwrap();
    assert_eq!(entry.amount, money("500", "USD"));
    let in_pounds = NewClientMoneyEntry {
        amount: money("500", "GBP").into(),
        ..receipt
    };
    assert_invalid(held.record(in_pounds, None), "amount");

    let payment = f
        .accounts
        .payments()
        .record(NewPayment {
            client: client.id,
            received_on: day(),
            amount: amount("100"),
            method: "BACS".into(),
            reference: String::new(),
            allocations: vec![],
        })
        .unwrap();
    assert_eq!(payment.amount, money("100", "GBP"));

    let statement = BankStatement {
        date: day(),
        balance: amount("0"),
        deposits_in_transit: vec![StatementItem {
            description: "Cheque".into(),
            amount: amount("25"),
        }],
        outstanding_payments: vec![],
    };
    let record = held.reconcile(statement).unwrap();
    assert_eq!(
        record.reconciliation.adjusted_bank_balance,
        money("25", "GBP")
    );
    f.assert_state_explained();
}

/// A matter opened without a currency is billed in the firm's default; one that names its own
/// keeps it, and an unknown code never reaches the service (it does not parse).
pub fn a_new_matter_without_a_currency_is_billed_in_the_firm_currency(store: SharedStore) {
    let f = Fixture::new(store);
    let client = f.person("Grace", "Hopper");
    let mut new = f.new_matter("Default currency", vec![client.id]);
    new.currency = None;
    let m = f.fee_earner.matters().create(new).unwrap();
    assert_eq!(m.billing.currency, Currency::parse("GBP").unwrap());
    let mut new = f.new_matter("Euro matter", vec![client.id]);
    new.currency = Some(Currency::parse("EUR").unwrap());
    let m = f.fee_earner.matters().create(new).unwrap();
    assert_eq!(m.billing.currency, Currency::parse("EUR").unwrap());
}

/// Terms and activity rates that name no currency: a matter's terms are in the matter's
/// currency (a rate in another is refused), a client's in the firm's default unless they name
/// their own; a partial change of the billing settings keeps what it leaves out, prices
/// activity rates in the firm's default, and is versioned and needs `manage_billing`.
pub fn terms_and_activity_rates_without_a_currency_take_the_matter_or_the_firm_currency(
    store: SharedStore,
) {
    let f = Fixture::new(store);
    let client = f.person("Ada", "Lovelace");
    let mut new = f.new_matter("Dollar matter", vec![client.id]);
    new.currency = Some(Currency::parse("USD").unwrap());
    let m = f.fee_earner.matters().create(new).unwrap();
    let billing = f.accounts.time();

    let mut terms = NewTerms::new(TermsScope::Matter(m.id));
    terms.rate = Some(amount("300"));
    terms
        .user_rates
        .insert(f.fee_earner.actor_id(), amount("350"));
    let set = billing.set_terms(terms.clone(), 0).unwrap();
    assert_eq!(set.rate, Some(money("300", "USD")));
    assert_eq!(
        set.user_rates[&f.fee_earner.actor_id()],
        money("350", "USD")
    );
    terms.rate = Some(money("300", "GBP").into());
    assert_invalid(billing.set_terms(terms, set.version), "rate");
    assert_eq!(billing.terms(TermsScope::Matter(m.id)).unwrap(), set);

    let mut terms = NewTerms::new(TermsScope::Client(client.id));
    terms.rate = Some(amount("250"));
    let set = billing.set_terms(terms.clone(), 0).unwrap();
    assert_eq!(set.rate, Some(money("250", "GBP")));
    // A client's rates are in one currency: the firm's unless they name another.
    terms
        .user_rates
        .insert(f.fee_earner.actor_id(), money("270", "USD").into());
    assert_invalid(billing.set_terms(terms.clone(), set.version), "user_rates");
    terms.rate = Some(money("260", "USD").into());
    let set = billing.set_terms(terms, set.version).unwrap();
    assert_eq!(set.rate, Some(money("260", "USD")));
    assert_eq!(
        set.user_rates[&f.fee_earner.actor_id()],
        money("270", "USD")
    );

    // A non-default tax name first, so that keeping it is not keeping the default.
    let named = BillingSettingsChanges {
        tax_name: Some("GST".into()),
        ..BillingSettingsChanges::default()
    };
    let version = billing.billing_settings().unwrap().version;
    let before = billing.update_billing_settings(named, version).unwrap();
    assert_eq!(before.tax_name, "GST");
    let changes = BillingSettingsChanges {
        activity_rates: Some(BTreeMap::from([("A103".to_owned(), amount("200"))])),
        payment_terms_days: Some(14),
        ..BillingSettingsChanges::default()
    };
    assert_code(
        f.fee_earner
            .time()
            .update_billing_settings(changes.clone(), before.version),
        ErrorCode::PermissionDenied,
    );
    let after = billing
        .update_billing_settings(changes.clone(), before.version)
        .unwrap();
    assert_eq!(after.activity_rates["A103"], money("200", "GBP"));
    assert_eq!(after.payment_terms_days, 14);
    assert_eq!(after.tax_name, "GST");
    assert_eq!(after.invoice_number_format, before.invoice_number_format);
    assert_eq!(after.version, before.version + 1);
    assert_code(
        billing.update_billing_settings(changes, before.version),
        ErrorCode::StaleVersion,
    );
    let tax = BillingSettingsChanges {
        tax_rate: Some("0.2".parse().unwrap()),
        ..BillingSettingsChanges::default()
    };
    let taxed = billing.update_billing_settings(tax, after.version).unwrap();
    assert_eq!(taxed.activity_rates, after.activity_rates);
    assert_eq!(
        (taxed.payment_terms_days, taxed.tax_name.as_str()),
        (14, "GST")
    );
    let bad = BillingSettingsChanges {
        payment_terms_days: Some(400),
        ..BillingSettingsChanges::default()
    };
    assert_invalid(
        billing.update_billing_settings(bad, taxed.version),
        "payment_terms_days",
    );
    assert_eq!(billing.billing_settings().unwrap(), taxed);
    f.assert_state_explained();
}
