"""pydantic v2 at the edges: validation, JSON serialisation and JSON Schema of the AST
and of diagnostics.

Imported only by runs that need it (``--output-format json``, ``parse --json``, schema
generation), so plain ``filinglint check`` never pays pydantic's start-up.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter

from filinglint.linter.ast import Filing, Submission
from filinglint.linter.diagnostics import Diagnostic

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@cache
def filing_adapter() -> TypeAdapter[Filing | Submission]:
    """The AST root: one document (Filing) or a complete EDGAR submission."""
    return TypeAdapter(Filing | Submission)


@cache
def diagnostics_adapter() -> TypeAdapter[list[Diagnostic]]:
    return TypeAdapter(list[Diagnostic])


def dump_filing(filing: Filing | Submission) -> str:
    return filing_adapter().dump_json(filing, indent=2).decode("utf-8")


def dump_diagnostics(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    return diagnostics_adapter().dump_python(list(diagnostics), mode="json")


def ast_json_schema() -> dict:
    schema = filing_adapter().json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = "filinglint AST (Filing or Submission)"
    return schema


def diagnostics_json_schema() -> dict:
    """The JSON Schema of ``--output-format json`` output: an array of diagnostics."""
    schema = diagnostics_adapter().json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = "filinglint diagnostics"
    return schema
