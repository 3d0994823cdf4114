"""## What it does
Where an amendment gives both the scheduled expiration it extends ("previously
scheduled to expire at 5:00 p.m. … on October 6, 2009") and the day the extension was
announced ("On October 7, 2009, the Company issued a press release announcing the
extension …"), checks the announcement against Rule 14e-1(d): no later than 9:00 a.m.
Eastern time on the next business day after the scheduled expiration date.

An announcement with a time of day ("On October 7, 2009 at 10:30 a.m., New York City
time, …") is late after 9:00 a.m. on that business day; an announcement without a time
is late only when its date is after that business day (on the day itself it may have
been made before 9:00 a.m., so it is not judged). Business days are those of Rule
14d-1(g)(3) (any day but a Saturday, a Sunday or a federal holiday; the United States
federal calendar of the `holidays` package, with observed days). Nothing is reported
when the filing gives more than one scheduled expiration or more than one announcement
date (a history of several extensions cannot be paired safely).

## Why it matters
Rule 14e-1(d) (17 CFR 240.14e-1(d)) makes a late extension notice a violation: holders
who do not learn of the extension in time may act as if the offer had closed. A date
that reads late is often a typo in the amendment or the press release.

## Example
```
The offer was previously scheduled to expire at 5:00 p.m., New York City time, on
Tuesday, October 6, 2009.

On October 9, 2009, the Company issued a press release announcing the extension of
the expiration of the offer.
```

## How to fix
Correct the announcement or expiration date. If the extension really was announced
late, say so and consult counsel: the notice requirement cannot be cured by the filing.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.query.business_days import next_business_day
from filinglint.linter.query.dates import long_date
from filinglint.linter.rule import Rule

DEADLINE = "09:00"  # Rule 14e-1(d): 9:00 a.m. Eastern on the next business day


def check(ctx: Context, filing: Filing) -> None:
    scheduled = [d for d in filing.dates if d.role == "previous-expiration" and d.value]
    notices = [d for d in filing.dates if d.role == "extension-announcement" and d.value]
    if len({d.value for d in scheduled}) != 1 or len({d.value for d in notices}) != 1:
        return
    old, notice = scheduled[0], notices[0]
    assert old.value is not None and notice.value is not None
    due = next_business_day(old.value)
    if notice.value < due:
        return
    timed = next((d.time for d in notices if d.time), None)
    if notice.value == due and (timed is None or timed <= DEADLINE):
        return
    when = (
        notice.text if notice.value > due or timed is None else f"{notice.text} at {_clock(timed)}"
    )
    ctx.report(
        notice.span,
        f"the extension was announced on {when}, later than 9:00 a.m. Eastern on"
        f" {long_date(due, weekday=True)}, the business day after the scheduled"
        f" expiration on {old.text}"
        " (Rule 14e-1(d))",
        hint="correct the announcement or expiration date if one is a typo",
        related=[(old.span, "scheduled expiration")],
    )


def _clock(hhmm: str) -> str:
    hour, minute = int(hhmm[:2]), hhmm[3:]
    if hour in (0, 24):
        return "midnight" if minute == "00" else f"12:{minute} a.m."
    suffix = "a.m." if hour < 12 else "p.m."
    return f"{(hour - 1) % 12 + 1}:{minute} {suffix}"


RULE = Rule(
    code="DAT006",
    name="extension-notice-late",
    severity="error",
    summary="an extension is announced after 9:00 a.m. Eastern on the next business day"
    " (Rule 14e-1(d))",
    docs=__doc__,
    visitors={"filing": check},
)
