"""Every written date, with the role its sentence gives it (original filing, amendment,
signature, expiration, previous expiration).

Dates are found in one pass over the whole text (they wrap across lines), and the
phrases that give them roles in one more pass, so the cost stays linear.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from filinglint.linter import values
from filinglint.linter.ast import DateMention
from filinglint.linter.place import Place

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
_THIS = re.compile(r"\bthis\s*$", re.IGNORECASE)


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
            role = ("amendment-filing", int(match.group("number")), None)
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


def build_dates(text: str, place: Place, signature_lines: set[int]) -> list[DateMention]:
    """Every date of ``text``; ``signature_lines`` are where the dated signature lines start."""
    index = _DateIndex(text)
    roles = _date_roles(index, signature_lines)
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
