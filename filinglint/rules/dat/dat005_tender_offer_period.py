"""## What it does
Where the filing says when the offer commenced ("the Offer commenced on …", "commenced
the offer on …", "the commencement of the offer on …") and when it expires (an
extension's new or previous expiration), counts the business days from commencement
through the latest expiration the filing gives, and reports an offer open fewer than 20
business days (Rule 14e-1(a)). Where the filing dates a change in the offer price or the
consideration, or a decrease in the number or percentage of shares sought ("On May 5,
2003, the Company increased the offer price to …"), it also reports fewer than 10 business days
from that date through the latest expiration (Rule 14e-1(b)), counted the same way.

Business days are counted as Rule 14d-1(g)(3) defines them: any day other than a
Saturday, a Sunday or a federal holiday (the United States federal calendar of the
`holidays` package, with observed days), running from 12:01 a.m. to 12:00 midnight
Eastern time. The day of commencement is the first business day: Rule 14e-1(a) counts
the 20 business days "from the date such tender offer is first published or sent", an
offer commenced at 12:01 a.m. has that whole business day, and the SEC's 1999 release
"Regulation of Takeovers and Security Holder Communications" (Release No. 33-7760),
which set the 12:01 a.m. start, discusses the count so: the offer may expire at midnight
at the end of the twentieth business day (17 CFR 240.14d-1(g)(3), 240.14e-1(a)).

The rule errs towards silence: an expiration on the twentieth business day is accepted
whatever its hour; an increase in the shares sought is not read (Rule 14e-1(b) does not
count one of up to two percent of the class, which the text may not settle); nothing is
reported when the filing gives more than one commencement
date (or change date), or an expiration before it (another date is misread or
misstated).

## Why it matters
An offer that closes before its twentieth business day violates Rule 14e-1(a), and one
that closes fewer than ten business days after a change in price or shares sought
violates Rule 14e-1(b); the SEC staff will require an extension, and holders who relied
on the stated period may have been denied the time the rule guarantees them. Usually one
of the dates is a typo.

## Example
```
The Offer commenced on Monday, March 3, 2003. The Company is extending the
expiration of the offer until 5:00 p.m., New York City time, on Friday,
March 21, 2003.
```

## How to fix
Correct the commencement or expiration date; if both are right, extend the offer so
that it stays open at least 20 business days, counting the day of commencement as the
first.
"""

from __future__ import annotations

from filinglint.linter.ast import DateMention, Filing
from filinglint.linter.context import Context
from filinglint.linter.query.business_days import business_days_through
from filinglint.linter.rule import Rule

MINIMUM_BUSINESS_DAYS = 20  # Rule 14e-1(a)
MINIMUM_AFTER_CHANGE = 10  # Rule 14e-1(b)


def check(ctx: Context, filing: Filing) -> None:
    ends = [
        d
        for d in filing.dates
        if d.role in ("expiration", "previous-expiration") and d.value is not None
    ]
    if not ends:
        return
    end = max(ends, key=lambda d: d.value)
    _period(ctx, filing, end, "commencement", MINIMUM_BUSINESS_DAYS, "14e-1(a)")
    _period(ctx, filing, end, "terms-change", MINIMUM_AFTER_CHANGE, "14e-1(b)")


def _period(
    ctx: Context, filing: Filing, end: DateMention, role: str, minimum: int, rule: str
) -> None:
    starts = [d for d in filing.dates if d.role == role and d.value]
    if len({d.value for d in starts}) != 1:
        return
    start = starts[0]
    assert start.value is not None and end.value is not None
    if end.value < start.value:
        return
    days = business_days_through(start.value, end.value)
    if days >= minimum:
        return
    plural = "day" if days == 1 else "days"
    what = "its commencement" if role == "commencement" else "the change in its terms"
    first = "commencement" if role == "commencement" else "the change"
    ctx.report(
        end.span,
        f"the offer is open {days} business {plural} from {what} on {start.text} through"
        f" the expiration on {end.text}; Rule {rule} requires at least {minimum}",
        hint=f"correct the dates, or keep the offer open at least {minimum} business days"
        f" (the day of {first} counts as the first)",
        related=[(start.span, first)],
    )


RULE = Rule(
    code="DAT005",
    name="tender-offer-period",
    severity="error",
    summary="the offer is open fewer than 20 business days from commencement, or 10 from a"
    " change in price or shares sought (Rule 14e-1(a), (b))",
    docs=__doc__,
    visitors={"filing": check},
)
