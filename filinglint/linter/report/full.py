"""The default human format: headline, code frame with the span underlined, hint, related."""

from __future__ import annotations

from filinglint.linter.report import place, printable
from filinglint.linter.report.concise import RESET, SEVERITY_COLORS, headline

CONTEXT_LINES = 2
MAX_SPAN_LINES = 6
MAX_WIDTH = 120  # HTML documents and .nc submissions can have lines of 100,000 characters
LEAD = 40  # characters shown before the span's column when a line is cut


def _window(diagnostic, longest: int) -> tuple[int, int]:
    """The 0-based [start, end) of the columns shown, the same for every frame line."""
    if longest <= MAX_WIDTH:
        return 0, longest
    start = max(0, diagnostic.column - 1 - LEAD)
    return start, start + MAX_WIDTH


def _frame(source, diagnostic, color: bool) -> list[str]:
    first = max(1, diagnostic.line - CONTEXT_LINES)
    last_marked = min(diagnostic.end_line, diagnostic.line + MAX_SPAN_LINES - 1)
    width = len(str(last_marked))
    gutter = " " * width + " |"
    texts = {
        n: printable(source.line(n).replace("\t", " "), one_line=False)
        for n in range(first, last_marked + 1)
    }
    low, high = _window(diagnostic, max(len(t) for t in texts.values()))
    out = [gutter]
    for number, text in texts.items():
        shown = text[low:high]
        prefix = "…" if low > 0 and text else ""
        suffix = "…" if len(text) > high else ""
        out.append(f"{number:>{width}} | {prefix}{shown}{suffix}".rstrip())
        if number < diagnostic.line:
            continue
        start = (
            diagnostic.column if number == diagnostic.line else len(text) - len(text.lstrip()) + 1
        )
        end = diagnostic.end_column if number == diagnostic.end_line else len(text.rstrip()) + 1
        start, end = max(start, low + 1), min(max(end, start + 1), high + 1)
        if end <= start:
            continue
        carets = "^" * (end - start)
        if color:
            carets = f"{SEVERITY_COLORS[diagnostic.severity]}{carets}{RESET}"
        out.append(f"{gutter} {' ' * (start - 1 - low + len(prefix))}{carets}")
    if last_marked < diagnostic.end_line:
        out.append(f"{gutter} ... ({diagnostic.end_line - last_marked} more lines)")
    out.append(gutter)
    return out


def render(diagnostics, sources, color: bool = False) -> str:
    blocks = []
    for diagnostic in diagnostics:
        lines = [headline(diagnostic, color)]
        source = sources.get(diagnostic.path)
        if source is not None:
            lines.extend(_frame(source, diagnostic, color))
        if diagnostic.hint:
            lines.append(f"  = hint: {printable(diagnostic.hint)}")
        if diagnostic.fix is not None:
            how = "" if diagnostic.fix.safety == "safe" else " (unsafe: --fix --unsafe-fixes)"
            lines.append(f"  = fix: {printable(diagnostic.fix.message)}{how}")
        for where in diagnostic.related:
            location = place(where.path, where.line, where.column)
            lines.append(f"  = related: {location}: {printable(where.message)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
