"""Assemble the typed AST (Filing and its nodes) from a parsed filing.

The grammar names the structures (cover, item sections, exhibit lists, signature
blocks) and the readers in ``parse`` turn each into nodes while parsing; money, rates
and dates are parsed once, with exact spans, by the modules those readers call. What
is left here is what needs the whole text: the dates, and the signature date each
block gets (the first signature date at or after the block, else the last one before
it). Rules only ever see the result.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing, Signature, Span
from filinglint.linter.dates import build_dates
from filinglint.linter.lines import item_numbers
from filinglint.linter.parse import Parsed, parse
from filinglint.linter.runs import token_span

__all__ = ["build", "build_filing", "item_numbers"]


def build_filing(parsed: Parsed, source) -> Filing:
    """Assemble the Filing from what the readers made of the parse."""
    dates = build_dates(source, parsed.signature_lines)
    signature_dates = [d for d in dates if d.role == "signature"]
    signatures = []
    for block in parsed.signature_blocks:
        following = next((d for d in signature_dates if d.span.line >= block.first.line), None)
        date = following or (signature_dates[-1] if signature_dates else None)
        signatures.append(
            Signature(
                span=token_span(block.first, block.last),
                signer=block.signer or None,
                name=block.name,
                title=block.title or None,
                date=date,
            )
        )
    return Filing(
        span=Span(
            line=1,
            column=1,
            end_line=source.line_count,
            end_column=len(source.line(source.line_count)) + 1,
        ),
        cover=parsed.cover,
        items=tuple(parsed.items),
        exhibit_lists=tuple(parsed.exhibit_lists),
        signatures=tuple(signatures),
        dates=tuple(dates),
    )


def build(source) -> Filing:
    """Parse and build: the one entry point from a Source to its AST."""
    return build_filing(parse(source.text), source)
