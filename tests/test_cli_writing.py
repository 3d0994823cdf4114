"""Files the CLI writes (--output-file, --write-baseline, --fix): through symbolic links,
never renaming over a device, one-line errors with exit 2, and no temporary file left,
not even by a killed process (see filinglint/linter/writing.py)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading

import pytest

from filinglint.cli import main
from filinglint.linter import fixes, writing
from tests.conftest import EXAMPLE, ROOT


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if writing.TEMP_MARK in p.name)


@pytest.fixture
def example(tmp_path):
    copy = tmp_path / "in" / "example.txt"
    copy.parent.mkdir()
    shutil.copy(EXAMPLE, copy)
    return copy


def one_error_line(err: str) -> str:
    [line] = err.splitlines()
    assert line.startswith("filinglint: error: ") and "Traceback" not in err
    return line


# --- symbolic links: written through ------------------------------------------------------


@pytest.mark.parametrize("option", ["--output-file", "--write-baseline"])
def test_a_symbolic_link_is_written_through(example, tmp_path, capsys, option):
    target = tmp_path / "reports" / "real.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    value = f"json={link}" if option == "--output-file" else str(link)
    run(capsys, "check", "-q", option, value, str(example))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())  # the findings (a list) or the baseline (a dict)
    assert leftovers(tmp_path) == leftovers(target.parent) == []


def test_a_dangling_link_creates_the_file_it_names(example, tmp_path, capsys):
    target = tmp_path / "made.sarif"
    link = tmp_path / "link.sarif"
    link.symlink_to(target)
    run(capsys, "check", "-q", "--output-file", f"sarif={link}", str(example))
    assert link.is_symlink() and json.loads(target.read_text())["version"] == "2.1.0"


def test_permissions_of_the_replaced_file_are_kept(example, tmp_path, capsys):
    target = tmp_path / "out.json"
    target.write_text("[]")
    target.chmod(0o640)
    run(capsys, "check", "-q", "--output-file", f"json={target}", str(example))
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and json.loads(target.read_text())


# --- devices and FIFOs: written in place, never renamed over ------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
@pytest.mark.parametrize("option", ["--output-file", "--write-baseline"])
def test_dev_null_stays_a_device(example, capsys, option):
    value = "json=/dev/null" if option == "--output-file" else "/dev/null"
    code, _, err = run(capsys, "check", "-q", option, value, str(example))
    assert code in (0, 1) and "error" not in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_written_in_place(example, tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run(capsys, "check", "-q", "--output-file", f"json={fifo}", str(example))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])[0]["path"] == str(example)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_fix_refuses_anything_but_a_regular_file():
    with pytest.raises(fixes.FixError, match="/dev/null: not a regular file; not written"):
        fixes.write_atomically("/dev/null", b"", b"fixed")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --- every OS error: one line, exit 2, nothing left behind -------------------------------


def _targets(tmp_path):
    regular = tmp_path / "regular.txt"
    regular.write_text("x")
    folder = tmp_path / "folder"
    folder.mkdir()
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    return {
        "directory": (str(folder), "is a directory"),
        "under a regular file": (str(regular / "out.json"), "Not a directory"),
        "symbolic link loop": (str(loop), "Too many levels of symbolic links"),
    }


@pytest.mark.parametrize("case", ["directory", "under a regular file", "symbolic link loop"])
@pytest.mark.parametrize("option", ["--output-file", "--write-baseline"])
def test_os_errors_are_one_line_and_exit_2(example, tmp_path, capsys, case, option):
    path, reason = _targets(tmp_path)[case]
    value = f"json={path}" if option == "--output-file" else path
    code, _, err = run(capsys, "check", "-q", option, value, str(example))
    assert code == 2
    assert f"{path}: cannot write ({reason})" in one_error_line(err)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not os.path.isfile("/proc/version"), reason="no /proc on this system")
def test_proc_is_refused_in_one_line(example, capsys):
    code, _, err = run(capsys, "check", "-q", "--output-file", "json=/proc/version", str(example))
    assert code == 2 and "/proc/version: cannot write (" in one_error_line(err)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root")
def test_a_read_only_folder_is_refused(example, tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(capsys, "check", "-q", "--write-baseline", str(folder / "b.json"),
                           str(example))  # fmt: skip
    finally:
        folder.chmod(0o700)
    assert code == 2 and "Permission denied" in one_error_line(err)


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named-temporary"])
def test_permission_denied_even_as_root(example, tmp_path, capsys, monkeypatch, unnamed):
    """Root is never refused by permission bits, so the refusal is simulated."""

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    if not unnamed:
        monkeypatch.setattr(writing, "_unnamed", lambda folder: None)
    monkeypatch.setattr(writing.os, "open", denied)
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "check", "-q", "--output-file", f"json={out}", str(example))
    assert code == 2 and f"{out}: cannot write (Permission denied)" in one_error_line(err)
    assert not out.exists() and leftovers(tmp_path) == []


def test_the_other_outputs_are_still_written(example, tmp_path, capsys):
    good = tmp_path / "good.json"
    code, _, err = run(capsys, "check", "-q", "--output-file", f"json={tmp_path}",
                       "--output-file", f"json={good}", str(example))  # fmt: skip
    assert code == 2 and "is a directory" in one_error_line(err)
    assert json.loads(good.read_text())


# --- a killed process ------------------------------------------------------------------

_KILLED_WRITER = """
import os, sys, time
from filinglint.linter import writing
if sys.argv[2] == "named":
    writing._unnamed = lambda folder: None
def stuck(descriptor):
    print("writing", flush=True)
    time.sleep(120)
writing.os.fsync = stuck
writing.write_file(sys.argv[1], b"new" * 100000)
"""


@pytest.mark.parametrize("mode", ["unnamed", "named"])
def test_a_killed_writer_leaves_nothing_that_survives_the_next_run(tmp_path, monkeypatch, mode):
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(target), mode],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert child.stdout.readline() == b"writing\n"  # the bytes are written, not renamed
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert target.read_bytes() == b"old"
    if mode == "unnamed":
        assert leftovers(tmp_path) == []  # O_TMPFILE: the unnamed file died with it
        return
    [stale] = leftovers(tmp_path)
    assert stale.startswith(".report.json.filinglint-tmp.")
    live = tmp_path / f".other.json{writing.TEMP_MARK}{writing._node()}.{os.getpid()}.abcd"
    live.write_bytes(b"a live writer's")  # this process is alive: its file is kept
    monkeypatch.setattr(writing, "_cleaned", set())  # as a new run starts
    writing.write_file(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == [live.name]
