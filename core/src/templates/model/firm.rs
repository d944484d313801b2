//! The firm's section of the merge model.

use serde::{Deserialize, Serialize};

use crate::firm::FirmSettings;
use crate::templates::{Letterhead, Locale};

/// `firm.*`: who sends the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirmFields {
    /// The firm's name.
    pub name: String,
    /// Postal address, one line each.
    pub address: Vec<String>,
    /// General email address.
    pub email: String,
    /// Telephone.
    pub phone: String,
    /// Web site.
    pub website: String,
    /// VAT registration number.
    pub vat_number: String,
    /// The regulatory line.
    pub regulation: String,
    /// How to pay, one line each.
    pub payment_details: Vec<String>,
    /// The locale documents print in: `en-GB` or `en-US`.
    pub locale: String,
    /// The firm's default currency (ISO 4217).
    pub currency: String,
}

impl FirmFields {
    /// The firm's fields from its settings and letterhead.
    pub fn of(settings: &FirmSettings, letterhead: &Letterhead, locale: Locale) -> Self {
        Self {
            name: settings.name.clone(),
            address: letterhead.address.clone(),
            email: letterhead.email.clone().unwrap_or_default(),
            phone: letterhead.phone.clone().unwrap_or_default(),
            website: letterhead.website.clone().unwrap_or_default(),
            vat_number: letterhead.vat_number.clone().unwrap_or_default(),
            regulation: letterhead.regulation.clone().unwrap_or_default(),
            payment_details: letterhead.payment_details.clone(),
            locale: locale.as_str().to_owned(),
            currency: settings.default_currency.code().to_owned(),
        }
    }
}
