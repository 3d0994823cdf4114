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
# A decode note's severity names what the reader met: bytes no encoding explains, a
# Word document's tracked changes, or (info) a fallback encoding.
_NOTE_REASONS = {"error": "undecodable", "tracked-changes": "tracked-changes"}


def build_root(source: Source, form: str | None = None) -> Filing | Submission:
    """The AST root: the file's one document, or its submission; with its read notes.

    ``form`` is the form the user says the file is (``--form``): a document whose header,
    ``<TYPE>`` and cover title say nothing is read as that form.
    """
    from filinglint.linter.envelope import split_submission

    submission = split_submission(source.text)
    if submission is None:
        from filinglint.linter.query.form import stated_form

        filing = _document(source, 0, len(source.text), _plain_kind(source))
        root: Filing | Submission = _with_form(filing, None, stated_form(source.text), form)
    else:
        root = _submission(source, submission, form)
    if not source.notes:
        return root
    notes = tuple(
        ReadNote(
            span=_located(source, note.offset, note.offset + 1),
            reason=_NOTE_REASONS.get(note.severity, "fallback-encoding"),
            message=note.message,
        )
        for note in source.notes
    )
    return replace(root, read_notes=notes)  # a new root, never a patched one


def _plain_kind(source: Source) -> str:
    head = source.text[:4096].lstrip().lower()
    sample = source.text[:200_000]
    if _is_fund_notice_xml(source.text):
        return "fund-xml"
    if "ffd:" in sample and "ix:" in sample:
        return "xbrl"
    if source.path.lower().endswith((".htm", ".html")) or head.startswith(_HTML_HEAD):
        return "html"
    return "text"


def _document(source: Source, start: int, end: int, kind: str) -> Filing:
    """The Filing of ``source.text[start:end]`` read as ``kind``, its spans in file offsets."""
    text = source.text[start:end]
    if kind == "fund-xml":  # a 24F-2NT fee notice in EDGAR's XML
        from filinglint.linter.fund_fee_notice import read_fund_notice_xml

        place = Place(shift=start)
        notices, dates = read_fund_notice_xml(text, place)
        empty = place.span(0, 0)
        return Filing(
            span=empty, cover=CoverPage(span=empty), fund_fee_notices=notices, dates=dates
        )
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
        filing = build(extracted.text, Place(shift=start, to_file=extracted.source_offset))
        return _with_html_fee_exhibit(filing, text, start)
    return build(text, Place(shift=start))


def _with_html_fee_exhibit(filing: Filing, html: str, start: int) -> Filing:
    """The filing with the fee exhibit its HTML tables hold (Exhibit 107 filed without
    Inline XBRL), read by ``fee_exhibit_html`` into the model the FFX rules check."""
    from filinglint.linter.fee_exhibit_html import looks_like_fee_exhibit, read_html_fee_exhibit

    if filing.fee_exhibit is not None or not looks_like_fee_exhibit(html):
        return filing
    exhibit = read_html_fee_exhibit(html, Place(shift=start))
    return filing if exhibit is None else replace(filing, fee_exhibit=exhibit)


def _is_fund_notice_xml(text: str, start: int = 0) -> bool:
    """A 24F-2NT fee notice in EDGAR's XML (its namespace near the start)."""
    return "twentyfourf2filer" in text[start : start + 4096]


def _with_form(
    filing: Filing, header: str | None, document: str | None, option: str | None
) -> Filing:
    """The filing with the form it is read as, and where that came from."""
    from filinglint.linter.query.form import resolve

    form, origin = resolve(header, document, filing.cover.form, option)
    if form == filing.form_type and origin == filing.form_source:
        return filing
    return replace(filing, form_type=form, form_source=origin)


def _located(source: Source, start: int, end: int) -> Span:
    """The span of a part of the envelope; an empty one still covers one character (if
    the text has one: a note on an empty UTF-16 file points at its empty start)."""
    size = len(source.text)
    start = min(start, size)
    return Span(start=start, end=min(max(end, start + 1), size))


def _submission(source: Source, submission, form: str | None = None) -> Submission:
    from filinglint.linter.envelope import content_kind

    header = _header(source, submission.header) if submission.header.fields else None
    header_type = header.submission_type if header is not None else None
    # Without a header, the first document's <TYPE> is the filing's (EDGAR's submission
    # type is its primary document's): an exhibit after it belongs to that filing.
    primary = submission.parts[0].type if submission.parts and header_type is None else None
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
            filing = _with_form(filing, header_type, primary or part.type or None, form)
        elif kind == "data" and _is_fund_notice_xml(source.text, part.text_start):
            filing = _document(source, part.text_start, part.text_end, "fund-xml")
            filing = _with_form(filing, header_type, part.type or None, form)
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
