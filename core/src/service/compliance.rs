//! Compliance rules: the firm's rule packs (built in and installed), evaluating a matter,
//! sweeping the firm, the gates at matter opening and stage advance, authorised overrides.

use serde::{Deserialize, Serialize};

use super::Session;
use super::compliance_sweep::{facts_page_in, sweep_event, sweep_in};
use super::context::{WriteCtx, load_settings};
use super::rule_facts::{gather, gather_one};
use crate::access::Capability;
use crate::error::{LexcaseError, Result};
use crate::ids::MatterId;
use crate::matters::{Matter, RuleOverride, RuleOverrides};
use crate::progress::{Progress, Silent};
use crate::rules::{
    Checkpoint, CompiledPacks, CompliancePack, EventFacts, Facts, Finding, RuleTestOutcome,
    Severity,
};
use crate::store::{Page, ReadTx};

/// A finding with the override that lets it pass, if one was recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatterFinding {
    /// The finding.
    pub finding: Finding,
    /// The authorised override of this rule on this matter, if any.
    pub overridden: Option<RuleOverride>,
}

/// The findings on one matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MatterCompliance {
    /// The matter.
    pub matter: MatterId,
    /// Its number.
    pub number: String,
    /// What the rules found, block first.
    pub findings: Vec<MatterFinding>,
}

/// Compliance rules. Reading findings needs sight of the matter; installing packs needs
/// `manage_firm`; overriding a blocking rule needs `override_workflow_gates` and a reason.
#[derive(Debug)]
pub struct ComplianceService<'s> {
    session: &'s Session,
}

/// Every pack the firm can put in force: the built-in ones, each replaced by an installed
/// pack of the same id, and the installed ones.
pub(crate) fn available_packs(tx: &dyn ReadTx) -> Result<Vec<CompliancePack>> {
    let installed = tx.installed_rule_packs()?;
    let mut packs: Vec<CompliancePack> = CompliancePack::builtin()
        .into_iter()
        .filter(|b| !installed.iter().any(|i| i.id == b.id))
        .collect();
    packs.extend(installed);
    Ok(packs)
}

/// The packs in force: the available packs the firm enabled.
pub(crate) fn firm_packs(tx: &dyn ReadTx) -> Result<Vec<CompliancePack>> {
    let enabled = tx.enabled_rule_packs()?;
    Ok(available_packs(tx)?
        .into_iter()
        .filter(|p| enabled.contains(&p.id))
        .collect())
}

/// Findings, each with the override of `overrides` that lets it pass, if one was recorded.
pub(crate) fn with_overrides(
    findings: Vec<Finding>,
    overrides: Option<&RuleOverrides>,
) -> Vec<MatterFinding> {
    findings
        .into_iter()
        .map(|finding| {
            let overridden = overrides.and_then(|o| {
                o.overrides
                    .iter()
                    .rev()
                    .find(|r| {
                        r.pack == finding.pack
                            && r.rule == finding.rule
                            && r.version == finding.version
                    })
                    .cloned()
            });
            MatterFinding {
                finding,
                overridden,
            }
        })
        .collect()
}

/// The findings of `checkpoint` on a matter, each with its override if one was recorded.
pub(crate) fn findings(
    tx: &dyn ReadTx,
    packs: &CompiledPacks,
    matter: MatterId,
    today: chrono::NaiveDate,
    event: EventFacts,
    checkpoint: Checkpoint,
) -> Result<Vec<MatterFinding>> {
    let settings = load_settings(tx)?;
    let gathered = gather_one(tx, &settings, matter, today, event)?;
    let found = packs.evaluate(&gathered.facts, checkpoint)?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let overrides = tx.rule_overrides_of(&[matter])?;
    Ok(with_overrides(found, overrides.first()))
}

/// Refuses a step that block-severity findings (without an override) stand in the way of,
/// or records `override_reason` against each (needs `override_workflow_gates`). A block rule
/// that could not be evaluated on the matter stands in the way like a breached one — nobody
/// has checked what it guards — and is overridden the same way, so an authorised user can
/// always proceed with a reason; evaluating the rules never fails the step itself.
pub(crate) fn gate(
    ctx: &mut WriteCtx<'_>,
    matter: &Matter,
    checkpoint: Checkpoint,
    event: EventFacts,
    override_reason: Option<&str>,
) -> Result<()> {
    let packs = CompiledPacks::in_force(firm_packs(ctx.tx)?)?;
    let today = ctx.today()?;
    let blocking: Vec<Finding> = findings(ctx.tx, &packs, matter.id, today, event, checkpoint)?
        .into_iter()
        .filter(|f| f.finding.severity == Severity::Block && f.overridden.is_none())
        .map(|f| f.finding)
        .collect();
    if blocking.is_empty() {
        return Ok(());
    }
    let Some(reason) = override_reason else {
        let list: Vec<String> = blocking
            .iter()
            .map(|f| format!("{} ({}): {}", f.rule, f.title, f.message))
            .collect();
        return Err(LexcaseError::validation(
            "rules",
            format!("blocked by compliance rules: {}", list.join("; ")),
        ));
    };
    ctx.require(Capability::OverrideWorkflowGates)?;
    let reason = crate::validate::required_line("override_reason", reason)?;
    let (by, at) = (ctx.actor.id, ctx.now);
    let added: Vec<RuleOverride> = blocking
        .iter()
        .map(|f| RuleOverride {
            pack: f.pack.clone(),
            rule: f.rule.clone(),
            version: f.version,
            checkpoint: checkpoint.as_str().into(),
            reason: reason.clone(),
            by,
            at,
        })
        .collect();
    match ctx.tx.rule_overrides(matter.id)? {
        None => {
            let record = RuleOverrides {
                matter: matter.id,
                overrides: added,
                version: 1,
            };
            ctx.create(record, "rules.overridden")?;
        }
        Some(before) => {
            let version = before.version;
            ctx.amend(before, version, "rules.overridden", |o, _| {
                o.overrides.extend(added);
                Ok(())
            })?;
        }
    }
    Ok(())
}

impl<'s> ComplianceService<'s> {
    pub(crate) fn new(session: &'s Session) -> Self {
        Self { session }
    }

    /// Every pack the firm can put in force (built in and installed).
    pub fn available_packs(&self) -> Result<Vec<CompliancePack>> {
        self.session.read(|ctx| available_packs(ctx.tx))
    }

    /// The packs in force.
    pub fn packs(&self) -> Result<Vec<CompliancePack>> {
        self.session.read(|ctx| firm_packs(ctx.tx))
    }

    /// Puts exactly the packs `ids` in force (each must be available). A firm chooses its
    /// packs: a US firm has no use for the England & Wales conveyancing rules. Needs
    /// `manage_firm`.
    pub fn set_packs_in_force(&self, ids: &[String]) -> Result<Vec<CompliancePack>> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            let available = available_packs(ctx.tx)?;
            for id in ids {
                if !available.iter().any(|p| &p.id == id) {
                    return Err(LexcaseError::validation(
                        "packs",
                        format!("no rule pack {id}"),
                    ));
                }
            }
            let mut ids = ids.to_vec();
            ids.sort();
            ids.dedup();
            let before = ctx.tx.enabled_rule_packs()?;
            ctx.tx.put_enabled_rule_packs(&ids)?;
            ctx.record(
                crate::audit::EntityKind::Firm,
                uuid::Uuid::nil(),
                Vec::new(),
                "rules.packs_in_force",
                Some(&before),
                Some(&ids),
            )?;
            firm_packs(ctx.tx)
        })
    }

    /// Refuses unless the actor has `manage_firm`: checked before a pack is compiled, so
    /// nobody else can make the engine parse or run a pack.
    fn require_manage_firm(&self) -> Result<()> {
        self.session
            .read(|ctx| ctx.actor.require(Capability::ManageFirm))
    }

    /// Runs a pack's own test cases (facts in, expected findings out) without installing it.
    /// A case in which a rule cannot be evaluated fails with the reason. Needs `manage_firm`
    /// (checked before the pack is compiled).
    pub fn test_pack(&self, pack: &CompliancePack) -> Result<Vec<RuleTestOutcome>> {
        self.require_manage_firm()?;
        CompiledPacks::new(vec![pack.clone()])?;
        Ok(pack.run_tests())
    }

    /// Installs a pack and puts it in force (a newer version of an installed or built-in pack
    /// replaces it). A pack that fails to load or whose own tests fail (a rule that cannot be
    /// evaluated on a test case included) is refused. Needs `manage_firm`, checked before the
    /// pack is compiled.
    pub fn install_pack(&self, pack: CompliancePack) -> Result<CompliancePack> {
        self.require_manage_firm()?;
        CompiledPacks::new(vec![pack.clone()])?;
        let failing: Vec<String> = pack
            .run_tests()
            .into_iter()
            .filter(|t| !t.passed)
            .map(|t| t.name)
            .collect();
        if !failing.is_empty() {
            return Err(LexcaseError::validation(
                "tests",
                format!("the pack's own tests fail: {}", failing.join(", ")),
            ));
        }
        self.session.write(|ctx| {
            ctx.require(Capability::ManageFirm)?;
            if let Some(current) = available_packs(ctx.tx)?
                .into_iter()
                .find(|p| p.id == pack.id)
                && current.version >= pack.version
            {
                return Err(LexcaseError::validation(
                    "version",
                    format!(
                        "version {} of {} is already in force",
                        current.version, pack.id
                    ),
                ));
            }
            ctx.tx.put_rule_pack(&pack)?;
            let mut enabled = ctx.tx.enabled_rule_packs()?;
            if !enabled.contains(&pack.id) {
                enabled.push(pack.id.clone());
                enabled.sort();
                ctx.tx.put_enabled_rule_packs(&enabled)?;
            }
            ctx.record(
                crate::audit::EntityKind::Firm,
                uuid::Uuid::nil(),
                Vec::new(),
                "rules.pack_installed",
                None,
                Some(&pack),
            )?;
            Ok(pack)
        })
    }

    /// What the rules find on one matter today.
    pub fn evaluate(&self, matter: MatterId) -> Result<MatterCompliance> {
        let today = self.session.firm().today()?;
        self.session.read(|ctx| {
            let m = ctx.matter(matter)?;
            let packs = CompiledPacks::in_force(firm_packs(ctx.tx)?)?;
            Ok(MatterCompliance {
                matter: m.id,
                number: m.number.clone(),
                findings: findings(
                    ctx.tx,
                    &packs,
                    m.id,
                    today,
                    sweep_event(),
                    Checkpoint::Sweep,
                )?,
            })
        })
    }

    /// Sweeps every matter the actor may see that is not archived, in batches; returns the
    /// matters with findings, newest first.
    pub fn sweep(&self) -> Result<Vec<MatterCompliance>> {
        self.sweep_with_progress(&mut Silent)
    }

    /// [`ComplianceService::sweep`], reporting the matters swept to `progress` (phase
    /// `sweep.matters`, of the matters the sweep covers), batch by batch; a cancel ends it with
    /// [`LexcaseError::Cancelled`]. A sweep only reads: it writes nothing, cancelled or not.
    pub fn sweep_with_progress(
        &self,
        progress: &mut dyn Progress,
    ) -> Result<Vec<MatterCompliance>> {
        let today = self.session.firm().today()?;
        self.session.read(|ctx| sweep_in(ctx, today, progress))
    }

    /// Everything the rules may know about one matter today (as a sweep sees it): for rule
    /// authors checking what a condition will read.
    pub fn facts(&self, matter: MatterId) -> Result<Facts> {
        let today = self.session.firm().today()?;
        self.session.read(|ctx| {
            let m = ctx.matter(matter)?;
            let settings = load_settings(ctx.tx)?;
            gather(ctx.tx, &settings, m.id, today, sweep_event())
        })
    }

    /// The facts of the matters a sweep covers (those the actor may see that are not
    /// archived), read in one batch as a sweep reads them: the matters in id order after
    /// `after` (from the first when `None`), at most `limit` (1 to [`Page::MAX_LIMIT`]). Pass
    /// the last matter's id (`facts.matter.id`) to read the next page; an empty page is the end.
    pub fn facts_page(&self, after: Option<MatterId>, limit: u32) -> Result<Vec<Facts>> {
        let page = Page::first(limit)?;
        let today = self.session.firm().today()?;
        self.session
            .read(|ctx| facts_page_in(ctx, today, after, page.limit))
    }

    /// The overrides recorded on a matter.
    pub fn overrides(&self, matter: MatterId) -> Result<Vec<RuleOverride>> {
        self.session.read(|ctx| {
            ctx.matter(matter)?;
            Ok(ctx
                .tx
                .rule_overrides(matter)?
                .map(|o| o.overrides)
                .unwrap_or_default())
        })
    }
}
