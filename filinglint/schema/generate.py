"""Regenerate the committed JSON Schemas from the models: ``python -m filinglint.schema.generate``.

The schemas are committed so users can read and validate against them without
installing filinglint; a test fails when the models and the committed files drift.
"""

from __future__ import annotations

import json
import sys

from filinglint.schema import SCHEMA_DIR


def generated() -> dict[str, dict]:
    """File name → schema, for every schema derived from code."""
    from filinglint.linter.models import ast_json_schema, diagnostics_json_schema

    return {
        "ast.schema.json": ast_json_schema(),
        "diagnostics.schema.json": diagnostics_json_schema(),
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
