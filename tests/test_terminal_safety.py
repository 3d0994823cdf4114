"""Nothing from a filing, or from a file's name, reaches the terminal unescaped."""

from __future__ import annotations

import pytest

from filinglint.cli import main
from filinglint.linter.report import printable
from tests.conftest import replace_once

TITLE = "Form Notice of Guaranteed Delivery."
HOSTILE = "Form \x1b]0;pwned\x07\x1b[2J\u202eNotice of Guaranteed Delivery."


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_printable_shows_controls_and_bidi_overrides():
    assert printable("a\x1b[31mb\rc\x9bd\u202ee") == "a\\x1b[31mb\\x0dc\\x9bd\\u202ee"
    assert printable("one\ntwo\tthree") == "one\\ntwo\\tthree"
    assert printable("one\ntwo\tthree", one_line=False) == "one\ntwo\tthree"


@pytest.mark.parametrize("fmt", ["full", "concise", "grouped", "github"])
def test_a_hostile_exhibit_title_is_printed_escaped(seed_text, tmp_path, capsys, fmt):
    path = tmp_path / "hostile.txt"
    path.write_text(replace_once(seed_text, TITLE, HOSTILE), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--color", "never", "--output-format", fmt, str(path))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out


def test_a_file_name_cannot_forge_a_finding_line(seed_text, tmp_path, capsys):
    path = tmp_path / "draft\nother.txt:1:1: FEE001 [fee-mismatch] forged\x1b[2J.txt"
    path.write_text(seed_text, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--output-format", "concise", "-q", str(path))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2  # the two real findings, each on its own line
    assert all(
        "\\nother.txt:1:1: FEE001 [fee-mismatch] forged\\x1b[2J.txt:" in line for line in lines
    )


def test_an_input_error_names_the_file_escaped(tmp_path, capsys):
    missing = tmp_path / "gone\x1b[2J\n.txt"
    code, _, err = run(capsys, "check", str(missing))
    assert code == 2
    assert "\x1b" not in err and err.count("\n") == 1 and "gone\\x1b[2J\\n.txt" in err


def test_the_parse_outline_is_escaped(seed_text, tmp_path, capsys):
    path = tmp_path / "hostile.txt"
    assert seed_text.count("Rare Medium Group, Inc.\n") == 2  # the cover's is the first
    hostile = seed_text.replace("Rare Medium Group, Inc.\n", "Rare \x1b[2JMedium Group, Inc.\n", 1)
    path.write_text(hostile, encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0 and "\x1b" not in out and "Rare \\x1b[2JMedium" in out
