//! The fonts documents are typeset with: the ones embedded in `typst-assets` (Libertinus
//! Serif, New Computer Modern, DejaVu Sans Mono), the same on every machine, so a document
//! typesets the same everywhere.

use std::sync::LazyLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The embedded fonts and their book, parsed once.
pub(crate) struct Fonts {
    /// Every face.
    pub fonts: Vec<Font>,
    /// Their metadata.
    pub book: LazyHash<FontBook>,
}

/// The fonts, parsed on first use.
pub(crate) static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    Fonts { fonts, book }
});
