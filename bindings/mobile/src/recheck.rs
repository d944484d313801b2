//! What re-running every conflict check did (`conflicts().recheckAll`): the core's records
//! cross the FFI as they are (`lexcase::service`).

pub use lexcase::service::{ConflictRecheck, RecheckedMatter};
