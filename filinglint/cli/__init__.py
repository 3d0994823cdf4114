"""The ``filinglint`` command: argument parsing, file walking, checking and printing.

Exit codes: 0 no finding at or above the fail level; 1 at least one; 2 a usage or
configuration error, or an input that could not be read (the other inputs are still
checked). ``arguments`` defines the command line, ``walk`` finds the files, ``check``
runs ``filinglint check`` (fixes included), ``inspect`` the other commands and
``output`` prints.
"""

from __future__ import annotations

import sys

from filinglint.cli.output import EXIT_CLEAN, EXIT_ERROR, Progress

__all__ = ["Progress", "main"]
_Progress = Progress  # the name tests and older callers used


def main(argv: list[str] | None = None) -> int:
    from filinglint.cli.arguments import build_parser
    from filinglint.cli.check import run_check
    from filinglint.cli.inspect import run_config, run_parse, run_rule, run_rules, run_version

    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    commands = {
        "check": run_check,
        "config": run_config,
        "parse": run_parse,
        "rules": run_rules,
        "rule": run_rule,
        "version": run_version,
        "scan": _scan_command,
        "report": _scan_command,
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


def _scan_command(args) -> int:
    """``scan`` and ``report`` live in ``filinglint.scan`` (the optional ``scan`` extra)."""
    from filinglint.scan import cli

    return cli.run_scan(args) if args.command == "scan" else cli.run_report(args)
