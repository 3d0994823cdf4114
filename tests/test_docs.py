"""The committed rule pages in docs/rules/: in step with the rules, one per rule, no strays."""

from __future__ import annotations

import re

import pytest

from filinglint.docs import DOCS_DIR, INDEX, main, page_name, render_all, render_rule
from filinglint.linter.registry import all_rules, find_rule

REGENERATE = "run `python -m filinglint.docs` and commit the result"


def test_committed_pages_match_the_rules():
    for name, text in render_all().items():
        path = DOCS_DIR / name
        assert path.is_file(), f"docs/rules/{name} is missing: {REGENERATE}"
        assert path.read_text(encoding="utf-8") == text, f"docs/rules/{name} is stale: {REGENERATE}"


def test_every_rule_has_a_page_and_an_index_row():
    index = (DOCS_DIR / INDEX).read_text(encoding="utf-8")
    for rule in all_rules():
        assert (DOCS_DIR / page_name(rule)).is_file(), f"{rule.code} has no page: {REGENERATE}"
        assert f"[{rule.code}]({page_name(rule)})" in index, f"the index lacks {rule.code}"


def test_no_stray_pages():
    expected = set(render_all())
    present = {path.name for path in DOCS_DIR.iterdir()}
    assert present <= expected, f"stray files in docs/rules/: {sorted(present - expected)}"


def test_page_carries_metadata_then_docs():
    rule = find_rule("FEE001")
    page = render_rule(rule)
    assert page.splitlines()[2] == "# FEE001 fee-mismatch"
    for line in (
        "Filing fee differs from transaction valuation × the stated fee rate.",
        "- **Default severity:** error",
        "- **Fixable:** yes (unsafe)",
        "- **Family:** fee",
    ):
        assert line in page.splitlines()
    assert page.endswith(rule.docs + "\n")
    assert page.index("- **Family:**") < page.index("## What it does")


def test_check_reports_stale_missing_and_stray_pages_without_writing(tmp_path, capsys):
    assert main(["--output", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(render_all())
    assert main(["--output", str(tmp_path), "--check"]) == 0

    edited = tmp_path / "FEE001.md"
    edited.write_text("hand edit\n", encoding="utf-8")
    (tmp_path / "DAT001.md").unlink()
    (tmp_path / "XYZ999.md").write_text("old page\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--output", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert re.findall(r"stale: .*?(\w+\.md)$", err, re.M) == ["DAT001.md", "FEE001.md", "XYZ999.md"]
    assert "python -m filinglint.docs" in err
    assert edited.read_text(encoding="utf-8") == "hand edit\n"
    assert not (tmp_path / "DAT001.md").exists()


def test_writing_restores_pages_and_removes_only_generated_strays(tmp_path):
    pages = render_all()
    (tmp_path / "FEE001.md").write_text("hand edit\n", encoding="utf-8")
    (tmp_path / "OLD001.md").write_text(render_rule(find_rule("FEE001")), encoding="utf-8")
    (tmp_path / "notes.md").write_text("written by hand\n", encoding="utf-8")
    assert main(["--output", str(tmp_path)]) == 0
    assert (tmp_path / "FEE001.md").read_text(encoding="utf-8") == pages["FEE001.md"]
    assert not (tmp_path / "OLD001.md").exists()
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "written by hand\n"


def test_ci_workflow_in_docs_is_valid_yaml_with_the_documented_steps():
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit in the test extra")
    doc = (DOCS_DIR.parent / "ci.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    workflow = yaml.safe_load(block)
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["filinglint"]["steps"]
    check = next(s["run"] for s in steps if "filinglint check" in s.get("run", ""))
    for option in (
        "--output-format github",
        "--output-file sarif=filinglint.sarif",
        "--fail-on error",
    ):
        assert option in check
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert upload["with"]["sarif_file"] == "filinglint.sarif"
