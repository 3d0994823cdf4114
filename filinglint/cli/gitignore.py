"""``.gitignore`` matching for the folder walk, as git reads the files (no git needed).

Implemented here rather than depending on a package: the pattern language is small and
well specified (``gitignore(5)``), and a check run without a ``.gitignore`` in sight
imports nothing. What applies to a walked entry: the ``.gitignore`` of every folder
from the repository's root (the nearest folder above holding ``.git``) down to the
entry's own folder, and ``.git/info/exclude``; outside a repository, the ``.gitignore``
files inside the walked folder. A deeper file overrides a shallower one, a later line
an earlier one, ``!`` re-includes; an ignored folder is not entered, so nothing below
it can be re-included (as in git). The user's global excludes file is not read.
A test compares this with ``git check-ignore``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def parse(text: str) -> tuple[Pattern, ...]:
    """The patterns of one ignore file, in file order."""
    patterns = []
    for line in text.splitlines():
        pattern = _compile(line)
        if pattern is not None:
            patterns.append(pattern)
    return tuple(patterns)


def _compile(line: str) -> Pattern | None:
    if not line or line.startswith("#"):
        return None
    # Trailing spaces are ignored unless escaped with a backslash.
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        stripped += " "
    line = stripped
    negated = line.startswith("!")
    if negated or line.startswith(("\\!", "\\#")):  # "\\!" and "\\#" are literal
        line = line[1:]
    directory_only = line.endswith("/") and not line.endswith("\\/")
    line = line.rstrip("/") if directory_only else line
    if not line:
        return None
    anchored = "/" in line
    line = line.lstrip("/")
    body = _translate(line)
    if body is None:
        return None
    prefix = "" if anchored else "(?:.*/)?"
    return Pattern(re.compile(f"{prefix}{body}\\Z", re.DOTALL), negated, directory_only)


def _translate(glob: str) -> str | None:
    """A gitignore glob as a regular expression over a ``/``-separated relative path."""
    segments = glob.split("/")
    out: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            if last:
                out.append(".*")  # everything inside (or, alone, anything)
            else:
                out.append("(?:.*/)?")
            continue
        translated = _segment(segment)
        if translated is None:
            return None
        out.append(translated + ("" if last else "/"))
    return "".join(out)


def _segment(segment: str) -> str | None:
    """One path segment's wildcards: ``*``, ``?``, ``[...]``, ``\\x``; never across ``/``."""
    out = []
    i, n = 0, len(segment)
    while i < n:
        c = segment[i]
        if c == "\\":
            i += 1
            if i < n:
                out.append(re.escape(segment[i]))
        elif c == "*":
            while i + 1 < n and segment[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = _class_end(segment, i)
            if end < 0:
                out.append(re.escape(c))
            else:
                out.append(_class(segment[i + 1 : end]))
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _class_end(segment: str, start: int) -> int:
    i = start + 1
    if i < len(segment) and segment[i] in "!^":
        i += 1
    if i < len(segment) and segment[i] == "]":
        i += 1
    while i < len(segment):
        if segment[i] == "\\":
            i += 2
            continue
        if segment[i] == "]":
            return i
        i += 1
    return -1


def _class(body: str) -> str:
    negate = body[:1] in ("!", "^")
    if negate:
        body = body[1:]
    items = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            i += 1
            c = body[i]
        if i + 2 < len(body) and body[i + 1] == "-":
            high = body[i + 2]
            items.append(f"{re.escape(c)}-{re.escape(high)}" if c <= high else "")
            i += 3
            continue
        items.append(re.escape(c))
        i += 1
    inner = "".join(items)
    if not inner:
        return "(?!)" if not negate else "[^/]"
    return f"[^/{inner}]" if negate else f"(?!/)[{inner}]"


@dataclass(frozen=True)
class IgnoreFile:
    """The patterns of one ignore file and the folder they are relative to."""

    base: str  # absolute folder
    patterns: tuple[Pattern, ...]


def load(path: str, base: str) -> IgnoreFile | None:
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            text = handle.read()
    except OSError:
        return None
    patterns = parse(text)
    return IgnoreFile(os.path.abspath(base), patterns) if patterns else None


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git``, or None."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def inherited(folder: str) -> list[IgnoreFile]:
    """The ignore files that apply in ``folder`` from the folders above it (shallow first)."""
    folder = os.path.abspath(folder)
    root = repository_root(folder)
    if root is None:
        return []
    found = []
    exclude = load(os.path.join(root, ".git", "info", "exclude"), root)
    if exclude is not None:
        found.append(exclude)
    chain = []
    current = folder
    while current != root:
        current = os.path.dirname(current)
        chain.append(current)
    for directory in reversed(chain):
        ignore = load(os.path.join(directory, ".gitignore"), directory)
        if ignore is not None:
            found.append(ignore)
    return found


def is_ignored(path: str, is_dir: bool, files: list[IgnoreFile]) -> bool:
    """Whether ``path`` (absolute) is ignored by ``files`` (shallowest first)."""
    for ignore in reversed(files):
        relative = os.path.relpath(path, ignore.base).replace(os.sep, "/")
        if relative.startswith("../"):
            continue
        for pattern in reversed(ignore.patterns):
            if pattern.directory_only and not is_dir:
                continue
            if pattern.regex.match(relative):
                return not pattern.negated
    return False
