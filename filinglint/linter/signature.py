"""Signature blocks: who signed ("By: /s/ …"), their name and title, and the "Date:" lines.

The lexer types a signature's lines (SIGNER, SIG_FIELD, SIG_DATE) and the grammar groups
them: a ``signature`` holds its SIGNER line and every line up to the next SIGNER or
field line, and a ``sig_field`` ("Name:", "Title:") every line up to the next one. The
next field or block is nested as the last child (the grammar's greedy shift), so a
block's fields, and the blocks after it, are read by following that chain.

What is left to read here is the title's wrap: the plain lines after "Title:" that
continue it (a CONT line, or prose indented past column 20), up to the first line at
the margin. The block's date is matched in ``build`` with the dates read from the whole
text, since a date may stand before or after the block.
"""

from __future__ import annotations

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
        self, token: Token, key: str, value: str, dates: list[int], entity: str | None, nested
    ) -> None:
        self.token = token
        self.key = key
        self.value = value
        self.date_lines = dates
        self.entity = entity
        self.next = nested


class Block:
    """One signature: the SIGNER line, the last field line, what they say."""

    __slots__ = ("entity", "first", "last", "name", "signer", "title")

    def __init__(self, first: Token) -> None:
        self.first = first
        self.last = first
        self.signer: str = first.info.name
        self.name: str | None = None
        self.title = ""
        self.entity: str | None = None  # the filing person the block signs for


class Chain:
    """A ``signature`` node (or a section): its blocks, in order, and every dated line."""

    __slots__ = ("blocks", "date_lines")
    type = "signature"

    def __init__(self, blocks: list[Block], date_lines: list[int]) -> None:
        self.blocks = blocks
        self.date_lines = date_lines


def _split(children: list) -> tuple[list, Field | Chain | None]:
    """A node's own lines, and the field or signature nested after them."""
    if len(children) > 1 and children[-1].type in _CHAINED:
        return children[1:-1], children[-1]
    return children[1:], None


def _dates(parts: list) -> list[int]:
    """Where each dated line ("Date: April 16, 2003", or a "By:" line with a date beside
    it) starts, in the reader's text."""
    return [
        part.start_pos
        for part in parts
        if part.type == "SIG_DATE" or (part.type == "SIGNER" and part.info.dated)
    ]


def _entity(parts: list) -> str | None:
    """The filing person a following block signs for: the last prose line of ``parts``
    written in capitals ("BRAMBLE MERGER SUB, INC."), as signature pages print it."""
    found = None
    for token in tokens_of(parts):
        if token.type in ("TEXT", "CONT"):
            words = token.value.strip()
            if words.isupper() and sum(ch.isalpha() for ch in words) >= 3:
                found = words.rstrip(":")
    return found


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
    nested: Field | Chain | None, block: Block | None, dates: list[int], entity: str | None
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


def read_block(children: list) -> Chain:
    """A block: the last "Name:" and "Title:" of its fields count; then the next blocks."""
    block = Block(children[0])
    own, nested = _split(children)
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
