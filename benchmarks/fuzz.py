"""Fuzz filinglint: generated and mutated filings through the whole check, in processes.

Run by hand (never in the test suite)::

    python benchmarks/fuzz.py --count 1000000 --jobs 2 [--seed 1] [--crashes fuzz-crashes]
                              [--timeout 20] [--minutes 0]

Input ``i`` of a run seeded ``S`` comes from ``random.Random(f"{S}:{i}")`` alone
(``tests/fuzzing.py``): arbitrary filing-like text and HTML, and structured mutations of the
real filings in ``../shared`` and of the repository's case files (lines deleted, swapped
and repeated, truncation at any byte, box marks, amounts, dates, tags and entities put in,
bytes flipped, re-encoded as UTF-16 / Windows-1252 / with a BOM, other line ends; the
real filings weigh as much as all the case files together). Each
is checked with every rule; a crash is an exception, an internal error (FL900), a span or
related place outside the input or ending before it starts, a fix edit outside the input,
or a check that takes longer than ``--timeout`` seconds. Each crash is saved in the crash
folder as ``<seed>-<i>.bin`` (the input) and ``<seed>-<i>.txt`` (what went wrong; the
input is re-made by ``--replay S:i``). Every 1000th input is checked twice to catch
non-deterministic output. ``--minutes`` stops the run after that long (0: no limit) and the
summary says how many inputs were checked, at what rate, and the time 10⁶ would take.
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import fuzzing

_BASES: list[bytes] = []


class _Timeout(BaseException):
    """Not an Exception: the engine turns those into internal errors (FL900)."""


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _start(timeout: int) -> None:
    """Worker set-up: the bases read once, the engine built once, an alarm per input."""
    global _TIMEOUT
    _TIMEOUT = timeout
    real = [path.read_bytes() for path in fuzzing.corpus_files()]
    cases = [path.read_bytes() for path in fuzzing.case_files()]
    # The real filings, far fewer than the case files, weigh as much as all of them.
    _BASES.extend(cases)
    _BASES.extend(real * max(len(cases) // max(len(real), 1), 1))
    signal.signal(signal.SIGALRM, _alarm)
    fuzzing.engine()


_TIMEOUT = 20


def _one(job: tuple[int, int]) -> tuple[int, str, bytes, list[str]]:
    seed, number = job
    name, data = fuzzing.make_input(fuzzing.seeded(seed, number), _BASES)
    signal.alarm(_TIMEOUT)
    try:
        problems = fuzzing.violations(name, data, twice=number % 1000 == 0)
    except _Timeout:
        problems = [f"took longer than {_TIMEOUT} s"]
    finally:
        signal.alarm(0)
    return number, name, data if problems else b"", problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input number")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--timeout", type=int, default=20, help="seconds per input")
    parser.add_argument("--minutes", type=float, default=0, help="stop after (0: never)")
    parser.add_argument("--replay", help="SEED:I — check that one input and print it")
    options = parser.parse_args(argv)

    if options.replay:
        seed, number = (int(part) for part in options.replay.split(":"))
        _start(options.timeout)
        _, name, data, problems = _one((seed, number))
        data = data or fuzzing.make_input(fuzzing.seeded(seed, number), _BASES)[1]
        print(f"{name}: {len(data)} bytes; problems: {problems or 'none'}")
        return 1 if problems else 0

    options.crashes.mkdir(parents=True, exist_ok=True)
    jobs = ((options.seed, n) for n in range(options.start, options.start + options.count))
    deadline = time.monotonic() + options.minutes * 60 if options.minutes else None
    began = time.monotonic()
    done = crashes = 0
    with multiprocessing.Pool(options.jobs, _start, (options.timeout,)) as pool:
        for number, name, data, problems in pool.imap_unordered(_one, jobs, chunksize=16):
            done += 1
            if problems:
                crashes += 1
                stem = options.crashes / f"{options.seed}-{number}"
                stem.with_suffix(".bin").write_bytes(data)
                stem.with_suffix(".txt").write_text(
                    f"replay: python benchmarks/fuzz.py --replay {options.seed}:{number}\n"
                    f"name: {name}\n" + "\n".join(problems) + "\n",
                    encoding="utf-8",
                )
                print(f"CRASH {options.seed}:{number} {name}: {problems[0]}", flush=True)
            if done % 1000 == 0:
                elapsed = time.monotonic() - began
                print(f"{done} inputs, {done / elapsed:.1f}/s, {crashes} crashes", flush=True)
            if deadline is not None and time.monotonic() > deadline:
                pool.terminate()
                break
    elapsed = time.monotonic() - began
    rate = done / elapsed if elapsed else 0.0
    print(
        f"checked {done} inputs in {elapsed:.0f} s ({rate:.1f}/s with {options.jobs} jobs), "
        f"{crashes} crashes; 10^6 inputs would take {1e6 / rate / 3600:.1f} h at this rate"
        if rate
        else f"checked {done} inputs, {crashes} crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
