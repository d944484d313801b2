//! The billing namespaces, one file per service: [`bills`] (`session.bills`), [`payments`]
//! (`session.payments`), [`client_money`] (`session.client_money`) and [`reports`]
//! (`session.reports`).

mod bills;
mod client_money;
mod payments;
mod reports;

pub use bills::PyBillService;
pub use client_money::PyClientMoneyService;
pub use payments::PyPaymentService;
pub use reports::PyReportService;
