"""The one shape every finding takes, from rule to reporter.

Its JSON Schema (``schema/diagnostics.schema.json``) is the contract of
``--output-format json``; tests validate real output against it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")


class Location(_Model):
    """A place in a file, related to a diagnostic (e.g. the Item 12 entry for an index one)."""

    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    message: str


class Edit(_Model):
    """Replace the text between two positions (end exclusive) with ``content``."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    content: str


class Fix(_Model):
    """An edit that would make the finding go away, with a title saying what it does."""

    message: str
    edits: list[Edit]


class Diagnostic(_Model):
    """One finding in one file, located by a 1-based span (``end_column`` exclusive)."""

    code: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    severity: Severity
    message: str
    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    hint: str | None = None
    related: list[Location] = []
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


def diagnostics_json_schema() -> dict:
    """The JSON Schema of ``--output-format json`` output: an array of diagnostics."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(list[Diagnostic]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "filinglint diagnostics"
    return schema
