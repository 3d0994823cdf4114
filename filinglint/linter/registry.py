"""The table of rules: discovered from ``filinglint/rules/<prefix>/<code>_<name>.py``.

Adding a rule means adding its module (and its case files); nothing here changes. The
folder is the code's prefix and the file name starts with the code, so
``filinglint rule FEE001`` is ``rules/fee/fee001_fee_mismatch.py``; a module in the
wrong place, or two rules with one code or name, fail at discovery (and so in a test).
Selection (``--select``/``--ignore`` by code, name or code prefix) is resolved once
into a list before any file is checked.
"""

from __future__ import annotations

import importlib
import os
from functools import cache

from filinglint.linter.rule import Rule, RuleDeclarationError

RULES_PACKAGE = "filinglint.rules"
_RULES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "rules")


class SelectionError(ValueError):
    """A --select/--ignore entry that names no rule."""


def _rule_modules() -> list[tuple[str, str]]:
    """(folder, module file stem) of every rule module, in a stable order."""
    found = []
    for folder in sorted(os.listdir(_RULES_DIR)):
        folder_dir = os.path.join(_RULES_DIR, folder)
        if not os.path.isdir(folder_dir) or folder.startswith(("_", ".")):
            continue
        for filename in sorted(os.listdir(folder_dir)):
            if filename.endswith(".py") and not filename.startswith("_"):
                found.append((folder, filename[:-3]))
    return found


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code, each checked against where its module stands."""
    rules: list[Rule] = []
    for folder, stem in _rule_modules():
        module = importlib.import_module(f"{RULES_PACKAGE}.{folder}.{stem}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise RuleDeclarationError(f"rules/{folder}/{stem}.py defines no RULE = Rule(...)")
        if folder != rule.family or not stem.startswith(rule.code.lower() + "_"):
            raise RuleDeclarationError(
                f"rules/{folder}/{stem}.py declares {rule.code}: it belongs in "
                f"rules/{rule.family}/{rule.code.lower()}_….py"
            )
        rules.append(rule)
    rules.sort(key=lambda r: r.code)
    for key in ("code", "name"):
        values = [getattr(r, key) for r in rules]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise RuleDeclarationError(f"two rules share the {key} {', '.join(duplicates)}")
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
