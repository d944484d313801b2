"""The Python examples under examples/python run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


def test_month_of_work_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "month_of_work.py")],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    assert out == [
        "conflict check: clear",
        "reply due: 2026-12-31",
        # 1 h 20 min and 2.5 h at 250.00, rounded up to 6 minutes; VAT at 20 %.
        "invoice: INV000001 975.00 195.00 1170.00",
    ]
