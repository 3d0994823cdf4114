"""## What it does
Checks the carry-forward lines of a fee exhibit's Table 1 (securities carried forward
from an earlier registration statement under Rule 415(a)(6): `ffd:Rule415a6Flg`, the
"Carry Forward Securities" rows of a plain-HTML table): such a line states no fee to be
paid now (`ffd:FeeAmt` absent or zero). EDGAR leaves these lines out of the total fee
(`ft.ttlFeeAmt` excludes them) and expects no fee rate on them (`ft.r415a6NAFlds`, run on
the submission types that may carry securities forward): the fee of carried-forward
securities was paid with the earlier statement, and what it was goes in the "Filing Fee
Previously Paid in Connection with Unsold Securities to be Carried Forward" column
(`ffd:CfwdPrevslyPdFee`). A zero or a dash in the fee column is fine.

## Why it matters
Under Rule 415(a)(6) the fee paid for the unsold securities "will continue to be applied"
to them: a fee stated again on the carry-forward line is either a second payment the
filer does not owe or a newly registered class put in the wrong section (whose fee the
totals then leave out).

## Example
```text case=fail-carry-forward-fee.htm
<TD>$</TD><TD ALIGN="right">927.00</TD><TD></TD>
```
A carry-forward line of a Form S-3 states $927.00 as its registration fee, the fee
already paid with the earlier statement (it belongs in the carry-forward fee column).

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-carry-forward-fee]`, default none):
the EDGAR submission type (`S-3`, `424B5`…) a fee exhibit checked on its own is taken
to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Move the earlier fee to the carry-forward fee column and leave the line's registration
fee blank; if the line registers new securities, list it under "Fees to Be Paid".
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    amount,
    applies,
    exact_dollars,
    flag,
    row_label,
    rows,
)
from filinglint.linter.rule import Rule


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.r415a6NAFlds"):
        return
    for row in rows(exhibit, "offering"):
        if flag(row, "ffd:Rule415a6Flg") is not True:
            continue
        fee = amount(row, "ffd:FeeAmt")
        if fee is None or fee.value == 0:
            continue
        carried = amount(row, "ffd:CfwdPrevslyPdFee")
        related = (
            ((carried.span, f"fee previously paid {exact_dollars(carried.value)}"),)
            if carried is not None
            else ()
        )
        ctx.report(
            fee.span,
            f"{row_label(row)}: a carry-forward line (Rule 415(a)(6)) states a registration"
            f" fee of {exact_dollars(fee.value)}; its fee was paid with the earlier statement"
            " and EDGAR leaves it out of the total fee (ft.ttlFeeAmt, ft.r415a6NAFlds)",
            hint="state the earlier fee in the carry-forward fee column and leave this one"
            " blank, or list newly registered securities under Fees to Be Paid",
            related=related,
        )


RULE = Rule(
    code="FFX013",
    name="fee-exhibit-carry-forward-fee",
    severity="warning",
    summary="a fee exhibit's carry-forward line states a registration fee to be paid",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
