"""The rule contract: declarations checked when made, rules where their codes say, rules
reading only the AST and the query layer, and a config schema generated from them."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from filinglint.linter.registry import all_rules
from filinglint.linter.rule import Rule, RuleDeclarationError
from filinglint.schema.generate import config_schema

RULES_DIR = Path(__file__).resolve().parents[1] / "filinglint" / "rules"
DOCS = "## What it does\nx\n## Why it matters\nx\n## Example\nx\n## How to fix\nx\n"
# What a rule module may import from the package: the AST, the context it is handed,
# the shapes it returns, money formatting, its own declaration, the query layer, data.
ALLOWED = (
    "filinglint.linter.ast",
    "filinglint.linter.context",
    "filinglint.linter.diagnostics",
    "filinglint.linter.money",
    "filinglint.linter.rule",
    "filinglint.linter.query",
    "filinglint.schema",
)


def declare(**changes) -> Rule:
    fields = dict(code="TST001", name="test-rule", severity="error", summary="s", docs=DOCS)
    fields.update(changes)
    return Rule(**fields)


def test_a_valid_declaration():
    rule = declare(visitors={"fee_table": print}, fix="unsafe")
    assert rule.family == "tst" and rule.fixable


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"visitors": {"fee_tabel": print}}, "node kinds the AST does not have: fee_tabel"),
        ({"code": "FEE1"}, "is not PREFIX + three digits"),
        ({"name": "Fee Mismatch"}, "lower-case words"),
        ({"severity": "fatal"}, "severity 'fatal'"),
        ({"fix": "maybe"}, "fix 'maybe'"),
        ({"docs": "## What it does\nonly this"}, "docs lack ## Why it matters"),
        (
            {"options": {"limit": {"type": "integer"}}},
            "needs a JSON Schema with a type and a default",
        ),
        ({"options": {"limit": {"type": "integer", "default": 1}}}, "docs lack ## Options"),
    ],
)
def test_an_inconsistent_declaration_fails_when_made(changes, complaint):
    with pytest.raises(RuleDeclarationError, match=re.escape(complaint)):
        declare(**changes)


def test_rules_are_immutable():
    rule = all_rules()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.severity = "info"  # type: ignore[misc]
    with pytest.raises(TypeError):
        rule.visitors["filing"] = print  # type: ignore[index]


def test_every_rule_module_stands_where_its_code_says():
    modules = sorted(
        p.relative_to(RULES_DIR).as_posix()
        for p in RULES_DIR.glob("*/*.py")
        if not p.name.startswith("_")
    )
    expected = sorted(
        f"{r.family}/{p.name}"
        for r in all_rules()
        for p in (RULES_DIR / r.family).glob(f"{r.code.lower()}_*.py")
    )
    assert modules == expected
    assert len(expected) == len(all_rules())


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*/*.py")), ids=lambda p: p.name)
def test_rules_read_only_the_ast_and_the_query_layer(path: Path):
    family = f"filinglint.rules.{path.parent.name}"
    for name in _imports(path):
        if not name.startswith("filinglint"):
            continue
        assert name.startswith(ALLOWED) or name.startswith(family + "._"), (
            f"{path.name} imports {name}: rules see the AST and linter/query only"
        )


def test_the_config_schema_has_every_rule_option():
    properties = config_schema()["properties"]
    for rule in all_rules():
        if rule.options:
            table = properties[rule.name]
            assert table["additionalProperties"] is False
            assert set(table["properties"]) == set(rule.options)
        else:
            assert rule.name not in properties
