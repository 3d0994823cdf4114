"""two-digit-year on the real seed and edited copies of it."""

from __future__ import annotations

from tests.conftest import lint


def short_years(text: str):
    return [d for d in lint(text) if d.name == "two-digit-year"]


def test_the_seed_writes_every_year_in_full(seed_text):
    assert short_years(seed_text) == []


def test_a_two_digit_expiration_year_in_the_seed_is_reported(seed_text):
    assert seed_text.count("April 23, 2003") >= 1
    text = seed_text.replace("April 23, 2003", "April 23, 03", 1)
    [finding] = short_years(text)
    assert finding.severity == "warning"
    assert "gives the year in two digits (03)" in finding.message


def test_a_two_digit_year_no_phrase_leads_to_is_not_read(seed_text):
    text = seed_text.replace("SECURITIES AND EXCHANGE COMMISSION", "Since March 13, 03 -", 1)
    assert short_years(text) == []
