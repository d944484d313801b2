//! Records and enums: the binding's mirror of the core domain types, each with its conversion
//! to and from the core type beside it.

mod appointments;
mod audit;
mod calendar;
mod common;
mod communications;
mod contacts;
mod docket;
mod documents;
mod firm;
mod matters;
mod notes;
mod tasks;
mod users;
mod workflow;

pub use appointments::{
    Appointment, AppointmentChanges, AppointmentKind, AppointmentStatus, Attendee, Clash,
    NewAppointment, Occurrence, OccurrenceChange, OccurrenceException, RecurrenceChange, Schedule,
};
pub use audit::{AuditEvent, AuditVerification, BrokenLink, ChangeBatch, EntityKind, FieldChange};
pub use calendar::{DayUnit, HolidayList};
pub use common::{Money, Page};
pub use communications::{
    Attachment, Channel, Communication, CommunicationPage, Direction, FilingMethod, IngestOutcome,
    NewCommunication, Participant, ParticipantRole,
};
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
pub use tasks::{
    Assignee, AssigneeChange, DueAnchor, DueChange, NewTask, Priority, Task, TaskChanges, TaskDue,
    TaskPage, TaskStatus,
};
pub use users::{NewUser, Role, User, UserChanges, UserPage};
pub use workflow::{
    Blocker, ChecklistItem, DueRule, ItemCompletion, ItemKind, ItemStatus, MigrationResult,
    MoveKind, Stage, StageCount, StageMove, StageMoveResult, StatusReport, WorkflowPage,
    WorkflowProgress, WorkflowTemplate,
};
