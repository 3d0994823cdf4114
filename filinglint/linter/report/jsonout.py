"""``--output-format json``: a JSON array of diagnostics, exactly as the schema says.

Serialised without pydantic (``jsondata``), byte for byte what the pydantic model
writes (a test proves it), so the format costs no more start-up than ``full``.
"""

from __future__ import annotations

import json


def render(diagnostics, sources) -> str:
    from filinglint.linter.report.jsondata import diagnostics_data

    return json.dumps(diagnostics_data(diagnostics), indent=2) + "\n"
