"""Configuration: ``[tool.filinglint]`` in pyproject.toml or a ``filinglint.toml``.

The nearest file walking up from a checked file wins (``--config`` overrides,
``--isolated`` ignores every file), as ruff users expect. A file is validated against
``schema/config.schema.json``; because importing jsonschema costs about 80 ms, a file
whose exact content already validated once is remembered in the parser cache folder
and not validated again, so a pre-commit hook stays fast.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from filinglint.linter.registry import SelectionError, all_rules, select_rules

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist",
)  # fmt: skip


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line with file and line."""


@dataclass(frozen=True)
class Settings:
    """The effective settings for one file."""

    path: str | None = None  # the configuration file, None for defaults
    root: str = "."
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    output_format: str | None = None
    fail_on: str | None = None
    form: str | None = None  # the form a file is read as when nothing in it says
    rule_options: tuple[tuple[str, dict], ...] = field(default=(), compare=False)

    def as_dict(self) -> dict:
        """The settings as the keys a configuration file uses."""
        data = {
            "select": list(self.select) if self.select is not None else ["ALL"],
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "per-file-ignores": {glob: list(codes) for glob, codes in self.per_file_ignores},
            "severity": dict(self.severity),
            "exclude": list(self.exclude),
            "extend-exclude": list(self.extend_exclude),
            "output-format": self.output_format or "full",
            "fail-on": self.fail_on or "warning",
        }
        if self.form is not None:
            data["form"] = self.form
        for name, options in self.rule_options:
            data[name] = options
        return data

    def rules(self):
        """The rules this configuration selects (``SelectionError`` if one is unknown)."""
        chosen = select_rules(
            list(self.select) if self.select is not None else None, list(self.ignore)
        )
        if self.extend_select:
            extra = select_rules(list(self.extend_select), list(self.ignore))
            chosen = [r for r in all_rules() if r in chosen or r in extra]
        return chosen

    def options(self) -> dict[str, dict]:
        return dict(self.rule_options)

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """Selectors that per-file-ignores turns off for ``path``."""
        relative = _relative(path, self.root)
        found: list[str] = []
        for glob, codes in self.per_file_ignores:
            if _glob_match(relative, glob):
                found.extend(codes)
        return tuple(found)

    def is_excluded(self, path: str) -> bool:
        relative = _relative(path, self.root)
        parts = Path(relative).parts
        for pattern in self.exclude + self.extend_exclude:
            if _glob_match(relative, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
                return True
        return False


def _relative(path: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path.replace(os.sep, "/")


def _glob_match(relative: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*")


# --- discovery -----------------------------------------------------------------------


def find_config(start: str) -> Path | None:
    """The nearest filinglint.toml, or pyproject.toml with [tool.filinglint], upwards.

    A ``pyproject.toml`` that is not UTF-8 cannot be told apart from one that configures
    filinglint, so it is a ``ConfigError`` (as in ruff) rather than silently skipped.
    """
    directory = Path(os.path.abspath(start))
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        candidate = folder / "filinglint.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = read_text(path)  # ConfigError when not UTF-8
    except OSError:
        return False
    return _TOOL_TABLE.search(text) is not None


_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*filinglint\b", re.MULTILINE)


def read_text(path: Path) -> str:
    """A configuration file's text: UTF-8, a byte-order mark accepted (TOML allows none
    but editors on Windows write one); anything else is a one-line ``ConfigError``."""
    data = path.read_bytes()  # OSError for the caller
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            f"{path}:{line}: configuration is not UTF-8 (byte {exc.start}: "
            f"0x{data[exc.start]:02x}); TOML files must be UTF-8"
        ) from None


class ConfigResolver:
    """Settings per checked file, loading each configuration file once."""

    def __init__(self, explicit: str | None = None, isolated: bool = False) -> None:
        self.isolated = isolated
        self._loaded: dict[Path, Settings] = {}
        self._nearest: dict[str, Path | None] = {}
        self._explicit = load_config(Path(explicit)) if explicit else None

    def for_path(self, path: str) -> Settings:
        """The settings for ``path``: a file, a folder (its own configuration, not its
        parent's), or ``-`` (stdin: the configuration found from the working folder)."""
        if self._explicit is not None:
            return self._explicit
        if self.isolated:
            return Settings(root=os.getcwd())
        if path == "-":
            folder = os.getcwd()
        elif os.path.isdir(path):
            folder = os.path.abspath(path)
        else:
            folder = os.path.dirname(os.path.abspath(path)) or "."
        if folder not in self._nearest:
            self._nearest[folder] = find_config(folder)
        found = self._nearest[folder]
        if found is None:
            return Settings(root=os.getcwd())
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]


# --- loading and validation ----------------------------------------------------------


def load_config(path: Path) -> Settings:
    """Read, validate and convert one configuration file."""
    try:
        text = read_text(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration ({exc.strerror or exc})") from None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    in_pyproject = path.name == "pyproject.toml"
    prefix = "tool.filinglint" if in_pyproject else ""
    table = _table(path, document, in_pyproject)
    try:
        _validate(path, text, table, prefix)
        settings = _settings(path, table)
    except RecursionError:
        raise ConfigError(f"{path}: {prefix or 'configuration'}: nested too deeply") from None
    try:
        settings.rules()
        for _, codes in settings.per_file_ignores:
            select_rules(list(codes))
        for key, _ in settings.severity:
            select_rules([key])
    except SelectionError as exc:
        name = str(exc).split("'")[1] if "'" in str(exc) else ""
        line = _line_of(text, name) if name else 1
        raise ConfigError(f"{path}:{line}: {exc}") from None
    return settings


def _table(path: Path, document: dict, in_pyproject: bool) -> dict:
    """The filinglint table of a parsed file; a ``tool`` or ``tool.filinglint`` that is
    not a table is a ConfigError naming the key."""
    if not in_pyproject:
        return document
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool: a {type(tool).__name__}, not a table")
    table = tool.get("filinglint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.filinglint: a {type(table).__name__}, not a table")
    return table


def _settings(path: Path, table: dict) -> Settings:
    def strings(key: str) -> tuple[str, ...]:
        return tuple(table.get(key, ()))

    return Settings(
        path=str(path),
        root=str(path.parent),
        select=tuple(table["select"]) if "select" in table else None,
        extend_select=strings("extend-select"),
        ignore=strings("ignore"),
        per_file_ignores=tuple(
            (glob, tuple(codes)) for glob, codes in table.get("per-file-ignores", {}).items()
        ),
        severity=tuple(table.get("severity", {}).items()),
        exclude=tuple(table["exclude"]) if "exclude" in table else DEFAULT_EXCLUDE,
        extend_exclude=strings("extend-exclude"),
        output_format=table.get("output-format"),
        fail_on=table.get("fail-on"),
        form=table.get("form"),
        rule_options=tuple(
            (rule.name, dict(table[rule.name])) for rule in all_rules() if rule.name in table
        ),
    )


def _validate(path: Path, text: str, table: dict, prefix: str) -> None:
    import hashlib

    from filinglint import __version__
    from filinglint.schema import SCHEMA_DIR

    schema_text = (SCHEMA_DIR / "config.schema.json").read_bytes()
    digest = hashlib.sha256(
        __version__.encode() + b"\0" + schema_text + b"\0" + text.encode("utf-8")
    ).hexdigest()
    marker = _validated_marker(digest)
    if marker is not None and marker.exists():
        return
    import jsonschema

    from filinglint.schema import load_json

    validator = jsonschema.Draft202012Validator(load_json("config.schema.json"))
    errors = sorted(validator.iter_errors(table), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        keys = [str(k) for k in error.absolute_path]
        if error.validator == "additionalProperties":
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if unknown and error.schema.get("properties"):
                keys.append(unknown[0])
                message = f"unknown key {unknown[0]!r}"
            else:
                message = error.message
        elif error.validator == "type":
            message = f"{error.instance!r} is not of type {error.validator_value!r}"
        elif error.validator == "enum":
            allowed = ", ".join(repr(v) for v in error.validator_value)
            message = f"{error.instance!r} is not one of {allowed}"
        else:
            message = error.message
        dotted = ".".join(filter(None, [prefix, *keys]))
        line = _line_of(text, keys[-1]) if keys else 1
        raise ConfigError(f"{path}:{line}: {dotted}: {message}")
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass


def _validated_marker(digest: str) -> Path | None:
    from filinglint.linter.cache import cache_directory

    directory = cache_directory()
    return directory / "validated-config" / digest if directory else None


def _line_of(text: str, key: str) -> int:
    """The first line that assigns ``key`` (or mentions it), for error messages."""
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text) or re.search(re.escape(key), text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def with_overrides(settings: Settings, **changes) -> Settings:
    """Settings with command-line values applied (None means "not given")."""
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})


def with_command_line_excludes(
    settings: Settings, exclude: tuple[str, ...] | None, extend_exclude: tuple[str, ...] | None
) -> Settings:
    """``--exclude`` (replaces the configured list) and ``--extend-exclude`` (adds to it).

    Their globs are relative to the working folder, as ruff's are; the configuration's
    are relative to its own folder, so a glob with a ``/`` is rebased onto that folder
    here. A glob without one matches a file or folder name at any depth either way.
    """
    if exclude is None and not extend_exclude:
        return settings
    offset = _relative(os.getcwd(), settings.root)

    def rebase(pattern: str) -> str:
        if "/" not in pattern.strip("/"):
            return pattern
        if os.path.isabs(pattern):
            return _relative(pattern, settings.root)
        while pattern.startswith("./"):
            pattern = pattern[2:]
        return pattern if offset == "." else posixpath.normpath(f"{offset}/{pattern}")

    changes: dict = {}
    if exclude is not None:
        changes["exclude"] = tuple(rebase(p) for p in exclude)
    if extend_exclude:
        changes["extend_exclude"] = settings.extend_exclude + tuple(
            rebase(p) for p in extend_exclude
        )
    return replace(settings, **changes)
