"""The default human format: headline, code frame with the span underlined, hint, related."""

from __future__ import annotations

from filinglint.linter.report.concise import RESET, SEVERITY_COLORS, headline

CONTEXT_LINES = 2
MAX_SPAN_LINES = 6


def _frame(source, diagnostic, color: bool) -> list[str]:
    first = max(1, diagnostic.line - CONTEXT_LINES)
    last_marked = min(diagnostic.end_line, diagnostic.line + MAX_SPAN_LINES - 1)
    width = len(str(last_marked))
    gutter = " " * width + " |"
    out = [gutter]
    for number in range(first, last_marked + 1):
        text = source.line(number).replace("\t", " ")
        out.append(f"{number:>{width}} | {text}".rstrip())
        if number < diagnostic.line:
            continue
        start = (
            diagnostic.column if number == diagnostic.line else len(text) - len(text.lstrip()) + 1
        )
        end = diagnostic.end_column if number == diagnostic.end_line else len(text.rstrip()) + 1
        end = max(end, start + 1)
        carets = "^" * (end - start)
        if color:
            carets = f"{SEVERITY_COLORS[diagnostic.severity]}{carets}{RESET}"
        out.append(f"{gutter} {' ' * (start - 1)}{carets}")
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
            lines.append(f"  = hint: {diagnostic.hint}")
        for where in diagnostic.related:
            lines.append(f"  = related: {where.path}:{where.line}:{where.column}: {where.message}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
