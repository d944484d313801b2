//! The generated parts of the Python type stub are what the source gives (see
//! `lexcase_python::stub`); with `LEXCASE_BLESS=1` this test rewrites them.
#![allow(clippy::expect_used, clippy::panic)]

mod stub {
    pub mod services;
}

use std::path::Path;

use pyo3::Python;

/// The committed generated stubs are what the source gives.
#[test]
fn generated_stub_is_current() {
    Python::initialize();
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let services = stub::services::generate(src).unwrap_or_else(|missing| {
        panic!(
            "annotate these in #[pyo3(signature = …)] (`name: \"type\"`, `-> \"type\"`): {missing:#?}"
        )
    });
    let (records, records_py) =
        Python::attach(|py| lexcase_python::stub::generate(py, &services.records))
            .expect("the stub is generated");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/python/lexcase/generated");
    let files = [
        ("records.pyi", records),
        ("records.py", records_py),
        ("services.pyi", services.stub),
        ("services.py", services.module),
    ];
    if std::env::var_os("LEXCASE_BLESS").is_some() {
        for (name, text) in &files {
            std::fs::write(format!("{dir}/{name}"), text).expect("the stub is written");
        }
    }
    for (name, text) in &files {
        let committed = std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_default();
        assert!(
            committed == *text,
            "{dir}/{name} is out of date: run `LEXCASE_BLESS=1 cargo test -p lexcase-python generated_stub`"
        );
    }
}
