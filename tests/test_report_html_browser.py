"""The annotated HTML view in a real browser: headless Chromium driven over the DevTools
protocol (a websocket on the loopback; nothing else is fetched).

Each page must load without a console error or exception and make no request but its own
file; clicking a finding in the side list must scroll its highlight into view and focus
it; the filters must hide findings in the list and the text; a filing's scripts must not
run. Screenshots go to ``$FILINGLINT_ARTIFACTS`` (default ``tests/.artifacts/``, ignored
by git) for CI to keep. Skipped, with the reason, where Chromium or websocket-client is
absent; ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import re
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from filinglint.cli import main
from filinglint.linter.report.htmlview import render
from filinglint.linter.source import decode
from tests.chromium import CHROMIUM, HEADLESS_FLAGS, MISSING
from tests.conftest import EXAMPLE, ROOT
from tests.test_report_html import HOSTILE_LINES, at, check, hostile

websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
ARTIFACTS = Path(os.environ.get("FILINGLINT_ARTIFACTS") or ROOT / "tests" / ".artifacts")
WIDTH, HEIGHT = 1280, 800
CHROMIUM_FLAGS = (
    *HEADLESS_FLAGS,
    "--disable-default-apps",
    "--disable-extensions",
    "--remote-debugging-port=0",
)


class Page:
    """One Chromium tab over the DevTools protocol: calls, events, evaluation."""

    def __init__(self, ws_url: str) -> None:
        self.ws = websocket.create_connection(
            ws_url, timeout=30, suppress_origin=True, http_no_proxy=["127.0.0.1"]
        )
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _receive(self) -> dict:
        message = json.loads(self.ws.recv())
        if "method" in message:
            self.events.append(message)
        return message

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < deadline:
            for event in self.events[seen:]:
                if event["method"] == method:
                    return event
            seen = len(self.events)
            self._receive()
        raise TimeoutError(method)

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def settle(self) -> None:
        """Two animation frames, so scrolling and styles are applied before measuring."""
        self.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, dialogs (alert from a filing)."""
        out = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(f"exception: {params['exceptionDetails']}")
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                out.append(f"console.{params['type']}: {params['args']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append(f"log: {params['entry']['text']}")
            elif method == "Page.javascriptDialogOpening":
                out.append(f"dialog: {params['message']}")
        return out

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def screenshot(self, name: str, **params) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        data = self.call("Page.captureScreenshot", format="png", **params)["data"]
        target = ARTIFACTS / name
        target.write_bytes(base64.b64decode(data))
        return target


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Chromium did not start (exit {process.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + 30
        while True:
            targets = json.loads(opener.open(f"http://127.0.0.1:{port}/json/list").read())
            pages = [t for t in targets if t["type"] == "page"]
            if pages or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        page = Page(pages[0]["webSocketDebuggerUrl"])
        yield page
        page.ws.close()
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


IN_VIEW = """(() => {
  const mark = document.querySelector('mark.hl.current');
  const box = mark.getBoundingClientRect();
  const pane = document.getElementById('files').getBoundingClientRect();
  const seen = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
  return {text: mark.textContent, focused: document.activeElement === mark,
          uncovered: seen !== null && seen.closest('mark') === mark,
          inside: box.top >= pane.top && box.bottom <= Math.min(pane.bottom, innerHeight)
                  && box.height > 0,
          scrolled: document.getElementById('files').scrollTop,
          card: [...document.querySelectorAll('article.card')].filter(c => !c.hidden)
                .map(c => c.id),
          doc: [...document.querySelectorAll('details.ruledoc')].filter(d => !d.hidden)
               .map(d => d.dataset.code)};
})()"""


ALL_VISIBLE = """[...document.querySelectorAll('mark.hl')].map(mark => {
  const box = mark.getBoundingClientRect();
  const seen = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
  return box.height > 0 && seen !== null && seen.closest('mark') === mark;
})"""


def first_line_texts(filing: Path) -> list[tuple[str, str]]:
    """(code, the text of the finding's first highlighted line) of each finding."""
    diagnostics, sources = check(filing.read_text(encoding="utf-8"), str(filing))
    out = []
    for d in diagnostics:
        line = sources[str(filing)].line(d.line)
        out.append(
            (d.code, line[d.column - 1 : d.end_column - 1 if d.end_line == d.line else None])
        )
    return out


def check_page(page: Page, path: Path, expected: list[tuple[str, str]], name: str) -> None:
    """Load a checked filing's page, click through its findings, filter, screenshot."""
    page.open(path)
    assert page.problems() == []
    assert page.requests() == [path.resolve().as_uri()]
    assert page.js("document.querySelectorAll('script').length") == 2
    listed = page.js(
        "[...document.querySelectorAll('#findings li.item .code-id')].map(e => e.textContent)"
    )
    assert listed == [code for code, _ in expected]
    for index, (code, text) in enumerate(expected):
        page.js(f"document.querySelectorAll('#findings li.item a')[{index}].click()")
        page.settle()
        state = page.js(IN_VIEW)
        assert state["text"] == text
        assert state["inside"], f"the highlight of {code} is not in view: {state}"
        assert state["focused"] and state["uncovered"], state
        assert state["card"] == [f"card-{index}"] and state["doc"] == [code]
        if index == 0:
            page.screenshot(f"{name}-first-finding.png")
    assert state["scrolled"] > 0  # the last finding is far down: the pane scrolled to it
    page.screenshot(f"{name}-last-finding.png")
    # filters: hide the first rule; its item and its highlight go, the others stay
    first = expected[0][0]
    page.js(f"document.querySelector('input[data-filter=code][value={first}]').click()")
    hidden = page.js("[...document.querySelectorAll('#findings li.item')].map(li => li.hidden)")
    assert hidden == [code == first for code, _ in expected]
    off = page.js("[...document.querySelectorAll('mark.hl')].map(m => m.classList.contains('off'))")
    assert True in off and False in off
    page.js(f"document.querySelector('input[data-filter=code][value={first}]').click()")
    assert page.js("document.querySelectorAll('mark.hl.off').length") == 0
    assert page.problems() == []


def test_seed_page_in_chromium(browser, seed_text, tmp_path, capsys):
    filing = tmp_path / "schedule-to-a-rare-medium-2003-04-16.txt"
    filing.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "seed.html"
    assert (
        main(["check", "--output-format", "concise", "--output-file", f"html={out}", str(filing)])
        == 1
    )
    capsys.readouterr()
    expected = first_line_texts(filing)
    assert [code for code, _ in expected] == ["FEE001", "EXH001"]
    assert expected[0][1] == "$203.00"
    check_page(browser, out, expected, "seed")
    # folded to the lines near findings, one picture shows both findings highlighted
    browser.js("document.getElementById('fold').click()")
    browser.js("document.getElementById('detail').hidden = true")
    browser.js("document.getElementById('files').scrollTop = 0")
    browser.settle()
    assert browser.js(ALL_VISIBLE) == [True, True]
    browser.screenshot("seed-findings.png")


def test_example_page_in_chromium(browser, tmp_path, capsys):
    out = tmp_path / "example.html"
    assert main(["check", "-q", "--output-file", f"html={out}", str(EXAMPLE)]) == 1
    capsys.readouterr()
    expected = first_line_texts(EXAMPLE)
    assert [code for code, _ in expected] == ["FEE001", "DAT002", "EXH001"]
    page = browser
    check_page(page, out, expected, "example")
    # clicking a highlight opens its finding; n and p step through the findings
    page.js("document.querySelector('mark.hl[data-d=\"1\"]').click()")
    assert page.js("document.getElementById('card-1').hidden") is False
    page.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n'}))")
    page.settle()
    assert page.js(IN_VIEW)["card"] == ["card-2"]
    page.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert page.js("document.getElementById('detail').hidden") is True
    assert page.problems() == []


def test_no_script_from_a_filing_runs(browser, tmp_path):
    diagnostics, sources = hostile()
    out = tmp_path / "hostile.html"
    out.write_text(render(diagnostics, sources), encoding="utf-8")
    browser.open(out)
    for index in range(len(diagnostics)):  # hover and click every highlight and item
        browser.js(
            f"""document.querySelectorAll('mark.hl[data-d~="{index}"]').forEach(m => {{
                m.dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}));
                m.click(); }});
              document.querySelector('#findings a[data-d="{index}"]').click();"""
        )
    browser.js("document.querySelectorAll('.related a').forEach(a => a.click())")
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.problems() == []
    assert browser.requests() == [out.resolve().as_uri()]
    assert browser.js("document.querySelectorAll('script').length") == 2
    assert browser.js("document.querySelectorAll('img, svg, iframe, textarea, base').length") == 0
    lines = browser.js("[...document.querySelectorAll('.code .l')].map(l => l.textContent)")
    assert lines[:5] == HOSTILE_LINES[:5]
    assert "\u202e" not in lines[5] and "U+202E" in lines[5]
    assert browser.js("document.styleSheets.length") == 1  # the filing's <style> is text
    assert browser.js("getComputedStyle(document.body).display") == "flex"
    browser.screenshot("hostile.png")


@pytest.fixture
def loopback_server():
    """A web server on the loopback that records every path asked of it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"window.__pwned = 9;")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_an_html_filings_preview_runs_no_script_and_fetches_nothing(
    browser, tmp_path, loopback_server
):
    base, hits = loopback_server
    # the control: a page without our policy does fetch from the server
    control = tmp_path / "control.html"
    control.write_text(f'<img src="{base}/control.png">', encoding="utf-8")
    browser.open(control)
    time.sleep(0.5)
    assert hits == ["/control.png"]
    hits.clear()
    text = (
        f'<html><head><meta http-equiv=refresh content="0;url={base}/refresh">\n'
        f'<link rel=stylesheet href="{base}/style.css"><script src="{base}/x.js"></script>\n'
        '</head><body onload="parent.__pwned = 1"><script>parent.__pwned = 2; alert(2)</script>\n'
        f'<img src="{base}/pixel.png" onerror="parent.__pwned = 3">'
        f'<iframe src="{base}/frame"></iframe>\n'
        "<p>Amount of Filing Fee $203.00</p></body></html>\n"
    )
    source = decode(text.encode("utf-8"), "filing.htm")
    start = text.index("$203.00")
    out = tmp_path / "preview.html"
    out.write_text(render([at(source, start, start + 7, 0)], {"filing.htm": source}), "utf-8")
    browser.open(out)
    browser.js("document.querySelector('details.preview').open = true")
    time.sleep(1.5)
    browser.settle()
    assert hits == []  # nothing in the preview reached the network
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.querySelector('iframe').getAttribute('sandbox')") == ""
    assert browser.problems() == []
    assert browser.js("document.querySelector('mark.hl').textContent") == "$203.00"
    browser.screenshot("html-preview.png")
    # the second control: the same page without its policy renders the preview, which
    # then fetches its image (the sandbox alone would not stop that: the policy does)
    page = out.read_text(encoding="utf-8")
    unguarded = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert unguarded != page
    out.write_text(unguarded, encoding="utf-8")
    browser.open(out)
    browser.js("document.querySelector('details.preview').open = true")
    time.sleep(1.5)
    assert "/pixel.png" in hits
    assert browser.js("typeof window.__pwned") == "undefined"  # the sandbox: no scripts


def test_a_two_megabyte_page_loads_and_jumps_quickly(browser, tmp_path):
    base = EXAMPLE.read_text(encoding="utf-8")
    copies = 2 * 1024 * 1024 // len(base) + 1
    source = decode((base * copies).encode("utf-8"), "big.txt")
    per_copy = base.count("\n")
    start = base.index("$1,400.00")
    diagnostics = [
        at(source, copy * len(base) + start, copy * len(base) + start + 9, copy)
        for copy in range(copies)
    ]
    out = tmp_path / "big.html"
    out.write_text(render(diagnostics, {"big.txt": source}), encoding="utf-8")
    began = time.monotonic()
    browser.open(out)
    loaded = time.monotonic() - began
    browser.js(f"document.querySelector('#findings a[data-d=\"{copies - 1}\"]').click()")
    browser.settle()
    state = browser.js(IN_VIEW)
    jumped = time.monotonic() - began - loaded
    assert state["inside"] and state["uncovered"] and state["text"] == "$1,400.00"
    assert browser.js("document.querySelectorAll('.code .l').length") == source.line_count
    assert per_copy * copies < source.line_count + 1
    assert browser.problems() == []
    browser.screenshot("two-megabytes-last-finding.png")
    print(f"2 MB page ({out.stat().st_size} bytes): loaded in {loaded:.2f} s, jump {jumped:.2f} s")
    assert loaded < 20, f"{loaded:.1f} s to load"
