//! Records and enums: the binding's mirror of the core domain types, each with its conversion
//! to and from the core type beside it.

mod appointments;
mod audit;
mod bills;
mod calendar;
mod client_money;
mod common;
mod communications;
mod compliance;
mod conflicts;
mod contacts;
mod docket;
mod documents;
mod firm;
mod matters;
mod notes;
mod reports;
mod rule_versions;
mod tasks;
mod templates;
mod time;
mod users;
mod workflow;

pub use appointments::{
    Appointment, AppointmentChanges, AppointmentKind, AppointmentStatus, Attendee, Clash,
    NewAppointment, Occurrence, OccurrenceChange, OccurrenceException, RecurrenceChange, Schedule,
};
pub use audit::{
    AuditEvent, AuditHead, AuditVerification, BrokenLink, ChangeBatch, EntityKind, FieldChange,
};
pub use bills::{
    AgedDebt, Allocation, Bill, BillKind, BillLine, BillPage, BillQuery, BillStatus, BillTotals,
    ContingencyBasis, Discount, DraftRequest, FeeArrangement, LineKind, LineTotals, NewPayment,
    Payment, StatementEntry, StatementOfAccount,
};
pub use calendar::{DayUnit, HolidayList};
pub use client_money::{
    BankStatement, ClientMoneyEntry, ClientMoneyEntryKind, LedgerBalance, NewClientMoneyEntry,
    Reconciliation, ReconciliationDifference, ReconciliationDue, ReconciliationRecord,
    StatementItem,
};
pub(crate) use common::currency;
pub use common::{Money, Page};
pub use communications::{
    Attachment, Channel, Communication, CommunicationPage, Direction, FilingMethod, IngestNotice,
    IngestOutcome, NewCommunication, Participant, ParticipantRole,
};
pub use compliance::{
    Checkpoint, CompliancePack, ComplianceRule, Finding, FindingKind, MatterCompliance,
    MatterFinding, RuleOverride, RuleScope, RuleTest, RuleTestOutcome, Severity,
};
pub use conflicts::{ConflictCheck, ConflictHit, Decision, HitDisposition, MatchReason};
pub use contacts::{
    Affiliation, AffiliationKind, Contact, ContactChanges, ContactKind, ContactPage, Email,
    Identifier, IdentifierKind, IdentityStatus, IdentityVerification, NewContact, Phone,
    PostalAddress, VerificationMethod,
};
pub use docket::{
    ComputedDeadline, CountingMethod, Deadline, DeadlineChanges, DeadlinePage, DeadlineQuery,
    DeadlineReminder, DeadlineRule, DeadlineStatus, DeadlineTrigger, MonthEndReading, NewDeadline,
    Period, PeriodDirection, PeriodUnit, ReadingOptions, ResponsibleChange, RollPolicy, RulePack,
    ServiceChange, ServiceDaysReading, ServiceMethod, TraceStep, Trigger,
};
pub use documents::{Document, DocumentPage, DocumentStatus, DocumentVersion, NewDocument};
pub use firm::{
    CustomFieldDefinition, CustomFieldKind, Durability, FirmSettings, FirmSetup, SettingsChanges,
};
pub use matters::{
    BillingArrangement, BillingKind, CustomValue, EthicalWall, Matter, MatterAccess, MatterChanges,
    MatterFilter, MatterPage, MatterRole, MatterStatus, NewMatter, OriginatingChange, Party,
    PartyRole, StatusChange, TeamMember, Visibility,
};
pub use notes::{Note, NotePage, NoteRevision, NoteSubject};
pub use reports::{FeeEarnerHours, WipReport, WorkInProgress};
pub use rule_versions::{DeadlineQuestion, RuleVersion};
pub use tasks::{
    Assignee, AssigneeChange, DueAnchor, DueChange, NewTask, Priority, Task, TaskChanges, TaskDue,
    TaskPage, TaskStatus,
};
pub use templates::{
    ComposedAttachment, ComposedEmail, DocumentTemplate, FileAs, Letterhead, Locale, Mailbox,
    NewTemplate, OutboundAttachment, OutboundEmail, OutputFormat, Recipient, RenderRequest,
    RenderSubject, RenderedDocument, SentEmail, TemplateKind, TemplatePart,
};
pub use time::{
    Aggregation, Billability, BillingSettingsChanges, BillingTerms, CodeChange, CodePolicy,
    CodeSet, Expense, ExpenseChanges, ExpensePage, ExpenseTax, FirmBillingSettings, NewExpense,
    NewTerms, NewTimeEntry, RateSource, ReceiptChange, ReconciliationCadence, RoundingMode,
    RoundingPolicy, TermsScope, TimeEntry, TimeEntryChanges, TimeEntryPage, TimeSource, Timer,
    TimerState, WorkQuery, WorkStatus,
};
pub use users::{NewUser, Role, User, UserChanges, UserPage};
pub use workflow::{
    Blocker, ChecklistItem, DueRule, ItemCompletion, ItemKind, ItemStatus, MigrationResult,
    MoveKind, Stage, StageCount, StageMove, StageMoveResult, StatusReport, WorkflowPage,
    WorkflowProgress, WorkflowTemplate,
};
