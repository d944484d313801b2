//! Reports through the services: hours per fee earner, utilisation and realisation, WIP,
//! client-money balances, CSV.

use chrono::NaiveDate;
use lexcase::ErrorCode;
use lexcase::bills::{BillStatus, FeeArrangement};
use lexcase::money::Currency;
use lexcase::service::DraftRequest;
use lexcase::timekeeping::{Billability, NewTimeEntry};
use rust_decimal::Decimal;

use crate::fixture::{Fixture, SharedStore, assert_code, assert_invalid};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Two fee earners' hours over November: billable, non-billable, billed; utilisation
/// against 7 hours a business day; realisation; WIP; CSV.
pub fn hours_utilisation_realisation_and_wip(store: SharedStore) {
    let f = Fixture::new(store);
    let m = f.matter("Smith v Jones");
    let client = m.clients().next().unwrap();
    let record = |s: &lexcase::service::Session, date: &str, seconds, billability| {
        let mut e = NewTimeEntry::new(m.id, day(date), seconds, "Work");
        e.billability = billability;
        s.time().record(e).unwrap()
    };
    record(&f.fee_earner, "2026-11-02", 7_200, Billability::Billable);
    record(&f.fee_earner, "2026-11-03", 3_600, Billability::NonBillable);
    record(&f.fee_earner2, "2026-11-20", 3_600, Billability::Billable);
    // Bill (and issue) the first half of the month only.
    let bills = f.accounts.bills();
    let bill = bills
        .draft(DraftRequest {
            client,
            matters: vec![m.id],
            period_from: day("2026-11-01"),
            period_to: day("2026-11-15"),
            arrangement: FeeArrangement::Hourly,
            discount: None,
            description: String::new(),
        })
        .unwrap();
    let bill = bills
        .transition(bill.id, bill.version, BillStatus::Approved)
        .unwrap();
    bills.issue(bill.id, bill.version).unwrap();

    let reports = f.partner.reports();
    let hours = reports
        .hours(day("2026-11-01"), day("2026-11-30"), dec("7"))
        .unwrap();
    let fern = hours
        .iter()
        .find(|h| h.user == f.fee_earner.actor_id())
        .unwrap();
    assert_eq!(
        (
            fern.recorded_seconds,
            fern.billable_seconds,
            fern.non_billable_seconds,
            fern.billed_seconds
        ),
        (10_800, 7_200, 3_600, 7_200)
    );
    assert_eq!(
        (fern.recorded_value, fern.billed_value),
        (dec("500.00"), dec("500.00"))
    );
    // November 2026 has 21 business days in England & Wales: 147 hours available.
    assert_eq!(fern.utilisation, Some(dec("0.0136")));
    assert_eq!(fern.realisation, Some(dec("1")));
    let fred = hours
        .iter()
        .find(|h| h.user == f.fee_earner2.actor_id())
        .unwrap();
    assert_eq!(
        (fred.billed_seconds, fred.realisation),
        (0, Some(Decimal::ZERO))
    );

    let (by_matter, by_user) = reports.wip().unwrap();
    assert_eq!(by_matter.len(), 1);
    assert_eq!(
        (by_matter[0].unbilled_seconds, by_matter[0].total()),
        (3_600, dec("250.00"))
    );
    assert_eq!(by_user[0].user, Some(f.fee_earner2.actor_id()));
    let csv = reports
        .hours_csv(day("2026-11-01"), day("2026-11-30"), dec("7"))
        .unwrap();
    assert!(csv.starts_with("user,recorded_hours,billable_hours,"));
    assert_eq!(csv.lines().count(), 3);
    assert!(reports.wip_csv().unwrap().contains("250.00"));
    let aged = reports
        .aged_debt_csv(day("2026-12-31"), Currency::parse("GBP").unwrap())
        .unwrap();
    assert!(aged.lines().nth(1).unwrap().ends_with(",500.00"));
    assert_eq!(
        reports
            .client_money_balances_csv(day("2026-12-31"))
            .unwrap()
            .lines()
            .count(),
        1
    );

    assert_code(f.fee_earner.reports().wip(), ErrorCode::PermissionDenied);
    assert_invalid(
        reports.hours(day("2026-11-30"), day("2026-11-01"), dec("7")),
        "to",
    );
    assert_invalid(
        reports.hours(day("2026-11-01"), day("2026-11-30"), dec("25")),
        "available_hours_per_day",
    );
}
