"""Every real filing in ../shared/corpus goes through without a crash or a false alarm."""

from __future__ import annotations

import csv

import pytest

from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.source import read_path
from tests.conftest import CORPUS, CVR_BOX_STATES

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


@pytest.mark.parametrize(
    "name", ["sc-to-t-a-0001104659-25-002604.txt", "sc-to-t-a-0001104659-25-002604.nc"]
)
def test_real_sc_to_t_amendment_is_read_into_the_ast(name):
    from filinglint.linter.documents import build_root

    root = build_root(read_path(str(CORPUS / name)))
    [main] = [d for d in root.documents if d.type == "SC TO-T/A"]
    cover = main.filing.cover
    states = {box.role: box.state for box in cover.boxes if box.role}
    assert states == CVR_BOX_STATES
    assert cover.amendment_number == 3
    assert cover.cusip is not None and cover.cusip.value == "12662P108"
    codes = {entry.code for lst in main.filing.exhibit_lists for entry in lst.entries}
    assert "(a)(5)(C)" in codes
    diagnostics = Engine(list(all_rules())).check(read_path(str(CORPUS / name)))
    assert not [d for d in diagnostics if d.name == "transaction-type-count"]


def test_seed_fixture_structures_are_all_found():
    from filinglint.linter.documents import build_root
    from tests.conftest import SEED

    filing = build_root(read_path(str(SEED)))
    cover = filing.cover
    assert (cover.form, cover.amendment_number, cover.cusip.value) == ("SC TO/A", 2, "75382N208")
    assert cover.subject_company.value == "Rare Medium Group, Inc."
    assert cover.fee_table.valuation.text == "$2,500,000" and cover.fee_table.fee.text == "$203.00"
    assert [g.group for g in cover.box_groups] == ["transaction-type"]
    assert [x.source for x in filing.exhibit_lists] == ["item", "index"]
    assert [len(x.entries) for x in filing.exhibit_lists] == [20, 20]
    assert [item.numbers for item in filing.items] == [(1, 4, 11), (12,)]
    assert filing.signatures[0].date.text == "April 16, 2003"


def test_the_whole_corpus_through_the_command_line(capsys):
    from filinglint.cli import main

    code = main(["check", "--output-format", "concise", str(CORPUS)])
    captured = capsys.readouterr()
    assert code in (0, 1) and captured.err == ""
    assert "FL900" not in captured.out
