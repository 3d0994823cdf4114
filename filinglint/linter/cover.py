"""The cover page: title, amendment number, captioned fields, fee table and boxes.

Read from the grammar's ``cover`` node (see ``parse.FilingReader``), whose parts are
already the named groups: prose lines, captioned fields, boxes, trailing boxes and the
fee table.

Box roles come from the form specs (``schema/forms/*.json``), so which boxes a form's
cover has is data with its source, not code. The spec of the form the title names is
tried first, then the others: their labels differ, so a cover whose title was not read
(or a Schedule 13E-3 filed under a Schedule TO header) still gets its boxes' roles.
"""

from __future__ import annotations

import re
from functools import cache

from lark import Token

from filinglint.linter import values
from filinglint.linter.ast import (
    AmendmentMention,
    BoxGroup,
    CheckBox,
    CoverField,
    CoverPage,
    LabeledValue,
    merge_spans,
)
from filinglint.linter.fee_table import build_fee_table
from filinglint.linter.place import Place
from filinglint.linter.query.form import form_specs, spec_for
from filinglint.linter.registration_fee import (
    build_registration_fee_table,
    is_registration_table,
)
from filinglint.linter.runs import Run, end_offset, last_token, line_span, piece, token_span

MAX_LABEL_LINES = 3  # a box that ends a sentence takes at most this many lines above it


@cache
def _box_roles(form: str | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The label patterns of every form spec, the spec of ``form`` first."""
    own = spec_for(form)
    ordered = ([own] if own is not None else []) + [s for s in form_specs() if s is not own]
    return tuple(
        (box["role"], re.compile(box["label"], re.IGNORECASE))
        for spec in ordered
        for box in spec["boxes"]
    )


def box_role(label: str, form: str | None = None) -> str | None:
    """The role the first matching label pattern gives (see ``_box_roles``)."""
    for role, pattern in _box_roles(form):
        if pattern.search(label):
            return role
    return None


_FIELD = re.compile(r"([A-Z][A-Za-z .]{2,40}?):\s+(\S.*?)(?=\s{2,}[A-Z][A-Za-z .]{2,40}?:\s|\s*$)")
_CAPTION_KINDS = (
    ("cusip", re.compile(r"CUSIP", re.IGNORECASE)),
    ("notice_person", re.compile(r"Receive\s+Notices|Person\s+Authori[sz]ed", re.IGNORECASE)),
    # Schedule 13E-3 names the subject company "the Issuer"
    (
        "subject_company",
        re.compile(r"Subject\s+Company|Name\s+of\s+(?:the\s+)?Issuer\)", re.IGNORECASE),
    ),
    ("class_title", re.compile(r"Titles?\s+of\s+Class", re.IGNORECASE)),
    (
        "filing_persons",
        re.compile(r"Filing\s+Persons?|Persons?\s+Filing\s+(?:the\s+)?Statement", re.IGNORECASE),
    ),
)


def _build_boxes(place: Place, run: Run, form: str | None) -> list[CheckBox]:
    """The boxes of a box line: usually one, two or more in a two-column layout.

    "[X] third-party tender offer …     [ ] going-private transaction …" holds two boxes;
    a further mark counts when a wide gap (two or more spaces) comes before it. Wrapped
    lines are cut at the same columns, so each box keeps its own words; ``Label: value``
    fields are read for a single box only.
    """
    head: Token = run.tokens[0]
    line = head.value.rstrip()
    marks = head.info.marks
    edges = [*head.info.starts[1:], None]  # a box's label ends where the next box starts
    labels: list[list] = []
    for (start, mark), end in zip(marks, edges, strict=True):
        labels.append([piece(head, start + len(mark), end)])
    fields: list[LabeledValue] = []
    if len(marks) == 1:
        fields = _continuation(place, run.tokens[1:], labels[0])
    else:
        for token in run.tokens[1:]:
            lefts = [0, *edges[:-1]]
            for pieces, left, right in zip(labels, lefts, edges, strict=True):
                pieces.append(piece(token, left, right))
    boxes = []
    for index, ((start, mark), end) in enumerate(zip(marks, edges, strict=True)):
        label = " ".join(text for text, _ in labels[index] if text)
        last = index + 1 == len(marks)
        boxes.append(
            CheckBox(
                span=token_span(place, head, run.tokens[-1])
                if len(marks) == 1
                else line_span(place, head, start, end or len(line)),
                mark=mark,
                mark_span=line_span(place, head, start, start + len(mark)),
                state=values.box_state(mark),
                label=label,
                role=box_role(label, form),
                fields=tuple(fields) if last else (),
            )
        )
    return boxes


def _continuation(place: Place, tokens: list[Token], pieces: list) -> list[LabeledValue]:
    """Add wrapped label lines to ``pieces``; return the ``Label: value`` fields."""
    fields: list[LabeledValue] = []
    pieces[:] = [p for p in pieces if p[0]]
    for token in tokens:
        found = list(_FIELD.finditer(token.value)) if len(token.value) < 200 else []
        if found and found[0].start() - (len(token.value) - len(token.value.lstrip())) == 0:
            for item in found:
                fields.append(
                    LabeledValue(
                        span=line_span(place, token, item.start(), item.end()),
                        label=item.group(1).strip(),
                        value=item.group(2).strip(),
                    )
                )
        else:
            pieces.append(piece(token))
    return fields


def _build_trailing_box(
    place: Place, token: Token, lines: list[Token], form: str | None
) -> CheckBox:
    """A box that ends its line; its label is that line and up to 3 TEXT lines above it."""
    before: list[Token] = []
    for line in reversed(lines):
        if line.type != "TEXT" or len(before) == MAX_LABEL_LINES:
            break
        before.insert(0, line)
    start, mark = token.info
    own = token.value[:start].strip(" \t:")
    label = " ".join([t.value.strip() for t in before] + [own])
    first = before[0] if before else token
    return CheckBox(
        span=token_span(place, first, token),
        mark=mark,
        mark_span=line_span(place, token, start, start + len(mark)),
        state=values.box_state(mark),
        label=label,
        role=box_role(label, form),
    )


def _form_name(title: Token | None, amendment: int | None) -> str | None:
    """The EDGAR form type the title names: ``SCHEDULE TO-I`` of an amendment is SC TO-I/A."""
    if title is None:
        return None
    form = title.info.form
    if title.info.amended or amendment is not None:
        form += "/A"
    return form


def build_cover(place: Place, parts: list) -> CoverPage:
    """The cover page from the grammar's ``cover`` node: its prose lines, boxes and fee table.

    The title and the amendment are the first TITLE and AMENDMENT lines; a caption's
    field and a trailing box's label are the prose lines right above them, which the
    grammar has already put in the same node.
    """
    title = amendment = amendment_span = None
    fields: dict[str, CoverField] = {}
    fee_table = None
    registration = None
    boxes: list[CheckBox] = []
    for part in parts:
        kind = part.type
        form = title.info.form if title is not None else None
        if kind == "box":
            boxes.extend(_build_boxes(place, part, form))
            continue
        if kind == "fee_table":
            if is_registration_table(part):
                if registration is None:
                    registration = build_registration_fee_table(place, part)
            elif fee_table is None:
                fee_table = build_fee_table(place, part)
            continue
        if kind == "lines":
            lines = part.tokens
        elif kind == "captioned":
            lines = part.tokens[0].tokens
            _read_caption(place, part.tokens[1], lines, fields)
        elif kind == "trailing_box":
            lines = part.tokens[0].tokens if len(part.tokens) == 2 else []
            boxes.append(_build_trailing_box(place, part.tokens[-1], lines, form))
        else:
            continue
        for token in lines:
            if token.type == "TITLE" and title is None:
                title = token
            elif token.type == "AMENDMENT" and amendment is None:
                amendment, start, end = token.info
                amendment_span = line_span(place, token, start, end)
    groups = _box_groups(boxes)
    end_token = last_token(parts[-1]) if parts else None
    return CoverPage(
        span=place.span(0, end_offset(end_token) if end_token is not None else 0),
        title=title.value.strip() if title is not None else None,
        form=_form_name(title, amendment),
        amendment_number=amendment,
        amendment_span=amendment_span,
        fee_table=fee_table,
        registration_fee_table=registration,
        boxes=tuple(boxes),
        box_groups=tuple(groups),
        **fields,
    )


def _read_caption(
    place: Place, caption: Run, lines: list[Token], fields: dict[str, CoverField]
) -> None:
    """The field a caption names (the first kind its words match that is still unset)."""
    caption_text = " ".join(t.value for t in caption.tokens)
    for name, pattern in _CAPTION_KINDS:
        if pattern.search(caption_text) and name not in fields:
            fields[name] = CoverField(
                span=token_span(place, lines[0], lines[-1]),
                caption=" ".join(t.value.strip() for t in caption.tokens),
                value=" ".join(t.value.strip() for t in lines),
            )
            break


def _box_groups(boxes: list[CheckBox]) -> list[BoxGroup]:
    """The boxes of each group of every form spec (a box's role names one form's box)."""
    groups = []
    for group in (group for spec in form_specs() for group in spec["groups"]):
        members = [b for b in boxes if b.role in group["roles"]]
        if members:
            groups.append(
                BoxGroup(
                    span=merge_spans([b.span for b in members]),
                    group=group["id"],
                    boxes=tuple(members),
                )
            )
    return groups


# What the prose says about the amendment numbers: "This Amendment No. 3 to the Tender
# Offer Statement …" (``this``) and "… as amended by Amendment No. 1 … and Amendment
# No. 2 …" (``previous``), the latter only in a paragraph that says what it amends
# ("hereby amends", "amends and supplements") and names the Schedule TO or the Tender
# Offer Statement. One pass of one expression over the whole text, bounded look-arounds.
_AMENDMENT = re.compile(
    r"\bAmendments?\s+Nos?\.?\s*(?P<first>" + values.GROUPED_NUMBER + r")\b"
    r"(?P<more>(?:\s*(?:,|and|through|to|-|–)\s*(?:No\.?\s*)?" + values.GROUPED_NUMBER + r"\b)*)",
    re.IGNORECASE,
)
_NUMBERS = re.compile(values.GROUPED_NUMBER)  # "2,726": a separator, not a list
_THIS_BEFORE = re.compile(r"\bthis\s+[\"“]?$", re.IGNORECASE)
_THIS_AFTER = re.compile(
    r"\s+(?:to\s+(?:the\s+)?(?:Tender\s+Offer\s+Statement|Schedule\s+TO)\b|amends\b"
    r"|is\s+being\s+filed\b)|[\"”]\s*\)",
    re.IGNORECASE,
)
_AMENDED_BY = re.compile(
    r"\bamended(?:\s+and\s+(?:supplemented|restated))?\s+(?:previously\s+)?by\s+$",
    re.IGNORECASE,
)
_CHAINED = re.compile(r"(?:,\s*(?:and\s+)?|\band\s+)(?:by\s+)?$", re.IGNORECASE)
_PREVIOUS_AFTER = re.compile(
    r"\s*(?:thereto\b|to\s+(?:the\s+)?(?:Tender\s+Offer\s+Statement|Schedule\s+TO)\b"
    r"|filed\b|[,;.()]|and\b)",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_AMENDS = re.compile(r"\bamends\b|\bhereby\s+amend", re.IGNORECASE)
_STATEMENT = re.compile(r"Schedule\s+TO\b|Tender\s+Offer\s+Statement", re.IGNORECASE)
_LOOKBACK = 1200  # how far back the paragraph's "amends … Schedule TO" is looked for
_CHAIN_GAP = 300  # the most text between two amendments of one list


def build_amendment_mentions(text: str, place: Place) -> list[AmendmentMention]:
    """The amendment numbers the text gives this filing and the amendments before it."""
    found: list[AmendmentMention] = []
    last_previous_end = -1
    for match in _AMENDMENT.finditer(text):
        start, end = match.start(), match.end()
        before = text[max(0, start - 60) : start]
        after = text[end : end + 60]
        numbers = [int(n.replace(",", "")) for n in _NUMBERS.findall(match.group("more"))]
        numbers.insert(0, int(match.group("first").replace(",", "")))
        span = place.span(start, end)
        if _THIS_BEFORE.search(before) and _THIS_AFTER.match(after):
            if len(numbers) == 1:
                found.append(AmendmentMention(span=span, number=numbers[0], role="this"))
            continue
        chained = (
            last_previous_end >= 0
            and start - last_previous_end <= _CHAIN_GAP
            and _CHAINED.search(before) is not None
            and _PARAGRAPH.search(text, last_previous_end, start) is None
        )
        if not (_AMENDED_BY.search(before) or chained) or not _PREVIOUS_AFTER.match(after):
            continue
        if not chained and not _introduces(text, start):
            continue
        if "through" in match.group("more").lower() or "-" in match.group("more"):
            numbers = list(range(numbers[0], max(numbers) + 1))
        for number in numbers:
            found.append(AmendmentMention(span=span, number=number, role="previous"))
        last_previous_end = end
    return found


def _introduces(text: str, start: int) -> bool:
    """Whether the paragraph up to ``start`` says what it amends and names the statement."""
    window_start = max(0, start - _LOOKBACK)
    paragraph_start = window_start
    for brk in _PARAGRAPH.finditer(text, window_start, start):
        paragraph_start = brk.end()
    window = text[paragraph_start:start]
    return _AMENDS.search(window) is not None and _STATEMENT.search(window) is not None
