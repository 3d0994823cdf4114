"""The typed AST every rule reads: what a filing says, with where it says it.

Nodes are frozen pydantic models so the AST has a published JSON Schema and a JSON
form (``filinglint parse --json``). The builder creates them with ``model_construct``
(values are already parsed and typed there), so no validation runs in the hot path and
model schemas are only built when something serialises them (``defer_build``).

Spans are 1-based; ``end_column`` is the column just after the last character, as in
SARIF regions, so a one-character span has ``end_column == column + 1``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

BoxState = Literal["checked", "unchecked", "unreadable"]


class Span(BaseModel):
    """Where a node's text stands in the file the user opened."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    line: int
    column: int
    end_line: int
    end_column: int


class Node(BaseModel):
    """Base of every AST node: a kind tag (for unambiguous JSON) and a span."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    span: Span


class Money(Node):
    """An amount of US dollars as written, e.g. ``$2,500,000`` with its markers."""

    kind: Literal["money"] = "money"
    amount: Decimal
    text: str
    markers: list[str] = []


class FeeRate(Node):
    """The fee rate a filing states, as a fraction of the valuation (0.0000809)."""

    kind: Literal["fee_rate"] = "fee_rate"
    value: Decimal
    text: str


class Note(Node):
    """A marked note: a fee-table footnote or a marker-legend entry (``*  Filed herewith.``)."""

    kind: Literal["note"] = "note"
    marker: str
    text: str


class LabeledValue(Node):
    """A ``Label: value`` pair, e.g. ``Amount Previously Paid: Not Applicable``."""

    kind: Literal["labeled_value"] = "labeled_value"
    label: str
    value: str


class CheckBox(Node):
    """One box with its label; ``role`` comes from the form spec's label patterns."""

    kind: Literal["check_box"] = "check_box"
    mark: str
    mark_span: Span
    state: BoxState
    label: str
    role: str | None = None
    fields: list[LabeledValue] = []


class BoxGroup(Node):
    """Boxes of one form-spec group (e.g. transaction type), wherever they stand."""

    kind: Literal["box_group"] = "box_group"
    group: str
    boxes: list[CheckBox]


class FeeTable(Node):
    """The CALCULATION OF FILING FEE table with its footnotes."""

    kind: Literal["fee_table"] = "fee_table"
    valuation: Money | None = None
    fee: Money | None = None
    rate: FeeRate | None = None
    notes: list[Note] = []


class CoverField(Node):
    """A cover-page value with the caption printed under it."""

    kind: Literal["cover_field"] = "cover_field"
    caption: str
    value: str


class CoverPage(Node):
    """The first page: title, amendment number, captioned fields, fee table, boxes."""

    kind: Literal["cover_page"] = "cover_page"
    title: str | None = None
    form: str | None = None
    amendment_number: int | None = None
    amendment_span: Span | None = None
    subject_company: CoverField | None = None
    filing_persons: CoverField | None = None
    class_title: CoverField | None = None
    cusip: CoverField | None = None
    notice_person: CoverField | None = None
    fee_table: FeeTable | None = None
    boxes: list[CheckBox] = []
    box_groups: list[BoxGroup] = []


class ExhibitEntry(Node):
    """One exhibit: code, description (wrapped lines joined) and trailing markers."""

    kind: Literal["exhibit_entry"] = "exhibit_entry"
    code: str
    description: str
    markers: list[str] = []
    code_span: Span


class ExhibitList(Node):
    """Item 12's list or the Index to Exhibits, with the legend that follows it.

    ``mode`` is ``supplement`` when Item 12 says it only adds the exhibits it lists.
    """

    kind: Literal["exhibit_list"] = "exhibit_list"
    source: Literal["item-12", "index"]
    mode: Literal["complete", "supplement"] = "complete"
    entries: list[ExhibitEntry] = []
    legend: list[Note] = []


class ItemSection(Node):
    """An ITEM heading (``ITEMS 1, 4 AND 11``) and the lines it governs."""

    kind: Literal["item_section"] = "item_section"
    numbers: list[int]
    heading: str


class DateMention(Node):
    """A calendar date written in the text, kept even when no such day exists.

    ``role`` says what the date is for when the sentence around it tells
    (``original-filing``, ``amendment-filing``, ``signature``, ``expiration``,
    ``previous-expiration``); ``amendment_number`` goes with ``amendment-filing``.
    """

    kind: Literal["date_mention"] = "date_mention"
    text: str
    year: int
    month: int
    day: int
    weekday: str | None = None
    value: datetime.date | None = None
    role: str | None = None
    amendment_number: int | None = None
    time: str | None = None


class Signature(Node):
    """The signature block: who signed, as what, and when."""

    kind: Literal["signature"] = "signature"
    signer: str | None = None
    name: str | None = None
    title: str | None = None
    date: DateMention | None = None


class Filing(Node):
    """The root: one document of a filing."""

    kind: Literal["filing"] = "filing"
    cover: CoverPage
    items: list[ItemSection] = []
    exhibit_lists: list[ExhibitList] = []
    signatures: list[Signature] = []
    dates: list[DateMention] = []


def iter_nodes(node: Node):
    """Every node below and including ``node`` once, parents before children.

    A node reachable twice (a box in ``cover.boxes`` and in a box group) is yielded the
    first time only, so a rule visiting it reports once.
    """
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        children: list[Node] = []
        for name in type(current).model_fields:
            value = getattr(current, name)
            if isinstance(value, Node):
                children.append(value)
            elif isinstance(value, list) and value and isinstance(value[0], Node):
                children.extend(value)
        stack.extend(reversed(children))
