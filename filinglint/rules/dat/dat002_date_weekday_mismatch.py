"""## What it does
Reports a weekday that does not fall on the date it precedes: "Wednesday, April 24,
2003" (April 24, 2003 was a Thursday).

## Why it matters
Readers act on either half. A wrong weekday beside an expiration or withdrawal
deadline makes the deadline ambiguous, and the SEC staff routinely asks for a
correcting amendment.

## Example
```text
The offer will expire at 5:00 p.m., New York City time, on Wednesday, April 24, 2003.
```
April 24, 2003 was a Thursday.

## Fix
Unsafe: the weekday is rewritten to match the date. The date may be the wrong half, so
the fix is applied only with `--unsafe-fixes` after a person has looked.

## How to fix
Decide which half is right (usually the date) and correct the other everywhere it
appears.
"""

from __future__ import annotations

from filinglint.linter.ast import DateMention
from filinglint.linter.context import Context
from filinglint.linter.query.dates import long_date, weekday_name
from filinglint.linter.rule import Rule


def check(ctx: Context, date: DateMention) -> None:
    if date.weekday is None or date.value is None:
        return
    actual = weekday_name(date.value)
    if actual == date.weekday:
        return
    plain = long_date(date.value)
    start = date.span.start
    edit = ctx.edit(start, start + len(date.weekday), actual, expect=date.weekday)
    ctx.report(
        date.span,
        f"{plain} is a {actual}, not a {date.weekday}",
        hint=f'write "{actual}, {plain}" if the date is right',
        fix=ctx.fix(f'write "{actual}"', edit) if edit else None,
    )


RULE = Rule(
    code="DAT002",
    name="date-weekday-mismatch",
    severity="error",
    summary="weekday does not match the date it precedes",
    docs=__doc__,
    visitors={"date_mention": check},
    fix="unsafe",
)
