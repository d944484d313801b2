#!/usr/bin/env python3
"""The store-scale bench through the Python binding, compared with the Rust service figures
of the same run.

The Rust bench (``cargo bench -p lexcase-benches --bench store_scale``) leaves in
``LEXCASE_BENCH_PY_DIR``:

* ``seed.lexcase``  the firm (staff, contacts, matters) just before the time-entry ingest;
* ``entries.csv``   the time entries it ingested, in order;
* ``final.lexcase`` the firm at the end (time, bills, payments, client money);
* ``figures.json``  every figure of its run, with the Rust service's ingest rate and report
  times under ``python_parity``.

This script then, on copies of those files:

1. ingests the same entries through ``s.time.record_many`` in the same batches, durably
   (``synchronous=FULL``, the binding's default), building the ``lexcase.NewTimeEntry`` objects
   inside the timed region as the Rust bench builds its ``NewTimeEntry`` values (reading the
   CSV is not timed);
2. runs ``s.reports.wip()``, ``s.reports.hours(...)``, ``s.payments.aged_debt(...)`` and
   ``s.reports.client_money_balances(...)`` on the final firm, the median of as many runs as
   the Rust bench made, and checks the answers against the Rust ones;
3. prints ``workload | Rust service | Python binding | ratio | target | met?`` (ratio: Python
   speed over Rust speed; the issue's target is >= 0.5).

Run it by hand (it is not part of the tests), after building the binding in release mode:

    python3 -m venv .venv && . .venv/bin/activate
    pip install maturin==1.16.0
    (cd bindings/python && maturin develop --release)
    python benches/python/store_scale.py --run-rust --entries 100000 --matters 2000 --bills 10000

``--run-rust`` runs the Rust bench first with the given sizes (by default only its ``main``
part: ``--parts main,big`` for everything; other ``LEXCASE_BENCH_*`` variables pass through)
and prints its report before the Python one, so both sets of figures come from the same run on
the same machine; without it the script reads an earlier run's directory (``--dir``).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, TypeVar

import lexcase

T = TypeVar("T")

ADMIN_EMAIL = "admin@smith-partners.example"
ROOT = Path(__file__).resolve().parents[2]

Entry = tuple[uuid.UUID, uuid.UUID, datetime.date, int, str, "str | None", "str | None", str]


def run_rust(args: argparse.Namespace, out_dir: Path) -> None:
    """Runs the Rust bench's main part with the given sizes, leaving its files in out_dir."""
    env = dict(os.environ)
    env.update(
        {
            "LEXCASE_BENCH_PARTS": args.parts,
            "LEXCASE_BENCH_PY_DIR": str(out_dir),
            "LEXCASE_BENCH_ENTRIES": str(args.entries),
            "LEXCASE_BENCH_MATTERS": str(args.matters),
            "LEXCASE_BENCH_BILLS": str(args.bills),
            "LEXCASE_BENCH_BATCH": str(args.batch),
            "LEXCASE_BENCH_RUNS": str(args.runs),
        }
    )
    if args.rust_bin:
        cmd = [args.rust_bin, "--bench"]
    else:
        cmd = ["cargo", "bench", "-p", "lexcase-benches", "--bench", "store_scale"]
    print(f"[store_scale.py] running {' '.join(cmd)}", file=sys.stderr)
    report = subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True)
    (out_dir / "rust.md").write_text(report.stdout)


def read_entries(path: Path) -> list[Entry]:
    """The entries of the Rust run (untimed)."""
    out: list[Entry] = []
    with path.open(newline="") as f:
        for row in csv.DictReader(f):
            out.append(
                (
                    uuid.UUID(row["matter"]),
                    uuid.UUID(row["user"]),
                    datetime.date.fromisoformat(row["date"]),
                    int(row["seconds"]),
                    row["billability"],
                    row["task_code"] or None,
                    row["activity_code"] or None,
                    row["narrative"],
                )
            )
    return out


def ingest(seed: Path, work: Path, entries: list[Entry], batch: int) -> float:
    """Records the entries on a copy of the seed, `batch` per call; returns entries/s."""
    path = work / "python-ingest.lexcase"
    shutil.copyfile(seed, path)
    firm = lexcase.open(str(path))
    s = firm.session_by_email(ADMIN_EMAIL)
    elapsed = 0.0
    for start in range(0, len(entries), batch):
        part = entries[start : start + batch]
        t = time.perf_counter()
        s.time.record_many(
            [
                lexcase.NewTimeEntry(
                    matter=m,
                    date=d,
                    duration=sec,
                    narrative=narrative,
                    user=u,
                    task_code=task,
                    activity_code=activity,
                    billability=billability,
                )
                for (m, u, d, sec, billability, task, activity, narrative) in part
            ]
        )
        elapsed += time.perf_counter() - t
    return len(entries) / max(elapsed, 1e-9)


def timed(runs: int, f: Callable[[], T]) -> tuple[float, T]:
    """The median time of `runs` calls of f, and its last answer."""
    samples = []
    answer = None
    for _ in range(max(runs, 1)):
        t = time.perf_counter()
        answer = f()
        samples.append(time.perf_counter() - t)
    assert answer is not None
    return statistics.median(samples), answer


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dir", type=Path, help="the Rust run's LEXCASE_BENCH_PY_DIR (default: a new temporary directory with --run-rust)")
    p.add_argument("--run-rust", action="store_true", help="run the Rust bench first, in this run")
    p.add_argument("--rust-bin", help="the built bench binary to run instead of `cargo bench`")
    p.add_argument("--entries", type=int, default=1_000_000)
    p.add_argument("--matters", type=int, default=20_000)
    p.add_argument("--bills", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--parts", default="main", help="LEXCASE_BENCH_PARTS of the Rust run (main,big for everything)")
    p.add_argument("--json", type=Path, help="also write the figures here")
    args = p.parse_args()

    scratch = tempfile.TemporaryDirectory(prefix="lexcase-py-store-scale-")
    out_dir = args.dir or Path(scratch.name) / "rust"
    if args.run_rust:
        out_dir.mkdir(parents=True, exist_ok=True)
        run_rust(args, out_dir)
    elif args.dir is None:
        p.error("give --dir (an earlier run's LEXCASE_BENCH_PY_DIR) or --run-rust")
    figures: dict[str, Any] = json.loads((out_dir / "figures.json").read_text())
    rust = figures["python_parity"]
    config = figures["config"]
    work = Path(scratch.name)

    print("[store_scale.py] reading the entries ...", file=sys.stderr)
    entries = read_entries(out_dir / "entries.csv")
    print(f"[store_scale.py] ingesting {len(entries)} entries ...", file=sys.stderr)
    py_rate = ingest(out_dir / "seed.lexcase", work, entries, int(config["batch"]))

    print("[store_scale.py] reports ...", file=sys.stderr)
    final = work / "final.lexcase"
    shutil.copyfile(out_dir / "final.lexcase", final)
    s = lexcase.open(str(final)).session_by_email(ADMIN_EMAIL)
    r = rust["reports"]
    runs = int(r["runs"])
    frm = datetime.date.fromisoformat(r["hours_from"])
    to = datetime.date.fromisoformat(r["hours_to"])
    as_of = datetime.date.fromisoformat(r["as_of"])
    available = Decimal(r["available_hours_per_day"])
    wip_t, (by_matter, _) = timed(runs, s.reports.wip)
    hours_t, hours = timed(runs, lambda: s.reports.hours(from_date=frm, to_date=to, available_hours_per_day=available))
    aged_t, aged = timed(runs, lambda: s.payments.aged_debt(as_of=as_of, currency=r["currency"]))
    bal_t, balances = timed(runs, lambda: s.reports.client_money_balances(as_of))

    answers = rust.get("answers", {})
    mine = {
        "wip_value": str(sum((w.unbilled_time_value for w in by_matter), Decimal(0))),
        "hours_recorded_seconds": sum(h.recorded_seconds for h in hours),
        "aged_total": str(aged.total),
        "balances_total": str(sum((b.balance for b in balances), Decimal(0))),
    }

    rows = [
        ("bulk time-entry ingest (`record_many`, FULL), entries/s", rust["ingest_rows_per_s"], py_rate, True),
        ("`reports.wip()`", rust["wip_s"], wip_t, False),
        ("`reports.hours(...)` over a year", rust["hours_s"], hours_t, False),
        ("`payments.aged_debt(...)`", rust["aged_debt_s"], aged_t, False),
        ("`reports.client_money_balances(...)`", rust["balances_s"], bal_t, False),
    ]

    def show(v: float, rate: bool) -> str:
        return f"{v:.0f}/s" if rate else (f"{v * 1000:.2f} ms" if v < 1 else f"{v:.2f} s")

    if args.run_rust:
        print((out_dir / "rust.md").read_text())
    print("# lexcase store scale: the Python binding beside the Rust service\n")
    print(
        f"Sizes: {config['matters']} matters, {config['entries']} entries in batches of {config['batch']}; "
        f"reports: median of {runs} runs. Rust figures from the same run: {figures['machine']}.\n"
    )
    print("| workload | Rust service | Python binding | ratio (Python speed ÷ Rust speed) | target | met? |")
    print("|---|---|---|---|---|---|")
    out = []
    for name, rust_v, py_v, is_rate in rows:
        ratio = py_v / rust_v if is_rate else rust_v / max(py_v, 1e-12)
        met = ratio >= 0.5
        out.append({"workload": name, "rust": rust_v, "python": py_v, "ratio": ratio, "met": met})
        print(f"| {name} | {show(rust_v, is_rate)} | {show(py_v, is_rate)} | {ratio:.2f}× | ≥ 0.5 × Rust | {'yes' if met else '**no**'} |")
    print("\n| same answer as the Rust service? | Rust | Python | equal |\n|---|---|---|---|")
    for key, value in mine.items():
        theirs = answers.get(key)
        same = theirs is not None and Decimal(str(theirs)) == Decimal(str(value))
        print(f"| {key} | {theirs} | {value} | {'yes' if same else '**NO**'} |")
    if args.json:
        args.json.write_text(json.dumps({"rows": out, "answers": mine, "rust_answers": answers}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
