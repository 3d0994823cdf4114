"""## What it does
Checks that the total transaction valuation of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:TtlTxValtn`) equals the sum of the transaction valuations (`ffd:TxValtn`) of its
offering lines, "Fees to Be Paid" and "Fees Previously Paid" alike. This is EDGAR's
validation `ft.ttlTxValtn`; as EDGAR does, a difference of up to $1.00 is accepted.

## Why it matters
The total is what the fee table tells the reader the transaction is worth; a total that
is not the sum of its lines means a line or the total is wrong, and EDGAR warns.

## Example
```text case=fail-total-valuation-short.htm
<td>$<ix:nonFraction name="ffd:TxValtn" contextRef="of1" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">12,500,000.00</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:TxValtn" contextRef="of2" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">40,000,000.00</ix:nonFraction></td>
<tr><td>Total Transaction Valuation</td>
<td>$<ix:nonFraction name="ffd:TtlTxValtn" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">52,000,000.00</ix:nonFraction></td>
```
The two lines add up to $52,500,000.00: the total is $500,000.00 too low.

## How to fix
Correct the total, or the line that is wrong.
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
        total_name="ffd:TtlTxValtn",
        total_label="total transaction valuation",
        line_tables=("offering",),
        line_name="ffd:TxValtn",
        line_label="offering lines' transaction valuations",
        code="ft.ttlTxValtn",
    )


RULE = Rule(
    code="FFX002",
    name="fee-exhibit-total-valuation",
    severity="warning",
    summary="a fee exhibit's total transaction valuation is not the sum of its lines",
    docs=__doc__,
    visitors={"fee_exhibit": check},
)
