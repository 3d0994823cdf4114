"""## What it does
Checks that no date on a fee offset line of a filing-fee exhibit (Inline XBRL or plain HTML) lies in
the future: neither the initial filing date of a claim (`ffd:OffsetClmInitlFilgDt`) nor
the filing date of a source (`ffd:OffsetSrcFilgDt`). "A future date is not allowed.
Past date and Current dates allowed": EDGAR's validation `ft.oFuture`. Today is the
date the check runs (`datetime.date.today()`); a date filinglint cannot read is not
checked.

## Why it matters
An offset can only come from a fee already paid with an earlier filing. A future date is
a typo (often the year) that leaves the claim unverifiable, and EDGAR warns.

## Example
```text case=fail-source-date-year-transposed.htm
<td><ix:nonNumeric name="ffd:OffsetPrrFormTp" contextRef="os2">S-4</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:OffsetSrcFilgDt" contextRef="os2"
 format="ixt:date-month-day-year">07/21/2052</ix:nonNumeric></td>
```
in an exhibit filed on August 11, 2025: the Form S-4 whose fee is offset was filed on
July 21, 2025, not in 2052.

## Options
`today` (`[tool.filinglint.fee-exhibit-future-offset-date]`, default the day of the
check): the date offset dates are compared with, as `YYYY-MM-DD` — for a reproducible
run, or to check an old filing as on the day it was filed.

## How to fix
Correct the date to the day the earlier filing was made.
"""

from __future__ import annotations

import datetime

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import applies, fact, row_label, rows
from filinglint.linter.rule import Rule

DATES = {
    "ffd:OffsetClmInitlFilgDt": "initial filing date of the claim",
    "ffd:OffsetSrcFilgDt": "filing date of the source",
}


def today(options: dict) -> datetime.date:
    """The ``today`` option (a date or ISO text, for tests and replays), else today."""
    given = options.get("today")
    if isinstance(given, datetime.datetime):
        return given.date()
    if isinstance(given, datetime.date):
        return given
    if isinstance(given, str):
        return datetime.date.fromisoformat(given)
    return datetime.date.today()


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.oFuture"):
        return
    now = today(ctx.options)
    for row in rows(exhibit, "offset"):
        for name, label in DATES.items():
            found = fact(row, name)
            if found is None or not isinstance(found.value, str):
                continue
            try:
                day = datetime.date.fromisoformat(found.value)
            except ValueError:
                continue
            if day <= now:
                continue
            days = (day - now).days
            ctx.report(
                found.span,
                f"{row_label(row)}: {label} {day.isoformat()} is in the future, {days} "
                f"day{'s' if days != 1 else ''} after today ({now.isoformat()}) (ft.oFuture)",
                hint="state the date the earlier filing was actually made",
            )


RULE = Rule(
    code="FFX008",
    name="fee-exhibit-future-offset-date",
    severity="warning",
    summary="a fee exhibit's offset line gives a filing date in the future",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options={
        "today": {
            "type": ["string", "null"],
            "format": "date",
            "default": None,
            "description": "The date offset dates are compared with (default: the day of"
            " the check), as YYYY-MM-DD.",
        }
    },
)
