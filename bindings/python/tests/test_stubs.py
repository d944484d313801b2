"""Drift checks that mypy.stubtest does not make: the stubs' class bases match the runtime.

(stubtest checks names and signatures; scripts/test.sh runs it as `python -m mypy.stubtest lexcase`.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import lexcase
from lexcase import _lexcase

STUB = Path(lexcase.__file__).with_name("_lexcase.pyi")


def stub_classes() -> dict[str, list[str]]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {
        node.name: [ast.unparse(base) for base in node.bases]
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def test_stub_class_bases_match_runtime() -> None:
    classes = stub_classes()
    assert classes, f"no classes found in {STUB}"
    for name, bases in classes.items():
        runtime = getattr(_lexcase, name)
        assert [b.__name__ for b in runtime.__bases__] == bases, name


def test_package_exports_what_the_native_module_exports() -> None:
    assert sorted(lexcase.__all__) == sorted(_lexcase.__all__)
