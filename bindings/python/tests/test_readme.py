"""The Python snippet of the repository's README.md runs exactly as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[3] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)


def test_readme_has_one_python_snippet() -> None:
    assert len(python_blocks()) == 1


def test_readme_python_snippet_runs_as_written() -> None:
    (code,) = python_blocks()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {"__name__": "readme"})
    lines = out.getvalue().splitlines()
    assert lines[0] == "SMI-0001 open"
    assert lines[1] == "1"
    assert lines[2] == "True"
    # A rate set without a currency is in the matter's, filled in by the engine.
    assert lines[3] == "300.00 GBP"
    # The float rate is refused with a message saying what to pass instead.
    assert "decimal.Decimal" in lines[4]
    assert len(lines) == 5
