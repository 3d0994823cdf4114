"""Read a filing-fee exhibit filed as plain HTML (Exhibit 107 without Inline XBRL).

From 2022 the fee table of a registration statement or prospectus is an exhibit
("Calculation of Filing Fee Tables", Item 601(b)(107) of Regulation S-K, EDGAR type
``EX-FILING FEES``). Until Inline XBRL tagging became mandatory many filers filed it as a
plain HTML table laid out as the form prescribes; ``read_html_fee_exhibit`` reads that
layout into the same :class:`~filinglint.linter.ast.FeeExhibit` the Inline XBRL reader
makes, with the same ``ffd:`` concept names, so the FFX rules check both alike:

- Table 1 (newly registered and carry-forward securities): a header row names the
  columns (Security Type, Security Class Title, Fee Calculation or Carry Forward Rule,
  Amount Registered, Proposed Maximum Offering Price Per Unit, Maximum Aggregate Offering
  Price, Fee Rate, Amount of Registration Fee, the carry-forward columns; for an Exchange
  Act table Transaction Valuation and Amount of Filing Fee). Each later row with a value
  under one of them is an ``"offering"`` row, numbered in order. The rule column sets the
  flag fact Inline XBRL would carry (``457(o)`` → ``ffd:Rule457oFlg``, ``415(a)(6)`` →
  ``ffd:Rule415a6Flg``, ``0-11`` → ``ffd:Rule011Flg``, any other rule →
  ``ffd:FeesOthrRuleFlg``), and the section label ("Fees to Be Paid", "Fees Previously
  Paid", "Carry Forward Securities") sets ``ffd:PrevslyPdFlg`` or ``ffd:Rule415a6Flg``.
- The totals rows ("Total Offering Amounts", "Total Fees Previously Paid", "Total Fee
  Offsets", "Net Fee Due", "Total Transaction Valuation", "Total Fees Due for Filing")
  make the one ``"totals"`` row (``ffd:TtlOfferingAmt``, ``ffd:TtlFeeAmt``,
  ``ffd:TtlPrevslyPdAmt``, ``ffd:TtlOffsetAmt``, ``ffd:NetFeeAmt``, ``ffd:TtlTxValtn``),
  with the form type printed above the tables ("Form S-3 (Form Type)") as ``ffd:FormTp``.
- Table 2 (fee offset claims and sources, Rule 457(p) or 0-11(a)(2)): its rows are
  ``"offset"`` rows; "Fee Offset Claims" rows get ``ffd:OffsetClmdInd`` true, "Fee Offset
  Sources" rows false.

A value sits in the column whose header cell its cell overlaps (colspans and rowspans laid
out as a browser does); a cell overlapping several named columns, or none, gives nothing.
Amounts are exact ``Decimal``s; footnote markers glued to them are not part of them
("$94,058*", "$20.00**", "16,500 (4)", "$1 (1)(2)"), nor a ``$`` or ``US$``. A cell that
says something but no amount ("(2)": see the footnote; "N/A"; words) gives a fact with no
value and its text, which the rules read as *unquantified*: never zero, and a sum over it
is unknown. A dash ("—", "-") or an empty cell gives no fact at all. Dates ("June 18,
2020") are ISO dates, as the Inline XBRL reader gives them.

Spans are exact offsets into the file: the HTML is read with the standard library's
``html.parser`` (as ``linter/html.py`` reads it, for the same reason: it reports the
position of every tag, text chunk and entity), and a value's span covers the characters
it was read from (``$2,014.37``), an entity mapped to its ``&``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.entities import name2codepoint
from html.parser import HTMLParser

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact, Span, merge_spans
from filinglint.linter.fee_exhibit import _date
from filinglint.linter.place import WHOLE_FILE, Place

__all__ = ["looks_like_fee_exhibit", "read_html_fee_exhibit"]

# Text that marks a document as a fee exhibit (checked on the raw HTML, lowercased, with
# tags in between allowed by checking words separately).
_MARKERS = ("net fee due", "filing fee tables", "fees due for filing", "fee offset")
_SKIP = ("script", "style", "head", "title")
_BLOCKS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6")
_BAD_CHARREF = r"&#(?![0-9]|[xX][0-9a-fA-F])"

# Header cell (letters only, lowercased) → concept, most specific first: a header's
# column is the first entry whose key it contains.
OFFERING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("carryforwardformtype", "ffd:CfwdFormTp"),
    ("carryforwardfilenumber", "ffd:CfwdPrrFileNb"),
    ("carryforwardinitialeffectivedate", "ffd:CfwdPrrFctvDt"),
    ("previouslypaidinconnection", "ffd:CfwdPrevslyPdFee"),
    ("feecalculation", "rule"),
    ("carryforwardrule", "rule"),
    ("securityclasstitle", "ffd:OfferingSctyTitl"),
    ("titleofeachclass", "ffd:OfferingSctyTitl"),
    ("securitytype", "ffd:OfferingSctyTp"),
    ("amountregistered", "ffd:AmtSctiesRegd"),
    ("amounttoberegistered", "ffd:AmtSctiesRegd"),
    ("offeringpriceper", "ffd:MaxOfferingPricPerScty"),
    ("aggregateofferingprice", "ffd:MaxAggtOfferingPric"),
    ("transactionvaluation", "ffd:TxValtn"),
    ("feerate", "ffd:FeeRate"),
    ("registrationfee", "ffd:FeeAmt"),
    ("filingfee", "ffd:FeeAmt"),
)
OFFSET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("registrantorfilername", "ffd:OffsetPrrFilerNm"),
    ("formorfilingtype", "ffd:OffsetPrrFormTp"),
    ("filenumber", "ffd:OffsetPrrFileNb"),
    ("initialfilingdate", "ffd:OffsetClmInitlFilgDt"),
    ("feeoffsetclaimed", "ffd:OffsetClmdAmt"),
    ("feeoffsetsource", "ffd:OffsetPrrFeeAmt"),
    ("securitytypeassociated", "ffd:OffsetPrrSctyTp"),
    ("securitytitleassociated", "ffd:OffsetPrrSctyTitl"),
    ("unsoldaggregateofferingamount", "ffd:OffsetPrrUnsoldOfferingAmt"),
    ("unsoldsecurities", "ffd:OffsetPrrNbOfUnsoldScties"),
    ("filingdate", "ffd:OffsetSrcFilgDt"),
)
NUMERIC = frozenset(
    {
        "ffd:AmtSctiesRegd",
        "ffd:MaxOfferingPricPerScty",
        "ffd:MaxAggtOfferingPric",
        "ffd:TxValtn",
        "ffd:FeeRate",
        "ffd:FeeAmt",
        "ffd:CfwdPrevslyPdFee",
        "ffd:OffsetClmdAmt",
        "ffd:OffsetPrrFeeAmt",
        "ffd:OffsetPrrUnsoldOfferingAmt",
        "ffd:OffsetPrrNbOfUnsoldScties",
    }
)
DATES = frozenset({"ffd:CfwdPrrFctvDt", "ffd:OffsetClmInitlFilgDt", "ffd:OffsetSrcFilgDt"})
# Totals row label (letters only) → (concept of the fee column, concept of the
# aggregate-price or valuation column).
TOTALS: tuple[tuple[str, str, str | None], ...] = (
    ("totaloffering", "ffd:TtlFeeAmt", "ffd:TtlOfferingAmt"),
    ("totaltransactionvaluation", "ffd:TtlFeeAmt", "ffd:TtlTxValtn"),
    ("totalfeesduefor", "ffd:TtlFeeAmt", None),
    ("totalfeespreviouslypaid", "ffd:TtlPrevslyPdAmt", None),
    ("totalfeeoffsets", "ffd:TtlOffsetAmt", None),
    ("netfeedue", "ffd:NetFeeAmt", None),
)
TOTAL_COLUMNS = {"ffd:TtlOfferingAmt": "ffd:MaxAggtOfferingPric", "ffd:TtlTxValtn": "ffd:TxValtn"}
# Rule column text (letters and digits only, lowercased) → flag concept.
RULE_FLAGS: tuple[tuple[str, str], ...] = (
    ("415a6", "ffd:Rule415a6Flg"),
    ("457a", "ffd:Rule457aFlg"),
    ("457o", "ffd:Rule457oFlg"),
    ("457r", "ffd:Rule457rFlg"),
    ("457s", "ffd:Rule457sFlg"),
    ("457u", "ffd:Rule457uFlg"),
    ("457f", "ffd:Rule457fFlg"),
    ("011", "ffd:Rule011Flg"),
)

# A footnote marker glued to or set after a value: (1), (a), (iv), *, **, †, ‡, §.
_MARKER = r"\(\s*(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})\s*\)|[*†‡§#]+"
_AMOUNT = r"(?:US)?\$?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_DASHES = frozenset("-–—‒―")
_FORM_TYPE = (
    r"(?:Form\s+)?([A-Z]{1,2}-\d{1,2}[A-Z]{0,3}(?:/A)?|424B\d|424H|424I)"
    r"\s*\(\s*Form\s+Type\s*\)"
)


# --- reading the HTML -----------------------------------------------------------------


@dataclass
class _Cell:
    colspan: int
    rowspan: int
    chars: list[tuple[str, int]] = field(default_factory=list)

    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(c for c, _ in self.chars)).strip()


@dataclass
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)


class _Scanner(HTMLParser):
    """Tables (rows of cells, characters with their offsets) and the document's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.tables: list[_Table] = []
        self.open: list[_Table] = []
        self.cell: _Cell | None = None
        self.skip = 0
        self.chars: list[tuple[str, int]] = []  # the whole document's text

    def run(self) -> None:
        # html.parser gives up on an "&#" that is no character reference and returns the
        # rest as text: hide those (same length, so offsets hold), read from self.html.
        self.feed(re.sub(_BAD_CHARREF, "&_", self.html))
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        offset = self._offset()
        if tag == "table":
            table = _Table()
            self.tables.append(table)
            self.open.append(table)
            self.cell = None
        elif tag == "tr" and self.open:
            self.open[-1].rows.append([])
            self.cell = None
        elif tag in ("td", "th") and self.open:
            table = self.open[-1]
            if not table.rows:
                table.rows.append([])
            values = dict(attrs)
            self.cell = _Cell(_span(values.get("colspan")), _span(values.get("rowspan")))
            table.rows[-1].append(self.cell)
        elif tag in _BLOCKS:
            self._add(" ", offset)
        self.chars.append((" ", offset))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self._add(" ", self._offset())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        offset = self._offset()
        if tag == "table" and self.open:
            self.open.pop()
            self.cell = None
        elif tag in ("td", "th", "tr"):
            self.cell = None
        elif tag in _BLOCKS:
            self._add(" ", offset)
        self.chars.append((" ", offset))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        original = self.html[start : start + len(data)]
        for index, char in enumerate(original):
            self._add(char, start + index)

    def handle_entityref(self, name: str) -> None:
        if name in name2codepoint:
            char = chr(name2codepoint[name])
            self._add(" " if char == "\u00a0" else char, self._offset())

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            # &#128;-&#159; are Windows-1252 characters to a browser (&#151; is a dash)
            char = bytes([code]).decode("cp1252", "replace") if 128 <= code <= 159 else chr(code)
        except (ValueError, OverflowError):
            return
        self._add(" " if char == "\u00a0" else char, self._offset())

    def _add(self, char: str, offset: int) -> None:
        if self.skip:
            return
        self.chars.append((char, offset))
        if self.cell is not None:
            self.cell.chars.append((char, offset))


def _span(value: str | None) -> int:
    """A colspan or rowspan: a small positive integer, else 1 (browsers cap them too)."""
    digits = (value or "").strip()
    if not digits.isascii() or not digits.isdigit():
        return 1
    return min(max(int(digits), 1), 1000)


def _grid(table: _Table) -> list[list[tuple[_Cell, int, int]]]:
    """Each row's cells with the columns ``[start, end)`` they occupy, rowspans honoured."""
    pending: dict[int, int] = {}  # column → how many rows below still belong to a cell above
    laid = []
    for row in table.rows:
        placed = []
        started: dict[int, int] = {}
        column = 0
        for cell in row:
            while pending.get(column, 0) > 0:
                column += 1
            placed.append((cell, column, column + cell.colspan))
            if cell.rowspan > 1:
                for taken in range(column, column + cell.colspan):
                    started[taken] = cell.rowspan - 1
            column += cell.colspan
        pending = {c: n - 1 for c, n in pending.items() if n > 1}
        pending.update(started)
        laid.append(placed)
    return laid


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(_MARKER, "", text).lower())


# --- values -------------------------------------------------------------------------


def _strip_markers(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The characters of a cell without its footnote markers."""
    text = "".join(c for c, _ in chars)
    keep = [True] * len(chars)
    for match in re.finditer(_MARKER, text):
        for index in range(match.start(), match.end()):
            keep[index] = False
    return [pair for pair, kept in zip(chars, keep, strict=True) if kept]


def _is_blank(text: str) -> bool:
    """Empty, a lone ``$``, or a dash ("nothing here", not zero), markers or not ("— (1)").

    A cell of only a footnote marker ("(2)") is not blank: it says the amount is in the
    note, so it is read as unquantified.
    """
    compact = text.replace(" ", "")
    if not compact:
        return True
    stripped = re.sub(_MARKER, "", compact)
    if stripped in ("$", "US$"):
        return True  # the dollar sign of the amount in the next cell
    return bool(stripped) and all(c in _DASHES for c in stripped)


def _amount(chars: list[tuple[str, int]]) -> tuple[Decimal, int, int] | None:
    """(value, start, end) of the one amount a cell states, markers and ``$`` aside."""
    kept = _strip_markers(chars)
    text = "".join(c for c, _ in kept)
    match = re.fullmatch(r"\s*" + _AMOUNT + r"\s*", text)
    if match is None:
        return None
    try:
        value = Decimal(match.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip()) - 1
    return value, kept[first][1], kept[last][1] + 1


# --- the exhibit --------------------------------------------------------------------


def looks_like_fee_exhibit(html: str) -> bool:
    """Whether an HTML document may hold a plain fee exhibit (cheap: no parsing)."""
    lowered = html[:400_000].lower()
    return "fee" in lowered and any(marker in lowered for marker in _MARKERS)


class _Builder:
    def __init__(self, place: Place) -> None:
        self.place = place
        self.rows: list[FeeExhibitRow] = []
        self.totals: list[FeeFact] = []
        self.counts: dict[str, int] = {}

    def span(self, start: int, end: int) -> Span:
        return self.place.span(start, max(end, start))

    def cell_fact(self, name: str, cell: _Cell, context: str) -> FeeFact | None:
        chars = cell.chars
        text = cell.text()
        if _is_blank(text):
            return None
        content = [pair for pair in chars if not pair[0].isspace()]
        whole = self.span(content[0][1], content[-1][1] + 1) if content else None
        if name in NUMERIC or name.startswith("ffd:Ttl") or name == "ffd:NetFeeAmt":
            found = _amount(chars)
            if found is None:
                return FeeFact(span=whole, name=name, context=context, value=None, text=text)
            value, start, end = found
            return FeeFact(
                span=self.span(start, end), name=name, context=context, value=value, text=text
            )
        plain = re.sub(r"\s+", " ", "".join(c for c, _ in _strip_markers(chars))).strip()
        if name in DATES:
            day = _date(plain, "")
            return FeeFact(
                span=whole,
                name=name,
                context=context,
                value=day.isoformat() if day else None,
                text=text,
            )
        return FeeFact(span=whole, name=name, context=context, value=plain or None, text=text)

    def flag(self, name: str, value: bool, cell: _Cell, context: str) -> FeeFact:
        content = [pair for pair in cell.chars if not pair[0].isspace()]
        start = content[0][1] if content else 0
        end = content[-1][1] + 1 if content else 0
        return FeeFact(
            span=self.span(start, end),
            name=name,
            context=context,
            value="true" if value else "false",
            text=cell.text(),
        )

    def add_row(self, table: str, facts: list[FeeFact]) -> None:
        number = self.counts.get(table, 0) + 1
        self.counts[table] = number
        context = f"{table}-{number}"
        facts = [
            FeeFact(span=f.span, name=f.name, context=context, value=f.value, text=f.text)
            for f in facts
        ]
        self.rows.append(
            FeeExhibitRow(
                span=merge_spans(f.span for f in facts),
                context=context,
                table=table,
                number=number,
                facts=tuple(facts),
            )
        )


def _columns(row: list[tuple[_Cell, int, int]], names) -> dict[str, tuple[int, int]]:
    """Concept → columns of a header row, when it names at least three columns."""
    found: dict[str, tuple[int, int]] = {}
    for cell, start, end in row:
        letters = _letters(cell.text())
        if not letters:
            continue
        for key, name in names:
            if key in letters and name not in found:
                found[name] = (start, end)
                break
    return found if len(found) >= 3 else {}


def _column_of(columns: dict[str, tuple[int, int]], start: int, end: int) -> str | None:
    """The one named column a cell spanning ``[start, end)`` overlaps, else None."""
    hits = [name for name, (s, e) in columns.items() if s < end and start < e]
    return hits[0] if len(hits) == 1 else None


def _section(text: str) -> str | None:
    letters = _letters(text)
    if "carryforwardsecurities" in letters:
        return "carry-forward"
    if "feespreviouslypaid" in letters and not letters.startswith("total"):
        return "previously-paid"
    if "feestobepaid" in letters:
        return "to-be-paid"
    if "offsetclaim" in letters:
        return "claim"
    if "offsetsource" in letters:
        return "source"
    return None


def read_html_fee_exhibit(html: str, place: Place = WHOLE_FILE) -> FeeExhibit | None:
    """The plain-HTML fee exhibit in ``html``, or None when no fee table is found."""
    if not looks_like_fee_exhibit(html):
        return None
    scanner = _Scanner(html)
    try:
        scanner.run()
    except (AssertionError, ValueError):  # html.parser on hopeless markup: read nothing
        return None
    builder = _Builder(place)
    seen_table = False
    for table in scanner.tables:
        columns: dict[str, tuple[int, int]] = {}
        kind = None
        section: tuple[str, _Cell] | None = None
        for row in _grid(table):
            texts = [cell.text() for cell, _, _ in row]
            if not any(texts):
                continue
            header = _columns(row, OFFSET_COLUMNS)
            if "ffd:OffsetClmdAmt" in header or "ffd:OffsetPrrFeeAmt" in header:
                columns, kind, section = header, "offset", None
                continue
            header = _columns(row, OFFERING_COLUMNS)
            if "ffd:FeeAmt" in header and (
                "ffd:FeeRate" in header or "ffd:OfferingSctyTp" in header
            ):
                columns, kind, section = header, "offering", None
                seen_table = True
                continue
            if _total_row(builder, row, " ".join(texts), columns if kind == "offering" else {}):
                continue
            if kind is None:
                continue
            for (cell, start, end), text in zip(row, texts, strict=True):
                if text and _column_of(columns, start, end) is None:
                    labelled = _section(text)
                    if labelled is not None:
                        section = (labelled, cell)
            _data_row(builder, kind, section, row, columns)
    if not seen_table and not builder.totals and "offset" not in builder.counts:
        return None
    form = _form_type(scanner, place)
    totals = list(builder.totals)
    if form is not None:
        totals.insert(
            0,
            FeeFact(span=form[1], name="ffd:FormTp", context="totals", value=form[0], text=form[0]),
        )
    if totals:
        builder.rows.append(
            FeeExhibitRow(
                span=merge_spans(f.span for f in totals),
                context="totals",
                table="totals",
                number=None,
                facts=tuple(totals),
            )
        )
    if not builder.rows:
        return None
    return FeeExhibit(span=place.span(0, len(html)), submission_type=None, rows=tuple(builder.rows))


def _total_row(builder: _Builder, row, joined: str, columns) -> bool:
    """Read a totals row ("Net Fee Due" …) into the totals facts; whether it was one.

    Values come from the columns of the table's header; in a table without one (totals
    set apart from Table 1), only a row with a single amount and one column to give it
    (not "Total Offering Amounts", which may hold two) is read.
    """
    letters = _letters(joined)
    for key, fee_name, price_name in TOTALS:
        if not letters.startswith(key):
            continue
        wanted = {"ffd:FeeAmt": fee_name}
        if price_name is not None:
            wanted[TOTAL_COLUMNS[price_name]] = price_name
        if columns:
            cells = [(cell, wanted.get(_column_of(columns, s, e) or "")) for cell, s, e in row]
        else:
            stated = [cell for cell, _, _ in row if _amount(cell.chars) is not None]
            cells = [(stated[0], fee_name)] if len(stated) == 1 and price_name is None else []
        for cell, name in cells:
            if name is None or any(f.name == name for f in builder.totals):
                continue
            fact = builder.cell_fact(name, cell, "totals")
            if fact is not None:
                builder.totals.append(fact)
        return True
    return False


def _data_row(
    builder: _Builder, kind: str, section: tuple[str, _Cell] | None, row, columns
) -> None:
    facts: list[FeeFact] = []
    rule_cell = None
    for cell, start, end in row:
        column = _column_of(columns, start, end)
        if column is None:
            continue
        if column == "rule":
            rule_cell = cell
            continue
        fact = builder.cell_fact(column, cell, kind)
        if fact is not None:
            facts.append(fact)
    if not facts:
        return
    name, label = section if section is not None else (None, None)
    if kind == "offset":
        if name in ("claim", "source"):
            facts.insert(0, builder.flag("ffd:OffsetClmdInd", name == "claim", label, kind))
        builder.add_row(kind, facts)
        return
    flags: list[FeeFact] = []
    rule_text = rule_cell.text() if rule_cell is not None else ""
    if rule_cell is not None and not _is_blank(rule_text):
        compact = re.sub(r"[^0-9a-z]", "", rule_text.lower())
        flag = next((n for key, n in RULE_FLAGS if key in compact), "ffd:FeesOthrRuleFlg")
        flags.append(builder.flag(flag, True, rule_cell, kind))
    if name == "carry-forward" and not any(f.name == "ffd:Rule415a6Flg" for f in flags):
        flags.append(builder.flag("ffd:Rule415a6Flg", True, label, kind))
    if name in ("previously-paid", "to-be-paid"):
        flags.append(builder.flag("ffd:PrevslyPdFlg", name == "previously-paid", label, kind))
    builder.add_row(kind, flags + facts)


def _form_type(scanner: _Scanner, place: Place) -> tuple[str, Span] | None:
    """The form type printed as "Form S-3 (Form Type)" above the tables.

    A joint exhibit names several ("Form F-10" and "Form F-3", each over its own
    caption): then no one form type is the exhibit's, and none is given.
    """
    text = "".join(c for c, _ in scanner.chars)
    found = [(m.group(1), m.start(1), m.end(1)) for m in re.finditer(_FORM_TYPE, text)]
    if len(found) != 1 or len(re.findall(r"\(\s*Form\s+Type\s*\)", text)) != 1:
        return None
    name, start, end = found[0]
    return name, place.span(scanner.chars[start][1], scanner.chars[end - 1][1] + 1)
