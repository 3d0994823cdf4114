"""Every rule's documented Example is checked, so the docs cannot drift from the rules.

The first fenced code block of a rule's ``## Example`` is either runnable — linted on its
own with only that rule selected, it must give at least one finding of the rule — or, where
the defect needs more than a few lines can show (a complete submission, an Inline XBRL fee
exhibit, bytes that are not UTF-8), an excerpt of one of the rule's fail cases, named in the
fence's info string (```` ```text case=fail-count-too-high.txt ````). Every non-blank line
of an excerpt must then appear, in order, in that case file as the engine reads it (runs of
whitespace compare equal; control characters are written ``\\xNN``), and every finding of
the case must stand on a line of the excerpt.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from filinglint.linter.registry import all_rules
from filinglint.linter.source import read_bytes
from tests.rules.casefiles import CASES, EXEMPT, Case, concise, lint_bytes, lint_case

EXAMPLE = re.compile(r"^## Example[ \t]*\n(.*?)(?=^## |\Z)", re.M | re.S)
FENCE = re.compile(r"^```[ \t]*([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)

# An exempt rule (see casefiles.EXEMPT) has no case to quote and cannot be run: skipped, saying why.
RULES = [
    pytest.param(
        rule,
        id=rule.code,
        marks=[pytest.mark.skip(reason=f"{rule.code}: {EXEMPT[rule.code]}")]
        if rule.code in EXEMPT
        else [],
    )
    for rule in all_rules()
]


def first_fence(docs: str) -> tuple[str, str]:
    """The info string and the text of the first fenced block under ``## Example``."""
    section = EXAMPLE.search(docs)
    assert section, "the docs have no ## Example section"
    fence = FENCE.search(section.group(1))
    assert fence, "the Example has no fenced code block (```text … ```)"
    return fence.group(1).strip(), fence.group(2)


def case_named(info: str) -> str | None:
    """``case=NAME`` from a fence's info string, if any."""
    for word in info.split():
        if word.startswith("case="):
            return word.removeprefix("case=")
    return None


def shown(text: str) -> str:
    """Text as the Example writes it: control characters other than tab as ``\\xNN``."""
    return "".join(
        f"\\x{ord(c):02x}" if c not in "\t\n" and unicodedata.category(c) == "Cc" else c
        for c in text
    )


def normal(line: str) -> str:
    return " ".join(line.split())


def lines_in_order(excerpt: list[str], lines: list[str]) -> list[int]:
    """1-based numbers of ``lines`` matching each ``excerpt`` line, in order."""
    numbers: list[int] = []
    start = 0
    for wanted in excerpt:
        index = next((i for i in range(start, len(lines)) if lines[i] == wanted), None)
        assert index is not None, f"excerpt line not found (in order) in the case: {wanted!r}"
        numbers.append(index + 1)
        start = index + 1
    return numbers


@pytest.mark.parametrize("rule", RULES)
def test_example_is_runnable_or_an_excerpt_of_a_fail_case(rule):
    info, block = first_fence(rule.docs)
    name = case_named(info)
    if name is None:
        found = lint_bytes(rule.code, block.encode("utf-8"), "example.txt")
        shown_found = "\n".join(concise(d) for d in found) or "(nothing)"
        assert found, f"{rule.code}: running the Example gives no finding"
        assert {d.code for d in found} == {rule.code}, shown_found
        return
    path = CASES / rule.code / name
    assert name.startswith("fail-"), f"{rule.code}: the Example quotes {name}, not a fail case"
    assert path.is_file(), f"{rule.code}: the Example quotes {name}, which is not in {path.parent}"
    text = read_bytes(path.read_bytes(), path.name).text
    lines = [normal(line) for line in shown(text).split("\n")]
    excerpt = [normal(line) for line in block.splitlines() if line.strip()]
    assert excerpt, f"{rule.code}: the Example's block is empty"
    numbers = lines_in_order(excerpt, lines)
    found = lint_case(Case(rule.code, path))
    assert found, f"{rule.code}: {name} gives no finding"
    outside = [concise(d) for d in found if d.line not in numbers]
    assert not outside, (
        f"{rule.code}: findings of {name} outside the Example's lines {numbers}:\n"
        + "\n".join(outside)
    )
