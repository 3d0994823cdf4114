"""Calendar facts about the dates a filing writes."""

from __future__ import annotations

import datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# English whatever the locale (``%B`` and ``calendar.month_name`` follow LC_TIME).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def weekday_name(day: datetime.date) -> str:
    """``Tuesday`` for 20 October 2009."""
    return WEEKDAYS[day.weekday()]


def month_name(month: int) -> str:
    """``April`` for 4."""
    return MONTH_NAMES[month - 1]


def long_date(day: datetime.date, *, weekday: bool = False) -> str:
    """``April 16, 2003``, or ``Wednesday, April 16, 2003``: a date as messages write it."""
    written = f"{month_name(day.month)} {day.day}, {day.year}"
    return f"{weekday_name(day)}, {written}" if weekday else written
