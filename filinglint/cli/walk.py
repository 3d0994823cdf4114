"""Which files a run checks: paths as given, folders walked for filing extensions."""

from __future__ import annotations

import os
from collections.abc import Iterator

EXTENSIONS = (".txt", ".htm", ".html", ".nc", ".docx")


def iter_inputs(paths: list[str], resolver) -> Iterator[str]:
    """Files to check, in a stable order; directories are walked for filing extensions."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                settings = resolver.for_path(os.path.join(root, "."))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and not settings.is_excluded(os.path.join(root, d))
                )
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.lower().endswith(EXTENSIONS) and not settings.is_excluded(full):
                        yield full
        elif path == "-" or not resolver.for_path(path).is_excluded(path):
            yield path
