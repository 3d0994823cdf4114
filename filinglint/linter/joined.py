"""Text joined from several lines, with a map back to each character's line and column.

Wrapped exhibit descriptions and footnotes are compared and searched as one string,
but a diagnostic must still point at the exact line and column of the file.
"""

from __future__ import annotations

import bisect

from filinglint.linter.ast import Span


class Joined:
    """Pieces of lines joined by single spaces; ``span(start, end)`` maps back."""

    __slots__ = ("_columns", "_lines", "_starts", "text")

    def __init__(self, pieces: list[tuple[str, int, int]]) -> None:
        """``pieces`` are (text, 1-based line, 1-based column of the text's first char)."""
        self._starts: list[int] = []
        self._lines: list[int] = []
        self._columns: list[int] = []
        parts = []
        offset = 0
        for text, line, column in pieces:
            self._starts.append(offset)
            self._lines.append(line)
            self._columns.append(column)
            parts.append(text)
            offset += len(text) + 1
        self.text = " ".join(parts)

    def _locate(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self._lines[index], self._columns[index] + offset - self._starts[index]

    def span(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]`` (``end`` exclusive, non-empty range)."""
        line, column = self._locate(start)
        end_line, last_column = self._locate(max(start, end - 1))
        return Span(line=line, column=column, end_line=end_line, end_column=last_column + 1)
