//! What a deadline rule answers, and its versions with the trigger dates they are in force:
//! the core's own types (`lexcase::deadlines`) cross the FFI as they are.

pub use lexcase::deadlines::{Question as DeadlineQuestion, RuleVersion};
