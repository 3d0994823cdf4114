"""## What it does
Checks that the net fee due of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:NetFeeAmt`) is the
total fee (`ffd:TtlFeeAmt`), minus the total fees previously paid
(`ffd:TtlPrevslyPdAmt`), minus the total fee offsets (`ffd:TtlOffsetAmt`), plus any
interest due (`ffd:FeeIntrstAmt`). This is EDGAR's validation `ft.netFeeAmt`: absent
terms count as zero and a difference of up to $1.00 is accepted. As the validation's
text says, offsets count only "up to the amount of the Total Registration Fee" (and
previously paid fees only up to the total fee), which is how EDGAR books an exhibit that
claims too much: so a net fee of $0.00 is expected then, and the excess is reported once,
by `fee-exhibit-offsets-exceed-fee` or `fee-exhibit-previously-paid-exceeds-fee`.

## Why it matters
The net fee due is the amount the filer must have paid to the SEC; if it does not follow
from the totals above it, the filer pays the wrong amount, and EDGAR warns.

## Example
```text case=fail-net-fee-digits-transposed.htm
<tr><td>Total Fees Due for Filing</td>
<td>$<ix:nonFraction name="ffd:TtlFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">8,037.75</ix:nonFraction></td>
<tr><td>Total Fees Previously Paid</td>
<td>$<ix:nonFraction name="ffd:TtlPrevslyPdAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">6,124.00</ix:nonFraction></td>
<tr><td>Net Fee Due</td>
<td>$<ix:nonFraction name="ffd:NetFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">1,391.75</ix:nonFraction></td>
```
With no offsets, $8,037.75 − $6,124.00 = $1,913.75: the net fee due is $522.00 too low.

## How to fix
Recompute the net fee due from the totals (or correct the total that is wrong).
"""

from __future__ import annotations

from decimal import Decimal

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.money import subtract
from filinglint.linter.query.fee_exhibit import (
    add,
    amount,
    applies,
    edgar_tolerance,
    exact_dollars,
    rows,
    too,
)
from filinglint.linter.rule import Rule

ZERO = Decimal(0)
LABELS = {
    "ffd:TtlFeeAmt": "total fee",
    "ffd:TtlPrevslyPdAmt": "total previously paid",
    "ffd:TtlOffsetAmt": "total fee offsets",
    "ffd:FeeIntrstAmt": "interest",
}


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.netFeeAmt"):
        return
    for totals in rows(exhibit, "totals"):
        net = amount(totals, "ffd:NetFeeAmt")
        if net is None:
            continue
        terms = {name: amount(totals, name) for name in LABELS}
        value = {name: f.value if f is not None else ZERO for name, f in terms.items()}
        fee = value["ffd:TtlFeeAmt"]
        paid = min(value["ffd:TtlPrevslyPdAmt"], max(fee, ZERO))
        left = subtract(fee, paid)
        offsets = min(value["ffd:TtlOffsetAmt"], max(left, ZERO))
        interest = value["ffd:FeeIntrstAmt"]
        expected = add(subtract(left, offsets), interest)
        difference = subtract(net.value, expected)
        if difference.copy_abs() <= edgar_tolerance():
            continue
        described = f"total fee {exact_dollars(fee)}"
        if paid:
            described += f" minus previously paid {exact_dollars(paid)}"
        if offsets:
            described += f" minus offsets {exact_dollars(offsets)}"
        if interest:
            described += f" plus interest {exact_dollars(interest)}"
        capped = [
            label
            for name, label, used in (
                ("ffd:TtlPrevslyPdAmt", "previously paid fees", paid),
                ("ffd:TtlOffsetAmt", "offsets", offsets),
            )
            if value[name] != used
        ]
        if capped:
            described += f"; {' and '.join(capped)} counted only up to the fee left to pay"
        ctx.report(
            net.span,
            f"net fee due {exact_dollars(net.value)} differs from the expected "
            f"{exact_dollars(expected)} ({described}): {too(difference)}, more than"
            " EDGAR's $1.00 tolerance (ft.netFeeAmt)",
            hint=f"state a net fee due of {exact_dollars(expected)}, or correct the totals",
            related=tuple(
                (f.span, f"{LABELS[name]} {exact_dollars(f.value)}")
                for name, f in terms.items()
                if f is not None
            ),
        )


RULE = Rule(
    code="FFX006",
    name="fee-exhibit-net-fee",
    severity="warning",
    summary="a fee exhibit's net fee due is not total fee − previously paid − offsets",
    docs=__doc__,
    visitors={"fee_exhibit": check},
)
