"""Assemble the typed AST (Filing and its nodes) from a parsed filing.

The grammar names the structures (cover, item sections, exhibit lists, signature
blocks) and the readers in ``parse`` turn each into nodes while parsing; money, rates
and dates are parsed once, with exact spans, by the modules those readers call. What
is left here is what needs the whole text: the dates, the exhibit references and
amendment numbers of the prose (read in ``exhibits`` and ``cover``), and the signature
date each block gets (the dates head their blocks or follow them: ``_block_dates``).
Rules only ever see the result.
"""

from __future__ import annotations

from filinglint.linter.ast import Filing, PageMarker, Signature
from filinglint.linter.cover import build_amendment_mentions
from filinglint.linter.dates import build_dates, build_short_year_dates
from filinglint.linter.exhibits import build_exhibit_references
from filinglint.linter.parse import Parsed, parse
from filinglint.linter.place import WHOLE_FILE, Place
from filinglint.linter.runs import token_span

__all__ = ["build", "build_filing"]


def build_filing(parsed: Parsed, text: str, place: Place) -> Filing:
    """Assemble the Filing from what the readers made of the parse."""
    dates = build_dates(text, place, parsed.signature_lines)
    signature_dates = [d for d in dates if d.role == "signature"]
    signatures = []
    block_dates = _block_dates(parsed, signature_dates, place)
    for block, date in zip(parsed.signature_blocks, block_dates, strict=True):
        signatures.append(
            Signature(
                span=token_span(place, block.first, block.last),
                signer=block.signer or None,
                name=block.name,
                title=block.title or None,
                entity=block.entity,
                attorney=block.attorney or None,
                date=date,
            )
        )
    return Filing(
        span=place.span(0, len(text)),
        cover=parsed.cover,
        items=tuple(parsed.items),
        exhibit_lists=tuple(parsed.exhibit_lists),
        signatures=tuple(signatures),
        dates=tuple(dates),
        exhibit_references=tuple(build_exhibit_references(text, place)),
        amendment_mentions=tuple(build_amendment_mentions(text, place)),
        pages=tuple(_page_marker(place, token) for token in parsed.pages),
        short_year_dates=tuple(build_short_year_dates(text, place)),
        fund_fee_notices=_fund_fee_notices(text, place),
    )


def _block_dates(parsed: Parsed, signature_dates: list, place: Place) -> list:
    """The date of each signature block, by where the filing puts its dates.

    Where a date stands above the first block, the dates head their blocks: a block gets
    the last date before its "By:" line ends (a date beside it counts). Otherwise they
    follow them: a block gets the first date at or after its "By:" line. A block with no
    date on its side gets the nearest one on the other. A testimonium clause ("… caused
    this report to be signed on its behalf … on May 25, 1995.") dates the block right
    after it, unless a dated line stands between them; it never decides the layout.
    """
    blocks = parsed.signature_blocks
    if not signature_dates:
        return [None] * len(blocks)
    clauses = {place.offset(position) for position in parsed.testimonies}
    testimonies = [d for d in signature_dates if d.span.start in clauses]
    lines = [d for d in signature_dates if d.span.start not in clauses] or testimonies
    starts = [place.offset(block.first.start_pos) for block in blocks]
    above = bool(starts) and lines[0].span.start < starts[0]
    found = []
    for block, start in zip(blocks, starts, strict=True):
        if above:
            line_end = place.offset(block.first.end_pos)
            before = [d for d in lines if d.span.start < line_end]
            found.append(before[-1] if before else lines[0])
        else:
            after = next((d for d in lines if d.span.start >= start), None)
            found.append(after or lines[-1])
    for clause in testimonies:
        index = next((i for i, start in enumerate(starts) if start > clause.span.start), None)
        if index is None:
            continue
        between = [d for d in lines if clause.span.start < d.span.start < starts[index]]
        if not between:
            found[index] = clause
    return found


def _page_marker(place: Place, token) -> PageMarker:
    """A ``<PAGE>`` line, or a page number line with the number the lexer read."""
    if token.type == "PAGE":
        return PageMarker(span=token_span(place, token), type="break", text=token.value.strip())
    return PageMarker(
        span=token_span(place, token),
        type="number",
        number=token.info.number,
        text=token.value.strip(),
    )


def build(text: str, place: Place = WHOLE_FILE) -> Filing:
    """Parse and build: the one entry point from a document's text to its AST.

    ``place`` says where ``text`` stands in the opened file (the whole file by default).
    """
    return build_filing(parse(text, place), text, place)


def _fund_fee_notices(text: str, place: Place):
    """A Form 24F-2's fee calculation; its reader is imported only for such a text."""
    if "24f-2" not in text[:20_000].lower():
        return ()
    from filinglint.linter.fund_fee_notice import read_fund_fee_notices

    return read_fund_fee_notices(text, place)
