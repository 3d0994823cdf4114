"""``filinglint report DIR --html OUT.html``: one self-contained page about a scan.

The page needs no network and no other file: the plots are matplotlib SVG written into
the page, the style is a ``<style>`` block and the table sorting a small ``<script>``.
Everything that comes from a filing (company names, messages, paths) is HTML-escaped.
Plots: findings per rule per year, the distribution of fee differences (stated fee −
valuation × stated rate), the stated rate against the rate in force over time, and the
filing agents (accession prefix, see ``agents.py``) with the most findings per filing.
Each finding links to the filing's annotated view (``filinglint check --output-format
html``), written beside the page in ``OUT.views/``, where the file is at hand on this
machine: the file is checked again there (its configuration as ``check`` finds it) and the
link points at the same finding in the view (``#d<N>``); without views, or where the file
is gone, the link is the file itself (``file://``) or nothing.
"""

from __future__ import annotations

import datetime
import html
import io
import os
from collections import Counter, defaultdict
from decimal import Decimal
from urllib.parse import quote

from filinglint.scan.agents import agent_label


class ReportError(Exception):
    """A folder without a scan in it."""


def write_report(
    scan_dir: str, target: str, *, max_findings: int = 2000, views: bool = True
) -> str:
    """Write the page (and, with ``views``, the annotated view of each listed filing at
    hand); a short description of what it holds."""
    from filinglint.scan.tables import read_table

    if not os.path.exists(os.path.join(scan_dir, "scan.json")):
        raise ReportError(f"{scan_dir} holds no scan (no scan.json)")
    filings = read_table(scan_dir, "filings").to_pylist()
    diagnostics = read_table(scan_dir, "diagnostics").to_pylist()
    links = _write_views(diagnostics, target, max_findings) if views else {}
    page = render(filings, diagnostics, scan_dir=scan_dir, max_findings=max_findings, links=links)
    folder = os.path.dirname(os.path.abspath(target))
    os.makedirs(folder, exist_ok=True)
    _write_atomically(target, page)
    files = len({row["path"] for row in filings})
    shown = len({path for path, _ in links})
    viewed = f", {shown} annotated views" if views else ""
    return f"{files} files, {len(diagnostics)} findings, 4 plots{viewed}"


def render(
    filings: list[dict],
    diagnostics: list[dict],
    *,
    scan_dir: str,
    max_findings: int,
    links: dict | None = None,
):
    files = [row for row in filings if row.get("document") in (1, None)]
    statuses = Counter(row["status"] for row in files)
    by_rule = Counter((d["code"], d["rule"]) for d in diagnostics)
    files_by_rule: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in diagnostics:
        files_by_rule[(d["code"], d["rule"])].add(d["path"])
    sections = [
        _summary(files, filings, diagnostics, statuses),
        _figure("Findings per rule per year", _plot_rules_by_year(diagnostics), "rules-by-year"),
        _figure(
            "Fee differences: stated fee − valuation × stated rate",
            _plot_fee_differences(filings),
            "fee-differences",
        ),
        _figure(
            "Stated fee rate and the SEC rate in force",
            _plot_rates(filings),
            "rates",
        ),
        _figure("Filing agents by findings per filing", _plot_agents(files), "agents"),
        _table(
            "Findings by rule",
            "rules",
            ("Code", "Rule", "Findings", "Files"),
            [
                (code, name, count, len(files_by_rule[(code, name)]))
                for (code, name), count in by_rule.most_common()
            ],
        ),
        _table(
            "Filing agents",
            "agent-table",
            ("Agent", "Filings", "Findings", "Findings per filing"),
            _agent_rows(files),
        ),
        _findings_table(diagnostics, max_findings, links or {}),
    ]
    body = "\n".join(sections)
    title = f"filinglint scan report: {html.escape(os.path.abspath(scan_dir))}"
    return _PAGE.format(title=title, body=body, style=_STYLE, script=_SCRIPT)


# --- sections ------------------------------------------------------------------------


def _summary(files, filings, diagnostics, statuses) -> str:
    problems = sum(n for s, n in statuses.items() if s != "ok")
    items = [
        ("Files", len(files)),
        ("Documents", len(filings)),
        ("Findings", len(diagnostics)),
        ("Files with a finding", len({d["path"] for d in diagnostics})),
        ("Crashed, timed out or unreadable", problems),
    ]
    cells = "".join(
        f'<div class="stat"><b>{value:,}</b><span>{html.escape(label)}</span></div>'
        for label, value in items
    )
    status_text = ", ".join(f"{n:,} {html.escape(s)}" for s, n in sorted(statuses.items()))
    return (
        f'<section id="summary"><div class="stats">{cells}</div>'
        f"<p>Files by status: {status_text}.</p></section>"
    )


def _figure(title: str, svg: str | None, ident: str) -> str:
    content = svg if svg else '<p class="empty">No data for this plot in the scan.</p>'
    return f'<section class="plot" id="{ident}"><h2>{html.escape(title)}</h2>{content}</section>'


def _table(title: str, ident: str, headers, rows) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in rows)
    return (
        f'<section id="{ident}"><h2>{html.escape(title)}</h2>'
        f'<table class="sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        "</section>"
    )


def _cell(value) -> str:
    if isinstance(value, tuple) and len(value) == 2:  # (text, link)
        text, link = value
        if link:
            return f'<td><a href="{html.escape(link)}">{html.escape(str(text))}</a></td>'
        return f"<td>{html.escape(str(text))}</td>"
    if isinstance(value, float):
        return f'<td class="num" data-value="{value}">{value:.2f}</td>'
    if isinstance(value, int):
        return f'<td class="num" data-value="{value}">{value:,}</td>'
    return f"<td>{html.escape('' if value is None else str(value))}</td>"


def _agent_stats(files) -> list[tuple[str, int, int]]:
    filings_by: Counter = Counter()
    findings_by: Counter = Counter()
    names: dict[str | None, str] = {}
    for row in files:
        agent = row.get("agent")
        names.setdefault(agent, agent_label(agent, row.get("cik")))
        filings_by[agent] += 1
        findings_by[agent] += row.get("findings") or 0
    return [(names[a], filings_by[a], findings_by[a]) for a in filings_by]


def _agent_rows(files):
    stats = _agent_stats(files)
    stats.sort(key=lambda item: (-item[2] / item[1], item[0]))
    return [(name, count, found, found / count) for name, count, found in stats]


def _listed(diagnostics, limit: int) -> list[dict]:
    """The findings the page's table lists: by path and position, the first ``limit``."""
    ordered = sorted(
        diagnostics, key=lambda d: (d["path"], d.get("line") or 0, d.get("column") or 0)
    )
    return ordered[:limit]


def _findings_table(diagnostics, limit: int, links: dict) -> str:
    rows = []
    for d in _listed(diagnostics, limit):
        where = f"{d['path']}:{d.get('line') or 0}:{d.get('column') or 0}"
        view = links.get((d["path"], _finding_key(d)))
        rows.append(
            (
                (where, view or _file_link(d["path"], d.get("line"))),
                d["code"],
                d["rule"],
                d["severity"],
                d["message"],
                str(d["filed_date"]) if d.get("filed_date") else "",
                d.get("form") or "",
            )
        )
    note = ""
    if len(diagnostics) > limit:
        note = f"<p>The first {limit:,} of {len(diagnostics):,} findings, by path.</p>"
    table = _table(
        "Findings",
        "findings",
        ("Where", "Code", "Rule", "Severity", "Message", "Filed", "Form"),
        rows,
    )
    return table.replace("</h2>", "</h2>" + note, 1)


def _file_link(path: str, line: int | None) -> str | None:
    """A ``file://`` link to the finding's file where the file is at hand here."""
    absolute = os.path.abspath(path)
    if not os.path.exists(absolute):
        return None
    return "file://" + quote(absolute) + (f"#L{line}" if line else "")


def _finding_key(d) -> tuple:
    return (d.get("line"), d.get("column"), d.get("code"), d.get("message"))


def _write_views(diagnostics, target: str, limit: int) -> dict[tuple[str, tuple], str]:
    """The annotated view of each listed filing at hand, written to ``TARGET.views/``;
    a link (relative to the page) per finding the view shows, keyed by path and finding.

    Each file is read and checked again with the configuration ``check`` would find for
    it, so the view has the hints, related places and fixes the tables do not keep; a
    finding the scan made under another configuration links to the view's top.
    """
    from filinglint.linter.config import ConfigError, ConfigResolver
    from filinglint.linter.engine import Engine
    from filinglint.linter.report.htmlview import render as render_view
    from filinglint.linter.source import InputError, read_path

    paths = list(dict.fromkeys(d["path"] for d in _listed(diagnostics, limit)))
    by_path: dict[str, list[dict]] = defaultdict(list)
    for finding in diagnostics:
        by_path[finding["path"]].append(finding)
    folder = target + ".views"
    base = os.path.basename(folder)
    resolver = ConfigResolver()
    engines: dict = {}
    links: dict[tuple[str, tuple], str] = {}
    for number, path in enumerate(paths, 1):
        if not os.path.isfile(path):
            continue
        try:
            settings = resolver.for_path(path)
            engine = engines.get(settings.path)
            if engine is None:
                engine = engines[settings.path] = Engine.from_settings(settings)
            source = read_path(path)
        except (InputError, ConfigError, ValueError):
            continue
        found = engine.check(source)
        os.makedirs(folder, exist_ok=True)
        name = f"{number:05d}.html"
        _write_atomically(os.path.join(folder, name), render_view(found, {source.path: source}))
        page = f"{quote(base)}/{name}"
        for finding in by_path[path]:
            links[(path, _finding_key(finding))] = page
        for index, d in enumerate(found):
            key = (d.line, d.column, d.code, d.message)
            links[(path, key)] = f"{page}#d{index}"
    return links


def _write_atomically(path: str, text: str) -> None:
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


# --- plots ---------------------------------------------------------------------------


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",  # text stays text: smaller, searchable
            "svg.hashsalt": "filinglint",  # the same data gives the same page
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def _svg(fig) -> str:
    plt = _pyplot()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: inline SVG


def _plot_rules_by_year(diagnostics) -> str | None:
    counts: Counter = Counter()
    for d in diagnostics:
        day = d.get("filed_date")
        if isinstance(day, datetime.date):
            counts[(day.year, d["code"])] += 1
    if not counts:
        return None
    plt = _pyplot()
    years = sorted({year for year, _ in counts})
    totals = Counter()
    for (_, code), n in counts.items():
        totals[code] += n
    codes = [code for code, _ in totals.most_common(10)]
    other = [code for code in totals if code not in codes]
    fig, ax = plt.subplots(figsize=(8, 3.4))
    bottom = [0] * len(years)
    series = [(code, [counts[(y, code)] for y in years]) for code in codes]
    if other:
        series.append(("other", [sum(counts[(y, c)] for c in other) for y in years]))
    palette = plt.get_cmap("tab20").colors  # eleven series, eleven distinct colours
    for number, (label, values) in enumerate(series):
        color = "#999999" if label == "other" else palette[number % len(palette)]
        ax.bar([str(y) for y in years], values, bottom=bottom, label=label, color=color)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xlabel("year filed")
    ax.set_ylabel("findings")
    ax.legend(ncol=2, fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    if len(years) > 12:
        ax.tick_params(axis="x", labelrotation=90)
    return _svg(fig)


_FEE_BUCKETS = (Decimal("0.01"), Decimal(1), Decimal(10), Decimal(100), Decimal(1000))


def _fee_bucket(value: Decimal) -> int:
    """The bucket of a difference: 0 exact, ±1 under a cent … ±6 $1,000 or more (a rounding
    residue under a cent counts as exact, as FEE001 compares in cents)."""
    size = abs(value)
    rank = 1 + sum(1 for edge in _FEE_BUCKETS if size >= edge)
    if rank == 1:
        return 0
    return rank - 1 if value > 0 else -(rank - 1)


_FEE_LABELS = {
    0: "exact",
    1: "1¢–$1",
    2: "$1–10",
    3: "$10–100",
    4: "$100–1k",
    5: "≥ $1k",
}


def _plot_fee_differences(filings) -> str | None:
    values = [r["fee_difference"] for r in filings if r.get("fee_difference") is not None]
    if not values:
        return None
    plt = _pyplot()
    counts = Counter(_fee_bucket(v) for v in values)
    ranks = list(range(-5, 6))
    labels = [
        ("−" + _FEE_LABELS[-r]) if r < 0 else ("+" + _FEE_LABELS[r]) if r > 0 else "exact"
        for r in ranks
    ]
    colors = ["#c44e52" if r < 0 else "#55a868" if r == 0 else "#dd8452" for r in ranks]
    fig, ax = plt.subplots(figsize=(8, 3))
    bars = ax.bar(labels, [counts[r] for r in ranks], color=colors)
    ax.bar_label(bars, fontsize=7)
    ax.tick_params(axis="x", labelrotation=30)
    ax.set_xlabel("stated fee − expected fee (red: underpaid, orange: overpaid)")
    ax.set_ylabel("fee tables")
    ax.set_title(f"{len(values):,} fee tables with a stated rate", fontsize=9)
    return _svg(fig)


def _plot_rates(filings) -> str | None:
    from filinglint.linter.query.fee_rates import periods

    points = [
        (r["fee_date"], float(r["stated_rate"] * Decimal(1_000_000)))
        for r in filings
        if r.get("fee_date") and r.get("stated_rate") is not None
    ]
    if not points:
        return None
    plt = _pyplot()
    first = min(day for day, _ in points) - datetime.timedelta(days=120)
    last = max(day for day, _ in points) + datetime.timedelta(days=120)
    xs, ys = [], []
    for period in periods():
        if period.effective_to < first or period.effective_from > last:
            continue
        xs += [max(period.effective_from, first), min(period.effective_to, last)]
        ys += [float(period.rate_per_million)] * 2
    fig, ax = plt.subplots(figsize=(8, 3.2))
    ax.plot(xs, ys, color="#333333", linewidth=1.2, label="rate in force (schema/fee-rates.json)")
    matched = [(d, v) for (d, v), r in zip(points, _rate_rows(filings), strict=True) if r]
    wrong = [(d, v) for (d, v), r in zip(points, _rate_rows(filings), strict=True) if not r]
    if matched:
        ax.scatter(*zip(*matched, strict=True), s=12, color="#55a868", label="stated = in force")
    if wrong:
        ax.scatter(
            *zip(*wrong, strict=True), s=16, color="#c44e52", marker="x", label="stated ≠ in force"
        )
    ax.set_ylabel("dollars per $1 million".replace("$", r"\$"))
    ax.set_xlabel("date whose rate applies")
    ax.legend(fontsize=7, frameon=False)
    return _svg(fig)


def _rate_rows(filings) -> list[bool]:
    return [
        r.get("rate_in_force") is not None and r["rate_in_force"] == r["stated_rate"]
        for r in filings
        if r.get("fee_date") and r.get("stated_rate") is not None
    ]


def _plot_agents(files) -> str | None:
    stats = [s for s in _agent_stats(files) if s[1] > 0]
    if not stats:
        return None
    stats.sort(key=lambda item: (-item[2] / item[1], -item[1], item[0]))
    top = list(reversed(stats[:15]))
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.28 * len(top)))
    labels = [f"{name} ({count:,} filings)" for name, count, _ in top]
    ax.barh(labels, [found / count for _, count, found in top], color="#8172b2")
    ax.set_xlabel("findings per filing")
    return _svg(fig)


# --- page ----------------------------------------------------------------------------

_STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;
padding:1rem 2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
.stats{display:flex;gap:1rem;flex-wrap:wrap}.stat{background:#f4f6f8;padding:.6rem 1rem;
border-radius:6px}.stat b{display:block;font-size:1.3rem}.stat span{color:#555;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #eee;
padding:.25rem .5rem;text-align:left;vertical-align:top}th{cursor:pointer;background:#fafafa;
user-select:none}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}td.num{text-align:right}
.plot svg{max-width:100%;height:auto}.empty{color:#777}
"""

_SCRIPT = """
(function () {
  function key(cell) {
    var v = cell.getAttribute('data-value');
    return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, index) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = !th.classList.contains('asc');
        table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
        th.classList.add(asc ? 'asc' : 'desc');
        rows.sort(function (a, b) {
          var x = key(a.cells[index]), y = key(b.cells[index]);
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.body.setAttribute('data-ready', 'yes');
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<h1>{title}</h1>
{body}
<script>{script}</script>
</body>
</html>
"""
