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
import resource
import shutil
import statistics
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
BATCH = int(os.environ.get("SCAN_BENCH_BATCH", "64"))


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


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's or the
    cluster's workers, reaped when it closes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(label: str, files: list[str], out: Path, **request) -> tuple[float, float]:
    """(files/s over the whole scan, CPU seconds it took in all processes)."""
    cpu = _cpu()
    started = time.perf_counter()
    summary = run(
        ScanRequest(
            files=files,
            out=str(out),
            batch_size=BATCH,
            options=TaskOptions(isolated=True, timeout=60),
            progress="off",
            **request,
        )
    )
    seconds = time.perf_counter() - started
    cpu = _cpu() - cpu
    rate = len(files) / seconds
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(summary.statuses.items()))
    print(
        f"{label:30s} {seconds:6.1f} s {rate:7.1f} files/s"
        f"  (workers up: {rate_up(summary, files):7.1f} files/s; CPU {cpu:5.1f} s)"
        f"  {summary.documents} documents, {summary.findings} findings; {statuses}",
        flush=True,
    )
    return rate, cpu


def rate_up(summary, files) -> float:
    return len(files) / max(1e-9, summary.seconds - summary.startup)


def real_schedule_to() -> tuple[float, int] | None:
    """CPU seconds per check of the real SC TO-T/A submission (median of 7: CPU time, so
    the other programs on a shared machine do not count), and its documents."""
    from filinglint.scan.task import scan_file

    path = SHARED / "corpus" / "sc-to-t-a-0001104659-25-002604.txt"
    if not path.exists():
        return None
    options = TaskOptions(isolated=True, timeout=None)
    rows, _ = scan_file(str(path), options)  # warm-up: imports, engine
    times = []
    for _ in range(7):
        started = time.process_time()
        rows, _ = scan_file(str(path), options)
        times.append(time.process_time() - started)
    return statistics.median(times), len(rows)


def hours(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="*", default=[2, 8, 32, 128])
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="filinglint-scan-bench-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        corpus.mkdir()
        count, size = generate(corpus, args.files)
        files = sorted(str(p) for p in corpus.iterdir())
        print(
            f"corpus: {count} files, {size / 1e6:.1f} MB ({len(real_sources())} real ones from"
            f" ../shared), mean {size / count / 1e3:.1f} kB; {os.cpu_count()} cores, load"
            f" average {load:.1f} before the run; batches of {BATCH}"
        )
        _, one_cpu = measure("local pool, 1 worker", files, work / "one", workers=1)
        two, two_cpu = measure("local pool, 2 workers", files, work / "two", workers=2)
        dask, dask_cpu = measure(
            "dask LocalCluster, 2 workers", files, work / "dask", workers=2, dask="local"
        )
        ratio = dask / two
        verdict = "within" if ratio >= 0.85 else "NOT within"
        print(
            f"dask / local pool at 2 workers: {ratio:.2f} files/s ({verdict} 15%);"
            f" CPU {dask_cpu / two_cpu:.2f}x the pool's"
        )
        # A dedicated core does files / CPU-seconds: the load of other programs on this
        # shared machine stretches wall time, not CPU time.
        per_core = count / one_cpu
        print(
            f"\nper dedicated core: {count} files / {one_cpu:.1f} CPU s = {per_core:.0f} files/s"
            f" of this corpus (mean {size / count / 1e3:.1f} kB)"
        )
        real = real_schedule_to()
        if real is not None:
            seconds, documents = real
            print(
                f"the real SC TO-T/A submission in ../shared ({SC_TO_BYTES / 1e3:.0f} kB,"
                f" {documents} documents): {seconds * 1000:.0f} ms a check, one core"
                f" = {seconds / documents * 1000:.1f} ms a document"
            )
        for workers in args.workers:
            line = f"N={workers:3d}:"
            if real is not None:
                to = SCHEDULE_TO_FILINGS * seconds / workers
                edgar = EDGAR_DOCUMENTS * seconds / documents / workers
                line += (
                    f" 35,000 Schedule TO x {seconds * 1000:.0f} ms / {workers} = {hours(to)};"
                    f" EDGAR 20,000,000 documents x {seconds / documents * 1000:.1f} ms"
                    f" / {workers} = {hours(edgar)}"
                )
            else:
                to = SCHEDULE_TO_FILINGS / (per_core * workers)
                edgar = EDGAR_DOCUMENTS / (per_core * workers)
                line += (
                    f" 35,000 / ({per_core:.0f} x {workers}) = {hours(to)};"
                    f" 20,000,000 / ({per_core:.0f} x {workers}) = {hours(edgar)}"
                )
            print(line)


if __name__ == "__main__":
    main()
