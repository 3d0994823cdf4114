"""The ``filinglint`` command: argument parsing, configuration, file walking, output, exit codes.

Exit codes: 0 no finding at or above the fail level; 1 at least one; 2 a usage or
configuration error, or an input that could not be read (the other inputs are still
checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator

from filinglint import __version__
from filinglint.linter.report import FORMATS

EXTENSIONS = (".txt", ".htm", ".html", ".nc")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning")}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filinglint",
        description="A fast, exact linter for SEC EDGAR filings (Schedule TO and amendments).",
    )
    parser.add_argument("--version", action="version", version=f"filinglint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check filings and report findings")
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or directories to check ('-' reads stdin); default '.'",
    )
    check.add_argument(
        "--output-format",
        choices=tuple(FORMATS),
        default=None,
        help="how findings are printed on stdout (default: full)",
    )
    check.add_argument(
        "--output-file",
        action="append",
        default=[],
        metavar="FORMAT=PATH",
        help="also write FORMAT to PATH (repeatable), e.g. sarif=results.sarif",
    )
    _selection_options(check)
    check.add_argument(
        "--fail-on",
        choices=tuple(FAIL_LEVELS),
        default=None,
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are reported (input errors still exit 2)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print how many findings each rule reported instead of the findings",
    )
    source = check.add_mutually_exclusive_group()
    source.add_argument(
        "--show-source",
        dest="show_source",
        action="store_true",
        default=None,
        help="show a code frame under each finding (the default)",
    )
    source.add_argument(
        "--no-show-source", dest="show_source", action="store_false", help="do not show code frames"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour output (auto: on a terminal, unless NO_COLOR is set)",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print findings only: no summary line, no progress",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="hide findings recorded in this baseline file"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record every current finding in FILE (and exit 0)"
    )
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="the name to report for input read from stdin",
    )
    _config_options(check)

    config = commands.add_parser("config", help="print the effective configuration")
    config.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="PATH",
        help="the file or folder whose configuration to show (default '.')",
    )
    config.add_argument("--output-format", choices=("toml", "json"), default="toml")
    _config_options(config)

    parse = commands.add_parser("parse", help="print a filing's AST")
    parse.add_argument("path", metavar="PATH", help="a filing ('-' reads stdin)")
    parse.add_argument("--json", action="store_true", help="print the AST as JSON")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")

    rule = commands.add_parser("rule", help="explain one rule")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def _selection_options(parser: argparse.ArgumentParser) -> None:
    for flag, text in (
        ("--select", "only these rules (replaces the configured selection)"),
        ("--extend-select", "these rules in addition to the selection"),
        ("--ignore", "skip these rules"),
    ):
        parser.add_argument(
            flag,
            action="append",
            default=None,
            metavar="RULES",
            help=f"{text}: codes, names or code prefixes, comma-separated",
        )


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="use this pyproject.toml or filinglint.toml, not the nearest one",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def error(message: str) -> None:
    print(f"filinglint: error: {message}", file=sys.stderr)


def iter_inputs(paths: list[str], resolver) -> Iterator[str]:
    """Files to check, in a stable order; directories are walked for filing extensions."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                settings = resolver.for_path(os.path.join(root, "."))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and not settings.is_excluded(os.path.join(root, d))
                )
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.lower().endswith(EXTENSIONS) and not settings.is_excluded(full):
                        yield full
        elif path == "-" or not resolver.for_path(path).is_excluded(path):
            yield path


def _write(text: str) -> None:
    if text:
        sys.stdout.write(text)


class _Progress:
    """A one-line progress count on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False

    def update(self, files: int, findings: int) -> None:
        if self.enabled:
            sys.stderr.write(f"\rfilinglint: {files} files checked, {findings} findings")
            sys.stderr.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def run_check(args: argparse.Namespace) -> int:
    from filinglint.linter.config import ConfigError, ConfigResolver, with_overrides
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import SelectionError
    from filinglint.linter.source import InputError, read_path

    outputs: list[tuple[str, str]] = []
    for item in args.output_file:
        fmt, _, target = item.partition("=")
        if fmt not in FORMATS or not target:
            error(f"--output-file wants FORMAT=PATH with FORMAT one of {', '.join(FORMATS)}")
            return EXIT_ERROR
        outputs.append((fmt, target))
    try:
        resolver = ConfigResolver(args.config, args.isolated)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR

    engines: dict[str | None, Engine] = {}  # one per configuration file
    diagnostics = []
    sources = {}
    input_errors = 0
    settings = None
    progress = _Progress(enabled=not args.quiet)
    checked = 0
    try:
        for path in iter_inputs(args.paths, resolver):
            base = resolver.for_path(path)
            settings = with_overrides(
                base,
                select=_split(args.select),
                ignore=base.ignore + _split(args.ignore) if args.ignore else None,
                extend_select=_split(args.extend_select),
            )
            engine = engines.get(settings.path)
            if engine is None:
                engine = engines[settings.path] = Engine.from_settings(settings)
            try:
                source = read_path(path)
            except InputError as exc:
                error(str(exc))
                input_errors += 1
                continue
            if path == "-" and args.stdin_filename:
                source.path = args.stdin_filename
            sources[source.path] = source
            diagnostics.extend(engine.check(source))
            checked += 1
            progress.update(checked, len(diagnostics))
    except (ConfigError, SelectionError) as exc:
        progress.close()
        error(str(exc))
        return EXIT_ERROR
    progress.close()
    if settings is None:
        settings = with_overrides(resolver.for_path("."), select=_split(args.select))

    if args.write_baseline:
        from filinglint.linter.baseline import write_baseline

        count = write_baseline(args.write_baseline, diagnostics, sources)
        if not args.quiet:
            print(f"Wrote {count} findings to the baseline {args.write_baseline}.", file=sys.stderr)
        return EXIT_ERROR if input_errors else EXIT_CLEAN
    hidden = 0
    if args.baseline:
        from filinglint.linter.baseline import BaselineError, apply_baseline

        try:
            diagnostics, hidden = apply_baseline(args.baseline, diagnostics, sources)
        except BaselineError as exc:
            error(str(exc))
            return EXIT_ERROR

    output_format = args.output_format or settings.output_format or "full"
    show_source = args.show_source if args.show_source is not None else True
    _report(args, output_format, diagnostics, sources, show_source)
    for fmt, target in outputs:
        _write_file(target, _render(fmt, diagnostics, sources, show_source, color=False))
    if output_format in ("full", "concise", "grouped") and not args.quiet:
        from filinglint.linter.report import summary

        print(summary(diagnostics))
        if hidden:
            print(f"{hidden} known findings hidden by the baseline {args.baseline}.")

    if input_errors:
        return EXIT_ERROR
    failing = FAIL_LEVELS[args.fail_on or settings.fail_on or "warning"]
    if not args.exit_zero and any(d.severity in failing for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _render(fmt, diagnostics, sources, show_source: bool, color: bool) -> str:
    from filinglint.linter.report import get_reporter

    render = get_reporter(fmt)
    if fmt == "full":
        return render(diagnostics, sources if show_source else {}, color=color)
    if fmt == "concise":
        return render(diagnostics, sources, color=color)
    return render(diagnostics, sources)


def _report(args, output_format: str, diagnostics, sources, show_source: bool) -> None:
    if args.statistics and output_format in ("full", "concise", "grouped"):
        _write(statistics(diagnostics))
        return
    _write(_render(output_format, diagnostics, sources, show_source, use_color(args.color)))


def statistics(diagnostics) -> str:
    """Findings per rule, most frequent first, as ruff's --statistics prints them."""
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.name)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:5d}  {code:7} {name}\n" for (code, name), count in rows)


def _write_file(target: str, text: str) -> None:
    """Write an output file atomically, so a CI step never reads half a report."""
    directory = os.path.dirname(os.path.abspath(target))
    os.makedirs(directory, exist_ok=True)
    temporary = f"{target}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, target)


def run_config(args: argparse.Namespace) -> int:
    from filinglint.linter.config import ConfigError, ConfigResolver

    try:
        settings = ConfigResolver(args.config, args.isolated).for_path(args.path)
    except ConfigError as exc:
        error(str(exc))
        return EXIT_ERROR
    data = settings.as_dict()
    import json

    if args.output_format == "json":
        _write(json.dumps({"config-file": settings.path, **data}, indent=2) + "\n")
        return EXIT_CLEAN
    lines = [f"# configuration file: {settings.path or 'none (defaults)'}"]
    tables = []
    for key, value in data.items():
        if isinstance(value, dict) and value and key not in ("per-file-ignores", "severity"):
            tables.append((key, value))
        elif isinstance(value, dict):
            inline = ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items())
            lines.append(f"{key} = {{ {inline} }}" if inline else f"{key} = {{}}")
        else:
            lines.append(f"{key} = {json.dumps(value)}")
    for key, value in tables:
        lines.append(f"\n[{key}]")
        lines.extend(f"{k} = {json.dumps(v)}" for k, v in value.items())
    _write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def run_parse(args: argparse.Namespace) -> int:
    from filinglint.linter.documents import build_root
    from filinglint.linter.source import InputError, read_path

    try:
        source = read_path(args.path)
    except InputError as exc:
        error(str(exc))
        return EXIT_ERROR
    root = build_root(source)
    if args.json:
        from filinglint.linter.models import dump_filing

        _write(dump_filing(root) + "\n")
    elif root.kind == "submission":
        _write(submission_outline(root))
    else:
        _write(outline(root))
    return EXIT_CLEAN


def submission_outline(submission) -> str:
    """The header, then each document and the outline of those that were read."""
    header = submission.header
    lines = []
    if header is not None:
        lines.append(
            f"submission {header.accession or '?'}: {header.submission_type or '?'}, "
            f"{header.document_count} documents, filed as of {header.filed_as_of or '?'}"
        )
        lines.extend(f"{p.role}: {p.name} (CIK {p.cik or '?'})" for p in header.parties)
    for document in submission.documents:
        name = document.filename or "no file name"
        lines.append(
            f"\n== document {document.sequence or '?'}: {document.type} "
            f"({name}, {document.content}, line {document.span.line})"
        )
        if document.filing is not None:
            lines.append(outline(document.filing).rstrip())
    return "\n".join(lines) + "\n"


def outline(filing) -> str:
    """A short human summary of what the parser found, one line per structure."""
    if filing.fee_exhibit is not None:
        return "".join(
            f"fee exhibit {row.table or '-'} {row.number or ''}: "
            + ", ".join(f"{f.name}={f.value}" for f in row.facts)
            + "\n"
            for row in filing.fee_exhibit.rows
        )
    cover = filing.cover
    fee = cover.fee_table
    lines = [
        f"form: {cover.form or '?'}  amendment: {cover.amendment_number}",
        f"subject company: {cover.subject_company.value if cover.subject_company else '?'}",
        f"CUSIP: {cover.cusip.value if cover.cusip else '?'}",
    ]
    if fee is not None:
        lines.append(
            f"fee table: valuation {fee.valuation.text if fee.valuation else '?'}, "
            f"fee {fee.fee.text if fee.fee else '?'}, rate {fee.rate.text if fee.rate else '?'}"
        )
    for box in cover.boxes:
        lines.append(f"box {box.mark:5} {box.state:10} {box.role or '-':28} line {box.span.line}")
    for item in filing.items:
        lines.append(f"item {', '.join(map(str, item.numbers))}: line {item.span.line}")
    for exhibits in filing.exhibit_lists:
        lines.append(
            f"exhibits ({exhibits.source}, {exhibits.mode}): {len(exhibits.entries)} entries, "
            f"legend {', '.join(n.marker + ' ' + n.text for n in exhibits.legend) or 'none'}"
        )
    for signature in filing.signatures:
        when = signature.date.text if signature.date else "?"
        lines.append(f"signed by {signature.signer or '?'} on {when}")
    for date in filing.dates:
        if date.role:
            lines.append(f"date {date.role}: {date.text} (line {date.span.line})")
    lines.append(f"dates mentioned: {len(filing.dates)}")
    return "\n".join(lines) + "\n"


def run_rules(args: argparse.Namespace) -> int:
    from filinglint.linter.registry import all_rules

    rules = all_rules()
    if args.output_format == "json":
        import json

        _write(json.dumps([_rule_json(r) for r in rules], indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(r.name) for r in rules)
    _write(f"{'code':7} {'name':{width}} {'severity':8} {'fix':3} summary\n")
    for r in rules:
        fixable = "yes" if r.fixable else "-"
        _write(f"{r.code:7} {r.name:{width}} {r.severity:8} {fixable:3} {r.summary}\n")
    return EXIT_CLEAN


def _rule_json(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity,
        "summary": rule.summary,
        "fixable": rule.fixable,
        "family": rule.family,
        "docs": rule.docs,
    }


def run_rule(args: argparse.Namespace) -> int:
    from filinglint.linter.registry import all_rules, find_rule

    rule = find_rule(args.rule)
    if rule is None:
        known = ", ".join(r.code for r in all_rules())
        error(f"no rule {args.rule!r} (known: {known})")
        return EXIT_ERROR
    if args.output_format == "json":
        import json

        _write(json.dumps(_rule_json(rule), indent=2) + "\n")
        return EXIT_CLEAN
    _write(f"# {rule.name} ({rule.code})\n\n{rule.summary}. Default severity: {rule.severity}.\n\n")
    _write(rule.docs + "\n")
    return EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    commands = {
        "check": run_check,
        "config": run_config,
        "parse": run_parse,
        "rules": run_rules,
        "rule": run_rule,
    }
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return commands[args.command](args)
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
