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
    "html": "filinglint.linter.report.htmlview",
}


# What a filing (or a file name) must never send to a terminal: C0 controls but tab and
# newline (ESC starts the sequences that retitle, clear or recolour a terminal; CR rewrites
# the line), DEL and C1 controls, and the bidirectional overrides that make text read
# differently from what it is. Each prints as a visible escape instead.
_UNPRINTABLE = {
    code: f"\\x{code:02x}" for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
}
_UNPRINTABLE.update(
    {code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
_ONE_LINE = {**_UNPRINTABLE, 0x0A: "\\n", 0x09: "\\t"}


def printable(text: str, *, one_line: bool = True) -> str:
    """``text`` safe for a terminal: controls shown as ``\\xNN``; with ``one_line``, a
    newline or tab too, so a file name or a quoted title cannot forge another line."""
    return text.translate(_ONE_LINE if one_line else _UNPRINTABLE)


def line_mark(path: str) -> str:
    """What a position's first number counts: lines, or (``¶``) a Word document's blocks."""
    return "¶" if path.lower().endswith((".docx", ".docm", ".dotx", ".dotm")) else ""


def place(path: str, line: int, column: int) -> str:
    """``path:line:col`` (``draft.docx:¶42:17`` for Word), the path made printable."""
    return f"{printable(path)}:{line_mark(path)}{line}:{column}"


def get_reporter(name: str) -> Callable[..., str]:
    """The ``render(diagnostics, sources)`` function of an output format."""
    return importlib.import_module(FORMATS[name]).render


def summary(diagnostics, fixed: int = 0, unreadable: int = 0) -> str:
    """A closing line such as "Found 2 errors." or "All checks passed!".

    Never "All checks passed!" when an input could not be read: that is not a pass.
    """
    done = f"Fixed {fixed} finding{'s' if fixed != 1 else ''}. " if fixed else ""
    missed = ""
    if unreadable:
        missed = f"{unreadable} input{'s' if unreadable != 1 else ''} could not be read."
    if not diagnostics:
        if missed:
            return done + "No findings in what was read, but " + missed
        return done + "All checks passed!"
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] = counts.get(diagnostic.severity, 0) + 1
    words = []
    for severity in ("error", "warning", "info"):
        count = counts.get(severity, 0)
        if count:
            words.append(f"{count} {severity}{'s' if count != 1 else ''}")
    return done + "Found " + ", ".join(words) + "." + (f" {missed}" if missed else "")


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
