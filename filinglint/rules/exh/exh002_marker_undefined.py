"""## What it does
Reports an exhibit marker (`*`, `**`, `+`, `†`, `(1)`…) that an entry of the exhibit
item's list (Schedule TO Item 12, Schedule 13E-3 Item 16, Schedule 14D-9 Item 9) or of
the Index to Exhibits uses but that no legend governing the list defines. A list is
governed by its own legend ("*  Filed herewith." under the entries), and by the other
list's legend where it has none of its own. Where the filing has no legend at all the
rule is silent: the legend may stand where filinglint does not read one.

## Why it matters
A marker says whether an exhibit is filed with this statement, was filed before, or is
incorporated by reference — Item 1016 of Regulation M-A requires the exhibits to be
filed, and the SEC staff reads the marker to know which were. A marker no legend defines
leaves the reader guessing.

## Example
```
ITEM 12.  EXHIBITS.

         (a)(1)(A)  Offer to Purchase, dated May 4, 2009.*
         (a)(5)(A)  Press Release, dated May 4, 2009.#

         *  Filed herewith.
```
`#` is used but the legend defines only `*`.

## How to fix
Define the marker in the legend ("#  Previously filed.") or use one the legend defines.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing
from filinglint.linter.context import Context
from filinglint.linter.query.exhibits import governing_legend, list_name
from filinglint.linter.query.form import MA_SCHEDULES
from filinglint.linter.rule import Rule


def check(ctx: Context, filing: Filing) -> None:
    for exhibits in filing.exhibit_lists:
        legend = governing_legend(filing, exhibits)
        if legend is None:
            continue
        defined = {note.marker for note in legend}
        for entry in exhibits.entries:
            for marker, span in zip(entry.markers, entry.marker_spans, strict=False):
                if marker not in defined:
                    where = list_name(exhibits)
                    known = ", ".join(f'"{m}"' for m in sorted(defined))
                    ctx.report(
                        span,
                        f'marker "{marker}" of exhibit {entry.code} in {where} is defined in'
                        f" no legend (the legend defines {known})",
                        hint=f'define "{marker}" in the legend, or use a marker it defines',
                    )


RULE = Rule(
    code="EXH002",
    name="marker-undefined",
    severity="error",
    summary="an exhibit marker that no legend governing the list defines",
    docs=__doc__,
    visitors={"filing": check},
    forms=MA_SCHEDULES,
)
