"""docs/scan.md: its column tables are the schemas, and its worked queries run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="the scan extra (pyarrow) is not installed")

from filinglint.scan.run import ScanRequest, run  # noqa: E402
from filinglint.scan.tables import schemas  # noqa: E402
from filinglint.scan.task import TaskOptions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "scan.md").read_text(encoding="utf-8")


def documented(table: str) -> dict[str, str]:
    """The ``| `column` | type | what |`` rows under the table's heading."""
    section = DOC.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", section, re.M))


@pytest.mark.parametrize("table", ["filings", "diagnostics"])
def test_the_documented_columns_are_the_schema(table):
    schema = schemas()[table]
    types = {field.name: str(field.type) for field in schema}
    described = documented(table)
    assert list(described) == schema.names
    for name, kind in described.items():
        expected = types[name].replace("date32[day]", "date32").replace("list<item: ", "list<")
        assert kind.replace(" ", "") == expected.replace(" ", ""), name


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    inputs = folder / "in"
    inputs.mkdir()
    cases = sorted((ROOT / "tests" / "rules" / "cases").glob("[BF]*/*.txt"))
    sources = [ROOT / "examples" / "harborview-sc-to-i-a.txt", *cases]
    for number, source in enumerate(sources):
        shutil.copy(source, inputs / f"{number:03d}-{source.name}")
    out = folder / "out"
    run(
        ScanRequest(
            files=sorted(str(p) for p in inputs.iterdir()),
            out=str(out),
            workers=2,
            options=TaskOptions(isolated=True),
            progress="off",
        )
    )
    return out


def test_the_worked_queries_run(scanned):
    duckdb = pytest.importorskip("duckdb", reason="DuckDB (the scan extra) is not installed")
    queries = re.findall(r"```sql\n(.*?)```", DOC, re.S)
    assert len(queries) == 3
    results = [duckdb.sql(q.replace("OUT", str(scanned))).fetchall() for q in queries]
    by_year, agents, rates = results
    assert by_year and all(row[1] >= row[2] + row[3] for row in by_year)
    assert sum(row[2] + row[3] for row in by_year) >= 1  # the example overpays
    boxes = duckdb.sql(
        f"SELECT count(*) FROM '{scanned}/diagnostics/*.parquet' WHERE code LIKE 'BOX%'"
    ).fetchall()[0][0]
    assert boxes > 0 and sum(row[2] for row in agents) == boxes
    assert [row[3] for row in agents] == sorted((row[3] for row in agents), reverse=True)
    assert rates and all(row[2] != row[3] for row in rates)


def test_the_pyarrow_example_runs(scanned, capsys):
    (snippet,) = re.findall(r"```python\n(.*?)```", DOC, re.S)
    exec(snippet.replace("OUT", str(scanned)), {})
    assert capsys.readouterr().out.strip() == "[]"  # every file checked cleanly
