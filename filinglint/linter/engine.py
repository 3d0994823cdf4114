"""Check one source: build its AST, walk it once, and collect every rule's findings.

The engine owns everything between "these rules are selected" and "these are the
findings": per-file ignores, severity overrides and rule options (defaults from each
rule's declaration, then the configuration's values) are applied here, not by the CLI.
A rule that raises does not end the run: its exception becomes an internal-error
diagnostic for that file, and the other rules still report.

Rules apply per form: a rule that declares ``forms`` is not run on a document whose
form is known (``Filing.form_type``; the submission header's type for the submission's
own nodes) and matches none of them (``query.form.applies``). A document whose form
nothing says is checked by every rule, as before forms were known.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from filinglint.linter.ast import Span, iter_nodes
from filinglint.linter.context import Context
from filinglint.linter.diagnostics import Diagnostic
from filinglint.linter.query.form import applies, normalize
from filinglint.linter.registry import find_rule, select_rules
from filinglint.linter.rule import Rule
from filinglint.linter.source import Source

if TYPE_CHECKING:
    from filinglint.linter.ast import Filing, Submission
    from filinglint.linter.config import Settings

INTERNAL_ERROR = "internal-error"
_Visitors = dict[str, list[tuple[Rule, object]]]


class Engine:
    """Rules indexed by the node kinds they visit, ready to check many files."""

    def __init__(
        self,
        rules: Iterable[Rule],
        options: Mapping[str, Mapping] | None = None,
        severity: Mapping[str, str] | None = None,
        per_file_ignores: Callable[[str], Iterable[str]] | None = None,
        form: str | None = None,
    ) -> None:
        """``options`` maps a rule name to its options; ``severity`` a code to a severity.

        ``per_file_ignores(path)`` gives the selectors (codes, names, prefixes) that are
        off for that path. ``form`` is the form a document is read as when nothing in the
        file says which it is (``--form``, the ``form`` setting).
        """
        self.rules = tuple(rules)
        self.form = form
        self._applies: dict[tuple[str, str | None], bool] = {}
        configured = options or {}
        for rule in self.rules:
            undeclared = sorted(set(configured.get(rule.name, {})) - set(rule.options))
            if undeclared:
                raise ValueError(f"rule {rule.name} has no option {', '.join(undeclared)}")
        self.options = {
            rule.name: {**rule.option_defaults(), **configured.get(rule.name, {})}
            for rule in self.rules
        }
        self.severity = {
            rule.code: (severity or {}).get(rule.code, rule.severity) for rule in self.rules
        }
        self._ignores = per_file_ignores
        self._tables: dict[frozenset[str], _Visitors] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Engine:
        """The engine a configuration describes: its rules, options, severities, ignores."""
        severity = {}
        for key, level in settings.severity:
            for rule in select_rules([key]):
                severity[rule.code] = level
        return cls(
            settings.rules(),
            options=settings.options(),
            severity=severity,
            per_file_ignores=settings.ignored_in,
            form=settings.form,
        )

    def _visitors(self, path: str) -> _Visitors:
        """The visitor table for ``path``: selected rules less its per-file ignores."""
        off: frozenset[str] = frozenset()
        if self._ignores is not None:
            selectors = list(self._ignores(path))
            if selectors:
                off = frozenset(rule.code for rule in select_rules(selectors))
        table = self._tables.get(off)
        if table is None:
            table = defaultdict(list)
            for rule in self.rules:
                if rule.code not in off:
                    for kind, visitor in rule.visitors.items():
                        table[kind].append((rule, visitor))
            self._tables[off] = table
        return table

    def check(self, source: Source, root: Filing | Submission | None = None) -> list[Diagnostic]:
        """The findings of ``source``; ``root`` is its AST when the caller built it already
        (``filinglint scan`` reads facts from the same tree, so it is built once)."""
        from filinglint.linter.documents import build_root

        context = Context(source)
        visitors = self._visitors(source.path)
        if root is None:
            try:
                root = build_root(source, self.form)
            except Exception as exc:  # a builder bug must not end the run
                self._internal_error(context, "the parser", exc)
                return _finish(context.diagnostics)
        if root.kind == "filing":
            context.filing = root  # type: ignore[assignment]
            form = root.form_type  # type: ignore[union-attr]
        else:
            context.submission = root  # type: ignore[assignment]
            header = root.header  # type: ignore[union-attr]
            form = normalize(header.submission_type) if header is not None else None
        options = self.options
        severity = self.severity
        for node in iter_nodes(root):
            if node.kind == "filing":
                context.filing = node  # type: ignore[assignment]  # rules see their document
                form = node.form_type  # type: ignore[attr-defined]
            for rule, visitor in visitors.get(node.kind, ()):
                if rule.forms and not self._rule_applies(rule, form):
                    continue
                context.rule = rule
                context.options = options[rule.name]
                context.severity = severity[rule.code]
                try:
                    visitor(context, node)  # type: ignore[operator]
                except Exception as exc:
                    self._internal_error(context, f"rule {rule.name}", exc)
        return _finish(context.diagnostics)

    def _rule_applies(self, rule: Rule, form: str | None) -> bool:
        key = (rule.code, form)
        found = self._applies.get(key)
        if found is None:
            found = self._applies[key] = applies(rule.forms, form)
        return found

    def _internal_error(self, context: Context, where: str, exc: Exception) -> None:
        """Report a crash, even where the internal-error rule is not selected."""
        rule = find_rule(INTERNAL_ERROR)
        assert rule is not None
        context.rule = rule
        context.severity = self.severity.get(rule.code, rule.severity)
        span = Span(start=0, end=0)
        message = f"{where} failed: {type(exc).__name__}: {exc}; please report this bug"
        context.report(span, message)


def _finish(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.sort_key(), d.end_line, d.end_column): d for d in diagnostics}
    return [unique[key] for key in sorted(unique)]
