"""Word drafts: read into the same AST as ASCII, located by paragraph, fixed in place."""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from filinglint.linter.documents import build_root
from filinglint.linter.docx import DocxSource, apply_edits, read_docx
from filinglint.linter.source import InputError, read_bytes
from tests.docx_factory import (
    checkbox,
    deleted,
    docx,
    footnote_reference,
    form_checkbox,
    inserted,
    paragraph,
    run,
    table,
    wingdings,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TXT = ROOT / "examples" / "harborview-sc-to-i-a.txt"
EXAMPLE_DOCX = ROOT / "examples" / "harborview-sc-to-i-a.docx"
SCRIPT = ROOT / "scripts" / "make_docx_example.py"
TRANSACTION_BOXES = "third-party tender offer subject to Rule 14d-1."


def _script():
    spec = importlib.util.spec_from_file_location("make_docx_example", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docx_of(text: str) -> bytes:
    pytest.importorskip("docx", reason="python-docx (test extra) makes the example draft")
    out = io.BytesIO()
    _script().convert(text).document.save(out)
    return out.getvalue()


def _findings(source) -> set[tuple[str, str]]:
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import all_rules

    return {(d.code, d.message) for d in Engine(all_rules()).check(source)}


def _boxes(data: bytes) -> list[tuple[str, bool]]:
    root = build_root(read_docx(data, "draft.docx"))
    return [(box.role or "", box.state == "checked") for box in root.cover.boxes]


def _clean(text: str) -> str:
    return (
        text.replace("$1,400.00", "$1,395.00")
        .replace("Wednesday, October 20", "Tuesday, October 20")
        .replace(
            "October 6,\n                        2009.*",
            "October 6,\n                        2009.**",
        )
    )


# The example twin -------------------------------------------------------------------


def test_example_draft_has_the_ascii_twins_findings_same_rules_and_messages():
    text = EXAMPLE_TXT.read_text(encoding="utf-8")
    ascii_findings = _findings(read_bytes(text.encode(), "twin.txt"))
    word_findings = _findings(read_docx(_docx_of(text), "twin.docx"))
    assert {code for code, _ in ascii_findings} == {"FEE001", "DAT002", "EXH001"}
    assert word_findings == ascii_findings


def test_clean_draft_and_its_ascii_twin_are_silent():
    text = _clean(EXAMPLE_TXT.read_text(encoding="utf-8"))
    assert _findings(read_bytes(text.encode(), "clean.txt")) == set()
    assert _findings(read_docx(_docx_of(text), "clean.docx")) == set()


def test_committed_example_draft_is_what_the_script_makes():
    text = EXAMPLE_TXT.read_text(encoding="utf-8")
    fresh = read_docx(_docx_of(text), EXAMPLE_DOCX.name).text
    assert read_docx(EXAMPLE_DOCX.read_bytes(), EXAMPLE_DOCX.name).text == fresh, (
        "regenerate: python scripts/make_docx_example.py examples/harborview-sc-to-i-a.txt "
        "examples/harborview-sc-to-i-a.docx"
    )


# Boxes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mark", "checked"),
    [
        (checkbox(True), True),
        (checkbox(False), False),
        (checkbox(True, glyph="☐"), True),  # the control's state decides, not its glyph
        (checkbox(False, glyph="☒"), False),
        (form_checkbox(True), True),
        (form_checkbox(False), False),
        (wingdings("F0FE"), True),
        (wingdings("F0A8"), False),
        (run("☒"), True),
        (run("☐"), False),
    ],
    ids=lambda v: str(v)[:24],
)
def test_every_kind_of_word_checkbox_reads_as_a_box(mark, checked):
    data = docx(
        paragraph("SCHEDULE TO"),
        paragraph(mark, run("  " + TRANSACTION_BOXES)),
    )
    assert _boxes(data) == [("third-party-tender-offer", checked)]


def test_wingdings_font_run_reads_as_a_box():
    box = (
        '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
        "<w:t>\u00fe</w:t></w:r>"
    )
    assert _boxes(
        docx(paragraph("SCHEDULE TO"), paragraph(box, run("  " + TRANSACTION_BOXES)))
    ) == [("third-party-tender-offer", True)]


# Tracked changes, hidden text, footnotes, tables ---------------------------------------


def test_tracked_changes_read_as_accepted_and_said_so():
    data = docx(
        paragraph(run("up to "), deleted("3,500,000"), inserted("4,000,000"), run(" shares")),
    )
    source = read_docx(data, "draft.docx")
    assert source.text == "up to 4,000,000 shares"
    assert [note.severity for note in source.notes] == ["tracked-changes"]
    diagnostics = [d for d in _engine_check(source) if d.code == "FL006"]
    assert (
        len(diagnostics) == 1 and "1 insertion kept, 1 deletion dropped" in diagnostics[0].message
    )


def test_deleted_paragraph_mark_joins_the_paragraphs():
    joined = (
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z"/>'
        "</w:rPr></w:pPr>" + run("Offer to Purchase dated ") + "</w:p>"
    )
    source = read_docx(docx(joined, paragraph("September 8, 2009.")), "draft.docx")
    assert source.text == "Offer to Purchase dated September 8, 2009."


def test_hidden_text_and_field_codes_are_not_read():
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET</w:t></w:r>"
    source = read_docx(docx(paragraph(run("A"), hidden, form_checkbox(False), run("B"))), "d.docx")
    assert source.text == "A☐B"


def test_footnotes_follow_the_body_numbered_by_reference():
    data = docx(
        paragraph(run("Transaction Valuation"), footnote_reference("7")),
        footnotes={"7": "Estimated for purposes of calculating the filing fee only."},
    )
    source = read_docx(data, "draft.docx")
    assert source.text.split("\n") == [
        "Transaction Valuation(1)",
        "(1) Estimated for purposes of calculating the filing fee only.",
    ]


def test_table_rows_are_blocks_with_aligned_cells():
    data = docx(
        table(["Transaction Valuation*", "Amount of Filing Fee**"], ["$25,000,000", "$1,395.00"])
    )
    lines = read_docx(data, "d.docx").text.split("\n")
    assert lines[1].index("$1,395.00") == lines[0].index("Amount of Filing Fee")


# Locations -----------------------------------------------------------------------------


def test_locations_are_paragraphs_and_soft_breaks_stay_in_their_paragraph():
    soft = (
        "<w:p>"
        + run("Harborview Instruments, Inc.")
        + "<w:r><w:br/></w:r>"
        + run("Suite 5")
        + "</w:p>"
    )
    source = read_docx(docx(paragraph("first"), soft, paragraph("third")), "d.docx")
    assert isinstance(source, DocxSource)
    assert source.text.split("\n") == ["first", "Harborview Instruments, Inc.", "Suite 5", "third"]
    suite = source.text.index("Suite")
    assert source.position(suite) == (2, len("Harborview Instruments, Inc.") + 2)
    assert source.position(source.text.index("third")) == (3, 1)
    assert source.line(2) == "Harborview Instruments, Inc. Suite 5"


def test_concise_output_prints_paragraph_locations(tmp_path):
    target = tmp_path / "draft.docx"
    target.write_bytes(EXAMPLE_DOCX.read_bytes())
    result = _cli("check", "--output-format", "concise", str(target))
    assert result.returncode == 1
    assert f"{target}:¶" in result.stdout
    assert "FEE001 [fee-mismatch] stated filing fee $1,400.00" in result.stdout


# Fixes ---------------------------------------------------------------------------------


def test_fix_edits_the_run_in_place_and_keeps_every_other_part(tmp_path):
    target = tmp_path / "draft.docx"
    before = EXAMPLE_DOCX.read_bytes()
    target.write_bytes(before)
    result = _cli("check", "--fix", "--select", "FEE001", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    after = target.read_bytes()
    old, new = zipfile.ZipFile(io.BytesIO(before)), zipfile.ZipFile(io.BytesIO(after))
    assert [i.filename for i in old.infolist()] == [i.filename for i in new.infolist()]
    changed = [n for n in old.namelist() if old.read(n) != new.read(n)]
    assert changed == ["word/document.xml"]
    text = read_docx(after, "draft.docx").text
    assert "$1,395.00" in text and "$1,400.00" not in text
    assert text.replace("$1,395.00", "$1,400.00") == read_docx(before, "draft.docx").text


def test_an_edit_across_runs_is_refused_not_approximated():
    source = read_docx(docx(paragraph(run("$1,4"), run("00.00"))), "d.docx")
    from filinglint.linter.diagnostics import Edit

    edit = Edit(start=0, end=9, content="$1,395.00", line=1, column=1, end_line=1, end_column=10)
    assert apply_edits(docx(paragraph(run("$1,4"), run("00.00"))), source, [edit]) is None
    inside = Edit(start=1, end=4, content="1,3", line=1, column=2, end_line=1, end_column=5)
    data = docx(paragraph(run("$1,4"), run("00.00")))
    assert read_docx(apply_edits(data, source, [inside]), "d.docx").text == "$1,300.00"


# Bad documents -------------------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"just some text, not a zip", "not a zip archive"),
        (_zip({"hello.txt": b"hi"}), "not a Word document (no word/document.xml)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 64
            + "EncryptedPackage".encode("utf-16-le"),
            "encrypted (password-protected) Word document",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "Word 97-2003 (.doc)"),
        (_zip({"word/document.xml": b"<w:document"}), "damaged Word document"),
        (docx(paragraph("")), "empty Word document"),
        (b"PK\x03\x04" + b"\0" * 30, "not a zip archive"),
    ],
    ids=["not-zip", "zip-not-word", "encrypted", "legacy-doc", "bad-xml", "empty", "truncated"],
)
def test_bad_documents_are_one_line_input_errors(data, says):
    with pytest.raises(InputError) as caught:
        read_docx(data, "bad.docx")
    message = str(caught.value)
    assert message.startswith("bad.docx: ") and says in message and "\n" not in message


def test_a_huge_document_is_refused_before_it_is_read(monkeypatch):
    import filinglint.linter.docx as module

    monkeypatch.setattr(module, "MAX_PART_BYTES", 1000)
    with pytest.raises(InputError, match=r"bad\.docx: word/document\.xml is .* above the"):
        read_docx(docx(paragraph("x" * 5000)), "bad.docx")


def test_cli_bad_docx_exits_2_naming_the_file_and_checks_the_others(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "good.docx").write_bytes(EXAMPLE_DOCX.read_bytes())
    result = _cli("check", "--output-format", "concise", str(tmp_path))
    assert result.returncode == 2
    assert "broken.docx: not a Word document (not a zip archive)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "good.docx:¶" in result.stdout


# helpers -------------------------------------------------------------------------------


def _engine_check(source):
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import all_rules

    return Engine(all_rules()).check(source)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "filinglint", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
