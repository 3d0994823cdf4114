"""## What it does
Checks the arithmetic of a registration statement's CALCULATION OF REGISTRATION FEE
table (S-1, S-3, S-4, S-8, F-1, F-3, 424B… until 2022) before any rate comes in: where a
row prints all three, the amount to be registered × the proposed maximum offering price
per unit must give the proposed maximum aggregate offering price; and the Total row's
aggregate must be the sum of the rows' aggregates.

A price printed to the cent stands for any price that rounds to it (a Rule 457(c)
average of the high and low prices is often printed rounded), so the product may differ
from the aggregate by up to the count × half a unit of the price's last printed place,
plus half a unit of the aggregate's. The sum is checked only where every row with an
aggregate also has a fee of its own (a row "included above", with an aggregate but no
fee, makes the sum ambiguous). A table the reader could not read is not checked.

## Why it matters
The fee is computed on the aggregate offering price (Rule 457(a)); an aggregate that is
not count × price means the fee, too, was computed on a wrong base, and the registration
statement covers a different amount of securities than the one its table claims.

## Example
```text
                        CALCULATION OF REGISTRATION FEE
  Title of Each Class     Amount to be   Proposed Maximum   Proposed Maximum    Amount of
  of Securities           Registered     Offering Price     Aggregate           Registration
                                         Per Share          Offering Price      Fee
  Common Stock            2,000,000      $8.00              $61,000,000         $6,655.10
```
2,000,000 × $8.00 = $16,000,000, not $61,000,000 (the digits are transposed).

## How to fix
Recompute the aggregate from the count and the price (or correct whichever of them is
wrong), then recompute the fee from the aggregate.
"""

from __future__ import annotations

from decimal import Decimal

from filinglint.linter.ast import RegistrationFeeTable
from filinglint.linter.context import Context
from filinglint.linter.money import dollars, multiply, subtract
from filinglint.linter.query.registration_fee import count_of, half_unit, readable
from filinglint.linter.rule import Rule


def check(ctx: Context, table: RegistrationFeeTable) -> None:
    if not readable(table):
        return
    for row in table.rows:
        count = count_of(row.amount_registered)
        if count is None or row.price_per_unit is None or row.aggregate is None:
            continue
        product = multiply(count, row.price_per_unit.amount)
        slack = count * half_unit(row.price_per_unit.text) + half_unit(row.aggregate.text)
        difference = subtract(row.aggregate.amount, product)
        if difference.copy_abs() <= slack:
            continue
        ctx.report(
            row.aggregate.span,
            f"aggregate offering price {dollars(row.aggregate.amount)} is not the amount"
            f" registered {row.amount_registered.text} × the price per unit"
            f" {row.price_per_unit.text} = {dollars(product)}: off by"
            f" {dollars(difference.copy_abs())}",
            hint="recompute the aggregate (and the fee on it), or correct the count or price",
            related=[
                (row.amount_registered.span, "the amount to be registered"),
                (row.price_per_unit.span, "the proposed maximum offering price per unit"),
            ],
        )
    _check_total(ctx, table)


def _check_total(ctx: Context, table: RegistrationFeeTable) -> None:
    total = table.total
    if total is None or total.aggregate is None:
        return
    priced = [row for row in table.rows if row.aggregate is not None]
    if len(priced) < 2 or any(row.fee is None for row in priced):
        return
    summed = sum((row.aggregate.amount for row in priced), Decimal(0))
    if summed == total.aggregate.amount:
        return
    ctx.report(
        total.aggregate.span,
        f"total aggregate offering price {dollars(total.aggregate.amount)} is not the sum of"
        f" the rows' aggregates, {dollars(summed)}: off by"
        f" {dollars(subtract(total.aggregate.amount, summed).copy_abs())}",
        hint="correct the total, or the row whose aggregate is wrong",
        related=[(row.aggregate.span, "a row's aggregate") for row in priced[:6]],
    )


RULE = Rule(
    code="FEE006",
    name="offering-price-mismatch",
    severity="error",
    summary="a registration fee table's aggregate is not count × price, or its total not the sum",
    docs=__doc__,
    visitors={"registration_fee_table": check},
)
