"""Signature blocks: who signed ("By: /s/ …"), their name and title, and the "Date:" lines.

The lexer types a signature's lines (SIGNER, SIG_FIELD, SIG_DATE) and the grammar groups
them: a ``signature`` holds its SIGNER line and every line up to the next SIGNER or
field line, and a ``sig_field`` ("Name:", "Title:") every line up to the next one. The
next field or block is nested as the last child (the grammar's greedy shift), so a
block's fields, and the blocks after it, are read by following that chain.

What is left to read here:

- The title's wrap: the plain lines after "Title:" that continue it (a CONT line, or
  prose indented past column 20), up to the first line at the margin.
- The printed lines under a signing line without "Name:" / "Title:" ("By: /s/ Jane Roe"
  / "Jane Roe," / "Chief Executive Officer"): the first names the signer when it repeats
  the signed name (or when the signing line names no one: a bare "By:", a signature
  table's lone "*"), the others are the title. In a signature table the lines under a
  row are read by column: what starts under the title column continues the title.
- The filing person a block signs for: the nearest line above it, if that line is a
  name in capitals or ends in a company form ("Inc.", "LLC", "Trust"…). A heading
  further up ("POWER OF ATTORNEY") is never it: prose in between ends the search.
- Attorneys-in-fact (``settle``): a row signed for its person by an attorney-in-fact is
  starred ("/s/ Jane Roe*", "*  Director  May 1, 2010", "Jane Roe*"), and the attorney
  signs once, below the table ("*By: /s/ John Doe" / "John Doe, Attorney-in-fact").
  The attorney's line is not a signature of its own: each starred row before it is one
  Signature, of its person, with ``attorney`` naming who signed for them. An attorney's
  line that no starred row precedes stays a signature, titled as the page titles it.

The block's date is matched in ``build`` with the dates read from the whole text, since
a date may stand before or after the block; the last line of a testimonium clause ("…
caused this report to be signed on its behalf … on May 25, 1995.") is a dated line too
(the lexer's ``Testimony``), and dates the block right after it.
"""

from __future__ import annotations

import re

from lark import Token

from filinglint.linter.runs import tokens_of

_WRAP_COLUMN = 20  # prose indented past this column continues a wrapped title
_CHAINED = frozenset(("sig_field", "signature"))

# Plain classes, not dataclasses: defining a dataclass costs a fraction of a millisecond
# at import, and start-up is paid on every commit.


class Field:
    """A ``sig_field`` node: its line, key (``name``/``title``), value, its own dated lines,
    the filing person named in its lines (for the block after it) and the field or
    signature nested after it (or None)."""

    __slots__ = ("date_lines", "entity", "key", "next", "token", "value")
    type = "sig_field"

    def __init__(
        self, token: Token, key: str, value: str, dates: list[Token], entity: str | None, nested
    ) -> None:
        self.token = token
        self.key = key
        self.value = value
        self.date_lines = dates
        self.entity = entity
        self.next = nested


class Block:
    """One signature: the SIGNER line, the last field line, what they say."""

    __slots__ = (
        "attorney",
        "bare",
        "entity",
        "first",
        "last",
        "name",
        "signer",
        "starred",
        "through",
        "title",
        "title_column",
    )

    def __init__(self, first: Token) -> None:
        info = first.info
        self.first = first
        self.last = first
        self.signer: str = info.name
        self.name: str | None = None
        self.title: str = info.title
        self.title_column: int = info.title_column
        self.starred: bool = info.starred  # an attorney-in-fact signed for the person
        # Only a starred name ("Jane Roe*"): a signature once an attorney-in-fact's line
        # below says who signed for it, else a name in a list ("Acme Advisors*").
        line = first.value.strip().lower()
        self.bare: bool = info.starred and not info.dated and "/s/" not in line and line[:2] != "by"
        # On an attorney-in-fact's own line, True until ``settle`` attaches it; on a
        # starred row, the attorney's name once attached (False: the person's own "/s/").
        self.attorney: str | bool | None = True if info.attorney else None
        self.entity: str | None = None  # the filing person the block signs for
        # "By: Acme GP LLC," / "its general partner": the entity acts through the next
        # block's signer; no signature of its own (``settle`` drops it).
        self.through = False

    @property
    def acts_for_others(self) -> bool:
        """The line of an attorney-in-fact, signing for the starred rows above it."""
        return self.attorney is True


class Chain:
    """A ``signature`` node (or a section): its blocks, in order, and every dated line."""

    __slots__ = ("blocks", "date_lines")
    type = "signature"

    def __init__(self, blocks: list[Block], date_lines: list[Token]) -> None:
        self.blocks = blocks
        self.date_lines = date_lines


def _split(children: list) -> tuple[list, Field | Chain | None]:
    """A node's own lines, and the field or signature nested after them."""
    if len(children) > 1 and children[-1].type in _CHAINED:
        return children[1:-1], children[-1]
    return children[1:], None


def _dates(parts: list) -> list[Token]:
    """Each dated line ("Date: April 16, 2003", a "By:" line with a date beside it, the
    testimonium clause's last line)."""
    return [
        part
        for part in parts
        if part.type == "SIG_DATE" or (part.type == "SIGNER" and part.info.dated)
    ]


# How a company's name ends ("Acme Holdings, Inc.", "Lakeview Fund, L.P.", "iShares Trust").
_COMPANY_ENDINGS = (
    " inc", " inc.", " incorporated", " corp", " corp.", " corporation", " company",
    " co.", " llc", " l.l.c.", " lp", " l.p.", " llp", " ltd", " ltd.", " limited",
    " trust", " fund", " plc", " n.a.", " s.a.", " ag", " n.v.", " b.v.", " partners",
    " holdings",
)  # fmt: skip
_ABBREVIATED = tuple(e for e in _COMPANY_ENDINGS if e.endswith("."))
_ENTITY_MAX = 90  # a name on a line of its own is short; a longer line is prose


def _is_entity(words: str) -> bool:
    """A filing person's name on a line of its own: in capitals, or ending in a company
    form; never a sentence (a final period that ends no abbreviation)."""
    if len(words) > _ENTITY_MAX:
        return False
    if words.endswith(".") and not words.lower().endswith(_ABBREVIATED):
        return False
    letters = [ch for ch in words if ch.isalpha()]
    capitals = len(letters) >= 3 and sum(ch.islower() for ch in letters) <= 1
    return capitals or words.lower().rstrip(",").endswith(_COMPANY_ENDINGS)


def _entity(parts: list) -> str | None:
    """The filing person a following block signs for: the nearest prose line above it
    ("BRAMBLE MERGER SUB, INC.", "Acme Holdings, Inc."), skipping blank lines, rules,
    dates, a caption in parentheses ("(Registrant)") and "By: <entity>, its general
    partner"; prose or a signature line in between means the block names none."""
    for token in reversed(list(tokens_of(parts))):
        if token.type in ("BLANK", "RULE", "SIG_DATE", "PAGE", "PAGE_NUMBER"):
            continue
        if token.type not in ("TEXT", "CONT", "CAPTION"):
            return None
        words = token.value.strip().rstrip(":")
        if words[:3].lower() == "by:" or (words[0] == "(" and words[-1] == ")"):
            continue  # "By: X GP LLC, its general partner"; the form's "(Registrant)"
        return words if _is_entity(words) else None
    return None


_CELL_GAP = re.compile(r"\s{2,}")
_PRINTED_LINES = 4  # a printed name and a title wrapped over at most three lines
_PRINTED_WIDTH = 100  # a longer line is the page's prose, not a printed name or title


def _printed(block: Block, parts: list) -> None:
    """Read the printed name and title under a signing line (see the module's docs)."""
    seen = 0
    for token in tokens_of(parts):
        if token.type in ("RULE", "CAPTION"):
            continue  # the line a name is printed under, the form's "(Name and title)"
        if token.type not in ("TEXT", "CONT") or seen == _PRINTED_LINES:
            return
        text = token.value.rstrip()
        if len(text.strip()) > _PRINTED_WIDTH:
            return
        indent = len(text) - len(text.lstrip())
        cells = _CELL_GAP.split(text.strip())
        starts = [indent]
        for cell in cells[:-1]:  # where each cell starts, for the table's title column
            starts.append(text.index(cells[len(starts)], starts[-1] + len(cell)))
        title = []
        for start, cell in zip(starts, cells, strict=True):
            if 0 <= block.title_column - 2 <= start:
                title.append(cell)
            elif seen == 0 and not title:
                _print_name(block, cell, title)
            else:
                title.append(cell)
        if title:
            words = " ".join(title)
            block.title = f"{block.title} {words}".strip() if block.title else words
        seen += 1


def _print_name(block: Block, cell: str, title: list[str]) -> None:
    """The first printed cell: the signer's name, and what follows it on the line
    ("Jane Roe, Secretary"); a cell that does not repeat the name is a title."""
    printed = cell.rstrip("*").strip()
    if cell.endswith("*"):
        block.starred = True
    signer = block.signer.rstrip(",").strip()
    if not signer:
        block.signer = printed.rstrip(",")
        block.name = block.signer
    elif printed.lower().startswith(signer.lower()):
        block.name = printed[: len(signer)]
        rest = printed[len(signer) :].lstrip(" ,")
        if rest:
            title.append(rest)
    else:
        title.append(printed)


def read_field(children: list) -> Field:
    head = children[0]
    key, value = head.info  # a SigField
    own, nested = _split(children)
    if key == "title":
        for token in tokens_of(own):  # the title wraps up to the margin or a blank line
            if token.type == "CONT" or (token.type == "TEXT" and token.column > _WRAP_COLUMN):
                value += " " + token.value.strip()
            elif token.type in ("TEXT", "BLANK"):
                break
    return Field(head, key, value, _dates(own), _entity(own), nested)


def _follow(
    nested: Field | Chain | None, block: Block | None, dates: list[Token], entity: str | None
) -> list[Block]:
    """Apply a chain of fields to ``block`` (None: fields before any block are ignored);
    return the blocks that follow it, the first one signing for the last filing person
    named before it (``entity``, or one a field's lines name)."""
    while nested is not None and nested.type == "sig_field":
        if block is not None:
            if nested.key == "name":
                block.name = nested.value
            else:
                block.title = nested.value
            block.last = nested.token
        dates += nested.date_lines
        entity = nested.entity or entity
        nested = nested.next
    if nested is None:
        return []
    dates += nested.date_lines
    if nested.blocks and nested.blocks[0].entity is None:
        nested.blocks[0].entity = entity
    return nested.blocks


def _names_attorney(title: str) -> bool:
    """The title says attorney-in-fact ("Attorney-in-Fact", "attorney in fact")."""
    return "attorney in fact" in " ".join(title.lower().replace("-", " ").split())


def read_block(children: list) -> Chain:
    """A block: its printed lines, then the last "Name:" and "Title:" of its fields
    count; then the next blocks."""
    block = Block(children[0])
    own, nested = _split(children)
    _printed(block, own)
    if block.attorney is True and not _names_attorney(block.title):
        block.title = f"{block.title}, attorney-in-fact".lstrip(", ")
    elif _names_attorney(block.title) and not block.starred:
        block.attorney = True  # "Jane Roe, Attorney-in-fact" under a plain "By: /s/"
    if "/s/" not in block.first.value.lower() and block.title[:4].lower() == "its ":
        block.through = True
    dates = _dates(children[:1] + own)
    following = _follow(nested, block, dates, _entity(own))
    return Chain([block, *following], dates)


def read_signatures(children: list) -> Chain:
    """The blocks of a SIGNATURES section; fields before its first block belong to none."""
    blocks: list[Block] = []
    dates = _dates(children[1:])
    before: list = []
    for part in children[1:]:
        if part.type in _CHAINED:
            blocks += _follow(part, None, dates, _entity(before))
            before = []
        else:
            before.append(part)
    return Chain(blocks, dates)


def settle(blocks: list[Block]) -> list[Block]:
    """The signatures of a section, attorneys-in-fact attached to the rows they signed.

    A "By:" line of an entity acting through the next signer ("By: Acme GP LLC," / "its
    general partner") is no signature: the next block signs for what it signed for. A
    signing line followed at once by the attorney's line of the same person ("/s/ John
    Doe" / "*By: John Doe") is that one line. Each attorney's line names the attorney of
    every starred row before it not yet attached, and is dropped when it attached any.
    """
    merged: list[Block] = []
    through: Block | None = None
    for block in blocks:
        if block.through:
            through = block
            continue
        if through is not None and block.entity is None:
            block.entity = through.entity
        through = None
        if (
            merged
            and block.acts_for_others
            and merged[-1].signer.lower() == block.signer.lower()
            and not merged[-1].title
            and merged[-1].attorney is None
        ):
            block.first = merged[-1].first
            merged[-1] = block
        else:
            merged.append(block)
    settled: list[Block] = []
    for block in merged:
        if not block.acts_for_others:
            settled.append(block)
            continue
        waiting = [b for b in settled if b.starred and b.attorney is None]
        for row in waiting:  # who signed with their own "/s/" needed no attorney
            if row.signer.lower() != block.signer.lower() or row.bare:
                row.attorney = block.signer
            else:
                row.attorney = False
        if not waiting:
            block.attorney = None
            settled.append(block)
    kept = [block for block in settled if not (block.bare and not block.attorney)]
    for block in kept:
        if block.attorney is True or block.attorney is False:
            block.attorney = None
    return kept
