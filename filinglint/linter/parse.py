"""Build the Lark LALR parser once and run it over a filing's line tokens.

Building LALR tables costs tens of milliseconds; a pre-commit hook pays start-up on
every commit, so the built parser is cached on disk (keyed by Lark on the grammar text
and options) and loaded in about a millisecond afterwards.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lark import Lark, Tree

from filinglint.linter.lines import LineLexer

GRAMMAR_PATH = Path(__file__).parent / "grammar" / "filing.lark"

_parser: Lark | None = None


def _cache_path() -> str | bool:
    """A per-user cache file, or False where no writable cache directory exists."""
    base = os.environ.get("FILINGLINT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    directory = root / "filinglint" if not os.environ.get("FILINGLINT_CACHE_DIR") else root
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=directory, delete=True)
        probe.close()
    except OSError:
        return False
    return str(directory / "grammar-lalr.cache")


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
            cache=_cache_path(),
        )
    return _parser


def parse_tree(text: str) -> Tree:
    """The parse tree of a filing's text; any text parses (unknown lines are TEXT)."""
    return get_parser().parse(text)
