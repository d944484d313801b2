//! The firm: its settings, the matter-number format, and custom-field definitions.

mod custom_fields;
mod feed_key;
mod matter_number;
mod settings;

pub use custom_fields::{CustomFieldDefinition, CustomFieldKind};
pub use feed_key::FeedKey;
pub use matter_number::{MatterNumberContext, MatterNumberFormat};
pub use settings::{FirmSettings, FirmSetup};
