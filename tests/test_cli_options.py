"""Options users rely on in scripts and CI: exit codes, statistics, colour, output files."""

from __future__ import annotations

import json

import jsonschema

from filinglint.cli import main
from filinglint.schema import load_json
from tests.conftest import EXAMPLE


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_zero_keeps_the_output(capsys):
    code, out, _ = run(capsys, "check", "--exit-zero", "--output-format", "concise", str(EXAMPLE))
    assert code == 0 and out.count("harborview") == 3


def test_statistics(capsys):
    code, out, _ = run(capsys, "check", "--statistics", str(EXAMPLE))
    assert code == 1
    assert out.splitlines()[:3] == [
        "    1  DAT002  date-weekday-mismatch",
        "    1  EXH001  exhibit-index-mismatch",
        "    1  FEE001  fee-mismatch",
    ]


def test_quiet_drops_the_summary(capsys):
    _, out, err = run(capsys, "check", "-q", "--output-format", "concise", str(EXAMPLE))
    assert "Found" not in out and err == ""
    assert len(out.splitlines()) == 3


def test_no_show_source_drops_code_frames(capsys):
    _, out, _ = run(capsys, "check", "--no-show-source", str(EXAMPLE))
    assert " | " not in out and "= hint:" in out


def test_colour_choices(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" in run(capsys, "check", "--color", "always", str(EXAMPLE))[1]
    assert "\x1b[" not in run(capsys, "check", str(EXAMPLE))[1]  # auto, not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, "check", str(EXAMPLE))[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "check", str(EXAMPLE))[1]
    assert "\x1b[" not in run(capsys, "check", "--color", "never", str(EXAMPLE))[1]


def test_output_files_beside_stdout(tmp_path, capsys):
    json_path = tmp_path / "out" / "findings.json"
    sarif_path = tmp_path / "findings.sarif"
    code, out, _ = run(
        capsys,
        "check",
        "--output-file",
        f"json={json_path}",
        "--output-file",
        f"sarif={sarif_path}",
        str(EXAMPLE),
    )
    assert code == 1 and "Found 3 errors." in out
    findings = json.loads(json_path.read_text())
    jsonschema.validate(findings, load_json("diagnostics.schema.json"))
    assert len(findings) == 3
    assert len(json.loads(sarif_path.read_text())["runs"][0]["results"]) == 3


def test_bad_output_file_is_a_usage_error(capsys):
    code, out, err = run(capsys, "check", "--output-file", "xml=a.xml", str(EXAMPLE))
    assert code == 2 and out == "" and "FORMAT=PATH" in err


def test_fail_on_error_ignores_warnings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "filinglint.toml").write_text('[severity]\nFEE001 = "warning"\nDAT = "info"\n')
    (tmp_path / "f.txt").write_text(EXAMPLE.read_text())
    code, out, _ = run(capsys, "check", "--select", "FEE,DAT", "f.txt")
    assert code == 1 and "Found 1 warning, 1 info." in out
    assert run(capsys, "check", "--select", "FEE,DAT", "--fail-on", "error", "f.txt")[0] == 0


def test_no_progress_when_stderr_is_not_a_terminal(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(EXAMPLE.read_text())
    _, _, err = run(capsys, "check", str(tmp_path))
    assert err == ""


def test_rules_table_shows_fixability(capsys):
    _, out, _ = run(capsys, "rules")
    header = out.splitlines()[0].split()
    assert header == ["code", "name", "severity", "fix", "forms", "summary"]


def test_rules_table_and_rule_page_show_forms(capsys):
    _, out, _ = run(capsys, "rules")
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    start = out.splitlines()[0].index("forms")
    assert rows["BOX001"][start:].startswith("SC TO-* ")
    assert rows["BOX003"][start:].startswith("SC TO-*,SC 13E3 ")
    assert rows["DAT001"][start:].startswith("all ")
    _, out, _ = run(capsys, "rule", "BOX001")
    assert "Applies to SC TO-* (and their amendments)" in out.split("\n\n")[1]
    _, out, _ = run(capsys, "rule", "DAT001")
    assert "Applies to every form." in out
    _, out, _ = run(capsys, "rule", "--output-format", "json", "EXH001")
    assert json.loads(out)["forms"] == ["SC TO-*", "SC 13E3", "SC 14D9"]


def test_progress_on_a_terminal(monkeypatch):
    import io

    from filinglint import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    progress = cli._Progress(enabled=True)
    progress.update(1, 0)
    progress.update(2, 3)
    progress.close()
    assert "\rfilinglint: 2 files checked, 3 findings" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")
    quiet = cli._Progress(enabled=False)
    quiet.update(1, 1)
    assert not quiet.shown


_UNTITLED_TO_COVER = (
    "Check the appropriate boxes below to designate any transactions to which the\n"
    "statement relates:\n"
    "[ ]  third-party tender offer subject to Rule 14d-1.\n"
    "[ ]  issuer tender offer subject to Rule 13e-4.\n"
)


def test_form_option_and_setting_say_what_an_untitled_file_is(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cover.txt").write_text(_UNTITLED_TO_COVER, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--isolated", "--output-format", "concise", "cover.txt")
    assert code == 1 and "BOX001" in out  # form unknown: every rule
    code, out, _ = run(
        capsys, "check", "--isolated", "--form", "SC 14D9", "--output-format", "concise", "."
    )
    assert code == 0 and "BOX001" not in out
    _, out, _ = run(capsys, "parse", "--form", "SC 14D9", "cover.txt")
    assert out.startswith("form: SC 14D9 (from option)")
    (tmp_path / "filinglint.toml").write_text('form = "SC 13E3"\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "cover.txt")
    assert code == 0 and "BOX001" not in out
    _, out, _ = run(capsys, "config", "cover.txt")
    assert 'form = "SC 13E3"' in out


def test_statistics_as_json(capsys):
    code, out, _ = run(capsys, "check", "--statistics", "--output-format", "json", str(EXAMPLE))
    assert code == 1
    rows = json.loads(out)
    assert {"code": "FEE001", "name": "fee-mismatch", "count": 1, "fixable": True} in rows
    assert [row["count"] for row in rows] == sorted((row["count"] for row in rows), reverse=True)
    code, out, _ = run(
        capsys, "check", "--statistics", "--output-format", "json-lines", str(EXAMPLE)
    )
    assert [json.loads(line) for line in out.splitlines()] == rows


def test_rule_all(capsys):
    from filinglint.linter.registry import all_rules

    codes = [r.code for r in all_rules()]
    code, out, _ = run(capsys, "rule", "--all")
    assert code == 0
    assert [line.split("(")[-1].rstrip(")") for line in out.splitlines() if line.startswith("# ")][
        : len(codes)
    ] == codes
    code, out, _ = run(capsys, "rule", "--all", "--output-format", "json")
    assert [r["code"] for r in json.loads(out)] == codes
    assert run(capsys, "rule")[0] == 2
    assert run(capsys, "rule", "FEE001", "--all")[0] == 2


def test_version_command(capsys):
    from filinglint import __version__

    assert run(capsys, "version") == (0, f"filinglint {__version__}\n", "")
    _, out, _ = run(capsys, "version", "--output-format", "json")
    assert json.loads(out) == {"version": __version__}
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out == f"filinglint {__version__}\n"
