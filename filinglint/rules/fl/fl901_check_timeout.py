"""## What it does
Reports that checking this file took longer than the per-file time budget (`--timeout`,
default 30 seconds) and was stopped. No other finding is reported for the file: the
check did not finish, so what it had found is incomplete.

## Why it matters
One runaway file (a pathological layout, a huge document, a filinglint bug that makes
some input slow) must not stall a batch run or a CI job; the other files are still
checked. But the file was not checked, and saying so keeps "no findings" honest.

## Example
```text
huge-filing.txt:1:1: FL901 [check-timeout] not checked: stopped after the 30 s time
budget (--timeout); no finding of this file is reported
```

## How to fix
Check the file alone with a larger budget (`filinglint check --timeout 300 FILE`). If a
file of ordinary size needs that, please report it, with a redacted copy if you can:
filinglint is meant to run in linear time on any input.
"""

from filinglint.linter.rule import Rule

RULE = Rule(
    code="FL901",
    name="check-timeout",
    severity="error",
    summary="checking the file took longer than the time budget; it was not checked",
    docs=__doc__,
)
