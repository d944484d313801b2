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
    """The classes of the stub with their bases as the runtime spells them: `Generic[...]`
    is typing only, and no base means `object`."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    classes: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(b) for b in node.bases]
            bases = [b for b in bases if not b.startswith("Generic[")]
            classes[node.name] = bases or ["object"]
    return classes


def test_stub_class_bases_match_runtime() -> None:
    classes = stub_classes()
    assert classes, f"no classes found in {STUB}"
    for name, bases in classes.items():
        runtime = getattr(_lexcase, name)
        assert [b.__name__ for b in runtime.__bases__] == bases, name


def test_package_exports_what_the_native_module_exports() -> None:
    assert sorted(lexcase.__all__) == sorted(_lexcase.__all__)
    for name in lexcase.__all__:
        assert getattr(lexcase, name) is getattr(_lexcase, name), name


def test_every_public_class_and_method_has_a_docstring() -> None:
    for name in _lexcase.__all__:
        item = getattr(_lexcase, name)
        assert item.__doc__, name
        if isinstance(item, type) and not issubclass(item, BaseException):
            for attr, member in vars(item).items():
                if not attr.startswith("_"):
                    assert member.__doc__, f"{name}.{attr}"


def test_classes_belong_to_the_package() -> None:
    for name in _lexcase.__all__:
        item = getattr(_lexcase, name)
        if isinstance(item, type):
            assert item.__module__ == "lexcase", name
