"""## What it does
Checks each "Fees to Be Paid" line of a registration statement's or prospectus's fee
exhibit (Table 1, Inline XBRL or plain HTML): the amount of registration fee
(`ffd:FeeAmt`) must equal the line's maximum aggregate offering price
(`ffd:MaxAggtOfferingPric`) times its fee rate (`ffd:FeeRate`). These are EDGAR's
validations `ft.newFeeAmt`, `ft.r457oFeeAmt` and `ft.r457fNewFeeAmt`, run on the
Securities Act submission types (S-1, S-3, S-4, F-1, F-3, S-8, their amendments and
automatic shelves, 424B prospectuses …): as EDGAR does, the product is exact and a
difference of up to $1.00 is accepted. Only lines that name their fee rule (Rule 457(a),
457(o), 457(r), 457(s), 457(f) or another rule such as 457(c)) are checked; lines of fees
previously paid, carry-forward lines (Rule 415(a)(6)) and lines missing the price, the
rate or the fee, or stating one only in a note ("(2)"), are not. When the submission
type (the header's, the `submission-type` option, `ffd:SubmissnTp`) or, failing it, the
exhibit's form type ("Form S-3 (Form Type)", `ffd:FormTp`) shows an Exchange Act filing,
the rule is silent: `fee-exhibit-line-fee` checks those.

## Why it matters
Under Securities Act Section 6(b) and Rule 457 the registration fee is the offering
price times the rate in force; a statement filed without the full fee is not deemed
filed for the unpaid securities (Rule 111), and EDGAR warns about the line.

## Example
```text case=fail-offering-fee-shifted.htm
<TD>$</TD><TD ALIGN="right">25,000,000.00</TD><TD></TD>
<TD>0.0001531</TD><TD></TD>
<TD>$</TD><TD ALIGN="right">38,275.00</TD><TD></TD>
```
On this plain-HTML Exhibit 107 of a Form S-3, $25,000,000.00 × 0.0001531 = $3,827.50:
the stated fee, its decimal point shifted, is $34,447.50 too high.

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-offering-fee]`, default none):
the EDGAR submission type (`S-3`, `424B5`…) a fee exhibit checked on its own is taken
to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Recompute the fee from the line's maximum aggregate offering price and the rate in
force on the filing date, and correct the line (or its price or rate, if that is what
is wrong); then the totals.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    applies,
    exact_dollars,
    flag,
    line_fee_error,
    row_label,
    rows,
)
from filinglint.linter.rule import Rule

# The "where" of ft.newFeeAmt, ft.r457oFeeAmt and ft.r457fNewFeeAmt: one of these flags.
FEE_RULE_FLAGS = (
    "ffd:Rule457aFlg",
    "ffd:Rule457oFlg",
    "ffd:Rule457rFlg",
    "ffd:Rule457sFlg",
    "ffd:Rule457fFlg",
    "ffd:FeesOthrRuleFlg",
)
VALIDATIONS = ("ft.newFeeAmt", "ft.r457oFeeAmt", "ft.r457fNewFeeAmt")


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, *VALIDATIONS):
        return
    for row in rows(exhibit, "offering"):
        if flag(row, "ffd:PrevslyPdFlg") is True or flag(row, "ffd:Rule415a6Flg") is True:
            continue
        if not any(flag(row, name) is True for name in FEE_RULE_FLAGS):
            continue
        wrong = line_fee_error(row, "ffd:MaxAggtOfferingPric")
        if wrong is None:
            continue
        price = "maximum aggregate offering price"
        expected = exact_dollars(wrong.expected)
        ctx.report(
            wrong.fee.span,
            f"{row_label(row)}: " + wrong.message("registration fee", price, "ft.newFeeAmt"),
            hint=f"state a fee of {expected}, or correct the price or the rate",
            related=wrong.related(price),
        )


RULE = Rule(
    code="FFX010",
    name="fee-exhibit-offering-fee",
    severity="warning",
    summary="a fee exhibit line's registration fee differs from its offering price × fee rate",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
