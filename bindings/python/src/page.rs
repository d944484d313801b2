//! `Page`: one page of a listing with the total count of matches.

use lexcase::store::Paged;
use pyo3::prelude::*;
use pyo3::types::{PyGenericAlias, PyIterator, PyList, PyType};

/// One page of a listing: `items` (at most `limit` of them) and `total`, the number of matches
/// over all pages. Iterable; `len()` is the number of items on this page.
#[pyclass(frozen, module = "lexcase", name = "Page")]
pub struct PyPage {
    items: Vec<Py<PyAny>>,
    total: u64,
    next_cursor: Option<String>,
}

impl PyPage {
    /// Wraps each item of a core page in its Python class.
    pub(crate) fn new<T, P>(
        py: Python<'_>,
        paged: Paged<T>,
        wrap: impl Fn(T) -> P,
    ) -> PyResult<Self>
    where
        P: Into<PyClassInitializer<P>> + pyo3::PyClass,
    {
        let items = paged
            .items
            .into_iter()
            .map(|item| Ok(Py::new(py, wrap(item))?.into_any()))
            .collect::<PyResult<_>>()?;
        Ok(Self {
            items,
            total: paged.total,
            next_cursor: paged.next.map(|c| c.as_str().to_owned()),
        })
    }
}

#[pymethods]
impl PyPage {
    /// The items on this page.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.items.iter().map(|i| i.bind(py)))
    }

    /// How many items match over all pages.
    #[getter]
    fn total(&self) -> u64 {
        self.total
    }

    /// Pass as `after=` to read the next page (`None` at the end of the list). Reading a long
    /// list by cursor costs the same for every page; the total is the one counted on the first.
    #[getter]
    fn next_cursor(&self) -> Option<String> {
        self.next_cursor.clone()
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.items(py)?.try_iter()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Page(total={}, items={})",
            self.total,
            self.items(py)?.repr()?
        ))
    }

    /// `Page[User]` in annotations evaluated at run time.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, PyType>,
        item: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyGenericAlias>> {
        PyGenericAlias::new(cls.py(), cls.as_any(), item)
    }
}
