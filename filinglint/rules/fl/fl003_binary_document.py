"""## What it does
Notes each document of an EDGAR submission that is binary — uuencoded (`begin 644 …`,
e.g. GRAPHIC, ZIP, EXCEL) or PDF — and therefore not checked.

## Why it matters
A submission is checked document by document; saying which parts were not read keeps
"no findings" honest.

## Example
```text case=fail-uuencoded-logo.txt
<TYPE>GRAPHIC
<FILENAME>hvlogo.gif
begin 644 hvlogo.gif
```
A company logo attached to the submission as a uuencoded GIF.

## How to fix
Nothing to fix. Ignore the rule (`ignore = ["FL003"]`) to hide these notes.
"""

from filinglint.linter.ast import SubmissionDocument
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, document: SubmissionDocument) -> None:
    if document.content == "binary":
        name = document.filename or f"sequence {document.sequence or '?'}"
        ctx.report(
            document.type_span, f"document {document.type or '?'} ({name}) is binary; not checked"
        )


RULE = Rule(
    code="FL003",
    name="binary-document",
    severity="info",
    summary="a binary document of a submission that is not checked",
    docs=__doc__,
    visitors={"submission_document": check},
)
