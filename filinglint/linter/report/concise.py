"""One line per finding: ``path:line:col: CODE [name] message`` (grep- and editor-friendly)."""

from __future__ import annotations

from filinglint.linter.report import place, printable

SEVERITY_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def headline(diagnostic, color: bool = False) -> str:
    """``path:line:col: CODE [name] message``; the path and message made printable."""
    where = place(diagnostic.path, diagnostic.line, diagnostic.column) + ":"
    message = printable(diagnostic.message)
    if not color:
        return f"{where} {diagnostic.code} [{diagnostic.name}] {message}"
    code = f"{SEVERITY_COLORS[diagnostic.severity]}{diagnostic.code}{RESET}"
    return f"{BOLD}{where}{RESET} {code} {DIM}[{diagnostic.name}]{RESET} {message}"


def render(diagnostics, sources, color: bool = False) -> str:
    return "".join(headline(d, color) + "\n" for d in diagnostics)
