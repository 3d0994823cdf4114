"""Benchmark: lxml, selectolax and the stdlib html.parser on real EDGAR HTML, by hand.

Run (never as a timed test):  python benchmarks/html_parsers.py [--runs N]

For each document it prints the median wall time of N runs of:

* lxml        — ``lxml.html`` parse (network off) and a walk over every element;
* selectolax  — ``selectolax.lexbor`` parse and a walk over every node, text included;
* html.parser — one pass of ``html.parser.HTMLParser(convert_charrefs=False)`` that asks
  ``getpos()`` at every event (what exact offsets need);
* html_to_text — filinglint's whole HTML reader (html.parser + layout + offset map);

and what source positions each parser can give. lxml and selectolax are not dependencies
of filinglint; where one is not installed its row says so. The documents are the 2 MB
485APOS and the SC TO-T/A cover document from ``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENTS = (
    ("485APOS 0001193125-24-100942", "485apos-0001193125-24-100942.txt"),
    ("SC TO-T/A 0001104659-25-002604", "sc-to-t-a-0001104659-25-002604.txt"),
)
POSITIONS = {
    "lxml": "element.sourceline only (no column, nothing for text; entities decoded)",
    "selectolax": "none",
    "html.parser": "getpos() (line, column) of every tag, text chunk and entity",
    "html_to_text": "source_offset() for every character of the text",
}


def first_document(path: Path) -> str:
    """The first document between <TEXT> and </TEXT> of an EDGAR submission."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    match = re.search(r"<TEXT>\n?(.*?)</TEXT>", raw, re.DOTALL)
    return match.group(1) if match else raw


def run_lxml(html: str) -> int:
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True)
    root = lxml.html.document_fromstring(html, parser=parser)
    return sum(1 for _ in root.iter())


def run_selectolax(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    return sum(1 for _ in tree.root.traverse(include_text=True))


class _Positions(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events = 0

    def _event(self, *_: object) -> None:
        self.getpos()
        self.events += 1

    handle_starttag = handle_endtag = handle_data = _event
    handle_entityref = handle_charref = _event


def run_html_parser(html: str) -> int:
    parser = _Positions()
    parser.feed(html)
    parser.close()
    return parser.events


def run_html_to_text(html: str) -> int:
    from filinglint.linter.html import html_to_text

    return html_to_text(html).run_count


PARSERS: tuple[tuple[str, Callable[[str], int]], ...] = (
    ("lxml", run_lxml),
    ("selectolax", run_selectolax),
    ("html.parser", run_html_parser),
    ("html_to_text", run_html_to_text),
)


def median_seconds(function: Callable[[str], int], html: str, runs: int) -> tuple[float, int]:
    count = function(html)  # warm-up (imports, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(html)
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--runs", type=int, default=5, help="timed runs per parser")
    options = arguments.parse_args()
    if not CORPUS.is_dir():
        print(f"the corpus is not available ({CORPUS} is absent)", file=sys.stderr)
        return 2
    versions = [f"Python {sys.version.split()[0]}"]
    for name in ("lxml", "selectolax"):
        try:
            module = __import__(name)
            versions.append(f"{name} {getattr(module, '__version__', '?')}")
        except ImportError:
            versions.append(f"{name} not installed")
    print(", ".join(versions))
    for title, filename in DOCUMENTS:
        html = first_document(CORPUS / filename)
        print(f"\n{title}: {len(html) / 1e6:.2f} MB of HTML, median of {options.runs} runs")
        for name, function in PARSERS:
            try:
                seconds, count = median_seconds(function, html, options.runs)
            except ImportError:
                print(f"  {name:<13} not installed")
                continue
            print(f"  {name:<13} {seconds * 1000:8.1f} ms  ({count} nodes/events/runs)")
    print("\nsource positions:")
    for name, what in POSITIONS.items():
        print(f"  {name:<13} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
