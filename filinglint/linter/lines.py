"""Classify each line of a filing into one typed token, the alphabet of the grammar.

Real filings are laid out in lines: a box line, an ITEM heading, an exhibit entry, a
table rule. Typing whole lines keeps the LALR grammar small and makes unknown prose
harmless (it is TEXT, the lowest-priority type, so every line is always something).
The state is "which head does an indented line continue", which makes wrapped
exhibit descriptions, footnotes, box labels and captions single units, and "are we
after a SIGNATURES heading": there, and only there, a signature's lines ("By: /s/ …",
"Name:", "Title:", "Date:") get their own types (SIGNER, SIG_FIELD, SIG_DATE), since
"Name: …" elsewhere is a box's field or a cover line. A signature line keeps the
continuation state of the type it would otherwise have, so the lines around it are
typed exactly as if it were not special.

Every regular expression here is anchored and free of nested quantifiers, and the
scans for box marks look at each character once, so the classification of a line is
linear in its length.

A line is matched once: the token (a ``Line``) carries what the match found in its
``info`` slot (the box marks, the exhibit code and markers, the item numbers, the
amendment number…), so the readers never run these patterns again. A test keeps every
pattern of this module private to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import itemgetter

from lark import Token
from lark.lexer import Lexer

from filinglint.linter import values

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
    "SIGNER",
    "SIG_FIELD",
    "SIG_DATE",
)

# A box mark: |_| |x| [ ] [X] / / /X/ ( ) (x) or a ballot-box character.
_MARK_INSIDE = r"[ _xX✓✔√■?*\-]{1,3}"
BOX_MARK = r"(?:\|" + _MARK_INSIDE + r"\||\[" + _MARK_INSIDE + r"\]|/[ xX_]/|\([ xX_]\)|[☐☒☑])"
# One compiled mark serves every place a mark is looked for (line start, after a wide
# gap, line end): compiling the mark's character classes costs about 0.2 ms each time,
# paid at every start. At a given index at most one mark can match, with one length.
_MARK = re.compile(BOX_MARK)
_MARK_FIRST = "|[/(☐☒☑"
_BOX_START = r"(\s*)(" + BOX_MARK + r")(?:\s*(\S.*))?$"  # box_start's pattern, compiled on use
_box_start: re.Pattern[str] | None = None
MAX_MARK = 7
# The letter or number a cover prints before a box: "a. ☒", "(1) [X]", "c. /X/", "2) [ ]"
# (Schedule 13E-3's boxes a to d). One letter or one or two digits, so that a word or an
# exhibit code is never taken for one; a mark must follow, then a space or the line's end.
BOX_LETTER = r"(?:\((?:[A-Za-z]|\d{1,2})\)|(?:[A-Za-z]|\d{1,2})[.)])[ \t]*"
_BOX_LETTER = re.compile(BOX_LETTER)
_LETTER_FIRST = frozenset("(0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

EXHIBIT_CODE = r"\([a-h]\)(?:\(\d{1,2}\))?(?:\([A-Za-z]{1,4}\))?(?:\(\d{1,2}\))?"
EXHIBIT_LINE = re.compile(r"(\s*)(" + EXHIBIT_CODE + r")([*+†‡#]*)(\s+)([A-Z0-9\"“'(\[].*)$")
# A subsection heading inside the exhibit item ("(a) Exhibits.", "(b) Filing Fee Exhibit.",
# a registration statement's "(b) Financial Statement Schedules."): it has the shape of an
# exhibit line but names a part of the item.
_SUBSECTION = re.compile(
    r"(?:Exhibits?|Filing\s+Fees?\s+Exhibits?|Filing\s+Fee\s+Tables?"
    r"|Financial\s+Statements?(?:\s+Schedules?)?)\s*[.:]?\s*$",
    re.IGNORECASE,
)
# A numbered exhibit (Item 601 of Regulation S-K and the filing fee exhibit): "107 Filing
# Fee Table", "99.1  Press release", "Exhibit 23.1  Consent…", "Exhibit (a)(1)(A) Offer…".
# Only read inside an exhibit item or index: elsewhere "1   NAME OF REPORTING PERSON" is
# a cover row.
_NUMBERED_CODE = r"\d{1,3}(?:\.\d{1,3})?(?:\([a-z0-9]{1,3}\))?"
_NUMBERED_LINE = re.compile(
    r"(\s*)(?:(?i:exhibit)\s+(?:(?i:no)\.\s*)?)?(" + _NUMBERED_CODE + r"|" + EXHIBIT_CODE + r")"
    r"([*+†‡#]*)(\s+)([A-Z\"“'(\[].*)$"
)
_NUMBERED_FIRST = "0123456789Ee"
# A list ends where prose resumes: after this many prose lines past its last entry (or
# before its first: an introduction and a table head), numbered lines are prose again, so
# the exhibits' own text that follows an index in one document ("100 Main Street") is
# never read as entries.
_PROSE_AFTER_ENTRY = 4
_PROSE_BEFORE_ENTRY = 20
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
# The cover titles of the forms filinglint reads: Schedule TO (with the letter EDGAR's
# type adds, or combined with Schedule 13E-3), Schedule 13E-3, Schedule 14D-9.
_TITLE = re.compile(
    r"\s*SCHEDULE\s+(?:TO(?:\s*-\s*([ITC]))?(?:\s*/\s*13E\s*-\s*3)?|(13E\s*-\s*3|14D\s*-\s*9))"
    r"(\s*/\s*A)?\s*(?:\(.*\))?\s*$",
    re.IGNORECASE,
)
_TITLE_FORMS = {"13E3": "SC 13E3", "14D9": "SC 14D9"}
# The cover title of the other forms a document opened on its own may be ("FORM 8-K",
# "FORM S-1/A", "SCHEDULE 13G"): the form it names, when no header or <TYPE> says it.
_FORM_TITLE = re.compile(
    r"\s*(?:FORM\s+(8-K|6-K|10-K|10-Q|20-F|40-F|S-[1348]|F-[1234]|N-CSR|N-2|[345])"
    r"|SCHEDULE\s+(13[DG]))(\s*/\s*A)?\s*$",
    re.IGNORECASE,
)
# "Amendment No. 3"; a fund's post-effective amendments run into the thousands and print
# a separator ("Amendment No. 2,726"): the number is read whole by ``values``.
_AMENDMENT = re.compile(r"\s*(?:\(\s*)?(Amendment\s+No\.?\s*(\d{1,3}))\b", re.IGNORECASE)
_CAPTION = re.compile(
    r"\s*\((?:Name|Names|Title|Titles|CUSIP|Date|Address|Exact\s+name)\b", re.IGNORECASE
)

_HEADS = frozenset(("EXHIBIT", "MARKER", "BOX", "CAPTION"))
_SECTION_HEADINGS = frozenset(("ITEM", "INDEX_HEADING", "SIGNATURE_HEADING"))
_SIG_FIELD = re.compile(r"^\s*(By|Name|Title|Dated?)\s*:\s*(.*)$", re.IGNORECASE)


class Line(Token):
    """A line token and what the lexer read from it.

    ``info`` is the payload of the line's type (one of the small tuples below) or None
    for types without one (TEXT, CONT, BLANK, RULE…). The constructor sets the slots
    directly: one line is one token, so this is on the hot path of every check.
    """

    __slots__ = ("info",)

    def __new__(
        cls,
        type: str,  # Lark's name for it
        value: str,
        start_pos: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        end_pos: int,
        info: object = None,
    ) -> Line:
        inst = str.__new__(cls, value)
        inst.type = type
        inst.value = value
        inst.start_pos = start_pos
        inst.line = line
        inst.column = column
        inst.end_line = end_line
        inst.end_column = end_column
        inst.end_pos = end_pos
        inst.info = info
        return inst


# Payloads: tuples with named fields. Positions are 0-based indices into the line (the
# token's value). Plain tuple subclasses rather than NamedTuple: defining a NamedTuple
# costs about a hundred microseconds at import, and start-up is paid on every commit.


def _field(index: int) -> property:
    return property(itemgetter(index))


class Title(tuple):
    """TITLE: (letter, amended, form): the form letter of "SCHEDULE TO-I" (I, T, C or
    None), whether "/A" follows, and the EDGAR form the title names without "/A"
    ("SC TO-I", "SC TO", "SC 13E3", "SC 14D9")."""

    __slots__ = ()
    letter = _field(0)
    amended = _field(1)
    form = _field(2)


class Amendment(tuple):
    """AMENDMENT: (number, start, end): "Amendment No. 3" and where that phrase stands."""

    __slots__ = ()
    number = _field(0)
    start = _field(1)
    end = _field(2)


class Box(tuple):
    """BOX: (marks, starts): (index, mark) of each box on the line, left to right, and
    where each box's printed part starts: its letter ("b. [X]") or else its mark."""

    __slots__ = ()
    marks = _field(0)
    starts = _field(1)


class BoxEnd(tuple):
    """BOX_END: (start, mark): the mark that ends the line and its index."""

    __slots__ = ()
    start = _field(0)
    mark = _field(1)


class Exhibit(tuple):
    """EXHIBIT: (code, code_start, markers, text_start): the code, where it starts, the
    markers glued to it and where the description starts."""

    __slots__ = ()
    code = _field(0)
    code_start = _field(1)
    markers = _field(2)
    text_start = _field(3)


class Marker(tuple):
    """MARKER: (marker, text_start): the note's marker ("*", "(1)") and where its text starts."""

    __slots__ = ()
    marker = _field(0)
    text_start = _field(1)


class SigField(tuple):
    """SIG_FIELD: (key, value): "name" or "title", and what follows the colon."""

    __slots__ = ()
    key = _field(0)
    value = _field(1)


class Testimony(tuple):
    """SIG_DATE of a testimonium clause: (date_start,): where, in the line, the date that
    ends "… caused this report to be signed on its behalf … on May 25, 1995." starts. A
    plain dated line ("Date: May 25, 1995") has no payload."""

    __slots__ = ()
    date_start = _field(0)


class PageNumber(tuple):
    """PAGE_NUMBER: (number,): the printed page number, None for a roman one ("iv")."""

    __slots__ = ()
    number = _field(0)


class Item(tuple):
    """ITEM: (numbers, exhibits): the item numbers the heading names (``ITEMS 1 through 4
    and 11``) and whether it is the exhibit item ("Item 12. Exhibits.", "Item 16.
    Exhibits", "Item 9. Materials to be Filed as Exhibits", or a bare "Item 12.")."""

    __slots__ = ()
    numbers = _field(0)
    exhibits = _field(1)


class Signer(tuple):
    """SIGNER: (name, dated, title, title_column, starred, attorney): who signed ("/s/",
    "By:" and a form's caption taken off; empty where the printed name below says it),
    whether the line also dates the block ("By: /s/ Jane Roe      Date: May 17, 2010"),
    the title a signature table prints in its own column and where that column starts
    (-1: none), whether a star after the name (or a lone "*") says an attorney-in-fact
    signed for the person, and whether the line is that attorney-in-fact's ("*By: /s/ …")."""

    __slots__ = ()
    name = _field(0)
    dated = _field(1)
    title = _field(2)
    title_column = _field(3)
    starred = _field(4)
    attorney = _field(5)


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


_EXHIBITS_WORD = re.compile(r"\bexhibits?\b", re.IGNORECASE)


def _item(match: re.Match[str]) -> Item:
    """The ITEM payload: its numbers, and whether its title names the exhibits (a bare
    "Item 12." is Schedule TO's exhibit item: the title may stand on the next line)."""
    numbers = tuple(item_numbers(match.group(3)))
    rest = match.group(5)
    if _EXHIBITS_WORD.search(rest):
        return Item((numbers, True))
    bare = not any(ch.isalpha() for ch in rest)
    return Item((numbers, bare and 12 in numbers))


def box_start(line: str) -> re.Match[str] | None:
    """A line that starts with a box mark, optionally followed by its label.

    (mark: group 2.) The lexer itself uses ``_MARK`` at the line's indent, which finds
    the same mark; this match object is for callers that want the groups.
    """
    global _box_start
    if _box_start is None:
        _box_start = re.compile(_BOX_START)
    return _box_start.match(line.rstrip())


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
        mark = _MARK.match(text, start)
        if mark is None or mark.end() != len(text) or text[start - 1] not in " \t:":
            continue
        before = text[:start]
        if not before.strip(" \t:"):
            continue
        if text[start] == "(" and not (before.rstrip().endswith(":") or before.endswith("  ")):
            continue
        return start, text[start:]
    return None


_PLAIN = {kind: (kind, None) for kind in TOKEN_TYPES}
_TEXT = _PLAIN["TEXT"]
# A subsection heading is prose to the grammar, but never the wrapped line of the exhibit
# above it: its payload tells the lexer so.
_SUBHEADING = ("TEXT", "subheading")


def _column_marks(text: str, pos: int, starts: list[int]) -> list[tuple[int, str]]:
    r"""Further marks after ``pos``, each after a gap of two or more spaces (and the box's
    letter, if it has one) and before its label: what
    ``re.finditer(r"\s{2,}(?:LETTER)??(MARK)\s+\S", text, pos)`` finds, in one pass.
    Appends where each box starts (its letter, else its mark) to ``starts``."""
    marks: list[tuple[int, str]] = []
    end = len(text)
    at = pos
    while at < end:
        first = text[at]
        if at - pos < 2 or not text[at - 1].isspace() or not text[at - 2].isspace():
            at += 1
            continue
        mark = _MARK.match(text, at) if first in _MARK_FIRST else None
        if (mark is None or not _labelled(text, mark)) and first in _LETTER_FIRST:
            letter = _BOX_LETTER.match(text, at)
            mark = _MARK.match(text, letter.end()) if letter is not None else None
        if mark is not None and _labelled(text, mark):
            marks.append((mark.start(), mark.group()))
            starts.append(at)
            after = mark.end()
            while text[after].isspace():  # the label follows (text is right-stripped)
                after += 1
            pos = at = after + 1  # the next search starts after the label's first character
            continue
        at += 1
    return marks


def _labelled(text: str, mark: re.Match[str]) -> bool:
    """A space, then the label, follow the mark (``text`` is right-stripped)."""
    return mark.end() < len(text) and text[mark.end()].isspace()


def _box(text: str, mark: re.Match[str], start: int) -> Box:
    """``text`` is the right-stripped line; ``mark`` the first mark, ``start`` where its box
    starts (its letter, or the mark itself)."""
    starts = [start]
    marks = [(mark.start(), mark.group()), *_column_marks(text, mark.end(), starts)]
    return Box((tuple(marks), tuple(starts)))


def _lettered_box(text: str, indent: int) -> Box | None:
    """A box line whose first box has its letter before the mark ("a. [X] The filing…")."""
    letter = _BOX_LETTER.match(text, indent)
    if letter is None:
        return None
    mark = _MARK.match(text, letter.end())
    if mark is None or (mark.end() < len(text) and not text[mark.end()].isspace()):
        return None
    return _box(text, mark, indent)


def _title(match: re.Match[str]) -> Title:
    if match.re is _FORM_TITLE:
        form = (match.group(1) or "SC " + match.group(2)).upper()
        return Title((None, bool(match.group(3)), form))
    letter = match.group(1).upper() if match.group(1) else None
    other = match.group(2)
    if other:
        form = _TITLE_FORMS["".join(ch for ch in other if ch.isalnum()).upper()]
    else:
        form = "SC TO" + (f"-{letter}" if letter else "")
    return Title((letter, bool(match.group(3)), form))


def _amendment(match: re.Match[str]) -> Amendment:
    number, end = values.grouped_number(match.string, match.start(2)) or (
        int(match.group(2)),
        match.end(2),
    )
    return Amendment((number, match.start(1), end))


def read_line(line: str) -> tuple[str, object]:
    """The token type of one line and its payload, without regard to its neighbours."""
    stripped = line.strip()
    if not stripped:
        return _PLAIN["BLANK"]
    first = stripped[0]
    if first == "<" and stripped[:6].upper() == "<PAGE>":
        rest = stripped[6:].strip()
        if not rest or rest.isdigit():
            return _PLAIN["PAGE"]
    if first in _RULE_CHARS and is_rule(stripped):
        return _PLAIN["RULE"]
    if first in _MARK_FIRST:
        text = line.rstrip()
        match = _MARK.match(text, len(text) - len(stripped))
        if match:
            return "BOX", _box(text, match, match.start())
    if first in _LETTER_FIRST and (first == "(" or "." in stripped[1:3] or ")" in stripped[1:3]):
        text = line.rstrip()  # the letter of "(1)", "a.", "b)", "12." ends by the third character
        box = _lettered_box(text, len(text) - len(stripped))
        if box is not None:
            return "BOX", box
    if first == "(":
        match = EXHIBIT_LINE.match(line)
        if match:
            if len(match.group(2)) == 3 and _SUBSECTION.match(line, match.start(5)):
                return _SUBHEADING
            return "EXHIBIT", Exhibit(
                (match.group(2), match.start(2), match.group(3), match.start(5))
            )
        if _CAPTION.match(line):
            return _PLAIN["CAPTION"]
        if len(stripped) < 60:
            match = _AMENDMENT.match(line)
            if match:
                return "AMENDMENT", _amendment(match)
    if first in "*+†‡#(":
        match = MARKER_LINE.match(line)
        if match:
            return "MARKER", Marker((match.group(2), match.start(4)))
    if first in "Ii":
        match = is_item_heading(line)
        if match:
            return "ITEM", _item(match)
    if len(stripped) <= 40:
        if first in "Cc" and _FEE_HEADING.match(line):
            return _PLAIN["FEE_HEADING"]
        if first in "IiEe" and _INDEX_HEADING.match(line):
            return _PLAIN["INDEX_HEADING"]
        if first in "Ss":
            if _SIGNATURE_HEADING.match(line):
                return _PLAIN["SIGNATURE_HEADING"]
            match = _TITLE.match(line) or _FORM_TITLE.match(line)
            if match:
                return "TITLE", _title(match)
        if first in "Ff":
            match = _FORM_TITLE.match(line)
            if match:
                return "TITLE", _title(match)
        if first in "Aa":
            match = _AMENDMENT.match(line)
            if match:
                return "AMENDMENT", _amendment(match)
        centred = len(line) - len(stripped) >= 10 or first == "-"
        if centred and (first.isdigit() or first in "-(ivxlc") and _PAGE_NUMBER.match(line):
            digits = "".join(ch for ch in stripped if ch.isdigit())
            return "PAGE_NUMBER", PageNumber((int(digits) if digits else None,))
    if stripped[-1] in "|]/)☐☒☑":
        found = trailing_mark(line)
        if found is not None:
            return "BOX_END", BoxEnd(found)
    return _TEXT


# "By: Icahn Enterprises G.P. Inc., its general partner": an entity acting through the
# signer on the next "By:" line, not a signature of its own.
_THROUGH = re.compile(
    r".*,?\s+its\s+(?:sole\s+|managing\s+|general\s+)?"
    r"(?:general\s+partner|partner|manager|member|trustee|attorney-in-fact)\b",
    re.IGNORECASE,
)
_MONTH_FIRST = frozenset("JFMASONDjfmasond")
# The columns of a signature line (``_columns``): words separated by single spaces. Two
# spaces or more (or a tab) separate columns ("/s/ Jane Roe     Director     May 17,
# 2010"), as a registration statement's signature table and a block with its date beside
# it print them.
_DATE_CELL = re.compile(r"(?:Dated?\s*:?\s*)?(\S.*?)\.?$", re.IGNORECASE)
_BY = re.compile(r"\*{0,2}\s*By\s*:\s*", re.IGNORECASE)
# A column that only introduces the next one: "By:", "* By:", "Dated:", "Signature:", "/s/".
_JOINS = re.compile(r"\*{0,2}\s*By\s*:|Dated?\s*:|Signature\s*:|.*/s/", re.IGNORECASE)
_SIGNED = re.compile(r".*?/s/\s*", re.IGNORECASE)
# A person's printed name with the star that says an attorney-in-fact signed for them
# ("Stephen Cohen*", "John Ryan, M.D., Ph.D.**"): two to six capitalised words.
_STARRED_NAME = re.compile(r"([A-Z][A-Za-z.'’\-]*(?:,? [A-Z][A-Za-z.'’\-]*){1,5})\s*(\*{1,2})$")


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each column of a line; a column that only introduces the next
    ("By:", "*" before "By:", "Dated:", "Signature:", "/s/") joins it."""
    cells: list[tuple[int, str]] = []
    for start, cell in _columns(line):
        last = cells[-1][1] if cells else ""
        if cells and (_JOINS.fullmatch(last) or (last in ("*", "**") and _BY.match(cell))):
            cells[-1] = (cells[-1][0], last + " " + cell)
        else:
            cells.append((start, cell))
    return cells


def _columns(line: str) -> Iterator[tuple[int, str]]:
    """(start, text) of each run of words that single spaces join."""
    at, end = 0, len(line)
    while at < end:
        while at < end and line[at].isspace():
            at += 1
        if at == end:
            return
        start = at
        while at < end and not (
            line[at].isspace() and (at + 1 == end or line[at + 1].isspace() or line[at] != " ")
        ):
            at += 1
        yield start, line[start:at]


def _date_cell(text: str) -> bool:
    """A column that is a date, bare or after "Date:" / "Dated" ("May 17, 2010.")."""
    inner = _DATE_CELL.match(text)
    value = inner.group(1) if inner else text
    return bool(value) and value[0] in _MONTH_FIRST and values.DATE_RE.fullmatch(value) is not None


def _signer(line: str) -> Signer | None:
    """A signature line's payload, or None where the line signs nothing.

    Its columns are read left to right: a date column before or after the signing one
    dates the line; the signing column names the signer ("By: /s/ Jane Roe", a form's
    caption such as "By (Signature and Title)*" before "/s/", "Signature: Jane Roe", a
    lone "*" or "Jane Roe*" for a person an attorney-in-fact signed for, "*By: /s/ …"
    for the attorney-in-fact); the columns after it are the signer's title.
    """
    cells = _cells(line)
    dated = False
    while cells and _date_cell(cells[0][1]):
        cells.pop(0)
        dated = True
    if not cells:
        return None
    text = cells[0][1]
    rest = cells[1:]
    while rest and _date_cell(rest[-1][1]):
        rest.pop()
        dated = True
    attorney = text.startswith("*") and _BY.match(text) is not None
    signs = "/s/" in text.lower()
    if signs:
        name = _SIGNED.sub("", text, count=1)
    elif _BY.match(text):
        name = text[_BY.match(text).end() :]
    elif text.lower().startswith("signature:") and len(text) > 11:
        name = text[10:]
    elif text in ("*", "**") and dated:
        name = text
    else:
        starred = _STARRED_NAME.fullmatch(text)
        if starred is None or (rest and not dated):
            return None
        name = text
    name = name.strip()
    starred = not attorney and name.endswith("*")
    name = name.rstrip("*").strip()
    title = [cell for cell in rest if "/s/" not in cell[1].lower() and not _BY.match(cell[1])]
    return Signer(
        (
            name,
            dated,
            " ".join(cell[1] for cell in title),
            title[0][0] if title else -1,
            starred,
            attorney,
        )
    )


def read_signature_line(line: str) -> tuple[str, object] | None:
    """SIGNER (info: a Signer), SIG_FIELD or SIG_DATE for a line of a signature block.

    "By: …" or any line with "/s/" signs, and so do a signature table's rows ("/s/ Jane
    Roe*   Director   May 17, 2010", "*   Director   May 17, 2010") and a printed name
    with the star of an attorney-in-fact ("Jane Roe*"); "Date:" / "Dated:" dates the
    block, even with a "/s/" in it, unless a "By:" stands beside it ("Dated: May 17, 2010
    By: /s/ …", then the line signs and dates); a date beside a signing column dates it
    too; a line that is nothing but a date (the form's "(Date)" layout, or "Date May 17,
    2010") dates the block; "Name:" and "Title:" describe the signer. "By: <entity>, its
    general partner" is prose: the entity signs through the next "By:" line.
    """
    match = _SIG_FIELD.match(line)
    if match is not None:
        key = match.group(1).lower()
        value = match.group(2).strip()
        if key in ("date", "dated"):
            signer = _signer(line)
            if signer is not None and signer.dated and signer.name:
                return "SIGNER", signer
            return _PLAIN["SIG_DATE"]
        if key == "by" and "/s/" not in value.lower() and _THROUGH.match(value):
            return None
        if key in ("name", "title") and "/s/" not in line.lower():
            return "SIG_FIELD", SigField((key, value))
    stripped = line.strip()
    if stripped and _date_cell(stripped):
        return _PLAIN["SIG_DATE"]
    signer = _signer(line)
    if signer is None:
        return None
    return "SIGNER", signer


# A testimonium clause: the paragraph above the signatures that says the document is
# signed ("has duly caused this report to be signed on its behalf … in the City of Dover,
# on May 25, 1995."; "IN WITNESS WHEREOF, … executed as of this 30th day of April, 2023.").
_ATTESTS = re.compile(r"\b(?:signed|executed)\b", re.IGNORECASE)
_DATE_LEAD = re.compile(r"(?:\bon|\bas\s+of)(?:\s+(?:this|the))?\s+$", re.IGNORECASE)
_LATER_DATED = ("filed", "effective", "dated", "incorporated")


def _testimony(line: str) -> Testimony | None:
    """The date a line of the testimonium clause ends with: "on" or "as of" (and "this"
    or "the") before it, nothing but punctuation after; never a date the clause gives for
    another document ("filed on", "effective on", "dated as of")."""
    text = line.rstrip().rstrip(".,;")
    dates = list(values.DATE_RE.finditer(text))
    last = dates[-1] if dates else None
    if last is None or last.end() != len(text):
        return None
    lead = _DATE_LEAD.search(text, max(0, last.start() - 20), last.start())
    if lead is None:
        return None
    before = text[max(0, lead.start() - 40) : lead.start()].lower()
    if any(word in before.split()[-2:] for word in _LATER_DATED):
        return None
    return Testimony((last.start(),))


def _printed_name(line: str, signed: tuple[str, object]) -> bool:
    """A starred name right under a signing line is that signer's printed name ("By:" /
    "Jane Roe*", "/s/ Jane Roe" / "Jane Roe*"), not a signature of its own."""
    kind, info = signed
    return (
        kind == "SIGNER"
        and info.starred
        and not info.dated
        and "/s/" not in line.lower()
        and _BY.match(line.strip()) is None
    )


def classify(line: str) -> str:
    """The token type of one line, without regard to its neighbours."""
    return read_line(line)[0]


def tokenize(text: str) -> Iterator[Line]:
    """Yield one token per line (one per run of blank lines), with 1-based positions."""
    head_indent = -1  # an indented TEXT line deeper than this continues the head
    open_parens = 0  # a caption continues while its parenthesis is open
    offset = 0
    number = 0
    blank: Line | None = None  # a run of blank lines is one BLANK token
    signatures = False  # after a SIGNATURES heading, up to the next section heading
    exhibits = False  # after the exhibit item's heading or the index's, up to the next
    prose = 0  # prose lines in that section since its last exhibit entry
    listed = False  # the section has had an entry
    after_signer = False  # the line before was a SIGNER (a blank line ends that)
    attesting = False  # the paragraph says it is signed or executed (a blank line ends it)
    form_word = False  # the line before was only "FORM" (a title split over two lines)
    for line in text.split("\n"):
        number += 1
        kind, info = read_line(line)
        if kind == "BLANK":
            head_indent = -1
            open_parens = 0
            after_signer = False
            attesting = False
            if blank is None:
                blank = Line(
                    "BLANK", line, offset, number, 1, number, len(line) + 1, offset + len(line)
                )
            else:
                blank = Line(
                    "BLANK", blank + "\n" + line, blank.start_pos, blank.line, 1,
                    number, len(line) + 1, offset + len(line),
                )  # fmt: skip
            offset += len(line) + 1
            continue
        if blank is not None:
            yield blank
            blank = None
        if form_word and kind == "TEXT" and info is None:  # "FORM" / "8-K"
            title = _FORM_TITLE.match("FORM " + line.strip())
            if title is not None:
                kind, info = "TITLE", _title(title)
        form_word = line.strip().upper() == "FORM"
        indent = len(line) - len(line.lstrip())
        if (
            exhibits
            and prose < (_PROSE_AFTER_ENTRY if listed else _PROSE_BEFORE_ENTRY)
            and kind == "TEXT"
            and info is None
            and open_parens == 0
            and not 0 <= head_indent < indent
            and line.lstrip()[0] in _NUMBERED_FIRST
        ):
            numbered = _NUMBERED_LINE.match(line)
            if numbered:
                kind = "EXHIBIT"
                info = Exhibit(
                    (numbered.group(2), numbered.start(2), numbered.group(3), numbered.start(5))
                )
        if kind == "TEXT" and info is None and (open_parens > 0 or 0 <= head_indent < indent):
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
            if kind in _SECTION_HEADINGS:
                signatures = kind == "SIGNATURE_HEADING"
                exhibits = kind == "INDEX_HEADING" or (kind == "ITEM" and info.exhibits)
                prose, listed = 0, False
        if exhibits:
            if kind == "EXHIBIT":
                prose, listed = 0, True
            elif kind == "TEXT":
                prose += 1
        if signatures and kind not in _SECTION_HEADINGS:
            signed = read_signature_line(line)
            if signed is not None and not (after_signer and _printed_name(line, signed)):
                kind, info = signed
            elif kind in ("TEXT", "CONT"):
                attesting = attesting or _ATTESTS.search(line) is not None
                testimony = _testimony(line) if attesting else None
                if testimony is not None:
                    kind, info = "SIG_DATE", testimony
        after_signer = kind == "SIGNER"
        end = max(len(line.rstrip()), indent) + 1
        yield Line(kind, line, offset, number, indent + 1, number, end, offset + len(line), info)
        offset += len(line) + 1
    if blank is not None:
        yield blank


class LineLexer(Lexer):
    """Lark adapter: the grammar's terminals are the line types above."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: str) -> Iterator[Token]:  # type: ignore[override]
        return tokenize(data)
