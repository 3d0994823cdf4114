"""Tests of the line classifier (``lines.classify``) and the line tokenizer (``tokenize``)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from filinglint.linter.lines import (
    BOX_LETTER,
    BOX_MARK,
    TOKEN_TYPES,
    box_start,
    classify,
    read_line,
    tokenize,
    trailing_mark,
)
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


# --- boxes with their letter or number before the mark (Schedule 13E-3's a to d) ----------


@pytest.mark.parametrize(
    ("line", "mark", "index"),
    [
        ("a. ☒ The filing of solicitation materials", "☒", 3),
        ("a.  ☒  The filing of solicitation materials", "☒", 4),
        ("(1) [X] The filing of a registration statement", "[X]", 4),
        ("c. /X/ A tender offer.", "/X/", 3),
        ("a. [ ]", "[ ]", 3),
        ("   d.[ ]  None of the above.", "[ ]", 5),
        ("b) |x| The filing of a registration statement", "|x|", 3),
        ("12. ( ) None of the above.", "( )", 4),
    ],
)
def test_box_after_its_letter(line: str, mark: str, index: int) -> None:
    kind, info = read_line(line)
    assert kind == "BOX"
    assert info.marks[0] == (index, mark)
    assert info.starts[0] == len(line) - len(line.lstrip())


@pytest.mark.parametrize(
    "line",
    [
        "(a)(1)(A)  Offer to Purchase, dated May 1, 2025.",  # an exhibit code, not a letter
        "1. [Reserved]",
        "a. [X]The filing",  # a letter's mark is followed by a space or the line's end
        "ab. [X] two letters are a word",
        "Item 1. [X] not a letter",
        "a.",
    ],
)
def test_not_a_lettered_box(line: str) -> None:
    assert classify(line) != "BOX"


def test_two_lettered_boxes_on_one_line_keep_their_own_letters() -> None:
    line = "a. [ ] The filing of solicitation materials    b. [X] The filing of a registration"
    kind, info = read_line(line)
    assert kind == "BOX"
    second = line.index("b. [X]")
    assert info.marks == ((3, "[ ]"), (second + 3, "[X]"))
    assert info.starts == (0, second)  # the first label ends before "b."


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
        "|_|" + " " * N + "x",  # a box line: the scan for a second column's mark
        "[X]" + "  [" * (N // 3),
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


# --- the lexer matches each line once ---------------------------------------------------


def _lexer_patterns() -> tuple[set[str], list[str]]:
    """Names in ``lines`` that are, build or apply a line pattern; and the pattern texts.

    A function counts when its code uses a pattern or such a function, transitively;
    ``tokenize`` (and ``LineLexer``, which calls it) are how the rest of the code gets the
    tokens, so they are the one way in.
    """
    import filinglint.linter.lines as lines

    compiled = {n: v for n, v in vars(lines).items() if isinstance(v, re.Pattern)}
    sources = {  # regular expressions kept as text (some are compiled on first use)
        n: v for n, v in vars(lines).items() if isinstance(v, str) and ("\\" in v or "(?" in v)
    }
    texts = [p.pattern for p in compiled.values()] + list(sources.values())
    names = set(compiled) | set(sources)
    functions = {
        n: v
        for n, v in vars(lines).items()
        if callable(v) and getattr(v, "__module__", "") == lines.__name__ and hasattr(v, "__code__")
    }
    names |= {n for n, v in vars(lines).items() if n.startswith("_") and n.upper() in names}
    changed = True
    while changed:
        changed = False
        for name, function in functions.items():
            if name not in names and set(function.__code__.co_names) & names:
                names.add(name)
                changed = True
    names.discard("tokenize")
    return names, texts


def test_no_module_outside_the_lexer_uses_a_lexer_pattern() -> None:
    """Readers read a token's payload; none imports, calls or copies a line pattern."""
    import ast
    from pathlib import Path

    import filinglint

    forbidden, texts = _lexer_patterns()
    assert {"EXHIBIT_LINE", "MARKER_LINE", "ITEM_LINE", "BOX_MARK", "box_start"} <= forbidden
    assert {"trailing_mark", "is_item_heading", "classify", "read_line"} <= forbidden
    package = Path(filinglint.__file__).parent
    offences = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "linter" / "lines.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = set()  # local names of the lines module itself
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("linter.lines"):
                offences += [f"{path}: imports {a.name}" for a in node.names if a.name in forbidden]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").endswith("linter"):
                aliases |= {a.asname or a.name for a in node.names if a.name == "lines"}
            elif isinstance(node, ast.Import):
                aliases |= {
                    a.asname for a in node.names if a.name.endswith("linter.lines") and a.asname
                }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr in forbidden
            ):
                offences.append(f"{path}:{node.lineno}: uses lines.{node.attr}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(node.value) >= 12
                and any(node.value in text for text in texts)
            ):
                offences.append(f"{path}:{node.lineno}: copies a line pattern {node.value!r}")
    assert offences == []


def test_tokens_carry_what_the_lexer_read() -> None:
    text = (
        "SCHEDULE TO-I/A\n"
        "(Amendment No. 2)\n"
        "|X| third-party tender offer      [ ] going-private transaction\n"
        "   results of the tender offer:  [X]\n"
        "   (a)(5)(B)**  Press Release.\n"
        "  (1)  Previously filed.\n"
        "ITEMS 1 through 3 and 11.\n"
    )
    info = {t.type: t.info for t in tokenize(text)}
    assert info["TITLE"] == ("I", True, "SC TO-I")
    assert info["AMENDMENT"] == (2, 1, 16)
    assert info["BOX"].marks == ((0, "|X|"), (34, "[ ]"))
    assert info["BOX_END"] == (33, "[X]")
    assert info["EXHIBIT"] == ("(a)(5)(B)", 3, "**", 16)
    assert info["MARKER"] == ("(1)", 7)
    assert info["ITEM"].numbers == (1, 2, 3, 11)


# --- one compiled mark: the lexer's scans find what the full patterns find ---------------

_MARKS = ["|x|", "|_|", "[X]", "[ ]", "[??]", "/x/", "/ /", "(x)", "( )", "☐", "☒", "☑"]
_FILL = ["", " ", "  ", "   ", "\t", " \t ", "a", "label", ":", "|", "[", "(", "/", "x", "]", ")"]
_FILL += ["b.", "(1)", "12.", "c)", "(a)(1)"]  # box letters and what only looks like one


def _random_box_lines(count: int) -> list[str]:
    import random

    rng = random.Random(7)
    lines = []
    for _ in range(count):
        pieces = [rng.choice(_FILL + _MARKS) for _ in range(rng.randint(1, 9))]
        lines.append(rng.choice(["", " ", "    "]) + "".join(pieces) + rng.choice(["", " ", "  "]))
    return lines


def test_box_marks_are_found_as_the_full_patterns_find_them() -> None:
    """BOX lines, their column marks and trailing marks agree with the regex definitions."""
    start = re.compile(
        r"(\s*)(?:(" + BOX_MARK + r")|(?:" + BOX_LETTER + r")(" + BOX_MARK + r")(?=\s|$))"
        r"(?:\s*(\S.*))?$"
    )
    column = re.compile(r"\s{2,}(?:" + BOX_LETTER + r")??(" + BOX_MARK + r")\s+\S")
    only = re.compile(BOX_MARK + r"$")
    for line in _random_box_lines(20_000):
        text = line.rstrip()
        match = start.match(text)
        kind, info = read_line(line)
        if match is None:
            assert kind != "BOX", line
            continue
        if kind == "BOX":
            group = 2 if match.group(2) is not None else 3
            expected = [(match.start(group), match.group(group))]
            expected += [(m.start(1), m.group(1)) for m in column.finditer(text, match.end(group))]
            assert list(info.marks) == expected, line
            if group == 2:
                assert box_start(line).group(2) == match.group(2)
    for line in _random_box_lines(20_000):
        assert trailing_mark(line) == _trailing_mark_by_pattern(line, only), line


def _trailing_mark_by_pattern(line: str, only: re.Pattern[str]) -> tuple[int, str] | None:
    """``trailing_mark`` as first written, with the anchored pattern ``MARK$``."""
    text = line.rstrip()
    for size in range(1, min(7, len(text) - 1) + 1):
        start = len(text) - size
        if not only.match(text, start) or text[start - 1] not in " \t:":
            continue
        before = text[:start]
        if not before.strip(" \t:"):
            continue
        if text[start] == "(" and not (before.rstrip().endswith(":") or before.endswith("  ")):
            continue
        return start, text[start:]
    return None
