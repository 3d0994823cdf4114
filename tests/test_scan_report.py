"""``filinglint report``: the page's content, its escaping, and how headless Chromium shows it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="the scan extra (pyarrow) is not installed")
pytest.importorskip("matplotlib", reason="the scan extra (matplotlib) is not installed")

from filinglint.cli import main
from filinglint.scan.run import ScanRequest, run
from filinglint.scan.task import TaskOptions
from tests.chromium import CHROMIUM, HEADLESS_FLAGS, MISSING

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
LAKESHORE = ROOT / "tests" / "data" / "lakeshore-sc-to-t.txt"
SEED = ROOT.parent / "shared" / "fixtures" / "seed"


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    """A scan of the fictional filings (and the seed filing, when ../shared is here), one
    of them with a subject company whose name is markup."""
    folder = tmp_path_factory.mktemp("report")
    inputs = folder / "in"
    inputs.mkdir()
    sources = [EXAMPLE, LAKESHORE, *sorted(SEED.glob("*.txt"))]
    sources += sorted((ROOT / "tests" / "rules" / "cases").glob("FEE*/*.txt"))
    for number, source in enumerate(sources):
        shutil.copy(source, inputs / f"{number:03d}-{source.name}")
    text = EXAMPLE.read_text(encoding="utf-8")
    hostile = text.replace("Harborview", "<script>alert(1)</script>Harborview", 1)
    (inputs / "zz-hostile.txt").write_text(hostile, encoding="utf-8")
    run(
        ScanRequest(
            files=sorted(str(p) for p in inputs.iterdir()),
            out=str(folder / "out"),
            workers=2,
            batch_size=8,
            options=TaskOptions(isolated=True),
            progress="off",
        )
    )
    return folder


def test_the_page_holds_plots_tables_and_links(scanned, capsys):
    page = scanned / "report.html"
    assert main(["report", str(scanned / "out"), "--html", str(page)]) == 0
    assert "Wrote" in capsys.readouterr().out
    text = page.read_text(encoding="utf-8")
    for ident in ("rules-by-year", "fee-differences", "rates", "agents"):
        section = re.search(rf'<section class="plot" id="{ident}">(.*?)</section>', text, re.S)
        assert section and "<svg" in section.group(1), ident
    assert text.count('<table class="sortable">') == 3
    # each finding links to the same finding in its filing's annotated view
    link = re.search(r'<a href="(report\.html\.views/\d+\.html)#(d\d+)">[^<]*harborview', text)
    assert link, "no link to the example's annotated view"
    view = (scanned / link.group(1)).read_text(encoding="utf-8")
    assert f'id="{link.group(2)}"' in view and "stated filing fee $1,400.00" in view
    assert "<script>alert(1)</script>" not in text  # the company name is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text or "alert" not in text
    assert not re.search(r'(?:src|href)="(?:https?:)?//', text)  # nothing from the network


def test_without_views_findings_link_to_their_files(scanned):
    page = scanned / "plain.html"
    assert main(["report", str(scanned / "out"), "--html", str(page), "--no-views"]) == 0
    text = page.read_text(encoding="utf-8")
    assert re.search(r'<a href="file://[^"]+harborview-sc-to-i-a.txt#L40">', text)
    assert not (scanned / "plain.html.views").exists()


def test_a_folder_without_a_scan_is_an_error(tmp_path, capsys):
    assert main(["report", str(tmp_path), "--html", str(tmp_path / "r.html")]) == 2
    assert "holds no scan" in capsys.readouterr().err


FLAGS = (*HEADLESS_FLAGS, "--enable-logging=stderr", "--v=0")
ARTIFACTS = Path(os.environ.get("FILINGLINT_ARTIFACTS") or ROOT / "tests" / ".artifacts")


def _chromium(*arguments: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=120,
        )


def _console(stderr: str) -> list[str]:
    """What the page wrote to the console (Chromium logs every message as CONSOLE)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
def test_chromium_catches_a_console_error():
    """The check below can fail: a page with a script error shows up in the log."""
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as handle:
        handle.write("<html><body><script>undefinedFunction();</script></body></html>")
    result = _chromium("--dump-dom", Path(handle.name).as_uri())
    Path(handle.name).unlink()
    assert any("undefinedFunction" in line for line in _console(result.stderr))


@pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
def test_chromium_loads_the_page_without_a_console_error(scanned):
    page = scanned / "chromium.html"
    assert main(["report", str(scanned / "out"), "--html", str(page)]) == 0
    dom = _chromium("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert _console(dom.stderr) == []
    assert 'data-ready="yes"' in dom.stdout  # the script ran to its end
    assert dom.stdout.count("<svg") >= 4
    shot = scanned / "report.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1200,2600", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console(result.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2600)
    assert len(data) > 60_000  # plots and tables, not a blank page (a blank one is ~10 kB)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # kept for CI, never committed
    (ARTIFACTS / "scan-report.png").write_bytes(data)
