"""Text joined from several lines, with a map back to each character's offset.

Wrapped exhibit descriptions and footnotes are compared and searched as one string,
but a diagnostic must still point at the exact characters of the file.
"""

from __future__ import annotations

import bisect

from filinglint.linter.ast import Span
from filinglint.linter.place import Place


class Joined:
    """Pieces of lines joined by single spaces; ``span(place, start, end)`` maps back."""

    __slots__ = ("_offsets", "_starts", "text")

    def __init__(self, pieces: list[tuple[str, int]]) -> None:
        """``pieces`` are (text, offset of the text's first character in the reader's text)."""
        self._starts: list[int] = []
        self._offsets: list[int] = []
        parts = []
        position = 0
        for text, offset in pieces:
            self._starts.append(position)
            self._offsets.append(offset)
            parts.append(text)
            position += len(text) + 1
        self.text = " ".join(parts)

    def offset(self, position: int) -> int:
        """The reader's-text offset of ``text[position]``."""
        index = max(0, bisect.bisect_right(self._starts, position) - 1)
        return self._offsets[index] + position - self._starts[index]

    def span(self, place: Place, start: int, end: int) -> Span:
        """The file span of ``text[start:end]`` (``end`` exclusive, non-empty range)."""
        first = self.offset(start)
        last = self.offset(max(start, end - 1))
        return place.span(first, last + 1)
