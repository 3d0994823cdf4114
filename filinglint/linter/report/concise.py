"""One line per finding: ``path:line:col: CODE [name] message`` (grep- and editor-friendly)."""

from __future__ import annotations


def headline(diagnostic) -> str:
    return (
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.code} [{diagnostic.name}] {diagnostic.message}"
    )


def render(diagnostics, sources) -> str:
    return "".join(headline(d) + "\n" for d in diagnostics)
