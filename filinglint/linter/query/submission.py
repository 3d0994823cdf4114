"""A submission's main document, its type, and the exhibit code each attached document names."""

from __future__ import annotations

import re

from filinglint.linter.ast import Filing, Submission, SubmissionDocument
from filinglint.linter.query.exhibits import code_key

_EXHIBIT_TYPE = re.compile(r"^EX-\d+(?:\.\d+)?\.?\s*(\(.*\))\s*$", re.IGNORECASE)
_NUMBERED_TYPE = re.compile(r"^EX-(\d{1,3}(?:\.\d{1,3})?)\s*$", re.IGNORECASE)
# The filing fee exhibit is Exhibit 107 whatever its EDGAR type says.
_FEE_TYPES = frozenset(("EX-FILING FEES", "EX-107"))


def is_complete(submission: Submission) -> bool:
    """Whether the file is a whole submission (an EDGAR header, then its documents), not
    one ``<DOCUMENT>`` cut out of one: only a whole submission shows which exhibits were
    filed with it. A single document's "filed herewith" exhibits are other documents of
    the same filing, which the file does not hold."""
    header = submission.header
    return header is not None and bool(header.submission_type or header.accession)


def main_document(submission: Submission) -> SubmissionDocument | None:
    """The document of the submission's own type (the Schedule TO), else the first one."""
    wanted = (submission.header.submission_type or "").upper() if submission.header else ""
    for document in submission.documents:
        if document.filing is not None and wanted and document.type == wanted:
            return document
    for document in submission.documents:
        if document.filing is not None and document.type.startswith("SC TO"):
            return document
    return None


def main_filing(submission: Submission) -> Filing | None:
    document = main_document(submission)
    return document.filing if document else None


def exhibit_code(document: SubmissionDocument) -> str | None:
    """``EX-99.(A)(5)(B)`` → ``(a)(5)(b)``: the Item 1016 code an exhibit's type names."""
    match = _EXHIBIT_TYPE.match(document.type)
    return code_key(match.group(1)) if match else None


def exhibit_number(document: SubmissionDocument) -> str | None:
    """``EX-99.1`` → ``99.1``, ``EX-FILING FEES`` → ``107``: the Item 601 number an
    exhibit's type names (None for the Regulation M-A types, which :func:`exhibit_code`
    reads)."""
    kind = document.type.upper()
    if kind in _FEE_TYPES:
        return "107"
    match = _NUMBERED_TYPE.match(kind)
    return match.group(1) if match else None


def attached_exhibits(submission: Submission) -> set[str]:
    """The exhibit codes (``(a)(5)(b)``) of the documents the submission attaches."""
    return {code for code in map(exhibit_code, submission.documents) if code}
