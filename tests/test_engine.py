"""The engine: one walk, crash containment, options and severity per rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from filinglint.linter import build as build_module
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules, find_rule, select_rules
from filinglint.linter.source import decode
from tests.conftest import EXAMPLE


def example_source():
    return decode(EXAMPLE.read_bytes(), "example.txt")


def test_a_crashing_rule_becomes_an_internal_error_and_others_still_report():
    def explode(ctx, node):
        raise ZeroDivisionError("boom")

    broken = replace(find_rule("fee-mismatch"), visitors={"fee_table": explode})
    rules = [broken if r.name == "fee-mismatch" else r for r in all_rules()]
    found = Engine(rules).check(example_source())
    internal = [d for d in found if d.name == "internal-error"]
    assert len(internal) == 1
    assert internal[0].message.startswith("rule fee-mismatch failed: ZeroDivisionError: boom")
    assert {d.code for d in found} == {"FL900", "DAT002", "EXH001"}


def test_a_parser_crash_is_contained(monkeypatch):
    def explode(*args):
        raise RuntimeError("grammar bug")

    monkeypatch.setattr(build_module, "build", explode)
    [finding] = Engine(list(all_rules())).check(example_source())
    assert finding.code == "FL900" and "the parser failed: RuntimeError" in finding.message


def test_internal_errors_are_reported_even_when_not_selected():
    def explode(ctx, node):
        raise ValueError("x")

    broken = replace(find_rule("date-invalid"), visitors={"date_mention": explode})
    found = Engine([broken]).check(example_source())
    assert {d.code for d in found} == {"FL900"}
    assert len(found) == 1  # one per rule and message, not one per date


def test_severity_override_and_rule_options():
    engine = Engine(
        select_rules(["FEE001"]),
        options={"fee-mismatch": {"tolerance-cents": 499}},
        severity={"FEE001": "warning"},
    )
    [finding] = engine.check(example_source())
    assert finding.severity == "warning"
    engine = Engine(select_rules(["FEE001"]), options={"fee-mismatch": {"tolerance-cents": 500}})
    assert engine.check(example_source()) == []


def test_findings_are_sorted_and_unique():
    found = Engine(list(all_rules())).check(example_source())
    assert [d.line for d in found] == sorted(d.line for d in found)
    assert len({(d.code, d.line, d.column) for d in found}) == len(found)


def test_lexer_token_types_are_the_grammar_terminals():
    from filinglint.linter.lines import TOKEN_TYPES
    from filinglint.linter.parse import GRAMMAR_PATH

    declared = {
        name
        for line in GRAMMAR_PATH.read_text(encoding="utf-8").splitlines()
        if line.startswith("%declare")
        for name in line.split()[1:]
    }
    assert declared == set(TOKEN_TYPES)


def test_an_option_a_rule_does_not_declare_is_refused():
    with pytest.raises(ValueError, match="rule fee-mismatch has no option tolerance"):
        Engine(select_rules(["FEE001"]), options={"fee-mismatch": {"tolerance": 5}})


def test_a_plain_check_imports_nothing_heavy():
    """Start-up is paid on every commit by the pre-commit hook: a check of a Schedule TO
    with expirations and a fee table must not import pydantic, jsonschema or holidays."""
    import subprocess
    import sys

    code = (
        "import sys; from filinglint.cli import main; main(['check', '--isolated', '-q', "
        f"{str(EXAMPLE)!r}]); print(sorted(m for m in ('pydantic', 'jsonschema', 'holidays') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
