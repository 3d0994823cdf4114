"""From a Source to the root the rules walk: one Filing, or a Submission of documents.

Each document is read as its own text (ASCII, HTML turned into lines, or an Inline XBRL
fee exhibit), and every span of its AST is then mapped back to the file the user opened,
so diagnostics, code frames and fingerprints all speak of that file's lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from filinglint.linter.ast import (
    CoverPage,
    Filing,
    Node,
    ReadNote,
    Span,
    Submission,
    SubmissionDocument,
    SubmissionHeader,
    SubmissionParty,
)
from filinglint.linter.source import Source

_HTML_HEAD = ("<html", "<!doctype html", "<?xml")


def build_root(source: Source) -> Filing | Submission:
    """The AST root: the file's one document, or its submission; with its read notes."""
    from filinglint.linter.envelope import split_submission

    submission = split_submission(source.text)
    if submission is None:
        root: Filing | Submission = _document(source, 0, len(source.text), _plain_kind(source))
    else:
        root = _submission(source, submission)
    if not source.notes:
        return root
    notes = tuple(
        ReadNote(
            span=_located(source, note.offset, note.offset + 1),
            reason="undecodable" if note.severity == "error" else "fallback-encoding",
            message=note.message,
        )
        for note in source.notes
    )
    return replace(root, read_notes=notes)  # a new root, never a patched one


def _plain_kind(source: Source) -> str:
    head = source.text[:4096].lstrip().lower()
    sample = source.text[:200_000]
    if "ffd:" in sample and "ix:" in sample:
        return "xbrl"
    if source.path.lower().endswith((".htm", ".html")) or head.startswith(_HTML_HEAD):
        return "html"
    return "text"


def _document(source: Source, start: int, end: int, kind: str) -> Filing:
    """The Filing of ``source.text[start:end]`` read as ``kind``, spans in file terms."""
    from filinglint.linter.build import build

    text = source.text[start:end]
    if kind == "xbrl":
        from filinglint.linter.fee_exhibit import read_fee_exhibit

        exhibit = read_fee_exhibit(text)
        empty = Span(line=1, column=1, end_line=1, end_column=1)
        filing = Filing(span=empty, cover=CoverPage(span=empty), fee_exhibit=exhibit)
        part = Source(path=source.path, text=text)
        to_file = _shift(start)
    elif kind == "html":
        from filinglint.linter.html import html_to_text

        extracted = html_to_text(text)
        part = Source(path=source.path, text=extracted.text)
        filing = build(part)
        to_file = _through(extracted.source_offset, start)
    else:
        part = Source(path=source.path, text=text)
        filing = build(part)
        to_file = _shift(start)
    if kind != "text" or start:
        remap(filing, _span_mapper(part, source, to_file))
    else:
        filing.span = Span(
            line=1,
            column=1,
            end_line=source.line_count,
            end_column=len(source.line(source.line_count)) + 1,
        )
    return filing


def _shift(start: int) -> Callable[[int], int]:
    return lambda offset: start + offset


def _through(source_offset: Callable[[int], int], start: int) -> Callable[[int], int]:
    return lambda offset: start + source_offset(offset)


def _span_mapper(part: Source, whole: Source, to_file: Callable[[int], int]):
    starts = part.line_starts
    size = len(part.text)

    def offset_of(line: int, column: int) -> int:
        line = min(max(line, 1), len(starts))
        return min(starts[line - 1] + column - 1, size)

    def mapper(span: Span) -> Span:
        start = offset_of(span.line, span.column)
        end = offset_of(span.end_line, span.end_column)
        line, column = whole.position(to_file(start))
        if end <= start:
            return Span(line=line, column=column, end_line=line, end_column=column)
        end_line, end_column = whole.position(to_file(end - 1))
        return Span(line=line, column=column, end_line=end_line, end_column=end_column + 1)

    return mapper


def remap(node: Node, mapper: Callable[[Span], Span]) -> None:
    """Replace every Span below ``node`` (once per object) by ``mapper(span)``."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        for item in fields(current):
            value = getattr(current, item.name)
            if isinstance(value, Span):
                setattr(current, item.name, mapper(value))
            elif isinstance(value, Node):
                stack.append(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], Node):
                stack.extend(value)


def _located(source: Source, start: int, end: int) -> Span:
    line, column = source.position(start)
    end_line, end_column = source.position(max(start, end - 1))
    return Span(line=line, column=column, end_line=end_line, end_column=end_column + 1)


def _submission(source: Source, submission) -> Submission:
    from filinglint.linter.envelope import content_kind

    documents = []
    for part in submission.parts:
        kind = content_kind(part, source.text)
        type_tag = part.tags.get("TYPE")
        type_span = (
            _located(source, type_tag.start, type_tag.end)
            if type_tag and type_tag.end > type_tag.start
            else _located(source, part.start, part.start + len("<DOCUMENT>"))
        )
        filing = None
        if kind in ("text", "html", "xbrl") and part.text_end > part.text_start:
            filing = _document(source, part.text_start, part.text_end, kind)
        documents.append(
            SubmissionDocument(
                span=_located(source, part.start, part.end),
                type=part.type,
                type_span=type_span,
                sequence=part.tag("SEQUENCE") or None,
                filename=part.tag("FILENAME") or None,
                description=part.tag("DESCRIPTION") or None,
                content=kind,
                filing=filing,
            )
        )
    header = _header(source, submission.header) if submission.header.fields else None
    root = Submission(
        span=_located(source, 0, len(source.text)),
        layout=submission.layout,
        header=header,
        documents=tuple(documents),
    )
    return root


def _header(source: Source, header) -> SubmissionHeader:
    def span_of(key: str) -> Span | None:
        found = header.get(key)
        return _located(source, found.start, found.end) if found else None

    def value(key: str) -> str | None:
        found = header.get(key)
        return found.value if found else None

    count = value("document_count")
    parties = tuple(
        SubmissionParty(
            span=_located(source, p.name.start, p.name.end)
            if p.name
            else _located(source, header.start, header.start + 1),
            role=p.role,
            name=p.name.value if p.name else None,
            cik=p.cik.value if p.cik else None,
        )
        for p in header.parties
    )
    return SubmissionHeader(
        span=_located(source, header.start, max(header.start + 1, header.end)),
        accession=value("accession"),
        submission_type=value("submission_type"),
        submission_type_span=span_of("submission_type"),
        document_count=int(count) if count and count.isdigit() else None,
        document_count_span=span_of("document_count"),
        filed_as_of=header.filed_as_of,
        filed_as_of_span=span_of("filed_as_of"),
        parties=parties,
    )
