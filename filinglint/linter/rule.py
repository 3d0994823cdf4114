"""What a rule is: metadata, visitors over AST node kinds, and its documentation.

A rule module defines ``RULE = Rule(...)``; the module docstring is the rule's
documentation (what it checks, why it matters, example, how to fix), so
``filinglint rule CODE`` and the docs can never drift from the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filinglint.linter.context import Context


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    visitors: dict[str, Callable[[Context, object], None]] = field(default_factory=dict)
    docs: str = ""
    fixable: bool = False
    family: str = ""
