"""Check one source: build its AST, walk it once, and collect every rule's findings.

A rule that raises does not end the run: its exception becomes an internal-error
diagnostic for that file, and the other rules still report.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from filinglint.linter.ast import Filing, Span, iter_nodes
from filinglint.linter.context import Context
from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.registry import find_rule
from filinglint.linter.rule import Rule
from filinglint.linter.source import Source

_NO_OPTIONS: dict = {}
INTERNAL_ERROR = "internal-error"
NOT_UTF8 = "non-utf8-text"
UNDECODABLE = "undecodable-bytes"
BINARY_DOCUMENT = "binary-document"


class Engine:
    """Rules indexed by the node kinds they visit, ready to check many files."""

    def __init__(
        self,
        rules: list[Rule],
        options: dict[str, dict] | None = None,
        severity: dict[str, str] | None = None,
    ) -> None:
        """``options`` maps a rule name to its options; ``severity`` a code to a severity."""
        severity = severity or {}
        rules = [
            replace(rule, severity=severity[rule.code]) if rule.code in severity else rule
            for rule in rules
        ]
        self.rules = rules
        self.options = options or {}
        self.visitors: dict[str, list[tuple[Rule, object]]] = defaultdict(list)
        for rule in rules:
            for kind, visitor in rule.visitors.items():
                self.visitors[kind].append((rule, visitor))

    def check(self, source: Source) -> list[Diagnostic]:
        from filinglint.linter.documents import build_root

        context = Context(source.path, filing=None)  # type: ignore[arg-type]
        for note in source.notes:
            name = UNDECODABLE if note.severity == "error" else NOT_UTF8
            line, column = source.position(note.offset)
            self._engine_report(
                context,
                name,
                Span(line=line, column=column, end_line=line, end_column=column + 1),
                note.message,
            )
        try:
            root, skipped = build_root(source)
        except Exception as exc:  # a builder bug must not end the run
            self._internal_error(context, "the parser", exc)
            return _finish(context.diagnostics)
        for span, message in skipped:
            self._engine_report(context, BINARY_DOCUMENT, span, message)
        if isinstance(root, Filing):
            context.filing = root
        else:
            context.submission = root
        visitors = self.visitors
        options = self.options
        for node in iter_nodes(root):
            if node.kind == "filing":
                context.filing = node  # rules see the document they are in
            for rule, visitor in visitors.get(node.kind, ()):
                context.rule = rule
                context.options = options.get(rule.name, _NO_OPTIONS)
                try:
                    visitor(context, node)  # type: ignore[operator]
                except Exception as exc:
                    self._internal_error(context, f"rule {rule.name}", exc)
        return _finish(context.diagnostics)

    def _engine_report(self, context: Context, name: str, span: Span, message: str) -> None:
        rule = next((r for r in self.rules if r.name == name), None)
        if rule is None and name == INTERNAL_ERROR:
            rule = find_rule(name)  # a crash is reported even where the rule is not selected
        if rule is None:
            return
        context.rule = rule
        context.report(span, message)

    def _internal_error(self, context: Context, where: str, exc: Exception) -> None:
        span = Span(line=1, column=1, end_line=1, end_column=1)
        message = f"{where} failed: {type(exc).__name__}: {exc}; please report this bug"
        self._engine_report(context, INTERNAL_ERROR, span, message)


def _finish(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.sort_key(), d.end_line, d.end_column): d for d in diagnostics}
    return [unique[key] for key in sorted(unique)]
