"""## What it does
Reports a date written with a two-digit year ("April 16, 03") where a filing, expiration,
extension or signature phrase leads to it ("will expire at 5:00 p.m. on April 23, 03",
"Date: April 16, 03") — the dates the other date rules read, and cannot read without the
century.

## Why it matters
Expiration, withdrawal and filing dates set deadlines that holders act on. A two-digit
year is ambiguous, is easy to mistype, and cannot be checked: filinglint's date rules
(a weekday that matches, an extension that runs later, the offer period) skip it.

## Example
```
         The Offer will expire at 5:00 p.m., New York City time, on Wednesday,
April 23, 03, unless extended.
```

## How to fix
Write the year in full: "April 23, 2003".
"""

from __future__ import annotations

from filinglint.linter.ast import ShortYearDate
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, date: ShortYearDate) -> None:
    ctx.report(
        date.span,
        f'"{date.text}" gives the year in two digits ({date.year:02d})',
        hint="write the year in full (four digits)",
    )


RULE = Rule(
    code="DAT008",
    name="two-digit-year",
    severity="warning",
    summary="a date the rules read is written with a two-digit year",
    docs=__doc__,
    visitors={"short_year_date": check},
)
