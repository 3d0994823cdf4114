"""tender-offer-period (Rule 14e-1(a), (b)), the business-day count and the date roles it
reads (commencement, change in terms), on the real filings and edited copies of them."""

from __future__ import annotations

import datetime

import pytest

from filinglint.linter.dates import build_dates
from filinglint.linter.engine import Engine
from filinglint.linter.place import Place
from filinglint.linter.query.business_days import (
    business_days_through,
    is_business_day,
    next_business_day,
)
from filinglint.linter.registry import select_rules
from filinglint.linter.source import read_path
from tests.conftest import CVR, lint, replace_once

ANCHOR = "         Capitalized terms used and not defined herein"


def period_findings(text: str):
    return [d for d in lint(text) if d.name == "tender-offer-period"]


def roles(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.role) for d in build_dates(text, Place(), set())]


# --- business days -------------------------------------------------------------------


def test_the_day_of_commencement_is_the_first_business_day():
    monday = datetime.date(2003, 3, 3)
    assert business_days_through(monday, monday) == 1
    assert business_days_through(monday, datetime.date(2003, 3, 28)) == 20  # 4 full weeks
    assert business_days_through(monday, datetime.date(2003, 3, 2)) == 0


def test_federal_holidays_and_observed_days_are_not_business_days():
    assert not is_business_day(datetime.date(2003, 5, 26))  # Memorial Day
    assert not is_business_day(datetime.date(2021, 12, 31))  # New Year's Day 2022, observed
    assert not is_business_day(datetime.date(2023, 6, 19))  # Juneteenth
    assert is_business_day(datetime.date(2003, 4, 18))  # Good Friday is no federal holiday
    assert not is_business_day(datetime.date(2003, 4, 26))  # a Saturday
    assert next_business_day(datetime.date(2009, 10, 9)) == datetime.date(2009, 10, 13)


# --- the roles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Offer commenced on Monday, March 3, 2003 and will expire later.",
        "Purchaser commenced the offer on March 3, 2003.",
        "Since the commencement of the Offer on March 3, 2003, holders have tendered.",
    ],
)
def test_commencement_is_read_from_the_phrases_that_state_it(sentence):
    [(_, role)] = roles(sentence)
    assert role == "commencement"


@pytest.mark.parametrize(
    "sentence",
    [
        "The expected commencement of the offer on March 3, 2003 was postponed.",
        "The Company's prior tender offer commenced on March 3, 2001.",
        "Purchaser has not commenced the offer on March 3, 2003.",
        "The Offer commenced on or about March 3, 2003.",
    ],
)
def test_commencement_is_not_guessed(sentence):
    [(_, role)] = roles(sentence)
    assert role is None


def test_a_change_in_the_price_is_dated_by_the_sentence_that_opens_with_it():
    assert roles("On May 5, 2003, the Company increased the offer price to $1.25.") == [
        ("May 5, 2003", "terms-change")
    ]
    assert roles("On May 5, 2003, the Company may increase the offer price.") == [
        ("May 5, 2003", None)
    ]
    # an increase in the shares sought may be one of up to 2% that 14e-1(b) ignores
    assert roles("On May 5, 2003, the Company increased the number of shares sought.") == [
        ("May 5, 2003", None)
    ]


def test_the_new_roles_leave_every_existing_reading_as_it_was(seed_text):
    text = replace_once(seed_text, ANCHOR, "The offer commenced on March 13, 2003.\n" + ANCHOR)
    before = [(d.text, d.role, d.time) for d in build_dates(seed_text, Place(), set())]
    after = [(d.text, d.role, d.time) for d in build_dates(text, Place(), set())]
    added = [d for d in after if d not in before]
    assert added == [("March 13, 2003", "commencement", None)]


# --- the rule on real text -----------------------------------------------------------


def test_the_real_filings_are_silent(seed_text):
    assert period_findings(seed_text) == []
    if not CVR.exists():
        pytest.skip(f"real SC TO-T/A not available ({CVR} is absent)")
    found = Engine(select_rules(["DAT005"])).check(read_path(str(CVR)))
    assert found == []


def test_the_seeds_real_period_passes(seed_text):
    # commenced with the Offer to Purchase of March 13, 2003; extended to April 23: 30 days
    text = replace_once(seed_text, ANCHOR, "The offer commenced on March 13, 2003.\n" + ANCHOR)
    assert period_findings(text) == []


def test_a_commencement_seventeen_business_days_before_expiration_is_reported(seed_text):
    text = replace_once(seed_text, ANCHOR, "The offer commenced on April 1, 2003.\n" + ANCHOR)
    [finding] = period_findings(text)
    assert finding.severity == "error"
    assert finding.message.startswith(
        "the offer is open 17 business days from its commencement on April 1, 2003 through"
        " the expiration on Wednesday, April 23, 2003; Rule 14e-1(a) requires at least 20"
    )
    assert finding.line == 99  # the new expiration (line 98 of the seed, one line added)
    assert [r.message for r in finding.related] == ["commencement"]


def test_a_price_increase_too_close_to_the_expiration_is_reported(seed_text):
    text = replace_once(
        seed_text,
        ANCHOR,
        "On April 14, 2003, the Company increased the offer price to $1.10 per share.\n" + ANCHOR,
    )
    [finding] = period_findings(text)
    assert "8 business days from the change in its terms on April 14, 2003" in finding.message
    assert "Rule 14e-1(b) requires at least 10" in finding.message


def test_a_price_increase_ten_business_days_before_expiration_passes(seed_text):
    text = replace_once(
        seed_text,
        ANCHOR,
        "On April 10, 2003, the Company increased the offer price to $1.10 per share.\n" + ANCHOR,
    )
    assert period_findings(text) == []


def test_two_commencement_dates_are_not_guessed_between(seed_text):
    text = replace_once(
        seed_text,
        ANCHOR,
        "The offer commenced on April 1, 2003. The offer commenced on March 13, 2003.\n" + ANCHOR,
    )
    assert period_findings(text) == []
