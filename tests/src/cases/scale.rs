//! The store at scale: every figure the store sums (work in progress, hours, aged debt,
//! client-money balances) equals a brute-force sum in Rust over the same records, for a user
//! who sees everything and for a partner walled from one matter; every list reads the same by
//! cursor as by offset.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lexcase::bills::{BillKind, BillStatus, FeeArrangement, NewPayment};
use lexcase::client_money::{
    ClientMoneyEntryKind, LedgerBalance, NewClientMoneyEntry, ledger_balance,
};
use lexcase::matters::Matter;
use lexcase::money::{Currency, Money};
use lexcase::reports::{FeeEarnerHours, Receivable, WorkInProgress, aged_debt};
use lexcase::service::{DraftRequest, Session};
use lexcase::store::{BillQuery, Cursor, Page, Paged, WorkQuery};
use lexcase::timekeeping::{Billability, ExpenseTax, NewExpense, NewTimeEntry, WorkStatus};
use lexcase::{ErrorCode, MatterId, UserId};
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn currency(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn money(amount: &str, code: &str) -> Money {
    Money::new(amount.parse().unwrap(), currency(code), "amount").unwrap()
}

/// A firm with work in two currencies over three months, bills issued and partly paid, client
/// money in and out, and one matter the partner is walled from. Returns the matters, walled
/// one last.
fn firm_with_work(f: &Fixture) -> Vec<Matter> {
    let client_a = f.person("Ann", "Archer");
    let client_b = f.organisation("Borealis Ltd");
    let mut usd = f.new_matter("Transatlantic supply", vec![client_b.id]);
    usd.currency = Some(currency("USD"));
    let mut matters = vec![
        f.fee_earner
            .matters()
            .create(f.new_matter("Archer purchase", vec![client_a.id]))
            .unwrap(),
        f.fee_earner
            .matters()
            .create(f.new_matter("Borealis lease", vec![client_b.id]))
            .unwrap(),
        f.fee_earner.matters().create(usd).unwrap(),
        f.fee_earner
            .matters()
            .create(lexcase::matters::NewMatter {
                originating: None,
                ..f.new_matter("Archer v Borealis", vec![client_a.id])
            })
            .unwrap(),
    ];
    let walled = matters[3].clone();
    matters[3] = f
        .admin
        .matters()
        .add_ethical_wall(
            walled.id,
            walled.version,
            f.partner.actor_id(),
            "acted for Borealis",
        )
        .unwrap();
    let billabilities = [
        Billability::Billable,
        Billability::Billable,
        Billability::NonBillable,
        Billability::NoCharge,
    ];
    for (i, m) in matters.iter().enumerate() {
        let mut batch = Vec::new();
        for j in 0..24u32 {
            let date = day("2026-10-01") + chrono::Duration::days(i64::from(j * 3 + i as u32));
            let mut e = NewTimeEntry::new(m.id, date, 600 + 317 * (j + i as u32), "Work");
            e.billability = billabilities[(j as usize + i) % 4];
            e.user = Some(if j % 3 == 0 {
                f.fee_earner2.actor_id()
            } else {
                f.fee_earner.actor_id()
            });
            if m.billing.currency.code() == "USD" {
                e.rate = Some(money("310.50", "USD").into());
            } else if j % 5 == 0 {
                e.rate = Some(money("212.125", "GBP").into());
            }
            batch.push(e);
        }
        f.admin.time().record_many(batch).unwrap();
        for (k, billable) in [(0, true), (1, false), (2, true)] {
            f.admin
                .time()
                .record_expense(NewExpense {
                    matter: m.id,
                    date: day("2026-10-20") + chrono::Duration::days(k),
                    description: "Search fee".into(),
                    quantity: Decimal::from(k + 1),
                    unit_cost: money("12.345", m.billing.currency.code()).into(),
                    expense_code: None,
                    vendor: "Land Registry".into(),
                    receipt: None,
                    tax: ExpenseTax::Disbursement,
                    billable,
                })
                .unwrap();
        }
    }
    // Bill October's work on three matters, issue it, pay part of two bills, credit one.
    let bills = f.accounts.bills();
    let mut issued = Vec::new();
    for m in [&matters[0], &matters[2], &matters[3]] {
        let client = m.clients().next().unwrap();
        let bill = bills
            .draft(DraftRequest {
                client,
                matters: vec![m.id],
                period_from: day("2026-10-01"),
                period_to: day("2026-10-31"),
                arrangement: FeeArrangement::Hourly,
                discount: None,
                description: String::new(),
            })
            .unwrap();
        let bill = bills
            .transition(bill.id, bill.version, BillStatus::Approved)
            .unwrap();
        issued.push(bills.issue(bill.id, bill.version).unwrap());
    }
    for bill in &issued[..2] {
        f.accounts
            .payments()
            .record(NewPayment {
                client: bill.client,
                received_on: day("2026-11-30"),
                amount: Money {
                    amount: (bill.totals.total / Decimal::from(3)).round_dp(2),
                    currency: bill.currency,
                }
                .into(),
                method: "BACS".into(),
                reference: String::new(),
                allocations: vec![lexcase::bills::Allocation {
                    bill: bill.id,
                    amount: (bill.totals.total / Decimal::from(3)).round_dp(2),
                }],
            })
            .unwrap();
    }
    // Client money on the GBP matters, a payment out and a reversal.
    let cm = f.accounts.client_money();
    for m in [&matters[0], &matters[1], &matters[3]] {
        let client = m.clients().next().unwrap();
        let entry = |kind, amount: &str, date: &str| NewClientMoneyEntry {
            matter: m.id,
            client,
            kind,
            amount: money(amount, "GBP").into(),
            date: day(date),
            reference: "ref".into(),
            counterparty: "Client".into(),
            description: "On account".into(),
            bill: None,
            reverses: None,
        };
        cm.record(
            entry(ClientMoneyEntryKind::Receipt, "1000", "2026-10-05"),
            None,
        )
        .unwrap();
        let out = cm
            .record(
                entry(ClientMoneyEntryKind::Payment, "250.50", "2026-11-05"),
                None,
            )
            .unwrap();
        cm.reverse(out.id, day("2026-11-06"), "paid to the wrong account", None)
            .unwrap();
        cm.record(
            entry(ClientMoneyEntryKind::Payment, "100", "2026-12-01"),
            None,
        )
        .unwrap();
    }
    matters
}

/// Every time entry and expense, read in full by the administrator.
fn all_work(
    admin: &Session,
) -> (
    Vec<lexcase::timekeeping::TimeEntry>,
    Vec<lexcase::timekeeping::Expense>,
) {
    let q = WorkQuery::default();
    (
        Paged::collect_all(|p| admin.time().list(&q, p)).unwrap(),
        Paged::collect_all(|p| admin.time().expenses(&q, p)).unwrap(),
    )
}

type Key = (Option<MatterId>, Option<UserId>, &'static str);

fn key(w: &WorkInProgress) -> Key {
    (w.matter, w.user, w.currency.map_or("", |c| c.code()))
}

/// Work in progress summed entry by entry.
fn brute_wip(
    (time, expenses): &(
        Vec<lexcase::timekeeping::TimeEntry>,
        Vec<lexcase::timekeeping::Expense>,
    ),
    visible: &dyn Fn(MatterId) -> bool,
    by_matter: bool,
) -> BTreeMap<Key, (u64, Decimal, Decimal)> {
    let mut out: BTreeMap<Key, (u64, Decimal, Decimal)> = BTreeMap::new();
    for e in time.iter().filter(|e| {
        visible(e.matter)
            && e.status == WorkStatus::Unbilled
            && e.billability == Billability::Billable
    }) {
        let k = if by_matter {
            (Some(e.matter), None, e.rate.currency.code())
        } else {
            (None, Some(e.user), e.rate.currency.code())
        };
        let line = out.entry(k).or_default();
        line.0 += u64::from(e.seconds);
        line.1 += e.value().amount;
    }
    if by_matter {
        for x in expenses
            .iter()
            .filter(|x| visible(x.matter) && x.status == WorkStatus::Unbilled && x.billable)
        {
            out.entry((Some(x.matter), None, x.unit_cost.currency.code()))
                .or_default()
                .2 += x.amount().amount;
        }
    }
    out
}

fn store_wip(lines: &[WorkInProgress]) -> BTreeMap<Key, (u64, Decimal, Decimal)> {
    lines
        .iter()
        .map(|w| {
            (
                key(w),
                (
                    w.unbilled_seconds,
                    w.unbilled_time_value,
                    w.unbilled_expenses,
                ),
            )
        })
        .collect()
}

fn brute_hours(
    time: &[lexcase::timekeeping::TimeEntry],
    visible: &dyn Fn(MatterId) -> bool,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<(UserId, &'static str), FeeEarnerHours> {
    let mut out: BTreeMap<(UserId, &'static str), FeeEarnerHours> = BTreeMap::new();
    for e in time
        .iter()
        .filter(|e| visible(e.matter) && e.date >= from && e.date <= to)
    {
        out.entry((e.user, e.rate.currency.code()))
            .or_insert_with(|| FeeEarnerHours {
                user: e.user,
                ..FeeEarnerHours::default()
            })
            .add(e);
    }
    out
}

fn sums(h: &FeeEarnerHours) -> (u64, u64, u64, u64, u64, Decimal, Decimal) {
    (
        h.recorded_seconds,
        h.billable_seconds,
        h.non_billable_seconds,
        h.no_charge_seconds,
        h.billed_seconds,
        h.recorded_value,
        h.billed_value,
    )
}

/// Checks every aggregate `s` gets against brute force over the matters it may see.
fn check_aggregates(
    f: &Fixture,
    s: &Session,
    matters: &[Matter],
    visible: &dyn Fn(MatterId) -> bool,
) {
    let work = all_work(&f.admin);
    let (by_matter, by_user) = s.reports().wip().unwrap();
    let money_sum =
        |m: &BTreeMap<Key, (u64, Decimal, Decimal)>| -> BTreeMap<Key, (u64, Decimal, Decimal)> {
            m.iter()
                .map(|(k, (s, t, x))| (*k, (*s, t.normalize(), x.normalize())))
                .collect()
        };
    assert_eq!(
        money_sum(&store_wip(&by_matter)),
        money_sum(&brute_wip(&work, visible, true))
    );
    assert_eq!(
        money_sum(&store_wip(&by_user)),
        money_sum(&brute_wip(&work, visible, false))
    );

    for (from, to) in [("2026-10-01", "2026-10-31"), ("2026-10-15", "2026-12-31")] {
        let hours = s
            .reports()
            .hours(day(from), day(to), Decimal::from(7))
            .unwrap();
        let brute = brute_hours(&work.0, visible, day(from), day(to));
        assert_eq!(hours.len(), brute.len(), "{from}..{to}");
        for h in &hours {
            let b = &brute[&(h.user, h.currency.unwrap().code())];
            assert_eq!(sums(h), sums(b), "{from}..{to}");
        }
    }

    let bills: Vec<_> = Paged::collect_all(|p| f.admin.bills().list(&BillQuery::default(), p))
        .unwrap()
        .into_iter()
        .filter(|b| b.matters.iter().all(|m| visible(*m)))
        .collect();
    for code in ["GBP", "USD"] {
        for as_of in ["2026-11-30", "2027-01-15", "2027-03-31"] {
            let receivables: Vec<Receivable> = bills
                .iter()
                .filter(|b| {
                    b.kind == BillKind::Invoice
                        && b.currency.code() == code
                        && b.issued_on.is_some()
                        && !b.outstanding().is_zero()
                })
                .map(|b| Receivable {
                    issued_on: b.issued_on.unwrap(),
                    outstanding: Money {
                        amount: b.outstanding(),
                        currency: b.currency,
                    },
                })
                .collect();
            let brute = aged_debt(&receivables, day(as_of), currency(code)).unwrap();
            let store = s.payments().aged_debt(day(as_of), currency(code)).unwrap();
            assert_eq!(store, brute, "{code} at {as_of}");
        }
    }

    for as_of in ["2026-10-31", "2026-11-05", "2026-12-31"] {
        let mut brute: Vec<LedgerBalance> = Vec::new();
        for m in matters.iter().filter(|m| visible(m.id)) {
            let entries: Vec<_> = f
                .accounts
                .client_money()
                .entries(m.id)
                .unwrap()
                .into_iter()
                .filter(|e| e.date <= day(as_of))
                .collect();
            for client in m.clients() {
                let ledger: Vec<_> = entries
                    .iter()
                    .filter(|e| e.client == client)
                    .cloned()
                    .collect();
                if !ledger.is_empty() {
                    brute.push(LedgerBalance {
                        matter: m.id,
                        client,
                        balance: ledger_balance(&ledger, m.billing.currency).unwrap(),
                    });
                }
            }
        }
        brute.sort_by_key(|b| (b.matter, b.client));
        let store = s.reports().client_money_balances(day(as_of)).unwrap();
        assert_eq!(store, brute, "balances at {as_of}");
        let total: Decimal = brute.iter().map(|b| b.balance.amount).sum();
        let totals = s.reports().client_money_total(day(as_of)).unwrap();
        assert_eq!(
            totals.iter().map(|m| m.amount).sum::<Decimal>(),
            total,
            "total at {as_of}"
        );
    }
}

/// Work in progress, hours, aged debt and client-money balances, summed by the store, equal
/// the sums of the records they come from; a walled partner's figures leave the walled
/// matter out entirely.
pub fn aggregates_equal_brute_force(store: SharedStore) {
    let f = Fixture::new(store);
    let matters = firm_with_work(&f);
    check_aggregates(&f, &f.admin, &matters, &|_| true);
    let walled = matters[3].id;
    check_aggregates(&f, &f.partner, &matters, &|m| m != walled);
    // Nothing the partner gets names the walled matter.
    let (by_matter, _) = f.partner.reports().wip().unwrap();
    assert!(by_matter.iter().all(|w| w.matter != Some(walled)));
    let balances = f
        .partner
        .reports()
        .client_money_balances(day("2026-12-31"))
        .unwrap();
    assert!(balances.iter().all(|b| b.matter != walled));
}

/// Reads a whole list by cursor and by offset, in pages of 3: the same items in the same
/// order, the total counted on the first page carried by every cursor.
fn same_by_cursor<T: PartialEq + std::fmt::Debug>(
    what: &str,
    mut list: impl FnMut(Page) -> lexcase::Result<Paged<T>>,
) {
    let mut by_offset = Vec::new();
    let mut offset = 0;
    loop {
        let page = list(Page::new(offset, 3).unwrap()).unwrap();
        let n = page.items.len() as u64;
        by_offset.extend(page.items);
        offset += 3;
        if n < 3 {
            break;
        }
    }
    let first = list(Page::first(3).unwrap()).unwrap();
    let total = first.total;
    assert_eq!(total, by_offset.len() as u64, "{what}: total");
    let mut by_cursor = first.items;
    let mut next = first.next;
    while let Some(cursor) = next {
        let page = list(Page::after(cursor, 3).unwrap()).unwrap();
        assert_eq!(page.total, total, "{what}: the total rides in the cursor");
        by_cursor.extend(page.items);
        next = page.next;
    }
    assert_eq!(by_cursor, by_offset, "{what}");
}

/// Every list reads the same by cursor as by offset; a cursor from elsewhere, garbage, or a
/// cursor with an offset is a validation error.
pub fn lists_page_by_cursor_as_by_offset(store: SharedStore) {
    let f = Fixture::new(store);
    let matters = firm_with_work(&f);
    let s = &f.admin;
    same_by_cursor("users", |p| s.users().list(p));
    same_by_cursor("contacts", |p| s.contacts().search("", None, p));
    same_by_cursor("matters", |p| s.matters().list(Default::default(), p));
    same_by_cursor("my matters", |p| f.fee_earner.matters().mine(None, p));
    same_by_cursor("partner's matters", |p| {
        f.partner.matters().list(Default::default(), p)
    });
    same_by_cursor("time", |p| s.time().list(&WorkQuery::default(), p));
    same_by_cursor("unbilled time of a matter", |p| {
        s.time().list(
            &WorkQuery {
                matter: Some(matters[0].id),
                status: Some(WorkStatus::Unbilled),
                ..WorkQuery::default()
            },
            p,
        )
    });
    same_by_cursor("expenses", |p| s.time().expenses(&WorkQuery::default(), p));
    same_by_cursor("bills", |p| s.bills().list(&BillQuery::default(), p));
    same_by_cursor("tasks", |p| s.tasks().list(Default::default(), p));
    same_by_cursor("deadlines", |p| s.docket().list(&Default::default(), p));

    let page = s
        .time()
        .list(&WorkQuery::default(), Page::first(2).unwrap())
        .unwrap();
    let cursor = page.next.unwrap();
    // A cursor of another list (other sort keys) and garbage are refused.
    assert_code(
        s.users().list(Page::after(cursor.clone(), 2).unwrap()),
        ErrorCode::Validation,
    );
    for text in ["zz", "01", "00ff"] {
        let garbage = Cursor::new(text).unwrap();
        assert_code(
            s.time()
                .list(&WorkQuery::default(), Page::after(garbage, 2).unwrap()),
            ErrorCode::Validation,
        );
    }
    assert!(Cursor::new("not a cursor!").is_err());
    let mut with_offset = Page::after(cursor, 2).unwrap();
    with_offset.offset = 4;
    assert_code(
        s.time().list(&WorkQuery::default(), with_offset),
        ErrorCode::Validation,
    );
}
