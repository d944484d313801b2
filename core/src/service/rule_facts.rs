//! Gathering the facts rules see about matters, from the store: a batch of matters at a time,
//! each fact family read by one grouped query for the whole batch
//! ([`ReadTx::compliance_inputs`]), workflow templates read once per reader, and the facts
//! built by a pure function ([`facts_from_rows`]). One matter is a batch of one.

use std::collections::HashSet;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::facts_from_rows::{FactSetting, GatheredFacts, Templates, facts_from_rows};
use crate::error::{LexcaseError, Result};
use crate::firm::FirmSettings;
use crate::ids::MatterId;
use crate::rules::{CompiledPacks, EventFacts, Facts};
use crate::store::{FactFamilies, ReadTx};

/// The fact families evaluating `packs` needs (see [`CompiledPacks::facts_read`]), and the
/// rule overrides. Client money needs the parties (its balances are the clients').
pub(crate) fn families_read(packs: &CompiledPacks) -> FactFamilies {
    let mut families = FactFamilies {
        overrides: true,
        ..FactFamilies::default()
    };
    for name in packs.facts_read() {
        match name {
            "clients" | "parties" => families.parties = true,
            "workflow" => families.workflow = true,
            "tasks" => families.tasks = true,
            "deadlines" => families.deadlines = true,
            "documents" => families.documents = true,
            "time" => families.time = true,
            "bills" => families.bills = true,
            "client_money" => {
                families.client_money = true;
                families.parties = true;
            }
            "conflicts" => families.conflicts = true,
            _ => {}
        }
    }
    families
}

/// Reads the facts of batches of matters within one transaction, keeping the workflow
/// templates it has read.
pub(crate) struct FactReader<'t> {
    tx: &'t dyn ReadTx,
    today: NaiveDate,
    zone: Tz,
    families: FactFamilies,
    templates: Templates,
    missing: HashSet<(String, u32)>,
}

impl<'t> FactReader<'t> {
    /// A reader of `families` as of `today`, in the firm's zone.
    pub(crate) fn new(
        tx: &'t dyn ReadTx,
        settings: &FirmSettings,
        today: NaiveDate,
        families: FactFamilies,
    ) -> Result<Self> {
        Ok(Self {
            tx,
            today,
            zone: settings.zone()?,
            families,
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
        let inputs = self
            .tx
            .compliance_inputs(matters, self.families, self.today)?;
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
        let setting = FactSetting {
            today: self.today,
            zone: self.zone,
            event,
        };
        facts_from_rows(inputs, &self.templates, setting, self.families.conflicts)
    }
}

/// Every fact about `matter` (and its rule overrides) today, at `event`.
pub(crate) fn gather_one(
    tx: &dyn ReadTx,
    settings: &FirmSettings,
    matter: MatterId,
    today: NaiveDate,
    event: EventFacts,
) -> Result<GatheredFacts> {
    FactReader::new(tx, settings, today, FactFamilies::ALL)?
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
