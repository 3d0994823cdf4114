"""The SEC fee-rate table: valid, contiguous, sourced, and right on the days that matter."""

from __future__ import annotations

import datetime
import itertools
import re
from decimal import Decimal

import jsonschema
import pytest

from filinglint.linter.query.fee_rates import (
    LATE_FILING_CUTOFF,
    edgar_filing_date,
    is_business_day,
    periods,
    rate_in_force,
)
from filinglint.schema import load_json

D = datetime.date
DT = datetime.datetime
ONE_DAY = datetime.timedelta(days=1)


def test_schema_is_valid_and_the_table_conforms_to_it():
    schema = load_json("fee-rates.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(load_json("fee-rates.json"))


def test_schema_rejects_floats_bad_dates_and_missing_sources():
    schema = load_json("fee-rates.schema.json")
    row = {
        "effective_from": "2025-10-01",
        "effective_to": "2026-09-30",
        "rate_per_million": "138.10",
        "fiscal_year": 2026,
        "source": "x",
    }
    doc = {"description": "d", "source": "s", "rates": [row]}
    jsonschema.validate(doc, schema)
    for bad in (
        {"rate_per_million": 138.1},
        {"rate_per_million": "138.1"},
        {"effective_from": "2025-13-01"},
        {"effective_to": "1 Oct 2025"},
        {"source": ""},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**doc, "rates": [{**row, **bad}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**doc, "rates": [{k: v for k, v in row.items() if k != "source"}]}, schema
        )


def test_periods_are_sorted_contiguous_and_cover_fiscal_2000_to_2026():
    table = periods()
    assert table[0].effective_from == D(1999, 10, 1)
    assert table[-1].effective_to == D(2026, 9, 30)
    for period in table:
        assert period.effective_from <= period.effective_to
    for before, after in itertools.pairwise(table):
        assert after.effective_from == before.effective_to + ONE_DAY, (before, after)


def test_each_period_lies_in_its_fiscal_year_and_every_year_is_present():
    for period in periods():
        fy_start = D(period.fiscal_year - 1, 10, 1)
        fy_end = D(period.fiscal_year, 9, 30)
        assert fy_start <= period.effective_from and period.effective_to <= fy_end, period
    assert {p.fiscal_year for p in periods()} == set(range(2000, 2027))


def test_rates_are_exact_decimals_with_sources():
    raw = load_json("fee-rates.json")
    assert raw["description"] and raw["source"]
    for row, period in zip(raw["rates"], periods(), strict=True):
        assert isinstance(row["rate_per_million"], str)
        assert str(period.rate_per_million) == row["rate_per_million"]
        assert period.rate == period.rate_per_million / Decimal(1_000_000)
        assert re.search(r"https?://", period.source), period
    assert rate_in_force(D(2025, 10, 1)).rate == Decimal("0.0001381")


@pytest.mark.parametrize(
    ("day", "per_million"),
    [
        # Pre-Fee-Relief-Act tender-offer fee, 1/50 of 1%: Exchange Act 13(e)(3)/14(g) as amended
        # by Pub. L. 107-123 sec. 5-6, 115 Stat. 2395 (which strikes "1/50 of 1 per centum").
        (D(1999, 10, 1), "200.00"),
        (D(2001, 6, 15), "200.00"),
        # Fee Rate Advisory #8 (16 Jan 2002): old rates "today", $92 "starting tomorrow".
        (D(2002, 1, 16), "200.00"),
        (D(2002, 1, 17), "92.00"),
        # SEC "How to Calculate Fees": a tender offer on 8 January 2003 pays $92 per million.
        (D(2003, 1, 8), "92.00"),
        # Fiscal 2003: $80.90 from five days after Pub. L. 108-7 (20 Feb 2003); Section 31 moved
        # 30 days later, 22 Mar 2003 (Fee Rate Advisory #12 for FY2003, press release 2003-27).
        (D(2003, 2, 24), "92.00"),
        (D(2003, 2, 25), "80.90"),
        # "How to Calculate Fees": a registration statement of 30 Aug 2003 pays the FY2003 $80.90.
        (D(2003, 8, 30), "80.90"),
        # Fiscal 2004: $126.70 from 28 Jan 2004 (Pub. L. 108-199 of 23 Jan 2004 + 5 days; Section 31
        # moved 22 Feb 2004 per Fee Rate Advisory #7 for FY2004 as relayed by NASD).
        (D(2004, 1, 27), "80.90"),
        (D(2004, 1, 28), "126.70"),
        # Fee Rate Advisory #6 for FY2005 (9 Dec 2004): $126.70 through 12 Dec, $117.70 from 13 Dec.
        (D(2004, 12, 12), "126.70"),
        (D(2004, 12, 13), "117.70"),
        # Fee Rate Advisory #4 for FY2007 (press release 2006-194): "the current rate of $107.00".
        (D(2006, 11, 17), "107.00"),
        # Fee Rate Advisory #1 for FY2008 (press release 2007-89, 7 May 2007):
        # "the current rate of $30.70".
        (D(2007, 5, 7), "30.70"),
        # Fiscal 2009: $55.80 on 16 Mar 2009, five days after the Omnibus Appropriations Act,
        # 2009 (Pub. L. 111-8, 11 Mar 2009); FY2010 Advisory #1 (2009-100) confirms $55.80.
        (D(2009, 3, 16), "55.80"),
        # Press release 2009-270: $55.80 through 18 Dec 2009, $71.30 effective 21 Dec 2009.
        (D(2009, 12, 18), "55.80"),
        (D(2009, 12, 21), "71.30"),
        # Fee Rate Advisory #5 for FY2011 (press release 2010-255): $116.10 effective 27 Dec 2010.
        (D(2010, 12, 23), "71.30"),
        (D(2010, 12, 27), "116.10"),
        # Fee Rate Advisory #2 for FY2012 (press release 2011-173): on 1 Oct 2011 the rate
        # decreased from $116.10 to $114.60.
        (D(2011, 10, 1), "114.60"),
        # Fee Rate Advisory #1 for FY2017 (31 Aug 2016): from $100.70 to $115.90 on 1 Oct 2016;
        # SEC Filing Fee Rate page: "10/1/2016 to 9/30/2017 ... $115.90".
        (D(2016, 9, 30), "100.70"),
        (D(2016, 10, 1), "115.90"),
        # Fee Rate Advisory #1 for FY2021 (26 Aug 2020): $109.10 from $129.80 on 1 Oct 2020.
        (D(2020, 9, 30), "129.80"),
        (D(2020, 10, 1), "109.10"),
        # SEC Filing Fee Rate page: "10/1/2022 to 9/30/2023 ... $110.20" (FY2023 order,
        # 87 FR 53030).
        (D(2023, 9, 30), "110.20"),
        # FY2024 order, 88 FR 59953 (30 Aug 2023): $147.60.
        (D(2023, 10, 1), "147.60"),
        # FY2025 order, 89 FR 68476 (26 Aug 2024): $153.10.
        (D(2024, 10, 1), "153.10"),
        (D(2025, 9, 30), "153.10"),
        # FY2026 order and Section 6(b) Filing Fee Rate Advisory (25 Aug 2025): $138.10 from
        # 1 Oct 2025.
        (D(2025, 10, 1), "138.10"),
        (D(2026, 9, 30), "138.10"),
    ],
)
def test_spot_values(day, per_million):
    assert rate_in_force(day).rate_per_million == Decimal(per_million)


def test_seed_filing_date_2003_04_16_was_under_the_fiscal_2003_rate():
    # The seed Schedule TO-I/A (filed 16 April 2003) states 0.0000809; $80.90 had been in force
    # since 25 February 2003, so the statement used the rate really in force.
    period = rate_in_force(D(2003, 4, 16))
    assert period.fiscal_year == 2003
    assert period.rate == Decimal("0.0000809")
    assert period.effective_from == D(2003, 2, 25)


def test_boundary_days_of_every_change():
    table = periods()
    for before, after in itertools.pairwise(table):
        assert rate_in_force(before.effective_to) == before
        assert rate_in_force(after.effective_from) == after


def test_outside_the_table_there_is_no_rate():
    assert rate_in_force(D(1999, 9, 30)) is None
    assert rate_in_force(D(1990, 1, 1)) is None
    assert rate_in_force(D(2026, 10, 1)) is None


def test_rate_in_force_accepts_a_datetime_as_its_date():
    assert rate_in_force(DT(2004, 12, 13, 9, 0)).rate_per_million == Decimal("117.70")


def test_periods_are_cached():
    assert periods() is periods()


# Regulation S-T Rule 13 (17 CFR 232.13): after 5:30 p.m. Eastern -> next business day.


def test_filing_date_before_and_after_530_pm():
    assert edgar_filing_date(DT(2003, 4, 16, 17, 29)) == D(2003, 4, 16)
    assert edgar_filing_date(DT(2003, 4, 16, 17, 30)) == D(2003, 4, 16)
    assert edgar_filing_date(DT(2003, 4, 16, 17, 31)) == D(2003, 4, 17)


def test_friday_evening_is_filed_on_monday():
    # Friday 18 December 2009, 5:31 p.m.: deemed filed Monday 21 December (press release 2009-270
    # says exactly this), which also moves it to the new $71.30 rate.
    filed = edgar_filing_date(DT(2009, 12, 18, 17, 31))
    assert filed == D(2009, 12, 21)
    assert rate_in_force(filed).rate_per_million == Decimal("71.30")
    assert edgar_filing_date(DT(2009, 12, 18, 17, 29)) == D(2009, 12, 18)


def test_weekend_submission_is_filed_on_the_next_business_day():
    assert edgar_filing_date(DT(2024, 10, 5, 11, 0)) == D(2024, 10, 7)  # Saturday -> Monday


def test_evening_before_a_federal_holiday_is_filed_the_day_after_it():
    # Wednesday 3 July 2024, 6 p.m. -> not Thursday 4 July (Independence Day) but Friday 5 July.
    assert edgar_filing_date(DT(2024, 7, 3, 18, 0)) == D(2024, 7, 5)
    # Friday 12 January 2024 evening -> Monday 15 January is Martin Luther King Jr. Day -> Tuesday.
    assert edgar_filing_date(DT(2024, 1, 12, 19, 0)) == D(2024, 1, 16)
    # A holiday observed on a Friday: New Year's Day 2022 (a Saturday) was observed 31 Dec 2021.
    assert not is_business_day(D(2021, 12, 31))
    assert edgar_filing_date(DT(2021, 12, 30, 18, 0)) == D(2022, 1, 3)


def test_times_with_a_zone_are_converted_to_eastern():
    utc = datetime.timezone.utc
    # 21:29 UTC on 16 April 2003 is 5:29 p.m. EDT; 21:31 UTC is 5:31 p.m. EDT.
    assert edgar_filing_date(DT(2003, 4, 16, 21, 29, tzinfo=utc)) == D(2003, 4, 16)
    assert edgar_filing_date(DT(2003, 4, 16, 21, 31, tzinfo=utc)) == D(2003, 4, 17)
    # In winter Eastern is UTC-5: 22:29 UTC on Friday 10 Dec 2004 is 5:29 p.m. EST, the same
    # day; 22:31 UTC is 5:31 p.m., deemed filed Monday 13 Dec, the first day of the $117.70 rate.
    assert edgar_filing_date(DT(2004, 12, 10, 22, 29, tzinfo=utc)) == D(2004, 12, 10)
    assert edgar_filing_date(DT(2004, 12, 10, 22, 31, tzinfo=utc)) == D(2004, 12, 13)


def test_late_cutoff_for_filings_that_run_until_10_pm():
    assert edgar_filing_date(DT(2010, 12, 23, 21, 59), cutoff=LATE_FILING_CUTOFF) == D(2010, 12, 23)
    # Thursday 23 Dec 2010 after 10 p.m.: Friday 24 Dec was the observed Christmas holiday.
    assert edgar_filing_date(DT(2010, 12, 23, 22, 1), cutoff=LATE_FILING_CUTOFF) == D(2010, 12, 27)
