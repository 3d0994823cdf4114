"""Make a Word draft of an ASCII example filing, laid out as a lawyer would draft it.

    python scripts/make_docx_example.py examples/harborview-sc-to-i-a.txt \\
        examples/harborview-sc-to-i-a.docx

The ASCII filing's layout becomes Word's: the cover's stacked lines are centred
paragraphs, the fee table drawn with ``=`` and ``-`` is a Word table, each box is a
checkbox content control (``w14:checkbox``) before (or after) its reflowed label, prose
is reflowed into one paragraph per paragraph, exhibit lists are two-column tables, and
``<PAGE>`` is a page break. The text is the example's own, so the draft carries the
same planted defects and filinglint reports them with the same rules and messages.

Needs python-docx (in the ``test`` extra). The generated file is committed so the
README's example runs without it; ``tests/test_docx.py`` regenerates it and compares
the text.
"""

from __future__ import annotations

import argparse
import re
import sys

_BOX = re.compile(r"^\s*\[( |X|x)\]\s+(.*)$")
_TRAILING_BOX = re.compile(r"^(.*\S)\s*\[( |X|x)\]\s*$")
_EXHIBIT = re.compile(r"^\s+(\([a-z]\)(?:\(\d+\))?(?:\([A-Z]\))?)\s{2,}(\S.*)$")
_RULE = re.compile(r"^[\s=\-_]+$")
_NOTE = re.compile(r"^(\*+|\++|\(\d\))\s")
_FIELD = re.compile(r"\S:\s{2,}\S")
_PAGE_NUMBER = re.compile(r"^\s+\d{1,3}\s*$")
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _checkbox(checked: bool):
    """A Word checkbox content control showing ☒ or ☐, as Word's Developer tab makes it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    glyph = "☒" if checked else "☐"
    return parse_xml(
        f'<w:sdt {nsdecls("w")} xmlns:w14="{_W14}"><w:sdtPr><w14:checkbox>'
        f'<w14:checked w14:val="{int(checked)}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        "</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>"
        '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
        f"</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def _reflow(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def _groups(text: str) -> list[list[str]]:
    """Runs of non-blank lines; ``<PAGE>`` stands alone; printed page numbers dropped."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == "<PAGE>" or not line.strip() or _PAGE_NUMBER.match(line):
            if current:
                groups.append(current)
                current = []
            if line.strip() == "<PAGE>":
                groups.append(["<PAGE>"])
            continue
        current.append(line)
    if current:
        groups.append(current)
    return groups


class _Draft:
    def __init__(self) -> None:
        from docx import Document
        from docx.shared import Pt

        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(11)

    def paragraph(self, text: str, *, centred: bool = False):
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.document.add_paragraph(text)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def boxed(self, checked: bool, label: str, *, box_first: bool) -> None:
        paragraph = self.document.add_paragraph()
        if box_first:
            paragraph._p.append(_checkbox(checked))
            paragraph.add_run("  " + label)
        else:
            paragraph.add_run(label + " ")
            paragraph._p.append(_checkbox(checked))

    def table(self, rows: list[list[str]]) -> None:
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for cells, row in zip(table.rows, rows, strict=True):
            for cell, value in zip(cells.cells, row + [""] * (width - len(row)), strict=True):
                cell.text = value

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def blank(self) -> None:
        self.document.add_paragraph()


def _drawn_table(lines: list[str]) -> list[list[str]]:
    """The rows of a table drawn with ``=``/``-`` rules: cells split at two or more spaces."""
    return [
        re.split(r"\s{2,}", line.strip())
        for line in lines
        if line.strip() and not _RULE.match(line)
    ]


def _exhibit_rows(lines: list[str]) -> tuple[list[list[str]], list[str]] | None:
    """An exhibit list as table rows — column headings (if any), then (code, title) —
    and the lines after it (a rule, the legend); None if the group holds no list."""
    first = next((i for i, line in enumerate(lines) if _EXHIBIT.match(line)), None)
    if first is None:
        return None
    headings = [line for line in lines[:first] if not _RULE.match(line)]
    rows: list[list[str]] = []
    if headings:
        columns = [re.split(r"\s{2,}", line.strip()) for line in headings]
        rows.append([" ".join(c[i] for c in columns if i < len(c)) for i in range(2)])
    for index in range(first, len(lines)):
        line = lines[index]
        entry = _EXHIBIT.match(line)
        if entry:
            rows.append([entry.group(1), entry.group(2).strip()])
        elif line.startswith(" " * 12) and not _RULE.match(line):
            rows[-1][1] += " " + line.strip()
        else:
            return rows, lines[index:]
    return rows, []


def _fee_table(draft: _Draft, group: list[str]) -> bool:
    """A heading, a table drawn between ``=`` rules, then its notes (one paragraph each)."""
    rules = [i for i, line in enumerate(group) if _RULE.match(line) and "=" in line]
    if len(rules) < 2:
        return False
    for line in group[: rules[0]]:
        draft.paragraph(line.strip(), centred=True)
    draft.table(_drawn_table(group[rules[0] : rules[-1] + 1]))
    note: list[str] = []
    for line in group[rules[-1] + 1 :]:
        if _NOTE.match(line) and note:
            draft.paragraph(_reflow(note))
            note = []
        note.append(line)
    if note:
        draft.paragraph(_reflow(note))
    return True


def _boxes(draft: _Draft, group: list[str]) -> bool:
    """A lead paragraph (optional) and box lines, each box's label reflowed after it."""
    first = next((i for i, line in enumerate(group) if _BOX.match(line)), None)
    if first is None:
        return False
    if first:
        draft.paragraph(_reflow(group[:first]))
    label: list[str] = []
    checked = False
    for line in group[first:]:
        box = _BOX.match(line)
        if box is not None or _FIELD.search(line):
            if label:
                draft.boxed(checked, _reflow(label), box_first=True)
                label = []
            if box is None:
                draft.paragraph(line.strip())
                continue
            checked, label = box.group(1) != " ", [box.group(2)]
        elif label:
            label.append(line)
        else:
            draft.paragraph(line.strip())
    if label:
        draft.boxed(checked, _reflow(label), box_first=True)
    return True


def convert(text: str) -> _Draft:
    """The Word draft of an ASCII filing's text."""
    draft = _Draft()
    for group in _groups(text):
        if group == ["<PAGE>"]:
            draft.page_break()
            continue
        while len(group) > 1 and _RULE.match(group[-1]) and "=" in group[-1]:
            group = group[:-1]  # a closing rule is decoration in Word
        if _fee_table(draft, group) or _boxes(draft, group):
            pass
        elif (listed := _exhibit_rows(group)) is not None:
            draft.table(listed[0])
            for line in listed[1]:
                draft.paragraph(line.strip())
        elif (trailing := _TRAILING_BOX.match(_reflow(group))) is not None and len(group) <= 3:
            draft.boxed(trailing.group(2) != " ", trailing.group(1), box_first=False)
        elif all(line.startswith(" ") for line in group):
            for line in group:
                draft.paragraph(line.strip(), centred=len(line) - len(line.lstrip()) >= 8)
        else:
            draft.paragraph(_reflow(group))
        draft.blank()
    return draft


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="an ASCII filing (e.g. examples/*.txt)")
    parser.add_argument("target", help="the .docx to write")
    args = parser.parse_args(argv)
    with open(args.source, encoding="utf-8") as handle:
        text = handle.read()
    convert(text).document.save(args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
