"""The one shape every finding takes, from rule to reporter.

Like the AST, these are plain frozen dataclasses on the hot path; pydantic v2 (in
``filinglint.linter.models``) serialises them and generates their JSON Schema
(``schema/diagnostics.schema.json``), the contract of ``--output-format json`` that the
tests validate real output against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
CODE_PATTERN = r"^[A-Z]{2,4}\d{3}$"
NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_POSITIONS = ("line", "column", "end_line", "end_column")
_RECORD = dict(frozen=True, slots=True, kw_only=True)


def _positions_start_at_one(schema: dict) -> None:
    """Published constraints the dataclass cannot state without importing pydantic."""
    properties = schema["properties"]
    for name in _POSITIONS:
        if name in properties:
            properties[name]["minimum"] = 1
    if "code" in properties:
        properties["code"]["pattern"] = CODE_PATTERN
        properties["name"]["pattern"] = NAME_PATTERN


_CONFIG = {"extra": "forbid", "json_schema_extra": _positions_start_at_one}


@dataclass(**_RECORD)
class Location:
    """A place in a file related to a diagnostic (e.g. the Item 12 entry of an index one)."""

    __pydantic_config__ = _CONFIG

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str


@dataclass(**_RECORD)
class Edit:
    """Replace the characters ``start``–``end`` (end exclusive) of the opened file.

    Offsets count characters of the file as read (line ends normalised to ``\\n``); the
    positions say the same in lines and columns for reporters and SARIF.
    """

    __pydantic_config__ = _CONFIG

    start: int
    end: int
    content: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(**_RECORD)
class Fix:
    """Edits that would make the finding go away, what they do, and how safe they are.

    ``safe``: applying it cannot change what the filing means beyond correcting the
    defect. ``unsafe``: it may (the filing might be wrong elsewhere), so it is applied
    only with ``--unsafe-fixes``.
    """

    __pydantic_config__ = _CONFIG

    message: str
    safety: Literal["safe", "unsafe"]
    edits: tuple[Edit, ...]


@dataclass(**_RECORD)
class Diagnostic:
    """One finding in one file, located by a 1-based span (``end_column`` exclusive)."""

    __pydantic_config__ = _CONFIG

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    hint: str | None = None
    related: tuple[Location, ...] = ()
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)
