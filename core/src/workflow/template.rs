//! Workflow templates as data, checked for consistency when loaded.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use crate::calendar::{DayCount, DayUnit};
use crate::error::{LexcaseError, Result};
use crate::matters::MatterRole;
use crate::validate;

/// When a task created from a checklist item falls due, relative to entering its stage or to a
/// key date of the matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum DueRule {
    /// Counted from the day the matter enters the stage.
    StageEntered {
        /// Days after (or before, negative).
        days: i32,
        /// Calendar or business days.
        unit: DayUnit,
    },
    /// Counted from a named key date (e.g. "completion").
    KeyDate {
        /// The key date's name.
        name: String,
        /// Days after (or before, negative).
        days: i32,
        /// Calendar or business days.
        unit: DayUnit,
    },
}

impl DueRule {
    /// The checked day count of the rule.
    pub fn count(&self) -> Result<DayCount> {
        match self {
            DueRule::StageEntered { days, unit } | DueRule::KeyDate { days, unit, .. } => {
                DayCount::new(*days, *unit)
            }
        }
    }
}

/// What a checklist item asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ItemKind {
    /// A task to create when the stage is entered; completing it ticks the item.
    Task {
        /// The matter role the task goes to by default.
        assignee_role: Option<MatterRole>,
        /// When it falls due.
        due: Option<DueRule>,
    },
    /// A document of this category must be on the matter.
    Document {
        /// Document category, e.g. "TA6".
        category: String,
    },
    /// A search must be ordered and its result filed (e.g. "LLC1", "CON29").
    Search {
        /// The search's name.
        name: String,
    },
    /// A key date of the matter must be set.
    KeyDate {
        /// The key date's name, e.g. "completion".
        name: String,
    },
    /// Someone confirms it was done.
    Confirmation,
}

/// One checklist item of a stage. (Its fields are flattened, which serde cannot police for
/// unknown keys; [`WorkflowTemplate`] parsing checks item keys itself.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChecklistItem {
    /// Identifier, unique in the template: `[a-z0-9_]`.
    pub id: String,
    /// What the team sees.
    pub title: String,
    /// What completes it.
    #[serde(flatten)]
    pub kind: ItemKind,
    /// Whether it must be complete before the matter leaves the stage (when the stage has no
    /// explicit gate).
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// One stage of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Stage {
    /// Identifier, unique in the template: `[a-z0-9_]`.
    pub id: String,
    /// Name shown to the team.
    pub name: String,
    /// Checklist items.
    #[serde(default)]
    pub items: Vec<ChecklistItem>,
    /// Item ids that must be complete to leave the stage; `None` means every required item.
    #[serde(default)]
    pub gate: Option<Vec<String>>,
    /// Whether the matter may go back from this stage to an earlier one.
    #[serde(default)]
    pub allow_back: bool,
    /// Later stages the matter may jump to from here, skipping those between.
    #[serde(default)]
    pub allow_jump_to: Vec<String>,
}

/// A versioned workflow template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WorkflowTemplate {
    /// Identifier, e.g. `ew-residential-purchase`: `[a-z0-9-]`.
    pub id: String,
    /// Version, from 1; a matter stays on the version it started with.
    pub version: u32,
    /// Name shown to users.
    pub name: String,
    /// The practice area it serves.
    pub practice_area: String,
    /// The stages in order.
    pub stages: Vec<Stage>,
}

fn unparsable(e: impl std::fmt::Display) -> LexcaseError {
    LexcaseError::validation("template", format!("does not parse: {e}"))
}

/// Refuses unknown keys in checklist items (their flattened fields escape serde's check).
fn check_item_keys(raw: &serde_json::Value) -> Result<()> {
    let stages = raw
        .get("stages")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten();
    for stage in stages {
        let items = stage
            .get("items")
            .and_then(|i| i.as_array())
            .into_iter()
            .flatten();
        for item in items {
            let Some(fields) = item.as_object() else {
                continue;
            };
            let extra: &[&str] = match fields.get("kind").and_then(|k| k.as_str()) {
                Some("task") => &["assignee_role", "due"],
                Some("document") => &["category"],
                Some("search" | "key_date") => &["name"],
                _ => &[],
            };
            if let Some(unknown) = fields.keys().find(|k| {
                !["id", "title", "kind", "required"].contains(&k.as_str())
                    && !extra.contains(&k.as_str())
            }) {
                let id = fields.get("id").and_then(|i| i.as_str()).unwrap_or("?");
                return Err(LexcaseError::validation(
                    "template",
                    format!("item {id:?} has an unknown field {unknown:?}"),
                ));
            }
        }
    }
    Ok(())
}

fn slug(field: &str, value: &str, extra: u8) -> Result<()> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == extra);
    if ok {
        Ok(())
    } else {
        let extra = extra as char;
        Err(LexcaseError::validation(
            field,
            format!("{value:?} is not an identifier (1 to 64 of a-z, 0-9, _ and {extra})"),
        ))
    }
}

impl WorkflowTemplate {
    /// Parses a template from TOML and checks it.
    pub fn from_toml(text: &str) -> Result<Self> {
        crate::validate::import_size("template", text, crate::validate::MAX_DEFINITION_BYTES)?;
        let raw: serde_json::Value = toml::from_str(text).map_err(unparsable)?;
        Self::from_value(raw)
    }

    /// Parses a template from JSON and checks it.
    pub fn from_json(text: &str) -> Result<Self> {
        crate::validate::import_size("template", text, crate::validate::MAX_DEFINITION_BYTES)?;
        let raw: serde_json::Value = serde_json::from_str(text).map_err(unparsable)?;
        Self::from_value(raw)
    }

    fn from_value(raw: serde_json::Value) -> Result<Self> {
        check_item_keys(&raw)?;
        let template: Self = serde_json::from_value(raw).map_err(unparsable)?;
        template.checked()
    }

    /// Checks consistency: identifiers well formed and unique, at least one stage, gates name
    /// items of their own stage, jumps go forward to existing stages, texts bounded.
    pub fn checked(self) -> Result<Self> {
        slug("id", &self.id, b'-')?;
        if self.version == 0 {
            return Err(LexcaseError::validation("version", "versions start at 1"));
        }
        validate::required_line("name", &self.name)?;
        validate::required_line("practice_area", &self.practice_area)?;
        if self.stages.is_empty() {
            return Err(LexcaseError::validation(
                "stages",
                "a template needs at least one stage",
            ));
        }
        let mut stage_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for stage in &self.stages {
            slug("stages.id", &stage.id, b'_')?;
            if !stage_ids.insert(stage.id.as_str()) {
                return Err(LexcaseError::validation(
                    "stages.id",
                    format!("duplicate stage id {:?}", stage.id),
                ));
            }
            validate::required_line(&format!("stages.{}.name", stage.id), &stage.name)?;
            for item in &stage.items {
                let field = format!("stages.{}.items", stage.id);
                slug(&field, &item.id, b'_')?;
                if !item_ids.insert(item.id.as_str()) {
                    return Err(LexcaseError::validation(
                        field,
                        format!("duplicate item id {:?}", item.id),
                    ));
                }
                validate::required_line(&format!("{field}.{}.title", item.id), &item.title)?;
                item.kind.check(&format!("{field}.{}", item.id))?;
            }
            for gated in stage.gate.iter().flatten() {
                if !stage.items.iter().any(|i| &i.id == gated) {
                    return Err(LexcaseError::validation(
                        format!("stages.{}.gate", stage.id),
                        format!("names {gated:?}, which is not an item of this stage"),
                    ));
                }
            }
        }
        for (index, stage) in self.stages.iter().enumerate() {
            for target in &stage.allow_jump_to {
                match self.stage_index(target) {
                    Some(t) if t > index + 1 => {}
                    Some(_) => {
                        return Err(LexcaseError::validation(
                            format!("stages.{}.allow_jump_to", stage.id),
                            format!("{target:?} is not a later stage beyond the next"),
                        ));
                    }
                    None => {
                        return Err(LexcaseError::validation(
                            format!("stages.{}.allow_jump_to", stage.id),
                            format!("names {target:?}, which is not a stage"),
                        ));
                    }
                }
            }
        }
        Ok(self)
    }

    /// The position of stage `id`.
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The stage `id`.
    pub fn stage(&self, id: &str) -> Result<&Stage> {
        self.stages
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| LexcaseError::not_found("stage"))
    }

    /// Every checklist item with its stage.
    pub fn items(&self) -> impl Iterator<Item = (&Stage, &ChecklistItem)> {
        self.stages
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }
}

impl Stage {
    /// The items that must be complete to leave this stage.
    pub fn gate_items(&self) -> impl Iterator<Item = &ChecklistItem> {
        self.items.iter().filter(move |i| match &self.gate {
            Some(gate) => gate.contains(&i.id),
            None => i.required,
        })
    }
}

impl ItemKind {
    fn check(&self, field: &str) -> Result<()> {
        match self {
            ItemKind::Task { due, .. } => {
                if let Some(DueRule::KeyDate { name, .. }) = due {
                    validate::required_line(&format!("{field}.due.name"), name)?;
                }
                due.as_ref().map_or(Ok(()), |d| d.count().map(|_| ()))
            }
            ItemKind::Document { category } => {
                validate::required_line(&format!("{field}.category"), category).map(|_| ())
            }
            ItemKind::Search { name } | ItemKind::KeyDate { name } => {
                validate::required_line(&format!("{field}.name"), name).map(|_| ())
            }
            ItemKind::Confirmation => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
        id = "sample"
        version = 1
        name = "Sample"
        practice_area = "general"

        [[stages]]
        id = "open"
        name = "Open"
        allow_jump_to = ["close"]
        [[stages.items]]
        id = "letter"
        title = "Send the engagement letter"
        kind = "task"
        assignee_role = "fee_earner"
        due = { from = "stage_entered", days = 2, unit = "business_days" }
        [[stages.items]]
        id = "id_check"
        title = "Verify identity"
        kind = "confirmation"
        required = false

        [[stages]]
        id = "work"
        name = "Work"
        allow_back = true
        gate = ["advice"]
        [[stages.items]]
        id = "advice"
        title = "Advice"
        kind = "document"
        category = "advice_letter"

        [[stages]]
        id = "close"
        name = "Close"
    "#;

    fn with(replace: &str, by: &str) -> Result<WorkflowTemplate> {
        assert!(MINIMAL.contains(replace), "{replace}");
        WorkflowTemplate::from_toml(&MINIMAL.replacen(replace, by, 1))
    }

    fn field_of(result: Result<WorkflowTemplate>) -> String {
        match result.unwrap_err() {
            LexcaseError::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_and_reads_gates() {
        let t = WorkflowTemplate::from_toml(MINIMAL).unwrap();
        assert_eq!(t.stages.len(), 3);
        let open = t.stage("open").unwrap();
        assert_eq!(
            open.gate_items().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["letter"]
        );
        let work = t.stage("work").unwrap();
        assert_eq!(work.gate_items().count(), 1);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(WorkflowTemplate::from_json(&json).unwrap(), t);
    }

    #[test]
    fn inconsistent_templates_are_refused_precisely() {
        assert_eq!(field_of(WorkflowTemplate::from_toml("id = ")), "template");
        assert_eq!(field_of(with("version = 1", "version = 0")), "version");
        assert_eq!(
            field_of(with("id = \"work\"", "id = \"open\"")),
            "stages.id"
        );
        assert_eq!(
            field_of(with("id = \"advice\"", "id = \"letter\"")),
            "stages.work.items"
        );
        assert_eq!(
            field_of(with("gate = [\"advice\"]", "gate = [\"letter\"]")),
            "stages.work.gate"
        );
        assert_eq!(
            field_of(with(
                "allow_jump_to = [\"close\"]",
                "allow_jump_to = [\"nowhere\"]"
            )),
            "stages.open.allow_jump_to"
        );
        assert_eq!(
            field_of(with(
                "allow_jump_to = [\"close\"]",
                "allow_jump_to = [\"work\"]"
            )),
            "stages.open.allow_jump_to"
        );
        assert_eq!(
            field_of(with("category = \"advice_letter\"", "category = \"\"")),
            "stages.work.items.advice.category"
        );
        assert_eq!(
            field_of(with("id = \"sample\"", "id = \"Sample Template\"")),
            "id"
        );
        assert_eq!(
            field_of(with("kind = \"confirmation\"", "kind = \"telepathy\"")),
            "template"
        );
        assert_eq!(field_of(with("days = 2", "days = 20000")), "days");
        assert_eq!(
            field_of(with(
                "name = \"Sample\"",
                "name = \"Sample\"\ncolour = \"red\""
            )),
            "template"
        );
        assert_eq!(
            field_of(with(
                "category = \"advice_letter\"",
                "category = \"advice_letter\"\ncolour = 1"
            )),
            "template"
        );
        assert_eq!(
            field_of(with("unit = \"business_days\"", "unit = \"fortnights\"")),
            "template"
        );
    }
}
