"""Every target of issue 11, measured side by side in one run, by hand (never a timed test).

    python benchmarks/targets.py                  # default sizes: a few minutes of CPU
    python benchmarks/targets.py --full           # the issue's sizes (growth 1 -> 16 MB)
    python benchmarks/targets.py --only jobs,cache --runs 5
    python benchmarks/targets.py --profile        # cProfile of a check of 10 MB of text

Sections (``--only`` takes their names):

* ``throughput``: MB/s per core of filinglint against a plain regular-expression line
  scanner written here (``floor_scan``), which extracts the same facts (box marks, dollar
  amounts, exhibit codes, dates; tags stripped from HTML first), on the real corpus
  (``../shared``), on generated Schedule-TO-like text and on filing-agent-like HTML.
  Target: filinglint >= 1/2 of the floor.
* ``stages``: MB/s of each stage (read, HTML -> text, lex, parse, build, rules, report)
  on the generated text and HTML, so the slow stage is visible.
* ``growth``: seconds and peak memory (a fresh process per row, its ``ru_maxrss``) for
  doubling sizes of every shape: text, HTML and the adversarial ones (box lines, exhibit
  entries, ``<DOCUMENT>``s, one long line, stray end tags, unclosed start tags, huge
  colspan). Targets: each doubling <= 2.2x time; peak <= 60 MB + 5x the largest text
  document. A row that outlasts ``--row-timeout`` ends its shape's doubling.
* ``gc``: the text growth with the garbage collector at its defaults against
  ``cli.run.tune_gc`` (what ``filinglint check`` does), as seconds per MB.
* ``cold``: cold start of ``filinglint check`` on the seed against
  ``python -c "import lark; from pydantic import BaseModel"`` (target <= 1.3x), and
  ``--output-format json`` against the plain check (target <= 1.1x).
* ``jobs``: ``--jobs 1`` against ``--jobs 2`` on a folder of 200 generated filings
  (target >= 1.7x), alternating runs; the load average is printed because on a shared
  machine other processes take cores.
* ``cache``: the same folder checked with an empty result cache and then again (target
  >= 10x).

All generated filings are fictional: variations of ``examples/harborview-sc-to-i-a.txt``
and ``tests/data/lakeshore-sc-to-t.txt``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "fixtures" / "seed" / "schedule-to-a-rare-medium-2003-04-16.txt"
CORPUS = SHARED / "corpus"
EXAMPLE = ROOT / "examples" / "harborview-sc-to-i-a.txt"
LAKESHORE = ROOT / "tests" / "data" / "lakeshore-sc-to-t.txt"
BASELINE_CODE = "import lark; from pydantic import BaseModel"
MB = 1_000_000

sys.path.insert(0, str(ROOT))

# --- generated inputs ------------------------------------------------------------------


def _variant(number: int) -> str:
    """A fictional Schedule TO; the fee, the dates and the CUSIP vary with ``number``."""
    base = EXAMPLE if number % 2 else LAKESHORE
    text = base.read_text(encoding="utf-8")
    text = text.replace("$1,400.00", f"$1,{390 + number % 17:03d}.00")
    return text.replace("October 20, 2009", f"October {1 + number % 28}, 2009")


def schedule_to_text(megabytes: float) -> str:
    """Fictional Schedule TO filings one after another, up to ``megabytes``."""
    parts, size, number = [], 0, 0
    while size < megabytes * MB:
        part = _variant(number)
        parts.append(part)
        size += len(part) + 1
        number += 1
    return "\n".join(parts)


_WINGDINGS = {"[X]": "x", "[x]": "x", "[ ]": "&#168;"}
_BOX = re.compile(r"\[[Xx ]\]")


def _cell(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return _BOX.sub(
        lambda m: f'<font style="font-family:Wingdings">{_WINGDINGS[m.group()]}</font>',
        escaped.replace("&amp;", "&amp;"),
    )


def agent_html(megabytes: float) -> str:
    """The generated text laid out as a filing agent's HTML: styled paragraphs, tables
    for columns, Wingdings boxes, ``&nbsp;`` spacing."""
    lines = [
        "<html><head><title>SC TO-I/A</title></head>",
        '<body style="font: 10pt Times New Roman, Times, serif">',
    ]
    font = '<font style="font-family:Times New Roman;font-size:10pt">'
    size = 0
    number = 0
    while size < megabytes * MB:
        for line in _variant(number).split("\n"):
            if not line.strip():
                row = '<p style="margin-top:0;margin-bottom:0">&nbsp;</p>'
            else:
                cells = re.split(r"\s{3,}", line.strip())
                if len(cells) > 1:
                    row = (
                        '<table cellspacing="0" cellpadding="0" style="width:100%"><tr>'
                        + "".join(
                            f'<td style="vertical-align:top;padding:0">{font}{_cell(c)}</font></td>'
                            for c in cells
                        )
                        + "</tr></table>"
                    )
                else:
                    indent = (len(line) - len(line.lstrip())) * 4
                    row = (
                        f'<p style="margin-top:0;margin-bottom:0;text-indent:{indent}pt">'
                        f"{font}{_cell(line.strip())}</font></p>"
                    )
            lines.append(row)
            size += len(row) + 1
        number += 1
    lines.append("</body></html>")
    return "\n".join(lines)


def box_lines(count: int) -> str:
    marks = ("[X]", "[ ]")
    words = ("third-party tender offer subject to Rule 14d-1.", "going-private transaction.")
    return "".join(f"{marks[i % 2]}  {words[i % 2]}\n" for i in range(count))


def exhibit_entries(count: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    rows = ["Item 12. Exhibits.", ""]
    for i in range(count):
        code = f"(a)({i // 26 + 1})({letters[i % 26]})"
        rows.append(f"{code:<14}Offer to Purchase, dated March {1 + i % 28}, 2026.*")
    return "\n".join(rows) + "\n"


def documents(count: int) -> str:
    head = (
        "<SEC-DOCUMENT>0000950103-26-000001.txt : 20260302\n"
        "<SEC-HEADER>0000950103-26-000001.hdr.sgml : 20260302\n"
        "ACCESSION NUMBER:\t\t0000950103-26-000001\n"
        "CONFORMED SUBMISSION TYPE:\tSC TO-I\n"
        f"PUBLIC DOCUMENT COUNT:\t\t{count}\n"
        "FILED AS OF DATE:\t\t20260302\n"
        "</SEC-HEADER>\n"
    )
    body = "".join(
        f"<DOCUMENT>\n<TYPE>EX-99.{i}\n<SEQUENCE>{i + 1}\n<FILENAME>ex{i}.txt\n<TEXT>\n"
        f"Exhibit {i}: press release dated March 2, 2026.\n</TEXT>\n</DOCUMENT>\n"
        for i in range(count)
    )
    return head + body + "</SEC-DOCUMENT>\n"


def long_line(megabytes: float) -> str:
    return "word " * int(megabytes * MB / 5) + "\n"


def stray_end_tags(count: int) -> str:
    return "<html><body><div>" + "x</span></b></td>\n" * count + "</div></body></html>"


def unclosed_start_tags(count: int) -> str:
    """Start tags never closed by a ``>``: nothing later ends them (html.parser rescans)."""
    return "<html><body>" + "<div class='a' x\n" * count


def huge_colspan(count: int) -> str:
    row = '<tr><td colspan="1000" rowspan="1000">x</td><td>$1,000.00</td></tr>\n'
    return "<html><body><table>" + row * count + "</table></body></html>"


# (name, file suffix, generator, scales, largest text document in MB for a scale or None)
Shape = tuple[str, str, Callable[[float], str], list[float], Callable[[float, int], float]]


def shapes(full: bool) -> list[Shape]:
    doublings = 5 if full else 4
    megabytes = [2.0**i for i in range(doublings)]  # 1 .. 8 (16 with --full)

    def counts(top: int, n: int = 4) -> list[float]:
        return [top / 2**i for i in reversed(range(n))]

    whole = lambda scale, size: size / MB  # noqa: E731 - the file is one document
    tiny = lambda scale, size: 0.0001  # noqa: E731 - every document is one line
    return [
        ("text", ".txt", schedule_to_text, megabytes, whole),
        ("html", ".htm", agent_html, megabytes[:-1] if not full else megabytes, whole),
        ("box lines", ".txt", lambda n: box_lines(int(n)), counts(100_000), whole),
        ("exhibit entries", ".txt", lambda n: exhibit_entries(int(n)), counts(50_000), whole),
        ("<DOCUMENT>s", ".txt", lambda n: documents(int(n)), counts(100_000), tiny),
        ("5 MB line", ".txt", long_line, counts(5, 4), whole),
        ("stray end tags", ".htm", lambda n: stray_end_tags(int(n)), counts(64_000, 5), whole),
        ("unclosed tags", ".htm", lambda n: unclosed_start_tags(int(n)), counts(16_000, 4), whole),
        ("huge colspan", ".htm", lambda n: huge_colspan(int(n)), counts(500, 3), whole),
    ]


# --- the floor: a plain regular-expression line scanner ----------------------------------

_FLOOR_BOX = re.compile(r"\[\s*[Xx]?\s*\]|[\u2610\u2611\u2612]")
_FLOOR_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?")
_FLOOR_EXHIBIT = re.compile(r"^\s*(\([a-z]\)(?:\(\d+\))?(?:\([A-Za-z]+\))?)")
_FLOOR_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s+\d{4}"
)
_FLOOR_TAG = re.compile(r"<[^>]*>")


def floor_scan(text: str) -> int:
    """The facts filinglint reads, by the simplest scanner that finds them: per line, box
    marks, dollar amounts, an exhibit code at the start, dates. HTML has its tags removed
    and its entities decoded first. Returns the number of facts found."""
    if "<html" in text[:4096].lower() or "<table" in text.lower():
        text = html.unescape(_FLOOR_TAG.sub(" ", text))
    facts = []
    for number, line in enumerate(text.split("\n"), 1):
        for match in _FLOOR_BOX.finditer(line):
            facts.append((number, "box", match.group()))
        for match in _FLOOR_AMOUNT.finditer(line):
            facts.append((number, "amount", match.group()))
        exhibit = _FLOOR_EXHIBIT.match(line)
        if exhibit:
            facts.append((number, "exhibit", exhibit.group(1)))
        for match in _FLOOR_DATE.finditer(line):
            facts.append((number, "date", match.group()))
    return len(facts)


# --- measuring ---------------------------------------------------------------------------


def _engine():
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import all_rules

    return Engine(list(all_rules()))


def _timed(function: Callable, *args):
    """CPU seconds of this process (per core, whatever else the machine runs) and result."""
    started = time.process_time()
    result = function(*args)
    return time.process_time() - started, result


def _best(runs: int, function: Callable, *args) -> float:
    return min(_timed(function, *args)[0] for _ in range(runs))


def _check_file(engine, path: str) -> int:
    from filinglint.linter.source import read_path

    return len(engine.check(read_path(path)))


def _floor_file(path: str) -> int:
    from filinglint.linter.source import read_path

    return floor_scan(read_path(path).text)


def throughput(args, scratch: Path) -> None:
    from filinglint.cli.run import tune_gc

    print(
        "\n## Throughput per core (MB/s of CPU time; floor = the regex line scanner;"
        " target >= 0.50)"
    )
    engine = _engine()
    tune_gc()
    rows = []
    corpus = sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".htm", ".html", ".nc"))
    if SEED.exists():
        corpus.append(SEED)
    if corpus:
        size = sum(p.stat().st_size for p in corpus) / MB
        ours = sum(_best(args.runs, _check_file, engine, str(p)) for p in corpus)
        floor = sum(_best(args.runs, _floor_file, str(p)) for p in corpus)
        rows.append((f"real corpus ({len(corpus)} files)", size, ours, floor))
    else:
        print(f"(no real corpus: {CORPUS} is absent)")
    for name, suffix, make in (
        ("Schedule-TO-like text", ".txt", schedule_to_text),
        ("filing-agent-like HTML", ".htm", agent_html),
    ):
        path = scratch / f"throughput{suffix}"
        path.write_text(make(args.megabytes), encoding="utf-8")
        size = path.stat().st_size / MB
        _check_file(engine, str(path))  # warm up
        ours = _best(1, _check_file, engine, str(path))
        floor = _best(args.runs, _floor_file, str(path))
        rows.append((f"{name} {size:.1f} MB", size, ours, floor))
    print(f"{'input':38} {'filinglint':>11} {'floor':>9} {'ratio':>7}  target")
    for name, size, ours, floor in rows:
        ratio = (size / ours) / (size / floor)
        verdict = "met" if ratio >= 0.5 else "NOT met"
        print(f"{name:38} {size / ours:8.2f} MB/s {size / floor:6.2f} MB/s {ratio:7.2f}  {verdict}")


def stages(args, scratch: Path) -> None:
    from filinglint.cli.run import tune_gc
    from filinglint.linter.build import build_filing
    from filinglint.linter.documents import build_root
    from filinglint.linter.html import html_to_text
    from filinglint.linter.lines import tokenize
    from filinglint.linter.parse import parse
    from filinglint.linter.place import WHOLE_FILE, Place
    from filinglint.linter.report import get_reporter
    from filinglint.linter.source import read_path

    print("\n## MB/s per stage (size of the input file / CPU time of the stage)")
    engine = _engine()
    tune_gc()
    header = ("read", "HTML", "lex", "parse", "build", "rules", "report", "total")
    print(f"{'input':26}" + "".join(f"{h:>9}" for h in header))
    for name, suffix, make in (
        ("text", ".txt", schedule_to_text),
        ("HTML", ".htm", agent_html),
    ):
        path = scratch / f"stages{suffix}"
        path.write_text(make(args.megabytes), encoding="utf-8")
        size = path.stat().st_size / MB
        times = {}
        times["read"], source = _timed(read_path, str(path))
        text, place = source.text, WHOLE_FILE
        times["HTML"] = 0.0
        if suffix == ".htm":
            times["HTML"], extracted = _timed(html_to_text, text)
            text, place = extracted.text, Place(to_file=extracted.source_offset)
        times["lex"], _ = _timed(lambda t: sum(1 for _ in tokenize(t)), text)
        parse_time, parsed = _timed(parse, text, place)
        times["parse"] = max(0.0, parse_time - times["lex"])  # Lark drives the lexer
        times["build"], _ = _timed(build_filing, parsed, text, place)
        root_time, _ = _timed(build_root, source)
        check_time, found = _timed(engine.check, source)
        times["rules"] = max(0.0, check_time - root_time)
        sources = {source.path: source}
        for fmt in ("json", "concise"):  # imports and schema building are start-up, not speed
            get_reporter(fmt)(found[:1], sources)
        times["report"] = sum(
            _timed(get_reporter(fmt), found, sources)[0] for fmt in ("json", "concise")
        )
        times["total"] = times["read"] + check_time + times["report"]
        cells = "".join(
            f"{size / t:9.2f}" if t > 0 else f"{'-':>9}" for t in (times[h] for h in header)
        )
        print(f"{name + f' {size:.1f} MB':26}{cells}")
        slowest = max((h for h in header[:-1]), key=lambda h: times[h])
        print(f"{'':26}slowest: {slowest} ({times[slowest] / times['total']:.0%} of the total)")


_MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from filinglint.linter.engine import Engine
from filinglint.linter.registry import all_rules
from filinglint.linter.source import read_path
import filinglint.linter.build, filinglint.linter.documents, filinglint.linter.html
import filinglint.linter.parse
filinglint.linter.parse.get_parser()
engine = Engine(list(all_rules()))
if {tuned!r}:
    from filinglint.cli.run import tune_gc
    tune_gc()
def high_water():
    # VmHWM: this process's peak resident memory since exec (ru_maxrss would include the
    # parent's, which Linux carries over fork and exec)
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
base = high_water()
started, cpu = time.perf_counter(), time.process_time()
found = engine.check(read_path({path!r}))
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = high_water()
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak": peak, "base": base,
                  "findings": len(found)}}))
"""


def measure(path: Path, tuned: bool, timeout: float) -> dict | None:
    """Seconds and peak MiB of one check in a fresh process; None if it outlasts timeout."""
    code = _MEASURE.format(root=str(ROOT), path=str(path), tuned=tuned)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)


def growth(args, scratch: Path) -> None:
    print(
        "\n## Growth: doubling each input (time ratio per doubling <= 2.2x;"
        " peak <= 60 MB + 5x largest text document)\n(seconds: CPU time of the check in a"
        " fresh process, steadier than wall time on a shared machine; peak: its VmHWM)"
    )
    print(
        f"{'shape':16} {'scale':>9} {'MB':>7} {'seconds':>8} {'x prev':>7} {'s/MB':>6}"
        f" {'peak MiB':>9} {'limit':>7}  verdict"
    )
    for name, suffix, make, scales, largest in shapes(args.full):
        previous = None
        for scale in scales:
            path = scratch / f"growth{suffix}"
            path.write_text(make(scale), encoding="utf-8")
            size = path.stat().st_size
            result = measure(path, tuned=True, timeout=args.row_timeout)
            label = f"{scale:g}" if scale >= 1 else f"{scale:.3g}"
            if result is None:
                print(
                    f"{name:16} {label:>9} {size / MB:7.2f}"
                    f" {'>' + format(args.row_timeout, 'g'):>8}   (stopped: over --row-timeout)"
                    "  NOT met"
                )
                break
            seconds, peak = result["cpu"], result["peak"]
            limit = 60 + 5 * largest(scale, size)
            ratio = seconds / previous if previous else None
            problems = []
            if ratio is not None and ratio > 2.2:
                problems.append("time")
            if peak > limit:
                problems.append("memory")
            verdict = "NOT met: " + ", ".join(problems) if problems else "met"
            ratio_text = f"{ratio:7.2f}" if ratio is not None else f"{'':>7}"
            print(
                f"{name:16} {label:>9} {size / MB:7.2f} {seconds:8.2f} {ratio_text}"
                f" {seconds / (size / MB):6.2f} {peak:9.1f} {limit:7.1f}  {verdict}"
            )
            previous = seconds
    baseline = measure(EXAMPLE, tuned=True, timeout=args.row_timeout)
    if baseline:
        peak = baseline["peak"]
        print(f"(a process that imports filinglint and checks a small file: {peak:.1f} MiB)")


def gc_section(args, scratch: Path) -> None:
    print("\n## Garbage collector: CPU seconds per MB of text, defaults against tune_gc()")
    sizes = [2.0**i for i in range(5 if args.full else 4)]
    print(f"{'MB':>6} {'default s/MB':>13} {'tuned s/MB':>11} {'tuned/default':>14}")
    first = {}
    for megabytes in sizes:
        path = scratch / "gc.txt"
        path.write_text(schedule_to_text(megabytes), encoding="utf-8")
        size = path.stat().st_size / MB
        cells = {}
        for tuned in (False, True):
            result = measure(path, tuned=tuned, timeout=args.row_timeout)
            cells[tuned] = result["cpu"] / size if result else float("nan")
            first.setdefault(tuned, cells[tuned])
        ratio = cells[True] / cells[False]
        print(f"{size:6.2f} {cells[False]:13.3f} {cells[True]:11.3f} {ratio:14.2f}")
    print(
        "growth of s/MB from the smallest to the largest size: default"
        f" {cells[False] / first[False]:.2f}x, tuned {cells[True] / first[True]:.2f}x"
    )


def _median_wall(command: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold(args, scratch: Path) -> None:
    import compileall

    import filinglint

    print("\n## Cold start (median of fresh processes)")
    compileall.compile_dir(Path(filinglint.__file__).parent, quiet=1)
    filing = SEED if SEED.exists() else EXAMPLE
    env = dict(os.environ, FILINGLINT_CACHE_DIR=str(scratch / "cold-cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    check = [python, "-m", "filinglint", "check", "--isolated"]
    commands = {
        "baseline": [python, "-c", BASELINE_CODE],
        "check": [*check, "--no-cache", str(filing)],
        "check json": [*check, "--no-cache", "--output-format", "json", str(filing)],
        "check (warm cache)": [*check, str(filing)],
    }
    for command in commands.values():
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = {name: [] for name in commands}
    for _ in range(args.runs * 3):  # alternate, so the machine's noise falls on all alike
        for name, command in commands.items():
            times[name].append(_median_wall(command, 1, env))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"filing: {filing}")
    for name, value in median.items():
        print(f"{name:20} {value * 1000:7.1f} ms")
    plain = median["check"] / median["baseline"]
    json_ratio = median["check json"] / median["check"]
    print(f"check / baseline:      {plain:5.2f}x  (target <= 1.30x: {_met(plain <= 1.3)})")
    verdict = _met(json_ratio <= 1.1)
    print(f"json / check:          {json_ratio:5.2f}x  (target <= 1.10x: {verdict})")
    warm = median["check (warm cache)"] / median["baseline"]
    print(f"warm check / baseline: {warm:5.2f}x")


def _met(flag: bool) -> str:
    return "met" if flag else "NOT met"


def _folder(scratch: Path, count: int) -> Path:
    folder = scratch / f"filings-{count}"
    if not folder.exists():
        for number in range(count):
            sub = folder / f"batch-{number % 10}"
            sub.mkdir(parents=True, exist_ok=True)
            text = _variant(number) + "\n" + _variant(number + 1)
            (sub / f"filing-{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _run_cli(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, all processes) of one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "filinglint", "check", "-q", "--exit-zero", "--isolated", *argv],
        stdout=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def jobs(args, scratch: Path) -> None:
    folder = _folder(scratch, 200)
    size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / MB
    env = dict(os.environ, FILINGLINT_CACHE_DIR=str(scratch / "jobs-cache"))
    print(f"\n## Jobs: 200 generated filings ({size:.1f} MB), --no-cache, alternating runs")
    print(f"cores usable: {len(os.sched_getaffinity(0))}; load average before: {_load()}")
    runs = {1: [], 2: []}
    available = []
    for _ in range(args.runs):
        available.append(_parallel_capacity())
        for count in (1, 2):
            runs[count].append(_run_cli(["--no-cache", "-j", str(count), str(folder)], env))
    for count, values in runs.items():
        walls = [w for w, _ in values]
        cpus = [c for _, c in values]
        print(
            f"--jobs {count}: wall median {statistics.median(walls):6.2f} s"
            f" (min {min(walls):.2f}, max {max(walls):.2f}); CPU median"
            f" {statistics.median(cpus):6.2f} s"
        )
    one = statistics.median(w for w, _ in runs[1])
    two = statistics.median(w for w, _ in runs[2])
    cpu_one = statistics.median(c for _, c in runs[1])
    cpu_two = statistics.median(c for _, c in runs[2])
    print(
        f"CPU of --jobs 2 / --jobs 1: {cpu_two / cpu_one:.2f}x (the cost of the workers);"
        f" on two free cores, with the work split evenly, the speed-up would be at most"
        f" {2 * cpu_one / cpu_two:.2f}x (an estimate, not a measurement)"
    )
    best = min(w for w, _ in runs[1]) / min(w for w, _ in runs[2])
    print(
        f"speed-up (medians): {one / two:.2f}x; (best runs): {best:.2f}x"
        f"  (target >= 1.70x: {_met(one / two >= 1.7)}); load average after: {_load()}"
    )
    ceiling = statistics.median(available)
    print(
        f"parallel capacity the machine gave meanwhile (two busy-looping processes against"
        f" one, the same probe before each pair of runs): median {ceiling:.2f}x"
        f" (2.00x = two free cores); speed-up / capacity: {one / two / ceiling:.2f}"
    )


def _spin(seconds: float) -> None:
    started = time.process_time()
    while time.process_time() - started < seconds:
        pass


def _parallel_capacity(seconds: float = 0.5) -> float:
    """How much faster two processes each burning ``seconds`` of CPU finish than one
    process burning both: 2.0 on two free cores, 1.0 when only one core is to be had."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    _spin(2 * seconds)
    alone = time.perf_counter() - started
    processes = [context.Process(target=_spin, args=(seconds,)) for _ in range(2)]
    started = time.perf_counter()
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return alone / (time.perf_counter() - started)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cache(args, scratch: Path) -> None:
    folders = [("200 generated filings", _folder(scratch, 200))]
    if CORPUS.exists():
        folders.append(("real corpus", CORPUS))
    print("\n## Result cache: empty cache against a warm one (target >= 10x)")
    for name, folder in folders:
        for jobs_flag in ("1", "2"):
            cache_dir = scratch / "result-cache"
            env = dict(os.environ, FILINGLINT_CACHE_DIR=str(cache_dir))
            _run_cli(["-j", jobs_flag, str(folder)], env)  # the parser tables, page cache
            colds, warms = [], []
            for _ in range(args.runs):
                shutil.rmtree(cache_dir / "results-v1", ignore_errors=True)
                colds.append(_run_cli(["-j", jobs_flag, str(folder)], env))
                warms.append(_run_cli(["-j", jobs_flag, str(folder)], env))
            cold_s, warm_s = (statistics.median(w for w, _ in runs) for runs in (colds, warms))
            cold_c, warm_c = (statistics.median(c for _, c in runs) for runs in (colds, warms))
            ratio = cold_s / warm_s
            print(
                f"{name:24} -j {jobs_flag}: wall cold {cold_s:5.2f} s, warm {warm_s:5.2f} s,"
                f" {ratio:5.1f}x ({_met(ratio >= 10)}); CPU cold {cold_c:5.2f} s,"
                f" warm {warm_c:5.2f} s, {cold_c / warm_c:5.1f}x"
            )


def profile(args, scratch: Path) -> None:
    import cProfile
    import pstats

    from filinglint.cli.run import tune_gc
    from filinglint.linter.source import decode

    print(f"\n## Profile: one check of {args.megabytes:g} MB of generated text (cProfile)")
    engine = _engine()
    data = schedule_to_text(args.megabytes).encode()
    engine.check(decode(data[:100_000], "warm.txt"))
    tune_gc()
    source = decode(data, "big.txt")
    profiler = cProfile.Profile()
    profiler.enable()
    engine.check(source)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"total {total:.2f} s under the profiler ({len(data) / MB / total:.2f} MB/s)")
    groups = {
        "engine.check (everything)": ("engine.py", "check"),
        "build_root (read the AST)": ("documents.py", "build_root"),
        "lark parse (parse.parse, lexing included)": ("parse.py", "parse"),
        "lex (lines.tokenize)": ("lines.py", "tokenize"),
        "build_filing (after the parse)": ("build.py", "build_filing"),
        "dates (build_dates)": ("dates.py", "build_dates"),
        "two-digit years": ("dates.py", "build_short_year_dates"),
    }
    cumulative = {}
    print(f"{'cumulative':>10}  where")
    for label, (file_end, function) in groups.items():
        for (path, _line, name), row in stats.stats.items():
            if path.endswith(file_end) and name == function:
                cumulative[label] = row[3]
                print(f"{row[3]:9.2f}s  {label}")
                break
    if len(cumulative) >= 2:
        everything, tree = list(cumulative.values())[:2]
        print(f"{everything - tree:9.2f}s  rules (engine.check - build_root)")
    print("\nTop functions by own time:")
    stats.sort_stats("tottime").print_stats(args.top)


SECTIONS = {
    "throughput": throughput,
    "stages": stages,
    "growth": growth,
    "gc": gc_section,
    "cold": cold,
    "jobs": jobs,
    "cache": cache,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="the issue's full sizes")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of timed runs")
    parser.add_argument("--megabytes", type=float, default=None, help="generated input size")
    parser.add_argument("--row-timeout", type=float, default=60.0, help="seconds per growth row")
    parser.add_argument("--profile", action="store_true", help="only the profile")
    parser.add_argument("--top", type=int, default=25, help="functions the profile lists")
    args = parser.parse_args()
    if args.megabytes is None:
        args.megabytes = 10.0 if args.full or args.profile else 4.0
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {_load()}")
    with tempfile.TemporaryDirectory(prefix="filinglint-bench-") as scratch:
        if args.profile:
            profile(args, Path(scratch))
            return 0
        for name in args.only.split(","):
            SECTIONS[name.strip()](args, Path(scratch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
