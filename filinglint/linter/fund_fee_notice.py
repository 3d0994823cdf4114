"""A fund's annual notice of securities sold (Form 24F-2, EDGAR type 24F-2NT): its fee.

An open-end fund registers an indefinite number of shares and pays the registration fee
once a year, on its net sales (Investment Company Act Section 24(f), Rule 24f-2): sales
less redemptions (of this year and, since October 1995, unused ones of earlier years),
times the Securities Act Section 6(b) rate. Two layouts are read:

- the text form of the 1990s: a "Calculation of registration fee:" item whose lines
  (i), (ii)… each end in their value ("$ 315,907,479", "+ -0-", "x 0.00034483"), the
  label wrapping over several lines; items 6 to 8 of the 1997 form add interest and the
  total. Each line is named by its words (aggregate sale price, redeemed or repurchased,
  dividend reinvestment, net sales, multiplier, fee due…), not by its number, since the
  numbering changed with the form; a line whose words name nothing is skipped.
- today's XML (``edgarSubmission`` in the ``twentyfourf2filer`` namespace): one
  ``annualFilingInfo`` per fiscal-year block, read with lxml without entity expansion,
  DTD loading or network access; each value's span is that of its element's text,
  found by scanning the markup in order.

A value only counts where it ends its line after an operator (``$ + - x =``), a colon or
a wide gap, so "Securities Act of 1933" at the end of a label is never a value.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from filinglint.linter.ast import DateMention, FeeRate, FundFeeNotice, Money, Span
from filinglint.linter.place import WHOLE_FILE, Place

__all__ = ["describe", "is_fund_notice_xml", "read_fund_fee_notices", "read_fund_notice_xml"]

_HEADING = re.compile(
    r"^[ \t]*(?:\d{1,2}\.|Item\s+\d{1,2}\.?)?[ \t]*Calculation\s+of\s+registration\s+fees?\s*:?",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY = re.compile(r"^[ \t]*(?:\((?:i|ii|iii|iv|v|vi|vii|viii|ix)\)|\d{1,2}\.)[ \t]", re.I)
_END = re.compile(r"^\s*(?:SIGNATURES?\b|Date\s+of\s+mailing|Method\s+of\s+delivery)", re.I)
_VALUE = re.compile(
    r"(-0-|\(\s*\$?\s*[\d,]*\.?\d+\s*\)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*$"
)
_OPERATORS = "$+-x×=:"
# What a line's words say it is; the first match wins, so the narrow names come first.
_TERMS = (
    ("total", re.compile(r"total\s+of\s+the\s+amount|plus\s+any\s+interest", re.I)),
    ("interest", re.compile(r"interest\s+due", re.I)),
    ("multiplier", re.compile(r"multiplier", re.I)),
    ("future_credits", re.compile(r"available\s+for\s+use\s+in\s+future", re.I)),
    ("total_credits", re.compile(r"total\s+available\s+redemption\s+credits", re.I)),
    ("net_sales", re.compile(r"net\s+sales|net\s+aggregate\s+price", re.I)),
    ("reinvested", re.compile(r"dividend\s+reinvestment", re.I)),
    ("reapplied", re.compile(r"previously\s+applied\s+as\s+a\s+reduction", re.I)),
    ("prior_credits", re.compile(r"redeemed\s+or\s+repurchased\s+during\s+any\s+prior", re.I)),
    ("redemptions", re.compile(r"redeemed\s+or\s+repurchased", re.I)),
    ("sales", re.compile(r"aggregate\s+sale\s+price", re.I)),
    ("fee", re.compile(r"fee\s+due", re.I)),
)
_FISCAL_YEAR_END = re.compile(
    r"last\s+day\s+of\s+fiscal\s+year[^:\n]*:\s*(\d{1,2})/(\d{1,2})/(\d{2}(?:\d{2})?)\b", re.I
)


def read_fund_fee_notices(text: str, place: Place = WHOLE_FILE) -> tuple[FundFeeNotice, ...]:
    """The fee calculation of a text Form 24F-2, or nothing where the text has none."""
    if "24f-2" not in text[:20_000].lower():
        return ()
    headings = list(_HEADING.finditer(text))
    notices = []
    for number, heading in enumerate(headings):
        # A notice for several series repeats the calculation: each block ends where the
        # next begins, so no block takes another's lines.
        stop = headings[number + 1].start() if number + 1 < len(headings) else len(text)
        notice = _read_block(text[:stop], heading, place)
        if notice is not None:
            notices.append(notice)
    return tuple(notices)


def _read_block(text: str, heading: re.Match[str], place: Place) -> FundFeeNotice | None:
    values: dict[str, Money | FeeRate] = {}
    entry: list[tuple[int, str]] = []
    position = text.find("\n", heading.end()) + 1
    for line_start, line in _lines(text, position if position else len(text)):
        if _END.match(line):
            break
        if _ENTRY.match(line) and entry:
            _read_entry(place, entry, values)
            entry = []
        entry.append((line_start, line))
    if entry:
        _read_entry(place, entry, values)
    if "fee" not in values and "net_sales" not in values:
        return None
    end = max(v.span.end for v in values.values())
    return FundFeeNotice(
        span=Span(start=place.span(heading.start(), heading.end()).start, end=end),
        layout="text",
        fiscal_year_end=_fiscal_year_end(text[: heading.start()]),
        **values,
    )


def _lines(text: str, position: int):
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        yield position, text[position:end]
        position = end + 1


def _read_entry(place: Place, entry: list[tuple[int, str]], values: dict) -> None:
    """Name an entry by its words and take the value that ends one of its lines."""
    words = " ".join(line.strip() for _, line in entry)
    term = next((name for name, pattern in _TERMS if pattern.search(words)), None)
    if term is None or term in values:
        return
    for line_start, line in reversed(entry):
        found = _line_value(line)
        if found is None:
            continue
        start, end, written = found
        span = place.span(line_start + start, line_start + end)
        amount = _number(written)
        if amount is None:
            return
        if term == "multiplier":
            if 0 < amount < 1:
                values[term] = FeeRate(span=span, value=amount, text=written)
        else:
            values[term] = Money(span=span, amount=amount, text=written)
        return


def _line_value(line: str) -> tuple[int, int, str] | None:
    """(start, end, text) of the value ending a line, where an operator or a gap sets it
    apart from the label."""
    match = _VALUE.search(line.rstrip())
    if match is None:
        return None
    before = line[: match.start()]
    gap = len(before) - len(before.rstrip())
    lead = before.rstrip()[-1:] if before.strip() else ""
    if not before.strip() or gap >= 2 or lead in _OPERATORS:
        return match.start(1), match.end(1), match.group(1)
    return None


def _number(written: str) -> Decimal | None:
    if written == "-0-":
        return Decimal(0)
    negative = written.startswith("(")
    cleaned = written.strip("()").replace("$", "").replace(",", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return -value if negative else value


def _fiscal_year_end(text: str) -> datetime.date | None:
    match = _FISCAL_YEAR_END.search(text)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    if year < 100:
        year += 1900 if year >= 50 else 2000
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- XML -------------------------------------------------------------------------------

NAMESPACE = "http://www.sec.gov/edgar/twentyfourf2filer"
_XML_TERMS = {
    "aggregateSalePriceOfSecuritiesSold": "sales",
    "aggregatePriceOfSecuritiesRedeemedOrRepurchasedInFiscalYear": "redemptions",
    "aggregatePriceOfSecuritiesRedeemedOrRepurchasedAnyPrior": "prior_credits",
    "totalAvailableRedemptionCredits": "total_credits",
    "netSales": "net_sales",
    "redemptionCreditsAvailableForUseInFutureYears": "future_credits",
    "multiplierForDeterminingRegistrationFee": "multiplier",
    "registrationFeeDue": "fee",
    "interestDue": "interest",
    "totalOfRegistrationFeePlusAnyInterestDue": "total",
}
_SIMPLE_ELEMENT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)(?:\s[^<>]*)?>([^<]*)</")


def is_fund_notice_xml(text: str) -> bool:
    """A 24F-2NT XML document (the ``twentyfourf2filer`` namespace near its start)."""
    return NAMESPACE in text[:4096]


def read_fund_notice_xml(
    text: str, place: Place = WHOLE_FILE
) -> tuple[tuple[FundFeeNotice, ...], tuple[DateMention, ...]]:
    """The fee block of each ``annualFilingInfo``, and the signature dates.

    Values come from lxml's parse; each value's span comes from a scan of the markup for
    simple ``<name>text</name>`` elements, matched to the parsed elements in order (the
    scan's text must equal the element's, or the span falls back to the block's start).
    """
    from lxml import etree

    from filinglint.linter import xmlsafe

    parser = xmlsafe.parser(recover=True)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return (), ()
    if root is None:
        return (), ()
    scanned: dict[str, list[tuple[int, int, str]]] = {}
    for match in _SIMPLE_ELEMENT.finditer(text):
        scanned.setdefault(match.group(1), []).append(
            (match.start(2), match.end(2), match.group(2))
        )
    taken: dict[str, int] = {}

    def locate(local: str, value: str) -> Span | None:
        index = taken.get(local, 0)
        candidates = scanned.get(local, [])
        taken[local] = index + 1
        if index < len(candidates) and candidates[index][2].strip() == value:
            start, _end, raw = candidates[index]
            lead = len(raw) - len(raw.lstrip())
            return place.span(start + lead, start + lead + len(value))
        return None

    notices = []
    dates = []
    fallback = place.span(0, 1)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = _local_name(element.tag)
        value = (element.text or "").strip()
        if local == "annualFilingInfo":
            notices.append({})
            continue
        if not notices:
            continue
        current = notices[-1]
        if local == "lastDayOfFiscalYear":
            current["fiscal_year_end"] = _us_date(value)
            locate(local, value)
        elif local == "signatureDate":
            day = _us_date(value)
            span = locate(local, value) or fallback
            if day is not None:
                dates.append(
                    DateMention(
                        span=span,
                        text=value,
                        year=day.year,
                        month=day.month,
                        day=day.day,
                        value=day,
                        role="signature",
                    )
                )
        elif local in _XML_TERMS:
            span = locate(local, value) or fallback
            try:
                amount = Decimal(value)
            except InvalidOperation:
                continue
            term = _XML_TERMS[local]
            if term == "multiplier":
                current[term] = FeeRate(span=span, value=amount, text=value)
            else:
                current[term] = Money(span=span, amount=amount, text=value)
    built = []
    for values in notices:
        spans = [v.span for v in values.values() if hasattr(v, "span")]
        if not spans:
            continue
        built.append(
            FundFeeNotice(
                span=Span(start=min(s.start for s in spans), end=max(s.end for s in spans)),
                layout="xml",
                **values,
            )
        )
    return tuple(built), tuple(dates)


def _us_date(value: str) -> datetime.date | None:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def describe(notice: FundFeeNotice) -> list[str]:
    """What ``filinglint parse`` shows of the notice: each term with its value."""
    terms = [
        "sales",
        "reinvested",
        "redemptions",
        "prior_credits",
        "reapplied",
        "total_credits",
        "net_sales",
        "future_credits",
        "multiplier",
        "fee",
        "interest",
        "total",
    ]
    shown = [
        f"{name} {getattr(notice, name).text}"
        for name in terms
        if getattr(notice, name) is not None
    ]
    year_end = notice.fiscal_year_end.isoformat() if notice.fiscal_year_end else "?"
    return [f"fund fee notice ({notice.layout}, fiscal year end {year_end}): " + ", ".join(shown)]


def _local_name(tag: str) -> str:
    """``{namespace}name`` or ``prefix:name`` → ``name``. lxml's ``QName`` raises on a
    name that recovering from broken XML left with an undeclared prefix in it."""
    return tag.rpartition("}")[2].rpartition(":")[2]
