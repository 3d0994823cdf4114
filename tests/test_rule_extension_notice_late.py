"""extension-notice-late (Rule 14e-1(d)) and the extension-announcement role it reads, on
the real filings and edited copies of them."""

from __future__ import annotations

import pytest

from filinglint.linter.dates import build_dates
from filinglint.linter.engine import Engine
from filinglint.linter.place import Place
from filinglint.linter.registry import select_rules
from filinglint.linter.source import read_path
from tests.conftest import CVR, lint, replace_once

NOTICE = "On April 16, 2003, the Company issued a press release announcing the"


def late_findings(text: str):
    return [d for d in lint(text) if d.name == "extension-notice-late"]


def roles(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.role, d.time) for d in build_dates(text, Place(), set())]


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        ("On October 7, 2009, the Company issued a press release announcing the extension.", None),
        (
            "On October 7, 2009 at 10:30 a.m., New York City time, the Company issued a"
            " press release announcing the extension.",
            "10:30",
        ),
        (
            "At 8:30 a.m., New York City time, on October 7, 2009, the Company publicly"
            " announced the extension.",
            "08:30",
        ),
    ],
)
def test_the_announcement_is_the_date_that_opens_its_sentence(sentence, time):
    assert roles(sentence) == [("October 7, 2009", "extension-announcement", time)]


@pytest.mark.parametrize(
    "sentence",
    [
        "On October 7, 2009, the Company will issue a press release announcing the extension.",
        "The Company said that on October 7, 2009 it issued a release announcing the extension.",
        "On October 7, 2009, the Board met. The Company issued a release announcing the extension.",
    ],
)
def test_the_announcement_is_not_guessed(sentence):
    assert [role for _, role, _ in roles(sentence)] == [None]


def test_the_real_filings_are_silent(seed_text, example_text):
    assert late_findings(seed_text) == []  # announced on the day of the old expiration
    assert late_findings(example_text) == []
    if not CVR.exists():
        pytest.skip(f"real SC TO-T/A not available ({CVR} is absent)")
    assert Engine(select_rules(["DAT006"])).check(read_path(str(CVR))) == []


def test_the_next_business_day_without_a_time_is_not_judged(seed_text):
    text = replace_once(seed_text, NOTICE, NOTICE.replace("April 16", "April 17"))
    assert late_findings(text) == []


def test_an_announcement_two_days_after_the_expiration_is_reported(seed_text):
    text = replace_once(seed_text, NOTICE, NOTICE.replace("April 16", "April 18"))
    [finding] = late_findings(text)
    assert finding.severity == "error"
    assert finding.message == (
        "the extension was announced on April 18, 2003, later than 9:00 a.m. Eastern on"
        " Thursday, April 17, 2003, the business day after the scheduled expiration on"
        " Wednesday, April 16, 2003 (Rule 14e-1(d))"
    )
    assert (finding.line, finding.column) == (110, 13)
    assert [r.message for r in finding.related] == ["scheduled expiration"]


def test_an_announcement_after_nine_on_the_next_business_day_is_reported(seed_text):
    text = replace_once(
        seed_text,
        NOTICE,
        NOTICE.replace("April 16, 2003,", "April 17, 2003 at 9:30 a.m., New York City time,"),
    )
    [finding] = late_findings(text)
    assert "announced on April 17, 2003 at 9:30 a.m., later than 9:00 a.m." in finding.message


def test_an_announcement_at_nine_on_the_next_business_day_passes(seed_text):
    text = replace_once(
        seed_text,
        NOTICE,
        NOTICE.replace("April 16, 2003,", "April 17, 2003 at 9:00 a.m., New York City time,"),
    )
    assert late_findings(text) == []


def test_a_time_without_its_zone_is_not_read(seed_text):
    # "9:30 a.m." alone may be local time elsewhere: the date alone is judged (not late)
    text = replace_once(
        seed_text, NOTICE, NOTICE.replace("April 16, 2003,", "April 17, 2003 at 9:30 a.m.,")
    )
    assert late_findings(text) == []
