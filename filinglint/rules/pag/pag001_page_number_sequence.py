"""## What it does
Reads the printed page numbers of a paginated ASCII filing — the number centred at the
foot of a page ("2", "-2-", "(2)") before its `<PAGE>` marker — and reports a page whose
number skips one or more numbers, or repeats the number of the page before it. A page
with no number, or with several, is not judged and does not link its neighbours; a
number lower than the one before is taken as a new numbering (an annex, an exhibit) and
not reported; roman numbers are not read.

## Why it matters
EDGAR's `<PAGE>` markers and the printed numbers are how readers, and the SEC staff's
comment letters, cite a filing. A skipped number usually means a page was dropped when
the document was assembled; a repeated one, that a page was pasted twice.

## Example
```
         The Offer will expire at 12:00 midnight, New York City time.

                                      1
<PAGE>
         Item 12 is hereby amended and supplemented by adding the exhibit.

                                      3
<PAGE>
```
The page after page 1 is numbered 3.

## How to fix
Find the missing (or duplicated) page, restore (or remove) it and renumber.
"""

from __future__ import annotations

from itertools import pairwise

from filinglint.linter.ast import Filing, PageMarker
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def _page_numbers(filing: Filing) -> list[PageMarker | None]:
    """Each page's one arabic number (None for a page with none or several), in order."""
    pages: list[PageMarker | None] = []
    current: list[PageMarker] = []
    breaks = 0
    for marker in filing.pages:
        if marker.type == "break":
            breaks += 1
            pages.append(current[0] if len(current) == 1 else None)
            current = []
        elif marker.number is not None:
            current.append(marker)
    if not breaks:
        return []  # not a paginated filing: a centred number is not a page number
    pages.append(current[0] if len(current) == 1 else None)
    return pages


def check(ctx: Context, filing: Filing) -> None:
    pages = _page_numbers(filing)
    for before, page in pairwise(pages):
        if before is None or page is None or page.number < before.number:
            continue
        if page.number == before.number:
            problem = "repeats a number:"
        elif page.number > before.number + 1:
            missing = page.number - before.number - 1
            skipped = (
                f"page {before.number + 1}"
                if missing == 1
                else f"pages {before.number + 1}–{page.number - 1}"
            )
            problem = f"skips {skipped}:"
        else:
            continue
        ctx.report(
            page.span,
            f"page number {page.text} {problem} the page before is numbered {before.text}",
            hint="restore or remove the page, or correct the numbering",
            related=[(before.span, f"page {before.text}")],
        )


RULE = Rule(
    code="PAG001",
    name="page-number-sequence",
    severity="warning",
    summary="printed page numbers between <PAGE> markers skip or repeat",
    docs=__doc__,
    visitors={"filing": check},
)
