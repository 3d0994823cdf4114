"""Apply the fixes rules offer: in passes, to the file's own bytes, written atomically.

A fix's edits are offsets into the text the engine read (line ends normalised to
``\\n``). The file on disk may use ``\\r\\n``, start with a byte-order mark, be
Windows-1252, or (a submission) hold binary documents the reader skipped; none of that
may change when a fee is corrected. So each pass decodes the file's bytes twice from
the same data — once as the engine reads them, once as they are — maps every edit onto
the second, applies it there, and encodes the result the way the file was encoded.

Passes: the fixes of one check that do not overlap are applied together; the file is
then checked again and the next pass applies what has become applicable, until no fix
applies or ``MAX_PASSES`` is reached (a rule whose fix does not remove its finding
cannot loop forever).

Writing (``linter/writing.py``): through a symbolic link, to a regular file only, as a
temporary file in the same folder that is flushed, given the original's permissions and
renamed over it; if anything fails the original is untouched and no temporary file is
left. A file that changed on disk while it was being fixed is not written.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from filinglint.linter.diagnostics import Diagnostic, Edit, Fix
from filinglint.linter.source import Source, decode

MAX_PASSES = 10
_UTF8_BOM = b"\xef\xbb\xbf"


class FixError(Exception):
    """A fix that could not be written; the message is one line naming the file."""


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    """Whether ``fix`` may be applied: safe ones always, unsafe ones when asked for."""
    return fix is not None and bool(fix.edits) and (fix.safety == "safe" or unsafe)


@dataclass
class FixOutcome:
    """What fixing one file did: its bytes before and after, what was fixed, what remains."""

    path: str
    before: bytes
    after: bytes
    encoding: str = "utf-8"  # as the reader decoded the file
    fixed: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    source: Source | None = None  # the text the remaining findings speak of

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class _Codec:
    """How the file's bytes are text: the codec, and a byte-order mark to keep."""

    name: str
    bom: bytes

    @classmethod
    def of(cls, data: bytes, encoding: str) -> _Codec:
        if encoding == "utf-16":
            return cls("utf-16", b"")  # Python's utf-16 codec writes the BOM itself
        if encoding == "utf-8":
            return cls("utf-8", _UTF8_BOM if data.startswith(_UTF8_BOM) else b"")
        return cls("cp1252", b"")

    def text(self, data: bytes) -> str:
        if self.name == "cp1252":
            from filinglint.linter.source import _decode_legacy

            return _decode_legacy(data)
        return data[len(self.bom) :].decode(self.name)

    def encode(self, text: str) -> bytes:
        """The bytes of ``text``; a character the file's encoding lacks raises FixError."""
        try:
            return self.bom + text.encode(self.name)
        except UnicodeEncodeError as exc:
            raise FixError(f"{exc.object[exc.start]!r} cannot be written as {self.name}") from None


def _removed_carriage_returns(raw: str) -> list[int]:
    """Offsets, in the normalised text, of the ``\\n`` of each ``\\r\\n`` of ``raw``."""
    removed = []
    position = raw.find("\r\n")
    while position != -1:
        removed.append(position - len(removed))
        position = raw.find("\r\n", position + 2)
    return removed


def _apply(raw: str, normalised: str, edits: list[Edit]) -> str | None:
    """``raw`` with ``edits`` (offsets into ``normalised``) applied; None if one misfits."""
    removed = _removed_carriage_returns(raw)
    pieces = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        start = edit.start + bisect.bisect_left(removed, edit.start)
        end = edit.end + bisect.bisect_left(removed, edit.end)
        written = raw[start:end].replace("\r\n", "\n").replace("\r", "\n")
        if start < cursor or written != normalised[edit.start : edit.end]:
            return None
        pieces.append(raw[cursor:start])
        pieces.append(edit.content)
        cursor = end
    pieces.append(raw[cursor:])
    return "".join(pieces)


@dataclass(frozen=True)
class _TextFile:
    """A text file: decoded as the engine reads it, edited in its own encoding."""

    codec: _Codec

    def read(self, data: bytes, shown: str) -> Source:
        return decode(data, shown)

    def text(self, data: bytes) -> str:
        return self.codec.text(data)

    def apply(self, data: bytes, source: Source, edits: list[Edit]) -> bytes | None:
        changed = _apply(self.codec.text(data), source.text, edits)
        return None if changed is None else self.codec.encode(changed)


class _WordDocument:
    """A Word document: edits go into the ``w:t`` elements they fall in (``docx.py``)."""

    def read(self, data: bytes, shown: str) -> Source:
        from filinglint.linter.docx import read_docx
        from filinglint.linter.source import InputError

        try:
            return read_docx(data, shown)
        except InputError as exc:
            raise FixError(str(exc)) from None

    def text(self, data: bytes) -> str:
        return self.read(data, "").text

    def apply(self, data: bytes, source: Source, edits: list[Edit]) -> bytes | None:
        from filinglint.linter.docx import apply_edits

        return apply_edits(data, source, edits)  # type: ignore[arg-type]


def _choose(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Applicable fixes whose edits overlap no fix chosen before them."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if not applicable(fix, unsafe):
            continue
        ranges = [(edit.start, edit.end) for edit in fix.edits]  # type: ignore[union-attr]
        if any((a < d and c < b) or a == b == c == d for a, b in ranges for c, d in taken):
            continue
        taken.extend(ranges)
        chosen.append(diagnostic)
    return chosen


def fix_file(
    path: str, data: bytes, encoding: str, check: Callable[[Source], list[Diagnostic]], *,
    unsafe: bool, display: str | None = None,
) -> FixOutcome:  # fmt: skip
    """Apply fixes to ``data`` (the file's bytes) in passes; nothing is written here."""
    shown = display or path
    document = _WordDocument() if encoding == "docx" else _TextFile(_Codec.of(data, encoding))
    outcome = FixOutcome(path=shown, before=data, after=data, encoding=encoding)
    current = data
    for _ in range(MAX_PASSES):
        source = document.read(current, shown)
        diagnostics = check(source)
        outcome.remaining, outcome.source = diagnostics, source
        chosen = _choose(diagnostics, unsafe)
        if not chosen:
            break
        edits = [edit for d in chosen for edit in d.fix.edits]  # type: ignore[union-attr]
        changed = document.apply(current, source, edits)
        if changed is None or changed == current:
            break
        current = changed
        outcome.fixed.extend(chosen)
    else:
        source = document.read(current, shown)
        outcome.remaining, outcome.source = check(source), source
    outcome.after = current
    return outcome


def unified_diff(outcome: FixOutcome) -> str:
    """The change as a unified diff (``--- path`` / ``+++ path``), text as read."""
    document = (
        _WordDocument()
        if outcome.encoding == "docx"
        else _TextFile(_Codec.of(outcome.before, outcome.encoding))
    )
    before, after = document.text(outcome.before), document.text(outcome.after)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=outcome.path,
        tofile=outcome.path,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def write_atomically(path: str, before: bytes, after: bytes) -> None:
    """Replace the file's bytes ``before`` with ``after``, or leave it untouched.

    Writes through a symbolic link to the file it names (the link stays a link), keeps
    the permission bits, refuses anything but a regular file, refuses when the file no
    longer holds ``before``, and leaves no temporary file (``linter/writing.py``).
    """
    from filinglint.linter.writing import WriteError, write_file

    try:
        with open(path, "rb") as handle:
            if handle.read() != before:
                raise FixError(f"{path}: changed on disk while it was being fixed; not written")
    except OSError as exc:
        raise FixError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        write_file(path, after, regular_only=True)
    except WriteError as exc:
        raise FixError(str(exc)) from None
