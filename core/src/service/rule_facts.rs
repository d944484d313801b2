//! Gathering the facts rules see about matters, from the store: a batch of matters at a time,
//! each fact family read by one grouped query for the whole batch
//! ([`ReadTx::compliance_inputs`]), workflow templates read once per reader, and the facts
//! built by a pure function ([`facts_from_rows`]). One matter is a batch of one, with every
//! family read.
//!
//! A sweep reads less: first each matter's row (and workflow, when rules are scoped to
//! stages), then for each family only the matters whose rules in scope read it (the
//! conveyancing rules read the clients of conveyancing matters only).

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::facts_from_rows::{FactSetting, GatheredFacts, Templates, facts_from_rows};
use crate::error::{LexcaseError, Result};
use crate::firm::FirmSettings;
use crate::ids::MatterId;
use crate::rules::{Checkpoint, CompiledPacks, EventFacts, Facts, MatterFacts, WorkflowFacts};
use crate::store::{ComplianceInputs, ComplianceRead, MatterFactsRow, ReadTx, WorkflowFactsRow};

/// The families that facts named by rules (`matter`, `clients`, …) come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Families {
    parties: bool,
    clients: bool,
    workflow: bool,
    tasks: bool,
    deadlines: bool,
    documents: bool,
    time: bool,
    bills: bool,
    client_money: bool,
    conflicts: bool,
}

impl Families {
    fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = Self::default();
        for name in names {
            match name {
                "parties" => f.parties = true,
                "clients" => f.clients = true,
                "workflow" => f.workflow = true,
                "tasks" => f.tasks = true,
                "deadlines" => f.deadlines = true,
                "documents" => f.documents = true,
                "time" => f.time = true,
                "bills" => f.bills = true,
                "client_money" => f.client_money = true,
                "conflicts" => f.conflicts = true,
                _ => {}
            }
        }
        f
    }

    /// Adds `matter` to the lists of `read` for these families (its workflow only when it
    /// was not read already).
    fn ask(self, matter: MatterId, read: &mut ComplianceRead, workflow_read: bool) {
        let lists = [
            (self.parties, &mut read.parties),
            (self.clients && !self.parties, &mut read.clients),
            (self.workflow && !workflow_read, &mut read.workflows),
            (self.tasks, &mut read.tasks),
            (self.deadlines, &mut read.deadlines),
            (self.documents, &mut read.documents),
            (self.time, &mut read.time),
            (self.bills, &mut read.bills),
            (self.client_money, &mut read.client_money),
            (self.conflicts, &mut read.conflict_checks),
        ];
        for (wanted, list) in lists {
            if wanted {
                list.push(matter);
            }
        }
    }
}

/// What a reader reads of each matter.
enum Plan<'p> {
    /// Every family (the single-matter paths: evaluation and the gates).
    Everything,
    /// The families the rules in scope for each matter read, as the scope of a matter (area,
    /// status, stage) decides; the answers are kept per scope.
    InScope {
        packs: &'p CompiledPacks,
        by_scope: HashMap<(String, String, String), Families>,
    },
}

/// Reads the facts of batches of matters within one transaction, keeping the workflow
/// templates it has read.
pub(crate) struct FactReader<'t, 'p> {
    tx: &'t dyn ReadTx,
    today: NaiveDate,
    zone: Tz,
    plan: Plan<'p>,
    templates: Templates,
    missing: HashSet<(String, u32)>,
}

impl<'t, 'p> FactReader<'t, 'p> {
    /// A reader of every fact as of `today`, in the firm's zone.
    pub(crate) fn everything(
        tx: &'t dyn ReadTx,
        settings: &FirmSettings,
        today: NaiveDate,
    ) -> Result<Self> {
        Self::new(tx, settings, today, Plan::Everything)
    }

    /// A reader of what `packs` read at a sweep, as of `today`, in the firm's zone.
    pub(crate) fn for_sweep(
        tx: &'t dyn ReadTx,
        settings: &FirmSettings,
        today: NaiveDate,
        packs: &'p CompiledPacks,
    ) -> Result<Self> {
        let plan = Plan::InScope {
            packs,
            by_scope: HashMap::new(),
        };
        Self::new(tx, settings, today, plan)
    }

    fn new(
        tx: &'t dyn ReadTx,
        settings: &FirmSettings,
        today: NaiveDate,
        plan: Plan<'p>,
    ) -> Result<Self> {
        Ok(Self {
            tx,
            today,
            zone: settings.zone()?,
            plan,
            templates: Templates::new(),
            missing: HashSet::new(),
        })
    }

    /// The facts of `matters` at `event`, in the order given (matters not found are left
    /// out). The facts are read as the system sees them: the caller has checked the actor
    /// may see the matters.
    pub(crate) fn read(
        &mut self,
        matters: &[MatterId],
        event: &EventFacts,
    ) -> Result<Vec<GatheredFacts>> {
        let inputs = match &mut self.plan {
            Plan::Everything => self
                .tx
                .compliance_inputs(&ComplianceRead::everything(matters), self.today)?,
            Plan::InScope { packs, by_scope } => {
                let by_stage = packs.scoped_by_stage();
                let first = ComplianceRead {
                    matters: matters.to_vec(),
                    workflows: if by_stage {
                        matters.to_vec()
                    } else {
                        Vec::new()
                    },
                    ..ComplianceRead::default()
                };
                let mut inputs = self.tx.compliance_inputs(&first, self.today)?;
                let read = in_scope_read(packs, by_scope, &inputs, by_stage);
                if read != ComplianceRead::default() {
                    inputs.extend(self.tx.compliance_inputs(&read, self.today)?);
                }
                inputs
            }
        };
        self.load_templates(&inputs)?;
        let setting = FactSetting {
            today: self.today,
            zone: self.zone,
            event,
        };
        facts_from_rows(inputs, &self.templates, setting)
    }

    /// Reads the template versions the workflows name that are not yet known.
    fn load_templates(&mut self, inputs: &ComplianceInputs) -> Result<()> {
        for w in &inputs.workflows {
            let key = (w.template_id.clone(), w.template_version);
            if self.templates.contains_key(&key) || self.missing.contains(&key) {
                continue;
            }
            let template = self
                .tx
                .workflow_template(&w.template_id, Some(w.template_version))?;
            if let Some(template) = template {
                self.templates.insert(key, template);
            } else {
                self.missing.insert(key);
            }
        }
        Ok(())
    }
}

/// The facts that decide which rules apply to a matter: its practice area and status, and
/// its workflow stage.
fn scope_facts(m: &MatterFactsRow, workflow: Option<&WorkflowFactsRow>) -> Facts {
    Facts {
        matter: MatterFacts {
            status: m.status.as_str().into(),
            practice_area: m.practice_area.to_lowercase(),
            ..MatterFacts::default()
        },
        workflow: WorkflowFacts {
            stage: workflow.map(|w| w.stage.clone()).unwrap_or_default(),
            ..WorkflowFacts::default()
        },
        ..Facts::default()
    }
}

/// For each family, the matters of `inputs` whose rules in scope at a sweep read it
/// (workflows only when `inputs` does not hold them already).
fn in_scope_read(
    packs: &CompiledPacks,
    by_scope: &mut HashMap<(String, String, String), Families>,
    inputs: &ComplianceInputs,
    workflow_read: bool,
) -> ComplianceRead {
    let workflows: HashMap<MatterId, &WorkflowFactsRow> =
        inputs.workflows.iter().map(|w| (w.matter, w)).collect();
    let mut read = ComplianceRead::default();
    for m in &inputs.matters {
        let facts = scope_facts(m, workflows.get(&m.id).copied());
        let key = (
            facts.matter.practice_area.clone(),
            facts.matter.status.clone(),
            facts.workflow.stage.clone(),
        );
        let families = *by_scope.entry(key).or_insert_with(|| {
            let names: BTreeSet<&str> = packs.facts_read_in_scope(&facts, Checkpoint::Sweep);
            Families::of(names)
        });
        families.ask(m.id, &mut read, workflow_read);
    }
    read
}

/// Every fact about `matter` today, at `event`.
pub(crate) fn gather_one(
    tx: &dyn ReadTx,
    settings: &FirmSettings,
    matter: MatterId,
    today: NaiveDate,
    event: EventFacts,
) -> Result<GatheredFacts> {
    FactReader::everything(tx, settings, today)?
        .read(&[matter], &event)?
        .pop()
        .ok_or_else(|| LexcaseError::not_found("matter"))
}

/// Everything the rules may know about `matter` today, at `event`.
pub(crate) fn gather(
    tx: &dyn ReadTx,
    settings: &FirmSettings,
    matter: MatterId,
    today: NaiveDate,
    event: EventFacts,
) -> Result<Facts> {
    Ok(gather_one(tx, settings, matter, today, event)?.facts)
}
