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


def test_progress_bar_runs() -> None:
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "progress_bar.py")],
        check=True, capture_output=True, text=True,
    )
    assert run.stdout.splitlines() == [
        "time recorded: 2000",
        # The new Olive Quartermaine is a hit on the matter of the first one.
        "checks re-run: 1 with new hits: QUA-0001 (1)",
        "cancelled; time on the matter still: 2000",
    ]
    # tqdm drew one bar per phase, each to its end.
    for phase, total in [("time.record", 2000), ("contacts.import", 3), ("conflicts.recheck", 1)]:
        assert f"{phase}: 100%" in run.stderr, run.stderr
        assert f"{total}/{total}" in run.stderr, run.stderr
