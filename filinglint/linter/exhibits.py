"""Exhibit lists (Item 12 and the Index to Exhibits): entries, legend and mode.

What an entry's markers mean is a fact rules ask ``linter/query/exhibits.py`` for.
"""

from __future__ import annotations

import re

from lark import Token

from filinglint.linter.ast import ExhibitEntry, ExhibitList, Note, Span
from filinglint.linter.joined import Joined
from filinglint.linter.place import Place
from filinglint.linter.runs import (
    Run,
    build_note,
    find_markers,
    line_span,
    piece,
    token_span,
    tokens_of,
)

_TRAILING_MARKERS = re.compile(r"(?:[*+†‡#\s]|\(\d{1,2}\))+$")


_SUPPLEMENT = re.compile(
    r"amended\s+and\s+supplemented\s+by\s+add|by\s+adding\s+(?:thereto\s+)?the\s+following"
    r"|hereby\s+amended\s+to\s+add|adding\s+the\s+following\s+exhibit",
    re.IGNORECASE,
)


def build_exhibit(place: Place, run: Run) -> ExhibitEntry:
    """One entry: code and markers from the EXHIBIT line, description over its wrapped lines."""
    head: Token = run.tokens[0]
    info = head.info
    joined = Joined([piece(head, info.text_start)] + [piece(t) for t in run.tokens[1:]])
    text = joined.text
    tail_start = max(0, len(text) - 40)
    trailing = _TRAILING_MARKERS.search(text, tail_start)
    after_code = info.code_start + len(info.code)
    markers = [
        (m.group(0), line_span(place, head, after_code + m.start(), after_code + m.end()))
        for m in find_markers(info.markers)
    ]
    if trailing and trailing.start() > 0:
        at = trailing.start()
        markers += [
            (m.group(0), joined.span(place, at + m.start(), at + m.end()))
            for m in find_markers(trailing.group(0))
        ]
        text = text[: trailing.start()].rstrip()
    return ExhibitEntry(
        span=token_span(place, head, run.tokens[-1]),
        code=info.code,
        description=text,
        markers=tuple(marker for marker, _ in markers),
        marker_spans=tuple(span for _, span in markers),
        code_span=line_span(place, head, info.code_start, after_code),
    )


class Listing:
    """What the grammar's ``exhibit_list`` node holds: its entries and its legend notes."""

    __slots__ = ("entries", "legend")
    type = "exhibit_list"

    def __init__(self, entries: list[ExhibitEntry], legend: list[Note]) -> None:
        self.entries = entries
        self.legend = legend


def read_listing(place: Place, parts: list) -> Listing:
    """Entries and legend of an ``exhibit_list`` node (its other parts are not read)."""
    return Listing(
        entries=[build_exhibit(place, p) for p in parts if p.type == "exhibit"],
        legend=[build_note(place, p) for p in parts if p.type == "legend_note"],
    )


_PROSE_IN = {"lines": lambda p: p.tokens, "trailing_box": lambda p: tokens_of(p.tokens)}
_PROSE_IN["captioned"] = lambda p: p.tokens[0].tokens  # the value lines, not the caption
_NOT_PROSE = frozenset(("box", "caption", "note", "fee_table"))


def _prose(part) -> list[Token]:
    """The prose lines of a section part: its lines, a captioned value, any layout line."""
    lines = _PROSE_IN.get(part.type)
    if lines is not None:
        return lines(part)
    return [] if part.type in _NOT_PROSE else [part]


def exhibit_list(place: Place, source: str, heading: Token, parts: list) -> ExhibitList | None:
    """The exhibit list of a section (heading and parts), or None where it lists none.

    Item 12 only adds exhibits (``supplement``) when its prose before the first entry
    says so: the heading and the section's lines before the list, not those of its
    boxes, captions, notes and fee tables.
    """
    if not parts or parts[-1].type != "exhibit_list":
        return None
    listing: Listing = parts[-1]
    intro = [heading.value] + [t.value for p in parts[:-1] for t in _prose(p)]
    mode = "supplement" if _SUPPLEMENT.search(" ".join(" ".join(intro).split())) else "complete"
    last = listing.legend[-1].span if listing.legend else listing.entries[-1].span
    return ExhibitList(
        span=Span(start=token_span(place, heading).start, end=last.end),
        source=source,
        mode=mode,
        entries=tuple(listing.entries),
        legend=tuple(listing.legend),
    )
