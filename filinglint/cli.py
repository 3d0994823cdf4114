"""The ``filinglint`` command: argument parsing, file walking, printing and exit codes.

Exit codes: 0 no error or warning findings; 1 at least one; 2 a usage error or an input
that could not be read (the other inputs are still checked).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator

from filinglint import __version__

EXTENSIONS = (".txt", ".htm", ".html")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
        choices=("full", "concise", "json"),
        default="full",
        help="how findings are printed (default: full)",
    )
    check.add_argument(
        "--select",
        action="append",
        default=None,
        metavar="RULES",
        help="only these rules: codes, names or code prefixes, comma-separated",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=None,
        metavar="RULES",
        help="skip these rules: codes, names or code prefixes, comma-separated",
    )
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="the name to report for input read from stdin",
    )

    parse = commands.add_parser("parse", help="print a filing's AST")
    parse.add_argument("path", metavar="PATH", help="a filing ('-' reads stdin)")
    parse.add_argument("--json", action="store_true", help="print the AST as JSON")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")

    rule = commands.add_parser("rule", help="explain one rule")
    rule.add_argument("rule", metavar="CODE|NAME")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    return parser


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Files to check, in a stable order; directories are walked for filing extensions."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(EXTENSIONS):
                        yield os.path.join(root, name)
        else:
            yield path


def _write(text: str) -> None:
    if text:
        sys.stdout.write(text)


def run_check(args: argparse.Namespace) -> int:
    from filinglint.linter.engine import Engine
    from filinglint.linter.registry import SelectionError, select_rules
    from filinglint.linter.report import get_reporter, summary
    from filinglint.linter.source import InputError, read_path

    try:
        rules = select_rules(_split(args.select), _split(args.ignore))
    except SelectionError as exc:
        print(f"filinglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    engine = Engine(rules)
    diagnostics = []
    sources = {}
    input_errors = 0
    for path in iter_inputs(args.paths):
        try:
            source = read_path(path)
        except InputError as exc:
            print(f"filinglint: error: {exc}", file=sys.stderr)
            input_errors += 1
            continue
        if path == "-" and args.stdin_filename:
            source.path = args.stdin_filename
        sources[source.path] = source
        diagnostics.extend(engine.check(source))

    _write(get_reporter(args.output_format)(diagnostics, sources))
    if args.output_format != "json":
        print(summary(diagnostics))
    if input_errors:
        return EXIT_ERROR
    if any(d.severity in ("error", "warning") for d in diagnostics):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def run_parse(args: argparse.Namespace) -> int:
    from filinglint.linter.build import build
    from filinglint.linter.source import InputError, read_path

    try:
        source = read_path(args.path)
    except InputError as exc:
        print(f"filinglint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    filing = build(source)
    if args.json:
        from filinglint.linter.models import dump_filing

        _write(dump_filing(filing) + "\n")
    else:
        _write(outline(filing))
    return EXIT_CLEAN


def outline(filing) -> str:
    """A short human summary of what the parser found, one line per structure."""
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
    roles = [d for d in filing.dates if d.role]
    for date in roles:
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
    _write(f"{'code':7} {'name':{width}} {'severity':8} summary\n")
    for r in rules:
        _write(f"{r.code:7} {r.name:{width}} {r.severity:8} {r.summary}\n")
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
        print(f"filinglint: error: no rule {args.rule!r} (known: {known})", file=sys.stderr)
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
    commands = {"check": run_check, "parse": run_parse, "rules": run_rules, "rule": run_rule}
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return commands[args.command](args)
    except BrokenPipeError:
        return EXIT_CLEAN
    except KeyboardInterrupt:
        return 130
