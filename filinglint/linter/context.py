"""What a rule's check receives besides the node: the filing, and a way to report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from filinglint.linter.ast import Filing, Span, Submission
from filinglint.linter.diagnostics import Diagnostic, Location

if TYPE_CHECKING:
    from filinglint.linter.rule import Rule


class Context:
    """Per-file state for one walk; ``report`` turns a span into a Diagnostic."""

    __slots__ = ("diagnostics", "filing", "options", "path", "rule", "submission")

    def __init__(self, path: str, filing: Filing, options: dict | None = None) -> None:
        self.path = path
        self.filing = filing
        self.options = options or {}
        self.diagnostics: list[Diagnostic] = []
        self.rule: Rule | None = None
        self.submission: Submission | None = None  # set when the file is a submission

    def report(
        self,
        span: Span,
        message: str,
        *,
        hint: str | None = None,
        related: list[tuple[Span, str]] = (),
    ) -> None:
        rule = self.rule
        assert rule is not None, "report() is only valid while a rule runs"
        self.diagnostics.append(
            Diagnostic(
                code=rule.code,
                name=rule.name,
                severity=rule.severity,
                message=message,
                path=self.path,
                line=span.line,
                column=span.column,
                end_line=span.end_line,
                end_column=span.end_column,
                hint=hint,
                related=tuple(
                    Location(
                        path=self.path,
                        line=where.line,
                        column=where.column,
                        end_line=where.end_line,
                        end_column=where.end_column,
                        message=text,
                    )
                    for where, text in related
                ),
                fix=None,
            )
        )
