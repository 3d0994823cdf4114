"""## What it does
Checks that the total offering amount of a registration statement's or prospectus's fee
exhibit (`ffd:TtlOfferingAmt`, the "Total Offering Amounts" row of Table 1, Inline XBRL
or plain HTML) is the sum of the maximum aggregate offering prices
(`ffd:MaxAggtOfferingPric`) of its lines, newly registered and carried forward. This is
EDGAR's validation `ft.ttlOfAmt`, run on the Securities Act submission types; as EDGAR
does, a difference of up to $1.00 is accepted, and the classes listed under an
unallocated (universal) shelf line leave their prices out (a Rule 457(o) line with no fee,
a Rule 415(a)(6) line with no previously paid fee, when another line of that rule is the
"Unallocated (Universal) Shelf"). A line that states its price only in a note ("(2)")
makes the sum unknown, and the rule is silent. When the submission type, or failing it
the exhibit's form type, shows an Exchange Act filing, the rule is silent too.

## Why it matters
The total offering amount is what EDGAR books as registered by the statement; if it does
not match the lines, the registered amount (and the fee paid on it) is in doubt, and
EDGAR warns.

## Example
```text case=fail-total-offering-short.htm
<TD>$</TD><TD ALIGN="right">10,000,000.00</TD><TD></TD>
<TD>$</TD><TD ALIGN="right">5,000,000.00</TD><TD></TD>
<TD>$</TD><TD ALIGN="right">12,500,000.00</TD><TD></TD>
```
The lines' prices add up to $15,000,000.00, but the "Total Offering Amounts" row states
$12,500,000.00 (a line left out of the sum).

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-total-offering]`, default none):
the EDGAR submission type (`S-3`, `424B5`…) a fee exhibit checked on its own is taken
to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Add up the lines' maximum aggregate offering prices again and correct the total (or the
line that is wrong), then the fee totals computed from it.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    amount,
    fact,
    flag,
    rows,
)
from filinglint.linter.rule import Rule
from filinglint.rules.ffx._sums import check_sum

UNIVERSAL_SHELF = "unallocated (universal) shelf"
# ft.ttlOfAmt's references-exclude: (rule flag, the amount whose absence excludes a line)
EXCLUDED = (("ffd:Rule457oFlg", "ffd:FeeAmt"), ("ffd:Rule415a6Flg", "ffd:CfwdPrevslyPdFee"))


def _universal(row: FeeExhibitRow) -> bool:
    kind = fact(row, "ffd:OfferingSctyTp")
    return (
        isinstance(kind.value, str) and kind.value.strip().lower() == UNIVERSAL_SHELF
        if kind
        else False
    )


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    lines = rows(exhibit, "offering")

    def include(row: FeeExhibitRow) -> bool:
        for rule_flag, needed in EXCLUDED:
            if flag(row, rule_flag) is not True or amount(row, needed) is not None:
                continue
            shelf = any(
                other is not row and flag(other, rule_flag) is True and _universal(other)
                for other in lines
            )
            if shelf:
                return False
        return True

    check_sum(
        ctx,
        exhibit,
        total_name="ffd:TtlOfferingAmt",
        total_label="total offering amount",
        line_tables=("offering",),
        line_name="ffd:MaxAggtOfferingPric",
        line_label="lines' maximum aggregate offering prices",
        code="ft.ttlOfAmt",
        include=include,
    )


RULE = Rule(
    code="FFX011",
    name="fee-exhibit-total-offering",
    severity="warning",
    summary="a fee exhibit's total offering amount is not the sum of its lines' offering prices",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
