"""exhibit-reference-unknown on the real seed and SC TO-T/A (../shared) and edited copies."""

from __future__ import annotations

from filinglint.linter.build import build
from tests.conftest import LAKESHORE, lint, replace_once


def reference_findings(text: str):
    return [d for d in lint(text) if d.name == "exhibit-reference-unknown"]


def test_the_reader_ties_only_hereto_and_herewith_references_to_the_filing():
    filing = build(
        "The release is filed as Exhibit (a)(5)(D) hereto. The offer, attached hereto as\n"
        "Exhibit (a)(1)(F), and the letter filed herewith as Exhibits (a)(5)(C) and (d)(2).\n"
        "The Offer to Purchase was filed as Exhibit (a)(1)(A) to the Schedule TO, and the\n"
        "plan is incorporated by reference to Exhibit (d)(1) to the Company's Form 8-K.\n"
        "It is attached hereto as Exhibit (a)(1)(B) to the Offer to Purchase.\n"
    )
    assert [r.code for r in filing.exhibit_references] == [
        "(a)(5)(D)",
        "(a)(1)(F)",
        "(a)(5)(C)",
        "(d)(2)",
    ]


def test_the_seed_reference_to_its_listed_press_release_is_silent(seed_text):
    assert reference_findings(seed_text) == []


def test_the_seed_citing_an_unlisted_exhibit_is_reported(seed_text):
    text = replace_once(seed_text, "(a)(5)(B) hereto", "(a)(5)(C) hereto")
    [finding] = reference_findings(text)
    assert finding.severity == "error"
    assert "refers to Exhibit (a)(5)(C) of this filing, but Item 12" in finding.message
    line = text.split("\n")[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "(a)(5)(C)"


def test_the_real_html_references_are_silent(cvr_text):
    # "attached hereto as Exhibit (a)(5)(C)"; "filed herewith as Exhibit (d)(1)" in a list entry
    assert reference_findings(cvr_text) == []


def test_the_real_html_citing_an_unlisted_exhibit_is_reported(cvr_text):
    text = replace_once(
        cvr_text, "attached hereto as Exhibit (a)(5)(C)", "attached hereto as Exhibit (a)(5)(D)"
    )
    [finding] = reference_findings(text)
    assert "Exhibit (a)(5)(D)" in finding.message


def test_the_lakeshore_statement_files_what_it_lists():
    assert reference_findings(LAKESHORE.read_text(encoding="utf-8")) == []
