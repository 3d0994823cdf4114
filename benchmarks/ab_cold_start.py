"""A/B benchmark: cold start of `filinglint check` at a git revision against the working tree.

Run by hand (never as a timed test):

    python benchmarks/ab_cold_start.py 8c14de7 --runs 40

The revision is checked out into a temporary git worktree; both copies are byte-compiled
(as an installed package is) and started alternately, one fresh process at a time, on
the seed filing (or the bundled example where ../shared is absent), each with its own
parser cache. Alternating the two spreads the machine's noise over both, which a
before/after pair of runs of ``startup_and_throughput.py`` cannot do; on a shared machine
the medians still move by several milliseconds between runs, so repeat before trusting a
difference of that size.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "seed" / "schedule-to-a-rare-medium-2003-04-16.txt"
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
CHECK = (
    "import sys; from filinglint.cli import main;"
    " sys.exit(main(['check', '--isolated', sys.argv[1]]))"
)


def cold_start(tree: Path, filing: Path, cache: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree), FILINGLINT_CACHE_DIR=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CHECK, str(filing)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with (e.g. HEAD~3)")
    parser.add_argument("--runs", type=int, default=40, help="processes per side (default 40)")
    args = parser.parse_args()
    filing = SEED if SEED.exists() else EXAMPLE
    with tempfile.TemporaryDirectory() as scratch:
        before = Path(scratch) / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(before), args.revision],
            check=True,
            capture_output=True,
        )
        try:
            trees = {"before": before, "after": ROOT}
            for tree in trees.values():
                compileall.compile_dir(tree / "filinglint", quiet=1)
            times: dict[str, list[float]] = {name: [] for name in trees}
            for name, tree in trees.items():  # warm the page cache and build the parsers
                cold_start(tree, filing, Path(scratch) / f"cache-{name}")
            for _ in range(args.runs):
                for name, tree in trees.items():
                    times[name].append(cold_start(tree, filing, Path(scratch) / f"cache-{name}"))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)],
                check=False,
                capture_output=True,
            )
    print(f"filing: {filing}")
    for name, values in times.items():
        print(
            f"{name:7} ({args.revision if name == 'before' else 'working tree'}): median "
            f"{statistics.median(values) * 1000:6.1f} ms, min {min(values) * 1000:6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
