"""What a fee table's valuation footnote says the valuation is made of.

"This calculation assumes the purchase of 2,500,000 shares of common stock … at the
tender offer price of $1.00 per share" gives a basis of 2,500,000 × $1.00. Only the plain
case is read: one share count and one price per share in the footnote that the
valuation's marker points to. A footnote with several counts or prices (a sum of classes,
options plus shares, a range of prices) gives no basis, so nothing is guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from filinglint.linter.ast import FeeTable, Note
from filinglint.linter.money import multiply

_SHARES = re.compile(
    r"(?<![\d,.$])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:outstanding\s+|issued\s+and\s+outstanding\s+)?"
    r"(?:shares|units|ADSs|American\s+Depositary\s+Shares)\b",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"\$\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:net\s+)?per\s+(?:share|unit|ADS)\b",
    re.IGNORECASE,
)


class ValuationBasis(NamedTuple):
    """The footnote's count and price, and their product."""

    note: Note
    shares: Decimal
    price: Decimal
    product: Decimal


def valuation_note(table: FeeTable) -> Note | None:
    """The footnote the valuation's marker points to (``Transaction Valuation*``)."""
    if table.valuation is None or not table.valuation.markers:
        return None
    markers = set(table.valuation.markers)
    return next((note for note in table.notes if note.marker in markers), None)


def valuation_basis(table: FeeTable) -> ValuationBasis | None:
    """The basis the valuation footnote states, where it states exactly one count and price."""
    note = valuation_note(table)
    if note is None:
        return None
    text = " ".join(note.text.split())
    counts = {m.group(1) for m in _SHARES.finditer(text)}
    prices = {m.group(1) for m in _PRICE.finditer(text)}
    if len(counts) != 1 or len(prices) != 1:
        return None
    shares = Decimal(counts.pop().replace(",", ""))
    price = Decimal(prices.pop().replace(",", ""))
    return ValuationBasis(note, shares, price, multiply(shares, price))
