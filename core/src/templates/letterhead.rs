//! The firm's letterhead: what its documents say about it, and how they print.

use serde::{Deserialize, Serialize};

use super::Locale;
use crate::error::{LexcaseError, Result};
use crate::validate;

const MAX_LINES: usize = 12;

/// What documents print about the firm (its name comes from the firm settings), the locale
/// they print in, and the domain its email Message-IDs are made in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Letterhead {
    /// Postal address, one line each.
    pub address: Vec<String>,
    /// General email address.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Web site.
    pub website: Option<String>,
    /// VAT (or other sales-tax) registration number, printed on VAT invoices.
    pub vat_number: Option<String>,
    /// The regulatory line, e.g. "Authorised and regulated by the Solicitors Regulation
    /// Authority (SRA no. 123456)".
    pub regulation: Option<String>,
    /// How to pay: bank, sort code, account, reference, one line each.
    pub payment_details: Vec<String>,
    /// The conventions documents print in; `None` follows the firm's zone and currency
    /// ([`Locale::default_for`]).
    pub locale: Option<Locale>,
    /// The domain Message-IDs of sent email are made in (`None`: the sender's address's
    /// domain).
    pub mail_domain: Option<String>,
    /// Optimistic-concurrency version (0 before it is first saved).
    pub version: u64,
}

fn lines(field: &str, values: &[String]) -> Result<Vec<String>> {
    validate::bounded(field, values, MAX_LINES)?;
    values
        .iter()
        .map(|v| validate::optional_line(field, v))
        .filter_map(Result::transpose)
        .collect()
}

fn line(field: &str, value: Option<&str>) -> Result<Option<String>> {
    value
        .map(|v| validate::optional_line(field, v))
        .transpose()
        .map(Option::flatten)
}

/// Checks a DNS domain: labels of letters, digits and hyphens, at least one dot.
pub(crate) fn check_domain(field: &str, domain: &str) -> Result<String> {
    let domain = domain.trim().to_ascii_lowercase();
    let ok = domain.len() <= 253
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    if ok {
        Ok(domain)
    } else {
        Err(LexcaseError::validation(field, "not a domain name"))
    }
}

impl Letterhead {
    /// Checks and tidies every field (lines trimmed, blank lines dropped, the email address
    /// and domain validated).
    pub fn checked(self) -> Result<Self> {
        Ok(Self {
            address: lines("address", &self.address)?,
            email: line("email", self.email.as_deref())?
                .map(|e| validate::email("email", &e))
                .transpose()?,
            phone: line("phone", self.phone.as_deref())?,
            website: line("website", self.website.as_deref())?,
            vat_number: line("vat_number", self.vat_number.as_deref())?,
            regulation: line("regulation", self.regulation.as_deref())?,
            payment_details: lines("payment_details", &self.payment_details)?,
            locale: self.locale,
            mail_domain: line("mail_domain", self.mail_domain.as_deref())?
                .map(|d| check_domain("mail_domain", &d))
                .transpose()?,
            version: self.version,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_and_tidies() {
        let l = Letterhead {
            address: vec![" 1 High Street ".into(), "".into(), "London".into()],
            email: Some("Office@Smith.Example".into()),
            mail_domain: Some("Smith.Example".into()),
            ..Letterhead::default()
        }
        .checked()
        .unwrap();
        assert_eq!(l.address, vec!["1 High Street", "London"]);
        assert_eq!(l.email.as_deref(), Some("Office@smith.example"));
        assert_eq!(l.mail_domain.as_deref(), Some("smith.example"));
        let bad = Letterhead {
            mail_domain: Some("no_dots".into()),
            ..Letterhead::default()
        };
        assert!(bad.checked().is_err());
    }
}
