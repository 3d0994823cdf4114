"""Every case file under tests/rules/cases/<CODE>/, linted with only its rule selected.

``pass-*`` cases must give no finding of the rule and ``fail-*`` cases at least one, checked
here independently of the snapshots; the findings must also equal the case's snapshot
(``FILINGLINT_UPDATE_SNAPSHOTS=1`` rewrites the snapshots instead). Every rule has at least
one case of each kind, except the rules in ``EXEMPT``, which say why.
"""

from __future__ import annotations

import pytest

from filinglint.linter.registry import all_rules
from tests.rules.casefiles import (
    CASES,
    EXEMPT,
    FIXED,
    KINDS,
    SNAPSHOT,
    UPDATE_COMMAND,
    all_cases,
    case_folders,
    concise,
    fix_case,
    lint_case,
    snapshot_text,
    updating,
)

CASE_LIST = all_cases()
EXTENSIONS = (".txt", ".htm", ".xml", ".docx")  # .xml: EDGAR XML forms (24F-2NT)


@pytest.mark.parametrize("case", CASE_LIST, ids=[case.id for case in CASE_LIST])
def test_case_reports_exactly_what_its_kind_says(case):
    found = lint_case(case)
    shown = "\n".join(concise(d) for d in found) or "(nothing)"
    assert {d.code for d in found} <= {case.code}, f"{case.id}: findings of other rules:\n{shown}"
    if case.kind == "pass":
        assert not found, f"{case.id} must give no {case.code} finding, but gave:\n{shown}"
    else:
        assert found, f"{case.id} must give at least one {case.code} finding, but gave none"


@pytest.mark.parametrize("case", CASE_LIST, ids=[case.id for case in CASE_LIST])
def test_case_matches_its_snapshot(case):
    actual = snapshot_text(lint_case(case))
    stale = not case.snapshot.is_file() or case.snapshot.read_text(encoding="utf-8") != actual
    if updating() and stale:
        case.snapshot.write_text(actual, encoding="utf-8")
    assert case.snapshot.is_file(), f"{case.id} has no snapshot: run {UPDATE_COMMAND}"
    expected = case.snapshot.read_text(encoding="utf-8")
    assert actual == expected, f"{case.id} differs from its snapshot: review, then {UPDATE_COMMAND}"


FIXABLE = [c for c in CASE_LIST if c.kind == "fail" and any(d.fix for d in lint_case(c))]


@pytest.mark.parametrize("case", FIXABLE, ids=[case.id for case in FIXABLE])
def test_fixes_remove_their_findings_and_match_the_fixed_snapshot(case):
    """A fail case whose findings carry fixes: applied, they leave no such finding."""
    outcome = fix_case(case)
    assert outcome.changed and outcome.fixed, f"{case.id}: its fixes changed nothing"
    fixed = {(d.message, d.line) for d in outcome.fixed}
    again = {(d.message, d.line) for d in outcome.remaining}
    assert not fixed & again, f"{case.id}: a fixed finding is still reported"
    assert all(d.fix is None for d in outcome.remaining), f"{case.id}: a fix was not applied"
    if updating() and (not case.fixed.is_file() or case.fixed.read_bytes() != outcome.after):
        case.fixed.write_bytes(outcome.after)
    assert case.fixed.is_file(), f"{case.id} has no {FIXED} snapshot: run {UPDATE_COMMAND}"
    assert outcome.after == case.fixed.read_bytes(), f"{case.id}: fixed text differs from {FIXED}"


def test_fixable_rules_have_fixed_cases():
    fixable = {rule.code for rule in all_rules() if rule.fixable}
    covered = {case.code for case in FIXABLE}
    assert fixable <= covered, f"rules that fix without a fixed case: {sorted(fixable - covered)}"


def test_every_rule_has_pass_and_fail_cases():
    codes = {rule.code for rule in all_rules()}
    assert set(EXEMPT) <= codes, f"exempt codes that are no rule: {sorted(set(EXEMPT) - codes)}"
    folders = {folder.name for folder in case_folders()}
    assert folders <= codes, f"case folders naming no rule: {sorted(folders - codes)}"
    missing = []
    for code in sorted(codes - set(EXEMPT)):
        kinds = {case.kind for case in CASE_LIST if case.code == code}
        missing += [f"{code}: no {kind}-* case" for kind in KINDS if kind not in kinds]
    assert not missing, f"every rule needs cases in {CASES.name}/<CODE>/:\n" + "\n".join(missing)


def test_case_folders_hold_only_cases_and_their_snapshots():
    cases = {case.path for case in CASE_LIST}
    stray = []
    for folder in case_folders():
        for path in sorted(folder.iterdir()):
            if path.name.endswith((SNAPSHOT, FIXED)):
                suffix = SNAPSHOT if path.name.endswith(SNAPSHOT) else FIXED
                if path.with_name(path.name.removesuffix(suffix)) not in cases:
                    if updating():
                        path.unlink()  # the case is gone: so is its snapshot
                        continue
                    stray.append(f"{path.relative_to(CASES)}: snapshot of no case")
            elif path.name.partition("-")[0] not in KINDS or path.suffix not in EXTENSIONS:
                stray.append(
                    f"{path.relative_to(CASES)}: not pass-*/fail-* .txt, .htm, .xml or .docx"
                )
    assert not stray, "\n".join(stray)
