"""The SEC fee rate in force on a day, and the day EDGAR deems a filing made.

Why this exists: a statement's fee is right only against the rate that was in force
when the filing was made, and a filing's own text says only which rate it *used*. The
rate changed on dates that are easy to get wrong: before fiscal 2012 a new fiscal
year's rate took effect only five days after the SEC's appropriation was enacted
(fiscal 2003's $80.90 on 25 February 2003, not 1 October 2002), and the Fee Relief
Act's $92 was paid only from 17 January 2002 although retroactive to 1 October 2001.
The dates and rates, each with its source, live in ``schema/fee-rates.json`` (checked
against ``schema/fee-rates.schema.json`` by the tests); this module only looks them up.

Start-up time matters (the linter runs as a pre-commit hook), so this module imports
neither pydantic nor jsonschema, reads the table once per process on first use, and
imports the ``holidays`` package (and the time-zone database) only when a filing date
is actually computed.
"""

from __future__ import annotations

import bisect
import datetime
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from filinglint.linter.query.business_days import is_business_day, next_business_day
from filinglint.schema import load_json

_MILLION = Decimal(1_000_000)
#: Regulation S-T Rule 13(a): a filing begun after 5:30 p.m. Eastern is filed next business day.
FILING_CUTOFF = datetime.time(17, 30)
#: Rule 13(a) lets Section 16 forms and Rule 462(b) registration statements run until 10 p.m.
LATE_FILING_CUTOFF = datetime.time(22, 0)
EASTERN = "America/New_York"


class FeeRatePeriod(NamedTuple):
    """One row of the fee-rate table: a rate and the days (inclusive) it was in force."""

    effective_from: datetime.date
    effective_to: datetime.date
    rate_per_million: Decimal
    fiscal_year: int
    source: str
    note: str | None = None

    @property
    def rate(self) -> Decimal:
        """``rate_per_million`` / 1,000,000: ``Decimal('0.0001381')`` for $138.10 per million."""
        return self.rate_per_million / _MILLION


@cache
def periods() -> tuple[FeeRatePeriod, ...]:
    """Every period of the table, in date order (read and converted once per process)."""
    rows = load_json("fee-rates.json")["rates"]
    return tuple(
        FeeRatePeriod(
            effective_from=datetime.date.fromisoformat(row["effective_from"]),
            effective_to=datetime.date.fromisoformat(row["effective_to"]),
            rate_per_million=Decimal(row["rate_per_million"]),
            fiscal_year=int(row["fiscal_year"]),
            source=row["source"],
            note=row.get("note"),
        )
        for row in rows
    )


@cache
def _starts() -> tuple[datetime.date, ...]:
    return tuple(period.effective_from for period in periods())


def rate_in_force(day: datetime.date) -> FeeRatePeriod | None:
    """The period whose rate applied to a filing made (deemed filed) on ``day``.

    ``None`` outside the table (before 1 October 1999 or after its last row). Pass a
    date, not a datetime: turn an EDGAR acceptance time into a date with
    :func:`edgar_filing_date` first.
    """
    if isinstance(day, datetime.datetime):
        day = day.date()
    index = bisect.bisect_right(_starts(), day) - 1
    if index < 0:
        return None
    period = periods()[index]
    return period if day <= period.effective_to else None


def edgar_filing_date(
    accepted: datetime.datetime, *, cutoff: datetime.time = FILING_CUTOFF
) -> datetime.date:
    """The date EDGAR deems a filing made, from when its transmission began.

    Regulation S-T Rule 13(a) (17 CFR 232.13): a filing begun on a business day at or
    before 5:30:00 p.m. Eastern time (standard or daylight, whichever is in effect) is
    filed that day; one begun after 5:30 p.m., or on a Saturday, Sunday or federal
    holiday, is deemed filed on the next business day (``query/business_days.py`` holds
    the calendar, shared with the tender-offer timing rules). Filings that Rule 13 lets
    run until 10 p.m. (Section 16 forms, Rule 462(b) registration statements) pass
    ``cutoff=LATE_FILING_CUTOFF``.

    ``accepted`` without a time zone is taken as Eastern wall-clock time; with one, it
    is converted to Eastern first.
    """
    if accepted.tzinfo is not None and accepted.utcoffset() is not None:
        from zoneinfo import ZoneInfo  # deferred: only aware datetimes need the tz database

        accepted = accepted.astimezone(ZoneInfo(EASTERN))
    day = accepted.date()
    if is_business_day(day) and accepted.time().replace(tzinfo=None) <= cutoff:
        return day
    return next_business_day(day)
