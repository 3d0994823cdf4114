"""## What it does
Reports a marker that a legend of an exhibit list defines ("+  Previously filed.") but
that no entry of any exhibit list of the filing uses.

## Why it matters
A legend entry nobody uses is usually the trace of a marker that was meant to be put on
an exhibit and was not (an exhibit filed before but not marked so) or of a copied legend.
Either way the reader cannot trust the markers.

## Example
```
ITEM 12.  EXHIBITS.

         (a)(1)(A)  Offer to Purchase, dated May 4, 2009.*
         (a)(5)(A)  Press Release, dated May 4, 2009.*

         *  Filed herewith.
         +  Previously filed.
```
No exhibit carries `+`.

## How to fix
Mark the exhibits the legend entry is about, or delete the legend entry.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.query.form import MA_SCHEDULES
from filinglint.linter.rule import Rule


def check(ctx: Context, filing: Filing) -> None:
    used = {
        marker
        for exhibits in filing.exhibit_lists
        for entry in exhibits.entries
        for marker in entry.markers
    }
    reported: set[str] = set()
    for exhibits in filing.exhibit_lists:
        for note in exhibits.legend:
            if note.marker in used or note.marker in reported:
                continue
            reported.add(note.marker)
            ctx.report(
                note.span,
                f'the legend defines "{note.marker}" ({" ".join(note.text.split())}) but no'
                " exhibit is marked with it",
                hint="mark the exhibits it is about, or delete the legend entry",
            )


RULE = Rule(
    code="EXH003",
    name="marker-unused",
    severity="warning",
    summary="a legend marker that no exhibit entry uses",
    docs=__doc__,
    visitors={"filing": check},
    forms=MA_SCHEDULES,
)
