"""What the fee-exhibit sum rules share: a total fact against the sum of line facts."""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit, FeeExhibitRow, FeeFact
from filinglint.linter.context import Context
from filinglint.linter.money import subtract
from filinglint.linter.query.fee_exhibit import (
    amount,
    applies,
    edgar_tolerance,
    exact_dollars,
    exact_sum,
    row_label,
    rows,
    too,
    unquantified,
)


def check_sum(
    ctx: Context,
    exhibit: FeeExhibit,
    *,
    total_name: str,
    total_label: str,
    line_tables: tuple[str, ...],
    line_name: str,
    line_label: str,
    code: str,
    include=lambda row: True,
    plural: bool = False,
) -> None:
    """Report a ``total_name`` fact differing by more than $1.00 from its lines' sum.

    As EDGAR's ``tsum`` validations (``code``, run only on the submission types it lists):
    each total is checked when it is present, lines without the fact add nothing, and a
    total with no lines at all must be zero. A line that states the fact without an
    amount ("(2)", see the note) makes the sum unknown, and nothing is reported.
    """
    if not applies(ctx, exhibit, code):
        return
    lines: list[tuple[FeeExhibitRow, FeeFact]] = []
    for row in exhibit.rows:
        if row.table not in line_tables or not include(row):
            continue
        if unquantified(row, line_name) is not None and amount(row, line_name) is None:
            return  # a term of the sum is stated elsewhere: the sum is unknown
        found = amount(row, line_name)
        if found is not None:
            lines.append((row, found))
    expected = exact_sum(f.value for _, f in lines)
    for totals in rows(exhibit, "totals"):
        total = amount(totals, total_name)
        if total is None:
            continue
        difference = subtract(total.value, expected)
        if difference.copy_abs() <= edgar_tolerance():
            continue
        if lines:
            terms = " + ".join(exact_dollars(f.value) for _, f in lines)
            of = f"the sum of the {line_label} ({terms})"
        else:
            of = f"the sum of the {line_label}, as no line states one"
        ctx.report(
            total.span,
            f"{total_label} {exact_dollars(total.value)} {'differ' if plural else 'differs'}"
            f" from {exact_dollars(expected)},"
            f" {of}: {too(difference)}, more than EDGAR's $1.00 tolerance ({code})",
            hint=f"state {exact_dollars(expected)}, or correct the line that is wrong",
            related=tuple(
                (f.span, f"{row_label(row)}: {exact_dollars(f.value)}") for row, f in lines
            ),
        )
