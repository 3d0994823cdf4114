"""Inputs for fuzzing filinglint, and the invariants every run must keep (issue 11).

Used by ``tests/test_fuzz_properties.py`` (hypothesis drives the choices) and by
``benchmarks/fuzz.py`` (a seeded ``random.Random`` per input, so any input can be made
again from its seed and number). Every generator takes a ``Chooser``: anything with
``randrange``, ``choice`` and ``random``, which both sources provide.

The invariants (``violations``): the engine raises nothing and reports no internal error
(FL900); every diagnostic's span, every related location and every fix edit lies inside
the checked text with its start not after its end; two runs give the same diagnostics.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Protocol

from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.source import Source, decode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CASES = ROOT / "tests" / "rules" / "cases"
INTERNAL_ERROR = "FL900"
SUFFIXES = (".txt", ".htm", ".html", ".nc", ".xml", "")


class Chooser(Protocol):
    def randrange(self, start: int, stop: int | None = None, /) -> int: ...
    def choice(self, seq, /): ...
    def random(self) -> float: ...


# --- material ---------------------------------------------------------------------------

TEXT_PIECES = (
    "SCHEDULE TO", "SCHEDULE TO/A", "(Amendment No. 2)", "CALCULATION OF FILING FEE",
    "Transaction Valuation*", "Amount of Filing Fee**", "$48,000,000", "$9,600.00",
    "$80.90 per $1,000,000", "[X]", "[ ]", "|X|", "|_|", "☒", "☐", "/X/", "(x)", "a. ☒",
    "Item 12. Exhibits.", "(a)(1)(A)", "(a)(5)(B)*", "99.1", "107", "Filed herewith.",
    "*  Filed herewith.", "**  Previously filed.", "June 31, 2003", "February 29, 2001",
    "April 16, 2003", "Friday, April 18, 2003", "12/31/99", "5:00 p.m., New York City time",
    "SIGNATURE", "By: /s/ Jane Doe", "Date: April 16, 2003", "CUSIP No. 037833100",
    "<DOCUMENT>", "</DOCUMENT>", "<TYPE>SC TO-T", "<TEXT>", "</TEXT>", "<PAGE>", "- 2 -",
    "PUBLIC DOCUMENT COUNT:\t\t2", "CONFORMED SUBMISSION TYPE:\tSC TO-I/A",
    "FILED AS OF DATE:\t\t20030416", "Amount Previously Paid: $1,000", "Filing Party:",
    "\x1b[2J", "\u202e", "\x00", "\ufeff", "²", "٣", "\t", "", " ", "  ",
)  # fmt: skip
HTML_PIECES = (
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<table>", "</table>", "<tr>",
    "</tr>", "<td>", "</td>", "<th>", '<td colspan="3">', '<td rowspan="2">',
    "<td colspan=99999999999999999999>", "<td rowspan=70000>", "<caption>", "<li>", "<h2>",
    '<font face="Wingdings">', "</font>", '<span style="font-family: Wingdings">', "</span>",
    "<pre>", "</pre>", "<b>", "</b>", "</i>", "<!-- c -->", "<!--", "-->", "<![CDATA[x]]>",
    "<![x[ y ]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<script>s<p>x</p></script>",
    "<style>p{}</style>", "<ix:header>", "</ix:header>", "<title>", "<a x='", "<a x=\"",
    "</a x", "<", ">", "&", "&nbsp;", "&amp;", "&#168;", "&uml;", "&#", "&#12a", "&#x110000;",
    "&foo;", "&#9746;", "&#9744;", "x", "X", "o", "q", "ý", "þ", "¨", "$", "203.00",
    '<ix:nonFraction name="ffd:FeeAmt" contextRef="c1" format="ixt:num-dot-decimal">',
    "</ix:nonFraction>", '<ix:nonNumeric name="ffd:SubmissnTp" contextRef="c1">',
    "</ix:nonNumeric>", '<!DOCTYPE html [<!ENTITY e "x">]>', "&e;", "&undefined;",
)  # fmt: skip
INSERTS = (
    "[X]", "[ ]", "☒", "☐", "|X|", "(x)", "$1,234,567.89", "$0.00", "$92.00", "$", "0.0001",
    "$153.10 per $1,000,000", "June 31, 2003", "February 29, 2024", "13/45/2003", "99",
    "April 16, 1903", "<p>", "</td>", "<td colspan=5>", "</table>", "<DOCUMENT>", "</TEXT>",
    "&nbsp;", "&#9746;", "&#", "&e;", "<!ENTITY e 'x'>", "*", "**", "(a)(1)(A)", "\x00",
    "\x1b]0;title\x07", "\r", "\u2028", "\ufffd", "Item 12.", "SIGNATURE", "<PAGE>",
)  # fmt: skip


def corpus_files() -> list[Path]:
    """Real filings in ``../shared`` (empty when it is absent) and the case files."""
    files: list[Path] = []
    for folder in (SHARED / "corpus", SHARED / "fixtures" / "seed"):
        if folder.is_dir():
            files.extend(p for p in sorted(folder.iterdir()) if p.suffix != ".tsv")
    return files


def case_files() -> list[Path]:
    return sorted(p for p in CASES.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


# --- generators -------------------------------------------------------------------------


def arbitrary_text(choose: Chooser, size: int = 40) -> str:
    lines = []
    for _ in range(choose.randrange(1, size)):
        count = choose.randrange(0, 4)
        lines.append("   ".join(choose.choice(TEXT_PIECES) for _ in range(count)))
    return "\n".join(lines)


def arbitrary_html(choose: Chooser, size: int = 80) -> str:
    return "".join(
        choose.choice(HTML_PIECES) if choose.random() < 0.7 else choose.choice(TEXT_PIECES)
        for _ in range(choose.randrange(1, size))
    )


def window(data: bytes, choose: Chooser, limit: int = 40_000) -> bytes:
    """A slice of a real filing of at most ``limit`` bytes (the start more often)."""
    if len(data) <= limit:
        return data
    start = 0 if choose.random() < 0.5 else choose.randrange(0, len(data) - limit)
    return data[start : start + limit]


def mutate(data: bytes, choose: Chooser, rounds: int = 3) -> bytes:
    """A few structured mutations of a filing's bytes."""
    for _ in range(choose.randrange(1, rounds + 1)):
        data = choose.choice(MUTATIONS)(data, choose)
    return data


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _delete_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    start = choose.randrange(0, len(lines))
    del lines[start : start + choose.randrange(1, 6)]
    return b"\n".join(lines)


def _swap_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    a, b = choose.randrange(0, len(lines)), choose.randrange(0, len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _duplicate_lines(data: bytes, choose: Chooser) -> bytes:
    lines = _lines(data)
    start = choose.randrange(0, len(lines))
    chunk = lines[start : start + choose.randrange(1, 10)]
    lines[start:start] = chunk * choose.randrange(1, 4)
    return b"\n".join(lines)


def _truncate(data: bytes, choose: Chooser) -> bytes:
    return data[: choose.randrange(0, len(data) + 1)]


def _insert(data: bytes, choose: Chooser) -> bytes:
    at = choose.randrange(0, len(data) + 1)
    return data[:at] + choose.choice(INSERTS).encode("utf-8") + data[at:]


def _replace_token(data: bytes, choose: Chooser) -> bytes:
    """Replace a run of digits, a box mark or a tag near a random place."""
    at = choose.randrange(0, len(data) + 1)
    end = min(len(data), at + choose.randrange(1, 12))
    return data[:at] + choose.choice(INSERTS).encode("utf-8") + data[end:]


def _flip_bytes(data: bytes, choose: Chooser) -> bytes:
    if not data:
        return data
    buffer = bytearray(data)
    for _ in range(choose.randrange(1, 5)):
        buffer[choose.randrange(0, len(buffer))] = choose.randrange(0, 256)
    return bytes(buffer)


def _encoding(data: bytes, choose: Chooser) -> bytes:
    text = data.decode("utf-8", errors="replace")
    codec = choose.choice(("utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig", "bom"))
    if codec == "bom":
        return b"\xef\xbb\xbf" + data
    return text.encode(codec, errors="replace")


def _line_ends(data: bytes, choose: Chooser) -> bytes:
    return data.replace(b"\n", choose.choice((b"\r\n", b"\r", b"\n\n", b"\x0c\n")))


MUTATIONS = (
    _delete_lines,
    _swap_lines,
    _duplicate_lines,
    _truncate,
    _insert,
    _insert,
    _replace_token,
    _replace_token,
    _flip_bytes,
    _encoding,
    _line_ends,
)


def make_input(choose: Chooser, bases: list[bytes]) -> tuple[str, bytes]:
    """(file name, bytes) of one fuzz input: arbitrary text or HTML, or a mutated filing."""
    suffix = choose.choice(SUFFIXES)
    kind = choose.random()
    if kind < 0.15 or not bases:
        data = arbitrary_text(choose).encode("utf-8")
        if choose.random() < 0.5:
            data = mutate(data, choose)
    elif kind < 0.35:
        data = arbitrary_html(choose).encode("utf-8")
        if choose.random() < 0.5:
            data = mutate(data, choose)
    else:
        data = mutate(window(choose.choice(bases), choose), choose)
    return f"fuzz{suffix}", data


# --- invariants -------------------------------------------------------------------------

_ENGINE: Engine | None = None


def engine() -> Engine:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(list(all_rules()))
    return _ENGINE


def violations(name: str, data: bytes, *, twice: bool = False) -> list[str]:
    """What is wrong with checking ``data`` (empty when every invariant holds)."""
    source = decode(data, name)
    try:
        diagnostics = engine().check(source)
    except Exception as exc:
        return [f"exception: {type(exc).__name__}: {exc}"]
    problems = span_problems(source, diagnostics)
    if twice:
        again = engine().check(decode(data, name))
        if again != diagnostics:
            problems.append("two runs gave different diagnostics")
    return problems


def span_problems(source: Source, diagnostics: list[Diagnostic]) -> list[str]:
    problems = []
    lines = source.text.split("\n")
    for diagnostic in diagnostics:
        if diagnostic.code == INTERNAL_ERROR:
            problems.append(f"internal error: {diagnostic.message}")
        places = [("span", diagnostic)]
        places.extend(("related", related) for related in diagnostic.related)
        for what, place in places:
            problem = _place_problem(lines, place)
            if problem:
                problems.append(f"{diagnostic.code} {what} {problem}")
        if diagnostic.fix is not None:
            for edit in diagnostic.fix.edits:
                if not 0 <= edit.start <= edit.end <= len(source.text):
                    problems.append(
                        f"{diagnostic.code} fix edit {edit.start}-{edit.end} outside "
                        f"0-{len(source.text)}"
                    )
    return problems


def _place_problem(lines: list[str], place) -> str | None:
    start, end = (place.line, place.column), (place.end_line, place.end_column)
    for line, column in (start, end):
        if not 1 <= line <= len(lines):
            return f"line {line} outside 1-{len(lines)}"
        if not 1 <= column <= len(lines[line - 1]) + 1:
            return f"column {column} outside line {line} (1-{len(lines[line - 1]) + 1})"
    if end < start:
        return f"ends ({end}) before it starts ({start})"
    return None


def seeded(seed: int, number: int) -> random.Random:
    """The generator of input ``number`` of a run seeded ``seed``: reproducible alone."""
    return random.Random(f"{seed}:{number}")
