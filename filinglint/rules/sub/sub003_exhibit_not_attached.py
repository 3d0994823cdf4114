"""## What it does
In a complete submission, checks that every exhibit the Schedule TO says is filed with
it (a marker whose legend says "Filed herewith", or, where the legend marks only
previously filed exhibits, an unmarked entry) is attached as a document — matched by its
EDGAR type (`EX-99.(A)(5)(B)` for exhibit (a)(5)(B)) or by a description naming the
code — and that every attached `EX-99.(…)` exhibit appears in Item 12 or the Index to
Exhibits.

## Why it matters
An exhibit the statement incorporates but that was never filed leaves holders without
a document the offer relies on (a press release, a letter of transmittal), and the
filing incomplete under Item 1016 of Regulation M-A.

## Example
```text case=fail-press-release-not-attached.txt
PUBLIC DOCUMENT COUNT:  1
<TYPE>SC TO-I/A
         (a)(5)(B)  Press Release issued by the Company on October 6, 2009.*
         *  Filed herewith.
</SEC-DOCUMENT>
```
The press release is marked as filed herewith, but the submission holds only the
statement: no document has `<TYPE>EX-99.(A)(5)(B)`.

## How to fix
Attach the exhibit as its own document with the matching type, or correct the marker.
"""

from __future__ import annotations

from filinglint.linter.ast import Submission
from filinglint.linter.context import Context
from filinglint.linter.query.exhibits import code_key, filed_herewith
from filinglint.linter.query.exhibits import item12 as item_12_list
from filinglint.linter.query.submission import exhibit_code, main_document
from filinglint.linter.rule import Rule


def check(ctx: Context, submission: Submission) -> None:
    main = main_document(submission)
    if main is None or main.filing is None:
        return
    lists = main.filing.exhibit_lists
    if not lists:
        return
    attached: dict[str, object] = {}
    described: set[str] = set()
    for document in submission.documents:
        if document is main:
            continue
        code = exhibit_code(document)
        if code:
            attached.setdefault(code, document)
        if document.description:
            described.add(code_key(document.description))
    listed: set[str] = set()
    item12 = item_12_list(main.filing) or lists[0]
    for exhibits in lists:
        for entry in exhibits.entries:
            listed.add(code_key(entry.code))
    for entry in item12.entries:
        code = code_key(entry.code)
        if not filed_herewith(item12, entry) or code in attached:
            continue
        if any(code in text for text in described):
            continue
        ctx.report(
            entry.span,
            f"exhibit {entry.code} is marked as filed herewith but no document of the"
            f" submission is attached as EX-99.{entry.code.upper()}",
            hint=f"attach it with <TYPE>EX-99.{entry.code.upper()}, or correct the marker",
        )
    for code, document in attached.items():
        if code not in listed:
            ctx.report(
                document.type_span,
                f"attached exhibit {document.type} is not listed in Item 12 or the Index to"
                " Exhibits",
                hint="list it in Item 12 (and the index), or remove the document",
            )


RULE = Rule(
    code="SUB003",
    name="exhibit-not-attached",
    severity="error",
    summary="an exhibit filed herewith is not attached, or an attached one is not listed",
    docs=__doc__,
    visitors={"submission": check},
)
