//! `lexcase render`: a bill or a client's statement of account to PDF, from the firm's
//! templates (typeset with Typst by `lexcase-render`).

use std::path::Path;
use std::sync::Arc;

use lexcase::bills::Bill;
use lexcase::money::Currency;
use lexcase::service::{RenderRequest, RenderSubject, Session};
use lexcase::store::{BillQuery, Page, Paged};
use lexcase::templates::{OutputFormat, RenderedDocument};
use lexcase::{BillId, ContactId, LexcaseError, Result};

use crate::{io_error, open, session};

/// What is rendered.
pub enum Subject {
    /// A bill, by id or invoice number.
    Bill(String),
    /// A client's statement of account in a currency (the firm's default when `None`).
    Statement {
        /// The client's contact id.
        client: String,
        /// The currency.
        currency: Option<String>,
    },
}

/// The bill `wanted` names: its id, or the invoice number of one the actor may see.
fn find_bill(s: &Session, wanted: &str) -> Result<BillId> {
    if let Ok(id) = wanted.parse::<BillId>() {
        return Ok(id);
    }
    let bills = s.bills();
    let all = Paged::collect_all(|page: Page| bills.list(&BillQuery::default(), page))?;
    all.into_iter()
        .find(|b: &Bill| b.number.as_deref() == Some(wanted))
        .map(|b| b.id)
        .ok_or(LexcaseError::NotFound { entity: "bill" })
}

/// The request for `subject`, with `template` or the subject's built-in one.
fn request(s: &Session, subject: &Subject, template: Option<&str>) -> Result<RenderRequest> {
    let (default, subject) = match subject {
        Subject::Bill(wanted) => ("invoice", RenderSubject::Bill(find_bill(s, wanted)?)),
        Subject::Statement { client, currency } => {
            let client: ContactId = client
                .parse()
                .map_err(|_| LexcaseError::validation("statement", "not a contact id"))?;
            let currency = match currency {
                Some(c) => Currency::parse(c)?,
                None => s.firm().settings()?.default_currency,
            };
            let subject = RenderSubject::Statement {
                client,
                currency,
                matter: None,
            };
            ("statement", subject)
        }
    };
    Ok(RenderRequest::new(
        template.unwrap_or(default),
        OutputFormat::Pdf,
        subject,
    ))
}

/// Renders `subject` from the firm in `file` as `actor` and writes the PDF to `out`.
pub fn render(
    file: &Path,
    actor: &str,
    subject: &Subject,
    template: Option<&str>,
    out: &Path,
) -> Result<RenderedDocument> {
    let firm = open(file)?.with_engine(Arc::new(lexcase_render::Engine::new()));
    let s = session(&firm, actor)?;
    let rendered = s.documents().render(request(&s, subject, template)?)?;
    std::fs::write(out, &rendered.bytes).map_err(io_error)?;
    Ok(rendered)
}
