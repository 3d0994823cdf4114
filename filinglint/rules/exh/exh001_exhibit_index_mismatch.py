"""## What it does
Compares the exhibit list under the exhibit item (Schedule TO Item 12, Schedule 13E-3
Item 16, Schedule 14D-9 Item 9: the item is recognised by its title, "Exhibits" or
"Materials to be Filed as Exhibits") with the Index to Exhibits: every exhibit must
appear in both, with the same description (whitespace and line wraps do not count) and
markers of the same meaning. The same marker always agrees with itself; different
markers agree when the legends governing their lists give them one meaning. A list's
legend is the one under it ("*  Filed herewith.", "+  Previously filed."), else the
other list's, never assumed. When the item says it is "amended and supplemented by
adding" exhibits, only the exhibits it lists are required in the index. Entries that
name no document ("(b) Not applicable.") may appear in one list only. Numbered exhibits
("107  Filing Fee Table", "99.1") are compared like the lettered Regulation M-A codes;
subsection headings of the item ("(a) Exhibits.", "(b) Filing Fee Exhibit.") are not
exhibits. One finding per disagreeing exhibit, on the index entry, with the item's
entry as a related location.

## Why it matters
Item 1016 of Regulation M-A requires every exhibit to be filed and listed. Two lists
that disagree leave readers (and the SEC staff) unsure which document was filed, whether
an exhibit is new or incorporated by reference, and which title is right.

## Example
```
ITEM 12  Exhibits.
         (a)(1)(C)  Form Notice of Guaranteed Delivery.+
...
                               INDEX TO EXHIBITS
       (a)(1)(C)        Form of Notice of Guaranteed Delivery.+
```

## Fix
Safe, and only inside a complete submission that attaches the exhibit (a document of
type `EX-99.(A)(5)(B)` for `(a)(5)(B)`): the attachment settles that the exhibit is filed
herewith, so the one list whose marker says otherwise gets its own legend's "filed
herewith" marker (or loses its marker, where the legend marks only earlier filings).
Titles are never fixed: which wording is right is for the filer to say.

## How to fix
Make the two entries identical: same code, same title word for word, same marker.
Add an exhibit that is missing from either list.
"""

from __future__ import annotations

from filinglint.linter.ast import ExhibitEntry, ExhibitList, Filing
from filinglint.linter.context import Context
from filinglint.linter.diagnostics import Fix
from filinglint.linter.query.exhibits import (
    by_code,
    exhibit_index,
    exhibit_item,
    filed_herewith,
    herewith_markers,
    is_placeholder,
    list_name,
    marker_meanings,
    markers_agree,
    marks_previous_only,
)
from filinglint.linter.query.form import MA_SCHEDULES
from filinglint.linter.query.submission import attached_exhibits, is_complete
from filinglint.linter.rule import Rule

_QUOTE_LIMIT = 90


def check(ctx: Context, filing: Filing) -> None:
    item, index = exhibit_item(filing), exhibit_index(filing)
    if item is None or index is None:
        return
    name = list_name(item)
    in_item = by_code(item)
    in_index = by_code(index)
    for code, entry in in_index.items():
        other = in_item.get(code)
        if other is None:
            if item.mode == "complete" and not is_placeholder(entry):
                ctx.report(
                    entry.span,
                    f"exhibit {entry.code} is in the Index to Exhibits but not in {name}",
                    hint=f"add it to {name} or remove it from the index",
                )
            continue
        problems = _differences(filing, item, other, index, entry)
        if problems:
            ctx.report(
                entry.span,
                f"exhibit {entry.code} differs between {name} and the index: "
                + "; ".join(problems),
                hint=f"make the {name} entry and the index entry identical",
                related=[(other.span, f"{name} entry for {other.code}")],
                fix=_attached_marker_fix(ctx, filing, code, (item, other), (index, entry)),
            )
    for code, entry in in_item.items():
        if code not in in_index and not is_placeholder(entry):
            ctx.report(
                entry.span,
                f"exhibit {entry.code} is listed in {name} but missing from the Index to Exhibits",
                hint="add it to the index",
                related=[(index.span, "Index to Exhibits")],
            )


def _normal(text: str) -> str:
    return " ".join(text.split())


def _differences(
    filing: Filing, item: ExhibitList, listed: ExhibitEntry, index: ExhibitList, entry: ExhibitEntry
) -> list[str]:
    name = list_name(item)
    problems = []
    ours, theirs = _normal(entry.description), _normal(listed.description)
    if ours != theirs:
        problems.append(_describe_words(name, theirs, ours))
    if not markers_agree(filing, (item, listed), (index, entry)):
        item_meaning = marker_meanings(filing, item, listed)
        index_meaning = marker_meanings(filing, index, entry)
        problems.append(
            f"marker {_show_markers(listed, item_meaning)} in {name} but "
            f"{_show_markers(entry, index_meaning)} in the index"
        )
    return problems


def _attached_marker_fix(ctx: Context, filing: Filing, code: str, *listed) -> Fix | None:
    """Where the submission attaches the exhibit, it is filed herewith: the filing settles
    which list's marker is wrong, and that marker becomes its governing legend's "filed
    herewith" marker (or none, where that legend marks only exhibits filed before)."""
    submission = ctx.submission
    if submission is None or not is_complete(submission):
        return None
    if code not in attached_exhibits(submission):
        return None
    wrong = [
        (exhibits, entry)
        for exhibits, entry in listed
        if not filed_herewith(filing, exhibits, entry)
    ]
    if len(wrong) != 1:
        return None
    exhibits, entry = wrong[0]
    if len(entry.markers) != 1 or len(entry.marker_spans) != 1:
        return None
    herewith = herewith_markers(filing, exhibits)
    if len(herewith) == 1:
        marker = herewith[0]
    elif not herewith and marks_previous_only(filing, exhibits):
        marker = ""
    else:
        return None
    span = entry.marker_spans[0]
    edit = ctx.edit(span.start, span.end, marker, expect=entry.markers[0])
    if edit is None:
        return None
    shown = f'"{marker}"' if marker else "no marker"
    return ctx.fix(f"mark {entry.code} in {list_name(exhibits)} as filed herewith ({shown})", edit)


def _show_markers(entry: ExhibitEntry, meanings: frozenset[str]) -> str:
    if not entry.markers:
        return "none"
    shown = " ".join(f'"{m}"' for m in entry.markers)
    words = sorted(m for m in meanings if m not in entry.markers)
    return f"{shown} ({'; '.join(words)})" if words else shown


def _describe_words(name: str, item_text: str, index_text: str) -> str:
    """Say which words differ, quoting both titles when they are short enough."""
    import difflib

    a, b = item_text.split(), index_text.split()
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "delete":
            changes.append(f'{name} has extra "{" ".join(a[i1:i2])}"')
        elif op == "insert":
            changes.append(f'{name} lacks "{" ".join(b[j1:j2])}"')
        elif op == "replace":
            changes.append(
                f'{name} has "{" ".join(a[i1:i2])}" where the index has "{" ".join(b[j1:j2])}"'
            )
    summary = ", ".join(changes[:3]) + (f" and {len(changes) - 3} more" if len(changes) > 3 else "")
    if len(item_text) <= _QUOTE_LIMIT and len(index_text) <= _QUOTE_LIMIT:
        return f'title "{index_text}" in the index but "{item_text}" in {name} ({summary})'
    return f"title words differ ({summary})"


RULE = Rule(
    code="EXH001",
    name="exhibit-index-mismatch",
    severity="error",
    summary="the exhibit item's list and the Index to Exhibits disagree",
    docs=__doc__,
    visitors={"filing": check},
    forms=MA_SCHEDULES,
    fix="safe",
)
