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


# --- issue 11: discovery problems, BOM, stdin, the config command, CLI excludes ------------


def _one_error(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    [line] = captured.err.splitlines()
    assert line.startswith("filinglint: error: ")
    return line


@pytest.mark.parametrize("name", ["pyproject.toml", "filinglint.toml"])
@pytest.mark.parametrize("how", ["discovered", "--config"])
def test_a_config_that_is_not_utf8_is_one_line(project, capsys, name, how):
    (project / name).write_bytes(b'[tool.filinglint]\nselect = ["FEE"]\n# caf\xe9\n')
    extra = ["--config", name] if how == "--config" else []
    assert main(["check", *extra, "filings"]) == 2
    line = _one_error(capsys)
    assert f"{name}:3: configuration is not UTF-8 (byte" in line


@pytest.mark.parametrize(
    "content",
    [
        "[tool.filinglint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n",
        "[tool.filinglint]\n[tool.filinglint.fee-mismatch]\nx = " + "{a=" * 3000 + "1" + "}" * 3000,
        "[tool]\nother = " + "[" * 5000 + "]" * 5000 + "\n[tool.filinglint]\n",
    ],
    ids=["select", "inline-tables", "another-tool"],
)
@pytest.mark.parametrize("how", ["discovered", "--config"])
def test_a_deeply_nested_config_is_one_line(project, capsys, content, how):
    (project / "pyproject.toml").write_text(content)
    extra = ["--config", "pyproject.toml"] if how == "--config" else []
    assert main(["check", *extra, "filings"]) == 2
    line = _one_error(capsys)
    assert "pyproject.toml" in line and ("nested too deeply" in line or "tool.filinglint" in line)


def test_tool_filinglint_that_is_not_a_table_is_one_line(project, capsys):
    (project / "pyproject.toml").write_text('tool = {filinglint = "FEE"}\n# [tool.filinglint]\n')
    assert main(["check", "--config", "pyproject.toml", "filings"]) == 2
    assert "tool.filinglint: a str, not a table" in _one_error(capsys)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pyproject.toml", '[tool.filinglint]\nselect = ["FEE"]\n'),
        ("filinglint.toml", 'select = ["FEE"]\n'),
    ],
)
def test_a_byte_order_mark_is_accepted(project, capsys, name, content):
    (project / name).write_bytes(b"\xef\xbb\xbf" + content.encode())
    assert codes(capsys, "filings") == (1, ["FEE001"])


@pytest.mark.parametrize("where", [None, "."])
def test_config_command_in_the_folder_holding_pyproject(project, capsys, where):
    (project / "pyproject.toml").write_text('[tool.filinglint]\nselect = ["FEE"]\n')
    assert main(["config", *([where] if where else []), "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["config-file"] == str(project / "pyproject.toml")
    assert data["select"] == ["FEE"]
    assert codes(capsys, ".") == (1, ["FEE001"])  # and check uses that same file


def test_a_folder_uses_its_own_config_not_its_parents(project, capsys):
    (project / "filinglint.toml").write_text('select = ["FEE"]\n')
    (project / "filings" / "filinglint.toml").write_text('select = ["DAT"]\n')
    assert main(["config", "filings", "--output-format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["select"] == ["DAT"]


def _stdin(monkeypatch, text: str) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_stdin_uses_the_discovered_config(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.filinglint]\nselect = ["FEE"]\n')
    _stdin(monkeypatch, EXAMPLE.read_text(encoding="utf-8"))
    assert codes(capsys, "-") == (1, ["FEE001"])


def test_stdin_filename_picks_config_and_per_file_ignores(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text(
        '[tool.filinglint]\nselect = ["FEE", "EXH"]\n'
        '[tool.filinglint.per-file-ignores]\n"filings/*" = ["FEE"]\n'
    )
    (project / "filings" / "filinglint.toml").write_text('select = ["DAT"]\n')
    text = EXAMPLE.read_text(encoding="utf-8")
    _stdin(monkeypatch, text)
    # filings/ has its own configuration: DAT only.
    assert codes(capsys, "-", "--stdin-filename", "filings/x.txt") == (1, ["DAT002"])
    (project / "filings" / "filinglint.toml").unlink()
    _stdin(monkeypatch, text)
    assert codes(capsys, "-", "--stdin-filename", "filings/x.txt") == (1, ["EXH001"])
    _stdin(monkeypatch, text)
    assert codes(capsys, "-", "--stdin-filename", "other/x.txt") == (1, ["FEE001", "EXH001"])


def test_cli_exclude_and_extend_exclude(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.filinglint]\nselect = ["FEE"]\n')
    (project / "filings" / "build").mkdir()
    shutil.copy(EXAMPLE, project / "filings" / "build" / "copy.txt")
    assert main(["check", "-q", "--output-format", "concise", "filings"]) == 1
    assert "build/copy.txt" not in capsys.readouterr().out  # build/ is excluded by default
    # --exclude replaces the list (build/ is walked again), --extend-exclude adds to it.
    assert main(["check", "-q", "--output-format", "concise", "--exclude", "nothing", "."]) == 1
    assert "filings/build/copy.txt" in capsys.readouterr().out
    assert main(["check", "--extend-exclude", "example.txt,build", "filings"]) == 0
    assert "no filings found" in capsys.readouterr().err
    # A glob with a slash is relative to the working folder, not the configuration's.
    monkeypatch.chdir(project / "filings")
    assert main(["check", "--extend-exclude", "./example.txt", "."]) == 0
    capsys.readouterr()
    assert codes(capsys, "--extend-exclude", "filings/example.txt", ".") == (1, ["FEE001"])
