"""Which files a run checks: paths as given, folders walked for filing extensions.

Each file is yielded once, however many of the given paths reach it (``dir`` and
``dir/f``), under the name the user gave (``./`` and doubled slashes dropped, as ruff
prints them). Folders skip hidden folders, the configuration's ``exclude`` and, unless
``respect_gitignore`` is off, what ``.gitignore`` files ignore (``cli/gitignore.py``).
A folder that cannot be read is reported through ``on_error`` (an input error: the run
exits 2), never skipped silently. A file named explicitly is checked even when a
``.gitignore`` lists it, as ruff does.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

EXTENSIONS = (".txt", ".htm", ".html", ".nc", ".docx")


def tidy(path: str) -> str:
    """``path`` as the user meant it: no ``./`` segments, no doubled or trailing slash."""
    if path == "-":
        return path
    absolute = path.startswith(os.sep)
    text = os.sep.join(part for part in path.split(os.sep) if part not in ("", "."))
    if absolute:
        text = os.sep + text
    return text or "."


def _join(folder: str, name: str) -> str:
    return name if folder == "." else os.path.join(folder, name)


def iter_inputs(
    paths: list[str],
    resolver,
    *,
    respect_gitignore: bool = True,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Files to check, each once, in a stable order; folders are walked (see module doc)."""
    seen: set[str] = set()

    def first_time(path: str) -> bool:
        key = path if path == "-" else os.path.normpath(os.path.abspath(path))
        if key in seen:
            return False
        seen.add(key)
        return True

    for given in paths:
        path = tidy(given)
        if path != "-" and os.path.isdir(path):
            for found in _walk(path, resolver, respect_gitignore, on_error):
                if first_time(found):
                    yield found
        elif (path == "-" or not resolver.for_path(path).is_excluded(path)) and first_time(path):
            yield path


def _walk(top: str, resolver, respect_gitignore: bool, on_error) -> Iterator[str]:
    from filinglint.cli import gitignore

    def failed(exc: OSError) -> None:
        if on_error is not None:
            where = tidy(exc.filename) if isinstance(exc.filename, str) else top
            on_error(f"{where}: cannot read directory ({exc.strerror or exc})")

    ignores: dict[str, list] = {}
    if respect_gitignore:
        ignores[top] = gitignore.inherited(top)
    for walked, dirs, files in os.walk(top, onerror=failed):
        root = tidy(walked)  # os.walk joins onto the given spelling: "./sub" for "."
        settings = resolver.for_path(root)
        applying: list = []
        if respect_gitignore:
            applying = list(ignores.pop(root, ()))
            own = gitignore.load(os.path.join(root, ".gitignore"), root)
            if own is not None:
                applying.append(own)
        absolute_root = os.path.abspath(root)
        kept = []
        for name in sorted(dirs):
            full = _join(root, name)
            if name.startswith(".") or settings.is_excluded(full):
                continue
            if applying and gitignore.is_ignored(os.path.join(absolute_root, name), True, applying):
                continue
            kept.append(name)
            if respect_gitignore:
                ignores[full] = applying
        dirs[:] = kept
        for name in sorted(files):
            if not name.lower().endswith(EXTENSIONS):
                continue
            full = _join(root, name)
            if settings.is_excluded(full):
                continue
            if applying and gitignore.is_ignored(
                os.path.join(absolute_root, name), False, applying
            ):
                continue
            yield full
