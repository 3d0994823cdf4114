"""## What it does
Checks the fee rate of a fee table against the SEC's Section 6(b) rate in force on the
filing date (`schema/fee-rates.json`: every rate from fiscal 2000 to fiscal 2026 with its
source; before 17 January 2002 tender offers paid the statutory 1/50 of 1%). The rate is
the one the table states; where it states none, the fee divided by the valuation (a fee
that equals valuation × the rate in force, in cents, is right whatever the division
gives). The filing date is the EDGAR header's FILED AS OF DATE, else the `filing-date`
option (`--filing-date`), else the signature date; the message says which. On an
amendment whose fee "has previously been paid", the date that counts is the original
filing's, where the text gives it; where it does not, the rule is silent. The Inline XBRL
fee exhibit's `ffd:FeeRate` facts are checked the same way, inside a submission.

The same check applies to the rate a registration statement's CALCULATION OF
REGISTRATION FEE table states (a table that states none is checked row by row by
`fee-mismatch` at the rate in force), and to the multiplier of a fund's Form 24F-2
notice (24F-2NT). A fund pays at the rate in force on the day it files the notice, not
at its fiscal year end (Rule 24f-2 and Form 24F-2's instructions point to the Section
6(b) rate then in effect; counsel's advisories, e.g. Goodwin's of 2014 on the 1 October
rate change, advise funds to time the filing accordingly). Before fiscal 2000 the table
has no rate, so an older notice is checked for its arithmetic only (`fund-fee-mismatch`).

## Why it matters
The fee is the valuation times the rate in force when the statement is filed (Exchange
Act Rule 0-11; the rate changes each fiscal year, and before fiscal 2012 only once the
SEC's appropriation passed). A fee computed at last year's rate is wrong even when the
arithmetic is right, and the statement is not properly filed until the fee is paid.

## Example
```
                           CALCULATION OF FILING FEE
           Transaction Valuation*               Amount of Filing Fee**
                 $10,000,000                         $927.00
**   The filing fee equals $92.70 per $1,000,000 of the transaction valuation.

SIGNATURE
                                        By: /s/ Ada Lindqvist
                                        Name:  Ada Lindqvist
                                        Title: Chief Executive Officer
Date: April 14, 2021
```
$92.70 per million is the fiscal-2022 rate; on 14 April 2021 the rate was $109.10.

## Options
`filing-date` (`[tool.filinglint.fee-rate-outdated]`, or `--filing-date YYYY-MM-DD` on
the command line): the day a draft will be filed, used where the file has no EDGAR
header.

## How to fix
Compute the fee at the rate in force on the day the statement is filed (the message
gives it and the fee it yields), or file on a day that rate applies to.
"""

from __future__ import annotations

from filinglint.linter.ast import FeeExhibit, FeeRate, FeeTable, FundFeeNotice, RegistrationFeeTable
from filinglint.linter.context import Context
from filinglint.linter.money import dollars, multiply, per_million, to_cents
from filinglint.linter.query.dates import long_date
from filinglint.linter.query.fee_exhibit import amount, rows
from filinglint.linter.query.fee_rates import rate_in_force
from filinglint.linter.query.filing_date import FilingDate, fee_date, filing_date
from filinglint.linter.rule import Rule


def check_table(ctx: Context, table: FeeTable) -> None:
    filing = ctx.filing
    if filing is None:
        return
    when = fee_date(filing, ctx.submission, table, ctx.options["filing-date"])
    if when is None:
        return
    period = rate_in_force(when.day)
    if period is None:
        return
    if table.rate is not None:
        if table.rate.value == period.rate:
            return
        span, stated = table.rate.span, f"the stated rate {table.rate.text}"
        if table.rate.text != per_million(table.rate.value):
            stated += f" ({per_million(table.rate.value)})"
        stated += " is not"
    elif table.valuation is not None and table.fee is not None and table.valuation.amount:
        due = to_cents(multiply(table.valuation.amount, period.rate))
        if table.fee.amount == due:
            return
        implied = table.fee.amount / table.valuation.amount
        span = table.fee.span
        stated = (
            f"the fee {dollars(table.fee.amount)} implies {per_million(implied)},"
            " while the table states no rate; that is not"
        )
    else:
        return
    hint = f"compute the fee at {per_million(period.rate)}"
    if table.valuation is not None:
        due = to_cents(multiply(table.valuation.amount, period.rate))
        hint += (
            f": {dollars(table.valuation.amount)} × {period.rate.normalize():f} = {dollars(due)}"
        )
    related = [(when.span, when.basis)] if when.span is not None else []
    ctx.report(
        span,
        f"{stated} the rate in force on {long_date(when.day)} ({when.basis}):"
        f" {per_million(period.rate)} (fiscal {period.fiscal_year}, from"
        f" {long_date(period.effective_from)})",
        hint=hint,
        related=related,
    )


def check_registration(ctx: Context, table: RegistrationFeeTable) -> None:
    """The rate a registration statement's fee table states, against the rate in force."""
    if ctx.filing is None or table.unread is not None:
        return
    for rate in {r.value: r for r in table.rates}.values():
        when = fee_date(ctx.filing, ctx.submission, table, ctx.options["filing-date"])
        _stated_rate(ctx, rate, when, "compute each row's fee at", "the stated rate")


def check_fund_notice(ctx: Context, notice: FundFeeNotice) -> None:
    """A 24F-2NT multiplier against the rate in force on the day the notice is filed."""
    if ctx.filing is None or notice.multiplier is None:
        return
    when = filing_date(ctx.filing, ctx.submission, ctx.options["filing-date"])
    _stated_rate(ctx, notice.multiplier, when, "compute the fee on net sales at", "the multiplier")


def _stated_rate(
    ctx: Context, rate: FeeRate, when: FilingDate | None, advice: str, noun: str
) -> None:
    if when is None:
        return
    period = rate_in_force(when.day)
    if period is None or rate.value == period.rate:
        return
    stated = f"{noun} {rate.text}"
    if rate.text != per_million(rate.value):
        stated += f" ({per_million(rate.value)})"
    ctx.report(
        rate.span,
        f"{stated} is not the rate in force on {long_date(when.day)} ({when.basis}):"
        f" {per_million(period.rate)} (fiscal {period.fiscal_year}, from"
        f" {long_date(period.effective_from)})",
        hint=f"{advice} {per_million(period.rate)} ({period.rate.normalize():f})",
        related=[(when.span, when.basis)] if when.span is not None else [],
    )


def check_exhibit(ctx: Context, exhibit: FeeExhibit) -> None:
    """EDGAR's daily-rate check: each ``ffd:FeeRate`` against the rate on the filed date."""
    submission = ctx.submission
    header = submission.header if submission is not None else None
    if header is None or header.filed_as_of is None:
        return
    period = rate_in_force(header.filed_as_of)
    if period is None:
        return
    for row in rows(exhibit, "offering"):
        fact = amount(row, "ffd:FeeRate")
        if fact is None or fact.value == period.rate:
            continue
        ctx.report(
            fact.span,
            f"fee rate {fact.value.normalize():f} is not the rate in force on"
            f" {long_date(header.filed_as_of)} (the FILED AS OF DATE):"
            f" {period.rate.normalize():f} ({per_million(period.rate)}, fiscal"
            f" {period.fiscal_year})",
            hint="tag the rate in force on the filing date and recompute the fee",
            related=[(header.filed_as_of_span, "the FILED AS OF DATE")]
            if header.filed_as_of_span is not None
            else [],
        )


RULE = Rule(
    code="FEE002",
    name="fee-rate-outdated",
    severity="error",
    summary="the fee rate is not the SEC rate in force on the filing date",
    docs=__doc__,
    visitors={
        "fee_table": check_table,
        "fee_exhibit": check_exhibit,
        "registration_fee_table": check_registration,
        "fund_fee_notice": check_fund_notice,
    },
    options={
        "filing-date": {
            "type": ["string", "null"],
            "format": "date",
            "default": None,
            "description": "The day a draft will be filed (YYYY-MM-DD), used where the file"
            " has no EDGAR header.",
        }
    },
)
