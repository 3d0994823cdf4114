"""``--output-format json-lines``: one JSON object per line, for streaming and ``jq -c``.

Each line is exactly one item of the ``json`` format (the same serialiser, without
pydantic, so the same schema, ``schema/diagnostics.schema.json`` ``items``), so the two
never drift apart.
"""

from __future__ import annotations

import json


def render(diagnostics, sources) -> str:
    from filinglint.linter.report.jsondata import diagnostics_data

    return "".join(
        json.dumps(item, separators=(",", ":")) + "\n" for item in diagnostics_data(diagnostics)
    )
