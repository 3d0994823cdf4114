"""The json and json-lines formats are written without pydantic, yet byte for byte what
the pydantic model (``linter/models.py``, the owner of the published schema) writes."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.linter.diagnostics import Diagnostic, Edit, Fix, Location
from filinglint.linter.models import dump_diagnostics
from filinglint.linter.report import get_reporter
from tests.conftest import EXAMPLE, ROOT, lint

# Text as filings and file names hold it: any character but lone surrogates (which
# pydantic refuses to serialise at all).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
POSITIVE = st.integers(min_value=1, max_value=10**9)


def _locations():
    return st.builds(
        Location, path=TEXT, line=POSITIVE, column=POSITIVE, end_line=POSITIVE,
        end_column=POSITIVE, message=TEXT,
    )  # fmt: skip


def _fixes():
    edit = st.builds(
        Edit, start=st.integers(0, 10**9), end=st.integers(0, 10**9), content=TEXT,
        line=POSITIVE, column=POSITIVE, end_line=POSITIVE, end_column=POSITIVE,
    )  # fmt: skip
    return st.builds(
        Fix,
        message=TEXT,
        safety=st.sampled_from(["safe", "unsafe"]),
        edits=st.lists(edit, max_size=3).map(tuple),
    )


DIAGNOSTICS = st.builds(
    Diagnostic,
    code=st.from_regex(r"\A[A-Z]{2,4}\d{3}\Z"),
    name=st.from_regex(r"\A[a-z0-9]+(-[a-z0-9]+)*\Z"),
    severity=st.sampled_from(["error", "warning", "info"]),
    message=TEXT,
    path=TEXT,
    line=POSITIVE,
    column=POSITIVE,
    end_line=POSITIVE,
    end_column=POSITIVE,
    hint=st.none() | TEXT,
    related=st.lists(_locations(), max_size=3).map(tuple),
    fix=st.none() | _fixes(),
)


def _pydantic_json(diagnostics) -> str:
    return json.dumps(dump_diagnostics(diagnostics), indent=2) + "\n"


def _pydantic_json_lines(diagnostics) -> str:
    return "".join(
        json.dumps(item, separators=(",", ":")) + "\n" for item in dump_diagnostics(diagnostics)
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(DIAGNOSTICS, max_size=4))
def test_json_bytes_equal_the_pydantic_models(diagnostics):
    assert get_reporter("json")(diagnostics, {}) == _pydantic_json(diagnostics)
    assert get_reporter("json-lines")(diagnostics, {}) == _pydantic_json_lines(diagnostics)


def test_real_findings_with_fixes_and_related_places_serialise_the_same():
    diagnostics = lint(EXAMPLE.read_text(encoding="utf-8"), path=str(EXAMPLE))
    assert any(d.fix for d in diagnostics) and any(d.related for d in diagnostics)
    assert get_reporter("json")(diagnostics, {}) == _pydantic_json(diagnostics)
    assert get_reporter("json-lines")(diagnostics, {}) == _pydantic_json_lines(diagnostics)


def test_json_output_does_not_import_pydantic():
    probe = (
        "import sys, io, contextlib; from filinglint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--isolated', '--output-format', 'json', {str(EXAMPLE)!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout
