"""Money formatting shared by rule messages: exact Decimal, US style, always cents."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_cents(amount: Decimal) -> Decimal:
    """Round half up to the cent, the way fee arithmetic is settled."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def dollars(amount: Decimal) -> str:
    """``Decimal('2500000')`` → ``$2,500,000.00``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(to_cents(amount)):,.2f}"
