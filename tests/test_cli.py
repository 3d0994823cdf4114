"""The command line as users and CI see it: output, exit codes, rule docs, JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from filinglint.cli import main
from filinglint.schema import load_json
from tests.conftest import EXAMPLE, ROOT, SEED

SNAPSHOTS = Path(__file__).parent / "snapshots"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_seed_has_exactly_two_findings(seed_text, capsys):
    code, out, _ = run(capsys, "check", "--output-format", "concise", str(SEED))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(str(SEED))]
    assert len(lines) == 2
    assert lines[0].startswith(f"{SEED}:40:54: FEE001 [fee-mismatch] ")
    assert lines[1].startswith(f"{SEED}:226:8: EXH001 [exhibit-index-mismatch] ")
    fixes = "[*] 1 fixable with --fix."
    assert out.rstrip().endswith(f"Found 2 errors.\n{fixes}")


def test_corrected_seed_exits_zero(clean_seed_text, tmp_path, capsys):
    path = tmp_path / "fixed.txt"
    path.write_text(clean_seed_text, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert (code, out) == (0, "All checks passed!\n")


def test_json_output_matches_the_committed_schema(capsys):
    code, out, _ = run(capsys, "check", "--output-format", "json", str(EXAMPLE))
    assert code == 1
    data = json.loads(out)  # nothing but JSON on stdout
    jsonschema.validate(data, load_json("diagnostics.schema.json"))
    assert [d["code"] for d in data] == ["FEE001", "DAT002", "EXH001"]
    assert data[0]["path"] == str(EXAMPLE)


def test_seed_json_matches_the_schema(seed_text, capsys):
    _, out, _ = run(capsys, "check", "--output-format", "json", str(SEED))
    data = json.loads(out)
    jsonschema.validate(data, load_json("diagnostics.schema.json"))
    assert [(d["name"], d["line"]) for d in data] == [
        ("fee-mismatch", 40),
        ("exhibit-index-mismatch", 226),
    ]


def test_full_output_snapshot(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out, _ = run(capsys, "check", "examples/harborview-sc-to-i-a.txt")
    snapshot = SNAPSHOTS / "example-full.txt"
    if os.environ.get("FILINGLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


def test_concise_output_snapshot(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out, _ = run(capsys, "check", "--output-format", "concise", "examples/")
    snapshot = SNAPSHOTS / "example-concise.txt"
    if os.environ.get("FILINGLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("option", "value", "codes"),
    [
        ("--select", "FEE001", {"FEE001"}),
        ("--select", "fee-mismatch,date-weekday-mismatch", {"FEE001", "DAT002"}),
        ("--select", "DAT", {"DAT002"}),
        ("--ignore", "EXH", {"FEE001", "DAT002"}),
        ("--ignore", "date-weekday-mismatch", {"FEE001", "EXH001"}),
    ],
)
def test_select_and_ignore(option, value, codes, capsys):
    _, out, _ = run(capsys, "check", "--output-format", "json", option, value, str(EXAMPLE))
    assert {d["code"] for d in json.loads(out)} == codes


def test_unknown_selector_is_a_usage_error(capsys):
    code, out, err = run(capsys, "check", "--select", "NOPE9", str(EXAMPLE))
    assert code == 2 and out == ""
    assert err.strip() == "filinglint: error: unknown rule or prefix 'NOPE9'"


def test_bad_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--output-format", "xml", str(EXAMPLE)])
    assert exit_info.value.code == 2


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for code_name in (
        "FEE001 fee-mismatch",
        "EXH001 exhibit-index-mismatch",
        "BOX001 transaction-type-count",
        "DAT001 date-invalid",
        "DAT002 date-weekday-mismatch",
        "DAT003 date-order",
        "DAT004 expiration-not-later",
    ):
        code_part, name_part = code_name.split()
        assert any(line.split()[:2] == [code_part, name_part] for line in out.splitlines())


@pytest.mark.parametrize("key", ["FEE001", "fee-mismatch", "fee001"])
def test_rule_explains_itself(key, capsys):
    code, out, _ = run(capsys, "rule", key)
    assert code == 0
    assert out.startswith("# fee-mismatch (FEE001)")
    for section in ("## What it does", "## Why it matters", "## Example", "## How to fix"):
        assert section in out


def test_rule_json_and_unknown_rule(capsys):
    code, out, _ = run(capsys, "rule", "--output-format", "json", "DAT002")
    assert code == 0 and json.loads(out)["name"] == "date-weekday-mismatch"
    code, _, err = run(capsys, "rule", "nonexistent-rule")
    assert code == 2 and "no rule 'nonexistent-rule'" in err


def test_parse_json_matches_the_ast_schema(capsys):
    code, out, _ = run(capsys, "parse", "--json", str(EXAMPLE))
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, load_json("ast.schema.json"))
    assert data["cover"]["amendment_number"] == 1
    assert data["cover"]["fee_table"]["fee"]["amount"] == "1400.00"


def test_parse_outline(capsys):
    code, out, _ = run(capsys, "parse", str(EXAMPLE))
    assert code == 0
    assert "form: SC TO-I/A (from cover)  amendment: 1" in out
    assert "exhibits (item 12, complete)" in out


def test_python_dash_m_runs_the_same_main():
    result = subprocess.run(
        [sys.executable, "-m", "filinglint", "check", "--output-format", "concise", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.count("harborview-sc-to-i-a.txt:") == 3


def test_no_command_prints_help_and_exits_2(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "usage: filinglint" in err
