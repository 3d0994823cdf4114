"""## What it does
In a complete submission that carries both a Schedule TO with a CALCULATION OF FILING
FEE table and an Inline XBRL filing-fee exhibit (`EX-FILING FEES`), checks that the
exhibit's total transaction valuation (`ffd:TtlTxValtn`) and total fee (`ffd:TtlFeeAmt`)
are the amounts the statement's own fee table states — a comparison EDGAR never makes,
because EDGAR reads only the exhibit.

## Why it matters
The exhibit is what EDGAR bills; the statement is what holders read. Two different
valuations or fees in one submission mean at least one of them is wrong, and a fee
paid on the wrong amount must be corrected by amendment.

## Example
```text case=fail-exhibit-valuation-missing-a-zero.txt
           Transaction Valuation*               Amount of Filing Fee**
                $250,000,000                        $38,275.00
<td>$<ix:nonFraction name="ffd:TtlTxValtn" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">25,000,000.00</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:TtlFeeAmt" contextRef="c0" unitRef="USD"
 decimals="2" format="ixt:num-dot-decimal">3,827.50</ix:nonFraction></td>
```
The exhibit has lost a zero: its total valuation and total fee are each reported.

## How to fix
Correct whichever of the two is wrong so that the exhibit and the fee table agree.
"""

from __future__ import annotations

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.money import dollars
from filinglint.linter.query.fee_exhibit import amount, rows
from filinglint.linter.query.submission import main_filing
from filinglint.linter.rule import Rule

_PAIRS = (
    ("ffd:TtlTxValtn", "valuation", "total transaction valuation"),
    ("ffd:TtlFeeAmt", "fee", "total fee"),
)


def check(ctx: Context, submission: Submission) -> None:
    filing = main_filing(submission)
    table = filing.cover.fee_table if filing else None
    if table is None:
        return
    for document in submission.documents:
        exhibit = document.filing.fee_exhibit if document.filing else None
        if exhibit is None:
            continue
        for row in rows(exhibit, "totals"):
            for name, field, words in _PAIRS:
                fact = amount(row, name)
                stated = getattr(table, field)
                if fact is None or stated is None or fact.value == stated.amount:
                    continue
                ctx.report(
                    fact.span,
                    f"the fee exhibit's {words} {dollars(fact.value)} differs from the"
                    f" Schedule TO fee table's {dollars(stated.amount)}",
                    hint="make the exhibit and the statement's fee table state the same amount",
                    related=((stated.span, f"fee table {field}"),),
                )


RULE = Rule(
    code="SUB006",
    name="fee-exhibit-cover-mismatch",
    severity="error",
    summary="the fee exhibit's totals differ from the Schedule TO's fee table",
    docs=__doc__,
    visitors={"submission": check},
)
