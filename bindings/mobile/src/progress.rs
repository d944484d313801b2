//! Progress of long calls: the app's listener (a Kotlin interface, a Swift protocol) hears each
//! phase count up and may cancel. Every long call takes an optional listener as its last
//! argument (null: the call reports nowhere).

use std::sync::Arc;

use lexcase::progress::{Flow, Progress, ProgressUpdate};

/// Why a progress listener failed. Kotlin sees `ProgressException.Failed`; any exception
/// thrown by the listener is taken the same way, and cancels the call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum ProgressError {
    /// The listener failed: the call is cancelled.
    #[error("{reason}")]
    Failed {
        /// Why.
        reason: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for ProgressError {
    fn from(_: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Self::Failed {
            reason: "the listener threw an unexpected exception".into(),
        }
    }
}

/// Hears how far a long call has come (export and import of a firm archive, the compliance
/// sweep, vCard import, bulk time, the conflict re-check, rendering many documents).
#[uniffi::export(with_foreign)]
pub trait ProgressListener: Send + Sync {
    /// `done` of `total` items (null when not known in advance) of `phase` are done; `phase`
    /// is a stable name such as `time.record` or `export.records`. Return `false` to cancel:
    /// the call then fails with `LexcaseException.Cancelled` and writes nothing. Throwing
    /// cancels it the same way.
    fn on_progress(
        &self,
        phase: String,
        done: u64,
        total: Option<u64>,
    ) -> Result<bool, ProgressError>;
}

/// The app's listener, if any, as the core's progress callback.
struct Listening(Option<Arc<dyn ProgressListener>>);

/// Runs a core call reporting to `listener` (nowhere for `None`).
pub(crate) fn listened<T>(
    listener: Option<Arc<dyn ProgressListener>>,
    call: impl FnOnce(&mut dyn Progress) -> lexcase::Result<T>,
) -> crate::error::Result<T> {
    Ok(call(&mut Listening(listener))?)
}

impl Progress for Listening {
    fn update(&mut self, update: ProgressUpdate) -> Flow {
        let Some(listener) = &self.0 else {
            return Flow::Continue;
        };
        match listener.on_progress(update.phase.to_owned(), update.done, update.total) {
            Ok(true) => Flow::Continue,
            Ok(false) | Err(_) => Flow::Cancel,
        }
    }
}
