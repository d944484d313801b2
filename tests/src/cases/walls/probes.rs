//! The registry of every read method of every service, each with the probe the systematic
//! walk runs as a viewer behind the wall. [`super::scan`] checks it against the services'
//! source, so a read method added without a probe fails the suite.
//!
//! A probe answers with the `Debug` form of the call's result (bytes as text), which the walk
//! searches for the walled matter's ids, numbers, texts and amounts, and compares:
//! - [`Probe::Addressed`]: called with the walled matter's record ids and with ids that name
//!   nothing, it must answer alike (a hidden record is indistinguishable from a missing one);
//! - [`Probe::Firmwide`]: lists, searches, reports, aggregates and the feed must answer the
//!   same before the walled matter held any data and after it holds data in every area;
//! - [`Probe::Disclosed`]: a firm-wide read whose answer changes by design (the reason says
//!   why); it is still searched for the walled matter's secrets.

use std::fmt::Debug;

use lexcase::Result;
use lexcase::service::Session;
use lexcase::store::Page;

use super::secret::Ids;
use super::world::Known;

/// A read addressed to records of the walled matter.
pub type Addressed = fn(&Session, &Known, &Ids) -> String;
/// A firm-wide read.
pub type Firmwide = fn(&Session, &Known) -> String;

/// How one read method is walked.
pub enum Probe {
    /// Hidden and missing records answer alike.
    Addressed(Addressed),
    /// The answer is the same with and without the walled matter's data.
    Firmwide(Firmwide),
    /// The answer may change by design (why); it must still hold no secret.
    Disclosed(Firmwide, &'static str),
}

/// One read method of one service and its probe.
pub struct Read {
    /// The service's type, e.g. `MatterService`.
    pub service: &'static str,
    /// The method.
    pub method: &'static str,
    /// How it is walked.
    pub probe: Probe,
}

/// The `Debug` form of a result.
pub fn out<T: Debug>(r: Result<T>) -> String {
    format!("{r:?}")
}

/// The `Debug` form of a result of bytes, read as text.
pub fn bytes(r: Result<Vec<u8>>) -> String {
    out(r.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

/// A page of up to 1000 items.
pub fn all() -> Page {
    Page::first(1000).unwrap()
}

/// An addressed probe.
pub fn addressed(service: &'static str, method: &'static str, probe: Addressed) -> Read {
    Read {
        service,
        method,
        probe: Probe::Addressed(probe),
    }
}

/// A firm-wide probe.
pub fn firmwide(service: &'static str, method: &'static str, probe: Firmwide) -> Read {
    Read {
        service,
        method,
        probe: Probe::Firmwide(probe),
    }
}

/// Every read method of every service, with its probes (some methods have more than one).
pub fn reads() -> Vec<Read> {
    let mut reads = super::probes_matters::reads();
    reads.extend(super::probes_money::reads());
    reads.extend(super::probes_outputs::reads());
    reads
}

/// Every command (a method that writes) of every service: not walked here (the access cases
/// check that they fail as not found on a walled matter), listed so that every public method
/// is classified.
pub const COMMANDS: &[(&str, &[&str])] = &[
    (
        "AppointmentService",
        &["create", "update", "change_occurrence", "cancel"],
    ),
    (
        "BillService",
        &[
            "draft",
            "set_discount",
            "set_line_discount",
            "add_adjustment",
            "remove_line",
            "transition",
            "issue",
            "void",
            "credit_note",
        ],
    ),
    ("ClientMoneyService", &["record", "reverse", "reconcile"]),
    (
        "CommunicationService",
        &[
            "record",
            "ingest_email",
            "file",
            "send_email",
            "send_email_with",
        ],
    ),
    ("ComplianceService", &["set_packs_in_force", "install_pack"]),
    (
        "ConflictService",
        &["run", "decide", "recheck_all", "recheck_all_with_progress"],
    ),
    (
        "ContactService",
        &[
            "create",
            "create_many",
            "update",
            "record_identity_verification",
            "add_affiliation",
            "remove_affiliation",
        ],
    ),
    ("DocketService", &["add", "update", "complete", "vacate"]),
    (
        "DocumentService",
        &[
            "add",
            "add_version",
            "set_status",
            "render",
            "render_many",
            "render_many_with_progress",
        ],
    ),
    (
        "InterchangeService",
        &["import_contacts", "import_contacts_with_progress"],
    ),
    (
        "MatterService",
        &[
            "create",
            "create_many",
            "update",
            "open",
            "open_overriding",
            "close",
            "reopen",
            "archive",
            "add_party",
            "remove_party",
            "change_party_role",
            "set_party_acting_for",
            "add_team_member",
            "remove_team_member",
            "set_key_date",
            "set_custom_field",
            "set_visibility",
            "add_ethical_wall",
            "remove_ethical_wall",
        ],
    ),
    ("NoteService", &["add", "edit"]),
    ("PaymentService", &["record", "allocate", "write_off"]),
    (
        "SettingsService",
        &["update", "set_holidays", "define_custom_field"],
    ),
    ("TaskService", &["create", "update", "set_status"]),
    ("TemplateService", &["install", "retire", "set_letterhead"]),
    (
        "TimeService",
        &[
            "discard_timer",
            "record",
            "record_many",
            "record_many_with_progress",
            "record_for",
            "update",
            "write_off",
            "start_timer",
            "pause_timer",
            "resume_timer",
            "stop_timer",
            "record_expense",
            "update_expense",
            "set_terms",
            "set_billing_settings",
            "update_billing_settings",
        ],
    ),
    ("UserService", &["create", "update"]),
    (
        "WorkflowService",
        &[
            "register_template",
            "start",
            "complete_item",
            "reopen_item",
            "move_to",
            "migrate",
        ],
    ),
];
