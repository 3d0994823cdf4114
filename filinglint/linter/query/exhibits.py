"""Exhibit lists: Item 12's and the index, what their markers mean, what is filed herewith."""

from __future__ import annotations

import re

from filinglint.linter.ast import ExhibitEntry, ExhibitList, Filing

_HEREWITH = re.compile(r"herewith|filed\s+with\s+this|attached\s+hereto|furnished\s+herewith", re.I)
_PREVIOUSLY = re.compile(r"previously|filed\s+previously|incorporated\s+by\s+reference", re.I)
_PLACEHOLDERS = frozenset(("not applicable", "none", "inapplicable", "n/a", "not required"))


def exhibit_list(filing: Filing, source: str) -> ExhibitList | None:
    """The filing's first exhibit list from ``item-12`` or ``index``."""
    return next((x for x in filing.exhibit_lists if x.source == source), None)


def item12(filing: Filing) -> ExhibitList | None:
    """The exhibit list under Item 12 (Exhibits)."""
    return exhibit_list(filing, "item-12")


def exhibit_index(filing: Filing) -> ExhibitList | None:
    """The Index to Exhibits."""
    return exhibit_list(filing, "index")


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


def marker_meanings(exhibits: ExhibitList, entry: ExhibitEntry) -> frozenset[str]:
    """What an entry's markers mean by the list's own legend (the marker itself if unknown)."""
    legend = {
        note.marker: " ".join(note.text.split()).rstrip(".").lower() for note in exhibits.legend
    }
    return frozenset(legend.get(marker, marker) for marker in entry.markers)


def says_herewith(text: str) -> bool:
    """Whether a legend entry or marker meaning says "filed herewith"."""
    return _HEREWITH.search(text) is not None


def herewith_markers(exhibits: ExhibitList) -> list[str]:
    """The markers the list's legend defines as "filed herewith"."""
    return [note.marker for note in exhibits.legend if says_herewith(note.text)]


def marks_previous_only(exhibits: ExhibitList) -> bool:
    """The legend marks exhibits previously filed and none as filed herewith, so an
    unmarked entry is filed herewith (the modern convention)."""
    legend = [note.text for note in exhibits.legend]
    return any(_PREVIOUSLY.search(t) for t in legend) and not any(says_herewith(t) for t in legend)


def filed_herewith(exhibits: ExhibitList, entry: ExhibitEntry) -> bool:
    """Whether the filing says this exhibit is filed with it.

    Either a marker whose legend says "filed herewith", or — where the legend only marks
    exhibits as previously filed — no marker at all (the modern convention).
    """
    if any(says_herewith(meaning) for meaning in marker_meanings(exhibits, entry)):
        return True
    return (
        marks_previous_only(exhibits)
        and not entry.markers
        and not entry.description.lower().startswith(("not applicable", "none"))
    )


def governing_legend(filing: Filing, exhibits: ExhibitList):
    """The legend notes that define an exhibit list's markers: its own, else the other
    list's; None where the filing has no legend at all (it may stand where no reader
    finds it)."""
    if exhibits.legend:
        return exhibits.legend
    for other in filing.exhibit_lists:
        if other is not exhibits and other.legend:
            return other.legend
    return None
