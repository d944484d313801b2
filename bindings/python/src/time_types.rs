//! `TimeEntry`, `NewTimeEntry`, `Timer`, `Expense`, `BillingTerms`, `FirmBillingSettings`,
//! `RoundingPolicy`, `CodePolicy` and `UtbmsCode`.

use std::collections::BTreeMap;

use lexcase::billing::{Aggregation, CodePolicy, CodeSet, RoundingMode, RoundingPolicy, UtbmsCode};
use lexcase::money::Amount;
use lexcase::timekeeping::{
    Billability, BillingTerms, Expense, FirmBillingSettings, NewTimeEntry, TermsScope, TimeEntry,
    TimeSource, Timer,
};
use lexcase::{MatterId, UserId};
use pyo3::prelude::*;
use uuid::Uuid;

use crate::convert::{DateArg, Id, id_opt, parse};
use crate::money_args::{Dec, DurationArg};
use crate::record::py_record;

py_record! {
    /// How time is rounded for billing: to `increment_minutes` (1–60) in `mode` (`up`, `nearest`
    /// or `down`), at least `minimum_minutes` (0–60) for any work, per entry or per day
    /// (`aggregation`: `per_entry` or `per_day`). Constructible; the defaults are 6 minutes up.
    PyRoundingPolicy(RoundingPolicy) as "RoundingPolicy" eq;
    repr(increment_minutes, mode, minimum_minutes, aggregation);
    |r| {
        /// The increment in minutes.
        increment_minutes,
        /// `up`, `nearest` or `down`.
        mode,
        /// The least charged for any work, in minutes.
        minimum_minutes,
        /// `per_entry` or `per_day`.
        aggregation,
    }
    methods {
        #[new]
        #[pyo3(signature = (*, increment_minutes=6, mode="up", minimum_minutes=0, aggregation="per_entry"))]
        fn new(
            #[pyo3(from_py_with = crate::ints::increment_minutes)] increment_minutes: u32,
            mode: &str,
            #[pyo3(from_py_with = crate::ints::minimum_minutes)] minimum_minutes: u32,
            aggregation: &str,
        ) -> PyResult<Self> {
            let policy = RoundingPolicy {
                increment_minutes,
                mode: parse::<RoundingMode>(mode)?,
                minimum_minutes,
                aggregation: parse::<Aggregation>(aggregation)?,
            };
            policy.validate().map_err(crate::errors::to_py)?;
            Ok(Self(policy))
        }

        /// The seconds charged for `seconds` of work taken alone.
        fn round_entry(&self, #[pyo3(from_py_with = crate::ints::seconds_u64)] seconds: u64) -> u64 {
            self.0.round_entry(seconds)
        }
    }
}

py_record! {
    /// A client's restriction on UTBMS codes: `task_sets` (`litigation`, `bankruptcy`,
    /// `counseling`, `project`) the client accepts for task codes, and `allowed` codes of any
    /// kind (a phase such as `L300` admits its tasks). Empty lists mean no restriction.
    PyCodePolicy(CodePolicy) as "CodePolicy" eq;
    repr(task_sets, allowed);
    |c| {
        /// The accepted task sets.
        task_sets,
        /// The accepted codes.
        allowed,
    }
    methods {
        #[new]
        #[pyo3(signature = (*, task_sets=Vec::new(), allowed=Vec::new()))]
        fn new(task_sets: Vec<String>, allowed: Vec<String>) -> PyResult<Self> {
            let task_sets = task_sets
                .iter()
                .map(|s| parse::<CodeSet>(s))
                .collect::<PyResult<_>>()?;
            Ok(Self(CodePolicy { task_sets, allowed }))
        }
    }
}

py_record! {
    /// A UTBMS code: `set` is `litigation`, `bankruptcy`, `counseling`, `project`, `activity` or
    /// `expense`; `phase` is the phase a task belongs to (e.g. `L300` for `L330`).
    PyUtbmsCode(UtbmsCode) as "UtbmsCode" eq;
    repr(code, set, description);
    |u| {
        /// The code, upper case.
        code,
        /// What it stands for.
        description,
        /// The code set.
        set,
        /// The phase of a task code.
        phase,
        /// Whether the code is itself a phase.
        is_phase,
    }
}

py_record! {
    /// Time to record in a batch (`session.time.record_many`); the same arguments as
    /// `session.time.record`.
    PyNewTimeEntry(NewTimeEntry) as "NewTimeEntry";
    repr(matter, date, seconds, narrative);
    |n| {
        /// The matter.
        matter,
        /// The day.
        date,
        /// Whole seconds.
        seconds,
        /// What was done.
        narrative,
    }
    methods {
        #[new]
        #[pyo3(signature = (*, matter, date, duration, narrative, user=None, task_code=None, activity_code=None, billability="billable", rate=None))]
        pub(crate) fn new(
            matter: Id<MatterId>,
            date: DateArg,
            duration: DurationArg,
            narrative: &str,
            user: Option<Id<UserId>>,
            task_code: Option<String>,
            activity_code: Option<String>,
            billability: &str,
            rate: Option<Dec>,
        ) -> PyResult<Self> {
            let mut entry = NewTimeEntry::new(matter.0, date.0, duration.0, narrative);
            entry.user = id_opt(user);
            entry.task_code = task_code;
            entry.activity_code = activity_code;
            entry.billability = parse::<Billability>(billability)?;
            // In the matter's currency (the core fills it in).
            entry.rate = rate.map(|Dec(r)| Amount::new(r));
            Ok(Self(entry))
        }
    }
}

py_record! {
    /// Time worked by a fee earner on a matter. `billability` is `billable`, `non_billable` or
    /// `no_charge`; `status` is `unbilled`, `on_draft_bill`, `billed` or `written_off`;
    /// `rate_source` is the rule that gave the rate (`manual`, `matter_user`, `matter`,
    /// `client_user`, `client`, `activity`, `user_default`); `source` is `typed`, `timer`,
    /// `communication`, `task` or `appointment` (with `source_id`).
    PyTimeEntry(TimeEntry) as "TimeEntry" eq;
    repr(id, date, seconds, narrative, rate, rate_source, status, version);
    |t| {
        /// Identifier.
        id,
        /// The matter.
        matter,
        /// The fee earner who did the work.
        user,
        /// The day the work was done.
        date,
        /// Exact time worked, in whole seconds.
        seconds,
        /// The time worked as text, e.g. `1h20m`.
        duration = lexcase::billing::format_duration(t.seconds),
        /// What was done.
        narrative,
        /// UTBMS task code.
        task_code,
        /// UTBMS activity code.
        activity_code,
        /// Whether it is charged.
        billability,
        /// The hourly rate (exact).
        rate = t.rate.amount,
        /// ISO 4217 currency of the rate and value.
        currency = t.rate.currency,
        /// Which rule gave the rate.
        rate_source,
        /// The rounding policy in force when it was recorded.
        rounding,
        /// Seconds charged under its own policy taken alone (0 for non-billable time).
        chargeable_seconds = t.chargeable_seconds(),
        /// Value at its rate, rounded to the minor unit (0 unless billable).
        value = t.value().amount,
        /// Where it stands in billing.
        status,
        /// The bill it is on.
        bill,
        /// What it was recorded from.
        source = match t.source {
            TimeSource::Typed => "typed",
            TimeSource::Timer => "timer",
            TimeSource::Communication(_) => "communication",
            TimeSource::Task(_) => "task",
            TimeSource::Appointment(_) => "appointment",
        },
        /// The communication, task or calendar entry it was recorded from.
        source_id = match t.source {
            TimeSource::Typed | TimeSource::Timer => None,
            TimeSource::Communication(id) => Some(Uuid::from(id)),
            TimeSource::Task(id) => Some(id.into()),
            TimeSource::Appointment(id) => Some(id.into()),
        },
        /// Who recorded it.
        recorded_by,
        /// When (UTC).
        recorded_at,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// The acting user's timer: `state` is `running` or `paused`.
    PyTimer(Timer) as "Timer" eq;
    repr(matter, narrative, state, elapsed_seconds, version);
    |t| {
        /// Its user.
        user,
        /// The matter it runs on.
        matter,
        /// What is being done.
        narrative,
        /// When it was started (UTC).
        started_at,
        /// Seconds counted before the current run.
        elapsed_seconds,
        /// Since when it runs (`None` while paused).
        running_since,
        /// `running` or `paused`.
        state = t.state(),
        /// Optimistic-concurrency version.
        version,
    }
    methods {
        /// Seconds elapsed at `now` (an aware datetime), at most 24 hours.
        fn elapsed(&self, now: crate::convert::InstantArg) -> u32 {
            self.0.elapsed(now.0)
        }
    }
}

py_record! {
    /// An expense or disbursement on a matter: `tax` is `vatable_cost` (re-charged with tax) or
    /// `disbursement` (passed through untaxed); `amount` is quantity × unit cost, rounded.
    PyExpense(Expense) as "Expense" eq;
    repr(id, date, description, amount, tax, status, version);
    |e| {
        /// Identifier.
        id,
        /// The matter.
        matter,
        /// The day incurred.
        date,
        /// What it was.
        description,
        /// How many units.
        quantity,
        /// Cost of one unit.
        unit_cost = e.unit_cost.amount,
        /// ISO 4217 currency.
        currency = e.unit_cost.currency,
        /// Quantity × unit cost, rounded to the minor unit.
        amount = e.amount().amount,
        /// UTBMS expense code.
        expense_code,
        /// Who was paid.
        vendor,
        /// The receipt, a document of the matter.
        receipt,
        /// Tax treatment.
        tax,
        /// Whether it is charged to the client.
        billable,
        /// Where it stands in billing.
        status,
        /// The bill it is on.
        bill,
        /// Who recorded it.
        recorded_by,
        /// When (UTC).
        recorded_at,
        /// Optimistic-concurrency version.
        version,
    }
}

py_record! {
    /// Billing terms of a client (`client` set) or a matter (`matter` set): a rate for everyone,
    /// rates per user, a rounding policy and a code policy; `None` leaves each to the next level.
    PyBillingTerms(BillingTerms) as "BillingTerms" eq;
    repr(client, matter, rate, rounding, codes, version);
    |b| {
        /// The client they apply to.
        client = match b.scope {
            TermsScope::Client(c) => Some(c),
            TermsScope::Matter(_) => None,
        },
        /// The matter they apply to.
        matter = match b.scope {
            TermsScope::Matter(m) => Some(m),
            TermsScope::Client(_) => None,
        },
        /// The hourly rate for everyone.
        rate = b.rate.map(|m| m.amount),
        /// ISO 4217 currency of the rates (`None` without any rate).
        currency = b.rate.iter().chain(b.user_rates.values()).next().map(|m| m.currency),
        /// Hourly rates per user.
        user_rates = b.user_rates.iter().map(|(u, m)| (u, m.amount)).collect::<BTreeMap<_, _>>(),
        /// The rounding policy.
        rounding,
        /// The code policy.
        codes,
        /// Who last set them.
        updated_by,
        /// When (UTC).
        updated_at,
        /// Optimistic-concurrency version (0: never set).
        version,
    }
}

py_record! {
    /// The firm's billing settings: default rounding, hourly rates by UTBMS activity code, the tax
    /// (`tax_rate` a fraction: `Decimal("0.20")` for 20 %), the LEDES law-firm id, the invoice
    /// number format, payment terms and the client-money reconciliation cadence (`monthly` or
    /// `five_weeks`).
    PyFirmBillingSettings(FirmBillingSettings) as "FirmBillingSettings" eq;
    repr(tax_name, tax_rate, invoice_number_format, payment_terms_days, version);
    |f| {
        /// The default rounding policy.
        rounding,
        /// Hourly rates by activity code.
        activity_rates = f.activity_rates.iter().map(|(c, m)| (c, m.amount))
            .collect::<BTreeMap<_, _>>(),
        /// The tax's name, e.g. `VAT`.
        tax_name,
        /// The tax rate as a fraction.
        tax_rate,
        /// The firm's id in LEDES files.
        law_firm_id,
        /// How invoices are numbered, e.g. `INV{SEQ:6}`.
        invoice_number_format,
        /// Days from issue to due.
        payment_terms_days,
        /// How often client money is reconciled.
        reconciliation,
        /// Optimistic-concurrency version (0: the defaults, never saved).
        version,
    }
}
