"""The annotated HTML view: one self-contained page showing every finding in its filing.

A reviewer reads findings where they are: each checked file is shown as its text lines
(an ASCII filing's lines, an HTML filing's source lines, a Word document's blocks, all
through the ``Source`` line API), every finding's exact span highlighted in place, a
side list to jump through them, filters by rule and severity, and a detail panel with
the message, hint, related locations, the rule's documentation and the fix as a diff.

Everything that comes from a filing or a path is untrusted: text is escaped with
``html.escape(quote=True)``, control and bidirectional-override characters are shown as
visible marks (they cannot restyle or reorder the page), the data the script reads is
JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and U+2028/9
escaped, the script builds no markup from strings (``textContent`` and ``hidden`` only),
and a Content-Security-Policy allows only the page's own script (by its hash), inline
styles and ``data:`` images, so even a mistake in escaping could not run a filing's
script or make the page fetch anything. An HTML filing also gets a rendered preview in an
``<iframe sandbox srcdoc>`` (no scripts, no same-origin, the page's policy inherited).

Large filings stay cheap: a line is one ``<span>``; only lines with a finding are split
into highlight segments, and only lines something links to carry an ``id``.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import re
from collections.abc import Iterable

from filinglint import __version__
from filinglint.linter.report import printable

SEVERITIES = ("error", "warning", "info")
DIFF_CONTEXT = 2
FOLD_CONTEXT = 3  # lines kept around each highlighted line when the view is folded
# Lines per chunk: a chunk has ``content-visibility: auto``, so a browser lays out only the
# chunks near the view (a 45,000-line filing is ~180 chunks); each chunk's first line
# restarts the line counter at its own number, as style containment scopes counters.
CHUNK = 256
_HTML_SUFFIXES = (".htm", ".html", ".xhtml")

# Characters that must not act on the page: C0 controls but tab and newline, DEL, C1,
# and the bidirectional embeddings, overrides and isolates (text that reads differently
# from what it is). Each is shown as a visible, titled mark instead.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC, ␌ for FF
    if code == 0x7F:
        return "\u2421"
    return f"U+{code:04X}"


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f'<span class="cc" title="U+{code:04X}">{_shown(code)}</span>'


def esc(text: str) -> str:
    """Untrusted text as HTML element content: escaped, controls shown as marks."""
    escaped = html.escape(text, quote=True)
    return _CONTROLS.sub(_visible, escaped) if _CONTROLS.search(escaped) else escaped


def attr(text: str) -> str:
    """Untrusted text as a double-quoted attribute value (controls as ``\\xNN``)."""
    return html.escape(printable(text), quote=True)


def script_json(data) -> str:
    """JSON that cannot end its ``<script>`` element or be read as markup or a line end."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --- highlights -------------------------------------------------------------------------


def _pieces(diagnostic, index: int, line_count: int, width) -> Iterable[tuple[int, int, int, int]]:
    """(line, start, end, index): the 0-based, end-exclusive columns a finding covers on
    each of its lines, clamped to the line's text."""
    first = min(max(diagnostic.line, 1), line_count)
    last = min(max(diagnostic.end_line, first), line_count)
    past_end = diagnostic.end_line > line_count  # a span past the end: mark to the end
    end_column = width(last) + 1 if past_end else diagnostic.end_column
    for number in range(first, last + 1):
        length = width(number)
        start = diagnostic.column - 1 if number == first else 0
        end = end_column - 1 if number == last else length
        if number == last and number > first and end <= 0:
            continue  # the span ended with the previous line's line end
        start = min(max(start, 0), length)
        end = min(max(end, start), length)
        yield number, start, end, index


def _line_html(text: str, pieces: list[tuple[int, int, int]], starts, titles, severity) -> str:
    """A line's text with its highlight segments: one ``<mark>`` per run of characters
    covered by the same findings (overlapping findings split each other's marks)."""
    cuts = {0, len(text)}
    for start, end, _ in pieces:
        cuts.add(start)
        cuts.add(end)
    for column, _ in starts:
        cuts.add(column)
    cuts = sorted(cuts)
    out = []
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        for column, index in starts:
            if column == position:
                out.append(f'<span class="anchor" id="d{index}"></span>')
        for start, end, index in pieces:
            if start == end == position:
                out.append(_mark([index], "", titles, severity))
        if following is None:
            break
        covering = [i for start, end, i in pieces if start <= position and following <= end]
        chunk = text[position:following]
        out.append(_mark(covering, chunk, titles, severity) if covering else esc(chunk))
    return "".join(out)


def _mark(indices: list[int], chunk: str, titles, severity) -> str:
    indices = sorted(set(indices))
    worst = min((severity[i] for i in indices), key=SEVERITIES.index)
    title = "\n".join(titles[i] for i in indices)
    ids = " ".join(map(str, indices))
    return (
        f'<mark class="hl {worst}" data-d="{ids}" tabindex="-1" title="{attr(title)}">'
        f"{esc(chunk)}</mark>"
    )


def _near(lines: Iterable[int], count: int) -> set[int]:
    """The lines within ``FOLD_CONTEXT`` of a highlighted line: what the folded view keeps."""
    near: set[int] = set()
    for line in lines:
        near.update(range(max(1, line - FOLD_CONTEXT), min(count, line + FOLD_CONTEXT) + 1))
    return near


# --- fixes and docs ---------------------------------------------------------------------


def fix_diff(source, fix, path: str) -> str:
    """A unified diff of the lines a fix edits (with context), numbered as in the file.

    Edits are applied through the line API (``source.line(n)`` and the edits' line and
    column), so it shows the same lines the view does for every kind of source.
    """
    edits = sorted(fix.edits, key=lambda e: (e.line, e.column))
    if not edits:
        return ""
    count = source.line_count
    low = max(1, min(e.line for e in edits) - DIFF_CONTEXT)
    high = min(count, max(e.end_line for e in edits) + DIFF_CONTEXT)
    old = [source.line(n) for n in range(low, high + 1)]
    offsets = [0]
    for text in old:
        offsets.append(offsets[-1] + len(text) + 1)
    block = "\n".join(old)

    def at(line: int, column: int) -> int:
        line = min(max(line, low), high)
        return min(offsets[line - low] + column - 1, len(block))

    new = block
    for edit in reversed(edits):
        new = (
            new[: at(edit.line, edit.column)]
            + edit.content
            + new[at(edit.end_line, edit.end_column) :]
        )
    lines = difflib.unified_diff(
        old, new.split("\n"), path, f"{path} (fixed)", lineterm="", n=DIFF_CONTEXT
    )
    shift = low - 1

    def renumber(match: re.Match) -> str:
        a, b, c, d = match.groups()
        return f"@@ -{int(a) + shift}{b or ''} +{int(c) + shift}{d or ''} @@"

    return "\n".join(re.sub(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", renumber, x) for x in lines)


def _diff_html(diff: str) -> str:
    out = []
    for line in diff.split("\n"):
        kind = (
            "hunk"
            if line.startswith("@@")
            else "head"
            if line.startswith(("---", "+++"))
            else "add"
            if line.startswith("+")
            else "del"
            if line.startswith("-")
            else "ctx"
        )
        out.append(f'<span class="{kind}">{esc(line)}</span>')
    return "".join(out)


def _inline_markdown(text: str) -> str:
    escaped = esc(text)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)


def docs_html(docs: str) -> str:
    """A rule's markdown docs in a tiny safe subset: headings, paragraphs, lists, fenced
    code and inline code, every character escaped first (links stay text)."""
    out: list[str] = []
    lines = docs.strip("\n").split("\n")
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{_inline_markdown(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{_inline_markdown(i)}</li>" for i in items) + "</ul>")
            items.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            code = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                code.append(lines[index])
                index += 1
            out.append(f"<pre>{esc(chr(10).join(code))}</pre>")
        elif stripped.startswith("#"):
            flush()
            out.append(f"<h4>{_inline_markdown(stripped.lstrip('#').strip())}</h4>")
        elif stripped.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(stripped[2:])
        elif not stripped:
            flush()
        elif items and line.startswith(" "):
            items[-1] += " " + stripped
        else:
            if items:
                flush()
            paragraph.append(stripped)
        index += 1
    flush()
    return "".join(out)


# --- the page ---------------------------------------------------------------------------


def _place(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}"


def _is_html(source) -> bool:
    if source.path.lower().endswith(_HTML_SUFFIXES):
        return True
    head = source.text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


class _Page:
    def __init__(self, diagnostics, sources) -> None:
        self.diagnostics = list(diagnostics)
        self.sources = sources
        paths = list(sources)
        for diagnostic in self.diagnostics:
            if diagnostic.path not in sources and diagnostic.path not in paths:
                paths.append(diagnostic.path)
        self.paths = paths
        self.file_index = {path: number for number, path in enumerate(paths)}
        self.severity = [
            d.severity if d.severity in SEVERITIES else "info" for d in self.diagnostics
        ]
        self.titles = [f"{d.code} [{d.name}] {d.message}" for d in self.diagnostics]
        self.by_path: dict[str, list[tuple[int, object]]] = {path: [] for path in paths}
        for index, diagnostic in enumerate(self.diagnostics):
            self.by_path[diagnostic.path].append((index, diagnostic))
        # the lines something links to: a finding's first line, a related location's line
        self.linked: dict[str, set[int]] = {path: set() for path in paths}
        for diagnostic in self.diagnostics:
            self.linked[diagnostic.path].add(diagnostic.line)
            for where in diagnostic.related:
                if where.path in self.linked:
                    self.linked[where.path].add(where.line)

    def line_href(self, path: str, line: int) -> str | None:
        source = self.sources.get(path)
        if source is None:
            return None
        line = min(max(line, 1), source.line_count)
        return f"#f{self.file_index[path]}-L{line}"

    # the text of one file
    def file_html(self, path: str) -> str:
        number = self.file_index[path]
        mine = self.by_path[path]
        source = self.sources.get(path)
        head = (
            f'<section class="file" id="f{number}"><h2><span class="path">{esc(path)}</span>'
            f' <span class="count">{len(mine)} finding{"s" if len(mine) != 1 else ""}</span></h2>'
        )
        if source is None:
            anchors = "".join(f'<span class="anchor" id="d{i}"></span>' for i, _ in mine)
            missing = "The text of this file is not available."
            return f'{head}<p class="missing">{anchors}{missing}</p></section>'
        count = max(source.line_count, 1)
        widths: dict[int, int] = {}

        def width(n: int) -> int:
            if n not in widths:
                widths[n] = len(source.line(n))
            return widths[n]

        pieces: dict[int, list[tuple[int, int, int]]] = {}
        starts: dict[int, list[tuple[int, int]]] = {}
        for index, diagnostic in mine:
            first = True
            for line, start, end, i in _pieces(diagnostic, index, count, width):
                pieces.setdefault(line, []).append((start, end, i))
                if first:
                    starts.setdefault(line, []).append((start, i))
                    first = False
            if first:  # no piece at all: anchor at the start of its first line
                line = min(max(diagnostic.line, 1), count)
                starts.setdefault(line, []).append((0, index))
        linked = self.linked.get(path, set())
        prefix = f"f{number}-L"
        out = [head]
        if _is_html(source):
            out.append(
                '<details class="preview"><summary>Rendered preview (sandboxed, no scripts)'
                '</summary><iframe sandbox="" referrerpolicy="no-referrer" title="preview"'
                f' srcdoc="{html.escape(source.text, quote=True)}"></iframe></details>'
            )
        unit = "¶" if path.lower().endswith(".docx") else ""
        out.append(f'<div class="code" data-unit="{unit}">')
        near = _near(pieces.keys() | starts.keys(), count)
        line_of = source.line
        for n in range(1, count + 1):
            if n % CHUNK == 1:  # a chunk of lines the browser lays out only when near view
                if n > 1:
                    out.append("</div>")
                size = min(CHUNK, count - n + 1)
                folded_away = not any(m in near for m in range(n, n + size))
                out.append(
                    f'<div class="k{" k0" if folded_away else ""}"'
                    f' style="contain-intrinsic-size:auto {size * 1.45:.2f}em">'
                )
            text = line_of(n)
            ident = f' id="{prefix}{n}"' if n in linked else ""
            if n % CHUNK == 1:  # counters do not cross a chunk's style containment
                ident += f' style="counter-reset:ln {n - 1}"'
            if n in near:  # shown when the view is folded to the findings: numbered itself
                gap = " g" if n > 1 and n - 1 not in near else ""
                ident += f' data-n="{n}"'
                kind = f"l n{gap}"
            else:
                kind = "l"
            if n in pieces or n in starts:
                body = _line_html(
                    text, pieces.get(n, []), starts.get(n, []), self.titles, self.severity
                )
                out.append(f'<span class="{kind} has"{ident}>{body}</span>')
            else:
                out.append(f'<span class="{kind}"{ident}>{esc(text)}</span>')
        out.append("</div></div></section>")
        return "".join(out)

    def item_html(self, index: int, d) -> str:
        return (
            f'<li class="item {self.severity[index]}" data-d="{index}">'
            f'<a href="#d{index}" data-d="{index}"><span class="where">{d.line}:{d.column}</span>'
            f' <span class="code-id">{esc(d.code)}</span>'
            f' <span class="msg">{esc(d.message)}</span></a></li>'
        )

    def card_html(self, index: int, d) -> str:
        parts = [
            f'<article class="card" id="card-{index}" data-d="{index}" hidden>',
            f'<header><span class="sev {self.severity[index]}">{esc(d.severity)}</span> '
            f'<code>{esc(d.code)}</code> <span class="name">{esc(d.name)}</span> '
            f'<a href="#d{index}" data-d="{index}">'
            f"{esc(_place(d.path, d.line, d.column))}</a></header>",
            f'<p class="message">{esc(d.message)}</p>',
        ]
        if d.hint:
            parts.append(f'<p class="hint"><b>hint:</b> {esc(d.hint)}</p>')
        if d.related:
            parts.append('<ul class="related">')
            for where in d.related:
                place = esc(_place(where.path, where.line, where.column))
                href = self.line_href(where.path, where.line)
                link = f'<a href="{href}">{place}</a>' if href else place
                parts.append(f"<li>{link}: {esc(where.message)}</li>")
            parts.append("</ul>")
        if d.fix is not None:
            safety = "safe: --fix" if d.fix.safety == "safe" else "unsafe: --fix --unsafe-fixes"
            parts.append(
                f'<div class="fix"><p><b>fix</b> ({esc(safety)}): {esc(d.fix.message)}</p>'
            )
            source = self.sources.get(d.path)
            diff = fix_diff(source, d.fix, d.path) if source is not None else ""
            if diff:
                parts.append(f'<pre class="diff">{_diff_html(diff)}</pre>')
            parts.append("</div>")
        parts.append("</article>")
        return "".join(parts)

    def docs_section(self, code: str) -> str:
        from filinglint.linter.registry import find_rule

        rule = find_rule(code)
        summary = esc(f"{code} {rule.name}: {rule.summary}") if rule else esc(code)
        body = docs_html(rule.docs) if rule and rule.docs else "<p>No documentation.</p>"
        return (
            f'<details class="ruledoc" data-code="{attr(code)}" hidden>'
            f"<summary>Rule documentation: {summary}</summary>{body}</details>"
        )

    def html(self) -> str:
        ds = self.diagnostics
        codes: dict[str, int] = {}
        severities: dict[str, int] = {}
        for index, d in enumerate(ds):
            codes[d.code] = codes.get(d.code, 0) + 1
            severities[self.severity[index]] = severities.get(self.severity[index], 0) + 1
        filters = ['<fieldset class="filters"><legend>Severity</legend>']
        for severity in SEVERITIES:
            if severity in severities:
                filters.append(
                    f'<label class="{severity}"><input type="checkbox" data-filter="severity"'
                    f' value="{severity}" checked> {severity} ({severities[severity]})</label>'
                )
        filters.append('</fieldset><fieldset class="filters"><legend>Rules</legend>')
        for code in sorted(codes):
            filters.append(
                f'<label><input type="checkbox" data-filter="code" value="{attr(code)}" checked>'
                f" {esc(code)} ({codes[code]})</label>"
            )
        filters.append("</fieldset>")
        listing = ['<ol class="findings" id="findings">']
        for path in self.paths:
            mine = self.by_path[path]
            number = self.file_index[path]
            listing.append(
                f'<li class="file-head"><a href="#f{number}">{esc(path)}</a> ({len(mine)})</li>'
            )
            listing.extend(self.item_html(i, d) for i, d in mine)
        listing.append("</ol>")
        cards = "".join(self.card_html(i, d) for i, d in enumerate(ds))
        docs = "".join(self.docs_section(code) for code in sorted(codes))
        files = "".join(self.file_html(path) for path in self.paths)
        data = {
            "version": __version__,
            "files": self.paths,
            "findings": [
                {
                    "code": d.code,
                    "severity": self.severity[i],
                    "message": d.message,
                    "file": self.file_index[d.path],
                    "line": d.line,
                    "column": d.column,
                }
                for i, d in enumerate(ds)
            ],
        }
        total = len(ds)
        files_count = len(self.paths)
        title = (
            f"filinglint: {total} finding{'s' if total != 1 else ''}"
            f" in {files_count} file{'s' if files_count != 1 else ''}"
        )
        digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
        policy = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta name="referrer" content="no-referrer">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>"
            f'<header class="top"><h1>{esc(title)}</h1>'
            f'<label class="fold"><input type="checkbox" id="fold"> only lines near findings'
            f"</label>"
            f'<span class="status" id="status" aria-live="polite"></span>'
            f'<span class="keys">n / p: next / previous finding · Esc: close</span></header>'
            f'<div class="layout"><nav class="side" aria-label="findings">'
            f"{''.join(filters)}{''.join(listing)}</nav>"
            f'<div class="right"><main class="files" id="files">{files}</main>'
            f'<aside class="detail" id="detail" hidden><button type="button" id="close"'
            f' aria-label="close">×</button>{cards}{docs}</aside></div></div>'
            f'<script type="application/json" id="filinglint-data">{script_json(data)}</script>'
            f"<script>{SCRIPT}</script></body></html>\n"
        )


def render(diagnostics, sources) -> str:
    """The annotated page of a run: every file in ``sources`` (and any file a finding
    names) with its findings highlighted."""
    return _Page(diagnostics, sources).html()


STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff;
display:flex;flex-direction:column;height:100vh}
.top{display:flex;gap:1em;align-items:baseline;padding:.4em .8em;border-bottom:1px solid #ccc;
background:#f4f4f6}
.top h1{font-size:16px;margin:0;white-space:nowrap}
.status{flex:1 1 auto;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.keys{color:#666;font-size:12px;white-space:nowrap}
.layout{display:grid;grid-template-columns:minmax(260px,30%) 1fr;flex:1 1 auto;min-height:0}
.side{overflow:auto;border-right:1px solid #ccc;padding:.4em}
.right{display:flex;flex-direction:column;min-height:0;min-width:0}
.files{overflow:auto;padding:0 .6em 30vh;flex:1 1 auto;min-height:0}
.filters{border:1px solid #ddd;margin:0 0 .4em;padding:.2em .5em;font-size:13px}
.filters label{display:inline-block;margin-right:.8em;white-space:nowrap}
.findings{list-style:none;margin:0;padding:0}
.findings .file-head{font-weight:600;margin-top:.5em;word-break:break-all}
.item a{display:block;padding:.2em .4em;border-left:4px solid #888;color:inherit;
text-decoration:none;margin:2px 0}
.item a:hover,.item.current a{background:#e8eefc}
.item.error a{border-color:#d1242f}.item.warning a{border-color:#bf8700}
.item.info a{border-color:#0969da}
.where{color:#666;font-family:ui-monospace,monospace;font-size:12px}
.code-id{font-weight:600;font-family:ui-monospace,monospace}
.file h2{font-size:14px;position:sticky;top:0;background:#fff;margin:0;padding:.4em 0;
border-bottom:1px solid #ddd;z-index:1;word-break:break-all}
.count{color:#666;font-weight:normal}
.code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:.3em 0}
.k{content-visibility:auto}
.folded .k{content-visibility:visible}.folded .k0{display:none}
.l{display:block;box-sizing:content-box;position:relative;padding-left:5.5em;min-height:1.45em;white-space:pre-wrap;
overflow-wrap:anywhere;counter-increment:ln}
.l::before{content:counter(ln);position:absolute;left:0;width:4.8em;
text-align:right;color:#999;user-select:none}
.code[data-unit="¶"] .l::before{content:"¶" counter(ln)}
.l:target{background:#fff8c5}
.folded .l:not(.n){display:none}
.folded .l.n::before{content:attr(data-n)}
.folded .code[data-unit="¶"] .l.n::before{content:"¶" attr(data-n)}
.folded .l.g{border-top:1px dashed #aaa;margin-top:.5em;padding-top:.2em}
.fold{white-space:nowrap;font-size:13px}
mark.hl{background:#ffd8d3;border-bottom:2px solid #d1242f;color:inherit;cursor:pointer}
mark.hl.warning{background:#fff1c2;border-color:#bf8700}
mark.hl.info{background:#dbeafe;border-color:#0969da}
mark.hl:empty{display:inline-block;width:0;height:1.2em;vertical-align:text-bottom;
border-bottom:0;border-left:3px solid #d1242f}
mark.hl.off{background:none;border-color:transparent;cursor:auto}
mark.hl.current{outline:2px solid #1f6feb;outline-offset:1px}
mark.hl:focus{outline:2px solid #1f6feb}
.cc{border:1px solid #999;border-radius:2px;color:#a40e26;font-size:85%;padding:0 1px}
.missing{color:#666;font-style:italic}
.preview iframe{width:100%;height:50vh;border:1px solid #ccc;background:#fff}
.detail{flex:0 0 auto;max-height:45%;overflow:auto;background:#fbfbfc;
border-top:2px solid #999;padding:.4em .9em}
.detail #close{float:right;font-size:18px;border:0;background:none;cursor:pointer}
.card header{font-weight:600}.card .message{font-size:15px}
.sev{border-radius:3px;padding:0 .35em;color:#fff;font-size:12px}
.sev.error{background:#d1242f}.sev.warning{background:#bf8700}.sev.info{background:#0969da}
.diff{background:#f6f8fa;padding:.4em;overflow:auto;font:12px/1.4 ui-monospace,monospace}
.diff span{display:block;white-space:pre}
.diff .add{background:#dafbe1}.diff .del{background:#ffebe9}.diff .hunk{color:#8250df}
.diff .head{color:#666}
.ruledoc{border-top:1px solid #ddd;margin-top:.5em;padding-top:.3em}
.ruledoc pre{background:#f6f8fa;padding:.4em;overflow:auto}
.ruledoc h4{margin:.6em 0 .2em}
"""

SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("filinglint-data").textContent);
  var findings = data.findings;
  var shown = findings.map(function () { return true; });
  var marksOf = {};
  Array.prototype.forEach.call(document.querySelectorAll("mark.hl"), function (mark) {
    mark.getAttribute("data-d").split(" ").forEach(function (d) {
      (marksOf[d] = marksOf[d] || []).push(mark);
    });
  });
  var items = {};
  var order = [];
  Array.prototype.forEach.call(document.querySelectorAll("#findings li.item"), function (li) {
    var d = +li.getAttribute("data-d");
    items[d] = li;
    order.push(d);
  });
  var detail = document.getElementById("detail");
  var status = document.getElementById("status");
  var current = -1;

  function say(text) { status.textContent = text; }

  function select(index, scroll) {
    if (current >= 0) {
      (marksOf[current] || []).forEach(function (m) { m.classList.remove("current"); });
      var old = document.getElementById("card-" + current);
      if (old) { old.hidden = true; }
      if (items[current]) { items[current].classList.remove("current"); }
    }
    current = index;
    var finding = findings[index];
    var card = document.getElementById("card-" + index);
    card.hidden = false;
    Array.prototype.forEach.call(detail.querySelectorAll(".ruledoc"), function (doc) {
      doc.hidden = doc.getAttribute("data-code") !== finding.code;
    });
    detail.hidden = false;
    detail.scrollTop = 0;
    items[index].classList.add("current");
    items[index].scrollIntoView({block: "nearest"});
    var marks = marksOf[index] || [];
    marks.forEach(function (m) { m.classList.add("current"); });
    var target = marks[0] || document.getElementById("d" + index);
    if (scroll && target) {
      target.scrollIntoView({block: "center"});
      if (marks[0]) { marks[0].focus({preventScroll: true}); }
    }
    say((index + 1) + " of " + findings.length + ": " + finding.code + " " + finding.message);
  }

  function step(by) {
    var n = order.length;
    var at = order.indexOf(current);
    if (at < 0) { at = by > 0 ? -1 : n; }
    for (var k = 1; k <= n; k++) {
      var i = order[(((at + by * k) % n) + n) % n];
      if (shown[i]) { select(i, true); return; }
    }
  }

  function applyFilters() {
    var on = {severity: {}, code: {}};
    Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (box) {
      on[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    var count = 0;
    findings.forEach(function (f, i) {
      shown[i] = on.severity[f.severity] !== false && on.code[f.code] !== false;
      items[i].hidden = !shown[i];
      if (shown[i]) { count++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("mark.hl"), function (mark) {
      var any = mark.getAttribute("data-d").split(" ").some(function (d) { return shown[+d]; });
      mark.classList.toggle("off", !any);
    });
    if (current >= 0 && !shown[current]) { detail.hidden = true; }
    say("showing " + count + " of " + findings.length + " findings");
  }

  document.getElementById("findings").addEventListener("click", function (event) {
    var link = event.target.closest("a[data-d]");
    if (!link) { return; }
    event.preventDefault();
    select(+link.getAttribute("data-d"), true);
  });
  detail.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-d]");
    if (link) { event.preventDefault(); select(+link.getAttribute("data-d"), true); }
  });
  document.getElementById("files").addEventListener("click", function (event) {
    var mark = event.target.closest("mark.hl");
    if (!mark || mark.classList.contains("off")) { return; }
    var ids = mark.getAttribute("data-d").split(" ").map(Number).filter(function (d) {
      return shown[d];
    });
    var at = ids.indexOf(current);
    select(ids[(at + 1) % ids.length], false);
  });
  document.getElementById("fold").addEventListener("change", function (event) {
    document.getElementById("files").classList.toggle("folded", event.target.checked);
    if (current >= 0) { select(current, true); }
  });
  document.getElementById("close").addEventListener("click", function () {
    detail.hidden = true;
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (box) {
    box.addEventListener("change", applyFilters);
  });
  document.addEventListener("keydown", function (event) {
    if (event.target.tagName === "INPUT" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "n" || event.key === "j") { step(1); }
    else if (event.key === "p" || event.key === "k") { step(-1); }
    else if (event.key === "Escape") { detail.hidden = true; }
  });
  say(findings.length + " findings");
})();
"""
