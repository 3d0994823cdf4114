"""Exhibit lists: the exhibit item's and the index, what their markers mean, what is filed
herewith.

A marker means what the legend governing its list says: the list's own legend, else the
legend of another list of the filing (a filing often prints "*  Filed herewith." once,
under the Index to Exhibits, and marks the exhibit item's entries with the same "*").
Identical markers on two entries of one filing always mean the same thing.
"""

from __future__ import annotations

import re

from filinglint.linter.ast import ExhibitEntry, ExhibitList, Filing, Note

_HEREWITH = re.compile(r"herewith|filed\s+with\s+this|attached\s+hereto|furnished\s+herewith", re.I)
_PREVIOUSLY = re.compile(r"previously|filed\s+previously|incorporated\s+by\s+reference", re.I)
_PLACEHOLDERS = frozenset(("not applicable", "none", "inapplicable", "n/a", "not required"))


def exhibit_list(filing: Filing, source: str) -> ExhibitList | None:
    """The filing's first exhibit list from ``item`` (the exhibit item) or ``index``."""
    return next((x for x in filing.exhibit_lists if x.source == source), None)


def exhibit_item(filing: Filing) -> ExhibitList | None:
    """The list under the exhibit item (Schedule TO Item 12, Schedule 13E-3 Item 16,
    Schedule 14D-9 Item 9)."""
    return exhibit_list(filing, "item")


def exhibit_index(filing: Filing) -> ExhibitList | None:
    """The Index to Exhibits."""
    return exhibit_list(filing, "index")


def list_name(exhibits: ExhibitList) -> str:
    """How messages name a list: "Item 12", "Item 16", "the exhibit item", "the index"."""
    if exhibits.source == "index":
        return "the index"
    return f"Item {exhibits.item}" if exhibits.item is not None else "the exhibit item"


def code_key(code: str) -> str:
    """Exhibit codes compare without spaces and case: ``(a)(1)(A)`` == ``(a) (1) (a)``."""
    return "".join(code.split()).lower()


def by_code(exhibits: ExhibitList) -> dict[str, ExhibitEntry]:
    """The list's entries by :func:`code_key`; the first entry of a repeated code wins."""
    found: dict[str, ExhibitEntry] = {}
    for entry in exhibits.entries:
        found.setdefault(code_key(entry.code), entry)
    return found


def is_placeholder(entry: ExhibitEntry) -> bool:
    """ "(b) Not applicable." names no document, so one list may leave it out."""
    return " ".join(entry.description.split()).rstrip(".").lower() in _PLACEHOLDERS


def governing_legend(filing: Filing, exhibits: ExhibitList) -> tuple[Note, ...] | None:
    """The legend notes that define an exhibit list's markers: its own, else the other
    list's; None where the filing has no legend at all (it may stand where no reader
    finds it)."""
    if exhibits.legend:
        return exhibits.legend
    for other in filing.exhibit_lists:
        if other is not exhibits and other.legend:
            return other.legend
    return None


def _meaning(note: Note) -> str:
    return " ".join(note.text.split()).rstrip(".").lower()


def marker_meanings(filing: Filing, exhibits: ExhibitList, entry: ExhibitEntry) -> frozenset[str]:
    """What an entry's markers mean by the legend governing its list (the marker itself
    where no legend defines it)."""
    legend = {note.marker: _meaning(note) for note in governing_legend(filing, exhibits) or ()}
    return frozenset(legend.get(marker, marker) for marker in entry.markers)


Listed = tuple[ExhibitList, ExhibitEntry]


def markers_agree(filing: Filing, first: Listed, second: Listed) -> bool:
    """Whether two entries are marked alike: the same markers always agree; different
    ones agree when their governing legends give them the same meaning."""
    if frozenset(first[1].markers) == frozenset(second[1].markers):
        return True
    return marker_meanings(filing, *first) == marker_meanings(filing, *second)


def says_herewith(text: str) -> bool:
    """Whether a legend entry or marker meaning says "filed herewith"."""
    return _HEREWITH.search(text) is not None


def herewith_markers(filing: Filing, exhibits: ExhibitList) -> list[str]:
    """The markers the legend governing the list defines as "filed herewith"."""
    legend = governing_legend(filing, exhibits) or ()
    return [note.marker for note in legend if says_herewith(note.text)]


def marks_previous_only(filing: Filing, exhibits: ExhibitList) -> bool:
    """The governing legend marks exhibits previously filed and none as filed herewith,
    so an unmarked entry is filed herewith (the modern convention)."""
    legend = [note.text for note in governing_legend(filing, exhibits) or ()]
    return any(_PREVIOUSLY.search(t) for t in legend) and not any(says_herewith(t) for t in legend)


def filed_herewith(filing: Filing, exhibits: ExhibitList, entry: ExhibitEntry) -> bool:
    """Whether the filing says this exhibit is filed with it.

    Either a marker whose legend says "filed herewith", or — where the legend only marks
    exhibits as previously filed — no marker at all (the modern convention).
    """
    if any(says_herewith(meaning) for meaning in marker_meanings(filing, exhibits, entry)):
        return True
    return (
        marks_previous_only(filing, exhibits)
        and not entry.markers
        and not is_placeholder(entry)
        and not entry.description.lower().startswith(("not applicable", "none"))
    )
