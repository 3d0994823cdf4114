"""expiration-not-business-day on the real filings and edited copies of them."""

from __future__ import annotations

import pytest

from filinglint.linter.engine import Engine
from filinglint.linter.registry import select_rules
from filinglint.linter.source import read_path
from tests.conftest import CVR, lint, replace_once

NEW = (
    "extending the expiration of the offer until 5:00\n"
    "p.m., New York City time, on Wednesday, April 23, 2003"
)


def day_findings(text: str):
    return [d for d in lint(text) if d.name == "expiration-not-business-day"]


def test_the_real_filings_are_silent(seed_text, example_text):
    assert day_findings(seed_text) == []
    assert day_findings(example_text) == []
    if not CVR.exists():
        pytest.skip(f"real SC TO-T/A not available ({CVR} is absent)")
    assert Engine(select_rules(["DAT007"])).check(read_path(str(CVR))) == []


def test_an_extension_to_a_saturday_is_reported(seed_text):
    text = replace_once(seed_text, NEW, NEW.replace("Wednesday, April 23", "Saturday, April 26"))
    [finding] = day_findings(text)
    assert finding.severity == "warning"
    assert finding.message == (
        "the expiration Saturday, April 26, 2003 is a Saturday, not a business day"
    )
    assert finding.line == 98


def test_a_previous_expiration_on_a_federal_holiday_is_reported(seed_text):
    old = (
        "previously scheduled to expire at 5:00 p.m.,\n"
        "New York City time, on Wednesday, April 16, 2003"
    )
    text = replace_once(seed_text, old, old.replace("Wednesday, April 16", "Monday, February 17"))
    [finding] = day_findings(text)
    assert finding.message == (
        "the previous expiration Monday, February 17, 2003 is a federal holiday"
        " (Washington's Birthday), not a business day"
    )
