"""Turn bytes into text once, with a line index that every span is measured against.

EDGAR ASCII filings are ASCII or Latin-1 in practice, drafts from word processors are
often Windows-1252 (smart quotes) and newer files are UTF-8. We accept UTF-8 (with or
without BOM) first because it is unambiguous; anything else is read as Windows-1252 so a
legacy filing is never rejected, and the fallback is reported as an info note so a user
who expected UTF-8 learns why their quotes look odd.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filinglint.linter.ast import Span

MAX_FILE_BYTES = 256 * 1024 * 1024
_BINARY_SNIFF = 8192
_MAX_STRAY_NULS = 4  # more NUL bytes than this at the start: a binary file, not text

# Bytes Windows-1252 leaves undefined; decoding maps them through Latin-1 instead.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


class InputError(Exception):
    """An input that cannot be checked at all; its message is one line naming the path."""


@dataclass(frozen=True)
class DecodeNote:
    """Where and how decoding had to deviate from plain UTF-8."""

    offset: int
    message: str
    severity: str  # "info" for a clean fallback, "error" for bytes no encoding explains


@dataclass
class Source:
    """The text of one input and the index that maps offsets to 1-based line/column."""

    path: str
    text: str
    encoding: str = "utf-8"
    notes: list[DecodeNote] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        starts = self.line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    def lines_of(self, span: Span) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of a span: the one place offsets become lines.

        Lines and columns are 1-based and the end column is exclusive, as in SARIF regions:
        the end is the column just after the span's last character, on that character's
        line. An empty span ends where it starts.
        """
        line, column = self.position(span.start)
        if span.end <= span.start:
            return line, column, line, column
        if self.text[span.end - 1 : span.end] == "\n":  # a span through a line end
            return (line, column, *self.position(span.end))
        end_line, last = self.position(span.end - 1)
        return line, column, end_line, last + 1

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its newline ('' past the end)."""
        starts = self.line_starts
        if number < 1 or number > len(starts):
            return ""
        start = starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    @property
    def line_count(self) -> int:
        return len(self.line_starts)


def decode(data: bytes, path: str) -> Source:
    """Decode bytes to a Source, normalising line ends to ``\\n``."""
    notes: list[DecodeNote] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        encoding = "windows-1252"
        text = _decode_legacy(data)
        undefined = next((i for i, b in enumerate(data) if b in _CP1252_UNDEFINED), None)
        if undefined is not None:
            notes.append(
                DecodeNote(
                    undefined,
                    f"byte 0x{data[undefined]:02X} is not valid UTF-8 or Windows-1252;"
                    " it was read as a control character",
                    "error",
                )
            )
        else:
            notes.append(
                DecodeNote(
                    exc.start,
                    f"not valid UTF-8 (byte 0x{data[exc.start]:02X}); read as Windows-1252",
                    "info",
                )
            )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(path=path, text=text, encoding=encoding)
    # Byte offsets of notes become character offsets of the decoded text; for the
    # single-byte legacy decoding (the only one that produces notes) they coincide,
    # except for removed carriage returns before the offset.
    for note in notes:
        crs = data.count(b"\r\n", 0, note.offset)
        source.notes.append(DecodeNote(note.offset - crs, note.message, note.severity))
    return source


def _decode_utf16(data: bytes, path: str) -> Source:
    """UTF-16 with a byte-order mark: readable, but never what EDGAR accepts."""
    text = data.decode("utf-16", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    note = DecodeNote(0, "UTF-16 text; EDGAR accepts ASCII or UTF-8 only", "info")
    return Source(path=path, text=text, encoding="utf-16", notes=[note])


def _decode_legacy(data: bytes) -> str:
    """Windows-1252, with its five undefined bytes taken as Latin-1 control characters."""
    if not any(b in _CP1252_UNDEFINED for b in data):
        return data.decode("cp1252")
    return "".join(
        bytes([b]).decode("latin-1") if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252")
        for b in data
    )


_SUBMISSION_MARKS = (b"<SEC-DOCUMENT>", b"<SEC-HEADER>", b"<SUBMISSION>", b"<DOCUMENT>")
_UUENCODE = re.compile(rb"\s*begin [0-7]{3} ")


_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x0b\x1b")


def _looks_binary(sniff: bytes) -> bool:
    """NUL bytes with many other control bytes, or more than a few NULs: not text.

    A text filing with one stray NUL is still read (and the NUL reported).
    """
    if b"\x00" not in sniff:
        return False
    controls = len(sniff) - len(sniff.translate(None, _CONTROL_BYTES))
    return sniff.count(b"\x00") > _MAX_STRAY_NULS or controls > len(sniff) // 10


def _read(handle) -> bytes:
    """The file's bytes; for a submission, without the bodies of binary documents."""
    head = handle.read(_BINARY_SNIFF)
    if not any(mark in head for mark in _SUBMISSION_MARKS):
        return head + handle.read()
    handle.seek(0)
    return _without_binary_bodies(handle)


def _without_binary_bodies(lines) -> bytes:
    """A submission whose uuencoded or PDF document bodies keep only their line ends.

    A 100 MB submission is mostly pictures, spreadsheets and zips that are never linted;
    dropping their bytes while keeping every line end bounds memory by the text
    documents (each binary line costs one byte) and leaves every line number unchanged.
    """
    out = bytearray()
    state = 0  # 0: ordinary line, 1: just after <TEXT>, 2: inside a binary body
    for line in lines:
        if state == 2:
            if b"</TEXT>" in line:
                state = 0
                out += line
            else:
                out += b"\r\n" if line.endswith(b"\r\n") else b"\n" if line.endswith(b"\n") else b""
            continue
        out += line
        if state == 1 and line.strip():
            binary = _UUENCODE.match(line) or line.lstrip().upper().startswith(b"<PDF>")
            state = 2 if binary else 0
        elif state == 0 and line.rstrip().endswith(b"<TEXT>"):
            state = 1
    return bytes(out)


def read_bytes(data: bytes, path: str) -> Source:
    """The Source of a file's bytes as the engine reads them: a Word document's text for
    a ``.docx`` (InputError if it is not a readable one), else the decoded text."""
    if _is_docx(path):
        from filinglint.linter.docx import read_docx

        return read_docx(data, path)
    return decode(data, path)


def _is_docx(path: str) -> bool:
    """A Word document is read as one by its name (``.docx``), so its locations are
    paragraphs whatever the bytes; a zip named otherwise is binary data, as before."""
    return path.lower().endswith((".docx", ".docm", ".dotx", ".dotm"))


def read_path(path: str) -> Source:
    """Read a file (or ``-`` for stdin) into a Source, or raise InputError with one line."""
    if path == "-":
        data = sys.stdin.buffer.read()
        display = "<stdin>"
    else:
        display = path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                raise InputError(f"{path}: broken symbolic link") from None
            raise InputError(f"{path}: no such file or directory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise InputError(
                f"{path}: file is {info.st_size / 1048576:.0f} MiB, above the "
                f"{MAX_FILE_BYTES // 1048576} MiB limit"
            )
        try:
            with open(path, "rb") as handle:
                data = handle.read() if _is_docx(path) else _read(handle)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise InputError(f"{display}: empty file, nothing to check")
    if _is_docx(display):
        return read_bytes(data, display)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode(data, display)
    if _looks_binary(data[:_BINARY_SNIFF]):
        nul = data.find(b"\x00")
        raise InputError(f"{display}: binary data (NUL byte at offset {nul}), not a filing")
    source = decode(data, display)
    nul = source.text.find("\x00")
    if nul != -1:
        source.notes.append(
            DecodeNote(
                nul, "NUL byte (0x00) in the text; EDGAR rejects control characters", "error"
            )
        )
    return source
