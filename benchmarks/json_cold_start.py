"""Cold start of `filinglint check --output-format json` against a plain `filinglint check`.

Run by hand (never as a timed test):

    python benchmarks/json_cold_start.py --runs 30

Both commands run on the seed filing (or the bundled example where ../shared is absent),
alternately, one fresh byte-compiled process at a time with a warm parser cache, so the
machine's noise falls on both. Issue 11's target: json within 1.1x of plain.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "seed" / "schedule-to-a-rare-medium-2003-04-16.txt"
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
CHECK = "import sys; from filinglint.cli import main; sys.exit(main(sys.argv[1:]))"


def once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process; CPU time is what the process
    itself spent, so it moves less than wall time when other jobs share the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CHECK, *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="processes per side (default 30)")
    args = parser.parse_args()
    filing = str(SEED if SEED.exists() else EXAMPLE)
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PYTHONPATH=str(ROOT), FILINGLINT_CACHE_DIR=cache)
        sides = {
            "plain": ["check", "--isolated", filing],
            "json": ["check", "--isolated", "--output-format", "json", filing],
        }
        for argv in sides.values():  # warm the parser cache and the byte-code
            once(argv, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        for _ in range(args.runs):
            for name, argv in sides.items():
                times[name].append(once(argv, env))
    for index, what in enumerate(("wall", "cpu")):
        medians = {name: statistics.median(t[index] for t in v) for name, v in times.items()}
        for name, value in medians.items():
            low = min(t[index] for t in times[name])
            print(f"{what} {name:6} median {value * 1000:7.1f} ms  (min {low * 1000:.1f})")
        ratio = medians["json"] / medians["plain"]
        print(f"{what} json / plain: {ratio:.2f}x (target <= 1.10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
