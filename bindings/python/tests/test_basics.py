"""Tests of the binding layer: version and the exception hierarchy."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import lexcase

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - CI runs 3.11
    tomllib = pytest.importorskip("tomli")

REPO_ROOT = Path(__file__).resolve().parents[3]


def cargo_workspace_version() -> str:
    with (REPO_ROOT / "Cargo.toml").open("rb") as f:
        return str(tomllib.load(f)["workspace"]["package"]["version"])


def test_version_is_the_cargo_version() -> None:
    assert lexcase.version() == cargo_workspace_version()


def test_distribution_version_matches_engine() -> None:
    assert metadata.version("lexcase") == lexcase.version()


ERRORS = [
    lexcase.NotFoundError,
    lexcase.ValidationError,
    lexcase.PermissionDeniedError,
    lexcase.InvalidTransitionError,
    lexcase.StaleVersionError,
    lexcase.ConflictError,
    lexcase.StorageError,
    lexcase.IncompatibleDatabaseError,
    lexcase.IntegrityError,
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_every_error_is_a_lexcase_error(error: type[Exception]) -> None:
    assert issubclass(error, lexcase.LexcaseError)
    assert issubclass(error, Exception)
    assert error.__module__ == "lexcase"
    with pytest.raises(lexcase.LexcaseError, match="boom"):
        raise error("boom")


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(lexcase.ValidationError, ValueError)
    with pytest.raises(ValueError):
        raise lexcase.ValidationError("bad input")
    assert not issubclass(lexcase.NotFoundError, ValueError)


def test_refinements() -> None:
    assert issubclass(lexcase.StaleVersionError, lexcase.ConflictError)
    assert issubclass(lexcase.IncompatibleDatabaseError, lexcase.StorageError)
    assert issubclass(lexcase.IntegrityError, lexcase.StorageError)
