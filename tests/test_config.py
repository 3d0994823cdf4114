"""Configuration files: discovery, precedence, every key, and one-line errors."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from filinglint.cli import main
from filinglint.schema import load_json
from tests.conftest import EXAMPLE


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding a copy of the example filing, and the cache kept inside tmp."""
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "filings").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "filings" / "example.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(capsys, *argv: str) -> tuple[int, list[str]]:
    code = main(["check", "--output-format", "json", *argv])
    out = capsys.readouterr().out
    return code, [d["code"] for d in json.loads(out)]


def test_pyproject_select(project, capsys):
    (project / "pyproject.toml").write_text('[tool.filinglint]\nselect = ["FEE"]\n')
    assert codes(capsys, "filings") == (1, ["FEE001"])


def test_nearest_config_wins_and_flags_override(project, capsys):
    (project / "pyproject.toml").write_text('[tool.filinglint]\nselect = ["FEE"]\n')
    (project / "filings" / "filinglint.toml").write_text('select = ["DAT"]\n')
    assert codes(capsys, "filings")[1] == ["DAT002"]
    assert codes(capsys, "--config", "pyproject.toml", "filings")[1] == ["FEE001"]
    assert codes(capsys, "--isolated", "filings")[1] == ["FEE001", "DAT002", "EXH001"]
    assert codes(capsys, "--select", "EXH", "filings")[1] == ["EXH001"]


def test_extend_select_ignore_and_per_file_ignores(project, capsys):
    (project / "filinglint.toml").write_text(
        'select = ["FEE"]\nextend-select = ["EXH"]\n'
        '[per-file-ignores]\n"filings/*.txt" = ["exhibit-index-mismatch"]\n'
    )
    assert codes(capsys, "filings")[1] == ["FEE001"]
    (project / "filinglint.toml").write_text('ignore = ["DAT", "EXH001"]\n')
    assert codes(capsys, "filings")[1] == ["FEE001"]
    assert codes(capsys, "--ignore", "FEE", "filings") == (0, [])


def test_severity_override_and_fail_on(project, capsys):
    (project / "filinglint.toml").write_text(
        'select = ["DAT"]\n[severity]\ndate-weekday-mismatch = "warning"\n'
    )
    main(["check", "--output-format", "json", "filings"])
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["severity"] == "warning"
    assert codes(capsys, "--fail-on", "error", "filings") == (0, ["DAT002"])
    (project / "filinglint.toml").write_text('select = ["DAT"]\nfail-on = "error"\n')
    assert codes(capsys, "filings")[0] == 1  # still an error by default


def test_exclude_and_extend_exclude(project, capsys):
    (project / "drafts").mkdir()
    shutil.copy(EXAMPLE, project / "drafts" / "old.txt")
    assert len(codes(capsys, ".")[1]) == 6
    (project / "filinglint.toml").write_text('extend-exclude = ["drafts"]\n')
    assert len(codes(capsys, ".")[1]) == 3
    (project / "filinglint.toml").write_text('exclude = ["filings/*.txt"]\n')
    assert len(codes(capsys, ".")[1]) == 3


def test_rule_options(project, capsys):
    (project / "filinglint.toml").write_text("[fee-mismatch]\ntolerance-cents = 500\n")
    assert "FEE001" not in codes(capsys, "filings")[1]
    (project / "filinglint.toml").write_text("[fee-mismatch]\ntolerance-cents = 499\n")
    assert "FEE001" in codes(capsys, "filings")[1]


def test_allowed_box_combinations(project, capsys):
    (project / "filinglint.toml").write_text(
        '[transaction-type-count]\nallowed-combinations = [["third-party-tender-offer"]]\n'
    )
    assert "BOX001" in codes(capsys, "filings")[1]  # the example checks the issuer box
    (project / "filinglint.toml").write_text(
        '[transaction-type-count]\nallowed-combinations = [["issuer-tender-offer"]]\n'
    )
    assert "BOX001" not in codes(capsys, "filings")[1]


def test_output_format_from_config(project, capsys):
    (project / "filinglint.toml").write_text('output-format = "concise"\n')
    assert main(["check", "filings"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("filings/example.txt:40:54: FEE001 [fee-mismatch]")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '[tool.filinglint]\nselect = ["FEE"]\nselekt = ["DAT"]\n',
            "pyproject.toml:3: tool.filinglint.selekt: unknown key 'selekt'",
        ),
        (
            '[tool.filinglint]\nignore = []\nselect = "FEE"\n',
            "pyproject.toml:3: tool.filinglint.select: 'FEE' is not of type 'array'",
        ),
        (
            '[tool.filinglint]\n\nselect = ["FEE", "NOPE7"]\n',
            "pyproject.toml:3: unknown rule or prefix 'NOPE7'",
        ),
        (
            '[tool.filinglint.fee-mismatch]\ntolerance-cents = "5"\n',
            "pyproject.toml:2: tool.filinglint.fee-mismatch.tolerance-cents: '5' is not of type "
            "'integer'",
        ),
        (
            '[tool.filinglint]\noutput-format = "xml"\n',
            "pyproject.toml:2: tool.filinglint.output-format: 'xml' is not one of",
        ),
        ("[tool.filinglint\n", "pyproject.toml: invalid TOML"),
    ],
)
def test_bad_configs_are_one_line_errors(project, capsys, content, expected):
    (project / "pyproject.toml").write_text(content)
    assert main(["check", "filings"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("filinglint: error: ") and "Traceback" not in line
    assert expected in line


def test_valid_config_is_validated_once_then_remembered(project, capsys):
    (project / "filinglint.toml").write_text('select = ["FEE"]\n')
    assert codes(capsys, "filings")[1] == ["FEE001"]
    markers = list((project / "cache" / "validated-config").iterdir())
    assert len(markers) == 1
    (project / "filinglint.toml").write_text('select = ["FEE"]\nbogus = 1\n')
    assert main(["check", "filings"]) == 2  # new content, validated again
    capsys.readouterr()


def test_config_command_prints_effective_settings(project, capsys):
    (project / "filinglint.toml").write_text(
        'select = ["FEE", "DAT"]\n[fee-mismatch]\ntolerance-cents = 3\n'
    )
    assert main(["config", "filings/example.txt", "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["config-file"].endswith("filinglint.toml")
    assert data["select"] == ["FEE", "DAT"] and data["fee-mismatch"] == {"tolerance-cents": 3}
    settings = {k: v for k, v in data.items() if k != "config-file"}
    jsonschema.validate(settings, load_json("config.schema.json"))
    assert main(["config", "filings/example.txt"]) == 0
    text = capsys.readouterr().out
    assert 'select = ["FEE", "DAT"]' in text and "[fee-mismatch]" in text


def test_config_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(load_json("config.schema.json"))
