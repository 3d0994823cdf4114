"""What a rule's check receives besides the node: the document, options, and a way to report.

``report`` is where a node's span (offsets into the opened file) becomes the lines and
columns a diagnostic shows, through the file's one line index (``Source.lines_of``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from filinglint.linter.ast import Filing, Span, Submission
from filinglint.linter.diagnostics import Diagnostic, Edit, Fix, Location

if TYPE_CHECKING:
    from filinglint.linter.rule import Rule
    from filinglint.linter.source import Source


class Context:
    """Per-file state for one walk; ``report`` turns a span into a Diagnostic.

    ``filing`` is the document being walked (in a submission, the one the node is in);
    ``submission`` the whole submission when the file is one.
    """

    __slots__ = ("diagnostics", "filing", "options", "rule", "severity", "source", "submission")

    def __init__(self, source: Source) -> None:
        self.source = source
        self.filing: Filing | None = None
        self.submission: Submission | None = None
        self.options: dict = {}
        self.diagnostics: list[Diagnostic] = []
        self.rule: Rule | None = None
        self.severity: str | None = None  # the configured severity, else the rule's

    @property
    def path(self) -> str:
        return self.source.path

    def edit(self, start: int, end: int, content: str, *, expect: str) -> Edit | None:
        """Replace the file's characters ``start``–``end`` by ``content``.

        ``expect`` is the text the rule read there; where the file says something else
        at those offsets (an HTML entity, markup between the characters), there is no
        edit: a fix must never touch text the rule did not read.
        """
        if not 0 <= start <= end <= len(self.source.text):
            return None
        if self.source.text[start:end] != expect:
            return None
        line, column, end_line, end_column = self.source.lines_of(Span(start=start, end=end))
        return Edit(
            start=start,
            end=end,
            content=content,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )

    def fix(self, message: str, *edits: Edit, safe: bool = False) -> Fix:
        """A fix of the running rule's declared safety (``Rule.fix``); ``safe=True`` marks
        one the filing itself settles (a rule's docs say when it does)."""
        rule = self.rule
        assert rule is not None and rule.fix != "none", "only a rule that declares fixes fixes"
        safety = "safe" if safe else rule.fix
        return Fix(message=message, safety=safety, edits=edits)  # type: ignore[arg-type]

    def report(
        self,
        span: Span,
        message: str,
        *,
        hint: str | None = None,
        related: list[tuple[Span, str]] = (),
        fix: Fix | None = None,
    ) -> None:
        rule = self.rule
        assert rule is not None, "report() is only valid while a rule runs"
        lines_of = self.source.lines_of
        line, column, end_line, end_column = lines_of(span)
        self.diagnostics.append(
            Diagnostic(
                code=rule.code,
                name=rule.name,
                severity=self.severity or rule.severity,  # type: ignore[arg-type]
                message=message,
                path=self.path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                hint=hint,
                related=tuple(
                    Location(path=self.path, **_positions(lines_of(where)), message=text)
                    for where, text in related
                ),
                fix=fix,
            )
        )


def _positions(lines: tuple[int, int, int, int]) -> dict[str, int]:
    line, column, end_line, end_column = lines
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
