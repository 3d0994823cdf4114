"""## What it does
Checks that the filing history a Schedule TO, 13E-3 or 14D-9 amendment recites runs
forwards: the original filing date, then each earlier amendment's filing date ("as
amended by Amendment No. 1 thereto filed … on …"), then this filing's signature date.
The original filing's date is found however the recital words it: "originally filed
with the SEC on …", "amends the Schedule TO filed with the Securities and Exchange
Commission on …", "amends and supplements the Tender Offer Statement on Schedule TO
filed by <the filing persons> with the SEC on …", wrapped across lines. The signature
date is the date of the signature block, wherever it stands (above, beside or below
the "By:" lines). An amendment dated before the original, or a signature dated before
a filing it refers to, is reported on the later-ranked date.

## Why it matters
The recital identifies which documents the amendment amends. A date out of order
usually means a typo in a year or month — the kind of error that makes the public
record point at the wrong filing.

## Example
```
originally filed with the SEC on March 13, 2003, as amended by Amendment No. 1
thereto filed with the SEC on March 1, 2003
```

## How to fix
Check each date against the EDGAR filing index and correct the one that is wrong.
"""

from __future__ import annotations

from filinglint.linter.ast import DateMention, Filing
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, filing: Filing) -> None:
    current = filing.cover.amendment_number
    steps: list[tuple[float, str, DateMention]] = []
    original = next((d for d in filing.dates if d.role == "original-filing" and d.value), None)
    if original is not None:
        steps.append((0, "the original filing date", original))
    amendments: dict[int, DateMention] = {}
    for date in filing.dates:
        number = date.amendment_number
        if date.role == "amendment-filing" and date.value and number is not None:
            if current is not None and number >= current:
                continue  # "This Amendment No. 2 …" speaks of the filing itself
            amendments.setdefault(number, date)
    for number in sorted(amendments):
        steps.append((number, f"Amendment No. {number}'s filing date", amendments[number]))
    signed = next((d for d in filing.dates if d.role == "signature" and d.value), None)
    if signed is not None:
        steps.append((float("inf"), "the signature date", signed))
    latest: tuple[float, str, DateMention] | None = None
    for step in steps:
        if latest is not None and step[2].value < latest[2].value:
            ctx.report(
                step[2].span,
                f"{step[1]} {step[2].text} is earlier than {latest[1]} {latest[2].text};"
                " the filing history must not run backwards",
                hint="check both dates against the EDGAR filing index",
                related=[(latest[2].span, f"{latest[1]}")],
            )
        elif latest is None or step[2].value >= latest[2].value:
            latest = step


RULE = Rule(
    code="DAT003",
    name="date-order",
    severity="error",
    summary="original, amendment and signature dates run backwards",
    docs=__doc__,
    visitors={"filing": check},
)
