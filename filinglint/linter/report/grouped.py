"""Findings grouped under their file, positions aligned (like ruff's ``grouped`` format).

For reading many findings across several filings: the path is printed once, so each
finding line is short and the codes line up in a column a reviewer can scan.
"""

from __future__ import annotations

from filinglint.linter.report import line_mark, printable


def render(diagnostics, sources) -> str:
    groups: dict[str, list] = {}
    for diagnostic in diagnostics:
        groups.setdefault(diagnostic.path, []).append(diagnostic)
    blocks = []
    for path, group in groups.items():
        mark = line_mark(path)
        line_width = max(len(f"{mark}{d.line}") for d in group)
        column_width = max(len(str(d.column)) for d in group)
        lines = [f"{printable(path)}:"]
        for d in group:
            position = f"{mark + str(d.line):>{line_width}}:{d.column:<{column_width}}"
            lines.append(f"  {position} {d.code} [{d.name}] {printable(d.message)}")
        blocks.append("\n".join(lines) + "\n\n")
    return "".join(blocks)
