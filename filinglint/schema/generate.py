"""Regenerate the committed JSON Schemas from the models: ``python -m filinglint.schema.generate``.

The schemas are committed so users can read and validate against them without
installing filinglint; a test fails when the models and the committed files drift.
"""

from __future__ import annotations

import json
import sys

from filinglint.schema import SCHEMA_DIR

_SELECTORS = {"$ref": "#/$defs/selectors"}
_GLOBS = {"$ref": "#/$defs/globs"}


def config_schema() -> dict:
    """The configuration file's schema: the general keys, then one table per rule option set.

    Each rule's table (``[tool.filinglint.<rule-name>]``) comes from the options the rule
    declares, so a new option is configurable and validated without touching this file.
    """
    from filinglint.linter.registry import all_rules
    from filinglint.linter.report import FORMATS

    properties: dict = {
        "select": {**_SELECTORS, "description": "Rules to check (codes, names or code prefixes;"
                   " \"ALL\" for every rule). Replaces the default selection."},
        "extend-select": {**_SELECTORS, "description": "Rules to check in addition to `select`."},
        "ignore": {**_SELECTORS, "description": "Rules never to check."},
        "per-file-ignores": {
            "type": "object",
            "description": "Glob (relative to the configuration file's folder) → rules to"
            " ignore in matching files.",
            "additionalProperties": _SELECTORS,
        },
        "severity": {
            "type": "object",
            "description": "Rule code or name → severity that replaces the rule's default.",
            "additionalProperties": {"enum": ["error", "warning", "info"]},
        },
        "exclude": {**_GLOBS, "description": "Paths never checked; replaces the default list."},
        "extend-exclude": {**_GLOBS, "description": "Paths never checked, in addition to"
                           " `exclude`."},
        "output-format": {"enum": list(FORMATS)},
        "fail-on": {
            "enum": ["error", "warning"],
            "description": "Lowest severity that makes the exit code 1 (default warning).",
        },
    }  # fmt: skip
    for rule in all_rules():
        if rule.options:
            properties[rule.name] = {
                "type": "object",
                "description": f"Options of {rule.code} ({rule.name}).",
                "additionalProperties": False,
                "properties": {name: dict(schema) for name, schema in rule.options.items()},
            }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://filinglint.dev/schema/config.schema.json",
        "title": "filinglint configuration",
        "description": "The [tool.filinglint] table of pyproject.toml, or the top level of"
        " filinglint.toml. Generated from the rules' option declarations.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": {
            "selectors": {"type": "array", "items": {"type": "string", "minLength": 1}},
            "globs": {"type": "array", "items": {"type": "string", "minLength": 1}},
        },
    }


def generated() -> dict[str, dict]:
    """File name → schema, for every schema derived from code."""
    from filinglint.linter.models import ast_json_schema, diagnostics_json_schema

    return {
        "ast.schema.json": ast_json_schema(),
        "diagnostics.schema.json": diagnostics_json_schema(),
        "config.schema.json": config_schema(),
    }


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    for name, schema in generated().items():
        (SCHEMA_DIR / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
