"""The four date rules on the seed, edited copies, and the project's own filings."""

from __future__ import annotations

from tests.conftest import lint, replace_once


def named(text: str, name: str):
    return [d for d in lint(text) if d.name == name]


def test_seed_dates_are_consistent(seed_text):
    for name in ("date-invalid", "date-weekday-mismatch", "date-order", "expiration-not-later"):
        assert named(seed_text, name) == [], name


def test_date_invalid(seed_text):
    text = replace_once(seed_text, "April 1, 2003 (the", "April 31, 2003 (the")
    [finding] = named(text, "date-invalid")
    assert (finding.line, finding.column) == (77, 1)
    assert finding.message == '"April 31, 2003" is not a real date: April 2003 has 30 days'


def test_february_29_in_leap_and_common_years():
    assert len(named("Signed on February 29, 2003.\n", "date-invalid")) == 1
    assert named("Signed on February 29, 2004.\n", "date-invalid") == []


def test_weekday_mismatch(seed_text):
    text = replace_once(
        seed_text, "Wednesday, April 23, 2003, unless", "Thursday, April 23, 2003, unless"
    )
    [finding] = named(text, "date-weekday-mismatch")
    assert finding.line == 98
    assert finding.message == "April 23, 2003 is a Wednesday, not a Thursday"


def test_weekday_mismatch_across_a_line_wrap(seed_text):
    # "Wednesday, April\n16, 2003" wraps at line 101; the finding spans both lines.
    text = replace_once(
        seed_text, 'and "Wednesday, April\n16, 2003', 'and "Friday, April\n16, 2003'
    )
    [finding] = named(text, "date-weekday-mismatch")
    assert (finding.line, finding.end_line) == (101, 102)


def test_amendment_dated_before_original(seed_text):
    text = replace_once(seed_text, "April 1, 2003 (the", "March 1, 2003 (the")
    [finding] = named(text, "date-order")
    assert finding.line == 77
    assert (
        "Amendment No. 1's filing date March 1, 2003 is earlier than the original"
        in finding.message
    )
    assert finding.related[0].line == 76


def test_signature_dated_before_earlier_amendment(seed_text):
    text = replace_once(seed_text, "Date:  April 16, 2003", "Date:  March 30, 2003")
    [finding] = named(text, "date-order")
    assert finding.line == 211
    assert "the signature date March 30, 2003 is earlier than Amendment No. 1" in finding.message


def test_extension_to_an_earlier_date(seed_text):
    text = replace_once(
        seed_text, "Wednesday, April 23, 2003, unless", "Wednesday, April 9, 2003, unless"
    )
    [finding] = named(text, "expiration-not-later")
    assert finding.line == 98
    assert "earlier than the previous expiration Wednesday, April 16, 2003" in finding.message


def test_extension_later_the_same_day_is_fine():
    text = (
        "The Company is extending the expiration of the offer until 12:00 midnight,\n"
        "New York City time, on Friday, May 6, 2011. The offer was previously\n"
        "scheduled to expire at 5:00 p.m., New York City time, on Friday, May 6, 2011.\n"
    )
    assert named(text, "expiration-not-later") == []
    earlier = text.replace("12:00 midnight", "3:00 p.m.")
    assert len(named(earlier, "expiration-not-later")) == 1


def test_hedged_extension_is_not_an_extension():
    text = (
        "We may be required to extend the Offer until June 30, 2011. The Offer is\n"
        "scheduled to expire on July 15, 2011. The offer was previously scheduled to\n"
        "expire on July 15, 2011.\n"
    )
    assert named(text, "expiration-not-later") == []


def test_example_weekday_defect(example_text):
    [finding] = named(example_text, "date-weekday-mismatch")
    assert (finding.line, finding.column) == (103, 36)
    assert finding.message == "October 20, 2009 is a Tuesday, not a Wednesday"
    assert named(example_text, "date-order") == []
    assert named(example_text, "expiration-not-later") == []


def test_extension_reads_the_date_after_until_not_the_offer_date():
    text = (
        "The Company has extended the Offer to Purchase dated March 13, 2003 until\n"
        "5:00 p.m., New York City time, on April 23, 2003. The offer was previously\n"
        "scheduled to expire at 5:00 p.m., New York City time, on April 16, 2003.\n"
    )
    assert named(text, "expiration-not-later") == []
    earlier = text.replace("on April 23, 2003", "on April 9, 2003")
    [finding] = named(earlier, "expiration-not-later")
    assert finding.line == 2 and "April 9, 2003" in finding.message


def test_dates_without_the_usual_spaces_and_commas_are_still_read():
    assert len(named("signed Wednesday, April 24,2003 in New York\n", "date-weekday-mismatch")) == 1
    assert len(named("effective April 31 2003\n", "date-invalid")) == 1
