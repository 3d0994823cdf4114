"""## What it does
Checks that the filing fee in the CALCULATION OF FILING FEE table equals the transaction
valuation times the fee rate the filing itself states (a footnote such as "equals
0.0000809 of the transaction valuation", "$80.90 per $1,000,000" or "1/50th of one
percent"). Amounts are compared exactly, in cents, after rounding the product half up.
A table with no stated rate is not checked.

## Why it matters
Under Exchange Act Rule 0-11 a tender offer is not properly filed until the right fee is
paid. An underpayment must be made good and can delay the offer; an overpayment is money
the filer must ask the SEC to refund. Either way the cover page states something false.

## Example
```text
                           CALCULATION OF FILING FEE
           Transaction Valuation*               Amount of Filing Fee**
                 $2,500,000                          $203.00
**   The amount of the filing fee, calculated in accordance with Rule 0-11,
     equals 0.0000809 of the transaction valuation.
```
$2,500,000 × 0.0000809 = $202.25, so the stated $203.00 is $0.75 too much.

## Options
`tolerance-cents` (`[tool.filinglint.fee-mismatch]`, default 0): the largest difference,
in cents, still accepted.

`allow-round-up-to-dollar` (default false): filers often round the fee up to the whole
dollar (the product $202.25 stated as $203.00). By default that is reported, with the
message saying "rounded up to the dollar"; set the option to accept exactly that
overpayment. An underpayment is always reported.

## Fix
The fee is rewritten as valuation × the stated rate (its digits only, in the same
style). Safe where the filing settles it: the stated rate is the SEC rate in force on
the date that counts (as `fee-rate-outdated` finds it) and the valuation is the share
count × price its footnote states (as `valuation-basis-mismatch` checks). Otherwise
unsafe: the valuation or the rate may be the wrong half, which only the author can tell.

## How to fix
Recompute the fee from the valuation and the rate in force on the filing date, and
correct the fee (or the valuation or rate, if that is what is wrong).
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, Decimal

from filinglint.linter.ast import FeeTable, Money
from filinglint.linter.context import Context
from filinglint.linter.diagnostics import Edit
from filinglint.linter.money import dollars, multiply, subtract, to_cents
from filinglint.linter.query.fee_rates import rate_in_force
from filinglint.linter.query.filing_date import fee_date
from filinglint.linter.query.valuation import valuation_basis
from filinglint.linter.rule import Rule


def check(ctx: Context, table: FeeTable) -> None:
    if table.valuation is None or table.fee is None or table.rate is None:
        return
    expected = to_cents(multiply(table.valuation.amount, table.rate.value))
    stated = table.fee.amount
    difference = subtract(stated, expected)
    tolerance = Decimal(ctx.options["tolerance-cents"]) / 100
    if difference.copy_abs() <= tolerance:
        return
    rounded_up = _rounded_up_to_dollar(stated, expected)
    if rounded_up and ctx.options["allow-round-up-to-dollar"]:
        return
    verdict = "overpaid" if difference > 0 else "underpaid"
    if rounded_up:
        verdict = "rounded up to the dollar, overpaid"
    by = dollars(difference.copy_abs())
    rate = f"{table.rate.value.normalize():f}"
    if table.rate.text.lstrip("$").lstrip("0") != rate.lstrip("0"):
        rate += f", the stated rate of {table.rate.text}"
    edit = _fee_edit(ctx, table.fee, expected)
    message = f"state the fee as {dollars(expected)}"
    fix = ctx.fix(message, edit, safe=_settled(ctx, table)) if edit else None
    ctx.report(
        table.fee.span,
        f"stated filing fee {dollars(stated)} differs from the expected {dollars(expected)} "
        f"({dollars(table.valuation.amount)} × {rate}): {verdict} by {by}",
        hint=f"state a fee of {dollars(expected)}, or correct the valuation or the rate",
        related=(
            (table.valuation.span, f"transaction valuation {dollars(table.valuation.amount)}"),
            (table.rate.span, f"fee rate {table.rate.text}"),
        ),
        fix=fix,
    )


def _settled(ctx: Context, table: FeeTable) -> bool:
    """The filing settles the fee: its rate is the one in force on the date that counts,
    and its valuation is the count × price its footnote states."""
    basis = valuation_basis(table)
    if basis is None or table.valuation is None or table.rate is None or ctx.filing is None:
        return False
    if to_cents(basis.product) != to_cents(table.valuation.amount):
        return False
    when = fee_date(ctx.filing, ctx.submission, table)
    period = rate_in_force(when.day) if when is not None else None
    return period is not None and period.rate == table.rate.value


def _rounded_up_to_dollar(stated: Decimal, expected: Decimal) -> bool:
    """The stated fee is the expected one rounded up to the whole dollar (and above it)."""
    whole = expected.to_integral_value(rounding=ROUND_CEILING)
    return stated == whole and stated > expected


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _fee_edit(ctx: Context, fee: Money, expected: Decimal) -> Edit | None:
    """Rewrite the digits of the stated fee, in the same style; the ``$`` stays as is.

    Only the number is edited, so a fee whose ``$`` stands in another table cell of
    the HTML is fixed too; an amount written with words ("$2.5 million") is not.
    """
    number = _NUMBER.search(fee.text)
    if number is None or number.end() != len(fee.text):
        return None
    written = number.group(0)
    cents = to_cents(expected)
    places = len(written.partition(".")[2])
    if not str(cents).endswith(".00") and places < 2:
        places = 2  # "$203" becomes "$202.25", never a rounded "$202"
    integer_digits = len(written.partition(".")[0].replace(",", ""))
    grouped = "," in written or integer_digits < 4  # keep "1787.50" ungrouped as written
    content = f"{cents:{',' if grouped else ''}.{places}f}"
    end = fee.span.end
    return ctx.edit(end - len(written), end, content, expect=written)


RULE = Rule(
    code="FEE001",
    name="fee-mismatch",
    severity="error",
    summary="filing fee differs from transaction valuation × the stated fee rate",
    docs=__doc__,
    visitors={"fee_table": check},
    options={
        "tolerance-cents": {
            "type": "integer",
            "minimum": 0,
            "default": 0,
            "description": "Largest difference, in cents, still accepted (default 0).",
        },
        "allow-round-up-to-dollar": {
            "type": "boolean",
            "default": False,
            "description": "Accept a fee that is the product rounded up to the whole dollar"
            " (an overpayment below $1.00); an underpayment is always reported.",
        },
    },
    fix="unsafe",
)
