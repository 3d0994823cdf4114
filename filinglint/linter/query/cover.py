"""The cover page's box groups and what is checked in them."""

from __future__ import annotations

from filinglint.linter.ast import BoxGroup, Filing


def box_group(filing: Filing, group: str) -> BoxGroup | None:
    """The cover's boxes of one form-spec group (``transaction-type``, ``cross-border``)."""
    return next((g for g in filing.cover.box_groups if g.group == group), None)


def checked_roles(group: BoxGroup | None) -> set[str]:
    """The roles of the group's checked boxes (none for a missing group)."""
    if group is None:
        return set()
    return {box.role for box in group.boxes if box.state == "checked" and box.role}
