"""The case files under ``tests/rules/cases/<CODE>/``: finding, linting and snapshotting them.

A case is a small fictional filing (or submission, or fee exhibit) written for one rule:
``pass-*`` must give no finding of that rule, ``fail-*`` at least one, each the defect the
case plants. Its snapshot ``<case file name>.snap`` holds the findings of the engine with
only that rule selected, one per line as ``LINE:COL: CODE [name] message`` (no path).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.engine import Engine
from filinglint.linter.registry import select_rules
from filinglint.linter.source import read_bytes

CASES = Path(__file__).resolve().parent / "cases"
ROOT = CASES.parents[2]
SNAPSHOT = ".snap"
FIXED = ".fixed"  # the case after its rule's fixes (safe and unsafe), for rules that fix
KINDS = ("pass", "fail")
UPDATE_COMMAND = "FILINGLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/rules"

# Rules that no case can trigger, with the reason. Nothing else may be exempt.
EXEMPT = {
    "FL900": (
        "internal-error reports filinglint itself failing (the parser or a rule raising an"
        " exception); no filing triggers it in a correct filinglint, so no case file can"
    ),
    "FL901": (
        "check-timeout is reported by the run loop when a file outlasts --timeout; the engine"
        " alone, which the cases run, has no time budget (tests/test_bounds.py triggers it)"
    ),
}

# Rule options the cases pin, so that a finding does not change with the day the tests run:
# FFX008 compares offset dates with today, so its cases are checked as on the day their
# fictional fee exhibits are filed (the rule's `today` option).
OPTIONS: dict[str, dict[str, dict]] = {
    "FFX008": {"fee-exhibit-future-offset-date": {"today": "2025-08-11"}},
}


def updating() -> bool:
    """Whether to rewrite snapshots instead of comparing (as tests/test_cli.py does)."""
    return bool(os.environ.get("FILINGLINT_UPDATE_SNAPSHOTS"))


@dataclass(frozen=True)
class Case:
    code: str
    path: Path

    @property
    def kind(self) -> str:
        return self.path.name.partition("-")[0]

    @property
    def snapshot(self) -> Path:
        return self.path.with_name(self.path.name + SNAPSHOT)

    @property
    def fixed(self) -> Path:
        return self.path.with_name(self.path.name + FIXED)

    @property
    def id(self) -> str:
        return f"{self.code}/{self.path.name}"


def case_folders() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def all_cases() -> list[Case]:
    """Every case file (``pass-*``/``fail-*``, not a snapshot), by rule and name."""
    return [
        Case(folder.name, path)
        for folder in case_folders()
        for path in sorted(folder.iterdir())
        if path.is_file()
        and path.name.partition("-")[0] in KINDS
        and not path.name.endswith((SNAPSHOT, FIXED))
    ]


@cache
def _engine(code: str) -> Engine:
    rules = select_rules([code])
    assert [rule.code for rule in rules] == [code], f"{code} does not select exactly one rule"
    return Engine(rules, options=OPTIONS.get(code))


def lint_bytes(code: str, data: bytes, path: str) -> list[Diagnostic]:
    """The findings of the engine with only rule ``code`` selected, as conftest.lint runs it."""
    return _engine(code).check(read_bytes(data, path))


def fix_case(case: Case):
    """The case with every fix of its rule applied (unsafe ones too), and what remains."""
    from filinglint.linter.fixes import fix_file

    path = case.path.relative_to(ROOT).as_posix()
    data = case.path.read_bytes()
    encoding = read_bytes(data, path).encoding
    return fix_file(path, data, encoding, _engine(case.code).check, unsafe=True)


@cache
def lint_case(case: Case) -> tuple[Diagnostic, ...]:
    path = case.path.relative_to(ROOT).as_posix()
    return tuple(lint_bytes(case.code, case.path.read_bytes(), path))


def concise(diagnostic: Diagnostic) -> str:
    d = diagnostic
    return f"{d.line}:{d.column}: {d.code} [{d.name}] {d.message}"


def snapshot_text(diagnostics) -> str:
    return "".join(concise(d) + "\n" for d in diagnostics)
