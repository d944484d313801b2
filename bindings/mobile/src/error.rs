//! The error every fallible exported function returns: the core's FFI error
//! ([`lexcase::ffi::FfiError`], `LexcaseException` in Kotlin), which also carries the
//! refusals of arguments that do not lift (see `lexcase::ffi`).

pub use lexcase::IncompatibleReason;
pub use lexcase::ffi::FfiError as LexcaseError;

/// The result type of the exported functions.
pub type Result<T, E = LexcaseError> = std::result::Result<T, E>;
