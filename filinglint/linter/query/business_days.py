"""Business days as Regulation 14D/14E counts them, for the tender-offer timing rules.

Rule 14d-1(g)(3) (17 CFR 240.14d-1(g)(3)), which Regulation 14E uses too: a business day
is "any day, other than Saturday, Sunday or a federal holiday, and shall consist of the
time period from 12:01 a.m. through 12:00 midnight Eastern time".

Calendar: the United States calendar of the ``holidays`` package in its default
("public") category, with observed days, i.e. the legal public holidays of 5 U.S.C.
6103(a) as the federal government observes them (one falling on a Saturday is observed
the Friday before, one on a Sunday the Monday after; Juneteenth from 2021). That is the
calendar "federal holiday" names, it is maintained outside this project (never a
hand-written list), and it is the one ``fee_rates.is_business_day`` uses for EDGAR, so
every rule agrees on what a business day is. Not included: Inauguration Day (a holiday
only for federal employees around Washington, 5 U.S.C. 6103(c)) and one-off closures by
executive order; a rule that counts days therefore errs, if at all, towards counting one
business day too many, i.e. towards silence.

Counting: the day an offer commences is its first business day. Rule 14e-1(a) (17 CFR
240.14e-1(a)) requires the offer to be held open "for at least 20 business days from the
date such tender offer is first published or sent"; Rule 14d-1(g)(3) makes a business
day run from 12:01 a.m. (so an offer commenced on a business day has that whole day),
and the SEC's 1999 release "Regulation of Takeovers and Security Holder Communications"
(Release No. 33-7760), which set that 12:01 a.m. start, discusses the count that way:
the offer may expire at 12:00 midnight at the end of the twentieth business day, the day
of commencement being the first. :func:`business_days_through` therefore counts both
ends.

Start-up time matters (a pre-commit hook starts on every commit) and importing the
``holidays`` package costs about 80 ms, so its answers for 1999–2040 are kept in
``schema/us-federal-holidays.json``, generated from the package by
``python -m filinglint.schema.generate`` (a test fails when the two differ); a year
outside that range asks the package itself.
"""

from __future__ import annotations

import datetime
from functools import cache

_ONE_DAY = datetime.timedelta(days=1)


HOLIDAYS_FILE = "us-federal-holidays.json"


@cache
def _table() -> dict[str, list[list[str]]]:
    from filinglint.schema import load_json

    return load_json(HOLIDAYS_FILE)["years"]


@cache
def _federal_holidays(year: int) -> dict[datetime.date, str]:
    """The year's federal holidays: from the table generated from the ``holidays``
    package (``schema/us-federal-holidays.json``; a test keeps it equal to the package),
    else, for a year outside it, from the package itself (about 80 ms to import)."""
    rows = _table().get(str(year))
    if rows is not None:
        return {datetime.date.fromisoformat(day): name for day, name in rows}
    return package_holidays(year)


def package_holidays(year: int) -> dict[datetime.date, str]:
    """The ``holidays`` package's US federal (public, observed) holidays of ``year``."""
    import holidays  # deferred: heavy, and the generated table covers the usual years

    return dict(holidays.country_holidays("US", years=year))


def holiday_name(day: datetime.date) -> str | None:
    """The federal holiday (observed) that ``day`` is, or None."""
    return _federal_holidays(day.year).get(day)


def is_business_day(day: datetime.date) -> bool:
    """Not a Saturday, a Sunday or a federal holiday (Rule 14d-1(g)(3))."""
    return day.weekday() < 5 and holiday_name(day) is None


def non_business_reason(day: datetime.date) -> str | None:
    """Why ``day`` is not a business day ("a Saturday", "a federal holiday (…)"), or None."""
    if day.weekday() == 5:
        return "a Saturday"
    if day.weekday() == 6:
        return "a Sunday"
    name = holiday_name(day)
    return f"a federal holiday ({name})" if name else None


def next_business_day(day: datetime.date) -> datetime.date:
    """The first business day after ``day``."""
    day += _ONE_DAY
    while not is_business_day(day):
        day += _ONE_DAY
    return day


def business_days_through(first: datetime.date, last: datetime.date) -> int:
    """How many business days run from ``first`` through ``last``, both counted (0 if
    ``last`` is before ``first``): the day of commencement is the first business day."""
    count = 0
    day = first
    while day <= last:
        if is_business_day(day):
            count += 1
        day += _ONE_DAY
    return count
