"""The annotated HTML view (``--output-format html``): structure, escaping, highlights,
fixes as diffs, rule docs, the CLI, and the cost on a large filing.

The page is parsed with a strict little DOM (``parse``): every element must close in the
order it opened, so a filing that broke out of its element fails the test. The browser
test (``test_report_html_browser.py``) loads the same pages into headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filinglint.cli import main
from filinglint.linter.ast import Span
from filinglint.linter.diagnostics import Diagnostic, Edit, Fix, Location
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.report import FORMATS, get_reporter
from filinglint.linter.report.htmlview import (
    CHUNK,
    SCRIPT,
    docs_html,
    fix_diff,
    render,
    script_json,
)
from filinglint.linter.source import Source, decode
from tests.conftest import EXAMPLE

EXAMPLE_PATH = "examples/harborview-sc-to-i-a.txt"

# --- a strict DOM of the page -----------------------------------------------------------

VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "source", "col", "area"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)  # Node or str

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list[Node]:
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes())
            and all(node.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute in <{tag} {attrs}>"
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        raise AssertionError(f"self-closing <{tag}/> in the page")

    def handle_endtag(self, tag):
        assert tag not in VOID, f"end tag for void element {tag}"
        top = self.stack.pop()
        assert top.tag == tag, f"</{tag}> closes <{top.tag}>: the page is not well formed"

    def handle_comment(self, data):
        raise AssertionError(f"a comment in the page: <!--{data}-->")

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], f"unclosed: {[n.tag for n in builder.stack[1:]]}"
    assert (builder.doctype or "").lower() == "doctype html"
    return builder.root


def sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def page_data(root: Node) -> dict:
    (data,) = root.find_all("script", id="filinglint-data")
    assert data.attrs.get("type") == "application/json"
    return json.loads(data.text())


def marked_text(root: Node, index: int) -> str:
    """The text of every highlight of finding ``index``, in page order."""
    return "".join(
        mark.text()
        for mark in root.find_all("mark", cls="hl")
        if str(index) in mark.attrs["data-d"].split()
    )


def line_texts(root: Node, file_number: int = 0) -> list[str]:
    (section,) = root.find_all("section", id=f"f{file_number}")
    (code,) = section.find_all("div", cls="code")
    chunks = [node for node in code.children if isinstance(node, Node)]
    assert all(chunk.tag == "div" and "k" in chunk.classes() for chunk in chunks)
    return [line.text() for chunk in chunks for line in chunk.children if isinstance(line, Node)]


# --- fixtures ---------------------------------------------------------------------------


def check(text: str, path: str = EXAMPLE_PATH):
    source = decode(text.encode("utf-8"), path)
    return Engine(list(all_rules())).check(source), {path: source}


@pytest.fixture(scope="module")
def example():
    return check(EXAMPLE.read_text(encoding="utf-8"))


def at(source: Source, start: int, end: int, index: int, **changes) -> Diagnostic:
    """A hand-made finding on the characters ``start``-``end`` of ``source``."""
    line, column, end_line, end_column = source.lines_of(Span(start=start, end=end))
    fields = dict(
        code="TST001",
        name="test-rule",
        severity="warning",
        message=f"finding {index}",
        path=source.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
    return Diagnostic(**{**fields, **changes})


def edit(source: Source, start: int, end: int, content: str) -> Edit:
    line, column, end_line, end_column = source.lines_of(Span(start=start, end=end))
    return Edit(
        start=start,
        end=end,
        content=content,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )


# --- the example: structure -------------------------------------------------------------


def test_html_is_a_registered_format():
    assert FORMATS["html"] == "filinglint.linter.report.htmlview"
    assert get_reporter("html") is render


def test_every_finding_has_an_anchor_a_list_item_a_card_and_a_highlight(example):
    diagnostics, sources = example
    assert [d.code for d in diagnostics] == ["FEE001", "DAT002", "EXH001"]
    page = render(diagnostics, sources)
    root = parse(page)
    for index, d in enumerate(diagnostics):
        (anchor,) = root.find_all(id=f"d{index}")
        assert anchor.tag == "span"
        (item,) = root.find_all("li", cls="item", data_d=str(index))
        (link,) = item.find_all("a")
        assert link.attrs["href"] == f"#d{index}"
        assert d.message in item.text()
        (card,) = root.find_all("article", id=f"card-{index}")
        assert d.message in card.text() and d.code in card.text()
        if d.hint:
            assert d.hint in card.text()
        source = sources[d.path]
        assert marked_text(root, index) == "".join(
            source.line(n)[
                (d.column - 1 if n == d.line else 0) : (
                    d.end_column - 1 if n == d.end_line else None
                )
            ]
            for n in range(d.line, d.end_line + 1)
        )
    # EXH001 spans two lines: one highlight on each
    assert sum("2" in m.attrs["data-d"].split() for m in root.find_all("mark")) == 2
    # the side list and the data agree on the findings
    data = page_data(root)
    assert [(f["code"], f["line"], f["message"]) for f in data["findings"]] == [
        (d.code, d.line, d.message) for d in diagnostics
    ]


def test_the_text_is_every_line_of_the_filing(example):
    diagnostics, sources = example
    root = parse(render(diagnostics, sources))
    source = sources[EXAMPLE_PATH]
    assert line_texts(root) == [source.line(n) for n in range(1, source.line_count + 1)]


def test_filters_list_each_severity_and_rule_present(example):
    diagnostics, sources = example
    root = parse(render(diagnostics, sources))
    boxes = [b for b in root.find_all("input", type="checkbox") if "data-filter" in b.attrs]
    assert {(b.attrs["data-filter"], b.attrs["value"]) for b in boxes} == {
        ("severity", "error"),
        ("code", "FEE001"),
        ("code", "DAT002"),
        ("code", "EXH001"),
    }
    assert all("checked" in b.attrs for b in boxes)
    (fold,) = root.find_all("input", id="fold")
    assert "checked" not in fold.attrs


def test_related_locations_link_to_their_lines(example):
    diagnostics, sources = example
    root = parse(render(diagnostics, sources))
    (card,) = root.find_all("article", id="card-0")
    links = [a.attrs["href"] for a in card.find_all("ul", cls="related")[0].find_all("a")]
    assert links == ["#f0-L40", "#f0-L47"]
    for href in links:
        (line,) = root.find_all(id=href[1:])
        assert "l" in line.classes()


def test_rule_docs_are_in_the_page_once_per_rule(example):
    diagnostics, sources = example
    root = parse(render(diagnostics, sources))
    docs = root.find_all("details", cls="ruledoc")
    assert [d.attrs["data-code"] for d in docs] == ["DAT002", "EXH001", "FEE001"]
    (fee,) = [d for d in docs if d.attrs["data-code"] == "FEE001"]
    assert [h.text() for h in fee.find_all("h4")][:2] == ["What it does", "Why it matters"]
    assert "$2,500,000 × 0.0000809" in fee.text()


def test_the_fix_is_shown_as_a_diff_of_the_edited_lines(example):
    diagnostics, sources = example
    root = parse(render(diagnostics, sources))
    (diff,) = root.find_all("article", id="card-0")[0].find_all("pre", cls="diff")
    lines = [span.text() for span in diff.children]
    assert lines[2] == "@@ -38,5 +38,5 @@"
    assert [x for x in lines if x.startswith(("-", "+")) and not x.startswith(("--", "++"))] == [
        "-                 $25,000,000                         $1,400.00",
        "+                 $25,000,000                         $1,395.00",
    ]
    assert "unsafe" in root.find_all("article", id="card-1")[0].text()
    assert not root.find_all("article", id="card-2")[0].find_all("pre", cls="diff")


def test_only_the_page_script_may_run(example):
    diagnostics, sources = example
    page = render(diagnostics, sources)
    root = parse(page)
    scripts = root.find_all("script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    assert scripts[1].text() == SCRIPT
    policy = root.find_all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert re.findall(r"'sha256-([^']+)'", policy) == [sha256(SCRIPT)]
    assert "default-src 'none'" in policy
    assert "innerHTML" not in SCRIPT and "insertAdjacentHTML" not in SCRIPT
    assert "document.write" not in SCRIPT and "eval(" not in SCRIPT


def test_a_run_without_findings_still_shows_the_file():
    source = decode(b"A clean little filing.\n", "clean.txt")
    root = parse(render([], {"clean.txt": source}))
    assert line_texts(root) == ["A clean little filing.", ""]
    assert page_data(root)["findings"] == []
    assert not [b for b in root.find_all("input") if "data-filter" in b.attrs]


def test_a_finding_in_a_file_without_text_keeps_its_anchor():
    d = Diagnostic(
        code="TST001",
        name="test-rule",
        severity="error",
        message="m",
        path="gone.txt",
        line=3,
        column=1,
        end_line=3,
        end_column=2,
    )
    root = parse(render([d], {}))
    assert root.find_all(id="d0") and root.find_all("article", id="card-0")


# --- escaping: nothing from a filing may act on the page --------------------------------

HOSTILE_LINES = [
    "<script>window.__pwned = 1; alert(1)</script>",
    "</script><script>window.__pwned = 2</script>",
    '"onmouseover="window.__pwned = 3" x="',
    "<img src=x onerror=\"window.__pwned = 4\"> <svg onload='window.__pwned = 5'>",
    '<a href="javascript:window.__pwned = 6">click</a> javascript:alert(6)',
    "\x1b[31mred\x1b]0;title\x07 and \u202egnp.exe\u202c bidi \u2066iso\u2069 \x85 \x00",
    "&lt;already escaped&gt; & \u2028 line sep \u2029 para sep",
    "<!-- a comment --> <![CDATA[ x ]]> <style>body{display:none}</style> <textarea>",
    '<iframe src="javascript:window.__pwned = 7"></iframe> <base href=//evil>',
]
HOSTILE_PATH = 'x"><script>window.__pwned = 8</script>\x1b.txt'


def hostile() -> tuple[list[Diagnostic], dict[str, Source]]:
    """A filing of attacks, a finding on each line quoting it in message, hint, related,
    fix and code, and one finding over three lines."""
    text = "\n".join(HOSTILE_LINES) + "\n"
    source = decode(text.encode("utf-8"), HOSTILE_PATH)
    diagnostics = []
    offset = 0
    for index, line in enumerate(HOSTILE_LINES):
        start, end = offset + 1, offset + len(line)
        related_line = (index + 1) % len(HOSTILE_LINES) + 1
        diagnostics.append(
            at(
                source,
                start,
                end,
                index,
                severity=("error", "warning", "info")[index % 3],
                message=f"found {line!s}",
                hint=f"replace {line}",
                related=(
                    Location(
                        path=HOSTILE_PATH,
                        line=related_line,
                        column=1,
                        end_line=related_line,
                        end_column=2,
                        message=line,
                    ),
                ),
                fix=Fix(
                    message=f"write {line}",
                    safety="unsafe",
                    edits=(edit(source, start, end, "</pre></script>" + line[::-1]),),
                ),
            )
        )
        offset += len(line) + 1
    diagnostics.append(at(source, 3, len(HOSTILE_LINES[0]) + len(HOSTILE_LINES[1]) + 12, 99))
    return diagnostics, {HOSTILE_PATH: source}


def test_filing_text_and_paths_are_escaped_and_the_page_stays_well_formed():
    diagnostics, sources = hostile()
    page = render(diagnostics, sources)
    root = parse(page)  # strict: any break-out of an element fails here
    assert [s.attrs.get("type") for s in root.find_all("script")] == ["application/json", None]
    assert page.lower().count("<script") == 2 and page.lower().count("</script") == 2
    tags = {node.tag for node in root.iter()}
    assert not tags & {"img", "svg", "iframe", "textarea", "base"}
    assert len(root.find_all("style")) == 1
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"event handler attribute {name} on <{node.tag}>"
            if name == "href":
                assert value.startswith("#"), value
    # no control or bidi character reaches the page; each is shown as a mark
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", page)
    assert "\u2028" not in page_data_text(page) and "\u2029" not in page_data_text(page)
    # the text reads back exactly as the filing, controls as their visible marks
    shown = line_texts(root)
    assert shown[:4] == HOSTILE_LINES[:4]
    assert shown[5].startswith("␛[31mred␛]0;title␇ and U+202Egnp.exeU+202C bidi")
    assert shown[5].endswith("U+0085 ␀")
    # the data the script reads round-trips
    data = page_data(root)
    assert data["files"] == [HOSTILE_PATH]
    assert [f["message"] for f in data["findings"][:-1]] == [f"found {x}" for x in HOSTILE_LINES]


def page_data_text(page: str) -> str:
    match = re.search(r'<script type="application/json" id="filinglint-data">(.*?)</script>', page)
    assert match
    return match.group(1)


def test_script_json_cannot_close_its_element():
    nasty = "</script><!--<script>\u2028\u2029&amp;"
    text = script_json({"m": nasty})
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"m": nasty}


def test_an_html_filing_gets_a_sandboxed_preview_without_scripts():
    text = '<html><body onload="window.__pwned = 1"><script>alert(1)</script>\n<p>Fee</p>\n'
    source = decode(text.encode("utf-8"), "filing.htm")
    page = render([at(source, text.index("Fee"), text.index("Fee") + 3, 0)], {"filing.htm": source})
    root = parse(page)
    (frame,) = root.find_all("iframe")
    assert frame.attrs["sandbox"] == ""
    assert frame.attrs["srcdoc"] == text
    assert marked_text(root, 0) == "Fee"
    assert line_texts(root)[0].startswith('<html><body onload="window.__pwned = 1">')


def test_docs_markdown_subset_escapes_everything():
    out = docs_html(
        "## What <b>\nUse `<x>` and **bold** [a](javascript:x)\n\n```\n<script>\n```\n- one\n- two"
    )
    assert out == (
        "<h4>What &lt;b&gt;</h4>"
        "<p>Use <code>&lt;x&gt;</code> and <strong>bold</strong> [a](javascript:x)</p>"
        "<pre>&lt;script&gt;</pre>"
        "<ul><li>one</li><li>two</li></ul>"
    )


# --- highlights: exact spans ------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab <>&\"'\t", max_size=12), min_size=1, max_size=6),
    spans=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30)), min_size=1, max_size=4),
)
def test_every_highlight_covers_exactly_its_span(lines, spans):
    text = "\n".join(lines)
    source = Source(path="p.txt", text=text)
    bounds = [(min(s, len(text)), min(s + n, len(text))) for s, n in spans]
    diagnostics = [at(source, start, end, i) for i, (start, end) in enumerate(bounds)]
    root = parse(render(diagnostics, {"p.txt": source}))
    assert line_texts(root) == lines
    for index, (start, end) in enumerate(bounds):
        assert marked_text(root, index) == text[start:end].replace("\n", "")
        assert len(root.find_all(id=f"d{index}")) == 1


def test_a_fix_over_several_lines_diffs_those_lines():
    text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
    source = Source(path="p.txt", text=text)
    start, end = text.index("wo"), text.index("ur") + 2
    fix = Fix(message="m", safety="safe", edits=(edit(source, start, end, "WO\nFOUR"),))
    assert fix_diff(source, fix, "p.txt").split("\n") == [
        "--- p.txt",
        "+++ p.txt (fixed)",
        "@@ -1,6 +1,5 @@",
        " one",
        "-two",
        "-three",
        "-four",
        "+tWO",
        "+FOUR",
        " five",
        " six",
    ]


class BlockSource(Source):
    """A source whose lines are blocks (like a Word document's paragraphs): the text has
    a soft line break inside block 2 that ``line`` shows as a space."""

    def __init__(self, path: str, blocks: list[str]) -> None:
        super().__init__(path=path, text="\n".join(blocks))
        self.starts = [0]
        for block in blocks[:-1]:
            self.starts.append(self.starts[-1] + len(block) + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = max(i for i, s in enumerate(self.starts) if s <= offset)
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        if number < 1 or number > len(self.starts):
            return ""
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[self.starts[number - 1] : end].replace("\n", " ")

    @property
    def line_count(self) -> int:
        return len(self.starts)


def test_a_block_source_is_shown_through_the_line_api():
    source = BlockSource("draft.docx", ["Title", "Fee is\n$203.00 today", "End"])
    start = source.text.index("$203")
    d = at(source, start, start + 7, 0)
    assert (d.line, d.column) == (2, 8)
    root = parse(render([d], {"draft.docx": source}))
    assert line_texts(root) == ["Title", "Fee is $203.00 today", "End"]
    assert marked_text(root, 0) == "$203.00"
    assert root.find_all("div", cls="code")[0].attrs["data-unit"] == "¶"


def test_long_files_come_in_chunks_numbered_from_their_first_line():
    text = "".join(f"line {n}\n" for n in range(1, 601))
    source = Source(path="p.txt", text=text)
    start = text.index("line 300\n")
    root = parse(render([at(source, start, start + 8, 0)], {"p.txt": source}))
    chunks = root.find_all("div", cls="k")
    firsts = [next(x for x in c.children if isinstance(x, Node)) for c in chunks]
    assert [line.attrs["style"] for line in firsts] == [
        f"counter-reset:ln {first - 1}" for first in range(1, 602, CHUNK)
    ]
    assert all(c.attrs["style"].startswith("contain-intrinsic-size:auto ") for c in chunks)
    # folded, only the chunk with the finding stays; its lines are numbered themselves
    assert ["k0" in c.classes() for c in chunks] == [n != 300 // CHUNK for n in range(len(chunks))]
    near = [(line.attrs["data-n"], "g" in line.classes()) for line in root.find_all(cls="n")]
    assert near == [(str(n), n == 297) for n in range(297, 304)]
    assert line_texts(root) == [f"line {n}" for n in range(1, 601)] + [""]


# --- the CLI ----------------------------------------------------------------------------


def test_cli_writes_the_page_to_stdout_and_to_an_output_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(EXAMPLE.parents[1])
    target = tmp_path / "out" / "view.html"
    code = main(["check", "--output-format", "html", "--output-file", f"html={target}", "examples"])
    assert code == 1
    printed = capsys.readouterr().out
    assert printed == target.read_text(encoding="utf-8")
    assert "Found" not in printed  # only the page goes to stdout
    root = parse(printed)
    found = page_data(root)["findings"]
    assert [f["code"] for f in found] == ["FEE001", "DAT002", "EXH001"] * 2  # .docx, .txt


# --- cost -------------------------------------------------------------------------------


def test_a_two_megabyte_filing_renders_in_well_under_a_few_seconds(example):
    diagnostics, sources = example
    base = sources[EXAMPLE_PATH].text
    copies = 2 * 1024 * 1024 // len(base) + 1
    text = base * copies
    source = Source(path="big.txt", text=text)
    per_copy = base.count("\n")
    many = []
    for copy in range(copies):
        for d in diagnostics:
            many.append(
                Diagnostic(
                    code=d.code,
                    name=d.name,
                    severity=d.severity,
                    message=d.message,
                    path="big.txt",
                    line=d.line + copy * per_copy,
                    column=d.column,
                    end_line=d.end_line + copy * per_copy,
                    end_column=d.end_column,
                    hint=d.hint,
                    fix=None,
                )
            )
    began = time.perf_counter()
    page = render(many, {"big.txt": source})
    elapsed = time.perf_counter() - began
    assert len(text) >= 2 * 1024 * 1024
    assert page.count('<span class="l') == source.line_count
    assert elapsed < 3.0, f"{elapsed:.2f} s for {len(text)} characters, {len(many)} findings"


def test_a_word_draft_is_shown_as_its_blocks_with_each_finding_marked():
    """The real DocxSource (not a stand-in): blocks numbered ¶, spans marked in them."""
    from filinglint.linter.docx import read_docx

    path = "examples/harborview-sc-to-i-a.docx"
    source = read_docx((EXAMPLE.parents[1] / path).read_bytes(), path)
    found = Engine(all_rules()).check(source)
    assert [d.code for d in found] == ["FEE001", "DAT002", "EXH001"]
    root = parse(get_reporter("html")(found, {path: source}))
    assert [f["line"] for f in page_data(root)["findings"]] == [d.line for d in found]
    assert marked_text(root, 0) == "$1,400.00"
    assert marked_text(root, 1) == "Wednesday, October 20, 2009"
    assert line_texts(root)[:2] == [source.line(1), source.line(2)]
    assert len(line_texts(root)) == source.line_count
