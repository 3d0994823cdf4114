"""``--output-format json``: a JSON array of diagnostics, exactly as the schema says."""

from __future__ import annotations

import json


def render(diagnostics, sources) -> str:
    from filinglint.linter.models import dump_diagnostics

    return json.dumps(dump_diagnostics(diagnostics), indent=2) + "\n"
