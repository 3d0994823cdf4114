"""Tests of ``build.build``: from a decoded source to the typed AST, with exact spans.

Every filing here is small, fictional and written for the test.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from filinglint.linter.build import build
from filinglint.linter.lines import item_numbers
from filinglint.linter.source import Source, decode
from tests.conftest import pos


def parse(text: str) -> tuple[Source, object]:
    source = decode(text.encode(), "t.txt")
    return source, build(source.text)


def at(source: Source, span) -> str:
    """The text a single-line span covers."""
    where = pos(source, span)
    assert where.line == where.end_line, span
    assert 1 <= where.column <= where.end_column
    assert (
        source.text[span.start : span.end]
        == source.line(where.line)[where.column - 1 : where.end_column - 1]
    )
    return source.text[span.start : span.end]


def covered(source: Source, span) -> str:
    """The text a span covers, lines joined by ``\\n``."""
    return source.text[span.start : span.end]


def fee_filing(note: str, valuation: str = "$2,500,000", fee: str = "$202.25") -> str:
    return f"""                              SCHEDULE TO
                        (Rule 14d-100)

                        CALCULATION OF FILING FEE
=====================================  =====================================
       Transaction Valuation*                  Amount of Filing Fee**
-------------------------------------  -------------------------------------
           {valuation:<14}                              {fee}
=====================================  =====================================
*    Estimated for purposes of calculating the filing fee only, based on
     1,000,000 shares of Quillfeather Ceramics, Inc. at $2.50 per share.
**   The amount of the filing fee, calculated in accordance with Rule 0-11
     of the Securities Exchange Act of 1934, {note}.

|_|  Check the box if any part of the fee is offset as provided by Rule
     0-11(a)(2) and identify the filing with which the offsetting fee was
     previously paid.
"""


# --- fee table -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "rate", "rate_text"),
    [
        (
            "equals 0.0000809 of the transaction valuation",
            Decimal("0.0000809"),
            "0.0000809",
        ),
        (
            "is $80.90 per $1,000,000 of the transaction valuation",
            Decimal("0.0000809"),
            "$80.90 per $1,000,000",
        ),
        ("is $92 per million of the transaction valuation", Decimal("0.000092"), "$92 per million"),
        (
            "equals 1/50th of one percent of the transaction valuation",
            Decimal("0.0002"),
            "1/50th of one percent",
        ),
        (
            "equals one-fiftieth of one percent of the transaction valuation",
            Decimal("0.0002"),
            "one-fiftieth of one percent",
        ),
        (
            "equals 0.02 percent of the transaction valuation",
            Decimal("0.0002"),
            "0.02 percent of the transaction",
        ),
        pytest.param(
            "equals 0.0092% of the transaction valuation",
            Decimal("0.000092"),
            "0.0092% of the transaction",
            id="percent-with-four-decimals",
        ),
    ],
)
def test_fee_table_rate_phrasings(phrase: str, rate: Decimal, rate_text: str) -> None:
    source, filing = parse(fee_filing(phrase))
    table = filing.cover.fee_table
    assert table is not None
    assert table.valuation.amount == Decimal("2500000")
    assert table.valuation.text == "$2,500,000"
    assert list(table.valuation.markers) == ["*"]
    assert table.fee.amount == Decimal("202.25")
    assert table.fee.text == "$202.25"
    assert list(table.fee.markers) == ["**"]
    assert table.rate is not None
    assert table.rate.value == rate
    assert str(table.rate.value) == str(rate)  # same digits, not just equal value
    assert table.rate.text == rate_text
    assert at(source, table.valuation.span) == "$2,500,000"
    assert at(source, table.fee.span) == "$202.25"
    assert at(source, table.rate.span) == rate_text


def test_fee_table_notes() -> None:
    source, filing = parse(fee_filing("equals 0.0000809 of the transaction valuation"))
    notes = filing.cover.fee_table.notes
    assert [n.marker for n in notes] == ["*", "**"]
    assert notes[0].text.startswith("Estimated for purposes of calculating the filing fee only")
    assert notes[0].text.endswith("at $2.50 per share.")
    assert "  " not in notes[1].text  # wrapped lines joined by single spaces
    assert notes[1].text.endswith("equals 0.0000809 of the transaction valuation.")
    assert source.line(pos(source, notes[0].span).line).startswith("*    Estimated")
    assert pos(source, notes[0].span).end_line == pos(source, notes[0].span).line + 1
    assert pos(source, notes[1].span).end_line == pos(source, notes[1].span).line + 1


def test_fee_table_rate_wrapped_over_two_lines() -> None:
    text = fee_filing("equals 1/50th of one\n     percent of the transaction valuation")
    source, filing = parse(text)
    rate = filing.cover.fee_table.rate
    assert rate.value == Decimal("0.0002")
    assert rate.text == "1/50th of one percent"
    assert pos(source, rate.span).end_line == pos(source, rate.span).line + 1
    assert covered(source, rate.span) == "1/50th of one\n     percent"


def test_fee_table_rate_prefers_the_fee_footnote() -> None:
    text = """SCHEDULE TO
CALCULATION OF FILING FEE
   Transaction Valuation(1)          Amount of Filing Fee(2)
        $1,000,000                       $92.00
(1) Calculated at $8.00 per share; the prior rate was $80.90 per million.
(2) The fee is $92 per million of the transaction valuation.
"""
    _, filing = parse(text)
    table = filing.cover.fee_table
    assert list(table.valuation.markers) == ["(1)"]
    assert list(table.fee.markers) == ["(2)"]
    assert table.rate.value == Decimal("0.000092")


def test_fee_table_markers_after_the_amounts() -> None:
    text = """SCHEDULE TO
                    CALCULATION OF FILING FEE
     Transaction Valuation                 Amount of Filing Fee
        $2,500,000*                            $202.25**+
*  Estimated.
** Equals $80.90 per $1,000,000 of the transaction valuation.
"""
    source, filing = parse(text)
    table = filing.cover.fee_table
    assert list(table.valuation.markers) == ["*"]
    assert list(table.fee.markers) == ["**", "+"]
    assert at(source, table.valuation.span) == "$2,500,000"
    assert at(source, table.fee.span) == "$202.25"


@pytest.mark.parametrize(
    ("valuation_line", "fee_line", "valuation", "fee", "vmarkers", "fmarkers"),
    [
        (
            "Transaction valuation: $1,000,000",
            "Amount of filing fee: $92.00",
            Decimal("1000000"),
            Decimal("92.00"),
            [],
            [],
        ),
        (
            "Transaction valuation*: $1,000,000",
            "Amount of filing fee**: $92.00",
            Decimal("1000000"),
            Decimal("92.00"),
            ["*"],
            ["**"],
        ),
        (
            "   Transaction value(1):      $12,345,678.90",
            "   Amount of filing fee(2):   $998.79",
            Decimal("12345678.90"),
            Decimal("998.79"),
            ["(1)"],
            ["(2)"],
        ),
    ],
)
def test_vertical_fee_layout(
    valuation_line: str,
    fee_line: str,
    valuation: Decimal,
    fee: Decimal,
    vmarkers: list[str],
    fmarkers: list[str],
) -> None:
    text = f"""SCHEDULE TO

CALCULATION OF FILING FEE

{valuation_line}
{fee_line}

*  The fee equals $92 per million of the transaction valuation.
"""
    source, filing = parse(text)
    table = filing.cover.fee_table
    assert table.valuation.amount == valuation
    assert table.fee.amount == fee
    assert list(table.valuation.markers) == vmarkers
    assert list(table.fee.markers) == fmarkers
    assert pos(source, table.valuation.span).line == 5
    assert pos(source, table.fee.span).line == 6
    assert at(source, table.valuation.span) == valuation_line.split(":")[1].strip()
    assert at(source, table.fee.span) == fee_line.split(":")[1].strip()
    assert table.rate.value == Decimal("0.000092")


def test_left_aligned_fee_table_keeps_the_fee() -> None:
    """Regression: amounts went to the nearest header *word*, so the fee was lost."""
    text = """SCHEDULE TO
CALCULATION OF FILING FEE
Transaction Valuation*     Amount of Filing Fee**
$2,500,000                 $202.25
*  Estimated.
** Calculated as $80.90 per million.
"""
    _, filing = parse(text)
    table = filing.cover.fee_table
    assert table.valuation.amount == Decimal("2500000")
    assert table.fee is not None
    assert table.fee.amount == Decimal("202.25")


def test_no_fee_table_without_heading() -> None:
    _, filing = parse("SCHEDULE TO\nTransaction valuation: $1,000,000\n")
    assert filing.cover.fee_table is None


# --- boxes -----------------------------------------------------------------------------

TRANSACTION_LINES = {
    "third-party-tender-offer": "third-party tender offer subject to Rule 14d-1.",
    "issuer-tender-offer": "issuer tender offer subject to Rule 13e-4.",
    "going-private": "going-private transaction subject to Rule 13e-3.",
    "amendment-to-13d": "amendment to Schedule 13D under Rule 13d-2.",
}


def cover_with_boxes(checked: str | None, final: str = "|_|", style=("|X|", "|_|")) -> str:
    on, off = style
    rows = "\n".join(
        f"{on if role == checked else off}  {label}" for role, label in TRANSACTION_LINES.items()
    )
    return f"""                              SCHEDULE TO
                            (Amendment No. 4)

{off}  Check the box if any part of the fee is offset as provided by Rule
     0-11(a)(2) and identify the filing with which the offsetting fee was
     previously paid.
    Amount Previously Paid:    $1,234.00           Filing Party: Harrowgate Widgets
    Form or Registration No.:  Schedule TO         Date Filed:   March 1, 2004

{off}  Check the box if the filing relates solely to preliminary communications
     made before the commencement of a tender offer.

Check the appropriate boxes below to designate any transactions to which the
statement relates:
{rows}

Check the following box if the filing is a final amendment reporting the
results of the tender offer: {final}
"""


@pytest.mark.parametrize("checked", list(TRANSACTION_LINES))
def test_transaction_box_roles(checked: str) -> None:
    source, filing = parse(cover_with_boxes(checked))
    boxes = filing.cover.boxes
    by_role = {box.role: box for box in boxes}
    assert list(by_role) == [
        "fee-offset",
        "preliminary-communications",
        *TRANSACTION_LINES,
        "final-amendment",
    ]
    for role, label in TRANSACTION_LINES.items():
        box = by_role[role]
        assert box.label == label
        assert box.state == ("checked" if role == checked else "unchecked")
        assert box.mark == ("|X|" if role == checked else "|_|")
        assert at(source, box.mark_span) == box.mark
        assert pos(source, box.mark_span).column == 1
        assert source.line(pos(source, box.span).line).endswith(label)
    groups = {group.group: group for group in filing.cover.box_groups}
    assert [b.role for b in groups["transaction-type"].boxes] == list(TRANSACTION_LINES)


@pytest.mark.parametrize(
    ("style", "final", "state"),
    [
        (("|X|", "|_|"), "|X|", "checked"),
        (("|X|", "|_|"), "|_|", "unchecked"),
        (("[X]", "[ ]"), "[X]", "checked"),
        (("[x]", "[ ]"), "[ ]", "unchecked"),
        (("☒", "☐"), "☒", "checked"),
        (("☑", "☐"), "☐", "unchecked"),
        (("/X/", "/ /"), "/ /", "unchecked"),
        (("(x)", "( )"), "(x)", "checked"),
        (("|X|", "|_|"), "|?|", "unreadable"),
    ],
)
def test_final_amendment_trailing_box(style: tuple[str, str], final: str, state: str) -> None:
    source, filing = parse(cover_with_boxes("issuer-tender-offer", final=final, style=style))
    box = filing.cover.boxes[-1]
    assert box.role == "final-amendment"
    assert box.mark == final
    assert box.state == state
    assert box.label == (
        "Check the following box if the filing is a final amendment reporting the"
        " results of the tender offer"
    )
    assert at(source, box.mark_span) == final
    assert source.line(pos(source, box.span).line).startswith("Check the following box")
    assert pos(source, box.span).end_line == pos(source, box.span).line + 1
    assert pos(source, box.mark_span).line == pos(source, box.span).end_line
    issuer = next(b for b in filing.cover.boxes if b.role == "issuer-tender-offer")
    assert issuer.mark == style[0]
    assert issuer.state == "checked"


def test_box_label_fields_and_wrapped_label() -> None:
    source, filing = parse(cover_with_boxes("third-party-tender-offer"))
    offset = filing.cover.boxes[0]
    assert offset.role == "fee-offset"
    assert offset.label == (
        "Check the box if any part of the fee is offset as provided by Rule 0-11(a)(2) and"
        " identify the filing with which the offsetting fee was previously paid."
    )
    fields = {f.label: f.value for f in offset.fields}
    assert fields == {
        "Amount Previously Paid": "$1,234.00",
        "Filing Party": "Harrowgate Widgets",
        "Form or Registration No.": "Schedule TO",
        "Date Filed": "March 1, 2004",
    }
    for field in offset.fields:
        assert at(source, field.span).startswith(field.label + ":")
        assert at(source, field.span).endswith(field.value)
    assert pos(source, offset.span).line == 4
    assert pos(source, offset.span).end_line == 8


def test_cover_title_and_amendment() -> None:
    source, filing = parse(cover_with_boxes("issuer-tender-offer"))
    cover = filing.cover
    assert cover.title == "SCHEDULE TO"
    assert cover.amendment_number == 4
    assert cover.form == "SC TO/A"
    assert at(source, cover.amendment_span) == "Amendment No. 4"


# --- exhibits --------------------------------------------------------------------------

AMENDMENT_ITEM_12 = """                              SCHEDULE TO
                            (Amendment No. 2)

ITEM 12.  EXHIBITS.

Item 12 of the Schedule TO is hereby amended and supplemented by adding the
following exhibit:

     (a)(5)(C)  Press release issued by Harrowgate Widgets, Inc. on March 3,
                2004 announcing the final results of the tender offer and
                the acceptance of shares for payment.**+
     (a)(5)(D)  Letter to Holders.*

     *   Filed herewith.
     **  Previously filed.
     +   Incorporated by reference.
"""


def test_wrapped_exhibit_description_and_markers() -> None:
    source, filing = parse(AMENDMENT_ITEM_12)
    (exhibits,) = filing.exhibit_lists
    first, second = exhibits.entries
    assert first.code == "(a)(5)(C)"
    assert first.description == (
        "Press release issued by Harrowgate Widgets, Inc. on March 3, 2004 announcing the"
        " final results of the tender offer and the acceptance of shares for payment."
    )
    assert list(first.markers) == ["**", "+"]
    assert at(source, first.code_span) == "(a)(5)(C)"
    assert pos(source, first.span).line == 9
    assert pos(source, first.span).end_line == 11
    assert pos(source, first.span).column == 6
    assert source.line(pos(source, first.span).end_line)[
        : pos(source, first.span).end_column - 1
    ].endswith("payment.**+")
    assert second.description == "Letter to Holders."
    assert list(second.markers) == ["*"]
    assert at(source, second.code_span) == "(a)(5)(D)"


def test_exhibit_legend() -> None:
    source, filing = parse(AMENDMENT_ITEM_12)
    legend = filing.exhibit_lists[0].legend
    assert [(n.marker, n.text) for n in legend] == [
        ("*", "Filed herewith."),
        ("**", "Previously filed."),
        ("+", "Incorporated by reference."),
    ]
    for note in legend:
        assert at(source, note.span).startswith(note.marker)
        assert at(source, note.span).endswith(note.text)


def test_supplement_mode() -> None:
    _, filing = parse(AMENDMENT_ITEM_12)
    exhibits = filing.exhibit_lists[0]
    assert (exhibits.source, exhibits.item) == ("item", 12)
    assert exhibits.mode == "supplement"


def test_complete_mode_and_index() -> None:
    text = """SCHEDULE TO

ITEM 12.  EXHIBITS.

     (a)(1)(A)  Offer to Purchase dated June 4, 2001.*
     (a)(1)(B)  Letter of Transmittal.*

     *  Filed herewith.

                               INDEX TO EXHIBITS

     (a)(1)(A)  Offer to Purchase dated June 4, 2001.*
     (a)(1)(B)  Letter of Transmittal.*
"""
    source, filing = parse(text)
    item12, index = filing.exhibit_lists
    assert (item12.source, item12.item, item12.mode) == ("item", 12, "complete")
    assert index.source == "index"
    assert [e.code for e in item12.entries] == ["(a)(1)(A)", "(a)(1)(B)"]
    assert [e.code for e in index.entries] == ["(a)(1)(A)", "(a)(1)(B)"]
    assert item12.entries[0].description == "Offer to Purchase dated June 4, 2001."
    assert [n.marker for n in item12.legend] == ["*"]
    assert pos(source, index.span).line == 10
    assert at(source, index.entries[1].code_span) == "(a)(1)(B)"


def test_exhibit_markers_glued_to_the_code() -> None:
    source, filing = parse("ITEM 12. EXHIBITS.\n(a)(1)(A)*  Offer to Purchase.\n")
    entry = filing.exhibit_lists[0].entries[0]
    assert entry.code == "(a)(1)(A)"
    assert list(entry.markers) == ["*"]
    assert entry.description == "Offer to Purchase."
    assert at(source, entry.code_span) == "(a)(1)(A)"


# --- items -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1 through 9 and Item 11", [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]),
        ("1, 4 AND 11", [1, 4, 11]),
        ("1, 4 and 11", [1, 4, 11]),
        ("12", [12]),
        ("1 THROUGH 11", list(range(1, 12))),
        ("1-3", [1, 2, 3]),
        ("1 to 3 and 5", [1, 2, 3, 5]),
        ("1 – 3", [1, 2, 3]),
        ("4 & 11", [4, 11]),
    ],
)
def test_item_numbers(text: str, numbers: list[int]) -> None:
    assert list(item_numbers(text)) == numbers


def test_item_sections_from_headings() -> None:
    text = """SCHEDULE TO

ITEMS 1 THROUGH 9 AND ITEM 11.

     The information in the Offer to Purchase is incorporated by reference.

Item 4.  Terms of the Transaction.

     Items 1, 4 and 11 are hereby amended and supplemented as follows:

ITEM 12.  EXHIBITS.
"""
    source, filing = parse(text)
    assert [list(i.numbers) for i in filing.items] == [
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
        [4],
        [12],
    ]
    assert [pos(source, i.span).line for i in filing.items] == [3, 7, 11]
    assert filing.items[1].heading == "Item 4.  Terms of the Transaction."
    for item in filing.items:
        assert at(source, item.span) == item.heading


# --- dates -----------------------------------------------------------------------------

DATED_AMENDMENT = """                              SCHEDULE TO
                            (Amendment No. 3)

     The Tender Offer Statement on Schedule TO was originally filed with the
Securities and Exchange Commission on January 5, 2004, as amended by Amendment
No. 1 filed with the Commission on January 20, 2004 and Amendment No. 2 filed
with the Commission on February 2, 2004. This Amendment No. 3 amends and
supplements the Schedule TO.

ITEM 4.  TERMS OF THE TRANSACTION.

     The Company is extending the expiration of the offer until 5:00 p.m., New
York City time, on Friday, February 20, 2004. The offer was previously
scheduled to expire at 12:00 midnight, New York City time, on February 13, 2004.

     The Company may extend the offer to March 31, 2004 at its discretion.

SIGNATURE

     After due inquiry, I certify that the information is true.

                                   GRANTHAM TOOLWORKS, INC.

                                   By: /s/ Evelyn P. Moorcroft
                                   Name: Evelyn P. Moorcroft
                                   Title: Chief Financial Officer

Dated: February 17, 2004
"""


def test_date_roles() -> None:
    _, filing = parse(DATED_AMENDMENT)
    found = [(d.text, d.role, d.amendment_number) for d in filing.dates]
    assert found == [
        ("January 5, 2004", "original-filing", None),
        ("January 20, 2004", "amendment-filing", 1),
        ("February 2, 2004", "amendment-filing", 2),
        ("Friday, February 20, 2004", "expiration", None),
        ("February 13, 2004", "previous-expiration", None),
        ("March 31, 2004", None, None),  # "may extend" is hedged: not an expiration
        ("February 17, 2004", "signature", None),
    ]


def test_date_spanning_two_lines() -> None:
    text = "The statement was originally filed with the Commission on January 5,\n2004.\n"
    source, filing = parse(text)
    (date,) = filing.dates
    assert date.text == "January 5, 2004"
    assert date.role == "original-filing"
    assert (pos(source, date.span).line, pos(source, date.span).end_line) == (1, 2)
    assert covered(source, date.span) == "January 5,\n2004"


def test_original_filing_wins_over_the_current_amendment_number() -> None:
    """Regression: the first trigger phrase in text order used to claim the date."""
    text = (
        "     This Amendment No. 3 amends the Tender Offer Statement on Schedule TO\n"
        "originally filed with the Securities and Exchange Commission on January 5,\n"
        "2004.\n"
    )
    _, filing = parse(text)
    (date,) = filing.dates
    assert (date.role, date.amendment_number) == ("original-filing", None)


def test_date_values_weekdays_and_times() -> None:
    _, filing = parse(DATED_AMENDMENT)
    by_text = {d.text: d for d in filing.dates}
    expiration = by_text["Friday, February 20, 2004"]
    assert expiration.value == datetime.date(2004, 2, 20)
    assert expiration.weekday == "Friday"
    assert (expiration.year, expiration.month, expiration.day) == (2004, 2, 20)
    assert expiration.time == "17:00"
    assert by_text["February 13, 2004"].time == "24:00"
    assert by_text["January 5, 2004"].weekday is None


def test_date_spans() -> None:
    source, filing = parse(DATED_AMENDMENT)
    for date in filing.dates:
        text = covered(source, date.span)
        assert " ".join(text.split()) == date.text
    wrapped = filing.dates[1]
    assert wrapped.text == "January 20, 2004"
    assert (pos(source, wrapped.span).line, pos(source, wrapped.span).end_line) == (6, 6)
    assert at(source, wrapped.span) == "January 20, 2004"
    signed = filing.dates[-1]
    assert at(source, signed.span) == "February 17, 2004"
    assert pos(source, signed.span).column == len("Dated: ") + 1


def test_impossible_date_is_kept() -> None:
    _, filing = parse("The offer will expire on April 31, 2003.\n")
    (date,) = filing.dates
    assert (date.year, date.month, date.day) == (2003, 4, 31)
    assert date.value is None


def test_signature_block() -> None:
    source, filing = parse(DATED_AMENDMENT)
    (signature,) = filing.signatures
    assert signature.signer == "Evelyn P. Moorcroft"
    assert signature.name == "Evelyn P. Moorcroft"
    assert signature.title == "Chief Financial Officer"
    assert signature.date.text == "February 17, 2004"
    assert "/s/ Evelyn P. Moorcroft" in source.line(pos(source, signature.span).line)


# --- spans of the whole tree -------------------------------------------------------------


def _all_spans(node, seen=None):
    """Every Span in the tree (found by duck typing, whatever the node classes are)."""
    from filinglint.linter.ast import Span

    if seen is None:
        seen = set()
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, Span):
        yield node
        return
    if isinstance(node, (list, tuple)):
        for value in node:
            yield from _all_spans(value, seen)
        return
    names = getattr(node, "__dataclass_fields__", None) or getattr(type(node), "model_fields", None)
    if not names or not hasattr(node, "span"):
        return
    for name in names:
        yield from _all_spans(getattr(node, name), seen)


@pytest.mark.parametrize(
    "text",
    [
        fee_filing("equals 0.0000809 of the transaction valuation"),
        cover_with_boxes("going-private", final="|X|"),
        AMENDMENT_ITEM_12,
        DATED_AMENDMENT,
    ],
    ids=["fee", "boxes", "item12", "dates"],
)
def test_every_span_lies_inside_the_source(text: str) -> None:
    source, filing = parse(text)
    spans = list(_all_spans(filing))
    assert len(spans) > 3
    for span in spans:
        assert 1 <= pos(source, span).line <= pos(source, span).end_line <= source.line_count
        assert pos(source, span).column >= 1
        assert pos(source, span).end_column <= len(source.line(pos(source, span).end_line)) + 1
        assert pos(source, span).column <= len(source.line(pos(source, span).line)) + 1
        if pos(source, span).line == pos(source, span).end_line:
            assert pos(source, span).column <= pos(source, span).end_column


def test_fee_table_span_ending_in_blank_lines() -> None:
    text = (
        "SCHEDULE TO\n"
        "CALCULATION OF FILING FEE\n"
        "Transaction valuation: $1,000,000\n"
        "Amount of filing fee: $92.00\n"
        "\n"
        "      \n"
        "|_|  Check the box if any part of the fee is offset.\n"
    )
    source, filing = parse(text)
    span = filing.cover.fee_table.span
    assert (pos(source, span).line, pos(source, span).end_line) == (2, 6)
    assert pos(source, span).end_column <= len(source.line(pos(source, span).end_line)) + 1


def test_filing_span_covers_the_source() -> None:
    source, filing = parse(DATED_AMENDMENT)
    span = filing.span
    assert (pos(source, span).line, pos(source, span).column) == (1, 1)
    assert pos(source, span).end_line == source.line_count
    assert pos(source, span).end_column == len(source.line(source.line_count)) + 1


def test_cover_span_ends_before_the_first_section() -> None:
    """Regression: `if end_token` on a BLANK Token ('' is falsy) gave the span 1:1-1:1."""
    source, filing = parse(AMENDMENT_ITEM_12)
    span = filing.cover.span
    assert (pos(source, span).line, pos(source, span).column) == (1, 1)
    assert pos(source, span).end_line == 3  # the blank line before "ITEM 12."


def test_cover_span_ends_on_its_last_nonblank_line() -> None:
    text = "SCHEDULE TO\n(Amendment No. 1)\nITEM 12.  EXHIBITS.\n"
    source, filing = parse(text)
    span = filing.cover.span
    assert (pos(source, span).line, pos(source, span).end_line) == (1, 2)
    assert pos(source, span).end_column == len(source.line(2)) + 1


# --- the grammar: every token sequence parses; a changed grammar rebuilds the cache -------


def _grammar_parser():
    from lark import Lark, Token
    from lark.lexer import Lexer

    from filinglint.linter.parse import GRAMMAR_PATH

    class Types(Lexer):
        def __init__(self, conf) -> None:
            pass

        def lex(self, data):
            for number, kind in enumerate(data.split(), 1):
                yield Token(kind, kind, 0, number, 1, number, 2, 1)

    grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=Types, maybe_placeholders=False)


def test_every_token_sequence_parses() -> None:
    """All sequences of up to three line types, and many longer random ones."""
    import itertools
    import random

    from filinglint.linter.lines import TOKEN_TYPES

    parser = _grammar_parser()
    for size in range(4):
        for kinds in itertools.product(TOKEN_TYPES, repeat=size):
            parser.parse(" ".join(kinds))
    rng = random.Random(3)
    for _ in range(3000):
        parser.parse(" ".join(rng.choices(TOKEN_TYPES, k=rng.randint(4, 60))))


def test_a_changed_grammar_rebuilds_the_cached_parser(tmp_path, monkeypatch) -> None:
    from filinglint.linter import parse as parse_module

    grammar = tmp_path / "filing.lark"
    grammar.write_text(parse_module.GRAMMAR_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(parse_module, "GRAMMAR_PATH", grammar)
    monkeypatch.setattr(parse_module, "_parser", None)
    parse_module.get_parser()
    (cache,) = (tmp_path / "cache").iterdir()
    first_key = cache.read_bytes().split(b"\n", 1)[0]
    # A grammar in which a wrapped exhibit line no longer continues its entry.
    grammar.write_text(
        grammar.read_text(encoding="utf-8").replace("exhibit: EXHIBIT CONT*", "exhibit: EXHIBIT"),
        encoding="utf-8",
    )
    monkeypatch.setattr(parse_module, "_parser", None)
    text = "INDEX TO EXHIBITS\n  (a)(1)  Offer to Purchase,\n           dated May 1.\n"
    (listing,) = parse_module.parse(text).exhibit_lists
    assert [e.description for e in listing.entries] == ["Offer to Purchase,"]
    assert cache.read_bytes().split(b"\n", 1)[0] != first_key
    monkeypatch.setattr(parse_module, "_parser", None)
