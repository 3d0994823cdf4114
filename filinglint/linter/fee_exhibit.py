"""Read an Inline XBRL filing-fee exhibit (EDGAR ``EX-FILING FEES``, the former EX-107).

``read_fee_exhibit(text)`` returns a :class:`~filinglint.linter.ast.FeeExhibit`: every
``ix:nonFraction`` and ``ix:nonNumeric`` fact, grouped into one
:class:`~filinglint.linter.ast.FeeExhibitRow` per ``xbrli:context``. A context's dimension
says which table the row belongs to (``ffd:OfferingAxis`` → ``"offering"``,
``ffd:OffsetAxis`` → ``"offset"``, ``ffd:CmbndPrspctsItemAxis`` →
``"combined-prospectus"``, ``ffd:Scties424iAxis`` → ``"securities-424i"``; no dimension →
``"totals"``, the submission and fee-summary facts) and its member the line number
(``<xbrldi:typedMember dimension="ffd:OfferingAxis"><dei:lineNo>1</dei:lineNo>``).
Text with no ``ffd`` fact gives ``None``.

Values are exact. A number is a ``Decimal`` read through the fact's ``format``
(``ixt:num-dot-decimal``, ``ixt:num-comma-decimal``, ``ixt:fixed-zero`` and their older
names), then ``scale`` shifts its exponent (no rounding, however many digits) and
``sign="-"`` negates it; a format filinglint does not know leaves the value ``None``
rather than guessing. Text facts are strings with whitespace collapsed; ``ixt:fixed-true``
/ ``fixed-false`` give ``"true"`` / ``"false"`` and the date formats an ISO date
(``2025-07-07``). ``xsi:nil="true"`` gives ``None``.

Spans are exact: a fact's span starts at the ``<`` of its element's start tag and ends
just after its end tag (the start tag itself for an empty element), in lines and columns
of ``text`` (columns count characters, lines end at ``\\n``, as in ``source.py``).
libxml2's ``sourceline`` is the line where a start tag *ends* and gives no column, and
an exhibit often has many facts on one line (the real one puts all its hidden facts on
line 7), so positions come instead from a scan of the markup (comments, CDATA and the
DOCTYPE skipped) that lists every start tag in text order; the parsed facts, in document
order, are matched to those tags in order by element name and ``name`` attribute.

Safety: the text is parsed with ``lxml.etree.XMLParser(resolve_entities=False,
no_network=True, load_dtd=False, huge_tree=False, recover=True)``. An entity declared in a
DOCTYPE is never expanded: a DOCTYPE declaring entities is blanked out (same length,
same lines) before parsing, so its references are unknown names read as nothing, a
"billion laughs" document never grows, and libxml2 reads on past them (given the
declarations it stopped at its amplification limit and the facts after were lost). Each
declared or unknown entity becomes an ``XmlEntity`` of the exhibit (rule FL005). No
external entity or DTD is
fetched, from the network or from disk, and ``huge_tree=False`` keeps libxml2's limits on
depth and text size. ``recover=True`` reads what it can of a malformed exhibit (EDGAR
would reject it, but its facts still deserve checking) instead of failing. The standard
library's expat parser was the alternative: it can be made as safe (refusing DOCTYPEs, as
defusedxml does), but it has no recovery mode, so a malformed exhibit would yield nothing.
lxml is imported only when a text looks like Inline XBRL, so checking a plain-text filing
does not pay for it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact, Span, XmlEntity, merge_spans
from filinglint.linter.place import WHOLE_FILE, Place

__all__ = ["read_fee_exhibit"]

IX_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
FFD_NAMESPACE = "http://xbrl.sec.gov/ffd/"
DEI_NAMESPACE = "http://xbrl.sec.gov/dei/"

FACT_ELEMENTS = ("nonFraction", "nonNumeric")
TABLES = {
    "OfferingAxis": "offering",
    "OffsetAxis": "offset",
    "CmbndPrspctsItemAxis": "combined-prospectus",
    "Scties424iAxis": "securities-424i",
}
TOTALS = "totals"
SUBMISSION_TYPE = "ffd:SubmissnTp"
MAX_SCALE = 30

# Comments, CDATA, processing instructions and declarations (a DOCTYPE's internal subset
# may hold ">"), then tags. Each runs to the end of the text when it is not closed, and an
# attribute value cannot hold "<" in XML, so a quote never scans past the next tag. Every
# repetition is possessive (``*+``, ``++``): a tag that fails to match (a name followed by
# "<", an unclosed quote) fails at once instead of retrying each split of its name and
# attributes, which made "<" + 64 KB of letters + "<" take over a minute. So the scan is
# linear on any input.
# (Patterns stay strings, compiled on first use by re's cache: importing this module,
# as every rule module does, then costs no compilation.)
_MARKUP = (
    r"(?s)<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)"
    r"|<![^\[>]*+(?:\[[^\]]*+(?:\]|\Z)[^>]*+)?+(?:>|\Z)"
    r"|<(/?)([A-Za-z_][\w.\-]*+(?::[A-Za-z_][\w.\-]*+)?+)"
    r"((?:[^<>\"']++|\"[^\"<]*+(?:\"|\Z)|'[^'<]*+(?:'|\Z))*+)(?:>|\Z)"  # (a tag cut off by the end)
)
# A DOCTYPE with its internal subset (the only place entities are declared), an entity
# declaration in it, and a general entity reference (character references are not).
_DOCTYPE = r"(?i)<!DOCTYPE\b[^\[>]*+(?:\[[^\]]*+(?:\]|\Z)[^>]*+)?+(?:>|\Z)"
_ENTITY_DECLARATION = r"<!ENTITY\s++(%\s++)?([^\s>\"'%;]++)"
_ENTITY_REFERENCE = r"&([A-Za-z_:][\w.\-:]*+);"
_NAME_ATTRIBUTE = r"""(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_CHAR_REF = r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);"
_XML_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_SPACES = r"\s+"
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


# --- reading -------------------------------------------------------------------------


def read_fee_exhibit(text: str, place: Place = WHOLE_FILE) -> FeeExhibit | None:
    """The filing-fee exhibit in ``text``, or ``None`` when it holds no ``ffd`` fact."""
    if "nonFraction" not in text and "nonNumeric" not in text:
        return None  # not Inline XBRL facts at all: skip importing and running lxml
    from lxml import etree

    from filinglint.linter import xmlsafe

    entities, text_to_parse = _entities(text, place)
    parser = xmlsafe.parser(recover=True)
    try:
        root = etree.fromstring(text_to_parse.encode("utf-8", errors="replace"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None

    contexts: dict[str, tuple[str | None, int | None]] = {}
    continuations: dict[str, object] = {}
    elements = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith("{"):
            continue
        namespace, _, local = tag[1:].partition("}")
        if namespace in IX_NAMESPACES:
            if local in FACT_ELEMENTS:
                elements.append(element)
            elif local == "continuation" and element.get("id"):
                continuations[element.get("id")] = element
        elif namespace == XBRLI and local == "context" and element.get("id"):
            contexts[element.get("id")] = _context_row(element)

    locator = _Locator(text, place)
    facts = []
    for element in elements:
        name = _fact_name(element)
        span = locator.locate(
            etree.QName(element).localname, element.get("name") or "", element.sourceline
        )
        value, shown = _fact_value(element, continuations)
        facts.append(
            FeeFact(
                span=span,
                name=name,
                context=element.get("contextRef") or "",
                value=value,
                text=shown,
            )
        )
    if not any(f.name.startswith("ffd:") for f in facts):
        return None

    grouped: dict[str, list[FeeFact]] = {}
    for item in facts:
        grouped.setdefault(item.context, []).append(item)
    exhibit_rows = []
    for context, members in grouped.items():
        table, number = contexts.get(context, (None, None))
        exhibit_rows.append(
            FeeExhibitRow(
                span=merge_spans(f.span for f in members),
                context=context,
                table=table,
                number=number,
                facts=tuple(members),
            )
        )
    submission = next(
        (f.value for f in facts if f.name == SUBMISSION_TYPE and isinstance(f.value, str)), None
    )
    return FeeExhibit(
        span=locator.whole(),
        submission_type=submission or None,
        rows=tuple(exhibit_rows),
        entities=entities,
    )


def _entities(text: str, place: Place) -> tuple[tuple[XmlEntity, ...], str]:
    """The entities filinglint will not expand, and the text to parse.

    A DOCTYPE that declares entities is blanked out (spaces, its line ends kept, so every
    offset and line holds) before libxml2 sees it: its references are then unknown names,
    read as nothing, and libxml2 keeps reading past them (with the declarations it would
    stop at the first entity whose expansion grows too much, losing every later fact).
    Each declared entity is reported at its declaration, each other unknown name (neither
    XML's five nor an HTML 4 character entity, which EDGAR accepts) at its first reference.
    """
    from html.entities import name2codepoint

    if "&" not in text and "<!" not in text:
        return (), text
    declared: dict[str, tuple[int, int]] = {}
    blanked: list[tuple[int, int]] = []
    for doctype in re.finditer(_DOCTYPE, text):
        found = False
        for declaration in re.finditer(_ENTITY_DECLARATION, doctype.group()):
            if declaration.group(1) is None:  # a general entity (not a parameter one)
                start = doctype.start() + declaration.start()
                declared.setdefault(
                    declaration.group(2), (start, doctype.start() + declaration.end())
                )
            found = True
        if found:
            blanked.append(doctype.span())
    references: dict[str, list[int]] = {}  # name → [first start, first end, count]
    outside = 0
    for start, end in [*blanked, (len(text), len(text))]:
        for reference in re.finditer(_ENTITY_REFERENCE, text[outside:start]):
            name = reference.group(1)
            if name in _XML_NAMED or (name in name2codepoint and name not in declared):
                continue
            seen = references.get(name)
            if seen is None:
                references[name] = [outside + reference.start(), outside + reference.end(), 1]
            else:
                seen[2] += 1
        outside = end
    notes = [
        XmlEntity(
            span=place.span(start, end),
            name=name,
            declared=True,
            references=references.pop(name, (0, 0, 0))[2],
        )
        for name, (start, end) in declared.items()
    ]
    notes.extend(
        XmlEntity(span=place.span(start, end), name=name, declared=False, references=count)
        for name, (start, end, count) in references.items()
    )
    notes.sort(key=lambda note: note.span.start)
    if blanked:
        pieces = []
        outside = 0
        for start, end in blanked:
            pieces.append(text[outside:start])
            pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
            outside = end
        pieces.append(text[outside:])
        text = "".join(pieces)
    return tuple(notes), text


def _local(qname: str | None) -> str:
    return (qname or "").strip().rpartition(":")[2]


def _context_row(context) -> tuple[str | None, int | None]:
    """The table and line number a context's dimensions give; no dimension → totals."""
    dimensions: list[tuple[str, str]] = []
    for member in context.iter(f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"):
        axis = _local(member.get("dimension"))
        if member.tag.endswith("explicitMember"):
            value = _local(member.text)
        else:
            value = " ".join(
                (child.text or "").strip() for child in member if isinstance(child.tag, str)
            )
        dimensions.append((axis, value))
    if not dimensions:
        return TOTALS, None
    axis, value = next(((a, v) for a, v in dimensions if a in TABLES), dimensions[0])
    digits = re.search(r"\d+", value)
    return TABLES.get(axis, axis), int(digits.group()) if digits else None


def _fact_name(element) -> str:
    """``ffd:FeeAmt`` whatever prefix the exhibit bound to the ffd (or dei) namespace."""
    written = element.get("name") or ""
    prefix, colon, local = written.partition(":")
    if not colon:
        return written
    namespace = element.nsmap.get(prefix) or ""
    if namespace.startswith(FFD_NAMESPACE):
        return f"ffd:{local}"
    if namespace.startswith(DEI_NAMESPACE):
        return f"dei:{local}"
    return written


# --- values --------------------------------------------------------------------------


def _fact_value(element, continuations: dict) -> tuple[Decimal | str | None, str]:
    """(value, displayed text) of a fact element."""
    numeric = element.tag.endswith("nonFraction")
    raw = "".join(_content(element))
    if not numeric:
        seen: set[str] = set()
        following = element.get("continuedAt")
        while following and following in continuations and following not in seen:
            seen.add(following)
            continuation = continuations[following]
            raw += " " + "".join(_content(continuation))
            following = continuation.get("continuedAt")
    shown = re.sub(_SPACES, " ", raw).strip()
    if element.get(XSI_NIL) in ("true", "1"):
        return None, shown
    transform = _local(element.get("format"))
    if numeric:
        number = _number(shown, transform)
        if number is None:
            return None, shown
        return _scaled(number, element.get("scale"), element.get("sign") == "-"), shown
    return _text_value(shown, transform), shown


def _content(element) -> Iterator[str]:
    """The text inside an element, ix:exclude skipped, HTML named entities read."""
    from html.entities import name2codepoint

    if element.text:
        yield element.text
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if not tag.endswith("}exclude"):
                yield from _content(child)
        elif getattr(tag, "__name__", "") == "Entity" and child.name in name2codepoint:
            yield chr(name2codepoint[child.name])  # &nbsp; in an XHTML exhibit
        if child.tail:
            yield child.tail


def _number(text: str, transform: str) -> Decimal | None:
    """A number as the Inline XBRL transformation ``transform`` reads ``text``."""
    text = text.replace("\u00a0", " ").strip()
    if transform in ("fixed-zero", "zerodash", "fixedzero", "numdash", "zero-dash"):
        return Decimal(0)
    if transform in ("numwordsen", "num-word-en"):
        return Decimal(0) if text.lower().strip(".") in ("no", "none", "zero", "nil") else None
    if transform in ("num-dot-decimal", "numdotdecimal", "numcommadot", "numspacedot"):
        digits = re.sub(r"[,\s']", "", text)
    elif transform in ("num-comma-decimal", "numcommadecimal", "numdotcomma", "numspacecomma"):
        digits = re.sub(r"[.\s']", "", text).replace(",", ".")
    elif transform in ("num-unit-decimal", "numunitdecimal"):
        parts = re.findall(r"\d+", text)
        if not parts or len(parts) > 2:
            return None
        digits = parts[0] + ("." + parts[1] if len(parts) == 2 else "")
    elif transform == "":
        digits = text
    else:
        return None  # a transformation filinglint does not know: no value, no guess
    if not re.fullmatch(_DECIMAL, digits):
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def _scaled(number: Decimal, scale: str | None, negative: bool) -> Decimal | None:
    """``number`` × 10^scale, negated for ``sign="-"``: exact, by moving the exponent.

    A scale that is not an integer, or beyond ±``MAX_SCALE`` (no amount of money needs
    more, and 10^999999999 would make every later computation explode), leaves no value.
    """
    try:
        shift = int(scale) if scale not in (None, "") else 0
    except ValueError:
        return None
    if abs(shift) > MAX_SCALE:
        return None
    sign, digits, exponent = number.as_tuple()
    value = Decimal((sign, digits, exponent + shift)) if shift else number
    return value.copy_negate() if negative else value


def _text_value(text: str, transform: str) -> str:
    if transform in ("fixed-true", "booleantrue"):
        return "true"
    if transform in ("fixed-false", "booleanfalse"):
        return "false"
    if transform in ("fixed-empty", "fixedempty"):
        return ""
    if transform == "boolballotbox":
        return "true" if text[:1] in ("\u2612", "\u2611") else "false"
    if transform.startswith("date"):
        day = _date(text, transform)
        return day.isoformat() if day else text
    return text


def _date(text: str, transform: str) -> datetime.date | None:
    """A date through the ixt date transformations (month names in English)."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    numbers = [int(w) for w in words if w.isascii() and w.isdigit()]
    months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
    name = transform.replace("-", "")
    try:
        if months and len(numbers) == 2:  # July 7, 2025 or 7 July 2025 (or 2025 July 7)
            day, year = numbers if numbers[0] <= 31 else reversed(numbers)
            return datetime.date(_year(year), months[0], day)
        if len(numbers) != 3:
            return None
        if name.startswith("dateyearmonth") or len(words[0]) == 4:
            year, month, day = numbers
        elif "daymonth" in name or name in ("datedoteu", "dateslasheu"):
            day, month, year = numbers
        else:  # month-day-year, the US order and the SEC's
            month, day, year = numbers
        return datetime.date(_year(year), month, day)
    except ValueError:
        return None


def _year(year: int) -> int:
    return 2000 + year if year < 100 else year


# --- positions -----------------------------------------------------------------------


class _Locator:
    """Spans of fact elements, from one scan of the markup of ``text``."""

    def __init__(self, text: str, place: Place) -> None:
        self.text = text
        self.place = place
        starts = [0]
        position = text.find("\n")
        while position != -1:
            starts.append(position + 1)
            position = text.find("\n", position + 1)
        self.line_starts = starts
        self.tags: list[tuple[str, str, int, int]] = []  # (local, name attr, start, end)
        self._next = 0
        self._scan()

    def _scan(self) -> None:
        open_tags: list[tuple[str, int | None]] = []  # (qname, index in self.tags)
        # Where each qname stands in open_tags, innermost last: an end tag finds its
        # element without walking the stack, so stray end tags stay linear.
        open_at: dict[str, list[int]] = {}
        for match in re.finditer(_MARKUP, self.text):
            qname = match.group(2)
            if qname is None:
                continue  # comment, CDATA, PI or declaration
            if match.group(1):  # an end tag closes the innermost open element of its name
                positions = open_at.get(qname)
                if positions:
                    depth = positions[-1]
                    index = open_tags[depth][1]
                    if index is not None:
                        local, name, start, _ = self.tags[index]
                        self.tags[index] = (local, name, start, match.end())
                    while len(open_tags) > depth:
                        open_at[open_tags.pop()[0]].pop()
                continue
            local = qname.rpartition(":")[2]
            attributes = match.group(3)
            index = None
            if local in FACT_ELEMENTS:
                found = re.search(_NAME_ATTRIBUTE, attributes)
                name = _unescape(next(g for g in found.groups() if g is not None)) if found else ""
                index = len(self.tags)
                self.tags.append((local, name, match.start(), match.end()))
            if not attributes.rstrip().endswith("/"):
                open_at.setdefault(qname, []).append(len(open_tags))
                open_tags.append((qname, index))

    def locate(self, local: str, name: str, line: int | None = None) -> Span:
        """The span of the next fact element named ``name`` in text order.

        A fact the scan did not see (libxml2 recovered it from broken markup) gets the
        start of ``line``, libxml2's line for it.
        """
        for index in range(self._next, len(self.tags)):
            tag_local, tag_name, start, end = self.tags[index]
            if tag_local == local and tag_name == name:
                self._next = index + 1
                return self.span(start, end)
        start = self.line_starts[min(max(line or 1, 1), len(self.line_starts)) - 1]
        return self.place.span(start, start)

    def span(self, start: int, end: int) -> Span:
        return self.place.span(start, end)

    def whole(self) -> Span:
        return self.span(0, len(self.text))


def _unescape(value: str) -> str:
    def replace(match: re.Match) -> str:
        ref = match.group(1)
        try:
            if ref.startswith("#x"):
                return chr(int(ref[2:], 16))
            if ref.startswith("#"):
                return chr(int(ref[1:]))
        except (ValueError, OverflowError):  # no such character: leave the reference
            return match.group(0)
        return _XML_NAMED[ref]

    return re.sub(_CHAR_REF, replace, value)
