//! A Python callable as the firm's (or one send's) mail transport: for applications that
//! deliver mail by their own means.

use lexcase::LexcaseError;
use lexcase::communications::{Envelope, MailTransport};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Calls `sender(envelope_from: str, envelope_to: list[str], message: bytes)`; whatever it
/// raises is a transient `DeliveryError` naming only the exception's type (its message may
/// quote an address).
pub(crate) struct PySender(pub Py<PyAny>);

impl MailTransport for PySender {
    fn send(&self, envelope: &Envelope, message: &[u8]) -> lexcase::Result<()> {
        Python::attach(|py| {
            let bytes = PyBytes::new(py, message);
            self.0
                .call1(py, (envelope.from.as_str(), envelope.to.clone(), bytes))
                .map(|_| ())
                .map_err(|e| {
                    let kind = e
                        .get_type(py)
                        .qualname()
                        .map(|n| n.to_string())
                        .unwrap_or_else(|_| "an exception".into());
                    LexcaseError::delivery(format!("the sender raised {kind}"), false, None)
                })
        })
    }
}
