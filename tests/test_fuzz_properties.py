"""Fuzz properties (issue 11): on any input the check raises nothing, reports no internal
error, points only inside its input (spans, related places and fix edits well formed),
gives the same answer twice and exits 0 or 1.

Inputs come from ``tests/fuzzing.py`` with hypothesis choosing (``st.randoms``, so a
failure shrinks to a small input): filing-like text, HTML, and structured mutations of the
case files and of the real filings in ``../shared`` (those skip when it is absent). The
long campaign over the same generators is ``benchmarks/fuzz.py``. Together these tests
take well under 30 s on the project's 2-core machine.
"""

from __future__ import annotations

import random
import signal
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filinglint.cli import main
from filinglint.linter.source import InputError, read_path
from tests import fuzzing

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CASES = [path.read_bytes() for path in fuzzing.case_files()]
REAL = [path.read_bytes() for path in fuzzing.corpus_files()]
needs_shared = pytest.mark.skipif(not REAL, reason="../shared (real filings) is absent")


def _assert_sound(name: str, data: bytes, *, twice: bool = True) -> None:
    problems = fuzzing.violations(name, data, twice=twice)
    assert not problems, (name, data[:2000], problems)


@SETTINGS
@given(st.randoms(use_true_random=False), st.sampled_from(fuzzing.SUFFIXES))
def test_arbitrary_filing_text(chooser: random.Random, suffix: str) -> None:
    _assert_sound(f"a{suffix}", fuzzing.arbitrary_text(chooser).encode("utf-8"))


@SETTINGS
@given(st.randoms(use_true_random=False), st.sampled_from((".htm", ".txt")))
def test_arbitrary_html(chooser: random.Random, suffix: str) -> None:
    _assert_sound(f"a{suffix}", fuzzing.arbitrary_html(chooser).encode("utf-8"))


@settings(SETTINGS, max_examples=40)
@given(st.text(max_size=300), st.sampled_from(fuzzing.SUFFIXES))
def test_any_text_at_all(text: str, suffix: str) -> None:
    _assert_sound(f"a{suffix}", text.encode("utf-8", errors="surrogatepass"), twice=False)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_at_all(data: bytes) -> None:
    _assert_sound("a.txt", data, twice=False)


@SETTINGS
@given(st.randoms(use_true_random=False), st.sampled_from(range(len(CASES))))
def test_mutated_case_files(chooser: random.Random, index: int) -> None:
    data = fuzzing.mutate(CASES[index], chooser)
    _assert_sound(chooser.choice(fuzzing.SUFFIXES) or "a.txt", data)


@needs_shared
@settings(SETTINGS, max_examples=40)
@given(st.randoms(use_true_random=False), st.integers(min_value=0, max_value=10_000))
def test_mutated_real_filings(chooser: random.Random, index: int) -> None:
    base = REAL[index % len(REAL)]
    data = fuzzing.mutate(fuzzing.window(base, chooser, limit=20_000), chooser)
    _assert_sound("real" + chooser.choice(fuzzing.SUFFIXES), data)


@needs_shared
@settings(SETTINGS, max_examples=25)
@given(st.integers(min_value=0, max_value=10_000), st.data())
def test_real_filings_truncated_at_any_byte(index: int, data: st.DataObject) -> None:
    base = fuzzing.window(REAL[index % len(REAL)], random.Random(index), limit=30_000)
    cut = data.draw(st.integers(min_value=0, max_value=len(base)))
    _assert_sound("cut.txt", base[:cut], twice=False)


@settings(SETTINGS, max_examples=15)
@given(st.randoms(use_true_random=False))
def test_the_command_line_exits_0_or_1(chooser: random.Random) -> None:
    name, data = fuzzing.make_input(chooser, CASES)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (name if Path(name).suffix else name + ".txt")
        path.write_bytes(data)
        try:
            read_path(str(path))
        except InputError:  # empty or binary: an input error, exit 2 by design
            expected: tuple[int, ...] = (2,)
        else:
            expected = (0, 1)
        assert main(["check", "--quiet", str(path)]) in expected


def test_the_fuzz_inputs_are_reproducible_from_seed_and_number() -> None:
    first = fuzzing.make_input(fuzzing.seeded(7, 42), CASES)
    again = fuzzing.make_input(fuzzing.seeded(7, 42), CASES)
    other = fuzzing.make_input(fuzzing.seeded(7, 43), CASES)
    assert first == again
    assert first != other


# --- crashes the fuzzer found, kept as regressions ---------------------------------------


@pytest.mark.parametrize("data", [b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\r\x00"])
def test_an_empty_utf16_file_notes_its_encoding_inside_the_text(data: bytes) -> None:
    """benchmarks/fuzz.py seed 11, input 1945: FL001's note on a UTF-16 file without a
    character pointed one column past the end of the (empty) text."""
    _assert_sound("a.html", data)


FEE_TABLE_WITH_A_PROSE_ROW = """\
                                  SCHEDULE TO
                                (Amendment No. 1)

                           CALCULATION OF FILING FEE
====================================== =========================================
           Transaction Valuation*               Amount of Filing Fee**
-------------------------------------- -----------------------------------------
{spaces}(Rule $92.00           TENDER OFFER STATEMENT UNDER SECTION 14(d)(1)
====================================== =========================================
*    Estimated for purposes of calculating the filing fee only.
"""


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_a_fee_table_line_of_spaces_then_prose_is_not_exponential() -> None:
    """benchmarks/fuzz.py seed 11, inputs 317936 and 487322: a values line whose spaces
    end in "(Rule" made the fee table's row pattern try every split of the spaces
    (2^32 ways for 33 spaces). The alarm is generous: the fixed pattern takes
    microseconds, the old one would not finish in a lifetime at 60 spaces."""
    text = FEE_TABLE_WITH_A_PROSE_ROW.format(spaces=" " * 60)

    def fail(signum, frame):
        raise TimeoutError("the fee table row pattern backtracks")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    try:
        _assert_sound("a.txt", text.encode("utf-8"), twice=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
