"""Money formatting shared by rule messages: exact Decimal, US style, always cents."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

CENT = Decimal("0.01")


def _exact(*amounts: Decimal) -> Context:
    """A context precise enough that no digit of these amounts (or their product) is lost."""
    digits = sum(len(a.as_tuple().digits) + max(a.as_tuple().exponent, 0) for a in amounts)
    return Context(prec=max(28, digits + 4))


def to_cents(amount: Decimal) -> Decimal:
    """Round half up to the cent, the way fee arithmetic is settled."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP, context=_exact(amount))


def multiply(a: Decimal, b: Decimal) -> Decimal:
    """The exact product, however many digits the amounts have."""
    return _exact(a, b).multiply(a, b)


def subtract(a: Decimal, b: Decimal) -> Decimal:
    """The exact difference ``a - b``, however many digits the amounts have."""
    return _exact(a, b).subtract(a, b)


def per_million(rate: Decimal) -> str:
    """A fee rate as the SEC states it: ``Decimal('0.0000809')`` → ``$80.90 per $1,000,000``."""
    return f"${rate * 1_000_000:,.2f} per $1,000,000"


def dollars(amount: Decimal) -> str:
    """``Decimal('2500000')`` → ``$2,500,000.00``."""
    cents = to_cents(amount)
    sign = "-" if cents < 0 else ""
    return f"{sign}${cents.copy_abs():,.2f}"
