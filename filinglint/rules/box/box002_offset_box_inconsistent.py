"""## What it does
Compares the cover's fee-offset box ("Check the box if any part of the fee is offset as
provided by Rule 0-11(a)(2) …") with the four fields under it — Amount Previously Paid,
Form or Registration No., Filing Party, Date Filed:

- the box is checked but Amount Previously Paid is empty or says "Not applicable";
- the box is not checked but Amount Previously Paid states an amount.

Fields the reader did not find are not judged.

## Why it matters
Rule 0-11(a)(2) lets a filer offset a fee already paid with another filing, and the box
and the fields together say which fee is offset against which filing. A checked box with
no amount, or an amount with an empty box, leaves the SEC's fee staff unable to match the
payment, and the filing may be treated as underpaid.

## Example
```
|X|  Check the box if any part of the fee is offset as provided by Rule
     0-11(a)(2) and identify the filing with which the offsetting fee was
     previously paid.
    Amount Previously Paid:    Not Applicable      Filing Party: Not Applicable
    Form or Registration No.:  Not Applicable      Date Filed:   Not Applicable
```
The box claims an offset, but no amount previously paid is given.

## How to fix
Either fill in the four fields for the fee being offset, or uncheck the box (and write
"Not applicable" in the fields).
"""

from __future__ import annotations

from filinglint.linter.ast import CheckBox
from filinglint.linter.context import Context
from filinglint.linter.query.cover import offset_fields, says_nothing
from filinglint.linter.rule import Rule


def check(ctx: Context, box: CheckBox) -> None:
    if box.role != "fee-offset" or box.state == "unreadable":
        return
    amount = offset_fields(box).get("amount")
    if amount is None:
        return
    if box.state == "checked" and says_nothing(amount.value):
        ctx.report(
            box.mark_span,
            "the fee-offset box is checked but Amount Previously Paid says"
            f" {amount.value.strip() or 'nothing'!r}",
            hint="give the amount, form, filing party and date of the fee being offset,"
            " or uncheck the box",
            related=[(amount.span, "Amount Previously Paid")],
        )
    elif box.state == "unchecked" and any(ch.isdigit() for ch in amount.value):
        if all(ch in "0$,. " for ch in amount.value.strip()):
            return  # "$0" offsets nothing
        ctx.report(
            box.mark_span,
            f"Amount Previously Paid states {amount.value.strip()!r} but the fee-offset box"
            " is not checked",
            hint="check the box if that fee is offset under Rule 0-11(a)(2), or write"
            ' "Not applicable"',
            related=[(amount.span, "Amount Previously Paid")],
        )


RULE = Rule(
    code="BOX002",
    name="offset-box-inconsistent",
    severity="warning",
    summary="the fee-offset box and the Amount Previously Paid field disagree",
    docs=__doc__,
    visitors={"check_box": check},
)
