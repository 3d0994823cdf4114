"""## What it does
Checks that the subject company named in the EDGAR header (SUBJECT COMPANY, COMPANY
CONFORMED NAME) is the company named on the Schedule TO cover, comparing names without
case, punctuation, corporate suffixes (Inc., Corp., L.P. …) and EDGAR's state tags
(`/DE/`).

## Why it matters
EDGAR indexes the filing under the header's subject company. A statement filed under the
wrong company's CIK is invisible to that company's holders.

## Example
```text case=fail-wrong-subject-company.txt
SUBJECT COMPANY:
        COMPANY CONFORMED NAME:  HALLORAN VALE BANCORP INC
                     Halloran Vale Pharmaceuticals, Inc.
        (Name of Subject Company (Issuer) and Filing Person (Offeror))
```
The statement was filed under another company's CIK.

## How to fix
File under the subject company's CIK, or correct the cover.
"""

from __future__ import annotations

import re

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.query.submission import main_filing
from filinglint.linter.rule import Rule

_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "lp",
        "llp",
        "plc",
        "sa",
        "nv",
        "ag",
        "the",
    ]
)


def normal_name(name: str) -> tuple[str, ...]:
    """Comparable words of a company name: "CVR Energy, Inc." → ("cvr", "energy")."""
    name = re.sub(r"/[A-Z]{2,3}/?", " ", name)  # EDGAR state tags such as /DE/
    words = re.findall(r"[a-z0-9&]+", name.lower().replace(".", ""))
    return tuple(w for w in words if w not in _SUFFIXES)


def check(ctx: Context, submission: Submission) -> None:
    header = submission.header
    filing = main_filing(submission)
    if header is None or filing is None or filing.cover.subject_company is None:
        return
    subjects = [p for p in header.parties if p.role == "subject-company" and p.name]
    if not subjects:
        return
    cover = filing.cover.subject_company
    ours = normal_name(cover.value)
    if any(normal_name(p.name) == ours for p in subjects):
        return
    ctx.report(
        subjects[0].span,
        f"the header's subject company {subjects[0].name!r} is not the cover's {cover.value!r}",
        hint="file under the subject company's CIK, or correct the cover",
        related=((cover.span, "subject company on the cover"),),
    )


RULE = Rule(
    code="SUB005",
    name="subject-company-mismatch",
    severity="error",
    summary="the header's subject company differs from the cover's",
    docs=__doc__,
    visitors={"submission": check},
)
