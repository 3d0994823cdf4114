"""## What it does
Checks that no signature of the Schedule TO is dated after the submission's FILED AS OF
DATE in the EDGAR header.

## Why it matters
The signers certify the statement when they sign; a signature dated after EDGAR
accepted the filing means the document filed is not the one that was signed, or a date
is wrong. (A filing accepted after 5:30 p.m. Eastern is dated the next business day, so
a signature the day before the filing date is normal — only the reverse is an error.)

## Example
```text case=fail-signed-after-filing.txt
FILED AS OF DATE:  20091006
Date:  October 7, 2009
```
The statement filed on October 6 is signed as of October 7.

## How to fix
Correct the signature date to the day the statement was signed.
"""

from __future__ import annotations

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.query.dates import long_date
from filinglint.linter.query.submission import main_filing
from filinglint.linter.rule import Rule


def check(ctx: Context, submission: Submission) -> None:
    header = submission.header
    filing = main_filing(submission)
    if header is None or header.filed_as_of is None or filing is None:
        return
    seen: set[int] = set()
    for signature in filing.signatures:
        date = signature.date
        if date is None or date.value is None or id(date) in seen:
            continue
        seen.add(id(date))
        if date.value > header.filed_as_of:
            related = (
                ((header.filed_as_of_span, "FILED AS OF DATE"),) if header.filed_as_of_span else ()
            )
            ctx.report(
                date.span,
                f"signature date {date.text} is after the filing date"
                f" {long_date(header.filed_as_of)}",
                hint="date the signature on or before the day the statement is filed",
                related=related,
            )


RULE = Rule(
    code="SUB004",
    name="signature-after-filing",
    severity="error",
    summary="a signature is dated after the submission's filing date",
    docs=__doc__,
    visitors={"submission": check},
)
