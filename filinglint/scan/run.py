"""Drive a scan: plan the batches, run them on a process pool or Dask, commit each part.

The driver alone writes the output folder, so a remote Dask cluster only needs to read
the inputs: a task returns its rows, and the driver writes the batch's parts and then
its line in ``done.jsonl`` (see ``tables.py``). ``--resume`` reads the plan back and
runs only the batches without a line; since a batch's rows depend only on its files,
a resumed scan ends with the same rows as an uninterrupted one.

A batch whose task fails as a whole (its worker process died, or the pool broke
under it) is not lost: when nothing else is running its files are run again one at a
time, so a file that kills its worker is found and gets a ``worker-died`` row.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from filinglint.scan.task import TaskOptions, failed_row, scan_batch_packed

PLAN = "scan.json"
DONE = "done.jsonl"
PLAN_VERSION = 1


class ScanError(Exception):
    """A scan that cannot start (a folder holding another scan, a changed plan)."""


@dataclass
class Summary:
    """What a finished scan holds, over all its batches (resumed ones included)."""

    files: int = 0
    documents: int = 0
    findings: int = 0
    statuses: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    startup: float = 0.0  # starting the pool or the Dask cluster, and stopping it
    batches_run: int = 0
    batches_skipped: int = 0

    def add(self, record: dict) -> None:
        self.files += record["files"]
        self.documents += record["documents"]
        self.findings += record["findings"]
        self.statuses.update(record["statuses"])
        self.rules.update(record["rules"])

    def text(self) -> str:
        lines = [
            f"Scanned {self.files} files ({self.documents} documents) in {self.seconds:.1f} s"
            + (f" ({self.files / self.seconds:.1f} files/s)" if self.seconds > 0 else "")
            + f": {self.findings} findings"
            + f" (workers started and stopped in {self.startup:.1f} s).",
        ]
        if self.batches_skipped:
            lines.append(
                f"Resumed: {self.batches_skipped} batches were already done,"
                f" {self.batches_run} run now (the counts cover all of them)."
            )
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        lines.append(f"Files by status: {statuses or 'none'}.")
        problems = sum(n for s, n in self.statuses.items() if s not in ("ok",))
        lines.append(f"Crashes, time-outs and unreadable files: {problems}.")
        if self.rules:
            lines.append("Findings by rule:")
            for rule, count in sorted(self.rules.items(), key=lambda item: (-item[1], item[0])):
                lines.append(f"  {count:8d}  {rule}")
        return "\n".join(lines)


@dataclass
class ScanRequest:
    files: list[str]
    out: str
    fmt: str = "parquet"
    workers: int | None = None
    dask: str | None = None
    batch_size: int = 64
    resume: bool = False
    options: TaskOptions = field(default_factory=TaskOptions)
    progress: str = "auto"  # auto, bar, lines, off
    progress_interval: float = 10.0


def run(request: ScanRequest, stream=None) -> Summary:
    """Run (or resume) a scan and return its summary."""
    stream = stream if stream is not None else sys.stderr
    started = time.perf_counter()
    batches = _plan(request)
    done = _finished(request.out)
    pending = [(i, paths) for i, paths in enumerate(batches) if i not in done]
    summary = Summary(batches_skipped=len(batches) - len(pending))
    for record in done.values():
        summary.add(record)
    total_files = sum(len(b) for b in batches)
    progress = _progress(request, stream, total_files, summary)
    begun = time.perf_counter()
    executor = _executor(request)
    summary.startup = time.perf_counter() - begun
    try:
        for index, rows in _execute(executor, pending, request.options):
            record = _commit(request, index, rows)
            summary.add(record)
            summary.batches_run += 1
            progress.update(summary)
    finally:
        closing = time.perf_counter()
        executor.close()
        summary.startup += time.perf_counter() - closing
        progress.close()
    summary.seconds = time.perf_counter() - started
    return summary


# --- plan and commit log -------------------------------------------------------------


def _plan(request: ScanRequest) -> list[list[str]]:
    """The batches of this scan: made and saved anew, or read back with ``--resume``."""
    os.makedirs(request.out, exist_ok=True)
    path = os.path.join(request.out, PLAN)
    digest = hashlib.sha256("\n".join(request.files).encode()).hexdigest()
    if os.path.exists(path):
        if not request.resume:
            raise ScanError(
                f"{request.out} already holds a scan: pass --resume to finish it,"
                " or choose an empty folder"
            )
        with open(path, encoding="utf-8") as handle:
            plan = json.load(handle)
        if request.files and plan["files_sha256"] != digest:
            raise ScanError(f"{request.out} holds a scan of other files: the inputs differ")
        if plan["format"] != request.fmt:
            raise ScanError(f"{request.out} holds a scan written as {plan['format']}")
        return plan["batches"]
    if not request.files:
        raise ScanError("no file to scan")
    size = max(1, request.batch_size)
    batches = [request.files[i : i + size] for i in range(0, len(request.files), size)]
    plan = {
        "version": PLAN_VERSION,
        "format": request.fmt,
        "files": len(request.files),
        "files_sha256": digest,
        "batch_size": size,
        "batches": batches,
    }
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(plan, handle)
    os.replace(temporary, path)
    return batches


def _finished(out: str) -> dict[int, dict]:
    """The batches ``done.jsonl`` records (a torn last line, from a kill, is ignored)."""
    path = os.path.join(out, DONE)
    found: dict[int, dict] = {}
    if not os.path.exists(path):
        return found
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            found[record["batch"]] = record
    return found


def _commit(request: ScanRequest, index: int, rows: dict[str, list[dict]]) -> dict:
    from filinglint.scan.tables import write_part

    filings, diagnostics = rows["filings"], rows["diagnostics"]
    write_part(request.out, "diagnostics", index, diagnostics, request.fmt)
    write_part(request.out, "filings", index, filings, request.fmt)
    statuses = Counter(r["status"] for r in filings if r.get("document", 1) == 1)
    record = {
        "batch": index,
        "files": len({r["path"] for r in filings}),
        "documents": len(filings),
        "findings": len(diagnostics),
        "statuses": dict(statuses),
        "rules": dict(Counter(f"{d['code']} {d['rule']}" for d in diagnostics)),
    }
    with open(os.path.join(request.out, DONE), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return record


# --- executors -----------------------------------------------------------------------


class _LocalPool:
    """A process pool (fork on Linux: workers start with the modules already imported)."""

    queue_depth = 2  # batches in flight per worker

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool = self._new()

    def _new(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        context = multiprocessing.get_context(method)
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context)

    def submit(self, fn: Callable, *args):
        return self.pool.submit(fn, *args)

    def wait(self, futures):
        from concurrent.futures import FIRST_COMPLETED, wait

        return wait(futures, return_when=FIRST_COMPLETED)[0]

    def failed(self, exc: BaseException) -> None:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """dask.distributed: a scheduler's address, or ``local`` for a LocalCluster here."""

    queue_depth = 4  # more in flight than the pool: a task's round trip is longer

    def __init__(self, address: str, workers: int) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if address == "local":
            import multiprocessing

            import dask

            # Fork, as the local pool does: workers start with filinglint imported
            # (spawn re-imports everything in each worker: seconds on 2 cores).
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            local = {
                "distributed.worker.multiprocessing-method": method,
                # the statistical profiler samples every 10 ms: CPU a scan needs
                "distributed.worker.profile.enabled": False,
                # Housekeeping every few ms in each process (event-loop tick watch,
                # system and memory monitors) is CPU the scan needs when every core
                # already runs a worker: measured, 20-26% more CPU than the local pool.
                "distributed.admin.tick.interval": "1s",
                "distributed.admin.system-monitor.interval": "5s",
                "distributed.worker.memory.monitor-interval": "1s",
                # Batches are alike: stealing only moves work that is about to run.
                "distributed.scheduler.work-stealing": False,
            }
            with dask.config.set(local):
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",  # loopback only
                    dashboard_address=None,  # no dashboard, no HTTP server
                    silence_logs=40,  # logging.ERROR
                )
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def submit(self, fn: Callable, *args):
        return self.client.submit(fn, *args, pure=False)

    def wait(self, futures):
        from distributed import wait

        return wait(list(futures), return_when="FIRST_COMPLETED").done

    def failed(self, exc: BaseException) -> None:
        return None  # the scheduler replaces a dead worker itself

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _executor(request: ScanRequest):
    from filinglint.linter.registry import all_rules

    all_rules()  # import every rule once here, so forked workers start with them loaded
    workers = request.workers or os.cpu_count() or 1
    if request.dask:
        return _Dask(request.dask, workers)
    return _LocalPool(workers)


def _execute(executor, pending: Sequence[tuple[int, list[str]]], options: TaskOptions):
    """Yield ``(batch, rows)`` as batches finish, a few per worker in flight at a time."""
    queue = list(reversed(pending))
    in_flight: dict = {}
    limit = max(2, executor.queue_depth * executor.workers)
    suspects: list[tuple[int, list[str]]] = []
    while queue or in_flight:
        while queue and len(in_flight) < limit and not suspects:  # drain before isolating
            index, paths = queue.pop()
            in_flight[executor.submit(scan_batch_packed, paths, options)] = (index, paths)
        for future in executor.wait(in_flight):
            index, paths = in_flight.pop(future)
            try:
                rows = pickle.loads(future.result())
            except Exception as exc:
                executor.failed(exc)
                suspects.append((index, paths))
                continue
            yield index, rows
        if suspects and not in_flight:
            for index, paths in suspects:
                yield index, _isolate(executor, paths, options)
            suspects = []


def _isolate(executor, paths: list[str], options: TaskOptions) -> dict[str, list[dict]]:
    """Run a failed batch's files one at a time, alone, so a dying file is named."""
    merged: dict[str, list[dict]] = {"filings": [], "diagnostics": []}
    for path in paths:
        future = executor.submit(scan_batch_packed, [path], options)
        try:
            rows = pickle.loads(future.result())
        except Exception as exc:
            executor.failed(exc)
            rows = {
                "filings": [failed_row(path, "worker-died", f"{type(exc).__name__}: {exc}", None)],
                "diagnostics": [],
            }
        merged["filings"].extend(rows["filings"])
        merged["diagnostics"].extend(rows["diagnostics"])
    return merged


# --- progress ------------------------------------------------------------------------


def _progress(request: ScanRequest, stream, total: int, summary: Summary):
    from filinglint.scan.progress import Progress

    mode = request.progress
    if mode == "auto":
        mode = "bar" if hasattr(stream, "isatty") and stream.isatty() else "lines"
    return Progress(stream, mode, total, summary.files, request.progress_interval)
