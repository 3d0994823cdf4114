"""Build the Lark LALR parser once and run it over a filing's line tokens.

Building LALR tables costs tens of milliseconds; a pre-commit hook pays start-up on
every commit, so the built parser is cached on disk and loaded in about a millisecond
afterwards. Lark keys the cache file's contents on the grammar text, the options and
its own version, so an edited grammar is rebuilt (and the file rewritten) on first use.

The readers (``FilingReader``, below) are applied by Lark while it parses (no
intermediate tree), so parsing and reading are one linear pass. Positions come from
the line tokens themselves, so Lark is not asked to propagate them to every node (that
bookkeeping was a third of the parse).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from lark import Lark, Token, Transformer

from filinglint.linter.ast import CoverPage, ExhibitList, ItemSection
from filinglint.linter.cache import cache_directory
from filinglint.linter.cover import build_cover
from filinglint.linter.exhibits import Listing, exhibit_list, read_listing
from filinglint.linter.lines import LineLexer
from filinglint.linter.place import WHOLE_FILE, Place
from filinglint.linter.runs import Run, token_span
from filinglint.linter.signature import (
    Block,
    Chain,
    Field,
    read_block,
    read_field,
    read_signatures,
    settle,
)

GRAMMAR_PATH = Path(__file__).parent / "grammar" / "filing.lark"


# --- the readers: a transformer method per rule of the grammar ---------------------------
#
# Lark calls these while it parses, bottom-up, so each method gets its children already
# read. Groups of lines that a structure reads later (a box, a note, prose lines) become
# cheap ``Run`` objects named by their rule; the structures themselves (cover, exhibit
# list, sections, signatures) become AST nodes or small records that ``build`` assembles
# with the dates. Lark applies one shared instance while it parses, so the ``Place`` of
# the text being parsed (where its offsets stand in the opened file) is set on it for
# the length of one ``parse`` call; everything else the methods do is pure. A process
# parses one text at a time (parallel runs use processes).


class Parsed:
    """A filing as the grammar read it: the cover, then what each section holds."""

    __slots__ = (
        "cover",
        "exhibit_lists",
        "items",
        "pages",
        "signature_blocks",
        "signature_lines",
        "testimonies",
    )

    def __init__(self, cover: CoverPage) -> None:
        self.cover = cover
        self.pages: list[Token] = []  # PAGE and PAGE_NUMBER lines, in order
        self.items: list[ItemSection] = []
        self.exhibit_lists: list[ExhibitList] = []
        self.signature_blocks: list[Block] = []
        self.signature_lines: set[int] = set()
        # where the date of each testimonium clause ("… to be signed on its behalf … on
        # May 25, 1995.") starts, in the reader's text
        self.testimonies: list[int] = []


def _group(rule: str):
    def read(self, children: list) -> Run:
        return Run(rule, children)

    read.__name__ = rule
    return read


class FilingReader(Transformer):
    """Grammar rule → reader. Rules not named here do not reach a reader on their own."""

    # Groups of lines, read by the structure that holds them.
    lines = _group("lines")
    captioned = _group("captioned")
    trailing_box = _group("trailing_box")
    caption = _group("caption")
    box = _group("box")
    fee_table = _group("fee_table")
    note = _group("note")
    exhibit = _group("exhibit")
    legend_note = _group("legend_note")

    def page_break(self, children: list) -> Token:
        """A page break stays a line (readers skip it like any line they do not read);
        it is also noted, in order, for the filing's page markers."""
        self.pages.append(children[0])
        return children[0]

    place: Place = WHOLE_FILE
    pages: ClassVar[list[Token]] = []  # replaced by a fresh list for each parse

    def cover(self, children: list) -> CoverPage:
        return build_cover(self.place, children)

    def exhibit_list(self, children: list) -> Listing:
        return read_listing(self.place, children)

    # Sections: each gives the nodes it holds, in order.

    def item_section(self, children: list) -> tuple:
        """An ITEM heading; for the exhibit item (by its title, as the lexer read it:
        Schedule TO's Item 12, Schedule 13E-3's Item 16, Schedule 14D-9's Item 9), its
        exhibit list."""
        heading = children[0]
        numbers = heading.info.numbers
        span = token_span(self.place, heading)
        item = ItemSection(span=span, numbers=numbers, heading=heading.value.strip())
        listing = (
            exhibit_list(self.place, "item", heading, children[1:], _exhibit_item(numbers))
            if heading.info.exhibits
            else None
        )
        return (item,) if listing is None else (item, listing)

    def index_section(self, children: list) -> tuple:
        listing = exhibit_list(self.place, "index", children[0], children[1:], None)
        return () if listing is None else (listing,)

    def sig_field(self, children: list) -> Field:
        return read_field(children)

    def signature(self, children: list) -> Chain:
        return read_block(children)

    def signature_section(self, children: list) -> tuple:
        return (read_signatures(children),)

    def start(self, children: list) -> Parsed:
        parsed = Parsed(cover=children[0])
        for section in children[1:]:
            for node in section:
                match node:
                    case ItemSection():
                        parsed.items.append(node)
                    case ExhibitList():
                        parsed.exhibit_lists.append(node)
                    case Chain():
                        parsed.signature_blocks.extend(settle(node.blocks))
                        for dated in node.date_lines:
                            parsed.signature_lines.add(dated.start_pos)
                            if dated.type == "SIG_DATE" and dated.info is not None:
                                parsed.testimonies.append(dated.start_pos + dated.info.date_start)
        return parsed


def _exhibit_item(numbers: tuple[int, ...]) -> int | None:
    """The number of the exhibit item a heading names ("Items 11 and 12." → 12)."""
    if 12 in numbers:
        return 12
    return numbers[-1] if numbers else None


_parser: Lark | None = None


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
            maybe_placeholders=False,
            transformer=_READER,
            cache=_cache_path(),
        )
    return _parser


_READER = FilingReader()


def parse(text: str, place: Place = WHOLE_FILE) -> Parsed:
    """The filing as the grammar and its readers see it; any text parses.

    ``place`` says where ``text`` stands in the opened file, so every node's span is
    made in the file's offsets.
    """
    parser = get_parser()
    _READER.place = place
    _READER.pages = pages = []
    try:
        parsed = parser.parse(text)
    finally:
        _READER.place = WHOLE_FILE
        _READER.pages = []
    parsed.pages = pages
    return parsed
