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


def render(fmt, diagnostics, sources, show_source: bool, color: bool) -> str:
    from filinglint.linter.report import get_reporter

    render = get_reporter(fmt)
    if fmt == "full":
        return render(diagnostics, sources if show_source else {}, color=color)
    if fmt == "concise":
        return render(diagnostics, sources, color=color)
    return render(diagnostics, sources)


def report(args, output_format: str, diagnostics, sources, show_source: bool) -> None:
    if args.statistics and output_format in ("full", "concise", "grouped"):
        write(statistics(diagnostics))
        return
    write(render(output_format, diagnostics, sources, show_source, use_color(args.color)))


def statistics(diagnostics) -> str:
    """Findings per rule, most frequent first, as ruff's --statistics prints them."""
    counts: dict[tuple[str, str], int] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.name)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{count:5d}  {code:7} {name}\n" for (code, name), count in rows)


def write_file(target: str, text: str) -> None:
    """Write an output file atomically, so a CI step never reads half a report."""
    directory = os.path.dirname(os.path.abspath(target))
    os.makedirs(directory, exist_ok=True)
    temporary = f"{target}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, target)
