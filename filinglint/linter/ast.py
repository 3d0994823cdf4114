"""The typed AST every rule reads: what a filing says, with where it says it.

Nodes are slotted dataclasses, immutable by convention: creating one costs little, and
defining them imports nothing, so a pre-commit hook does not pay pydantic's start-up
(about 60 ms, measured in ``benchmarks/``) on every commit. pydantic v2 still owns the
edges: ``filinglint.linter.models`` builds TypeAdapters over these classes to validate,
serialise (``filinglint parse --json``) and publish the JSON Schema
(``schema/ast.schema.json``), so the schema is generated from these very classes.

One position model: a span is a pair of character offsets into the file the user opened
(end exclusive), whatever document of it the node comes from — an HTML document's nodes
point into its HTML source, a submission's documents into the submission — mapped while
the readers build the nodes (``linter/place.py``). Lines and columns are computed once,
from the file's line index, when a diagnostic is made (``Source.lines_of``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Literal

BoxState = Literal["checked", "unchecked", "unreadable"]
# Not frozen: generating frozen __setattr__/__delattr__ for every class costs ~5 ms of
# start-up (measured); nodes are still never mutated after the builder creates them,
# and every collection in them is a tuple.
_NODE = dict(slots=True, kw_only=True)


@dataclass(**_NODE)
class Span:
    """Where a node's text stands: offsets ``start``–``end`` (end exclusive) in the opened file."""

    start: int
    end: int


def merge_spans(spans: Iterable[Span]) -> Span:
    """The smallest span covering all of ``spans`` (a non-empty collection)."""
    spans = list(spans)
    return Span(start=min(s.start for s in spans), end=max(s.end for s in spans))


@dataclass(**_NODE)
class Node:
    """Base of every AST node: a kind tag (for unambiguous JSON) and a span."""

    span: Span


@dataclass(**_NODE)
class Money(Node):
    """An amount of US dollars as written, e.g. ``$2,500,000``, with its markers."""

    kind: Literal["money"] = "money"
    amount: Decimal
    text: str
    markers: tuple[str, ...] = ()


@dataclass(**_NODE)
class FeeRate(Node):
    """The fee rate a filing states, as a fraction of the valuation (0.0000809)."""

    kind: Literal["fee_rate"] = "fee_rate"
    value: Decimal
    text: str


@dataclass(**_NODE)
class Note(Node):
    """A marked note: a fee-table footnote or a marker-legend entry (``*  Filed herewith.``)."""

    kind: Literal["note"] = "note"
    marker: str
    text: str


@dataclass(**_NODE)
class LabeledValue(Node):
    """A ``Label: value`` pair, e.g. ``Amount Previously Paid: Not Applicable``."""

    kind: Literal["labeled_value"] = "labeled_value"
    label: str
    value: str


@dataclass(**_NODE)
class CheckBox(Node):
    """One box with its label; ``role`` comes from the form spec's label patterns."""

    kind: Literal["check_box"] = "check_box"
    mark: str
    mark_span: Span
    state: BoxState
    label: str
    role: str | None = None
    fields: tuple[LabeledValue, ...] = ()


@dataclass(**_NODE)
class BoxGroup(Node):
    """Boxes of one form-spec group (e.g. transaction type), wherever they stand."""

    kind: Literal["box_group"] = "box_group"
    group: str
    boxes: tuple[CheckBox, ...]


@dataclass(**_NODE)
class FeeTable(Node):
    """The CALCULATION OF FILING FEE table with its footnotes."""

    kind: Literal["fee_table"] = "fee_table"
    valuation: Money | None = None
    fee: Money | None = None
    rate: FeeRate | None = None
    rates: tuple[FeeRate, ...] = ()  # every rate the table and its notes state, in order
    notes: tuple[Note, ...] = ()


@dataclass(**_NODE)
class Quantity(Node):
    """A count as written in a table cell ("4,550,000", "1,000,000 shares"), with its markers."""

    kind: Literal["quantity"] = "quantity"
    value: Decimal
    text: str
    markers: tuple[str, ...] = ()


@dataclass(**_NODE)
class RegistrationFeeRow(Node):
    """One row of a registration statement's fee table (or its Total row).

    ``markers`` are the footnote markers glued to the title ("Warrants(3)"); a cell the
    row leaves empty, dashed or footnoted only ("(3)") is None.
    """

    kind: Literal["registration_fee_row"] = "registration_fee_row"
    title: str
    markers: tuple[str, ...] = ()
    amount_registered: Quantity | Money | None = None
    price_per_unit: Money | None = None
    aggregate: Money | None = None
    fee: Money | None = None


@dataclass(**_NODE)
class RegistrationFeeTable(Node):
    """A registration statement's CALCULATION OF REGISTRATION FEE table (S-1, S-3, 424B…).

    ``columns`` names the columns read, left to right (``title``, ``amount``, ``price``,
    ``aggregate``, ``fee``). ``rate`` is the one rate the table and its notes state (None
    where they state none, or several different ones: ``rates`` has them all).
    ``unread`` says why the rows could not be read; such a table has no rows, and no
    rule may judge it.
    """

    kind: Literal["registration_fee_table"] = "registration_fee_table"
    columns: tuple[str, ...] = ()
    rows: tuple[RegistrationFeeRow, ...] = ()
    total: RegistrationFeeRow | None = None
    rate: FeeRate | None = None
    rates: tuple[FeeRate, ...] = ()
    notes: tuple[Note, ...] = ()
    unread: str | None = None


@dataclass(**_NODE)
class CoverField(Node):
    """A cover-page value with the caption printed under it."""

    kind: Literal["cover_field"] = "cover_field"
    caption: str
    value: str


@dataclass(**_NODE)
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
    registration_fee_table: RegistrationFeeTable | None = None
    boxes: tuple[CheckBox, ...] = ()
    box_groups: tuple[BoxGroup, ...] = ()


@dataclass(**_NODE)
class ExhibitEntry(Node):
    """One exhibit: code, description (wrapped lines joined) and its markers.

    ``marker_spans`` says where each of ``markers`` stands, in the same order.
    """

    kind: Literal["exhibit_entry"] = "exhibit_entry"
    code: str
    description: str
    markers: tuple[str, ...] = ()
    marker_spans: tuple[Span, ...] = ()
    code_span: Span


@dataclass(**_NODE)
class ExhibitList(Node):
    """The exhibit item's list or the Index to Exhibits, with the legend that follows it.

    ``source`` is ``item`` for the list under the exhibit item (Schedule TO Item 12,
    Schedule 13E-3 Item 16, Schedule 14D-9 Item 9; ``item`` is its number) and ``index``
    for the Index to Exhibits. ``mode`` is ``supplement`` when the item says it only adds
    the exhibits it lists.
    """

    kind: Literal["exhibit_list"] = "exhibit_list"
    source: Literal["item", "index"]
    item: int | None = None
    mode: Literal["complete", "supplement"] = "complete"
    entries: tuple[ExhibitEntry, ...] = ()
    legend: tuple[Note, ...] = ()


@dataclass(**_NODE)
class ItemSection(Node):
    """An ITEM heading (``ITEMS 1, 4 AND 11``) and the item numbers it names."""

    kind: Literal["item_section"] = "item_section"
    numbers: tuple[int, ...]
    heading: str


@dataclass(**_NODE)
class DateMention(Node):
    """A calendar date written in the text, kept even when no such day exists.

    ``role`` says what the date is for when the sentence around it tells
    (``original-filing``, ``amendment-filing``, ``signature``, ``expiration``,
    ``previous-expiration``, ``commencement``, ``extension-announcement``,
    ``terms-change`` for a change in the price or the shares sought);
    ``amendment_number`` goes with ``amendment-filing`` and ``time`` (``HH:MM``, 24:00
    for midnight) with the expiration roles and, where the sentence gives one, with
    ``extension-announcement``.
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


@dataclass(**_NODE)
class ShortYearDate(Node):
    """A date written with a two-digit year ("April 16, 03") where a filing, expiration or
    signature phrase leads to it; ``year`` is the two digits as written."""

    kind: Literal["short_year_date"] = "short_year_date"
    text: str
    year: int


@dataclass(**_NODE)
class Signature(Node):
    """A signature: who signed, as what, for which filing person, and the date of the
    signature block.

    ``entity`` is the filing person the block signs for, as the page prints it above the
    "By:" line ("BRAMBLE MERGER SUB, INC."); None where the signer signs for themself.
    ``attorney`` is the attorney-in-fact who signed for the signer (a starred row of a
    registration statement's signature table, "*By: /s/ John Doe, Attorney-in-fact");
    the attorney's own line is not a signature of its own.
    """

    kind: Literal["signature"] = "signature"
    signer: str | None = None
    name: str | None = None
    title: str | None = None
    entity: str | None = None
    date: DateMention | None = None
    attorney: str | None = None


@dataclass(**_NODE)
class FeeFact(Node):
    """One Inline XBRL fact of a filing-fee exhibit (``ffd:FeeAmt`` …), span on its element."""

    kind: Literal["fee_fact"] = "fee_fact"
    name: str
    context: str
    value: Decimal | str | None = None
    text: str = ""


@dataclass(**_NODE)
class FeeExhibitRow(Node):
    """The facts of one context: an offering line, an offset claim, or the totals."""

    kind: Literal["fee_exhibit_row"] = "fee_exhibit_row"
    context: str
    table: str | None = None  # e.g. "offering", "offset", "totals"
    number: int | None = None  # the line's number from the context's dimension member
    facts: tuple[FeeFact, ...] = ()


@dataclass(**_NODE)
class XmlEntity(Node):
    """An XML entity of an Inline XBRL document that filinglint never expands.

    ``declared``: declared in the document's DOCTYPE (the span is the declaration);
    otherwise an unknown name, neither XML's five nor an HTML character entity (the span
    is its first reference). ``references`` counts its references in the document.
    """

    kind: Literal["xml_entity"] = "xml_entity"
    name: str = ""
    declared: bool = False
    references: int = 0


@dataclass(**_NODE)
class FeeExhibit(Node):
    """An Inline XBRL filing-fee exhibit (EDGAR type EX-FILING FEES / EX-107)."""

    kind: Literal["fee_exhibit"] = "fee_exhibit"
    submission_type: str | None = None
    rows: tuple[FeeExhibitRow, ...] = ()
    entities: tuple[XmlEntity, ...] = ()


@dataclass(**_NODE)
class FundFeeNotice(Node):
    """A fund's annual notice of securities sold (Form 24F-2, EDGAR type 24F-2NT): its fee
    calculation, one per fiscal-year block, from the 1990s text form or today's XML.

    The terms are those of the form's lines, each where the filing has it: ``sales``
    (aggregate sale price), ``reinvested`` (dividend-reinvestment shares, added on the
    pre-1997 form), ``redemptions`` (this fiscal year), ``prior_credits`` (unused
    redemptions of earlier years, subtracted), ``reapplied`` (redemptions previously
    applied under Rule 24e-2, added back on the pre-1997 form), ``total_credits``,
    ``net_sales``, ``future_credits``, ``multiplier``, ``fee``, ``interest`` and ``total``
    (fee plus interest).
    """

    kind: Literal["fund_fee_notice"] = "fund_fee_notice"
    layout: Literal["text", "xml"]
    fiscal_year_end: datetime.date | None = None
    sales: Money | None = None
    reinvested: Money | None = None
    redemptions: Money | None = None
    prior_credits: Money | None = None
    reapplied: Money | None = None
    total_credits: Money | None = None
    net_sales: Money | None = None
    future_credits: Money | None = None
    multiplier: FeeRate | None = None
    fee: Money | None = None
    interest: Money | None = None
    total: Money | None = None


@dataclass(**_NODE)
class PageMarker(Node):
    """A page break (``<PAGE>``) or a printed page number ("2", "-2-", "iv"), in order.

    ``number`` is an arabic page number's value (None for a break or a roman number).
    """

    kind: Literal["page_marker"] = "page_marker"
    type: Literal["break", "number"]
    number: int | None = None
    text: str = ""


@dataclass(**_NODE)
class ReadNote(Node):
    """Where reading the file's bytes deviated from plain UTF-8.

    ``reason`` is ``fallback-encoding`` (read as Windows-1252 or UTF-16) or
    ``undecodable`` (bytes no encoding explains, NUL bytes). Only the root carries them.
    """

    kind: Literal["read_note"] = "read_note"
    reason: Literal["fallback-encoding", "undecodable", "tracked-changes"]
    message: str


@dataclass(**_NODE)
class ExhibitReference(Node):
    """A sentence's reference to an exhibit of this very filing: "filed as Exhibit (a)(5)(C)
    hereto", "attached hereto as Exhibit (a)(1)(F)" (``text`` is the phrase as written)."""

    kind: Literal["exhibit_reference"] = "exhibit_reference"
    code: str
    text: str


@dataclass(**_NODE)
class AmendmentMention(Node):
    """What the text says about the amendment numbers of the statement.

    ``role`` is ``this`` ("This Amendment No. 3 to the Tender Offer Statement …") or
    ``previous`` ("… as amended by Amendment No. 1 …" in the paragraph that says what the
    filing amends).
    """

    kind: Literal["amendment_mention"] = "amendment_mention"
    number: int
    role: Literal["this", "previous"]


@dataclass(**_NODE)
class Filing(Node):
    """The root: one document of a filing.

    ``form_type`` is the EDGAR form the document is read as (``SC 13E3``, ``SC TO-T/A``)
    and ``form_source`` where that came from: the submission ``header``, the
    ``document``'s ``<TYPE>``, the ``cover`` title, or the user's ``option`` (``--form``);
    both None when nothing says (see ``query.form``).
    """

    kind: Literal["filing"] = "filing"
    cover: CoverPage
    form_type: str | None = None
    form_source: Literal["header", "document", "cover", "option"] | None = None
    items: tuple[ItemSection, ...] = ()
    exhibit_lists: tuple[ExhibitList, ...] = ()
    signatures: tuple[Signature, ...] = ()
    dates: tuple[DateMention, ...] = ()
    fee_exhibit: FeeExhibit | None = None
    pages: tuple[PageMarker, ...] = ()
    short_year_dates: tuple[ShortYearDate, ...] = ()
    read_notes: tuple[ReadNote, ...] = ()
    exhibit_references: tuple[ExhibitReference, ...] = ()
    amendment_mentions: tuple[AmendmentMention, ...] = ()
    fund_fee_notices: tuple[FundFeeNotice, ...] = ()


@dataclass(**_NODE)
class SubmissionParty(Node):
    """A company block of the EDGAR header: subject company, filed by, or filer."""

    kind: Literal["submission_party"] = "submission_party"
    role: str
    name: str | None = None
    cik: str | None = None


@dataclass(**_NODE)
class SubmissionHeader(Node):
    """The EDGAR header of a submission (``<SEC-HEADER>`` or ``<SUBMISSION>`` tags)."""

    kind: Literal["submission_header"] = "submission_header"
    accession: str | None = None
    submission_type: str | None = None
    submission_type_span: Span | None = None
    document_count: int | None = None
    document_count_span: Span | None = None
    filed_as_of: datetime.date | None = None
    filed_as_of_span: Span | None = None
    parties: tuple[SubmissionParty, ...] = ()


@dataclass(**_NODE)
class SubmissionDocument(Node):
    """One ``<DOCUMENT>`` of a submission and, where it is prose, its Filing."""

    kind: Literal["submission_document"] = "submission_document"
    type: str
    type_span: Span
    sequence: str | None = None
    filename: str | None = None
    description: str | None = None
    content: Literal["text", "html", "xbrl", "binary", "data"] = "text"
    filing: Filing | None = None


@dataclass(**_NODE)
class Submission(Node):
    """A complete EDGAR submission: its header and its documents, in file order."""

    kind: Literal["submission"] = "submission"
    layout: Literal["sgml", "nc"]
    header: SubmissionHeader | None = None
    documents: tuple[SubmissionDocument, ...] = ()
    read_notes: tuple[ReadNote, ...] = ()


def node_kinds() -> frozenset[str]:
    """The ``kind`` tag of every node class: what a rule may declare it visits."""
    kinds = set()
    pending = list(Node.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        kind = next((f.default for f in fields(cls) if f.name == "kind"), None)
        if isinstance(kind, str):
            kinds.add(kind)
    return frozenset(kinds)


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = tuple(f.name for f in fields(cls) if f.name not in ("span", "kind"))
        _CHILD_FIELDS[cls] = names
    return names


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node below and including ``node`` once, parents before children.

    A node reachable twice (a box in ``cover.boxes`` and in a box group) is yielded the
    first time only, so a rule visiting it reports once.
    """
    stack: list[Node] = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        children: list[Node] = []
        for name in _child_fields(type(current)):
            value = getattr(current, name)
            if isinstance(value, Node):
                children.append(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], Node):
                children.extend(value)
        stack.extend(reversed(children))
