"""The machine and CI output formats: grouped, json-lines, github, gitlab, junit, sarif.

Each is a pure ``render(diagnostics, sources)``, so most tests call it directly on the
bundled example (three findings) and on hand-made diagnostics for the edge cases; one
test checks that the CLI prints exactly the same once it offers the format.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from filinglint import __version__
from filinglint.cli import main
from filinglint.linter.diagnostics import Diagnostic, Location
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.report import get_reporter
from filinglint.linter.source import Source, decode
from filinglint.schema import load_json
from tests.conftest import EXAMPLE, ROOT, SHARED

SNAPSHOTS = Path(__file__).parent / "snapshots"
SARIF_SCHEMA = SHARED / "reference" / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLE_PATH = "examples/harborview-sc-to-i-a.txt"
NEW_FORMATS = ("grouped", "json-lines", "github", "gitlab", "junit", "sarif")
MACHINE_FORMATS = ("json-lines", "gitlab", "junit", "sarif")

# (code, line, column, end_line, end_column) of the example's three planted defects.
EXAMPLE_FINDINGS = [
    ("FEE001", 40, 54, 40, 63),
    ("DAT002", 103, 36, 103, 63),
    ("EXH001", 188, 8, 189, 31),
]


def check(text: str, path: str = EXAMPLE_PATH) -> tuple[list[Diagnostic], dict[str, Source]]:
    source = decode(text.encode("utf-8"), path)
    return Engine(list(all_rules())).check(source), {path: source}


def render(name: str, diagnostics, sources) -> str:
    return get_reporter(name)(diagnostics, sources)


def diag(**changes) -> Diagnostic:
    fields = dict(
        code="TST001",
        name="test-rule",
        severity="warning",
        message="something is off",
        path="filing.txt",
        line=2,
        column=3,
        end_line=2,
        end_column=7,
    )
    return Diagnostic(**{**fields, **changes})


@pytest.fixture
def example():
    return check(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def clean(clean_example_text):
    diagnostics, sources = check(clean_example_text, "examples/clean.txt")
    assert diagnostics == []
    return diagnostics, sources


@pytest.fixture
def sarif_validator():
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"SARIF 2.1.0 schema not available ({SARIF_SCHEMA} is absent)")
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


# --- every new format ---------------------------------------------------------------


@pytest.mark.parametrize("name", NEW_FORMATS)
def test_cli_prints_what_the_reporter_renders(name, example, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    try:
        code = main(["check", "--output-format", name, EXAMPLE_PATH])
    except SystemExit as exc:
        err = capsys.readouterr().err
        if exc.code == 2 and "invalid choice" in err:
            pytest.skip(f"the CLI does not offer --output-format {name} yet")
        raise
    out = capsys.readouterr().out
    assert code == 1
    rendered = render(name, *example)
    if name in MACHINE_FORMATS:
        assert out == rendered  # nothing but the report on stdout
    else:
        assert out.startswith(rendered)


def test_every_new_format_is_registered():
    for name in NEW_FORMATS:
        assert callable(get_reporter(name))


# --- grouped ------------------------------------------------------------------------


def test_grouped_snapshot(example):
    out = render("grouped", *example)
    snapshot = SNAPSHOTS / "example-grouped.txt"
    if os.environ.get("FILINGLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


def test_grouped_groups_by_file_and_aligns_positions():
    diagnostics = [
        diag(path="a.txt", line=9, column=12),
        diag(path="a.txt", line=120, column=4, code="TST002", name="other"),
        diag(path="b.txt", line=1, column=1, message="in b"),
    ]
    assert render("grouped", diagnostics, {}) == (
        "a.txt:\n"
        "    9:12 TST001 [test-rule] something is off\n"
        "  120:4  TST002 [other] something is off\n"
        "\n"
        "b.txt:\n"
        "  1:1 TST001 [test-rule] in b\n"
        "\n"
    )


# --- json-lines ---------------------------------------------------------------------


def test_json_lines_items_match_the_json_format_and_its_schema(example):
    schema = load_json("diagnostics.schema.json")
    item_schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], **schema["items"]}
    lines = render("json-lines", *example).splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    for obj in objects:
        jsonschema.validate(obj, item_schema)
    assert objects == json.loads(render("json", *example))
    assert [(o["code"], o["line"], o["column"]) for o in objects] == [
        (code, line, column) for code, line, column, _, _ in EXAMPLE_FINDINGS
    ]


# --- github -------------------------------------------------------------------------


def test_github_annotations_exactly(example):
    assert render("github", *example).splitlines() == [
        "::error file=examples/harborview-sc-to-i-a.txt,line=40,col=54,endLine=40,endColumn=63,"
        "title=FEE001 [fee-mismatch]::stated filing fee $1,400.00 differs from the expected "
        "$1,395.00 ($25,000,000.00 × 0.0000558, the stated rate of $55.80 per $1,000,000): "
        "overpaid by $5.00",
        "::error file=examples/harborview-sc-to-i-a.txt,line=103,col=36,endLine=103,"
        "endColumn=63,title=DAT002 [date-weekday-mismatch]::October 20, 2009 is a Tuesday, "
        "not a Wednesday",
        "::error file=examples/harborview-sc-to-i-a.txt,line=188,col=8,endLine=189,"
        "endColumn=31,title=EXH001 [exhibit-index-mismatch]::exhibit (a)(5)(B) differs "
        'between Item 12 and the index: marker "**" (filed herewith) in Item 12 but "*" '
        "(previously filed) in the index",
    ]


def test_github_escapes_message_and_properties():
    tricky = diag(
        path="drafts,v2/a:b 100%.txt",
        message="100% sure: fee, rate\r\nsecond line\nthird",
    )
    out = render("github", [tricky, diag(severity="info"), diag(severity="error")], {})
    assert out.splitlines() == [
        "::warning file=drafts%2Cv2/a%3Ab 100%25.txt,line=2,col=3,endLine=2,endColumn=7,"
        "title=TST001 [test-rule]::100%25 sure: fee, rate%0D%0Asecond line%0Athird",
        "::notice file=filing.txt,line=2,col=3,endLine=2,endColumn=7,"
        "title=TST001 [test-rule]::something is off",
        "::error file=filing.txt,line=2,col=3,endLine=2,endColumn=7,"
        "title=TST001 [test-rule]::something is off",
    ]


# --- gitlab -------------------------------------------------------------------------


def test_gitlab_code_quality_structure(example):
    issues = json.loads(render("gitlab", *example))
    assert [(i["check_name"], i["location"]["lines"]) for i in issues] == [
        (code, {"begin": line, "end": end_line}) for code, line, _, end_line, _ in EXAMPLE_FINDINGS
    ]
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] == "critical"
        assert issue["location"]["path"] == EXAMPLE_PATH
        assert issue["description"].startswith(issue["check_name"] + " [")
        assert len(issue["fingerprint"]) == 32
        int(issue["fingerprint"], 16)
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_lines_inserted_above(example_text):
    before = json.loads(render("gitlab", *check(example_text)))
    after = json.loads(render("gitlab", *check("\n" * 10 + example_text)))
    assert [i["location"]["lines"]["begin"] + 10 for i in before] == [
        i["location"]["lines"]["begin"] for i in after
    ]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]


def test_gitlab_fingerprints_are_unique_across_copies_of_a_filing(example_text):
    first, first_sources = check(example_text, "a/filing.txt")
    second, second_sources = check(example_text, "b/filing.txt")
    issues = json.loads(render("gitlab", first + second, {**first_sources, **second_sources}))
    assert len({i["fingerprint"] for i in issues}) == 6


def test_gitlab_severities():
    issues = json.loads(
        render(
            "gitlab",
            [diag(severity=s, line=n) for n, s in enumerate(("error", "warning", "info"), 1)],
            {},
        )
    )
    assert [i["severity"] for i in issues] == ["critical", "major", "info"]


# --- junit --------------------------------------------------------------------------


def test_junit_one_failing_testcase_per_rule_and_file(example):
    out = render("junit", *example)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "3", "0")
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == EXAMPLE_PATH
    assert (suite.get("tests"), suite.get("failures")) == ("3", "3")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "DAT002 date-weekday-mismatch",
        "EXH001 exhibit-index-mismatch",
        "FEE001 fee-mismatch",
    ]
    assert {c.get("classname") for c in cases} == {EXAMPLE_PATH}
    failure = cases[0].find("failure")
    assert failure.get("type") == "DAT002"
    assert failure.get("message") == "October 20, 2009 is a Tuesday, not a Wednesday"
    assert failure.text == "103:36 October 20, 2009 is a Tuesday, not a Wednesday"


def test_junit_groups_findings_of_one_rule_and_passes_clean_files():
    diagnostics = [
        diag(path="a.txt", line=3, column=1, message='fee "<$5>" & more'),
        diag(path="a.txt", line=9, column=2, message="second"),
        diag(path="a.txt", code="TST002", name="note", severity="info", message="page\x0cbreak"),
    ]
    sources = {"a.txt": None, "clean.txt": None}
    root = ET.fromstring(render("junit", diagnostics, sources))
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    first, second = root.findall("testsuite")
    failing, informative = first.findall("testcase")
    failure = failing.find("failure")
    assert failure.get("message") == "2 findings"
    assert failure.text.splitlines() == ['3:1 fee "<$5>" & more', "9:2 second"]
    assert informative.find("failure") is None  # info findings do not fail
    assert informative.find("system-out").text == "2:3 page\\x0cbreak"
    assert second.get("name") == "clean.txt"
    assert [c.get("name") for c in second.findall("testcase")] == ["filinglint"]
    assert (second.get("tests"), second.get("failures")) == ("1", "0")


# --- sarif --------------------------------------------------------------------------


def test_sarif_validates_and_describes_every_rule(example, sarif_validator):
    log = json.loads(render("sarif", *example))
    sarif_validator.validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("filinglint", __version__)
    rules = all_rules()
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in rules]
    for described, rule in zip(driver["rules"], rules, strict=True):
        assert described["name"] == rule.name
        assert described["shortDescription"]["text"] == rule.summary
        assert described["fullDescription"]["text"]
        assert "##" not in described["fullDescription"]["text"]
        assert described["help"]["markdown"] == rule.docs
        assert described["helpUri"].endswith(f"/docs/rules/{rule.code}.md")
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        assert described["defaultConfiguration"]["level"] == level
    fee = next(r for r in driver["rules"] if r["id"] == "FEE001")
    assert fee["fullDescription"]["text"].startswith(
        "Checks that the filing fee in the CALCULATION OF FILING FEE table equals"
    )
    assert fee["fullDescription"]["text"].endswith("A table with no stated rate is not checked.")


def test_sarif_results_point_at_the_findings(example):
    _, sources = example
    (run,) = json.loads(render("sarif", *example))["runs"]
    results = run["results"]
    assert len(results) == 3
    regions = []
    for result in results:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == EXAMPLE_PATH
        region = physical["region"]
        regions.append(
            (
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
            )
        )
        assert len(result["partialFingerprints"]["filinglint/v1"]) == 32
    assert regions == EXAMPLE_FINDINGS
    source = sources[EXAMPLE_PATH]
    fee_region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert source.line(40)[fee_region["startColumn"] - 1 : fee_region["endColumn"] - 1] == (
        "$1,400.00"
    )
    related = results[0]["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["message"]["text"] == "transaction valuation $25,000,000.00"
    assert related[0]["physicalLocation"]["region"]["startColumn"] == 18


def test_sarif_uris_are_percent_encoded(sarif_validator, tmp_path):
    spaced = "my filings/Harbor View #1 100%.txt"
    absolute = str(tmp_path / "final draft.txt")
    diagnostics = [
        diag(
            path=spaced,
            related=(
                Location(path=spaced, line=1, column=1, end_line=1, end_column=2, message="x"),
            ),
        ),
        diag(path=absolute, severity="info"),
    ]
    log = json.loads(render("sarif", diagnostics, {}))
    sarif_validator.validate(log)
    first, second = log["runs"][0]["results"]
    encoded = "my%20filings/Harbor%20View%20%231%20100%25.txt"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == encoded
    assert first["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == encoded
    assert "ruleIndex" not in first  # a code no registered rule has
    uri = second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == Path(absolute).as_uri()
    assert uri.startswith("file:///") and uri.endswith("/final%20draft.txt")
    assert second["level"] == "note"


# --- no findings --------------------------------------------------------------------


def test_no_findings_every_format_is_still_valid(clean, sarif_validator):
    diagnostics, sources = clean
    assert render("grouped", diagnostics, sources) == ""
    assert render("json-lines", diagnostics, sources) == ""
    assert render("github", diagnostics, sources) == ""
    assert json.loads(render("gitlab", diagnostics, sources)) == []
    root = ET.fromstring(render("junit", diagnostics, sources))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")
    assert root.find("testsuite/testcase").get("name") == "filinglint"
    log = json.loads(render("sarif", diagnostics, sources))
    sarif_validator.validate(log)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(all_rules())


def test_no_inputs_at_all():
    assert json.loads(render("gitlab", [], {})) == []
    root = ET.fromstring(render("junit", [], {}))
    assert (root.get("tests"), root.get("failures")) == ("0", "0")
