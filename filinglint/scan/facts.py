"""The facts the rules read, one record per document, taken from the AST and the query layer.

A corpus question ("how many fees were misstated, by year?") needs the numbers a rule
compared, not only the findings it made: the valuation, the fee, the rate the filing
states and the rate in force on the day that counts. They come from the very functions
the rules call (``linter/query/*``), so the table and the findings never disagree on
what a filing says. Plain Python records (no pyarrow here): the worker builds them and
``tables.py`` gives them their Arrow types.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from filinglint.linter.ast import Filing, Submission, SubmissionDocument, SubmissionHeader

#: Money columns keep 6 decimal places, rates 12: wide enough for any stated amount or rate.
MONEY_PLACES = 6
RATE_PLACES = 12
_MONEY_QUANTUM = Decimal(1).scaleb(-MONEY_PLACES)
_RATE_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)


def file_header(root: Filing | Submission, path: str) -> dict[str, Any]:
    """What names the filing a file holds: accession, form, filed date, company, CIK.

    From the EDGAR header where there is one; a bare document (a draft, one document of
    a filing) gives its cover's form and subject company and its signature date.
    """
    info: dict[str, Any] = {
        "accession": None,
        "form": None,
        "filed_date": None,
        "filed_date_basis": None,
        "company": None,
        "cik": None,
    }
    if root.kind == "submission":
        header: SubmissionHeader | None = root.header  # type: ignore[union-attr]
        if header is not None:
            info["accession"] = header.accession
            info["form"] = header.submission_type
            if header.filed_as_of is not None:
                info["filed_date"] = header.filed_as_of
                info["filed_date_basis"] = "header"
            party = _company(header)
            if party is not None:
                info["company"], info["cik"] = party.name, party.cik
        main = _main_filing(root)  # type: ignore[arg-type]
        if main is not None:
            _fill_from_filing(info, main)
        return info
    _fill_from_filing(info, root)  # type: ignore[arg-type]
    return info


def _company(header: SubmissionHeader):
    for role in ("subject-company", "filer", "filed-by"):
        for party in header.parties:
            if party.role == role and (party.name or party.cik):
                return party
    return None


def _main_filing(submission: Submission) -> Filing | None:
    from filinglint.linter.query.submission import main_filing

    found = main_filing(submission)
    if found is not None:
        return found
    return next((d.filing for d in submission.documents if d.filing is not None), None)


def _fill_from_filing(info: dict[str, Any], filing: Filing) -> None:
    from filinglint.linter.query.filing_date import filing_date

    cover = filing.cover
    if info["form"] is None and cover.form:
        info["form"] = cover.form
    if info["company"] is None and cover.subject_company is not None:
        info["company"] = cover.subject_company.value
    if info["filed_date"] is None:
        when = filing_date(filing, None, None)
        if when is not None:
            info["filed_date"] = when.day
            info["filed_date_basis"] = "signature"


def document_rows(root: Filing | Submission, path: str) -> list[dict[str, Any]]:
    """One record per document of the file: its type and content, and its facts."""
    if root.kind == "filing":
        filing: Filing = root  # type: ignore[assignment]
        content = "xbrl" if filing.fee_exhibit is not None and not filing.cover.form else None
        if content is None:
            content = "html" if path.lower().endswith((".htm", ".html")) else "text"
        return [_row(1, None, content, filing, None)]
    submission: Submission = root  # type: ignore[assignment]
    attached = _attached(submission)
    rows = []
    for number, document in enumerate(submission.documents, start=1):
        row = _row(number, document, document.content, document.filing, submission)
        row["exhibits_attached"] = attached if number == 1 else None
        rows.append(row)
    if not rows:  # a header without documents is still one row
        rows.append(_row(1, None, "text", None, submission))
    return rows


def _attached(submission: Submission) -> int:
    from filinglint.linter.query.submission import attached_exhibits

    return len(attached_exhibits(submission))


def _row(
    number: int,
    document: SubmissionDocument | None,
    content: str,
    filing: Filing | None,
    submission: Submission | None,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "document": number,
        "document_type": document.type if document is not None else None,
        "filename": document.filename if document is not None else None,
        "content": content,
        "cover_form": None,
        "valuation": None,
        "fee": None,
        "stated_rate": None,
        "fee_expected": None,
        "fee_difference": None,
        "fee_date": None,
        "rate_in_force": None,
        "fee_in_force": None,
        "boxes": None,
        "boxes_checked": None,
        "boxes_checked_count": None,
        "boxes_unreadable": None,
        "amendment_number": None,
        "exhibits_item12": None,
        "exhibits_index": None,
        "exhibits_attached": None,
        "cusip": None,
        "fee_exhibit_rows": None,
    }
    if filing is None:
        return row
    cover = filing.cover
    row["cover_form"] = cover.form
    row["amendment_number"] = cover.amendment_number
    row["boxes"] = len(cover.boxes)
    checked = [b for b in cover.boxes if b.state == "checked"]
    row["boxes_checked"] = sorted({b.role for b in checked if b.role})
    row["boxes_checked_count"] = len(checked)
    row["boxes_unreadable"] = sum(1 for b in cover.boxes if b.state == "unreadable")
    if cover.cusip is not None:
        from filinglint.linter.query.identifiers import cusip_mentions

        mentions = cusip_mentions(cover.cusip.value)
        row["cusip"] = mentions[0].text if mentions else None
    row["exhibits_item12"] = _count_entries(filing, "item-12")
    row["exhibits_index"] = _count_entries(filing, "index")
    if filing.fee_exhibit is not None:
        row["fee_exhibit_rows"] = len(filing.fee_exhibit.rows)
    table = cover.fee_table
    if table is not None:
        _fee_facts(row, filing, submission, table)
    return row


def _count_entries(filing: Filing, source: str) -> int | None:
    from filinglint.linter.query.exhibits import exhibit_list

    found = exhibit_list(filing, source)
    return len(found.entries) if found is not None else None


def _fee_facts(row: dict[str, Any], filing: Filing, submission, table) -> None:
    """The fee table's numbers, and what the fee would be at the stated and the in-force rate
    (the products FEE001 and FEE002 compare), rounded to cents as the rules round them."""
    from filinglint.linter.money import multiply, subtract, to_cents
    from filinglint.linter.query.fee_rates import rate_in_force
    from filinglint.linter.query.filing_date import fee_date

    valuation = table.valuation.amount if table.valuation is not None else None
    fee = table.fee.amount if table.fee is not None else None
    rate = table.rate.value if table.rate is not None else None
    row["valuation"] = money(valuation)
    row["fee"] = money(fee)
    row["stated_rate"] = rate_value(rate)
    if valuation is not None and rate is not None:
        expected = to_cents(multiply(valuation, rate))
        row["fee_expected"] = money(expected)
        if fee is not None:
            row["fee_difference"] = money(subtract(fee, expected))
    when = fee_date(filing, submission, table)
    if when is not None:
        row["fee_date"] = when.day
        period = rate_in_force(when.day)
        if period is not None:
            row["rate_in_force"] = rate_value(period.rate)
            if valuation is not None:
                row["fee_in_force"] = money(to_cents(multiply(valuation, period.rate)))


def money(value: Decimal | None) -> Decimal | None:
    """A Decimal at the money columns' scale; None where it does not fit (never a float)."""
    return _quantize(value, _MONEY_QUANTUM)


def rate_value(value: Decimal | None) -> Decimal | None:
    return _quantize(value, _RATE_QUANTUM)


def _quantize(value: Decimal | None, quantum: Decimal) -> Decimal | None:
    if value is None:
        return None
    try:
        result = value.quantize(quantum)
    except InvalidOperation:
        return None
    return result if len(result.as_tuple().digits) <= 38 else None


def as_date(value: Any) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None
