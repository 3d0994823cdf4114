"""Read an HTML filing as the lines of an EDGAR ASCII filing, with a map back to the HTML.

The line grammar (``lines.py``) types each line by its shape, so HTML is laid out the way
ASCII filings are: block elements (``p``, ``div``, ``li``, ``h1``…, a table) are paragraphs,
each followed by a blank line whether or not the author put an empty paragraph there (so a
captioned field or a box label never runs into the paragraph before it; a caption stays
right under its value, as ASCII covers print it); ``br`` and ``tr`` start lines within
one; whitespace collapses, a paragraph of only ``&nbsp;`` is a blank line, and each table
row is one line (or a few, when a cell holds several) with its cells at fixed columns per
table, so a header row and the amounts under it line up as in an ASCII fee table and an
exhibit code cell followed by its description cell reads as an exhibit entry. Check boxes
become ``☐`` / ``☒``: the characters themselves, the Wingdings glyphs (the font, not the
character, makes them boxes) and a table cell holding only ``x`` next to its label.

Every character of the text maps back to the HTML (``HtmlText.source_offset``): to itself,
to the ``&`` of the entity that produced it, or, for layout this module inserted (newlines,
padding), to the next real character. The map is a sorted list of runs, searched by bisect.

Parser choice
-------------
An exact offset for every character is the requirement, so the parsers were measured for
what positions they give and how fast they are (``benchmarks/html_parsers.py``: Python
3.11.7, lxml 6.1.3, selectolax 1.0.2 with lexbor; median of 7 runs, 2-core machine):

===============================  =======  =======  ==========  ===========  ============
first document of                size     lxml     selectolax  html.parser  html_to_text
===============================  =======  =======  ==========  ===========  ============
485APOS 0001193125-24-100942     1.98 MB  32 ms    12 ms       127 ms       275 ms
SC TO-T/A 0001104659-25-002604   0.12 MB  1.6 ms   0.6 ms      10 ms        21 ms
===============================  =======  =======  ==========  ===========  ============

(lxml: ``lxml.html`` parse, network off, and a walk of the tree; selectolax: parse and a
walk of every node; html.parser: one pass with ``convert_charrefs=False`` asking
``getpos()`` at every event; html_to_text: this whole module.)

- lxml gives ``sourceline`` on elements only: no column, nothing for text or tails, and
  entities already decoded, so text could only be re-found in the HTML by searching,
  which is ambiguous (the same words in an attribute, an entity written two ways).
- selectolax (lexbor) exposes no source positions at all.
- ``html.parser`` (stdlib) reports every start tag, end tag, text chunk, entity and
  character reference as it meets it, and ``getpos()`` gives the exact line and column of
  each; with ``convert_charrefs=False`` text arrives raw, so every character's offset is
  known and each entity's ``&`` is its origin. It is pure Python and ~10x slower than the
  C parsers, yet a 2 MB document converts in about 0.3 s all told; it adds no dependency
  and never touches the network or expands external entities (it reads no DTD at all).

``html.parser``'s events were used until issue 11 found it quadratic on malformed markup
(an unclosed tag, comment or declaration makes it rescan the rest of the document from
every later ``<``); its place is taken by ``html_tokens.Tokenizer``, a tokenizer of the
same events that follows the HTML standard's tokenizer (an unclosed comment runs to the
end, a tag the document ends inside is dropped, as a browser does) and reads each
character once. It builds no tree either, so the little structure needed — tables, rows
and cells (with implied ends), the inherited font, skipped elements — is tracked here,
with the open elements indexed by name so an end tag never walks the stack.

Boxes: ``☐ ☒ ☑`` (``&#9744; &#9746; &#9745;``) as they are; in the font Wingdings (first
family of ``face`` or CSS ``font-family``/``font``), ``¨`` (0xA8, ``&uml;``), ``o`` and
``q`` are empty boxes and ``x``, ``ý`` (0xFD), ``þ`` (0xFE) checked ones. Wingdings 2/3
and Webdings place other glyphs at those codes and are not read as boxes.

Tables: a ``$`` alone in its cell joins the amount in the next cell (``$203.00``), as
ASCII tables print it; column widths come from the widest cell, colspans widen the last
column they cover, rowspans push later cells right; cell alignment is ignored (every cell
starts at its column) and nothing wraps. Not done: CSS ``display: none`` (other than
``ix:header``), borders and ``<hr>`` as rule lines, page-break markers, list bullets.
"""

from __future__ import annotations

import bisect
import re
from html import unescape

from filinglint.linter.html_tokens import Tokenizer
from filinglint.linter.lines import tokenize

__all__ = ["CHECKED", "UNCHECKED", "HtmlText", "html_to_text"]

UNCHECKED = "☐"
CHECKED = "☒"

_WINGDINGS_BOXES = {
    "\u00a8": UNCHECKED,  # ¨ — Wingdings 0xA8, a white square
    "o": UNCHECKED,  # Wingdings 0x6F, a white square
    "q": UNCHECKED,  # Wingdings 0x71, a shadowed white square
    "x": CHECKED,  # Wingdings 0x78, a ballot box with x
    "\u00fd": CHECKED,  # ý — Wingdings 0xFD, a ballot box with x
    "\u00fe": CHECKED,  # þ — Wingdings 0xFE, a ballot box with check
}
_CELL_BOXES = {"x": CHECKED, "X": CHECKED, "\u00a8": UNCHECKED}

_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "section", "summary", "ul",
))  # fmt: skip
_VOID_TAGS = frozenset((
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
))  # fmt: skip
# Content never shown: scripts, styles, the document title, hidden Inline XBRL facts.
_SKIP_TAGS = frozenset(("script", "style", "title", "ix:header", "template"))
# Spans are capped as browsers cap them (the HTML standard: colspan ≤ 1000, rowspan ≤
# 65534); a table's layout costs at most _LAYOUT_STEPS_PER_CELL steps per cell.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
_LAYOUT_STEPS_PER_CELL = 64

# Within a text chunk: whitespace that does not stand for exactly one space, spaces that
# never collapse (no-break, en, em, thin…), invisible characters, control characters.
_IRREGULAR = re.compile(
    r"([ \t\n\r\f]{2,}|[\t\n\r\f])"
    r"|([\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])"
    r"|[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]"
)
_PRE_SPECIAL = re.compile(
    r"(\r\n|\n|\r)|([\u00a0\u2000-\u200a\u202f\u205f\u3000])"
    r"|[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_FONT_DECLARATION = re.compile(r"(?:^|;)\s*(font-family|font)\s*:\s*([^;]*)", re.IGNORECASE)
# ``font: [style] [weight] size[/line-height] family, …``: the families follow the size.
_SHORTHAND_FAMILY = re.compile(
    r"^(?:.*?\s)?[\d.]+(?:px|pt|pc|em|rem|ex|ch|in|cm|mm|q|vw|vh|%)(?:\s*/\s*\S+)?\s+(\S.*)$",
    re.IGNORECASE,
)

# A piece of output text: (text, source offset of its first character, step). Step 1: the
# characters copy the HTML one for one; step 0: all of them come from the one place
# (an entity, a box glyph, a collapsed run of whitespace). Offset -1: inserted layout.
Piece = tuple[str, int, int]
LAYOUT = -1


class HtmlText:
    """The text of an HTML document as lines, and the offset map back into the HTML."""

    __slots__ = ("_size", "_sources", "_starts", "_steps", "text")

    def __init__(self, text: str, starts: list[int], sources: list[int], steps: bytes, size: int):
        self.text = text
        self._starts = starts
        self._sources = sources
        self._steps = steps
        self._size = size

    def source_offset(self, text_offset: int) -> int:
        """The offset in the HTML of the character at ``text_offset`` in ``text``.

        A character produced by an entity maps to the entity's ``&``; inserted layout
        (newlines, padding) to the next real character; the end of the text (or beyond)
        to the end of the HTML.
        """
        if text_offset < 0:
            raise IndexError(f"negative text offset {text_offset}")
        if text_offset >= len(self.text):
            return self._size
        index = bisect.bisect_right(self._starts, text_offset) - 1
        return self._sources[index] + (text_offset - self._starts[index]) * self._steps[index]

    @property
    def run_count(self) -> int:
        """How many runs the offset map holds (its size, for tests and benchmarks)."""
        return len(self._starts)

    def __repr__(self) -> str:
        return f"HtmlText({len(self.text)} characters, {len(self._starts)} runs)"


def html_to_text(html: str) -> HtmlText:
    """Lay ``html`` out as the lines of an ASCII filing, keeping every character's origin."""
    reader = _Reader(html)
    reader.run()
    return _assemble(reader.lines(), len(html))


# --- output lines --------------------------------------------------------------------


class _Flow:
    """Lines being written: one for the document, one per open table cell."""

    __slots__ = ("after_space", "gaps", "line", "lines", "space", "touched")

    def __init__(self) -> None:
        self.gaps: list[int] = []  # indexes in lines of the blank lines block edges left
        self.lines: list[list[Piece]] = []
        self.line: list[Piece] = []
        self.space = LAYOUT  # source of a collapsed space waiting for the next word
        self.after_space = True  # at a line start, or the last character is a space
        self.touched = False  # anything at all was written (a cell of only &nbsp; too)

    def add(self, text: str, source: int, step: int) -> None:
        """Text with at most single spaces in it (each a real, collapsible space)."""
        if text[0] == " " and self.after_space:
            text = text[1:]
            source += step
            if not text:
                return
        elif self.space != LAYOUT and text[0] != " ":
            self.line.append((" ", self.space, 1))
        self.space = LAYOUT
        self.line.append((text, source, step))
        self.after_space = text[-1] == " "
        self.touched = True

    def whitespace(self, source: int) -> None:
        """A run of collapsible whitespace: one space, if a word follows on this line."""
        if self.line and not self.after_space:
            self.space = source

    def hard_space(self, source: int) -> None:
        """A space that never collapses (``&nbsp;`` and its kin)."""
        if self.space != LAYOUT:
            self.line.append((" ", self.space, 1))
            self.space = LAYOUT
        self.line.append((" ", source, 1))
        self.after_space = True
        self.touched = True

    def raw(self, text: str, source: int, step: int) -> None:
        """Text kept exactly as it is (inside ``pre``)."""
        self.space = LAYOUT
        self.line.append((text, source, step))
        self.after_space = text[-1] == " "
        self.touched = True

    def end_block(self) -> None:
        """A block edge: close the line and leave a blank line after it, so the line
        readers see where one paragraph ends and the next begins, as in an ASCII filing
        (an HTML filing seldom separates its paragraphs with empty ones)."""
        self.end_line()
        if self.lines and self.lines[-1] and not self.line:
            self.gaps.append(len(self.lines))
            self.lines.append([])

    def end_line(self, hard: bool = False) -> None:
        """Close the current line; a soft break (a block edge) adds no empty line."""
        line = self.line
        if hard and not line and self.gaps and self.gaps[-1] == len(self.lines) - 1:
            # An empty paragraph (or a <br>) right after a block edge: it is the blank
            # line the edge left, which is now the author's own.
            self.gaps.pop()
            self.space = LAYOUT
            self.after_space = True
            return
        if line or hard:
            while line and not line[-1][0].strip(" "):
                line.pop()
            if line:
                text, source, step = line[-1]
                stripped = text.rstrip(" ")
                if len(stripped) != len(text):
                    line[-1] = (stripped, source, step)
            self.lines.append(line)
            self.line = []
        self.space = LAYOUT
        self.after_space = True


class _Cell:
    __slots__ = ("colspan", "flow", "full", "rowspan")

    def __init__(self, colspan: int = 1, rowspan: int = 1, full: bool = False) -> None:
        self.flow = _Flow()
        self.colspan = colspan
        self.rowspan = rowspan
        self.full = full  # a caption: its own line, no column


class _Table:
    __slots__ = ("cell", "depth", "parent", "row", "row_depth", "rows")

    def __init__(self, parent: _Flow, depth: int) -> None:
        self.parent = parent  # where the laid-out rows go, and stray text in the table
        self.depth = depth  # element-stack depth outside the table
        self.rows: list[list[_Cell]] = []
        self.row: list[_Cell] | None = None
        self.cell: _Cell | None = None
        self.row_depth = depth + 1


# --- reading -------------------------------------------------------------------------


class _Reader(Tokenizer):
    """Tokens → flows of pieces, with the state a tree would have given."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.document = _Flow()
        self.flow = self.document
        self.tables: list[_Table] = []
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, in Wingdings)
        # Where each tag name stands in the stack, innermost last: an end tag finds its
        # element without walking the stack (a run of stray end tags stays linear).
        self.open_at: dict[str, list[int]] = {}
        self.wingdings = False
        self.skip: str | None = None
        self.skip_depth = 0
        self.pre = 0
        self.pre_start = False

    def run(self) -> None:
        self.tokenize(self.html)
        while self.tables:
            self._end_table()
        self.flow.end_line()

    def lines(self) -> list[list[Piece]]:
        """The document's lines; a caption stays right under the value it names.

        A cover prints a field's value with its caption right under it ("Lakeview
        Partners" / "(Name of Subject Company)"); in HTML they are two paragraphs, so the
        blank line between them is taken out again where the line lexer reads the
        second as a caption.
        """
        lines = self.document.lines
        drop = set()
        for index in self.document.gaps:
            following = index + 1
            if following < len(lines) and lines[following]:
                line = "".join(text for text, _, _ in lines[following])
                if next(tokenize(line)).type == "CAPTION":  # the lexer's own reading
                    drop.add(index)
            else:
                drop.add(index)  # at the end, or before a blank line anyway
        if not drop:
            return lines
        return [line for index, line in enumerate(lines) if index not in drop]

    def _offset(self) -> int:
        return self.at

    # --- tags --------------------------------------------------------------------------

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skip is not None:
            if tag == self.skip:
                self.skip_depth += 1
            elif self.skip == "title" and tag == "body":
                self.skip = None  # an unclosed <title> ends with the head
            return
        if tag in _SKIP_TAGS:
            self.skip, self.skip_depth = tag, 1
            return
        if tag in ("td", "th"):
            self._start_cell(attrs)
        elif tag == "tr":
            self._start_row()
        elif tag == "table":
            self._end_block()
            self.tables.append(_Table(self.flow, len(self.stack)))
        elif tag == "caption":
            self._start_cell([], full=True)
        elif tag == "br":
            self.flow.end_line(hard=True)
        elif tag == "pre":
            self.flow.end_line()
            self.pre += 1
            self.pre_start = True
        elif tag in _BLOCK_TAGS:
            self._end_block()
        if tag not in _VOID_TAGS:
            self.open_at.setdefault(tag, []).append(len(self.stack))
            self.stack.append((tag, self._font(attrs)))
            self.wingdings = self.stack[-1][1]

    def handle_endtag(self, tag: str) -> None:
        if self.skip is not None:
            if tag == self.skip:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip = None
            elif self.skip == "title" and tag == "head":
                self.skip = None
            return
        table = self.tables[-1] if self.tables else None
        if tag in ("td", "th", "caption"):
            if table is not None and table.cell is not None:
                self._end_cell(table)
                self._truncate(table.row_depth)
            return
        if tag == "tr":
            if table is not None:
                self._end_row(table)
                self._truncate(table.depth + 1)
            return
        if tag == "table":
            if table is not None:
                self._end_table()
            return
        if tag == "br":
            self.flow.end_line(hard=True)
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
            self.flow.end_line()
        elif tag in _BLOCK_TAGS:
            self._end_block()
        floor = table.depth + 1 if table is not None else 0
        positions = self.open_at.get(tag)
        if positions and positions[-1] >= floor:
            self._truncate(positions[-1])

    def _end_block(self) -> None:
        """A block edge: a blank line between paragraphs of the document; inside a table
        cell, whose lines stack in its column, a new line only."""
        if self.flow is self.document:
            self.flow.end_block()
        else:
            self.flow.end_line()

    def _truncate(self, depth: int) -> None:
        stack = self.stack
        while len(stack) > depth:
            self.open_at[stack.pop()[0]].pop()
        self.wingdings = stack[-1][1] if stack else False

    def _font(self, attrs: list) -> bool:
        """Whether this element's text is in Wingdings (inherited unless it names a font)."""
        family = None
        for name, value in attrs:
            if not value:
                continue
            if name == "face":
                family = _first_family(value)
            elif name == "style" and "font" in value.lower():
                for match in _FONT_DECLARATION.finditer(value):
                    families = match.group(2)
                    if match.group(1).lower() == "font":
                        shorthand = _SHORTHAND_FAMILY.search(families.strip())
                        if shorthand is None:
                            continue
                        families = shorthand.group(1)
                    family = _first_family(families)
        if family is None:
            return self.wingdings
        return family == "wingdings"

    # --- tables ------------------------------------------------------------------------

    def _start_row(self) -> None:
        table = self.tables[-1] if self.tables else None
        if table is None:
            self.flow.end_line()
            return
        self._end_row(table)
        self._truncate(table.depth + 1)
        table.row = []
        table.row_depth = len(self.stack) + 1  # the <tr> about to be pushed

    def _start_cell(self, attrs: list, full: bool = False) -> None:
        table = self.tables[-1] if self.tables else None
        if table is None:
            self.flow.end_line()
            return
        if full:
            self._end_row(table)
        if table.cell is not None:
            self._end_cell(table)
        if table.row is None:
            table.row = []
            table.row_depth = table.depth + 1
        self._truncate(table.row_depth)
        colspan = rowspan = 1
        for name, value in attrs:
            if name in ("colspan", "rowspan") and value:
                digits = re.match(r"\s*(\d+)", value)
                if digits is None:
                    continue
                # (a long digit string would overflow int()'s digit limit: it is a cap)
                number = max(int(digits.group(1)[:9]), 1) if len(digits.group(1)) < 10 else 10**9
                if name == "colspan":
                    colspan = min(number, _MAX_COLSPAN)
                else:
                    rowspan = min(number, _MAX_ROWSPAN)
        cell = _Cell(colspan, rowspan, full)
        table.row.append(cell)
        table.cell = cell
        self.flow = cell.flow

    def _end_cell(self, table: _Table) -> None:
        cell = table.cell
        if cell is None:
            return
        cell.flow.end_line()
        table.cell = None
        self.flow = table.parent
        if cell.full:
            self._end_row(table)

    def _end_row(self, table: _Table) -> None:
        self._end_cell(table)
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None

    def _end_table(self) -> None:
        table = self.tables.pop()
        self._end_row(table)
        self._truncate(table.depth)
        self.flow = table.parent
        self.flow.end_line()
        self.flow.lines.extend(_layout(table.rows))
        if self.flow is self.document:
            self.flow.end_block()  # a table is a block: the next paragraph is another

    # --- text --------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skip is not None:
            return
        start = self._offset()
        text = self.html[start : start + len(data)]
        if self.pre:
            self._pre_text(text, start, 1)
        else:
            self._text(text, start, 1)

    def handle_entityref(self, name: str) -> None:
        if self.skip is not None:
            return
        start = self._offset()
        end = start + 1 + len(name)
        if self.html.startswith(";", end):
            end += 1
        raw = self.html[start:end]
        value = unescape(raw)
        step = 1 if value == raw else 0  # an unknown name stays as written
        if self.pre:
            self._pre_text(value, start, step)
        else:
            self._text(value, start, step)

    def handle_charref(self, name: str) -> None:
        if self.skip is not None:
            return
        start = self._offset()
        end = start + 2 + len(name)
        if self.html.startswith(";", end):
            end += 1
        value = unescape(self.html[start:end])
        if self.pre:
            self._pre_text(value, start, 0)
        else:
            self._text(value, start, 0)

    def _text(self, text: str, source: int, step: int) -> None:
        flow = self.flow
        if self.wingdings:
            self._wingdings(text, source, step)
            return
        position = 0
        for match in _IRREGULAR.finditer(text):
            begin = match.start()
            if begin > position:
                flow.add(text[position:begin], source + position * step, step)
            if match.group(1) is not None:
                space = match.group(1).find(" ")
                flow.whitespace(source + (begin + max(space, 0)) * step)
            elif match.group(2) is not None:
                flow.hard_space(source + begin * step)
            position = match.end()
        if position < len(text):
            flow.add(text[position:], source + position * step, step)

    def _wingdings(self, text: str, source: int, step: int) -> None:
        position = 0
        for index, char in enumerate(text):
            box = _WINGDINGS_BOXES.get(char)
            if box is None:
                continue
            if index > position:
                self._plain(text[position:index], source + position * step, step)
            self.flow.add(box, source + index * step, 0)
            position = index + 1
        if position < len(text):
            self._plain(text[position:], source + position * step, step)

    def _plain(self, text: str, source: int, step: int) -> None:
        wingdings, self.wingdings = self.wingdings, False
        self._text(text, source, step)
        self.wingdings = wingdings

    def _pre_text(self, text: str, source: int, step: int) -> None:
        flow = self.flow
        position = 0
        if self.pre_start:
            self.pre_start = False
            if text.startswith("\r\n"):
                position = 2
            elif text.startswith(("\n", "\r")):
                position = 1
        for match in _PRE_SPECIAL.finditer(text, position):
            begin = match.start()
            if begin > position:
                flow.raw(text[position:begin], source + position * step, step)
            if match.group(1) is not None:
                flow.end_line(hard=True)
            elif match.group(2) is not None:
                flow.hard_space(source + begin * step)
            position = match.end()
        if position < len(text):
            flow.raw(text[position:], source + position * step, step)


def _first_family(families: str) -> str:
    """``"'Wingdings', serif"`` → ``wingdings``: the first font family, normalized."""
    first = families.split(",", 1)[0].strip().strip("'\"").strip()
    return " ".join(first.lower().split())


# --- tables --------------------------------------------------------------------------


def _strip(pieces: list[Piece]) -> list[Piece]:
    """A cell line without leading spaces (trailing ones are gone already)."""
    first = 0
    while first < len(pieces) and not pieces[first][0].strip(" "):
        first += 1
    pieces = pieces[first:]
    if pieces:
        text, source, step = pieces[0]
        stripped = text.lstrip(" ")
        if len(stripped) != len(text):
            pieces[0] = (stripped, source + (len(text) - len(stripped)) * step, step)
    return pieces


def _cell_lines(cell: _Cell) -> list[list[Piece]]:
    """The cell's lines, left-aligned, without blank lines before or after."""
    lines = [_strip(line) for line in cell.flow.lines]
    while lines and not lines[-1]:
        lines.pop()
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    return lines[start:]


def _width(line: list[Piece]) -> int:
    return sum(len(text) for text, _, _ in line)


def _cell_box(lines: list[list[Piece]]) -> list[list[Piece]] | None:
    """A cell of only ``x``/``X`` (checked) or ``¨`` (empty), as a box, else None."""
    if len(lines) != 1 or len(lines[0]) != 1:
        return None
    text, source, _ = lines[0][0]
    box = _CELL_BOXES.get(text)
    return None if box is None else [[(box, source, 0)]]


def _row_entries(row: list[_Cell]) -> list[tuple[int, int, bool, list[list[Piece]]]]:
    """(colspan, rowspan, full, lines) of each cell, boxes read, ``$`` cells joined.

    A cell of only ``x`` beside a label is a checked box. A ``$`` alone in its cell is
    joined to the amount in the next cell ("$" | "203.00" → "$203.00", spanning both
    columns), as an ASCII table prints it, so the amount reads as money.
    """
    contents = [_cell_lines(cell) for cell in row]
    labelled = sum(1 for lines in contents if lines) > 1
    entries = []
    index = 0
    while index < len(row):
        cell, lines = row[index], contents[index]
        if labelled:
            lines = _cell_box(lines) or lines
        colspan = cell.colspan
        following = index + 1 < len(row) and not row[index + 1].full and contents[index + 1]
        if (
            following
            and not cell.full
            and len(lines) == 1
            and len(lines[0]) == 1
            and lines[0][0][0] == "$"
            and contents[index + 1][0][0][0][:1].isdigit()
        ):
            after = contents[index + 1]
            lines = [[lines[0][0], *after[0]], *after[1:]]
            colspan += row[index + 1].colspan
            index += 1
        entries.append((colspan, cell.rowspan, cell.full, lines))
        index += 1
    return entries


class _Widths:
    """Column widths with range sums: a Fenwick tree of widths and one of non-empty
    columns, and the sorted non-empty columns, so that widening a spanned column costs
    O(log columns) however many columns the span covers."""

    __slots__ = ("_counts", "_filled", "_sums", "_widths")

    def __init__(self, size: int) -> None:
        self._widths = [0] * size
        self._sums = [0] * (size + 1)
        self._counts = [0] * (size + 1)
        self._filled: list[int] = []  # indexes with a width, sorted

    def get(self, index: int) -> int:
        return self._widths[index]

    def widen(self, index: int, width: int) -> None:
        """Make column ``index`` at least ``width`` wide."""
        old = self._widths[index]
        if width <= old:
            return
        self._widths[index] = width
        self._add(self._sums, index, width - old)
        if not old:
            self._add(self._counts, index, 1)
            bisect.insort(self._filled, index)

    def covered(self, first: int, end: int) -> tuple[int, int, int]:
        """(non-empty columns, their total width, the last of them or -1) in [first, end)."""
        count = self._total(self._counts, end) - self._total(self._counts, first)
        total = self._total(self._sums, end) - self._total(self._sums, first)
        at = bisect.bisect_left(self._filled, end) - 1
        last = self._filled[at] if at >= 0 and self._filled[at] >= first else -1
        return count, total, last

    @staticmethod
    def _add(tree: list[int], index: int, delta: int) -> None:
        index += 1
        while index < len(tree):
            tree[index] += delta
            index += index & -index

    @staticmethod
    def _total(tree: list[int], end: int) -> int:
        """Sum of the first ``end`` entries."""
        total = 0
        while end > 0:
            total += tree[end]
            end -= end & -end
        return total


def _layout(rows: list[list[_Cell]]) -> list[list[Piece]]:
    """Rows → lines, every column starting where the widest cell before it ends + 2.

    Linear in the number of cells whatever the spans: a rowspan marks the columns it
    covers with the row it ends before (nothing to count down per row), and once placing
    cells past rowspans has taken ``_LAYOUT_STEPS_PER_CELL`` steps per cell (no real table
    comes near), the table's remaining rows ignore rowspans. Widths live on the columns
    where some cell starts or ends (a colspan of 1000 is one column of the layout, not a
    thousand), and the widening of spanned columns uses running sums (``_Widths``).
    """
    placed: list[tuple[int, int, int, list[list[Piece]]]] = []  # row, column, colspan, lines
    blank_rows: set[int] = set()  # rows of &nbsp; only: a blank line each
    busy: list[int] = []  # per column: the first row that no rowspan above covers
    budget = _LAYOUT_STEPS_PER_CELL * sum(len(row) for row in rows) + 4096
    for number, row in enumerate(rows):
        if any(cell.flow.touched for cell in row):
            blank_rows.add(number)
        column = 0
        for colspan, rowspan, full, lines in _row_entries(row):
            if full:
                placed.append((number, -1, 0, lines))
                continue
            while column < len(busy) and busy[column] > number:
                column += 1
                budget -= 1
            placed.append((number, column, colspan, lines))
            if rowspan > 1 and budget > 0:
                if len(busy) < column + colspan:
                    busy.extend([0] * (column + colspan - len(busy)))
                until = number + rowspan
                for index in range(column, column + colspan):
                    if busy[index] < until:
                        busy[index] = until
                budget -= colspan
            column += colspan
        if budget <= 0:
            busy = []  # too costly a table: rowspans no longer push cells right

    edges = sorted(
        {0, *(c for _, c, _, _ in placed if c >= 0)}
        | {c + span for _, c, span, _ in placed if c >= 0}
    )
    segment = {edge: index for index, edge in enumerate(edges)}
    widths = _Widths(len(edges))
    wide: dict[tuple[int, int], int] = {}  # (first, last segment) → widest content
    for _, column, colspan, lines in placed:
        if column < 0 or not lines:
            continue
        width = max(_width(line) for line in lines)
        first, end = segment[column], segment[column + colspan]
        if colspan == 1:
            widths.widen(first, width)
        elif wide.get((first, end), -1) < width:
            wide[(first, end)] = width
    # Narrowest spans first (in columns, as the cells gave them).
    for (first, end), width in sorted(
        wide.items(), key=lambda item: (edges[item[0][1]] - edges[item[0][0]], item[0][0])
    ):
        count, total, last = widths.covered(first, end)
        have = total + 2 * max(count - 1, 0)
        if have < width:
            target = last if last >= 0 else first
            widths.widen(target, widths.get(target) + width - have)
    column_start: dict[int, int] = {}
    position = 0
    for index, edge in enumerate(edges):  # an empty column takes no room
        column_start[edge] = position
        width = widths.get(index)
        position += width + 2 if width else 0
    starts = column_start

    by_row: dict[int, list[tuple[int, list[list[Piece]]]]] = {}
    for number, column, _, lines in placed:
        if lines:
            by_row.setdefault(number, []).append((column, lines))
    out: list[list[Piece]] = []
    for number in range(len(rows)):
        cells = by_row.get(number)
        if not cells:
            if number in blank_rows:
                out.append([])
            continue
        for column, lines in cells:
            if column < 0:  # a caption: lines of their own
                out.extend(lines)
        ordered = sorted((c for c in cells if c[0] >= 0), key=lambda c: c[0])
        height = max((len(lines) for _, lines in ordered), default=0)
        for index in range(height):
            line: list[Piece] = []
            length = 0
            for column, lines in ordered:
                if index >= len(lines) or not lines[index]:
                    continue
                target = starts[column]
                if length < target:
                    line.append((" " * (target - length), LAYOUT, 0))
                    length = target
                elif length:
                    line.append(("  ", LAYOUT, 0))  # never glue two cells together
                    length += 2
                line.extend(lines[index])
                length += _width(lines[index])
            if line:
                out.append(line)
    return out


# --- the offset map ------------------------------------------------------------------


def _assemble(lines: list[list[Piece]], size: int) -> HtmlText:
    pieces: list[Piece] = []
    newline: Piece = ("\n", LAYOUT, 0)
    for number, line in enumerate(lines):
        if number:
            pieces.append(newline)
        pieces.extend(line)
    # Layout maps to the next real character: resolve from the end.
    following = size
    resolved: list[Piece] = [newline] * len(pieces)
    for index in range(len(pieces) - 1, -1, -1):
        text, source, step = pieces[index]
        if source == LAYOUT:
            resolved[index] = (text, following, 0)
        else:
            resolved[index] = (text, source, step if len(text) > 1 else 1)
            following = source
    starts: list[int] = []
    sources: list[int] = []
    steps = bytearray()
    position = 0
    last_end = -2  # source offset right after the last run when it copies (step 1)
    last_source = -2
    last_step = -1
    for text, source, step in resolved:
        if step == 1 and last_step == 1 and source == last_end:
            pass  # continues the previous run
        elif step == 0 and last_step == 0 and source == last_source:
            pass
        else:
            starts.append(position)
            sources.append(source)
            steps.append(step)
            last_step = step
            last_source = source
        position += len(text)
        last_end = source + len(text) if step == 1 else -2
    return HtmlText("".join(text for text, _, _ in resolved), starts, sources, bytes(steps), size)
