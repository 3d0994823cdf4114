"""JSON Schemas (AST, diagnostics, form specs) and data tables, with loaders."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent


@cache
def load_json(name: str) -> dict:
    """A JSON data file or schema from this package, parsed once per process."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
