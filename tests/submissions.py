"""Build EDGAR submissions around filing texts, for tests (never committed as files)."""

from __future__ import annotations

PRESS_RELEASE = """FOR IMMEDIATE RELEASE

        The Company today announced that it has extended its tender offer.
"""


def sgml_submission(
    document: str,
    *,
    submission_type: str = "SC TO-I/A",
    subject: str = "RARE MEDIUM GROUP INC",
    filed: str = "20030416",
    exhibits: tuple[tuple[str, str], ...] = (("EX-99.(A)(5)(B)", PRESS_RELEASE),),
    count: int | None = None,
) -> str:
    """A ``<SEC-DOCUMENT>`` submission: header, the main document, then exhibits."""
    parts = [(submission_type, document), *exhibits]
    total = len(parts) if count is None else count
    header = (
        f"<SEC-DOCUMENT>0000000000-03-000001.txt : {filed}\n"
        f"<SEC-HEADER>0000000000-03-000001.hdr.sgml : {filed}\n"
        "ACCESSION NUMBER:\t\t0000000000-03-000001\n"
        f"CONFORMED SUBMISSION TYPE:\t{submission_type}\n"
        f"PUBLIC DOCUMENT COUNT:\t\t{total}\n"
        f"FILED AS OF DATE:\t\t{filed}\n"
        "\n"
        "SUBJECT COMPANY:\n"
        "\n"
        "\tCOMPANY DATA:\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{subject}\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        "\n"
        "\tFILING VALUES:\n"
        f"\t\tFORM TYPE:\t\t{submission_type}\n"
        "\n"
        "FILED BY:\n"
        "\n"
        "\tCOMPANY DATA:\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{subject}\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000000001\n"
        "</SEC-HEADER>\n"
    )
    body = []
    for sequence, (kind, text) in enumerate(parts, start=1):
        body.append(
            f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{sequence}\n<FILENAME>d{sequence}.txt\n"
            f"<DESCRIPTION>{kind}\n<TEXT>\n{text.rstrip()}\n</TEXT>\n</DOCUMENT>\n"
        )
    return header + "".join(body) + "</SEC-DOCUMENT>\n"


def header_lines(submission: str) -> int:
    """Lines before the main document's first line of text."""
    return submission[: submission.index("<TEXT>\n") + len("<TEXT>\n")].count("\n")
