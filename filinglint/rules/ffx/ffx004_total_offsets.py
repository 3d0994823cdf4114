"""## What it does
Checks that the total fee offsets of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:TtlOffsetAmt`) equal the sum of the amounts claimed (`ffd:OffsetClmdAmt`) on its
fee offset claim lines. This is EDGAR's validation `ft.ttlOfstAmt`; as EDGAR does, a
difference of up to $1.00 is accepted. (For Schedule TO the only offset rule is Rule
0-11(a)(2): a fee paid earlier for the same transaction.)

## Why it matters
The total offsets are subtracted from the fee to give the net fee due: a total that is
not the sum of the claims over- or understates what is owed, and EDGAR warns.

## Example
```text case=fail-total-offsets-short.htm
<tr><td>Total Fee Offsets</td>
<td>$<ix:nonFraction name="ffd:TtlOffsetAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">28,275.00</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:OffsetClmdAmt" contextRef="os1" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">38,275.00</ix:nonFraction></td>
```
The only claim (the fee paid with the bidder's Form S-4) is $38,275.00: the total is
$10,000.00 too low.

## How to fix
Correct the total, or the claim that is wrong (and then the net fee due).
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule
from filinglint.rules.ffx._sums import check_sum


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    check_sum(
        ctx,
        exhibit,
        total_name="ffd:TtlOffsetAmt",
        total_label="total fee offsets",
        line_tables=("offset",),
        line_name="ffd:OffsetClmdAmt",
        line_label="offset claims",
        code="ft.ttlOfstAmt",
        plural=True,
    )


RULE = Rule(
    code="FFX004",
    name="fee-exhibit-total-offsets",
    severity="warning",
    summary="a fee exhibit's total fee offsets are not the sum of the offsets claimed",
    docs=__doc__,
    visitors={"fee_exhibit": check},
)
