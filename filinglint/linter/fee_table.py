"""The CALCULATION OF FILING FEE table: valuation, fee, their markers and the stated rate.

Amounts are matched to header columns by where they stand (overlap, then distance
between centres), so centred, left-aligned and stacked headers all read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from filinglint.linter import values
from filinglint.linter.ast import FeeRate, FeeTable, Money
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

_MARKS = r"((?:[*+†‡#]+|\(\d{1,2}\))*)"
_LABELS = {
    "valuation": re.compile(r"(?:transaction\s+)?valu(?:ation|e)" + _MARKS, re.IGNORECASE),
    "fee": re.compile(r"(?:amount\s+of\s+(?:the\s+)?)?(?:filing\s+)?fee" + _MARKS, re.IGNORECASE),
}
_AMOUNT_MARKERS = re.compile(r"(?:[*+†‡#]++|\(\d{1,2}\))++")


@dataclass(slots=True)
class _Column:
    """A header label's horizontal extent and the markers printed on it."""

    start: int
    end: int
    markers: str

    def affinity(self, start: int, end: int) -> tuple[int, float]:
        """How well an amount at [start, end) sits under this label (higher is better)."""
        overlap = min(end, self.end) - max(start, self.start)
        centre = abs((start + end) / 2 - (self.start + self.end) / 2)
        return max(overlap, 0), -centre


def _money(place: Place, token: Token, start: int, end: int, amount, header_markers: str) -> Money:
    trailing = _AMOUNT_MARKERS.match(token.value, end)
    markers = split_markers(header_markers) + (split_markers(trailing.group(0)) if trailing else [])
    return Money(
        span=line_span(place, token, start, end),
        amount=amount,
        text=token.value[start:end],
        markers=tuple(markers),
    )


# Column words of a registration-statement fee table (title of class, amount to be
# registered, proposed maximum offering price…): a table this reader does not know,
# so it yields no valuation and no fee rather than a guess.
_REGISTRATION_COLUMNS = re.compile(
    r"title\s+of\s+(?:each\s+)?class|to\s+be\s+registered|proposed\s+maximum"
    r"|offering\s+price|price\s+per\s+(?:unit|share)|registration\s+fee",
    re.IGNORECASE,
)
# Possessive: a run of spaces must not be split among the repetitions in every possible
# way when the line turns out not to be a row ("(Rule" after 33 spaces took 2^32 steps;
# found by benchmarks/fuzz.py).
_ROW_RESIDUE = re.compile(r"(?:[*+†‡#|]++|\(\w{1,2}\)|\s++)*+")


def build_fee_table(place: Place, run: Run) -> FeeTable:
    """Read valuation and fee from the table that follows the heading, or from nothing.

    The table is the lines after the heading up to its first footnote; a values line
    is either a row of amounts (under a two-label header, or valuation then fee) or a
    line that starts with its label ("Amount of filing fee: $92.00"). A table with a
    registration statement's columns, or one whose rows are not of that shape, gives
    no amounts: a table the reader does not understand must never produce a finding.
    """
    heading: Token = run.tokens[0]
    lines = [t for t in run.tokens[1:] if t.type == "TEXT"]
    note_runs = [r for r in run.tokens[1:] if r.type == "note"]
    found = _read_values(place, run.tokens[1:])
    notes = tuple(build_note(place, r) for r in note_runs)
    fee = found.get("fee")
    return FeeTable(
        span=token_span(place, heading, run),
        valuation=found.get("valuation"),
        fee=fee,
        rate=_find_fee_rate(place, note_runs, lines, fee),
        rates=_all_rates(place, note_runs, lines),
        notes=notes,
    )


def _is_row(text: str, amounts: list[tuple[int, int, object]]) -> bool:
    """A line holding only amounts (and their markers): a row of a table, not prose."""
    position = 0
    for start, end, _ in amounts:
        if not _ROW_RESIDUE.fullmatch(text, position, start):
            return False
        position = end
    return _ROW_RESIDUE.fullmatch(text, position) is not None


def _read_values(place: Place, body: list) -> dict[str, Money]:
    """Valuation and fee of the table's values row or labelled lines (see above)."""
    found: dict[str, Money] = {}
    columns: dict[str, _Column] = {}
    for token in body:
        if token.type == "note":
            break  # the footnotes follow the table
        if token.type != "TEXT":
            continue
        text = token.value
        amounts = values.find_amounts(text)
        if not amounts:
            if found:
                break  # the first line after the values ends the table
            if _REGISTRATION_COLUMNS.search(text):
                return {}
            for name, pattern in _LABELS.items():
                label = pattern.search(text)
                if label:
                    columns[name] = _Column(label.start(), label.end(), label.group(1))
            continue
        indent = len(text) - len(text.lstrip())
        leading = {name: p.match(text, indent) for name, p in _LABELS.items()}
        labelled = [name for name, label in leading.items() if label]
        if len(labelled) == 1:  # "Amount of filing fee: $92.00"
            name = labelled[0]
            start, end, amount = amounts[0]
            if name not in found:
                found[name] = _money(place, token, start, end, amount, leading[name].group(1))
            continue
        if found or not _is_row(text, amounts):
            break
        if len(columns) == 2:
            for start, end, amount in amounts:
                name = max(columns, key=lambda n: columns[n].affinity(start, end))
                if name not in found:
                    found[name] = _money(place, token, start, end, amount, columns[name].markers)
        elif len(amounts) == 2 and not columns:  # no header: valuation first, then fee
            for name, (start, end, amount) in zip(("valuation", "fee"), amounts, strict=True):
                found[name] = _money(place, token, start, end, amount, "")
        break  # only the first values row of a table counts
    return found


def _find_fee_rate(
    place: Place, note_runs: list[Run], lines: list[Token], fee: Money | None
) -> FeeRate | None:
    fee_markers = set(fee.markers) if fee else set()
    ordered = sorted(note_runs, key=lambda r: r.tokens[0].info.marker not in fee_markers)
    candidates = [run_joined(r) for r in ordered]
    candidates.append(Joined([piece(t) for t in lines if t.type == "TEXT"]))
    for joined in candidates:
        found = values.find_rate(joined.text)
        if found:
            start, end, rate = found
            span = joined.span(place, start, end)
            return FeeRate(span=span, value=rate, text=joined.text[start:end])
    return None


def _all_rates(place: Place, note_runs: list[Run], lines: list[Token]) -> tuple[FeeRate, ...]:
    """Every rate the table's lines and its notes state, in file order."""
    texts = [Joined([piece(t) for t in lines])] + [run_joined(r) for r in note_runs]
    return tuple(stated_rates(place, texts))


def stated_rates(place: Place, texts: list[Joined]) -> list[FeeRate]:
    """Every rate (``values.find_rates``) the joined texts state, in file order: for the
    Schedule TO fee table and the registration fee table alike."""
    rates = []
    for joined in texts:
        for start, end, value in values.find_rates(joined.text):
            span = joined.span(place, start, end)
            rates.append(FeeRate(span=span, value=value, text=joined.text[start:end]))
    rates.sort(key=lambda rate: rate.span.start)
    return rates
