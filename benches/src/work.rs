//! Deterministic work for the store-scale bench: time entries, bills, payments and client money
//! of a firm over two years, as pure functions of the row number and of the firm's matters.
//!
//! The same [`Plan`] drives both sides of the comparison — lexcase through its services and the
//! hand-written rusqlite program of [`crate::raw`] — so both hold the same information:
//!
//! * **Time** ([`Plan::entry`]): dated in order over [`START`]..=[`TODAY`] (mostly weekdays),
//!   on matters drawn with a strong skew (the busiest matter gets about one entry in 130, most
//!   matters a few dozen), by the matter's responsible fee earner (70 %), its paralegal or its
//!   originating partner; 6-minute units mostly, exact timer seconds for one entry in five;
//!   82 % billable, 12 % non-billable, 6 % no charge (all non-billable on non-billable
//!   matters); UTBMS task and activity codes on litigation.
//! * **Bills** ([`Plan::bills`]): at each month end, matters with unbilled work are billed
//!   (hourly, everything unbilled up to the month end), a quota per month chosen by a hash;
//!   issued a few days later. Payments ([`Plan::payment`]): 55 % paid in full and 20 % in
//!   part, 7–87 days after issue if that is before [`TODAY`]; the rest owe.
//! * **Client money** ([`Plan::client_money`]): a quarter of the matters hold money: a receipt,
//!   usually a payment out of part of it, sometimes a second receipt.
//! * A reserved open matter ([`Plan::draft_matter`]) takes no regular time; the bench gives it
//!   the 10 000 unbilled entries a bill is drafted from ([`Plan::draft_entry`]).

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use lexcase::matters::{BillingKind, Matter, MatterRole, MatterStatus};
use lexcase::timekeeping::{Billability, NewTimeEntry};
use lexcase::{ContactId, MatterId, UserId};

use crate::mix;
use crate::names::unit;

/// The first day work is dated.
pub const START: NaiveDate = match NaiveDate::from_ymd_opt(2024, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The bench's "today" (the firm's clock stands here for the reports): two years after
/// [`START`].
pub const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 6, 30) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Months billed: July 2024 to May 2026 (June's bills would be issued after [`TODAY`]).
pub const BILL_MONTHS: u32 = 23;

/// The narratives time is recorded with.
pub const NARRATIVES: [&str; 24] = [
    "Considering correspondence and advising client",
    "Telephone call with client",
    "Drafting letter to the other side",
    "Reviewing title documents",
    "Preparing report on title",
    "Attending completion",
    "Drafting witness statement",
    "Reviewing disclosure",
    "Preparing for hearing",
    "Attending hearing",
    "Instructing counsel",
    "Conference with counsel",
    "Drafting particulars of claim",
    "Reviewing contract and raising enquiries",
    "Internal file review",
    "Updating case plan",
    "Preparing completion statement",
    "Email to client with update",
    "Research on limitation",
    "Negotiating terms of settlement",
    "Drafting consent order",
    "Reviewing medical evidence",
    "Preparing bundle",
    "Travel to court",
];

const TASKS: [&str; 8] = [
    "L110", "L120", "L160", "L210", "L250", "L310", "L320", "L330",
];
const ACTIVITIES: [&str; 6] = ["A101", "A102", "A103", "A104", "A106", "A108"];

/// What the generators need to know of one matter (taken from the aggregate written to both
/// stores, so ids are shared).
#[derive(Debug, Clone, Copy)]
pub struct MatterFacts {
    /// The matter.
    pub id: MatterId,
    /// Its first client (billed, and holding its client money).
    pub client: ContactId,
    /// Its status.
    pub status: MatterStatus,
    /// The responsible fee earner.
    pub responsible: UserId,
    /// The originating partner, if any.
    pub originating: Option<UserId>,
    /// The paralegal on the team, if any.
    pub paralegal: Option<UserId>,
    /// Whether the matter is billed at all.
    pub non_billable: bool,
    /// Whether it is a litigation matter (UTBMS codes on its time).
    pub litigation: bool,
}

impl MatterFacts {
    /// The facts of `m`.
    pub fn of(m: &Matter) -> Option<Self> {
        Some(Self {
            id: m.id,
            client: m.clients().next()?,
            status: m.status,
            responsible: m.responsible,
            originating: m.originating,
            paralegal: m
                .team
                .iter()
                .find(|t| t.role == MatterRole::Paralegal)
                .map(|t| t.user),
            non_billable: m.billing.kind == BillingKind::NonBillable,
            litigation: m.practice_area == "litigation",
        })
    }
}

/// One time entry to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySpec {
    /// Index of the matter in [`Plan::facts`].
    pub matter: usize,
    /// The fee earner.
    pub user: UserId,
    /// The day.
    pub date: NaiveDate,
    /// Seconds worked.
    pub seconds: u32,
    /// Charged or not.
    pub billability: Billability,
    /// The narrative.
    pub narrative: &'static str,
    /// UTBMS task code.
    pub task_code: Option<&'static str>,
    /// UTBMS activity code.
    pub activity_code: Option<&'static str>,
}

impl EntrySpec {
    /// The entry as the service records it (for `user`, by someone with `manage_billing`).
    pub fn to_new(&self, plan: &Plan) -> NewTimeEntry {
        let mut new = NewTimeEntry::new(
            plan.facts[self.matter].id,
            self.date,
            self.seconds,
            self.narrative,
        );
        new.user = Some(self.user);
        new.billability = self.billability;
        new.task_code = self.task_code.map(str::to_owned);
        new.activity_code = self.activity_code.map(str::to_owned);
        new
    }
}

/// One bill: drafted (hourly) from the unbilled work of one matter up to `period_to`, issued
/// on `issued_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BillSpec {
    /// Position in the firm's billing history (0 first).
    pub seq: u64,
    /// Index of the matter in [`Plan::facts`].
    pub matter: usize,
    /// Last day of the period (a month end); the period starts at [`START`].
    pub period_to: NaiveDate,
    /// The day it is issued.
    pub issued_on: NaiveDate,
}

/// A payment against a bill: `percent` of its total (100 = in full), received on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentSpec {
    /// Share of the bill's total, in percent.
    pub percent: u64,
    /// The day it is received.
    pub received_on: NaiveDate,
}

impl PaymentSpec {
    /// The amount paid on a bill of `total_minor` minor units.
    pub fn amount_minor(&self, total_minor: i64) -> i64 {
        if self.percent >= 100 {
            total_minor
        } else {
            total_minor * self.percent as i64 / 100
        }
    }
}

/// What a client-money entry does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustKind {
    /// Money received for the client.
    Receipt,
    /// Money paid out for the client.
    Payment,
}

/// One client-money entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustSpec {
    /// Index of the matter in [`Plan::facts`] (the client is its first client).
    pub matter: usize,
    /// Receipt or payment.
    pub kind: TrustKind,
    /// Amount in pence.
    pub amount_minor: i64,
    /// The bank date.
    pub date: NaiveDate,
    /// Bank reference.
    pub reference: String,
    /// Payer or payee.
    pub counterparty: String,
    /// What it is for.
    pub description: &'static str,
}

/// The work of the bench firm over its matters.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The matters, in the order they were written.
    pub facts: Vec<MatterFacts>,
    /// Matters that take regular time (not archived, not the reserved one).
    eligible: Vec<usize>,
    /// The reserved matter a 10 000-entry bill is drafted from.
    pub draft_matter: usize,
    /// Regular time entries.
    pub entries: u64,
}

fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

/// The last day of the month `m` months after [`START`]'s.
pub fn month_end(m: u32) -> NaiveDate {
    let first = START
        .checked_add_months(chrono::Months::new(m + 1))
        .unwrap_or(START);
    first.pred_opt().unwrap_or(first)
}

/// Months from [`START`]'s month to `d`'s.
pub fn month_index(d: NaiveDate) -> u32 {
    let m = (d.year() - START.year()) * 12 + d.month() as i32 - START.month() as i32;
    m.max(0) as u32
}

impl Plan {
    /// The plan over `facts` (which must hold an open, billable matter) with `entries` regular
    /// time entries.
    pub fn new(facts: Vec<MatterFacts>, entries: u64) -> Option<Self> {
        let draft_matter = facts
            .iter()
            .position(|f| f.status == MatterStatus::Open && !f.non_billable)?;
        let mut eligible: Vec<usize> = (0..facts.len())
            .filter(|&k| k != draft_matter && facts[k].status != MatterStatus::Archived)
            .collect();
        // Which matters are busy should not follow the order they were written in.
        eligible.sort_by_key(|&k| mix(k as u64, 77));
        if eligible.is_empty() {
            return None;
        }
        Some(Self {
            facts,
            eligible,
            draft_matter,
            entries,
        })
    }

    /// Days in the dated span.
    fn span_days() -> u64 {
        (TODAY - START).num_days().max(1) as u64
    }

    /// The matter of regular entry `i`: index `⌊len·u²⌋` of the shuffled eligible list, so the
    /// busiest matter gets `1/√len` of the work and half the work goes to a quarter of them.
    fn matter_of(&self, i: u64, salt: u64) -> usize {
        let u = unit(i, salt);
        let idx = ((u * u) * self.eligible.len() as f64) as usize;
        self.eligible[idx.min(self.eligible.len() - 1)]
    }

    fn spec(&self, i: u64, matter: usize, date: NaiveDate) -> EntrySpec {
        let f = &self.facts[matter];
        let r = mix(i, 72) % 100;
        let user = match (r, f.paralegal, f.originating) {
            (70..85, Some(p), _) => p,
            (85.., _, Some(o)) => o,
            _ => f.responsible,
        };
        let seconds = if mix(i, 74).is_multiple_of(5) {
            60 + (mix(i, 75) % 9_000) as u32
        } else {
            let x = mix(i, 75) % 100;
            360 * (1 + (x * x / 400) as u32)
        };
        let billability = if f.non_billable {
            Billability::NonBillable
        } else {
            match mix(i, 76) % 100 {
                0..82 => Billability::Billable,
                82..94 => Billability::NonBillable,
                _ => Billability::NoCharge,
            }
        };
        let coded = f.litigation && !mix(i, 78).is_multiple_of(4);
        EntrySpec {
            matter,
            user,
            date,
            seconds,
            billability,
            narrative: NARRATIVES[(mix(i, 79) % NARRATIVES.len() as u64) as usize],
            task_code: coded.then(|| TASKS[(mix(i, 80) % TASKS.len() as u64) as usize]),
            activity_code: coded
                .then(|| ACTIVITIES[(mix(i, 81) % ACTIVITIES.len() as u64) as usize]),
        }
    }

    /// Regular entry `i` (of [`Plan::entries`]): dated in order over the two years.
    pub fn entry(&self, i: u64) -> EntrySpec {
        let span = Self::span_days();
        let day = (i * span / self.entries.max(1) + mix(i, 70) % 4).min(span);
        let mut date = add_days(START, day);
        // Mostly weekdays: a weekend entry moves to the Friday before, one in ten stays.
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !mix(i, 73).is_multiple_of(10) {
            let back = if date.weekday() == Weekday::Sat { 1 } else { 2 };
            date = date
                .checked_sub_days(Days::new(back))
                .filter(|d| *d >= START)
                .unwrap_or(date);
        }
        self.spec(i, self.matter_of(i, 71), date)
    }

    /// Entry `k` recorded one per command: dated [`TODAY`].
    pub fn single(&self, k: u64) -> EntrySpec {
        let i = 1_000_000_000_000 + k;
        self.spec(i, self.matter_of(i, 71), TODAY)
    }

    /// Entry `k` of the reserved matter: billable, over the last 180 days.
    pub fn draft_entry(&self, k: u64) -> EntrySpec {
        let i = 2_000_000_000_000 + k;
        let date = TODAY
            .checked_sub_days(Days::new(mix(i, 82) % 180))
            .unwrap_or(TODAY);
        EntrySpec {
            billability: Billability::Billable,
            ..self.spec(i, self.draft_matter, date)
        }
    }

    /// The firm's bills, in issue order: about `total` over [`BILL_MONTHS`] months (fewer if
    /// too few matters have unbilled work). Every regular entry is generated once to know
    /// which matters have unbilled work at each month end.
    pub fn bills(&self, total: u64) -> Vec<BillSpec> {
        let months = BILL_MONTHS as usize;
        let mut arrivals: Vec<Vec<usize>> = vec![Vec::new(); months];
        let mut last_seen = vec![u32::MAX; self.facts.len()];
        for i in 0..self.entries {
            let e = self.entry(i);
            let m = month_index(e.date);
            if e.billability == Billability::NonBillable || m as usize >= months {
                continue;
            }
            if last_seen[e.matter] != m {
                last_seen[e.matter] = m;
                arrivals[m as usize].push(e.matter);
            }
        }
        let mut pending = vec![false; self.facts.len()];
        let mut waiting: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for (m, arrived) in arrivals.iter().enumerate() {
            for &k in arrived {
                if !pending[k] {
                    pending[k] = true;
                    waiting.push(k);
                }
            }
            let m = m as u32;
            let quota = (total * u64::from(m + 1) / u64::from(BILL_MONTHS)
                - total * u64::from(m) / u64::from(BILL_MONTHS)) as usize;
            waiting.sort_by_key(|&k| mix(k as u64, 300 + u64::from(m)));
            let billed: Vec<usize> = waiting.drain(..quota.min(waiting.len())).collect();
            let period_to = month_end(m);
            for k in billed {
                pending[k] = false;
                let seq = out.len() as u64;
                out.push(BillSpec {
                    seq,
                    matter: k,
                    period_to,
                    issued_on: add_days(period_to, 1 + mix(seq, 301) % 10),
                });
            }
        }
        out
    }

    /// The payment of bill `b`, if any: 55 % in full, 20 % in part, none when it would fall
    /// after [`TODAY`].
    pub fn payment(&self, b: &BillSpec) -> Option<PaymentSpec> {
        let r = mix(b.seq, 310) % 100;
        let percent = match r {
            0..55 => 100,
            55..75 => 20 + mix(b.seq, 311) % 60,
            _ => return None,
        };
        let received_on = add_days(b.issued_on, 7 + mix(b.seq, 312) % 80);
        (received_on <= TODAY).then_some(PaymentSpec {
            percent,
            received_on,
        })
    }

    /// Client money: a quarter of the live matters hold some, in date order.
    pub fn client_money(&self) -> Vec<TrustSpec> {
        let mut out = Vec::new();
        for (k, f) in self.facts.iter().enumerate() {
            let i = k as u64;
            if f.status == MatterStatus::Archived || !mix(i, 320).is_multiple_of(4) {
                continue;
            }
            let received = add_days(START, mix(i, 321) % 650);
            let amount = 50_000 + (mix(i, 322) % 25_000_000) as i64;
            out.push(TrustSpec {
                matter: k,
                kind: TrustKind::Receipt,
                amount_minor: amount,
                date: received,
                reference: format!("FPS {:08}", mix(i, 323) % 100_000_000),
                counterparty: "Client".into(),
                description: "Money on account of costs and disbursements",
            });
            if mix(i, 324) % 10 < 7 {
                let paid = add_days(received, 7 + mix(i, 325) % 120);
                if paid <= TODAY {
                    out.push(TrustSpec {
                        matter: k,
                        kind: TrustKind::Payment,
                        amount_minor: amount * (30 + (mix(i, 326) % 71) as i64) / 100,
                        date: paid,
                        reference: format!("CHAPS {:08}", mix(i, 327) % 100_000_000),
                        counterparty: "Seller's solicitors".into(),
                        description: "Payment of completion monies",
                    });
                }
            }
            if mix(i, 328) % 10 < 2 {
                let again = add_days(received, 30 + mix(i, 329) % 170);
                if again <= TODAY {
                    out.push(TrustSpec {
                        matter: k,
                        kind: TrustKind::Receipt,
                        amount_minor: 10_000 + (mix(i, 330) % 500_000) as i64,
                        date: again,
                        reference: format!("FPS {:08}", mix(i, 331) % 100_000_000),
                        counterparty: "Client".into(),
                        description: "Further money on account",
                    });
                }
            }
        }
        out.sort_by_key(|t| t.date);
        out
    }
}

/// Noon UTC of `d`: the instant the bench's clock stands at on that day.
pub fn noon(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

/// Whole minor units of a decimal amount in pence (the bench firm bills in GBP).
pub fn minor(amount: rust_decimal::Decimal) -> i64 {
    use rust_decimal::prelude::ToPrimitive;
    (amount * rust_decimal::Decimal::from(100))
        .round()
        .to_i64()
        .unwrap_or(i64::MAX)
}

/// A decimal amount of pence.
pub fn from_minor(pence: i64) -> rust_decimal::Decimal {
    rust_decimal::Decimal::new(pence, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(
            month_end(0),
            NaiveDate::from_ymd_opt(2024, 7, 31).unwrap_or_default()
        );
        assert_eq!(month_index(START), 0);
        assert_eq!(month_index(TODAY), 23);
        assert!(month_end(BILL_MONTHS - 1) < TODAY);
    }
}
