"""valuation-basis-mismatch on the real seed and edited copies of it."""

from __future__ import annotations

from tests.conftest import lint, replace_once


def basis_findings(text: str):
    return [d for d in lint(text) if d.name == "valuation-basis-mismatch"]


def test_the_seeds_valuation_is_its_count_times_price(seed_text):
    assert basis_findings(seed_text) == []  # 2,500,000 shares × $1.00 = $2,500,000


def test_a_count_that_does_not_multiply_out_is_reported(seed_text):
    text = replace_once(seed_text, "purchase of 2,500,000 shares", "purchase of 2,400,000 shares")
    [finding] = basis_findings(text)
    assert finding.severity == "error"
    assert "2,400,000 shares × $1.00 = $2,400,000.00 ($100,000.00 more)" in finding.message
    assert (finding.line, finding.column) == (40, 18)
    assert [r.line for r in finding.related] == [42]


def test_a_basis_with_two_prices_is_not_guessed(seed_text):
    text = replace_once(
        seed_text,
        "at the tender offer price of $1.00 per share of",
        "at the tender offer price of $1.00 per share (or $1.10 per share) of",
    )
    assert basis_findings(text) == []
