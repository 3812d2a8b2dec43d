"""Publication dates in the forms news pages print them, parsed by a small linear tokenizer.

Understood: ``23 October 2024, 07:54``, ``March 01, 2008``, ``Friday, July 21, 2017``,
``2024-10-23T07:54Z``, ``Updated 10:32 GMT, 23 Oct 2024``, ``Wed 23 Oct 2024 07.54 BST``,
``Oct. 23, 2024 7:54 a.m. ET``, ``Published: ...`` and numeric ``25/03/2024`` (day and month
only when one of them is over 12, or both are equal). A zone (``Z``, ``GMT``, ``UTC``, ``+01:00``,
``BST``, ``EDT``...) gives a tz-aware datetime; without one the datetime is naive.

:func:`parse_date_line` says whether a whole line is a date (every word accounted for) so the
pasted-article reader can tell a dateline from a sentence that happens to hold a date.
:func:`wire_dateline` recognises the wire-service opening ``KYIV, March 3 (Reuters) -``.
Every pattern is anchored or bounded, so parsing is linear in the line's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = frozenset({
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
})
#: Words that may stand around a date on a dateline without making it a sentence.
LABELS = frozenset({
    "published", "updated", "posted", "last", "first", "modified", "date", "dated", "on", "at",
    "created", "issued", "filed", "revised", "of", "the", "time", "and", "pub", "upd",
})
#: Words that mark the date as the publication date (preferred over an "updated" one).
PUBLISHED_WORDS = frozenset({"published", "posted", "first", "filed", "issued", "pub", "created"})
UPDATED_WORDS = frozenset({"updated", "modified", "revised", "upd"})

#: Fixed-offset zone abbreviations (minutes east of UTC). North American readings win for the
#: ambiguous ones (CST), as in most English-language news.
FIXED_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "msk": 180, "gst": 240, "pkt": 300, "ict": 420, "wib": 420,
    "hkt": 480, "sgt": 480, "awst": 480, "kst": 540, "jst": 540, "acst": 570, "aest": 600,
    "aedt": 660, "nzst": 720, "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
}
#: Zones whose offset depends on the date (daylight saving).
NAMED_ZONES = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
               "pt": "America/Los_Angeles"}

_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z(?![A-Za-z])|[+-]\d{2}:?\d{2})?)"
    r"|(?P<num3>\d{1,2}[/.]\d{1,2}[/.]\d{4})(?!\d)"
    r"|(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?![\d.:]\d)"
    r"|(?P<off>[+-]\d{1,2}(?::?\d{2})?)(?!\d)"
    r"|(?P<ampm>[AaPp]\.?[Mm]\b\.?)"
    r"|(?P<num>\d{1,9})(?:st|nd|rd|th)?(?![A-Za-z\d])"
    r"|(?P<word>[A-Za-z]{1,20})(?![A-Za-z])\.?"
    r"|(?P<punct>\S)"
)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?"
)
_RELATIVE = re.compile(
    r"(?:\b(?:updated|posted|published)\s{1,3})?\b(?:\d{1,3}|an?|one)\s{1,3}"
    r"(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\.?\s{1,3}ago\b",
    re.I,
)
_SEPARATORS = frozenset(",|-–—/:·•.;()[]")

MAX_DATELINE = 160


@dataclass
class DateHit:
    """What a line says about a date. ``unknown`` counts words that are not part of a date."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    tz: tzinfo | None = None
    zone_name: str | None = None
    unknown: int = 0
    ambiguous: bool = False
    published_label: bool = False
    updated_label: bool = False

    @property
    def has_date(self) -> bool:
        return self.month is not None and (self.day is not None or self.year is not None) or self.ambiguous

    @property
    def is_dateline(self) -> bool:
        """True when the whole line is a date (and its labels, times and zones)."""
        return self.has_date and self.unknown == 0

    def to_datetime(self, default_year: int | None = None) -> datetime | None:
        """The datetime, or None when the day, month or year is unknown or impossible."""
        year = self.year if self.year is not None else default_year
        if year is None or self.month is None or self.day is None or self.ambiguous:
            return None
        hour = self.hour or 0
        minute = self.minute or 0
        try:
            value = datetime(year, self.month, self.day, hour, minute, self.second)
        except ValueError:
            return None
        tz = self.tz
        if tz is None and self.zone_name:
            tz = _named_zone(self.zone_name)
        return value.replace(tzinfo=tz) if tz is not None else value


def _named_zone(name: str) -> tzinfo | None:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(NAMED_ZONES[name])
    except Exception:  # no tz database on this machine: say nothing rather than guess
        return None


def _offset(text: str) -> tzinfo:
    sign = -1 if text[0] == "-" else 1
    hours, _, mins = text[1:].partition(":")
    if not mins and len(hours) > 2:  # "+0530"
        hours, mins = hours[:-2], hours[-2:]
    minutes = int(hours) * 60 + int(mins or 0)
    if minutes >= 24 * 60:
        minutes = 0
    return timezone(timedelta(minutes=sign * minutes)) if minutes else timezone.utc


def parse_date_line(line: str, *, give_up_after: int | None = None) -> DateHit:
    """Read ``line`` as a dateline. Lines longer than :data:`MAX_DATELINE` are not datelines.

    ``give_up_after``: stop reading once more than this many words are unaccounted for (a
    caller that only asks :attr:`DateHit.is_dateline` passes 0): the hit is then incomplete
    but its ``unknown`` count is already past the caller's limit, and ``unknown`` never falls.
    Most lines tried near the top of an article are sentences, and this ends them in a few
    words instead of reading them through."""
    hit = DateHit()
    if len(line) > MAX_DATELINE:
        hit.unknown = 1
        return hit
    # "Updated 2 hours ago" says nothing about the date; it may stand beside one. Every such
    # phrase holds "ago" (no other character lower-cases to a, g or o), and a plain ``in`` on
    # the lower-cased line is far cheaper than trying the pattern at every position.
    if "ago" in line.lower():
        line = _RELATIVE.sub(" ", line)
    last_kind = ""
    for m in _TOKEN.finditer(line):
        kind = m.lastgroup or "punct"
        value = m.group(kind)
        if kind == "iso":
            _take_iso(hit, value)
        elif kind == "num3":
            _take_numeric(hit, value)
        elif kind == "time":
            sep = ":" if ":" in value else "."
            parts = [int(p) for p in value.split(sep)]
            if hit.hour is None and parts[0] <= 23 and parts[1] <= 59 and (len(parts) < 3 or parts[2] <= 59):
                hit.hour, hit.minute = parts[0], parts[1]
                hit.second = parts[2] if len(parts) == 3 else 0
            else:
                hit.unknown += 1
        elif kind == "ampm":
            if last_kind in ("time", "num") and hit.hour is not None and 1 <= hit.hour <= 12:
                if value[0] in "pP" and hit.hour != 12:
                    hit.hour += 12
                elif value[0] in "aA" and hit.hour == 12:
                    hit.hour = 0
            else:
                hit.unknown += 1
        elif kind == "off":
            if last_kind in ("time", "zone") and hit.tz in (None, timezone.utc):
                hit.tz = _offset(value)
                hit.zone_name = None
            else:
                hit.unknown += 1
        elif kind == "num":
            n = int(value)
            if len(value) == 4 and 1800 <= n <= 2199 and hit.year is None:
                hit.year = n
            elif len(value) <= 2 and 1 <= n <= 31 and hit.day is None:
                hit.day = n
            elif len(value) <= 2 and 1 <= n <= 12 and hit.hour is None and _followed_by_ampm(line, m.end()):
                hit.hour, hit.minute = n, 0
            else:
                hit.unknown += 1
        elif kind == "word":
            low = value.lower()
            if low in MONTHS and hit.month is None:
                hit.month = MONTHS[low]
            elif low in WEEKDAYS:
                pass
            elif low in LABELS:
                hit.published_label |= low in PUBLISHED_WORDS
                hit.updated_label |= low in UPDATED_WORDS
            elif low in FIXED_ZONES and hit.tz is None and (value.isupper() or low == "z"):
                hit.tz = timezone(timedelta(minutes=FIXED_ZONES[low])) if FIXED_ZONES[low] else timezone.utc
                kind = "zone"
            elif low in NAMED_ZONES and value.isupper() and hit.tz is None:
                hit.zone_name = low
                kind = "zone"
            else:
                hit.unknown += 1
        elif value not in _SEPARATORS:
            hit.unknown += 1
        if give_up_after is not None and hit.unknown > give_up_after:
            return hit
        last_kind = kind
    if hit.day is not None and hit.month is None and not hit.ambiguous:
        hit.unknown += 1  # a lone number is not a date
    return hit


def _followed_by_ampm(line: str, pos: int) -> bool:
    rest = line[pos : pos + 6].lstrip()
    return bool(rest) and rest[0] in "aApP" and len(rest) > 1 and rest[1] in "mM."


def _take_iso(hit: DateHit, value: str) -> None:
    m = _ISO.fullmatch(value)
    if not m or hit.month is not None:
        hit.unknown += 1
        return
    hit.year, hit.month, hit.day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m.group(4) is not None:
        hit.hour, hit.minute = int(m.group(4)), int(m.group(5))
        hit.second = int(m.group(6) or 0)
    if m.group(7):
        hit.tz = timezone.utc if m.group(7) == "Z" else _offset(m.group(7))


def _take_numeric(hit: DateHit, value: str) -> None:
    """``25/03/2024`` (day first) or ``03/25/2024`` (month first); ambiguous when both <= 12."""
    if hit.month is not None:
        hit.unknown += 1
        return
    sep = "/" if "/" in value else "."
    a, b, year = (int(p) for p in value.split(sep))
    hit.year = year
    if a > 12 and 1 <= b <= 12:
        hit.day, hit.month = a, b
    elif b > 12 and 1 <= a <= 12:
        hit.month, hit.day = a, b
    elif a == b and 1 <= a <= 12:
        hit.day = hit.month = a
    elif 1 <= a <= 12 and 1 <= b <= 12:
        hit.month = 0  # a date, but which day is which cannot be known
        hit.ambiguous = True
    else:
        hit.unknown += 1


# --------------------------------------------------------------------------- wire datelines

#: A wire dateline at the start of a paragraph: ``KYIV, March 3 (Reuters) -``, ``WASHINGTON (AP) —``,
#: ``CAIRO, (Reuters) –``, ``Nairobi (AFP) Kenya's ...``, ``Islamabad, 10 October 2005 -- ...``,
#: ``WASHINGTON — ...``, ``BANGALORE: ...``, ``CAIRO/GAZA (Reuters) —``, ``Male, Sep 29 : ...``. The
#: place is up to four capitalised words (two places joined by a slash first; plus
#: ", Region"); a month and day in either order, and a year, may follow; then an agency in
#: brackets and/or a dash, or a colon.
#: :func:`wire_dateline` decides which combinations count. Anchored and bounded: linear.
_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’\-]{1,30}(?:/[A-Z][A-Za-z.'’\-]{1,30})?(?: [A-Z][A-Za-z.'’\-]{1,30}){0,3}(?:, [A-Z][A-Za-z.'’\-]{1,30}(?: [A-Z][A-Za-z.'’\-]{1,30}){0,2})?)"
    r"(?:,? (?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>[A-Z][a-z]{2,8}))(?:,? (?P<year>\d{4}))?)?"
    r"(?:,? ?\((?P<agency>[A-Za-z][\w.&/,'’ \-]{0,60})\)(?: ?(?P<dash>--|[-–—])|(?P<acolon>:))?"
    r"|,? ?(?P<dash2>--|[-–—])|(?P<colon> ?:))"
)
#: A town in capitals, a comma and a US state's short form, then the first sentence: "CAPE
#: CANAVERAL, Fla. SpaceX's ...".
_WIRE_STATE = re.compile(r"[A-Z][A-Z.'’\-]{2,30}(?: [A-Z][A-Z.'’\-]{1,30}){0,3}, (?P<state>[A-Z][a-z]{1,4}\.(?: ?[A-Z][a-z]?\.)?) (?=[A-Z\"“‘'])")


@lru_cache(maxsize=1)
def _us_state_abbreviations() -> frozenset[str]:
    """The US states' short forms ("Fla.", "Calif."), read from places.json when first needed."""
    from model.data import load_json

    return frozenset(load_json("places.json")["us_state_abbreviations"])


#: An agency alone in brackets and a dash opening a paragraph: "(Newser) – ".
_WIRE_NO_PLACE = re.compile(r"\((?P<agency>[A-Za-z][\w.&/'’ \-]{0,40})\) ?(?:--|[-–—])")
#: Words in capitals that open a paragraph with a colon as a label, not a place.
_COLON_LABELS = frozenset({
    "UPDATE", "UPDATED", "PUBLISHED", "POSTED", "FILED", "LAST", "DATE", "BY", "NOTE", "WARNING", "EXCLUSIVE", "BREAKING", "ANALYSIS", "CORRECTION",
    "CLARIFICATION", "EDITOR", "EDITORS", "OPINION", "COMMENT", "WATCH", "LISTEN", "READ", "PHOTOS",
    "VIDEO", "LIVE", "ALERT", "FACTBOX", "EXPLAINER", "INTERVIEW", "REVIEW", "SPONSORED", "ADVERTISEMENT",
    "DISCLAIMER", "SOURCE", "SOURCES", "CREDIT", "UPDATES", "BACKGROUND", "CONTEXT", "WHAT", "WHY", "HOW",
    "WHO", "WHEN", "WHERE", "TRANSCRIPT", "SUMMARY", "GRAPHIC", "POLL", "QUIZ",
})
#: Agencies a title-case place may stand before without a dash ("Nairobi (AFP) Kenya's ...").
WIRE_AGENCIES = frozenset({
    "reuters", "ap", "afp", "upi", "xinhua", "dpa", "ians", "pti", "ani", "bloomberg", "yonhap",
    "kyodo", "tass", "interfax", "anadolu", "efe", "ansa", "aap", "cp", "bernama", "kuna", "wam",
    "spa", "irna", "ips", "cna", "bna", "apa", "pa", "mena", "sapa", "nna", "ria novosti", "ukrinform",
})


@dataclass
class WireDateline:
    """A wire-service dateline at the start of a paragraph; ``end`` is just after the dash."""

    end: int
    place: str
    agency: str | None
    month: int | None
    day: int | None
    year: int | None = None

    def to_datetime(self, year: int | None) -> datetime | None:
        year = self.year or year
        if year is None or self.month is None or self.day is None:
            return None
        try:
            return datetime(year, self.month, self.day)
        except ValueError:
            return None


def wire_dateline(paragraph: str) -> WireDateline | None:
    """The wire dateline opening ``paragraph``, if any (anchored, bounded: linear).

    An all-capitals place needs an agency in brackets or a dash after it ("WASHINGTON —"). A
    place in title case reads like the start of a sentence, so it needs more: a known agency
    ("Nairobi (AFP)"), or a day and month and a dash ("Islamabad, 10 October 2005 --"). Without
    a dash, the text after the dateline must open like a sentence."""
    m = _WIRE.match(paragraph[:200])
    if not m:
        n = _WIRE_NO_PLACE.match(paragraph[:120])
        if n is not None and n.group("agency")[0].isupper():
            # "(Newser) – Surging stocks ...": the agency alone, then a dash
            return WireDateline(end=n.end(), place="", agency=n.group("agency"), month=None, day=None)
        s = _WIRE_STATE.match(paragraph[:80])
        if s is not None and s.group("state") in _us_state_abbreviations():
            # "CAPE CANAVERAL, Fla. SpaceX's cargo ship ...": a town in capitals and its US state's
            # short form say dateline without a dash
            return WireDateline(end=s.end() - 1, place=s.group(0).rstrip(), agency=None, month=None, day=None)
        return None
    place, agency = m.group("place"), m.group("agency")
    dash = m.group("dash") or m.group("dash2") or m.group("acolon")  # "(Agencies):" ends one too
    month_name = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    month = None
    if month_name:
        month = MONTHS.get(month_name.lower())
        if month is None:
            return None
    known = agency is not None and agency.strip().lower() in WIRE_AGENCIES
    capitals = not any(ch.islower() for ch in place.split(",")[0])
    if m.group("colon") and month_name and day:
        dash = ":"  # "Male, Sep 29 : The Election Commission ...": a place, a date and a colon, as a dash
    elif m.group("colon"):
        # "BANGALORE: The state government ...": a place in capitals and a colon ("UPDATE:",
        # "EXCLUSIVE:" are labels, not places)
        if m.group("colon") != ":" or not capitals or month_name or len(place) < 4 or place.split()[0].strip(".'’") in _COLON_LABELS:
            return None
        rest = paragraph[m.end():m.end() + 3].lstrip()
        if not rest or not (rest[0].isupper() or rest[0] in "\"“‘'"):
            return None  # "PUBLISHED: 07:54 BST": a date line's label
        return WireDateline(end=m.end(), place=place, agency=None, month=None, day=None)
    if agency is None and dash is None:
        return None
    if not capitals and not (known or (dash and month and day)):
        return None
    if capitals and agency is None and len(place) < 3:
        return None  # "A -", "US -": too short to be a place label
    end = m.end()  # at the dash or the bracket: the space after either is the paragraph's
    if dash is None:
        rest = paragraph[end:end + 2].lstrip()
        # an agency the list does not know needs its place in capitals ("MOSCOW (UrduPoint News
        # / Sputnik) Fiji's lawmakers ...")
        if not (known or (capitals and agency and len(place) >= 4)) or not rest \
                or not (rest[0].isupper() or rest[0] in "\"“‘'"):
            return None
    year = int(m.group("year")) if m.group("year") else None
    return WireDateline(end=end, place=place, agency=agency,
                        month=month, day=int(day) if day else None, year=year)
