"""## What it does
Checks that the submission type an Inline XBRL filing-fee exhibit states
(`ffd:SubmissnTp`) is the submission type in the header of the submission it is filed
with: EDGAR's validation `ft.subTpMismatch` ("The system shall suspend the
filer-constructed submission if there is a mismatch between the submission header and
exhibit information"). Filers need not tag the submission type; when the exhibit does
not, or when the exhibit is checked on its own, without its submission's header, there
is nothing to compare and the rule is silent.

## Why it matters
EDGAR suspends the submission: it is not filed at all until it is corrected and sent
again, which for a tender offer can cost days the timetable does not have.

## Example
```text case=fail-exhibit-tagged-issuer-offer.txt
CONFORMED SUBMISSION TYPE:  SC TO-T
<TYPE>EX-FILING FEES
<ix:nonNumeric name="ffd:SubmissnTp" contextRef="c0">SC TO-I</ix:nonNumeric>
```
A third-party offer's submission whose fee exhibit, made from an issuer-offer template,
tags `SC TO-I`.

## Options
`submission-type` (`[tool.filinglint.fee-exhibit-submission-type-mismatch]`, default none):
the EDGAR submission type (`SC TO-T`, `424B5`…) a fee exhibit checked on its own is
taken to belong to. Inside a complete submission the header's type is used instead.

## How to fix
Tag the submission type the header states (or file under the type the exhibit names, if
the header is what is wrong).
"""

from __future__ import annotations

import re

from filinglint.linter.ast import FeeExhibit
from filinglint.linter.context import Context
from filinglint.linter.query.fee_exhibit import (
    SUBMISSION_TYPE_OPTION,
    fact,
    header_submission_type,
    rows,
)
from filinglint.linter.rule import Rule


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check(ctx: Context, exhibit: FeeExhibit) -> None:
    header = header_submission_type(ctx)
    if header is None:
        return
    for row in rows(exhibit, "totals"):
        stated = fact(row, "ffd:SubmissnTp")
        if stated is None or not isinstance(stated.value, str):
            continue
        if _normal(stated.value) == header:
            continue
        ctx.report(
            stated.span,
            f"the exhibit's submission type {_normal(stated.value)!r} differs from the"
            f" submission header's {header!r}; EDGAR suspends the submission"
            " (ft.subTpMismatch)",
            hint=f"tag ffd:SubmissnTp as {header!r}, or correct the header",
        )


RULE = Rule(
    code="FFX009",
    name="fee-exhibit-submission-type-mismatch",
    severity="error",
    summary="a fee exhibit's submission type differs from the submission header's",
    docs=__doc__,
    visitors={"fee_exhibit": check},
    options=SUBMISSION_TYPE_OPTION,
)
