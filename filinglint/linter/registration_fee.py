"""A registration statement's CALCULATION OF REGISTRATION FEE table, row by row.

Until the 2022 fee-exhibit rules, every Securities Act registration statement (S-1,
S-3, S-4, S-8, F-1, F-3, F-4) and many 424B prospectuses opened with a table of one
row per class of securities: title of the class, amount to be registered, proposed
maximum offering price per unit, proposed maximum aggregate offering price, amount of
registration fee; then often a Total row and footnotes (Rule 457(a)/(c)/(g)/(i)/(o)/(r),
"previously paid"). ASCII filings draw it with ``=``/``-`` rules; HTML ones are laid
out by ``html.py`` as aligned columns, so one reader serves both.

How it reads, and why it refuses:

- The header is the lines above the first row with a value. Split at runs of two or
  more spaces, its pieces are stacked into columns by horizontal overlap ("Proposed" /
  "Maximum" / "Aggregate" / "Offering Price"), and each column is named by its words:
  ``fee``, ``price`` (per unit or share), ``aggregate``, ``title``, ``amount``. A
  header without a fee and an aggregate column, or with a name twice (an Exhibit 107
  table with "Fee Rate" beside "Amount of Registration Fee"), is not read.
- A row's cells are again the pieces between wide gaps: the leading pieces that are
  not values make the title (so "par value $0.001 per share" stays in the title), and
  every later piece must be a value (an amount with glued markers: "$94,058*",
  "$28,750,000(1)(2)", "4,550,000 shares") or an empty cell ("—", "N/A", "(3)").
  Each value goes to the column it sits under (overlap, then distance of centres); two
  values under one column, or a word where a value must be, makes the table unread.
- Rows end at the footnotes, after the Total row, or at prose; a values-less line that
  starts in lower case, or a values line with no title of its own, continues the row
  above.

A table it cannot read still becomes a node, with ``unread`` saying why and no rows:
a table the reader does not understand must never produce a finding.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from lark import Token

from filinglint.linter import values
from filinglint.linter.ast import (
    FeeRate,
    Money,
    Note,
    Quantity,
    RegistrationFeeRow,
    RegistrationFeeTable,
    merge_spans,
)
from filinglint.linter.fee_table import stated_rates
from filinglint.linter.joined import Joined
from filinglint.linter.place import Place
from filinglint.linter.runs import (
    Run,
    build_note,
    line_span,
    piece,
    run_joined,
    split_markers,
    token_span,
)

__all__ = ["build_registration_fee_table", "is_registration_table"]

_GAP = re.compile(r"\S+(?: \S+)*")  # the pieces of a line between runs of 2+ spaces
_REGISTRATION_WORDS = re.compile(
    r"title\s+of\s+(?:each\s+)?class|to\s+be\s+registered|proposed\s+maximum"
    r"|price\s+per\s+(?:unit|share)|registration\s+fee",
    re.IGNORECASE,
)
# A 2022+ fee exhibit (Exhibit 107, "Calculation of Filing Fee Tables") has its own
# reader; its columns name the fee rule and the security type.
_EXHIBIT_WORDS = re.compile(
    r"fee\s+calculation\s+(?:or\s+carry\s+forward\s+)?rule|security\s+type|fee\s+rate",
    re.IGNORECASE,
)
_ROLES = (
    ("fee", re.compile(r"\bfees?\b", re.IGNORECASE)),
    ("price", re.compile(r"\bper\s+(?:unit|share|security|note|warrant|right|debenture)", re.I)),
    ("aggregate", re.compile(r"\baggregate\b", re.IGNORECASE)),
    ("title", re.compile(r"\btitle\b|\bclass\b", re.IGNORECASE)),
    ("amount", re.compile(r"\bamount\b|\bnumber\b|\bregistered\b", re.IGNORECASE)),
)
_MARKS = r"(?:\*+|†+|‡+|#+|\(\d{1,2}\)|\([a-z]\))"
_VALUE_CELL = re.compile(
    r"(?P<dollar>\$\s*)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<glued>(?:\s?" + _MARKS + r")*)"
    r"(?:\s+(?P<unit>shares?|units?|warrants?|rights?|notes?|securities|ADSs?)\b)?"
    r"(?P<after>(?:\s?" + _MARKS + r")*)"
)
_EMPTY_CELL = re.compile(
    r"(?:\$\s*)?(?:[-—–]+|N/?A|None|Not\s+applicable|\d+(?:\.\d+)?\s*%|" + _MARKS + r")"
    r"(?:\s?" + _MARKS + r")*",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"total\b", re.IGNORECASE)
_LEADERS = re.compile(r"[\s.…]+$")
_MAX_HEADER_LINES = 12
_MAX_ROWS = 40
_PROSE_WORDS = 15


def is_registration_table(run: Run) -> bool:
    """The fee table under this heading is a registration statement's (not a Schedule
    TO's, not a 2022+ Exhibit 107): its header names registration columns."""
    heading = run.tokens[0].value
    if re.search(r"tables?\s*$", heading, re.IGNORECASE):
        return False
    header = []
    for token in run.tokens[1 : 1 + 4 * _MAX_HEADER_LINES]:
        if token.type != "TEXT":
            continue
        if values.find_amounts(token.value) and header:
            break
        header.append(token.value)
    text = " ".join(header)
    return bool(_REGISTRATION_WORDS.search(text)) and not _EXHIBIT_WORDS.search(text)


class _Column:
    """A header column: its horizontal extent and its words, top to bottom."""

    __slots__ = ("end", "role", "start", "words")

    def __init__(self, start: int, end: int, words: str) -> None:
        self.start, self.end, self.words = start, end, [words]
        self.role: str | None = None

    def overlap(self, start: int, end: int) -> int:
        return min(end, self.end) - max(start, self.start)

    def affinity(self, start: int, end: int) -> tuple[int, float]:
        centre = abs((start + end) / 2 - (self.start + self.end) / 2)
        return max(self.overlap(start, end), 0), -centre


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each piece of a line between runs of two or more spaces."""
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(text)]


def _header_columns(lines: list[str]) -> list[_Column] | str:
    """The named columns of the header lines, left to right, or why they are not read."""
    columns: list[_Column] = []
    for text in lines:
        used: set[int] = set()
        for start, end, words in _pieces(text):
            if not words.strip("=-_~*| "):
                continue  # a rule drawn under a column head
            best = None
            for index, column in enumerate(columns):
                overlap = column.overlap(start, end)
                better = best is None or overlap > columns[best].overlap(start, end)
                if overlap > 0 and index not in used and better:
                    best = index
            if best is None:
                columns.append(_Column(start, end, words))
                used.add(len(columns) - 1)
            else:
                column = columns[best]
                column.start, column.end = min(column.start, start), max(column.end, end)
                column.words.append(words)
                used.add(best)
    columns.sort(key=lambda c: c.start)
    seen: set[str] = set()
    for column in columns:
        label = " ".join(column.words)
        role = next((name for name, pattern in _ROLES if pattern.search(label)), None)
        if role is None:
            return f"a column the reader cannot name: {label!r}"
        if role in seen:
            return f"two {role} columns"
        seen.add(role)
        column.role = role
    if not {"fee", "aggregate"} <= seen:
        return "no fee or no aggregate offering price column"
    if columns[0].role != "title":
        return "the first column is not the title of the class"
    return columns


class _Row:
    """A row being read: title pieces, and the cells under each column."""

    __slots__ = ("cells", "first", "indent", "last", "markers", "title")

    def __init__(self, token: Token, title: str, indent: int) -> None:
        self.first = self.last = token
        self.title = title
        self.indent = indent
        self.markers: list[str] = []
        self.cells: dict[str, Money | Quantity] = {}


def _split_title(title: str) -> tuple[str, list[str]]:
    """A title with its glued footnote markers taken off: ``Warrants(3)`` → ``Warrants``."""
    title = _LEADERS.sub("", title)
    markers: list[str] = []
    while True:
        match = re.search(r"\s?" + _MARKS + r"$", title)
        if match is None or match.start() == 0:
            break
        markers[:0] = split_markers(match.group(0).strip())
        title = _LEADERS.sub("", title[: match.start()])
    return title.strip(), markers


def _value(place: Place, token: Token, start: int, match: re.Match[str]) -> Money | Quantity:
    """The value of a cell: Money where written with ``$`` or under a money column."""
    number_start = start + (match.start("dollar") if match.group("dollar") else match.start(2))
    number_end = start + match.end("number")
    text = token.value[number_start:number_end]
    amount = Decimal(match.group("number").replace(",", ""))
    markers = tuple(split_markers(match.group("glued") + match.group("after")))
    span = line_span(place, token, number_start, number_end)
    if match.group("dollar"):
        return Money(span=span, amount=amount, text=text, markers=markers)
    return Quantity(span=span, value=amount, text=text, markers=markers)


def _read_row(
    place: Place, token: Token, columns: list[_Column]
) -> tuple[str, int, dict[str, Money | Quantity]] | str:
    """(title, indent, cells) of a table line, or why it is not a row of this table."""
    text = token.value
    pieces = _pieces(text)
    merged: list[tuple[int, int, str]] = []
    for start, end, words in pieces:  # a "$" in its own cell goes with the number after it
        if merged and merged[-1][2] == "$":
            merged[-1] = (merged[-1][0], end, text[merged[-1][0] : end])
        else:
            merged.append((start, end, words))
    title_parts: list[tuple[int, int, str]] = []
    cells: dict[str, Money | Quantity] = {}
    valued = False
    last: str | None = None  # the column of the last value, for markers after it
    for start, end, words in merged:
        match = _VALUE_CELL.fullmatch(words)
        empty = _EMPTY_CELL.fullmatch(words) if match is None else None
        if match is None and empty is None:
            if valued:
                return f"a word where a value should stand: {words!r}"
            title_parts.append((start, end, words))
            continue
        valued = True
        if match is None:  # an empty cell (a dash, N/A), or markers standing apart
            markers = split_markers(words)
            if last is not None and markers and "".join(markers) == words.replace(" ", ""):
                cells[last] = replace(cells[last], markers=cells[last].markers + tuple(markers))
            continue
        column = max(columns[1:], key=lambda c: c.affinity(start, end))
        if column.affinity(start, end)[0] <= 0 and _nearest_gap(columns, start, end):
            return f"a value under no column: {words!r}"
        if column.role in cells:
            return f"two values under the {column.role} column"
        value = _value(place, token, start, match)
        if column.role in ("price", "aggregate", "fee") and isinstance(value, Quantity):
            value = Money(
                span=value.span, amount=value.value, text=value.text, markers=value.markers
            )
        cells[column.role] = value
        last = column.role
    title = " ".join(words for _, _, words in title_parts)
    indent = title_parts[0][0] if title_parts else len(text) - len(text.lstrip())
    return title, indent, cells


def _nearest_gap(columns: list[_Column], start: int, end: int) -> bool:
    """The value lies wholly between two columns (or beyond the last), far from both."""
    distance = min(max(c.start - end, start - c.end) for c in columns[1:])
    return distance > 6


def build_registration_fee_table(place: Place, run: Run) -> RegistrationFeeTable:
    """The rows, total, notes and stated rate of the table under the heading (see above)."""
    heading: Token = run.tokens[0]
    body = run.tokens[1:]
    header: list[str] = []
    index = 0
    ruled: tuple[int, int] | None = None  # (index, header lines) at the last rule below words
    while index < len(body):
        token = body[index]
        if token.type == "note":
            break
        if token.type == "RULE" and header:
            ruled = (index + 1, len(header))
        if token.type == "TEXT":
            if values.find_amounts(token.value) and _has_value_cell(token.value):
                break
            header.append(token.value)
            if len(header) > _MAX_HEADER_LINES:
                break
        index += 1
    if ruled is not None and ruled[0] < index:
        # The rule under the column heads ends the header: the lines after it are rows
        # (a title wrapped above its values), not more heads.
        index, kept = ruled
        header = header[:kept]
    span = token_span(place, heading)
    columns = _header_columns(header)
    if isinstance(columns, str):
        return RegistrationFeeTable(span=span, unread=columns)
    rows: list[_Row] = []
    total: _Row | None = None
    end = index
    while end < len(body):
        token = body[end]
        if token.type == "note" or token.type in ("PAGE", "PAGE_NUMBER"):
            break
        if token.type != "TEXT":
            end += 1
            continue
        read = _read_row(place, token, columns)
        if isinstance(read, str):
            if rows and _is_prose(token.value):
                break  # running text after a table that ended without footnotes
            return RegistrationFeeTable(span=span, columns=_roles(columns), unread=read)
        title, indent, cells = read
        if not cells and _is_prose(token.value):
            break
        previous = rows[-1] if rows else None
        deeper = previous is not None and bool(title) and indent > previous.indent
        continues = (
            previous is not None
            and previous is not total
            and (
                (not cells and (title[:1].islower() or deeper))
                or (cells and not previous.cells and (not title[:1].isupper() or deeper))
            )
        )
        if continues:
            previous.title = f"{previous.title} {title}".strip()
            previous.cells.update(cells)
            previous.last = token
        else:
            row = _Row(token, title, indent)
            row.cells = cells
            rows.append(row)
            if _TOTAL.match(title):
                total = row
        if len(rows) > _MAX_ROWS:
            return RegistrationFeeTable(span=span, columns=_roles(columns), unread="too many rows")
        end += 1
        if total is not None:
            break
    notes = _notes(place, body[end:])
    table_end = rows[-1].last if rows else heading
    span = token_span(place, heading, table_end)
    if notes:
        span = merge_spans([span, notes[-1].span])
    built = [_build_row(place, row) for row in rows]
    total_row = built[rows.index(total)] if total is not None else None
    rates = _rates(place, header, body[:index], body[end:])
    distinct = {rate.value for rate in rates}
    return RegistrationFeeTable(
        span=span,
        columns=_roles(columns),
        rows=tuple(row for row in built if row is not total_row),
        total=total_row,
        rate=rates[0] if len(distinct) == 1 else None,
        rates=tuple(rates),
        notes=tuple(notes),
    )


def _has_value_cell(text: str) -> bool:
    """A line with a piece that is wholly a value: a row, not a header or a title line."""
    return any(_VALUE_CELL.fullmatch(words) for _, _, words in _pieces(text)[1:])


def _is_prose(text: str) -> bool:
    """A line of running text after the table (the table ended without notes)."""
    return len(text.split()) >= _PROSE_WORDS


def _roles(columns: list[_Column]) -> tuple[str, ...]:
    return tuple(column.role or "" for column in columns)


def _build_row(place: Place, row: _Row) -> RegistrationFeeRow:
    title, markers = _split_title(row.title)
    cells = row.cells
    amount = cells.get("amount")
    return RegistrationFeeRow(
        span=token_span(place, row.first, row.last),
        title=title,
        markers=tuple(markers),
        amount_registered=amount,
        price_per_unit=_money(cells.get("price")),
        aggregate=_money(cells.get("aggregate")),
        fee=_money(cells.get("fee")),
    )


def _money(value: Money | Quantity | None) -> Money | None:
    return value if isinstance(value, Money) else None


def _notes(place: Place, rest: list) -> list[Note]:
    """The footnotes right after the table: note runs with blank lines between them."""
    notes = []
    for part in rest:
        if isinstance(part, Run) and part.type == "note":
            notes.append(build_note(place, part))
        elif getattr(part, "type", None) == "BLANK":
            continue
        elif notes or getattr(part, "type", None) != "RULE":
            break
    return notes


def _rates(place: Place, header: list[str], head: list, rest: list) -> list[FeeRate]:
    """Every rate the header lines and the footnotes state ("$109.10 per $1,000,000",
    "multiplied by 0.0001091"), by the strict reading that never takes a par value."""
    texts = [Joined([piece(t) for t in head if getattr(t, "type", None) == "TEXT"])]
    for part in rest:
        if isinstance(part, Run) and part.type == "note":
            texts.append(run_joined(part))
        elif getattr(part, "type", None) not in ("BLANK", "RULE"):
            break
    return stated_rates(place, texts)


def describe(table: RegistrationFeeTable) -> list[str]:
    """What ``filinglint parse`` shows of the table: one line per row, as a human reads it."""
    if table.unread is not None:
        return [f"registration fee table: not read ({table.unread})"]
    rate = table.rate.text if table.rate else ("several" if table.rates else "not stated")
    lines = [f"registration fee table: columns {', '.join(table.columns)}; rate {rate}"]
    for row in (*table.rows, *((table.total,) if table.total else ())):
        cells = [
            (name, value.text if value is not None else "-")
            for name, value in (
                ("amount", row.amount_registered),
                ("price", row.price_per_unit),
                ("aggregate", row.aggregate),
                ("fee", row.fee),
            )
        ]
        markers = "".join(row.markers)
        shown = "  ".join(f"{name} {text}" for name, text in cells)
        lines.append(f"  row {row.title!r}{' ' + markers if markers else ''}: {shown}")
    lines.extend(f"  note {note.marker} {note.text[:70]}" for note in table.notes)
    return lines
