"""## What it does
In a complete submission (an EDGAR header, then its documents), checks that every
lettered exhibit the Schedule TO says is filed with it (a marker whose legend says
"Filed herewith", or, where the legend marks only previously filed exhibits, an
unmarked entry) is attached as a document — matched by its EDGAR type
(`EX-99.(A)(5)(B)` for exhibit (a)(5)(B)) or by a description naming the code — and
that every attached `EX-99.(…)` exhibit appears in the exhibit item or the Index to
Exhibits. A single document (no EDGAR header: a `.htm` or `.txt`, or one `<DOCUMENT>`
cut out of a submission) is not judged: the exhibits it files herewith are the filing's
other documents, which the file does not hold. Only the Regulation M-A schedules (SC TO,
SC 13E3, SC 14D9) are judged: other forms code their exhibits otherwise. Numbered
exhibits ("107  Filing Fee Table") count as attached under their own types
(`EX-FILING FEES`, `EX-99.1`) and are not required, since a filer may attach them under
several types.

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
from filinglint.linter.query.exhibits import code_key, exhibit_item, filed_herewith, list_name
from filinglint.linter.query.submission import (
    exhibit_code,
    exhibit_number,
    is_complete,
    main_document,
)
from filinglint.linter.rule import Rule

_SCHEDULES = ("SC TO", "SC 13E3", "SC 13E-3", "SC 14D9", "SC 14D-9")


def check(ctx: Context, submission: Submission) -> None:
    if not is_complete(submission):
        return  # one document cut out of a filing: its exhibits are the filing's other documents
    main = main_document(submission)
    if main is None or main.filing is None or not main.type.upper().startswith(_SCHEDULES):
        return  # the Regulation M-A exhibit codes are the schedules' own
    filing = main.filing
    lists = filing.exhibit_lists
    if not lists:
        return
    attached: dict[str, object] = {}
    numbered: set[str] = set()
    described: set[str] = set()
    for document in submission.documents:
        if document is main:
            continue
        code = exhibit_code(document)
        if code:
            attached.setdefault(code, document)
        number = exhibit_number(document)
        if number:
            numbered.add(number)
        if document.description:
            described.add(code_key(document.description))
    listed: set[str] = set()
    item = exhibit_item(filing) or lists[0]
    for exhibits in lists:
        for entry in exhibits.entries:
            listed.add(code_key(entry.code))
    for entry in item.entries:
        code = code_key(entry.code)
        if not filed_herewith(filing, item, entry) or code in attached or code in numbered:
            continue
        if not code.startswith("("):
            continue  # a numbered exhibit: attached under EX-<number> or a type of its own
        if any(code in text for text in described):
            continue
        ctx.report(
            entry.span,
            f"exhibit {entry.code} is marked as filed herewith but no document of the"
            f" submission is attached as EX-99.{entry.code.upper()}",
            hint=f"attach it with <TYPE>EX-99.{entry.code.upper()}, or correct the marker",
        )
    name = list_name(item) if item.source == "item" else "the exhibit item"
    for code, document in attached.items():
        if code not in listed:
            ctx.report(
                document.type_span,
                f"attached exhibit {document.type} is not listed in {name} or the Index to"
                " Exhibits",
                hint=f"list it in {name} (and the index), or remove the document",
            )


RULE = Rule(
    code="SUB003",
    name="exhibit-not-attached",
    severity="error",
    summary="an exhibit filed herewith is not attached, or an attached one is not listed",
    docs=__doc__,
    visitors={"submission": check},
)
