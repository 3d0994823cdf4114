"""## What it does
Notes that a Word draft (`.docx`) holds tracked changes, and that filinglint read it as if
every change were accepted: insertions and moves kept, deletions dropped, a deleted
paragraph mark joining its paragraph to the next.

## Why it matters
A draft under review carries its redlines; what will be filed is the accepted text. Every
other finding in the file speaks of that text, so a reader needs to know the findings
assume the changes will be accepted — and that a rejected change may bring back a defect.

## Example
```text case=fail-tracked-changes.docx
The Company is offering to purchase up to 4,000,000 shares.
```
The draft's redline replaced "3,500,000" with "4,000,000"; the check reads the new
figure and says so once, at the start of the document.

## How to fix
Nothing to fix: accept or reject the changes in Word (Review › Accept) before the
document goes to the filing agent, and check the accepted draft again.
"""

from filinglint.linter.ast import ReadNote
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, note: ReadNote) -> None:
    if note.reason == "tracked-changes":
        ctx.report(note.span, note.message)


RULE = Rule(
    code="FL006",
    name="tracked-changes",
    severity="info",
    summary="Word draft has tracked changes; read as if they were accepted",
    docs=__doc__,
    visitors={"read_note": check},
)
