//! The generated parts of the type stub: the record classes and the services.
//!
//! Every class declared with [`py_record!`](crate::record::py_record) describes itself
//! ([`Described`]): its name, the stub of its hand-written methods, and each property with the
//! type of the value its getter converts. [`generate`] writes them, with the docstrings the
//! running module carries (the Rust doc comments), as `python/lexcase/generated/records.pyi`;
//! the firm and the services are read from this crate's source by the test `tests/stub.rs`
//! into `generated/services.pyi`. Each stub has a run-time module (`records.py`,
//! `services.py`) re-exporting the classes, so that `mypy.stubtest` checks them, and the
//! hand-written `_lexcase.pyi` star-imports both. That test fails when the committed files
//! differ from what the source gives; `LEXCASE_BLESS=1 cargo test -p lexcase-python
//! generated_stub` rewrites them.

use std::collections::BTreeMap;

use pyo3::prelude::*;
use pyo3::types::PyType;

/// A record class as the stub describes it.
pub struct RecordStub {
    /// The Python class name.
    pub name: &'static str,
    /// Each property's name and type.
    pub properties: Vec<(&'static str, String)>,
}

/// A class that describes itself for the stub (written by `py_record!`).
pub trait Described {
    /// The class's description.
    fn described() -> RecordStub;
}

/// Lists the record classes once: the module adds them and the stub describes them.
macro_rules! record_classes {
    ($($class:path),* $(,)?) => {
        /// Adds every record class to the native module.
        pub(crate) fn add_records(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_class::<$class>()?;)*
            Ok(())
        }

        /// Every record class, described.
        fn records() -> Vec<RecordStub> {
            vec![$(<$class as Described>::described()),*]
        }
    };
}

record_classes!(
    crate::appointment_types::PyOccurrenceException,
    crate::appointment_types::PyAppointment,
    crate::appointment_types::PyOccurrence,
    crate::appointment_types::PyClash,
    crate::audit::PyFieldChange,
    crate::audit::PyAuditEvent,
    crate::audit::PyChangeBatch,
    crate::audit::PyBrokenLink,
    crate::audit::PyAuditVerification,
    crate::audit_proof::PyAuditHead,
    crate::audit_proof::PyUnexplainedRow,
    crate::audit_proof::PyStateVerification,
    crate::bill_types::PyBillTotals,
    crate::bill_types::PyBillLine,
    crate::bill_types::PyBill,
    crate::bill_types::PyPayment,
    crate::bill_types::PyStatementEntry,
    crate::bill_types::PyStatementOfAccount,
    crate::bill_types::PyAgedDebt,
    crate::bill_types::PyClientMoneyEntry,
    crate::bill_types::PyLedgerBalance,
    crate::bill_types::PyReconciliationDifference,
    crate::bill_types::PyReconciliationRecord,
    crate::bill_types::PyReconciliationDue,
    crate::bill_types::PyFeeEarnerHours,
    crate::bill_types::PyWorkInProgress,
    crate::communication_types::PyParticipant,
    crate::communication_types::PyAttachment,
    crate::communication_types::PyIngestNotice,
    crate::communication_types::PyCommunication,
    crate::communication_types::PyIngestOutcome,
    crate::compliance_types::PyComplianceRule,
    crate::compliance_types::PyComplianceTest,
    crate::compliance_types::PyCompliancePack,
    crate::compliance_types::PyRuleTestOutcome,
    crate::compliance_types::PyFinding,
    crate::compliance_types::PyRuleOverride,
    crate::compliance_types::PyMatterFinding,
    crate::compliance_types::PyMatterCompliance,
    crate::conflict_types::PyMatchReason,
    crate::conflict_types::PyNameMatch,
    crate::conflict_types::PyDecision,
    crate::conflict_types::PyConflictHit,
    crate::conflict_types::PyConflictCheck,
    crate::contact_types::PyEmail,
    crate::contact_types::PyPhone,
    crate::contact_types::PyPostalAddress,
    crate::contact_types::PyIdentifier,
    crate::contact_types::PyAffiliation,
    crate::contact_types::PyIdentityVerification,
    crate::contact_types::PyContact,
    crate::docket_types::PyTraceStep,
    crate::docket_types::PyComputedDeadline,
    crate::docket_types::PyDeadlineRule,
    crate::docket_types::PyRulePack,
    crate::docket_types::PyDeadline,
    crate::docket_types::PyDeadlineReminder,
    crate::document_types::PyDocumentVersion,
    crate::document_types::PyDocument,
    crate::matter_types::PyStatusChange,
    crate::matter_types::PyTeamMember,
    crate::matter_types::PyParty,
    crate::matter_types::PyEthicalWall,
    crate::matter_types::PyMatter,
    crate::note_types::PyNoteRevision,
    crate::note_types::PyNote,
    crate::outbound_types::PyRecipient,
    crate::outbound_types::PyOutgoingAttachment,
    crate::outbound_types::PyMailbox,
    crate::outbound_types::PyComposedAttachment,
    crate::outbound_types::PyComposedEmail,
    crate::outbound_types::PySentEmail,
    crate::recheck_types::PyRecheckedMatter,
    crate::recheck_types::PyConflictRecheck,
    crate::rule_version_types::PyRuleVersion,
    crate::settings::PyCustomFieldDefinition,
    crate::settings::PyFirmSettings,
    crate::task_types::PyTask,
    crate::template_types::PyDocumentTemplate,
    crate::template_types::PyLetterhead,
    crate::template_types::PyRenderedDocument,
    crate::time_types::PyRoundingPolicy,
    crate::time_types::PyCodePolicy,
    crate::time_types::PyUtbmsCode,
    crate::time_types::PyNewTimeEntry,
    crate::time_types::PyTimeEntry,
    crate::time_types::PyTimer,
    crate::time_types::PyExpense,
    crate::time_types::PyBillingTerms,
    crate::time_types::PyFirmBillingSettings,
    crate::users::PyUser,
    crate::workflow_types::PyChecklistItem,
    crate::workflow_types::PyStage,
    crate::workflow_types::PyWorkflowTemplate,
    crate::workflow_types::PyItemCompletion,
    crate::workflow_types::PyBlocker,
    crate::workflow_types::PyStageMove,
    crate::workflow_types::PyWorkflowProgress,
    crate::workflow_types::PyStageMoveResult,
    crate::workflow_types::PyItemStatus,
    crate::workflow_types::PyStatusReport,
    crate::workflow_types::PyStageCount,
);

/// The header of the generated stub: what its types and the methods' stubs refer to.
const HEADER: &str = r#"# Generated from the py_record! declarations of bindings/python/src by
# `LEXCASE_BLESS=1 cargo test -p lexcase-python generated_stub`: do not edit.
"""The record classes of ``lexcase._lexcase`` (generated)."""

import datetime
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal, Union, final

# An exact amount: never a float.
_Amount = Union[Decimal, str, int]
# A custom-field value as read back from a matter.
_CustomValue = Union[str, int, bool, Decimal, datetime.date, uuid.UUID]
# A JSON value, as plain Python.
_Json = Union[None, bool, int, float, str, list["_Json"], dict[str, "_Json"]]
"#;

/// The generated stub of the record classes (`records.pyi`) and its run-time module, with
/// `methods`, the stub of each class's methods (by class name) as read from the source.
pub fn generate(py: Python<'_>, methods: &BTreeMap<String, String>) -> PyResult<(String, String)> {
    let module = pyo3::wrap_pymodule!(crate::lexcase_native)(py);
    let module = module.bind(py);
    let mut records = records();
    records.sort_by_key(|record| record.name);
    let names: Vec<&str> = records.iter().map(|r| r.name).collect();
    let all = all(&names);
    let entity_kinds: String = lexcase::audit::EntityKind::ALL
        .iter()
        .map(|kind| format!("    \"{kind}\",\n"))
        .collect();
    let mut stub = format!(
        "{HEADER}# The kind of entity an audit event is about.\n_EntityKind = Literal[\n{entity_kinds}]\n\n{all}"
    );
    for record in &records {
        let class = module.getattr(record.name)?.cast_into::<PyType>()?;
        stub.push_str(&format!("\n@final\nclass {}:\n", record.name));
        let doc = class.getattr("__doc__")?.extract::<Option<String>>()?;
        stub.push_str(&docstring_text(doc.as_deref().unwrap_or_default(), 4));
        stub.push('\n');
        if let Some(methods) = methods.get(record.name) {
            stub.push_str(methods);
        }
        for (name, hint) in &record.properties {
            let name = name.trim_start_matches("r#");
            let doc = class
                .getattr("__dict__")?
                .get_item(name)?
                .getattr("__doc__")?;
            let doc = doc.extract::<Option<String>>()?;
            stub.push_str(&format!("    @property\n    def {name}(self) -> {hint}:"));
            match docstring_text(doc.as_deref().unwrap_or_default(), 8) {
                text if text.is_empty() => stub.push_str(" ...\n"),
                text => stub.push_str(&format!("\n{text}")),
            }
        }
    }
    Ok((stub, runtime_module("records", &names, &all)))
}

/// `__all__` listing `names`.
pub fn all(names: &[&str]) -> String {
    let lines: Vec<String> = names.iter().map(|n| format!("    {n:?},\n")).collect();
    format!("__all__ = [\n{}]\n", lines.concat())
}

/// The run-time module of a generated stub: it re-exports the native module's classes.
pub fn runtime_module(stub: &str, names: &[&str], all: &str) -> String {
    let imports: Vec<String> = names.iter().map(|n| format!("    {n},\n")).collect();
    format!(
        "# Generated with {stub}.pyi: do not edit.\n\"\"\"The classes of {stub}.pyi, as the native module has them.\"\"\"\n\nfrom lexcase._lexcase import (\n{})\n\n{all}",
        imports.concat()
    )
}

/// A docstring indented by `indent`, or nothing for an empty doc.
pub fn docstring_text(text: &str, indent: usize) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let pad = " ".repeat(indent);
    let text = text.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    let body: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, line)| match (i, line.trim_end()) {
            (0, line) => line.to_owned(),
            (_, "") => String::new(),
            (_, line) => format!("{pad}{line}"),
        })
        .collect();
    format!("{pad}\"\"\"{}\"\"\"\n", body.join("\n"))
}
