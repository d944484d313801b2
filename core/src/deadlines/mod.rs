//! Court and statutory deadline rules as data, and the engine that computes them with a trace.
//!
//! A [`DeadlineRule`] states a period (`21 days`, `4 months`, `48 hours`), whether it runs
//! after or before the trigger event, the [`CountingMethod`] (FRCP 6, CPR 2.8 or plain
//! calendar counting), the [`RollPolicy`] off weekends and holidays, whether FRCP 6(d) service
//! days apply and whether the act is done at the court office (FRCP 6(a)(3), CPR 2.8(5)).
//! Where the rules are open to more than one reading the choice is explicit in
//! [`ReadingOptions`]. [`DeadlineRule::compute`] takes a [`DeadlineInput`] (trigger, service
//! method, holiday and closure calendars) and returns a [`ComputedDeadline`] whose trace names
//! the provision behind every step.
//!
//! Rules travel in [`RulePack`]s (TOML or JSON); the built-in packs cover FRCP periods, CPR
//! periods, England & Wales limitation periods (Limitation Act 1980) and the SDLT return.

mod compute;
mod cpr;
mod hours;
mod input;
mod pack;
mod question;
mod rule;
mod steps;
mod version;

pub use input::{ComputedDeadline, DeadlineInput, ServiceMethod, TraceStep, Trigger};
pub use pack::{RulePack, builtin_rule};
pub use question::Question;
pub use rule::{
    CountingMethod, DeadlineRule, Direction, MonthEndReading, Period, PeriodUnit, ReadingOptions,
    RollPolicy, ServiceDaysReading,
};
pub use version::RuleVersion;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests_cpr;
#[cfg(test)]
mod tests_event;
#[cfg(test)]
mod tests_frcp;
#[cfg(test)]
mod tests_office;
#[cfg(test)]
mod tests_pack;
#[cfg(test)]
mod tests_prop;
#[cfg(test)]
mod tests_versions;
