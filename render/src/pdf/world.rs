//! The world a document is typeset in: one source file, the merge model as the global `data`,
//! embedded fonts, and nothing else (no files, packages or clock).

use std::sync::LazyLock;

use lexcase::templates::MergeModel;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Binding, Bytes, Datetime, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FONTS;

/// The standard library, built once; each world adds its `data` to a copy.
static LIBRARY: LazyLock<Library> = LazyLock::new(Library::default);

/// The one file a document has.
fn main_id() -> Result<FileId, String> {
    let path = VirtualPath::new("/document.typ").map_err(|_| "bad main path".to_owned())?;
    Ok(RootedPath::new(VirtualRoot::Project, path).intern())
}

/// A document's world.
pub(crate) struct DocumentWorld {
    library: LazyHash<Library>,
    main: FileId,
    source: Source,
}

impl DocumentWorld {
    /// A world typesetting `source` with `model` bound to `data`.
    pub fn new(source: &str, model: &MergeModel) -> Result<Self, String> {
        let json =
            serde_json::to_value(model).map_err(|_| "the merge model cannot be read".to_owned())?;
        let data: Value = serde_json::from_value(json)
            .map_err(|_| "the merge model cannot be read".to_owned())?;
        let mut library = LIBRARY.clone();
        library
            .global
            .scope_mut()
            .bind("data".into(), Binding::detached(data));
        let main = main_id()?;
        Ok(Self {
            library: LazyHash::new(library),
            main,
            source: Source::new(main, source.to_owned()),
        })
    }

    /// The document's source.
    pub fn source(&self) -> &Source {
        &self.source
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // No clock: a document prints `data.today`, so the same data gives the same bytes.
        None
    }
}
