"""GitLab Code Quality report (a JSON array), shown in merge requests and pipelines.

GitLab matches findings between the base and the merge request by ``fingerprint``, so
it must survive unrelated edits: it is the finding's stable fingerprint
(``linter/fingerprint.py``, which ignores line numbers) combined with the file's path,
because GitLab also requires it to be unique within one report and two copies of a
filing hold identical findings.
"""

from __future__ import annotations

import hashlib
import json

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def render(diagnostics, sources) -> str:
    from filinglint.linter.fingerprint import fingerprints

    diagnostics = list(diagnostics)
    issues = []
    for diagnostic, fingerprint in zip(
        diagnostics, fingerprints(diagnostics, sources), strict=True
    ):
        unique = hashlib.sha256(f"{diagnostic.path}\x1f{fingerprint}".encode()).hexdigest()
        issues.append(
            {
                "description": f"{diagnostic.code} [{diagnostic.name}] {diagnostic.message}",
                "check_name": diagnostic.code,
                "fingerprint": unique[:32],
                "severity": SEVERITIES.get(diagnostic.severity, "minor"),
                "location": {
                    "path": diagnostic.path,
                    "lines": {"begin": diagnostic.line, "end": diagnostic.end_line},
                },
            }
        )
    return json.dumps(issues, indent=2) + "\n"
