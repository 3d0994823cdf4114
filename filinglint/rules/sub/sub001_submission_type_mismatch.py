"""## What it does
Checks that the EDGAR submission type agrees with the Schedule TO's own cover: `SC TO-I`
with the issuer tender offer box (Rule 13e-4), `SC TO-T` with the third-party box
(Rule 14d-1), and a `/A` type with an amendment number on the cover (and no amendment
number without `/A`).

## Why it matters
EDGAR files the statement under the header's type. A third-party offer filed as
`SC TO-I`, or an amendment filed as an original, lands in the wrong series of filings,
where holders and the SEC staff do not look for it.

## Example
```text case=fail-filed-as-third-party-offer.txt
CONFORMED SUBMISSION TYPE:  SC TO-T/A
[ ]  third-party tender offer subject to Rule 14d-1.
[X]  issuer tender offer subject to Rule 13e-4.
```
The company is buying its own shares, but the amendment was filed as a third-party offer's.

## How to fix
Correct the submission type (or the box, or the amendment number) so that all three
agree.
"""

from __future__ import annotations

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.query.cover import box_group, checked_roles
from filinglint.linter.query.submission import main_filing
from filinglint.linter.rule import Rule

_NEEDS = {"SC TO-I": "issuer-tender-offer", "SC TO-T": "third-party-tender-offer"}
_NAMES = {
    "issuer-tender-offer": "issuer (Rule 13e-4)",
    "third-party-tender-offer": "third-party (Rule 14d-1)",
}


def check(ctx: Context, submission: Submission) -> None:
    header = submission.header
    if header is None or not header.submission_type or header.submission_type_span is None:
        return
    kind = header.submission_type.upper()
    if not kind.startswith("SC TO-"):
        return
    filing = main_filing(submission)
    if filing is None:
        return
    cover = filing.cover
    base, amended = kind.removesuffix("/A"), kind.endswith("/A")
    needed = _NEEDS.get(base)
    group = box_group(filing, "transaction-type")
    if needed and group is not None and all(b.state != "unreadable" for b in group.boxes):
        checked = checked_roles(group)
        other = next(iter(set(_NEEDS.values()) - {needed}))
        if needed not in checked and other in checked:
            box = next(b for b in group.boxes if b.role == other)
            ctx.report(
                header.submission_type_span,
                f"submission type {header.submission_type} does not match the cover, which"
                f" checks the {_NAMES[other]} box",
                hint="file as SC TO-T for a third-party offer and SC TO-I for an issuer offer",
                related=((box.mark_span, "checked transaction box"),),
            )
    if amended and cover.amendment_number is None and cover.title is not None:
        ctx.report(
            header.submission_type_span,
            f"submission type {header.submission_type} is an amendment but the cover gives"
            " no amendment number",
            hint='add "(Amendment No. N)" to the cover, or file without /A',
        )
    elif not amended and cover.amendment_number is not None and cover.amendment_span:
        ctx.report(
            header.submission_type_span,
            f"the cover is Amendment No. {cover.amendment_number} but the submission type"
            f" {header.submission_type} is not an amendment (/A)",
            hint=f"file as {header.submission_type}/A",
            related=((cover.amendment_span, "amendment number"),),
        )


RULE = Rule(
    code="SUB001",
    name="submission-type-mismatch",
    severity="error",
    summary="EDGAR submission type disagrees with the cover's boxes or amendment number",
    docs=__doc__,
    visitors={"submission": check},
)
