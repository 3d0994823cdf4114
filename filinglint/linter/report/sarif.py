"""SARIF 2.1.0, the static-analysis format GitHub code scanning and IDEs import.

Every rule goes in ``tool.driver.rules`` (with its docs as help), so a viewer can explain
a finding without filinglint installed. Regions use our own 1-based, end-exclusive,
code-point columns, which is exactly what SARIF means with
``columnKind: unicodeCodePoints``. ``partialFingerprints`` carry the line-independent
fingerprint of ``linter/fingerprint.py`` so code scanning tracks a finding across edits.
"""

from __future__ import annotations

import json
import re

from filinglint import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/filinglint/filinglint"
HELP_URI = INFORMATION_URI + "/blob/main/docs/rules/{code}.md"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A path as a URI: relative ones percent-encoded with ``/``, absolute ones ``file:``."""
    from pathlib import Path
    from urllib.parse import quote

    local = Path(path)
    if local.is_absolute():
        return local.as_uri()
    return quote(local.as_posix(), safe="/")


def first_paragraph(docs: str, heading: str = "What it does") -> str:
    """The first paragraph under ``## heading`` of a rule's docs, joined into one line."""
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?:\n\s*\n|\n## |\Z)", docs, re.M | re.S)
    return " ".join(match.group(1).split()) if match else ""


def _rule(rule) -> dict:
    summary = rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": first_paragraph(rule.docs) or summary},
        "help": {"text": rule.docs or summary, "markdown": rule.docs or summary},
        "helpUri": HELP_URI.format(code=rule.code),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.family] if rule.family else []},
    }


def _physical(path: str, line: int, column: int, end_line: int, end_column: int) -> dict:
    return {
        "artifactLocation": {"uri": artifact_uri(path)},
        "region": {
            "startLine": line,
            "startColumn": column,
            "endLine": end_line,
            "endColumn": end_column,
        },
    }


def _result(diagnostic, rule_index: dict[str, int], fingerprint: str) -> dict:
    from filinglint.linter.fingerprint import FINGERPRINT_VERSION

    d = diagnostic
    result: dict = {"ruleId": d.code}
    if d.code in rule_index:
        result["ruleIndex"] = rule_index[d.code]
    result["level"] = LEVELS.get(d.severity, "warning")
    result["message"] = {"text": d.message}
    result["locations"] = [
        {"physicalLocation": _physical(d.path, d.line, d.column, d.end_line, d.end_column)}
    ]
    if d.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": _physical(r.path, r.line, r.column, r.end_line, r.end_column),
                "message": {"text": r.message},
            }
            for number, r in enumerate(d.related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_VERSION: fingerprint}
    if d.fix is not None:
        result["fixes"] = [_fix(d.path, d.fix)]
    return result


def _fix(path: str, fix) -> dict:
    """A SARIF fix: the edits as replacements of regions of the one file they change."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": edit.line,
                "startColumn": edit.column,
                "endLine": edit.end_line,
                "endColumn": edit.end_column,
            },
            "insertedContent": {"text": edit.content},
        }
        for edit in fix.edits
    ]
    return {
        "description": {"text": f"{fix.message} ({fix.safety} fix)"},
        "artifactChanges": [
            {"artifactLocation": {"uri": artifact_uri(path)}, "replacements": replacements}
        ],
    }


def render(diagnostics, sources) -> str:
    from filinglint.linter.fingerprint import fingerprints
    from filinglint.linter.registry import all_rules

    diagnostics = list(diagnostics)
    rules = all_rules()
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    results = [
        _result(d, rule_index, fingerprint)
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True)
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "filinglint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"
