"""Which form a document is, what its form spec says, and which rules apply to it.

A document's form is, in this order: the submission header's type (``CONFORMED
SUBMISSION TYPE``: every document of a submission, the exhibits too, belongs to that
filing), else the ``<TYPE>`` of its ``<DOCUMENT>`` (or, for an EDGAR XML document opened
on its own, the ``<submissionType>`` of its header data), else the form its cover's title names
("SCHEDULE 13E-3"), else the form the user gave (``--form`` or the ``form`` setting).
The first that says anything wins; the Filing records the form and where it came from
(``Filing.form_type``, ``Filing.form_source``).

The form specs (``schema/forms/*.json``) list the EDGAR types they cover without
"/A": an amendment is read with its base type's entry (``SC TO-T/A`` → ``SC TO-T``).

A rule's ``forms`` are patterns of EDGAR types (``fnmatch``, upper case), matched
against the form and its base: ``SC 13E3`` matches ``SC 13E3`` and ``SC 13E3/A``, and
``SC TO-*`` the whole Schedule TO family, including a cover whose title has no letter
("SCHEDULE TO", read as ``SC TO``). A rule applies to a document whose form is unknown.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache

from filinglint.schema import load_json

SPEC_FILES = (
    "forms/schedule-to.json",
    "forms/schedule-13e-3.json",
    "forms/schedule-14d-9.json",
)
ORIGINS = ("header", "document", "cover", "option")
# The Regulation M-A schedules whose exhibits are listed by Item 1016 codes ("(a)(1)(A)"):
# Schedule TO Item 12, Schedule 13E-3 Item 16, Schedule 14D-9 Item 9 (17 CFR 229.1016).
MA_SCHEDULES = ("SC TO-*", "SC 13E3", "SC 14D9")


@cache
def form_specs() -> tuple[dict, ...]:
    """Every form spec, Schedule TO first."""
    return tuple(load_json(name) for name in SPEC_FILES)


def normalize(form: str | None) -> str | None:
    """A form type as EDGAR writes it: upper case, single spaces; None for nothing."""
    if form is None:
        return None
    text = " ".join(form.upper().split())
    return text.replace(" /", "/").replace("/ ", "/") or None


def base_form(form: str) -> str:
    """The form without its amendment suffix: ``SC TO-T/A`` → ``SC TO-T``."""
    text = normalize(form) or ""
    return text[:-2] if text.endswith("/A") else text


def is_amendment(form: str | None) -> bool:
    return bool(form) and (normalize(form) or "").endswith("/A")


def _covers(spec_type: str, base: str) -> bool:
    """A spec type covers the base form itself, or a family name without its letter."""
    return spec_type == base or spec_type.startswith(base + "-")


@cache
def spec_for(form: str | None) -> dict | None:
    """The form spec that covers ``form`` (an amendment by its base type), if any."""
    if not form:
        return None
    base = base_form(form)
    for spec in form_specs():
        if any(_covers(entry["type"], base) for entry in spec["forms"]):
            return spec
    return None


@cache
def form_entry(form: str | None) -> dict:
    """The spec's entry for exactly this form type (its fee, the boxes it must check);
    empty when the form is unknown or is only a family name ("SC TO")."""
    spec = spec_for(form)
    if spec is None or form is None:
        return {}
    base = base_form(form)
    return next((entry for entry in spec["forms"] if entry["type"] == base), {})


@cache
def group_spec(group_id: str) -> dict:
    """The spec entry of a box group, whichever form defines it."""
    for spec in form_specs():
        for group in spec["groups"]:
            if group["id"] == group_id:
                return group
    return {}


def form_title(form: str | None) -> str:
    """How messages name the form: "Schedule 13E-3", else the form type itself."""
    spec = spec_for(form)
    if spec is not None:
        return spec["title"].split(" — ")[0]
    return form or "this form"


def matches(form: str, pattern: str) -> bool:
    """Whether a form type (or its base) matches a rule's form pattern."""
    pattern = pattern.upper()
    form = normalize(form) or ""
    base = base_form(form)
    if fnmatchcase(form, pattern) or fnmatchcase(base, pattern):
        return True
    return pattern.endswith("-*") and base == pattern[:-2]


def applies(forms: tuple[str, ...], form: str | None) -> bool:
    """Whether a rule declared for ``forms`` checks a document of ``form``: every rule
    checks a document whose form is unknown, and a rule without forms checks every one."""
    return not forms or not form or any(matches(form, pattern) for pattern in forms)


_XML_HEAD = 8192  # EDGAR's XML forms give the header data first
_STATED = "submissionType>"


def stated_form(text: str) -> str | None:
    """The form an EDGAR XML document states in its header data
    (``<submissionType>24F-2NT</submissionType>``, the tag possibly namespaced), or None
    for any other text."""
    head = text[:_XML_HEAD]
    if not head.lstrip().startswith("<"):
        return None
    at = head.find(_STATED)
    while at > 0 and head[at - 1] not in "<:":  # "<ns:submissionType>" or "<submissionType>"
        at = head.find(_STATED, at + 1)
    if at <= 0 or head[head.rfind("<", 0, at) + 1] == "/":
        return None
    start = at + len(_STATED)
    end = head.find("<", start)
    value = head[start:end].strip() if end != -1 else ""
    return normalize(value) if value and len(value) <= 20 else None


def resolve(
    header: str | None = None,
    document: str | None = None,
    cover: str | None = None,
    option: str | None = None,
) -> tuple[str | None, str | None]:
    """(form, origin): the first of header type, document type, cover form and the
    configured form that is given, and which of those it was (see ``ORIGINS``)."""
    for origin, value in zip(ORIGINS, (header, document, cover, option), strict=True):
        form = normalize(value)
        if form:
            return form, origin
    return None, None
