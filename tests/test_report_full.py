"""The full format's code frame on very long lines (HTML and .nc files have them)."""

from __future__ import annotations

from filinglint.linter.report import get_reporter
from filinglint.linter.source import decode
from tests.conftest import lint


def test_long_lines_are_cut_around_the_span():
    text = "x " * 150 + "on Wednesday, April 24, 2003 " + "y " * 150 + "\n"
    [finding] = lint(text, select=["DAT002"], path="long.txt")
    frame = get_reporter("full")([finding], {"long.txt": decode(text.encode(), "long.txt")})
    shown, carets = frame.splitlines()[2], frame.splitlines()[3]
    assert shown.startswith("1 | …") and shown.endswith("…")
    assert len(shown) < 140
    start = carets.index("^")
    assert shown[start : start + len("Wednesday, April 24, 2003")] == "Wednesday, April 24, 2003"
    assert carets.count("^") == len("Wednesday, April 24, 2003")


def test_short_lines_are_shown_whole(example_text):
    [finding] = lint(example_text, select=["DAT002"], path="e.txt")
    frame = get_reporter("full")([finding], {"e.txt": decode(example_text.encode(), "e.txt")})
    assert "…" not in frame
