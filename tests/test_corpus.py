"""Every real filing in ../shared/corpus goes through without a crash or a false alarm."""

from __future__ import annotations

import csv

import pytest

from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.source import read_path
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(
    not CORPUS.exists(), reason=f"real corpus not available ({CORPUS} is absent)"
)


def manifest() -> list[dict]:
    if not CORPUS.exists():
        return []
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("entry", manifest(), ids=lambda e: e["file"])
def test_corpus_filing_is_read_without_internal_errors(entry):
    source = read_path(str(CORPUS / entry["file"]))
    diagnostics = Engine(list(all_rules())).check(source)
    assert not [d for d in diagnostics if d.name == "internal-error"]
    if entry["clean"] == "yes":
        assert [d for d in diagnostics if d.severity == "error"] == []
