"""The files a scan reads: folders, globs, files, and manifests of paths."""

from __future__ import annotations

import csv
import glob
import os
from collections.abc import Iterable

from filinglint.cli.walk import EXTENSIONS


class ScanInputError(Exception):
    """An input that names nothing, or a manifest that cannot be read."""


def expand(paths: Iterable[str], manifest: str | None = None) -> list[str]:
    """Every file to scan, once each, sorted (so a plan is the same for the same inputs).

    A folder is walked for filing extensions (``.txt .htm .html .nc``, hidden folders
    skipped); a path with ``*``, ``?`` or ``[`` that is not a file is a glob (``**``
    recursive); a file is taken whatever its extension. A manifest is one path per line
    or a CSV file with a ``path`` column; relative paths in it are relative to the
    manifest's folder.
    """
    wanted = list(paths)
    if manifest:
        wanted.extend(read_manifest(manifest))
    found: set[str] = set()
    for path in wanted:
        if os.path.isdir(path):
            found.update(_walk(path))
        elif os.path.exists(path):
            found.add(os.path.normpath(path))
        elif any(ch in path for ch in "*?["):
            matches = glob.glob(path, recursive=True)
            if not matches:
                raise ScanInputError(f"{path}: the pattern matches no file")
            for match in matches:
                if os.path.isdir(match):
                    found.update(_walk(match))
                else:
                    found.add(os.path.normpath(match))
        else:
            raise ScanInputError(f"{path}: no such file or folder")
    return sorted(found)


def _walk(folder: str) -> Iterable[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.lower().endswith(EXTENSIONS):
                yield os.path.normpath(os.path.join(root, name))


def read_manifest(manifest: str) -> list[str]:
    """Paths listed by a manifest: one per line, or the ``path`` column of a CSV file."""
    try:
        with open(manifest, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise ScanInputError(f"{manifest}: {exc.strerror or exc}") from None
    base = os.path.dirname(os.path.abspath(manifest))
    lines = text.splitlines()
    first = lines[0] if lines else ""
    if manifest.lower().endswith(".csv") or (
        "," in first and "path" in [c.strip().lower() for c in first.split(",")]
    ):
        reader = csv.DictReader(lines)
        column = next((f for f in reader.fieldnames or () if f.strip().lower() == "path"), None)
        if column is None:
            raise ScanInputError(f"{manifest}: a CSV manifest needs a 'path' column")
        entries = [(row.get(column) or "").strip() for row in reader]
    else:
        entries = [line.strip() for line in lines]
    return [
        entry if os.path.isabs(entry) else os.path.join(base, entry)
        for entry in entries
        if entry and not entry.startswith("#")
    ]
