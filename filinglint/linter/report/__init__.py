"""Reporters: pure functions from (diagnostics, sources) to text; the CLI prints it.

Each format lives in its own module and is imported only when a run asks for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

FORMATS = {
    "full": "filinglint.linter.report.full",
    "concise": "filinglint.linter.report.concise",
    "grouped": "filinglint.linter.report.grouped",
    "json": "filinglint.linter.report.jsonout",
    "json-lines": "filinglint.linter.report.jsonlines",
    "github": "filinglint.linter.report.github",
    "gitlab": "filinglint.linter.report.gitlab",
    "junit": "filinglint.linter.report.junit",
    "sarif": "filinglint.linter.report.sarif",
}


def get_reporter(name: str) -> Callable[..., str]:
    """The ``render(diagnostics, sources)`` function of an output format."""
    return importlib.import_module(FORMATS[name]).render


def summary(diagnostics, fixed: int = 0) -> str:
    """A closing line such as "Found 2 errors." or "All checks passed!"."""
    done = f"Fixed {fixed} finding{'s' if fixed != 1 else ''}. " if fixed else ""
    if not diagnostics:
        return done + "All checks passed!"
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + 1
    words = []
    for severity in ("error", "warning", "info"):
        count = counts.get(severity, 0)
        if count:
            words.append(f"{count} {severity}{'s' if count != 1 else ''}")
    return done + "Found " + ", ".join(words) + "."


def fix_summary(diagnostics, unsafe: bool = False) -> str:
    """How many findings ``--fix`` would fix, and how many more ``--unsafe-fixes`` would."""
    safe = sum(1 for d in diagnostics if d.fix and (d.fix.safety == "safe" or unsafe))
    hidden = sum(1 for d in diagnostics if d.fix and d.fix.safety == "unsafe" and not unsafe)
    parts = []
    if safe:
        parts.append(f"{safe} fixable with --fix" + (" --unsafe-fixes" if unsafe else ""))
    if hidden:
        plural = "es" if hidden != 1 else ""
        parts.append(f"{hidden} unsafe fix{plural} available with --fix --unsafe-fixes")
    return "[*] " + "; ".join(parts) + "." if parts else ""
