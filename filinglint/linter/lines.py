"""Classify each line of a filing into one typed token, the alphabet of the grammar.

Real filings are laid out in lines: a box line, an ITEM heading, an exhibit entry, a
table rule. Typing whole lines keeps the LALR grammar small and makes unknown prose
harmless (it is TEXT, the lowest-priority type, so every line is always something).
The only state is "which head does an indented line continue", which makes wrapped
exhibit descriptions, footnotes, box labels and captions single units.

Every regular expression here is anchored and free of nested quantifiers, so the
classification of a line is linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lark import Token
from lark.lexer import Lexer

TOKEN_TYPES = (
    "BLANK",
    "PAGE",
    "PAGE_NUMBER",
    "RULE",
    "FEE_HEADING",
    "INDEX_HEADING",
    "SIGNATURE_HEADING",
    "ITEM",
    "TITLE",
    "AMENDMENT",
    "CAPTION",
    "BOX",
    "BOX_END",
    "EXHIBIT",
    "MARKER",
    "CONT",
    "TEXT",
)

# A box mark: |_| |x| [ ] [X] / / /X/ ( ) (x) or a ballot-box character.
_MARK_INSIDE = r"[ _xX✓✔√■?*\-]{1,3}"
BOX_MARK = r"(?:\|" + _MARK_INSIDE + r"\||\[" + _MARK_INSIDE + r"\]|/[ xX_]/|\([ xX_]\)|[☐☒☑])"
_BOX_START = re.compile(r"(\s*)(" + BOX_MARK + r")(?:\s*(\S.*))?$")
_MARK_ONLY = re.compile(BOX_MARK + r"$")
MAX_MARK = 7

EXHIBIT_CODE = r"\([a-h]\)(?:\(\d{1,2}\))?(?:\([A-Za-z]{1,4}\))?(?:\(\d{1,2}\))?"
EXHIBIT_LINE = re.compile(r"(\s*)(" + EXHIBIT_CODE + r")([*+†‡#]*)(\s+)([A-Z0-9\"“'(\[].*)$")
MARKER_LINE = re.compile(r"(\s*)(\*{1,3}|\+{1,2}|†{1,2}|‡{1,2}|#{1,2}|\(\d{1,2}\))(\s+)(\S.*)$")
_RULE_CHARS = "=-_~*"
_RULE_RUNS = ("===", "---", "___", "~~~", "***")
_PAGE_NUMBER = re.compile(r"(\s*)(?:-\s*\d{1,3}\s*-|\(?\d{1,3}\)?|[ivxlc]{1,6})\s*$")
_FEE_HEADING = re.compile(
    r"\s*CALCULATION\s+OF\s+(?:THE\s+)?(?:REGISTRATION\s+|FILING\s+)?FEES?(?:\s+TABLES?)?\s*$",
    re.IGNORECASE,
)
_INDEX_HEADING = re.compile(
    r"\s*(?:INDEX\s+(?:TO|OF)\s+EXHIBITS|EXHIBITS?\s+INDEX)\.?\s*$", re.IGNORECASE
)
_SIGNATURE_HEADING = re.compile(r"\s*SIGNATURES?\.?\s*$", re.IGNORECASE)
ITEM_NUMBERS = r"\d{1,2}(?:\s*(?:,|and|&|through|to|-|–)\s*(?:and\s+)?(?:Items?\s+)?\d{1,2})*"
ITEM_LINE = re.compile(
    r"(\s*)(ITEMS?|Items?)\s+(" + ITEM_NUMBERS + r")\s*([.:\-—–]?)\s*(.*)$", re.IGNORECASE
)
_TITLE = re.compile(
    r"\s*SCHEDULE\s+TO(?:\s*-\s*[ITC])?(?:\s*/\s*A)?\s*(?:\(.*\))?\s*$", re.IGNORECASE
)
_AMENDMENT = re.compile(r"\s*(?:\(\s*)?Amendment\s+No\.?\s*(\d{1,3})\b", re.IGNORECASE)
_CAPTION = re.compile(
    r"\s*\((?:Name|Names|Title|Titles|CUSIP|Date|Address|Exact\s+name)\b", re.IGNORECASE
)

_HEADS = frozenset(("EXHIBIT", "MARKER", "BOX", "CAPTION"))


def is_item_heading(line: str) -> re.Match[str] | None:
    """An ITEM heading, as opposed to prose that starts with "Items 1, 4 and 11 are…"."""
    match = ITEM_LINE.match(line)
    if match is None:
        return None
    word, punctuation, rest = match.group(2), match.group(4), match.group(5)
    if not rest or word.isupper() or punctuation in (".", ":"):
        return match
    if rest[0].isupper() and len(rest) < 60 and not rest.rstrip().endswith(","):
        return match
    return None


def box_start(line: str) -> re.Match[str] | None:
    """A line that starts with a box mark, optionally followed by its label."""
    return _BOX_START.match(line.rstrip())


def is_rule(stripped: str) -> bool:
    """A table rule: only rule characters and spaces, with a run of three alike."""
    return not stripped.strip(_RULE_CHARS + " \t") and any(r in stripped for r in _RULE_RUNS)


def trailing_mark(line: str) -> tuple[int, str] | None:
    """(index, mark) of a box that ends a labelled line ("…of the tender offer: |_|").

    Looks only at the last few characters, so it costs the same on any line length.
    A parenthesised mark ``(x)`` also ends prose ("clause (x)"), so it counts only after
    a colon or a wide gap.
    """
    text = line.rstrip()
    for size in range(1, min(MAX_MARK, len(text) - 1) + 1):
        start = len(text) - size
        if not _MARK_ONLY.match(text, start) or text[start - 1] not in " \t:":
            continue
        before = text[:start]
        if not before.strip(" \t:"):
            continue
        if text[start] == "(" and not (before.rstrip().endswith(":") or before.endswith("  ")):
            continue
        return start, text[start:]
    return None


def classify(line: str) -> str:
    """The token type of one line, without regard to its neighbours."""
    stripped = line.strip()
    if not stripped:
        return "BLANK"
    first = stripped[0]
    if first == "<" and stripped[:6].upper() == "<PAGE>":
        rest = stripped[6:].strip()
        if not rest or rest.isdigit():
            return "PAGE"
    if first in _RULE_CHARS and is_rule(stripped):
        return "RULE"
    if first in "|[/(☐☒☑" and box_start(line):
        return "BOX"
    if first == "(":
        if EXHIBIT_LINE.match(line):
            return "EXHIBIT"
        if _CAPTION.match(line):
            return "CAPTION"
        if _AMENDMENT.match(line) and len(stripped) < 60:
            return "AMENDMENT"
    if first in "*+†‡#(" and MARKER_LINE.match(line):
        return "MARKER"
    if first in "Ii" and is_item_heading(line):
        return "ITEM"
    if len(stripped) <= 40:
        if first in "Cc" and _FEE_HEADING.match(line):
            return "FEE_HEADING"
        if first in "IiEe" and _INDEX_HEADING.match(line):
            return "INDEX_HEADING"
        if first in "Ss":
            if _SIGNATURE_HEADING.match(line):
                return "SIGNATURE_HEADING"
            if _TITLE.match(line):
                return "TITLE"
        if first in "Aa" and _AMENDMENT.match(line):
            return "AMENDMENT"
        centred = len(line) - len(stripped) >= 10 or first == "-"
        if centred and (first.isdigit() or first in "-(ivxlc") and _PAGE_NUMBER.match(line):
            return "PAGE_NUMBER"
    if stripped[-1] in "|]/)☐☒☑" and trailing_mark(line) is not None:
        return "BOX_END"
    return "TEXT"


def tokenize(text: str) -> Iterator[Token]:
    """Yield one token per line (one per run of blank lines), with 1-based positions."""
    head_indent = -1  # an indented TEXT line deeper than this continues the head
    open_parens = 0  # a caption continues while its parenthesis is open
    offset = 0
    number = 0
    blank: Token | None = None  # a run of blank lines is one BLANK token
    for line in text.split("\n"):
        number += 1
        kind = classify(line)
        if kind == "BLANK":
            head_indent = -1
            open_parens = 0
            if blank is None:
                blank = Token(
                    "BLANK", line, offset, number, 1, number, len(line) + 1, offset + len(line)
                )
            else:
                blank = Token(
                    "BLANK", blank + "\n" + line, blank.start_pos, blank.line, 1,
                    number, len(line) + 1, offset + len(line),
                )  # fmt: skip
            offset += len(line) + 1
            continue
        if blank is not None:
            yield blank
            blank = None
        indent = len(line) - len(line.lstrip())
        if kind == "TEXT" and (open_parens > 0 or 0 <= head_indent < indent):
            kind = "CONT"
            if open_parens > 0:
                open_parens = max(0, open_parens + line.count("(") - line.count(")"))
        elif kind == "CAPTION":
            head_indent = -1
            open_parens = max(0, line.count("(") - line.count(")"))
        elif kind in _HEADS:
            head_indent = indent
            open_parens = 0
        else:
            head_indent = -1
            open_parens = 0
        end = max(len(line.rstrip()), indent) + 1
        yield Token(kind, line, offset, number, indent + 1, number, end, offset + len(line))
        offset += len(line) + 1
    if blank is not None:
        yield blank


class LineLexer(Lexer):
    """Lark adapter: the grammar's terminals are the line types above."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        return tokenize(data)
