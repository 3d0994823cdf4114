"""## What it does
Compares the cover's "(Amendment No. N)" with what the statement's own text says about
its amendments, and only where the text says it plainly:

- "This Amendment No. M to the Tender Offer Statement …" (or `(this "Amendment No. M")`)
  with M other than N;
- the paragraph that says what the filing amends lists the earlier amendments ("hereby
  amends the Tender Offer Statement on Schedule TO … as amended by Amendment No. 1 …
  and Amendment No. 2"): the earlier amendments must come before N — one of them
  numbered N or higher, or a complete list 1…P with P + 1 other than N, is reported;
- the final-amendment box is checked on a Schedule TO that is no amendment (no
  amendment number on the cover, no `/A` in the title or in the EDGAR submission type).

A submission type ending in `/A` without an amendment number on the cover (or the
reverse) is `submission-type-mismatch` (SUB001), not reported again here.

## Why it matters
Amendments to a Schedule TO are numbered in sequence (Rule 14d-3(b)(1) and Rule
13e-4(c)(3) require each material change to be reported by amendment, and Rule
14d-3(b)(2) and Rule 13e-4(c)(4) the results by a final amendment), and holders, the
SEC staff and the news services match each amendment to the ones before it by its
number. A cover that repeats the previous number, or skips one, makes the series look
incomplete; a final-amendment box on an original statement announces results of an
offer that has only begun.

## Example
```
                                  SCHEDULE TO
                               (Amendment No. 2)

     Tidewater Instruments, Inc. hereby amends the Tender Offer Statement on
Schedule TO, originally filed on May 4, 2009, as amended by Amendment No. 1
thereto filed on May 18, 2009, and Amendment No. 2 thereto filed on June 1, 2009.
```
The text names Amendment No. 2 as an earlier amendment, so this one is No. 3.

## How to fix
Number the cover one above the latest earlier amendment the text lists (or correct the
list); uncheck the final-amendment box on an original statement.
"""

from __future__ import annotations

import re

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule

_AMENDMENT_WORDS = re.compile(r"\bamendment\s+(?:no\b|number\b|#)|/\s*A\b", re.IGNORECASE)
_AMENDS = re.compile(r"\bhereby\s+amend|\bamends\s+and\s+supplements\b", re.IGNORECASE)


def check(ctx: Context, filing: Filing) -> None:
    cover = filing.cover
    if not cover.form or not cover.form.startswith("SC TO"):
        return
    number = cover.amendment_number
    if number is None:
        _final_box_on_original(ctx, filing)
        return
    related = []
    if cover.amendment_span is not None:
        related.append((cover.amendment_span, f"the cover's Amendment No. {number}"))
    for mention in filing.amendment_mentions:
        if mention.role == "this" and mention.number != number:
            ctx.report(
                mention.span,
                f"the text calls this filing Amendment No. {mention.number}, but the cover"
                f" says Amendment No. {number}",
                hint="make the cover and the text give the same amendment number",
                related=related,
            )
            return
    previous = [m for m in filing.amendment_mentions if m.role == "previous"]
    if not previous:
        return
    latest = max(previous, key=lambda m: m.number)
    if latest.number >= number:
        ctx.report(
            latest.span,
            f"the text names Amendment No. {latest.number} as an earlier amendment, but the"
            f" cover says this filing is Amendment No. {number}",
            hint=f"number this filing Amendment No. {latest.number + 1}, or correct the"
            " list of earlier amendments",
            related=related,
        )
        return
    listed = {m.number for m in previous}
    if (
        listed == set(range(1, latest.number + 1))
        and latest.number + 1 != number
        and (cover.amendment_span is not None)
    ):
        ctx.report(
            cover.amendment_span,
            f"the cover says Amendment No. {number}, but the text lists {_earlier(latest.number)},"
            f" which makes this Amendment No. {latest.number + 1}",
            hint=f"number this filing Amendment No. {latest.number + 1}, or list every"
            " earlier amendment",
            related=[(latest.span, f"Amendment No. {latest.number}, the latest listed")],
        )


def _earlier(latest: int) -> str:
    if latest == 1:
        return "Amendment No. 1 as the only earlier amendment"
    return f"Amendments Nos. 1–{latest} as the earlier amendments"


def _final_box_on_original(ctx: Context, filing: Filing) -> None:
    cover = filing.cover
    box = next(
        (b for b in cover.boxes if b.role == "final-amendment" and b.state == "checked"), None
    )
    if box is None or cover.form.endswith("/A"):
        return
    if filing.amendment_mentions:
        return  # the text numbers this filing or lists earlier amendments
    text = ctx.source.text
    if _AMENDMENT_WORDS.search(text, cover.span.start, box.span.start):
        return  # an amendment number the cover reader did not take: not judged
    if _AMENDS.search(text, filing.span.start, filing.span.end):
        return  # the text says it amends a statement: an amendment without its number
    header = ctx.submission.header if ctx.submission is not None else None
    if header is not None and (header.submission_type or "").upper().endswith("/A"):
        return
    ctx.report(
        box.mark_span,
        "the final-amendment box is checked, but this Schedule TO is not an amendment (no"
        " amendment number on the cover)",
        hint="uncheck the box, or give the cover its amendment number if this reports the"
        " offer's results",
    )


RULE = Rule(
    code="COV002",
    name="amendment-number",
    severity="error",
    summary="the cover's amendment number disagrees with the text or the final-amendment box",
    docs=__doc__,
    visitors={"filing": check},
)
