"""## What it does
Checks that the header's PUBLIC DOCUMENT COUNT equals the number of `<DOCUMENT>` parts
the submission holds.

Submissions with Inline XBRL financial data are not compared: EDGAR adds its own
rendering files (types XML, EXCEL, JSON, ZIP) that the filer's count does not follow
one for one; nor is a header without documents (a `.hdr.sgml` file).

## Why it matters
A count that disagrees means a document was dropped or added after the header was
made — often an exhibit that the statement says is filed but that never reached EDGAR.

## Example
```text case=fail-count-too-high.txt
PUBLIC DOCUMENT COUNT:  3
<TYPE>SC TO-I/A
<TYPE>EX-99.(A)(5)(B)
</SEC-DOCUMENT>
```
Three documents counted, two present.

## How to fix
Attach the missing document, or correct the count in the header.
"""

from __future__ import annotations

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule

_GENERATED = frozenset(("XML", "EXCEL", "JSON", "ZIP"))


def _generated(kind: str) -> bool:
    return kind in _GENERATED or kind.startswith("EX-101")


def check(ctx: Context, submission: Submission) -> None:
    header = submission.header
    if header is None or header.document_count is None or header.document_count_span is None:
        return
    documents = submission.documents
    if not documents or any(_generated(d.type) for d in documents):
        return  # a bare header, or EDGAR's own XBRL viewer files that the count leaves out
    present = len(documents)
    if present != header.document_count:
        ctx.report(
            header.document_count_span,
            f"PUBLIC DOCUMENT COUNT says {header.document_count} but the submission holds"
            f" {present} document{'s' if present != 1 else ''}",
            hint="attach the missing document or correct the count",
        )


RULE = Rule(
    code="SUB002",
    name="document-count-mismatch",
    severity="error",
    summary="PUBLIC DOCUMENT COUNT differs from the documents present",
    docs=__doc__,
    visitors={"submission": check},
)
