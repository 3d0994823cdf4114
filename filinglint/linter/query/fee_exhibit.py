"""Facts of an Inline XBRL filing-fee exhibit: its rows and facts, amounts, submission
types and the SEC's validation classes, and the exact arithmetic the FFX rules share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact
from filinglint.linter.money import dollars, multiply, subtract, to_cents

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


# --- which validations apply ---------------------------------------------------------
#
# EDGAR runs each fee-exhibit validation only on the submission types it lists
# (``schema/fee-exhibit-validations.json``, derived from the SEC staff's
# ft-validations.json): the Exchange Act transaction-valuation check on Schedule TO and
# merger proxies, the offering-amount checks on registration statements and 424B
# prospectuses, and so on. A rule checks an exhibit only with the validations of its
# submission's class.


def validations() -> dict:
    """The validation data file (loaded once per process)."""
    from filinglint.schema import load_json

    return load_json("fee-exhibit-validations.json")


def submission_types(code: str) -> frozenset[str]:
    """The submission types EDGAR runs validation ``code`` (``ft.netFeeAmt`` …) on."""
    return frozenset(validations()["validations"][code])


def form_type(exhibit: FeeExhibit) -> str | None:
    """The exhibit's form type (``ffd:FormTp``, or "Form S-3 (Form Type)" in plain HTML)."""
    for row in rows(exhibit, "totals"):
        found = fact(row, "ffd:FormTp")
        if found is not None and isinstance(found.value, str) and found.value.strip():
            return re.sub(_SPACES, " ", found.value).strip()
    return None


def candidate_types(ctx, exhibit: FeeExhibit) -> frozenset[str] | None:
    """The submission types the exhibit may belong to; ``None`` when nothing says.

    The submission type when known (the header's, the ``submission-type`` option, the
    exhibit's ``ffd:SubmissnTp``); else every submission type whose exhibit may carry
    the exhibit's form type (EDGAR's table 3-1: form type S-3 → S-3, S-3/A, S-3ASR,
    POS AM, 424B1 …); else ``None``.
    """
    kind = submission_type(ctx, exhibit)
    if kind is not None:
        return frozenset((kind,))
    form = form_type(exhibit)
    if form is None:
        return None
    mapping = validations()["form-types"]
    found = frozenset(sub for sub, forms in mapping.items() if form in forms)
    return found or None


def applies(ctx, exhibit: FeeExhibit, *codes: str) -> bool:
    """Whether EDGAR would run any of validations ``codes`` on this exhibit.

    It does when the exhibit may belong to a submission type the validation lists; when
    nothing says which submission the exhibit belongs to, every validation applies (a
    rule then still needs the facts it checks, which another form's exhibit lacks).
    """
    candidates = candidate_types(ctx, exhibit)
    if candidates is None:
        return True
    return any(candidates & submission_types(code) for code in codes)


def unquantified(row: FeeExhibitRow, name: str) -> FeeFact | None:
    """A fact ``name`` the row states without an amount ("(2)": the amount is in a note).

    Such a cell is no value and never zero: a sum over it is unknown.
    """
    return next(
        (f for f in row.facts if f.name == name and f.value is None and f.text.strip()), None
    )


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of amounts, however many digits they have (no context rounding)."""
    total = Decimal(0)
    for value in values:
        total = add(total, value)
    return total


def add(a: Decimal, b: Decimal) -> Decimal:
    """The exact ``a + b``."""
    return subtract(a, b.copy_negate())


@dataclass(frozen=True)
class LineFee:
    """A line's stated fee against its base × rate, off by more than EDGAR's tolerance."""

    fee: FeeFact
    base: FeeFact
    rate: FeeFact
    expected: Decimal
    difference: Decimal  # stated − expected

    @property
    def verdict(self) -> str:
        return "overpaid" if self.difference > 0 else "underpaid"

    @property
    def rate_text(self) -> str:
        return f"{self.rate.value.normalize():f}"

    def message(self, fee_name: str, base_name: str, validation: str) -> str:
        """ "``label``: fee $X differs from the expected $Y (base $Z × fee rate R): …"."""
        return (
            f"{fee_name} {exact_dollars(self.fee.value)} differs from the expected"
            f" {exact_dollars(self.expected)} ({base_name} {exact_dollars(self.base.value)}"
            f" × fee rate {self.rate_text}): {self.verdict} by"
            f" {exact_dollars(self.difference.copy_abs())}, more than EDGAR's $1.00 tolerance"
            f" ({validation})"
        )

    def related(self, base_name: str) -> tuple:
        return (
            (self.base.span, f"{base_name} {exact_dollars(self.base.value)}"),
            (self.rate.span, f"fee rate {self.rate_text}"),
        )


def line_fee_error(row: FeeExhibitRow, base: str) -> LineFee | None:
    """The line's fee (``ffd:FeeAmt``) against ``base`` × ``ffd:FeeRate`` where all three
    are stated and they differ by more than EDGAR's tolerance; None otherwise."""
    fee, value, rate = amount(row, "ffd:FeeAmt"), amount(row, base), amount(row, "ffd:FeeRate")
    if fee is None or value is None or rate is None:
        return None
    expected = multiply(value.value, rate.value)
    difference = subtract(fee.value, expected)
    if difference.copy_abs() <= edgar_tolerance():
        return None
    return LineFee(fee=fee, base=value, rate=rate, expected=expected, difference=difference)
