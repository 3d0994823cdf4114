"""## What it does
Reports that filinglint itself failed while checking this file: the parser or a rule
raised an unexpected exception. The other rules still ran and their findings stand.

## Why it matters
A crash must never hide findings or stop a batch run, but it must not pass silently
either: the file was not fully checked.

## Example
`filing.txt:1:1: FL900 [internal-error] rule fee-mismatch failed: ZeroDivisionError…`

## How to fix
Nothing is wrong with the filing as far as we know. Please report the message and, if
you can, a redacted copy of the filing to the filinglint maintainers.
"""

from filinglint.linter.rule import Rule

RULE = Rule(
    code="FL900",
    name="internal-error",
    severity="error",
    summary="filinglint failed while checking this file",
    docs=__doc__,
)
