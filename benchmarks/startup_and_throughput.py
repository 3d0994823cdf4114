"""Benchmark: cold start of `filinglint check` vs importing lark + pydantic, and throughput.

Run by hand (never as a timed test):  python benchmarks/startup_and_throughput.py

* Cold start: median wall time of N fresh processes running `filinglint check` on the
  seed filing (or the bundled example where ../shared is absent), against the baseline
  `python -c "import lark; from pydantic import BaseModel"`. The ratio is the figure
  that matters for a pre-commit hook (target <= 1.3x).
* Byte code: ``pip install`` compiles a package's modules; an editable checkout may run
  with ``PYTHONDONTWRITEBYTECODE=1`` and recompile every module on every start (~40 ms),
  so the package is byte-compiled first, as an installed copy would be.
* Throughput: MB/s of one in-process check of a ~10 MB file made by repeating the
  filing's text, measured after a warm-up so it reflects steady state.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "fixtures" / "seed" / "schedule-to-a-rare-medium-2003-04-16.txt"
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
BASELINE_CODE = "import lark; from pydantic import BaseModel"


def median_wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(filing: Path, megabytes: float) -> tuple[float, float, int]:
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import all_rules
    from filinglint.linter.source import decode

    text = filing.read_text(encoding="utf-8")
    copies = max(1, int(megabytes * 1_000_000 / len(text)))
    big = ("\n".join([text] * copies)).encode("utf-8")
    engine = Engine(list(all_rules()))
    engine.check(decode(text.encode(), "warmup.txt"))
    start = time.perf_counter()
    diagnostics = engine.check(decode(big, "big.txt"))
    elapsed = time.perf_counter() - start
    return len(big) / 1_000_000, elapsed, len(diagnostics)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per command")
    parser.add_argument("--megabytes", type=float, default=10.0)
    args = parser.parse_args()
    filing = SEED if SEED.exists() else EXAMPLE
    import compileall

    import filinglint

    compileall.compile_dir(Path(filinglint.__file__).parent, quiet=1)
    python = sys.executable
    baseline_cmd = [python, "-c", BASELINE_CODE]
    check_cmd = [python, "-m", "filinglint", "check", str(filing)]
    subprocess.run(check_cmd, stdout=subprocess.DEVNULL, check=False)  # fill the parser cache
    baseline = median_wall(baseline_cmd, args.runs)
    cold = median_wall(check_cmd, args.runs)
    size, elapsed, found = throughput(filing, args.megabytes)
    print(f"filing:                 {filing}")
    print(f"baseline import:        {baseline * 1000:7.1f} ms  ({BASELINE_CODE})")
    print(f"filinglint check cold:  {cold * 1000:7.1f} ms  (median of {args.runs} fresh processes)")
    print(f"ratio:                  {cold / baseline:7.2f}x  (target <= 1.30x)")
    print(
        f"throughput:             {size / elapsed:7.2f} MB/s"
        f"  ({size:.1f} MB in {elapsed:.2f} s, {found} findings)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
