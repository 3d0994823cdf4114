"""Small, linear parsers for the values inside a line: money, rates, dates, codes, boxes.

They are separate from the grammar because their shapes are local (a number, a date)
while the grammar's job is the document's structure. Each works on a string and
returns offsets into it, so the builder can turn them into exact spans.
"""

from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal, InvalidOperation

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update(
    {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    }
)  # fmt: skip

_MONTH_ALT = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
# "April 16, 03": a two-digit year after a comma — never the start of a longer number, nor
# a count that a lower-case word follows ("May 5, 10 of the directors") — found first (a
# comma is rare, so the scan is fast), then the month and day (and weekday) just before.
SHORT_YEAR_RE = re.compile(r",\s*'?(\d{2})(?![\d,.]\d)(?!\d)(?!\s+[a-z])")
MONTH_DAY_BEFORE_RE = re.compile(
    r"(?:\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"\b(?:" + _MONTH_ALT + r")\s+\d{1,2}$"
)
DATE_RE = re.compile(
    r"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(" + _MONTH_ALT + r")\s+(\d{1,2}),\s*'?(\d{2})(?![\d,.]\d)(?!\d)(?!\s+[a-z])"
)
# "May 25, 1995", "Thursday, May 25, 1995", and the ordinal form of a testimonium
# clause: "(on) the 30th day of June, 2021" (groups 5 to 7: day, month, year).
# The lookahead lets the scan skip every character no date can start with.
DATE_RE = re.compile(
    r"(?=[JFMASONDTW\d])(?:\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(" + _MONTH_ALT + r")\s+(\d{1,2})(?:,\s*|\s+)(\d{4})\b"
    r"|\b(\d{1,2})(?:st|nd|rd|th)\s+day\s+of\s+(" + _MONTH_ALT + r"),?\s+(\d{4})\b)"
)

# A whole number that may print thousands separators ("2,726"): an amendment's number.
GROUPED_NUMBER = r"\d{1,3}(?:,\d{3})*"
GROUPED_NUMBER_RE = re.compile(GROUPED_NUMBER + r"(?![\d,]\d)")


def grouped_number(text: str, start: int) -> tuple[int, int] | None:
    """(value, end) of the number at ``start`` ("2,726" → 2726), or None."""
    match = GROUPED_NUMBER_RE.match(text, start)
    if match is None:
        return None
    return int(match.group().replace(",", "")), match.end()


MONEY_RE = re.compile(
    r"\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?|(?<![\w.,$])(\d{1,3}(?:,\d{3})+)(\.\d+)?"
)
_SCALE_WORD = re.compile(r"\s+(million|billion)\b", re.IGNORECASE)
_SCALES = {"million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}


def parse_money(text: str) -> Decimal | None:
    """``$2,500,000`` or ``1,782.50`` → Decimal; None where it is not an amount."""
    cleaned = text.replace("$", "").replace(",", "").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def find_amounts(line: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, amount) of each dollar amount in a table row."""
    found = []
    for match in MONEY_RE.finditer(line):
        amount = parse_money(match.group(0))
        if amount is None:
            continue
        end = match.end()
        scale = _SCALE_WORD.match(line, end)
        if scale:  # "$2.5 million"
            amount *= _SCALES[scale.group(1).lower()]
            end = scale.end()
        found.append((match.start(), end, amount))
    return found


# --- rates ---------------------------------------------------------------------------

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)"
_PER_AMOUNT = re.compile(
    r"\$\s?" + _NUMBER + r"\s+(?:per|for\s+each|for\s+every)\s+"
    r"(?:\$\s?" + _NUMBER + r"(\s+million)?|(one\s+)?million(?:\s+dollars)?)",
    re.IGNORECASE,
)
_FRACTION_OF_PERCENT = re.compile(
    r"\b(?:(\d+)\s*/\s*(\d+)(?:st|nd|rd|th)?|one[-\s]fiftieth)\s+of\s+(?:one|1)\s*(?:percent|per\s+cent|%)",
    re.IGNORECASE,
)
_DECIMAL_RATE = re.compile(r"(?<![\d,])\$?(0?\.\d{4,})(?!\d)")
_PERCENT = re.compile(
    r"(?<![\d,])(\d*\.\d+)\s*(?:%|percent)\s+of\s+(?:the\s+)?(?:transaction|aggregate|value)",
    re.IGNORECASE,
)


_RATE_LEAD = re.compile(
    r"(?:equals?|equal\s+to|multiplied\s+by|rate\s+of|times|by)\s*$", re.IGNORECASE
)
_RATE_TAIL = re.compile(
    r"\s*(?:of|times)\s+(?:the\s+)?(?:transaction|aggregate|value|valuation|amount)",
    re.IGNORECASE,
)


def _per_amount(match: re.Match[str]) -> Decimal | None:
    fee = Decimal(match.group(1).replace(",", ""))
    if match.group(2):
        per = Decimal(match.group(2).replace(",", ""))
        if match.group(3):
            per *= 1_000_000
    else:
        per = Decimal(1_000_000)
    return fee / per if per else None


def _fraction(match: re.Match[str]) -> Decimal | None:
    numerator = Decimal(match.group(1) or 1)
    denominator = Decimal(match.group(2) or 50)
    return numerator / denominator / 100 if denominator else None


def find_rates(text: str) -> list[tuple[int, int, Decimal]]:
    """Every fee rate a text states, in order, as (start, end, fraction of the valuation).

    Stricter than :func:`find_rate` about bare decimals: "0.0000809" counts only where
    the sentence says it is a rate ("equals 0.0000809 of the transaction valuation",
    "multiplied by .0000809"), so a par value ("$.0001 per share") is never one.
    """
    found: list[tuple[int, int, Decimal]] = []
    for match in _PER_AMOUNT.finditer(text):
        value = _per_amount(match)
        if value is not None:
            found.append((match.start(), match.end(), value))
    for match in _FRACTION_OF_PERCENT.finditer(text):
        value = _fraction(match)
        if value is not None:
            found.append((match.start(), match.end(), value))
    for match in _PERCENT.finditer(text):
        found.append((match.start(1), match.end(), Decimal(match.group(1)) / 100))
    for match in _DECIMAL_RATE.finditer(text):
        value = Decimal(match.group(1))
        before = text[max(0, match.start() - 40) : match.start()]
        stated = _RATE_LEAD.search(before) or _RATE_TAIL.match(text, match.end())
        if 0 < value < Decimal("0.01") and stated:
            found.append((match.start(1), match.end(1), value))
    found.sort()
    kept: list[tuple[int, int, Decimal]] = []
    for item in found:  # a decimal inside a "$92 per million" phrase is the same statement
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def find_rate(text: str) -> tuple[int, int, Decimal] | None:
    """The fee rate a sentence states, as (start, end, fraction of the valuation).

    Accepts "equals 0.0000809 of the transaction valuation", "$80.90 per $1,000,000",
    "$92 per million", "1/50th of one percent", "0.0092% of the transaction value".
    """
    match = _PER_AMOUNT.search(text)
    if match:
        value = _per_amount(match)
        if value is not None:
            return match.start(), match.end(), value
    match = _FRACTION_OF_PERCENT.search(text)
    if match:
        value = _fraction(match)
        if value is not None:
            return match.start(), match.end(), value
    match = _PERCENT.search(text)
    if match:
        return match.start(1), match.end(), Decimal(match.group(1)) / 100
    match = _DECIMAL_RATE.search(text)
    if match:
        value = Decimal(match.group(1))
        if 0 < value < Decimal("0.01"):
            return match.start(1), match.end(1), value
    return None


# --- dates ---------------------------------------------------------------------------


def date_parts(match: re.Match[str]) -> tuple[int, int, int, str | None, datetime.date | None]:
    """(year, month, day, weekday, date or None where no such day exists)."""
    ordinal = match.group(2) is None  # "the 30th day of June, 2021"
    month = MONTHS[match.group(6 if ordinal else 2).rstrip(".").lower()]
    day = int(match.group(5 if ordinal else 3))
    year = int(match.group(7 if ordinal else 4))
    try:
        value: datetime.date | None = datetime.date(year, month, day)
    except ValueError:
        value = None
    return year, month, day, match.group(1), value


# --- boxes ---------------------------------------------------------------------------

_CHECKED = frozenset("xX✓✔√■☒☑")
_UNCHECKED_CHARS = frozenset(" _☐")


def box_state(mark: str) -> str:
    """``checked``, ``unchecked`` or ``unreadable`` for a box mark like ``|x|`` or ``☐``."""
    if mark in ("☒", "☑"):
        return "checked"
    if mark == "☐":
        return "unchecked"
    inside = mark[1:-1]
    core = inside.strip(" ")
    if not core or all(ch in _UNCHECKED_CHARS for ch in core):
        return "unchecked"
    if len(core) == 1 and core in _CHECKED:
        return "checked"
    return "unreadable"
