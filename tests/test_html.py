"""Tests of the HTML reader (``html.html_to_text``): lines the grammar reads, exact offsets.

The HTML snippets here are small and written for the test; real filings come from
``../shared`` (skipped, with the reason, where it is absent), and the seed's HTML
rendition is built from the real seed inside the test, never committed.
"""

from __future__ import annotations

import html as html_lib
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.linter.build import build
from filinglint.linter.engine import Engine
from filinglint.linter.html import CHECKED, UNCHECKED, HtmlText, html_to_text
from filinglint.linter.lines import box_start, classify, tokenize, trailing_mark
from filinglint.linter.registry import all_rules
from filinglint.linter.source import decode
from filinglint.linter.values import box_state
from tests.conftest import CORPUS, CVR_BOX_STATES, SEED

SC_TO_T_A = CORPUS / "sc-to-t-a-0001104659-25-002604.txt"
BIG = CORPUS / "485apos-0001193125-24-100942.txt"
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_BOX_GLYPHS = frozenset("¨oqxýþXx☐☒☑")


def lines_of(html: str) -> list[str]:
    return html_to_text(html).text.split("\n")


def first_document(path) -> str:
    """The first document between <TEXT> and </TEXT> of a real submission (or skip)."""
    if not path.exists():
        pytest.skip(f"real filing not available ({path} is absent: ../shared not beside repo)")
    raw = path.read_text(encoding="utf-8")
    match = re.search(r"<TEXT>\n?(.*?)</TEXT>", raw, re.DOTALL)
    assert match is not None
    return match.group(1)


def assert_offsets_exact(html: str, result: HtmlText, step: int = 1) -> None:
    """Every character maps to itself, to its entity's ``&``, or (layout) onward.

    A non-space character maps to the same character in the HTML, to the ``&`` of an
    entity whose value holds it, or (a box) to its glyph. A space maps to whitespace or
    an entity (a collapsed run, ``&nbsp;``), or, inserted as layout, to the next real
    character of the text.
    """
    text = result.text
    following = len(html)  # source of the next non-space character, scanning backwards
    offsets = [result.source_offset(i) for i in range(len(text))]
    assert result.source_offset(len(text)) == len(html)
    for index in range(len(text) - 1, -1, -1):
        char, offset = text[index], offsets[index]
        assert 0 <= offset <= len(html), (index, offset)
        if char.isspace():
            if index % step == 0 and offset != following:
                assert html[offset].isspace() or html[offset] == "&", (index, char, offset)
            continue
        following = offset
        if index % step:
            continue
        source = html[offset]
        if source == char:
            continue
        if char in (CHECKED, UNCHECKED) and source in _BOX_GLYPHS:
            continue
        entity = _ENTITY.match(html, offset)
        assert entity is not None, (index, char, html[offset : offset + 20])
        value = html_lib.unescape(entity.group())
        assert char in value or (char in (CHECKED, UNCHECKED) and value in _BOX_GLYPHS), (
            index,
            char,
            entity.group(),
        )


def check_snippet(html: str) -> list[str]:
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    return result.text.split("\n")


# --- blocks, whitespace, entities ---------------------------------------------------------


def test_blocks_start_lines_and_whitespace_collapses() -> None:
    html = (
        "<html><body><p>Tender   offer\n   statement</p><div>Item 4.<br>Terms of the "
        "<b>Transaction</b></div><h2>SIGNATURES</h2><ul><li>one</li><li>two</li></ul></body>"
    )
    assert check_snippet(html) == [
        "Tender offer statement",
        "",
        "Item 4.",
        "Terms of the Transaction",
        "",
        "SIGNATURES",
        "",
        "one",
        "",
        "two",
    ]


def test_a_paragraph_of_only_nbsp_is_a_blank_line_and_an_empty_one_is_nothing() -> None:
    html = "<p>first</p><p>&nbsp;</p><p></p><p> </p><p>second<br></p><br><br><p>third</p>"
    # a paragraph ends with a blank line; an &nbsp; paragraph (or a <br>) right after it
    # is that blank line, not a second one
    assert check_snippet(html) == ["first", "", "second", "", "", "third"]


def test_entities_decode_and_zero_width_ones_vanish() -> None:
    html = (
        "<p>the &ldquo;SEC&rdquo; &mdash; Company&rsquo;s &amp; &#8220;Offer&#x201D;"
        " a&NegativeThickSpace;b&#8203;c&ZeroWidthSpace;d&shy;e Rule&nbsp;14d-1"
        " &copy AT&T &foo; &#169</p>"
    )
    assert check_snippet(html) == [
        "the “SEC” — Company’s & “Offer” abcde Rule 14d-1 © AT&T &foo; ©"
    ]


def test_an_entity_maps_to_its_ampersand() -> None:
    html = "<p>x &ldquo;y&rdquo;</p>"
    result = html_to_text(html)
    assert result.text == "x “y”"
    assert result.source_offset(2) == html.index("&ldquo;")
    assert result.source_offset(3) == html.index("y")
    assert result.source_offset(4) == html.index("&rdquo;")


def test_a_broken_character_reference_does_not_swallow_the_document() -> None:
    # html.parser alone returns everything after "&#" as text, tags included.
    html = "<p>odd &# and &#xZ; and &#12a;</p><p>next <b>bold</b></p>"
    assert check_snippet(html) == ["odd &# and &#xZ; and &#12a;", "", "next bold"]


def test_scripts_styles_head_comments_and_hidden_xbrl_are_dropped() -> None:
    html = (
        "<html><head><title>Doc title</title><style>p { color: red }</style>"
        "<script>var x = '<p>no</p>';</script></head><body><!-- a comment <p>no</p> -->"
        '<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:X">'
        "hidden fact</ix:nonNumeric></ix:hidden></ix:header></div>"
        '<p>Amount <ix:nonFraction name="ffd:FeeAmt">203.00</ix:nonFraction> paid</p>'
        "</body></html>"
    )
    assert check_snippet(html) == ["Amount 203.00 paid"]


def test_pre_keeps_its_lines_and_spaces() -> None:
    html = "<pre>\n   CALCULATION OF FILING FEE\n  $2,500,000      $203.00\n</pre><p>after</p>"
    assert check_snippet(html) == [
        "   CALCULATION OF FILING FEE",
        "  $2,500,000      $203.00",
        "",
        "after",
    ]


def test_end_of_text_and_negative_offsets() -> None:
    result = html_to_text("<p>a</p>")
    assert result.text == "a"
    assert result.source_offset(0) == 3
    assert result.source_offset(1) == len("<p>a</p>")
    with pytest.raises(IndexError):
        result.source_offset(-1)


def test_layout_maps_to_the_next_real_character() -> None:
    html = "<p>one</p>\n<table><tr><td>(b)</td><td>Not applicable.</td></tr></table>"
    result = html_to_text(html)
    assert result.text == "one\n\n(b)  Not applicable."
    newline = result.text.index("\n")
    assert result.source_offset(newline) == html.index("(b)")
    padding = result.text.index("  ")
    assert result.source_offset(padding) == html.index("Not applicable.")


_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<table>", "</table>", "<tr>", "</tr>",
    "<td>", "</td>", '<td colspan="2">', '<td rowspan="2">', "<caption>", '<font face="Wingdings">',
    "</font>", '<span style="font: 10pt Wingdings">', "</span>", "<pre>", "</pre>", "<b>",
    "<!-- c -->", "<script>s<p>x</p></script>", "<ix:header>", "</ix:header>", "<title>",
    "&nbsp;", "&amp;", "&#168;", "&uml;", "&#", "&#12a", "&foo;", "&NegativeThickSpace;",
    "x", "X", "o", "¨", "$", "203.00", "Item 12.", "(a)(1)(A)", "word", " ", "  ", "\n", "\t",
    "\r\n", "<", ">", "&", "\u200b", "\xa0", "é", "☐",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_markup_converts_with_exact_offsets(pieces: list[str]) -> None:
    html = "".join(pieces)
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    assert all(line == line.rstrip(" ") for line in result.text.split("\n"))


# --- tables ---------------------------------------------------------------------------


def test_table_cells_stand_at_fixed_columns() -> None:
    html = (
        "<table><tr><td>Exhibit</td><td></td><td>Description</td></tr>"
        "<tr><td>(a)(1)(A)</td><td>&#8203;</td><td>Offer to Purchase.</td></tr>"
        "<tr><td>(b)</td><td></td><td>Not applicable.</td></tr></table>"
    )
    assert check_snippet(html) == [
        "Exhibit    Description",
        "(a)(1)(A)  Offer to Purchase.",
        "(b)        Not applicable.",
    ]


def test_a_row_of_nbsp_cells_is_a_blank_line_and_cells_with_lines_stack() -> None:
    html = (
        "<table><tr><td>Transaction<br>Valuation*</td><td>Amount of<br>Filing Fee**</td></tr>"
        "<tr><td>&nbsp;</td><td>&nbsp;</td></tr>"
        "<tr><td>$2,500,000</td><td>$203.00</td></tr></table>"
    )
    assert check_snippet(html) == [
        "Transaction  Amount of",
        "Valuation*   Filing Fee**",
        "",
        "$2,500,000   $203.00",
    ]


def test_colspan_and_rowspan() -> None:
    html = (
        '<table><tr><td colspan="2">Transaction Valuation</td><td>Fee</td></tr>'
        "<tr><td>$</td><td>2,500,000</td><td>$203.00</td></tr>"
        '<tr><td rowspan="2">left</td><td>a</td><td>b</td></tr>'
        "<tr><td>c</td><td>d</td></tr></table>"
    )
    assert check_snippet(html) == [
        "Transaction Valuation  Fee",
        "$2,500,000             $203.00",
        "left  a                b",
        "      c                d",
    ]


def test_nested_tables_and_unclosed_cells() -> None:
    html = (
        "<table><tr><td>outer<table><tr><td>in 1<td>in 2</table></td><td>right</table><p>after</p>"
    )
    assert check_snippet(html) == ["outer       right", "in 1  in 2", "", "after"]


# --- check boxes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glyph", "box"),
    [
        ("&#168;", UNCHECKED),
        ("&uml;", UNCHECKED),
        ("¨", UNCHECKED),
        ("o", UNCHECKED),
        ("q", UNCHECKED),
        ("&#120;", CHECKED),
        ("x", CHECKED),
        ("&#253;", CHECKED),
        ("þ", CHECKED),
        ("&thorn;", CHECKED),
    ],
)
def test_wingdings_glyphs_are_boxes(glyph: str, box: str) -> None:
    html = (
        '<p><font face="Wingdings">' + glyph + "</font>&nbsp;third-party tender offer</p>"
        '<p>results of the tender offer: <span style="font-family: Wingdings, serif">'
        + glyph
        + "</span></p>"
        '<table><tr><td style="font: 10pt Wingdings">' + glyph + "</td>"
        "<td>issuer tender offer</td></tr></table>"
    )
    lines = check_snippet(html)
    assert lines == [
        f"{box} third-party tender offer",
        "",
        f"results of the tender offer: {box}",
        "",
        f"{box}  issuer tender offer",
    ]
    assert [classify(line) for line in lines] == ["BOX", "BLANK", "BOX_END", "BLANK", "BOX"]
    result = html_to_text(html)
    assert result.source_offset(0) == html.index('">' + glyph) + 2


def test_ballot_box_characters_stay_and_other_fonts_are_not_boxes() -> None:
    html = (
        "<p>&#9744; one</p><p>&#x2612; two</p><p>☑ three</p>"
        '<p><font face="Wingdings 2">x</font> four</p>'
        '<p><font face="Times New Roman">x</font> five</p>'
        '<div style="font-family: Wingdings"><p style="font-family: Arial">o six</p></div>'
    )
    lines = check_snippet(html)
    assert lines[::2] == ["☐ one", "☒ two", "☑ three", "x four", "x five", "o six"]
    assert set(lines[1::2]) == {""}  # a blank line between paragraphs


def test_the_wingdings_font_is_inherited_until_its_element_ends() -> None:
    html = (
        '<div style="font-family: Wingdings"><p>x</p><p>¨</p></div><p>x marks</p>'
        "<table><tr><td><font face=wingdings>o</td><td>label</td></tr></table>"
    )
    assert check_snippet(html) == ["☒", "", "☐", "", "x marks", "", "☐  label"]


def test_a_cell_of_only_x_beside_its_label_is_a_checked_box() -> None:
    html = (
        "<table><tr><td>X</td><td>third-party tender offer</td></tr>"
        "<tr><td>¨</td><td>issuer tender offer</td></tr>"
        "<tr><td>x</td><td></td></tr></table>"
    )
    lines = check_snippet(html)
    assert lines == ["☒  third-party tender offer", "☐  issuer tender offer", "x"]
    assert [classify(line) for line in lines[:2]] == ["BOX", "BOX"]


# --- what the line grammar reads --------------------------------------------------------

FEE_TABLE_HTML = """<html><body>
<p style="text-align: center"><b>CALCULATION OF FILING FEE</b></p>
<table style="width: 100%">
  <tr><td style="text-align: center">Transaction Valuation*</td>
      <td style="text-align: center">Amount of Filing Fee**</td></tr>
  <tr><td style="text-align: center">$2,500,000</td>
      <td style="text-align: center">$203.00</td></tr>
</table>
<p>*&nbsp;&nbsp;Estimated for purposes of calculating the filing fee only.</p>
<p>**&nbsp;The amount of the filing fee equals 0.0000809 of the transaction valuation.</p>
</body></html>"""

SPLIT_FEE_TABLE_HTML = """<p>CALCULATION OF FILING FEE</p>
<table>
  <tr><td colspan="3">Transaction Valuation<sup>(1)</sup></td><td>&nbsp;</td>
      <td colspan="3">Amount of Filing Fee<sup>(2)</sup></td></tr>
  <tr><td>$</td><td>2,500,000</td><td>&nbsp;</td><td>&nbsp;</td>
      <td>$</td><td>203.00</td><td>&nbsp;</td></tr>
</table>
<p>(2)&nbsp;&nbsp;Calculated at $80.90 per $1,000,000 of the transaction valuation.</p>"""


@pytest.mark.parametrize("html", [FEE_TABLE_HTML, SPLIT_FEE_TABLE_HTML], ids=["cells", "split"])
def test_an_html_fee_table_builds_into_a_fee_table(html: str) -> None:
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    source = decode(result.text.encode(), "t")
    table = build(source.text).cover.fee_table
    assert table is not None
    assert table.valuation.amount == Decimal("2500000")
    assert table.fee.amount == Decimal("203.00")
    assert table.rate is not None
    assert table.rate.value == Decimal("0.0000809")
    fee = table.fee.span
    start = result.source_offset(fee.start)
    assert html[start] == "$"
    assert html[start:].replace("</td><td>", "").startswith("$203.00")


def test_an_html_exhibit_list_reads_as_exhibit_entries() -> None:
    html = """<p><b>Item 12. Exhibits.</b></p>
<table>
  <tr><td><b>Exhibit</b></td><td>&NegativeThickSpace;</td><td><b>Description</b></td></tr>
  <tr><td><a href="x.htm">(a)(1)(A)*
      </a></td><td>&NegativeThickSpace;</td><td>Offer to Purchase, dated December 6, 2024.</td></tr>
  <tr><td>(a)(5)(C)</td><td>&NegativeThickSpace;</td><td>Press release issued by the
      Company, dated January 9, 2025.</td></tr>
  <tr><td>(b)</td><td>&NegativeThickSpace;</td><td>Not applicable.</td></tr>
</table>
<p>* Filed previously</p>"""
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    lines = result.text.split("\n")
    assert [classify(line) for line in lines] == [
        "ITEM",
        "BLANK",
        "TEXT",
        "EXHIBIT",
        "EXHIBIT",
        "EXHIBIT",
        "BLANK",
        "MARKER",
    ]
    (exhibits,) = build(result.text).exhibit_lists
    assert [(e.code, e.description) for e in exhibits.entries] == [
        ("(a)(1)(A)", "Offer to Purchase, dated December 6, 2024."),
        ("(a)(5)(C)", "Press release issued by the Company, dated January 9, 2025."),
        ("(b)", "Not applicable."),
    ]


# --- the real SC TO-T/A -----------------------------------------------------------------

COVER_BOXES = [
    ("third-party tender offer subject to Rule", "BOX", "checked", "&#120;"),
    ("issuer tender offer subject to Rule", "BOX", "unchecked", "&#168;"),
    ("going-private transaction", "BOX", "unchecked", "&#168;"),
    ("amendment to Schedule 13D", "BOX", "checked", "&#120;"),
    ("results of the tender offer:", "BOX_END", "checked", "&#120;"),
    ("(Cross-Border Issuer Tender Offer)", "BOX", "unchecked", "&#168;"),
    ("(Cross-Border Third-Party Tender Offer)", "BOX", "unchecked", "&#168;"),
]


def test_real_sc_to_t_amendment_boxes() -> None:
    html = first_document(SC_TO_T_A)
    result = html_to_text(html)
    text = result.text
    for label, kind, state, glyph in COVER_BOXES:
        (line,) = [line for line in text.split("\n") if label in line]
        assert classify(line) == kind, line
        if kind == "BOX":
            match = box_start(line)
            mark, mark_at = match.group(2), match.start(2)
        else:
            mark_at, mark = trailing_mark(line)
        assert box_state(mark) == state, line
        offset = result.source_offset(text.index(line) + mark_at)
        assert html.startswith(glyph, offset), html[offset - 60 : offset + 10]
    assert (
        "Check the following box if the filing is a final amendment reporting the results of "
        "the tender offer: ☒" in text.split("\n")
    )


def test_real_sc_to_t_amendment_cover_builds_with_its_box_roles() -> None:
    result = html_to_text(first_document(SC_TO_T_A))
    cover = build(result.text).cover
    states = {box.role: box.state for box in cover.boxes if box.role}
    assert states == CVR_BOX_STATES
    assert cover.amendment_number == 3


def test_real_sc_to_t_amendment_exhibits_and_offsets() -> None:
    html = first_document(SC_TO_T_A)
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    lines = result.text.split("\n")
    exhibit_lines = [line for line in lines if classify(line) == "EXHIBIT"]
    assert [line.split()[0] for line in exhibit_lines] == [
        "(a)(1)(A)*",
        "(a)(1)(B)*",
        "(a)(1)(C)*",
        "(a)(1)(D)*",
        "(a)(1)(E)*",
        "(a)(1)(F)*",
        "(a)(1)(G)*",
        "(a)(5)(A)*",
        "(a)(5)(B)*",
        "(a)(5)(C)",
        "(b)",
        "(d)(1)*",
        "(d)(2)*",
        "(g)",
        "(h)",
    ]
    assert "Items 1 through 9 and Item 11." in lines
    assert [token.type for token in tokenize(result.text)].count("ITEM") == 3
    # Nothing but real findings: the corpus marks this filing clean.
    diagnostics = Engine(list(all_rules())).check(decode(result.text.encode(), "t.txt"))
    assert [d for d in diagnostics if d.severity == "error"] == []


def test_real_exhibit_document_converts() -> None:
    if not SC_TO_T_A.exists():
        pytest.skip(f"real filing not available ({SC_TO_T_A} is absent)")
    raw = SC_TO_T_A.read_text(encoding="utf-8")
    documents = re.findall(r"<TEXT>\n?(.*?)</TEXT>", raw, re.DOTALL)
    assert len(documents) == 2
    result = html_to_text(documents[1])
    assert_offsets_exact(documents[1], result)
    assert "Icahn Enterprises" in result.text


@pytest.mark.parametrize("name", ["8-k-nordstrom.html", "sc-13g-document.html"])
def test_real_html_documents(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"real filing not available ({path} is absent)")
    html = path.read_text(encoding="utf-8")
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    lines = result.text.split("\n")
    if name == "8-k-nordstrom.html":
        assert "Emerging growth company ☐" in lines
        assert "dei:EntityCentralIndexKey" not in result.text
        assert sum(1 for line in lines if classify(line) == "BOX") == 4
    else:  # face=wingdings: o empty, &#254; (þ) checked
        assert [line.strip() for line in lines if "Rule 13d-1(" in line][:3] == [
            "☐ Rule 13d-1(b)",
            "☒ Rule 13d-1(c)",
            "☐ Rule 13d-1(d)",
        ]


def test_a_two_megabyte_document_converts() -> None:
    html = first_document(BIG)
    assert len(html) > 1_900_000
    result = html_to_text(html)
    assert len(result.text) > 500_000
    assert result.run_count < len(result.text) // 10
    assert_offsets_exact(html, result, step=97)


# --- the seed as HTML --------------------------------------------------------------------

_RULE = re.compile(r"\s*[=_-]{3,}[=_\- ]*$")
_SEED_BOX = re.compile(r"\s*\|([_x])\|\s+(\S.*)$")
_SEED_TRAILING_BOX = re.compile(r"(.*\S)\s+\|([_x])\|\s*$")
_SEED_EXHIBIT = re.compile(r"(\s*)(\([a-h]\)(?:\(\d{1,2}\))?(?:\([A-Z]\))?)\s{2,}(\S.*)$")
_SEED_NOTE = re.compile(r"(\*{1,3}|\+)\s+\S")
_SEED_FIELDS = re.compile(r"\s{2,}(?=[A-Z][A-Za-z.]*(?: [A-Za-z.]+)*:)")
_HTML_MARKS = {"_": "&#9744;", "x": "&#9746;"}


def seed_as_html(seed: str) -> str:
    """The seed laid out as an HTML filing is: paragraphs, tables, ballot boxes.

    Prose becomes ``<p>`` (its line breaks mere whitespace); centred blocks and the
    signature keep their lines with ``<br>``; blank lines are ``<p>&nbsp;</p>``; the fee
    table, each box and each exhibit list are tables; rules and page numbers go.
    """
    lines = seed.split("\n")
    out = ["<html><head><title>seed</title><style>p { margin: 0 }</style></head><body>"]
    paragraph: list[str] = []
    note = False

    def esc(text: str) -> str:
        return html_lib.escape(text, quote=False)

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    def flush(box: str = "") -> None:
        if paragraph:
            kept = not note and all(indent(line) > 0 for line in paragraph[1:])
            joiner = "<br>\n" if kept and len(paragraph) > 1 else "\n"
            text = joiner.join(esc(line.strip()) for line in paragraph)
            out.append(f"<p>{text}{box}</p>")
            paragraph.clear()

    def is_page(line: str) -> bool:
        stripped = line.strip()
        return stripped == "<PAGE>" or (stripped.isdigit() and indent(line) >= 20)

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if is_page(line) or _RULE.match(line):
            flush()
            if stripped == "<PAGE>":
                out.append('<hr style="page-break-after: always">')
            index += 1
        elif not stripped:
            flush()
            out.append("<p>&nbsp;</p>")
            index += 1
        elif stripped == "CALCULATION OF FILING FEE":
            flush()
            out.append('<p style="text-align: center"><b>CALCULATION OF FILING FEE</b></p>')
            rows = []
            index += 1
            while not _SEED_NOTE.match(lines[index]):
                if lines[index].strip() and not _RULE.match(lines[index]):
                    rows.append(re.split(r"\s{2,}", lines[index].strip()))
                index += 1
            out.append("<table>")
            for row in rows:
                out.append("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>")
            out.append("</table>")
        elif _SEED_NOTE.match(line):
            flush()
            note = True
            paragraph.append(line)
            index += 1
            while lines[index].strip() and lines[index].startswith(" "):
                paragraph.append(lines[index])
                index += 1
            flush()
            note = False
        elif _SEED_BOX.match(line):
            flush()
            mark, label = _SEED_BOX.match(line).groups()
            label_lines, fields = [label], []
            index += 1
            while lines[index].strip() and lines[index].startswith(" "):
                text = lines[index].strip()
                if re.match(r"[A-Z][A-Za-z .]+:\s", text):
                    fields.append(_SEED_FIELDS.split(text))
                else:
                    label_lines.append(text)
                index += 1
            out.append(
                f'<table><tr><td style="width: 0.25in">{_HTML_MARKS[mark]}</td>'
                f"<td>{esc(' '.join(label_lines))}</td></tr></table>"
            )
            if fields:
                out.append("<table>")
                for row in fields:
                    out.append("<tr>" + "".join(f"<td>{esc(f)}</td>" for f in row) + "</tr>")
                out.append("</table>")
        elif _SEED_TRAILING_BOX.match(line):
            text, mark = _SEED_TRAILING_BOX.match(line).groups()
            paragraph.append(text)
            flush(box=" " + _HTML_MARKS[mark])  # "…of the tender offer: &#9744;"
            index += 1
        elif _SEED_EXHIBIT.match(line):
            flush()
            out.append("<table>")
            while index < len(lines):
                match = _SEED_EXHIBIT.match(lines[index])
                if match is None:  # a page break inside the list does not end it
                    ahead = index
                    while ahead < len(lines) and (
                        not lines[ahead].strip() or is_page(lines[ahead])
                    ):
                        ahead += 1
                    if ahead < len(lines) and _SEED_EXHIBIT.match(lines[ahead]):
                        index = ahead
                        continue
                    break
                code_indent, code, description = match.groups()
                parts = [description]
                index += 1
                while (
                    lines[index].strip()
                    and indent(lines[index]) > len(code_indent)
                    and not _SEED_EXHIBIT.match(lines[index])
                    and not _RULE.match(lines[index])
                ):
                    parts.append(lines[index].strip())
                    index += 1
                out.append(
                    f'<tr><td style="white-space: nowrap">{esc(code)}</td>'
                    f"<td>{esc(' '.join(parts))}</td></tr>"
                )
            out.append("</table>")
        else:
            paragraph.append(line)
            index += 1
    flush()
    out.append("</body></html>")
    return "\n".join(out)


@pytest.fixture
def seed_html() -> str:
    if not SEED.exists():
        pytest.skip(f"real seed filing not available ({SEED} is absent: ../shared not beside repo)")
    return seed_as_html(SEED.read_text(encoding="utf-8"))


def test_seed_as_html_gives_the_two_real_findings(seed_html: str) -> None:
    assert "<table>" in seed_html and "&#9746;" in seed_html and "|_|" not in seed_html
    result = html_to_text(seed_html)
    assert_offsets_exact(seed_html, result)
    # The engine reads the .htm file as HTML and reports lines of the HTML source.
    source = decode(seed_html.encode(), "seed.htm")
    diagnostics = Engine(list(all_rules())).check(source)
    assert [d.name for d in diagnostics] == ["fee-mismatch", "exhibit-index-mismatch"]
    fee, exhibit = diagnostics

    def html_at(diagnostic) -> int:
        return source.line_starts[diagnostic.line - 1] + diagnostic.column - 1

    assert seed_html.startswith("$203.00", html_at(fee))
    assert seed_html.startswith("(a)(1)(C)</td><td>Form of Notice", html_at(exhibit))
    assert "overpaid by $0.75" in fee.message and "Form Notice" in exhibit.message


@pytest.mark.parametrize(
    "style",
    [
        "font-family: Wingdings",
        "FONT-FAMILY: 'Wingdings', serif",
        "font: 10pt Wingdings",
        "font: bold 400 10pt/12pt Wingdings",
        "color: black; font: italic 9pt Wingdings, Symbol",
    ],
)
def test_wingdings_named_by_css(style: str) -> None:
    assert check_snippet(f'<p><span style="{style}">x</span> label</p>') == ["☒ label"]


@pytest.mark.parametrize(
    "style",
    ["font-family: Wingdings 2", "font: 10pt Webdings", "font-family: Arial, Wingdings"],
)
def test_other_symbol_fonts_are_not_wingdings(style: str) -> None:
    assert check_snippet(f'<p><span style="{style}">x</span> label</p>') == ["x label"]


@pytest.mark.parametrize(
    "html",
    [
        "<html><p>a</p><![x[ b ]]><p>c</p></html>",
        "<p>a</p><![x[ unterminated",
        "<p>x</p><![if !supportLists]>y<![endif]>",
    ],
)
def test_an_unknown_marked_section_is_read_as_a_comment(html: str) -> None:
    """html.parser raises AssertionError on ``<![x[``; that must never become FL900."""
    result = html_to_text(html)
    assert_offsets_exact(html, result)
    assert "b" not in result.text.split()


def test_a_text_range_laid_out_against_source_order_still_gives_a_well_formed_span() -> None:
    """Issue 11: a range from a right-hand cell's first line to the left cell's second
    line ends at a character that stands earlier in the HTML."""
    from filinglint.linter.place import Place

    html = "<table><tr><td>left one<br>left two</td><td>right one</td></tr></table>"
    result = html_to_text(html)
    text = result.text
    start = text.index("right one")
    end = text.index("left two") + len("left two")
    assert result.source_offset(end - 1) < result.source_offset(start)
    span = Place(to_file=result.source_offset).span(start, end)
    assert span.start <= span.end
    assert span.start == html.index("left two") + len("left two") - 1  # its last character
    assert span.end == html.index("right one") + 1


# --- paragraphs are blocks (issue 10) ---------------------------------------------------

COVER_PARAGRAPHS = (
    "<p>SCHEDULE TO</p><p>Tender Offer Statement under Section 14(d)(1) or 13(e)(1)</p>"
    "<p>Lakeview Partners, Inc.</p><p>(Name of Subject Company (Issuer))</p>"
    "<p>Jane Roe<br>General Counsel<br>1 Harbor Way, Duluth, MN 55802</p>"
    "<p>(Name, Address and Telephone Number of Person Authorized to Receive Notices and "
    "Communications on Behalf of Filing Persons)</p><p>The offer expires soon.</p>"
    "<p>Check the appropriate boxes below to designate any transactions:</p>"
    "<p>third-party tender offer subject to Rule 14d-1: &#9746;</p>"
    "<p>Emerging growth company &#9744;</p>"
)


def test_a_cover_field_never_swallows_the_paragraph_before_it() -> None:
    cover = build(html_to_text(COVER_PARAGRAPHS).text).cover
    assert cover.subject_company.value == "Lakeview Partners, Inc."
    # a <br> is a line break inside one paragraph: the three lines are one value
    assert cover.notice_person.value == ("Jane Roe General Counsel 1 Harbor Way, Duluth, MN 55802")


def test_a_trailing_box_label_is_its_own_paragraph() -> None:
    cover = build(html_to_text(COVER_PARAGRAPHS).text).cover
    assert [(box.label, box.state) for box in cover.boxes] == [
        ("third-party tender offer subject to Rule 14d-1", "checked"),
        ("Emerging growth company", "unchecked"),
    ]


def test_a_caption_stays_right_under_its_value_in_a_table_too() -> None:
    html = (
        "<p>Intro paragraph.</p><table><tr><td>Lakeview Partners, Inc.</td></tr></table>"
        "<p>(Name of Subject Company (Issuer))</p>"
    )
    lines = check_snippet(html)
    assert lines == [
        "Intro paragraph.",
        "",
        "Lakeview Partners, Inc.",
        "(Name of Subject Company (Issuer))",
    ]
    assert build("\n".join(lines)).cover.subject_company.value == "Lakeview Partners, Inc."
