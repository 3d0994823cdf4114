"""One line per finding: ``path:line:col: CODE [name] message`` (grep- and editor-friendly)."""

from __future__ import annotations

SEVERITY_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def headline(diagnostic, color: bool = False) -> str:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}:"
    if not color:
        return f"{where} {diagnostic.code} [{diagnostic.name}] {diagnostic.message}"
    code = f"{SEVERITY_COLORS[diagnostic.severity]}{diagnostic.code}{RESET}"
    return f"{BOLD}{where}{RESET} {code} {DIM}[{diagnostic.name}]{RESET} {diagnostic.message}"


def render(diagnostics, sources, color: bool = False) -> str:
    return "".join(headline(d, color) + "\n" for d in diagnostics)
