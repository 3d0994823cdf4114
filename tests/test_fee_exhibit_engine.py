"""Inline XBRL fee exhibits through the engine: alone, and inside a submission."""

from __future__ import annotations

from tests.conftest import lint
from tests.submissions import sgml_submission
from tests.test_fee_exhibit import at, element_span, exhibit_text


def ffx(text: str, path: str = "ex107.htm"):
    return [d for d in lint(text, path=path) if d.code.startswith(("FFX", "SUB006"))]


def test_standalone_exhibit_correct_is_silent_and_wrong_fee_is_located():
    assert ffx(exhibit_text()) == []
    text = exhibit_text(rate1="0.0001381")
    [finding] = ffx(text)
    span = element_span(text, "f09")
    assert finding.code == "FFX001"
    where = at(text, span)
    assert (finding.line, finding.column, finding.end_column) == (
        where.line,
        where.column,
        where.end_column,
    )


def test_exhibit_inside_a_submission_is_located_in_the_file_and_knows_the_header(example_text):
    exhibit = exhibit_text(rate1="0.0001381")
    text = sgml_submission(
        example_text,
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("EX-FILING FEES", exhibit)),
    )
    [line_fee] = [d for d in lint(text) if d.code == "FFX001"]
    local = element_span(exhibit, "f09")
    start = text.index(exhibit.rstrip()[:200])
    first_line = text.count("\n", 0, start) + 1
    assert line_fee.line == first_line + at(exhibit, local).line - 1
    assert text.splitlines()[line_fee.line - 1][line_fee.column - 1 :].startswith("<ix:")
    wrong_type = sgml_submission(
        example_text,
        submission_type="SC TO-T/A",
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("EX-FILING FEES", exhibit_text())),
    )
    assert "FFX009" in [d.code for d in lint(wrong_type)]


def test_exhibit_totals_against_the_statements_fee_table(example_text):
    exhibit = exhibit_text()  # total valuation 52,500,000.00, total fee 8,037.75
    text = sgml_submission(
        example_text,
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("EX-FILING FEES", exhibit)),
    )
    found = [d for d in lint(text) if d.code == "SUB006"]
    assert [d.message for d in found] == [
        "the fee exhibit's total transaction valuation $52,500,000.00 differs from the"
        " Schedule TO fee table's $25,000,000.00",
        "the fee exhibit's total fee $8,037.75 differs from the Schedule TO fee table's $1,400.00",
    ]
    agreeing = example_text.replace("$25,000,000 ", "$52,500,000 ").replace(
        "$1,400.00", "$8,037.75"
    )
    text = sgml_submission(
        agreeing,
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("EX-FILING FEES", exhibit)),
    )
    assert [d for d in lint(text) if d.code == "SUB006"] == []
