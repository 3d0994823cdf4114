"""What a run checks and what it says about it: each file once, named as given, folders
that cannot be read are input errors, .gitignore respected as git reads it, and a summary
that never says "All checks passed!" over an error or over nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from filinglint.cli import Progress, main
from filinglint.cli.walk import EXTENSIONS, iter_inputs
from filinglint.linter.config import ConfigResolver
from tests.conftest import EXAMPLE

CLEAN = "A short note that is not a Schedule TO and has nothing to report.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "filings").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "filings" / "example.txt")
    (tmp_path / "filings" / "clean.txt").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


FINDING = re.compile(r"^(.+):\d+:\d+: [A-Z]+\d{3} ")


def findings_in(out: str) -> list[str]:
    return [line for line in out.splitlines() if FINDING.match(line)]


def paths_in(out: str) -> list[str]:
    return sorted({FINDING.match(line).group(1) for line in findings_in(out)})


# --- the summary --------------------------------------------------------------------------


def test_an_unreadable_input_is_no_pass(tree, capsys):
    code, out, err = run(capsys, "check", "filings/clean.txt", "missing.txt")
    assert code == 2
    assert "missing.txt: no such file or directory" in err
    assert "All checks passed!" not in out
    assert out.splitlines()[-1] == "No findings in what was read, but 1 input could not be read."


def test_findings_and_an_unreadable_input_say_both(tree, capsys):
    code, out, _ = run(capsys, "check", "filings", "missing.txt")
    assert code == 2
    assert out.splitlines()[-2].endswith(". 1 input could not be read.")


def test_an_unreadable_folder_is_an_input_error(tree, capsys, monkeypatch):
    """Root reads any folder, so the refusal is simulated where os.walk lists it."""
    real = os.scandir
    locked = os.path.join("filings", "locked")
    os.mkdir(locked)

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "check", "--output-format", "concise", "filings")
    assert code == 2
    assert "filinglint: error: filings/locked: cannot read directory (Permission denied)" in err
    assert "All checks passed!" not in out


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root")
def test_a_folder_without_read_permission_is_an_input_error(tree, capsys):
    locked = tree / "filings" / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, _, err = run(capsys, "check", "filings/clean.txt", "filings")
    finally:
        locked.chmod(0o700)
    assert code == 2 and "filings/locked: cannot read directory" in err


def test_no_filing_found_is_a_warning_not_a_pass(tree, capsys):
    (tree / "empty").mkdir()
    (tree / "empty" / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = run(capsys, "check", "empty")
    assert code == 0
    assert out == ""
    assert err == "filinglint: warning: no filings found under the given paths\n"


def test_one_file_checked_is_singular(monkeypatch):
    import io

    terminal = io.StringIO()
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stderr", terminal)
    progress = Progress(enabled=True)
    progress.update(1, 1)
    assert "filinglint: 1 file checked, 1 finding" in terminal.getvalue()
    assert "files" not in terminal.getvalue()


# --- paths: once each, as given ----------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [
        ["filings", "filings/example.txt"],
        ["filings/example.txt", "filings"],
        ["filings", "./filings/", "filings//example.txt"],
        [".", "filings/example.txt"],
    ],
)
def test_each_file_is_checked_once_and_named_without_dot_slash(tree, capsys, given):
    code, out, _ = run(capsys, "check", "--output-format", "concise", *given)
    assert code == 1
    findings = findings_in(out)
    assert len(findings) == len(set(findings)) == 3
    assert paths_in(out) == ["filings/example.txt"]


def test_dot_inside_the_folder_prints_bare_names(tree, capsys, monkeypatch):
    monkeypatch.chdir(tree / "filings")
    _, out, _ = run(capsys, "check", "--output-format", "concise", ".")
    assert paths_in(out) == ["example.txt"]


# --- .gitignore ----------------------------------------------------------------------------


def test_gitignore_is_respected_and_can_be_turned_off(tree, capsys):
    (tree / ".git").mkdir()  # a repository root: its .gitignore applies below it
    (tree / ".gitignore").write_text("filings/example.txt\n")
    code, out, _ = run(capsys, "check", "filings")
    assert code == 0 and out.splitlines()[-1] == "All checks passed!"
    code, out, _ = run(capsys, "check", "--no-respect-gitignore", "filings")
    assert code == 1
    code, _, _ = run(capsys, "check", "filings/example.txt")  # named: checked, as in ruff
    assert code == 1


def test_a_gitignore_inside_the_walked_folder_applies_without_a_repository(tree, capsys):
    (tree / "filings" / ".gitignore").write_text("*.txt\n!clean.txt\n")
    code, out, _ = run(capsys, "check", ".")
    assert code == 0 and out.splitlines()[-1] == "All checks passed!"


GITIGNORES = {
    ".gitignore": """\
# comment
*.htm
!keep.htm
build/
/top-only.txt
docs/**/draft-*.txt
a/**/b.txt
\\#hash.txt
[abc]?.txt
[!x-z]z.txt
logs/*
!logs/keep.txt
trailing.txt\\\x20
**/deep/x.txt
odd?.nc
""",
    "sub/.gitignore": """\
!*.htm
secret.txt
/anchored.txt
nested/
""",
    "sub/more/.gitignore": "!secret.txt\n",
}
FILES = [
    "a.htm", "keep.htm", "sub/a.htm", "sub/more/c.htm", "build/x.txt", "sub/build/y.txt",
    "top-only.txt", "sub/top-only.txt", "docs/draft-1.txt", "docs/v1/v2/draft-2.txt",
    "docs/final.txt", "a/b.txt", "a/x/y/b.txt", "b.txt", "#hash.txt", "ab.txt", "dz.txt",
    "xz.txt", "abc.txt", "logs/one.txt", "logs/keep.txt", "trailing.txt ", "trailing.txt",
    "one/deep/x.txt", "deep/x.txt", "deep/y.txt", "odd1.nc", "odd12.nc", "sub/secret.txt",
    "sub/more/secret.txt", "sub/anchored.txt", "sub/more/anchored.txt", "anchored.txt",
    "sub/nested/n.txt", "nested/n.txt", "plain.html", "UPPER.TXT",
]  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_walk_skips_exactly_what_git_ignores(tmp_path):
    """The files filinglint walks are git's untracked, not-ignored files: same answer."""
    for name, text in GITIGNORES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(CLEAN)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "-z"],
        cwd=tmp_path, env=env, check=True, capture_output=True, text=True,
    ).stdout.split("\0")  # fmt: skip
    expected = sorted(p for p in listed if p.lower().endswith(EXTENSIONS))
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        walked = sorted(iter_inputs(["."], ConfigResolver(isolated=True)))
    finally:
        os.chdir(old)
    assert walked == expected
    assert "a.htm" not in walked and "sub/a.htm" in walked  # the test means something
