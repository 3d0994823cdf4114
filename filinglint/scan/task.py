"""The one task every executor runs: check a batch of files, return their rows.

``scan_batch`` is a plain function of picklable arguments returning plain records, so
the local process pool and dask.distributed run the very same code. Each file is read,
its AST built once (``documents.build_root``), its facts taken from that tree and its
findings from the engine walking the same tree. Nothing a file does ends the batch:

* a file that cannot be read is a row with status ``unreadable``;
* a crash of the parser or a rule is already an ``internal-error`` finding (the engine
  catches it), and the row's status says ``internal-error``;
* any other exception makes the status ``crashed`` with the exception in ``error``;
* a file still running after ``timeout`` seconds is stopped and its status is
  ``timeout``. The stop is an exception raised in the worker thread between two Python
  bytecodes (``PyThreadState_SetAsyncExc``), which works in a pool process's main
  thread and in a Dask worker's task thread alike; one long call into C (a single
  regular-expression search) finishes before it takes effect.

A worker process that dies outright (a segfault, the kernel's OOM killer) cannot report
anything: the driver sees the batch fail and re-runs its files one by one, so only the
file that kills its worker gets the status ``worker-died`` (``run.py``).
"""

from __future__ import annotations

import ctypes
import pickle
import threading
import time
from dataclasses import dataclass
from typing import Any

STATUSES = ("ok", "internal-error", "unreadable", "crashed", "timeout", "worker-died")


@dataclass(frozen=True)
class TaskOptions:
    """What every task needs to know, picklable: configuration and selection as given."""

    config: str | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    timeout: float | None = 60.0


class FileTimeout(BaseException):
    """Raised inside a file's check when its time is up (a BaseException, so no
    ``except Exception`` of a rule or of the engine swallows it)."""


class _Watchdog:
    """One thread per process that stops a file's check when its deadline passes.

    It sleeps until the earliest deadline (a check takes milliseconds and the time-out
    is seconds, so it almost never wakes), rather than polling.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._armed: dict[int, float] = {}  # thread id -> deadline
        self._fired: set[int] = set()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> None:
        with self._condition:
            self._armed[threading.get_ident()] = time.monotonic() + seconds
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._watch, name="filinglint-scan-watchdog", daemon=True
                )
                self._thread.start()
            self._condition.notify()

    def disarm(self) -> bool:
        """Stop watching this thread; True when its time ran out (the exception is
        cleared if it has not been delivered yet)."""
        ident = threading.get_ident()
        with self._condition:
            self._armed.pop(ident, None)
            fired = ident in self._fired
            self._fired.discard(ident)
            if fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)
            return fired

    def _watch(self) -> None:
        with self._condition:
            while True:
                now = time.monotonic()
                waiting = [d for i, d in self._armed.items() if i not in self._fired]
                for ident, deadline in list(self._armed.items()):
                    if now >= deadline and ident not in self._fired:
                        self._fired.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(ident), ctypes.py_object(FileTimeout)
                        )
                pending = [d for d in waiting if d > now]
                self._condition.wait(timeout=min(pending) - now + 0.001 if pending else None)


_WATCHDOG = _Watchdog()
_ENGINES: dict[Any, Any] = {}  # per process: (options, configuration file) -> Engine
_RESOLVERS: dict[Any, Any] = {}


def scan_batch(paths: list[str], options: TaskOptions) -> dict[str, list[dict]]:
    """Check ``paths``; ``{"filings": [...], "diagnostics": [...]}`` records for all of them."""
    filings: list[dict] = []
    diagnostics: list[dict] = []
    for path in paths:
        file_rows, file_findings = scan_file(path, options)
        filings.extend(file_rows)
        diagnostics.extend(file_findings)
    return {"filings": filings, "diagnostics": diagnostics}


def scan_batch_packed(paths: list[str], options: TaskOptions) -> bytes:
    """``scan_batch``'s rows pickled into one bytes object: what the executors run.

    One opaque value travels and is stored for free, where a list of dicts costs
    Dask a recursive size estimate and a per-object serialisation on each hop."""
    return pickle.dumps(scan_batch(paths, options), protocol=pickle.HIGHEST_PROTOCOL)


def scan_file(path: str, options: TaskOptions) -> tuple[list[dict], list[dict]]:
    """One file's document rows and finding rows, whatever happens to it."""
    started = time.perf_counter()
    timed_out = False
    outcome: tuple[list[dict], list[dict]] | None = None
    error: tuple[str, str] | None = None
    try:
        if options.timeout:
            _WATCHDOG.arm(options.timeout)
        try:
            outcome = _check_file(path, options)
        finally:
            if options.timeout:
                timed_out = _WATCHDOG.disarm()
    except FileTimeout:
        timed_out = True
    except Exception as exc:
        error = ("crashed", f"{type(exc).__name__}: {exc}")
    elapsed = round((time.perf_counter() - started) * 1000, 3)
    if timed_out:
        error = ("timeout", f"stopped after {options.timeout:g} s")
        outcome = None
    if outcome is None:
        status, message = error or ("crashed", "no result")
        return [failed_row(path, status, message, elapsed)], []
    rows, findings = outcome
    for row in rows:
        row["elapsed_ms"] = elapsed
    return rows, findings


def failed_row(path: str, status: str, message: str, elapsed: float | None) -> dict:
    """The one row of a file that gave no result."""
    return {"path": path, "status": status, "error": message, "elapsed_ms": elapsed}


def _check_file(path: str, options: TaskOptions) -> tuple[list[dict], list[dict]]:
    from filinglint.linter.documents import build_root
    from filinglint.linter.engine import INTERNAL_ERROR
    from filinglint.linter.source import InputError, read_path
    from filinglint.scan.facts import document_rows, file_header

    engine = _engine(path, options)
    try:
        source = read_path(path)
    except InputError as exc:
        return [failed_row(path, "unreadable", str(exc), None)], []
    try:
        root = build_root(source, engine.form)
    except Exception:
        root = None  # the engine reports the parser's crash as an internal error
    found = engine.check(source, root) if root is not None else engine.check(source)
    status = "internal-error" if any(d.name == INTERNAL_ERROR for d in found) else "ok"
    header = file_header(root, path) if root is not None else {}
    rows = document_rows(root, path) if root is not None else [{"document": 1}]
    size = len(source.text)
    for row in rows:
        row.update(header)
        row["path"] = path
        row["status"] = status
        row["error"] = _first_internal_error(found) if status != "ok" else None
        row["characters"] = size
        row["findings"] = len(found) if row["document"] == 1 else None
    findings = [
        {
            **{key: header.get(key) for key in _CARRIED},
            "path": path,
            "code": d.code,
            "rule": d.name,
            "severity": d.severity,
            "message": d.message,
            "line": d.line,
            "column": d.column,
            "end_line": d.end_line,
            "end_column": d.end_column,
            "fix": d.fix.safety if d.fix is not None else None,
        }
        for d in found
    ]
    return rows, findings


_CARRIED = ("accession", "form", "filed_date", "company", "cik")


def _first_internal_error(found) -> str | None:
    return next((d.message for d in found if d.name == "internal-error"), None)


def _engine(path: str, options: TaskOptions):
    """The engine for ``path``'s configuration, built once per process and configuration."""
    from filinglint.linter.config import ConfigResolver, with_overrides
    from filinglint.linter.engine import Engine

    resolver_key = (options.config, options.isolated)
    resolver = _RESOLVERS.get(resolver_key)
    if resolver is None:
        resolver = _RESOLVERS[resolver_key] = ConfigResolver(options.config, options.isolated)
    base = resolver.for_path(path)
    key = (options, base.path)
    engine = _ENGINES.get(key)
    if engine is None:
        settings = with_overrides(
            base,
            select=options.select,
            ignore=base.ignore + options.ignore if options.ignore else None,
            extend_select=options.extend_select,
        )
        engine = _ENGINES[key] = Engine.from_settings(settings)
    return engine
