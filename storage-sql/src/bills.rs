//! Bills, their lines and matters, payments and their allocations: typed rows, with every
//! figure a report sums kept as money in millionths.

use lexcase::billing::{BillTotals, Discount, LineTotals};
use lexcase::bills::{Allocation, Bill, BillLine, Payment};
use lexcase::money::Currency;
use lexcase::{BillId, LexcaseError, MatterId, PaymentId, Result};
use rust_decimal::Decimal;

use crate::record::Record;
use crate::value::{Cols, Value};

/// A discount as a kind and a value.
fn discount_columns(discount: Option<&Discount>) -> (Value<'static>, Value<'static>) {
    match discount {
        None => (Value::Null, Value::Null),
        Some(Discount::Percent(p)) => (Value::name("percent"), Value::Decimal(*p)),
        Some(Discount::Amount(a)) => (Value::name("amount"), Value::Decimal(*a)),
    }
}

fn read_discount(c: &mut Cols<'_>) -> Result<Option<Discount>> {
    let kind = c.opt_text()?;
    let value = c.opt_decimal()?;
    match (kind.as_deref(), value) {
        (None, None) => Ok(None),
        (Some("percent"), Some(p)) => Ok(Some(Discount::Percent(p))),
        (Some("amount"), Some(a)) => Ok(Some(Discount::Amount(a))),
        _ => Err(LexcaseError::storage("a stored discount is unreadable")),
    }
}

/// The head of a bill: everything but its lines and matters.
pub struct BillHead(pub Bill);

impl Record for BillHead {
    const TABLE: &'static str = "bills";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "kind",
        "number",
        "client_id",
        "period_from",
        "period_to",
        "currency",
        "arrangement",
        "covered_time",
        "discount_kind",
        "discount_value",
        "tax_name",
        "tax_rate",
        "gross",
        "discount",
        "net",
        "tax",
        "total",
        "status",
        "credits",
        "description",
        "issued_on",
        "due_on",
        "paid",
        "credited",
        "written_off",
        "outstanding",
        "void_reason",
        "created_by",
        "created_at",
        "issued_by",
    ];
    const WHAT: &'static str = "bill";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let b = &self.0;
        let (discount_kind, discount_value) = discount_columns(b.discount.as_ref());
        Ok(vec![
            Value::id(b.id),
            Value::count(b.version)?,
            Value::name(b.kind.as_str()),
            Value::opt_text(b.number.as_deref()),
            Value::id(b.client),
            Value::Date(b.period_from),
            Value::Date(b.period_to),
            Value::name(b.currency.code()),
            Value::json("bill arrangement", &b.arrangement)?,
            if b.covered_time.is_empty() {
                Value::Null
            } else {
                Value::json("bill", &b.covered_time)?
            },
            discount_kind,
            discount_value,
            Value::text(&b.tax_name),
            Value::Decimal(b.tax_rate),
            Value::money(b.totals.gross)?,
            Value::money(b.totals.discount)?,
            Value::money(b.totals.net)?,
            Value::money(b.totals.tax)?,
            Value::money(b.totals.total)?,
            Value::name(b.status.as_str()),
            Value::opt_id(b.credits),
            Value::text(&b.description),
            Value::opt_date(b.issued_on),
            Value::opt_date(b.due_on),
            Value::money(b.paid)?,
            Value::money(b.credited)?,
            Value::money(b.written_off)?,
            Value::money(b.outstanding())?,
            Value::opt_text(b.void_reason.as_deref()),
            Value::id(b.created_by),
            Value::Instant(b.created_at),
            Value::opt_id(b.issued_by),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let kind = c.name()?;
        let number = c.opt_text()?;
        let client = c.id()?;
        let period_from = c.date()?;
        let period_to = c.date()?;
        let currency = c.currency()?;
        let arrangement = c.json()?;
        let covered_time = c.opt_json()?.unwrap_or_default();
        let discount = read_discount(c)?;
        let tax_name = c.text()?;
        let tax_rate = c.decimal()?;
        let totals = BillTotals {
            lines: Vec::new(),
            gross: c.amount(currency)?,
            discount: c.amount(currency)?,
            net: c.amount(currency)?,
            tax: c.amount(currency)?,
            total: c.amount(currency)?,
        };
        let status = c.name()?;
        let credits = c.opt_id()?;
        let description = c.text()?;
        let issued_on = c.opt_date()?;
        let due_on = c.opt_date()?;
        let paid = c.amount(currency)?;
        let credited = c.amount(currency)?;
        let written_off = c.amount(currency)?;
        c.skip(); // outstanding: derived
        Ok(BillHead(Bill {
            id,
            kind,
            number,
            client,
            matters: Vec::new(),
            period_from,
            period_to,
            currency,
            arrangement,
            lines: Vec::new(),
            covered_time,
            discount,
            tax_name,
            tax_rate,
            totals,
            status,
            credits,
            description,
            issued_on,
            due_on,
            paid,
            credited,
            written_off,
            void_reason: c.opt_text()?,
            created_by: c.id()?,
            created_at: c.instant()?,
            issued_by: c.opt_id()?,
            version,
        }))
    }
}

/// One line of a bill, with the bill it is on.
pub struct LineRow<'a> {
    /// The bill.
    pub bill: BillId,
    /// The line.
    pub line: std::borrow::Cow<'a, BillLine>,
    /// The bill's currency (to read the amounts back).
    pub currency: Currency,
}

impl Record for LineRow<'_> {
    const TABLE: &'static str = "bill_lines";
    const COLUMNS: &'static [&'static str] = &[
        "bill_id",
        "line_number",
        "currency",
        "kind",
        "matter_id",
        "work_date",
        "description",
        "quantity",
        "unit_price",
        "discount_kind",
        "discount_value",
        "taxable",
        "time_entry_id",
        "expense_id",
        "user_id",
        "task_code",
        "activity_code",
        "expense_code",
        "gross",
        "discount",
        "bill_discount",
        "net",
        "tax",
        "total",
    ];
    const WHAT: &'static str = "bill line";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let l = self.line.as_ref();
        let (discount_kind, discount_value) = discount_columns(l.discount.as_ref());
        Ok(vec![
            Value::id(self.bill),
            Value::Int(i64::from(l.number)),
            Value::name(self.currency.code()),
            Value::name(l.kind.as_str()),
            Value::id(l.matter),
            Value::Date(l.date),
            Value::text(&l.description),
            Value::Decimal(l.quantity),
            Value::Decimal(l.unit_price),
            discount_kind,
            discount_value,
            Value::Bool(l.taxable),
            Value::opt_id(l.time_entry),
            Value::opt_id(l.expense),
            Value::opt_id(l.user),
            Value::opt_text(l.task_code.as_deref()),
            Value::opt_text(l.activity_code.as_deref()),
            Value::opt_text(l.expense_code.as_deref()),
            Value::money(l.totals.gross)?,
            Value::money(l.totals.discount)?,
            Value::money(l.totals.bill_discount)?,
            Value::money(l.totals.net)?,
            Value::money(l.totals.tax)?,
            Value::money(l.totals.total)?,
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let bill = c.id()?;
        let number = c.uint()?;
        let currency = c.currency()?;
        let kind = c.name()?;
        let matter = c.id()?;
        let date = c.date()?;
        let description = c.text()?;
        let quantity = c.decimal()?;
        let unit_price = c.decimal()?;
        let discount = read_discount(c)?;
        let line = BillLine {
            number,
            kind,
            matter,
            date,
            description,
            quantity,
            unit_price,
            discount,
            taxable: c.bool()?,
            time_entry: c.opt_id()?,
            expense: c.opt_id()?,
            user: c.opt_id()?,
            task_code: c.opt_text()?,
            activity_code: c.opt_text()?,
            expense_code: c.opt_text()?,
            totals: LineTotals {
                gross: c.amount(currency)?,
                discount: c.amount(currency)?,
                bill_discount: c.amount(currency)?,
                net: c.amount(currency)?,
                tax: c.amount(currency)?,
                total: c.amount(currency)?,
            },
        };
        Ok(LineRow {
            bill,
            line: std::borrow::Cow::Owned(line),
            currency,
        })
    }
}

/// A matter billed by a bill, at its position in the bill's list.
pub struct BillMatterRow {
    /// The bill.
    pub bill: BillId,
    /// Position from 0.
    pub position: u32,
    /// The matter.
    pub matter: MatterId,
}

impl Record for BillMatterRow {
    const TABLE: &'static str = "bill_matters";
    const COLUMNS: &'static [&'static str] = &["bill_id", "position", "matter_id"];
    const WHAT: &'static str = "bill";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.bill),
            Value::Int(i64::from(self.position)),
            Value::id(self.matter),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        Ok(Self {
            bill: c.id()?,
            position: c.uint()?,
            matter: c.id()?,
        })
    }
}

/// The rows a bill is kept in: its head, its matters in order and its lines.
pub fn bill_rows(bill: &Bill) -> (BillHead, Vec<BillMatterRow>, Vec<LineRow<'_>>) {
    let matters = bill
        .matters
        .iter()
        .enumerate()
        .map(|(i, m)| BillMatterRow {
            bill: bill.id,
            position: u32::try_from(i).unwrap_or(u32::MAX),
            matter: *m,
        })
        .collect();
    let lines = bill
        .lines
        .iter()
        .map(|l| LineRow {
            bill: bill.id,
            line: std::borrow::Cow::Borrowed(l),
            currency: bill.currency,
        })
        .collect();
    let mut head = bill.clone();
    head.lines = Vec::new();
    head.totals.lines = Vec::new();
    head.matters = Vec::new();
    (BillHead(head), matters, lines)
}

/// A bill put back together from its rows (matters and lines in position order).
pub fn assemble_bill(head: BillHead, matters: Vec<MatterId>, lines: Vec<BillLine>) -> Bill {
    let mut bill = head.0;
    bill.matters = matters;
    bill.totals.lines = lines.iter().map(|l| l.totals.clone()).collect();
    bill.lines = lines;
    bill
}

/// The head of a payment: everything but its allocations.
pub struct PaymentHead(pub Payment);

impl Record for PaymentHead {
    const TABLE: &'static str = "payments";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "version",
        "client_id",
        "received_on",
        "currency",
        "amount",
        "method",
        "reference",
        "recorded_by",
        "recorded_at",
    ];
    const WHAT: &'static str = "payment";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        let p = &self.0;
        Ok(vec![
            Value::id(p.id),
            Value::count(p.version)?,
            Value::id(p.client),
            Value::Date(p.received_on),
            Value::name(p.amount.currency.code()),
            Value::money(p.amount.amount)?,
            Value::text(&p.method),
            Value::text(&p.reference),
            Value::id(p.recorded_by),
            Value::Instant(p.recorded_at),
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let id = c.id()?;
        let version = c.uint()?;
        let client = c.id()?;
        let received_on = c.date()?;
        let currency = c.currency()?;
        Ok(PaymentHead(Payment {
            id,
            client,
            received_on,
            amount: c.money(currency)?,
            method: c.text()?,
            reference: c.text()?,
            allocations: Vec::new(),
            recorded_by: c.id()?,
            recorded_at: c.instant()?,
            version,
        }))
    }
}

/// One allocation of a payment to a bill, at its position.
pub struct AllocationRow {
    /// The payment.
    pub payment: PaymentId,
    /// Position from 0.
    pub position: u32,
    /// The allocation.
    pub allocation: Allocation,
    /// The payment's currency.
    pub currency: Currency,
}

impl Record for AllocationRow {
    const TABLE: &'static str = "payment_allocations";
    const COLUMNS: &'static [&'static str] =
        &["payment_id", "position", "bill_id", "currency", "amount"];
    const WHAT: &'static str = "payment allocation";

    fn values(&self) -> Result<Vec<Value<'_>>> {
        Ok(vec![
            Value::id(self.payment),
            Value::Int(i64::from(self.position)),
            Value::id(self.allocation.bill),
            Value::name(self.currency.code()),
            Value::money(self.allocation.amount)?,
        ])
    }

    fn read(c: &mut Cols<'_>) -> Result<Self> {
        let payment = c.id()?;
        let position = c.uint()?;
        let bill = c.id()?;
        let currency = c.currency()?;
        let amount: Decimal = c.amount(currency)?;
        Ok(Self {
            payment,
            position,
            allocation: Allocation { bill, amount },
            currency,
        })
    }
}

/// The rows a payment is kept in: its head and its allocations in order.
pub fn payment_rows(payment: &Payment) -> (PaymentHead, Vec<AllocationRow>) {
    let allocations = payment
        .allocations
        .iter()
        .enumerate()
        .map(|(i, a)| AllocationRow {
            payment: payment.id,
            position: u32::try_from(i).unwrap_or(u32::MAX),
            allocation: *a,
            currency: payment.amount.currency,
        })
        .collect();
    let mut head = payment.clone();
    head.allocations = Vec::new();
    (PaymentHead(head), allocations)
}
