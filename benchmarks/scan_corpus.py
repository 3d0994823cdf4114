"""Benchmark: `filinglint scan` over a generated corpus, local pool vs a Dask LocalCluster.

Run by hand (CPU-heavy, never as a test):  python benchmarks/scan_corpus.py [--files 2000]

The corpus: the project's fictional filings (examples/, tests/data/, the rule cases'
.txt/.htm files) copied with variations — each copy's dollar amounts are scaled and its
company names suffixed, so fees, findings and facts differ from copy to copy — plus
every real file of ../shared/corpus and ../shared/fixtures/seed once. The same corpus
is scanned three times into fresh folders: the local process pool with 1 worker, with
2 workers, and a 2-worker Dask LocalCluster (processes, loopback only, no dashboard).
Each figure is the scan's own wall time, start-up of the pool or cluster included.

The closing note projects the time for the ~35,000 Schedule TO filings on EDGAR and for
all of EDGAR (~20 million documents) on N workers, from the measured per-worker rate,
both per file and per byte (EDGAR's filings are larger than most fictional ones).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from filinglint.scan.run import ScanRequest, run  # noqa: E402
from filinglint.scan.task import TaskOptions  # noqa: E402

_AMOUNT = re.compile(r"\$(\d{1,3}(?:,\d{3})+)(?!\.\d)")
SCHEDULE_TO_FILINGS = 35_000
EDGAR_DOCUMENTS = 20_000_000
#: The real Schedule TO submission in ../shared (SC TO-T/A, 0001104659-25-002604).
SC_TO_BYTES = 130_411


def fictional_sources() -> list[Path]:
    found = [*sorted((ROOT / "examples").glob("*.txt")), *sorted((ROOT / "tests/data").glob("*"))]
    cases = ROOT / "tests" / "rules" / "cases"
    found += sorted(p for p in cases.rglob("*") if p.suffix in (".txt", ".htm", ".html"))
    return [p for p in found if p.is_file()]


def real_sources() -> list[Path]:
    folders = [SHARED / "corpus", SHARED / "fixtures" / "seed"]
    return [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.iterdir())
        if p.suffix.lower() in (".txt", ".htm", ".html", ".nc")
    ]


def vary(text: str, copy: int) -> str:
    """A variation of a fictional filing: amounts scaled by (1 + copy/100), names suffixed."""
    if copy == 0:
        return text
    factor = 100 + copy

    def scaled(match: re.Match) -> str:
        value = int(match.group(1).replace(",", "")) * factor // 100
        return f"${value:,}"

    text = _AMOUNT.sub(scaled, text)
    return text.replace(", Inc.", f" {copy}, Inc.").replace(", Inc", f" {copy}, Inc")


def generate(folder: Path, files: int) -> tuple[int, int]:
    """Write the corpus into ``folder``; (files written, bytes)."""
    real = real_sources()
    for path in real:
        shutil.copy(path, folder / f"real-{path.name}")
    fictional = fictional_sources()
    wanted = max(0, files - len(real))
    written = len(real)
    texts = {p: p.read_text(encoding="utf-8", errors="surrogateescape") for p in fictional}
    for number in range(wanted):
        source = fictional[number % len(fictional)]
        copy = number // len(fictional)
        target = folder / f"{number:05d}-{source.parent.name}-{source.name}"
        target.write_text(vary(texts[source], copy), encoding="utf-8", errors="surrogateescape")
        written += 1
    size = sum(p.stat().st_size for p in folder.iterdir())
    return written, size


def measure(label: str, files: list[str], out: Path, **request) -> tuple[float, float]:
    """(files/s over the whole scan, files/s once the workers are up)."""
    started = time.perf_counter()
    summary = run(
        ScanRequest(
            files=files,
            out=str(out),
            batch_size=32,
            options=TaskOptions(isolated=True, timeout=60),
            progress="off",
            **request,
        )
    )
    seconds = time.perf_counter() - started
    rate = len(files) / seconds
    working = len(files) / (seconds - summary.startup)
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items()))
    print(
        f"{label:30s} {seconds:6.1f} s {rate:7.1f} files/s; workers up: "
        f"{seconds - summary.startup:6.1f} s {working:7.1f} files/s"
        f"  ({summary.documents} documents, {summary.findings} findings; {statuses})",
        flush=True,
    )
    return rate, working


def hours(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="*", default=[8, 32, 128])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="filinglint-scan-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        corpus.mkdir()
        count, size = generate(corpus, args.files)
        files = sorted(str(p) for p in corpus.iterdir())
        print(
            f"corpus: {count} files, {size / 1e6:.1f} MB ({len(real_sources())} real ones from"
            f" ../shared), mean {size / count / 1e3:.1f} kB; {os.cpu_count()} cores"
        )
        one, _ = measure("local pool, 1 worker", files, work / "one", workers=1)
        two, two_up = measure("local pool, 2 workers", files, work / "two", workers=2)
        dask, dask_up = measure(
            "dask LocalCluster, 2 workers", files, work / "dask", workers=2, dask="local"
        )
        for what, ratio in (("whole scan", dask / two), ("workers up", dask_up / two_up)):
            verdict = "within" if ratio >= 0.85 else "NOT within"
            print(f"dask / local pool at 2 workers, {what}: {ratio:.2f} ({verdict} 15%)")
        per_worker = one  # files/s of one worker; the pool adds workers, each as fast
        bytes_per_s = size / count * one
        print(
            f"\nper worker: {per_worker:.1f} files/s, {bytes_per_s / 1e6:.2f} MB/s of input"
            f" (2 workers on 2 cores gave {two / one:.2f}x)"
        )
        for workers in args.workers:
            files_rate = per_worker * workers
            bytes_rate = bytes_per_s * workers
            to_files = SCHEDULE_TO_FILINGS / files_rate
            to_bytes = SCHEDULE_TO_FILINGS * SC_TO_BYTES / bytes_rate
            edgar = EDGAR_DOCUMENTS / files_rate
            print(
                f"N={workers:4d}: 35,000 Schedule TO = 35,000 / ({per_worker:.1f} x {workers})"
                f" = {hours(to_files)} at this corpus's file size; at {SC_TO_BYTES / 1e3:.0f} kB"
                f" per submission 35,000 x {SC_TO_BYTES / 1e3:.0f} kB / ({bytes_per_s / 1e6:.2f}"
                f" MB/s x {workers}) = {hours(to_bytes)}; EDGAR 20 M documents ="
                f" 20,000,000 / ({per_worker:.1f} x {workers}) = {hours(edgar)}"
            )


if __name__ == "__main__":
    main()
