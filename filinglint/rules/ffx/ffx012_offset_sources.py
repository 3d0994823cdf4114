"""## What it does
Checks Table 2 of a fee exhibit (fee offset claims and sources, Rule 457(p) or Rule
0-11(a)(2); Inline XBRL or plain HTML): the offsets claimed (`ffd:OffsetClmdAmt` of the
"Fee Offset Claims" lines) must not exceed the fees paid with the sources they come from
(`ffd:OffsetPrrFeeAmt` of the "Fee Offset Sources" lines). This is EDGAR's validation
`ft.oSrcAmt`, run on every fee-bearing submission type that may claim offsets; as EDGAR
does, both sides must be stated and a difference of up to $1.00 is accepted. A line that
states its amount only in a note ("(2)") makes its side unknown, and the rule is silent.

## Why it matters
Rule 457(p) lets a filer apply only fees actually paid with an earlier statement (and not
already applied elsewhere) to the fee due now: an offset claimed beyond the fees its
sources paid is a fee left unpaid, and EDGAR warns.

## Example
```text case=fail-claim-exceeds-sources.htm
<TD>$50,000.00</TD><TD></TD>
<TD>$45,000.00(1)</TD>
```
The claim offsets $50,000.00 of fees, but its only source paid $45,000.00: $5,000.00 of
the offset has no source.

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-offset-sources]`, default none):
the EDGAR submission type (`S-3`, `SC TO-T`…) a fee exhibit checked on its own is taken
to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Claim only what the sources paid and have not yet applied (or list the missing source
filing), then correct the total fee offsets and the net fee due.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact
from filinglint.linter.context import Context
from filinglint.linter.money import subtract
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    amount,
    applies,
    edgar_tolerance,
    exact_dollars,
    exact_sum,
    flag,
    row_label,
    rows,
    too,
    unquantified,
)
from filinglint.linter.rule import Rule


def _side(lines: list[FeeExhibitRow], name: str) -> list[tuple[FeeExhibitRow, FeeFact]] | None:
    """The amounts ``name`` of ``lines``; ``None`` when one is stated only in a note."""
    found = []
    for row in lines:
        value = amount(row, name)
        if value is None and unquantified(row, name) is not None:
            return None
        if value is not None:
            found.append((row, value))
    return found


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    if not applies(ctx, exhibit, "ft.oSrcAmt"):
        return
    offsets = rows(exhibit, "offset")
    claims = _side(
        [r for r in offsets if flag(r, "ffd:OffsetClmdInd") is True], "ffd:OffsetClmdAmt"
    )
    sources = _side(
        [r for r in offsets if flag(r, "ffd:OffsetClmdInd") is False], "ffd:OffsetPrrFeeAmt"
    )
    if not claims or not sources:
        return  # EDGAR binds both sides ("req-req"): nothing to compare
    claimed = exact_sum(f.value for _, f in claims)
    paid = exact_sum(f.value for _, f in sources)
    difference = subtract(claimed, paid)
    if difference <= edgar_tolerance():
        return
    terms = " + ".join(exact_dollars(f.value) for _, f in sources)
    for row, claim in claims:
        ctx.report(
            claim.span,
            f"{row_label(row)}: fee offsets claimed {exact_dollars(claimed)} exceed the"
            f" {exact_dollars(paid)} paid with their sources ({terms}): {too(difference)},"
            " more than EDGAR's $1.00 tolerance (ft.oSrcAmt)",
            hint=f"claim at most {exact_dollars(paid)}, or list the source that paid the rest",
            related=tuple(
                (f.span, f"{row_label(source)}: fee paid {exact_dollars(f.value)}")
                for source, f in sources
            ),
        )
        break  # one finding, on the first claim: the sums are compared, not the lines


RULE = Rule(
    code="FFX012",
    name="fee-exhibit-offset-sources",
    severity="warning",
    summary="a fee exhibit's offset claims exceed the fees paid with their sources",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
