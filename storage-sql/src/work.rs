//! Recorded work: time entries and expenses, one typed column per field, plus the figures
//! reports sum (chargeable seconds and value of a time entry, amount of an expense).

use lexcase::billing::RoundingPolicy;
use lexcase::timekeeping::{Expense, TimeEntry, TimeSource};
use lexcase::{AppointmentId, CommunicationId, LexcaseError, Result, TaskId};
use uuid::Uuid;

use crate::record::Record;
use crate::value::{Cols, Value};

/// The columns both kinds of work share, in the same places: the work queries filter on them.
pub const SHARED: [&str; 6] = [
    "id",
    "version",
    "matter_id",
    "user_id",
    "work_date",
    "status",
];

/// The source of a time entry as a kind and an optional id.
fn source_columns(source: &TimeSource) -> (&'static str, Option<Uuid>) {
    match source {
        TimeSource::Typed => ("typed", None),
        TimeSource::Timer => ("timer", None),
        TimeSource::Communication(id) => ("communication", Some((*id).into())),
        TimeSource::Task(id) => ("task", Some((*id).into())),
        TimeSource::Appointment(id) => ("appointment", Some((*id).into())),
    }
}

fn source_from(kind: &str, id: Option<Uuid>) -> Result<TimeSource> {
    let bad = || LexcaseError::storage("a stored time entry has an unknown source");
    Ok(match (kind, id) {
        ("typed", None) => TimeSource::Typed,
        ("timer", None) => TimeSource::Timer,
        ("communication", Some(id)) => TimeSource::Communication(CommunicationId::from(id)),
        ("task", Some(id)) => TimeSource::Task(TaskId::from(id)),
        ("appointment", Some(id)) => TimeSource::Appointment(AppointmentId::from(id)),
        _ => return Err(bad()),
    })
}

impl Record for TimeEntry {
    const TABLE: &'static str = "time_entries";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "matter_id",
        "user_id",
        "work_date",
        "status",
        "seconds",
        "narrative",
        "task_code",
        "activity_code",
        "billability",
        "currency",
        "rate",
        "rate_source",
        "rounding_increment",
        "rounding_mode",
        "rounding_minimum",
        "rounding_aggregation",
        "bill_id",
        "source_kind",
        "source_id",
        "recorded_by",
        "recorded_at",
        "chargeable_seconds",
        "value",
    ];
    const WHAT: &'static str = "time entry";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let (source_kind, source_id) = source_columns(&self.source);
        Ok(vec![
            Value::id(self.id),
            Value::count(self.version)?,
            Value::id(self.matter),
            Value::id(self.user),
            Value::Date(self.date),
            Value::name(self.status.as_str()),
            Value::Int(i64::from(self.seconds)),
            Value::text(&self.narrative),
            Value::opt_text(self.task_code.as_deref()),
            Value::opt_text(self.activity_code.as_deref()),
            Value::name(self.billability.as_str()),
            Value::name(self.rate.currency.code()),
            Value::Decimal(self.rate.amount),
            Value::name(self.rate_source.as_str()),
            Value::Int(i64::from(self.rounding.increment_minutes)),
            Value::name(self.rounding.mode.as_str()),
            Value::Int(i64::from(self.rounding.minimum_minutes)),
            Value::name(self.rounding.aggregation.as_str()),
            Value::opt_id(self.bill),
            Value::name(source_kind),
            Value::opt_id(source_id),
            Value::id(self.recorded_by),
            Value::Instant(self.recorded_at),
            Value::count(self.chargeable_seconds())?,
            Value::money(self.value().amount)?,
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let matter = c.id()?;
        let user = c.id()?;
        let date = c.date()?;
        let status = c.name()?;
        let seconds = c.uint()?;
        let narrative = c.text()?;
        let task_code = c.opt_text()?;
        let activity_code = c.opt_text()?;
        let billability = c.name()?;
        let currency = c.currency()?;
        let rate = lexcase::money::Money {
            amount: crate::money::canonical(c.decimal()?, currency),
            currency,
        };
        let rate_source = c.name()?;
        let rounding = RoundingPolicy {
            increment_minutes: c.uint()?,
            mode: c.name()?,
            minimum_minutes: c.uint()?,
            aggregation: c.name()?,
        };
        let bill = c.opt_id()?;
        let source_kind = c.text()?;
        let source = source_from(&source_kind, c.opt_id()?)?;
        Ok(TimeEntry {
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
            recorded_by: c.id()?,
            recorded_at: c.instant()?,
            version,
        })
    }
}

impl Record for Expense {
    const TABLE: &'static str = "expenses";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "matter_id",
        "user_id",
        "work_date",
        "status",
        "description",
        "quantity",
        "currency",
        "unit_cost",
        "expense_code",
        "vendor",
        "receipt_id",
        "tax",
        "billable",
        "bill_id",
        "recorded_at",
        "amount",
    ];
    const WHAT: &'static str = "expense";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.id),
            Value::count(self.version)?,
            Value::id(self.matter),
            Value::id(self.recorded_by),
            Value::Date(self.date),
            Value::name(self.status.as_str()),
            Value::text(&self.description),
            Value::Decimal(self.quantity),
            Value::name(self.unit_cost.currency.code()),
            Value::Decimal(self.unit_cost.amount),
            Value::opt_text(self.expense_code.as_deref()),
            Value::text(&self.vendor),
            Value::opt_id(self.receipt),
            Value::name(self.tax.as_str()),
            Value::Bool(self.billable),
            Value::opt_id(self.bill),
            Value::Instant(self.recorded_at),
            Value::money(self.amount().amount)?,
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let matter = c.id()?;
        let recorded_by = c.id()?;
        let date = c.date()?;
        let status = c.name()?;
        let description = c.text()?;
        let quantity = c.decimal()?;
        let currency = c.currency()?;
        let unit_cost = lexcase::money::Money {
            amount: crate::money::canonical(c.decimal()?, currency),
            currency,
        };
        Ok(Expense {
            id,
            matter,
            date,
            description,
            quantity,
            unit_cost,
            expense_code: c.opt_text()?,
            vendor: c.text()?,
            receipt: c.opt_id()?,
            tax: c.name()?,
            billable: c.bool()?,
            status,
            bill: c.opt_id()?,
            recorded_by,
            recorded_at: c.instant()?,
            version,
        })
    }
}
