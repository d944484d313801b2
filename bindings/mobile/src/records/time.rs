//! Time and expenses: time entries with the rate and rounding they were recorded under, the
//! running timer, expenses and disbursements, billing terms and the firm's billing settings.
//!
//! Durations are whole seconds (`UInt`); money is `Money` (amount as `java.math.BigDecimal`).

use std::collections::HashMap;
use std::time::SystemTime;

use chrono::NaiveDate;
use lexcase::billing::{
    Aggregation as CoreAggregation, CodePolicy as CoreCodePolicy, CodeSet as CoreCodeSet,
    RoundingMode as CoreRoundingMode, RoundingPolicy as CoreRoundingPolicy,
};
use lexcase::client_money::ReconciliationCadence as CoreReconciliationCadence;
use lexcase::store::{Paged, WorkQuery as CoreWorkQuery};
use lexcase::timekeeping::{
    Billability as CoreBillability, BillingTerms as CoreBillingTerms, Expense as CoreExpense,
    ExpenseChanges as CoreExpenseChanges, ExpenseTax as CoreExpenseTax,
    FirmBillingSettings as CoreFirmBillingSettings, NewExpense as CoreNewExpense,
    NewTimeEntry as CoreNewTimeEntry, RateSource as CoreRateSource, TermsScope as CoreTermsScope,
    TimeEntry as CoreTimeEntry, TimeEntryChanges as CoreTimeEntryChanges,
    TimeSource as CoreTimeSource, Timer as CoreTimer, TimerState as CoreTimerState,
    WorkStatus as CoreWorkStatus,
};
use lexcase::{DocumentId, UserId};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::convert::{all, instant, mirror_enum, utc};
use crate::error::LexcaseError;
use crate::records::Money;

mirror_enum! {
    /// Whether time is charged.
    Billability = CoreBillability {
        /// Charged at the entry's rate.
        Billable,
        /// Internal work: never on a bill.
        NonBillable,
        /// Shown on the bill at no charge.
        NoCharge,
    }
}

mirror_enum! {
    /// Where recorded work stands.
    WorkStatus = CoreWorkStatus {
        /// Not on any bill yet (it may be changed).
        Unbilled,
        /// On a draft bill.
        OnDraftBill,
        /// On an issued bill.
        Billed,
        /// Written off: it will never be billed.
        WrittenOff,
    }
}

mirror_enum! {
    /// Which rule of the rate hierarchy gave an entry its rate (first match wins, in this
    /// order).
    RateSource = CoreRateSource {
        /// Given with the entry.
        Manual,
        /// The matter's rate for this fee earner.
        MatterUser,
        /// The matter's rate.
        Matter,
        /// The client's rate for this fee earner.
        ClientUser,
        /// The client's rate.
        Client,
        /// The firm's rate for the activity code.
        Activity,
        /// The fee earner's default rate.
        UserDefault,
    }
}

mirror_enum! {
    /// Which way time is rounded to the increment.
    RoundingMode = CoreRoundingMode {
        /// Up to the next increment.
        Up,
        /// To the nearest increment, half up.
        Nearest,
        /// Down to the increment.
        Down,
    }
}

mirror_enum! {
    /// What is rounded: each entry, or each day's total.
    Aggregation = CoreAggregation {
        /// Every entry on its own.
        PerEntry,
        /// The day's entries (for one matter) are totalled and rounded once.
        PerDay,
    }
}

mirror_enum! {
    /// A UTBMS code set.
    CodeSet = CoreCodeSet {
        /// Litigation task codes (`L100`–`L530`).
        Litigation,
        /// Bankruptcy task codes (`B100`–`B420`).
        Bankruptcy,
        /// Counseling task codes (`C100`–`C400`).
        Counseling,
        /// Project task codes.
        Project,
        /// Activity codes (`A101`–`A111`).
        Activity,
        /// Expense codes (`E101`–`E124`).
        Expense,
    }
}

mirror_enum! {
    /// Whether the timer runs.
    TimerState = CoreTimerState {
        /// Counting.
        Running,
        /// Paused: it keeps the time counted so far.
        Paused,
    }
}

mirror_enum! {
    /// How an expense is taxed.
    ExpenseTax = CoreExpenseTax {
        /// A cost of the firm passed on with tax (rail fares, copying).
        VatableCost,
        /// Paid on the client's behalf, passed on without tax (court fees).
        Disbursement,
    }
}

mirror_enum! {
    /// How often client money must be reconciled.
    ReconciliationCadence = CoreReconciliationCadence {
        /// The same day of the next month, clamped to the month's end.
        Monthly,
        /// Every 35 days (the SRA maximum).
        FiveWeeks,
    }
}

/// A rounding policy; the default is 6-minute increments, rounded up, no minimum, per entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RoundingPolicy {
    /// The increment in minutes, 1 to 60 (6 = tenths of an hour).
    pub increment_minutes: u32,
    /// Which way to round.
    pub mode: RoundingMode,
    /// The least billed for non-zero time, in minutes (0 = none), at most 60.
    pub minimum_minutes: u32,
    /// Per entry or per day.
    pub aggregation: Aggregation,
}

impl From<CoreRoundingPolicy> for RoundingPolicy {
    fn from(policy: CoreRoundingPolicy) -> Self {
        let CoreRoundingPolicy {
            increment_minutes,
            mode,
            minimum_minutes,
            aggregation,
        } = policy;
        Self {
            increment_minutes,
            mode: mode.into(),
            minimum_minutes,
            aggregation: aggregation.into(),
        }
    }
}

impl From<RoundingPolicy> for CoreRoundingPolicy {
    /// Unchecked: the core checks the ranges where the policy is saved.
    fn from(policy: RoundingPolicy) -> Self {
        let RoundingPolicy {
            increment_minutes,
            mode,
            minimum_minutes,
            aggregation,
        } = policy;
        Self {
            increment_minutes,
            mode: mode.into(),
            minimum_minutes,
            aggregation: aggregation.into(),
        }
    }
}

/// A client's restriction on the UTBMS codes its work may use; empty lists mean none.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CodePolicy {
    /// The task sets accepted (for example only `LITIGATION`); empty = any.
    #[uniffi(default)]
    pub task_sets: Vec<CodeSet>,
    /// The codes accepted, of any kind (a phase such as `L300` admits its tasks); empty = any.
    /// An unknown code is a `Validation` error (field `allowed`) when the terms are saved.
    #[uniffi(default)]
    pub allowed: Vec<String>,
}

impl From<CoreCodePolicy> for CodePolicy {
    fn from(policy: CoreCodePolicy) -> Self {
        let CoreCodePolicy { task_sets, allowed } = policy;
        Self {
            task_sets: all(task_sets),
            allowed,
        }
    }
}

impl From<CodePolicy> for CoreCodePolicy {
    fn from(policy: CodePolicy) -> Self {
        let CodePolicy { task_sets, allowed } = policy;
        Self {
            task_sets: all(task_sets),
            allowed,
        }
    }
}

/// Where time was recorded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TimeSource {
    /// Typed in.
    Typed,
    /// Stopped from the timer.
    Timer,
    /// Spent on a communication.
    Communication {
        /// The communication's id.
        id: Uuid,
    },
    /// Spent on a task.
    Task {
        /// The task's id.
        id: Uuid,
    },
    /// Spent on a calendar entry.
    Appointment {
        /// The appointment's id.
        id: Uuid,
    },
}

impl From<CoreTimeSource> for TimeSource {
    fn from(source: CoreTimeSource) -> Self {
        match source {
            CoreTimeSource::Typed => Self::Typed,
            CoreTimeSource::Timer => Self::Timer,
            CoreTimeSource::Communication(id) => Self::Communication { id: id.into() },
            CoreTimeSource::Task(id) => Self::Task { id: id.into() },
            CoreTimeSource::Appointment(id) => Self::Appointment { id: id.into() },
        }
    }
}

impl From<TimeSource> for CoreTimeSource {
    fn from(source: TimeSource) -> Self {
        match source {
            TimeSource::Typed => Self::Typed,
            TimeSource::Timer => Self::Timer,
            TimeSource::Communication { id } => Self::Communication(id.into()),
            TimeSource::Task { id } => Self::Task(id.into()),
            TimeSource::Appointment { id } => Self::Appointment(id.into()),
        }
    }
}

/// Time recorded against a matter, with the rate and rounding policy in force when it was
/// recorded (a later change of terms never rewrites it).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TimeEntry {
    /// Identifier.
    pub id: Uuid,
    /// The matter.
    pub matter: Uuid,
    /// The fee earner who did the work.
    pub user: Uuid,
    /// The day the work was done.
    pub date: NaiveDate,
    /// The exact time worked, in seconds.
    pub seconds: u32,
    /// What was done.
    pub narrative: String,
    /// UTBMS task code, upper case.
    pub task_code: Option<String>,
    /// UTBMS activity code, upper case.
    pub activity_code: Option<String>,
    /// Whether it is charged.
    pub billability: Billability,
    /// The hourly rate.
    pub rate: Money,
    /// Which rule gave the rate.
    pub rate_source: RateSource,
    /// The rounding policy kept on the entry.
    pub rounding: RoundingPolicy,
    /// Where it stands.
    pub status: WorkStatus,
    /// The bill it is on, if any.
    pub bill: Option<Uuid>,
    /// Where it was recorded from.
    pub source: TimeSource,
    /// The seconds charged after rounding (0 when non-billable).
    pub chargeable_seconds: u64,
    /// The value: chargeable hours times the rate, to the minor unit (0 unless billable).
    pub value: Money,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: SystemTime,
    /// Optimistic-concurrency version: pass it back to changes.
    pub version: u64,
}

impl From<CoreTimeEntry> for TimeEntry {
    fn from(entry: CoreTimeEntry) -> Self {
        let chargeable_seconds = entry.chargeable_seconds();
        let value = entry.value();
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreTimeEntry {
            id,
            matter,
            user,
            date,
            seconds,
            narrative,
            task_code,
            activity_code,
            billability,
            rate,
            rate_source,
            rounding,
            status,
            bill,
            source,
            recorded_by,
            recorded_at,
            version,
        } = entry;
        Self {
            id: id.into(),
            matter: matter.into(),
            user: user.into(),
            date,
            seconds,
            narrative,
            task_code,
            activity_code,
            billability: billability.into(),
            rate,
            rate_source: rate_source.into(),
            rounding: rounding.into(),
            status: status.into(),
            bill: bill.map(Uuid::from),
            source: source.into(),
            chargeable_seconds,
            value,
            recorded_by: recorded_by.into(),
            recorded_at: instant(recorded_at),
            version,
        }
    }
}

/// What time is recorded with. The rate comes from the hierarchy unless given.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewTimeEntry {
    /// The matter.
    pub matter: Uuid,
    /// The day the work was done.
    pub date: NaiveDate,
    /// Time worked in seconds, more than 0 and at most 24 hours (see `parseDuration`).
    pub seconds: u32,
    /// What was done (not blank).
    pub narrative: String,
    /// The fee earner (the acting user when null; someone else needs `manage_billing`).
    #[uniffi(default)]
    pub user: Option<Uuid>,
    /// UTBMS task code, checked against the client's code policy.
    #[uniffi(default)]
    pub task_code: Option<String>,
    /// UTBMS activity code.
    #[uniffi(default)]
    pub activity_code: Option<String>,
    /// Whether it is charged (billable when null).
    #[uniffi(default)]
    pub billability: Option<Billability>,
    /// A manual hourly rate, in the matter's currency (rate source `MANUAL`).
    #[uniffi(default)]
    pub rate: Option<Money>,
    /// Where it was recorded from (typed when null).
    #[uniffi(default)]
    pub source: Option<TimeSource>,
}

impl TryFrom<NewTimeEntry> for CoreNewTimeEntry {
    type Error = LexcaseError;
    fn try_from(new: NewTimeEntry) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewTimeEntry {
            matter,
            date,
            seconds,
            narrative,
            user,
            task_code,
            activity_code,
            billability,
            rate,
            source,
        } = new;
        Ok(Self {
            matter: matter.into(),
            user: user.map(UserId::from),
            date,
            seconds,
            narrative,
            task_code,
            activity_code,
            billability: billability.map(Into::into).unwrap_or_default(),
            rate: rate.map(|r| r.checked("rate")).transpose()?.map(Into::into),
            source: source.map(Into::into).unwrap_or_default(),
        })
    }
}

/// How a change sets or clears an optional code (null in the change leaves it as it is).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum CodeChange {
    /// Use this code.
    Set {
        /// The code.
        code: String,
    },
    /// Remove the code.
    Clear,
}

impl From<CodeChange> for Option<String> {
    fn from(change: CodeChange) -> Self {
        match change {
            CodeChange::Set { code } => Some(code),
            CodeChange::Clear => None,
        }
    }
}

/// A change to unbilled time; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct TimeEntryChanges {
    /// New day.
    #[uniffi(default)]
    pub date: Option<NaiveDate>,
    /// New duration in seconds.
    #[uniffi(default)]
    pub seconds: Option<u32>,
    /// New narrative.
    #[uniffi(default)]
    pub narrative: Option<String>,
    /// Set or clear the task code.
    #[uniffi(default)]
    pub task_code: Option<CodeChange>,
    /// Set or clear the activity code.
    #[uniffi(default)]
    pub activity_code: Option<CodeChange>,
    /// New billability.
    #[uniffi(default)]
    pub billability: Option<Billability>,
    /// A manual rate (rate source becomes `MANUAL`).
    #[uniffi(default)]
    pub rate: Option<Money>,
}

impl TryFrom<TimeEntryChanges> for CoreTimeEntryChanges {
    type Error = LexcaseError;
    fn try_from(changes: TimeEntryChanges) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let TimeEntryChanges {
            date,
            seconds,
            narrative,
            task_code,
            activity_code,
            billability,
            rate,
        } = changes;
        Ok(Self {
            date,
            seconds,
            narrative,
            task_code: task_code.map(Option::<String>::from),
            activity_code: activity_code.map(Option::<String>::from),
            billability: billability.map(CoreBillability::from),
            rate: rate.map(|r| r.checked("rate")).transpose()?.map(Into::into),
        })
    }
}

/// Which recorded work a list returns; null fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct WorkQuery {
    /// Only this matter.
    #[uniffi(default)]
    pub matter: Option<Uuid>,
    /// Only this fee earner (anyone else's work than one's own needs `view_rates`).
    #[uniffi(default)]
    pub user: Option<Uuid>,
    /// Dated on or after.
    #[uniffi(default)]
    pub from: Option<NaiveDate>,
    /// Dated on or before.
    #[uniffi(default)]
    pub to: Option<NaiveDate>,
    /// Only in this status.
    #[uniffi(default)]
    pub status: Option<WorkStatus>,
    /// Only on this bill.
    #[uniffi(default)]
    pub bill: Option<Uuid>,
}

impl From<WorkQuery> for CoreWorkQuery {
    fn from(query: WorkQuery) -> Self {
        let WorkQuery {
            matter,
            user,
            from,
            to,
            status,
            bill,
        } = query;
        Self {
            matter: matter.map(Into::into),
            user: user.map(Into::into),
            from,
            to,
            status: status.map(Into::into),
            bill: bill.map(Into::into),
        }
    }
}

/// One page of time entries and the total number matching.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TimeEntryPage {
    /// The entries in this page.
    pub items: Vec<TimeEntry>,
    /// How many match in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreTimeEntry>> for TimeEntryPage {
    fn from(page: Paged<CoreTimeEntry>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}

/// A user's running or paused timer (one per user).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Timer {
    /// Whose timer.
    pub user: Uuid,
    /// The matter the time goes to.
    pub matter: Uuid,
    /// The narrative the entry gets unless another is given on stopping.
    pub narrative: String,
    /// When it was started.
    pub started_at: SystemTime,
    /// Seconds counted before the current run.
    pub elapsed_seconds: u32,
    /// When the current run began; null while paused.
    pub running_since: Option<SystemTime>,
    /// Running or paused.
    pub state: TimerState,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl From<CoreTimer> for Timer {
    fn from(timer: CoreTimer) -> Self {
        let state = timer.state().into();
        let CoreTimer {
            user,
            matter,
            narrative,
            started_at,
            elapsed_seconds,
            running_since,
            version,
        } = timer;
        Self {
            user: user.into(),
            matter: matter.into(),
            narrative,
            started_at: instant(started_at),
            elapsed_seconds,
            running_since: running_since.map(instant),
            state,
            version,
        }
    }
}

/// An expense or disbursement recorded against a matter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Expense {
    /// Identifier.
    pub id: Uuid,
    /// The matter.
    pub matter: Uuid,
    /// The day it was incurred.
    pub date: NaiveDate,
    /// What it was.
    pub description: String,
    /// How many units.
    pub quantity: Decimal,
    /// The cost of one unit.
    pub unit_cost: Money,
    /// The amount: quantity times unit cost, to the minor unit.
    pub amount: Money,
    /// UTBMS expense code, upper case.
    pub expense_code: Option<String>,
    /// Who was paid.
    pub vendor: String,
    /// The receipt document, if filed.
    pub receipt: Option<Uuid>,
    /// How it is taxed.
    pub tax: ExpenseTax,
    /// Whether it is passed on to the client.
    pub billable: bool,
    /// Where it stands.
    pub status: WorkStatus,
    /// The bill it is on, if any.
    pub bill: Option<Uuid>,
    /// Who recorded it.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: SystemTime,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl From<CoreExpense> for Expense {
    fn from(expense: CoreExpense) -> Self {
        let amount = expense.amount();
        // Destructured without `..`: a field added to the core type must be mirrored here.
        let CoreExpense {
            id,
            matter,
            date,
            description,
            quantity,
            unit_cost,
            expense_code,
            vendor,
            receipt,
            tax,
            billable,
            status,
            bill,
            recorded_by,
            recorded_at,
            version,
        } = expense;
        Self {
            id: id.into(),
            matter: matter.into(),
            date,
            description,
            quantity,
            unit_cost,
            amount,
            expense_code,
            vendor,
            receipt: receipt.map(Uuid::from),
            tax: tax.into(),
            billable,
            status: status.into(),
            bill: bill.map(Uuid::from),
            recorded_by: recorded_by.into(),
            recorded_at: instant(recorded_at),
            version,
        }
    }
}

/// What an expense is recorded with.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NewExpense {
    /// The matter.
    pub matter: Uuid,
    /// The day it was incurred.
    pub date: NaiveDate,
    /// What it was (not blank).
    pub description: String,
    /// The cost of one unit, in the matter's currency.
    pub unit_cost: Money,
    /// How it is taxed.
    pub tax: ExpenseTax,
    /// How many units (more than zero).
    pub quantity: Decimal,
    /// UTBMS expense code (`E101`–`E124`).
    #[uniffi(default)]
    pub expense_code: Option<String>,
    /// Who was paid.
    #[uniffi(default = "")]
    pub vendor: String,
    /// A receipt document on the matter.
    #[uniffi(default)]
    pub receipt: Option<Uuid>,
    /// Whether it is passed on to the client.
    #[uniffi(default = true)]
    pub billable: bool,
}

impl TryFrom<NewExpense> for CoreNewExpense {
    type Error = LexcaseError;
    fn try_from(new: NewExpense) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let NewExpense {
            matter,
            date,
            description,
            unit_cost,
            tax,
            quantity,
            expense_code,
            vendor,
            receipt,
            billable,
        } = new;
        Ok(Self {
            matter: matter.into(),
            date,
            description,
            quantity,
            unit_cost: unit_cost.checked("unit_cost")?.into(),
            expense_code,
            vendor,
            receipt: receipt.map(DocumentId::from),
            tax: tax.into(),
            billable,
        })
    }
}

/// How a change sets or clears an expense's receipt (null in the change leaves it).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum ReceiptChange {
    /// Link this document.
    Set {
        /// The document's id.
        document: Uuid,
    },
    /// Unlink the receipt.
    Clear,
}

/// A change to an unbilled expense; null leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct ExpenseChanges {
    /// New day.
    #[uniffi(default)]
    pub date: Option<NaiveDate>,
    /// New description.
    #[uniffi(default)]
    pub description: Option<String>,
    /// New quantity.
    #[uniffi(default)]
    pub quantity: Option<Decimal>,
    /// New unit cost.
    #[uniffi(default)]
    pub unit_cost: Option<Money>,
    /// Set or clear the expense code.
    #[uniffi(default)]
    pub expense_code: Option<CodeChange>,
    /// New vendor.
    #[uniffi(default)]
    pub vendor: Option<String>,
    /// Set or clear the receipt.
    #[uniffi(default)]
    pub receipt: Option<ReceiptChange>,
    /// New tax treatment.
    #[uniffi(default)]
    pub tax: Option<ExpenseTax>,
    /// Whether it is passed on.
    #[uniffi(default)]
    pub billable: Option<bool>,
}

impl TryFrom<ExpenseChanges> for CoreExpenseChanges {
    type Error = LexcaseError;
    fn try_from(changes: ExpenseChanges) -> Result<Self, LexcaseError> {
        // Destructured without `..`: a field added here must reach the core type.
        let ExpenseChanges {
            date,
            description,
            quantity,
            unit_cost,
            expense_code,
            vendor,
            receipt,
            tax,
            billable,
        } = changes;
        Ok(Self {
            date,
            description,
            quantity,
            unit_cost: unit_cost
                .map(|c| c.checked("unit_cost"))
                .transpose()?
                .map(Into::into),
            expense_code: expense_code.map(Option::<String>::from),
            vendor,
            receipt: receipt.map(|change| match change {
                ReceiptChange::Set { document } => Some(DocumentId::from(document)),
                ReceiptChange::Clear => None,
            }),
            tax: tax.map(CoreExpenseTax::from),
            billable,
        })
    }
}

/// One page of expenses and the total number matching.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExpensePage {
    /// The expenses in this page.
    pub items: Vec<Expense>,
    /// How many match in all.
    pub total: u64,
    /// Pass as `Page.after` to read the next page (null at the end of the list).
    pub next_cursor: Option<String>,
}

impl From<Paged<CoreExpense>> for ExpensePage {
    fn from(page: Paged<CoreExpense>) -> Self {
        Self {
            items: all(page.items),
            total: page.total,
            next_cursor: page.next.map(|c| c.as_str().to_owned()),
        }
    }
}

/// Whose billing terms: a client's (all their matters) or one matter's (which win).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TermsScope {
    /// A client's terms.
    Client {
        /// The contact's id.
        id: Uuid,
    },
    /// A matter's terms.
    Matter {
        /// The matter's id.
        id: Uuid,
    },
}

impl From<CoreTermsScope> for TermsScope {
    fn from(scope: CoreTermsScope) -> Self {
        match scope {
            CoreTermsScope::Client(id) => Self::Client { id: id.into() },
            CoreTermsScope::Matter(id) => Self::Matter { id: id.into() },
        }
    }
}

impl From<TermsScope> for CoreTermsScope {
    fn from(scope: TermsScope) -> Self {
        match scope {
            TermsScope::Client { id } => Self::Client(id.into()),
            TermsScope::Matter { id } => Self::Matter(id.into()),
        }
    }
}

/// One fee earner's rate in billing terms.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UserRate {
    /// The fee earner.
    pub user: Uuid,
    /// The hourly rate.
    pub rate: Money,
}

/// The billing terms of a client or matter: rates, rounding and code restrictions. Read them
/// with `terms`, change a copy and pass it to `setTerms` with its `version`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BillingTerms {
    /// Whose terms.
    pub scope: TermsScope,
    /// The hourly rate for everyone, if set.
    pub rate: Option<Money>,
    /// Rates for particular fee earners (at most one per user).
    pub user_rates: Vec<UserRate>,
    /// The rounding policy, if it differs from the firm's.
    pub rounding: Option<RoundingPolicy>,
    /// The UTBMS code restrictions, if any.
    pub codes: Option<CodePolicy>,
    /// Who last changed them (set by the engine when saved).
    pub updated_by: Uuid,
    /// When (set by the engine when saved).
    pub updated_at: SystemTime,
    /// Optimistic-concurrency version (0 while none are saved).
    pub version: u64,
}

impl From<CoreBillingTerms> for BillingTerms {
    fn from(terms: CoreBillingTerms) -> Self {
        let CoreBillingTerms {
            scope,
            rate,
            user_rates,
            rounding,
            codes,
            updated_by,
            updated_at,
            version,
        } = terms;
        Self {
            scope: scope.into(),
            rate,
            user_rates: user_rates
                .into_iter()
                .map(|(user, rate)| UserRate {
                    user: user.into(),
                    rate,
                })
                .collect(),
            rounding: rounding.map(RoundingPolicy::from),
            codes: codes.map(CodePolicy::from),
            updated_by: updated_by.into(),
            updated_at: instant(updated_at),
            version,
        }
    }
}

impl TryFrom<BillingTerms> for CoreBillingTerms {
    type Error = LexcaseError;
    fn try_from(terms: BillingTerms) -> Result<Self, LexcaseError> {
        let BillingTerms {
            scope,
            rate,
            user_rates,
            rounding,
            codes,
            updated_by,
            updated_at,
            version,
        } = terms;
        let mut rates = std::collections::BTreeMap::new();
        for UserRate { user, rate } in user_rates {
            if rates
                .insert(UserId::from(user), rate.checked("user_rates")?)
                .is_some()
            {
                return Err(LexcaseError::Validation {
                    field: "user_rates".to_owned(),
                    reason: "one rate per user".to_owned(),
                    detail: None,
                });
            }
        }
        Ok(Self {
            scope: scope.into(),
            rate: rate.map(|r| r.checked("rate")).transpose()?,
            user_rates: rates,
            rounding: rounding.map(CoreRoundingPolicy::from),
            codes: codes.map(CoreCodePolicy::from),
            updated_by: updated_by.into(),
            updated_at: utc(updated_at, "updated_at")?,
            version,
        })
    }
}

/// The firm's billing defaults. Read them with `billingSettings`, change a copy and pass it
/// to `setBillingSettings` with its `version` (0 before the first save).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FirmBillingSettings {
    /// The default rounding policy.
    pub rounding: RoundingPolicy,
    /// Hourly rates by UTBMS activity code.
    pub activity_rates: HashMap<String, Money>,
    /// The tax's name on bills, e.g. `VAT`.
    pub tax_name: String,
    /// The tax rate as a fraction from 0 to below 1 (`0.20` for 20 %).
    pub tax_rate: Decimal,
    /// The firm's id in LEDES files (e.g. a tax id).
    pub law_firm_id: String,
    /// The invoice number format, e.g. `INV{SEQ:6}`.
    pub invoice_number_format: String,
    /// Days from issue to the due date, at most 365.
    pub payment_terms_days: u32,
    /// How often client money must be reconciled.
    pub reconciliation: ReconciliationCadence,
    /// Optimistic-concurrency version.
    pub version: u64,
}

impl From<CoreFirmBillingSettings> for FirmBillingSettings {
    fn from(settings: CoreFirmBillingSettings) -> Self {
        let CoreFirmBillingSettings {
            rounding,
            activity_rates,
            tax_name,
            tax_rate,
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation,
            version,
        } = settings;
        Self {
            rounding: rounding.into(),
            activity_rates: activity_rates.into_iter().collect(),
            tax_name,
            tax_rate,
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation: reconciliation.into(),
            version,
        }
    }
}

impl TryFrom<FirmBillingSettings> for CoreFirmBillingSettings {
    type Error = LexcaseError;
    fn try_from(settings: FirmBillingSettings) -> Result<Self, LexcaseError> {
        let FirmBillingSettings {
            rounding,
            activity_rates,
            tax_name,
            tax_rate,
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation,
            version,
        } = settings;
        Ok(Self {
            rounding: rounding.into(),
            activity_rates: activity_rates
                .into_iter()
                .map(|(code, rate)| Ok((code, rate.checked("activity_rates")?)))
                .collect::<Result<_, LexcaseError>>()?,
            tax_name,
            tax_rate,
            law_firm_id,
            invoice_number_format,
            payment_terms_days,
            reconciliation: reconciliation.into(),
            version,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbp(amount: &str) -> Money {
        Money {
            amount: amount.parse().unwrap(),
            currency: lexcase::money::Currency::parse("GBP").unwrap(),
        }
    }

    #[test]
    fn time_sources_and_scopes_round_trip_through_the_core_types() {
        let id = Uuid::now_v7();
        for source in [
            TimeSource::Typed,
            TimeSource::Timer,
            TimeSource::Communication { id },
            TimeSource::Task { id },
            TimeSource::Appointment { id },
        ] {
            assert_eq!(TimeSource::from(CoreTimeSource::from(source)), source);
        }
        for scope in [TermsScope::Client { id }, TermsScope::Matter { id }] {
            assert_eq!(TermsScope::from(CoreTermsScope::from(scope)), scope);
        }
        let policy = RoundingPolicy {
            increment_minutes: 10,
            mode: RoundingMode::Nearest,
            minimum_minutes: 12,
            aggregation: Aggregation::PerDay,
        };
        assert_eq!(
            RoundingPolicy::from(CoreRoundingPolicy::from(policy)),
            policy
        );
    }

    #[test]
    fn money_in_is_checked_with_typed_errors_and_changes_set_or_clear_codes() {
        let new = NewTimeEntry {
            matter: Uuid::now_v7(),
            date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            seconds: 600,
            narrative: "Call".into(),
            user: None,
            task_code: None,
            activity_code: None,
            billability: None,
            rate: Some(gbp("250.1234567")),
            source: None,
        };
        assert!(matches!(
            CoreNewTimeEntry::try_from(new.clone()),
            Err(LexcaseError::Validation { field, .. }) if field == "rate"
        ));
        let core = CoreNewTimeEntry::try_from(NewTimeEntry { rate: None, ..new }).unwrap();
        assert_eq!(core.billability, CoreBillability::Billable);
        assert_eq!(core.source, CoreTimeSource::Typed);

        let changes = CoreTimeEntryChanges::try_from(TimeEntryChanges {
            task_code: Some(CodeChange::Clear),
            activity_code: Some(CodeChange::Set {
                code: "A101".into(),
            }),
            ..TimeEntryChanges::default()
        })
        .unwrap();
        assert_eq!(changes.task_code, Some(None));
        assert_eq!(changes.activity_code, Some(Some("A101".into())));
        assert_eq!(changes.narrative, None);
    }

    #[test]
    fn billing_terms_refuse_two_rates_for_one_user() {
        let user = Uuid::now_v7();
        let terms = BillingTerms {
            scope: TermsScope::Matter { id: Uuid::now_v7() },
            rate: None,
            user_rates: vec![
                UserRate {
                    user,
                    rate: gbp("300"),
                },
                UserRate {
                    user,
                    rate: gbp("320"),
                },
            ],
            rounding: None,
            codes: None,
            updated_by: Uuid::now_v7(),
            updated_at: SystemTime::UNIX_EPOCH,
            version: 0,
        };
        assert!(matches!(
            CoreBillingTerms::try_from(terms.clone()),
            Err(LexcaseError::Validation { field, .. }) if field == "user_rates"
        ));
        let one = BillingTerms {
            user_rates: terms.user_rates[..1].to_vec(),
            ..terms
        };
        assert_eq!(
            BillingTerms::from(CoreBillingTerms::try_from(one.clone()).unwrap()),
            BillingTerms {
                user_rates: vec![UserRate {
                    user,
                    rate: gbp("300.00"),
                }],
                ..one
            }
        );
    }
}
