//! The firm-wide compliance sweep: the matters the actor may see that are not archived, walked
//! in batches by keyset (matter id), each batch's facts read with one grouped query per fact
//! family the rules in force read, then evaluated in memory.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::compliance::{MatterCompliance, firm_packs, with_overrides};
use super::context::{ReadCtx, load_settings};
use super::facts_from_rows::GatheredFacts;
use super::rule_facts::FactReader;
use crate::error::Result;
use crate::ids::MatterId;
use crate::matters::{MatterStatus, RuleOverrides};
use crate::progress::{Counter, Progress};
use crate::rules::{Checkpoint, CompiledPacks, EventFacts, Facts};
use crate::store::{MatterQuery, Page};

/// Matters per batch: large enough that the per-batch queries cost little per matter, small
/// enough that a batch's rows stay a few megabytes.
pub(crate) const SWEEP_BATCH: u32 = 500;

/// The event of a sweep.
pub(crate) fn sweep_event() -> EventFacts {
    EventFacts {
        checkpoint: Checkpoint::Sweep.as_str().into(),
        ..EventFacts::default()
    }
}

/// Reads the facts of the swept matters after `after`, `batch` at a time, and hands each
/// batch to `each` until it returns `false` or the matters run out.
fn walk(
    ctx: &ReadCtx<'_>,
    reader: &mut FactReader<'_, '_>,
    mut after: Option<MatterId>,
    batch: u32,
    mut each: impl FnMut(Vec<GatheredFacts>) -> Result<bool>,
) -> Result<()> {
    let viewer = ctx.viewer();
    let event = sweep_event();
    loop {
        let ids = ctx.tx.compliance_matters(&viewer, after, batch)?;
        let Some(last) = ids.last().copied() else {
            return Ok(());
        };
        after = Some(last);
        let more = each(reader.read(&ids, &event)?)?;
        if !more || ids.len() < batch as usize {
            return Ok(());
        }
    }
}

/// How many matters a sweep covers: those the actor may see, less the archived ones (two
/// counts, no matter read).
fn swept_count(ctx: &ReadCtx<'_>) -> Result<u64> {
    let viewer = ctx.viewer();
    let count = |status: Option<MatterStatus>| -> Result<u64> {
        let query = MatterQuery {
            status,
            ..MatterQuery::default()
        };
        Ok(ctx.tx.matters(&query, &viewer, Page::new(0, 1)?)?.total)
    };
    Ok(count(None)?.saturating_sub(count(Some(MatterStatus::Archived))?))
}

/// The sweep: the matters with findings, newest first (then by id, descending). Reports the
/// matters swept, batch by batch, to `progress` (phase `sweep.matters`).
pub(crate) fn sweep_in(
    ctx: &ReadCtx<'_>,
    today: NaiveDate,
    progress: &mut dyn Progress,
) -> Result<Vec<MatterCompliance>> {
    let packs = CompiledPacks::in_force(firm_packs(ctx.tx)?)?;
    let settings = load_settings(ctx.tx)?;
    let mut reader = FactReader::for_sweep(ctx.tx, &settings, today, &packs)?;
    let mut counter = Counter::start(progress, "sweep.matters", Some(swept_count(ctx)?))?;
    let mut found: Vec<(DateTime<Utc>, MatterCompliance)> = Vec::new();
    walk(ctx, &mut reader, None, SWEEP_BATCH, |batch| {
        let start = found.len();
        let swept = batch.len() as u64;
        for gathered in batch {
            let findings = packs.evaluate(&gathered.facts, Checkpoint::Sweep)?;
            if !findings.is_empty() {
                let compliance = MatterCompliance {
                    matter: gathered.matter,
                    number: gathered.facts.matter.number,
                    findings: with_overrides(findings, None),
                };
                found.push((gathered.created_at, compliance));
            }
        }
        // The overrides of the matters with findings, in one read for the batch.
        let ids: Vec<MatterId> = found[start..].iter().map(|(_, c)| c.matter).collect();
        let overrides: HashMap<MatterId, RuleOverrides> = ctx
            .tx
            .rule_overrides_of(&ids)?
            .into_iter()
            .map(|o| (o.matter, o))
            .collect();
        for (_, compliance) in &mut found[start..] {
            if let Some(o) = overrides.get(&compliance.matter) {
                let findings = std::mem::take(&mut compliance.findings);
                let findings = findings.into_iter().map(|f| f.finding).collect();
                compliance.findings = with_overrides(findings, Some(o));
            }
        }
        counter.add(swept)?;
        Ok(true)
    })?;
    found.sort_by(|(at_a, a), (at_b, b)| (at_b, b.matter).cmp(&(at_a, a.matter)));
    Ok(found.into_iter().map(|(_, c)| c).collect())
}

/// One batch of the swept matters' facts (every family), after `after`.
pub(crate) fn facts_page_in(
    ctx: &ReadCtx<'_>,
    today: NaiveDate,
    after: Option<MatterId>,
    limit: u32,
) -> Result<Vec<Facts>> {
    let settings = load_settings(ctx.tx)?;
    let mut reader = FactReader::everything(ctx.tx, &settings, today)?;
    let mut out = Vec::new();
    walk(ctx, &mut reader, after, limit, |batch| {
        out.extend(batch.into_iter().map(|g| g.facts));
        Ok(false)
    })?;
    Ok(out)
}
