"""Reading the grammar's Runs and line tokens: spans, text pieces, markers and notes.

Shared by the builders of the cover, fee table and exhibit lists, so every node's span
is computed the same way from the tokens the lexer positioned.
"""

from __future__ import annotations

import re

from lark import Token

from filinglint.linter.ast import Note, Span
from filinglint.linter.joined import Joined
from filinglint.linter.lines import MARKER_LINE
from filinglint.linter.parse import Run

_MARKER_RUN = re.compile(r"\*+|\++|†+|‡+|#+|\(\d{1,2}\)")


def token_span(first: Token, last: Token | None = None) -> Span:
    if last is None:
        last = first
    return Span(
        line=first.line, column=first.column, end_line=last.end_line, end_column=last.end_column
    )


def line_span(token: Token, start: int, end: int) -> Span:
    """Span of ``token.value[start:end]`` (0-based string indices, end exclusive)."""
    return Span(line=token.line, column=start + 1, end_line=token.line, end_column=end + 1)


def piece(token: Token, start: int = 0, end: int | None = None) -> tuple[str, int, int]:
    """The stripped text of ``token.value[start:end]`` with its line and column."""
    text = token.value[start:end]
    lead = len(text) - len(text.lstrip())
    return text.strip(), token.line, start + lead + 1


def end_column(part) -> int:
    """The end column of a Run's or Section's last line."""
    return tokens_of([part])[-1].end_column


def tokens_of(parts: list) -> list[Token]:
    out: list[Token] = []
    for part in parts:
        if isinstance(part, Token):
            out.append(part)
        elif isinstance(part, Run):
            out.extend(tokens_of(part.tokens))
    return out


def split_markers(text: str) -> list[str]:
    """``**+`` → [``**``, ``+``]; ``(1)(2)`` → [``(1)``, ``(2)``]."""
    return _MARKER_RUN.findall(text)


def run_joined(run: Run) -> Joined:
    head = run.tokens[0]
    match = MARKER_LINE.match(head.value)
    first = piece(head, match.start(4)) if match else piece(head)
    return Joined([first] + [piece(t) for t in run.tokens[1:]])


def build_note(run: Run) -> Note:
    head: Token = run.tokens[0]
    match = MARKER_LINE.match(head.value)
    assert match is not None
    joined = run_joined(run)
    return Note(span=token_span(head, run.tokens[-1]), marker=match.group(2), text=joined.text)
