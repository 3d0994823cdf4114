"""## What it does
Reports a written date that names no real day: "April 31, 2003", "February 29, 2003",
"June 0, 2004".

## Why it matters
Dates in a tender-offer statement fix legal deadlines (expiration, withdrawal rights,
proration). A date that does not exist leaves holders unable to know the deadline and
invites a correcting amendment.

## Example
```text
The offer will expire at 5:00 p.m., New York City time, on April 31, 2003.
```
April has 30 days.

## How to fix
Correct the day or month; check every other place the same date is repeated.
"""

from __future__ import annotations

import calendar

from filinglint.linter.ast import DateMention
from filinglint.linter.context import Context
from filinglint.linter.query.dates import month_name
from filinglint.linter.rule import Rule


def check(ctx: Context, date: DateMention) -> None:
    if date.value is not None:
        return
    month = month_name(date.month)
    if date.year >= 1 and date.day >= 1:
        days = calendar.monthrange(date.year, date.month)[1]
        reason = f"{month} {date.year} has {days} days"
    else:
        reason = "days start at 1"
    ctx.report(
        date.span,
        f'"{date.text}" is not a real date: {reason}',
        hint="correct the day or the month",
    )


RULE = Rule(
    code="DAT001",
    name="date-invalid",
    severity="error",
    summary="a written date that does not exist",
    docs=__doc__,
    visitors={"date_mention": check},
)
