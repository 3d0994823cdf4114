"""Signature pages as a reader reads them: signature tables of registration statements,
attorneys-in-fact, printed names and titles, dates before "By:", the form's own captions,
the filing person each block signs for; amendment numbers with thousands separators; the
form an EDGAR XML document states. Every filing here is fictional, modelled on the layouts
of real ones; the last tests read the real filings in ``../shared`` (skipped without them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from filinglint.linter.ast import Filing, Submission
from filinglint.linter.build import build
from filinglint.linter.documents import build_root
from filinglint.linter.html import html_to_text
from filinglint.linter.lines import read_signature_line, tokenize
from filinglint.linter.query.form import stated_form
from filinglint.linter.source import read_path


def _read(filing: Filing) -> list[tuple]:
    return [
        (s.signer, s.title, s.attorney, s.entity, s.date.text if s.date else None)
        for s in filing.signatures
    ]


# --- the lines of a signature page ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "dated", "title", "starred", "attorney"),
    [
        # a signature table's row: signature, title, date in columns
        (
            "/s/ Mara Quill*     Principal Executive    May 5, 2026",
            "Mara Quill",
            1,
            "Principal Executive",
            1,
            0,
        ),
        (
            "/s/ Mara Quill      Director               May 5, 2026",
            "Mara Quill",
            1,
            "Director",
            0,
            0,
        ),
        # a row an attorney-in-fact signed: a lone star, the name printed below
        (
            "*                   Chief Financial Officer   May 5, 2026",
            "",
            1,
            "Chief Financial Officer",
            1,
            0,
        ),
        # the attorney-in-fact's own line
        ("*By:/s/ Tobias Wren", "Tobias Wren", 0, "", 0, 1),
        ("* By:  /s/ Tobias Wren", "Tobias Wren", 0, "", 0, 1),
        ("*      By: Tobias Wren", "Tobias Wren", 0, "", 0, 1),
        # a printed name with the attorney's star
        ("       Mara Quill*", "Mara Quill", 0, "", 1, 0),
        # a date before "By:" on one line
        ("May 5, 2026  By:  /s/ Mara Quill", "Mara Quill", 1, "", 0, 0),
        # the form's caption before the conformed signature
        ("By (Signature and Title)* /s/ MARA QUILL", "MARA QUILL", 0, "", 0, 0),
        ("Signature:  Mara Quill", "Mara Quill", 0, "", 0, 0),
    ],
)
def test_signing_lines(line, name, dated, title, starred, attorney) -> None:
    kind, info = read_signature_line(line)
    assert kind == "SIGNER"
    assert (info.name, info.dated, info.title) == (name, bool(dated), title)
    assert (info.starred, info.attorney) == (bool(starred), bool(attorney))


@pytest.mark.parametrize(
    "line",
    [
        "Signature                   Title                  Date",  # the table's heading row
        "Signature:",  # the form's empty line
        "*  Powers of Attorney, each dated May 1, 2026, are filed herewith.",
        "Mara Quill          Officer and Director",  # the printed name under a row
        "Mara Quill*         Director",  # a starred name with a title but no date
    ],
)
def test_lines_that_sign_nothing(line: str) -> None:
    assert read_signature_line(line) is None


@pytest.mark.parametrize("line", ["Date May 5, 2026", "Dated  May 5, 2026", "Date:  May 5, 2026"])
def test_a_date_with_or_without_its_colon_dates_the_block(line: str) -> None:
    assert read_signature_line(line)[0] == "SIG_DATE"


def test_a_starred_name_under_a_signing_line_is_its_printed_name() -> None:
    text = "SIGNATURES\n\nBy:\n       Mara Quill*\n       President\n"
    kinds = [token.type for token in tokenize(text)]
    assert kinds.count("SIGNER") == 1


# --- registration statements: the signature table ------------------------------------------

S3_TABLE = """\
                           SIGNATURES

    Pursuant to the requirements of the Securities Act of 1933,
the registrant has duly caused this amendment to the registration
statement to be signed on its behalf by the undersigned, in the
City of Dover, State of Delaware, on May 4, 2026.

                              HALVERN SIGNAL CORP.

                              By:  /s/ Mara Quill
                                   Mara Quill,
                                   Chairman of the Board

Pursuant to the requirements of the Securities Act of 1933, this
amendment has been signed by the following persons in the
capacities and on the dates indicated:

Signature                   Title                  Date


/s/ Mara Quill*         Principal Executive    May 5, 2026
Mara Quill              Officer and Director


/s/ Oskar Penn*         Director               May 6, 2026
Oskar Penn


*By:/s/ Tobias Wren
    Tobias Wren,
    attorney-in-fact
"""


def test_each_row_of_a_signature_table_is_a_signature_with_its_title_and_date() -> None:
    assert _read(build(S3_TABLE)) == [
        ("Mara Quill", "Chairman of the Board", None, "HALVERN SIGNAL CORP.", "May 4, 2026"),
        (
            "Mara Quill",
            "Principal Executive Officer and Director",
            "Tobias Wren",
            None,
            "May 5, 2026",
        ),
        ("Oskar Penn", "Director", "Tobias Wren", None, "May 6, 2026"),
    ]


def test_an_attorney_in_fact_with_no_starred_row_is_a_signature_of_its_own() -> None:
    text = S3_TABLE.replace("Quill*", "Quill ").replace("Penn*", "Penn ")
    signatures = build(text).signatures
    assert [s.attorney for s in signatures] == [None, None, None, None]
    assert (signatures[-1].signer, signatures[-1].title) == ("Tobias Wren", "attorney-in-fact")


S1_TABLE_HTML = """\
<html><body>
<p style="text-align:center"><b>SIGNATURES</b></p>
<p>Pursuant to the requirements of the Securities Act of 1933, the registrant has duly caused
this Registration Statement to be signed on its behalf by the undersigned, in the City of
Dover, on the 4th day of May, 2026.</p>
<p>BRACKEN LUMEN THERAPEUTICS, INC.</p>
<table>
<tr><td>By:</td><td>/s/ Mara Quill</td></tr>
<tr><td></td><td>Mara Quill</td></tr>
<tr><td></td><td>Chief Executive Officer</td></tr>
</table>
<p>Pursuant to the requirements of the Securities Act of 1933, this Registration Statement
has been signed by the following persons in the capacities and on the dates indicated.</p>
<table>
<tr><td>Signature</td><td>Title</td><td>Date</td></tr>
<tr><td>/s/ Mara Quill</td><td>Chief Executive Officer and Director</td><td>May 5, 2026</td></tr>
<tr><td>Mara Quill</td><td>(Principal Executive Officer)</td><td></td></tr>
<tr><td>*</td><td>Chief Financial Officer</td><td>May 5, 2026</td></tr>
<tr><td>Oskar Penn</td><td>(Principal Financial Officer)</td><td></td></tr>
<tr><td>*</td><td>Director</td><td>May 5, 2026</td></tr>
<tr><td>Ines Varga, M.D., Ph.D.</td><td></td><td></td></tr>
</table>
<table>
<tr><td>* By:</td><td>/s/ Mara Quill</td></tr>
<tr><td></td><td>Mara Quill, Attorney-in-fact</td></tr>
</table>
</body></html>
"""


def test_an_html_signature_table_reads_like_the_ascii_one() -> None:
    assert _read(build(html_to_text(S1_TABLE_HTML).text)) == [
        (
            "Mara Quill",
            "Chief Executive Officer",
            None,
            "BRACKEN LUMEN THERAPEUTICS, INC.",
            "4th day of May, 2026",  # the testimonium clause's date
        ),
        (
            "Mara Quill",
            "Chief Executive Officer and Director (Principal Executive Officer)",
            None,
            None,
            "May 5, 2026",
        ),
        (
            "Oskar Penn",
            "Chief Financial Officer (Principal Financial Officer)",
            "Mara Quill",
            None,
            "May 5, 2026",
        ),
        ("Ines Varga, M.D., Ph.D.", "Director", "Mara Quill", None, "May 5, 2026"),
    ]


# --- a fund's post-effective amendment: starred names, a "Date:" under each -------------

FUND_PAGE = """\
SIGNATURES
Pursuant to the requirements of the Securities Act of 1933, the Registrant has duly caused
this Post-Effective Amendment No. 1,204 to be signed on its behalf.

mERIDIAN INDEX TRUST
By:
       Mara Quill*
       President
Date:  May 5, 2026

       Oskar Penn*
       Trustee
Date:  May 5, 2026
       /s/ Tobias Wren
       Tobias Wren*
       Treasurer
Date:  May 5, 2026
       /s/ Tobias Wren
*      By: Tobias Wren
       Attorney-in-fact
Date:  May 5, 2026

*  Powers of Attorney, each dated April 1, 2026, are incorporated herein by reference.
"""


def test_starred_names_are_signed_by_the_attorney_in_fact_below() -> None:
    assert _read(build(FUND_PAGE)) == [
        ("Mara Quill", "President", "Tobias Wren", "mERIDIAN INDEX TRUST", "May 5, 2026"),
        ("Oskar Penn", "Trustee", "Tobias Wren", None, "May 5, 2026"),
        ("Tobias Wren", "Treasurer", None, None, "May 5, 2026"),  # signed with their own /s/
    ]


def test_starred_names_in_a_list_are_no_signatures() -> None:
    text = "SIGNATURE\n\nBy: /s/ Mara Quill\n\nExhibit A\n\n Halvern Advisors*\n Halvern Life Ltd\n"
    assert [s.signer for s in build(text).signatures] == ["Mara Quill"]


# --- single blocks -----------------------------------------------------------------------


def test_a_date_before_by_on_one_line_dates_the_block() -> None:
    text = """\
SIGNATURE

Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly
caused this report to be signed on its behalf by the undersigned hereunto duly authorized.

                Halvern Signal, Inc.

May 5, 2026     By:  /s/ Mara Quill
                     Mara Quill
                     Chief Executive Officer
"""
    assert _read(build(text)) == [
        ("Mara Quill", "Chief Executive Officer", None, "Halvern Signal, Inc.", "May 5, 2026")
    ]


def test_the_forms_caption_is_not_the_name_and_the_date_below_dates_it() -> None:
    text = """\
                                  SIGNATURES

This report has been signed below by the following persons on behalf of the
issuer and in the capacities and on the dates indicated.

By (Signature and Title)* /s/ MARA QUILL
                         _____________________________________________________
                              Mara Quill, Secretary
                         _____________________________________________________

Date May 5, 2026
     _________________
"""
    [signature] = build(text).signatures
    assert (signature.signer, signature.name, signature.title) == (
        "MARA QUILL",
        "Mara Quill",
        "Secretary",
    )
    assert signature.date.text == "May 5, 2026"


def test_a_heading_above_prose_is_not_the_filing_person() -> None:
    text = """\
Signature.

Dated: May 5, 2026
Halvern Signal, Inc.

Signature:  Mara Quill

Exhibit B

POWER OF ATTORNEY

The undersigned appoints each of its officers as its attorney-in-fact.

By: /s/ Oskar Penn
Name:  Oskar Penn
Title: Corporate Secretary
"""
    signatures = build(text).signatures
    assert [(s.signer, s.entity) for s in signatures] == [
        ("Mara Quill", "Halvern Signal, Inc."),
        ("Oskar Penn", None),
    ]


def test_an_entity_acting_through_a_wrapped_by_line_is_no_signature() -> None:
    text = """\
SIGNATURE

Dated: May 5, 2026
HALVERN OPPORTUNITIES, LTD.
By: Halvern Management LLC,
its Investment Manager
By: /s/ Mara Quill
Name: Mara Quill
Title:  General Counsel
"""
    assert _read(build(text)) == [
        ("Mara Quill", "General Counsel", None, "HALVERN OPPORTUNITIES, LTD.", "May 5, 2026")
    ]


def test_a_caption_under_the_company_name_does_not_hide_it() -> None:
    text = (
        "SIGNATURES\n\nHALVERN SIGNAL, INC.\n(Registrant)\n"
        "/s/ Mara Quill\nMara Quill\nGeneral Counsel\n"
    )
    [signature] = build(text).signatures
    assert (signature.entity, signature.title) == ("HALVERN SIGNAL, INC.", "General Counsel")


# --- the testimonium clause ---------------------------------------------------------------


def test_the_testimonium_clause_dates_the_block_after_it() -> None:
    text = """\
SIGNATURE

Dated: May 5, 2026
Halvern Signal, Inc.

Signature:  Mara Quill

POWER OF ATTORNEY

The undersigned appoints each of its officers as its attorney-in-fact.

IN WITNESS WHEREOF, the undersigned has caused this power of attorney to be
executed as of this 30th day of April, 2025.

Halvern Signal, Inc.

By: /s/ Oskar Penn
Name:  Oskar Penn
Title: Corporate Secretary
"""
    assert [(s.signer, s.date.text) for s in build(text).signatures] == [
        ("Mara Quill", "May 5, 2026"),
        ("Oskar Penn", "30th day of April, 2025"),
    ]


def test_a_testimonium_clause_does_not_move_the_dates_below_the_blocks() -> None:
    text = """\
SIGNATURE

     After reasonable inquiry, the undersigned have signed this statement in
the City of Dover on May 4, 2026.

BRAMBLE PARENT HOLDINGS, L.P.

By:  /s/ Oren T. Vasquez
Name:  Oren T. Vasquez
Date:  May 4, 2026

BRAMBLE MERGER SUB, INC.

By:  /s/ Lydia K. Osei
Name:  Lydia K. Osei
Date:  May 5, 2026
"""
    assert [s.date.text for s in build(text).signatures] == ["May 4, 2026", "May 5, 2026"]


def test_a_date_the_clause_gives_another_document_is_no_signature_date() -> None:
    text = """\
SIGNATURES

Pursuant to the requirements of the Securities Act of 1933, this amendment has been
signed below; the powers of attorney are incorporated by reference to the amendment
filed on March 2, 2026.

By: /s/ Mara Quill
Date: May 5, 2026
"""
    filing = build(text)
    assert [d.text for d in filing.dates if d.role == "signature"] == ["May 5, 2026"]


# --- amendment numbers and stated forms -------------------------------------------------------


def test_an_amendment_number_with_a_thousands_separator() -> None:
    text = """\
                   Post-Effective Amendment No. 1,204
                        Amendment No. 1,206

Exhibits incorporated by reference to Post-Effective Amendment No. 1,187, filed
March 2, 2026, and to Post-Effective Amendment No. 990, filed May 1, 2024.
"""
    filing = build(text)
    assert filing.cover.amendment_number == 1206  # the first line that starts with it
    numbers = [d.amendment_number for d in filing.dates if d.role == "amendment-filing"]
    assert numbers == [1187, 990]


def test_a_standalone_edgar_xml_document_states_its_form() -> None:
    xml = (
        '<?xml version="1.0"?>\n<edgarSubmission xmlns="http://www.sec.gov/edgar/x">\n'
        "<headerData><submissionType>24F-2NT</submissionType></headerData></edgarSubmission>"
    )
    assert stated_form(xml) == "24F-2NT"
    assert stated_form(xml.replace("submissionType>", "ns1:submissionType>")) == "24F-2NT"
    assert stated_form("The submissionType> is 24F-2NT") is None
    assert stated_form("<a></submissionType>") is None


# --- the real filings ---------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def _main(name: str) -> Filing:
    root = build_root(read_path(str(CORPUS / name)))
    if isinstance(root, Submission):
        return root.documents[0].filing
    return root


def _people(filing: Filing) -> list[tuple]:
    return [
        (s.signer, s.attorney, s.date.value.isoformat() if s.date else None)
        for s in filing.signatures
    ]


@needs_corpus
def test_real_s3_amendment_signature_table() -> None:
    people = _people(_main("s-3a-0000899681-95-000096.txt"))
    assert people == [
        ("Steven L. Sinn", None, "1995-05-25"),
        ("Steven L. Sinn", "Martin H. Neidell", "1995-05-25"),
        ("David A. Barry", "Martin H. Neidell", "1995-05-25"),
        ("Michael J. Marocco", "Martin H. Neidell", "1995-05-25"),
    ]


@needs_corpus
def test_real_s1_amendment_signature_table_in_html() -> None:
    filing = _main("s-1a-0001213900-21-035033-unicycive-2021.htm")
    assert _people(filing) == [
        ("Shalabh Gupta, M.D.", None, "2021-06-30"),
        ("Shalabh Gupta, M.D.", None, "2021-06-30"),
        ("John Townsend", "Shalabh Gupta, M.D.", "2021-06-30"),
        ("John Ryan, M.D., Ph.D.", "Shalabh Gupta, M.D.", "2021-06-30"),
        ("Sandeep Laumas, M.D.", "Shalabh Gupta, M.D.", "2021-06-30"),
    ]
    assert filing.signatures[2].title.startswith("Chief Financial Officer")


@needs_corpus
def test_real_8k_date_before_by() -> None:
    filing = _main("8-k-0001213900-25-032135.txt")
    assert _people(filing) == [("Uttam Patil", None, "2025-04-15")]


@needs_corpus
def test_real_1995_fee_notice_caption_and_date_below() -> None:
    [signature] = _main("24f-2nt-0000950129-95-001652.txt").signatures
    assert (signature.signer, signature.date.text) == ("NORI L. GABERT", "December 28, 1995")


@needs_corpus
def test_real_13g_heading_is_not_the_filing_person() -> None:
    filing = _main("sc-13g-document-with-text.html")
    assert [(s.signer, s.entity) for s in filing.signatures] == [
        ("Spencer Fleming", "BlackRock, Inc."),
        ("R. Andrew Dickson, III", "BlackRock, Inc."),
    ]
    assert [s.date.value.isoformat() for s in filing.signatures] == [
        "2024-01-22",  # "Dated: January 22, 2024" above the filing's signature
        "2023-04-30",  # the power of attorney: "executed as of this 30th day of April, 2023"
    ]


@needs_corpus
def test_real_485apos_amendment_number_and_signers() -> None:
    filing = _main("485apos-0001193125-24-100942.txt")
    assert filing.cover.amendment_number == 2726
    signatures = filing.signatures
    assert (signatures[0].signer, signatures[0].entity) == ("Jessica Tan", "iSHARES TRUST")
    assert len(signatures) == 13
    assert {s.date.value.isoformat() for s in signatures} == {"2024-04-18"}
    assert all(s.attorney == "Trent W. Walker" for s in signatures[:-1])
    numbers = {d.amendment_number for d in filing.dates if d.role == "amendment-filing"}
    assert {2718, 2490, 303} <= numbers


@needs_corpus
def test_real_24f2nt_xml_states_its_form() -> None:
    filing = _main("24f-2nt-advisors-inner-circle-2026.xml")
    assert (filing.form_type, filing.form_source) == ("24F-2NT", "document")


# --- which form a document opened on its own is --------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\nCURRENT REPORT\n",
            "8-K",
        ),
        ("SECURITIES AND EXCHANGE COMMISSION\nFORM\n8-K\nCURRENT REPORT\n", "8-K"),
        ("FORM 10-K/A\n(Amendment No. 1)\nANNUAL REPORT\n", "10-K/A"),
        ("FORM S-1\nREGISTRATION STATEMENT\n(Amendment No. 3)\n", "S-1/A"),
        ("SCHEDULE 13G\nUnder the Securities Exchange Act of 1934\n", "SC 13G"),
        ("The report on Form 8-K\nFORM 8-K CURRENT REPORT, filed today\n", None),
    ],
)
def test_a_cover_title_names_the_form(text: str, form: str | None) -> None:
    assert build(text).cover.form == form


def test_a_header_cut_out_of_its_sec_header_is_read_as_a_submission(tmp_path) -> None:
    path = tmp_path / "header.txt"
    path.write_text(
        "\n<ACCEPTANCE-DATETIME>20260505150033\n\n<PRIVATE-TO-PUBLIC>\n\n"
        "ACCESSION NUMBER:\t\t0009999955-26-000007\n\n"
        "CONFORMED SUBMISSION TYPE:\t485APOS\n\nPUBLIC DOCUMENT COUNT:\t\t3\n\n"
        "FILED AS OF DATE:\t\t20260505\n",
        encoding="utf-8",
    )
    root = build_root(read_path(str(path)))
    assert isinstance(root, Submission)
    assert (root.header.submission_type, root.header.accession) == (
        "485APOS",
        "0009999955-26-000007",
    )


@needs_corpus
@pytest.mark.parametrize("name", ["8-k-nextpoint.html", "8-k-nordstrom.html"])
def test_real_standalone_8k_is_read_as_an_8k(name: str) -> None:
    filing = _main(name)
    assert (filing.form_type, filing.form_source) == ("8-K", "cover")


@needs_corpus
def test_real_header_with_double_newlines_is_a_header() -> None:
    root = build_root(read_path(str(CORPUS / "header-double-newlines.txt")))
    assert isinstance(root, Submission)
    assert root.header.submission_type == "485APOS"


def test_without_a_header_an_exhibit_belongs_to_the_first_documents_form(tmp_path) -> None:
    path = tmp_path / "filing.txt"
    path.write_text(
        "<DOCUMENT>\n<TYPE>S-3/A\n<SEQUENCE>1\n<TEXT>\nAMENDMENT NO. 1 TO FORM S-3\n</TEXT>\n"
        "</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<TEXT>\nConsent of counsel\n"
        "</TEXT>\n</DOCUMENT>\n",
        encoding="utf-8",
    )
    root = build_root(read_path(str(path)))
    assert [d.filing.form_type for d in root.documents] == ["S-3/A", "S-3/A"]
