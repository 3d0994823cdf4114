"""Word drafts (``.docx``): the text a reader sees, as lines the filing readers already know.

Deal lawyers draft in Word; the filing agent makes the HTML or ASCII at the last minute.
So a ``.docx`` is read into the same kind of text an ASCII filing is, and from there into
the same AST: every rule applies unchanged.

What the text is, block by block (a *block* is one line of the text, numbered from 1,
and is what a location ``draft.docx:¶42:17`` counts — ``¶42`` the 42nd block, 17 the
character in it):

- each body paragraph is a block (an empty paragraph an empty one, which is what
  separates a cover field from the next, as a blank line does in ASCII); a soft line
  break (Shift+Enter) inside a paragraph starts a new line of the text but not a new
  block, so the cover's stacked lines read as lines while locations stay paragraphs;
- each table row is a block: its cells' text joined by three spaces, which is how the
  ASCII readers see a fee table row or an exhibit list entry; a cell's own paragraphs
  are joined by a space, nested tables flattened into their cell;
- checkboxes become the box glyphs the lexer knows (``☐``/``☒``): Word checkbox content
  controls (``w14:checkbox``; their checked state, not their glyph, decides), legacy
  check box form fields (``FORMCHECKBOX``), ``☐``/``☒`` typed as text, and Wingdings
  boxes (``w:sym`` or a run in the Wingdings font, mapped as ``html.py`` maps them);
- tracked changes are read as if every change were accepted — insertions and moves
  kept, deletions and moved-from text dropped, a deleted paragraph mark joining its
  paragraph to the next — and a read note says so (rule FL006);
- hidden text (``w:vanish``) and field codes are not read; a field's result is;
- footnote references read as ``(N)`` (Word numbers footnotes in the order they are
  referenced), and the footnotes follow the body, one block each, as ``(N) text``.

Fixes: each piece of the text that is the text of one ``w:t`` element remembers that
element, so an edit that falls inside one element rewrites that element's text and
nothing else (its run keeps its formatting); the other parts of the package are copied
byte for byte. An edit that crosses elements, or touches text made here (a glyph, a
separator), is refused, never approximated.
"""

from __future__ import annotations

import bisect
import io
import zipfile
from dataclasses import dataclass, field

from filinglint.linter.source import DecodeNote, InputError, Source

DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
DOCUMENT_PART = "word/document.xml"
FOOTNOTES_PART = "word/footnotes.xml"
#: Uncompressed size above which a part is not read (a zip bomb, or no filing).
MAX_PART_BYTES = 128 * 1024 * 1024
CELL_GAP = "   "

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_CHECKED, _UNCHECKED = "☒", "☐"
_SKIPPED_FOOTNOTES = {"separator", "continuationSeparator", "continuationNotice"}
# Elements whose content is never displayed text.
_NOT_TEXT = {
    f"{_W}{name}"
    for name in ("del", "moveFrom", "instrText", "delText", "delInstrText", "rPr", "pPr")
}


def is_docx_path(path: str) -> bool:
    """Whether ``path`` names a Word document (by its name: that is what we read it as)."""
    return path.lower().endswith(DOCX_SUFFIXES)


@dataclass(frozen=True)
class TextPiece:
    """Text ``start``–``end`` of the read text is the whole text of one ``w:t`` element."""

    start: int
    end: int
    part: str
    index: int  # the element's position among the part's w:t elements, in document order


@dataclass
class DocxSource(Source):
    """A Word document's text; positions count blocks (``¶``), not lines."""

    block_starts: list[int] = field(default_factory=list)
    pieces: list[TextPiece] = field(default_factory=list)
    tracked_changes: int = 0  # insertions and deletions read as accepted

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (block, column): the paragraph or table row and the character in it."""
        index = bisect.bisect_right(self.block_starts, offset) - 1
        index = max(index, 0)
        return index + 1, offset - self.block_starts[index] + 1

    def line(self, number: int) -> str:
        """Block ``number``'s text, a soft line break shown as a space (one character)."""
        starts = self.block_starts
        if number < 1 or number > len(starts):
            return ""
        end = starts[number] - 1 if number < len(starts) else len(self.text)
        return self.text[starts[number - 1] : end].replace("\n", " ")

    @property
    def line_count(self) -> int:
        return len(self.block_starts)


class _Text:
    """The text being written, with lazy separators so empty cells leave no gap."""

    def __init__(self, part: str) -> None:
        self.chunks: list[str] = []
        self.length = 0
        self.block_starts: list[int] = []
        self.pieces: list[TextPiece] = []
        self.part = part
        self.pending = ""  # a separator written only if text follows
        self.footnote_numbers: dict[str, int] = {}
        self.insertions = 0
        self.deletions = 0
        self.first_change: int | None = None  # where the first tracked change stands
        self.joining = False  # the last paragraph's mark was deleted: no new block
        self.elements: list = []  # every w:t of the part, kept alive so ids stay stable
        self.element_index: dict[int, int] = {}

    def change(self, inserted: bool) -> None:
        """Count a tracked change (read as accepted) and remember where the first was."""
        if inserted:
            self.insertions += 1
        else:
            self.deletions += 1
        if self.first_change is None:
            self.first_change = self.length + len(self.pending)

    def block(self) -> None:
        """Start a new block (a paragraph or a table row)."""
        if self.block_starts:
            self._put("\n")
        self.pending = ""
        self.block_starts.append(self.length)

    def separate(self, gap: str) -> None:
        """Put ``gap`` before the next text of this block, if any text precedes it; the
        wider of two pending gaps wins (a cell gap over a paragraph's space)."""
        if self.length > self.block_starts[-1] and len(gap) > len(self.pending):
            self.pending = gap

    def pad_to(self, column: int) -> None:
        """Continue this block at ``column`` (or a cell gap further, if past it)."""
        used = self.length - self.block_starts[-1]
        self.pending = ""
        self._put(" " * (column - used) if column - used >= len(CELL_GAP) else CELL_GAP)

    def write(self, text: str, element=None) -> None:
        if not text:
            return
        if self.pending:
            self._put(self.pending)
            self.pending = ""
        if element is not None:
            self.pieces.append(
                TextPiece(
                    self.length, self.length + len(text), self.part, self.element_index[id(element)]
                )
            )
        self._put(text)

    def _put(self, text: str) -> None:
        self.chunks.append(text)
        self.length += len(text)


def read_docx(data: bytes, path: str) -> DocxSource:
    """The text of a Word document, or InputError with one line naming ``path``."""
    package = open_package(data, path)
    with package:
        document = _parse_part(package, DOCUMENT_PART, path)
        footnotes = (
            _parse_part(package, FOOTNOTES_PART, path)
            if FOOTNOTES_PART in package.namelist()
            else None
        )
    out = _Text(DOCUMENT_PART)
    _index_elements(out, document)
    body = document.find(f"{_W}body")
    if body is None:
        raise InputError(f"{path}: not a Word document (word/document.xml has no body)")
    _blocks(out, body)
    if footnotes is not None and out.footnote_numbers:
        _footnotes(out, footnotes)
    if not out.block_starts:
        out.block_starts.append(0)
    text = "".join(out.chunks)
    if not text.strip():
        raise InputError(f"{path}: empty Word document, nothing to check")
    source = DocxSource(path=path, text=text, encoding="docx")
    source.block_starts = out.block_starts
    source.pieces = out.pieces
    source.tracked_changes = out.insertions + out.deletions
    if out.first_change is not None:
        kept = f"{out.insertions} insertion{'s' if out.insertions != 1 else ''} kept"
        dropped = f"{out.deletions} deletion{'s' if out.deletions != 1 else ''} dropped"
        source.notes.append(
            DecodeNote(
                min(out.first_change, max(len(text) - 1, 0)),
                f"tracked changes read as if accepted ({kept}, {dropped})",
                "tracked-changes",
            )
        )
    return source


def open_package(data: bytes, path: str) -> zipfile.ZipFile:
    """The document's zip package, checked to be a readable, unencrypted Word package."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise InputError(
                f"{path}: encrypted (password-protected) Word document; save a copy without"
                " a password to check it"
            )
        raise InputError(f"{path}: a Word 97-2003 (.doc) file, not .docx; save it as .docx")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise InputError(f"{path}: not a Word document (not a zip archive)") from None
    try:
        info = package.getinfo(DOCUMENT_PART)
    except KeyError:
        package.close()
        raise InputError(
            f"{path}: a zip archive but not a Word document (no {DOCUMENT_PART})"
        ) from None
    if info.flag_bits & 0x1:
        package.close()
        raise InputError(f"{path}: encrypted zip entries; save the document without a password")
    return package


def _parse_part(package: zipfile.ZipFile, name: str, path: str):
    from lxml import etree

    from filinglint.linter import xmlsafe

    info = package.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise InputError(
            f"{path}: {name} is {info.file_size / 1048576:.0f} MiB uncompressed, above the"
            f" {MAX_PART_BYTES // 1048576} MiB limit"
        )
    try:
        with package.open(name) as handle:
            data = handle.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(f"{path}: damaged Word document ({name}: {exc})") from None
    if len(data) > MAX_PART_BYTES:
        raise InputError(f"{path}: {name} is larger than its zip entry says; not read")
    try:
        return etree.fromstring(data, xmlsafe.parser(recover=False, encoding=None))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: damaged Word document ({name}: {exc.msg})") from None


def _index_elements(out: _Text, root) -> None:
    """Number the part's ``w:t`` elements; the list keeps lxml's proxies (and ids) alive."""
    out.elements = list(root.iter(f"{_W}t"))
    out.element_index = {id(element): index for index, element in enumerate(out.elements)}


def _blocks(out: _Text, parent) -> None:
    """Body-level content: paragraphs, tables, and the containers that hold them."""
    for child in parent:
        tag = child.tag
        if tag == f"{_W}p":
            _paragraph_block(out, child)
        elif tag == f"{_W}tbl":
            _table(out, child)
        elif tag == f"{_W}sdt":
            content = _control_content(out, child)
            if content is not None:
                _blocks(out, content)
        elif tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
            _blocks(out, child)


def _paragraph_block(out: _Text, paragraph) -> None:
    """A paragraph as a block, unless the paragraph before it lost its mark to a deletion."""
    if not out.joining:
        out.block()
    out.joining = False
    _inline(out, paragraph)
    if _mark_deleted(paragraph):
        out.change(inserted=False)
        out.joining = True  # accepting the deletion merges this paragraph with the next


def _mark_deleted(paragraph) -> bool:
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return False
    mark = properties.find(f"{_W}rPr")
    return mark is not None and mark.find(f"{_W}del") is not None


def _table(out: _Text, table) -> None:
    """Each row a block, its cells starting at the same column in every row, as in a
    table drawn in ASCII: readers that match values to headings by position (the fee
    table's) read a Word table as they read a drawn one."""
    rows = [
        [cell for cell in row.iter(f"{_W}tc") if _enclosing_row(cell) is row]
        for row in _rows(table)
    ]
    widths: list[int] = []
    for cells in rows:
        for index, cell in enumerate(cells):
            width = _measure(out, cell)
            if index == len(widths):
                widths.append(width)
            else:
                widths[index] = max(widths[index], width)
    starts = [0]
    for width in widths[:-1]:
        starts.append(starts[-1] + width + len(CELL_GAP))
    for cells in rows:
        out.block()
        out.joining = False
        for index, cell in enumerate(cells):
            if index:
                out.pad_to(starts[index])
            _cell_content(out, cell)


def _measure(out: _Text, cell) -> int:
    """How many characters a cell's text takes (read once more, into scratch text)."""
    scratch = _Text(out.part)
    scratch.elements, scratch.element_index = out.elements, out.element_index
    scratch.block()
    _cell_content(scratch, cell)
    return scratch.length


def _rows(table):
    for child in table:
        if child.tag == f"{_W}tr":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _rows(content)


def _cells(out: _Text, row) -> None:
    """A nested table's row, flattened into its cell: cells joined by a cell gap."""
    for cell in row.iter(f"{_W}tc"):
        if _enclosing_row(cell) is not row:
            continue  # a nested table's cell: flattened into its own cell below
        out.separate(CELL_GAP)
        _cell_content(out, cell)


def _enclosing_row(cell):
    parent = cell.getparent()
    while parent is not None and parent.tag != f"{_W}tr":
        parent = parent.getparent()
    return parent


def _cell_content(out: _Text, parent) -> None:
    for child in parent:
        if child.tag == f"{_W}p":
            out.separate(" ")
            _inline(out, child)
        elif child.tag == f"{_W}tbl":
            for row in _rows(child):
                out.separate(" ")
                _cells(out, row)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = _control_content(out, child) if child.tag == f"{_W}sdt" else child
            if content is not None:
                _cell_content(out, content)


def _inline(out: _Text, parent) -> None:
    """Runs and the containers of runs inside a paragraph, in reading order."""
    for child in parent:
        tag = child.tag
        if tag == f"{_W}r":
            _run(out, child)
        elif tag in (f"{_W}del", f"{_W}moveFrom"):
            out.change(inserted=False)
        elif tag in (f"{_W}ins", f"{_W}moveTo"):
            out.change(inserted=True)
            _inline(out, child)
        elif tag == f"{_W}sdt":
            content = _control_content(out, child)
            if content is not None:
                _inline(out, content)
        elif tag not in _NOT_TEXT and len(child):
            _inline(out, child)  # hyperlinks, smart tags, simple fields, custom XML


def _run(out: _Text, run) -> None:
    properties = run.find(f"{_W}rPr")
    wingdings = False
    if properties is not None:
        if _on(properties.find(f"{_W}vanish")):
            return
        fonts = properties.find(f"{_W}rFonts")
        if fonts is not None:
            wingdings = (fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi") or "").lower() == (
                "wingdings"
            )
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            text = child.text or ""
            if wingdings:
                out.write(_wingdings(text))
            else:
                out.write(text, child)
        elif tag == f"{_W}tab":
            out.write("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            if child.get(f"{_W}type") not in ("page", "column"):
                out.write("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.write("-")
        elif tag == f"{_W}sym":
            out.write(_symbol(child))
        elif tag == f"{_W}footnoteReference":
            number = out.footnote_numbers.setdefault(
                child.get(f"{_W}id") or "", len(out.footnote_numbers) + 1
            )
            out.write(f"({number})")
        elif tag == f"{_W}fldChar":
            box = child.find(f"{_W}ffData/{_W}checkBox")
            if box is not None:
                out.write(_CHECKED if _form_field_checked(box) else _UNCHECKED)


def _on(toggle) -> bool:
    """A Word on/off property: present means on unless its value says otherwise."""
    if toggle is None:
        return False
    return toggle.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _control_content(out: _Text, sdt):
    """What to read on inside a content control: its content, or None when it is a
    checkbox (written here as its glyph) or holds nothing."""
    if _checkbox(out, sdt):
        return None
    return sdt.find(f"{_W}sdtContent")


def _checkbox(out: _Text, sdt) -> bool:
    """A checkbox content control as one glyph, by its checked state; False if not one."""
    properties = sdt.find(f"{_W}sdtPr")
    box = properties.find(f"{_W14}checkbox") if properties is not None else None
    if box is None:
        return False
    checked = box.find(f"{_W14}checked")
    value = checked.get(f"{_W14}val", "0") if checked is not None else "0"
    out.write(_CHECKED if value.lower() in ("1", "true", "on") else _UNCHECKED)
    return True


def _form_field_checked(box) -> bool:
    checked = box.find(f"{_W}checked")
    if checked is not None:
        return _on(checked)
    default = box.find(f"{_W}default")
    return default is not None and _on(default)


def _symbol(sym) -> str:
    """A ``w:sym`` character; Wingdings boxes become box glyphs, other symbols a space."""
    font = (sym.get(f"{_W}font") or "").lower()
    try:
        code = int(sym.get(f"{_W}char") or "", 16)
    except ValueError:
        return " "
    if code >= 0xF000:
        code -= 0xF000  # Word stores symbol-font characters in the private use area
    if font.startswith("wingdings"):
        return _wingdings(chr(code))
    return chr(code) if chr(code).isprintable() else " "


def _wingdings(text: str) -> str:
    from filinglint.linter.html import _WINGDINGS_BOXES  # one table of Wingdings boxes

    return "".join(_WINGDINGS_BOXES.get(char, char) for char in text)


def _footnotes(out: _Text, root) -> None:
    """Referenced footnotes after the body, in their reference order, as ``(N) text``."""
    out.part = FOOTNOTES_PART
    _index_elements(out, root)
    notes = {
        note.get(f"{_W}id"): note
        for note in root.iter(f"{_W}footnote")
        if note.get(f"{_W}type") not in _SKIPPED_FOOTNOTES
    }
    for identifier, number in sorted(out.footnote_numbers.items(), key=lambda item: item[1]):
        note = notes.get(identifier)
        if note is None:
            continue
        out.block()
        out.joining = False
        out.write(f"({number})")
        for paragraph in note.iter(f"{_W}p"):
            out.separate(" ")
            _inline(out, paragraph)


def apply_edits(data: bytes, source: DocxSource, edits) -> bytes | None:
    """``data`` with text edits made in the ``w:t`` elements they fall in; None if one
    does not fall inside a single element's text (the fix is then refused)."""
    from lxml import etree

    by_part: dict[str, list[tuple[int, int, int, str]]] = {}
    starts = [piece.start for piece in source.pieces]
    for edit in edits:
        index = bisect.bisect_right(starts, edit.start) - 1
        if index < 0:
            return None
        piece = source.pieces[index]
        if not (piece.start <= edit.start <= edit.end <= piece.end):
            return None
        by_part.setdefault(piece.part, []).append(
            (piece.index, edit.start - piece.start, edit.end - piece.start, edit.content)
        )
    package = open_package(data, source.path)
    with package:
        parts = {}
        for name, changes in by_part.items():
            root = _parse_part(package, name, source.path)
            elements = list(root.iter(f"{_W}t"))
            for index, start, end, content in sorted(changes, reverse=True):
                element = elements[index]
                text = element.text or ""
                element.text = text[:start] + content + text[end:]
                if content != content.strip():
                    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            parts[name] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as rewritten:
            for info in package.infolist():
                payload = parts.get(info.filename)
                if payload is None:
                    payload = package.read(info.filename)
                rewritten.writestr(info, payload)
    return output.getvalue()
