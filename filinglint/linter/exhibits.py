"""Exhibit lists (Item 12 and the Index to Exhibits) and the item numbers of headings."""

from __future__ import annotations

import re

from lark import Token

from filinglint.linter.ast import ExhibitEntry, ExhibitList, Note, Span
from filinglint.linter.joined import Joined
from filinglint.linter.lines import EXHIBIT_LINE
from filinglint.linter.parse import Run, Section
from filinglint.linter.runs import build_note, line_span, piece, split_markers, token_span

_TRAILING_MARKERS = re.compile(r"(?:[*+†‡#\s]|\(\d{1,2}\))+$")


_SUPPLEMENT = re.compile(
    r"amended\s+and\s+supplemented\s+by\s+add|by\s+adding\s+(?:thereto\s+)?the\s+following"
    r"|hereby\s+amended\s+to\s+add|adding\s+the\s+following\s+exhibit",
    re.IGNORECASE,
)


def _build_exhibit(run: Run) -> ExhibitEntry:
    head: Token = run.tokens[0]
    match = EXHIBIT_LINE.match(head.value)
    assert match is not None
    joined = Joined([piece(head, match.start(5))] + [piece(t) for t in run.tokens[1:]])
    text = joined.text
    tail_start = max(0, len(text) - 40)
    trailing = _TRAILING_MARKERS.search(text, tail_start)
    markers = split_markers(match.group(3))
    if trailing and trailing.start() > 0:
        markers += split_markers(trailing.group(0))
        text = text[: trailing.start()].rstrip()
    return ExhibitEntry(
        span=token_span(head, run.tokens[-1]),
        code=match.group(2),
        description=text,
        markers=tuple(markers),
        code_span=line_span(head, match.start(2), match.end(2)),
    )


def exhibit_list(source: str, section: Section) -> ExhibitList | None:
    entries: list[ExhibitEntry] = []
    legend: list[Note] = []
    intro: list[str] = [section.heading.value]
    for part in section.parts:
        if isinstance(part, Run) and part.kind == "exhibit":
            entries.append(_build_exhibit(part))
        elif isinstance(part, Run) and part.kind == "note" and entries:
            legend.append(build_note(part))
        elif not entries and isinstance(part, Token):
            intro.append(part.value)
    if not entries:
        return None
    mode = "supplement" if _SUPPLEMENT.search(" ".join(" ".join(intro).split())) else "complete"
    last = legend[-1].span if legend else entries[-1].span
    return ExhibitList(
        span=Span(
            line=section.heading.line,
            column=section.heading.column,
            end_line=last.end_line,
            end_column=last.end_column,
        ),
        source=source,
        mode=mode,
        entries=tuple(entries),
        legend=tuple(legend),
    )


def item_numbers(text: str) -> list[int]:
    """``1, 4 AND 11`` → [1, 4, 11]; ``1 through 9 and Item 11`` → [1..9, 11]."""
    numbers: list[int] = []
    pending_range = False
    for word in re.findall(r"\d+|through|to|-|–", text, re.IGNORECASE):
        if word.isdigit():
            value = int(word)
            if pending_range and numbers:
                numbers.extend(range(numbers[-1] + 1, value + 1))
            else:
                numbers.append(value)
            pending_range = False
        else:
            pending_range = True
    return numbers


_HEREWITH = re.compile(r"herewith|filed\s+with\s+this|attached\s+hereto|furnished\s+herewith", re.I)
_PREVIOUSLY = re.compile(r"previously|filed\s+previously|incorporated\s+by\s+reference", re.I)


def marker_meanings(exhibits: ExhibitList, entry: ExhibitEntry) -> frozenset[str]:
    """What an entry's markers mean by the list's own legend (the marker itself if unknown)."""
    legend = {
        note.marker: " ".join(note.text.split()).rstrip(".").lower() for note in exhibits.legend
    }
    return frozenset(legend.get(marker, marker) for marker in entry.markers)


def filed_herewith(exhibits: ExhibitList, entry: ExhibitEntry) -> bool:
    """Whether the filing says this exhibit is filed with it.

    Either a marker whose legend says "filed herewith", or — where the legend only marks
    exhibits as previously filed — no marker at all (the modern convention).
    """
    if any(_HEREWITH.search(meaning) for meaning in marker_meanings(exhibits, entry)):
        return True
    legend = [note.text for note in exhibits.legend]
    marks_previous_only = any(_PREVIOUSLY.search(t) for t in legend) and not any(
        _HEREWITH.search(t) for t in legend
    )
    return (
        marks_previous_only
        and not entry.markers
        and not entry.description.lower().startswith(("not applicable", "none"))
    )
