"""## What it does
Checks that the total fees previously paid of a filing-fee exhibit (Inline XBRL or plain HTML)
(`ffd:TtlPrevslyPdAmt`) are not more than its total fee (`ffd:TtlFeeAmt`). This is
EDGAR's validation `ft.usrSty6b`, run on amendments and prospectuses (submission groups
4, 6, 8 and 11: SC TO-I/A, SC TO-T/A, SC 13E3/A, S-1/A, 424B5 …); as EDGAR does, both
totals must be present and there is no tolerance. When the submission type (the
header's, the `submission-type` option, else `ffd:SubmissnTp`) or, failing it, the form
type (`ffd:FormTp`, "Form S-3 (Form Type)") shows another group, the rule is silent.

## Why it matters
Fees paid with earlier filings can only settle the fee due on this one: more than that
makes the net fee due negative. EDGAR warns, books the previously paid amount as equal
to the total fee (a net fee due of $0), and the disseminated exhibit keeps the wrong
figure.

## Example
```text case=fail-reduced-offer-paid-more.htm
<tr><td>Total Fees Due for Filing</td>
<td>$<ix:nonFraction name="ffd:TtlFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">4,593.00</ix:nonFraction></td>
<tr><td>Total Fees Previously Paid</td>
<td>$<ix:nonFraction name="ffd:TtlPrevslyPdAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">6,124.00</ix:nonFraction></td>
```
An amendment reduces the offer to $30,000,000 (a fee of $4,593.00) after $6,124.00 was
paid with the original statement: the previously paid total is $1,531.00 more than the
total fee.

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-previously-paid-exceeds-fee]`, default none):
the EDGAR submission type (`SC TO-T`, `424B5`…) a fee exhibit checked on its own is
taken to belong to. Inside a complete submission the header's type is used instead.

## How to fix
State as previously paid only what applies to this transaction (at most the total fee);
a refund of an overpayment is asked for separately.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.money import subtract
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    amount,
    applies,
    exact_dollars,
    rows,
    too,
)
from filinglint.linter.rule import Rule


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.usrSty6b"):
        return
    for totals in rows(exhibit, "totals"):
        paid = amount(totals, "ffd:TtlPrevslyPdAmt")
        fee = amount(totals, "ffd:TtlFeeAmt")
        if paid is None or fee is None or paid.value <= fee.value:
            continue
        ctx.report(
            paid.span,
            f"total fees previously paid {exact_dollars(paid.value)} exceed the total fee "
            f"{exact_dollars(fee.value)}: {too(subtract(paid.value, fee.value))}"
            " (ft.usrSty6b)",
            hint=f"state at most {exact_dollars(fee.value)} as previously paid",
            related=((fee.span, f"total fee {exact_dollars(fee.value)}"),),
        )


RULE = Rule(
    code="FFX007",
    name="fee-exhibit-previously-paid-exceeds-fee",
    severity="warning",
    summary="a fee exhibit's total fees previously paid exceed its total fee",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
