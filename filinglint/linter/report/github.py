"""GitHub Actions workflow commands, so findings appear as annotations on the diff.

One ``::error|warning|notice file=...,line=...::message`` line per finding. GitHub parses
these from a step's stdout; values are escaped as its runner does (``%``, CR, LF in the
message; additionally ``:`` and ``,`` in property values) so no text from a filing can
end a command early or forge another one.
"""

from __future__ import annotations

from filinglint.linter.report import printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """GitHub's escapes for CR, LF and %, then other controls made visible (the runner
    prints annotation text into the job log, which renders terminal escapes)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped, one_line=False)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(diagnostic) -> str:
    properties = {
        "file": diagnostic.path,
        "line": diagnostic.line,
        "col": diagnostic.column,
        "endLine": diagnostic.end_line,
        "endColumn": diagnostic.end_column,
        "title": f"{diagnostic.code} [{diagnostic.name}]",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    kind = COMMANDS.get(diagnostic.severity, "warning")
    return f"::{kind} {joined}::{escape_data(diagnostic.message)}"


def render(diagnostics, sources) -> str:
    return "".join(command(d) + "\n" for d in diagnostics)
