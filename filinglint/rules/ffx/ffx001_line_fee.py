"""## What it does
Checks each "Fees to Be Paid" line of a filing-fee exhibit (Inline XBRL or plain HTML): the fee
(`ffd:FeeAmt`) must equal the transaction valuation (`ffd:TxValtn`) times the fee rate
(`ffd:FeeRate`) of the same line. This is EDGAR's validation `ft.r011TxVal` (and, for a
stated fee of zero, `ft.r011CEFTxVal`), run on Schedule TO and the other Exchange Act
submission types of groups 7 and 8 (SC TO-I, SC TO-T, their amendments, SC 13E3 …). As
EDGAR does, the product is exact (not rounded) and a difference of up to $1.00 is
accepted; lines marked previously paid (`ffd:PrevslyPdFlg` true, whose rate may be an
earlier year's), lines under another fee rule than Rule 0-11 (a 457 or "other rule"
flag set, or `ffd:Rule011Flg` false) and lines missing the valuation or the rate are not
checked. When the submission type (the header's, the `submission-type` option, else the
exhibit's `ffd:SubmissnTp`) or, failing it, the exhibit's form type (`ffd:FormTp`,
"Form S-3 (Form Type)") shows a filing of another group (a registration statement or
prospectus: `fee-exhibit-offering-fee` checks those), the rule is silent.

## Why it matters
Under Exchange Act Rule 0-11 a tender offer is not properly filed until the right fee is
paid; EDGAR warns about the line, and an underpayment must be made good.

## Example
```text case=fail-line-fee-digits-transposed.htm
<td>$<ix:nonFraction name="ffd:TxValtn" contextRef="of1" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">12,500,000.00</ix:nonFraction></td>
<td><ix:nonFraction name="ffd:FeeRate" contextRef="of1" unitRef="pure"
 decimals="7" format="ixt:num-dot-decimal">0.0001531</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:FeeAmt" contextRef="of1" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">1,931.75</ix:nonFraction></td>
```
On this "Fees to Be Paid" line, $12,500,000.00 × 0.0001531 = $1,913.75: the stated fee
(two digits transposed) is $18.00 too high.

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-line-fee]`, default none):
the EDGAR submission type (`SC TO-T`, `424B5`…) a fee exhibit checked on its own is
taken to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Recompute the fee from the valuation and the rate in force on the filing date and
correct the line (or its valuation or rate, if that is what is wrong). A closed-end fund
relying on the Ironwood no-action letter (April 19, 2017) to state a zero fee should say
so in the line's note.
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

# The "where" of ft.r011TxVal: these flags must be absent or false.
OTHER_RULE_FLAGS = (
    "ffd:Rule457aFlg",
    "ffd:Rule457oFlg",
    "ffd:Rule457uFlg",
    "ffd:Rule457rFlg",
    "ffd:Rule457sFlg",
    "ffd:Rule415a6Flg",
    "ffd:FeesOthrRuleFlg",
)


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.r011TxVal"):
        return
    for row in rows(exhibit, "offering"):
        if flag(row, "ffd:PrevslyPdFlg") is True or flag(row, "ffd:Rule011Flg") is False:
            continue
        if any(flag(row, name) is True for name in OTHER_RULE_FLAGS):
            continue
        wrong = line_fee_error(row, "ffd:TxValtn")
        if wrong is None:
            continue
        hint = (
            f"state a fee of {exact_dollars(wrong.expected)}, or correct the valuation or the rate"
        )
        if wrong.fee.value == 0:
            hint += (
                "; a closed-end fund stating a zero fee under the Ironwood no-action letter"
                " (April 19, 2017) should explain it in the line's note (ft.r011CEFTxVal)"
            )
        ctx.report(
            wrong.fee.span,
            f"{row_label(row)}: " + wrong.message("fee", "transaction valuation", "ft.r011TxVal"),
            hint=hint,
            related=wrong.related("transaction valuation"),
        )


RULE = Rule(
    code="FFX001",
    name="fee-exhibit-line-fee",
    severity="warning",
    summary="a fee exhibit line's fee differs from its transaction valuation × fee rate",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
