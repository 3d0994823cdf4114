"""Benchmark: HTML and Inline XBRL shapes that made reading grow faster than the input.

Run by hand (never as a timed test)::

    python benchmarks/adversarial_html.py [--size KB] [--runs N] [--check]

Each shape is built at ``n`` and ``2n`` bytes (``--size`` is ``n`` in kilobytes, default
256) and read the way ``filinglint check`` reads it: an HTML shape through
``html_to_text``, an Inline XBRL shape through the fee-exhibit reader's markup scan
(``_Locator``) — the stage the shape attacks — and, with ``--check``, through the whole
``Engine.check`` as well. It prints the fastest of ``--runs`` runs at each size and
the ratio t(2n)/t(n): linear reading gives about 2, quadratic about 4. The target of issue
11 is a ratio of at most 2.2 for every shape. The cyclic garbage collector is off while a
run is timed (``--gc`` keeps it on): it rescans the growing heap of small objects, a cost
of the whole process that issue 11 tunes separately (``gc.freeze``, a larger threshold),
and on a shared machine it makes the ratios of the algorithms measured here noisy.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from filinglint.linter.fee_exhibit import _Locator
from filinglint.linter.html import html_to_text
from filinglint.linter.place import WHOLE_FILE


def _repeat(head: str, unit: str, tail: str, size: int) -> str:
    count = max((size - len(head) - len(tail)) // len(unit), 1)
    return head + unit * count + tail


def _half(head: str, first: str, second: str, size: int) -> str:
    """``head``, then ``first`` repeated over half the size, then ``second`` over the rest."""
    return _repeat(head, first, "", size // 2) + _repeat("", second, "", size - size // 2)


# name → (what it reads, builder of a document of about ``size`` characters)
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    # Each stray end tag once searched the whole stack of open elements.
    "stray end tags": lambda n: _half("<html><body>", "<span>", "</b>", n),
    "stray end tags in a table": lambda n: _half("<b><table><tr><td>", "<i>", "</b>", n),
    # Start tags, comments, declarations never closed: html.parser rescanned to the end.
    "unclosed start tags": lambda n: _repeat("<p>", "<a x ", "", n),
    "unclosed quotes": lambda n: _repeat("<p>", "<a x='>", "", n),
    "unclosed comments": lambda n: _repeat("<p>", "<!--a>", "", n),
    "unclosed end tags": lambda n: _repeat("<p>", "</a x ", "", n),
    "unclosed declarations": lambda n: _repeat("<p>", "<![CDATA[a>", "", n),
    "unclosed processing instructions": lambda n: _repeat("<p>", "<?a ", "", n),
    "unclosed character references": lambda n: _repeat("<p>", "&#1", "", n),
    # Table layout: huge spans once cost rows × columns.
    "closed tags with quoted >": lambda n: _repeat("<p>", "<a title='x>y' b=\"<\">z</a>", "", n),
    "comments and declarations": lambda n: _repeat("<p>", "<!--a--><!x><?y>&amp;&#65;", "", n),
    "an unclosed quote then text": lambda n: _repeat("<p><a x='", "word ", "", n),
    "huge colspan": lambda n: _repeat("<table>", "<tr><td colspan=99999>x", "</table>", n),
    "huge rowspan": lambda n: _half("<table><tr>", "<td rowspan=99999>x", "<tr><td>y", n),
    "wide row then rows": lambda n: _half("<table><tr>", "<td colspan=1000>x", "<tr><td>y", n),
    "many columns, wide rows": lambda n: _half(
        "<table><tr>", "<td>x", "<tr><td colspan=1000>y<td colspan=999>z", n
    ),
    "plain paragraphs": lambda n: _repeat("<html><body>", "<p>Item 12. Exhibits.</p>\n", "", n),
}

IX = '<ix:nonFraction name="ffd:FeeAmt" contextRef="c">1</ix:nonFraction>'
XBRL_SHAPES: dict[str, Callable[[int], str]] = {
    # A tag name followed by "<": the markup pattern backtracked over the name.
    "tag name then <": lambda n: _repeat(IX, "<" + "a" * 64, "", n),
    "long tag name then <": lambda n: IX + "<" + "a" * max(n - len(IX) - 2, 1) + "<",
    "stray end tags (xbrl)": lambda n: _half(IX, "<x:a>", "</x:b>", n),
    "unclosed quote (xbrl)": lambda n: _repeat(IX, '<a b="', "", n),
}


KEEP_GC = False


def _time(read: Callable[[str], object], text: str, runs: int) -> float:
    """The fastest of ``runs`` runs: on a shared machine the minimum is the least noisy."""
    times = []
    for _ in range(runs):
        gc.collect()
        if not KEEP_GC:
            gc.disable()
        start = time.perf_counter()
        read(text)
        times.append(time.perf_counter() - start)
        gc.enable()
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=256, help="n in kilobytes (default 256)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (the fastest counts)")
    parser.add_argument("--check", action="store_true", help="also time Engine.check")
    parser.add_argument(
        "--gc", action="store_true", help="keep the cyclic garbage collector on while timing"
    )
    parser.add_argument("--only", default="", help="run only shapes whose name holds this")
    options = parser.parse_args(argv)
    size = options.size * 1024
    global KEEP_GC
    KEEP_GC = options.gc

    readers: list[tuple[str, str, Callable[[str], object]]] = []
    for name in HTML_SHAPES:
        readers.append((name, "html_to_text", html_to_text))
    for name in XBRL_SHAPES:
        readers.append((name, "_Locator", lambda text: _Locator(text, WHOLE_FILE)))
    builders = {**HTML_SHAPES, **XBRL_SHAPES}
    if options.check:
        from filinglint.linter.engine import Engine
        from filinglint.linter.registry import all_rules
        from filinglint.linter.source import Source

        engine = Engine(list(all_rules()))
        for name in HTML_SHAPES:
            readers.append((name, "check", lambda text: engine.check(Source("a.htm", text))))
        for name in XBRL_SHAPES:
            readers.append((name, "check", lambda text: engine.check(Source("a.htm", text))))

    print(f"{'shape':36} {'stage':13} {'n':>8} {'t(n)':>9} {'t(2n)':>9} {'ratio':>6}")
    worst = 0.0
    for name, stage, read in readers:
        if options.only and options.only not in name:
            continue
        small, large = builders[name](size), builders[name](2 * size)
        t1 = t2 = float("inf")
        for _ in range(options.runs):  # interleaved, so a burst of load hits both sizes
            t1 = min(t1, _time(read, small, 1))
            t2 = min(t2, _time(read, large, 1))
        ratio = t2 / t1 if t1 > 0 else float("inf")
        worst = max(worst, ratio)
        flag = "" if ratio <= 2.2 else "  > 2.2"
        print(
            f"{name:36} {stage:13} {len(small) // 1024:>6}KB {t1 * 1000:>7.1f}ms "
            f"{t2 * 1000:>7.1f}ms {ratio:>6.2f}{flag}",
            flush=True,
        )
    print(f"worst ratio: {worst:.2f} (target ≤ 2.2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
