"""Exhibit lists (the exhibit item — Schedule TO Item 12, Schedule 13E-3 Item 16, Schedule
14D-9 Item 9 — and the Index to Exhibits): entries, legend and mode.

What an entry's markers mean is a fact rules ask ``linter/query/exhibits.py`` for.
"""

from __future__ import annotations

import re

from lark import Token

from filinglint.linter.ast import ExhibitEntry, ExhibitList, ExhibitReference, Note, Span
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


def exhibit_list(
    place: Place, source: str, heading: Token, parts: list, item: int | None
) -> ExhibitList | None:
    """The exhibit list of a section (heading and parts), or None where it lists none.

    ``item`` is the number of the exhibit item (12 for Schedule TO's), None for the index.
    The exhibit item only adds exhibits (``supplement``) when its prose before the first entry
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
        item=item,
        mode=mode,
        entries=tuple(listing.entries),
        legend=tuple(listing.legend),
    )


# Exhibit references of the prose: one pass over the whole text (phrases wrap across
# lines) with bounded look-arounds, so the cost stays linear. Only references that
# "hereto", "herewith" or "to this Schedule 14D-9" ties to this filing are read:
# "Exhibit (a)(1)(A) to the Schedule TO" or "incorporated by reference to Exhibit (d)(1)
# to the Form 8-K" names another filing's exhibit.
# An Item 1016 exhibit code: (a)(1)(A), (a)(5)(B), (d)(1), (a)(1)(i).
_CODE = r"\([a-h]\)(?:[ \t]?\(\d{1,2}\))?(?:[ \t]?\([A-Za-z]{1,4}\))?"
_EXHIBIT = re.compile(
    r"\bExhibits?\s+(?P<codes>" + _CODE + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)" + _CODE + r")*)",
    re.IGNORECASE,
)
_ONE_CODE = re.compile(_CODE)
_HERETO_AFTER = re.compile(
    r"\s*,?\s*(?:hereto|herewith|to\s+this\s+(?:Schedule|Statement|Amendment)\b)\b",
    re.IGNORECASE,
)
_HERETO_BEFORE = re.compile(r"\b(?:hereto|herewith)\s+(?:as|in)\s+$", re.IGNORECASE)
_OTHER_DOCUMENT = re.compile(r"\s*(?:to|of)\s+(?!this\b)", re.IGNORECASE)


def build_exhibit_references(text: str, place: Place) -> list[ExhibitReference]:
    """Every reference to an exhibit that "hereto"/"herewith" ties to this filing."""
    found: list[ExhibitReference] = []
    for match in _EXHIBIT.finditer(text):
        end = match.end()
        after = text[end : end + 20]
        before = text[max(0, match.start() - 20) : match.start()]
        tied = _HERETO_AFTER.match(after) or (
            _HERETO_BEFORE.search(before) and not _OTHER_DOCUMENT.match(after)
        )
        if not tied:
            continue
        phrase = " ".join(match.group(0).split())
        start = match.start("codes")
        for code in _ONE_CODE.finditer(match.group("codes")):
            found.append(
                ExhibitReference(
                    span=place.span(start + code.start(), start + code.end()),
                    code=code.group(0),
                    text=phrase,
                )
            )
    return found
