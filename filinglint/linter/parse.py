"""Build the Lark LALR parser once and run it over a filing's line tokens.

Building LALR tables costs tens of milliseconds; a pre-commit hook pays start-up on
every commit, so the built parser is cached on disk (keyed by Lark on the grammar text
and options) and loaded in about a millisecond afterwards.

The grammar's rules are reduced straight into ``Run`` and ``Section`` objects by a
transformer that Lark applies while parsing (no intermediate tree), so parsing stays a
single linear pass. Each Run and Section knows the lines it covers, from its tokens.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lark import Lark, Token, Transformer

from filinglint.linter.lines import LineLexer

GRAMMAR_PATH = Path(__file__).parent / "grammar" / "filing.lark"


@dataclass(slots=True)
class Run:
    """A head line and its continuation lines (box, note, exhibit, caption, fee table)."""

    kind: str
    tokens: list
    line: int
    end_line: int


@dataclass(slots=True)
class Section:
    """A heading (ITEM, INDEX TO EXHIBITS, SIGNATURES) and every part up to the next one."""

    kind: str
    heading: Token
    parts: list
    line: int
    end_line: int


def _last_line(item) -> int:
    """Last line of a token (a BLANK token may span several lines), Run or Section."""
    return item.end_line


def _run(kind: str):
    def reduce(self, children):
        return Run(kind, children, children[0].line, _last_line(children[-1]))

    return reduce


def _section(kind: str):
    def reduce(self, children):
        return Section(kind, children[0], children[1:], children[0].line, _last_line(children[-1]))

    return reduce


class _Parts(Transformer):
    """Reduce grammar rules to Runs and Sections while parsing; tokens pass through."""

    box = _run("box")
    note = _run("note")
    exhibit = _run("exhibit")
    caption = _run("caption")
    fee_table = _run("fee_table")
    item_section = _section("item")
    index_section = _section("index")
    signature_section = _section("signature")

    def section(self, children):
        return children[0]

    def start(self, children):
        return children


_parser: Lark | None = None


def cache_directory() -> Path | None:
    """The per-user cache folder (created), or None where none is writable."""
    explicit = os.environ.get("FILINGLINT_CACHE_DIR")
    if explicit:
        directory = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        directory = (Path(base) if base else Path.home() / ".cache") / "filinglint"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory):
            pass
    except OSError:
        return None
    return directory


def _cache_path() -> str | bool:
    """The parser cache file, or False where no writable cache folder exists."""
    directory = cache_directory()
    return str(directory / "grammar-lalr.cache") if directory else False


def get_parser() -> Lark:
    """The shared parser; the first call in a process loads or builds it."""
    global _parser
    if _parser is None:
        grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
        _parser = Lark(
            grammar,
            parser="lalr",
            lexer=LineLexer,
            propagate_positions=True,
            maybe_placeholders=False,
            transformer=_Parts(),
            cache=_cache_path(),
        )
    return _parser


def parse_parts(text: str) -> list:
    """The filing as preamble parts followed by Sections; any text parses."""
    return get_parser().parse(text)
