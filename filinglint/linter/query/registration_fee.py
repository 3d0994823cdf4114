"""What the fee rules ask of a registration statement's fee table and of a fund's fee
notice: the rate a fee must be computed at, and the rounding slack an amount printed to
so many places allows.

The rate is the one the table states; where it states none, the rate in force on the day
that counts (``fee_date``: the filing date, or the original filing's date for an
amendment whose fee "was previously paid"); where the table states two different rates,
none (which row paid which rate only the author knows).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import NamedTuple

from filinglint.linter.ast import (
    Filing,
    Money,
    Quantity,
    RegistrationFeeRow,
    RegistrationFeeTable,
    Span,
    Submission,
)
from filinglint.linter.money import per_million
from filinglint.linter.query.dates import long_date
from filinglint.linter.query.fee_rates import rate_in_force
from filinglint.linter.query.filing_date import FilingDate, fee_date


class TableRate(NamedTuple):
    """The rate a table's fees are checked against, how the message names it, and where
    the filing states it (None for a rate the table does not state)."""

    value: Decimal
    described: str
    span: Span | None
    when: FilingDate | None = None


def table_rate(
    filing: Filing,
    submission: Submission | None,
    table: RegistrationFeeTable,
    given: str | datetime.date | None = None,
) -> TableRate | None:
    """The stated rate, else the rate in force on the date that counts, else None."""
    if table.rate is not None:
        return TableRate(table.rate.value, f"the stated rate {table.rate.text}", table.rate.span)
    if table.rates:
        return None  # several different rates: which row paid which is not said
    when = fee_date(filing, submission, table, given)
    if when is None:
        return None
    period = rate_in_force(when.day)
    if period is None:
        return None
    described = (
        f"{per_million(period.rate)}, the rate in force on"
        f" {long_date(when.day)} ({when.basis}; the table states no rate)"
    )
    return TableRate(period.rate, described, None, when)


def readable(table: RegistrationFeeTable) -> bool:
    """The reader understood the table: rules may judge it."""
    return table.unread is None


def half_unit(text: str) -> Decimal:
    """Half a unit of the last printed place: ``$10.00`` → 0.005, ``$1,000`` → 0.5.

    An amount printed to so many places stands for any value that rounds to it.
    """
    digits = text.rpartition(".")[2] if "." in text else ""
    return Decimal(5).scaleb(-(len(digits) + 1))


def fee_rows(table: RegistrationFeeTable) -> tuple[RegistrationFeeRow, ...]:
    """The rows that state both an aggregate offering price and a fee."""
    return tuple(r for r in table.rows if r.aggregate is not None and r.fee is not None)


def count_of(value: Quantity | Money | None) -> Decimal | None:
    """The amount to be registered when it is a count (of shares, units…), not dollars."""
    return value.value if isinstance(value, Quantity) else None


def money_of(value: Money | None) -> Decimal | None:
    return value.amount if value is not None else None
