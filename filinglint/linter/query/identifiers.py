"""Securities identifiers the cover names: CUSIP numbers and their check digit.

A CUSIP is nine characters: six for the issuer, two for the issue, and a check digit
computed from the first eight by the modulus-10 "double-add-double" method of the CUSIP
standard (ANSI X9.6): digits count as themselves, letters as 10–35 (A=10 … Z=35),
``*`` as 36, ``@`` as 37 and ``#`` as 38; every second value (positions 2, 4, 6 and 8)
is doubled; the digits of all values are added; the check digit is
``(10 − sum mod 10) mod 10``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SPECIAL = {"*": 36, "@": 37, "#": 38}
# A CUSIP-like word: nine (or a malformed eight or ten) characters of the CUSIP alphabet,
# standing alone; footnote markers glued after it ("670703107*", "670703107(1)") are not
# part of it. The lookarounds keep it out of longer words and numbers.
_CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z*@#])([0-9A-Z*@#]{8,10}?)(?=(?:\*{1,3}|\+{1,2}|†|‡|\(\d{1,2}\))?(?![0-9A-Za-z@#]))"
)


class CusipMention(NamedTuple):
    """A CUSIP-like word of a text: where it starts and ends, and the word."""

    start: int
    end: int
    text: str


def cusip_check_digit(first_eight: str) -> int:
    """The check digit of a CUSIP's first eight characters (upper case)."""
    total = 0
    for position, character in enumerate(first_eight):
        if character.isdigit():
            value = int(character)
        elif "A" <= character <= "Z":
            value = ord(character) - ord("A") + 10
        else:
            value = _SPECIAL[character]
        if position % 2 == 1:
            value *= 2
        total += value // 10 + value % 10
    return (10 - total % 10) % 10


def cusip_mentions(text: str) -> list[CusipMention]:
    """Words of ``text`` that are meant as CUSIPs: 8–10 characters of the CUSIP alphabet
    with at least five digits (so "Inapplicable", "NONE" and words are never read as one)."""
    found = []
    for match in _CANDIDATE.finditer(text):
        word = match.group(1)
        if sum(ch.isdigit() for ch in word) >= 5:
            found.append(CusipMention(match.start(1), match.end(1), word))
    return found
