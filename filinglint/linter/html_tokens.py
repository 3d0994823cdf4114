"""A linear-time HTML tokenizer that reports the exact offset of every token.

Python's ``html.parser`` was the reader's tokenizer until issue 11 measured it on
malformed markup: every construct it cannot close (a start tag, end tag, comment,
declaration or processing instruction with no end) makes it rescan the rest of the
document from the next ``<``, so a few hundred kilobytes of ``<a x `` took minutes. This
tokenizer follows the HTML standard's tokenizer, simplified to what a reader of filings
needs, and never looks at a character twice:

- text runs to the next ``<`` or ``&``;
- ``&name;`` / ``&name`` (followed by a character that cannot continue the name) is an
  entity reference, ``&#123;`` / ``&#x1F;`` a character reference (``;`` optional, as
  ``html.parser`` had it); any other ``&`` is text;
- ``<`` + letter opens a start tag: its name runs to whitespace, ``/`` or ``>``, then
  attributes (a value quoted with ``"`` or ``'`` may hold ``>`` and newlines); ``/>``
  closes it at once (``handle_startendtag``). A tag the document ends inside is dropped,
  as a browser drops it;
- ``</`` + letter is an end tag (attributes skipped the same way); ``</>`` is nothing;
  ``</`` + anything else, ``<!`` and ``<?`` open a bogus comment that ends at the next
  ``>``; ``<!--`` a comment that ends at ``-->`` (or ``--!>``, or at once for ``<!-->``
  and ``<!--->``); an unclosed comment runs to the end of the document, as in a browser;
- ``<script>`` and ``<style>`` hold raw text up to their end tag;
- any other ``<`` is text.

Every search for a terminator goes through :class:`_Finder`, which remembers where it
last looked: a terminator found at ``f`` from ``s`` answers every later search from
between ``s`` and ``f``, and a terminator not found from ``s`` is not found from any later
start, so each kind of terminator is searched for over each character at most once.
Attribute names are lowercased and values unescaped, as ``html.parser`` gave them.
"""

from __future__ import annotations

import re
from html import unescape

__all__ = ["Tokenizer"]

_TEXT_END = re.compile(r"[<&]")
_SPACE = re.compile(r"[\t\n\f\r ]*+")
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*+")
_ATTRIBUTE_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*+")
_BARE_VALUE = re.compile(r"[^\t\n\f\r >]*+")
_ENTITY = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*+)(?![a-zA-Z0-9])")
_CHARREF = re.compile(r"&#([0-9]++|[xX][0-9a-fA-F]++)(?![0-9a-fA-F])")
_RAW_TEXT = ("script", "style")


class _Finder:
    """``text.find(needle, start)`` (or a pattern's search) that never rescans.

    Starts must not decrease between calls for the same needle (the tokenizer only moves
    forward); then each search covers characters no earlier search covered.
    """

    __slots__ = ("_memo", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[object, tuple[int, int, int]] = {}  # needle → (from, at, end)

    def find(self, needle: str | re.Pattern[str], start: int) -> tuple[int, int]:
        """(start, end) of the first ``needle`` at or after ``start``, or (-1, -1)."""
        memo = self._memo.get(needle)
        if memo is not None:
            searched_from, at, end = memo
            if searched_from <= start and (at == -1 or start <= at):
                return at, end
        if isinstance(needle, str):
            at = self.text.find(needle, start)
            end = at + len(needle) if at != -1 else -1
        else:
            match = needle.search(self.text, start)
            at, end = (match.start(), match.end()) if match else (-1, -1)
        self._memo[needle] = (start, at, end)
        return at, end


_COMMENT_END = re.compile(r"--!?>")
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.IGNORECASE) for name in _RAW_TEXT}


class Tokenizer:
    """Reads HTML and calls ``handle_*`` methods, with ``self.at`` the token's offset.

    Subclasses implement ``handle_starttag(tag, attrs)``, ``handle_startendtag(tag,
    attrs)``, ``handle_endtag(tag)``, ``handle_data(text)``, ``handle_entityref(name)``
    and ``handle_charref(name)``; comments and declarations are dropped.
    """

    at = 0

    def tokenize(self, html: str) -> None:
        finder = _Finder(html)
        size = len(html)
        position = 0
        while position < size:
            match = _TEXT_END.search(html, position)
            stop = match.start() if match else size
            if stop > position:
                self.at = position
                self.handle_data(html[position:stop])
            if match is None:
                return
            position = stop
            if html[position] == "&":
                position = self._reference(html, position)
            else:
                position = self._markup(html, position, finder)

    def _reference(self, html: str, position: int) -> int:
        self.at = position
        if html.startswith("&#", position):
            match = _CHARREF.match(html, position)
            if match is not None:
                self.handle_charref(match.group(1))
                end = match.end()
                return end + 1 if html.startswith(";", end) else end
        else:
            match = _ENTITY.match(html, position)
            if match is not None:
                self.handle_entityref(match.group(1))
                end = match.end()
                return end + 1 if html.startswith(";", end) else end
        self.handle_data("&")
        return position + 1

    def _markup(self, html: str, position: int, finder: _Finder) -> int:
        """Read the markup at ``html[position] == "<"``; return where reading goes on."""
        following = html[position + 1 : position + 2]
        if following.isascii() and following.isalpha():
            return self._tag(html, position, finder, end=False)
        if following == "/":
            after = html[position + 2 : position + 3]
            if after.isascii() and after.isalpha():
                return self._tag(html, position, finder, end=True)
            if after == ">":
                return position + 3  # "</>": nothing
            if not after:
                self.at = position
                self.handle_data("</")
                return position + 2
            return self._bogus_comment(position, finder)
        if following == "!":
            if html.startswith("<!--", position):
                return self._comment(html, position, finder)
            return self._bogus_comment(position, finder)
        if following == "?":
            return self._bogus_comment(position, finder)
        self.at = position
        self.handle_data("<")
        return position + 1

    def _comment(self, html: str, position: int, finder: _Finder) -> int:
        body = position + 4
        if html.startswith(">", body):
            return body + 1  # <!-->
        if html.startswith("->", body):
            return body + 2  # <!--->
        _, end = finder.find(_COMMENT_END, body)
        return len(html) if end == -1 else end

    def _bogus_comment(self, position: int, finder: _Finder) -> int:
        at, _ = finder.find(">", position + 1)
        return len(finder.text) if at == -1 else at + 1

    def _tag(self, html: str, position: int, finder: _Finder, *, end: bool) -> int:
        name_start = position + (2 if end else 1)
        name_match = _TAG_NAME.match(html, name_start)
        name = name_match.group().lower()
        cursor = name_match.end()
        attrs: list[tuple[str, str | None]] = []
        size = len(html)
        self_closing = False
        while True:
            cursor = _SPACE.match(html, cursor).end()
            if cursor >= size:
                return size  # the document ends inside the tag: a browser drops it
            char = html[cursor]
            if char == ">":
                cursor += 1
                break
            if char == "/":
                cursor += 1
                if html.startswith(">", cursor):
                    self_closing = True
                    cursor += 1
                    break
                continue
            attribute = _ATTRIBUTE_NAME.match(html, cursor)
            attribute_name = attribute.group().lower()
            cursor = _SPACE.match(html, attribute.end()).end()
            value: str | None = None
            if html.startswith("=", cursor):
                cursor = _SPACE.match(html, cursor + 1).end()
                quote = html[cursor : cursor + 1]
                if quote in ('"', "'"):
                    close, _ = finder.find(quote, cursor + 1)
                    if close == -1:
                        return size  # an unclosed quote: the tag never ends
                    value = html[cursor + 1 : close]
                    cursor = close + 1
                else:
                    bare = _BARE_VALUE.match(html, cursor)
                    value = bare.group()
                    cursor = bare.end()
                value = unescape(value) if value else value
            attrs.append((attribute_name, value))
        self.at = position
        if end:
            self.handle_endtag(name)
            return cursor
        if self_closing:
            self.handle_startendtag(name, attrs)
        else:
            self.handle_starttag(name, attrs)
            if name in _RAW_TEXT:
                return self._raw_text(html, name, cursor, finder)
        return cursor

    def _raw_text(self, html: str, name: str, position: int, finder: _Finder) -> int:
        """Text of a ``<script>`` or ``<style>``, up to its end tag (not read as markup)."""
        at, _ = finder.find(_RAW_END[name], position)
        stop = len(html) if at == -1 else at
        if stop > position:
            self.at = position
            self.handle_data(html[position:stop])
        return stop

    # --- handlers (overridden) -------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag."""

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag closed by ``/>``."""

    def handle_endtag(self, tag: str) -> None:
        """An end tag."""

    def handle_data(self, data: str) -> None:
        """Text, exactly as it stands in the HTML from ``self.at``."""

    def handle_entityref(self, name: str) -> None:
        """``&name;`` at ``self.at``."""

    def handle_charref(self, name: str) -> None:
        """``&#…;`` at ``self.at`` (``name`` without ``&#`` and ``;``)."""
