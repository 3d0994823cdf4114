"""Facts of an Inline XBRL filing-fee exhibit: its rows and facts, amounts, submission
types and the SEC's validation classes, and the exact arithmetic the FFX rules share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact
from filinglint.linter.money import dollars, subtract, to_cents

_SPACES = r"\s+"

# The option of the FFX rules whose checks depend on the submission type: where a fee
# exhibit is checked on its own (no EDGAR header), the type it belongs to.
SUBMISSION_TYPE_OPTION = {
    "submission-type": {
        "type": ["string", "null"],
        "default": None,
        "description": "The EDGAR submission type to check a bare fee exhibit against"
        " (inside a submission the header's type is used).",
    }
}


def rows(exhibit: FeeExhibit, table: str) -> list[FeeExhibitRow]:
    """The rows of one table (``"offering"``, ``"offset"``, ``"totals"`` …), in file order."""
    return [row for row in exhibit.rows if row.table == table]


def fact(row: FeeExhibitRow, name: str) -> FeeFact | None:
    """The first fact named ``name`` with a value (duplicates and nil facts ignored)."""
    return next((f for f in row.facts if f.name == name and f.value is not None), None)


def amount(row: FeeExhibitRow, name: str) -> FeeFact | None:
    """Like :func:`fact`, for a numeric fact only (its value is a ``Decimal``)."""
    return next((f for f in row.facts if f.name == name and isinstance(f.value, Decimal)), None)


def flag(row: FeeExhibitRow, name: str) -> bool | None:
    """A boolean flag fact's value; ``None`` when absent (or not a boolean)."""
    found = fact(row, name)
    if found is None or not isinstance(found.value, str):
        return None
    return {"true": True, "1": True, "false": False, "0": False}.get(found.value.lower())


def header_submission_type(ctx) -> str | None:
    """The EDGAR header's submission type, when the exhibit came inside a submission.

    The ``submission-type`` rule option stands in for it when a bare exhibit is checked.
    """
    submission = getattr(ctx, "submission", None)
    header = submission.header.submission_type if submission and submission.header else None
    header = header or ctx.options.get("submission-type")
    if isinstance(header, str) and header.strip():
        return re.sub(_SPACES, " ", header).strip()
    return None


def submission_type(ctx, exhibit: FeeExhibit) -> str | None:
    """The submission type: the header's, else the exhibit's own ``ffd:SubmissnTp``."""
    return header_submission_type(ctx) or exhibit.submission_type


def exact_dollars(value: Decimal) -> str:
    """``$1,913.75``; an amount with digits below the cent keeps them (``$1,913.745``)."""
    if to_cents(value) == value:
        return dollars(value)
    sign = "-" if value < 0 else ""
    return f"{sign}${value.copy_abs().normalize():,f}"


def edgar_tolerance() -> Decimal:
    """EDGAR's ``"tolerance": 1.0`` of the fee-exhibit calculations: one dollar."""
    return Decimal(1)


def row_label(row: FeeExhibitRow) -> str:
    """``offering line 2``, ``offset line 1``, or the context id when there is no number."""
    if row.table and row.number is not None:
        return f"{row.table} line {row.number}"
    return f"{row.table or 'context'} {row.context}"


def too(difference: Decimal) -> str:
    """``$1.25 too high`` / ``too low``, from ``stated - expected``."""
    return f"{exact_dollars(difference.copy_abs())} too {'high' if difference > 0 else 'low'}"


# Submission-type classes of the SEC staff's fee-exhibit validations
# (Arelle/EDGAR validate/resources/ft-validations.json, "sub-type-classes").
SUBMISSION_CLASSES: dict[str, frozenset[str]] = {
    "G-4": frozenset(
        [
            "S-1/A",
            "S-3/A",
            "S-11/A",
            "N-2/A",
            "F-1/A",
            "F-3/A",
            "SF-1/A",
            "SF-3/A",
            "N-2 POSASR",
            "POS AM",
            "POSASR",
        ]
    ),
    "G-6": frozenset(("S-4/A", "N-14 8C/A", "F-4/A", "F-10/A")),
    "G-7": frozenset(
        ("SC 13E1", "SC 13E3", "SC13E4F", "PREM14A", "PREM14C", "SC TO-I", "SC TO-T", "SC14D1F")
    ),
    "G-8": frozenset(
        [
            "SC 13E1/A",
            "SC 13E3/A",
            "SC13E4F/A",
            "PRER14A",
            "PRER14C",
            "SC14D1F/A",
            "SC TO-T/A",
            "SC TO-I/A",
        ]
    ),
    "G-11": frozenset(
        ("424B1", "424B2", "424B3", "424B4", "424B5", "424B7", "424B8", "424H", "424H/A")
    ),
}


def applies(kind: str | None, *classes: str) -> bool:
    """Whether a validation for ``classes`` applies; an unknown submission type does."""
    return kind is None or any(kind in SUBMISSION_CLASSES[name] for name in classes)


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of amounts, however many digits they have (no context rounding)."""
    total = Decimal(0)
    for value in values:
        total = add(total, value)
    return total


def add(a: Decimal, b: Decimal) -> Decimal:
    """The exact ``a + b``."""
    return subtract(a, b.copy_negate())
