"""One run over the real seed writes every output format at once; each is checked."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema

from filinglint.cli import main
from filinglint.linter.report import FORMATS
from filinglint.schema import load_json
from tests.conftest import SHARED

SARIF_SCHEMA = SHARED / "reference" / "schemas" / "sarif-schema-2.1.0.json"


def test_one_run_over_the_seed_writes_every_format(seed_text, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    argv = ["check", "--output-format", "full", "seed.txt"]
    for name in FORMATS:
        argv[1:1] = ["--output-file", f"{name}=out/{name}.out"]
    assert main(argv) == 1
    assert "Found 2 errors." in capsys.readouterr().out
    out = {name: (tmp_path / "out" / f"{name}.out").read_text(encoding="utf-8") for name in FORMATS}

    findings = json.loads(out["json"])
    jsonschema.validate(findings, load_json("diagnostics.schema.json"))
    assert [(d["code"], d["line"], d["column"]) for d in findings] == [
        ("FEE001", 40, 54),
        ("EXH001", 226, 8),
    ]
    assert [json.loads(line) for line in out["json-lines"].splitlines()] == findings
    assert out["github"].splitlines() == [
        "::error file=seed.txt,line=40,col=54,endLine=40,endColumn=61,"
        f"title=FEE001 [fee-mismatch]::{findings[0]['message']}",
        "::error file=seed.txt,line=226,col=8,endLine=226,endColumn=64,"
        f"title=EXH001 [exhibit-index-mismatch]::{findings[1]['message']}",
    ]
    gitlab = json.loads(out["gitlab"])
    assert [(g["check_name"], g["location"]["lines"]["begin"]) for g in gitlab] == [
        ("FEE001", 40),
        ("EXH001", 226),
    ]
    root = ET.fromstring(out["junit"])
    assert root.get("failures") == "2"
    assert {case.get("name") for case in root.iter("testcase")} == {
        "FEE001 fee-mismatch",
        "EXH001 exhibit-index-mismatch",
    }
    sarif = json.loads(out["sarif"])
    if SARIF_SCHEMA.exists():
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["FEE001", "EXH001"]
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 40
    assert out["concise"].splitlines()[0].startswith("seed.txt:40:54: FEE001 [fee-mismatch]")
    assert out["grouped"].startswith("seed.txt")
    assert "40 |                  $2,500,000                          $203.00" in out["full"]
