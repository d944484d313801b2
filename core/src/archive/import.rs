//! Reading a firm archive into an empty store: check everything, then write it all in one
//! transaction.

use std::collections::{BTreeSet, HashSet};
use std::io::{BufRead, BufReader, Read, Seek};

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::export::{contents_of_communication, contents_of_document};
use super::format::{
    AUDIT_EVENTS, AuditLine, BILLING_SETTINGS, BLOBS, DOCUMENT_TEMPLATES, ENABLED_RULE_PACKS,
    FIRM_SETTINGS, FORMAT_NAME, FORMAT_VERSION, LETTERHEAD, MANIFEST, MANIFEST_LIMIT, Manifest,
    Member, RULE_PACKS, RecordLine, WORKFLOW_TEMPLATES, records_member,
};
use crate::appointments::Appointment;
use crate::audit::GENESIS;
use crate::bills::{Bill, Payment};
use crate::client_money::{ClientMoneyEntry, ReconciliationRecord};
use crate::communications::Communication;
use crate::docket::Deadline;
use crate::documents::{ContentHash, Document};
use crate::error::{LexcaseError, Result};
use crate::firm::FirmSettings;
use crate::ids::DocumentId;
use crate::matters::{ConflictCheck, Matter, RuleOverrides};
use crate::notes::Note;
use crate::progress::{Progress, report};
use crate::rules::CompliancePack;
use crate::service::Firm;
use crate::store::{RecordKind, Staging, WriteTx};
use crate::tasks::Task;
use crate::templates::{BillRendering, DocumentTemplate, Letterhead};
use crate::timekeeping::{BillingTerms, Expense, FirmBillingSettings, TimeEntry, Timer};
use crate::users::User;
use crate::workflow::{WorkflowProgress, WorkflowTemplate};

fn invalid(reason: impl Into<String>) -> LexcaseError {
    LexcaseError::invalid_archive(reason)
}

/// What a member holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Settings,
    BillingSettings,
    Templates,
    DocumentTemplates,
    Letterhead,
    RulePacks,
    EnabledPacks,
    Records(RecordKind),
    Audit,
}

/// The JSON Lines members, in the order they are written (and imported).
fn line_members() -> Vec<(String, Content)> {
    let mut out = vec![
        (FIRM_SETTINGS.to_owned(), Content::Settings),
        (BILLING_SETTINGS.to_owned(), Content::BillingSettings),
        (WORKFLOW_TEMPLATES.to_owned(), Content::Templates),
        (DOCUMENT_TEMPLATES.to_owned(), Content::DocumentTemplates),
        (LETTERHEAD.to_owned(), Content::Letterhead),
        (RULE_PACKS.to_owned(), Content::RulePacks),
        (ENABLED_RULE_PACKS.to_owned(), Content::EnabledPacks),
    ];
    out.extend(
        RecordKind::ALL
            .iter()
            .map(|k| (records_member(*k), Content::Records(*k))),
    );
    out.push((AUDIT_EVENTS.to_owned(), Content::Audit));
    out
}

fn parse<T: DeserializeOwned>(name: &str, line: &[u8]) -> Result<T> {
    serde_json::from_slice(line).map_err(|_| invalid(format!("a line of {name} does not parse")))
}

fn record<T: DeserializeOwned>(name: &str, line: &RecordLine) -> Result<T> {
    serde_json::from_value(line.record.clone())
        .map_err(|_| invalid(format!("a record of {name} does not parse")))
}

/// What the check of the audit log carries from one event to the next.
struct Chain {
    seq: u64,
    hash: [u8; 32],
}

/// Reads `$value` with `$read` and, when the import writes (`$tx` is `Some`), writes it with
/// `$write` (the check pass reads only).
macro_rules! read_then_write {
    ($tx:ident, $value:ident: $ty:ty = $read:expr, $write:expr) => {{
        let $value: $ty = $read?;
        if let Some($tx) = $tx {
            $write?;
        }
    }};
}

/// Parses one line of a member and, with `tx`, writes it.
fn apply(
    name: &str,
    content: Content,
    line: &[u8],
    tx: Option<&mut (dyn WriteTx + '_)>,
    chain: &mut Chain,
    contents: &mut BTreeSet<ContentHash>,
) -> Result<()> {
    match content {
        Content::Settings => {
            read_then_write!(tx, s: FirmSettings = parse(name, line), tx.put_firm_settings(&s, None))
        }
        Content::BillingSettings => {
            read_then_write!(tx, s: FirmBillingSettings = parse(name, line), tx.put_firm_billing_settings(&s, None))
        }
        Content::Templates => {
            read_then_write!(tx, t: WorkflowTemplate = parse(name, line), tx.insert_workflow_template(&t))
        }
        Content::DocumentTemplates => {
            read_then_write!(tx, t: DocumentTemplate = parse(name, line), tx.put_document_template(&t))
        }
        Content::Letterhead => {
            read_then_write!(tx, l: Letterhead = parse(name, line), tx.put_letterhead(&l, None))
        }
        Content::RulePacks => {
            read_then_write!(tx, p: CompliancePack = parse(name, line), tx.put_rule_pack(&p))
        }
        Content::EnabledPacks => {
            read_then_write!(tx, ids: Vec<String> = parse(name, line), tx.put_enabled_rule_packs(&ids))
        }
        Content::Audit => {
            let event = parse::<AuditLine>(name, line)?.record()?;
            if event.seq != chain.seq + 1 || event.prev_hash != chain.hash {
                return Err(invalid("the audit events do not link up"));
            }
            chain.seq = event.seq;
            chain.hash = event.hash;
            if let Some(tx) = tx {
                tx.append_audit(&event)?;
            }
        }
        Content::Records(kind) => {
            let line: RecordLine = parse(name, line)?;
            apply_record(name, kind, &line, tx, contents)?;
        }
    }
    Ok(())
}

fn apply_record(
    name: &str,
    kind: RecordKind,
    line: &RecordLine,
    tx: Option<&mut (dyn WriteTx + '_)>,
    contents: &mut BTreeSet<ContentHash>,
) -> Result<()> {
    macro_rules! put {
        ($ty:ty, |$tx:ident, $r:ident| $write:expr) => {
            read_then_write!($tx, $r: $ty = record(name, line), $write)
        };
    }
    match kind {
        RecordKind::Users => put!(User, |tx, r| tx.insert_user(&r)),
        RecordKind::Contacts => put!(crate::contacts::Contact, |tx, r| tx.insert_contact(&r)),
        RecordKind::Matters => put!(Matter, |tx, r| tx.insert_matter(&r)),
        RecordKind::MatterWorkflows => {
            put!(WorkflowProgress, |tx, r| tx.insert_matter_workflow(&r))
        }
        RecordKind::Tasks => put!(Task, |tx, r| tx.insert_task(&r)),
        RecordKind::Notes => put!(Note, |tx, r| tx.insert_note(&r)),
        RecordKind::Documents => {
            let document: Document = record(name, line)?;
            contents_of_document(&document, contents);
            if let Some(tx) = tx {
                tx.insert_document(&document)?;
            }
        }
        RecordKind::DocumentTexts => {
            let text: String = record(name, line)?;
            let id: DocumentId = line
                .key
                .parse()
                .map_err(|_| invalid(format!("a key of {name} is not a document id")))?;
            if let Some(tx) = tx {
                tx.index_document_text(id, &text)?;
            }
        }
        RecordKind::Appointments => put!(Appointment, |tx, r| tx.insert_appointment(&r)),
        RecordKind::Deadlines => put!(Deadline, |tx, r| tx.insert_deadline(&r)),
        RecordKind::Communications => {
            let c: Communication = record(name, line)?;
            contents_of_communication(&c, contents);
            if let Some(tx) = tx {
                tx.insert_communication(&c)?;
            }
        }
        RecordKind::BillRenderings => {
            let r: BillRendering = record(name, line)?;
            contents.insert(r.hash.clone());
            if let Some(tx) = tx {
                tx.insert_bill_rendering(&r)?;
            }
        }
        RecordKind::TimeEntries => put!(TimeEntry, |tx, r| tx.insert_time_entry(&r)),
        RecordKind::Expenses => put!(Expense, |tx, r| tx.insert_expense(&r)),
        RecordKind::Timers => put!(Timer, |tx, r| tx.put_timer(&r, None)),
        RecordKind::BillingTerms => put!(BillingTerms, |tx, r| tx.put_billing_terms(&r, None)),
        RecordKind::Bills => put!(Bill, |tx, r| tx.insert_bill(&r)),
        RecordKind::Payments => put!(Payment, |tx, r| tx.insert_payment(&r)),
        RecordKind::ClientMoney => put!(ClientMoneyEntry, |tx, r| tx.insert_trust_entry(&r)),
        RecordKind::Reconciliations => {
            put!(ReconciliationRecord, |tx, r| tx.insert_reconciliation(&r))
        }
        RecordKind::ConflictChecks => {
            put!(ConflictCheck, |tx, r| tx.put_conflict_check(&r, None))
        }
        RecordKind::RuleOverrides => {
            put!(RuleOverrides, |tx, r| tx.put_rule_overrides(&r, None))
        }
        RecordKind::Sequences => put!(u64, |tx, r| tx.restore_sequence(&line.key, r)),
    }
    Ok(())
}

/// Reads every line of a member, checking its size, line count and hash against the manifest,
/// and calls `each` with every line (without its line break).
fn read_member<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    member: &Member,
    mut each: impl FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let name = &member.name;
    let file = zip
        .by_name(name)
        .map_err(|_| invalid(format!("{name} is missing or unreadable")))?;
    if file.size() != member.bytes {
        return Err(invalid(format!(
            "{name} does not have the size in the manifest"
        )));
    }
    let mut reader = BufReader::new(file);
    let mut hasher = Sha256::new();
    let mut line = Vec::new();
    let (mut bytes, mut count) = (0u64, 0u64);
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|_| invalid(format!("{name} is damaged")))?;
        if n == 0 {
            break;
        }
        hasher.update(&line);
        bytes += n as u64;
        if line.last() != Some(&b'\n') {
            return Err(invalid(format!("{name} ends in the middle of a line")));
        }
        count += 1;
        if count > member.count {
            return Err(invalid(format!(
                "{name} has more lines than the manifest says"
            )));
        }
        each(&line[..line.len() - 1])?;
    }
    if bytes != member.bytes || count != member.count {
        return Err(invalid(format!("{name} does not match its manifest entry")));
    }
    if hex::encode(hasher.finalize()) != member.sha256 {
        return Err(invalid(format!("{name} does not match its SHA-256")));
    }
    Ok(())
}

/// Reads a document's contents, checked against the manifest and their name.
fn read_blob<R: Read + Seek>(zip: &mut ZipArchive<R>, member: &Member) -> Result<Vec<u8>> {
    let name = &member.name;
    let mut file = zip
        .by_name(name)
        .map_err(|_| invalid(format!("{name} is missing or unreadable")))?;
    if file.size() != member.bytes {
        return Err(invalid(format!(
            "{name} does not have the size in the manifest"
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(member.bytes).unwrap_or(0));
    file.read_to_end(&mut bytes)
        .map_err(|_| invalid(format!("{name} is damaged")))?;
    let digest = hex::encode(Sha256::digest(&bytes));
    if bytes.len() as u64 != member.bytes
        || digest != member.sha256
        || name.strip_prefix(BLOBS) != Some(digest.as_str())
    {
        return Err(invalid(format!("{name} does not match its SHA-256")));
    }
    Ok(bytes)
}

fn read_manifest<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<Manifest> {
    let file = zip
        .by_name(MANIFEST)
        .map_err(|_| invalid("the archive has no manifest"))?;
    let mut text = Vec::new();
    file.take(MANIFEST_LIMIT)
        .read_to_end(&mut text)
        .map_err(|_| invalid("the manifest is damaged"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&text).map_err(|_| invalid("the manifest does not parse"))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(invalid("not a lexcase firm archive"));
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(FORMAT_VERSION) {
        return Err(invalid(format!(
            "archive format {version} is newer than this lexcase reads ({FORMAT_VERSION})"
        )));
    }
    serde_json::from_value(value).map_err(|_| invalid("the manifest does not parse"))
}

/// Fails with [`LexcaseError::Conflict`] unless the store `tx` reads holds no firm (no
/// settings, no audit events): the check [`import`] makes first, for a caller that wants to
/// know before it writes an archive to import.
pub fn ensure_empty(tx: &dyn crate::store::ReadTx) -> Result<()> {
    if tx.firm_settings()?.is_some() || tx.audit_head()?.is_some() {
        return Err(LexcaseError::Conflict {
            reason: "an archive is imported into an empty store only".into(),
        });
    }
    Ok(())
}

/// Reads the archive `input` into the empty store of `firm` (see [`crate::archive`]):
/// checks the whole archive first (phase `import.check`), stages document contents
/// (`import.contents`), then writes every record and audit event in one write transaction
/// (`import.write`), reporting progress to `progress`. Returns the archive's manifest.
///
/// Errors: [`LexcaseError::InvalidArchive`] for an archive that is not one, is damaged, cut off
/// or newer than this build; [`LexcaseError::Conflict`] for a store that is not empty;
/// [`LexcaseError::Cancelled`] when `progress` cancels. In every case nothing is written.
pub fn import<R: Read + Seek>(
    firm: &Firm,
    input: R,
    progress: &mut dyn Progress,
) -> Result<Manifest> {
    ensure_empty(&*firm.store().read()?)?;
    let mut zip = ZipArchive::new(input).map_err(|_| invalid("not a readable zip archive"))?;
    let manifest = read_manifest(&mut zip)?;

    // The members are exactly those listed, each once.
    let mut listed = HashSet::new();
    for m in &manifest.members {
        if m.name == MANIFEST || !listed.insert(m.name.as_str()) {
            return Err(invalid("the manifest lists a member twice"));
        }
    }
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok())
        .map(|n| n.into_owned())
        .collect();
    if names.len() != zip.len() {
        return Err(invalid("a member name is unreadable"));
    }
    for name in &names {
        if name != MANIFEST && !listed.contains(name.as_str()) {
            return Err(invalid(format!("{name} is not in the manifest")));
        }
    }
    let member = |name: &str| -> Result<&Member> {
        manifest
            .members
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| invalid(format!("{name} is missing from the manifest")))
    };
    let lines = line_members();
    let total: u64 = lines
        .iter()
        .map(|(name, _)| member(name).map(|m| m.count))
        .sum::<Result<u64>>()?;
    let blobs: Vec<&Member> = manifest
        .members
        .iter()
        .filter(|m| m.name.starts_with(BLOBS))
        .collect();
    if lines.len() + blobs.len() != manifest.members.len() {
        return Err(invalid(
            "the manifest lists a member this format does not have",
        ));
    }

    // Check every line of every member before writing anything.
    let mut done = 0u64;
    let mut chain = Chain {
        seq: 0,
        hash: GENESIS,
    };
    let mut referenced = BTreeSet::new();
    for (name, content) in &lines {
        read_member(&mut zip, member(name)?, |line| {
            apply(name, *content, line, None, &mut chain, &mut referenced)?;
            done += 1;
            if done.is_multiple_of(500) {
                report(progress, "import.check", done, Some(total))?;
            }
            Ok(())
        })?;
    }
    report(progress, "import.check", done, Some(total))?;
    let head_matches = match &manifest.audit_head {
        None => chain.seq == 0,
        Some(head) => head.seq == chain.seq && head.hash_bytes() == Some(chain.hash),
    };
    if !head_matches {
        return Err(invalid(
            "the audit events do not end at the manifest's head",
        ));
    }
    let present: BTreeSet<&str> = blobs
        .iter()
        .filter_map(|m| m.name.strip_prefix(BLOBS))
        .collect();
    if referenced.iter().any(|h| !present.contains(h.as_str())) {
        return Err(invalid("a document's contents are missing"));
    }

    // Stage the contents (outside the writer lock), then write everything at once.
    let mut staging = None;
    if !blobs.is_empty() {
        let store = firm.blobs().ok_or_else(|| {
            LexcaseError::storage("the archive has document contents and the firm no blob store")
        })?;
        let mut s = Staging::new(store.clone());
        for (n, m) in blobs.iter().enumerate() {
            let bytes = read_blob(&mut zip, m)?;
            s.add(&bytes)?;
            report(
                progress,
                "import.contents",
                n as u64 + 1,
                Some(blobs.len() as u64),
            )?;
        }
        staging = Some(s);
    }

    let mut tx = firm.store().write()?;
    ensure_empty(&*tx)?;
    let mut done = 0u64;
    let mut chain = Chain {
        seq: 0,
        hash: GENESIS,
    };
    let mut referenced = BTreeSet::new();
    for (name, content) in &lines {
        read_member(&mut zip, member(name)?, |line| {
            apply(
                name,
                *content,
                line,
                Some(&mut *tx),
                &mut chain,
                &mut referenced,
            )?;
            done += 1;
            if done.is_multiple_of(500) {
                report(progress, "import.write", done, Some(total))?;
            }
            Ok(())
        })?;
    }
    report(progress, "import.write", done, Some(total))?;
    if tx.audit_head()? != manifest.audit_head {
        return Err(invalid(
            "the imported audit chain does not end at the manifest's head",
        ));
    }
    if let Some(staging) = &staging {
        staging.publish()?;
    }
    tx.commit()?;
    Ok(manifest)
}
