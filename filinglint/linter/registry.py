"""The table of rules: discovered from ``filinglint/rules/<prefix>/<code>_<name>.py`` modules.

Adding a rule means adding its module (and tests); nothing here changes. Selection
(``--select``/``--ignore`` by code, name or code prefix) is resolved once into a list
before any file is checked.
"""

from __future__ import annotations

import importlib
import os
from functools import cache

from filinglint.linter.rule import Rule

RULES_PACKAGE = "filinglint.rules"
_RULES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "rules")


class SelectionError(ValueError):
    """A --select/--ignore entry that names no rule."""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code; each module's docstring becomes its docs."""
    rules: list[Rule] = []
    for family in sorted(os.listdir(_RULES_DIR)):
        family_dir = os.path.join(_RULES_DIR, family)
        if not os.path.isdir(family_dir) or family.startswith(("_", ".")):
            continue
        for filename in sorted(os.listdir(family_dir)):
            if not filename.endswith(".py") or filename.startswith("_"):
                continue
            module = importlib.import_module(f"{RULES_PACKAGE}.{family}.{filename[:-3]}")
            rule: Rule = module.RULE
            object.__setattr__(rule, "docs", (module.__doc__ or "").strip())
            object.__setattr__(rule, "family", family)
            rules.append(rule)
    rules.sort(key=lambda r: r.code)
    return tuple(rules)


def find_rule(key: str) -> Rule | None:
    """A rule by exact code or name (case-insensitive for codes)."""
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None


def _matches(rule: Rule, selector: str) -> bool:
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    return rule.name == selector.lower() or rule.code.startswith(selector.upper())


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules chosen by selectors; raises SelectionError for a selector matching nothing."""
    rules = all_rules()
    for selector in (select or []) + (ignore or []):
        if not any(_matches(rule, selector) for rule in rules):
            raise SelectionError(f"unknown rule or prefix {selector!r}")
    chosen = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in chosen if not any(_matches(r, s) for s in ignore or [])]
