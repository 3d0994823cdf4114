"""Complete EDGAR submissions: header, documents, positions, and the envelope rules."""

from __future__ import annotations

import pytest

from filinglint.linter.envelope import content_kind, split_submission
from tests.conftest import CORPUS, lint
from tests.submissions import header_lines, sgml_submission


def codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint(text, path="submission.txt")]


def test_seed_submission_keeps_the_seed_findings_on_file_lines(seed_text):
    text = sgml_submission(seed_text)
    offset = header_lines(text)
    assert codes(text) == [("FEE001", 40 + offset), ("EXH001", 226 + offset)]
    [fee] = [d for d in lint(text) if d.code == "FEE001"]
    assert text.splitlines()[fee.line - 1][fee.column - 1 : fee.end_column - 1] == "$203.00"


def test_removing_the_press_release_is_found(seed_text):
    text = sgml_submission(seed_text, exhibits=())
    found = [(d.code, d.message) for d in lint(text) if d.code.startswith("SUB")]
    assert [code for code, _ in found] == ["SUB003"]
    assert "(a)(5)(B) is marked as filed herewith" in found[0][1]
    assert "EX-99.(A)(5)(B)" in found[0][1]


def test_document_count(seed_text):
    text = sgml_submission(seed_text, count=3)
    [finding] = [d for d in lint(text) if d.code == "SUB002"]
    assert finding.line == 5 and "says 3 but the submission holds 2 documents" in finding.message


def test_attached_exhibit_must_be_listed(seed_text):
    extra = (("EX-99.(A)(5)(B)", "release"), ("EX-99.(A)(5)(C)", "another release"))
    [finding] = [d for d in lint(sgml_submission(seed_text, exhibits=extra)) if d.code == "SUB003"]
    assert "attached exhibit EX-99.(A)(5)(C) is not listed" in finding.message


def test_submission_type_against_the_cover(seed_text):
    assert [c for c, _ in codes(sgml_submission(seed_text)) if c.startswith("SUB")] == []
    wrong = sgml_submission(seed_text, submission_type="SC TO-T/A")
    [finding] = [d for d in lint(wrong) if d.code == "SUB001"]
    assert finding.line == 4 and "issuer (Rule 13e-4)" in finding.message
    original = sgml_submission(seed_text, submission_type="SC TO-I")
    [finding] = [d for d in lint(original) if d.code == "SUB001"]
    assert "Amendment No. 2" in finding.message


def test_signature_after_filing_date(seed_text):
    text = sgml_submission(seed_text, filed="20030415")
    [finding] = [d for d in lint(text) if d.code == "SUB004"]
    assert "April 16, 2003 is after the filing date April 15, 2003" in finding.message
    assert finding.line == 211 + header_lines(text)


def test_subject_company(seed_text):
    assert [d for d in lint(sgml_submission(seed_text)) if d.code == "SUB005"] == []
    other = sgml_submission(seed_text, subject="HARBORVIEW INSTRUMENTS INC /DE/")
    [finding] = [d for d in lint(other) if d.code == "SUB005"]
    assert "Rare Medium Group, Inc." in finding.message


def test_example_submission_needs_no_shared(example_text):
    text = sgml_submission(
        example_text,
        submission_type="SC TO-I/A",
        subject="HARBORVIEW INSTRUMENTS INC",
        filed="20091006",
    )
    offset = header_lines(text)
    assert codes(text) == [
        ("FEE001", 40 + offset),
        ("DAT002", 103 + offset),
        ("EXH001", 188 + offset),
    ]


def test_binary_documents_are_noted_not_parsed(seed_text):
    picture = 'begin 644 logo.jpg\nM_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``("`@("`@(\n`\nend\n'
    text = sgml_submission(
        seed_text, exhibits=(("EX-99.(A)(5)(B)", "release"), ("GRAPHIC", picture))
    )
    notes = [d for d in lint(text) if d.code == "FL003"]
    assert len(notes) == 1 and notes[0].severity == "info"
    assert "GRAPHIC (d3.txt) is binary" in notes[0].message


def test_header_fields_and_parts(seed_text):
    text = sgml_submission(seed_text)
    submission = split_submission(text)
    assert submission is not None and submission.layout == "sgml"
    header = submission.header
    assert header.get("submission_type").value == "SC TO-I/A"
    assert header.get("document_count").value == "2"
    assert str(header.filed_as_of) == "2003-04-16"
    assert [(p.role, p.name.value) for p in header.parties] == [
        ("subject-company", "RARE MEDIUM GROUP INC"),
        ("filed-by", "RARE MEDIUM GROUP INC"),
    ]
    assert [p.type for p in submission.parts] == ["SC TO-I/A", "EX-99.(A)(5)(B)"]
    assert [content_kind(p, text) for p in submission.parts] == ["text", "text"]
    main = submission.parts[0]
    assert text[main.text_start : main.text_end].rstrip() == seed_text.rstrip()


@pytest.mark.skipif(not CORPUS.exists(), reason="real corpus not available (../shared absent)")
@pytest.mark.parametrize(
    "name", ["sc-to-t-a-0001104659-25-002604.txt", "sc-to-t-a-0001104659-25-002604.nc"]
)
def test_real_submission_header(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    submission = split_submission(text)
    assert submission is not None
    header = submission.header
    assert header.get("accession").value == "0001104659-25-002604"
    assert header.get("submission_type").value == "SC TO-T/A"
    assert header.get("document_count").value == "2"
    assert str(header.filed_as_of) == "2025-01-10"
    roles = [(p.role, p.name.value) for p in header.parties]
    assert ("subject-company", "CVR ENERGY INC") in roles
    assert ("filed-by", "ICAHN ENTERPRISES HOLDINGS L.P.") in roles
    assert [(p.type, p.tag("SEQUENCE"), p.tag("FILENAME")) for p in submission.parts] == [
        ("SC TO-T/A", "1", "tm252901d1_sctota.htm"),
        ("EX-99.(A)(5)(C)", "2", "tm252901d1_ex99-a5c.htm"),
    ]
    assert [content_kind(p, text) for p in submission.parts] == ["html", "html"]


def test_pem_wrapped_submission_is_recognised():
    text = (
        "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n"
        + sgml_submission("A short document.\n", submission_type="SC TO-C", exhibits=())
        + "-----END PRIVACY-ENHANCED MESSAGE-----\n"
    )
    submission = split_submission(text)
    assert submission is not None and submission.header.get("submission_type").value == "SC TO-C"


def test_parse_prints_a_submission(seed_text, tmp_path, capsys):
    import json

    import jsonschema

    from filinglint.cli import main
    from filinglint.schema import load_json

    path = tmp_path / "submission.txt"
    path.write_text(sgml_submission(seed_text), encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("submission 0000000000-03-000001: SC TO-I/A, 2 documents")
    assert "== document 2: EX-99.(A)(5)(B) (d2.txt, text" in out
    assert main(["parse", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, load_json("ast.schema.json"))
    assert data["kind"] == "submission" and len(data["documents"]) == 2


def test_a_document_count_in_non_ascii_digits_is_no_count():
    """``str.isdigit`` accepts "²", which ``int`` refuses: the count is unread, not a crash."""
    text = (
        "<SEC-DOCUMENT>x\n<SEC-HEADER>x\nPUBLIC DOCUMENT COUNT:\t\t\u00b2\n"
        "FILED AS OF DATE:\t\t20030416\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SC TO-I\n"
        "<TEXT>\nhello\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    found = lint(text)
    assert [d.code for d in found if d.code == "FL900"] == []
