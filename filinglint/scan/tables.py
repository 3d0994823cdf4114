"""The two output tables, their Arrow schemas, and writing one batch's part atomically.

Layout of a scan's output folder (``docs/scan.md`` documents every column)::

    OUT/scan.json                 the plan: inputs, options, batches (written first)
    OUT/done.jsonl                one line per finished batch (the commit log)
    OUT/filings/part-00000.parquet
    OUT/diagnostics/part-00000.parquet

A part is written to a temporary name and renamed into place, both tables' parts
before the batch's line is appended to ``done.jsonl``: a batch is finished exactly when
its line is there, and a reader of ``filings/`` never sees half a file. With
``--format jsonl`` the parts are ``part-00000.jsonl`` (one JSON object per line, dates
as ``YYYY-MM-DD``, decimals as strings so no amount goes through a float).
"""

from __future__ import annotations

import datetime
import json
import os
from decimal import Decimal
from typing import Any

from filinglint.scan.facts import MONEY_PLACES, RATE_PLACES

TABLES = ("filings", "diagnostics")


def schemas():
    """``{"filings": pa.Schema, "diagnostics": pa.Schema}``: the published contract."""
    import pyarrow as pa

    money = pa.decimal128(38, MONEY_PLACES)
    rate = pa.decimal128(38, RATE_PLACES)
    header = [
        pa.field("accession", pa.string()),
        pa.field("form", pa.string()),
        pa.field("filed_date", pa.date32()),
        pa.field("company", pa.string()),
        pa.field("cik", pa.string()),
        pa.field("path", pa.string(), nullable=False),
    ]
    filings = pa.schema(
        [
            *header,
            pa.field("filed_date_basis", pa.string()),
            pa.field("agent", pa.string()),
            pa.field("document", pa.int32()),
            pa.field("document_type", pa.string()),
            pa.field("filename", pa.string()),
            pa.field("content", pa.string()),
            pa.field("status", pa.string(), nullable=False),
            pa.field("error", pa.string()),
            pa.field("cover_form", pa.string()),
            pa.field("valuation", money),
            pa.field("fee", money),
            pa.field("stated_rate", rate),
            pa.field("fee_expected", money),
            pa.field("fee_difference", money),
            pa.field("fee_date", pa.date32()),
            pa.field("rate_in_force", rate),
            pa.field("fee_in_force", money),
            pa.field("boxes", pa.int32()),
            pa.field("boxes_checked", pa.list_(pa.string())),
            pa.field("boxes_checked_count", pa.int32()),
            pa.field("boxes_unreadable", pa.int32()),
            pa.field("amendment_number", pa.int32()),
            pa.field("exhibits_item12", pa.int32()),
            pa.field("exhibits_index", pa.int32()),
            pa.field("exhibits_attached", pa.int32()),
            pa.field("cusip", pa.string()),
            pa.field("fee_exhibit_rows", pa.int32()),
            pa.field("characters", pa.int64()),
            pa.field("findings", pa.int32()),
            pa.field("elapsed_ms", pa.float64()),
            pa.field("batch", pa.int32(), nullable=False),
        ]
    )
    diagnostics = pa.schema(
        [
            *header,
            pa.field("agent", pa.string()),
            pa.field("code", pa.string(), nullable=False),
            pa.field("rule", pa.string(), nullable=False),
            pa.field("severity", pa.string(), nullable=False),
            pa.field("message", pa.string(), nullable=False),
            pa.field("line", pa.int32()),
            pa.field("column", pa.int32()),
            pa.field("end_line", pa.int32()),
            pa.field("end_column", pa.int32()),
            pa.field("fix", pa.string()),
            pa.field("batch", pa.int32(), nullable=False),
        ]
    )
    return {"filings": filings, "diagnostics": diagnostics}


def part_name(batch: int, fmt: str) -> str:
    return f"part-{batch:05d}.{'parquet' if fmt == 'parquet' else 'jsonl'}"


def write_part(out: str, table: str, batch: int, rows: list[dict], fmt: str) -> None:
    """Write one batch's rows of one table to ``OUT/table/part-NNNNN.*``, atomically."""
    from filinglint.scan.agents import agent_of

    folder = os.path.join(out, table)
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, part_name(batch, fmt))
    temporary = f"{target}.tmp-{os.getpid()}"
    for row in rows:
        row["batch"] = batch
        row["agent"] = agent_of(row.get("accession"))
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = schemas()[table]
        columns = {name: [row.get(name) for row in rows] for name in schema.names}
        arrow = pa.table(columns, schema=schema)
        pq.write_table(arrow, temporary, compression="zstd")
    else:
        with open(temporary, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, default=_json_value, sort_keys=True) + "\n")
    _sync(temporary)
    os.replace(temporary, target)


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _sync(path: str) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def read_table(out: str, table: str):
    """The whole table of a scan (every finished part) as one pyarrow Table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = os.path.join(out, table)
    schema = schemas()[table]
    names = (
        sorted(n for n in os.listdir(folder) if n.endswith(".parquet"))
        if os.path.isdir(folder)
        else []
    )
    if not names:
        jsonl = _read_jsonl(folder, schema)
        if jsonl is not None:
            return jsonl
        return schema.empty_table()
    return pa.concat_tables(pq.read_table(os.path.join(folder, n), schema=schema) for n in names)


def _read_jsonl(folder: str, schema):
    import pyarrow as pa

    if not os.path.isdir(folder):
        return None
    names = sorted(n for n in os.listdir(folder) if n.endswith(".jsonl"))
    if not names:
        return None
    rows = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    columns = {}
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if pa.types.is_decimal(field.type):
            values = [Decimal(v) if v is not None else None for v in values]
        elif pa.types.is_date(field.type):
            values = [datetime.date.fromisoformat(v) if v else None for v in values]
        columns[field.name] = values
    return pa.table(columns, schema=schema)
