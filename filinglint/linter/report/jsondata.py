"""Diagnostics as JSON data without pydantic: what the ``json`` and ``json-lines``
formats print.

``linter/models.py`` (pydantic) owns the schema of this output
(``schema/diagnostics.schema.json``) and validates it at the edges; importing pydantic
and building its serialiser costs more than the rest of a one-file check, so the hot
path converts the frozen dataclasses itself. The conversion is generic over the
dataclass fields (in declaration order, tuples as lists, nested records as objects),
which is exactly what pydantic's ``dump_python(mode="json")`` yields for these types; a
test compares the bytes of both on real and generated diagnostics.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_FIELDS: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(field.name for field in dataclasses.fields(kind))
    return names


def to_data(value: Any) -> Any:
    """``value`` as JSON-ready data: records as dicts, tuples as lists, the rest as is."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (tuple, list)):
        return [to_data(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {name: to_data(getattr(value, name)) for name in _names(type(value))}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def diagnostics_data(diagnostics) -> list[dict[str, Any]]:
    return [to_data(diagnostic) for diagnostic in diagnostics]
