"""What a rule is: everything about it, declared once in its own module.

A rule module (``filinglint/rules/<prefix>/<code>_<name>.py``) defines
``RULE = Rule(...)`` with its code, name, severity, summary, the AST node kinds it
visits (a check per kind), its options with their JSON Schema, the forms it applies
to, what its fixes are (none, or ``safe``/``unsafe`` as ruff means them) and its docs
(the module docstring). The rest of the code learns about rules only from these
declarations: the engine indexes visitors by kind, the configuration schema is
generated from the options, ``filinglint rule`` and ``docs/rules/`` print the docs.

A declaration is checked when it is made, so a rule that visits a node kind the AST
does not have, declares an option without a schema, or lacks a docs section fails at
import (and the registry test imports every rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from filinglint.linter.ast import node_kinds

if TYPE_CHECKING:
    from filinglint.linter.context import Context

Severity = Literal["error", "warning", "info"]
FixSafety = Literal["none", "safe", "unsafe"]
SEVERITIES = ("error", "warning", "info")
FIX_SAFETIES = ("none", "safe", "unsafe")
DOC_SECTIONS = ("## What it does", "## Why it matters", "## Example", "## How to fix")
_CODE = re.compile(r"([A-Z]{2,4})(\d{3})")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class RuleDeclarationError(ValueError):
    """A rule declared inconsistently; raised when its module is imported."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule's declaration; immutable once made.

    ``visitors`` maps AST node kinds (``"fee_table"``, ``"date_mention"``…) to checks
    ``check(ctx, node)``. An empty mapping marks a rule the engine reports itself (the
    internal-error rule). ``options`` maps an option name (as written under
    ``[tool.filinglint.<rule-name>]``) to its JSON Schema, which must give a
    ``default``. ``forms`` lists the EDGAR form types the rule applies to (empty: all).
    ``fix`` is the safety of the fixes the rule offers (``none`` when it offers none); a
    rule declared ``unsafe`` may mark a fix safe where the filing settles it, and its
    docs' ``## Fix`` section says when.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    docs: str
    visitors: Mapping[str, Callable[[Context, object], None]] = field(default_factory=dict)
    options: Mapping[str, Mapping] = field(default_factory=dict)
    forms: tuple[str, ...] = ()
    fix: FixSafety = "none"

    def __post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise RuleDeclarationError(f"rule {self.code or '?'}: " + "; ".join(problems))
        object.__setattr__(self, "visitors", MappingProxyType(dict(self.visitors)))
        object.__setattr__(
            self,
            "options",
            MappingProxyType({k: MappingProxyType(dict(v)) for k, v in self.options.items()}),
        )
        object.__setattr__(self, "docs", (self.docs or "").strip())

    def _problems(self):
        if not _CODE.fullmatch(self.code):
            yield f"code {self.code!r} is not PREFIX + three digits"
        if not _NAME.fullmatch(self.name):
            yield f"name {self.name!r} is not lower-case words joined by hyphens"
        if self.severity not in SEVERITIES:
            yield f"severity {self.severity!r} is not one of {', '.join(SEVERITIES)}"
        if self.fix not in FIX_SAFETIES:
            yield f"fix {self.fix!r} is not one of {', '.join(FIX_SAFETIES)}"
        unknown = sorted(set(self.visitors) - node_kinds())
        if unknown:
            yield f"visits node kinds the AST does not have: {', '.join(unknown)}"
        for kind, check in self.visitors.items():
            if not callable(check):
                yield f"the visitor for {kind!r} is not callable"
        for option, schema in self.options.items():
            if not _NAME.fullmatch(option):
                yield f"option {option!r} is not lower-case words joined by hyphens"
            if "default" not in schema or not ({"type", "enum"} & set(schema)):
                yield f"option {option!r} needs a JSON Schema with a type and a default"
        docs = self.docs or ""
        missing = [section for section in DOC_SECTIONS if section not in docs]
        if missing:
            yield f"docs lack {', '.join(missing)}"
        if self.options and "## Options" not in docs:
            yield "docs lack ## Options although the rule has options"

    @property
    def prefix(self) -> str:
        """The code's letters: ``FEE`` for ``FEE001``; also the rule's folder, lower-cased."""
        return _CODE.fullmatch(self.code).group(1)  # type: ignore[union-attr]

    @property
    def family(self) -> str:
        """The folder under ``filinglint/rules/`` that holds the rule (``fee``)."""
        return self.prefix.lower()

    @property
    def fixable(self) -> bool:
        return self.fix != "none"

    def option_defaults(self) -> dict:
        """Every option at its declared default."""
        return {name: schema["default"] for name, schema in self.options.items()}
