"""The date a filing is made, as a rule that needs it should take it, and why.

The fee rate in force, and so the right fee, depend on the day the filing is made. The
best evidence is the EDGAR header's FILED AS OF DATE (EDGAR's deemed filing date, already
moved to the next business day for a filing made after 5:30 p.m.); a draft has none, so a
date the user gives (the ``filing-date`` option, ``--filing-date``) comes next, then the
date of the signature block. Each answer says where it came from, so a message can say.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from filinglint.linter.ast import (
    DateMention,
    FeeTable,
    Filing,
    RegistrationFeeTable,
    Span,
    Submission,
)


class FilingDate(NamedTuple):
    """A day, what it is (for messages), and where the filing says it (if it does)."""

    day: datetime.date
    basis: str
    span: Span | None = None


_PAID_BEFORE = re.compile(
    r"(?:has|have|was|were|had)\s+(?:been\s+)?previously\s+(?:been\s+)?paid", re.I
)


def filing_date(
    filing: Filing, submission: Submission | None, given: str | datetime.date | None
) -> FilingDate | None:
    """The header's FILED AS OF DATE, else the date given, else the signature date."""
    header = submission.header if submission is not None else None
    if header is not None and header.filed_as_of is not None:
        return FilingDate(header.filed_as_of, "the FILED AS OF DATE", header.filed_as_of_span)
    if isinstance(given, datetime.date):
        return FilingDate(given, "the given filing date")
    if isinstance(given, str) and given.strip():
        return FilingDate(datetime.date.fromisoformat(given.strip()), "the given filing date")
    signed = _signature_date(filing)
    if signed is not None and signed.value is not None:
        return FilingDate(signed.value, "the signature date", signed.span)
    return None


def _signature_date(filing: Filing) -> DateMention | None:
    dated = [s.date for s in filing.signatures if s.date is not None and s.date.value]
    if dated:
        return dated[0]
    return next((d for d in filing.dates if d.role == "signature" and d.value), None)


def fee_paid_before(table: FeeTable | RegistrationFeeTable) -> bool:
    """The fee table says its fee "has previously been paid" (an amendment repeating it)."""
    return any(_PAID_BEFORE.search(note.text) for note in table.notes)


def original_filing_date(filing: Filing) -> DateMention | None:
    """The date the text gives for the original filing ("originally filed … on …")."""
    return next((d for d in filing.dates if d.role == "original-filing" and d.value), None)


def fee_date(
    filing: Filing,
    submission: Submission | None,
    table: FeeTable | RegistrationFeeTable,
    given=None,
) -> FilingDate | None:
    """The day whose rate a fee table's fee must be at: the filing date, except on an
    amendment whose fee "has previously been paid" — then the original filing's date,
    or None where the text does not give it."""
    when = filing_date(filing, submission, given)
    amended = filing.cover.amendment_number is not None or "/A" in (filing.cover.form or "")
    if amended and fee_paid_before(table):
        original = original_filing_date(filing)
        if original is None:
            return None
        return FilingDate(original.value, "the original filing date", original.span)
    return when
