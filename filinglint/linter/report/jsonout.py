"""``--output-format json``: a JSON array of diagnostics, exactly as the schema says."""

from __future__ import annotations

import json


def render(diagnostics, sources) -> str:
    return json.dumps([d.model_dump(mode="json") for d in diagnostics], indent=2) + "\n"
