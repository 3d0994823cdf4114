"""## What it does
Checks that the total fee offsets of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:TtlOffsetAmt`) are not more than the total fee (`ffd:TtlFeeAmt`) minus the total
fees previously paid (`ffd:TtlPrevslyPdAmt`): what is left to pay is all an offset can
cover. This is EDGAR's validation `ft.ttlOfstLeTotFee`. As EDGAR does, an absent term
counts as zero, offsets of zero are never reported, and there is no tolerance.

## Why it matters
An offset cannot make the net fee negative: EDGAR warns, and on its own books reduces
the offsets so that the net fee due is $0, which the disseminated exhibit then
contradicts.

## Example
```text case=fail-offset-exceeds-fee.htm
<tr><td>Total Fees Due for Filing</td>
<td>$<ix:nonFraction name="ffd:TtlFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">38,275.00</ix:nonFraction></td>
<tr><td>Total Fee Offsets</td>
<td>$<ix:nonFraction name="ffd:TtlOffsetAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">40,000.00</ix:nonFraction></td>
```
Nothing was paid before, so $38,275.00 is left to pay: the offsets are $1,725.00 too high.

## How to fix
Claim no more offset than the fee left to pay (and carry the rest to a later filing, if
the rules allow it).
"""

from __future__ import annotations

from decimal import Decimal

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.money import subtract
from filinglint.linter.query.fee_exhibit import amount, applies, exact_dollars, rows, too
from filinglint.linter.rule import Rule


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.ttlOfstLeTotFee"):
        return
    for totals in rows(exhibit, "totals"):
        offsets = amount(totals, "ffd:TtlOffsetAmt")
        if offsets is None or offsets.value == 0:
            continue
        fee = amount(totals, "ffd:TtlFeeAmt")
        paid = amount(totals, "ffd:TtlPrevslyPdAmt")
        fee_value = fee.value if fee is not None else Decimal(0)
        paid_value = paid.value if paid is not None else Decimal(0)
        limit = subtract(fee_value, paid_value)
        if offsets.value <= limit:
            continue
        terms = f"total fee {exact_dollars(fee_value)}"
        if paid_value:
            terms += f" minus total previously paid {exact_dollars(paid_value)}"
        related = []
        if fee is not None:
            related.append((fee.span, f"total fee {exact_dollars(fee.value)}"))
        if paid is not None:
            related.append((paid.span, f"total previously paid {exact_dollars(paid.value)}"))
        ctx.report(
            offsets.span,
            f"total fee offsets {exact_dollars(offsets.value)} exceed the "
            f"{exact_dollars(limit)} left to pay ({terms}): {too(subtract(offsets.value, limit))}"
            " (ft.ttlOfstLeTotFee)",
            hint=f"claim at most {exact_dollars(max(limit, Decimal(0)))} of offsets",
            related=tuple(related),
        )


RULE = Rule(
    code="FFX005",
    name="fee-exhibit-offsets-exceed-fee",
    severity="warning",
    summary="a fee exhibit's total fee offsets exceed the fee left to pay",
    docs=__doc__,
    visitors={"fee_exhibit": check},
)
