//! What a store lists for a firm archive ([`crate::archive`]): every stored record of a kind,
//! in key order, a page at a time (keyset pagination, never OFFSET).

/// The kinds of record a store lists for a firm archive with
/// [`super::ReadTx::archive_records`]. Firm-wide configuration that is read whole
/// (settings, billing defaults, workflow and document templates, the letterhead, rule packs
/// and the packs in force) and the audit log are read through their own methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// Users, keyed by id.
    Users,
    /// Contacts, keyed by id.
    Contacts,
    /// Matters (with parties, team, walls, key dates), keyed by id.
    Matters,
    /// Matter workflows, keyed by matter id.
    MatterWorkflows,
    /// Tasks, keyed by id.
    Tasks,
    /// Notes with every version, keyed by id.
    Notes,
    /// Documents with every version, keyed by id.
    Documents,
    /// The searchable text of documents, keyed by document id; the value is the text (a JSON
    /// string).
    DocumentTexts,
    /// Calendar entries, keyed by id.
    Appointments,
    /// Docketed deadlines, keyed by id.
    Deadlines,
    /// Communications, keyed by id.
    Communications,
    /// Time entries, keyed by id.
    TimeEntries,
    /// Expenses and disbursements, keyed by id.
    Expenses,
    /// Running timers, keyed by user id.
    Timers,
    /// Billing terms of clients and matters, keyed by the store's key for their scope.
    BillingTerms,
    /// Bills and credit notes with their lines, keyed by id.
    Bills,
    /// The renderings kept with issued bills (their bytes are document contents), keyed by
    /// `<bill id>#<format>`.
    BillRenderings,
    /// Payments with their allocations, keyed by id.
    Payments,
    /// Client-money entries, keyed by id.
    ClientMoney,
    /// Client-money reconciliations, keyed by statement date.
    Reconciliations,
    /// Conflict checks stored on matters, keyed by matter id.
    ConflictChecks,
    /// Rule overrides recorded on matters, keyed by matter id.
    RuleOverrides,
    /// Named gapless counters (matter and invoice numbers), keyed by name; the value is the
    /// counter's last value (a JSON number).
    Sequences,
}

impl RecordKind {
    /// Every kind, in the order an import writes them (a record's references come first).
    pub const ALL: [RecordKind; 23] = [
        RecordKind::Users,
        RecordKind::Contacts,
        RecordKind::Matters,
        RecordKind::MatterWorkflows,
        RecordKind::Tasks,
        RecordKind::Notes,
        RecordKind::Documents,
        RecordKind::DocumentTexts,
        RecordKind::Appointments,
        RecordKind::Deadlines,
        RecordKind::Communications,
        RecordKind::Bills,
        RecordKind::BillRenderings,
        RecordKind::TimeEntries,
        RecordKind::Expenses,
        RecordKind::Timers,
        RecordKind::BillingTerms,
        RecordKind::Payments,
        RecordKind::ClientMoney,
        RecordKind::Reconciliations,
        RecordKind::ConflictChecks,
        RecordKind::RuleOverrides,
        RecordKind::Sequences,
    ];

    /// The kind's stable name in an archive (its member is `records/<name>.jsonl`).
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Users => "users",
            RecordKind::Contacts => "contacts",
            RecordKind::Matters => "matters",
            RecordKind::MatterWorkflows => "matter_workflows",
            RecordKind::Tasks => "tasks",
            RecordKind::Notes => "notes",
            RecordKind::Documents => "documents",
            RecordKind::DocumentTexts => "document_texts",
            RecordKind::Appointments => "appointments",
            RecordKind::Deadlines => "deadlines",
            RecordKind::Communications => "communications",
            RecordKind::TimeEntries => "time_entries",
            RecordKind::Expenses => "expenses",
            RecordKind::Timers => "timers",
            RecordKind::BillingTerms => "billing_terms",
            RecordKind::Bills => "bills",
            RecordKind::BillRenderings => "bill_renderings",
            RecordKind::Payments => "payments",
            RecordKind::ClientMoney => "client_money",
            RecordKind::Reconciliations => "reconciliations",
            RecordKind::ConflictChecks => "conflict_checks",
            RecordKind::RuleOverrides => "rule_overrides",
            RecordKind::Sequences => "sequences",
        }
    }
}

/// One record listed for an archive: its key (the keyset position to continue after) and its
/// serde form.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveRecord {
    /// The record's key within its kind, as text; keys sort in the order they are listed.
    pub key: String,
    /// The record (the domain type's serde form, or the documented value for text and
    /// counters).
    pub value: serde_json::Value,
}
