"""Turn the parse tree of line tokens into the typed AST (Filing and its nodes).

The grammar has grouped lines into runs (a box and its wrapped label, an exhibit entry
and its continuation lines) and sections (ITEM, INDEX TO EXHIBITS, SIGNATURES). Here
those groups are read: money, rates and dates are parsed once, with exact spans, and
box labels are given roles from the form spec. Rules only ever see the result.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from lark import Token, Transformer

from filinglint.linter import values
from filinglint.linter.ast import (
    BoxGroup,
    CheckBox,
    CoverField,
    CoverPage,
    DateMention,
    ExhibitEntry,
    ExhibitList,
    FeeRate,
    FeeTable,
    Filing,
    ItemSection,
    LabeledValue,
    Money,
    Note,
    Signature,
    Span,
)
from filinglint.linter.joined import Joined
from filinglint.linter.lines import _BOX_START, _EXHIBIT, _ITEM, _MARKER, trailing_mark
from filinglint.schema import load_json

FORM_SPEC = "forms/schedule-to.json"
MAX_LABEL_LINES = 3  # a box that ends a sentence takes at most this many lines above it


@dataclass
class Run:
    """A head line and its continuation lines (box, note, exhibit, caption, fee table)."""

    kind: str
    tokens: list = field(default_factory=list)


@dataclass
class Section:
    kind: str
    heading: Token
    parts: list


class _TreeToParts(Transformer):
    """Collapse grammar rules into Runs and Sections; tokens pass through unchanged."""

    def box(self, children):
        return Run("box", children)

    def note(self, children):
        return Run("note", children)

    def exhibit(self, children):
        return Run("exhibit", children)

    def caption(self, children):
        return Run("caption", children)

    def fee_table(self, children):
        return Run("fee_table", children)

    def item_section(self, children):
        return Section("item", children[0], children[1:])

    def index_section(self, children):
        return Section("index", children[0], children[1:])

    def signature_section(self, children):
        return Section("signature", children[0], children[1:])

    def section(self, children):
        return children[0]

    def start(self, children):
        return children


PARTS_TRANSFORMER = _TreeToParts()


# --- small helpers -------------------------------------------------------------------


def token_span(first: Token, last: Token | None = None) -> Span:
    if last is None:
        last = first
    return Span.model_construct(
        line=first.line, column=first.column, end_line=last.end_line, end_column=last.end_column
    )


def line_span(token: Token, start: int, end: int) -> Span:
    """Span of ``token.value[start:end]`` (0-based string indices, end exclusive)."""
    return Span.model_construct(
        line=token.line, column=start + 1, end_line=token.line, end_column=end + 1
    )


def cover_span(spans: list[Span]) -> Span:
    first, last = spans[0], spans[-1]
    return Span.model_construct(
        line=first.line, column=first.column, end_line=last.end_line, end_column=last.end_column
    )


def piece(token: Token, start: int = 0) -> tuple[str, int, int]:
    """The stripped text of ``token.value[start:]`` with its line and column."""
    text = token.value[start:]
    lead = len(text) - len(text.lstrip())
    return text.strip(), token.line, start + lead + 1


def _tokens_of(parts: list) -> list[Token]:
    out: list[Token] = []
    for part in parts:
        if isinstance(part, Token):
            out.append(part)
        elif isinstance(part, Run):
            out.extend(_tokens_of(part.tokens))
    return out


_MARKER_RUN = re.compile(r"\*+|\++|†+|‡+|#+|\(\d{1,2}\)")
_TRAILING_MARKERS = re.compile(r"(?:[*+†‡#\s]|\(\d{1,2}\))+$")


def split_markers(text: str) -> list[str]:
    """``**+`` → [``**``, ``+``]; ``(1)(2)`` → [``(1)``, ``(2)``]."""
    return _MARKER_RUN.findall(text)


# --- form spec -----------------------------------------------------------------------


@cache
def _box_roles() -> list[tuple[str, re.Pattern[str]]]:
    spec = load_json(FORM_SPEC)
    return [(box["role"], re.compile(box["label"], re.IGNORECASE)) for box in spec["boxes"]]


def box_role(label: str) -> str | None:
    for role, pattern in _box_roles():
        if pattern.search(label):
            return role
    return None


# --- cover page ----------------------------------------------------------------------

_FIELD = re.compile(r"([A-Z][A-Za-z .]{2,40}?):\s+(\S.*?)(?=\s{2,}[A-Z][A-Za-z .]{2,40}?:\s|\s*$)")
_CAPTION_KINDS = (
    ("cusip", re.compile(r"CUSIP", re.IGNORECASE)),
    ("notice_person", re.compile(r"Receive\s+Notices|Person\s+Authori[sz]ed", re.IGNORECASE)),
    ("subject_company", re.compile(r"Subject\s+Company", re.IGNORECASE)),
    ("class_title", re.compile(r"Titles?\s+of\s+Class", re.IGNORECASE)),
    ("filing_persons", re.compile(r"Filing\s+Persons?", re.IGNORECASE)),
)


def _build_box(run: Run) -> CheckBox:
    head: Token = run.tokens[0]
    match = _BOX_START.match(head.value)
    assert match is not None
    mark = match.group(2)
    mark_start = match.start(2)
    pieces = []
    if match.group(3):
        pieces.append(piece(head, match.start(3)))
    fields: list[LabeledValue] = []
    for token in run.tokens[1:]:
        found = list(_FIELD.finditer(token.value)) if len(token.value) < 200 else []
        if found and found[0].start() - (len(token.value) - len(token.value.lstrip())) == 0:
            for item in found:
                fields.append(
                    LabeledValue.model_construct(
                        span=line_span(token, item.start(), item.end()),
                        label=item.group(1).strip(),
                        value=item.group(2).strip(),
                    )
                )
        else:
            pieces.append(piece(token))
    label = " ".join(text for text, _, _ in pieces)
    return CheckBox.model_construct(
        span=token_span(head, run.tokens[-1]),
        mark=mark,
        mark_span=line_span(head, mark_start, mark_start + len(mark)),
        state=values.box_state(mark),
        label=label,
        role=box_role(label),
        fields=fields,
    )


def _build_trailing_box(token: Token, before: list[Token]) -> CheckBox:
    found = trailing_mark(token.value)
    assert found is not None
    start, mark = found
    own = token.value[:start].strip(" \t:")
    label = " ".join([t.value.strip() for t in before] + [own])
    first = before[0] if before else token
    return CheckBox.model_construct(
        span=token_span(first, token),
        mark=mark,
        mark_span=line_span(token, start, start + len(mark)),
        state=values.box_state(mark),
        label=label,
        role=box_role(label),
    )


def _caption_value(parts: list, index: int, caption: Run) -> CoverField | None:
    """The text lines right above a caption, e.g. the company name above its caption."""
    lines: list[Token] = []
    j = index - 1
    while j >= 0:
        part = parts[j]
        if isinstance(part, Token) and part.type in ("TEXT", "TITLE", "AMENDMENT"):
            lines.append(part)
            j -= 1
            continue
        break
    if not lines:
        return None
    lines.reverse()
    caption_text = " ".join(t.value.strip() for t in caption.tokens)
    return CoverField.model_construct(
        span=token_span(lines[0], lines[-1]),
        caption=caption_text,
        value=" ".join(t.value.strip() for t in lines),
    )


def _form_name(title: str | None, amendment: int | None) -> str | None:
    if title is None:
        return None
    upper = " ".join(title.upper().split())
    match = re.search(r"SCHEDULE\s+TO(?:\s*-\s*([ITC]))?(\s*/\s*A)?", upper)
    if match is None:
        return None
    form = "SC TO" + (f"-{match.group(1)}" if match.group(1) else "")
    if match.group(2) or amendment is not None:
        form += "/A"
    return form


# --- fee table -----------------------------------------------------------------------

_VALUATION_LABEL = re.compile(r"valu(?:ation|e)((?:[*+†‡#]+|\(\d{1,2}\))*)", re.IGNORECASE)
_FEE_LABEL = re.compile(r"fee((?:[*+†‡#]+|\(\d{1,2}\))*)", re.IGNORECASE)
_AMOUNT_MARKERS = re.compile(r"(?:[*+†‡#]+|\(\d{1,2}\))+")


def _money(token: Token, start: int, end: int, amount, header_markers: str) -> Money:
    trailing = _AMOUNT_MARKERS.match(token.value, end)
    markers = split_markers(header_markers) + (split_markers(trailing.group(0)) if trailing else [])
    return Money.model_construct(
        span=line_span(token, start, end),
        amount=amount,
        text=token.value[start:end],
        markers=markers,
    )


def _build_fee_table(run: Run) -> FeeTable:
    heading: Token = run.tokens[0]
    lines = [t for t in run.tokens[1:] if isinstance(t, Token)]
    note_runs = [r for r in run.tokens[1:] if isinstance(r, Run)]
    valuation = fee = None
    valuation_col = fee_col = None
    valuation_markers = fee_markers = ""
    for token in lines:
        if token.type != "TEXT":
            continue
        text = token.value
        amounts = values.find_amounts(text)
        val_label = _VALUATION_LABEL.search(text)
        fee_label = _FEE_LABEL.search(text)
        if not amounts:
            if val_label:
                valuation_col, valuation_markers = val_label.start(), val_label.group(1)
            if fee_label:
                fee_col, fee_markers = fee_label.start(), fee_label.group(1)
            continue
        if val_label and not fee_label and valuation is None:  # "Transaction valuation: $X"
            start, end, amount = amounts[0]
            valuation = _money(token, start, end, amount, val_label.group(1))
            continue
        if fee_label and not val_label and fee is None:  # "Amount of filing fee: $Y"
            start, end, amount = amounts[-1]
            fee = _money(token, start, end, amount, fee_label.group(1))
            continue
        if valuation is not None or fee is not None:
            continue
        # A values row under a header: give each amount to the nearest header column.
        if len(amounts) == 1 and (valuation_col is None or fee_col is None):
            continue
        for start, end, amount in amounts[:2] if valuation_col is None else amounts:
            if valuation_col is None or fee_col is None:
                is_fee = (start, end, amount) == amounts[1]
            else:
                is_fee = abs(start - fee_col) < abs(start - valuation_col)
            if is_fee and fee is None:
                fee = _money(token, start, end, amount, fee_markers)
            elif not is_fee and valuation is None:
                valuation = _money(token, start, end, amount, valuation_markers)
    notes = [_build_note(r) for r in note_runs]
    rate = _find_fee_rate(note_runs, lines, fee)
    last = run.tokens[-1]
    end_token = _tokens_of([last])[-1]
    return FeeTable.model_construct(
        span=token_span(heading, end_token),
        valuation=valuation,
        fee=fee,
        rate=rate,
        notes=notes,
    )


def _run_joined(run: Run) -> Joined:
    head = run.tokens[0]
    match = _MARKER.match(head.value)
    first = piece(head, match.start(4)) if match else piece(head)
    return Joined([first] + [piece(t) for t in run.tokens[1:]])


def _build_note(run: Run) -> Note:
    head: Token = run.tokens[0]
    match = _MARKER.match(head.value)
    assert match is not None
    joined = _run_joined(run)
    return Note.model_construct(
        span=token_span(head, run.tokens[-1]), marker=match.group(2), text=joined.text
    )


def _find_fee_rate(note_runs: list[Run], lines: list[Token], fee: Money | None) -> FeeRate | None:
    fee_markers = set(fee.markers) if fee else set()
    ordered = sorted(
        note_runs, key=lambda r: _MARKER.match(r.tokens[0].value).group(2) not in fee_markers
    )
    candidates = [_run_joined(r) for r in ordered]
    candidates.append(Joined([piece(t) for t in lines if t.type == "TEXT"]))
    for joined in candidates:
        found = values.find_rate(joined.text)
        if found:
            start, end, rate = found
            return FeeRate.model_construct(
                span=joined.span(start, end), value=rate, text=joined.text[start:end]
            )
    return None


# --- exhibits ------------------------------------------------------------------------

_SUPPLEMENT = re.compile(
    r"amended\s+and\s+supplemented\s+by\s+add|by\s+adding\s+(?:thereto\s+)?the\s+following"
    r"|hereby\s+amended\s+to\s+add|adding\s+the\s+following\s+exhibit",
    re.IGNORECASE,
)


def _build_exhibit(run: Run) -> ExhibitEntry:
    head: Token = run.tokens[0]
    match = _EXHIBIT.match(head.value)
    assert match is not None
    joined = Joined([piece(head, match.start(5))] + [piece(t) for t in run.tokens[1:]])
    text = joined.text
    tail_start = max(0, len(text) - 40)
    trailing = _TRAILING_MARKERS.search(text, tail_start)
    markers = split_markers(match.group(3))
    if trailing and trailing.start() > 0:
        markers += split_markers(trailing.group(0))
        text = text[: trailing.start()].rstrip()
    return ExhibitEntry.model_construct(
        span=token_span(head, run.tokens[-1]),
        code=match.group(2),
        description=text,
        markers=markers,
        code_span=line_span(head, match.start(2), match.end(2)),
    )


def _exhibit_list(source: str, section: Section) -> ExhibitList | None:
    entries: list[ExhibitEntry] = []
    legend: list[Note] = []
    intro: list[str] = [section.heading.value]
    for part in section.parts:
        if isinstance(part, Run) and part.kind == "exhibit":
            entries.append(_build_exhibit(part))
        elif isinstance(part, Run) and part.kind == "note" and entries:
            legend.append(_build_note(part))
        elif not entries and isinstance(part, Token):
            intro.append(part.value)
    if not entries:
        return None
    mode = "supplement" if _SUPPLEMENT.search(" ".join(" ".join(intro).split())) else "complete"
    last = legend[-1].span if legend else entries[-1].span
    return ExhibitList.model_construct(
        span=Span.model_construct(
            line=section.heading.line,
            column=section.heading.column,
            end_line=last.end_line,
            end_column=last.end_column,
        ),
        source=source,
        mode=mode,
        entries=entries,
        legend=legend,
    )


def item_numbers(text: str) -> list[int]:
    """``1, 4 AND 11`` → [1, 4, 11]; ``1 through 9 and Item 11`` → [1..9, 11]."""
    numbers: list[int] = []
    pending_range = False
    for word in re.findall(r"\d+|through|to|-|–", text, re.IGNORECASE):
        if word.isdigit():
            value = int(word)
            if pending_range and numbers:
                numbers.extend(range(numbers[-1] + 1, value + 1))
            else:
                numbers.append(value)
            pending_range = False
        else:
            pending_range = True
    return numbers


# --- dates ---------------------------------------------------------------------------

_BOUNDARY = re.compile(r"[.;]\s+[A-Z(\"“]|\n\s*\n")
_ORIGINAL = re.compile(r"\b(?:originally|initially)\s+filed\b", re.IGNORECASE)
_AMENDMENT_REF = re.compile(r"\bAmendment\s+No\.?\s*(\d{1,3})\b", re.IGNORECASE)
_FILED = re.compile(r"\bfiled\b", re.IGNORECASE)
_EXTENDED = re.compile(r"\bextend(?:s|ed|ing)?\b", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:may|might|could|would|required\s+to|right\s+to|obligated\s+to|reserves?|not|further)\s*$",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:until|to)\b", re.IGNORECASE)
_PREVIOUS = re.compile(
    r"\b(?:previously|originally|initially|was)\s+(?:been\s+)?scheduled\s+to\s+expire\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(one\s+minute\s+after\s+)?(\d{1,2}):(\d{2})\s*([ap])\.?\s*m\b|\b(12:00\s+)?midnight\b",
    re.IGNORECASE,
)
_SIGNATURE_DATE_LINE = re.compile(r"^\s*Dated?\s*:", re.IGNORECASE)


def _clock(between: str) -> str | None:
    """The time of day a sentence gives before its date, as ``HH:MM`` (24:00 = midnight)."""
    match = _TIME.search(between)
    if match is None:
        return None
    if match.group(2) is None or match.group(1):
        return "24:00"
    hour, minute = int(match.group(2)) % 12, int(match.group(3))
    if match.group(4).lower() == "p":
        hour += 12
    return f"{hour:02d}:{minute:02d}"


class _DateIndex:
    """Date matches of the whole text, searchable by 'first date after offset'."""

    def __init__(self, source) -> None:
        self.text = source.text
        self.matches = list(values.DATE_RE.finditer(self.text))
        self.starts = [m.start() for m in self.matches]
        self.lines = [source.position(start)[0] for start in self.starts]

    def first_after(
        self, offset: int, window: int, must: re.Pattern[str] | None = None
    ) -> int | None:
        index = bisect.bisect_left(self.starts, offset)
        if index >= len(self.matches) or self.starts[index] - offset > window:
            return None
        between = self.text[offset : self.starts[index]]
        if _BOUNDARY.search(between):
            return None
        if must is not None and not must.search(between):
            return None
        return index


def _date_roles(index: _DateIndex, signature_lines: set[int]) -> dict[int, tuple]:
    """Map date index → (role, amendment number, time) from the sentences around it."""
    text = index.text
    roles: dict[int, tuple] = {}
    for match in _ORIGINAL.finditer(text):
        found = index.first_after(match.end(), 250)
        if found is not None:
            roles.setdefault(found, ("original-filing", None, None))
    for match in _AMENDMENT_REF.finditer(text):
        found = index.first_after(match.end(), 160, must=_FILED)
        if found is not None:
            roles.setdefault(found, ("amendment-filing", int(match.group(1)), None))
    for match in _EXTENDED.finditer(text):
        if _HEDGED.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        found = index.first_after(match.end(), 160, must=_UNTIL)
        if found is not None:
            between = text[match.end() : index.starts[found]]
            roles.setdefault(found, ("expiration", None, _clock(between)))
    for match in _PREVIOUS.finditer(text):
        found = index.first_after(match.end(), 160)
        if found is not None:
            between = text[match.end() : index.starts[found]]
            roles.setdefault(found, ("previous-expiration", None, _clock(between)))
    for number, line in enumerate(index.lines):
        if line in signature_lines:
            roles.setdefault(number, ("signature", None, None))
    return roles


def build_dates(source, signature_lines: set[int]) -> list[DateMention]:
    index = _DateIndex(source)
    roles = _date_roles(index, signature_lines)
    dates: list[DateMention] = []
    for number, match in enumerate(index.matches):
        year, month, day, weekday, value = values.date_parts(match)
        line, column = source.position(match.start())
        end_line, end_column = source.position(match.end() - 1)
        role, amendment, clock = roles.get(number, (None, None, None))
        dates.append(
            DateMention.model_construct(
                span=Span.model_construct(
                    line=line, column=column, end_line=end_line, end_column=end_column + 1
                ),
                text=" ".join(match.group(0).split()),
                year=year,
                month=month,
                day=day,
                weekday=weekday,
                value=value,
                role=role,
                amendment_number=amendment,
                time=clock,
            )
        )
    return dates


# --- signature -----------------------------------------------------------------------

_SIG_FIELD = re.compile(r"^\s*(By|Name|Title|Dated?)\s*:\s*(.*)$", re.IGNORECASE)


def _signature_blocks(section: Section) -> tuple[list[dict], set[int]]:
    blocks: list[dict] = []
    date_lines: set[int] = set()
    current: dict | None = None
    for token in _tokens_of(section.parts):
        match = _SIG_FIELD.match(token.value)
        slash = "/s/" in token.value.lower()
        if match is None and not slash:
            if current is not None and current.get("last") == "title" and token.type == "CONT":
                current["title"] += " " + token.value.strip()
            elif current is not None and token.type == "TEXT" and current.get("last") == "title":
                if token.column > 20:
                    current["title"] += " " + token.value.strip()
                else:
                    current["last"] = None
            continue
        key = match.group(1).lower() if match else "by"
        value = match.group(2).strip() if match else token.value.strip()
        if key in ("date", "dated"):
            date_lines.add(token.line)
            continue
        if key == "by" or slash:
            signer = re.sub(r"^(?:By:\s*)?/s/\s*", "", value, flags=re.IGNORECASE).strip()
            current = {"signer": signer, "first": token, "last_token": token, "title": ""}
            blocks.append(current)
            current["last"] = "by"
        elif current is not None:
            current[key] = value
            current["last"] = key
            current["last_token"] = token
    return blocks, date_lines


# --- the whole filing ----------------------------------------------------------------


def build_filing(parts: list, source) -> Filing:
    """Assemble the Filing from the transformed parse (preamble parts, then sections)."""
    split = next((i for i, p in enumerate(parts) if isinstance(p, Section)), len(parts))
    preamble, sections = parts[:split], parts[split:]

    cover = _build_cover(preamble, source)
    items: list[ItemSection] = []
    exhibit_lists: list[ExhibitList] = []
    signatures: list[Signature] = []
    signature_lines: set[int] = set()
    raw_blocks: list[dict] = []
    for section in sections:
        heading = section.heading
        if section.kind == "item":
            match = _ITEM.match(heading.value)
            numbers = item_numbers(match.group(3)) if match else []
            items.append(
                ItemSection.model_construct(
                    span=token_span(heading),
                    numbers=numbers,
                    heading=heading.value.strip(),
                )
            )
            if 12 in numbers:
                found = _exhibit_list("item-12", section)
                if found is not None:
                    exhibit_lists.append(found)
        elif section.kind == "index":
            found = _exhibit_list("index", section)
            if found is not None:
                exhibit_lists.append(found)
        else:
            blocks, date_lines = _signature_blocks(section)
            raw_blocks.extend(blocks)
            signature_lines |= date_lines

    dates = build_dates(source, signature_lines)
    signature_dates = [d for d in dates if d.role == "signature"]
    for block in raw_blocks:
        following = next((d for d in signature_dates if d.span.line >= block["first"].line), None)
        date = following or (signature_dates[-1] if signature_dates else None)
        signatures.append(
            Signature.model_construct(
                span=token_span(block["first"], block["last_token"]),
                signer=block.get("signer") or None,
                name=block.get("name"),
                title=block.get("title") or None,
                date=date,
            )
        )
    return Filing.model_construct(
        span=Span.model_construct(
            line=1,
            column=1,
            end_line=source.line_count,
            end_column=len(source.line(source.line_count)) + 1,
        ),
        cover=cover,
        items=items,
        exhibit_lists=exhibit_lists,
        signatures=signatures,
        dates=dates,
    )


def _build_cover(preamble: list, source) -> CoverPage:
    title = amendment = amendment_span = None
    fields: dict[str, CoverField] = {}
    fee_table = None
    boxes: list[CheckBox] = []
    for index, part in enumerate(preamble):
        if isinstance(part, Token):
            if part.type == "TITLE" and title is None:
                title = part.value.strip()
            elif part.type == "AMENDMENT" and amendment is None:
                match = re.search(r"Amendment\s+No\.?\s*(\d+)", part.value, re.IGNORECASE)
                if match:
                    amendment = int(match.group(1))
                    amendment_span = line_span(part, match.start(), match.end())
            elif part.type == "BOX_END":
                before: list[Token] = []
                j = index - 1
                while (
                    j >= 0
                    and len(before) < MAX_LABEL_LINES
                    and isinstance(preamble[j], Token)
                    and preamble[j].type == "TEXT"
                ):
                    before.insert(0, preamble[j])
                    j -= 1
                boxes.append(_build_trailing_box(part, before))
        elif part.kind == "box":
            boxes.append(_build_box(part))
        elif part.kind == "fee_table" and fee_table is None:
            fee_table = _build_fee_table(part)
        elif part.kind == "caption":
            caption_text = " ".join(t.value for t in part.tokens)
            for name, pattern in _CAPTION_KINDS:
                if pattern.search(caption_text) and name not in fields:
                    value = _caption_value(preamble, index, part)
                    if value is not None:
                        fields[name] = value
                    break
    groups = _box_groups(boxes)
    first_line = 1
    last = preamble[-1] if preamble else None
    end_token = _tokens_of([last])[-1] if last is not None else None
    return CoverPage.model_construct(
        span=Span.model_construct(
            line=first_line,
            column=1,
            end_line=end_token.end_line if end_token else 1,
            end_column=end_token.end_column if end_token else 1,
        ),
        title=title,
        form=_form_name(title, amendment),
        amendment_number=amendment,
        amendment_span=amendment_span,
        fee_table=fee_table,
        boxes=boxes,
        box_groups=groups,
        **fields,
    )


def _box_groups(boxes: list[CheckBox]) -> list[BoxGroup]:
    groups = []
    for group in load_json(FORM_SPEC)["groups"]:
        members = [b for b in boxes if b.role in group["roles"]]
        if members:
            groups.append(
                BoxGroup.model_construct(
                    span=cover_span([b.span for b in members]),
                    group=group["id"],
                    boxes=members,
                )
            )
    return groups


def build(source) -> Filing:
    """Parse and build: the one entry point from a Source to its AST."""
    from filinglint.linter.parse import parse_tree

    tree = parse_tree(source.text)
    parts = PARTS_TRANSFORMER.transform(tree)
    return build_filing(parts, source)
