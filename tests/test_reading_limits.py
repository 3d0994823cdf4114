"""Damaged and extreme input: form feeds, NUL bytes, a 1 MB line, a 100 MB submission."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from filinglint.cli import main
from tests.conftest import EXAMPLE, lint
from tests.submissions import sgml_submission

MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, peak)\n"
    "sys.stdout.write(done.stdout)\n"
)


def test_form_feeds_between_pages(example_text):
    text = example_text.replace("<PAGE>", "\f<PAGE>")
    assert [d.code for d in lint(text)] == ["FEE001", "DAT002", "EXH001"]


def test_nul_bytes_inside_the_text_do_not_break_reading(tmp_path, capsys):
    path = tmp_path / "nul.txt"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"SIGNATURES", b"SIGNA\x00TURES"))
    assert main(["check", "--output-format", "concise", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FEE001" in out and "Traceback" not in out
    assert "FL002 [undecodable-bytes] NUL byte (0x00) in the text" in out


def test_a_one_megabyte_line(example_text):
    text = example_text.replace("<PAGE>", "x" * 1_000_000 + "\n<PAGE>", 1)
    assert [d.code for d in lint(text)] == ["FEE001", "DAT002", "EXH001"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file(tmp_path, capsys):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    assert main(["check", str(path)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"filinglint: error: {path}: cannot read (Permission denied)"
    )


def test_a_100_mb_submission_is_read_in_bounded_memory(tmp_path):
    head, tail = sgml_submission(
        EXAMPLE.read_text(encoding="utf-8"),
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
        exhibits=(("EX-99.(A)(5)(B)", "release"), ("GRAPHIC", "@@PICTURE@@")),
    ).split("@@PICTURE@@")
    path = tmp_path / "big.txt"
    line = b"M" + b"A" * 60 + b"\n"
    with open(path, "wb") as handle:
        handle.write(head.encode() + b"begin 644 big.jpg\n")
        for _ in range(1650):
            handle.write(line * 1000)
        handle.write(b"`\nend\n" + tail.encode())
    assert path.stat().st_size > 100_000_000
    command = [sys.executable, "-m", "filinglint", "check", "--output-format", "concise", str(path)]
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    status, peak_kib = result.stdout.split("\n", 1)[0].split()
    assert status == "1"  # the example's three planted defects, on the right lines
    assert ":131:36: DAT002" in result.stdout and "FL003 [binary-document]" in result.stdout
    assert int(peak_kib) < 200 * 1024, f"peak memory {int(peak_kib) // 1024} MiB"
