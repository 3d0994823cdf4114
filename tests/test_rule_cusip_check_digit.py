"""cusip-check-digit on real covers (../shared) and edited copies of them."""

from __future__ import annotations

import pytest

from filinglint.linter.query.identifiers import cusip_check_digit
from tests.conftest import CORPUS, lint, replace_once


def cusip_findings(text: str, path: str = "filing.txt"):
    return [d for d in lint(text, path=path) if d.name == "cusip-check-digit"]


@pytest.mark.parametrize(
    ("cusip", "digit"),
    [
        ("037833100", 0),  # Apple Inc. common stock
        ("38259P508", 8),  # Google Inc. class A (2004 prospectus)
        ("75382N208", 8),  # the seed's Rare Medium Group common stock
        ("12662P108", 8),  # CVR Energy common stock (the corpus SC TO-T/A)
    ],
)
def test_check_digits_of_published_cusips(cusip, digit):
    assert cusip_check_digit(cusip[:8]) == digit


def test_letters_and_special_characters_count_as_the_standard_says():
    # "*" = 36, "@" = 37, "#" = 38 (private placement numbers use them)
    assert cusip_check_digit("1234567*") != cusip_check_digit("1234567@")
    assert cusip_check_digit("1234567#") == (10 - (1 + 4 + 3 + 8 + 5 + 1 + 2 + 7 + 7 + 6) % 10) % 10


def test_the_seeds_cusip_is_valid_and_a_mistyped_one_is_reported(seed_text):
    assert cusip_findings(seed_text) == []
    edited = replace_once(seed_text, "75382N208", "75382N206")
    [finding] = cusip_findings(edited)
    assert finding.severity == "error"
    assert "the check digit of 75382N20 is 8, not 6" in finding.message
    line = edited.split("\n")[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "75382N206"


def test_the_real_html_cover_is_silent_and_its_edited_copy_is_not():
    path = CORPUS / "sc-to-t-a-0001104659-25-002604.txt"
    if not path.exists():
        pytest.skip(
            f"real corpus filing not available ({path} is absent: ../shared not beside repo)"
        )
    text = path.read_text(encoding="utf-8")
    assert cusip_findings(text) == []
    edited = text.replace("12662P108", "12662P109")
    [finding] = cusip_findings(edited)
    assert "12662P109" in finding.message
