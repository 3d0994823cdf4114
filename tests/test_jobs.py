"""``--jobs``: worker processes change how fast a run is, never what it prints."""

from __future__ import annotations

import io
import sys

import pytest

from filinglint.cli import main
from filinglint.cli.run import default_jobs
from tests.folders import filing_folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("output_format", ["concise", "json", "full"])
def test_output_is_identical_whatever_the_number_of_jobs(tmp_path, capsys, output_format):
    filing_folder(tmp_path / "filings", 24)
    target = str(tmp_path / "filings")
    argv = ["check", "--no-cache", "--output-format", output_format, target]
    results = {jobs: run(capsys, *argv, "--jobs", str(jobs)) for jobs in (1, 2, 3)}
    code, out, err = results[1]
    assert code == 2  # the binary file is an input error; every other file is still checked
    assert "zz-picture.txt: binary data" in err
    assert out.count("FEE001") >= 10
    assert results[2] == results[1]
    assert results[3] == results[1]


def test_jobs_with_the_cache_give_the_same_output(tmp_path, capsys):
    filing_folder(tmp_path / "filings", 12)
    target = str(tmp_path / "filings")
    cold = run(capsys, "check", "--no-cache", "-j", "1", "--output-format", "concise", target)
    filled = run(capsys, "check", "-j", "2", "--output-format", "concise", target)
    warm = run(capsys, "check", "-j", "2", "--output-format", "concise", target)
    assert filled == cold
    assert warm == cold


def test_stdin_is_read_in_this_process_among_files_checked_by_workers(
    tmp_path, capsys, monkeypatch, example_text
):
    paths = filing_folder(tmp_path / "filings", 4)[:4]
    stdin = io.TextIOWrapper(io.BytesIO(example_text.encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    argv = ["check", "--no-cache", "--output-format", "concise", "--stdin-filename", "in.txt"]
    files = [str(p) for p in paths]
    two = run(capsys, *argv, "-j", "2", files[0], "-", *files[1:])
    stdin.buffer.seek(0)
    one = run(capsys, *argv, "-j", "1", files[0], "-", *files[1:])
    assert two == one
    assert "in.txt:" in one[1]
    lines = [line.split(":")[0] for line in one[1].splitlines() if ": " in line]
    order = list(dict.fromkeys(lines))
    given = [files[0], "in.txt", *files[1:]]
    assert order == [path for path in given if path in order]  # the order paths were given
    assert len(order) >= 3


def test_fix_with_workers_fixes_every_file_as_one_job_does(tmp_path, capsys):
    one, two = tmp_path / "one", tmp_path / "two"
    originals = {p.relative_to(one): p.read_bytes() for p in filing_folder(one, 6)}
    filing_folder(two, 6)
    argv = ["check", "--fix", "--output-format", "concise"]
    code_one, out_one, _ = run(capsys, *argv, "-j", "1", str(one))
    code_two, out_two, _ = run(capsys, *argv, "-j", "2", str(two))
    assert code_one == code_two
    assert out_two.replace(str(two), str(one)) == out_one
    changed = [name for name, data in originals.items() if (one / name).read_bytes() != data]
    assert changed, "no file was fixed: the folder offers no fix to test with"
    for name in originals:
        assert (one / name).read_bytes() == (two / name).read_bytes()


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_a_number_of_jobs_below_one_is_a_usage_error(value, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check", "--jobs", value, "."])
    assert raised.value.code == 2
    assert "number of jobs" in capsys.readouterr().err


def test_the_default_is_the_number_of_usable_cores():
    import os

    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_jobs() == expected


def test_only_files_missing_from_the_cache_go_to_workers(tmp_path, capsys, monkeypatch):
    import concurrent.futures

    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = filing_folder(tmp_path / "filings", 8)
    argv = ["check", "-j", "2", "--output-format", "concise", str(tmp_path / "filings")]
    first = run(capsys, *argv)
    sent: list[str] = []
    real = concurrent.futures.ProcessPoolExecutor

    class Counting(real):
        def submit(self, function, settings, source):
            sent.append(source.path)
            return super().submit(function, settings, source)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    assert run(capsys, *argv) == first
    assert sent == []  # a warm run starts no worker at all
    for path in paths[:3]:
        path.write_bytes(path.read_bytes() + b"\n")
    again = run(capsys, *argv)
    assert sorted(sent) == sorted(str(p) for p in paths[:3])
    assert again[0] == first[0]


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not __import__("shutil").which("pgrep"),
    reason="lists worker processes with pgrep and /proc (Linux)",
)
def test_ctrl_c_stops_the_workers_at_once(tmp_path, example_text):
    """SIGINT: exit 130 within moments, no worker left running its file to the end."""
    import os
    import signal
    import subprocess
    import time

    for number in range(2):  # ~11 MB each: seconds of work left when the signal comes
        (tmp_path / f"big-{number}.txt").write_text("\n".join([example_text] * 1200))
    command = [sys.executable, "-m", "filinglint", "check", "--no-cache", "-j", "2", str(tmp_path)]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers: list[str] = []
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
        workers = children.stdout.split()
    assert len(workers) == 2, "the workers did not start"
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    assert process.wait(timeout=20) == 130
    assert time.monotonic() - started < 2.0  # not the seconds the files would still take
    time.sleep(0.2)
    assert [w for w in workers if os.path.exists(f"/proc/{w}")] == []
