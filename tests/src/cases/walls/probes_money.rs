//! Probes of the read methods about time, bills, payments, client money, reports and
//! compliance (see [`super::probes`]).

use lexcase::progress::{Flow, ProgressUpdate};
use lexcase::store::{BillQuery, WorkQuery};
use lexcase::timekeeping::TermsScope;

use super::fixture::dec;
use super::probes::{Read, addressed, all, firmwide, out};

fn time_and_bills() -> Vec<Read> {
    vec![
        addressed("TimeService", "get", |s, _, i| {
            out(s.time().get(i.time_entry))
        }),
        addressed("TimeService", "list", |s, _, i| {
            let by_matter = WorkQuery {
                matter: Some(i.matter),
                ..WorkQuery::default()
            };
            let by_bill = WorkQuery {
                bill: Some(i.bill),
                ..WorkQuery::default()
            };
            out(s.time().list(&by_matter, all())) + &out(s.time().list(&by_bill, all()))
        }),
        firmwide("TimeService", "list", |s, k| {
            let mine = WorkQuery {
                user: Some(s.actor_id()),
                ..WorkQuery::default()
            };
            let theirs = WorkQuery {
                user: Some(k.fee_earner),
                ..WorkQuery::default()
            };
            [WorkQuery::default(), mine, theirs]
                .map(|q| out(s.time().list(&q, all())))
                .join("\n")
        }),
        firmwide("TimeService", "timer", |s, _| out(s.time().timer())),
        addressed("TimeService", "expense", |s, _, i| {
            out(s.time().expense(i.expense))
        }),
        addressed("TimeService", "expenses", |s, _, i| {
            let query = WorkQuery {
                matter: Some(i.matter),
                ..WorkQuery::default()
            };
            out(s.time().expenses(&query, all()))
        }),
        firmwide("TimeService", "expenses", |s, _| {
            out(s.time().expenses(&WorkQuery::default(), all()))
        }),
        addressed("TimeService", "terms", |s, _, i| {
            out(s.time().terms(TermsScope::Matter(i.matter)))
        }),
        firmwide("TimeService", "terms", |s, k| {
            out(s.time().terms(TermsScope::Client(k.client)))
        }),
        firmwide("TimeService", "billing_settings", |s, _| {
            out(s.time().billing_settings())
        }),
        addressed("BillService", "get", |s, _, i| {
            out(s.bills().get(i.bill)) + &out(s.bills().get(i.joint_bill))
        }),
        addressed("BillService", "list", |s, _, i| {
            let query = BillQuery {
                matter: Some(i.matter),
                ..BillQuery::default()
            };
            out(s.bills().list(&query, all()))
        }),
        firmwide("BillService", "list", |s, k| {
            let by_client = BillQuery {
                client: Some(k.client),
                ..BillQuery::default()
            };
            out(s.bills().list(&BillQuery::default(), all()))
                + &out(s.bills().list(&by_client, all()))
        }),
        addressed("BillService", "ledes", |s, _, i| {
            out(s.bills().ledes(i.bill))
        }),
        addressed("BillService", "csv", |s, _, i| {
            out(s.bills().csv(i.joint_bill))
        }),
        addressed("BillService", "json", |s, _, i| out(s.bills().json(i.bill))),
    ]
}

fn money_and_reports() -> Vec<Read> {
    vec![
        addressed("PaymentService", "get", |s, _, i| {
            out(s.payments().get(i.payment))
        }),
        firmwide("PaymentService", "statement", |s, k| {
            out(s.payments().statement(k.client, k.gbp))
        }),
        firmwide("PaymentService", "aged_debt", |s, k| {
            out(s.payments().aged_debt(k.today, k.gbp))
        }),
        addressed("ClientMoneyService", "entries", |s, _, i| {
            out(s.client_money().entries(i.matter))
        }),
        addressed("ClientMoneyService", "balances", |s, _, i| {
            out(s.client_money().balances(i.matter))
        }),
        firmwide("ClientMoneyService", "reconciliation_due", |s, _| {
            out(s.client_money().reconciliation_due())
        }),
        firmwide("ReportService", "hours", |s, k| {
            out(s.reports().hours(k.from, k.to, dec("7.5")))
        }),
        firmwide("ReportService", "hours_csv", |s, k| {
            out(s.reports().hours_csv(k.from, k.to, dec("7.5")))
        }),
        firmwide("ReportService", "wip", |s, _| out(s.reports().wip())),
        firmwide("ReportService", "wip_csv", |s, _| {
            out(s.reports().wip_csv())
        }),
        firmwide("ReportService", "client_money_balances", |s, k| {
            out(s.reports().client_money_balances(k.today))
        }),
        firmwide("ReportService", "client_money_balances_csv", |s, k| {
            out(s.reports().client_money_balances_csv(k.today))
        }),
        firmwide("ReportService", "client_money_total", |s, k| {
            out(s.reports().client_money_total(k.today))
        }),
        firmwide("ReportService", "aged_debt_csv", |s, k| {
            out(s.reports().aged_debt_csv(k.today, k.gbp))
        }),
    ]
}

fn compliance() -> Vec<Read> {
    vec![
        firmwide("ComplianceService", "available_packs", |s, _| {
            out(s.compliance().available_packs())
        }),
        firmwide("ComplianceService", "packs", |s, _| {
            out(s.compliance().packs())
        }),
        firmwide("ComplianceService", "test_pack", |s, _| {
            let pack = s.compliance().available_packs().unwrap().remove(0);
            out(s.compliance().test_pack(&pack))
        }),
        addressed("ComplianceService", "evaluate", |s, _, i| {
            out(s.compliance().evaluate(i.matter))
        }),
        addressed("ComplianceService", "facts", |s, _, i| {
            out(s.compliance().facts(i.matter))
        }),
        addressed("ComplianceService", "overrides", |s, _, i| {
            out(s.compliance().overrides(i.matter))
        }),
        firmwide("ComplianceService", "sweep", |s, _| {
            out(s.compliance().sweep())
        }),
        // The updates too: their totals count the matters swept, never the walled one.
        firmwide("ComplianceService", "sweep_with_progress", |s, _| {
            let mut updates = Vec::new();
            let mut record = |u: ProgressUpdate| {
                updates.push(u);
                Flow::Continue
            };
            let found = s.compliance().sweep_with_progress(&mut record);
            format!("{found:?} {updates:?}")
        }),
        firmwide("ComplianceService", "facts_page", |s, _| {
            out(s.compliance().facts_page(None, 1000))
        }),
    ]
}

/// The probes of this file.
pub fn reads() -> Vec<Read> {
    let mut reads = time_and_bills();
    reads.extend(money_and_reports());
    reads.extend(compliance());
    reads
}
