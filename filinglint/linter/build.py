"""Assemble the typed AST (Filing and its nodes) from the parsed parts of a filing.

The grammar has grouped lines into runs (a box and its wrapped label, an exhibit entry
and its continuation lines) and sections (ITEM, INDEX TO EXHIBITS, SIGNATURES). Each
structure is read by its own module — ``cover``, ``fee_table``, ``exhibits``, ``dates``,
``signature`` — where money, rates and dates are parsed once, with exact spans. Rules
only ever see the result.
"""

from __future__ import annotations

from filinglint.linter.ast import ExhibitList, Filing, ItemSection, Signature, Span
from filinglint.linter.cover import build_cover
from filinglint.linter.dates import build_dates
from filinglint.linter.exhibits import exhibit_list, item_numbers
from filinglint.linter.lines import ITEM_LINE
from filinglint.linter.parse import Section, parse_parts
from filinglint.linter.runs import token_span
from filinglint.linter.signature import signature_blocks

__all__ = ["build", "build_filing", "item_numbers"]


def build_filing(parts: list, source) -> Filing:
    """Assemble the Filing from the transformed parse (preamble parts, then sections)."""
    split = next((i for i, p in enumerate(parts) if isinstance(p, Section)), len(parts))
    preamble, sections = parts[:split], parts[split:]

    cover = build_cover(preamble, source)
    items: list[ItemSection] = []
    exhibit_lists: list[ExhibitList] = []
    signatures: list[Signature] = []
    signature_lines: set[int] = set()
    raw_blocks: list[dict] = []
    for section in sections:
        heading = section.heading
        if section.kind == "item":
            match = ITEM_LINE.match(heading.value)
            numbers = item_numbers(match.group(3)) if match else []
            items.append(
                ItemSection(
                    span=token_span(heading),
                    numbers=tuple(numbers),
                    heading=heading.value.strip(),
                )
            )
            if 12 in numbers:
                found = exhibit_list("item-12", section)
                if found is not None:
                    exhibit_lists.append(found)
        elif section.kind == "index":
            found = exhibit_list("index", section)
            if found is not None:
                exhibit_lists.append(found)
        else:
            blocks, date_lines = signature_blocks(section)
            raw_blocks.extend(blocks)
            signature_lines |= date_lines

    dates = build_dates(source, signature_lines)
    signature_dates = [d for d in dates if d.role == "signature"]
    for block in raw_blocks:
        following = next((d for d in signature_dates if d.span.line >= block["first"].line), None)
        date = following or (signature_dates[-1] if signature_dates else None)
        signatures.append(
            Signature(
                span=token_span(block["first"], block["last_token"]),
                signer=block.get("signer") or None,
                name=block.get("name"),
                title=block.get("title") or None,
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
        cover=cover,
        items=tuple(items),
        exhibit_lists=tuple(exhibit_lists),
        signatures=tuple(signatures),
        dates=tuple(dates),
    )


def build(source) -> Filing:
    """Parse and build: the one entry point from a Source to its AST."""
    return build_filing(parse_parts(source.text), source)
