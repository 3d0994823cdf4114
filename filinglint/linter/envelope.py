"""EDGAR submissions: the header and the ``<DOCUMENT>`` parts, located in the file.

A complete submission (``<SEC-DOCUMENT>``/``<SEC-HEADER>`` with ``KEY:<tab>value`` lines,
sometimes wrapped in ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----``, or the dissemination
form ``<SUBMISSION>`` with one tag per value) holds several documents. Each is linted as
its own document, so every part keeps the offsets of its text in the file the user
opened. The scan is linear: one pass of a tag regex over the header and one search per
document boundary.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

_SNIFF = 4096
_TAG_VALUE = re.compile(r"<([A-Z0-9][A-Z0-9-]*)>[ \t]*([^<\r\n]*)")
_KEY_VALUE = re.compile(r"^([ \t]*)([A-Z][A-Z0-9 ().,/&-]*?):[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_DOCUMENT_FIELDS = ("TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION")
BINARY_TYPES = frozenset(("GRAPHIC", "ZIP", "PDF", "EXCEL"))
DATA_TYPES = frozenset(("JSON", "XML"))

# Header keys of the two layouts, mapped to one vocabulary.
_SGML_KEYS = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "submission_type",
    "PUBLIC DOCUMENT COUNT": "document_count",
    "FILED AS OF DATE": "filed_as_of",
    "COMPANY CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "FORM TYPE": "form_type",
}
_NC_KEYS = {
    "ACCESSION-NUMBER": "accession",
    "TYPE": "submission_type",
    "PUBLIC-DOCUMENT-COUNT": "document_count",
    "FILING-DATE": "filed_as_of",
    "CONFORMED-NAME": "name",
    "CIK": "cik",
    "FORM-TYPE": "form_type",
}
_ROLES_SGML = {"SUBJECT COMPANY": "subject-company", "FILED BY": "filed-by", "FILER": "filer"}
_ROLES_NC = {"SUBJECT-COMPANY": "subject-company", "FILED-BY": "filed-by", "FILER": "filer"}


@dataclass
class HeaderValue:
    """A header value and where it stands (offsets into the file's text)."""

    value: str
    start: int
    end: int


@dataclass
class Party:
    """A company block of the header: subject company, filed-by or filer."""

    role: str
    name: HeaderValue | None = None
    cik: HeaderValue | None = None
    form_type: HeaderValue | None = None


@dataclass
class Header:
    fields: dict[str, HeaderValue] = field(default_factory=dict)
    parties: list[Party] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def get(self, key: str) -> HeaderValue | None:
        return self.fields.get(key)

    @property
    def filed_as_of(self) -> datetime.date | None:
        found = self.fields.get("filed_as_of")
        if found is None or not re.fullmatch(r"\d{8}", found.value):
            return None
        try:
            return datetime.datetime.strptime(found.value, "%Y%m%d").date()
        except ValueError:
            return None


@dataclass
class Part:
    """One ``<DOCUMENT>``: its tags and the extent of its ``<TEXT>`` in the file."""

    start: int  # offset of <DOCUMENT>
    end: int  # offset just after </DOCUMENT> (or the end of the file)
    tags: dict[str, HeaderValue] = field(default_factory=dict)
    text_start: int = 0
    text_end: int = 0

    def tag(self, name: str) -> str:
        found = self.tags.get(name)
        return found.value if found else ""

    @property
    def type(self) -> str:
        return self.tag("TYPE").upper()


@dataclass
class Submission:
    layout: str  # "sgml" or "nc"
    header: Header
    parts: list[Part]


def looks_like_submission(text: str) -> bool:
    head = text[:_SNIFF].lstrip()
    return (
        head.startswith(("<SEC-DOCUMENT>", "<SUBMISSION>", "-----BEGIN PRIVACY-ENHANCED"))
        or "<SEC-HEADER>" in head
        or (head.startswith("<DOCUMENT>") and "<TYPE>" in head)
        # the inside of a <SEC-HEADER> cut out on its own (a header file's fields)
        or (head.startswith("<ACCEPTANCE-DATETIME>") and "ACCESSION NUMBER:" in head)
    )


def split_submission(text: str) -> Submission | None:
    """The header and documents of a submission, or None for a plain document."""
    if not looks_like_submission(text):
        return None
    first_document = text.find("<DOCUMENT>")
    header_end = first_document if first_document != -1 else len(text)
    if "<SEC-HEADER>" in text[:_SNIFF] or "ACCESSION NUMBER:" in text[:header_end]:
        layout, header = "sgml", _sgml_header(text, header_end)
    else:
        layout, header = "nc", _nc_header(text, header_end)
    return Submission(layout=layout, header=header, parts=list(_parts(text, first_document)))


def _sgml_header(text: str, limit: int) -> Header:
    start = text.find("<SEC-HEADER>")
    start = 0 if start == -1 else start
    end = text.find("</SEC-HEADER>", start, limit)
    end = limit if end == -1 else end
    header = Header(start=start, end=end)
    party: Party | None = None
    for match in _KEY_VALUE.finditer(text, start, end):
        indent, key, value = match.group(1), match.group(2).strip(), match.group(3)
        if not indent and key in _ROLES_SGML:
            party = Party(role=_ROLES_SGML[key])
            header.parties.append(party)
            continue
        if not indent:
            party = None  # a top-level key ends the company block above it
        name = _SGML_KEYS.get(key)
        if name is None or not value:
            continue
        located = HeaderValue(value, match.start(3), match.end(3))
        _store(header, party, name, located)
    return header


def _nc_header(text: str, limit: int) -> Header:
    start = text.find("<SUBMISSION>")
    header = Header(start=max(start, 0), end=limit)
    party: Party | None = None
    for match in re.finditer(r"<(/?)([A-Z0-9][A-Z0-9-]*)>[ \t]*([^<\r\n]*)", text[:limit]):
        closing, tag, value = match.group(1), match.group(2), match.group(3).rstrip()
        if tag in _ROLES_NC:
            if closing:
                party = None
            else:
                party = Party(role=_ROLES_NC[tag])
                header.parties.append(party)
            continue
        name = _NC_KEYS.get(tag)
        if closing or name is None or not value:
            continue
        located = HeaderValue(value, match.start(3), match.start(3) + len(value))
        _store(header, party, name, located)
    return header


def _store(header: Header, party: Party | None, name: str, value: HeaderValue) -> None:
    if name in ("name", "cik", "form_type"):
        if party is not None and getattr(party, name) is None:
            setattr(party, name, value)
    elif party is None:
        header.fields.setdefault(name, value)


def _parts(text: str, position: int):
    while position != -1:
        end = text.find("</DOCUMENT>", position)
        next_start = text.find("<DOCUMENT>", position + 10)
        if end == -1 or (next_start != -1 and next_start < end):
            end = next_start if next_start != -1 else len(text)
            stop = end
        else:
            stop = end + len("</DOCUMENT>")
        part = Part(start=position, end=stop)
        text_open = text.find("<TEXT>", position, end)
        tag_limit = text_open if text_open != -1 else end
        for match in _TAG_VALUE.finditer(text, position, tag_limit):
            if match.group(1) in _DOCUMENT_FIELDS and match.group(1) not in part.tags:
                value = match.group(2).rstrip()
                part.tags[match.group(1)] = HeaderValue(
                    value, match.start(2), match.start(2) + len(value)
                )
        if text_open != -1:
            body = text_open + len("<TEXT>")
            if text.startswith("\n", body):
                body += 1
            close = text.rfind("</TEXT>", body, end)
            part.text_start, part.text_end = body, close if close != -1 else end
        else:
            part.text_start = part.text_end = tag_limit
        yield part
        position = next_start


def content_kind(part: Part, text: str) -> str:
    """How to read a document: ``text``, ``html``, ``xbrl`` (an Inline XBRL filing-fee
    exhibit), ``binary`` (uuencoded or PDF: skipped with a note) or ``data`` (XML, XBRL
    schemas, viewer files: not a filing's prose, skipped silently)."""
    body = text[part.text_start : min(part.text_end, part.text_start + _SNIFF)].lstrip()
    lowered = body.lower()
    filename = part.tag("FILENAME").lower()
    if re.match(r"begin [0-7]{3} ", body) or lowered.startswith("<pdf>"):
        return "binary"
    if part.type in BINARY_TYPES:
        return "binary"
    if part.type in DATA_TYPES or part.type.startswith("EX-101"):
        return "data"
    if part.type.startswith("EX-FILING FEES") or part.type == "EX-107":
        return "xbrl" if "ix:" in text[part.text_start : part.text_end] else "html"
    html_name = filename.endswith((".htm", ".html"))
    if html_name or lowered.startswith(("<html", "<!doctype html", "<xbrl>")):
        return "html"
    if lowered.startswith(("<xml>", "<?xml")) or filename.endswith((".xml", ".xsd", ".json")):
        return "data"
    return "text"
