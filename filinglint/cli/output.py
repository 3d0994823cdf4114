"""Printing: findings in the chosen format, statistics, progress, errors, output files."""

from __future__ import annotations

import os
import sys

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def escape(text: str) -> str:
    """Multi-line text (a diff) safe for a terminal: see ``report.printable``."""
    from filinglint.linter.report import printable

    return printable(text, one_line=False)


def error(message: str) -> None:
    """One line on stderr; a file name in it cannot break the line or drive the terminal."""
    from filinglint.linter.report import printable

    print(f"filinglint: error: {printable(message)}", file=sys.stderr)


def warning(message: str) -> None:
    """One warning line on stderr (the run goes on; the exit code does not change)."""
    from filinglint.linter.report import printable

    print(f"filinglint: warning: {printable(message)}", file=sys.stderr)


def write(text: str) -> None:
    if text:
        sys.stdout.write(text)


class Progress:
    """A one-line progress count on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.shown = False

    def update(self, files: int, findings: int) -> None:
        if self.enabled:
            sys.stderr.write(
                f"\rfilinglint: {files} file{'s' if files != 1 else ''} checked, "
                f"{findings} finding{'s' if findings != 1 else ''}"
            )
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


def render(fmt, diagnostics, sources, show_source: bool, color: bool) -> str:
    from filinglint.linter.report import get_reporter

    render = get_reporter(fmt)
    if fmt == "full":
        return render(diagnostics, sources if show_source else {}, color=color)
    if fmt == "concise":
        return render(diagnostics, sources, color=color)
    return render(diagnostics, sources)


def report(args, output_format: str, diagnostics, sources, show_source: bool) -> None:
    """The findings on stdout, or with ``--statistics`` their counts per rule: a JSON
    array for ``json`` (one object a line for ``json-lines``), else ruff's text table."""
    if args.statistics:
        if output_format == "json":
            import json

            write(json.dumps(statistics_rows(diagnostics), indent=2) + "\n")
        elif output_format == "json-lines":
            import json

            write("".join(json.dumps(row) + "\n" for row in statistics_rows(diagnostics)))
        else:
            write(statistics(diagnostics))
        return
    write(render(output_format, diagnostics, sources, show_source, use_color(args.color)))


def statistics_rows(diagnostics) -> list[dict]:
    """Findings per rule, most frequent first: code, name, count, and whether a fix is
    offered for them (``fixable``), as ruff's ``--statistics --output-format json``."""
    counts: dict[tuple[str, str], list[int]] = {}
    for diagnostic in diagnostics:
        row = counts.setdefault((diagnostic.code, diagnostic.name), [0, 0])
        row[0] += 1
        row[1] += diagnostic.fix is not None
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
    return [
        {"code": code, "name": name, "count": count, "fixable": fixable > 0}
        for (code, name), (count, fixable) in ordered
    ]


def statistics(diagnostics) -> str:
    """Findings per rule, most frequent first, as ruff's --statistics prints them."""
    return "".join(
        f"{row['count']:5d}  {row['code']:7} {row['name']}\n"
        for row in statistics_rows(diagnostics)
    )


def write_file(target: str, text: str) -> bool:
    """Write an output file (``linter/writing.py``: atomically, through a symbolic link,
    in place on a device); False, after one error line, when it cannot be written."""
    from filinglint.linter.writing import WriteError, write_file

    try:
        write_file(target, text.encode("utf-8"), make_parents=True)
    except WriteError as exc:
        error(str(exc))
        return False
    return True
