"""## What it does
Reports a fee table that states a filing fee on a form type that pays none:

- SC TO-C, written communications made before a tender offer commences, filed under
  cover of Schedule TO: General Instruction D to Schedule TO says "If the filing
  contains only preliminary communications made before the commencement of a tender
  offer, no signature or filing fee is required" (17 CFR 240.14d-100);
- SC 14D9 and SC14D9C, the subject company's Schedule 14D-9: its General Instructions
  have no fee instruction, unlike General Instruction B of Schedule TO and of Schedule
  13E-3 (17 CFR 240.14d-101).

Which form types pay a fee is data with its source (`fee` in the form specs under
`schema/forms/`). A fee table that only says "Not applicable", or states a valuation but
no fee, is not reported: covers of pre-commencement filings often keep the table and
say that no fee is due. Nor is a cover that is also a Schedule 13E-3 (it prints the
13E-3's boxes a to d): a combined statement pays the going-private fee of Rule 0-11(b).

## Why it matters
A fee on a filing that owes none is either money paid for nothing or, more often, a sign
that the filing was made under the wrong form type: a commenced tender offer filed as
SC TO-C does not start the offer's clock and does not pay its fee.

## Example
```
<DOCUMENT>
<TYPE>SC TO-C
<TEXT>
                                  SCHEDULE TO

                           CALCULATION OF FILING FEE

  Transaction Valuation*                              Amount of Filing Fee**
  $48,000,000                                         $7,348.80

[X]  Check the box if the filing relates solely to preliminary communications
     made before the commencement of a tender offer.
</TEXT>
</DOCUMENT>
```
The document is filed as SC TO-C, which pays no fee, yet states a filing fee.

## How to fix
Remove the fee, or write "Not applicable" in the table. If the tender offer has
commenced, file the statement as SC TO-T or SC TO-I and pay its fee there.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeTable
from filinglint.linter.context import Context
from filinglint.linter.query.cover import box_group
from filinglint.linter.query.form import form_entry
from filinglint.linter.rule import Rule

GOING_PRIVATE_BOXES = "statement-purpose"  # Schedule 13E-3's boxes a to d


def check(ctx: Context, table: FeeTable) -> None:
    form = ctx.filing.form_type
    if form_entry(form).get("fee") != "none" or table.fee is None or table.fee.amount <= 0:
        return
    if box_group(ctx.filing, GOING_PRIVATE_BOXES) is not None:
        return  # a combined statement that is also a Schedule 13E-3, which pays a fee
    ctx.report(
        table.fee.span,
        f"an {form} filing pays no filing fee, but its fee table states {table.fee.text}",
        hint='write "Not applicable" for the fee, or file the statement under the form type'
        " of a commenced offer (SC TO-T, SC TO-I)",
    )


RULE = Rule(
    code="FEE005",
    name="fee-not-due",
    severity="warning",
    summary="a fee table states a filing fee on a form that pays none (SC TO-C, Schedule 14D-9)",
    docs=__doc__,
    visitors={"fee_table": check},
    forms=("SC TO-C", "SC 14D9", "SC14D9C"),
)
