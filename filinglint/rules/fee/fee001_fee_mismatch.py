"""## What it does
Checks that the filing fee in the CALCULATION OF FILING FEE table equals the transaction
valuation times the fee rate the filing itself states (a footnote such as "equals
0.0000809 of the transaction valuation", "$80.90 per $1,000,000" or "1/50th of one
percent"). Amounts are compared exactly, in cents, after rounding the product half up.
A table with no stated rate is not checked.

A registration statement's CALCULATION OF REGISTRATION FEE table (S-1, S-3, 424B… until
2022) is checked row by row: each row's fee against its proposed maximum aggregate
offering price × the rate, the rate being the one the table states or, where it states
none, the rate in force on the filing date (the message says which; see
`fee-rate-outdated` for how the date is found). The Total row's fee must equal the sum
of the rows' fees, or the total aggregate × the rate: a sum of fees each rounded to the
cent may differ from the rounded total by up to half a cent per row (plus half a cent
for the total's own rounding), and that difference is accepted. A table whose rows the
reader could not read, or that states two different rates, is not checked.

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

`filing-date` (default none, or `--filing-date YYYY-MM-DD`): the day a draft will be
filed, for a registration fee table that states no rate, in a file without an EDGAR
header.

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

from filinglint.linter.ast import FeeTable, Money, RegistrationFeeTable
from filinglint.linter.context import Context
from filinglint.linter.diagnostics import Edit
from filinglint.linter.money import dollars, multiply, subtract, to_cents
from filinglint.linter.query.fee_rates import rate_in_force
from filinglint.linter.query.filing_date import fee_date
from filinglint.linter.query.registration_fee import fee_rows, readable, table_rate
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


def check_registration(ctx: Context, table: RegistrationFeeTable) -> None:
    """Each row's fee, then the Total row's, of a registration statement's fee table."""
    if not readable(table) or ctx.filing is None:
        return
    rate = table_rate(ctx.filing, ctx.submission, table, ctx.options["filing-date"])
    tolerance = Decimal(ctx.options["tolerance-cents"]) / 100
    related_rate = [(rate.span, rate.described)] if rate and rate.span else []
    if rate is not None:
        for row in fee_rows(table):
            expected = to_cents(multiply(row.aggregate.amount, rate.value))
            difference = subtract(row.fee.amount, expected)
            if difference.copy_abs() <= tolerance:
                continue
            rounded_up = _rounded_up_to_dollar(row.fee.amount, expected)
            if rounded_up and ctx.options["allow-round-up-to-dollar"]:
                continue
            verdict = "overpaid" if difference > 0 else "underpaid"
            if rounded_up:
                verdict = "rounded up to the dollar, overpaid"
            edit = _fee_edit(ctx, row.fee, expected)
            fix = (
                ctx.fix(f"state the fee as {dollars(expected)}", edit, safe=False) if edit else None
            )
            ctx.report(
                row.fee.span,
                f"registration fee {dollars(row.fee.amount)} of {_named(row.title)} differs from"
                f" the expected {dollars(expected)} ({dollars(row.aggregate.amount)} ×"
                f" {rate.described}): {verdict} by {dollars(difference.copy_abs())}",
                hint=f"state a fee of {dollars(expected)}, or correct the aggregate offering"
                " price or the rate",
                related=[
                    (row.aggregate.span, "the proposed maximum aggregate offering price"),
                    *related_rate,
                ],
                fix=fix,
            )
    _check_total(ctx, table, rate, tolerance)


def _check_total(ctx: Context, table: RegistrationFeeTable, rate, tolerance: Decimal) -> None:
    """The Total row's fee: the sum of the rows' fees, or total aggregate × rate."""
    total = table.total
    if total is None or total.fee is None:
        return
    rows = [r for r in table.rows if r.fee is not None]
    complete = rows and all(r.fee is not None for r in table.rows if r.aggregate is not None)
    stated = total.fee.amount
    summed = sum((r.fee.amount for r in rows), Decimal(0)) if complete else None
    if summed is not None and subtract(stated, summed).copy_abs() <= tolerance:
        return
    product = None
    if rate is not None and total.aggregate is not None:
        exact = multiply(total.aggregate.amount, rate.value)
        product = to_cents(exact)
        slack = Decimal("0.005") * (len(rows) + 1) + tolerance
        if subtract(stated, exact).copy_abs() <= slack:
            return  # the sum of rows rounded one by one, or the rounded total
    if summed is None and product is None:
        return
    expected = [f"the sum of the rows' fees {dollars(summed)}"] if summed is not None else []
    if product is not None:
        expected.append(
            f"the total aggregate {dollars(total.aggregate.amount)} × {rate.described}"
            f" = {dollars(product)}"
        )
    related = [(r.fee.span, f"fee of {_named(r.title)}") for r in rows[:6]]
    ctx.report(
        total.fee.span,
        f"total registration fee {dollars(stated)} differs from " + " and from ".join(expected),
        hint="correct the total, or the row whose fee is wrong",
        related=related,
    )


def _named(title: str) -> str:
    """A row's title for a message, cut short."""
    short = title if len(title) <= 60 else title[:57].rstrip() + "…"
    return f"“{short}”" if short else "an untitled row"


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
    visitors={"fee_table": check, "registration_fee_table": check_registration},
    options={
        "tolerance-cents": {
            "type": "integer",
            "minimum": 0,
            "default": 0,
            "description": "Largest difference, in cents, still accepted (default 0).",
        },
        "filing-date": {
            "type": ["string", "null"],
            "format": "date",
            "default": None,
            "description": "The day a draft will be filed (YYYY-MM-DD), for a registration"
            " fee table that states no rate, in a file without an EDGAR header.",
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
