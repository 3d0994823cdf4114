"""The registration-fee-table reader: rows, glued markers, exact spans, refusals.

A table the reader does not understand must never produce a finding, so every refusal
here is also run through every rule.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.linter.ast import Filing, RegistrationFeeTable
from filinglint.linter.documents import build_root
from filinglint.linter.source import Source, read_path
from tests.conftest import CORPUS, lint

UNICYCIVE = CORPUS / "s-1a-0001213900-21-035033-unicycive-2021.htm"

HEAD = """                                    FORM S-1
                             REGISTRATION STATEMENT
                           THE SECURITIES ACT OF 1933

                        CALCULATION OF REGISTRATION FEE
================================================================================
                                          PROPOSED      PROPOSED
  TITLE OF EACH CLASS        AMOUNT        MAXIMUM       MAXIMUM       AMOUNT OF
    OF SECURITIES             TO BE     OFFERING PRICE  AGGREGATE     REGISTRATION
   TO BE REGISTERED        REGISTERED   PER SHARE(1)   OFFERING PRICE     FEE
--------------------------------------------------------------------------------
"""
TAIL = """================================================================================
(1) Estimated pursuant to Rule 457(a), at $109.10 per $1,000,000.

                                   SIGNATURES
                                          By:  /s/ Ada Lindqvist
Date:  April 14, 2021
"""


def table_of(text: str, path: str = "filing.txt") -> RegistrationFeeTable | None:
    root = build_root(Source(path=path, text=text))
    filing = root if isinstance(root, Filing) else root.documents[0].filing
    return filing.cover.registration_fee_table


def test_ascii_rows_with_wrapped_titles_and_glued_markers():
    text = (
        HEAD
        + "Common Stock, par value\n"
        + "  $.001 per share.......   2,300,000(2)   $12.00      $27,600,000*    $3,011.16**\n"
        + "Warrants(3)............     230,000         --             --            --\n"
        + "Total..................                              $27,600,000     $3,011.16\n"
        + TAIL
    )
    table = table_of(text)
    assert table is not None and table.unread is None
    assert table.columns == ("title", "amount", "price", "aggregate", "fee")
    first, warrants = table.rows
    assert first.title == "Common Stock, par value $.001 per share"
    assert first.amount_registered.value == Decimal(2_300_000)
    assert first.amount_registered.markers == ("(2)",)
    assert first.aggregate.amount == Decimal(27_600_000) and first.aggregate.markers == ("*",)
    assert first.fee.amount == Decimal("3011.16") and first.fee.markers == ("**",)
    assert warrants.title == "Warrants" and warrants.markers == ("(3)",)
    assert warrants.fee is None and warrants.aggregate is None
    assert table.total is not None and table.total.fee.amount == Decimal("3011.16")
    assert table.rate is not None and table.rate.value == Decimal("0.0001091")
    for value in (first.amount_registered, first.price_per_unit, first.aggregate, first.fee):
        assert text[value.span.start : value.span.end] == value.text  # markers left out


def test_the_real_s1_table_is_read_row_by_row():
    if not UNICYCIVE.exists():
        pytest.skip(f"real corpus not available ({UNICYCIVE} is absent)")
    source = read_path(str(UNICYCIVE))
    root = build_root(source)
    table = root.documents[0].filing.cover.registration_fee_table
    assert table.unread is None and table.rate is None
    fees = [row.fee.amount for row in table.rows if row.fee]
    assert fees == [Decimal(x) for x in ("3136.63", "2509.30", "156.83", "125.47")]
    assert table.total.aggregate.amount == Decimal(54_337_500)
    assert table.total.fee.amount == Decimal("5928.23") and table.total.fee.markers == ("*",)
    assert [row.markers for row in table.rows if not row.fee] == [("(3)",), ("(4)",), ("(3)",)]
    for row in table.rows:  # the "$" stands in a cell of its own: the span runs from it
        if row.fee:
            shown = source.text[row.fee.span.start : row.fee.span.end]
            assert shown.startswith("$") and shown.endswith(row.fee.text.lstrip("$"))
    assert table.notes[-1].marker == "*" and "previously paid" in table.notes[-1].text


def test_the_real_s1_rows_agree_with_the_rate_in_force_on_its_filing_date():
    """Filed 30 June 2021 at $109.10: each row right, the total 1 cent above total × rate
    (a sum of rounded rows), so no finding even with the rate supplied."""
    if not UNICYCIVE.exists():
        pytest.skip(f"real corpus not available ({UNICYCIVE} is absent)")
    text = read_path(str(UNICYCIVE)).text.replace("previously paid", "paid before")
    assert lint(text, select=["FEE"], path="s1.htm") == []


UNREADABLE = {
    "an unnamed column": HEAD.replace("PROPOSED      PROPOSED", "EXCHANGE      PROPOSED")
    .replace("MAXIMUM       MAXIMUM", "RATIO         MAXIMUM")
    .replace("OFFERING PRICE  AGGREGATE", "               AGGREGATE")
    .replace("PER SHARE(1)   OFFERING", "               OFFERING")
    + "Common Stock.............   1,000,000       0.8125     $40,000,000  $1,000,000.00\n"
    + TAIL,
    "a word among the values": HEAD
    + "Common Stock.............   1,000,000      $10.00      $10,000,000   see note   $2.00\n"
    + TAIL,
    "two values under one column": HEAD
    + "Common Stock.............   1,000,000      $10.00   $10,000,000  $9,999,999  $1,091.00\n"
    + TAIL,
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_a_table_the_reader_does_not_understand_gives_no_finding(name):
    text = UNREADABLE[name]
    table = table_of(text)
    assert table is not None and table.unread is not None and table.rows == ()
    assert lint(text) == [], f"{name}: an unread table produced findings"


def test_an_exhibit_107_table_is_left_to_its_own_reader():
    text = (
        "Calculation of Filing Fee Tables\n\n"
        "Security Type   Fee Calculation Rule   Amount Registered   Fee Rate   "
        "Amount of Registration Fee\n"
        "Equity          457(c)                 500,000             0.0000927  $2,014.37\n"
    )
    assert table_of(text) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab $1,.0()*-—\t|"), min_size=0, max_size=70),
        max_size=8,
    )
)
def test_any_rows_under_a_registration_header_never_crash_or_break_spans(rows):
    text = HEAD + "\n".join(rows) + "\n" + TAIL
    table = table_of(text)
    assert table is not None
    for row in table.rows:
        for value in (row.amount_registered, row.price_per_unit, row.aggregate, row.fee):
            if value is not None:
                assert text[value.span.start : value.span.end] == value.text
    lint(text)  # and no rule crashes on what was read
