"""fee-rate-conflict on the real seed and edited copies of it."""

from __future__ import annotations

from tests.conftest import lint, replace_once

RATE_LINE = "Securities Exchange Act of 1934, equals 0.0000809 of the transaction"


def conflicts(text: str):
    return [d for d in lint(text) if d.name == "fee-rate-conflict"]


def test_the_seed_states_one_rate(seed_text):
    assert conflicts(seed_text) == []


def test_a_second_rate_in_the_seeds_footnote_is_reported(seed_text):
    text = replace_once(
        seed_text,
        "+    This amount has previously been paid.",
        "+    This amount has previously been paid at $92 per $1,000,000.",
    )
    [finding] = conflicts(text)
    assert finding.severity == "error"
    assert '"$92 per $1,000,000" ($92.00 per $1,000,000)' in finding.message
    assert '"0.0000809" ($80.90 per $1,000,000)' in finding.message
    assert [r.line for r in finding.related] == [47]


def test_the_same_rate_written_twice_is_one_rate(seed_text):
    text = replace_once(
        seed_text,
        RATE_LINE,
        RATE_LINE.replace("0.0000809", "$80.90 per $1,000,000, or 0.0000809,"),
    )
    assert conflicts(text) == []
