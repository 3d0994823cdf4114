"""## What it does
Reports a sentence that refers to an exhibit of this filing — "is filed as Exhibit
(a)(5)(D) hereto", "attached hereto as Exhibit (a)(1)(F)", "filed herewith as Exhibit
(a)(5)(C)", "filed as Exhibit (a)(5)(B) to this Schedule 14D-9" — whose code is in none
of the filing's exhibit lists (the exhibit item — Schedule TO Item 12, Schedule 13E-3
Item 16, Schedule 14D-9 Item 9 — or the Index to Exhibits). Only references that
"hereto", "herewith" or "to this Schedule" tie to this filing are read: an exhibit "to
the Schedule TO", "to the Company's Form 8-K" or "incorporated by reference to" another
filing is not one. References inside the exhibit lists themselves are not
judged, and a filing with no exhibit list is not judged at all. A code that is a part of
a listed one, or that a listed one is part of ((a)(5) and (a)(5)(A)), is taken as listed.

## Why it matters
Item 12 of Schedule TO (Item 1016 of Regulation M-A) requires every exhibit to be listed
and filed. Text that points holders to an exhibit the lists do not have points them to
a document that is not there, or under a code the SEC staff will not find — usually an
amendment's press release cited by the wrong letter.

## Example
```
     On June 1, 2009, the Company issued a press release announcing the
extension of the offer, a copy of which is filed as Exhibit (a)(5)(D) hereto.

ITEM 12.  EXHIBITS.

         (a)(1)(A)  Offer to Purchase, dated May 4, 2009.*
         (a)(5)(C)  Press Release issued by the Company on June 1, 2009.**

         *  Previously filed.
         ** Filed herewith.
```
The text files the press release as (a)(5)(D); the list has it as (a)(5)(C).

## How to fix
Cite the exhibit by the code the list gives it, or add the exhibit to Item 12 (and the
index).
"""

from __future__ import annotations

import bisect

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.query.exhibits import code_key, list_name
from filinglint.linter.query.form import MA_SCHEDULES
from filinglint.linter.rule import Rule


def check(ctx: Context, filing: Filing) -> None:
    if not filing.exhibit_lists or not filing.exhibit_references:
        return
    listed = {code_key(e.code) for x in filing.exhibit_lists for e in x.entries}
    if not listed:
        return
    # Linear in references and entries (a filing may hold tens of thousands of each):
    # a code is known when it is a listed code, a prefix of one ("(a)(1)" of
    # "(a)(1)(A)"), or extends one; the lists are in file order, found by bisection.
    known = {code[:end] for code in listed for end in range(1, len(code) + 1)}
    starts = [x.span.start for x in filing.exhibit_lists]
    ends = [x.span.end for x in filing.exhibit_lists]
    reported: set[str] = set()
    codes = lists = None
    for reference in filing.exhibit_references:
        where = reference.span.start
        index = bisect.bisect_right(starts, where) - 1
        if index >= 0 and where < ends[index]:
            continue  # a reference inside an exhibit list is the list's own text
        key = code_key(reference.code)
        if key in reported or key in known or _extends_listed(key, listed):
            continue
        reported.add(key)
        if codes is None:  # the same for every report: made once, when first needed
            codes = ", ".join(sorted({e.code for x in filing.exhibit_lists for e in x.entries}))
            lists = " or ".join(dict.fromkeys(list_name(x) for x in filing.exhibit_lists))
        ctx.report(
            reference.span,
            f"the text refers to Exhibit {reference.code} of this filing, but {lists} lists"
            f" no such exhibit (it lists {codes})",
            hint="cite the exhibit by the code the list gives it, or add it to the list",
        )


def _extends_listed(key: str, listed: set[str]) -> bool:
    """Whether ``key`` continues a listed code ("(a)(1)(A)(i)" of "(a)(1)(A)")."""
    return any(key[:end] in listed for end in range(1, len(key)))


RULE = Rule(
    code="EXH004",
    name="exhibit-reference-unknown",
    severity="error",
    summary="the text refers to an exhibit of this filing that no exhibit list has",
    docs=__doc__,
    visitors={"filing": check},
    forms=MA_SCHEDULES,
)
