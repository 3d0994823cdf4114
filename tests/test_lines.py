"""Tests of the line classifier (``lines.classify``) and the line tokenizer (``tokenize``)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from filinglint.linter.lines import BOX_MARK, TOKEN_TYPES, classify, tokenize, trailing_mark
from filinglint.linter.values import box_state

_LEADING_MARK = re.compile(r"\s*(" + BOX_MARK + r")")


def _mark(line: str) -> str:
    """The box mark at the start of a BOX line."""
    match = _LEADING_MARK.match(line)
    assert match is not None, line
    return match.group(1)


def _types(text: str) -> list[str]:
    return [token.type for token in tokenize(text)]


# --- boxes at the start of a line ------------------------------------------------------

CHECKED_MARKS = ["|x|", "|X|", "[X]", "[x]", "/X/", "/x/", "(x)", "(X)", "☒", "☑"]
UNCHECKED_MARKS = ["|_|", "[ ]", "[_]", "/ /", "( )", "(_)", "☐"]
UNREADABLE_MARKS = ["|?|", "[-]", "|*|", "[??]", "|X_|", "[xx]"]


@pytest.mark.parametrize("mark", CHECKED_MARKS)
def test_checked_box_at_line_start(mark: str) -> None:
    line = f"{mark}  third-party tender offer subject to Rule 14d-1."
    assert classify(line) == "BOX"
    assert _mark(line) == mark
    assert box_state(mark) == "checked"


@pytest.mark.parametrize("mark", UNCHECKED_MARKS)
def test_unchecked_box_at_line_start(mark: str) -> None:
    line = f"{mark}  issuer tender offer subject to Rule 13e-4."
    assert classify(line) == "BOX"
    assert _mark(line) == mark
    assert box_state(mark) == "unchecked"


@pytest.mark.parametrize("mark", UNREADABLE_MARKS)
def test_unreadable_box_at_line_start(mark: str) -> None:
    line = f"{mark}  going-private transaction subject to Rule 13e-3."
    assert classify(line) == "BOX"
    assert _mark(line) == mark
    assert box_state(mark) == "unreadable"


@pytest.mark.parametrize("mark", CHECKED_MARKS + UNCHECKED_MARKS + UNREADABLE_MARKS)
def test_box_alone_on_its_line(mark: str) -> None:
    assert classify(mark) == "BOX"
    assert classify(f"     {mark}   ") == "BOX"


@pytest.mark.parametrize(
    ("mark", "state"),
    [
        ("[ x ]", "checked"),
        ("| X |", "checked"),
        ("|✓|", "checked"),
        ("[■]", "checked"),
        ("|__|", "unchecked"),
        ("[  ]", "unchecked"),
        ("| |", "unchecked"),
        ("[ _ ]", "unchecked"),
    ],
)
def test_box_state_of_spaced_and_symbol_marks(mark: str, state: str) -> None:
    assert classify(f"{mark} amendment to Schedule 13D under Rule 13d-2.") == "BOX"
    assert box_state(mark) == state


def test_indented_box_keeps_its_mark() -> None:
    line = "    |X|   third-party tender offer subject to Rule 14d-1."
    assert classify(line) == "BOX"
    assert _mark(line) == "|X|"


def test_box_mark_glued_to_its_label_is_still_a_box() -> None:
    # Missing the space after a mark must not lose a checked box (and invent a finding).
    assert classify("|x|label") == "BOX"
    assert _mark("|x|label") == "|x|"
    assert classify("/s/ Jane Roe") == "TEXT"
    assert classify("[Reserved]") == "TEXT"


# --- boxes that end their sentence -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("results of the tender offer: |_|", "|_|"),
        ("results of the tender offer: [X]", "[X]"),
        ("results of the tender offer: [ ]", "[ ]"),
        ("results of the tender offer:  ☐", "☐"),
        ("results of the tender offer: ☒", "☒"),
        ("results of the tender offer: / /", "/ /"),
        ("results of the tender offer:|x|", "|x|"),
        ("    results of the tender offer  |X|   ", "|X|"),
    ],
)
def test_box_at_end_of_sentence_is_box_end(line: str, mark: str) -> None:
    assert classify(line) == "BOX_END"
    found = trailing_mark(line)
    assert found is not None
    start, found_mark = found
    assert found_mark == mark
    assert line[start : start + len(mark)] == mark


def test_box_end_state_is_read_from_the_trailing_mark() -> None:
    _, mark = trailing_mark("results of the tender offer: [X]")
    assert box_state(mark) == "checked"
    _, mark = trailing_mark("results of the tender offer: |_|")
    assert box_state(mark) == "unchecked"


@pytest.mark.parametrize(
    "line",
    [
        "/s/ John Smith",
        "By:  /s/ John Smith",
        "    /s/ Jane Q. Example",
        "[]",
        '"auth_ref": []',
        "   []",
        "list: []",
        "|",
        "results of the tender offer:|_|x",
    ],
)
def test_not_a_box(line: str) -> None:
    assert classify(line) not in ("BOX", "BOX_END")


# --- exhibits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "(a)(1)(A)  Offer to Purchase",
        "         (a)(1)(A)  Offer to Purchase dated June 4, 2001.*",
        "(a)(5)(B)  Press Release",
        "(b)(1)     Commitment Letter",
        "(d)(1)(i)  Agreement and Plan of Merger",
        "(g)        None.",
        "(h)        Not applicable.",
        "(a)(1)(A)*  Offer to Purchase",
        '(a)(2)     "Letter to Shareholders"',
        "(a)(1)(A)\tOffer to Purchase",
    ],
)
def test_exhibit_lines(line: str) -> None:
    assert classify(line) == "EXHIBIT"


@pytest.mark.parametrize(
    "line",
    [
        "(a)(5)(B) hereto, and the information",
        "(a)(1)(A) and (a)(1)(B) hereto, respectively.",
        "(a)(1)(A)",
    ],
)
def test_exhibit_code_in_prose_is_not_an_exhibit(line: str) -> None:
    assert classify(line) != "EXHIBIT"


# --- headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "ITEM 12  Exhibits.",
        "Item 12. Exhibits.",
        "ITEM 12.  EXHIBITS.",
        "ITEMS 1, 4 AND 11",
        "Items 1 through 9 and Item 11.",
        "ITEMS 1 THROUGH 11.",
        "Item 4. Terms of the Transaction.",
        "   ITEM 12",
        "Item 10: Financial Statements",
    ],
)
def test_item_headings(line: str) -> None:
    assert classify(line) == "ITEM"


@pytest.mark.parametrize(
    "line",
    [
        "Items 1, 4 and 11 are hereby amended and supplemented as follows:",
        "Item 12 of the Schedule TO is hereby amended",
        "Item 12 of the Schedule TO is hereby amended and supplemented by adding the",
        "Items 1 through 11 of the Schedule TO, to the extent such Items incorporate,",
    ],
)
def test_prose_starting_with_item_is_text(line: str) -> None:
    assert classify(line) == "TEXT"


@pytest.mark.parametrize(
    "line",
    [
        "INDEX TO EXHIBITS",
        "EXHIBIT INDEX",
        "                               INDEX TO EXHIBITS",
        "Exhibit Index",
        "INDEX OF EXHIBITS",
        "EXHIBITS INDEX.",
    ],
)
def test_index_headings(line: str) -> None:
    assert classify(line) == "INDEX_HEADING"


@pytest.mark.parametrize(
    "line",
    [
        "CALCULATION OF FILING FEE",
        "                           CALCULATION OF FILING FEE",
        "Calculation of Filing Fee",
        "CALCULATION OF FILING FEES",
        "CALCULATION OF FILING FEE TABLES",
    ],
)
def test_fee_headings(line: str) -> None:
    assert classify(line) == "FEE_HEADING"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("SIGNATURE", "SIGNATURE_HEADING"),
        ("                                   SIGNATURES", "SIGNATURE_HEADING"),
        ("SCHEDULE TO", "TITLE"),
        ("                                  SCHEDULE TO", "TITLE"),
        ("SCHEDULE TO/A", "TITLE"),
        ("SCHEDULE TO-T/A", "TITLE"),
        ("Amendment No. 2", "AMENDMENT"),
        ("                            (Amendment No. 3)", "AMENDMENT"),
        ("(Name of Subject Company (Issuer))", "CAPTION"),
        ("                    (CUSIP Number of Class of Securities)", "CAPTION"),
    ],
)
def test_other_headings(line: str, kind: str) -> None:
    assert classify(line) == kind


# --- page furniture --------------------------------------------------------------------


@pytest.mark.parametrize("line", ["<PAGE>", "  <PAGE>  ", "<page>", "<PAGE> 3"])
def test_page_marker(line: str) -> None:
    assert classify(line) == "PAGE"


@pytest.mark.parametrize(
    "line",
    [
        "====  ====",
        "-------",
        "_________________",
        "         _________________",
        "====================================== =========================================",
        "-------------------------------------- -----------------------------------------",
        "~~~~~",
        "***",
    ],
)
def test_rules(line: str) -> None:
    assert classify(line) == "RULE"


@pytest.mark.parametrize(
    "line",
    [
        "                                      3",
        "                                      12",
        "                                     (4)",
        "                                      ii",
        "- 3 -",
        "                                    - 14 -",
    ],
)
def test_page_numbers(line: str) -> None:
    assert classify(line) == "PAGE_NUMBER"


def test_unindented_number_is_not_a_page_number() -> None:
    assert classify("3") == "TEXT"


@pytest.mark.parametrize(
    "line",
    [
        "*  Filed herewith.",
        "**  Previously filed.",
        "+   Incorporated by reference.",
        "(1) Previously filed.",
        "(12) Filed as an exhibit to the original Schedule TO.",
        "         *  Filed herewith.",
        "†  Filed herewith.",
        "#   Management contract.",
    ],
)
def test_markers(line: str) -> None:
    assert classify(line) == "MARKER"


@pytest.mark.parametrize("line", ["", "   ", "\t", " \t  "])
def test_blank(line: str) -> None:
    assert classify(line) == "BLANK"


@pytest.mark.parametrize(
    "line",
    [
        "The Offer commences on Monday, June 4, 2001 and will expire at",
        "Check the appropriate boxes below to designate any transactions to which the",
        "    Amount Previously Paid:    None                Filing Party: Not applicable",
    ],
)
def test_prose_is_text(line: str) -> None:
    assert classify(line) == "TEXT"


def test_classify_always_returns_a_known_type() -> None:
    samples = ["", "x", "(", ")", "|", "[", "]", "/", "☐", "<", "*", "-", "I", "C", "S", "A"]
    for line in samples:
        assert classify(line) in TOKEN_TYPES


# --- tokenize --------------------------------------------------------------------------


def test_wrapped_exhibit_description_continues() -> None:
    text = (
        "   (a)(1)(D)  Form of Letter to Brokers, Dealers, Commercial Banks,\n"
        "              Trust Companies and Other\n"
        "              Nominees.*\n"
        "   (a)(1)(E)  Summary Advertisement."
    )
    assert _types(text) == ["EXHIBIT", "CONT", "CONT", "EXHIBIT"]


def test_blank_line_ends_continuation() -> None:
    text = (
        "   (a)(1)(D)  Form of Letter to Brokers, Dealers, Commercial Banks,\n"
        "\n"
        "              Trust Companies and Other Nominees."
    )
    assert _types(text) == ["EXHIBIT", "BLANK", "TEXT"]


def test_line_at_head_indent_does_not_continue() -> None:
    text = "   (a)(1)(A)  Offer to Purchase.\n   hereto, and the information"
    assert _types(text) == ["EXHIBIT", "TEXT"]


def test_line_indented_less_than_head_does_not_continue() -> None:
    text = "      *  Filed herewith and\n  not a continuation"
    assert _types(text) == ["MARKER", "TEXT"]


def test_box_label_and_marker_note_continue() -> None:
    text = (
        "|_|  Check the box if the filing relates solely to preliminary\n"
        "     communications made before the commencement of a tender offer.\n"
        "*    Estimated for purposes of calculating the filing fee only.\n"
        "     This calculation assumes the purchase of all shares.\n"
        "Check the appropriate boxes below"
    )
    assert _types(text) == ["BOX", "CONT", "MARKER", "CONT", "TEXT"]


def test_open_caption_continues_on_next_line() -> None:
    text = (
        " (Name, Address and Telephone Number of Person Authorized to Receive Notices and\n"
        "Communications on Behalf of the Filing Persons)\n"
        "Copy To:"
    )
    assert _types(text) == ["CAPTION", "CONT", "TEXT"]


def test_caption_open_over_several_lines() -> None:
    text = (
        "(Name, Address and Telephone Number of Person\n"
        "Authorized to Receive Notices\n"
        "and Communications)\n"
        "after"
    )
    assert _types(text) == ["CAPTION", "CONT", "CONT", "TEXT"]


def test_closed_caption_does_not_continue() -> None:
    text = "(Name of Subject Company (Issuer))\n                    Lakeview Partners"
    assert _types(text) == ["CAPTION", "TEXT"]


def test_blank_line_ends_open_caption() -> None:
    text = "(Name, Address and Telephone Number\n\nof the Filing Persons)"
    assert _types(text) == ["CAPTION", "BLANK", "TEXT"]


def test_tokens_have_one_based_positions() -> None:
    text = "SCHEDULE TO\n\n    (a)(1)(A)  Offer to Purchase.  \nlast"
    tokens = list(tokenize(text))
    assert [t.line for t in tokens] == [1, 2, 3, 4]
    assert [t.end_line for t in tokens] == [1, 2, 3, 4]
    exhibit = tokens[2]
    assert exhibit.value == "    (a)(1)(A)  Offer to Purchase.  "
    assert exhibit.column == 5
    assert exhibit.end_column == len("    (a)(1)(A)  Offer to Purchase.") + 1
    assert exhibit.start_pos == text.index("    (a)")
    assert text[exhibit.start_pos : exhibit.end_pos] == exhibit.value
    assert tokens[1].type == "BLANK"
    assert (tokens[1].column, tokens[1].end_column) == (1, 1)


def test_token_offsets_cover_the_text() -> None:
    text = "a\n\n  (b)(1)  Letter\n     continued\n"
    tokens = list(tokenize(text))
    assert len(tokens) == text.count("\n") + 1
    for token in tokens:
        assert text[token.start_pos : token.end_pos] == token.value
    assert "\n".join(t.value for t in tokens) == text


# --- performance guards (not timed: catastrophic backtracking would simply hang) ---------

N = 200_000


@pytest.mark.parametrize(
    "line",
    [
        "-" * N + "x",
        " " * N + "|",
        "(" * N,
        "*" * N,
        "|" * N,
        "[" * N,
        "/" * N,
        "=" * N + " x",
        "Item " + "1, " * (N // 3) + "x",
        "ITEM 1" + " " * N + "x",
        "(a)" * (N // 3),
        "(a)(1)(A)" + " " * N + "x",
        " " * N + "x |_|",
        "x" + " " * N + "|_|",
        "(" + " " * N,
        "*" + " " * N + "x",
        "$" + "1" * N,
        " " * N + "x",
        " " * N + "I",
        " " * N + "C",
        " " * N + "S",
        " " * N + "-",
        " " * N + "1",
    ],
    ids=lambda s: repr(s[:12]) + f"+{len(s) - 12}",
)
def test_classify_long_lines_finishes(line: str) -> None:
    assert classify(line) in TOKEN_TYPES


def test_tokenize_many_lines_finishes() -> None:
    text = "\n".join(["(a)(1)(A)  Offer", "           more"] * 20_000)
    assert len(list(tokenize(text))) == 40_000


# The lines below are the same guard, run in a child process that is killed after a
# generous limit so that a quadratic classifier fails the test instead of hanging the
# suite. A linear classifier needs a few milliseconds for these lines.
_CHILD_LIMIT_SECONDS = 5


def _classify_in_child(expression: str) -> None:
    code = f"from filinglint.linter.lines import classify\nclassify({expression})\n"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=_CHILD_LIMIT_SECONDS)


def test_classify_spaces_then_paren_or_capital_a_finishes() -> None:
    """Regression: _AMENDMENT was r'\\s*\\(?\\s*Amendment', quadratic on leading blanks."""
    _classify_in_child(f"' ' * {N} + '('")
    _classify_in_child(f"' ' * {N} + 'A'")
