"""The result cache: reused only for the same text, tool, configuration, path and day;
an entry that is corrupt, truncated, half written or misplaced is never trusted."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.cli import main
from filinglint.linter import cache as cache_module
from filinglint.linter.cache import ResultCache, _diagnostic, _record, result_key
from filinglint.linter.config import Settings
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.source import decode
from tests.folders import filing_folder


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(folder))
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in (cache_dir / "results-v1").rglob("*") if p.is_file())


def no_checking(monkeypatch) -> list[str]:
    """Make every real check fail loudly; returns the paths that were checked anyway."""
    checked: list[str] = []
    original = Engine.check

    def check(self, source):
        checked.append(source.path)
        return original(self, source)

    monkeypatch.setattr(Engine, "check", check)
    return checked


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "sarif"])
def test_a_warm_run_prints_what_a_cold_run_prints_without_checking(
    tmp_path, cache_dir, capsys, monkeypatch, output_format
):
    filing_folder(tmp_path / "f", 8)
    argv = ["check", "-j", "1", "--output-format", output_format, str(tmp_path / "f")]
    cold = run(capsys, *argv, "--no-cache")
    assert not (cache_dir / "results-v1").exists()  # --no-cache writes nothing
    filled = run(capsys, *argv)
    assert len(entries(cache_dir)) == 8  # every filing; the binary file is an input error
    checked = no_checking(monkeypatch)
    warm = run(capsys, *argv)
    assert checked == []
    assert warm == filled == cold


def test_no_cache_reads_nothing(tmp_path, cache_dir, capsys, monkeypatch):
    filing_folder(tmp_path / "f", 3)
    run(capsys, "check", "-j", "1", str(tmp_path / "f"))
    checked = no_checking(monkeypatch)
    run(capsys, "check", "-j", "1", "--no-cache", str(tmp_path / "f"))
    assert len(checked) == 3


def _key_of(text: str, path: str = "f.txt", settings: Settings | None = None, **engine) -> str:
    from filinglint.linter.cache import engine_fingerprint

    settings = settings or Settings()
    built = Engine(engine.pop("rules", all_rules()), **engine)
    return result_key(engine_fingerprint(built, settings), settings, decode(text.encode(), path))


def test_the_key_moves_with_everything_a_finding_depends_on(example_text, monkeypatch):
    base = _key_of(example_text)
    assert _key_of(example_text) == base
    rules = [r for r in all_rules() if r.code != "FEE001"]
    different = {
        "text": _key_of(example_text.replace("$1,400.00", "$1,395.00")),
        "one byte": _key_of(example_text + " "),
        "path": _key_of(example_text, path="g.txt"),
        "extension": _key_of(example_text, path="f.htm"),
        "rules": _key_of(example_text, rules=rules),
        "severity": _key_of(example_text, severity={"FEE001": "warning"}),
        "options": _key_of(
            example_text, options={"fee-rate-outdated": {"filing-date": "2009-10-01"}}
        ),
        "per-file ignores": _key_of(
            example_text, settings=Settings(root=".", per_file_ignores=(("f.txt", ("FEE",)),))
        ),
        "settings": _key_of(example_text, settings=Settings(extend_select=("FEE001",))),
    }
    assert len(set(different.values()) | {base}) == len(different) + 1
    # per-file ignores for other paths do not matter; presentation settings do not either
    other = Settings(root=".", per_file_ignores=(("other/*.txt", ("FEE",)),))
    assert _key_of(example_text, settings=other) != base  # the configuration itself differs
    shown = Settings(output_format="json", fail_on="error", exclude=("x",))
    assert _key_of(example_text, settings=shown) == base
    # the tool and the day
    monkeypatch.setattr(cache_module, "_tool", "another build")
    assert _key_of(example_text) != base
    monkeypatch.setattr(cache_module, "_tool", None)

    import datetime

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(2999, 1, 1)

    monkeypatch.setattr(datetime, "date", Tomorrow)
    assert _key_of(example_text) != base


def test_the_key_includes_how_the_bytes_were_decoded():
    from filinglint.linter.cache import engine_fingerprint

    engine = Engine(all_rules())
    configuration = engine_fingerprint(engine, Settings())
    utf8 = decode("caf\u00e9 \u201cquoted\u201d\n".encode(), "f.txt")
    legacy = decode("caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"), "f.txt")
    assert utf8.text == legacy.text
    assert result_key(configuration, Settings(), utf8) != result_key(
        configuration, Settings(), legacy
    )


def test_the_tool_fingerprint_follows_the_package_files(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "_tool", None)
    first = cache_module.tool_fingerprint()
    package = tmp_path / "filinglint"
    (package / "rules").mkdir(parents=True)
    (package / "rules" / "x.py").write_text("A = 1\n")
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    monkeypatch.setattr(cache_module, "_tool", None)
    copy = cache_module.tool_fingerprint()
    (package / "rules" / "x.py").write_text("A = 22\n")
    monkeypatch.setattr(cache_module, "_tool", None)
    assert cache_module.tool_fingerprint() not in (first, copy)


def _findings(example_text: str):
    found = Engine(all_rules()).check(decode(example_text.encode(), "f.txt"))
    assert any(d.fix for d in found) and found
    return found


def test_records_round_trip_every_field(example_text):
    found = _findings(example_text)
    assert [_diagnostic(_record(d)) for d in found] == found


def _stored(tmp_path, example_text) -> tuple[ResultCache, str, list]:
    cache = ResultCache(tmp_path)
    found = _findings(example_text)
    key = "ab" + "0" * 62
    cache.store(key, found)
    assert cache.load(key) == found
    return cache, key, found


def test_a_corrupt_entry_is_ignored(tmp_path, example_text):
    cache, key, _ = _stored(tmp_path, example_text)
    path = cache.entry_path(key)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0x01  # one flipped bit in the findings
    path.write_bytes(bytes(data))
    assert cache.load(key) is None


@pytest.mark.parametrize("keep", [0, 10, 40, 200, -1])
def test_a_truncated_or_half_written_entry_is_ignored(tmp_path, example_text, keep):
    cache, key, _ = _stored(tmp_path, example_text)
    path = cache.entry_path(key)
    data = path.read_bytes()
    path.write_bytes(data[:keep])  # what a non-atomic writer leaves when it is cut short
    assert cache.load(key) is None


def test_an_entry_under_another_key_is_ignored(tmp_path, example_text):
    cache, key, _ = _stored(tmp_path, example_text)
    other = "cd" + "1" * 62
    cache.entry_path(other).parent.mkdir(parents=True)
    cache.entry_path(other).write_bytes(cache.entry_path(key).read_bytes())
    assert cache.load(other) is None


@pytest.mark.parametrize(
    "payload",
    [
        b"[]",
        b'{"key": "KEY", "diagnostics": [{"code": 1}]}',
        b'{"key": "KEY", "diagnostics": [null]}',
        b'{"key": "KEY"}',
        b"\xff\xfe not json",
    ],
)
def test_a_well_checksummed_but_malformed_entry_is_ignored(tmp_path, payload):
    import hashlib

    key = "ef" + "2" * 62
    payload = payload.replace(b"KEY", key.encode())
    cache = ResultCache(tmp_path)
    path = cache.entry_path(key)
    path.parent.mkdir(parents=True)
    digest = hashlib.sha256(payload).hexdigest().encode()
    path.write_bytes(cache_module.MAGIC + digest + b" %d\n" % len(payload) + payload)
    assert cache.load(key) is None


def test_concurrent_writers_and_readers_see_whole_entries_or_none(tmp_path, example_text):
    cache = ResultCache(tmp_path)
    found = _findings(example_text)
    versions = [found, found[:1], []]
    key = "9f" + "3" * 62
    seen: list = []
    stop = threading.Event()

    def write(version):
        while not stop.is_set():
            cache.store(key, version)

    def read():
        for _ in range(300):
            seen.append(cache.load(key))

    writers = [threading.Thread(target=write, args=(v,)) for v in versions]
    for thread in writers:
        thread.start()
    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join()
    stop.set()
    for thread in writers:
        thread.join()
    assert all(s is None or s in versions for s in seen)
    assert any(s is not None for s in seen)
    leftovers = [p for p in cache.entry_path(key).parent.iterdir() if p.name != key]
    assert leftovers == []  # no temporary file stays behind


def test_a_damaged_entry_is_rechecked_and_rewritten(tmp_path, cache_dir, capsys, monkeypatch):
    filing_folder(tmp_path / "f", 2)
    argv = ["check", "-j", "1", "--output-format", "concise", str(tmp_path / "f")]
    first = run(capsys, *argv)
    damaged = entries(cache_dir)[0]
    damaged.write_bytes(damaged.read_bytes()[:-5])
    checked = no_checking(monkeypatch)
    assert run(capsys, *argv) == first
    assert len(checked) == 1
    checked.clear()
    assert run(capsys, *argv) == first
    assert checked == []


def test_fix_then_check_reports_the_fixed_file_not_the_cached_findings(
    tmp_path, cache_dir, capsys, example_text
):
    path = tmp_path / "filing.txt"
    path.write_text(example_text, encoding="utf-8")
    argv = ["check", "-j", "1", "--output-format", "concise", str(path)]
    before = run(capsys, *argv)
    assert "FEE001" in before[1]
    fixed = run(capsys, *argv[:-1], "--fix", str(path))
    assert "FEE001" not in fixed[1]
    after = run(capsys, *argv)
    assert "FEE001" not in after[1]
    assert after == run(capsys, *argv, "--no-cache")
    path.write_text(example_text, encoding="utf-8")  # the old text: its entry is valid again
    assert run(capsys, *argv) == before


def test_an_unwritable_cache_folder_only_loses_the_cache(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FILINGLINT_CACHE_DIR", str(blocker / "cache"))
    filing_folder(tmp_path / "f", 2)
    argv = ["check", "-j", "1", "--output-format", "concise", str(tmp_path / "f")]
    code, out, err = run(capsys, *argv)
    assert code == 2 and "zz-picture.txt" in err and "FEE001" in out


def test_library_versions_are_those_importlib_metadata_reports():
    from importlib import metadata

    expected = {name: metadata.version(name) for name in cache_module._LIBRARIES}
    assert cache_module._library_versions() == expected


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_POSITIVE = st.integers(min_value=1, max_value=10**9)


@st.composite
def diagnostics(draw):
    from filinglint.linter.diagnostics import Diagnostic, Edit, Fix, Location

    edits = draw(
        st.lists(
            st.builds(
                Edit, start=_POSITIVE, end=_POSITIVE, content=_TEXT, line=_POSITIVE,
                column=_POSITIVE, end_line=_POSITIVE, end_column=_POSITIVE,
            ),
            max_size=2,
        )
    )  # fmt: skip
    fix = draw(
        st.none()
        | st.builds(Fix, message=_TEXT, safety=st.sampled_from(["safe", "unsafe"]),
                    edits=st.just(tuple(edits)))
    )  # fmt: skip
    related = draw(
        st.lists(
            st.builds(
                Location, path=_TEXT, line=_POSITIVE, column=_POSITIVE, end_line=_POSITIVE,
                end_column=_POSITIVE, message=_TEXT,
            ),
            max_size=2,
        )
    )  # fmt: skip
    return Diagnostic(
        code=draw(st.sampled_from(["FEE001", "EXH001"])),
        name=draw(_TEXT),
        severity=draw(st.sampled_from(["error", "warning", "info"])),
        message=draw(_TEXT),
        path=draw(_TEXT),
        line=draw(_POSITIVE),
        column=draw(_POSITIVE),
        end_line=draw(_POSITIVE),
        end_column=draw(_POSITIVE),
        hint=draw(st.none() | _TEXT),
        related=tuple(related),
        fix=fix,
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(diagnostics(), max_size=4))
def test_any_findings_come_back_from_an_entry_unchanged(tmp_path_factory, found):
    cache = ResultCache(tmp_path_factory.mktemp("entries"))
    key = "77" + "4" * 62
    cache.store(key, found)
    assert cache.load(key) == found
