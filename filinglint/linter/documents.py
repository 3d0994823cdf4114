"""From a Source to the root the rules walk: one Filing, or a Submission of documents.

Each document is read as its own text (ASCII, HTML turned into lines, or an Inline XBRL
fee exhibit) with the ``Place`` of that text in the file the user opened, so every span
of its AST is made in that file's offsets while it is read (never patched afterwards),
and diagnostics, code frames and fingerprints all speak of that file.
"""

from __future__ import annotations

from dataclasses import replace

from filinglint.linter.ast import (
    CoverPage,
    Filing,
    ReadNote,
    Span,
    Submission,
    SubmissionDocument,
    SubmissionHeader,
    SubmissionParty,
)
from filinglint.linter.place import Place
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
    """The Filing of ``source.text[start:end]`` read as ``kind``, its spans in file offsets."""
    text = source.text[start:end]
    if kind == "xbrl":
        from filinglint.linter.fee_exhibit import read_fee_exhibit

        place = Place(shift=start)
        exhibit = read_fee_exhibit(text, place)
        empty = place.span(0, 0)
        return Filing(span=empty, cover=CoverPage(span=empty), fee_exhibit=exhibit)
    from filinglint.linter.build import build

    if kind == "html":
        from filinglint.linter.html import html_to_text

        extracted = html_to_text(text)
        return build(extracted.text, Place(shift=start, to_file=extracted.source_offset))
    return build(text, Place(shift=start))


def _located(source: Source, start: int, end: int) -> Span:
    """The span of a part of the envelope; an empty one still covers one character (if
    the text has one: a note on an empty UTF-16 file points at its empty start)."""
    size = len(source.text)
    start = min(start, size)
    return Span(start=start, end=min(max(end, start + 1), size))


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
        document_count=int(count) if count and count.isascii() and count.isdigit() else None,
        document_count_span=span_of("document_count"),
        filed_as_of=header.filed_as_of,
        filed_as_of_span=span_of("filed_as_of"),
        parties=parties,
    )
