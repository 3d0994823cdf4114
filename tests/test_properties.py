"""Property tests: the linter never crashes and never points outside its input, and
the fee arithmetic is exact."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from filinglint.linter.ast import Span
from filinglint.linter.build import build
from filinglint.linter.engine import Engine
from filinglint.linter.money import dollars, to_cents
from filinglint.linter.registry import all_rules
from filinglint.linter.source import decode
from filinglint.linter.values import find_rate
from tests.conftest import pos

ENGINE = Engine(list(all_rules()))
FEE_ENGINE = Engine([rule for rule in all_rules() if rule.code == "FEE001"])

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- (a) arbitrary, filing-like text ----------------------------------------------------

FRAGMENTS = [
    "SCHEDULE TO",
    "                              SCHEDULE TO",
    "SCHEDULE TO/A",
    "(Amendment No. 2)",
    "Amendment No. 1",
    "(Name of Subject Company (Issuer))",
    "(Name, Address and Telephone Number of Person Authorized to Receive Notices",
    "(CUSIP Number of Class of Securities)",
    "CALCULATION OF FILING FEE",
    "====================================== =========================================",
    "-------------------------------------- -----------------------------------------",
    "           Transaction Valuation*               Amount of Filing Fee**",
    "                 $48,000,000                         $9,600.00",
    "Transaction valuation: $1,000,000",
    "Amount of filing fee: $92.00",
    "*    Estimated for purposes of calculating the filing fee only.",
    "**   The filing fee equals 1/50th of one percent of the transaction valuation.",
    "**   equals 0.0000809 of the transaction valuation",
    "(1) $80.90 per $1,000,000",
    "(2) $92 per million",
    "|_|  Check the box if any part of the fee is offset as provided by Rule",
    "     0-11(a)(2) and identify the filing with which the offsetting fee was",
    "    Amount Previously Paid:    None                Filing Party: Not applicable",
    "|X|  third-party tender offer subject to Rule 14d-1.",
    "[ ]  issuer tender offer subject to Rule 13e-4.",
    "☒ going-private transaction subject to Rule 13e-3.",
    "(x) amendment to Schedule 13D under Rule 13d-2.",
    "|?|  Rule 13e-4(i) (Cross-Border Issuer Tender Offer)",
    "[X]  Rule 14d-1(d) (Cross-Border Third-Party Tender Offer)",
    "results of the tender offer: |_|",
    "results of the tender offer: [X]",
    "ITEM 12.  EXHIBITS.",
    "ITEMS 1 THROUGH 9 AND ITEM 11.",
    "Item 4.  Terms of the Transaction.",
    "Item 12 of the Schedule TO is hereby amended and supplemented by adding the",
    "following exhibit:",
    "         (a)(1)(A)  Offer to Purchase dated June 4, 2001.*",
    "         (a)(1)(B)  Form of Letter of Transmittal.**+",
    "                    Trust Companies and Other Nominees.*",
    "(a)(5)(B) hereto, and the information",
    "(g)        None.",
    "*  Filed herewith.",
    "+  Previously filed.",
    "INDEX TO EXHIBITS",
    "EXHIBIT INDEX",
    "SIGNATURE",
    "By:  /s/ Calvin M. Brandauer",
    "Name:  Calvin M. Brandauer",
    "Title: President",
    "Dated: June 4, 2001",
    "Date:  February 30, 2001",
    "originally filed with the Securities and Exchange Commission on March 13, 2003,",
    "as amended by Amendment No. 1 thereto filed with the SEC on March 1, 2003",
    "extending the expiration of the offer until 5:00 p.m. on Wednesday, April 9,",
    "2003. The offer was previously scheduled to expire at 5:00 p.m. on April 16, 2003.",
    "will expire at 12:00 midnight, New York City time, on Monday, July 2, 2001",
    "The offer commences on Wednesday, June 4, 2001 and will expire",
    "on Tuesday, Sept. 31, 2002, unless extended.",
    "<PAGE>",
    "                                      3",
    "- 4 -",
    "_________________",
    "",
    "   ",
    "\t",
]

_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="\n\r\t|[]()/_xX$.,:*+#☐☒☑ ",
)
_WORDS = st.sampled_from(
    ["ITEM 12", "Item", "(a)(1)(A)", "$", "$1,000", "0.0000809", "January", "May", "Sept.",
     "31,", "2003", "|_|", "[X]", "☐", "☒", "per million", "1/50th of one percent",
     "Amendment No. 3", "extended until", "filed", "(1)", "**", "\n", " ", "  "]
)  # fmt: skip

_LINE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(_ALPHABET, max_size=60),
    st.lists(_WORDS, max_size=12).map("".join),
    st.tuples(st.sampled_from(FRAGMENTS), st.text(_ALPHABET, max_size=20)).map(
        lambda pair: pair[0] + pair[1]
    ),
)
FILING_TEXT = st.one_of(
    st.lists(_LINE, max_size=40).map("\n".join),
    st.text(_ALPHABET, max_size=300),
)


def _assert_span_inside(source, line: int, column: int, end_line: int, end_column: int):
    count = source.line_count
    assert 1 <= line <= count
    assert 1 <= end_line <= count
    assert column >= 1
    assert end_column >= 1
    assert (end_line, end_column) >= (line, column)
    assert column <= len(source.line(line)) + 1
    assert end_column <= len(source.line(end_line)) + 1


def _check_everything(text: str) -> None:
    source = decode(text.encode("utf-8"), "prop.txt")
    diagnostics = ENGINE.check(source)
    for diagnostic in diagnostics:
        assert diagnostic.code != "FL900", diagnostic.message
        assert diagnostic.path == "prop.txt"
        _assert_span_inside(
            source, diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column
        )
        for where in diagnostic.related:
            _assert_span_inside(source, where.line, where.column, where.end_line, where.end_column)


@SETTINGS
@given(FILING_TEXT)
@example("")
@example("\n")
@example("CALCULATION OF FILING FEE\n$0 $0\n** $0 per $0")
@example("CALCULATION OF FILING FEE\nvaluation fee\n$1 $2\n(1) 0/0th of one percent")
@example("ITEM 12\n(a)(1)(A)  X\nINDEX TO EXHIBITS\n(a)(1)(A)  Y\n")
@example("February 29, 2003\nMonday, February 30, 2004\nJanuary 0, 2001")
@example("SIGNATURE\nBy: /s/ A\nDate: June 31, 2001")
def test_engine_never_crashes_and_stays_inside_the_input(text: str) -> None:
    _check_everything(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map("\n".join))
def test_engine_on_shuffled_filing_fragments(text: str) -> None:
    _check_everything(text)


def _ast_spans(node, seen: set[int]):
    """Every Span in the AST (nodes are found by duck typing: anything with a span)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, Span):
        yield node
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _ast_spans(value, seen)
    elif hasattr(node, "span"):
        names = getattr(node, "__dataclass_fields__", None) or type(node).model_fields
        for name in names:
            yield from _ast_spans(getattr(node, name), seen)


@SETTINGS
@given(FILING_TEXT)
@example("CALCULATION OF FILING FEE\n\n   \n|_| x")
def test_ast_spans_stay_inside_the_input(text: str) -> None:
    source = decode(text.encode("utf-8"), "prop.txt")
    filing = build(source.text)
    for span in _ast_spans(filing, set()):
        assert 0 <= span.start <= span.end <= len(source.text)
        _assert_span_inside(source, *pos(source, span))


@SETTINGS
@given(FILING_TEXT, st.sampled_from(["\r\n", "\r"]))
def test_line_ends_do_not_move_findings(text: str, newline: str) -> None:
    assume("\r" not in text)
    lf = ENGINE.check(decode(text.encode(), "p.txt"))
    other = ENGINE.check(decode(text.replace("\n", newline).encode(), "p.txt"))
    assert [(d.code, d.line, d.column, d.end_line, d.end_column) for d in other] == [
        (d.code, d.line, d.column, d.end_line, d.end_column) for d in lf
    ]


@pytest.mark.parametrize(
    ("valuation", "fee"),
    [("$" + "9" * 40, "$1.00"), ("$1,000,000", "$" + "9" * 30)],
    ids=["huge-valuation", "huge-fee"],
)
def test_engine_no_internal_error_on_huge_amounts(valuation: str, fee: str) -> None:
    text = (
        "CALCULATION OF FILING FEE\n"
        f"Transaction valuation: {valuation}\n"
        f"Amount of filing fee: {fee}\n"
        "*  The fee equals 0.0000809 of the transaction valuation.\n"
    )
    _check_everything(text)


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@SETTINGS
@given(
    st.sampled_from(_DAY_NAMES),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2035, 12, 31)),
    st.booleans(),
    st.booleans(),
)
@example("Monday", datetime.date(2001, 6, 5), False, False)
@example("Monday", datetime.date(2001, 6, 5), False, True)
def test_weekday_dates_with_any_commas(
    weekday: str, date: datetime.date, weekday_comma: bool, day_comma: bool
) -> None:
    plain = f"{_MONTH_NAMES[date.month - 1]} {date.day}{',' if day_comma else ''} {date.year}"
    written = f"{weekday}{',' if weekday_comma else ''} {plain}"
    text = f"The offer will expire at 5:00 p.m. on {written}, unless extended.\n"
    _check_everything(text)
    diagnostics = ENGINE.check(decode(text.encode(), "w.txt"))
    actual = _DAY_NAMES[date.weekday()]
    mismatches = [d for d in diagnostics if d.code == "DAT002"]
    if actual == weekday:
        assert mismatches == []
    else:
        (finding,) = mismatches
        normal = f"{_MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"
        assert finding.message == f"{normal} is a {actual}, not a {weekday}"
        assert text[finding.column - 1 : finding.end_column - 1] == written


# --- (b) money maths --------------------------------------------------------------------

VALUATIONS = st.decimals(
    min_value=Decimal("0.00"),
    max_value=Decimal("1000000000000.00"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
RATES = st.decimals(
    min_value=Decimal("0.0000001"),
    max_value=Decimal("0.0099999"),
    places=7,
    allow_nan=False,
    allow_infinity=False,
)


@SETTINGS
@given(RATES)
@example(Decimal("0.0000809"))
@example(Decimal("0.0000920"))
@example(Decimal("0.0001531"))
def test_find_rate_returns_the_exact_decimal(rate: Decimal) -> None:
    written = f"{rate:f}"
    sentence = f"The filing fee equals {written} of the transaction valuation."
    found = find_rate(sentence)
    assert found is not None
    start, end, value = found
    assert value == rate
    assert value.as_tuple() == Decimal(written).as_tuple()  # the digits as written
    assert sentence[start:end] == written


@SETTINGS
@given(RATES)
@example(Decimal("0.000092"))
def test_percent_rate_is_divided_by_one_hundred(rate: Decimal) -> None:
    percent = rate * 100
    sentence = f"The filing fee equals {percent:f}% of the transaction value."
    found = find_rate(sentence)
    assert found is not None
    assert found[2] == rate


@SETTINGS
@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["", " "]))
def test_per_million_rate_is_exact(cents: int, space: str) -> None:
    fee = Decimal(cents) / 100
    sentence = f"calculated at ${space}{fee:,.2f} per $1,000,000 of the transaction value"
    _, _, value = find_rate(sentence)
    assert value == fee / Decimal(1_000_000)


@SETTINGS
@given(st.decimals(min_value=-(10**13), max_value=10**13, places=6, allow_nan=False))
def test_to_cents_rounds_half_up(amount: Decimal) -> None:
    cents = to_cents(amount)
    assert cents.as_tuple().exponent == -2
    assert abs(cents - amount) <= Decimal("0.005")
    scaled = abs(amount) * 100
    whole = int(scaled)
    expected = whole + (1 if scaled - whole >= Decimal("0.5") else 0)
    assert abs(cents) * 100 == expected  # half away from zero, i.e. ROUND_HALF_UP


@pytest.mark.parametrize(
    ("amount", "cents", "text"),
    [
        ("202.245", "202.25", "$202.25"),
        ("202.2449", "202.24", "$202.24"),
        ("0.005", "0.01", "$0.01"),
        ("0.004999", "0.00", "$0.00"),
        ("-0.005", "-0.01", "-$0.01"),
        ("2500000", "2500000.00", "$2,500,000.00"),
        ("1234567.895", "1234567.90", "$1,234,567.90"),
        ("999.995", "1000.00", "$1,000.00"),
        ("0", "0.00", "$0.00"),
    ],
)
def test_to_cents_and_dollars_examples(amount: str, cents: str, text: str) -> None:
    assert to_cents(Decimal(amount)) == Decimal(cents)
    assert str(to_cents(Decimal(amount))) == cents
    assert dollars(Decimal(amount)) == text


@SETTINGS
@given(st.decimals(min_value=-(10**13), max_value=10**13, places=3, allow_nan=False))
def test_dollars_formats_with_commas_and_cents(amount: Decimal) -> None:
    text = dollars(amount)
    negative = to_cents(amount) < 0
    assert text.startswith("-$" if negative else "$")
    digits = text.lstrip("-$")
    whole, _, fraction = digits.partition(".")
    assert len(fraction) == 2
    groups = whole.split(",")
    assert 1 <= len(groups[0]) <= 3
    assert all(len(group) == 3 for group in groups[1:])
    assert Decimal(digits.replace(",", "")) == abs(to_cents(amount))


@pytest.mark.parametrize("amount", ["-0.001", "-0.004999"])
def test_dollars_of_tiny_negative_amount(amount: str) -> None:
    """Regression: the sign came from the unrounded amount ("-$0.00")."""
    assert dollars(Decimal(amount)) == "$0.00"


def fee_table(valuation: Decimal, fee: Decimal, rate: Decimal) -> str:
    value_text = f"${valuation:,.2f}"
    fee_text = f"${fee:,.2f}"
    return (
        "                              SCHEDULE TO\n"
        "\n"
        "                        CALCULATION OF FILING FEE\n"
        "=====================================  =====================================\n"
        "       Transaction Valuation*                  Amount of Filing Fee**\n"
        "-------------------------------------  -------------------------------------\n"
        f"{value_text:^37}  {fee_text:^37}\n"
        "=====================================  =====================================\n"
        "*    Estimated for purposes of calculating the filing fee only.\n"
        "**   The amount of the filing fee, calculated in accordance with Rule 0-11,\n"
        f"     equals {rate:f} of the transaction valuation.\n"
        "\n"
        "|_|  Check the box if any part of the fee is offset as provided by Rule\n"
        "     0-11(a)(2).\n"
    )


def _fee_findings(valuation: Decimal, fee: Decimal, rate: Decimal) -> list:
    text = fee_table(valuation, fee, rate)
    source = decode(text.encode(), "fee.txt")
    table = build(source.text).cover.fee_table
    assert table.valuation.amount == valuation
    assert table.fee.amount == fee
    assert table.rate.value == rate
    return FEE_ENGINE.check(source)


@SETTINGS
@given(VALUATIONS, RATES)
@example(Decimal("2500000"), Decimal("0.0000809"))
@example(Decimal("1000000.50"), Decimal("0.000092"))
@example(Decimal("0.01"), Decimal("0.0099999"))
def test_fee_rule_exact_fee_is_clean(valuation: Decimal, rate: Decimal) -> None:
    fee = to_cents(valuation * rate)
    assert _fee_findings(valuation, fee, rate) == []


@SETTINGS
@given(VALUATIONS, RATES, st.sampled_from([Decimal("0.01"), Decimal("-0.01")]))
@example(Decimal("2500000"), Decimal("0.0000809"), Decimal("0.01"))
def test_fee_rule_one_cent_off_is_reported(
    valuation: Decimal, rate: Decimal, delta: Decimal
) -> None:
    expected = to_cents(valuation * rate)
    fee = expected + delta
    assume(fee >= 0)
    findings = _fee_findings(valuation, fee, rate)
    assert [d.code for d in findings] == ["FEE001"]
    (finding,) = findings
    assert "overpaid" in finding.message if delta > 0 else "underpaid" in finding.message
    assert dollars(expected) in finding.message
    assert finding.line == 7
