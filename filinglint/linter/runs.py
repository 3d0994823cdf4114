"""Groups of lines the grammar names, and reading them: spans, text pieces, markers, notes.

Shared by the readers of the cover, fee table, exhibit lists and signatures, so every
node's span is computed the same way from the tokens the lexer positioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token

from filinglint.linter.ast import Note, Span
from filinglint.linter.joined import Joined
from filinglint.linter.place import Place

_MARKER_RUN = re.compile(r"\*+|\++|†+|‡+|#+|\(\d{1,2}\)")


class Run:
    """A named group of lines: a box and its wrapped label, a note, prose, a captioned field.

    ``type`` is the grammar rule that made it, as a token's ``type`` is its terminal,
    so a reader asks a part what it is the same way whether it is a line or a group.
    ``tokens`` are its children in order: lines, or groups (a captioned field holds its
    value lines and its caption). Building one costs a few attribute stores; the AST
    node is made only by the reader that reads it. (A plain class: a dataclass costs
    a fraction of a millisecond to define, paid at every start.)
    """

    __slots__ = ("tokens", "type")

    def __init__(self, type: str, tokens: list) -> None:
        self.type = type
        self.tokens = tokens

    def __repr__(self) -> str:
        return f"Run({self.type!r}, {self.tokens!r})"

    @property
    def line(self) -> int:
        return self.tokens[0].line

    @property
    def end_line(self) -> int:
        return self.tokens[-1].end_line

    @property
    def end_column(self) -> int:
        return self.tokens[-1].end_column


def start_offset(token: Token) -> int:
    """Where a line's text starts (after its indent), in the reader's text."""
    return token.start_pos + token.column - 1


def end_offset(token: Token) -> int:
    """Where a line's text ends (its trailing spaces left out), in the reader's text.

    A run of blank lines is one token; its end is that of its last line.
    """
    last_line = token.value.rpartition("\n")[2]
    return token.end_pos - len(last_line) + token.end_column - 1


def token_span(place: Place, first: Token | Run, last: Token | Run | None = None) -> Span:
    """The span of whole lines: from ``first``'s text to the end of ``last``'s."""
    first = first_token(first)
    last = last_token(last) if last is not None else first
    return place.span(start_offset(first), end_offset(last))


def line_span(place: Place, token: Token, start: int, end: int) -> Span:
    """Span of ``token.value[start:end]`` (0-based string indices, end exclusive)."""
    return place.span(token.start_pos + start, token.start_pos + end)


def piece(token: Token, start: int = 0, end: int | None = None) -> tuple[str, int]:
    """The stripped text of ``token.value[start:end]`` with the offset of its first character."""
    text = token.value[start:end]
    lead = len(text) - len(text.lstrip())
    return text.strip(), token.start_pos + start + lead


def first_token(part: Token | Run) -> Token:
    while isinstance(part, Run):
        part = part.tokens[0]
    return part


def last_token(part: Token | Run) -> Token:
    while isinstance(part, Run):
        part = part.tokens[-1]
    return part


def tokens_of(parts: list) -> list[Token]:
    """The lines of ``parts``, groups flattened, in order."""
    out: list[Token] = []
    for part in parts:
        if isinstance(part, Run):
            out.extend(tokens_of(part.tokens))
        else:
            out.append(part)
    return out


def split_markers(text: str) -> list[str]:
    """``**+`` → [``**``, ``+``]; ``(1)(2)`` → [``(1)``, ``(2)``]."""
    return _MARKER_RUN.findall(text)


def find_markers(text: str) -> Iterator[re.Match[str]]:
    """The markers of ``text`` (as :func:`split_markers` splits them), with where they stand."""
    return _MARKER_RUN.finditer(text)


def run_joined(run: Run) -> Joined:
    """A note's text (after its marker) and its wrapped lines, as one string."""
    head = run.tokens[0]
    return Joined([piece(head, head.info.text_start)] + [piece(t) for t in run.tokens[1:]])


def build_note(place: Place, run: Run) -> Note:
    """A fee-table footnote or a legend entry: ``*  Filed herewith.``."""
    head: Token = run.tokens[0]
    joined = run_joined(run)
    span = token_span(place, head, run.tokens[-1])
    return Note(span=span, marker=head.info.marker, text=joined.text)
