"""page-number-sequence on the real seed (pages 1-5 between <PAGE> markers) and edited copies."""

from __future__ import annotations

from tests.conftest import lint


def page_findings(text: str):
    return [d for d in lint(text) if d.name == "page-number-sequence"]


def _renumber(seed_text: str, old: str, new: str) -> str:
    line = " " * 38 + old + "\n<PAGE>"
    assert seed_text.count(line) == 1
    return seed_text.replace(line, " " * 38 + new + "\n<PAGE>")


def test_the_seeds_pages_run_one_to_five(seed_text):
    assert page_findings(seed_text) == []


def test_a_skipped_page_in_the_seed_is_reported_on_its_number(seed_text):
    text = _renumber(seed_text, "3", "4")
    findings = page_findings(text)
    assert [f.message for f in findings] == [
        "page number 4 skips page 3: the page before is numbered 2",
        "page number 4 repeats a number: the page before is numbered 4",
    ]
    assert findings[0].severity == "warning"
    assert text.split("\n")[findings[0].line - 1].strip() == "4"


def test_a_restarted_numbering_is_not_a_skip(seed_text):
    text = _renumber(seed_text, "4", "1")  # the last two pages: an annex numbered 1, 2
    assert text.endswith(" " * 38 + "5\n") or text.endswith(" " * 38 + "5")
    text = text.rstrip("\n")[:-1] + "2\n"
    assert page_findings(text) == []
