"""Word documents for tests, written as WordprocessingML by hand.

python-docx has no API for checkbox content controls, legacy form fields, tracked
changes or footnotes, so the tests write the XML they mean: a minimal package
(``[Content_Types].xml``, relationships, ``word/document.xml``, optionally
``word/footnotes.xml``) that Word and python-docx both open.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)


def run(text: str, *, bold: bool = False) -> str:
    """A run of text (kept with its spaces), optionally bold."""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(*content: str) -> str:
    """A paragraph of runs (plain strings become runs)."""
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{inner}</w:p>"


def checkbox(checked: bool, glyph: str | None = None) -> str:
    """A checkbox content control; ``glyph`` overrides the glyph shown (to test that the
    checked state, not the glyph, decides)."""
    shown = glyph if glyph is not None else ("☒" if checked else "☐")
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent>{run(shown)}</w:sdtContent></w:sdt>"
    )


def form_checkbox(checked: bool) -> str:
    """A legacy check box form field (Word's FORMCHECKBOX)."""
    state = "<w:checked/>" if checked else '<w:checked w:val="0"/>'
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>{state}'
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
        '<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def wingdings(char_code: str) -> str:
    """A Wingdings symbol (``F0FE`` is a checked box, ``F0A8`` an empty one)."""
    return f'<w:r><w:sym w:font="Wingdings" w:char="{char_code}"/></w:r>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (
        '<w:del w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def table(*rows: list[str]) -> str:
    """A table; each row a list of cell texts."""
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{body}</w:tbl>"


def docx(*blocks: str, footnotes: dict[str, str] | None = None) -> bytes:
    """A Word package whose body is ``blocks`` (paragraph and table XML) and whose
    footnotes part holds ``footnotes`` (id → text)."""
    body = "".join(blocks)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:w14="{W14}"><w:body>{body}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document)
        if footnotes is not None:
            notes = "".join(
                f'<w:footnote w:id="{key}">{paragraph(text)}</w:footnote>'
                for key, text in footnotes.items()
            )
            package.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1">'
                f"<w:p/></w:footnote>{notes}</w:footnotes>",
            )
            package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
    return out.getvalue()


def footnote_reference(identifier: str) -> str:
    return f'<w:r><w:footnoteReference w:id="{identifier}"/></w:r>'
