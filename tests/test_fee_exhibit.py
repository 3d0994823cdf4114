"""Inline XBRL filing-fee exhibits: reading facts exactly, and the FFX rules on them.

The real exhibit comes from ../shared/corpus (skipped where absent); the others are
written here: a fictional Schedule TO-I/A fee exhibit, correct, and one broken copy per
rule. Until the engine reads exhibits itself, ``run`` walks the Filing the way
``Engine.check`` does.
"""

from __future__ import annotations

import datetime
import time
from decimal import Decimal

import pytest

from filinglint.linter.ast import CoverPage, FeeExhibit, Filing, Span, iter_nodes
from filinglint.linter.context import Context
from filinglint.linter.fee_exhibit import read_fee_exhibit
from filinglint.linter.query.fee_exhibit import amount, fact, rows
from filinglint.linter.registry import all_rules
from filinglint.linter.source import Source
from tests.conftest import CORPUS, pos, replace_once

REAL = CORPUS / "ex-filing-fees-0001193125-25-155880.html"
FFX = [rule for rule in all_rules() if rule.code.startswith("FFX")]
TODAY = datetime.date(2025, 8, 15)


def run(exhibit: FeeExhibit, options: dict | None = None, rules=None, text: str = ""):
    """Every diagnostic the FFX rules report on ``exhibit`` (read from ``text``), as the
    engine would walk it."""
    filing = Filing(span=exhibit.span, cover=CoverPage(span=exhibit.span), fee_exhibit=exhibit)
    context = Context(Source(path="exhibit.htm", text=text))
    context.filing = filing
    options = {"today": TODAY} if options is None else options
    for node in iter_nodes(filing):
        for rule in rules or FFX:
            visitor = rule.visitors.get(node.kind)
            if visitor is not None:
                context.rule = rule
                context.options = options
                visitor(context, node)
    return context.diagnostics


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the only occurrence of ``needle`` in ``text``."""
    assert text.count(needle) == 1, needle
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def element_span(text: str, fact_id: str) -> Span:
    """The span of the element with ``id="fact_id"``: its ``<`` to after its end tag."""
    marker = f'id="{fact_id}"'
    start = text.rindex("<", 0, text.index(marker))
    end = text.index("</ix:", start)
    end = text.index(">", end) + 1
    return Span(start=start, end=end)


def at(text: str, span: Span):
    """A span's lines and columns in ``text``, as a diagnostic would show them."""
    return pos(Source(path="exhibit.htm", text=text), span)


# --- the real exhibit -------------------------------------------------------------------


@pytest.fixture
def real_text() -> str:
    if not REAL.exists():
        pytest.skip(f"real fee exhibit not available ({REAL} is absent: ../shared not beside repo)")
    return REAL.read_text(encoding="utf-8")


def test_real_exhibit_facts(real_text):
    exhibit = read_fee_exhibit(real_text)
    assert exhibit is not None
    assert exhibit.submission_type == "424B5"
    [totals] = rows(exhibit, "totals")
    [line] = rows(exhibit, "offering")
    assert rows(exhibit, "offset") == []
    assert line.context == "P07_07_2025To07_07_2025_1TypedMemberffdOfferingAxis"
    assert line.number == 1
    assert amount(line, "ffd:MaxAggtOfferingPric").value == Decimal("4200000000")
    assert amount(line, "ffd:FeeRate").value == Decimal("0.00015310")
    assert amount(line, "ffd:FeeAmt").value == Decimal("643020.00")
    assert fact(line, "ffd:PrevslyPdFlg").value == "false"  # ixt:fixed-false, "Fees to Be"
    assert fact(line, "ffd:Rule457oFlg").value == "true"
    assert fact(line, "ffd:OfferingSctyTp").value == "Equity"
    assert fact(totals, "ffd:FormTp").value == "S-3"
    assert fact(totals, "dei:EntityRegistrantName").value == "MicroStrategy Incorporated"
    assert fact(totals, "ffd:RegnFileNb").value == "333-284510"
    assert amount(totals, "ffd:TtlOfferingAmt").value == Decimal("4200000000")
    assert amount(totals, "ffd:TtlFeeAmt").value == Decimal("643020.00")
    paid = amount(totals, "ffd:TtlPrevslyPdAmt")
    assert (paid.value, paid.text) == (Decimal(0), "\u2014")  # ixt:fixed-zero on an em dash
    assert amount(totals, "ffd:TtlOffsetAmt").value == 0
    assert amount(totals, "ffd:NetFeeAmt").value == Decimal("643020.00")
    assert len(totals.facts) + len(line.facts) == 19


def test_real_exhibit_spans_are_exact(real_text):
    exhibit = read_fee_exhibit(real_text)
    [totals] = rows(exhibit, "totals")
    [line] = rows(exhibit, "offering")
    fee = amount(line, "ffd:FeeAmt")
    assert fee.span == element_span(real_text, "ixv-315")
    assert at(real_text, fee.span)[:2] == (86, 146)
    lines = real_text.split("\n")
    assert lines[85][145:].startswith('<ix:nonFraction name="ffd:FeeAmt"')
    assert lines[85][: at(real_text, fee.span).end_column - 1].endswith(
        ">643,020.00</ix:nonFraction>"
    )
    # line 7 holds six facts; each is found on it, not the first of them six times
    submission = fact(totals, "ffd:SubmissnTp")
    assert at(real_text, submission.span)[:2] == (7, 333)
    assert lines[6][332:].startswith('<ix:nonNumeric name="ffd:SubmissnTp"')
    for item in (*totals.facts, *line.facts):
        source = real_text[item.span.start :]
        assert source.startswith(f"<ix:non{'Fraction' if item.value.__class__ is Decimal else ''}")
        assert f'name="{item.name}"' in source.split(">", 1)[0]


def test_real_exhibit_arithmetic_is_right(real_text):
    exhibit = read_fee_exhibit(real_text)
    [totals] = rows(exhibit, "totals")
    [line] = rows(exhibit, "offering")
    # by hand: 4,200,000,000 x 0.00015310 = 643,020.00 exactly; one line, no offsets
    price = amount(line, "ffd:MaxAggtOfferingPric").value
    assert price * amount(line, "ffd:FeeRate").value == amount(line, "ffd:FeeAmt").value
    assert amount(totals, "ffd:TtlFeeAmt").value == amount(line, "ffd:FeeAmt").value
    assert amount(totals, "ffd:NetFeeAmt").value == amount(totals, "ffd:TtlFeeAmt").value
    assert run(exhibit, {"today": datetime.date(2025, 7, 7), "submission-type": "424B5"}) == []
    assert run(exhibit) == []


def test_real_exhibit_under_another_header_is_suspended(real_text):
    exhibit = read_fee_exhibit(real_text)
    [finding] = run(exhibit, {"today": TODAY, "submission-type": "424B2"}, text=real_text)
    assert finding.code == "FFX009" and finding.severity == "error"
    assert (finding.line, finding.column) == (7, 333)
    assert "'424B5'" in finding.message and "'424B2'" in finding.message


# --- a fictional Schedule TO-I/A fee exhibit ---------------------------------------------

TEMPLATE = """\
<?xml version="1.0" encoding="ASCII"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" \
xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2022-02-16" \
xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" \
xmlns:ffd="http://xbrl.sec.gov/ffd/2024q2" xmlns:dei="http://xbrl.sec.gov/dei/2024" \
xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:link="http://www.xbrl.org/2003/linkbase" \
xmlns:xlink="http://www.w3.org/1999/xlink">
<head><title>EX-FILING FEES</title></head>
<body>
<div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric name="ffd:SubmissnTp" contextRef="c0" id="f01">{submission}</ix:nonNumeric>\
<ix:nonNumeric name="ffd:FeeExhibitTp" contextRef="c0" id="f02">EX-FILING FEES</ix:nonNumeric>
<ix:nonNumeric name="ffd:Rule011Flg" contextRef="of1" format="ixt:fixed-true" id="f03">\
true</ix:nonNumeric>
</ix:hidden>
<ix:references><link:schemaRef xlink:type="simple" \
xlink:href="https://xbrl.sec.gov/ffd/2024q2/ffd-2024q2.xsd"/></ix:references>
<ix:resources>
<xbrli:context id="c0"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">\
0009999901</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2025-08-11\
</xbrli:startDate><xbrli:endDate>2025-08-11</xbrli:endDate></xbrli:period></xbrli:context>
{contexts}
<xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
<xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<p>Exhibit 107</p>
<p>Calculation of Filing Fee Tables</p>
<p><ix:nonNumeric name="ffd:FormTp" contextRef="c0" id="f04">SC TO-I</ix:nonNumeric></p>
<p><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c0" id="f05">\
Kestrel Ridge Instruments, Inc.</ix:nonNumeric></p>
<p>Table 1: Transaction Valuation</p>
<table>
<tr><td><ix:nonNumeric name="ffd:PrevslyPdFlg" contextRef="of1" format="ixt:fixed-false" \
id="f06">Fees to Be Paid</ix:nonNumeric></td>
<td>$<ix:nonFraction name="ffd:TxValtn" contextRef="of1" unitRef="USD" decimals="-5" scale="6" \
format="ixt:num-dot-decimal" id="f07">{valuation1}</ix:nonFraction> million</td>
<td><ix:nonFraction name="ffd:FeeRate" contextRef="of1" unitRef="pure" decimals="7" \
format="ixt:num-dot-decimal" id="f08">{rate1}</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:FeeAmt" contextRef="of1" unitRef="USD" decimals="2"
format="ixt:num-dot-decimal" id="f09">{fee1}</ix:nonFraction></td></tr>
<tr><td><ix:nonNumeric name="ffd:PrevslyPdFlg" contextRef="of2" format="ixt:fixed-true" \
id="f10">Fees Previously Paid</ix:nonNumeric></td>
<td>$<ix:nonFraction name="ffd:TxValtn" contextRef="of2" unitRef="USD" decimals="2" \
format="ixt:num-dot-decimal" id="f11">{valuation2}</ix:nonFraction></td>
<td><ix:nonFraction name="ffd:FeeRate" contextRef="of2" unitRef="pure" decimals="7" \
format="ixt:num-dot-decimal" id="f12">0.0001531</ix:nonFraction></td>
<td>$<ix:nonFraction name="ffd:FeeAmt" contextRef="of2" unitRef="USD" decimals="2" \
format="ixt:num-dot-decimal" id="f13">{fee2}</ix:nonFraction></td></tr>
</table>
<p>Table 2: Fee Offset Claims and Sources</p>
<table>
{offset_rows}
</table>
<table>
<tr><td>Total Transaction Valuation</td><td>$<ix:nonFraction name="ffd:TtlTxValtn" \
contextRef="c0" unitRef="USD" decimals="2" format="ixt:num-dot-decimal" id="f30">\
{total_valuation}</ix:nonFraction></td></tr>
<tr><td>Total Fees Due for Filing</td><td>$<ix:nonFraction name="ffd:TtlFeeAmt" \
contextRef="c0" unitRef="USD" decimals="2" format="ixt:num-dot-decimal" id="f31">\
{total_fee}</ix:nonFraction></td></tr>
<tr><td>Total Fees Previously Paid</td><td>$<ix:nonFraction name="ffd:TtlPrevslyPdAmt" \
contextRef="c0" unitRef="USD" decimals="2" format="ixt:num-dot-decimal" id="f32">\
{total_paid}</ix:nonFraction></td></tr>
<tr><td>Total Fee Offsets</td><td>$<ix:nonFraction name="ffd:TtlOffsetAmt" contextRef="c0" \
unitRef="USD" decimals="2" format="{offsets_format}" id="f33">{total_offsets}</ix:nonFraction>\
</td></tr>
<tr><td>Net Fee Due</td><td>$<ix:nonFraction name="ffd:NetFeeAmt" contextRef="c0" \
unitRef="USD" decimals="2" format="ixt:num-dot-decimal" id="f34">{net_fee}</ix:nonFraction>\
</td></tr>
</table>
</body>
</html>
"""

OFFERING_CONTEXTS = """\
<xbrli:context id="of1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">\
0009999901</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension="ffd:OfferingAxis">\
<dei:lineNo>1</dei:lineNo></xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period>\
<xbrli:startDate>2025-08-11</xbrli:startDate><xbrli:endDate>2025-08-11</xbrli:endDate>\
</xbrli:period></xbrli:context>
<xbrli:context id="of2"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">\
0009999901</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension="ffd:OfferingAxis">\
<dei:lineNo>2</dei:lineNo></xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period>\
<xbrli:startDate>2025-08-11</xbrli:startDate><xbrli:endDate>2025-08-11</xbrli:endDate>\
</xbrli:period></xbrli:context>"""

OFFSET_CONTEXTS = """
<xbrli:context id="o1"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">\
0009999901</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension="ffd:OffsetAxis">\
<dei:lineNo>1</dei:lineNo></xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period>\
<xbrli:startDate>2025-08-11</xbrli:startDate><xbrli:endDate>2025-08-11</xbrli:endDate>\
</xbrli:period></xbrli:context>
<xbrli:context id="o2"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">\
0009999901</xbrli:identifier><xbrli:segment><xbrldi:typedMember dimension="ffd:OffsetAxis">\
<dei:lineNo>2</dei:lineNo></xbrldi:typedMember></xbrli:segment></xbrli:entity><xbrli:period>\
<xbrli:startDate>2025-08-11</xbrli:startDate><xbrli:endDate>2025-08-11</xbrli:endDate>\
</xbrli:period></xbrli:context>"""

OFFSET_ROWS = """\
<tr><td><ix:nonNumeric name="ffd:OffsetClmdInd" contextRef="o1" format="ixt:fixed-true" \
id="f20">Fee Offset Claims</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:Rule011a2OffsetFlg" contextRef="o1" format="ixt:fixed-true" \
id="f21">Rule 0-11(a)(2)</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:OffsetPrrFormTp" contextRef="o1" id="f22">S-4</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:OffsetPrrFileNb" contextRef="o1" id="f23">333-281234\
</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:OffsetClmInitlFilgDt" contextRef="o1" \
format="ixt:date-monthname-day-year-en" id="f24">{claim_date}</ix:nonNumeric></td>
<td>$<ix:nonFraction name="ffd:OffsetClmdAmt" contextRef="o1" unitRef="USD" decimals="2" \
format="ixt:num-dot-decimal" id="f25">{claimed}</ix:nonFraction></td></tr>
<tr><td><ix:nonNumeric name="ffd:OffsetClmdInd" contextRef="o2" format="ixt:fixed-false" \
id="f26">Fee Offset Sources</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:Rule011a2OffsetFlg" contextRef="o2" format="ixt:fixed-true" \
id="f27">Rule 0-11(a)(2)</ix:nonNumeric></td>
<td><ix:nonNumeric name="ffd:OffsetSrcFilgDt" contextRef="o2" format="ixt:date-month-day-year" \
id="f28">{source_date}</ix:nonNumeric></td>
<td>$<ix:nonFraction name="ffd:OffsetPrrFeeAmt" contextRef="o2" unitRef="USD" decimals="2" \
format="ixt:num-dot-decimal" id="f29">{source_paid}</ix:nonFraction></td></tr>"""

# 12.5 million x 0.0001531 = 1,913.75 to pay; 40,000,000 x 0.0001531 = 6,124.00 paid with
# the original SC TO-I; total 8,037.75, less 6,124.00 paid and 500.00 offset = 1,413.75 due.
CORRECT = {
    "submission": "SC TO-I/A",
    "valuation1": "12.5",
    "rate1": "0.0001531",
    "fee1": "1,913.75",
    "valuation2": "40,000,000.00",
    "fee2": "6,124.00",
    "claim_date": "November 4, 2024",
    "claimed": "500.00",
    "source_paid": "500.00",
    "source_date": "11/04/2024",
    "total_valuation": "52,500,000.00",
    "total_fee": "8,037.75",
    "total_paid": "6,124.00",
    "offsets_format": "ixt:num-dot-decimal",
    "total_offsets": "500.00",
    "net_fee": "1,413.75",
}


def exhibit_text(offsets: bool = True, **changes: str) -> str:
    values = {**CORRECT, **changes}
    rows_text = OFFSET_ROWS.format(**values) if offsets else ""
    contexts = OFFERING_CONTEXTS + (OFFSET_CONTEXTS if offsets else "")
    return TEMPLATE.format(contexts=contexts, offset_rows=rows_text, **values)


def findings(text: str, options: dict | None = None):
    exhibit = read_fee_exhibit(text)
    assert exhibit is not None
    return run(exhibit, options, text=text)


def test_written_exhibit_is_read_exactly():
    text = exhibit_text()
    exhibit = read_fee_exhibit(text)
    assert exhibit.submission_type == "SC TO-I/A"
    assert [(r.table, r.number, r.context) for r in exhibit.rows] == [
        ("totals", None, "c0"),
        ("offering", 1, "of1"),
        ("offering", 2, "of2"),
        ("offset", 1, "o1"),
        ("offset", 2, "o2"),
    ]
    line1, line2 = rows(exhibit, "offering")
    valuation = amount(line1, "ffd:TxValtn")
    assert (valuation.value, valuation.text) == (Decimal("12500000"), "12.5")  # scale="6"
    assert amount(line2, "ffd:TxValtn").value == Decimal("40000000.00")
    assert fact(line1, "ffd:PrevslyPdFlg").value == "false"
    assert fact(line1, "ffd:Rule011Flg").value == "true"  # a hidden fact joins its line
    assert fact(line2, "ffd:PrevslyPdFlg").value == "true"
    claim, source = rows(exhibit, "offset")
    assert fact(claim, "ffd:OffsetClmInitlFilgDt").value == "2024-11-04"
    assert fact(claim, "ffd:OffsetClmInitlFilgDt").text == "November 4, 2024"
    assert fact(source, "ffd:OffsetSrcFilgDt").value == "2024-11-04"
    assert amount(source, "ffd:OffsetPrrFeeAmt").value == Decimal("500.00")
    # every span is exactly the element, start tag to end tag
    spans = {
        "f01": ("ffd:SubmissnTp", "totals"),
        "f02": ("ffd:FeeExhibitTp", "totals"),
        "f09": ("ffd:FeeAmt", "offering"),
        "f24": ("ffd:OffsetClmInitlFilgDt", "offset"),
        "f34": ("ffd:NetFeeAmt", "totals"),
    }
    for fact_id, (name, table) in spans.items():
        [found] = [f for r in rows(exhibit, table) for f in r.facts if f.name == name][:1]
        assert found.span == element_span(text, fact_id), name


def test_written_exhibit_literal_positions():
    text = exhibit_text()
    exhibit = read_fee_exhibit(text)
    [totals] = rows(exhibit, "totals")
    first, second = fact(totals, "ffd:SubmissnTp"), fact(totals, "ffd:FeeExhibitTp")
    # two facts on line 6: the second starts where the first ends (87 characters on)
    assert at(text, first.span) == (6, 1, 6, 88)
    assert at(text, second.span) == (6, 88, 6, 182)
    # a start tag over two lines, its value on the second
    fee = amount(rows(exhibit, "offering")[0], "ffd:FeeAmt")
    assert at(text, fee.span) == (28, 6, 29, 64)
    lines = text.split("\n")
    assert lines[27][5:].startswith('<ix:nonFraction name="ffd:FeeAmt"')
    assert lines[28][:63].endswith('id="f09">1,913.75</ix:nonFraction>')


def test_correct_exhibit_is_silent():
    assert findings(exhibit_text()) == []
    assert findings(exhibit_text(), {"today": TODAY, "submission-type": "SC TO-I/A"}) == []


def only(diagnostics, code: str):
    assert [d.code for d in diagnostics] == [code], [d.message for d in diagnostics]
    return diagnostics[0]


def located(finding, text: str, fact_id: str) -> None:
    span = element_span(text, fact_id)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == at(text, span)


def test_line_fee_differs_from_valuation_times_rate():
    # the fiscal 2026 rate on line 1: 12,500,000 x 0.0001381 = 1,726.25, not 1,913.75
    text = exhibit_text(rate1="0.0001381")
    finding = only(findings(text), "FFX001")
    located(finding, text, "f09")
    assert finding.name == "fee-exhibit-line-fee" and finding.severity == "warning"
    assert "offering line 1: fee $1,913.75" in finding.message
    assert "expected $1,726.25" in finding.message
    assert "$12,500,000.00 × fee rate 0.0001381" in finding.message
    assert "overpaid by $187.50" in finding.message and "ft.r011TxVal" in finding.message
    assert [r.line for r in finding.related] == [26, 27]  # its valuation and rate


def test_line_fee_within_a_dollar_and_previously_paid_lines_are_accepted():
    same_totals = {"total_fee": "8,038.75", "net_fee": "1,414.75"}
    assert findings(exhibit_text(fee1="1,914.75", **same_totals)) == []  # EDGAR's $1.00
    same_totals = {"total_fee": "8,038.76", "net_fee": "1,414.76"}
    finding = only(findings(exhibit_text(fee1="1,914.76", **same_totals)), "FFX001")
    assert "overpaid by $1.01" in finding.message
    # a previously paid line may carry an earlier year's rate: 40,000,000 x 0.0001531 is
    # 6,124.00, but 6,024.00 there is not this rule's business
    text = exhibit_text(fee2="6,024.00", total_fee="7,937.75", net_fee="1,313.75")
    assert findings(text) == []


def test_line_fee_of_zero_mentions_the_closed_end_fund_relief():
    text = exhibit_text(fee1="0.00", total_fee="6,124.00", net_fee="-500.00")
    codes = [d.code for d in findings(text)]
    assert "FFX001" in codes
    finding = next(d for d in findings(text) if d.code == "FFX001")
    assert "underpaid by $1,913.75" in finding.message
    assert "Ironwood" in finding.hint


def test_line_fee_rule_follows_the_submission_type():
    text = exhibit_text(rate1="0.0001381")
    # known and not a Schedule TO-like group (7, 8): silent
    assert run(read_fee_exhibit(text), {"submission-type": "S-3/A"}, rules=FFX[:1]) == []
    assert run(read_fee_exhibit(exhibit_text(rate1="0.0001381", submission="S-4/A"))) == []
    # unknown (no header, no ffd:SubmissnTp): checked
    untyped = text.replace(
        '<ix:nonNumeric name="ffd:SubmissnTp" contextRef="c0" id="f01">SC TO-I/A</ix:nonNumeric>',
        "",
    )
    assert read_fee_exhibit(untyped).submission_type is None
    only(findings(untyped), "FFX001")


def test_total_valuation_is_the_sum_of_the_lines():
    text = exhibit_text(total_valuation="52,000,000.00")
    finding = only(findings(text), "FFX002")
    located(finding, text, "f30")
    assert "total transaction valuation $52,000,000.00 differs from $52,500,000.00" in (
        finding.message
    )
    assert "($12,500,000.00 + $40,000,000.00)" in finding.message
    assert "$500,000.00 too low" in finding.message and "ft.ttlTxValtn" in finding.message
    assert len(finding.related) == 2


def test_total_fee_is_the_sum_of_the_line_fees():
    text = exhibit_text(total_fee="8,137.75", net_fee="1,513.75")
    finding = only(findings(text), "FFX003")
    located(finding, text, "f31")
    assert "total fee $8,137.75 differs from $8,037.75" in finding.message
    assert "$100.00 too high" in finding.message and "ft.ttlFeeAmt" in finding.message
    assert findings(exhibit_text(total_fee="8,038.75", net_fee="1,414.75")) == []  # $1.00


def test_total_offsets_are_the_sum_of_the_claims():
    text = exhibit_text(total_offsets="600.00", net_fee="1,313.75")
    finding = only(findings(text), "FFX004")
    located(finding, text, "f33")
    assert "total fee offsets $600.00 differ from $500.00" in finding.message
    assert "$100.00 too high" in finding.message and "ft.ttlOfstAmt" in finding.message
    # no claim lines at all: the total must be zero
    text = exhibit_text(offsets=False, total_offsets="500.00")
    finding = only(findings(text), "FFX004")
    assert "as no line states one" in finding.message


def test_offsets_may_not_exceed_the_fee_left_to_pay():
    # 8,037.75 - 6,124.00 = 1,913.75 left; 2,000.00 claimed. EDGAR books the offsets as
    # 1,913.75 and the net fee due as 0.00, which the exhibit states: one finding.
    # (the source paid all 2,000.00, so the claim is within it: fee-exhibit-offset-sources
    # stays silent)
    text = exhibit_text(
        claimed="2,000.00", source_paid="2,000.00", total_offsets="2,000.00", net_fee="0.00"
    )
    finding = only(findings(text), "FFX005")
    located(finding, text, "f33")
    assert "total fee offsets $2,000.00 exceed the $1,913.75 left to pay" in finding.message
    assert "$86.25 too high" in finding.message and "ft.ttlOfstLeTotFee" in finding.message
    # no tolerance: one cent too much is reported
    text = exhibit_text(
        claimed="1,913.76", source_paid="1,913.76", total_offsets="1,913.76", net_fee="0.00"
    )
    assert "$0.01 too high" in only(findings(text), "FFX005").message


def test_net_fee_is_fee_minus_paid_minus_offsets():
    text = exhibit_text(net_fee="1,400.00")
    finding = only(findings(text), "FFX006")
    located(finding, text, "f34")
    assert "net fee due $1,400.00 differs from the expected $1,413.75" in finding.message
    assert (
        "(total fee $8,037.75 minus previously paid $6,124.00 minus offsets $500.00)"
        in finding.message
    )
    assert "$13.75 too low" in finding.message and "ft.netFeeAmt" in finding.message
    assert len(finding.related) == 3  # no interest fact


def test_previously_paid_may_not_exceed_the_total_fee():
    # no offsets, so only the previously paid total is wrong; EDGAR books the net fee as 0
    text = exhibit_text(
        offsets=False,
        total_paid="9,000.00",
        offsets_format="ixt:fixed-zero",
        total_offsets="\u2014",
        net_fee="0.00",
    )
    finding = only(findings(text), "FFX007")
    located(finding, text, "f32")
    assert "total fees previously paid $9,000.00 exceed the total fee $8,037.75" in (
        finding.message
    )
    assert "$962.25 too high" in finding.message and "ft.usrSty6b" in finding.message
    # an original Schedule TO (group 7) is not an amendment: EDGAR does not check it
    original = text.replace(">SC TO-I/A<", ">SC TO-I<")
    assert findings(original) == []


def test_offset_dates_may_not_be_in_the_future():
    text = exhibit_text(source_date="09/02/2025")
    finding = only(findings(text), "FFX008")
    located(finding, text, "f28")
    assert "offset line 2: filing date of the source 2025-09-02 is in the future" in (
        finding.message
    )
    assert "18 days after today (2025-08-15)" in finding.message
    assert "ft.oFuture" in finding.message
    assert findings(exhibit_text(source_date="08/15/2025")) == []  # today is allowed
    # without the option, today is today
    far = exhibit_text(claim_date="December 31, 9999")
    finding = only(findings(far, {}), "FFX008")
    located(finding, far, "f24")
    assert findings(exhibit_text(), {}) == []


def test_submission_type_must_match_the_header():
    text = exhibit_text()
    finding = only(findings(text, {"today": TODAY, "submission-type": "SC TO-T/A"}), "FFX009")
    located(finding, text, "f01")
    assert finding.severity == "error"
    assert "'SC TO-I/A' differs from the submission header's 'SC TO-T/A'" in finding.message
    assert "ft.subTpMismatch" in finding.message
    assert findings(text, {"today": TODAY}) == []  # no header known: nothing to compare


def test_duplicate_and_nil_facts_count_once():
    text = exhibit_text()
    again = (
        '<p>A net fee of $<ix:nonFraction name="ffd:NetFeeAmt" contextRef="c0" unitRef="USD"'
        ' decimals="2" format="ixt:num-dot-decimal" id="f35">1,413.75</ix:nonFraction>'
        ' and <ix:nonFraction name="ffd:FeeAmt" contextRef="of1" unitRef="USD" decimals="2"'
        ' format="ixt:num-dot-decimal" id="f36">1,913.75</ix:nonFraction> for line 1.</p>\n'
        '<p><ix:nonFraction name="ffd:FeeIntrstAmt" contextRef="c0" unitRef="USD"'
        ' xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="f37"/></p>\n'
    )
    text = text.replace("</body>", again + "</body>")
    exhibit = read_fee_exhibit(text)
    [totals] = rows(exhibit, "totals")
    nil = [f for f in totals.facts if f.name == "ffd:FeeIntrstAmt"]
    assert [(f.value, f.span) for f in nil] == [(None, element_span_self_closing(text, "f37"))]
    assert run(exhibit) == []


def element_span_self_closing(text: str, fact_id: str) -> Span:
    end = text.index("/>", text.index(f'id="{fact_id}"')) + 2
    start = text.rindex("<", 0, end - 2)
    return Span(start=start, end=end)


# --- values ------------------------------------------------------------------------------

NUMBER = (
    '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/2024">'
    '<ix:nonFraction name="ffd:FeeAmt" contextRef="c" unitRef="USD" {attributes}>{text}'
    "</ix:nonFraction></html>"
)


@pytest.mark.parametrize(
    ("attributes", "text", "value"),
    [
        ('format="ixt:num-dot-decimal"', "1,913.75", Decimal("1913.75")),
        ('format="ixt:num-dot-decimal" sign="-"', "1,913.75", Decimal("-1913.75")),
        ('format="ixt:num-dot-decimal" scale="3"', "52,500", Decimal("52500000")),
        ('format="ixt:num-dot-decimal" scale="-2"', "1,913", Decimal("19.13")),
        ('format="ixt:num-comma-decimal"', "1.913,75", Decimal("1913.75")),
        ('format="ixt:numdotdecimal"', "1,913.75", Decimal("1913.75")),
        ('format="ixt:fixed-zero"', "\u2014", Decimal(0)),
        ('format="ixt:fixed-zero"', "None", Decimal(0)),
        ("", "1913.75", Decimal("1913.75")),
        # 28 digits and a scale: no context rounding anywhere
        (
            'format="ixt:num-dot-decimal" scale="9"',
            "1,234,567,890,123,456,789,012.345678",
            Decimal("1234567890123456789012345678000"),
        ),
        ('format="ixt:num-dot-decimal"', "1,913.75 dollars", None),
        ('format="ixt-sec:numwordsen"', "twelve", None),
        ('format="ixt:some-future-format"', "1,913.75", None),
        ('format="ixt:num-dot-decimal" scale="999999999"', "1", None),
        (
            'format="ixt:num-dot-decimal" xsi:nil="true" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
            "",
            None,
        ),
    ],
)
def test_numbers_apply_format_scale_and_sign_exactly(attributes, text, value):
    exhibit = read_fee_exhibit(NUMBER.format(attributes=attributes, text=text))
    [row] = exhibit.rows
    [found] = row.facts
    assert found.value == value and type(found.value) is type(value)
    assert row.table is None  # the context is not in the text


@pytest.mark.parametrize(
    ("format_", "text", "value"),
    [
        ("ixt:date-monthname-day-year-en", "July 7, 2025", "2025-07-07"),
        ("ixt:date-day-monthname-year-en", "7 July 2025", "2025-07-07"),
        ("ixt:date-month-day-year", "07/07/2025", "2025-07-07"),
        ("ixt:date-day-month-year", "08.07.2025", "2025-07-08"),
        ("ixt:date-year-month-day", "2025-07-09", "2025-07-09"),
        ("ixt:datemonthdayyearen", "Nov. 4, 24", "2024-11-04"),
        ("ixt:date-month-day-year", "02/30/2025", "02/30/2025"),  # no such day: as written
        ("ixt:fixed-true", "Fee Offset Claims", "true"),
        ("ixt:fixed-false", "Fees to Be Paid", "false"),
        ("", "  SC  TO-I/A \n", "SC TO-I/A"),
    ],
)
def test_text_values(format_, text, value):
    markup = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
        'xmlns:ffd="http://xbrl.sec.gov/ffd/2024q2"><ix:nonNumeric name="ffd:X" contextRef="c" '
        f'format="{format_}">{text}</ix:nonNumeric></html>'
    )
    [row] = read_fee_exhibit(markup).rows
    assert row.facts[0].value == value


def test_text_skips_exclusions_and_follows_continuations():
    markup = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/'
        '2024q2"><ix:nonNumeric name="ffd:OfferingNote" contextRef="c" continuedAt="k1">The fee'
        "<ix:exclude> (page 2)</ix:exclude> is</ix:nonNumeric><p>other text</p>"
        '<ix:continuation id="k1">computed under Rule&#160;0-11.</ix:continuation></html>'
    )
    [row] = read_fee_exhibit(markup).rows
    assert row.facts[0].value == "The fee is computed under Rule 0-11."  # &#160; collapsed


def test_prefixes_are_read_through_their_namespaces():
    markup = (
        '<html xmlns:i="http://www.xbrl.org/2013/inlineXBRL" xmlns:fee="http://xbrl.sec.gov/ffd/'
        '2025"><i:nonFraction name="fee:NetFeeAmt" contextRef="c" unitRef="USD">12</i:nonFraction>'
        "</html>"
    )
    [row] = read_fee_exhibit(markup).rows
    assert row.facts[0].name == "ffd:NetFeeAmt"
    element = '<i:nonFraction name="fee:NetFeeAmt" contextRef="c" unitRef="USD">12</i:nonFraction>'
    line, column = where(markup, element)
    assert at(markup, row.facts[0].span) == (line, column, line, column + len(element))


def test_columns_count_characters_not_bytes():
    markup = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/'
        '2024q2">\n<p>Émis — “fee”: <ix:nonFraction name="ffd:FeeAmt" contextRef="c" '
        'unitRef="USD">1</ix:nonFraction></p></html>'
    )
    [row] = read_fee_exhibit(markup).rows
    # "<p>Émis — “fee”: " is 17 characters (and 24 bytes) before the fact
    assert at(markup, row.facts[0].span)[:2] == (2, 18)


# --- robustness --------------------------------------------------------------------------


def test_no_facts_is_none():
    assert read_fee_exhibit("") is None
    assert read_fee_exhibit("SCHEDULE TO\nCALCULATION OF FILING FEE\n$2,500,000 $203.00\n") is None
    assert read_fee_exhibit("<html><body><p>nonFraction</p></body></html>") is None
    dei_only = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:dei="http://xbrl.sec.gov/dei/'
        '2024"><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c">Kestrel'
        "</ix:nonNumeric></html>"
    )
    assert read_fee_exhibit(dei_only) is None
    assert read_fee_exhibit("<<<nonNumeric>>> \x00 not xml at all") is None


def test_malformed_exhibit_keeps_what_it_can():
    text = exhibit_text()
    # an unclosed <td><b> before the totals, and the file cut off before the net fee due
    broken = replace_once(
        text, "</td></tr>\n<tr><td>Total Fees Due", "<td><b></tr>\n<tr><td>Total Fees Due"
    )
    broken = broken[: broken.index("<tr><td>Net Fee Due")]  # cut off mid-document
    exhibit = read_fee_exhibit(broken)
    assert exhibit is not None
    [totals] = rows(exhibit, "totals")
    assert amount(totals, "ffd:TtlFeeAmt").value == Decimal("8037.75")
    found = amount(totals, "ffd:TtlFeeAmt").span
    assert at(broken, found).line == at(text, element_span(text, "f31")).line
    assert amount(totals, "ffd:NetFeeAmt") is None
    run(exhibit)  # the rules cope with what is missing


def test_entities_are_never_expanded():
    declared = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY co "Kestrel Ridge">]>\n'
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/'
        '2024q2"><ix:nonNumeric name="ffd:OffsetPrrFilerNm" contextRef="c">&co;</ix:nonNumeric>'
        '<ix:nonFraction name="ffd:FeeAmt" contextRef="c" unitRef="USD">12</ix:nonFraction></html>'
    )
    [row] = read_fee_exhibit(declared).rows
    assert [(f.value, at(declared, f.span).line) for f in row.facts] == [
        ("", 3),
        (Decimal(12), 3),
    ]


def test_billion_laughs_does_not_blow_up():
    laughs = "".join('<!ENTITY lol{} "{}">'.format(i, f"&lol{i - 1};" * 10) for i in range(1, 10))
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY lol0 "lol">' + laughs + "]>\n"
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/'
        '2024q2"><ix:nonNumeric name="ffd:SubmissnTp" contextRef="c">&lol9;</ix:nonNumeric>'
        '<ix:nonFraction name="ffd:FeeAmt" contextRef="c" unitRef="USD">1&lol9;</ix:nonFraction>'
        "</html>"
    )
    started = time.perf_counter()
    exhibit = read_fee_exhibit(text)
    assert time.perf_counter() - started < 2
    # the declarations are never read (FL005 names them); the 10^9 "lol"s are never built
    assert exhibit is not None and "lol" not in repr(exhibit.rows)
    assert at(text, exhibit.rows[0].facts[0].span).line == 3


def test_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:ffd="http://xbrl.sec.gov/ffd/'
        '2024q2"><ix:nonNumeric name="ffd:SubmissnTp" contextRef="c">&x;</ix:nonNumeric></html>'
    )
    exhibit = read_fee_exhibit(text)
    assert "SECRET" not in repr(exhibit)


def test_any_truncation_reads_without_error():
    text = exhibit_text()
    for end in range(0, len(text), 37):
        exhibit = read_fee_exhibit(text[:end])
        if exhibit is not None:
            for row in exhibit.rows:
                for item in row.facts:  # every span found points at its element
                    assert text[item.span.start :].startswith("<ix:non"), (end, item)
            run(exhibit, {"today": TODAY, "submission-type": "SC TO-T"})


@pytest.mark.parametrize("junk", ["<!--", "<![CDATA[", "<?", "<!D [", '<a b="c', "<a "])
def test_unclosed_markup_is_read_in_linear_time(junk):
    text = NUMBER.format(attributes="", text="12") + junk * 100_000
    started = time.perf_counter()
    exhibit = read_fee_exhibit(text)
    assert time.perf_counter() - started < 2
    assert at(text, exhibit.rows[0].facts[0].span).column == where(text, "<ix:nonFraction")[1]
