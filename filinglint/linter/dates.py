"""Every written date, with the role its sentence gives it (original filing, amendment,
signature, expiration, previous expiration, commencement, extension announcement,
change in the offer's price or shares sought).

Dates are found in one pass over the whole text (they wrap across lines), and the
phrases that give them roles in one more pass, so the cost stays linear.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from filinglint.linter import values
from filinglint.linter.ast import DateMention, ShortYearDate
from filinglint.linter.place import Place

_BOUNDARY = re.compile(r"[.;]\s+[A-Z(\"“]|\n\s*\n")
# One pass finds every phrase that gives a nearby date its role. It runs on the
# lower-cased text (several times faster than IGNORECASE); the lookahead lets the regex
# engine skip to the few characters that can start a phrase.
_TRIGGER_PATTERN = (
    r"(?=[oiapwe])(?:(?P<original>(?:original|initial)ly\s+filed\b)"
    r"|(?P<amendment>amendment\s+no\.?\s*(?P<number>" + values.GROUPED_NUMBER + r")\b)"
    r"|(?P<previous>(?:previously|originally|initially|was)\s+(?:been\s+)?scheduled\s+to\s+expire\b)"
    r"|(?P<extended>extend(?:s|ed|ing)?\b))"
)
_TRIGGERS = re.compile(r"\b" + _TRIGGER_PATTERN)


@cache
def _triggers_any_case() -> re.Pattern[str]:
    """The phrases for a text that lower-casing would shift (rare: compiled on first use,
    since compiling costs about 0.2 ms of every start)."""
    return re.compile(r"\b" + _TRIGGER_PATTERN.replace("(?=[oiapwe])", ""), re.IGNORECASE)


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

    def __init__(self, text: str) -> None:
        self.text = text
        self.matches = list(values.DATE_RE.finditer(self.text))
        self.starts = [m.start() for m in self.matches]

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

    def date_after_until(self, offset: int, window: int) -> int | None:
        """The first date within ``window`` that an "until"/"to" leads straight to.

        "extended the Offer to Purchase dated March 13, 2003 until 5:00 p.m. on April
        23, 2003" must give April 23, not the offer's own date: only a short run of
        time-of-day words may stand between the "until"/"to" and the date.
        """
        index = bisect.bisect_left(self.starts, offset)
        while index < len(self.matches) and self.starts[index] - offset <= window:
            between = self.text[offset : self.starts[index]]
            if _BOUNDARY.search(between):
                return None
            leads = list(_UNTIL.finditer(between))
            if leads:
                tail = between[leads[-1].end() :]
                if len(tail) <= _MAX_TIME_PHRASE and not _DATED.search(tail):
                    return index
            index += 1
        return None


_MAX_TIME_PHRASE = 80  # "one minute after 11:59 p.m., New York City time, on Friday,"
_DATED = re.compile(r"\bdated\b", re.IGNORECASE)


# When two phrases point at one date, the more specific reading wins: "This Amendment
# No. 3 amends the Schedule TO originally filed on ..." dates the original filing.
_ROLE_PRIORITY = {
    "original-filing": 0,
    "previous-expiration": 1,
    "expiration": 2,
    "amendment-filing": 3,
}
_THIS = re.compile(r"\bthis\s*[\"“'‘]?\s*$", re.IGNORECASE)  # also (this "Amendment No. 2")


def _date_roles(index: _DateIndex, signature_lines: set[int]) -> dict[int, tuple]:
    """Map date index → (role, amendment number, time) from the sentences around it."""
    text = index.text
    roles: dict[int, tuple] = {}
    lowered = text.lower()
    if len(lowered) == len(text):
        triggers = _TRIGGERS.finditer(lowered)
    else:  # a few characters change length when lower-cased; keep offsets exact
        triggers = _triggers_any_case().finditer(text)
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
            if found is None:
                found = _filed_on(index, end, verbs=False)
            role = ("amendment-filing", int(match.group("number").replace(",", "")), None)
        elif kind == "previous":
            found = index.first_after(end, 160)
            role = ("previous-expiration", None, None)
        else:
            if _HEDGED.search(text, before, start):
                continue
            found = index.date_after_until(end, 200)
            role = ("expiration", None, None)
        if found is None:
            continue
        if role[0] in ("expiration", "previous-expiration"):
            role = (role[0], None, _clock(text[end : index.starts[found]]))
        current = roles.get(found)
        if current is None or _ROLE_PRIORITY[role[0]] < _ROLE_PRIORITY[current[0]]:
            roles[found] = role
    for number, start in enumerate(index.starts):
        if text.rfind("\n", 0, start) + 1 in signature_lines:  # the date's line is dated
            roles.setdefault(number, ("signature", None, None))
    return roles


# Commencement, the announcement of an extension and a change in the offer's terms are
# read in a pass of their own, after every other role, and only give a role to a date
# that has none: they never change another reading. All are conservative: the phrase must
# lead straight to the date, or open the date's own sentence. The pass looks for a few
# literal words in the lower-cased text (str.find is fast) and reads the phrase around
# each with anchored patterns, so it costs little even on a long filing.
_COMMENCED_AT = re.compile(
    r"commenc(?:ed\s+(?:the|its|this)\s+(?:tender\s+)?offer"
    r"|ement\s+of\s+(?:the|this|its)\s+(?:tender\s+)?offer)\s+on\s+"
)
_COMMENCED_ON = re.compile(r"commenced\s+on\s+")
_OFFER_BEFORE = re.compile(r"\b(?:the|this|its)\s+(?:tender\s+)?offer\s+(?:was\s+)?$")
# "the expected commencement of the offer on", "has not commenced the offer on"
_COMMENCE_HEDGED = re.compile(
    r"\b(?:expect\w*|anticipat\w*|propos\w*|plan\w*|intend\w*|schedul\w*|will|would"
    r"|may|might|could|shall|not|no|if|unless|until)\s+(?:the\s+|to\s+|have\s+|be\s+)*$"
)
_ANNOUNCED_BEFORE = re.compile(r"\bannounc(?:ed|ing)\s+(?:the|an|its|such)\s+$")
_ANNOUNCE_HEDGED = re.compile(
    r"\b(?:will|would|shall|may|might|could|intends?|expects?|plans?|anticipates?|not|if)\b",
    re.IGNORECASE,
)
# Rule 14e-1(b): "On May 5, 2003, the Company increased the offer price to …". An increase
# in the shares sought is left out: Rule 14e-1(b) does not count one of up to two percent
# of the class, which the text may not settle.
_CHANGE_WORDS = ("price", "consideration", "shares sought")
_CHANGED_BEFORE = re.compile(
    r"\b(?:(?:increas|rais|decreas|reduc)(?:ed|ing)\s+the|an?\s+(?:increase|decrease|reduction)"
    r"\s+(?:in|of)\s+the)\s+(?:(?:offer|purchase)\s+$|$)"
)
_REDUCED_BEFORE = re.compile(
    r"\b(?:(?:decreas|reduc)(?:ed|ing)\s+the|an?\s+(?:decrease|reduction)\s+(?:in|of)\s+the)"
    r"\s+(?:(?:maximum\s+)?number\s+of\s+|percentage\s+of\s+(?:the\s+)?(?:outstanding\s+)?)$"
)


def _occurrences(lowered: str, word: str):
    position = lowered.find(word)
    while position >= 0:
        yield position
        position = lowered.find(word, position + 1)


def _changes(lowered: str):
    """Where each phrase of a change in price or a reduction in shares sought starts."""
    for word in _CHANGE_WORDS:
        for position in _occurrences(lowered, word):
            window = max(0, position - 80)
            if word == "shares sought":
                lead = _REDUCED_BEFORE.search(lowered, window, position)
                if lead is not None:
                    yield lead.start()
                continue
            lead = _CHANGED_BEFORE.search(lowered, window, position)
            if lead is None:
                continue
            # "the offer price", "the purchase price", "the price offered", "the offer
            # consideration", "the consideration offered": the offer's own terms only
            named = lowered[lead.start() : position].rstrip().endswith(("offer", "purchase"))
            offered = lowered.startswith(" offered", position + len(word))
            if named or offered:
                yield lead.start()


_ON_BEFORE = re.compile(r"(?:(?<![\w,])On|\bAt\s+(?P<clock>[^;]{1,60}?time),?\s+on)\s+$")
_AT_AFTER = re.compile(r",?\s+(?:at\s+)?(?P<clock>[^;]{1,60}?time)\b")
_MAX_ANNOUNCE_GAP = 200
_ZONE = re.compile(
    r"[.,]*\s*(?:(?:new\s+york\s+city|eastern)\s+)?(?:standard\s+|daylight\s+)?time",
    re.IGNORECASE,
)


def _exact_clock(phrase: str) -> str | None:
    """The time of day ``phrase`` is, when it is nothing but one ("8:30 a.m., New York City
    time"); None otherwise."""
    match = _TIME.match(phrase.strip())
    if match is None or match.group(0).lower().startswith("one"):
        return None
    if not _ZONE.fullmatch(phrase.strip()[match.end() :]):
        return None
    return _clock(phrase)


def _leading_date(index: _DateIndex, at: int) -> tuple[int, str | None] | None:
    """The date that opens the sentence holding offset ``at`` ("On October 7, 2009, the
    Company …", "At 8:30 a.m., New York City time, on October 7, 2009, …") and the time of
    day written with it; None unless the sentence plainly opens so, with no hedge."""
    text = index.text
    position = bisect.bisect_left(index.starts, at) - 1
    if position < 0:
        return None
    date = index.matches[position]
    between = text[date.end() : at]
    if len(between) > _MAX_ANNOUNCE_GAP or _BOUNDARY.search(between):
        return None
    if _ANNOUNCE_HEDGED.search(between):
        return None
    lead = _ON_BEFORE.search(text, max(0, date.start() - 80), date.start())
    if lead is None:
        return None
    before = text[max(0, lead.start() - 3) : lead.start()]
    if before.strip() and not re.search(r"(?:[.;:]|\n\s*\n)\s*$", before):
        return None  # "On" must open the sentence
    clock = None
    if lead.group("clock"):
        clock = _exact_clock(lead.group("clock"))
    else:
        after = _AT_AFTER.match(between)
        if after is not None:
            clock = _exact_clock(after.group("clock"))
    return position, clock


def _timing_roles(index: _DateIndex, roles: dict[int, tuple]) -> None:
    """Add ``commencement``, ``extension-announcement`` and ``terms-change`` to dates
    that have no role."""
    text = index.text
    lowered = text.lower()
    if len(lowered) != len(text):  # keep offsets exact where lower-casing shifts them
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    by_start = {start: number for number, start in enumerate(index.starts)}
    for position in _occurrences(lowered, "commenc"):
        phrase = _COMMENCED_AT.match(lowered, position)
        start = position
        if phrase is None:
            phrase = _COMMENCED_ON.match(lowered, position)
            offer = _OFFER_BEFORE.search(lowered, max(0, position - 40), position)
            if phrase is None or offer is None:
                continue
            start = offer.start()
        number = by_start.get(phrase.end())
        if number is None or _COMMENCE_HEDGED.search(lowered, max(0, start - 40), start):
            continue
        roles.setdefault(number, ("commencement", None, None))
    for position in _occurrences(lowered, "extension"):
        phrase = _ANNOUNCED_BEFORE.search(lowered, max(0, position - 30), position)
        if phrase is None or not re.match(r"extension\b", lowered[position : position + 10]):
            continue
        found = _leading_date(index, phrase.start())
        if found is not None:
            roles.setdefault(found[0], ("extension-announcement", None, found[1]))
    for start in _changes(lowered):
        found = _leading_date(index, start)
        if found is not None:
            roles.setdefault(found[0], ("terms-change", None, None))


# The statement an amendment amends, "filed" with the SEC on a date: "the Tender Offer
# Statement on Schedule TO filed by Acme Corp. … with the Securities and Exchange
# Commission on May 17, 2010", "the Schedule 14D-9 filed with the SEC on …", "the
# Transaction Statement on Schedule 13E-3 (the "Schedule 13E-3") filed on …". The name
# must lead straight to "filed" (a defined term in parentheses may stand between), so
# "the Company's Form 10-K filed on" is never read as the statement's filing.
_STATEMENT_FILED = re.compile(
    r"(?=[tsr])(?:(?:tender\s+offer|transaction|solicitation/recommendation|recommendation)"
    r"\s+statement(?:\s+on\s+schedule\s+(?:to(?:-[itc])?|13e-3|14d-9)(?:/a)?)?"
    r"|schedule\s+(?:to(?:-[itc])?|13e-3|14d-9)(?:/a)?)\b"
    r"(?:\s*\([^()]{0,120}\))?\s*,?\s*(?:as\s+)?(?:originally\s+|initially\s+)?filed\b"
)
# Only the statement the filing amends: "amends and supplements the Tender Offer Statement
# …", not a 14D-9's account of "the Schedule TO filed by Parent … on".
_AMENDS = re.compile(r"\b(?:amend|supplement)(?:s|ed|ing)?\b[^.;]{0,30}$")
# "Amendment No. 1 to the Schedule TO filed …" dates the amendment, not the statement.
_AMENDMENT_OF = re.compile(
    r"amendment\s+no\.?\s*"
    + values.GROUPED_NUMBER
    + r"\s*(?:\([^()]{0,40}\)\s*)?(?:to|of)\s+(?:the\s+|its\s+)?$"
)
_ON_THE_DATE = re.compile(r"\bon\s+(?:or\s+about\s+)?$")
_AMENDMENT_WORDS = re.compile(r"amendment\s+no", re.IGNORECASE)
# A sentence ends after a word, not after an initial or an abbreviation: the list of
# filing persons ("Icahn Enterprises G.P. Inc., … L.P. a Delaware …") is one sentence.
_SENTENCE_END = re.compile(r"[a-z]{3}[.;]\s+[A-Z(\"“]|\n\s*\n")
_AMENDING = re.compile(r"\b(?:amends|supplements|hereby\s+amend)", re.IGNORECASE)
_MAX_FILED_GAP = 450  # "filed by" and a list of filing persons, then "with the SEC on"


def _filed_on(
    index: _DateIndex, end: int, window: int = _MAX_FILED_GAP, *, verbs: bool = True
) -> int | None:
    """The date a filing phrase ending at ``end`` leads to across a long list of filing
    persons: "Amendment No. 1 … filed by <persons> with the SEC on <date>", in the same
    sentence, with "filed" and then "on" before the date and no other amendment between
    (nor, with ``verbs`` False, a verb that amends: the phrase is then a subject that
    amends another statement, not a filing that was filed)."""
    found = bisect.bisect_left(index.starts, end)
    if found >= len(index.starts) or index.starts[found] - end > window:
        return None
    between = index.text[end : index.starts[found]]
    if _SENTENCE_END.search(between) or _AMENDMENT_WORDS.search(between):
        return None
    if not verbs and _AMENDING.search(between):
        return None
    if not _FILED.search(between) or not _ON_THE_DATE.search(between):
        return None
    return found


def _statement_filing_roles(index: _DateIndex, roles: dict[int, tuple]) -> None:
    """Give ``original-filing`` to the date the statement being amended was filed on
    ("amends the Schedule TO filed … on"), wherever the sentence puts it, where no other
    phrase gave that date a role (an amendment's filing date keeps its own)."""
    text = index.text
    lowered = text.lower()
    if len(lowered) != len(text):  # keep offsets exact where lower-casing shifts them
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for match in _STATEMENT_FILED.finditer(lowered):
        if not _AMENDS.search(lowered, max(0, match.start() - 40), match.start()):
            continue
        if _AMENDMENT_OF.search(lowered, max(0, match.start() - 60), match.start()):
            continue
        # from the statement's name, so "filed" is in what lies between
        found = _filed_on(index, match.start(), _MAX_FILED_GAP + match.end() - match.start())
        if found is not None and found not in roles:
            roles[found] = ("original-filing", None, None)


def build_dates(text: str, place: Place, signature_lines: set[int]) -> list[DateMention]:
    """Every date of ``text``; ``signature_lines`` are where the dated signature lines start."""
    index = _DateIndex(text)
    roles = _date_roles(index, signature_lines)
    _statement_filing_roles(index, roles)
    _timing_roles(index, roles)
    dates: list[DateMention] = []
    for number, match in enumerate(index.matches):
        year, month, day, weekday, value = values.date_parts(match)
        role, amendment, clock = roles.get(number, (None, None, None))
        dates.append(
            DateMention(
                span=place.span(match.start(), match.end()),
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


# A date the rules would read: one that a filing, expiration or signature phrase leads to.
_READ_CUE = re.compile(
    r"\b(?:expire[sd]?|expiration|extended|until|filed|dated|date)\b", re.IGNORECASE
)


def build_short_year_dates(text: str, place: Place) -> list[ShortYearDate]:
    """Dates written with a two-digit year ("April 16, 03") where a filing, expiration
    or signature phrase leads to them: the dates the rules read, but cannot."""
    found = []
    for match in values.SHORT_YEAR_RE.finditer(text):
        date = values.MONTH_DAY_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        if date is None:
            continue
        before = text[max(0, date.start() - 160) : date.start()]
        cues = list(_READ_CUE.finditer(before))
        if cues and not _BOUNDARY.search(before, cues[-1].end()):
            found.append(
                ShortYearDate(
                    span=place.span(date.start(), match.end()),
                    text=" ".join(text[date.start() : match.end()].split()),
                    year=int(match.group(1)),
                )
            )
    return found
