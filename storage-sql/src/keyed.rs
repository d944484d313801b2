//! The kinds and keys of single records stored by kind and key (a user's timer, a client's
//! billing terms, the firm's settings, rule packs, templates…): one vocabulary for every SQL
//! store, so that a firm's records (and its archive) read the same whichever store holds it.

use lexcase::BillId;
use lexcase::templates::OutputFormat;

/// A user's running timer, keyed by user id.
pub const TIMER: &str = "timer";
/// A client's or matter's billing terms, keyed by their scope.
pub const TERMS: &str = "billing_terms";
/// The firm's billing settings, under [`FIRM_KEY`].
pub const BILLING_SETTINGS: &str = "billing_settings";
/// A client-money reconciliation, keyed by its statement date (ISO, so keys sort by date).
pub const RECONCILIATION: &str = "reconciliation";
/// A matter's rule overrides, keyed by matter id.
pub const RULE_OVERRIDES: &str = "rule_overrides";
/// The ids of the rule packs in force, under [`FIRM_KEY`].
pub const RULES_ENABLED: &str = "rules_enabled";
/// An installed rule pack, keyed by pack id.
pub const RULE_PACK: &str = "rule_pack";
/// A matter's conflict check, keyed by matter id.
pub const CONFLICT_CHECK: &str = "conflict_check";
/// A document template version, keyed by [`template_key`].
pub const DOCUMENT_TEMPLATE: &str = "document_template";
/// The firm's letterhead, under [`FIRM_KEY`].
pub const LETTERHEAD: &str = "letterhead";
/// The rendering kept with an issued bill, keyed by [`bill_rendering_key`].
pub const BILL_RENDERING: &str = "bill_rendering";
/// The key of firm-wide records.
pub const FIRM_KEY: &str = "firm";

/// The key of a template version: its id and its zero-padded version, so keys sort by id then
/// version.
pub fn template_key(id: &str, version: u32) -> String {
    format!("{id}#{version:010}")
}

/// The key of an issued bill's kept rendering in one format: `<bill>#<format>`.
pub fn bill_rendering_key(bill: BillId, format: OutputFormat) -> String {
    format!("{bill}#{format}")
}
