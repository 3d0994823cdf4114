"""The cover page's box groups and what is checked in them."""

from __future__ import annotations

import re

from filinglint.linter.ast import BoxGroup, CheckBox, CoverPage, Filing, LabeledValue


def box_group(filing: Filing, group: str) -> BoxGroup | None:
    """The cover's boxes of one form-spec group (``transaction-type``, ``cross-border``)."""
    return next((g for g in filing.cover.box_groups if g.group == group), None)


def checked_roles(group: BoxGroup | None) -> set[str]:
    """The roles of the group's checked boxes (none for a missing group)."""
    if group is None:
        return set()
    return {box.role for box in group.boxes if box.state == "checked" and box.role}


def box_text(box: CheckBox, limit: int = 60) -> str:
    """A box's label on one line, cut to ``limit`` characters, for messages."""
    text = " ".join(box.label.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def unreadable_boxes(group: BoxGroup) -> list[CheckBox]:
    """The group's boxes whose mark is neither clearly checked nor clearly empty."""
    return [box for box in group.boxes if box.state == "unreadable"]


def unreadable_message(box: CheckBox) -> tuple[str, str]:
    """(message, hint) for a box mark that cannot be read."""
    return (
        f"box mark {box.mark!r} before {box_text(box)!r} cannot be read as checked or unchecked",
        "mark a checked box as |X|, [X] or ☒ and an empty one as |_|, [ ] or ☐",
    )


def cover_boxes(cover: CoverPage, role: str) -> list[CheckBox]:
    """The cover's boxes of one role, in order."""
    return [box for box in cover.boxes if box.role == role]


_OFFSET_FIELDS = (
    ("amount", re.compile(r"amount\s+previously\s+paid", re.IGNORECASE)),
    ("form", re.compile(r"form\s+or\s+registration", re.IGNORECASE)),
    ("party", re.compile(r"filing\s+party", re.IGNORECASE)),
    ("date", re.compile(r"date\s+filed", re.IGNORECASE)),
)
_NOTHING = re.compile(r"(?:not\s+applicable|n/?a|none|inapplicable|-+|—)?\.?", re.IGNORECASE)


def offset_fields(box: CheckBox) -> dict[str, LabeledValue]:
    """The Rule 0-11(a)(2) offset fields written under the offset box, by what they are
    (``amount``, ``form``, ``party``, ``date``)."""
    found: dict[str, LabeledValue] = {}
    for field in box.fields:
        for key, pattern in _OFFSET_FIELDS:
            if key not in found and pattern.search(field.label):
                found[key] = field
                break
    return found


def says_nothing(value: str) -> bool:
    """An empty field, or one that says "Not applicable", "N/A", "None", "—"."""
    return _NOTHING.fullmatch(value.strip()) is not None
