"""Which form a document is, rules per form, and the covers of Schedule 13E-3 and 14D-9."""

from __future__ import annotations

import pytest

from filinglint.linter.documents import build_root
from filinglint.linter.engine import Engine
from filinglint.linter.query.form import (
    applies,
    base_form,
    form_entry,
    matches,
    resolve,
    spec_for,
)
from filinglint.linter.registry import find_rule, select_rules
from filinglint.linter.rule import Rule
from filinglint.linter.source import Source

# --- resolution ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (("SC TO-T/A", "EX-99.1", "SC TO/A", "SC 13E3"), ("SC TO-T/A", "header")),
        ((None, "SC14D9C", "SC 14D9", "SC 13E3"), ("SC14D9C", "document")),
        ((None, "", "SC 13E3", "SC TO-C"), ("SC 13E3", "cover")),
        ((None, None, None, "sc  to-c"), ("SC TO-C", "option")),
        ((None, None, None, None), (None, None)),
    ],
)
def test_resolution_order(given, expected) -> None:
    assert resolve(*given) == expected


def test_amendment_reads_its_base_forms_spec() -> None:
    assert base_form("SC TO-T/A") == "SC TO-T"
    assert spec_for("SC 13E3/A")["form"] == "SC 13E3"
    assert spec_for("SC TO")["form"] == "SC TO"  # a title without EDGAR's letter
    assert spec_for("SC14D9C")["form"] == "SC 14D9"
    assert spec_for("8-K") is None
    assert form_entry("SC TO-C/A")["checked"] == ["preliminary-communications"]
    assert form_entry("SC 14D9")["fee"] == "none"
    assert form_entry("SC TO") == {}  # the family, not one type


@pytest.mark.parametrize(
    ("form", "pattern", "expected"),
    [
        ("SC TO-T", "SC TO-*", True),
        ("SC TO-I/A", "SC TO-*", True),
        ("SC TO/A", "SC TO-*", True),  # a cover titled "Schedule TO/A"
        ("SC 13E3/A", "SC 13E3", True),
        ("SC 13E3", "SC TO-*", False),
        ("SC14D9C", "SC 14D9", False),
        ("SC 14D9/A", "SC 14D9", True),
        ("8-K", "SC TO-*", False),
    ],
)
def test_form_patterns(form: str, pattern: str, expected: bool) -> None:
    assert matches(form, pattern) is expected


def test_a_rule_applies_to_unknown_forms_and_without_forms_to_all() -> None:
    assert applies((), "8-K")
    assert applies(("SC TO-*",), None)
    assert not applies(("SC TO-*",), "8-K")


def test_filing_records_its_form_and_where_it_came_from() -> None:
    text = "                SCHEDULE 13E-3\n\nsome prose\n"
    filing = build_root(Source("a.txt", text))
    assert (filing.form_type, filing.form_source) == ("SC 13E3", "cover")
    filing = build_root(Source("a.txt", "no title here\n"), "sc 14d9")
    assert (filing.form_type, filing.form_source) == ("SC 14D9", "option")
    wrapped = "<DOCUMENT>\n<TYPE>SC TO-C\n<TEXT>\nSCHEDULE TO\n</TEXT>\n</DOCUMENT>\n"
    submission = build_root(Source("a.txt", wrapped), "SC 13E3")
    filing = submission.documents[0].filing
    assert (filing.form_type, filing.form_source) == ("SC TO-C", "document")


# --- rules per form -------------------------------------------------------------------------

_TO_COVER = """                                  SCHEDULE TO

Check the appropriate boxes below to designate any transactions to which the
statement relates:
[ ]  third-party tender offer subject to Rule 14d-1.
[ ]  issuer tender offer subject to Rule 13e-4.
"""


def _codes(text: str, form: str | None = None, codes=("BOX001",)) -> list[str]:
    engine = Engine(select_rules(list(codes)), form=form)
    return [d.code for d in engine.check(Source("f.txt", text))]


def test_a_rule_is_silent_on_a_document_of_another_form() -> None:
    assert _codes(_TO_COVER) == ["BOX001"]  # read as SC TO from its title
    submission = (
        "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n" + _TO_COVER + "</TEXT>\n</DOCUMENT>\n"
    )
    assert _codes(submission) == []  # an 8-K is not a Schedule TO
    untitled = _TO_COVER.replace("SCHEDULE TO", "")
    assert _codes(untitled) == ["BOX001"]  # unknown form: every rule, as before
    assert _codes(untitled, form="SC 14D9") == []  # --form says which
    assert _codes(untitled, form="SC TO-T/A") == ["BOX001"]


def test_engine_gates_on_the_declared_forms(monkeypatch) -> None:
    from filinglint.linter.ast import Filing

    seen: list[str | None] = []

    def visit(ctx, filing: Filing) -> None:
        seen.append(filing.form_type)

    rule = Rule(
        code="TST001",
        name="test-rule",
        severity="info",
        summary="records the forms it sees",
        docs=find_rule("BOX001").docs,
        visitors={"filing": visit},
        forms=("SC 13E3",),
    )
    engine = Engine([rule])
    for text in ("SCHEDULE 13E-3\n", "SCHEDULE 14D-9\n", "SCHEDULE 13E-3/A\n", "prose\n"):
        engine.check(Source("f.txt", text))
    assert seen == ["SC 13E3", "SC 13E3/A", None]


# --- covers of Schedule 13E-3 and 14D-9 -------------------------------------------------------


def _roles(text: str) -> list[tuple[str | None, str]]:
    filing = build_root(Source("f.txt", text))
    return [(box.role, box.state) for box in filing.cover.boxes]


_ROLES_13E3 = [
    ("solicitation-materials", "unchecked"),
    ("registration-statement", "checked"),
    ("tender-offer", "unchecked"),
    ("none-of-the-above", "unchecked"),
]


@pytest.mark.parametrize(
    "boxes",
    [
        # letter, then mark
        "a. [ ] The filing of solicitation materials or an information statement.\n"
        "b. [X] The filing of a registration statement under the Securities Act of 1933.\n"
        "c. [ ] A tender offer.\n"
        "d. [ ] None of the above.\n",
        # mark, then letter
        "|_|  a.  The filing of solicitation materials or an information statement.\n"
        "|X|  b.  The filing of a registration statement under the Securities Act.\n"
        "|_|  c.  A tender offer.\n"
        "|_|  d.  None of the above.\n",
        # numbered in parentheses, slashes
        "(1) / / The filing of solicitation materials or an information statement.\n"
        "(2) /X/ The filing of a registration statement under the Securities Act.\n"
        "(3) / / A tender offer.\n"
        "(4) / / None of the above.\n",
        # the mark after its label
        "a.  The filing of solicitation materials or an information statement.  [ ]\n"
        "\n"
        "b.  The filing of a registration statement under the Securities Act.  [X]\n"
        "\n"
        "c.  A tender offer.  [ ]\n"
        "\n"
        "d.  None of the above.  [ ]\n",
        # two boxes a line
        "a. [ ] The filing of solicitation materials     b. [X] The filing of a registration"
        " statement\n"
        "c. [ ] A tender offer.                           d. [ ] None of the above.\n",
    ],
    ids=["letter-mark", "mark-letter", "numbered", "mark-after-label", "two-columns"],
)
def test_schedule_13e_3_boxes_in_real_layouts(boxes: str) -> None:
    text = "SCHEDULE 13E-3\n\nThis statement is filed in connection with:\n\n" + boxes
    assert _roles(text) == _ROLES_13E3


def test_schedule_13e_3_html_boxes_in_table_cells() -> None:
    html = (
        "<html><body><p>SCHEDULE 13E-3</p><table>"
        "<tr><td>a.</td><td>&#9744;</td><td>The filing of solicitation materials or an"
        " information statement subject to Regulation 14A</td></tr>"
        "<tr><td>b.</td><td>&#9746;</td><td>The filing of a registration statement under the"
        " Securities Act of 1933.</td></tr>"
        "<tr><td>c.</td><td>&#9744;</td><td>A tender offer.</td></tr>"
        "<tr><td>d.</td><td>&#9744;</td><td>None of the above.</td></tr>"
        "</table></body></html>"
    )
    filing = build_root(Source("f.htm", html))
    assert filing.form_type == "SC 13E3"
    assert [(b.role, b.state) for b in filing.cover.boxes] == _ROLES_13E3


def test_schedule_14d_9_preliminary_box_and_titles() -> None:
    text = (
        "                 SCHEDULE 14D-9/A\n                 (Rule 14d-101)\n\n"
        "[X] Check the box if the filing relates solely to preliminary communications made"
        " before the commencement of a tender offer.\n"
    )
    filing = build_root(Source("f.txt", text))
    assert filing.form_type == "SC 14D9/A"
    assert _roles(text) == [("preliminary-communications", "checked")]
    assert build_root(Source("f.txt", "SCHEDULE TO/13E-3\n")).form_type == "SC TO"


def test_submission_nodes_are_read_as_the_headers_form() -> None:
    seen: list[str | None] = []

    def visit(ctx, header) -> None:
        seen.append(header.submission_type)

    rule = Rule(
        code="TST002",
        name="test-header-rule",
        severity="info",
        summary="records the headers it sees",
        docs=find_rule("BOX001").docs,
        visitors={"submission_header": visit},
        forms=("SC TO-*",),
    )
    engine = Engine([rule])
    for kind in ("8-K", "SC TO-T/A", "SC 13E3"):
        text = (
            f"<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t{kind}\n</SEC-HEADER>\n"
            f"<DOCUMENT>\n<TYPE>{kind}\n<TEXT>\nprose\n</TEXT>\n</DOCUMENT>\n"
        )
        engine.check(Source("f.txt", text))
    assert seen == ["SC TO-T/A"]
