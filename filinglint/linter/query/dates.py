"""Calendar facts about the dates a filing writes."""

from __future__ import annotations

import datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(day: datetime.date) -> str:
    """``Tuesday`` for 20 October 2009."""
    return WEEKDAYS[day.weekday()]
