"""## What it does
Multiplies out the basis the valuation footnote gives — "assumes the purchase of
2,000,000 shares … at the tender offer price of $5.00 per share" — and compares the
product, exactly and in cents, with the transaction valuation in the fee table. Only a
footnote with one share count and one price per share is read; a sum of classes, options
beside shares or a range of prices is left alone.

## Why it matters
The valuation is the base of the fee (Exchange Act Rule 0-11(b): the number of
securities sought times the price offered). A valuation that does not equal its own
stated basis means either the fee was computed on the wrong amount or the footnote
misstates the offer — in both cases the fee is in doubt.

## Example
```
                           CALCULATION OF FILING FEE
           Transaction Valuation*               Amount of Filing Fee**
                 $11,000,000                         $1,200.10
*    Estimated for purposes of calculating the filing fee only. This
     calculation assumes the purchase of 2,000,000 shares of common stock at
     the tender offer price of $5.00 per share.
**   The filing fee equals $109.10 per $1,000,000 of the transaction valuation.
```
2,000,000 × $5.00 = $10,000,000, not $11,000,000.

## How to fix
Correct the valuation (and the fee computed on it), or the count or price in the
footnote, whichever is wrong.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeTable
from filinglint.linter.context import Context
from filinglint.linter.money import dollars, subtract, to_cents
from filinglint.linter.query.valuation import valuation_basis
from filinglint.linter.rule import Rule


def check(ctx: Context, table: FeeTable) -> None:
    basis = valuation_basis(table)
    if basis is None or table.valuation is None:
        return
    product = to_cents(basis.product)
    if product == to_cents(table.valuation.amount):
        return
    difference = subtract(table.valuation.amount, product)
    more = "more" if difference > 0 else "less"
    ctx.report(
        table.valuation.span,
        f"transaction valuation {dollars(table.valuation.amount)} is not its stated basis:"
        f" {basis.shares:,f} shares × {dollars(basis.price)} = {dollars(product)}"
        f" ({dollars(difference.copy_abs())} {more})",
        hint="correct the valuation (and the fee on it), or the count or price in the footnote",
        related=[(basis.note.span, "the valuation footnote")],
    )


RULE = Rule(
    code="FEE004",
    name="valuation-basis-mismatch",
    severity="error",
    summary="the transaction valuation is not the share count × price its footnote states",
    docs=__doc__,
    visitors={"fee_table": check},
)
