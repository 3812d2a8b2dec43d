"""Timeline events: each dated sentence becomes an :class:`~model.schema.Event`.

Step :func:`find_events` needs ``doc.sentences``, ``doc.timexes``, ``doc.mentions``,
``doc.blocks`` and ``doc.published``; it fills ``doc.events``.

Rules, in words a reader can check:

- Every DATE or TIME timex becomes one event dated by that timex; DURATION and SET timexes
  ("three weeks", "every Monday") date nothing and are skipped, except a range read as one
  duration ("from 2009 to 2011"): its event is dated by its first end (``date``, precision)
  and covers both (``range_start`` of the first, ``range_end`` of the last); the two DATEs
  nested inside it make no events of their own. A sentence holding several
  dated timexes yields one event per timex (same sentence, different dates), so the timeline
  shows the sentence under each date it names.
- Vague references (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``: "recently", "now",
  "in the coming weeks") are events with no date range; they sort by the publication date.
- A value that cannot be placed on a calendar at all (``XXXX-XX-XX``, a bare clock time with
  no day) makes no event: a timeline entry with no place on the timeline helps nobody.
- Timexes in the dateline (and any other non-prose block: byline, metadata) are skipped: the
  dateline's date is the publication itself, which the documents pane already shows; putting
  it on the timeline would add one "published" entry per article that dates no sentence.
- The event's text is the sentence holding the timex (or, when sentences are missing, the
  prose block, or failing that the timex itself); ``entity_ids`` are the distinct entity ids
  of mentions inside that sentence, in text order.
- At most :data:`MAX_PER_SENTENCE` events come from one sentence: each event carries its
  sentence's text, and a hostile megabyte "sentence" of dates would otherwise cost dates x
  size memory. No real sentence names more dates than that.

:func:`value_range` turns a TimeML value into the calendar days it may cover and
:func:`chronological_key` / :func:`sort_events` order events across documents.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter

from model.schema import PROSE_KINDS, BlockKind, Document, Event, Precision, TimexType, construct_unchecked

# --------------------------------------------------------------------------- TimeML values

_YEAR = r"(?P<y>\d{4})"
_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})T(?P<hh>\d{2})(?::(?P<mm>\d{2}))?(?::\d{2}(?:\.\d+)?)?"
                r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"), "time"),
    (re.compile(_YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})T(?P<part>MO|AF|EV|NI|DT)"), "daypart"),
    (re.compile(_YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})"), "day"),
    (re.compile(_YEAR + r"-W(?P<w>\d{2})-WE"), "weekend"),
    (re.compile(_YEAR + r"-W(?P<w>\d{2})"), "week"),
    (re.compile(_YEAR + r"-(?P<m>\d{2})"), "month"),
    (re.compile(_YEAR + r"-Q(?P<q>[1-4])"), "quarter"),
    (re.compile(_YEAR + r"-H(?P<h>[12])"), "half"),
    (re.compile(_YEAR + r"-(?P<s>SP|SU|FA|WI)"), "season"),
    (re.compile(r"FY" + _YEAR + r"(?:-Q(?P<fq>[1-4]))?"), "fiscal"),
    (re.compile(_YEAR), "year"),
    (re.compile(r"(?P<dec>\d{3})"), "decade"),
    (re.compile(r"(?P<cen>\d{2})"), "century"),
]

_VAGUE = {"PAST_REF": Precision.PAST, "PRESENT_REF": Precision.PRESENT, "FUTURE_REF": Precision.FUTURE}

#: Meteorological seasons (northern hemisphere): (first month, months long). Winter of year Y
#: runs from December Y to the end of February Y+1.
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}

#: Precision ranks for ordering: narrower first.
_RANK = {
    Precision.MINUTE: 0, Precision.DAY: 1, Precision.WEEK: 2, Precision.MONTH: 3,
    Precision.QUARTER: 4, Precision.SEASON: 5, Precision.YEAR: 7, Precision.DECADE: 8,
    Precision.CENTURY: 9, Precision.PRESENT: 10, Precision.PAST: 11, Precision.FUTURE: 11,
    Precision.UNKNOWN: 12,
}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``y-m``."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _narrow(lo: date, hi: date, mod: str) -> tuple[date, date]:
    """Narrow ``[lo, hi]`` to its first, middle or last third for START, MID, END.

    Thirds are counted in the largest whole unit the range is made of: years for decades and
    centuries (the 1990s: 1990-92, 1993-96, 1997-99), months for years, halves, quarters and
    seasons (2025: Jan-Apr, May-Aug, Sep-Dec), days otherwise (a 31-day month: 1-10, 11-21,
    22-31). The cut points are k/3 and 2k/3 rounded half up, for k units. A range of fewer
    than three units is left as it is.
    """
    whole_years = lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31
    whole_months = lo.day == 1 and hi == _month_end(hi.year, hi.month)
    if whole_years and hi.year > lo.year:
        k = hi.year - lo.year + 1
        unit = "year"
    elif whole_months and (hi.year, hi.month) != (lo.year, lo.month):
        k = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        unit = "month"
    else:
        k = (hi - lo).days + 1
        unit = "day"
    if k < 3:
        return lo, hi
    a, b = (k + 1) // 3, (2 * k + 1) // 3
    first, last = {"START": (0, a), "MID": (a, b), "END": (b, k)}[mod]  # units [first, last)

    def at(i: int) -> date:  # first day of unit i
        if unit == "year":
            return date(lo.year + i, 1, 1)
        if unit == "month":
            y, m = _add_months(lo.year, lo.month, i)
            return date(y, m, 1)
        return lo + timedelta(days=i)

    return at(first), at(last) - timedelta(days=1)


def value_range(value: str, mod: str | None = None) -> tuple[date | None, date | None, Precision]:
    """The inclusive calendar days a TimeML TIMEX3 ``value`` may cover, and its precision.

    ``YYYY`` (year), ``YYYY-MM`` (month), ``YYYY-MM-DD`` (day), ``YYYY-MM-DDThh[:mm[:ss]]`` with
    an optional zone (minute; the range is that day), ``YYYY-MM-DDTMO|AF|EV|NI`` (day),
    ``YYYY-Www`` (ISO week, Monday to Sunday), ``YYYY-Www-WE`` (that week's Saturday and
    Sunday, precision week), ``YYYY-Qn`` (quarter), ``YYYY-H1|H2`` (half year), ``YYYY-SP|SU|
    FA|WI`` (meteorological seasons; winter of Y is December Y to February Y+1), ``FYYYYY``
    and ``FYYYYY-Qn`` (a fiscal year or quarter: every day it may cover, as the fiscal year's
    first month is unknown; a fiscal year ends in the year it is named by), ``YYY``
    (decade: ``199`` is 1990-1999), ``YY`` (century: ``19`` is 1900-1999).
    ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` give ``(None, None, past|present|future)``.
    Anything else (``XXXX-10``, ``P3W``, an impossible date) gives ``(None, None, unknown)``.

    The schema has no half-year precision: a half year reports ``Precision.YEAR`` with its
    true six-month range, so it still sorts before the whole year (ordering reads the range).

    ``mod`` START, MID and END narrow the range to its first, middle or last third (see
    :func:`_narrow`); other mods (APPROX, BEFORE, AFTER, ...) leave it as it is: the event
    carries ``mod`` so a reader sees "before" or "about".
    """
    value = (value or "").strip()
    if value in _VAGUE:
        return None, None, _VAGUE[value]
    for pattern, form in _FORMS:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        try:
            lo, hi, precision = _form_range(m, form)
            if mod in ("START", "MID", "END"):
                lo, hi = _narrow(lo, hi, mod)
        except (ValueError, OverflowError):  # month 13, 31 April, week 54, past year 9999
            return None, None, Precision.UNKNOWN
        return lo, hi, precision
    return None, None, Precision.UNKNOWN


def _form_range(m: re.Match[str], form: str) -> tuple[date, date, Precision]:
    g = m.groupdict()
    if form in ("time", "daypart", "day"):
        d = date(int(g["y"]), int(g["m"]), int(g["d"]))
        if form == "time":
            if int(g["hh"]) > 24 or (g["mm"] is not None and int(g["mm"]) > 59):
                raise ValueError("no such clock time")
            return d, d, Precision.MINUTE
        return d, d, Precision.DAY
    if form in ("week", "weekend"):
        monday = date.fromisocalendar(int(g["y"]), int(g["w"]), 1)
        if form == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6), Precision.WEEK
        return monday, monday + timedelta(days=6), Precision.WEEK
    y = int(g["y"]) if g.get("y") else 0
    if form == "month":
        mo = int(g["m"])
        return date(y, mo, 1), _month_end(y, mo), Precision.MONTH
    if form == "quarter":
        first = 3 * (int(g["q"]) - 1) + 1
        return date(y, first, 1), _month_end(y, first + 2), Precision.QUARTER
    if form == "half":
        first = 1 if g["h"] == "1" else 7
        return date(y, first, 1), _month_end(y, first + 5), Precision.YEAR
    if form == "season":
        first, months = _SEASONS[g["s"]]
        ly, lm = _add_months(y, first, months - 1)
        return date(y, first, 1), _month_end(ly, lm), Precision.SEASON
    if form == "fiscal":
        # A fiscal year is named by the calendar year it ends in, but its first month is the
        # company's: it may start from January of the year before to January of that year.
        # The range is every day it may cover (a quarter: that quarter of any such year).
        if y < 2:
            raise ValueError("fiscal year before year 2")
        if g["fq"]:
            k = 3 * (int(g["fq"]) - 1)
            ly, lm = _add_months(y - 1, 1, k)
            hy, hm = _add_months(y, 1, k + 2)
            return date(ly, lm, 1), _month_end(hy, hm), Precision.QUARTER
        return date(y - 1, 1, 1), date(y, 12, 31), Precision.YEAR
    if form == "year":
        if y < 1:
            raise ValueError("year zero")
        return date(y, 1, 1), date(y, 12, 31), Precision.YEAR
    if form == "decade":
        d0 = int(g["dec"]) * 10
        if d0 < 1:
            raise ValueError("decade zero")
        return date(d0, 1, 1), date(d0 + 9, 12, 31), Precision.DECADE
    c0 = int(g["cen"]) * 100
    if c0 < 1:
        raise ValueError("century zero")
    return date(c0, 1, 1), date(c0 + 99, 12, 31), Precision.CENTURY


def iso_date(value: str, precision: Precision) -> str:
    """The event's ``date``: the value cut to its precision ("2024-10-22T07:54" stays, a
    day-part "2024-10-22TMO" becomes "2024-10-22"); vague references keep their TimeML name."""
    if precision is Precision.DAY and "T" in value:
        return value.split("T", 1)[0]
    return value


# --------------------------------------------------------------------------- the step

MAX_PER_SENTENCE = 32

#: Blocks whose dates are not events: the dateline is the publication itself.
_SKIP_BLOCKS = frozenset(BlockKind) - PROSE_KINDS


def _anchor(doc: Document, timex_anchor: str | None) -> date | None:
    if doc.published is not None:
        return doc.published.date()
    if timex_anchor:
        try:
            return datetime.fromisoformat(timex_anchor).date()
        except ValueError:
            try:
                return date.fromisoformat(timex_anchor[:10])
            except ValueError:
                return None
    return None


#: :func:`value_range` kept per (value, mod): a document names the same few dates again and
#: again, and the result (dates and a precision) cannot be changed by its users.
_cached_range = lru_cache(maxsize=4096)(value_range)

_SPAN = attrgetter("start", "end")
_DATED = (TimexType.DATE, TimexType.TIME)
_KIND = attrgetter("kind")
_START = attrgetter("start")
_FIRST = itemgetter(0)


def _containing(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """The span of ``spans`` (sorted by start) that contains ``[start, end)``, if any."""
    i = bisect_right(starts, start) - 1
    if i >= 0:
        s, e = spans[i]
        if s <= start and end <= e:
            return s, e
    return None


class _Mentions:
    """The document's mentions ordered by (start, end), ties kept in list order (as a stable
    sort by that key would), and the distinct entity ids inside a span, kept per span."""

    def __init__(self, mentions: list) -> None:
        # Only the spans are read from every mention (a field read on a model is costly).
        spans = list(map(_SPAN, mentions))
        self.mentions = mentions
        self.order = sorted(range(len(spans)), key=spans.__getitem__)
        self.spans = list(map(spans.__getitem__, self.order))
        self.starts = list(map(_FIRST, self.spans))
        self.ids: dict[tuple[int, int], list[str]] = {}

    def entity_ids(self, s: int, e: int) -> list[str]:
        """Distinct entity ids of the mentions inside ``[s, e)``, in text order (a new list)."""
        ids = self.ids.get((s, e))
        if ids is None:
            mentions, order, spans, starts = self.mentions, self.order, self.spans, self.starts
            ids = []
            seen: set[str] = set()
            i = bisect_right(starts, s - 1)
            while i < len(starts) and starts[i] < e:
                if spans[i][1] <= e:
                    entity_id = mentions[order[i]].entity_id
                    if entity_id not in seen:
                        seen.add(entity_id)
                        ids.append(entity_id)
                i += 1
            self.ids[(s, e)] = ids
        return ids[:]


def find_events(doc: Document) -> list[Event]:
    """Needs: ``doc.sentences``, ``doc.timexes``, ``doc.mentions``, ``doc.blocks``,
    ``doc.published``. Fills: ``doc.events`` — one event per DATE/TIME timex in prose, in
    text order (see the module docstring for the rules)."""
    text = doc.text
    n = len(text)
    doc_id = doc.id
    # Everything below is built on first use: a document with no dated timex in prose never
    # sorts its blocks, sentences or mentions.
    skip: list[tuple[int, int]] | None = None
    skip_starts: list[int] = []
    sentences: list[tuple[int, int]] | None = None
    sent_starts: list[int] = []
    prose: list[tuple[int, int]] | None = None
    prose_starts: list[int] = []
    mentions: _Mentions | None = None
    anchors: dict[str | None, date | None] = {}
    published = doc.published.date() if doc.published is not None else None

    events: list[Event] = []
    per_sentence: dict[tuple[int, int], int] = {}
    range_end = -1  # the end of the last range ("from 2009 to 2011") met: its two ends date nothing more
    for index, tx in enumerate(doc.timexes):
        if tx.type not in _DATED:
            if tx.begin_point is None:
                continue
            range_end = tx.end
        elif tx.end <= range_end:
            continue
        ts, te = tx.start, tx.end  # read once: a field read on a model costs several plain ones
        if not (0 <= ts < te <= n):
            continue
        if skip is None:
            # Filtered and mapped in C: a document has dozens of blocks and few dated timexes.
            skip = sorted(map(_SPAN, compress(doc.blocks, map(_SKIP_BLOCKS.__contains__, map(_KIND, doc.blocks)))))
            skip_starts = list(map(_FIRST, skip))
        if skip and _containing(skip, skip_starts, ts, te) is not None:
            continue
        value, mod = tx.value, tx.mod
        if tx.begin_point is not None and tx.end_point is not None:
            # a range ("from 2009 to 2011"): from the first day of one end to the last of the other
            value, mod = tx.begin_point, None
            lo, _hi, precision = _cached_range(value, None)
            _lo, hi, _p = _cached_range(tx.end_point, None)
            if lo is None or hi is None or hi < lo:
                continue
        else:
            lo, hi, precision = _cached_range(value, mod)
        if precision is Precision.UNKNOWN:
            continue
        if sentences is None:
            sentences = sorted(map(_SPAN, doc.sentences))
            sent_starts = list(map(_FIRST, sentences))
        # The sentence holding the timex (the _containing test, inline: it runs per timex).
        i = bisect_right(sent_starts, ts) - 1
        if i >= 0 and sentences[i][1] >= te:
            span = sentences[i]
        else:
            if prose is None:
                prose = sorted((s, e) for s, e, _k in doc.prose_spans())
                prose_starts = list(map(_FIRST, prose))
            span = _containing(prose, prose_starts, ts, te) or (ts, te)
        s, e = span
        count = per_sentence[span] = per_sentence.get(span, 0) + 1
        if count > MAX_PER_SENTENCE:
            continue
        if mentions is None:
            mentions = _Mentions(doc.mentions)
        if published is not None:
            anchor = published
        else:
            key = tx.anchor
            anchor = anchors[key] if key in anchors else anchors.setdefault(key, _anchor(doc, key))
        # Every value already has its field's type: no validation needed.
        events.append(construct_unchecked(Event, {
            "doc_id": doc_id, "date": iso_date(value.strip(), precision), "precision": precision,
            "start": s, "end": e, "text": text[s:e], "timex": index, "entity_ids": mentions.entity_ids(s, e),
            "range_start": lo, "range_end": hi, "mod": mod, "anchor": anchor,
        }))
    return events


# --------------------------------------------------------------------------- ordering

_VAGUE_PHASE = {Precision.PAST: 0, Precision.PRESENT: 1, Precision.FUTURE: 2}


def _time_of_day(value: str) -> int:
    """Minutes after midnight of a clock-time value ("2024-10-22T07:54" -> 474), else 0."""
    m = re.search(r"T(\d{2})(?::(\d{2}))?", value)
    if m is None or not m.group(1).isdigit():
        return 0
    return int(m.group(1)) * 60 + int(m.group(2) or 0)


def chronological_key(event: Event) -> tuple:
    """The order of the timeline, across documents. Events compare by, in turn:

    1. ``day``: ``range_start``; for vague references (no range) the ``anchor`` (publication
       date); with neither, ``date.max`` (the end of the timeline).
    2. ``phase``: 0 for ``PAST_REF`` (just before everything that starts on its anchor day),
       1 for dated events and ``PRESENT_REF`` (on the anchor day), 2 for ``FUTURE_REF`` (just
       after everything that starts on its anchor day).
    3. ``range_end`` (the narrower range first: 22 October before the week of 21 October
       before October before Q4; a vague reference uses its ``day``).
    4. precision rank: minute < day < week < month < quarter < season < year < decade <
       century < present < past/future (so a clock time sorts before its whole day).
    5. time of day for clock times (07:54 before 14:00).
    6. ``doc_id``, then ``start`` (the sentence's offset), then ``timex`` index: a stable,
       total order for everything else.
    """
    vague = event.range_start is None
    day = event.range_start if not vague else (event.anchor or date.max)
    phase = _VAGUE_PHASE.get(event.precision, 1) if vague else 1
    end = event.range_end if event.range_end is not None else day
    return (day, phase, end, _RANK.get(event.precision, 12), _time_of_day(event.date),
            event.doc_id, event.start, event.timex)


def sort_events(events: list[Event]) -> list[Event]:
    """Events in :func:`chronological_key` order (a new list; the input is not changed)."""
    return sorted(events, key=chronological_key)
