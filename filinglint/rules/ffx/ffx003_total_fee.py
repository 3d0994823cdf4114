"""## What it does
Checks that the total fee of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:TtlFeeAmt`) equals
the sum of the fees (`ffd:FeeAmt`) of its offering lines, "Fees to Be Paid" and "Fees
Previously Paid" alike (and of its Rule 424(i) lines), leaving out lines carried forward
under Rule 415(a)(6) (`ffd:Rule415a6Flg` true). This is EDGAR's validation
`ft.ttlFeeAmt`; as EDGAR does, a difference of up to $1.00 is accepted. A line that
states its fee only in a note ("(2)", a plain-HTML exhibit computing the fee on the
aggregate of all classes under Rule 457(o)) makes the sum unknown, and the rule is
silent.

## Why it matters
The total fee is what the net fee due is computed from: if it is not the sum of the line
fees, the filer pays the wrong amount, and EDGAR warns.

## Example
```text case=fail-total-fee-too-high.htm
<td>$<ix:nonFraction name="ffd:FeeAmt" contextRef="of1" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">1,913.75</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:FeeAmt" contextRef="of2" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">6,124.00</ix:nonFraction></td>
<tr><td>Total Fees Due for Filing</td>
<td>$<ix:nonFraction name="ffd:TtlFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">8,137.75</ix:nonFraction></td>
```
The line fees add up to $8,037.75: the total is $100.00 too high.

## How to fix
Correct the total, or the line fee that is wrong (and then the net fee due).
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import flag
from filinglint.linter.rule import Rule
from filinglint.rules.ffx._sums import check_sum


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    check_sum(
        ctx,
        exhibit,
        total_name="ffd:TtlFeeAmt",
        total_label="total fee",
        line_tables=("offering", "securities-424i"),
        line_name="ffd:FeeAmt",
        line_label="offering lines' fees",
        code="ft.ttlFeeAmt",
        include=lambda row: flag(row, "ffd:Rule415a6Flg") is not True,
    )


RULE = Rule(
    code="FFX003",
    name="fee-exhibit-total-fee",
    severity="warning",
    summary="a fee exhibit's total fee is not the sum of its lines' fees",
    docs=__doc__,
    visitors={"fee_exhibit": check},
)
