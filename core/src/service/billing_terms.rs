//! The terms work is recorded under: the matter's, then the client's, then the firm's; and
//! the [`TimeService`] methods that read and set them.

use super::context::WriteCtx;
use super::time::TimeService;
use crate::access::Capability;
use crate::billing::{CodeKind, CodePolicy, RoundingPolicy, check_code};
use crate::error::{LexcaseError, Result};
use crate::ids::UserId;
use crate::matters::Matter;
use crate::money::Money;
use crate::store::ReadTx;
use crate::timekeeping::{
    BillingSettingsChanges, BillingTerms, FirmBillingSettings, NewTerms, RateCandidates,
    RateSource, TermsScope, resolve_rate,
};

impl TimeService<'_> {
    /// The billing terms of a client or matter (empty, version 0, when none are set).
    pub fn terms(&self, scope: TermsScope) -> Result<BillingTerms> {
        let now = self.session.firm().now();
        self.session.read(|ctx| {
            if let TermsScope::Matter(m) = scope {
                ctx.matter(m)?;
            }
            ctx.actor.require(Capability::ViewRates)?;
            Ok(ctx
                .tx
                .billing_terms(&scope)?
                .unwrap_or_else(|| BillingTerms::empty(scope, ctx.actor.id, now)))
        })
    }

    /// Sets (replaces) the billing terms of a client or matter (`expected_version` 0 for the
    /// first time). Needs `manage_billing`. A rate that names no currency is in the matter's
    /// (a matter's terms) or the firm's default currency (a client's); a matter's rates must
    /// be in its currency.
    pub fn set_terms(&self, terms: NewTerms, expected_version: u64) -> Result<BillingTerms> {
        self.session.write(|ctx| {
            ctx.require(Capability::ManageBilling)?;
            let matter_currency = match terms.scope {
                TermsScope::Matter(m) => Some(ctx.matter(m)?.billing.currency),
                TermsScope::Client(c) => {
                    ctx.contact(c)?;
                    None
                }
            };
            let currency = matter_currency.unwrap_or(ctx.settings.default_currency);
            let terms = terms.into_terms(currency, ctx.actor.id, ctx.now)?;
            terms.validate(matter_currency)?;
            if let Some(policy) = &terms.codes {
                policy.validate()?;
            }
            save_terms(ctx, terms, expected_version)
        })
    }

    /// The firm's billing settings (the defaults until saved).
    pub fn billing_settings(&self) -> Result<FirmBillingSettings> {
        self.session.read(|ctx| firm_settings(ctx.tx))
    }

    /// Saves the firm's billing settings whole (needs `manage_billing`; `expected_version` 0
    /// the first time).
    pub fn set_billing_settings(
        &self,
        settings: FirmBillingSettings,
        expected_version: u64,
    ) -> Result<FirmBillingSettings> {
        let settings = settings.checked()?;
        self.session
            .write(|ctx| save_billing_settings(ctx, expected_version, |_| Ok(settings)))
    }

    /// Changes some of the firm's billing settings, keeping the rest, in one transaction
    /// (needs `manage_billing`; `expected_version` 0 while none are saved). An activity rate
    /// that names no currency is in the firm's default currency.
    pub fn update_billing_settings(
        &self,
        changes: BillingSettingsChanges,
        expected_version: u64,
    ) -> Result<FirmBillingSettings> {
        self.session.write(|ctx| {
            let currency = ctx.settings.default_currency;
            save_billing_settings(ctx, expected_version, |current| {
                current.changed(changes, currency)
            })
        })
    }
}

/// Stores the firm's billing settings that `change` makes from the current ones (the
/// defaults while none are saved), at the next version.
fn save_billing_settings(
    ctx: &mut WriteCtx<'_>,
    expected_version: u64,
    change: impl FnOnce(FirmBillingSettings) -> Result<FirmBillingSettings>,
) -> Result<FirmBillingSettings> {
    const ACTION: &str = "billing_settings.set";
    ctx.require(Capability::ManageBilling)?;
    match ctx.tx.firm_billing_settings()? {
        None if expected_version == 0 => {
            let settings = change(FirmBillingSettings::default())?;
            ctx.create(
                FirmBillingSettings {
                    version: 1,
                    ..settings
                },
                ACTION,
            )
        }
        None => Err(LexcaseError::not_found("billing settings")),
        Some(before) => ctx.amend(before, expected_version, ACTION, |s, _| {
            let version = s.version;
            *s = FirmBillingSettings {
                version,
                ..change(s.clone())?
            };
            Ok(())
        }),
    }
}

/// The firm's billing settings, or the defaults before any were saved.
pub(crate) fn firm_settings(tx: &dyn ReadTx) -> Result<FirmBillingSettings> {
    Ok(tx.firm_billing_settings()?.unwrap_or_default())
}

/// The terms that apply to a matter, most specific first: its own, then its first client's.
pub(crate) struct MatterTerms {
    matter: Option<BillingTerms>,
    client: Option<BillingTerms>,
    firm: FirmBillingSettings,
}

impl MatterTerms {
    /// Loads the terms of `matter`.
    pub(crate) fn load(tx: &dyn ReadTx, matter: &Matter) -> Result<Self> {
        let client = match matter.clients().next() {
            Some(c) => tx.billing_terms(&TermsScope::Client(c))?,
            None => None,
        };
        Ok(Self {
            matter: tx.billing_terms(&TermsScope::Matter(matter.id))?,
            client,
            firm: firm_settings(tx)?,
        })
    }

    fn scopes(&self) -> impl Iterator<Item = &BillingTerms> {
        self.matter.iter().chain(self.client.iter())
    }

    /// The rounding policy in force: the matter's, else the client's, else the firm's.
    pub(crate) fn rounding(&self) -> RoundingPolicy {
        self.scopes()
            .find_map(|t| t.rounding)
            .unwrap_or(self.firm.rounding)
    }

    /// The code policy in force (the matter's, else the client's).
    pub(crate) fn codes(&self) -> Option<&CodePolicy> {
        self.scopes().find_map(|t| t.codes.as_ref())
    }

    /// Checks codes against the UTBMS lists and the policy in force.
    pub(crate) fn check_codes(
        &self,
        task: Option<&str>,
        activity: Option<&str>,
        expense: Option<&str>,
    ) -> Result<()> {
        for (kind, code) in [
            (CodeKind::Task, task),
            (CodeKind::Activity, activity),
            (CodeKind::Expense, expense),
        ] {
            if let Some(code) = code {
                match self.codes() {
                    Some(policy) => policy.check(kind, code)?,
                    None => check_code(kind, code)?,
                };
            }
        }
        Ok(())
    }

    /// The rate for `user`'s work with `activity`, by the hierarchy; it must be in the
    /// matter's currency.
    pub(crate) fn rate(
        &self,
        matter: &Matter,
        user_default: Option<Money>,
        user: UserId,
        activity: Option<&str>,
        manual: Option<Money>,
    ) -> Result<(Money, RateSource)> {
        let (matter_user, matter_rate) = self
            .matter
            .as_ref()
            .map(|t| t.rates_for(user))
            .unwrap_or_default();
        let (client_user, client_rate) = self
            .client
            .as_ref()
            .map(|t| t.rates_for(user))
            .unwrap_or_default();
        let chosen = resolve_rate(&RateCandidates {
            manual,
            matter_user,
            matter: matter_rate,
            client_user,
            client: client_rate,
            activity: activity.and_then(|a| self.firm.activity_rates.get(a).copied()),
            user_default,
        })?;
        if chosen.0.currency != matter.billing.currency {
            return Err(LexcaseError::validation(
                "rate",
                format!(
                    "the {} rate is in {}, the matter bills in {}",
                    chosen.1, chosen.0.currency, matter.billing.currency
                ),
            ));
        }
        Ok(chosen)
    }
}

/// Stores new or changed terms for a scope, audited under the matter or the client.
pub(crate) fn save_terms(
    ctx: &mut WriteCtx<'_>,
    terms: BillingTerms,
    expected_version: u64,
) -> Result<BillingTerms> {
    let stored = ctx.tx.billing_terms(&terms.scope)?;
    match stored {
        None if expected_version == 0 => {
            let mut terms = terms;
            terms.version = 1;
            ctx.create(terms, "billing_terms.set")
        }
        None => Err(LexcaseError::not_found("billing terms")),
        Some(before) => ctx.amend(before, expected_version, "billing_terms.set", |t, _| {
            let version = t.version;
            *t = BillingTerms { version, ..terms };
            Ok(())
        }),
    }
}
