"""## What it does
Reports bytes that neither UTF-8 nor Windows-1252 can explain (0x81, 0x8D, 0x8F, 0x90,
0x9D), and stray NUL bytes (0x00) in a text file — usually signs of a corrupted or
mis-converted file. (A file that starts with many NUL or control bytes is not read at
all: it is reported as binary, exit 2.)

## Why it matters
Such bytes are invisible control characters in every reading of the file; EDGAR
rejects documents that contain them, and the text around them may be damaged.

## Example
```text case=fail-mangled-closing-quote.txt
to Purchase dated May 4, 2004 (the “Offer to Purchase\\x9d) is incorporated
```
`\\x9d` stands for the byte 0x9D, left where a conversion mangled a closing quote.

## How to fix
Re-export the document from its source as UTF-8 or ASCII, or delete the stray byte.
"""

from filinglint.linter.ast import ReadNote
from filinglint.linter.context import Context
from filinglint.linter.rule import Rule


def check(ctx: Context, note: ReadNote) -> None:
    if note.reason == "undecodable":
        ctx.report(note.span, note.message)


RULE = Rule(
    code="FL002",
    name="undecodable-bytes",
    severity="error",
    summary="bytes that no known encoding explains",
    docs=__doc__,
    visitors={"read_note": check},
)
