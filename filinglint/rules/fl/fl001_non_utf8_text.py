"""## What it does
Notes that the file is not valid UTF-8 and was read as Windows-1252 (a superset of
Latin-1), the encoding of most legacy EDGAR ASCII filings and word-processor drafts.

## Why it matters
EDGAR accepts ASCII text; curly quotes, dashes and symbols outside ASCII are a common
reason for a filing agent to reject or alter a document. Knowing how the file was read
also explains how such characters appear in other messages.

## Example
```text case=fail-word-processor-quotes.txt
         The information set forth under “Summary Term Sheet” in the Offer
```
A draft saved by a word processor as Windows-1252: its curly quotes are the bytes 0x93
and 0x94, which are not UTF-8. The note is given once, at the first such byte.

## How to fix
Save the file as UTF-8 (or plain ASCII), replacing smart quotes with straight ones.
"""

from filinglint.linter.ast import ReadNote
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, note: ReadNote) -> None:
    if note.reason == "fallback-encoding":
        ctx.report(note.span, note.message)


RULE = Rule(
    code="FL001",
    name="non-utf8-text",
    severity="info",
    summary="file is not UTF-8 and was read as Windows-1252",
    docs=__doc__,
    visitors={"read_note": check},
)
