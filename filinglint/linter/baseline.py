"""Baselines: record today's findings once, then hide exactly those in later runs.

Filings cannot carry suppression comments, so known findings are remembered outside
them, by fingerprint (see ``fingerprint.py``): a finding stays hidden when lines are
added above it or another exhibit is edited, and a new defect still shows. Paths are
stored relative to the baseline file, so the baseline works from any working folder.
"""

from __future__ import annotations

import json
import os

from filinglint.linter.fingerprint import fingerprints

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line naming it."""


def _key_path(path: str, baseline: str) -> str:
    folder = os.path.dirname(os.path.abspath(baseline))
    try:
        relative = os.path.relpath(os.path.abspath(path), folder)
    except ValueError:
        relative = os.path.abspath(path)
    return relative.replace(os.sep, "/")


def write_baseline(baseline: str, diagnostics, sources) -> int:
    """Write every finding's fingerprint to ``baseline``; return the count.

    Written as ``linter/writing.py`` writes (atomically, through a symbolic link, never
    renaming over a device); ``WriteError`` when it cannot be.
    """
    entries = [
        {
            "path": _key_path(d.path, baseline),
            "code": d.code,
            "name": d.name,
            "fingerprint": fingerprint,
            "message": d.message,
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True)
    ]
    document = {"tool": "filinglint", "version": BASELINE_VERSION, "findings": entries}
    from filinglint.linter.writing import write_file  # raises WriteError, one line

    write_file(baseline, (json.dumps(document, indent=2) + "\n").encode("utf-8"))
    return len(entries)


def apply_baseline(baseline: str, diagnostics, sources):
    """(findings not in the baseline, how many were hidden)."""
    try:
        with open(baseline, encoding="utf-8") as handle:
            document = json.load(handle)
        known = {(e["path"], e["fingerprint"]) for e in document["findings"]}
    except FileNotFoundError:
        raise BaselineError(f"{baseline}: no such baseline file") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{baseline}: not a filinglint baseline ({exc})") from None
    kept = []
    hidden = 0
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True):
        if (_key_path(d.path, baseline), fingerprint) in known:
            hidden += 1
        else:
            kept.append(d)
    return kept, hidden
