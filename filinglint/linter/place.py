"""Where the text a reader reads stands in the file the user opened.

A reader sees one document's text: the whole file, a document cut out of a submission
(its offsets shifted), or the lines laid out from an HTML document (each character
mapped back to the HTML source by ``HtmlText.source_offset``). A ``Place`` turns offsets
of that text into spans of the opened file while the nodes are built, so no node is
ever patched afterwards and every span of every node speaks of the same file.
"""

from __future__ import annotations

from collections.abc import Callable

from filinglint.linter.ast import Span


class Place:
    """Maps offsets of a reader's text to offsets of the opened file."""

    __slots__ = ("_shift", "_to_file")

    def __init__(self, shift: int = 0, to_file: Callable[[int], int] | None = None) -> None:
        """``shift``: the text starts at this offset of the file; ``to_file``: any map."""
        self._shift = shift
        self._to_file = to_file

    def offset(self, position: int) -> int:
        """The file offset of the text's character at ``position``."""
        if self._to_file is not None:
            return self._shift + self._to_file(position)
        return self._shift + position

    def span(self, start: int, end: int) -> Span:
        """The file span of the text's characters ``start``–``end`` (end exclusive).

        The end is one past where the last character maps (an entity such as ``&amp;``
        ends the span after its ``&``); an empty range is an empty span at ``start``.
        HTML laid out as lines need not keep the source order (the second line of a table
        cell is printed after the first line of the cell to its right, which stands later
        in the HTML): when the last character maps before the first, the span runs from
        the last to the first, so it never ends before it starts.
        """
        first = self.offset(start)
        if end <= start:
            return Span(start=first, end=first)
        last = self.offset(end - 1)
        if last < first:
            return Span(start=last, end=first + 1)
        return Span(start=first, end=last + 1)


WHOLE_FILE = Place()
