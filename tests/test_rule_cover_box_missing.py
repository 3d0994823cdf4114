"""cover-box-missing on the real seed and SC TO-T/A (../shared) and edited copies of them."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, lint, replace_once


def box_findings(text: str):
    return [d for d in lint(text) if d.name == "cover-box-missing"]


def test_the_2003_seed_cover_without_cross_border_boxes_is_silent(seed_text):
    assert box_findings(seed_text) == []


def test_the_2025_html_cover_without_fee_table_is_silent(cvr_text):
    assert box_findings(cvr_text) == []


def test_a_line_printed_twice_for_another_is_reported_on_the_seed(seed_text):
    text = replace_once(
        seed_text,
        "|x|  issuer tender offer subject to Rule 13e-4.",
        "|x|  third-party tender offer subject to Rule 14d-1.",
    )
    findings = box_findings(text)
    assert sorted(f.message for f in findings) == [
        'the Schedule TO cover has no "issuer tender offer subject to Rule 13e-4" box line',
        'the cover prints the "third-party tender offer subject to Rule 14d-1" box line twice',
    ]
    assert all(f.severity == "error" for f in findings)


def test_a_cross_border_line_dropped_from_the_html_cover_is_reported(cvr_text):
    text = replace_once(
        cvr_text,
        "Rule&nbsp;14d-1(d)&nbsp;(Cross-Border Third-Party Tender Offer)",
        "Rule&nbsp;13e-4(i)&nbsp;(Cross-Border Issuer Tender Offer)",
    )
    messages = sorted(f.message for f in box_findings(text))
    assert messages == [
        'the Schedule TO cover has no "Rule 14d-1(d) (Cross-Border Third-Party Tender Offer)"'
        " box line",
        'the cover prints the "Rule 13e-4(i) (Cross-Border Issuer Tender Offer)" box line twice',
    ]


def test_the_seed_offset_box_is_required_under_its_fee_table(seed_text):
    text = replace_once(
        seed_text,
        "|_|  Check the box if any part of the fee is offset as provided by Rule",
        "     Check whether any part of the fee is offset as provided by Rule",
    )
    [finding] = box_findings(text)
    assert "offset as provided by Rule 0-11(a)(2)" in finding.message


def test_non_schedule_to_covers_are_silent():
    for name in ("8-k-0000943374-24-000509.txt", "sc-13g-document.html"):
        path = CORPUS / name
        if not path.exists():
            pytest.skip(f"real corpus filing not available ({path} is absent)")
        assert [
            d
            for d in lint(path.read_text(encoding="utf-8", errors="replace"), path=name)
            if d.name == "cover-box-missing"
        ] == []
