"""## What it does
Reports a fee table that states two different fee rates — in its lines or its
footnotes, in any of the ways a rate is written ("0.0000809 of the transaction
valuation", "$80.90 per $1,000,000", "$92 per million", "1/50th of one percent"). The
same rate written twice ("$92 per $1,000,000 (0.000092 of the valuation)") is one rate.
A bare decimal counts as a rate only where the sentence says so ("equals …", "multiplied
by …", "… of the transaction valuation"), so a par value is never read as one.

## Why it matters
The fee must be computed at one rate: the Section 6(b) rate in force when the statement
is filed. Two rates in one table mean one of them is stale (often last year's rate left
in a footnote), and a reader cannot tell which one the fee was computed at. The same
holds for a registration statement's CALCULATION OF REGISTRATION FEE table, whose fees
`fee-mismatch` then leaves unchecked.

## Example
```
                           CALCULATION OF FILING FEE
           Transaction Valuation*               Amount of Filing Fee**
                 $12,000,000                         $1,309.20
*    Estimated for purposes of calculating the filing fee only.
**   Calculated at $109.10 per $1,000,000 of the transaction valuation, or
     1/50th of one percent of the transaction valuation.
```
$109.10 per million is 0.0001091; 1/50th of one percent is 0.0002.

## How to fix
Keep the one rate in force on the filing date and delete the other, then check that the
fee was computed at it.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeTable, RegistrationFeeTable
from filinglint.linter.context import Context
from filinglint.linter.money import per_million
from filinglint.linter.rule import Rule


def _shown(rate) -> str:
    """The rate as written, with its value per $1,000,000 where the words do not say it."""
    value = per_million(rate.value)
    return f'"{rate.text}"' if rate.text == value else f'"{rate.text}" ({value})'


def check(ctx: Context, table: FeeTable | RegistrationFeeTable) -> None:
    if not table.rates:
        return
    first = table.rates[0]
    for other in table.rates[1:]:
        if other.value != first.value:
            ctx.report(
                other.span,
                f"the fee table states two rates: {_shown(other)} and, before it, {_shown(first)}",
                hint="keep only the Section 6(b) rate in force on the filing date",
                related=[(first.span, f"the first rate stated: {first.text}")],
            )
            return


RULE = Rule(
    code="FEE003",
    name="fee-rate-conflict",
    severity="error",
    summary="a fee table states two different fee rates",
    docs=__doc__,
    visitors={"fee_table": check, "registration_fee_table": check},
)
