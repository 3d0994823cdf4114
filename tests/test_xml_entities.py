"""XML entities in Inline XBRL (issue 11): reported (FL005), never expanded, and reading
goes on past them."""

from __future__ import annotations

from decimal import Decimal

from filinglint.linter.engine import Engine
from filinglint.linter.fee_exhibit import read_fee_exhibit
from filinglint.linter.registry import all_rules
from filinglint.linter.source import Source

HEAD = '<?xml version="1.0"?>\n'
OPEN = (
    '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
    'xmlns:ffd="http://xbrl.sec.gov/ffd/2024q2">'
)
FEE = '<ix:nonFraction name="ffd:FeeAmt" contextRef="c" unitRef="USD">{}</ix:nonFraction>'
LAUGHS = '<!ENTITY lol0 "lol">' + "".join(
    '<!ENTITY lol{} "{}">'.format(i, f"&lol{i - 1};" * 10) for i in range(1, 10)
)


def facts(text: str) -> list[tuple[str, object]]:
    exhibit = read_fee_exhibit(text)
    assert exhibit is not None
    return [(fact.name, fact.value) for row in exhibit.rows for fact in row.facts]


def test_facts_after_a_billion_laughs_are_still_read() -> None:
    # With the declarations, libxml2 stopped at the first &lol9; and the later fees
    # were lost without a word.
    text = (
        HEAD + f"<!DOCTYPE html [{LAUGHS}]>\n" + OPEN
        + FEE.format("1&lol9;") + FEE.format("5") + FEE.format("7") + "</html>"
    )  # fmt: skip
    assert facts(text) == [
        ("ffd:FeeAmt", Decimal(1)),
        ("ffd:FeeAmt", Decimal(5)),
        ("ffd:FeeAmt", Decimal(7)),
    ]
    [declared] = [e for e in read_fee_exhibit(text).entities if e.name == "lol9"]
    assert declared.declared and declared.references == 1
    assert text[declared.span.start :].startswith("<!ENTITY lol9")


def test_blanking_the_doctype_keeps_every_offset() -> None:
    text = HEAD + '<!DOCTYPE html [\n<!ENTITY co "K">\n]>\n' + OPEN + FEE.format("12") + "</html>"
    [row] = read_fee_exhibit(text).rows
    [fact] = row.facts
    assert text[fact.span.start : fact.span.end] == FEE.format("12")


def test_declared_and_unknown_entities_are_reported_once_each() -> None:
    text = (
        HEAD + '<!DOCTYPE html [<!ENTITY co "Kestrel">]>\n' + OPEN
        + "<p>&co; &co; &nbsp;&amp;&mdash;&#8212; &bogus; &bogus;</p>" + FEE.format("3")
        + "</html>"
    )  # fmt: skip
    diagnostics = Engine(list(all_rules())).check(Source("x.htm", text))
    found = [(d.code, d.line, d.column, d.message) for d in diagnostics if d.code == "FL005"]
    assert [(code, line) for code, line, _, _ in found] == [("FL005", 2), ("FL005", 3)]
    assert "&co; is declared in the DOCTYPE (used 2 times)" in found[0][3]
    assert "unknown entity &bogus; (used 2 times)" in found[1][3]
    assert text.splitlines()[2][found[1][2] - 1 :].startswith("&bogus;")


def test_html_character_entities_and_no_doctype_are_silent() -> None:
    text = HEAD + OPEN + "<p>&nbsp;&amp;&lt;&ldquo;x&rdquo;</p>" + FEE.format("3") + "</html>"
    assert read_fee_exhibit(text).entities == ()


def test_an_entity_declared_under_an_html_name_still_counts_as_declared() -> None:
    text = HEAD + '<!DOCTYPE html [<!ENTITY nbsp "evil">]>\n' + OPEN + "&nbsp;" + FEE.format("1")
    [entity] = read_fee_exhibit(text + "</html>").entities
    assert (entity.name, entity.declared, entity.references) == ("nbsp", True, 1)
