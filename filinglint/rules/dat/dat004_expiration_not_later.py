"""## What it does
When an amendment extends the offer ("extending the expiration of the offer until …"
and "previously scheduled to expire … on …"), checks that the new expiration is later
than the previous one. Where both dates are the same day, the times of day are compared
when both are given.

## Why it matters
An "extension" to an earlier date is a shortening, which Rule 14e-1 does not allow
without new minimum periods; almost always it is a typo that misstates the deadline
holders rely on to tender or withdraw.

## Example
```
the Company is extending the expiration of the offer until 5:00 p.m. on April 9,
2003 ... The offer was previously scheduled to expire at 5:00 p.m. on April 16, 2003.
```

## How to fix
Correct the new expiration date (and every place it is repeated, including the press
release exhibit).
"""

from __future__ import annotations

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, filing: Filing) -> None:
    new = next((d for d in filing.dates if d.role == "expiration" and d.value), None)
    old = next((d for d in filing.dates if d.role == "previous-expiration" and d.value), None)
    if new is None or old is None:
        return
    if new.value > old.value:
        return
    if new.value == old.value and (new.time is None or old.time is None or new.time > old.time):
        return
    when = "the same time as" if new.value == old.value else "earlier than"
    ctx.report(
        new.span,
        f"the extended expiration {new.text} is {when} the previous expiration {old.text}",
        hint="an extension must move the expiration later; correct the new date",
        related=[(old.span, "previous expiration")],
    )


RULE = Rule(
    code="DAT004",
    name="expiration-not-later",
    severity="error",
    summary="an extension's new expiration is not after the previous one",
    docs=__doc__,
    visitors={"filing": check},
)
