"""## What it does
On a Schedule TO cover, checks the transaction-type boxes: exactly one of the two
tender-offer boxes — third-party tender offer (Rule 14d-1) or issuer tender offer
(Rule 13e-4) — must be checked, on a cover that has both boxes (an 8-K's "Rule
13e-4(c)" pre-commencement box is not one of them). Going-private (Rule 13e-3) and
amendment to Schedule 13D (Rule 13d-2) may be checked in addition. A cross-border box
(Rule 13e-4(i) or Rule 14d-1(d)) must agree with the tender-offer type. A box mark that
is neither clearly checked nor clearly empty is reported as unreadable. Which boxes
exist and which combinations are legal comes from the form spec
(`schema/forms/schedule-to.json`).

## Why it matters
The boxes tell EDGAR, the SEC staff and the market which rules govern the offer (Rule
13e-4 for issuers, Regulation 14D for bidders). None or both checked makes the filing
ambiguous about its own legal basis.

## Example
```
|_|  third-party tender offer subject to Rule 14d-1.
|_|  issuer tender offer subject to Rule 13e-4.
```
Neither tender-offer box is checked.

## Options
`allowed-combinations` (`[tool.filinglint.transaction-type-count]`): a list of role sets
(`third-party-tender-offer`, `issuer-tender-offer`, `going-private`, `amendment-to-13d`)
that may be checked together; when set, it replaces the exactly-one-of rule.

## How to fix
Check the one box that describes the offer: issuer if the company is buying its own
shares, third-party otherwise. Mark boxes plainly (`|X|`, `[X]`, `☒`; `|_|`, `[ ]`, `☐`).
"""

from __future__ import annotations

from filinglint.linter.ast import BoxGroup
from filinglint.linter.context import Context
from filinglint.linter.query.cover import (
    box_group,
    box_text,
    checked_roles,
    unreadable_boxes,
    unreadable_message,
)
from filinglint.linter.query.form import group_spec
from filinglint.linter.rule import Rule

_CROSS_BORDER_NEEDS = {
    "cross-border-issuer": "issuer-tender-offer",
    "cross-border-third-party": "third-party-tender-offer",
}


def check(ctx: Context, group: BoxGroup) -> None:
    if group.group not in ("transaction-type", "cross-border"):
        return  # another form's boxes
    for box in unreadable_boxes(group):
        message, hint = unreadable_message(box)
        ctx.report(box.mark_span, message, hint=hint)
    if group.group == "cross-border":
        _check_cross_border(ctx, group)
        return
    allowed = ctx.options.get("allowed-combinations")
    if allowed is not None:
        _check_allowed(ctx, group, allowed)
        return
    exactly_one = group_spec(group.group).get("exactly_one_of")
    if not exactly_one:
        return
    choices = [b for b in group.boxes if b.role in exactly_one]
    if {b.role for b in choices} != set(exactly_one):
        return  # not a Schedule TO cover: it lacks one of the tender-offer boxes
    checked = [b for b in choices if b.state == "checked"]
    unreadable = [b for b in choices if b.state == "unreadable"]
    if len(checked) == 1 or (unreadable and len(checked) < 2):
        return
    if not checked:
        message = (
            "no tender-offer box is checked: exactly one of third-party tender offer"
            " (Rule 14d-1) and issuer tender offer (Rule 13e-4) must be"
        )
    else:
        message = (
            "both tender-offer boxes are checked: a statement is either a third-party"
            " tender offer (Rule 14d-1) or an issuer tender offer (Rule 13e-4)"
        )
    ctx.report(
        group.span,
        message,
        hint="check the issuer box if the company buys its own shares, otherwise third-party",
        related=[(b.mark_span, box_text(b)) for b in choices],
    )


def _check_allowed(ctx: Context, group: BoxGroup, allowed: list[list[str]]) -> None:
    """The configured combinations replace the form spec's exactly-one-of rule."""
    if any(b.state == "unreadable" for b in group.boxes):
        return
    checked = {b.role for b in group.boxes if b.state == "checked"}
    if any(checked == set(combination) for combination in allowed):
        return
    shown = ", ".join(sorted(checked)) or "none"
    ctx.report(
        group.span,
        f"checked transaction boxes ({shown}) are not a combination allowed by the"
        " configuration (transaction-type-count.allowed-combinations)",
        hint="check one of the allowed combinations of boxes",
    )


def _check_cross_border(ctx: Context, group: BoxGroup) -> None:
    types = box_group(ctx.filing, "transaction-type")
    if types is None:
        return
    checked = checked_roles(types)
    for box in group.boxes:
        needed = _CROSS_BORDER_NEEDS.get(box.role or "")
        if box.state == "checked" and needed and needed not in checked:
            kind = needed.replace("-", " ").replace("tender offer", "tender-offer")
            ctx.report(
                box.mark_span,
                f"cross-border box {box_text(box)!r} is checked but the {kind} box is not",
                hint="a cross-border exemption must match the type of tender offer checked",
            )


# The roles a configured combination may name: the form spec's transaction-type group.
TRANSACTION_ROLES = tuple(group_spec("transaction-type").get("roles", ()))

RULE = Rule(
    code="BOX001",
    name="transaction-type-count",
    severity="error",
    summary="exactly one tender-offer type box (14d-1 or 13e-4) must be checked",
    docs=__doc__,
    visitors={"box_group": check},
    forms=("SC TO-*",),
    options={
        "allowed-combinations": {
            "type": ["array", "null"],
            "default": None,
            "description": "Sets of transaction-type box roles that may be checked together;"
            " replaces the form spec's exactly-one-of rule.",
            "items": {
                "type": "array",
                "uniqueItems": True,
                "items": {"enum": list(TRANSACTION_ROLES)},
            },
        }
    },
)
