"""## What it does
Reports an expiration date (an extension's new expiration or the previous one it
replaces) that falls on a Saturday, a Sunday or a United States federal holiday.

Federal holidays are those of the United States federal calendar of the `holidays`
package, with observed days (one falling on a Saturday is observed the Friday before,
one on a Sunday the Monday after), as Rule 14d-1(g)(3) (17 CFR 240.14d-1(g)(3)) uses
them to define a business day.

## Why it matters
Tender-offer periods are counted in business days (Rules 14d-1(g)(3) and 14e-1), and
the Rule 14e-1(d) notice of an extension is due on the business day after the scheduled
expiration. An offer scheduled to expire on a weekend or a holiday is almost always a
date typo (a wrong day or year), and it leaves holders, the depositary and the
exchange unsure when the offer closes.

## Example
```
the Company is extending the expiration of the offer until 5:00 p.m., New York City
time, on April 26, 2003, unless the offer is further extended.
```

## How to fix
Correct the date (and every place it is repeated, including the press release
exhibit), or move the expiration to a business day.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.query.business_days import non_business_reason
from filinglint.linter.rule import Rule

_LABEL = {"expiration": "expiration", "previous-expiration": "previous expiration"}


def check(ctx: Context, filing: Filing) -> None:
    for date in filing.dates:
        if date.role not in _LABEL or date.value is None:
            continue
        reason = non_business_reason(date.value)
        if reason is None:
            continue
        ctx.report(
            date.span,
            f"the {_LABEL[date.role]} {date.text} is {reason}, not a business day",
            hint="check the date and year; an offer should expire on a business day",
        )


RULE = Rule(
    code="DAT007",
    name="expiration-not-business-day",
    severity="warning",
    summary="an expiration date falls on a Saturday, Sunday or federal holiday",
    docs=__doc__,
    visitors={"filing": check},
)
