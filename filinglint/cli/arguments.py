"""The command line: every subcommand, option and help text (argparse), and nothing else."""

from __future__ import annotations

import argparse

from filinglint import __version__
from filinglint.linter.report import FORMATS

FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning")}


def build_parser() -> argparse.ArgumentParser:
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
        help="also write FORMAT to PATH (repeatable), e.g. sarif=results.sarif; written"
        " atomically, through a symbolic link, in place on a device such as /dev/null",
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
        "--filing-date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the filings will be filed, for files without an EDGAR header"
        " (fee-rate-outdated)",
    )
    _form_option(check)
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply safe fixes to the files (atomically; a symbolic link is written through"
        " to its file and stays a link; only regular files are fixed)",
    )
    check.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also offer and apply unsafe fixes (with --fix or --diff)",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff and write nothing (exit 1 when there is one)",
    )
    check.add_argument("--show-fixes", action="store_true", help="list the findings --fix fixed")
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
        "--write-baseline",
        metavar="FILE",
        help="record every current finding in FILE (and exit 0); written as --output-file is",
    )
    check.add_argument(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="the name to report for input read from stdin",
    )
    for flag, text in (
        ("--exclude", "paths never checked, replacing the configured exclude"),
        ("--extend-exclude", "paths never checked, in addition to the configured exclude"),
    ):
        check.add_argument(
            flag,
            action="append",
            default=None,
            metavar="GLOBS",
            help=f"{text}: globs relative to the working folder, comma-separated",
        )
    gitignore = check.add_mutually_exclusive_group()
    gitignore.add_argument(
        "--respect-gitignore",
        dest="respect_gitignore",
        action="store_true",
        default=True,
        help="skip files .gitignore ignores when walking folders (the default)",
    )
    gitignore.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="walk files that .gitignore ignores too",
    )
    _config_options(check)
    _execution_options(check)

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
    _form_option(parse)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")

    rule = commands.add_parser("rule", help="explain one rule (or every rule with --all)")
    rule.add_argument("rule", metavar="CODE|NAME", nargs="?")
    rule.add_argument("--all", action="store_true", help="explain every rule")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")

    version = commands.add_parser("version", help="print filinglint's version")
    version.add_argument("--output-format", choices=("text", "json"), default="text")

    from filinglint.scan.cli import add_commands  # scan, report (their imports stay lazy)

    add_commands(commands)
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


def _form_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--form",
        default=None,
        metavar="TYPE",
        help="the EDGAR form type (e.g. 'SC 13E3', 'SC TO-C') of files whose header, <TYPE>"
        " and cover title do not say",
    )


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="use this pyproject.toml or filinglint.toml, not the nearest one",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")


# --- how files are checked: processes, cache, bounds (filinglint/cli/run.py) -----------


def _execution_options(parser: argparse.ArgumentParser) -> None:
    from filinglint.cli.run import DEFAULT_TIMEOUT

    parser.add_argument(
        "-j",
        "--jobs",
        type=_count,
        default=None,
        metavar="N",
        help="check N files at a time in worker processes (default: the number of cores;"
        " 1: one at a time in this process); the output is the same whatever N",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the result cache ($FILINGLINT_CACHE_DIR, else"
        " ~/.cache/filinglint)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop checking a file after this long and report FL901 for it"
        f" (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    parser.add_argument(
        "--max-file-size",
        type=_size,
        default=_size("200M"),
        metavar="SIZE",
        help="do not read a file larger than SIZE (bytes, or with K, M or G: KiB, MiB, GiB;"
        " default 200M, at most 256M); such a file is an input error (exit 2)",
    )


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs (1 or more)")
    return value


def _seconds(text: str) -> float:
    import math

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0: no limit)")
    return value


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(text: str) -> int:
    """A size in bytes: digits with an optional K, M or G (KiB, MiB, GiB; ``B``/``iB`` ok)."""
    from filinglint.linter.source import MAX_FILE_BYTES

    cleaned = text.strip().upper().removesuffix("B").removesuffix("I")
    number, unit = (cleaned[:-1], cleaned[-1]) if cleaned[-1:] in "KMG" else (cleaned, "")
    if not number.isascii() or not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 500K, 50M or 1G")
    value = int(number) * _UNITS[unit]
    if value > MAX_FILE_BYTES:
        raise argparse.ArgumentTypeError(
            f"{text!r} is above the largest file filinglint reads ({MAX_FILE_BYTES // 1048576}M)"
        )
    return value


def _iso_date(text: str) -> str:
    """A ``YYYY-MM-DD`` date, checked; argparse turns a ValueError into a usage error."""
    import datetime

    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def split_selectors(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())
