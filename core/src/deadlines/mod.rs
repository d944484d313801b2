//! Court and statutory deadline rules as data, and the engine that computes them with a trace.
//!
//! A [`DeadlineRule`] states a period (`21 days`, `4 months`, `48 hours`), whether it runs
//! after or before the trigger event, the [`CountingMethod`] (FRCP 6, CPR 2.8 or plain
//! calendar counting), the [`RollPolicy`] off weekends and holidays, whether FRCP 6(d) service
//! days apply and whether the act is done at the court office (FRCP 6(a)(3), CPR 2.8(5)).
//! Where the rules are open to more than one reading the choice is explicit in
//! [`ReadingOptions`]. A rule says which [`Question`] it answers: the last day for the act
//! (the default), or — under CPR 2.8 — the earliest day a later event may take place at
//! least N clear days after a step. A rule that changed over time carries [`RuleVersion`]s
//! with the trigger dates they are in force (the SDLT filing period: 30 days, then 14 from
//! 1 March 2019). [`DeadlineRule::compute`] takes a [`DeadlineInput`] (trigger, service
//! method, holiday and closure calendars) and returns a [`ComputedDeadline`] whose trace names
//! the version in force and the provision behind every step; a date outside the years 1 to
//! 9999 is refused.
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
