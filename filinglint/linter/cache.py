"""A result cache, as ruff keeps one: a file's findings, reused while nothing they depend on moved.

A finding depends on the file's text (and how it was decoded), the path it is reported
under (per-file ignores, the HTML-by-extension choice), filinglint itself (its version
and the files of the installed package, so an edited checkout never reads stale
results), the versions of the libraries that decide results (holidays, lark, lxml), the
effective configuration for that path (selected rules, their options and severities,
the per-file ignores that apply, every other setting but presentation) and the day (a
rule may compare dates with today). All of it goes into one SHA-256 key; an entry is
the findings of exactly that key.

Entries live in the per-user cache folder (``$FILINGLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/filinglint``, else ``~/.cache/filinglint``) under ``results-v1/``.
An entry is never trusted on its word: it starts with a magic line, the SHA-256 of its
payload and the payload's length; the payload repeats the key. A truncated, corrupt,
half-written or misplaced entry fails one of those checks and counts as a miss (the
file is checked again and the entry rewritten). Writes go to a unique temporary file in
the same folder, then ``os.replace`` it into place, so a reader sees an old entry, a new
one or none, never a mix, whatever runs concurrently.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from filinglint import __version__
from filinglint.linter.diagnostics import Diagnostic, Edit, Fix, Location

if TYPE_CHECKING:
    from filinglint.linter.config import Settings
    from filinglint.linter.engine import Engine
    from filinglint.linter.source import Source

FORMAT = "results-v1"
MAGIC = b"filinglint-result-cache 1\n"
# Settings that only change how findings are shown or which files are walked.
_PRESENTATION = ("exclude", "extend-exclude", "output-format", "fail-on")
# Libraries whose version can change a finding (business days, parsing, HTML reading).
_LIBRARIES = ("holidays", "lark", "lxml")
_PACKAGE = Path(__file__).resolve().parents[1]


def cache_directory() -> Path | None:
    """The per-user cache folder (created), or None where none is writable."""
    import tempfile

    explicit = os.environ.get("FILINGLINT_CACHE_DIR")
    if explicit:
        directory = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        directory = (Path(base) if base else Path.home() / ".cache") / "filinglint"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory):
            pass
    except OSError:
        return None
    return directory


_tool: str | None = None


def tool_fingerprint() -> str:
    """filinglint's version, its installed files (name, size, mtime) and library versions.

    Stat-ing the package's files costs about a millisecond and makes an edited or
    reinstalled filinglint a different tool, which a version number alone would not.
    """
    import hashlib

    global _tool
    if _tool is None:
        digest = hashlib.sha256(__version__.encode())
        for root, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
            for name in sorted(files):
                if name.endswith((".py", ".lark", ".json")):
                    info = os.stat(os.path.join(root, name))
                    relative = os.path.relpath(os.path.join(root, name), _PACKAGE)
                    digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
        for library, version in _library_versions().items():
            digest.update(f"{library}=={version}\n".encode())
        _tool = digest.hexdigest()
    return _tool


def _library_versions() -> dict[str, str]:
    """The installed version of each library in ``_LIBRARIES``, from the name of its
    ``.dist-info`` folder on ``sys.path`` (importlib.metadata would cost ~50 ms)."""
    found = dict.fromkeys(_LIBRARIES, "absent")
    missing = set(_LIBRARIES)
    for entry in sys.path:
        if not missing:
            break
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            stem, _, kind = name.rpartition(".")
            if kind not in ("dist-info", "egg-info"):
                continue
            library, _, version = stem.partition("-")
            library = library.lower().replace("_", "-")
            if library in missing:
                found[library] = version
                missing.discard(library)
    return found


def engine_fingerprint(engine: Engine, settings: Settings) -> str:
    """The configuration that decides findings: rules, options, severities, settings."""
    import hashlib

    configured = {k: v for k, v in settings.as_dict().items() if k not in _PRESENTATION}
    state = {
        "rules": [rule.code for rule in engine.rules],
        "options": engine.options,
        "severity": engine.severity,
        "settings": configured,
    }
    return hashlib.sha256(_canonical(state)).hexdigest()


def _canonical(value: object) -> bytes:
    import json

    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=True).encode()


def result_key(configuration: str, settings: Settings, source: Source) -> str:
    """The key of ``source``'s findings under a configuration (``engine_fingerprint``)."""
    import datetime
    import hashlib

    digest = hashlib.sha256()
    header = {
        "tool": tool_fingerprint(),
        "configuration": configuration,
        "path": source.path,
        "ignored": list(settings.ignored_in(source.path)),
        "today": datetime.date.today().isoformat(),
        "encoding": source.encoding,
        "notes": [[n.offset, n.message, n.severity] for n in source.notes],
        # A Word draft's locations count blocks: the same text split into other
        # paragraphs has other line numbers (docx.DocxSource).
        "blocks": getattr(source, "block_starts", None),
    }
    digest.update(_canonical(header))
    digest.update(b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Findings by key in one folder; every failure to read or write is a miss."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory / FORMAT

    @classmethod
    def open(cls) -> ResultCache | None:
        """The cache in the per-user cache folder, or None where there is none."""
        directory = cache_directory()
        return cls(directory) if directory is not None else None

    def entry_path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def load(self, key: str) -> list[Diagnostic] | None:
        """The findings stored under ``key``, or None (absent, or not to be trusted)."""
        import json

        try:
            with open(self.entry_path(key), "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        payload = _verified_payload(data)
        if payload is None:
            return None
        try:
            record = json.loads(payload)
            if record.get("key") != key:
                return None
            return [_diagnostic(item) for item in record["diagnostics"]]
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def store(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Write the entry atomically; a cache that cannot be written is silently skipped."""
        import contextlib
        import hashlib
        import json
        import tempfile

        payload = json.dumps(
            {"key": key, "diagnostics": [_record(d) for d in diagnostics]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8", "surrogatepass")
        data = b"%s%s %d\n%s" % (
            MAGIC,
            hashlib.sha256(payload).hexdigest().encode(),
            len(payload),
            payload,
        )
        target = self.entry_path(key)
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
            temporary = None
        except OSError:
            pass
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _verified_payload(data: bytes) -> bytes | None:
    """The payload of an entry whose magic, length and checksum all hold, else None."""
    import hashlib

    if not data.startswith(MAGIC):
        return None
    header_end = data.find(b"\n", len(MAGIC))
    if header_end == -1:
        return None
    try:
        checksum, length = data[len(MAGIC) : header_end].split(b" ")
        expected_length = int(length)
    except ValueError:
        return None
    payload = data[header_end + 1 :]
    if len(payload) != expected_length:
        return None
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    return payload


def _record(diagnostic: Diagnostic) -> dict:
    """A diagnostic as plain JSON values (the inverse of ``_diagnostic``)."""
    record = {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "path": diagnostic.path,
        "at": [diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column],
        "hint": diagnostic.hint,
        "related": [
            [r.path, r.line, r.column, r.end_line, r.end_column, r.message]
            for r in diagnostic.related
        ],
        "fix": None,
    }
    fix = diagnostic.fix
    if fix is not None:
        record["fix"] = {
            "message": fix.message,
            "safety": fix.safety,
            "edits": [
                [e.start, e.end, e.content, e.line, e.column, e.end_line, e.end_column]
                for e in fix.edits
            ],
        }
    return record


def _diagnostic(record: dict) -> Diagnostic:
    """A diagnostic from its record; a malformed record raises (and the entry is a miss)."""
    line, column, end_line, end_column = (_int(v) for v in record["at"])
    fix = record["fix"]
    if fix is not None:
        edits = []
        for start, end, content, *at in fix["edits"]:
            e_line, e_column, e_end_line, e_end_column = (_int(v) for v in at)
            edits.append(
                Edit(
                    start=_int(start),
                    end=_int(end),
                    content=_str(content),
                    line=e_line,
                    column=e_column,
                    end_line=e_end_line,
                    end_column=e_end_column,
                )
            )
        if fix["safety"] not in ("safe", "unsafe"):
            raise ValueError("unknown fix safety")
        fix = Fix(message=_str(fix["message"]), safety=fix["safety"], edits=tuple(edits))
    related = []
    for path, r_line, r_column, r_end_line, r_end_column, message in record["related"]:
        related.append(
            Location(
                path=_str(path),
                line=_int(r_line),
                column=_int(r_column),
                end_line=_int(r_end_line),
                end_column=_int(r_end_column),
                message=_str(message),
            )
        )
    if record["severity"] not in ("error", "warning", "info"):
        raise ValueError("unknown severity")
    hint = record["hint"]
    return Diagnostic(
        code=_str(record["code"]),
        name=_str(record["name"]),
        severity=record["severity"],
        message=_str(record["message"]),
        path=_str(record["path"]),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        hint=None if hint is None else _str(hint),
        related=tuple(related),
        fix=fix,
    )


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("not an integer")
    return value


def _str(value: object) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value
