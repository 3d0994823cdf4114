"""Turn the parse tree of line tokens into the typed AST (Filing and its nodes).

The grammar has grouped lines into runs (a box and its wrapped label, an exhibit entry
and its continuation lines) and sections (ITEM, INDEX TO EXHIBITS, SIGNATURES). Here
those groups are read: money, rates and dates are parsed once, with exact spans, and
box labels are given roles from the form spec. Rules only ever see the result.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from lark import Token

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
from filinglint.linter.lines import _EXHIBIT, _ITEM, _MARKER, box_start, trailing_mark
from filinglint.linter.parse import Run, Section, parse_parts
from filinglint.schema import load_json

FORM_SPEC = "forms/schedule-to.json"
MAX_LABEL_LINES = 3  # a box that ends a sentence takes at most this many lines above it


# --- small helpers -------------------------------------------------------------------


def token_span(first: Token, last: Token | None = None) -> Span:
    if last is None:
        last = first
    return Span(
        line=first.line, column=first.column, end_line=last.end_line, end_column=last.end_column
    )


def line_span(token: Token, start: int, end: int) -> Span:
    """Span of ``token.value[start:end]`` (0-based string indices, end exclusive)."""
    return Span(line=token.line, column=start + 1, end_line=token.line, end_column=end + 1)


def cover_span(spans: list[Span]) -> Span:
    first, last = spans[0], spans[-1]
    return Span(
        line=first.line, column=first.column, end_line=last.end_line, end_column=last.end_column
    )


def piece(token: Token, start: int = 0) -> tuple[str, int, int]:
    """The stripped text of ``token.value[start:]`` with its line and column."""
    text = token.value[start:]
    lead = len(text) - len(text.lstrip())
    return text.strip(), token.line, start + lead + 1


def _end_column(part) -> int:
    """The end column of a Run's or Section's last line."""
    return _tokens_of([part])[-1].end_column


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
    match = box_start(head.value)
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
                    LabeledValue(
                        span=line_span(token, item.start(), item.end()),
                        label=item.group(1).strip(),
                        value=item.group(2).strip(),
                    )
                )
        else:
            pieces.append(piece(token))
    label = " ".join(text for text, _, _ in pieces)
    return CheckBox(
        span=token_span(head, run.tokens[-1]),
        mark=mark,
        mark_span=line_span(head, mark_start, mark_start + len(mark)),
        state=values.box_state(mark),
        label=label,
        role=box_role(label),
        fields=tuple(fields),
    )


def _build_trailing_box(token: Token, before: list[Token]) -> CheckBox:
    found = trailing_mark(token.value)
    assert found is not None
    start, mark = found
    own = token.value[:start].strip(" \t:")
    label = " ".join([t.value.strip() for t in before] + [own])
    first = before[0] if before else token
    return CheckBox(
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
    return CoverField(
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

_MARKS = r"((?:[*+†‡#]+|\(\d{1,2}\))*)"
_VALUATION_LABEL = re.compile(r"(?:transaction\s+)?valu(?:ation|e)" + _MARKS, re.IGNORECASE)
_FEE_LABEL = re.compile(r"(?:amount\s+of\s+(?:the\s+)?)?(?:filing\s+)?fee" + _MARKS, re.IGNORECASE)
_AMOUNT_MARKERS = re.compile(r"(?:[*+†‡#]+|\(\d{1,2}\))+")


@dataclass(slots=True)
class _Column:
    """A header label's horizontal extent and the markers printed on it."""

    start: int
    end: int
    markers: str

    def affinity(self, start: int, end: int) -> tuple[int, float]:
        """How well an amount at [start, end) sits under this label (higher is better)."""
        overlap = min(end, self.end) - max(start, self.start)
        centre = abs((start + end) / 2 - (self.start + self.end) / 2)
        return max(overlap, 0), -centre


def _money(token: Token, start: int, end: int, amount, header_markers: str) -> Money:
    trailing = _AMOUNT_MARKERS.match(token.value, end)
    markers = split_markers(header_markers) + (split_markers(trailing.group(0)) if trailing else [])
    return Money(
        span=line_span(token, start, end),
        amount=amount,
        text=token.value[start:end],
        markers=tuple(markers),
    )


def _build_fee_table(run: Run) -> FeeTable:
    """Read valuation and fee from a header + values row, or from labelled lines."""
    heading: Token = run.tokens[0]
    lines = [t for t in run.tokens[1:] if isinstance(t, Token) and t.type == "TEXT"]
    note_runs = [r for r in run.tokens[1:] if isinstance(r, Run)]
    found: dict[str, Money] = {}
    columns: dict[str, _Column] = {}
    for token in lines:
        text = token.value
        labels = {
            "valuation": _VALUATION_LABEL.search(text),
            "fee": _FEE_LABEL.search(text),
        }
        amounts = values.find_amounts(text)
        if not amounts:  # a header line: remember where each label stands
            for name, label in labels.items():
                if label:
                    columns[name] = _Column(label.start(), label.end(), label.group(1))
            continue
        present = [name for name, label in labels.items() if label]
        if len(present) == 1:  # "Amount of filing fee: $92.00"
            name = present[0]
            start, end, amount = amounts[0] if name == "valuation" else amounts[-1]
            found.setdefault(name, _money(token, start, end, amount, labels[name].group(1)))
            continue
        if found:
            continue  # only the first values row of a table counts
        if len(columns) == 2:
            for start, end, amount in amounts:
                name = max(columns, key=lambda n: columns[n].affinity(start, end))
                if name not in found:
                    found[name] = _money(token, start, end, amount, columns[name].markers)
        elif len(amounts) == 2 and not columns:  # no header: valuation first, then fee
            for name, (start, end, amount) in zip(("valuation", "fee"), amounts, strict=True):
                found[name] = _money(token, start, end, amount, "")
    notes = tuple(_build_note(r) for r in note_runs)
    fee = found.get("fee")
    return FeeTable(
        span=Span(
            line=run.line, column=heading.column, end_line=run.end_line, end_column=_end_column(run)
        ),
        valuation=found.get("valuation"),
        fee=fee,
        rate=_find_fee_rate(note_runs, lines, fee),
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
    return Note(span=token_span(head, run.tokens[-1]), marker=match.group(2), text=joined.text)


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
            return FeeRate(span=joined.span(start, end), value=rate, text=joined.text[start:end])
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
    return ExhibitEntry(
        span=token_span(head, run.tokens[-1]),
        code=match.group(2),
        description=text,
        markers=tuple(markers),
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
    return ExhibitList(
        span=Span(
            line=section.heading.line,
            column=section.heading.column,
            end_line=last.end_line,
            end_column=last.end_column,
        ),
        source=source,
        mode=mode,
        entries=tuple(entries),
        legend=tuple(legend),
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
# One pass finds every phrase that gives a nearby date its role. It runs on the
# lower-cased text (several times faster than IGNORECASE); the lookahead lets the regex
# engine skip to the few characters that can start a phrase.
_TRIGGER_PATTERN = (
    r"(?=[oiapwe])(?:(?P<original>(?:original|initial)ly\s+filed\b)"
    r"|(?P<amendment>amendment\s+no\.?\s*(?P<number>\d{1,3})\b)"
    r"|(?P<previous>(?:previously|originally|initially|was)\s+(?:been\s+)?scheduled\s+to\s+expire\b)"
    r"|(?P<extended>extend(?:s|ed|ing)?\b))"
)
_TRIGGERS = re.compile(r"\b" + _TRIGGER_PATTERN)
_TRIGGERS_ANY_CASE = re.compile(r"\b" + _TRIGGER_PATTERN.replace("(?=[oiapwe])", ""), re.IGNORECASE)
_FILED = re.compile(r"\bfiled\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|to)\b", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:may|might|could|would|required\s+to|right\s+to|obligated\s+to|reserves?|not|further)\s*$",
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


def _line_numbers(line_starts: list[int], offsets: list[int]) -> list[int]:
    """1-based line of each offset, for sorted offsets, in one merge-like pass."""
    lines = []
    line = 0
    last = len(line_starts) - 1
    for offset in offsets:
        while line < last and line_starts[line + 1] <= offset:
            line += 1
        lines.append(line + 1)
    return lines


class _DateIndex:
    """Date matches of the whole text, searchable by 'first date after offset'."""

    def __init__(self, source) -> None:
        self.text = source.text
        self.matches = list(values.DATE_RE.finditer(self.text))
        self.starts = [m.start() for m in self.matches]
        self.lines = _line_numbers(source.line_starts, self.starts)

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


# When two phrases point at one date, the more specific reading wins: "This Amendment
# No. 3 amends the Schedule TO originally filed on ..." dates the original filing.
_ROLE_PRIORITY = {
    "original-filing": 0,
    "previous-expiration": 1,
    "expiration": 2,
    "amendment-filing": 3,
}
_THIS = re.compile(r"\bthis\s*$", re.IGNORECASE)


def _date_roles(index: _DateIndex, signature_lines: set[int]) -> dict[int, tuple]:
    """Map date index → (role, amendment number, time) from the sentences around it."""
    text = index.text
    roles: dict[int, tuple] = {}
    lowered = text.lower()
    if len(lowered) == len(text):
        triggers = _TRIGGERS.finditer(lowered)
    else:  # a few characters change length when lower-cased; keep offsets exact
        triggers = _TRIGGERS_ANY_CASE.finditer(text)
    for match in triggers:
        kind, start, end = match.lastgroup, match.start(), match.end()
        before = max(0, start - 30)
        if kind == "original":
            found = index.first_after(end, 250)
            role = ("original-filing", None, None)
        elif kind == "amendment":
            if _THIS.search(text, before, start):
                continue  # "This Amendment No. 2" is the filing itself
            found = index.first_after(end, 160, must=_FILED)
            role = ("amendment-filing", int(match.group("number")), None)
        elif kind == "previous":
            found = index.first_after(end, 160)
            role = ("previous-expiration", None, None)
        else:
            if _HEDGED.search(text, before, start):
                continue
            found = index.first_after(end, 160, must=_UNTIL)
            role = ("expiration", None, None)
        if found is None:
            continue
        if role[0] in ("expiration", "previous-expiration"):
            role = (role[0], None, _clock(text[end : index.starts[found]]))
        current = roles.get(found)
        if current is None or _ROLE_PRIORITY[role[0]] < _ROLE_PRIORITY[current[0]]:
            roles[found] = role
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
            DateMention(
                span=Span(line=line, column=column, end_line=end_line, end_column=end_column + 1),
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
                ItemSection(
                    span=token_span(heading),
                    numbers=tuple(numbers),
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
            Signature(
                span=token_span(block["first"], block["last_token"]),
                signer=block.get("signer") or None,
                name=block.get("name"),
                title=block.get("title") or None,
                date=date,
            )
        )
    return Filing(
        span=Span(
            line=1,
            column=1,
            end_line=source.line_count,
            end_column=len(source.line(source.line_count)) + 1,
        ),
        cover=cover,
        items=tuple(items),
        exhibit_lists=tuple(exhibit_lists),
        signatures=tuple(signatures),
        dates=tuple(dates),
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
    end_token = _tokens_of(preamble[-1:])[-1] if preamble else None
    return CoverPage(
        span=Span(
            line=1,
            column=1,
            end_line=end_token.end_line if end_token is not None else 1,
            end_column=end_token.end_column if end_token is not None else 1,
        ),
        title=title,
        form=_form_name(title, amendment),
        amendment_number=amendment,
        amendment_span=amendment_span,
        fee_table=fee_table,
        boxes=tuple(boxes),
        box_groups=tuple(groups),
        **fields,
    )


def _box_groups(boxes: list[CheckBox]) -> list[BoxGroup]:
    groups = []
    for group in load_json(FORM_SPEC)["groups"]:
        members = [b for b in boxes if b.role in group["roles"]]
        if members:
            groups.append(
                BoxGroup(
                    span=cover_span([b.span for b in members]),
                    group=group["id"],
                    boxes=tuple(members),
                )
            )
    return groups


def build(source) -> Filing:
    """Parse and build: the one entry point from a Source to its AST."""
    return build_filing(parse_parts(source.text), source)
