"""Stable identities for findings, for baselines and SARIF partial fingerprints.

A filing carries no suppression comments, so a known finding is recognised by what it
points at, not where: the rule, the normalised text of the flagged span and of the
lines it stands on, and how many identical findings precede it in the file. Inserting
blank lines above it or editing another exhibit leaves the fingerprint unchanged; an
edit of the flagged text itself makes it a new finding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.source import Source

FINGERPRINT_VERSION = "filinglint/v1"


def _normal(text: str) -> str:
    return " ".join(text.split())


def span_text(diagnostic: Diagnostic, source: Source) -> tuple[str, str]:
    """(flagged text, the full lines it stands on), both with whitespace normalised."""
    lines = [source.line(n) for n in range(diagnostic.line, diagnostic.end_line + 1)]
    if not lines:
        return "", ""
    if len(lines) == 1:
        flagged = lines[0][diagnostic.column - 1 : diagnostic.end_column - 1]
    else:
        first = lines[0][diagnostic.column - 1 :]
        last = lines[-1][: diagnostic.end_column - 1]
        flagged = "\n".join([first, *lines[1:-1], last])
    return _normal(flagged), _normal(" ".join(lines))


def fingerprints(diagnostics: Iterable[Diagnostic], sources: dict[str, Source]) -> list[str]:
    """One hex fingerprint per diagnostic, in order; equal findings get ordinals."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for diagnostic in diagnostics:
        source = sources.get(diagnostic.path)
        flagged, context = span_text(diagnostic, source) if source else ("", "")
        key = "\x1f".join((FINGERPRINT_VERSION, diagnostic.code, flagged, context))
        ordinal = seen.get((diagnostic.path, key), 0)
        seen[(diagnostic.path, key)] = ordinal + 1
        digest = hashlib.sha256(f"{key}\x1f{ordinal}".encode()).hexdigest()
        out.append(digest[:32])
    return out
