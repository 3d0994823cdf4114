"""Reading inputs: encodings, line ends, damaged and unreadable files, stdin.

Through ``source.read_path`` directly and through the CLI (``cli.main``), which must
answer an unreadable input with exit code 2 and one line on stderr, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from filinglint.cli import main
from filinglint.linter.source import InputError, read_path

DATA = Path(__file__).resolve().parent / "data"
LAKESHORE = DATA / "lakeshore-sc-to-t.txt"

# A small fictional filing with one known finding: a date that does not exist (DAT001).
FILING = (
    "                              SCHEDULE TO\n"
    "\n"
    "     Marlowe Kettleworks, Inc. offers to purchase its common stock.\n"
    "\tThe offer will expire at 5:00 p.m. on April 31, 2003, unless extended.\n"
    "\n"
    "SIGNATURE\n"
    "\n"
    "     By: /s/ Ada Quintero\n"
)
BAD_DATE = "April 31, 2003"
BAD_DATE_LINE = 4
BAD_DATE_COLUMN = FILING.split("\n")[3].index(BAD_DATE) + 1


def check_json(capsys, *args: str) -> tuple[int, list[dict], str]:
    """Run ``filinglint check --output-format json`` and return (exit, findings, stderr)."""
    code = main(["check", "--output-format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def check_concise(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--output-format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *words: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("filinglint: error: ")
    for word in words:
        assert word in lines[0]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_utf8_with_and_without_bom(tmp_path: Path, bom: bytes) -> None:
    text = "Offer to purchase — “Shares” of Zephyrine Mills, Inc.\nJune 4, 2001\n"
    source = read_path(write(tmp_path, "f.txt", bom + text.encode("utf-8")))
    assert source.text == text
    assert not source.text.startswith("\ufeff")
    assert source.encoding == "utf-8"
    assert source.notes == []


def test_bom_does_not_shift_columns(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "f.txt", b"\xef\xbb\xbf" + FILING.encode())
    code, findings, _ = check_json(capsys, path)
    assert code == 1
    (finding,) = findings
    assert finding["code"] == "DAT001"
    assert (finding["line"], finding["column"]) == (BAD_DATE_LINE, BAD_DATE_COLUMN)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_read_with_an_info_note(tmp_path: Path, encoding: str) -> None:
    text = "Caf\xe9 Holdings\nthe \xabOffer\xbb expires.\n"
    source = read_path(write(tmp_path, "f.txt", text.encode(encoding)))
    assert source.text == text
    assert source.encoding == "windows-1252"
    (note,) = source.notes
    assert note.severity == "info"
    assert source.position(note.offset) == (1, 4)


def test_smart_quotes_give_fl001(tmp_path: Path, capsys) -> None:
    text = FILING.replace("its common stock", "its \u201ccommon stock\u201d")
    path = write(tmp_path, "smart.txt", text.encode("cp1252"))
    code, findings, err = check_json(capsys, path)
    assert err == ""
    assert code == 1  # the DAT001 error; FL001 alone is only info
    codes = {f["code"]: f for f in findings}
    assert set(codes) == {"FL001", "DAT001"}
    note = codes["FL001"]
    assert note["name"] == "non-utf8-text"
    assert note["severity"] == "info"
    assert "0x93" in note["message"]
    assert note["line"] == 3
    assert note["column"] == text.split("\n")[2].index("\u201c") + 1
    assert (note["end_line"], note["end_column"]) == (3, note["column"] + 1)
    assert (codes["DAT001"]["line"], codes["DAT001"]["column"]) == (
        BAD_DATE_LINE,
        BAD_DATE_COLUMN,
    )


def test_fl001_alone_exits_clean(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "f.txt", "\x93Quoted\x94 text only.\n".encode("latin-1"))
    code, findings, _ = check_json(capsys, path)
    assert code == 0
    assert [f["code"] for f in findings] == ["FL001"]


def test_undecodable_byte_gives_fl002(tmp_path: Path, capsys) -> None:
    data = b"Kestrel Rope Co.\nA stray \x9d byte here.\n"
    source = read_path(write(tmp_path, "f.txt", data))
    (note,) = source.notes
    assert note.severity == "error"
    assert source.position(note.offset) == (2, 9)
    assert source.text.split("\n")[1][8] == "\x9d"
    code, findings, _ = check_json(capsys, str(tmp_path / "f.txt"))
    assert code == 1
    (finding,) = findings
    assert finding["code"] == "FL002"
    assert finding["name"] == "undecodable-bytes"
    assert finding["severity"] == "error"
    assert "0x9D" in finding["message"]
    assert (finding["line"], finding["column"]) == (2, 9)


def test_undecodable_byte_after_crlf_lines(tmp_path: Path, capsys) -> None:
    data = b"line one\r\nline two\r\nbad \x8f here\r\n"
    code, findings, _ = check_json(capsys, write(tmp_path, "f.txt", data))
    assert code == 1
    (finding,) = findings
    assert finding["code"] == "FL002"
    assert (finding["line"], finding["column"]) == (3, 5)


def test_smart_quote_after_crlf_lines(tmp_path: Path, capsys) -> None:
    data = b"line one\r\nline two\r\n\r\nsaid \x93hello\x94\r\n"
    code, findings, _ = check_json(capsys, write(tmp_path, "f.txt", data))
    assert code == 0
    (finding,) = findings
    assert finding["code"] == "FL001"
    assert (finding["line"], finding["column"]) == (4, 6)


# --- line ends and tabs ------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_ends_keep_line_numbers(tmp_path: Path, capsys, newline: str) -> None:
    lf = write(tmp_path, "lf.txt", FILING.encode())
    other = write(tmp_path, "other.txt", FILING.replace("\n", newline).encode())
    source = read_path(other)
    assert "\r" not in source.text
    assert source.text == FILING
    _, lf_findings, _ = check_json(capsys, lf)
    code, other_findings, _ = check_json(capsys, other)
    assert code == 1
    assert lf_findings
    strip = [{k: v for k, v in f.items() if k != "path"} for f in lf_findings]
    assert [{k: v for k, v in f.items() if k != "path"} for f in other_findings] == strip
    assert (other_findings[0]["line"], other_findings[0]["column"]) == (
        BAD_DATE_LINE,
        BAD_DATE_COLUMN,
    )


def test_mixed_line_ends(tmp_path: Path) -> None:
    source = read_path(write(tmp_path, "f.txt", b"a\r\nb\rc\nd\r\n\r\ne"))
    assert source.text == "a\nb\nc\nd\n\ne"
    assert source.line_count == 6
    assert source.line(6) == "e"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_lakeshore_line_ends_give_the_same_ast(tmp_path: Path, capsys, newline: str) -> None:
    from filinglint.linter.build import build

    text = LAKESHORE.read_text(encoding="utf-8")
    path = write(tmp_path, "lake.txt", text.replace("\n", newline).encode())
    assert build(read_path(path).text) == build(read_path(str(LAKESHORE)).text)
    assert main(["parse", path]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Traceback" not in out


def test_tab_counts_as_one_column(tmp_path: Path, capsys) -> None:
    code, findings, _ = check_json(capsys, write(tmp_path, "t.txt", FILING.encode()))
    assert code == 1
    (finding,) = findings
    line = FILING.split("\n")[BAD_DATE_LINE - 1]
    assert line.startswith("\t")
    start, end = finding["column"] - 1, finding["end_column"] - 1
    assert line[start:end] == BAD_DATE


def test_tabs_in_full_output_do_not_crash(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "t.txt", FILING.encode())
    assert main(["check", path]) == 1
    out, err = capsys.readouterr()
    assert "DAT001" in out
    assert "Traceback" not in out + err


# --- unreadable inputs -------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path: Path, capsys, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(InputError, match="empty"):
        read_path(path)
    code = main(["check", path])
    out, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, path, "empty")
    assert "Traceback" not in out


def test_binary_file(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_path(path)
    code = main(["check", path])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, path, "NUL")


def test_directory_with_one_good_and_one_bad_file(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "a-bad.txt").write_bytes(b"")
    (folder / "b-good.txt").write_bytes(FILING.encode())
    (folder / "ignored.pdf").write_bytes(b"%PDF\x00")
    code, findings, err = check_json(capsys, str(folder))
    assert code == 2
    assert_one_line_error(err, "a-bad.txt")
    assert [f["path"] for f in findings] == [str(folder / "b-good.txt")]
    assert findings[0]["code"] == "DAT001"


def test_directory_as_a_file_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path))


def test_missing_path(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "no-such-filing.txt")
    with pytest.raises(InputError, match="no such file"):
        read_path(path)
    code = main(["check", path])
    out, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, path, "no such file")
    assert "Traceback" not in out


def test_missing_path_does_not_stop_other_inputs(tmp_path: Path, capsys) -> None:
    good = write(tmp_path, "good.txt", FILING.encode())
    code, findings, err = check_json(capsys, str(tmp_path / "missing.txt"), good)
    assert code == 2
    assert_one_line_error(err, "missing.txt")
    assert [f["path"] for f in findings] == [good]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_broken_symlink(tmp_path: Path, capsys) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        read_path(str(link))
    code = main(["check", str(link)])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, str(link), "broken symbolic link")


def test_parse_command_on_unreadable_input(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert main(["parse", path]) == 2
    _, err = capsys.readouterr()
    assert_one_line_error(err, path)


# --- stdin -----------------------------------------------------------------------------


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(FILING.replace("\n", "\r\n").encode()))
    code, findings, err = check_json(capsys, "-")
    assert code == 1
    assert err == ""
    (finding,) = findings
    assert finding["path"] == "<stdin>"
    assert (finding["line"], finding["column"]) == (BAD_DATE_LINE, BAD_DATE_COLUMN)


def test_stdin_filename(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(FILING.encode()))
    code, out, _ = check_concise(capsys, "--stdin-filename", "drafts/offer.txt", "-")
    assert code == 1
    assert out.startswith(f"drafts/offer.txt:{BAD_DATE_LINE}:{BAD_DATE_COLUMN}: DAT001 ")


def test_stdin_read_path(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"\xef\xbb\xbfhello\r\nworld"))
    source = read_path("-")
    assert source.path == "<stdin>"
    assert source.text == "hello\nworld"


def test_empty_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b""))
    code = main(["check", "-"])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, "<stdin>", "empty")


# --- damaged filings ---------------------------------------------------------------------


@pytest.mark.parametrize("fraction", [0.5, 0.25, 0.75, 0.1])
def test_truncated_filing(tmp_path: Path, capsys, fraction: float) -> None:
    data = LAKESHORE.read_bytes()
    path = write(tmp_path, "cut.txt", data[: int(len(data) * fraction)])
    code, findings, err = check_json(capsys, path)
    assert "Traceback" not in err
    assert err == ""
    assert code in (0, 1)
    assert all(f["code"] != "FL900" for f in findings)
    assert main(["parse", path]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err


def test_truncated_filing_first_half(tmp_path: Path, capsys) -> None:
    data = LAKESHORE.read_bytes()
    path = write(tmp_path, "half.txt", data[: len(data) // 2])
    code, out, err = check_concise(capsys, path)
    assert code in (0, 1)
    assert "Traceback" not in out + err
    assert "FL900" not in out
    source = read_path(path)
    assert source.text == data[: len(data) // 2].decode()


def test_truncated_in_the_middle_of_a_utf8_character(tmp_path: Path, capsys) -> None:
    data = "Offer for “Shares”".encode()
    path = write(tmp_path, "cut.txt", data[:-2])  # cuts the closing quote in two
    code, findings, err = check_json(capsys, path)
    assert err == ""
    assert code == 0
    assert [f["code"] for f in findings] == ["FL001"]


def test_lakeshore_is_clean(capsys) -> None:
    code, findings, err = check_json(capsys, str(LAKESHORE))
    assert (code, findings, err) == (0, [], "")


def test_file_with_only_a_bom_is_empty(tmp_path: Path, capsys) -> None:
    """Regression: emptiness was tested before the BOM was removed."""
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf\r\n")
    code = main(["check", path])
    _, err = capsys.readouterr()
    assert code == 2
    assert_one_line_error(err, path, "empty")
