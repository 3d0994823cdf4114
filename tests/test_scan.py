"""``filinglint scan``: tables and their schemas, facts, resume, crashes, time-outs, Dask."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="the scan extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from filinglint.cli import main  # noqa: E402
from filinglint.linter.engine import Engine  # noqa: E402
from filinglint.linter.registry import all_rules  # noqa: E402
from filinglint.linter.source import read_path  # noqa: E402
from filinglint.scan import task  # noqa: E402
from filinglint.scan.inputs import ScanInputError, expand, read_manifest  # noqa: E402
from filinglint.scan.run import ScanError, ScanRequest, run  # noqa: E402
from filinglint.scan.tables import read_table, schemas  # noqa: E402
from filinglint.scan.task import TaskOptions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
LAKESHORE = ROOT / "tests" / "data" / "lakeshore-sc-to-t.txt"
CASES = ROOT / "tests" / "rules" / "cases"
ISOLATED = TaskOptions(isolated=True, timeout=30)


def corpus(tmp_path: Path, count: int = 24) -> list[str]:
    """``count`` fictional filings (the example, the data file and rule cases) in a folder."""
    sources = [EXAMPLE, LAKESHORE, *sorted(CASES.glob("*/*.txt"))]
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(count):  # past the sources' number, copies under other names
        source = sources[number % len(sources)]
        shutil.copy(source, folder / f"{number:03d}-{source.name}")
    return sorted(str(p) for p in folder.iterdir())


def scan(files, out, **changes) -> object:
    request = ScanRequest(
        files=files, out=str(out), workers=2, batch_size=4, options=ISOLATED, progress="off"
    )
    for key, value in changes.items():
        setattr(request, key, value)
    return run(request)


def rows(out, table: str) -> list[dict]:
    """A table's rows without the timing column, sorted: what two runs must agree on."""
    found = read_table(str(out), table).to_pylist()
    for row in found:
        row.pop("elapsed_ms", None)
    return sorted(found, key=lambda r: json.dumps(r, sort_keys=True, default=str))


# --- tables, schemas, facts ----------------------------------------------------------


def test_tables_follow_the_published_schemas(tmp_path):
    files = corpus(tmp_path, 6)
    summary = scan(files, tmp_path / "out")
    assert summary.files == 6
    for table in ("filings", "diagnostics"):
        parts = sorted((tmp_path / "out" / table).glob("part-*.parquet"))
        assert len(parts) == 2  # 6 files in batches of 4
        for part in parts:
            assert pq.read_schema(part).remove_metadata() == schemas()[table]
    names = set(schemas()["diagnostics"].names)
    assert {"accession", "form", "filed_date", "company", "cik", "path", "code", "rule"} <= names
    assert {"severity", "message", "line", "column", "fix"} <= names


def test_findings_are_the_engines_and_facts_the_fee_table(tmp_path):
    out = tmp_path / "out"
    scan([str(EXAMPLE)], out)
    engine = Engine(all_rules())
    expected = engine.check(read_path(str(EXAMPLE)))
    found = rows(out, "diagnostics")
    assert sorted((d["code"], d["line"], d["column"]) for d in found) == sorted(
        (d.code, d.line, d.column) for d in expected
    )
    fee = next(d for d in found if d["code"] == "FEE001")
    assert fee["form"] == "SC TO-I/A" and fee["company"].startswith("Harborview")
    assert fee["fix"] == "safe" and fee["severity"] == "error"
    (filing,) = rows(out, "filings")
    assert filing["status"] == "ok"
    assert filing["valuation"] == Decimal("25000000")
    assert filing["fee"] == Decimal("1400")
    assert filing["stated_rate"] == Decimal("0.0000558")
    assert filing["fee_expected"] == Decimal("1395")
    assert filing["fee_difference"] == Decimal("5")  # the $5.00 overpayment FEE001 reports
    assert filing["rate_in_force"] == Decimal("0.0000558")
    assert filing["boxes_checked"] == ["issuer-tender-offer"]
    assert filing["amendment_number"] == 1
    assert filing["findings"] == len(expected)


def test_a_submission_is_one_row_per_document(tmp_path):
    real = ROOT.parent / "shared" / "corpus" / "sc-to-t-a-0001104659-25-002604.txt"
    if not real.exists():
        pytest.skip("../shared/corpus is absent")
    out = tmp_path / "out"
    scan([str(real)], out)
    documents = rows(out, "filings")
    assert len(documents) > 1
    assert {d["accession"] for d in documents} == {"0001104659-25-002604"}
    assert {d["agent"] for d in documents} == {"0001104659"}
    main_row = next(d for d in documents if d["document"] == 1)
    assert main_row["document_type"] == "SC TO-T/A"
    assert main_row["filed_date"].isoformat() == "2025-01-10"
    assert main_row["cik"] == "0001376139"


def test_json_lines_hold_the_same_rows(tmp_path):
    files = corpus(tmp_path, 5)
    scan(files, tmp_path / "pq")
    scan(files, tmp_path / "jl", fmt="jsonl")
    assert list((tmp_path / "jl" / "filings").glob("*.jsonl"))
    for table in ("filings", "diagnostics"):
        assert rows(tmp_path / "jl", table) == rows(tmp_path / "pq", table)


# --- inputs --------------------------------------------------------------------------


def test_manifests_lines_and_csv_and_globs(tmp_path):
    files = corpus(tmp_path, 3)
    (tmp_path / "list.txt").write_text("# a comment\n" + "\n".join(files[:2]) + "\n")
    (tmp_path / "list.csv").write_text("cik,path\n1," + files[2] + "\n2,in/" + Path(files[0]).name)
    assert read_manifest(str(tmp_path / "list.txt")) == files[:2]
    assert read_manifest(str(tmp_path / "list.csv")) == [files[2], files[0]]
    assert expand([], str(tmp_path / "list.csv")) == sorted([files[0], files[2]])
    assert expand([str(tmp_path / "in" / "*.txt")]) == files
    assert expand([str(tmp_path / "in")]) == files
    with pytest.raises(ScanInputError):
        expand([str(tmp_path / "nothing-*.txt")])


# --- resume --------------------------------------------------------------------------


def test_an_interrupted_scan_resumed_equals_an_uninterrupted_one(tmp_path):
    files = corpus(tmp_path, 120)
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    command = [
        sys.executable, "-m", "filinglint", "scan", "--isolated", "--workers", "1",
        "--batch-size", "2", "--progress", "off", "--out",
    ]  # fmt: skip
    subprocess.run([*command, str(whole), *files], check=True, capture_output=True)
    process = subprocess.Popen(
        [*command, str(cut), *files], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    done = cut / "done.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
        not done.exists() or len(done.read_text().splitlines()) < 3
    ):
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(done.read_text().splitlines())
    assert 3 <= finished < 60, "the scan was not killed midway"
    resumed = subprocess.run(
        [*command, str(cut), "--resume", *files], check=True, capture_output=True, text=True
    )
    assert f"Resumed: {finished} batches were already done" in resumed.stdout
    assert "Scanned 120 files" in resumed.stdout
    for table in ("filings", "diagnostics"):
        assert rows(cut, table) == rows(whole, table)
    assert len(done.read_text().splitlines()) == 60


def test_a_folder_holding_a_scan_needs_resume(tmp_path, capsys):
    files = corpus(tmp_path, 2)
    scan(files, tmp_path / "out")
    with pytest.raises(ScanError, match="--resume"):
        scan(files, tmp_path / "out")
    with pytest.raises(ScanError, match="other files"):
        scan(files[:1], tmp_path / "out", resume=True)
    code = main(["scan", "--out", str(tmp_path / "out"), "--isolated", *files])
    assert code == 2
    assert "already holds a scan" in capsys.readouterr().err


# --- crashes and time-outs -----------------------------------------------------------


@pytest.fixture
def misbehaving(monkeypatch):
    """Files named crash/slow/die/rule crash, loop, kill their worker or break a rule.

    The pool forks, so the patches made here hold in its workers."""
    import filinglint.linter.documents as documents
    import filinglint.scan.facts as facts
    from filinglint.linter.registry import find_rule

    real_rows, real_build = facts.document_rows, documents.build_root

    def rows_or_crash(root, path):
        if "crash" in os.path.basename(path):
            raise RuntimeError("a bug in the facts")
        return real_rows(root, path)

    def build_or_stall(source, form=None):
        if "slow" in os.path.basename(source.path):
            while True:  # a runaway Python loop (a real sleep would hold the thread in C)
                time.sleep(0.01)
        if "die" in os.path.basename(source.path):
            os._exit(3)
        return real_build(source, form)

    rule_module = sys.modules[find_rule("fee-mismatch").visitors["fee_table"].__module__]
    real_multiply = rule_module.multiply

    def broken_multiply(amount, rate):
        if amount == Decimal("25000001"):  # the valuation of the "rule" file only
            raise ZeroDivisionError("a bug in a rule")
        return real_multiply(amount, rate)

    monkeypatch.setattr(facts, "document_rows", rows_or_crash)
    monkeypatch.setattr(documents, "build_root", build_or_stall)
    monkeypatch.setattr(rule_module, "multiply", broken_multiply)
    monkeypatch.setattr(task, "_ENGINES", {})


def test_a_crash_a_timeout_and_a_dead_worker_are_rows(tmp_path, misbehaving):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a-ok", "b-crash", "c-slow", "d-rule", "e-die", "f-ok"):
        text = EXAMPLE.read_text(encoding="utf-8")
        if name == "d-rule":
            text = text.replace("$25,000,000 ", "$25,000,001 ", 1)
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    options = TaskOptions(isolated=True, timeout=1.0)
    started = time.monotonic()
    summary = scan(files, tmp_path / "out", options=options, batch_size=3)
    assert time.monotonic() - started < 30
    status = {Path(r["path"]).stem: r for r in rows(tmp_path / "out", "filings")}
    assert {k: v["status"] for k, v in status.items()} == {
        "a-ok": "ok",
        "b-crash": "crashed",
        "c-slow": "timeout",
        "d-rule": "internal-error",
        "e-die": "worker-died",
        "f-ok": "ok",
    }
    assert "RuntimeError: a bug in the facts" in status["b-crash"]["error"]
    assert "stopped after 1 s" in status["c-slow"]["error"]
    assert "ZeroDivisionError" in status["d-rule"]["error"]
    assert summary.statuses["ok"] == 2 and summary.files == 6
    internal = [d for d in rows(tmp_path / "out", "diagnostics") if d["rule"] == "internal-error"]
    assert [Path(d["path"]).stem for d in internal] == ["d-rule"]


def test_the_watchdog_leaves_a_quick_file_alone(tmp_path):
    files = corpus(tmp_path, 3)
    options = TaskOptions(isolated=True, timeout=5)
    for path in files:
        found, _ = task.scan_file(path, options)
        assert found[0]["status"] == "ok"
    time.sleep(0.1)  # a late time-out would be raised here


# --- progress and summary ------------------------------------------------------------


def test_progress_lines_and_summary(tmp_path):
    import io

    files = corpus(tmp_path, 5)
    stream = io.StringIO()
    request = ScanRequest(
        files=files, out=str(tmp_path / "out"), workers=1, batch_size=2, options=ISOLATED,
        progress="lines", progress_interval=0,
    )  # fmt: skip
    summary = run(request, stream=stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3  # one per batch
    assert lines[-1].startswith("filinglint scan: 5/5 files (100%)")
    assert "files/s, ETA" in lines[-1] and lines[-1].endswith(f"{summary.findings} findings")
    text = summary.text()
    assert "Scanned 5 files" in text and "Files by status: 5 ok." in text
    assert "Findings by rule:" in text


# --- Dask ----------------------------------------------------------------------------


def test_dask_local_cluster_gives_the_same_tables(tmp_path):
    pytest.importorskip("distributed", reason="the scan extra (dask.distributed) is absent")
    files = corpus(tmp_path, 12)
    scan(files, tmp_path / "pool")
    summary = scan(files, tmp_path / "dask", dask="local")
    assert summary.files == 12
    for table in ("filings", "diagnostics"):
        assert rows(tmp_path / "dask", table) == rows(tmp_path / "pool", table)


def test_a_terminal_gets_a_redrawn_bar(tmp_path):
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    files = corpus(tmp_path, 4)
    stream = Terminal()
    request = ScanRequest(
        files=files, out=str(tmp_path / "out"), workers=1, batch_size=2, options=ISOLATED
    )
    run(request, stream=stream)
    text = stream.getvalue()
    assert text.startswith("\r\x1b[K[") and text.endswith("\n")
    assert "[" + "#" * 28 + "] 4/4 files (100%)" in text
    assert "\n" not in text[:-1]  # one line, redrawn
