"""Fixes: --diff, --fix, --unsafe-fixes, --show-fixes; bytes, encodings, HTML, submissions,
atomic writes and interrupted ones; fixes re-checked remove their finding."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.cli import main
from filinglint.linter import fixes
from filinglint.linter.diagnostics import Diagnostic, Edit, Fix
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules, select_rules
from filinglint.linter.source import decode
from tests.conftest import EXAMPLE, replace_once
from tests.submissions import sgml_submission
from tests.test_html import seed_as_html


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def seed_copy(seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_text.encode("utf-8"))
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    pairs = zip(before.split("\n"), after.split("\n"), strict=True)
    return [(a, b) for a, b in pairs if a != b]


# --- --diff ----------------------------------------------------------------------------


def test_diff_of_the_seed_changes_the_fee(seed_copy, capsys):
    """The seed's fee fix is safe: its rate 0.0000809 was in force when the fee was paid
    (March 13, 2003) and 2,500,000 shares × $1.00 is its valuation."""
    before = seed_copy.read_bytes()
    code, out, err = run(capsys, "check", "--diff", str(seed_copy))
    assert code == 1
    removed = [line for line in out.splitlines() if line.startswith("-") and "---" not in line]
    added = [line for line in out.splitlines() if line.startswith("+") and "+++" not in line]
    assert removed == ["-                 $2,500,000                          $203.00"]
    assert added == ["+                 $2,500,000                          $202.25"]
    assert out.startswith(f"--- {seed_copy}\n+++ {seed_copy}\n@@ -37,7 +37,7 @@")
    assert "Would fix 1 finding." in err
    code, unsafe_out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", str(seed_copy))
    assert (code, unsafe_out) == (1, out)  # unsafe fixes add nothing here
    assert seed_copy.read_bytes() == before  # --diff writes nothing


def test_a_fee_fix_the_filing_does_not_settle_needs_unsafe_fixes(seed_text, tmp_path, capsys):
    """Without its count × price footnote the valuation may be the wrong half."""
    path = tmp_path / "unsettled.txt"
    path.write_text(
        replace_once(seed_text, "at the tender offer price of $1.00 per share of", "at the"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", "--diff", str(path))
    assert (code, out) == (0, "")
    assert "No fixes available." in err
    code, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", str(path))
    assert code == 1 and "+                 $2,500,000                          $202.25" in out


def test_fix_unsafe_leaves_no_fee_finding_and_keeps_the_rest(seed_copy, seed_text, capsys):
    code, out, _ = run(
        capsys, "check", "--fix", "--unsafe-fixes", "--show-fixes", "--output-format", "concise",
        str(seed_copy),
    )  # fmt: skip
    assert code == 1  # the exhibit title still differs: no fix knows which title is right
    fixed = seed_copy.read_text(encoding="utf-8")
    assert changed_lines(seed_text, fixed) == [
        (
            "                 $2,500,000                          $203.00",
            "                 $2,500,000                          $202.25",
        )
    ]
    assert "FEE001" not in out.split("Fixed 1 finding:")[0]
    assert "EXH001 [exhibit-index-mismatch]" in out
    assert "1 × FEE001 (fee-mismatch)" in out
    assert "Fixed 1 finding. Found 1 error." in out
    code, out, _ = run(capsys, "check", "--output-format", "concise", str(seed_copy))
    assert "FEE001" not in out and "EXH001" in out


def test_fix_without_unsafe_applies_only_the_safe_fix(tmp_path, capsys):
    path = tmp_path / "example.txt"
    path.write_bytes(EXAMPLE.read_bytes())
    code, out, _ = run(capsys, "check", "--fix", str(path))
    text = path.read_text(encoding="utf-8")
    assert code == 1 and "$1,395.00" in text  # settled: $55.80 in force, 4,000,000 × $6.25
    assert "Wednesday, October 20, 2009" in text  # the weekday fix is unsafe: left alone
    assert "[*] 1 unsafe fix available with --fix --unsafe-fixes." in out


def test_weekday_fix_on_the_example(tmp_path, capsys):
    path = tmp_path / "example.txt"
    path.write_bytes(EXAMPLE.read_bytes())
    code, _, _ = run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(path))
    assert code == 1  # the exhibit marker is left for the filer to decide
    text = path.read_text(encoding="utf-8")
    assert '"5:00 p.m., New York City time, on Tuesday, October 20, 2009."' in text
    assert "$1,395.00" in text and "$1,400.00" not in text
    assert [d.code for d in Engine(list(all_rules())).check(decode(text.encode(), "x"))] == [
        "EXH001"
    ]


# --- the file's own bytes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "crlf"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "bom"),
        (lambda t: t.replace("Guaranteed", "Guaranteed\u2019").encode("cp1252"), "cp1252"),
    ],
)
def test_line_ends_byte_order_mark_and_encoding_are_kept(
    seed_text, tmp_path, capsys, encode, label
):
    path = tmp_path / f"{label}.txt"
    original = encode(seed_text)
    path.write_bytes(original)
    os.chmod(path, 0o640)
    run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(path))
    expected = encode(replace_once(seed_text, "$203.00", "$202.25"))
    assert path.read_bytes() == expected
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_a_symbolic_link_stays_a_link(seed_copy, tmp_path, capsys):
    link = tmp_path / "link.txt"
    link.symlink_to(seed_copy)
    run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(link))
    assert link.is_symlink()
    assert "$202.25" in seed_copy.read_text(encoding="utf-8")


def test_html_rendition_changes_only_the_fee_text(seed_text, tmp_path, capsys):
    html = seed_as_html(seed_text)
    path = tmp_path / "seed.htm"
    path.write_text(html, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", str(path))
    assert code == 1
    assert [line[1:] for line in out.splitlines() if line[:1] == "-" and "---" not in line] == [
        line for line in html.split("\n") if "$203.00" in line
    ]
    run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(path))
    after = path.read_text(encoding="utf-8")
    assert after == replace_once(html, "$203.00", "$202.25")  # markup and entities untouched
    names = [d.name for d in Engine(list(all_rules())).check(decode(after.encode(), "s.htm"))]
    assert names == ["exhibit-index-mismatch"]


def test_html_fee_split_across_cells_keeps_the_markup(tmp_path, capsys):
    html = (
        "<html><body><p>SCHEDULE TO</p><p>CALCULATION OF FILING FEE</p><table>"
        "<tr><td>Transaction Valuation*</td><td></td><td>Amount of Filing Fee**</td></tr>"
        "<tr><td>$</td><td>2,500,000</td><td>$</td><td>203.00</td></tr></table>"
        "<p>** The fee equals 0.0000809 of the transaction valuation.</p></body></html>\n"
    )
    path = tmp_path / "split.htm"
    path.write_text(html, encoding="utf-8")
    run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(path))
    assert path.read_text(encoding="utf-8") == html.replace(">203.00<", ">202.25<")


def test_fix_inside_a_submission_keeps_every_other_byte(seed_text, tmp_path, capsys):
    submission = sgml_submission(seed_text)
    path = tmp_path / "0000000000-03-000001.txt"
    path.write_text(submission, encoding="utf-8")
    run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(path))
    assert path.read_text(encoding="utf-8") == replace_once(submission, "$203.00", "$202.25")


def test_stdin_is_never_fixed(seed_text, monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_text.encode())))
    code, _, err = run(capsys, "check", "--fix", "--unsafe-fixes", "-")
    assert code == 2
    assert "fixes are not applied to standard input" in err


# --- atomic writes ----------------------------------------------------------------------


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named-temporary"])
@pytest.mark.parametrize("failing", ["replace", "fsync", "fchmod", "write", "link"])
def test_an_interrupted_write_leaves_the_original_intact(
    seed_copy, monkeypatch, capsys, failing, unnamed
):
    from filinglint.linter import writing

    before = seed_copy.read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if not unnamed:
        monkeypatch.setattr(writing, "_unnamed", lambda folder: None)
    monkeypatch.setattr(writing.os, failing, broken)
    code, _, err = run(capsys, "check", "--fix", "--unsafe-fixes", "-q", str(seed_copy))
    if failing == "link" and not unnamed:  # a named temporary file is never linked
        assert code == 1
        return
    assert code == 2
    assert f"{seed_copy}: cannot write (No space left on device)" in err
    assert seed_copy.read_bytes() == before
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["seed.txt"]  # no temp left


def test_a_file_changed_meanwhile_is_not_written(seed_copy):
    before = seed_copy.read_bytes()
    seed_copy.write_bytes(before + b"\n")
    with pytest.raises(fixes.FixError, match="changed on disk"):
        fixes.write_atomically(str(seed_copy), before, before.replace(b"$203.00", b"$202.25"))
    assert seed_copy.read_bytes() == before + b"\n"


# --- passes and overlaps -------------------------------------------------------------


def _finding(start: int, end: int, content: str, safety: str = "safe") -> Diagnostic:
    edit = Edit(start=start, end=end, content=content, line=1, column=1, end_line=1, end_column=1)
    return Diagnostic(
        code="FEE001", name="fee-mismatch", severity="error", message="m", path="p",
        line=1, column=1, end_line=1, end_column=1,
        fix=Fix(message="f", safety=safety, edits=(edit,)),  # type: ignore[arg-type]
    )  # fmt: skip


def test_overlapping_fixes_wait_for_the_next_pass():
    chosen = fixes._choose(
        [_finding(0, 5, "a"), _finding(3, 8, "b"), _finding(5, 9, "c"), _finding(2, 2, "d")],
        unsafe=False,
    )
    assert [d.fix.edits[0].content for d in chosen] == ["a", "c"]
    assert fixes._choose([_finding(0, 1, "x", "unsafe")], unsafe=False) == []


def test_passes_apply_fixes_that_became_possible_and_stop():
    calls = []

    def check(source):
        calls.append(source.text)
        found = [_finding(i, i + 1, "b") for i, ch in enumerate(source.text) if ch == "a"]
        return found[:1]  # one fix at a time, like overlapping ones

    outcome = fixes.fix_file("f.txt", b"aaa\n", "utf-8", check, unsafe=False)
    assert outcome.after == b"bbb\n" and len(outcome.fixed) == 3 and outcome.remaining == []
    endless = fixes.fix_file(
        "f.txt", b"a\n", "utf-8", lambda s: [_finding(0, 1, "a" if s.text[0] == "b" else "b")],
        unsafe=False,
    )  # fmt: skip
    assert len(endless.fixed) == fixes.MAX_PASSES


# --- properties ----------------------------------------------------------------------

FEE_FILING = """SCHEDULE TO

                           CALCULATION OF FILING FEE
           Transaction Valuation*               Amount of Filing Fee**
                 {valuation}                          {fee}
**   The fee equals {rate} of the transaction valuation.
"""
FEE = Engine(select_rules(["FEE001"]))


@settings(max_examples=60, deadline=None)
@given(
    valuation=st.integers(min_value=1, max_value=10**12),
    cents=st.integers(min_value=0, max_value=10**9),
    rate=st.integers(min_value=1, max_value=10**6),
    grouped=st.booleans(),
)
def test_an_applied_fee_fix_removes_its_finding(valuation, cents, rate, grouped):
    fee = Decimal(cents) / 100
    text = FEE_FILING.format(
        valuation=f"${valuation:,}",
        fee=f"${fee:,.2f}" if grouped else f"${fee:.2f}",
        rate=f"{Decimal(rate) / 10**8:f}",
    )
    outcome = fixes.fix_file("p.txt", text.encode(), "utf-8", FEE.check, unsafe=True)
    assert outcome.remaining == []
    if outcome.fixed:
        [(old, new)] = changed_lines(text, outcome.after.decode())
        assert old.split("$")[:-1] == new.split("$")[:-1]  # only the fee's digits changed


# --- exhibit markers the submission settles ------------------------------------------


def test_an_attached_exhibit_settles_the_marker_safely(example_text, tmp_path, capsys):
    """The index marks (a)(5)(B) previously filed, Item 12 filed herewith, and the
    submission attaches EX-99.(A)(5)(B): the index marker is fixed by plain --fix."""
    submission = sgml_submission(example_text, subject="HARBORVIEW INSTRUMENTS INC")
    path = tmp_path / "harborview.txt"
    path.write_text(submission, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--fix", "--output-format", "concise", str(path))
    after = path.read_text(encoding="utf-8")
    changes = changed_lines(submission, after)
    assert ("2009.*", "2009.**") in [(old.strip(), new.strip()) for old, new in changes]
    assert "EXH001" not in out and "Fixed 2 findings." in out  # the marker, and the fee
    assert code == 1  # the weekday is still wrong; its fix is unsafe


def test_without_the_attachment_no_marker_fix_is_offered(example_text):
    submission = sgml_submission(example_text, subject="HARBORVIEW INSTRUMENTS INC", exhibits=())
    source = decode(submission.encode(), "s.txt")
    [exhibits] = [d for d in Engine(list(all_rules())).check(source) if d.code == "EXH001"]
    assert exhibits.fix is None
    plain = decode(example_text.encode(), "e.txt")
    [exhibits] = [d for d in Engine(list(all_rules())).check(plain) if d.code == "EXH001"]
    assert exhibits.fix is None  # a lone document settles nothing


def test_diff_of_a_windows_1252_file_reads_as_the_file_does(seed_text, tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes(seed_text.replace("Guaranteed", "Guaranteed\u2019").encode("cp1252"))
    code, out, _ = run(capsys, "check", "--diff", "--unsafe-fixes", str(path))
    assert code == 1
    assert "+                 $2,500,000                          $202.25" in out.splitlines()
