"""## What it does
Checks that a Schedule TO or Schedule 13E-3 cover prints every box line its form
requires, each once. On a Schedule TO: the
preliminary-communications box, the four transaction boxes (third-party tender offer,
Rule 14d-1; issuer tender offer, Rule 13e-4; going-private transaction, Rule 13e-3;
amendment to Schedule 13D, Rule 13d-2) and the final-amendment box; the Rule 0-11(a)(2)
fee-offset box where the cover carries the fee table; and the two cross-border boxes
(Rule 13e-4(i), Rule 14d-1(d)) on a cover that prints either of them. On a Schedule
13E-3: the four boxes a to d of "This statement is filed in connection with". Which
lines are required, and since when, is data with its source (`required_boxes` in the
form's spec, `schema/forms/schedule-to.json`, `schema/forms/schedule-13e-3.json`).

Only a cover of one of those forms (by the submission header, the document's type or
the cover's title) whose boxes were read (at least three of the required lines
recognised) is judged. The cross-border boxes date from Release 33-8957
(effective 8 December 2008): a cover without either of them is taken to be the earlier
form and is not asked for them. Since the filing fee modernization (effective 31 January
2022) the fee table and the offset information are an exhibit, so a cover without the
fee table need not print the offset box.

## Why it matters
The cover's boxes tell the SEC staff and EDGAR's readers which rules the statement is
filed under. A box line that is left out cannot be checked, and one printed twice (often
a copy-and-paste slip that replaced another line) can be checked twice or in the wrong
place — either way the cover no longer says whether the offer is a third-party or an
issuer tender offer.

## Example
```
                                  SCHEDULE TO

[ ]  Check the box if the filing relates solely to preliminary communications
     made before the commencement of a tender offer.

Check the appropriate boxes below to designate any transactions to which the
statement relates:
[ ]  third-party tender offer subject to Rule 14d-1.
[X]  third-party tender offer subject to Rule 14d-1.
[ ]  going-private transaction subject to Rule 13e-3.
[ ]  amendment to Schedule 13D under Rule 13d-2.

Check the following box if the filing is a final amendment reporting the
results of the tender offer: [ ]
```
The third-party line is printed twice and the issuer line never.

## How to fix
Print each box line of the form once, in the form's words (17 CFR 240.14d-100,
240.13e-100), and check the boxes that apply.
"""

from __future__ import annotations

from filinglint.linter.ast import CheckBox, CoverPage, Span
from filinglint.linter.context import Context
from filinglint.linter.query.form import form_title, spec_for
from filinglint.linter.rule import Rule

MIN_READ = 3  # required lines recognised before the cover's boxes count as read


def check(ctx: Context, cover: CoverPage) -> None:
    form = ctx.filing.form_type or cover.form
    spec = spec_for(form)
    if spec is None or not spec.get("required_boxes"):
        return
    required = spec["required_boxes"]
    groups = {group["id"]: group["roles"] for group in spec["groups"]}
    cfr = spec["source"].split(" (")[0]
    by_role: dict[str, list[CheckBox]] = {}
    for box in cover.boxes:
        if box.role:
            by_role.setdefault(box.role, []).append(box)
    if sum(1 for line in required if line["role"] in by_role) < MIN_READ:
        return
    missing = []
    for line in required:
        boxes = by_role.get(line["role"], [])
        if len(boxes) > 1:
            ctx.report(
                boxes[1].span,
                f'the cover prints the "{line["text"]}" box line {_times(len(boxes))}',
                hint="print each box line of the form once; the repeated line may have"
                " replaced another",
                related=[(boxes[0].span, "the first time")],
            )
        if boxes or _optional(line, cover, by_role, groups):
            continue
        missing.append(line)
    if not missing:
        return
    for line in missing:
        ctx.report(
            _where(cover, line["role"], groups),
            f'the {form_title(form)} cover has no "{line["text"]}" box line',
            hint=f"print the box line as {cfr} gives it, checked or not",
        )


def _optional(
    line: dict, cover: CoverPage, by_role: dict[str, list[CheckBox]], groups: dict
) -> bool:
    if line.get("with_fee_table") and cover.fee_table is None:
        return True
    era = line.get("era")
    return bool(era) and not any(role in by_role for role in groups.get(era, ()))


def _where(cover: CoverPage, role: str, groups: dict[str, list[str]]) -> Span:
    """The boxes of the missing line's group where the cover has some, else the
    transaction boxes, else the cover's last box."""
    own = next((name for name, roles in groups.items() if role in roles), None)
    for wanted in (own, "transaction-type"):
        group = next((g for g in cover.box_groups if g.group == wanted), None)
        if group is not None:
            return group.span
    return cover.boxes[-1].span


def _times(count: int) -> str:
    return "twice" if count == 2 else f"{count} times"


RULE = Rule(
    code="BOX003",
    name="cover-box-missing",
    severity="error",
    summary="a box line the form's cover requires is missing or printed twice",
    docs=__doc__,
    visitors={"cover_page": check},
    forms=("SC TO-*", "SC 13E3"),
)
