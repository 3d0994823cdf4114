"""The layouts real filing agents produce (issue 10, "Real layouts"), each read as a human
reads it: Regulation M-A subsection headings, numbered exhibits, a legend printed once,
the exhibit item of Schedules TO, 13E-3 and 14D-9, signature dates above, beside or below
the "By:" lines, several filing persons, the original filing's date however the recital
words it, and footnote markers glued to values.

Every filing here is small, fictional and written for the test, modelled on the layouts
of real Schedule TO, 13E-3 and 14D-9 filings.
"""

from __future__ import annotations

import datetime

import pytest

from filinglint.linter.build import build
from filinglint.linter.lines import read_signature_line, tokenize
from filinglint.linter.query.exhibits import (
    exhibit_index,
    exhibit_item,
    filed_herewith,
    governing_legend,
    list_name,
    marker_meanings,
    markers_agree,
)
from tests.conftest import lint


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.type, t.value.strip()) for t in tokenize(text) if t.type != "BLANK"]


# --- 1. subsection headings of the exhibit item ------------------------------------------

ITEM_12_WITH_SUBSECTIONS = """\
Item 12. Exhibits.

(a) Exhibits.

(a)(1)(A)*   Offer to Purchase, dated March 2, 2026.
(a)(5)(A)    Press Release, dated March 16, 2026.
(b)          Not applicable.

(b) Filing Fee Exhibit.

107*         Filing Fee Table

*  Previously filed.

Item 13. Information Required by Schedule 13E-3.
"""


def test_subsection_headings_are_prose_not_exhibits() -> None:
    lines = kinds(ITEM_12_WITH_SUBSECTIONS)
    assert ("TEXT", "(a) Exhibits.") in lines
    assert ("TEXT", "(b) Filing Fee Exhibit.") in lines
    assert ("EXHIBIT", "(b)          Not applicable.") in lines
    (listing,) = build(ITEM_12_WITH_SUBSECTIONS).exhibit_lists
    assert [e.code for e in listing.entries] == ["(a)(1)(A)", "(a)(5)(A)", "(b)", "107"]


@pytest.mark.parametrize(
    "line",
    [
        "(a) Exhibits.",
        "(a)  EXHIBITS",
        "(b) Filing Fee Exhibit.",
        "(b) Filing Fees Exhibit:",
        "(b) Filing Fee Table.",
        "(b) Financial Statement Schedules.",
    ],
)
def test_subsection_heading_lines(line: str) -> None:
    assert kinds(line) == [("TEXT", line)]


@pytest.mark.parametrize(
    "line", ["(b) Not applicable.", "(a)(1) Exhibits.", "(b) Exhibit A to the Loan Agreement."]
)
def test_entries_that_look_like_subsections_stay_exhibits(line: str) -> None:
    assert kinds(line)[0][0] == "EXHIBIT"


def test_subsection_heading_indented_under_an_entry_does_not_continue_it() -> None:
    text = (
        "Item 12. Exhibits.\n"
        "   (a)(1)(A)   Offer to Purchase, dated March 2, 2026.\n"
        "      (b) Filing Fee Exhibit.\n"
        "   107         Filing Fee Table\n"
    )
    (listing,) = build(text).exhibit_lists
    first = listing.entries[0]
    assert first.description == "Offer to Purchase, dated March 2, 2026."
    assert [e.code for e in listing.entries] == ["(a)(1)(A)", "107"]


# --- 2. numbered exhibits ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "markers"),
    [
        ("107 Filing Fee Table", "107", ""),
        ("107*        Filing Fee Table", "107", "*"),
        ("99.1   Press release issued March 2, 2026", "99.1", ""),
        ("Exhibit 107   Filing Fee Table", "107", ""),
        ("Exhibit No. 23.1  Consent of Lockhart & Vane LLP", "23.1", ""),
        ("Exhibit (a)(1)(A)  Offer to Purchase", "(a)(1)(A)", ""),
        ("  23.1**  Consent of Lockhart & Vane LLP", "23.1", "**"),
    ],
)
def test_numbered_exhibits_inside_the_exhibit_item(line: str, code: str, markers: str) -> None:
    tokens = list(tokenize("Item 12. Exhibits.\n" + line + "\n"))
    assert tokens[1].type == "EXHIBIT", line
    assert (tokens[1].info.code, tokens[1].info.markers) == (code, markers)


def test_numbered_lines_outside_an_exhibit_section_stay_prose() -> None:
    cover = (
        "1   NAME OF REPORTING PERSON\n"
        "12  CHECK BOX IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES\n"
    )
    assert {kind for kind, _ in kinds(cover)} == {"TEXT"}
    after = "Item 13. Information Required by Schedule 13E-3.\n107  Filing Fee Table\n"
    assert kinds(after)[1] == ("TEXT", "107  Filing Fee Table")


def test_numbered_exhibits_in_the_index_and_enumerations_that_are_not() -> None:
    text = "INDEX TO EXHIBITS\n99.1  Press Release\n1. Summary Term Sheet\n12 months later\n"
    assert [k for k, _ in kinds(text)] == ["INDEX_HEADING", "EXHIBIT", "TEXT", "TEXT"]


def test_the_text_after_an_index_is_not_read_as_entries() -> None:
    text = (
        "INDEX TO EXHIBITS\n"
        "99.1  Press Release\n"
        "\n"
        "                                                        Exhibit 99.1\n"
        "FOR IMMEDIATE RELEASE\n"
        "Marrowfield Foods, Inc.\n"
        "Contact: Investor Relations\n"
        "Sioux Falls, South Dakota\n"
        "100 Main Street\n"
        "2026 Annual Meeting\n"
    )
    (listing,) = build(text).exhibit_lists
    assert [e.code for e in listing.entries] == ["99.1"]


def test_numbered_exhibit_wrapped_deeper_continues_its_entry() -> None:
    text = (
        "Item 12. Exhibits.\n"
        "(d)(1)   Agreement and Plan of Merger, dated as of March 1, 2026, among\n"
        "         Parent, Purchaser and the Company, with Schedule\n"
        "         2.1 Company Disclosure Letter omitted.\n"
    )
    (listing,) = build(text).exhibit_lists
    assert len(listing.entries) == 1
    assert listing.entries[0].description.endswith("2.1 Company Disclosure Letter omitted.")


# --- 4. the exhibit item per form --------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "exhibits"),
    [
        ("Item 12. Exhibits.", True),
        ("ITEM 12.  EXHIBITS.", True),
        ("Item 16. Exhibits", True),
        ("Item 16.  Exhibits.", True),
        ("Item 9. Materials to be Filed as Exhibits.", True),
        ("ITEM 9.  MATERIALS TO BE FILED AS EXHIBITS", True),
        ("ITEM 12.", True),
        ("Item 12. The Solicitation or Recommendation.", False),
        ("Item 9. Materials to Be Filed as Exhibits", True),
        ("Item 8. Additional Information.", False),
        ("ITEMS 1 through 11.", False),
    ],
)
def test_exhibit_item_is_recognised_by_its_title(heading: str, exhibits: bool) -> None:
    (token,) = list(tokenize(heading))
    assert token.type == "ITEM"
    assert token.info.exhibits is exhibits


SCHEDULE_13E3 = """\
                                SCHEDULE 13E-3
                   RULE 13e-3 TRANSACTION STATEMENT UNDER SECTION 13(e)

Item 12. The Solicitation or Recommendation.

     (d)(1)  The information set forth in the Proxy Statement is incorporated herein.

Item 16. Exhibits.

     (a)(1)  Preliminary Proxy Statement of Marrowfield Foods, Inc.*
     (c)(1)  Opinion of Tallis & Brandt LLC, dated February 2, 2026.*
     107     Filing Fee Table.*

     *  Filed herewith.

                               INDEX TO EXHIBITS

     (a)(1)  Preliminary Proxy Statement of Marrowfield Foods, Inc.*
     (c)(1)  Opinion of Tallis & Brandt LLC, dated February 2, 2026.*
     107     Filing Fee Table.*
"""


def test_13e3_item_16_is_the_exhibit_item_and_item_12_is_not() -> None:
    filing = build(SCHEDULE_13E3)
    item, index = exhibit_item(filing), exhibit_index(filing)
    assert (item.item, list_name(item)) == (16, "Item 16")
    assert [e.code for e in item.entries] == ["(a)(1)", "(c)(1)", "107"]
    assert [e.code for e in index.entries] == ["(a)(1)", "(c)(1)", "107"]
    assert len(filing.exhibit_lists) == 2  # Item 12's "(d)(1)" line is no exhibit list


def test_13e3_item_16_is_checked_against_the_index() -> None:
    assert lint(SCHEDULE_13E3, select=["EXH"]) == []
    wrong = SCHEDULE_13E3.replace("     107     Filing Fee Table.*\n", "", 1)
    [finding] = lint(wrong, select=["EXH001"])
    assert finding.message == ("exhibit 107 is in the Index to Exhibits but not in Item 16")


SCHEDULE_14D9 = """\
                                SCHEDULE 14D-9
                 SOLICITATION/RECOMMENDATION STATEMENT UNDER SECTION 14(d)(4)

Item 8. Additional Information.

     On March 9, 2026, the Company issued a press release announcing the
Board's recommendation, a copy of which is filed as Exhibit (a)(5)(C) to this
Schedule 14D-9 and is incorporated herein by reference.

Item 9. Materials to be Filed as Exhibits.

     (a)(1)(A)  Offer to Purchase, dated March 2, 2026 (incorporated by reference
                to Exhibit (a)(1)(A) to the Schedule TO).
     (a)(5)(A)  Letter to Stockholders, dated March 9, 2026.
"""


def test_14d9_item_8_reference_is_checked_against_item_9() -> None:
    filing = build(SCHEDULE_14D9)
    assert exhibit_item(filing).item == 9
    assert [r.code for r in filing.exhibit_references] == ["(a)(5)(C)"]
    [finding] = lint(SCHEDULE_14D9, select=["EXH004"])
    assert "Exhibit (a)(5)(C)" in finding.message and "Item 9 lists no such" in finding.message
    listed = SCHEDULE_14D9.replace("(a)(5)(A)  Letter to", "(a)(5)(C)  Letter to")
    assert lint(listed, select=["EXH004"]) == []


# --- 3. the governing legend ------------------------------------------------------------

LEGEND_UNDER_INDEX = """\
ITEM 12.  EXHIBITS.

     (a)(1)(A)  Offer to Purchase, dated March 2, 2026.*
     (a)(5)(B)  Press Release, dated April 1, 2026.**

                               INDEX TO EXHIBITS

     (a)(1)(A)  Offer to Purchase, dated March 2, 2026.*
     (a)(5)(B)  Press Release, dated April 1, 2026.**

     *   Previously filed.
     **  Filed herewith.
"""


def test_list_without_legend_takes_the_filings_legend() -> None:
    filing = build(LEGEND_UNDER_INDEX)
    item, index = exhibit_item(filing), exhibit_index(filing)
    assert item.legend == ()
    assert governing_legend(filing, item) == index.legend
    press = item.entries[1]
    assert marker_meanings(filing, item, press) == frozenset({"filed herewith"})
    assert filed_herewith(filing, item, press)
    assert not filed_herewith(filing, item, item.entries[0])
    assert lint(LEGEND_UNDER_INDEX, select=["EXH"]) == []


def test_identical_markers_always_agree_and_different_ones_by_meaning() -> None:
    filing = build(LEGEND_UNDER_INDEX)
    item, index = exhibit_item(filing), exhibit_index(filing)
    assert markers_agree(filing, (item, item.entries[0]), (index, index.entries[0]))
    assert not markers_agree(filing, (item, item.entries[0]), (index, index.entries[1]))
    swapped = LEGEND_UNDER_INDEX.replace("April 1, 2026.**\n\n     *", "April 1, 2026.*\n\n     *")
    [finding] = lint(swapped, select=["EXH001"])
    assert 'marker "**" (filed herewith) in Item 12 but "*" (previously filed)' in finding.message


# --- 5. signature blocks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "signer", "dated"),
    [
        ("By: /s/ Jane Roe", "SIGNER", "Jane Roe", False),
        ("By: /s/ Jane Roe          Date: May 17, 2010", "SIGNER", "Jane Roe", True),
        ("Dated: May 17, 2010       By: /s/ Jane Roe", "SIGNER", "Jane Roe", True),
        ("DATE: May 17, 2010  By:  /s/ Jane Roe", "SIGNER", "Jane Roe", True),
        ("/s/ Jane Roe              Dated: May 17, 2010", "SIGNER", "Jane Roe", True),
        ("Dated: May 17, 2010", "SIG_DATE", None, None),
        ("                     May 17, 2010", "SIG_DATE", None, None),
        ("May 17, 2010.", "SIG_DATE", None, None),
    ],
)
def test_signature_lines(line: str, kind: str, signer: str | None, dated: bool | None) -> None:
    found, info = read_signature_line(line)
    assert found == kind
    if kind == "SIGNER":
        assert (info.name, info.dated) == (signer, dated)


def test_acting_through_a_general_partner_is_no_signature_of_its_own() -> None:
    assert read_signature_line("BY:     Harwick Holdings GP LLC, its general partner") is None
    assert read_signature_line("By: Harwick Capital LLC, its managing member") is None
    assert read_signature_line("By: /s/ Harwick Capital LLC, its managing member")[0] == "SIGNER"
    assert read_signature_line("On May 17, 2010 the Board met.") is None


def _signed(text: str) -> list[tuple[str, str]]:
    return [(s.signer, s.date.text if s.date else None) for s in build(text).signatures]


DATES_ABOVE = """\
                                   SIGNATURES

     After due inquiry and to the best of my knowledge and belief, I certify
that the information set forth in this statement is true, complete and correct.

Dated: March 20, 2026

                                   BRAMBLE PARENT HOLDINGS, L.P.

                                   By:  Bramble Parent GP LLC, its general partner

                                   By:  /s/ Oren T. Vasquez
                                        Name:  Oren T. Vasquez
                                        Title: President

Dated: March 21, 2026

                                   BRAMBLE MERGER SUB, INC.

                                   By:  /s/ Lydia K. Osei
                                        Name:  Lydia K. Osei
                                        Title: Secretary
"""

DATES_BELOW = """\
                                   SIGNATURE

                                   BRAMBLE PARENT HOLDINGS, L.P.

                                   By:  /s/ Oren T. Vasquez
                                   Name:  Oren T. Vasquez
                                   Title: President
                                   Date:  March 20, 2026

                                   BRAMBLE MERGER SUB, INC.

                                   By:  /s/ Lydia K. Osei
                                   Name:  Lydia K. Osei
                                   Title: Secretary
                                   Date:  March 21, 2026
"""

DATES_BESIDE = """\
                                   SIGNATURE

                                   BRAMBLE PARENT HOLDINGS, L.P.

Dated: March 20, 2026              By:  /s/ Oren T. Vasquez
                                   Name:  Oren T. Vasquez

                                   BRAMBLE MERGER SUB, INC.

Dated: March 21, 2026              By:  /s/ Lydia K. Osei
                                   Name:  Lydia K. Osei
"""

FORM_LAYOUT = """\
                                   SIGNATURE

     After due inquiry and to the best of my knowledge and belief, I certify
that the information set forth in this statement is true, complete and correct.

                                   /s/ Oren T. Vasquez
                                   ------------------------------------
                                   (Signature)

                                   Oren T. Vasquez, President
                                   ------------------------------------
                                   (Name and title)

                                   March 20, 2026
                                   ------------------------------------
                                   (Date)
"""


@pytest.mark.parametrize("text", [DATES_ABOVE, DATES_BELOW, DATES_BESIDE])
def test_each_filing_person_gets_the_date_on_its_side(text: str) -> None:
    assert _signed(text) == [
        ("Oren T. Vasquez", "March 20, 2026"),
        ("Lydia K. Osei", "March 21, 2026"),
    ]


@pytest.mark.parametrize("text", [DATES_ABOVE, DATES_BELOW, DATES_BESIDE])
def test_each_block_signs_for_its_filing_person(text: str) -> None:
    signatures = build(text).signatures
    assert [s.entity for s in signatures] == [
        "BRAMBLE PARENT HOLDINGS, L.P.",
        "BRAMBLE MERGER SUB, INC.",
    ]
    assert signatures[0].title in (None, "President")  # never the next filing person's name


def test_an_individual_signs_for_no_entity() -> None:
    assert [s.entity for s in build(FORM_LAYOUT).signatures] == [None]


def test_one_date_above_dates_every_block() -> None:
    text = DATES_ABOVE.replace("Dated: March 21, 2026\n", "")
    assert [date for _, date in _signed(text)] == ["March 20, 2026", "March 20, 2026"]


def test_the_forms_own_layout_dates_its_block() -> None:
    assert _signed(FORM_LAYOUT) == [("Oren T. Vasquez", "March 20, 2026")]


# --- 7. the original filing's date -------------------------------------------------------

RECITALS = [
    (
        "This Amendment No. 2 amends and supplements the Tender Offer Statement on\n"
        "Schedule TO filed by Harwick Capital Partners, L.P., Harwick Holdings GP LLC\n"
        'and Ansel J. Harwick (collectively, the "Filing Persons") with the U.S.\n'
        'Securities and Exchange Commission (the "SEC") on May 17, 2010, as amended\n'
        "by Amendment No. 1 to the Schedule TO filed with the SEC on May 28, 2010.\n"
    ),
    (
        "This Amendment No. 2 amends the Schedule TO filed with the Securities and\n"
        "Exchange Commission on May 17, 2010, as amended by Amendment No. 1 thereto\n"
        "filed with the Securities and Exchange Commission on May 28, 2010.\n"
    ),
    (
        "This Amendment No. 2 amends the Solicitation/Recommendation Statement on\n"
        "Schedule 14D-9 (together with any exhibits and annexes thereto, the\n"
        '"Schedule 14D-9") filed on May\n'
        "17, 2010, as amended by Amendment No. 1 thereto filed on May 28, 2010.\n"
    ),
    (
        "This Amendment No. 2 amends the Schedule TO filed with the SEC on May 17,\n"
        "2010, as amended by Amendment No. 1 to the Schedule TO filed by Harwick Capital\n"
        "Partners, L.P., Harwick Holdings GP LLC, Harwick Offshore Feeder Fund Ltd., Ansel\n"
        'J. Harwick and Corinne B. Harwick (collectively, the "Filing Persons") with\n'
        "the U.S. Securities and Exchange Commission on May 28, 2010.\n"
    ),
    (
        "The Schedule TO originally filed on May 17, 2010, as amended by Amendment\n"
        "No. 1 thereto filed with the SEC on May 28, 2010, is hereby amended.\n"
    ),
    (
        'This Amendment No. 2 (this "Amendment") amends the Transaction Statement on\n'
        "Schedule 13E-3 filed with the Commission on May 17, 2010, as amended by\n"
        "Amendment No. 1 filed on May 28, 2010.\n"
    ),
]


@pytest.mark.parametrize("recital", RECITALS)
def test_original_filing_date_however_the_recital_words_it(recital: str) -> None:
    roles = {
        (d.role, d.amendment_number): d.value for d in build(recital).dates if d.role is not None
    }
    assert roles == {
        ("original-filing", None): datetime.date(2010, 5, 17),
        ("amendment-filing", 1): datetime.date(2010, 5, 28),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Company's Annual Report on Form 10-K filed with the SEC on March 1, 2010.\n",
        "Amendment No. 1 to the Schedule TO filed with the SEC on May 28, 2010.\n",
        "The Schedule TO filed by Parent. The merger closed on June 4, 2010.\n",
        "A Schedule TO filed pursuant to Rule 14d-3, dated June 4, 2010.\n",
        "Parent commenced the Offer and filed with the SEC a Tender Offer Statement on\n"
        "Schedule TO. The Schedule TO filed by Parent with the SEC on May 17, 2010 holds\n"
        "the Offer to Purchase.\n",
    ],
)
def test_other_filing_dates_are_not_the_original_filing(text: str) -> None:
    assert [d for d in build(text).dates if d.role == "original-filing"] == []


def test_date_order_compares_the_signature_with_the_original_filing() -> None:
    recital = (
        "This Amendment No. 1 amends and supplements the Tender Offer Statement on\n"
        "Schedule TO filed by Harwick Capital Partners, L.P. with the Securities and\n"
        "Exchange Commission on May 17, 2010.\n\n"
    )
    signed = DATES_BELOW.replace("2026", "2010").replace("March", "May")
    assert lint(recital + signed, select=["DAT003"]) == []
    early = signed.replace("May 20, 2010", "May 10, 2010").replace("May 21, 2010", "May 11, 2010")
    [finding] = lint(recital + early, select=["DAT003"])
    assert finding.message.startswith(
        "the signature date May 10, 2010 is earlier than the original filing date May 17, 2010"
    )


# --- 8. footnote markers glued to values --------------------------------------------------


def test_exhibit_code_with_glued_marker() -> None:
    text = "Item 12. Exhibits.\n(a)(1)(A)*  Offer to Purchase.\n107**  Filing Fee Table\n"
    (listing,) = build(text).exhibit_lists
    assert [(e.code, e.markers) for e in listing.entries] == [
        ("(a)(1)(A)", ("*",)),
        ("107", ("**",)),
    ]
