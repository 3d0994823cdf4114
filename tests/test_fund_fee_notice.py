"""Form 24F-2 fee notices (24F-2NT), in the 1990s text layout and today's XML."""

from __future__ import annotations

from decimal import Decimal

import pytest

from filinglint.linter.ast import Filing
from filinglint.linter.documents import build_root
from filinglint.linter.source import Source, read_path
from tests.conftest import CORPUS, lint

TEXT_1995 = CORPUS / "24f-2nt-0000950129-95-001652.txt"
XML_2026 = CORPUS / "24f-2nt-advisors-inner-circle-2026.xml"


def notices_of(source: Source):
    root = build_root(source)
    if isinstance(root, Filing):
        return root.fund_fee_notices
    return tuple(n for d in root.documents if d.filing for n in d.filing.fund_fee_notices)


def test_the_1995_text_notice_is_read_and_its_arithmetic_holds():
    """Net 119,106,125 = 315,907,479 + 168,462,102 − 365,263,456 + 0; the fee $41,071.08
    is that × 1/29 of 1% (the printed multiplier 0.00034483 is its rounding): no finding."""
    if not TEXT_1995.exists():
        pytest.skip(f"real corpus not available ({TEXT_1995} is absent)")
    source = read_path(str(TEXT_1995))
    (notice,) = notices_of(source)
    assert notice.layout == "text"
    assert notice.sales.amount == Decimal(315_907_479)
    assert notice.reinvested.amount == Decimal(168_462_102)
    assert notice.redemptions.amount == Decimal(365_263_456)
    assert notice.reapplied.amount == 0
    assert notice.net_sales.amount == Decimal(119_106_125)
    assert notice.multiplier.value == Decimal("0.00034483")
    assert notice.fee.amount == Decimal("41071.08")
    assert str(notice.fiscal_year_end) == "1995-10-31"
    for value in (notice.sales, notice.net_sales, notice.fee, notice.multiplier):
        assert source.text[value.span.start : value.span.end] == value.text
    assert lint(source.text, select=["FEE"], path=str(TEXT_1995)) == []


def test_the_2026_xml_notice_is_read_with_exact_spans():
    if not XML_2026.exists():
        pytest.skip(f"real corpus not available ({XML_2026} is absent)")
    source = read_path(str(XML_2026))
    (notice,) = notices_of(source)
    assert notice.layout == "xml"
    assert notice.net_sales.amount == Decimal("109874728.46")
    assert notice.fee.amount == Decimal("15173.7")
    assert notice.multiplier.value == Decimal("0.0001381")
    for value in (notice.sales, notice.redemptions, notice.fee, notice.total):
        assert source.text[value.span.start : value.span.end] == value.text
    assert lint(source.text, path=str(XML_2026)) == []


def test_a_label_ending_in_a_year_is_not_a_value():
    text = (
        "FORM 24F-2 pursuant to rule 24f-2\n"
        "5.  Calculation of registration fee:\n"
        "    (vii)  Multiplier prescribed by the Securities Act of 1933\n"
        "           or other law:                                  x   .0001091\n"
        "    (viii) Registration fee due:                          $   1,091.00\n"
    )
    (notice,) = notices_of(Source(path="n.txt", text=text))
    assert notice.multiplier.text == ".0001091" and notice.fee.amount == Decimal("1091.00")


def test_an_entity_in_the_xml_is_never_expanded():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE e [<!ENTITY a "1111111111">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<edgarSubmission xmlns="http://www.sec.gov/edgar/twentyfourf2filer"><formData>'
        "<annualFilings><annualFilingInfo><item5><netSales>&b;</netSales>"
        "<multiplierForDeterminingRegistrationFee>0.0001381</multiplierForDeterminingRegistrationFee>"
        "<registrationFeeDue>5</registrationFeeDue></item5></annualFilingInfo></annualFilings>"
        "</formData></edgarSubmission>\n"
    )
    (notice,) = notices_of(Source(path="bomb.xml", text=bomb))
    assert notice.net_sales is None  # the entity stays unexpanded: no value, no finding
    assert [d for d in lint(bomb, path="bomb.xml") if d.code == "FEE007"] == []


def test_each_series_block_is_its_own_notice():
    block = (
        "5.  Calculation of registration fee:\n"
        "    (i)    Aggregate sale price of securities sold:            $ {sales}\n"
        "    (v)    Net sales:                                          $ {sales}\n"
        "    (vii)  Multiplier for determining registration fee:       x  .0001091\n"
        "    (viii) Registration fee due:                              =$ {fee}\n"
        "{extra}"
    )
    text = (
        "FORM 24F-2 pursuant to rule 24f-2\nSeries A\n"
        + block.format(sales="1,000,000", fee="109.10", extra="")
        + "Series B\n"
        + block.format(
            sales="2,000,000",
            fee="218.20",
            extra="7.   Interest due:                                         +$ 1.00\n",
        )
    )
    first, second = notices_of(Source(path="n.txt", text=text))
    assert first.fee.amount == Decimal("109.10") and first.interest is None
    assert second.fee.amount == Decimal("218.20") and second.interest.amount == 1
    assert lint(text, select=["FEE007"]) == []


def test_an_undeclared_prefix_left_by_recovery_is_no_crash():
    """Fuzzing found it: lxml, recovering, keeps ``prefix:name`` as the tag of an element
    whose prefix is undeclared, and ``etree.QName`` raises on such a tag."""
    from filinglint.linter.fund_fee_notice import read_fund_notice_xml

    text = (
        '<edgarSubmission xmlns="http://www.sec.gov/edgar/twentyfourf2filer"><formData>'
        "<annualFilingInfo><redemptionCredit:AvailableForUseInFutureYears>5"
        "</redemptionCredit:AvailableForUseInFutureYears><lastDayOfFiscalYear>12/31/2025"
        "</lastDayOfFiscalYear></annualFilingInfo></formData></edgarSubmission>"
    )
    notices, dates = read_fund_notice_xml(text)  # raised ValueError before
    assert notices == () and dates == ()  # no fee terms: no notice, and no crash
