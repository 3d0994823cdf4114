"""## What it does
Checks the fee calculation of a fund's annual notice of securities sold (Form 24F-2,
EDGAR type 24F-2NT), in the 1990s text form and in today's XML:

- total available redemption credits = redemptions of the fiscal year + unused
  redemptions of prior years;
- net sales = aggregate sales − total credits (never below zero; the excess is the
  credit available for future years); on the pre-1997 form, net = sales + shares issued
  in dividend reinvestment − redemptions + redemptions previously applied under Rule
  24e-2, as its line (v) says;
- credits available for future years = total credits − sales where credits exceed sales;
- fee due = net sales × the multiplier, rounded half up to the cent;
- total due = fee + interest.

A term the notice leaves out is not checked. A multiplier printed rounded ("0.00034483")
may stand for the statutory fraction it rounds ("1/29 of 1%", as rates were set before
2002): a fee computed at that exact fraction is accepted. Whether the multiplier is the
rate in force is `fee-rate-outdated`'s check.

## Why it matters
The fund's registration of the shares it sold is made definite only by paying the fee
(Investment Company Act Section 24(f)); an underpayment leaves shares unregistered and
costs interest, an overpayment is money the fund must ask back.

## Example
```text
                 FORM 24F-2  Annual Notice of Securities Sold Pursuant to Rule 24f-2
5.  Calculation of registration fee:
    (i)    Aggregate sale price of securities sold during the fiscal year:   $ 50,000,000
    (ii)   Aggregate price of securities redeemed or repurchased during
           the fiscal year:                                                   $ 20,000,000
    (iv)   Total available redemption credits:                              - $ 20,000,000
    (v)    Net sales:                                                         $ 30,000,000
    (vii)  Multiplier for determining registration fee:                    x   0.0001091
    (viii) Registration fee due:                                           = $   3,723.00
```
$30,000,000 × 0.0001091 = $3,273.00, not $3,723.00.

## How to fix
Recompute the line the message names from the lines it is made of, as the form's
bracketed instruction on that line says.
"""

from __future__ import annotations

from decimal import Decimal

from filinglint.linter.ast import FeeRate, FundFeeNotice, Money
from filinglint.linter.context import Context
from filinglint.linter.money import dollars, multiply, subtract, to_cents
from filinglint.linter.rule import Rule

_CENT = Decimal("0.01")


def check(ctx: Context, notice: FundFeeNotice) -> None:
    _credits(ctx, notice)
    _net_sales(ctx, notice)
    _fee(ctx, notice)
    _total(ctx, notice)


def _report(ctx: Context, stated: Money, what: str, expected: Decimal, how: str, parts) -> None:
    if subtract(stated.amount, expected).copy_abs() < _CENT:
        return
    ctx.report(
        stated.span,
        f"{what} {dollars(stated.amount)} differs from {how} = {dollars(expected)}",
        hint=f"state {dollars(expected)}, or correct the line that is wrong",
        related=[(part.span, label) for label, part in parts if part is not None],
    )


def _credits(ctx: Context, notice: FundFeeNotice) -> None:
    total, redeemed = notice.total_credits, notice.redemptions
    if total is None or redeemed is None:
        return
    prior = notice.prior_credits.amount if notice.prior_credits else Decimal(0)
    _report(
        ctx,
        total,
        "total available redemption credits",
        redeemed.amount + prior,
        "this year's redemptions + unused prior-year redemptions",
        [("redemptions", redeemed), ("prior-year credits", notice.prior_credits)],
    )


def _net_sales(ctx: Context, notice: FundFeeNotice) -> None:
    net, sales = notice.net_sales, notice.sales
    if net is None or sales is None:
        return
    if notice.total_credits is not None:
        credits = _credits_meant(notice)
        _report(
            ctx,
            net,
            "net sales",
            max(sales.amount - credits, Decimal(0)),
            "sales − total redemption credits (redemptions + prior credits)",
            [("sales", sales), ("total credits", notice.total_credits)],
        )
        future = notice.future_credits
        if future is not None:
            _report(
                ctx,
                future,
                "redemption credits for future years",
                max(credits - sales.amount, Decimal(0)),
                "total credits − sales (where credits exceed sales)",
                [("sales", sales), ("total credits", notice.total_credits)],
            )
        return
    if notice.redemptions is None or notice.prior_credits is not None:
        return
    added = [t for t in (notice.reinvested, notice.reapplied) if t is not None]
    expected = sales.amount + sum((t.amount for t in added), Decimal(0))
    expected -= notice.redemptions.amount
    _report(
        ctx,
        net,
        "net aggregate price",
        expected,
        "sales + reinvested − redeemed + previously applied",
        [
            ("sales", sales),
            ("dividend reinvestment", notice.reinvested),
            ("redemptions", notice.redemptions),
            ("previously applied", notice.reapplied),
        ],
    )


def _credits_meant(notice: FundFeeNotice) -> Decimal:
    """The total credits the lines make (redemptions + prior credits) where they are given:
    a wrong total is reported once, by the credits check, not again as wrong net sales."""
    if notice.redemptions is None:
        return notice.total_credits.amount
    prior = notice.prior_credits.amount if notice.prior_credits else Decimal(0)
    return notice.redemptions.amount + prior


def _candidate_rates(multiplier: FeeRate) -> list[Decimal]:
    """The printed multiplier, and any statutory "1/k of one percent" it is a rounding of."""
    rates = [multiplier.value]
    places = -multiplier.value.as_tuple().exponent
    if places >= 7:
        for k in range(1, 201):
            fraction = Decimal(1) / Decimal(100 * k)
            if fraction.quantize(Decimal(1).scaleb(-places)) == multiplier.value:
                rates.append(fraction)
    return rates


def _fee(ctx: Context, notice: FundFeeNotice) -> None:
    fee, multiplier = notice.fee, notice.multiplier
    base = notice.net_sales or (notice.sales if notice.total_credits is None else None)
    if fee is None or multiplier is None or base is None:
        return
    products = [to_cents(multiply(base.amount, rate)) for rate in _candidate_rates(multiplier)]
    if fee.amount in products:
        return
    what = "net sales" if base is notice.net_sales else "sales"
    _report(
        ctx,
        fee,
        "registration fee due",
        products[0],
        f"{what} {dollars(base.amount)} × {multiplier.text}",
        [(what, base), ("multiplier", multiplier)],
    )


def _total(ctx: Context, notice: FundFeeNotice) -> None:
    total, fee = notice.total, notice.fee
    if total is None or fee is None:
        return
    interest = notice.interest.amount if notice.interest else Decimal(0)
    _report(
        ctx,
        total,
        "total due",
        fee.amount + interest,
        "the fee + interest",
        [("fee", fee), ("interest", notice.interest)],
    )


RULE = Rule(
    code="FEE007",
    name="fund-fee-mismatch",
    severity="error",
    summary="a 24F-2 notice's net sales, fee or total does not follow from its lines",
    docs=__doc__,
    visitors={"fund_fee_notice": check},
)
