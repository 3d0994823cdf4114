"""Bounds of a run: a file that outlasts --timeout is FL901 and the run goes on; a file
above --max-file-size is an input error; both the same with one job or several."""

from __future__ import annotations

import gc
import signal

import pytest

from filinglint.cli import main
from filinglint.cli.run import GC_THRESHOLD, _time_budget, _Timeout, tuned_gc


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def big_and_small(tmp_path, example_text):
    """A ~1 MB filing (well over a millisecond to check) and the small example."""
    big = tmp_path / "big.txt"
    big.write_text("\n".join([example_text] * 110), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(example_text, encoding="utf-8")
    return big, small


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_time_budget_is_fl901_and_the_run_goes_on(big_and_small, capsys, jobs):
    big, small = big_and_small
    argv = ["check", "--no-cache", "--output-format", "concise", "-j", jobs]
    code, out, err = run(capsys, *argv, "--timeout", "0.001", str(big), str(small))
    assert code == 1 and err == ""
    big_lines = [line for line in out.splitlines() if line.startswith(str(big))]
    assert big_lines == [
        f"{big}:1:1: FL901 [check-timeout] not checked: stopped after the 0.001 s time budget"
        " (--timeout); no finding of this file is reported"
    ]
    # the small file finished within its own budget... or is also FL901 on a slow machine
    small_lines = [line for line in out.splitlines() if line.startswith(str(small))]
    assert small_lines and all(":" in line for line in small_lines)
    code, out, _ = run(capsys, *argv, "--timeout", "0", str(big), str(small))
    assert "FL901" not in out and "FEE001" in out


def test_a_timed_out_result_is_not_cached(big_and_small, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(tmp_path / "cache"))
    big, _ = big_and_small
    argv = ["check", "-j", "1", "--output-format", "concise", str(big)]
    _, out, _ = run(capsys, *argv, "--timeout", "0.001")
    assert "FL901" in out
    _, out, _ = run(capsys, *argv)
    assert "FL901" not in out and "FEE001" in out


def test_a_timeout_leaves_the_parser_usable(big_and_small, capsys):
    big, small = big_and_small
    argv = ["check", "--no-cache", "--output-format", "concise", "-j", "1"]
    expected = run(capsys, *argv, str(small))
    for _ in range(3):
        run(capsys, *argv, "--timeout", "0.005", str(big))
    assert run(capsys, *argv, str(small)) == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_size_limit_is_an_input_error(big_and_small, capsys, jobs):
    big, small = big_and_small
    argv = ["check", "--no-cache", "--output-format", "concise", "-j", jobs]
    code, out, err = run(capsys, *argv, "--max-file-size", "100K", str(big), str(small))
    assert code == 2
    size = big.stat().st_size / 1048576
    assert err == (
        f"filinglint: error: {big}: file is {size:.1f} MiB, above the --max-file-size limit"
        " of 0.1 MiB; not checked\n"
    )
    assert str(big) not in out and f"{small}:" in out


def test_standard_input_over_the_size_limit_is_an_input_error(capsys, monkeypatch, example_text):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(example_text.encode())))
    code, out, err = run(capsys, "check", "--no-cache", "--max-file-size", "1K", "-")
    assert code == 2
    assert "<stdin>: file is" in err and "--max-file-size" in err
    assert "FEE001" not in out  # not checked


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--max-file-size", "0", "is not a size"),
        ("--max-file-size", "ten", "is not a size"),
        ("--max-file-size", "1.5M", "is not a size"),
        ("--max-file-size", "300M", "above the largest file"),
        ("--timeout", "-1", "is not a number of seconds"),
        ("--timeout", "nan", "is not a number of seconds"),
    ],
)
def test_bad_bounds_are_usage_errors(flag, value, message, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check", flag, value, "."])
    assert raised.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("text", "size"), [("512", 512), ("2k", 2048), ("3MiB", 3 * 1048576)])
def test_sizes_take_binary_units(text, size):
    from filinglint.cli.arguments import _size

    assert _size(text) == size


def test_the_budget_interrupts_a_runaway_regular_expression():
    import re

    with pytest.raises(_Timeout), _time_budget(0.05):
        re.match(r"(a+)+$", "a" * 40 + "b")  # exponential backtracking


def test_the_budget_restores_the_signal_handler_and_disarms():
    def mine(signum, frame):
        raise AssertionError("mine")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with _time_budget(5):
            pass
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_tuned_gc_is_undone_after_the_run():
    before = gc.get_threshold()
    with tuned_gc():
        assert gc.get_threshold() == GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
