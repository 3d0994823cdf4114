"""offset-box-inconsistent on the real seed and edited copies of it."""

from __future__ import annotations

from tests.conftest import lint, replace_once


def offset_findings(text: str):
    return [d for d in lint(text) if d.name == "offset-box-inconsistent"]


def test_the_seeds_unchecked_box_with_not_applicable_fields_is_silent(seed_text):
    assert offset_findings(seed_text) == []


def test_checking_the_seeds_offset_box_without_an_amount_is_reported(seed_text):
    text = replace_once(
        seed_text,
        "|_|  Check the box if any part of the fee is offset",
        "|X|  Check the box if any part of the fee is offset",
    )
    [finding] = offset_findings(text)
    assert finding.severity == "warning"
    assert "checked but Amount Previously Paid says 'Not Applicable'" in finding.message
    assert text.split("\n")[finding.line - 1].startswith("|X|")


def test_an_amount_under_the_seeds_unchecked_box_is_reported(seed_text):
    text = replace_once(
        seed_text,
        "Amount Previously Paid:    Not Applicable",
        "Amount Previously Paid:    $203.00       ",
    )
    [finding] = offset_findings(text)
    assert "'$203.00' but the fee-offset box is not checked" in finding.message
