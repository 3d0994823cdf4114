"""Checking many files: in this process or in worker processes, cached, within bounds.

``check_all`` turns a list of ``Task``s into ``Outcome``s in the order of the tasks,
whatever the number of jobs, so the report of a run never depends on ``--jobs``. With
one job everything happens in this process, file by file. With more, this process reads
every file and looks its findings up in the result cache (cheap: a hash and a small
JSON file), then sends only the files still to check, text and settings, to a pool of
at most ``jobs`` worker processes (none when nothing is left to check); each worker
builds its engines once and sends back findings, which this process stores in the cache.
A warm run therefore starts no process at all, and the text a worker checks is exactly
the text whose hash keys its findings. On Ctrl-C the workers are terminated rather than
left to finish the files they hold.

Bounds: a file larger than ``--max-file-size`` is not read (an input error, like an
unreadable file: it was not checked, so the run cannot pass). A file whose check
outlasts ``--timeout`` is stopped by a timer signal in the process that checks it and
becomes one FL901 finding; the run goes on. The timer needs ``SIGALRM`` and the main
thread; elsewhere (Windows, a thread) there is no time budget.

Garbage collection: a check allocates millions of small objects that live until the
file is done, so the cyclic collector, left at its defaults, rescans an ever larger
heap and time per megabyte grows with the file. ``tune_gc`` moves everything imported
so far out of the collector's sight (``gc.freeze``; forked workers share those pages
untouched), makes young collections rarer and full ones all but absent within a file.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filinglint.linter.config import Settings
    from filinglint.linter.diagnostics import Diagnostic
    from filinglint.linter.engine import Engine
    from filinglint.linter.source import Source

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_FILE_SIZE = 200 * 1024 * 1024
# Young collections every 100,000 allocations (not 700: a scan every few lines of a
# filing); full collections all but never within a file (measured: time per MB of text
# grows ~13% from 1 to 8 MB at the defaults, ~6% with these; peak memory unchanged).
GC_THRESHOLD = (100_000, 50, 100)
TIMEOUT_RULE = "check-timeout"


@dataclass(frozen=True)
class Limits:
    """The bounds of a run; None or 0 switches a bound off."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True)
class Task:
    """One input: the path to open (``-`` for stdin), its settings, its report name."""

    index: int
    path: str
    settings: Settings
    display: str | None = None  # --stdin-filename


@dataclass
class Outcome:
    """What checking one task gave: findings and text, or an input error."""

    index: int
    source: Source | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    cached: bool = False
    timed_out: bool = False
    pending: bool = False  # read, not found in the cache, not checked yet


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def tune_gc() -> None:
    """Freeze what is loaded and collect young objects less often (see the module doc).

    No collection first: at start-up there is next to no garbage, and a full collection
    of everything imported would cost more start-up time than it could save.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@contextmanager
def tuned_gc():
    """``tune_gc`` for the length of a run, undone after it (``main`` may be called again)."""
    thresholds = gc.get_threshold()
    tune_gc()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def settings_key(settings: Settings) -> str:
    """Settings equal for the engine: ``Settings`` equality ignores rule options."""
    return repr(settings)


class Checker:
    """One process's engines (one per distinct settings), result cache and bounds."""

    def __init__(self, limits: Limits, use_cache: bool) -> None:
        self.limits = limits
        self.cache = None
        if use_cache:
            from filinglint.linter.cache import ResultCache

            self.cache = ResultCache.open()
        self._engines: dict[str, tuple[Engine, str]] = {}

    def engine(self, settings: Settings) -> Engine:
        return self._engine(settings)[0]

    def _engine(self, settings: Settings) -> tuple[Engine, str]:
        key = settings_key(settings)
        found = self._engines.get(key)
        if found is None:
            from filinglint.linter.cache import engine_fingerprint
            from filinglint.linter.engine import Engine

            engine = Engine.from_settings(settings)
            found = self._engines[key] = (engine, engine_fingerprint(engine, settings))
        return found

    def check(self, task: Task) -> Outcome:
        """Read, look up, check and store one file; never raises for a file's sake."""
        outcome, key = self.prepare(task)
        if outcome.pending:
            assert outcome.source is not None
            found, timed_out = self.run(task.settings, outcome.source)
            self.record(outcome, key, found, timed_out)
        return outcome

    def prepare(self, task: Task) -> tuple[Outcome, str | None]:
        """Read the file and look its findings up: the outcome is finished (an input error,
        a cache hit) or ``pending`` (to be checked), with the cache key to store under."""
        from filinglint.linter.source import InputError, read_path

        outcome = Outcome(task.index)
        too_large = self._too_large(task.path)
        if too_large:
            outcome.error = too_large
            return outcome, None
        try:
            source = read_path(task.path)
        except InputError as exc:
            outcome.error = str(exc)
            return outcome, None
        if task.display:
            source.path = task.display
        if task.path == "-":
            limit = self.limits.max_file_size
            if limit and len(source.text) > limit:
                outcome.error = f"{source.path}: {_too_large_message(len(source.text), limit)}"
                return outcome, None
        outcome.source = source
        key = None
        if self.cache is not None:
            from filinglint.linter.cache import result_key

            key = result_key(self._engine(task.settings)[1], task.settings, source)
            cached = self.cache.load(key)
            if cached is not None:
                outcome.diagnostics = cached
                outcome.cached = True
                return outcome, key
        outcome.pending = True
        return outcome, key

    def run(self, settings: Settings, source: Source) -> tuple[list[Diagnostic], bool]:
        """The findings of one file within the time budget, and whether it ran out."""
        engine = self.engine(settings)
        try:
            with _time_budget(self.limits.timeout):
                return engine.check(source), False
        except _Timeout:
            return [self._timeout_diagnostic(engine, source)], True

    def record(
        self, outcome: Outcome, key: str | None, found: list[Diagnostic], timed_out: bool
    ) -> None:
        """Complete a pending outcome; store its findings unless the check was cut short."""
        outcome.diagnostics = found
        outcome.timed_out = timed_out
        outcome.pending = False
        if key is not None and self.cache is not None and not timed_out:
            self.cache.store(key, found)

    def _too_large(self, path: str) -> str | None:
        limit = self.limits.max_file_size
        if not limit or path == "-":
            return None
        try:
            size = os.stat(path).st_size
        except OSError:
            return None  # read_path says why in its own words
        return f"{path}: {_too_large_message(size, limit)}" if size > limit else None

    def _timeout_diagnostic(self, engine: Engine, source: Source) -> Diagnostic:
        from filinglint.linter.diagnostics import Diagnostic
        from filinglint.linter.registry import find_rule

        rule = find_rule(TIMEOUT_RULE)
        assert rule is not None
        seconds = f"{self.limits.timeout:g}"
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=engine.severity.get(rule.code, rule.severity),  # type: ignore[arg-type]
            message=(
                f"not checked: stopped after the {seconds} s time budget (--timeout);"
                " no finding of this file is reported"
            ),
            path=source.path,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
        )


def _too_large_message(size: int, limit: int) -> str:
    return (
        f"file is {_mebibytes(size)}, above the --max-file-size limit of {_mebibytes(limit)};"
        " not checked"
    )


def _mebibytes(size: int) -> str:
    return f"{size / 1048576:.1f} MiB"


# --- running tasks ---------------------------------------------------------------------


def check_all(tasks: list[Task], jobs: int, checker: Checker) -> Iterator[Outcome]:
    """Outcomes in task order. With more than one job, this process reads each file and
    looks it up in the cache; from the second file still to check on, a pool of workers
    starts and each such file goes to it (text and settings) while the rest is read; the
    findings that come back are stored here. One file or none to check: no pool."""
    if jobs <= 1:
        for task in tasks:
            yield checker.check(task)
        return
    pool = None
    futures: dict = {}
    prepared: list[tuple[Outcome, str | None]] = []
    finished = False
    try:
        for position, task in enumerate(tasks):
            outcome, key = checker.prepare(task)
            prepared.append((outcome, key))
            if not outcome.pending:
                continue
            if pool is None:
                waiting = [o for o, _ in prepared if o.pending]
                if len(waiting) < 2:
                    continue
                workers = min(jobs, len(waiting) + len(tasks) - position - 1)
                pool = _start_pool(checker, task.settings, workers)
            else:
                waiting = [outcome]
            for item in waiting:
                futures[item.index] = pool.submit(_work, tasks[item.index].settings, item.source)
        for outcome, key in prepared:
            if outcome.pending:
                _complete(outcome, key, tasks[outcome.index], checker, futures)
            yield outcome
        finished = True
    finally:
        if pool is not None:
            if not finished:  # interrupted (Ctrl-C, an error in the caller): stop the workers
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            pool.shutdown(wait=finished, cancel_futures=not finished)


def _start_pool(checker: Checker, settings: Settings, workers: int):
    from concurrent.futures import ProcessPoolExecutor

    _warm_up(checker, settings)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_process_context(),
        initializer=_start_worker,
        initargs=(checker.limits,),
    )


def _complete(outcome: Outcome, key: str | None, task: Task, checker: Checker, futures) -> None:
    """The findings of a pending outcome: from its worker, or checked here (no pool)."""
    future = futures.get(outcome.index)
    if future is None:
        assert outcome.source is not None
        checker.record(outcome, key, *checker.run(task.settings, outcome.source))
        return
    from concurrent.futures.process import BrokenProcessPool  # only with a pool (10 ms)

    try:
        found, timed_out = future.result()
    except BrokenProcessPool:
        outcome.error = f"{task.path}: not checked: a worker process ended unexpectedly"
        outcome.pending = False
        outcome.source = None
        return
    checker.record(outcome, key, found, timed_out)


_WARM_UP = (
    ("warm-up.txt", "SCHEDULE TO\n[X] third-party tender offer\nItem 12. Exhibits.\n"),
    ("warm-up.htm", "<html><body><p>SCHEDULE TO</p><table><tr><td>x</td></tr></table>"),
)


def _warm_up(checker: Checker, settings: Settings) -> None:
    """Check two tiny documents here before forking, so every worker starts with what a
    check imports and the parser loaded (~50 ms each otherwise), then freeze it all."""
    from filinglint.linter.source import Source

    for path, text in _WARM_UP:
        checker.run(settings, Source(path=path, text=text))
    gc.freeze()


def _process_context():
    """Fork where it is safe and cheap (Linux): workers start with everything imported."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_worker: Checker | None = None


def _start_worker(limits: Limits) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker = Checker(limits, use_cache=False)  # the main process reads and writes the cache
    tune_gc()


def _work(settings: Settings, source: Source) -> tuple[list[Diagnostic], bool]:
    assert _worker is not None
    return _worker.run(settings, source)


# --- the time budget -------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised by the timer inside a check; a BaseException so no rule's handler eats it."""


_armed = False


def _expire(signum, frame) -> None:
    if _armed:
        raise _Timeout


@contextmanager
def _time_budget(seconds: float | None):
    """Raise ``_Timeout`` in the body after ``seconds`` (where a timer signal exists)."""
    global _armed
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    if previous is None:  # a handler installed outside Python cannot be restored
        previous = signal.SIG_DFL
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        _armed = False  # a signal already on its way is ignored from here on
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
