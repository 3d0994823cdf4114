"""Shared test helpers: real filings from ../shared (skipped where absent) and a linter."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.engine import Engine
from filinglint.linter.registry import select_rules
from filinglint.linter.source import decode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "seed" / "schedule-to-a-rare-medium-2003-04-16.txt"
CORPUS = SHARED / "corpus"
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
LAKESHORE = ROOT / "tests" / "data" / "lakeshore-sc-to-t.txt"
# The real SC TO-T/A submission (HTML documents) in ../shared/corpus.
CVR = CORPUS / "sc-to-t-a-0001104659-25-002604.txt"

# The boxes of the real SC TO-T/A cover in ../shared/corpus (read off the filing by hand):
# a third-party offer on a combined Schedule 13D amendment, reporting the final results.
CVR_BOX_STATES = {
    "preliminary-communications": "unchecked",
    "third-party-tender-offer": "checked",
    "issuer-tender-offer": "unchecked",
    "going-private": "unchecked",
    "amendment-to-13d": "checked",
    "final-amendment": "checked",
    "cross-border-issuer": "unchecked",
    "cross-border-third-party": "unchecked",
}


def lint(text: str, select: list[str] | None = None, path: str = "filing.txt") -> list[Diagnostic]:
    """Every diagnostic the selected rules report on ``text``."""
    return Engine(select_rules(select)).check(decode(text.encode("utf-8"), path))


def replace_once(text: str, old: str, new: str) -> str:
    """Edit a filing in exactly one place, failing loudly if the anchor moved."""
    assert text.count(old) == 1, f"expected exactly one {old!r} in the filing"
    return text.replace(old, new)


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"real seed filing not available ({SEED} is absent: ../shared not beside repo)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def cvr_text() -> str:
    if not CVR.exists():
        pytest.skip(
            f"real corpus filing not available ({CVR} is absent: ../shared not beside repo)"
        )
    return CVR.read_text(encoding="utf-8")


@pytest.fixture
def clean_seed_text(seed_text: str) -> str:
    """The seed with its two real defects corrected: the fee and exhibit (a)(1)(C)'s title."""
    text = replace_once(seed_text, "$203.00", "$202.25")
    return replace_once(text, "(a)(1)(C)  Form Notice", "(a)(1)(C)  Form of Notice")


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def clean_example_text(example_text: str) -> str:
    """The bundled example with its three planted defects corrected."""
    text = replace_once(example_text, "$1,400.00", "$1,395.00")
    text = replace_once(text, "Wednesday, October 20, 2009", "Tuesday, October 20, 2009")
    lines = text.split("\n")
    index = next(
        i for i, line in enumerate(lines) if line.strip().startswith("(a)(5)(B)") and i > 150
    )
    assert lines[index + 1].rstrip().endswith("2009.*")
    lines[index + 1] = lines[index + 1].rstrip() + "*"
    return "\n".join(lines)


@pytest.fixture
def lakeshore_text() -> str:
    return LAKESHORE.read_text(encoding="utf-8")


class Lines(NamedTuple):
    """A span's 1-based lines and columns (end column exclusive), as diagnostics show them."""

    line: int
    column: int
    end_line: int
    end_column: int


def pos(source, span) -> Lines:
    """Where a span (offsets into the opened file) stands in lines and columns."""
    return Lines(*source.lines_of(span))


@pytest.fixture(autouse=True, scope="session")
def _suite_cache_folder(tmp_path_factory):
    """The suite's own cache folder (parser tables, results): never the user's."""
    import os

    saved = os.environ.get("FILINGLINT_CACHE_DIR")
    os.environ["FILINGLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("filinglint-cache"))
    yield
    if saved is None:
        os.environ.pop("FILINGLINT_CACHE_DIR", None)
    else:
        os.environ["FILINGLINT_CACHE_DIR"] = saved
