"""A submission's main document, its type, and the exhibit code each attached document names."""

from __future__ import annotations

import re

from filinglint.linter.ast import Filing, Submission, SubmissionDocument
from filinglint.linter.query.exhibits import code_key

_EXHIBIT_TYPE = re.compile(r"^EX-\d+(?:\.\d+)?\.?\s*(\(.*\))\s*$", re.IGNORECASE)


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


def attached_exhibits(submission: Submission) -> set[str]:
    """The exhibit codes (``(a)(5)(b)``) of the documents the submission attaches."""
    return {code for code in map(exhibit_code, submission.documents) if code}
