"""amendment-number on the real seed and SC TO-T/A (../shared) and edited copies of them."""

from __future__ import annotations

from tests.conftest import LAKESHORE, lint, replace_once


def amendment_findings(text: str):
    return [d for d in lint(text) if d.name == "amendment-number"]


def test_the_seed_amendment_no_2_after_amendment_no_1_is_silent(seed_text):
    assert amendment_findings(seed_text) == []


def test_the_seed_numbered_as_its_own_earlier_amendment_is_reported(seed_text):
    text = replace_once(seed_text, "(Amendment No. 2)", "(Amendment No. 1)")
    [finding] = amendment_findings(text)
    assert finding.severity == "error"
    assert (
        "names Amendment No. 1 as an earlier amendment, but the cover says this filing is"
        " Amendment No. 1" in finding.message
    )
    assert text.split("\n")[finding.line - 1].startswith("March 13, 2003, as amended by")


def test_the_seed_numbered_past_the_next_amendment_is_reported(seed_text):
    text = replace_once(seed_text, "(Amendment No. 2)", "(Amendment No. 3)")
    [finding] = amendment_findings(text)
    assert "which makes this Amendment No. 2" in finding.message


def test_the_real_html_amendment_no_3_is_silent(cvr_text):
    # "This Amendment No. 3 … as amended … by Amendment No. 1 … by Amendment No. 2"
    assert amendment_findings(cvr_text) == []


def test_the_real_html_cover_renumbered_is_reported(cvr_text):
    text = replace_once(cvr_text, "(Amendment No.&nbsp;3)", "(Amendment No.&nbsp;2)")
    [finding] = amendment_findings(text)
    assert finding.message == (
        "the text calls this filing Amendment No. 3, but the cover says Amendment No. 2"
    )


def test_a_final_amendment_box_on_the_original_lakeshore_statement_is_reported():
    original = LAKESHORE.read_text(encoding="utf-8")
    assert amendment_findings(original) == []
    text = replace_once(
        original, "results of the tender offer: |_|", "results of the tender offer: |X|"
    )
    [finding] = amendment_findings(text)
    assert "final-amendment box is checked" in finding.message
    assert text.split("\n")[finding.line - 1].startswith("results of the tender offer: |X|")


def test_a_seed_whose_cover_lost_its_number_is_not_called_an_original(seed_text):
    # the text still "hereby amends" the statement: the cover lacks a number (SUB001's
    # business in a submission), the final-amendment box is not the defect
    text = replace_once(seed_text, "Schedule TO/A", "Schedule TO  ")
    text = replace_once(text, "(Amendment No. 2)", "                 ")
    text = replace_once(
        text, "results of the tender offer: |_|", "results of the tender offer: |x|"
    )
    assert amendment_findings(text) == []


def test_a_final_amendment_box_on_the_seed_amendment_is_silent(seed_text):
    text = replace_once(
        seed_text, "results of the tender offer: |_|", "results of the tender offer: |x|"
    )
    assert amendment_findings(text) == []
