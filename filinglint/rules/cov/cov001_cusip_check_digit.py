"""## What it does
Checks the CUSIP number printed on the cover (the value above "(CUSIP Number of Class of
Securities)"): nine characters whose ninth is the check digit of the first eight, by the
CUSIP standard's modulus-10 "double-add-double" method (letters count 10–35, `*` 36,
`@` 37, `#` 38). A number of the wrong length is reported as malformed. Footnote markers
glued to the number ("670703107*") are not part of it; a field that says "None" or "Not
applicable" holds no CUSIP and is not checked.

## Why it matters
The CUSIP identifies the class of securities the offer is for: market participants,
depositaries and the SEC staff match the filing to the security by it. A mistyped digit
points at another security or at none, and the check digit exists to catch exactly that.

## Example
```
                                  75382N207
                    (CUSIP Number of Class of Securities)
```
The check digit of 75382N20 is 8, so 75382N207 is not a valid CUSIP.

## How to fix
Copy the CUSIP from the issuer's records or the depositary's notice (the error may be in
any of the nine characters, so no digit is changed for you).
"""

from __future__ import annotations

from filinglint.linter.ast import CoverPage, Span
from filinglint.linter.context import Context
from filinglint.linter.query.identifiers import cusip_check_digit, cusip_mentions
from filinglint.linter.rule import Rule


def check(ctx: Context, cover: CoverPage) -> None:
    field = cover.cusip
    if field is None:
        return
    for mention in cusip_mentions(field.value):
        where = _located(ctx, field.span, field.value, mention.start, mention.end)
        if len(mention.text) != 9:
            ctx.report(
                where,
                f"CUSIP {mention.text} has {len(mention.text)} characters; a CUSIP has nine",
                hint="a CUSIP is six issuer characters, two issue characters and a check digit",
            )
            continue
        expected = cusip_check_digit(mention.text[:8])
        stated = mention.text[8]
        if stated != str(expected):
            ctx.report(
                where,
                f"CUSIP {mention.text} fails its check digit: the check digit of"
                f" {mention.text[:8]} is {expected}, not {stated}",
                hint="one of the nine characters is wrong: copy the CUSIP from the issuer's"
                " records",
            )


def _located(ctx: Context, span: Span, value: str, start: int, end: int) -> Span:
    """The number's own span where the file holds it as read, else the whole field."""
    text = ctx.source.text
    word = value[start:end]
    found = text.find(word, span.start, span.end)
    if found == -1:
        return span
    return Span(start=found, end=found + len(word))


RULE = Rule(
    code="COV001",
    name="cusip-check-digit",
    severity="error",
    summary="a cover CUSIP whose check digit is wrong, or that is malformed",
    docs=__doc__,
    visitors={"cover_page": check},
)
