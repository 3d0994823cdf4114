"""## What it does
On a Schedule 13E-3 cover, checks the boxes of "This statement is filed in connection
with (check the appropriate box)":

- a. the filing of solicitation materials or an information statement (Regulation 14A,
  Regulation 14C or Rule 13e-3(c));
- b. the filing of a registration statement under the Securities Act of 1933;
- c. a tender offer;
- d. none of the above.

At least one box must be checked ("check the appropriate box"), and "None of the above"
only on its own: it is the case of General Instruction D.4, a transaction that involves
none of a solicitation, an information statement, a registration or a tender offer.
Boxes a, b and c checked together are not reported. The form does not say whether they
may be combined; filinglint reads a going-private merger whose proxy statement is also
the prospectus of a Form S-4 as filed in connection with both (a) and (b), a reading
from secondary sources, not from the text of the schedule. A box mark that is neither
clearly checked nor clearly empty is reported as unreadable. Which boxes
exist and which combinations are legal comes from the form spec
(`schema/forms/schedule-13e-3.json`, group `statement-purpose`); a cover on which the
reader did not find all four boxes is not asked to check one.

## Why it matters
The boxes tell the SEC staff which other filing the going-private statement accompanies
and so which timing rules of General Instruction D apply (filed with the preliminary
proxy or information statement, with the registration statement, with the tender offer
statement, or at least 30 days before any purchase). No box checked leaves that open;
"None of the above" beside another box contradicts itself.

## Example
```
                                 SCHEDULE 13E-3
                                 (Rule 13e-100)

This statement is filed in connection with (check the appropriate box):

a. [ ]  The filing of solicitation materials or an information statement subject
        to Regulation 14A, Regulation 14C or Rule 13e-3(c) under the Securities
        Exchange Act of 1934.
b. [X]  The filing of a registration statement under the Securities Act of 1933.
c. [ ]  A tender offer.
d. [X]  None of the above.
```
"None of the above" is checked beside box b.

## How to fix
Check the box that names the filing this statement is made with (filinglint accepts a
and b together for a merger registered on Form S-4); check "None of the above" only
when none of them applies, and then alone.
"""

from __future__ import annotations

from filinglint.linter.ast import BoxGroup
from filinglint.linter.context import Context
from filinglint.linter.query.cover import box_text, unreadable_boxes, unreadable_message
from filinglint.linter.query.form import group_spec
from filinglint.linter.rule import Rule


def check(ctx: Context, group: BoxGroup) -> None:
    spec = group_spec(group.group)
    alone = set(spec.get("alone", ()))
    if not spec.get("at_least_one") and not alone:
        return  # a group without these constraints (Schedule TO's)
    unreadable = unreadable_boxes(group)
    for box in unreadable:
        message, hint = unreadable_message(box)
        ctx.report(box.mark_span, message, hint=hint)
    if unreadable:
        return
    checked = [box for box in group.boxes if box.state == "checked"]
    related = [(box.mark_span, box_text(box)) for box in group.boxes]
    lonely = [box for box in checked if box.role in alone]
    if lonely and len(checked) > 1:
        others = ", ".join(repr(box_text(box, 40)) for box in checked if box not in lonely)
        ctx.report(
            lonely[0].mark_span,
            f"{box_text(lonely[0])!r} is checked together with {others}; it may only be"
            " checked alone",
            hint="uncheck it, or uncheck the other boxes if the statement is filed with"
            " none of those filings",
            related=related,
        )
    elif spec.get("at_least_one") and not checked:
        found = {box.role for box in group.boxes}
        if not set(spec["roles"]) <= found:
            return  # not every box was read: the checked one may be among the others
        ctx.report(
            group.span,
            "no box says what the statement is filed in connection with: check at least one"
            " of a to d",
            hint='check each filing the statement accompanies, or "None of the above"',
            related=related,
        )


RULE = Rule(
    code="BOX004",
    name="statement-purpose-boxes",
    severity="error",
    summary='a Schedule 13E-3 cover checks none of boxes a to d, or "None of the above"'
    " with another",
    docs=__doc__,
    visitors={"box_group": check},
    forms=("SC 13E3",),
)
