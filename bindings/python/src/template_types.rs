//! `DocumentTemplate`, `Letterhead` and `RenderedDocument`.

use lexcase::templates::{DocumentTemplate, Letterhead, RenderedDocument};
use pyo3::prelude::*;

use crate::record::{Bytes, py_record};

py_record! {
    /// A document or email template: built in, or installed by the firm. `kind` is `invoice`,
    /// `statement`, `client_care_letter`, `matter_report`, `letter` or `email`; its parts are
    /// minijinja `subject`, `text` and `html` and a Typst `typst` body for PDF.
    PyDocumentTemplate(DocumentTemplate) as "DocumentTemplate" eq;
    repr(id, version, kind, builtin, retired);
    |d| {
        /// Stable id, e.g. `invoice`.
        id,
        /// Version.
        version,
        /// What it produces.
        kind,
        /// Its name for people.
        name,
        /// An email's subject line.
        subject,
        /// Plain-text body.
        text,
        /// HTML body.
        html,
        /// Typst body (PDF).
        typst,
        /// The parts it has: `subject`, `text`, `html`, `typst`.
        parts = d.parts(),
        /// Whether it ships with lexcase.
        builtin,
        /// Whether the firm retired it (it renders no new documents).
        retired,
        /// Who installed (or retired) it.
        installed_by,
        /// When (UTC).
        installed_at,
    }
}

py_record! {
    /// The firm's letterhead: what its documents print about it, the locale they print in
    /// (`en-GB`: day-month-year; `en-US`: month-day-year; `None` follows the firm's zone and
    /// currency) and the domain Message-IDs of its email are made in.
    PyLetterhead(Letterhead) as "Letterhead" eq;
    repr(address, locale, version);
    |l| {
        /// Postal address, one line each.
        address,
        /// General email address.
        email,
        /// Telephone.
        phone,
        /// Web site.
        website,
        /// VAT registration number.
        vat_number,
        /// The regulatory line.
        regulation,
        /// How to pay, one line each.
        payment_details,
        /// `en-GB`, `en-US`, or `None` (follows the firm's zone and currency).
        locale,
        /// The domain of sent email's Message-IDs (`None`: the sender's).
        mail_domain,
        /// Optimistic-concurrency version (0 before it is first saved).
        version,
    }
}

py_record! {
    /// A rendered document: its bytes (UTF-8 text or HTML, or a PDF), and the document it was
    /// filed as when filing was asked for. `reprint` says the bytes are an issued bill's kept
    /// rendering.
    PyRenderedDocument(RenderedDocument) as "RenderedDocument";
    repr(file_name, format, template, template_version, reprint);
    |r| {
        /// `text`, `html` or `pdf`.
        format,
        /// The media type, e.g. `application/pdf`.
        media_type = r.format.media_type(),
        /// A file name for it, e.g. `Invoice INV000012.pdf`.
        file_name,
        /// The template it was rendered from.
        template,
        /// That template's version.
        template_version,
        /// SHA-256 of the bytes, 64 hex digits.
        hash,
        /// The matter document it was filed as.
        document,
        /// Whether these are an issued bill's kept bytes (a reprint).
        reprint,
        /// The bytes.
        content = Bytes(&r.bytes),
    }
}
