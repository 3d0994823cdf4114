"""Baselines hide known findings by fingerprint, survive unrelated edits, show new ones."""

from __future__ import annotations

import json

import pytest

from filinglint.cli import main
from tests.conftest import replace_once


def check(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(["check", "--output-format", "json", *argv])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


@pytest.fixture
def seed_copy(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def write_baseline(capsys, baseline, path) -> None:
    assert main(["check", "--write-baseline", str(baseline), str(path)]) == 0
    captured = capsys.readouterr()
    assert "Wrote 2 findings to the baseline" in captured.err


def test_baseline_hides_the_seed_findings(seed_copy, tmp_path, capsys):
    baseline = tmp_path / "filinglint-baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    document = json.loads(baseline.read_text())
    assert [f["code"] for f in document["findings"]] == ["FEE001", "EXH001"]
    assert check(capsys, "--baseline", str(baseline), str(seed_copy))[:2] == (0, [])
    assert main(["check", "--baseline", str(baseline), str(seed_copy)]) == 0
    out = capsys.readouterr().out
    assert "All checks passed!" in out
    assert "2 known findings hidden by the baseline" in out


def test_baseline_survives_lines_added_above(seed_copy, seed_text, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    seed_copy.write_text("\n" * 10 + seed_text, encoding="utf-8")
    assert check(capsys, "--baseline", str(baseline), str(seed_copy))[:2] == (0, [])


def test_baseline_survives_editing_another_exhibit(seed_copy, seed_text, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    edited = seed_text.replace("Stipulation of", "Stipulation and Agreement of")
    assert edited.count("Stipulation and Agreement") == 2
    seed_copy.write_text(edited, encoding="utf-8")
    assert check(capsys, "--baseline", str(baseline), str(seed_copy))[:2] == (0, [])


def test_new_defect_still_shows(seed_copy, seed_text, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    broken = replace_once(
        seed_text, "Wednesday, April 23, 2003, unless", "Thursday, April 23, 2003, unless"
    )
    seed_copy.write_text(broken, encoding="utf-8")
    code, findings, _ = check(capsys, "--baseline", str(baseline), str(seed_copy))
    assert code == 1 and [f["code"] for f in findings] == ["DAT002"]


def test_changing_the_flagged_text_unhides_it(seed_copy, seed_text, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    seed_copy.write_text(replace_once(seed_text, "$203.00", "$204.00"), encoding="utf-8")
    code, findings, _ = check(capsys, "--baseline", str(baseline), str(seed_copy))
    assert code == 1 and [f["code"] for f in findings] == ["FEE001"]


def test_baseline_works_from_another_folder(seed_copy, tmp_path, capsys, monkeypatch):
    baseline = tmp_path / "baseline.json"
    write_baseline(capsys, baseline, seed_copy)
    monkeypatch.chdir(tmp_path)
    assert check(capsys, "--baseline", "baseline.json", "seed.txt")[:2] == (0, [])


@pytest.mark.parametrize("content", [None, "not json", '{"findings": 3}'])
def test_unusable_baseline_is_an_input_error(tmp_path, capsys, content):
    from tests.conftest import EXAMPLE

    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content)
    assert main(["check", "--baseline", str(baseline), str(EXAMPLE)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"filinglint: error: {baseline}:")
