"""Linear reading of adversarial HTML and Inline XBRL (issue 11), without wall clocks.

The HTML reader is pure Python: its work is counted as the Python lines it runs
(``sys.settrace``), which is exact and repeatable, and doubling an input must at most
about double it. The tokenizer's searches are counted as characters scanned. The one
shape whose cost lived inside ``re`` (a tag name followed by "<" in the fee exhibit's
markup scan) gets a generous alarm instead: before the fix it took minutes.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from filinglint.linter import html_tokens
from filinglint.linter.fee_exhibit import _Locator
from filinglint.linter.html import html_to_text
from filinglint.linter.place import WHOLE_FILE


def _repeat(head: str, unit: str, size: int) -> str:
    return head + unit * max((size - len(head)) // len(unit), 1)


def _half(head: str, first: str, second: str, size: int) -> str:
    return _repeat(head, first, size // 2) + _repeat("", second, size - size // 2)


SHAPES: dict[str, Callable[[int], str]] = {
    "stray end tags": lambda n: _half("<html><body>", "<span>", "</b>", n),
    "stray end tags in a table": lambda n: _half("<b><table><tr><td>", "<i>", "</b>", n),
    "unclosed start tags": lambda n: _repeat("<p>", "<a x ", n),
    "unclosed quotes": lambda n: _repeat("<p>", "<a x='>", n),
    "unclosed comments": lambda n: _repeat("<p>", "<!--a>", n),
    "unclosed end tags": lambda n: _repeat("<p>", "</a x ", n),
    "unclosed declarations": lambda n: _repeat("<p>", "<![CDATA[a>", n),
    "unclosed character references": lambda n: _repeat("<p>", "&#1", n),
    "huge colspan": lambda n: _repeat("<table>", "<tr><td colspan=99999>x", n),
    "huge rowspan": lambda n: _half("<table><tr>", "<td rowspan=99999>x", "<tr><td>y", n),
    "wide row then rows": lambda n: _half("<table><tr>", "<td colspan=1000>x", "<tr><td>y", n),
    "many columns, wide rows": lambda n: _half(
        "<table><tr>", "<td>x", "<tr><td colspan=1000>y<td colspan=999>z", n
    ),
}


def _steps(read: Callable[[str], object], text: str) -> int:
    """Python lines run by ``read(text)`` in filinglint's own code."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if "filinglint" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        read(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_doubling_an_adversarial_html_input_at_most_doubles_the_work(shape: str) -> None:
    build = SHAPES[shape]
    small, large = _steps(html_to_text, build(6000)), _steps(html_to_text, build(12000))
    assert large <= 2.2 * small + 200, (shape, small, large)


def test_doubling_stray_xbrl_end_tags_at_most_doubles_the_work() -> None:
    def build(n: int) -> str:
        return _half("<x:root>", "<x:a>", "</x:b>", n)

    def read(text: str) -> object:
        return _Locator(text, WHOLE_FILE)

    small, large = _steps(read, build(6000)), _steps(read, build(12000))
    assert large <= 2.2 * small + 200, (small, large)


@pytest.mark.parametrize(
    "html",
    [
        _repeat("<p>", "<a x ", 50_000),
        _repeat("<p>", "<!--a>", 50_000),
        _repeat("<p>", "<a x='>", 50_000),
        _repeat("<p>", "<?a ", 50_000),
        _repeat("<p>", "</a x ", 50_000),
        _repeat("<p>", "<script>", 50_000),
    ],
)
def test_the_tokenizer_scans_each_character_a_bounded_number_of_times(
    html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned = 0
    original = html_tokens._Finder.find

    def counting(self, needle, start):
        nonlocal scanned
        at, end = original(self, needle, start)
        scanned += (len(self.text) if at == -1 else end) - start
        return at, end

    monkeypatch.setattr(html_tokens._Finder, "find", counting)
    html_to_text(html)
    # Each search answered from memory adds its range again; still a few times the text.
    assert scanned <= 4 * len(html)


@contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    def fail(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
@pytest.mark.parametrize("name", ["a" * 200_000, "x:" + "b" * 200_000])
def test_a_tag_name_followed_by_lt_does_not_backtrack(name: str) -> None:
    text = '<ix:nonFraction name="ffd:FeeAmt">1</ix:nonFraction><' + name + "<"
    with _alarm(20):  # before the fix: hours at this size (75 s at 64 KB)
        locator = _Locator(text, WHOLE_FILE)
    assert [tag[:2] for tag in locator.tags] == [("nonFraction", "ffd:FeeAmt")]


def test_spans_are_capped_as_browsers_cap_them() -> None:
    html = (
        "<table><tr><td colspan=5000>a</td><td>b</td></tr>"
        "<tr><td rowspan=" + "9" * 5000 + ">c</td><td>d</td></tr><tr><td>e</td></tr></table>"
    )
    text = html_to_text(html).text
    assert text.split() == ["a", "b", "c", "d", "e"]
