"""Plain-HTML fee exhibits (Exhibit 107 without Inline XBRL): read into the FeeExhibit
model with exact values and spans, checked by the FFX rules, with the SEC's validations
chosen by the exhibit's form class.

Real exhibits come from ../shared/corpus (skipped where absent; the MANIFEST notes found
all three correct, so any finding on them would be false); the rest are snippets written
here.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filinglint.linter.documents import build_root
from filinglint.linter.fee_exhibit_html import read_html_fee_exhibit
from filinglint.linter.query.fee_exhibit import (
    amount,
    applies,
    candidate_types,
    fact,
    rows,
    unquantified,
)
from filinglint.linter.source import Source
from filinglint.schema import load_json
from tests.conftest import CORPUS, SHARED, lint, replace_once

ANTERIX = CORPUS / "s-3-ex107-0001193125-22-186192-anterix-2022.htm"
CREDIT_SUISSE = CORPUS / "f-3-ex107-0001104659-23-069410-credit-suisse-2023.htm"
TR_FINANCE = CORPUS / "f-3-ex107-0001193125-25-057913-tr-finance-2025.htm"
VALIDATIONS = SHARED / "reference" / "schemas" / "sec-fee-exhibit-validations.json"


def real(path) -> str:
    if not path.exists():
        pytest.skip(f"real corpus filing not available ({path} is absent)")
    return path.read_text(encoding="utf-8")


def exhibit_of(text: str, path: str = "ex107.htm"):
    """The fee exhibit ``build_root`` attaches to the (first) document of ``text``."""
    root = build_root(Source(path=path, text=text))
    filing = root.documents[0].filing if hasattr(root, "documents") else root
    return filing.fee_exhibit


def shown(text: str, found) -> str:
    """The file's characters a fact's span covers (HTML entities and all)."""
    return text[found.span.start : found.span.end]


TABLE = """<html><body>
<p>Calculation of Filing Fee Tables</p>
<p>Form S-1</p><p>(Form Type)</p>
<table>
<tr><td></td><td>Security Type</td><td>Security Class Title</td><td>Fee Calculation Rule</td>
<td>Amount Registered</td><td>Proposed Maximum Offering Price Per Unit</td>
<td>Maximum Aggregate Offering Price</td><td>Fee Rate</td>
<td>Amount of Registration Fee</td></tr>
<tr><td>Fees to Be Paid</td><td>Equity</td><td>Common Stock(1)</td><td>457(a)</td>
<td>{amount}</td><td>{price}</td><td>{aggregate}</td><td>{rate}</td><td>{fee}</td></tr>
<tr><td></td><td colspan="5">Total Offering Amounts</td><td>{aggregate}</td><td></td>
<td>{fee}</td></tr>
<tr><td></td><td colspan="5">Net Fee Due</td><td></td><td></td><td>{net}</td></tr>
</table></body></html>
"""


def table(**cells: str) -> str:
    values = {
        "amount": "1,000,000",
        "price": "$10.00",
        "aggregate": "$10,000,000",
        "rate": "0.0001531",
        "fee": "$1,531.00",
        "net": "$1,531.00",
    }
    values.update(cells)
    return TABLE.format(**values)


# --- reading ------------------------------------------------------------------------


def test_a_table_is_read_into_offering_and_totals_rows_with_ffd_names() -> None:
    text = table()
    exhibit = read_html_fee_exhibit(text)
    (line,) = rows(exhibit, "offering")
    assert {f.name: f.value for f in line.facts} == {
        "ffd:Rule457aFlg": "true",
        "ffd:PrevslyPdFlg": "false",
        "ffd:OfferingSctyTp": "Equity",
        "ffd:OfferingSctyTitl": "Common Stock",
        "ffd:AmtSctiesRegd": Decimal("1000000"),
        "ffd:MaxOfferingPricPerScty": Decimal("10.00"),
        "ffd:MaxAggtOfferingPric": Decimal("10000000"),
        "ffd:FeeRate": Decimal("0.0001531"),
        "ffd:FeeAmt": Decimal("1531.00"),
    }
    (totals,) = rows(exhibit, "totals")
    assert {f.name: f.value for f in totals.facts} == {
        "ffd:FormTp": "S-1",
        "ffd:TtlOfferingAmt": Decimal("10000000"),
        "ffd:TtlFeeAmt": Decimal("1531.00"),
        "ffd:NetFeeAmt": Decimal("1531.00"),
    }
    assert shown(text, amount(line, "ffd:FeeAmt")) == "$1,531.00"
    assert shown(text, fact(totals, "ffd:FormTp")) == "S-1"


@pytest.mark.parametrize(
    ("cell", "value", "covered"),
    [
        ("$94,058*", Decimal("94058"), "$94,058"),
        ("$20.00**", Decimal("20.00"), "$20.00"),
        ("16,500 (4)", Decimal("16500"), "16,500"),
        ("$1 (1)(2)", Decimal("1"), "$1"),
        ("$219,650(1)", Decimal("219650"), "$219,650"),
        ("$.0000927", Decimal(".0000927"), "$.0000927"),
        ("US$3,000&nbsp;", Decimal("3000"), "US$3,000"),
        ("&#36;1,531.00", Decimal("1531.00"), "&#36;1,531.00"),
    ],
)
def test_glued_footnote_markers_are_not_part_of_the_amount(cell, value, covered) -> None:
    text = table(fee=cell, net="$1.00")
    found = amount(rows(read_html_fee_exhibit(text), "offering")[0], "ffd:FeeAmt")
    assert found.value == value
    assert shown(text, found) == covered


@pytest.mark.parametrize("cell", ["(2)", "N/A", "See note 3", "(a)"])
def test_a_cell_without_an_amount_is_unquantified_never_zero(cell) -> None:
    line = rows(read_html_fee_exhibit(table(fee=cell)), "offering")[0]
    assert amount(line, "ffd:FeeAmt") is None
    assert unquantified(line, "ffd:FeeAmt") is not None


@pytest.mark.parametrize("cell", ["—", "&#151;", "&mdash; (1)", "-", "", "$"])
def test_a_dash_or_an_empty_cell_gives_no_fact(cell) -> None:
    line = rows(read_html_fee_exhibit(table(fee=cell)), "offering")[0]
    assert not [f for f in line.facts if f.name == "ffd:FeeAmt"]


@given(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False),
    st.sampled_from(["", "*", "**", "(1)", " (4)", "(1)(2)", "†"]),
    st.sampled_from(["", "$", "$ "]),
)
def test_any_amount_with_any_marker_reads_exactly(value, marker, dollar) -> None:
    written = f"{dollar}{value:,.2f}{marker}"
    text = table(fee=written, net="$1.00")
    found = amount(rows(read_html_fee_exhibit(text), "offering")[0], "ffd:FeeAmt")
    assert found.value == value
    assert shown(text, found) == f"{dollar}{value:,.2f}"


def test_a_text_without_a_fee_table_is_no_exhibit() -> None:
    assert read_html_fee_exhibit("<html><p>Net fee due on the notes.</p></html>") is None
    assert read_html_fee_exhibit("<html><table><tr><td>Fee</td></tr></table></html>") is None


def test_spans_are_offsets_into_the_submission_file() -> None:
    document = table()
    text = "<DOCUMENT>\n<TYPE>EX-FILING FEES\n<SEQUENCE>2\n<TEXT>\n" + document
    text += "</TEXT>\n</DOCUMENT>\n"
    exhibit = exhibit_of(text, "submission.txt")
    fee = amount(rows(exhibit, "offering")[0], "ffd:FeeAmt")
    assert shown(text, fee) == "$1,531.00"


# --- the real exhibits ----------------------------------------------------------------


def test_anterix_single_457c_line_and_its_totals() -> None:
    text = real(ANTERIX)
    exhibit = exhibit_of(text, ANTERIX.name)
    (line,) = rows(exhibit, "offering")
    assert flag_names(line) == {"ffd:FeesOthrRuleFlg"}  # Rule 457(c)
    assert amount(line, "ffd:MaxAggtOfferingPric").value == Decimal("21730000.00")
    assert amount(line, "ffd:FeeRate").value == Decimal("0.0000927")
    assert shown(text, amount(line, "ffd:FeeRate")) == "$.0000927"
    (totals,) = rows(exhibit, "totals")
    assert fact(totals, "ffd:FormTp").value == "S-3"
    assert amount(totals, "ffd:TtlFeeAmt").value == Decimal("2014.37")
    assert amount(totals, "ffd:NetFeeAmt").value == Decimal("2014.37")
    assert fact(totals, "ffd:TtlOffsetAmt") is None  # "—": no offsets, not zero
    assert fact(totals, "ffd:TtlOfferingAmt") is None  # the filer left it blank


def test_credit_suisse_carry_forward_lines_and_the_placeholder_dollar() -> None:
    text = real(CREDIT_SUISSE)
    lines = rows(exhibit_of(text, CREDIT_SUISSE.name), "offering")
    assert len(lines) == 7
    assert all(flag_names(line) == {"ffd:Rule415a6Flg"} for line in lines)
    shelf = lines[-1]
    assert fact(shelf, "ffd:OfferingSctyTp").value == "Unallocated (Universal) Shelf"
    assert amount(shelf, "ffd:MaxAggtOfferingPric").value == Decimal("1")
    assert amount(shelf, "ffd:FeeAmt").value == Decimal("0")
    assert unquantified(shelf, "ffd:CfwdPrevslyPdFee").text == "(2)"
    assert fact(shelf, "ffd:CfwdPrrFctvDt").value == "2020-06-18"
    assert fact(shelf, "ffd:CfwdPrrFileNb").value == "333-238458"


def test_tr_finance_offsets_table_and_unquantified_lines() -> None:
    text = real(TR_FINANCE)
    exhibit = exhibit_of(text, TR_FINANCE.name)
    lines = rows(exhibit, "offering")
    assert len(lines) == 4  # the "Fees Previously Paid" row is all dashes
    assert unquantified(lines[0], "ffd:MaxAggtOfferingPric").text == "(2)"
    (totals,) = rows(exhibit, "totals")
    assert fact(totals, "ffd:FormTp") is None  # a joint F-10 / F-3 exhibit names two
    assert amount(totals, "ffd:TtlPrevslyPdAmt").value == Decimal("16500")
    assert shown(text, amount(totals, "ffd:TtlPrevslyPdAmt")) == "16,500"
    offsets = rows(exhibit, "offset")
    claims = [r for r in offsets if fact(r, "ffd:OffsetClmdInd").value == "true"]
    sources = [r for r in offsets if fact(r, "ffd:OffsetClmdInd").value == "false"]
    assert [amount(r, "ffd:OffsetClmdAmt").value for r in claims] == [Decimal("442800")]
    assert [getattr(amount(r, "ffd:OffsetPrrFeeAmt"), "value", None) for r in sources] == [
        Decimal("219650"),
        None,  # "— (1)"
        Decimal("223150"),
    ]
    assert fact(sources[0], "ffd:OffsetSrcFilgDt").value == "2024-06-06"


@pytest.mark.parametrize("path", [ANTERIX, CREDIT_SUISSE, TR_FINANCE])
def test_the_real_exhibits_get_no_finding(path) -> None:
    text = real(path)
    assert lint(text, path=path.name) == []


def test_the_rules_do_check_a_real_exhibit() -> None:
    """A planted defect in a copy of the real S-3 exhibit is found: the silence above is
    the rules agreeing, not the rules not running."""
    text = real(ANTERIX)
    broken = replace_once(text, "$21,730,000.00", "$27,130,000.00")
    found = lint(broken, select=["FFX"], path=ANTERIX.name)
    assert [d.code for d in found] == ["FFX010"]
    assert "$2,014.37 differs from the expected $2,514.951" in found[0].message


def flag_names(line) -> set[str]:
    return {f.name for f in line.facts if f.name.endswith("Flg") and f.name != "ffd:PrevslyPdFlg"}


# --- which validations apply --------------------------------------------------------


class _Ctx:
    def __init__(self, options=None) -> None:
        self.submission = None
        self.options = options or {}


def test_form_type_picks_the_form_class() -> None:
    exhibit = read_html_fee_exhibit(table())  # Form S-1
    ctx = _Ctx()
    assert "S-1/A" in candidate_types(ctx, exhibit)
    assert applies(ctx, exhibit, "ft.newFeeAmt")
    assert not applies(ctx, exhibit, "ft.r011TxVal")  # Schedule TO only
    tender = _Ctx({"submission-type": "SC TO-T"})
    assert applies(tender, exhibit, "ft.r011TxVal")
    assert not applies(tender, exhibit, "ft.newFeeAmt")


def test_nothing_known_means_every_validation_applies() -> None:
    exhibit = read_html_fee_exhibit(table().replace("(Form Type)", ""))
    assert candidate_types(_Ctx(), exhibit) is None
    assert applies(_Ctx(), exhibit, "ft.r011TxVal")


def test_the_validation_data_is_derived_from_the_secs_file() -> None:
    if not VALIDATIONS.exists():
        pytest.skip(f"the SEC's validations are not available ({VALIDATIONS} is absent)")
    source = json.loads(VALIDATIONS.read_text(encoding="utf-8"))
    data = load_json("fee-exhibit-validations.json")
    classes = {k: v for k, v in source["sub-type-classes"].items() if isinstance(v, list)}

    def resolve(items, seen=()):
        out = set()
        for item in items:
            if item.startswith("@"):
                if item[1:] not in seen:
                    out |= resolve(classes[item[1:]], (*seen, item[1:]))
            else:
                out.add(item)
        return out

    for name, members in data["classes"].items():
        assert set(members) == resolve(classes[name]), name
    assert data["form-types"] == source["sub-type-classes"]["table-3-1-map"]
    for code, types in data["validations"].items():
        expected = set()
        for entry in source["sub-type-element-validations"]:
            if entry.get("efm") == code:
                listed = entry["sub-types"]
                expected |= resolve(listed if isinstance(listed, list) else [listed])
        assert set(types) == expected, code
