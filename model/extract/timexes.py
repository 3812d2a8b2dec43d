"""Time expressions: TimeML TIMEX3 (DATE, TIME, DURATION, SET) normalised against publication.

Needs ``doc.blocks`` (via :meth:`Document.prose_spans`), ``doc.sentences`` (for the tense of a
weekday or a month without a year; the prose block is used when there are none) and
``doc.published`` (the anchor). Fills ``doc.timexes``.

How it works: one *trigger* regex (a trie built once from the word lists in
``model/data/timex.json``) passes over the lower-cased text and stops only where a time
expression can begin: a number, a month or weekday name, "yesterday", "every", or a common word
such as "the" or "a" when the next word can continue one ("the past", "a year"). At a trigger
inside a prose span the *families* that can begin with that word (full date, month and day,
period, weekday, duration...) are tried in priority order, each an anchored compiled pattern
behind a short *gate* (what the family needs right after that kind of trigger, see
:func:`_gates`); the first whose resolver accepts the reading gives the value, a ``mod`` and a
``rule`` that says in words how the value was reached. The patterns use only bounded or
unambiguous repetition and each is tried once per trigger, so time is linear in the text's
length.

Sentence-level context decides what a pattern alone cannot: the tense of the sentence (for
weekdays, months and days without a year), the words before a bare year ("in 2008" vs "2000
troops", "$2000", "Room 2024"), a day named in the sentence for a clock time, and the last
year written out for "the following year".

Conventions (TimeML / TempEval-3), where a choice had to be made:

- Spans leave out a leading preposition ("on Sunday" -> "Sunday") but keep modifiers that
  change the value ("the end of 2025", "almost two years", "two years ago").
- "early/mid/late X", "the start/middle/end of X" -> X's value with ``mod`` START/MID/END
  ("mid-2011" -> 2011 mod MID rather than a guessed 2011-06).
- "earlier/later this month" -> the month itself, no mod: TimeML has no mod for "before now
  within the period" and START would claim more than the text says.
- Parts of the day are TIME values: "this morning" -> 2024-10-23TMO.
- "the past/last/next N units" is a DURATION (P10Y); "last/next/this unit" is a DATE.
- A range of years or months ("from 2009 to 2011", "between 2014 and 2016", "1983-2005",
  "from April through June") is one DURATION (P2Y, P2Y, P22Y, P3M) spanning the opening
  "from"/"between", and its two ends are DATEs nested inside it, as the gold marks them; the
  duration keeps the ends' values as ``begin_point`` and ``end_point`` (TimeML's
  beginPoint/endPoint, as values). This is the one place timexes overlap.
- Weekdays and months without a year take the tense of their sentence: a future cue ("will",
  "is due to", "next", "is meeting") looks forward, a past cue looks back, and without a cue
  news convention looks back (news reports what happened). A weekday that is the publication's
  own weekday is the publication day.
- ``n/n/yy`` dates read day-first only when the first number is over 12 or the document writes
  its other dates day-first ("23 October"); otherwise month-first, the news default.
- Without a publication date a relative expression keeps a TimeML-valid value with X
  placeholders ("XXXX-XX-XX", "XXXX-WXX-7") and ``anchored=False``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from model.data import load_json
from model.extract.sentences import lowered as lowered_text
from model.schema import BlockKind, Document, Timex, TimexType, construct_unchecked

# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _lex() -> dict:
    return load_json("timex.json")


@lru_cache(maxsize=1)
def holiday_names() -> frozenset[str]:
    """The holidays this step reads as dates (lower case): the entities step reads them as no
    names."""
    return frozenset(_lex()["holidays"])


def _alt(words) -> str:
    """An alternation of ``words`` shaped as a trie (see :func:`_trie`): the longest wins ("a
    couple of" over "a"), and a space in a phrase matches any run of whitespace."""
    return "(?:" + _trie(sorted(set(words))) + ")"


def _cap(words) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


# --------------------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Family:
    name: str
    pattern: str


def _families() -> list[_Family]:
    lx = _lex()
    month_full = _alt(_cap(lx["months"]))
    month_abbr = _alt(_cap(lx["month_abbreviations"])) + r"(?:\.|\b)"
    mon = f"(?:{month_full}\\b|{month_abbr})"
    wd_full = _alt(_cap(lx["weekdays"]))
    wd_abbr = _alt(_cap(lx["weekday_abbreviations"])) + r"(?:\.|\b)"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
    year = r"(?:1\d{3}|20\d\d)(?![\d])"
    bare_year = r"(?:19\d\d|20\d\d)(?![\d])"
    zones = _alt([z.upper() for z in lx["time_zones"] if len(z) > 1])
    offset = r"(?:\(\s*(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d\d)?\s*\)|(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d\d)?)"
    ampm = r"(?:[aApP]\.\s?[mM](?:\.|\b)|[aApP][mM]\b)"  # ("5:15 a.m EDT": the last dot left out)
    clock = (
        r"(?:(?P<h>2[0-3]|[01]?\d)[:](?P<mi>[0-5]\d)(?!\d)(?:\s*(?P<ap>AMPM))?"
        r"|(?P<h2>1[0-2]|0?[1-9])(?:\.(?P<mi2>[0-5]\d))?\s*(?P<ap2>AMPM)"
        # a 24-hour time without a colon only with its zone: "1300 GMT" (else a count or a year)
        r"|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)(?=\s?(?:GMT|UTC|ZONES)\b|\s(?:local|[A-Z][a-z]+)\s[Tt]ime\b|\shours\b))"
        r"(?:\s(?P<hrs>hours)(?=\s(?:ZONES|local\s+time)\b))?"
        r"(?:\s*(?P<tz>ZONES\b|OFFSET))?"
    ).replace("AMPM", ampm).replace("ZONES", zones).replace("OFFSET", offset)
    num_words = list(lx["number_words"]) + list(lx["tens_words"])
    tens = _alt(lx["tens_words"])
    units_digit = _alt([w for w in lx["number_words"] if lx["number_words"][w] < 10])
    word_num = rf"(?:{tens}(?:[\s\-]{units_digit})?|{_alt(num_words)}|{_alt(lx['quantity_words'])}|half\s+an?)"
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d{{1,3}}(?:\.\d{{1,2}})?(?![\d,])|(?i:{word_num}))(?i:\s+and\s+a\s+half)?"
    hyph_num = rf"(?:\d{{1,3}}|(?i:{tens}(?:-{units_digit})?|{_alt(num_words)}))"
    unit_sing = _alt(lx["units"])
    unit_any = _alt(list(lx["units"]) + list(lx["unit_plurals"]))
    mods = _alt(lx["mods"])
    pod = _alt(lx["parts_of_day"])
    season = _alt(lx["seasons"])
    ordc = _alt(lx["ordinal_centuries"])
    decw = _alt(lx["decade_words"])
    vague = _alt(lx["vague"])
    holidays = _alt(_cap_phrase(h) for h in lx["holidays"])
    units_pl = _alt(lx["unit_plurals"])

    time_tail = rf"(?:,?\s+(?:at\s+)?(?P<time>{clock}))?"
    wd_prefix = rf"(?:(?P<wd>{wd_full}|{wd_abbr}),?\s+)?"
    fams = [
        # first: "July Fourth" is a holiday before it is a month
        _Family("holiday", rf"(?P<hol>{holidays})\b(?:\s+(?P<hy>{bare_year}))?"),
        _Family(
            "iso",
            r"(?P<y>[12]\d{3})(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d{1,6})?)?(?P<tz>Z|[+\-]\d\d:?\d\d)?)?(?![\d\-])",
        ),
        _Family("numeric", r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        _Family(
            "fulldate",
            wd_prefix
            + rf"(?:(?P<m1>{mon})\s+(?P<d1>{day})(?:,?\s+|,)(?P<y1>{year})"  # ("Dec 31,2009")
            + rf"|(?:the\s+)?(?P<d2>{day})(?:\s+of)?\s+(?P<m2>{mon})(?:\s?,)?\s+(?P<y2>{year}))"  # ("17th April , 2020")
            + time_tail,
        ),
        _Family(
            "monthday",
            wd_prefix
            + rf"(?:(?P<m1>{mon})\s+(?P<d1>{day})(?![,.]?\s*\d)|(?:the\s+)?(?P<d2>{day})(?:\s+of)?\s+(?P<m2>{mon}))"
            + time_tail,
        ),
        _Family("vague", rf"(?i:{vague})\b(?!\s+(?:\w+\s+)?(?i:{unit_any})\b)"),
        _Family(
            "quarter",
            rf"(?i:(?:the\s+)?(?:(?P<qcur>current|present)\s+)?(?:(?P<qfy>fiscal)(?:[\s\-]+year)?[\s\-]+)?(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s\-]+quarter"
            rf"|(?P<qlast>the\s+(?:last|previous|past|current|latest|(?:most\s+)?recent|next|coming)\s+quarter(?!s)))"
            rf"(?i:\s+of\s+(?:the\s+)?(?:(?P<qrel>this|last|next|current|previous)\s+year"
            rf"|(?:(?:its|their|the\s+company['’]s)\s+)?(?:(?P<qfy2>fiscal\s+(?:year\s+)?)?(?P<qy>{bare_year})|(?P<qfy3>fiscal|financial)\s+year)))?"
            rf"|Q(?P<qn>[1-4])(?:(?:\s+|\s*[/\-]\s*|')(?P<qy2>{bare_year}|\d\d))?\b"
            # "July-September", "Oct-Dec 2023": a quarter's first and last months
            rf"|(?P<qm1>Jan(?:uary)?|Apr(?:il)?|July?|Oct(?:ober)?)\.?\s*[-–]\s*"
            rf"(?P<qm2>Mar(?:ch)?|June?|Sep(?:t(?:ember)?)?|Dec(?:ember)?)\b(?:\s+(?P<qy3>{bare_year}))?"
            # "the June quarter", "the December quarter": the quarter that month ends
            rf"|(?:(?i:the)\s+)?(?P<qme>March|June|September|December)[\s-](?i:quarter)\b(?!s)",
        ),
        _Family(
            "half",
            rf"(?i:(?:the\s+)?(?P<hord>first|second|latter|1st|2nd)\s+half(?:\s+of\s+(?:the\s+)?(?:(?P<hrel>this|last|next|current|previous)\s+year|(?P<hy>{bare_year})|(?P<hyr>year)\b))?)"
            rf"|H(?P<hn>[12])\s+(?P<hy2>{bare_year})",
        ),
        _Family(
            "period",
            r"(?P<pre>(?i:(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close)\s+of\s+(?:the\s+)?"
            r"|(?:early|mid|late|earlier|later)(?:\s+in\s+(?:the\s+)?|\s+|-)))?"
            r"(?:"
            + rf"(?P<cent>\d{{1,2}})(?:st|nd|rd|th)[\s\-]+[cC]entury"
            + rf"|(?i:(?:the\s+)?(?P<centw>{ordc})[\s\-]+century)"
            + rf"|(?:the\s+)?(?P<dec>1\d\d0|20\d0)'?s\b"
            + r"|(?:the\s+)?['’](?P<dec2>\d)0s\b"
            + rf"|(?i:the\s+(?P<decw>{decw}))\b"
            + rf"|(?i:(?:the\s+)?(?P<season>{season})(?:\s+of)?)\s+(?:(?P<sy>{bare_year})|['’](?P<sy2>\d\d)(?!\d))"
            + rf"|(?i:(?:the\s+)?(?P<season2>{season})\s+of\s+(?P<srel>this|last|next|the\s+previous|the\s+following)\s+year)\b"
            + rf"|(?i:(?:fiscal(?:\s+year)?\s*|FY\s?)(?P<fy>{bare_year}|\d\d))\b"
            + rf"|(?P<mm>{mon}),?\s+(?:of\s+)?(?P<my>{year})"
            + rf"|(?i:(?P<rel>this\s+past|this\s+coming|this|that|last|next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|the\s+past|the\s+last|the\s+next|the)\s+(?:(?P<rfy>fiscal|financial)\s+)?(?P<relu>week|month|year|weekend|decade|century|quarter|fortnight|{season}))\b"
            + rf"|(?P<year>{bare_year})(?!\s*(?:%|per\s*cent|percent))"
            + rf"|(?P<month>{month_full})\b(?![.,]?\s*\d)"
            + r")",
        ),
        _Family(
            "relday",
            r"(?i:(?P<rd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight"
            rf"|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today))\b(?:\s+(?P<pod>(?i:{pod}))\b)?",
        ),
        _Family(
            "weekday",
            rf"(?:(?P<pre>(?i:early|late|earlier|later))\s+)?(?:(?P<wrel>(?i:this\s+past|this\s+coming|last|next|this|coming|past))\s+)?"
            rf"(?P<wd>{wd_full})(?P<pl>s)?\b(?:\s+(?P<pod>(?i:{pod}))\b)?" + time_tail,
        ),
        _Family("clock", clock + r"|(?:12\s+)?(?P<named>(?i:noon|midday|midnight))\b"
                         # "in afternoon trading", "during the morning session": that part of the day
                         r"|(?:(?P<podm>(?i:early|late|mid))[-\s]?)?(?P<pod2>(?i:morning|afternoon|evening))"
                         r"(?=\s+(?i:trading|trade|session|dealings)\b)"
                         # "by midmorning", "in the late afternoon": a part of the day, with its mod
                         r"|(?P<podm3>(?i:mid)-?|(?i:early|late)\s)(?P<pod3>(?i:morning|afternoon|evening))\b"),
        _Family(
            "set",
            rf"(?i:(?:every|each)\s+(?:(?P<other>other)\s+|(?P<n>{num})\s+)?(?:(?P<u>{unit_any})|(?P<swd>{wd_full})|(?P<spod>{pod})))\b"
            r"|(?i:per\s+(?P<pu>year|month|week|day|hour|annum|quarter))\b"
            r"|(?i:(?P<adv>annually|yearly|biannually|biennially|quarterly|monthly|weekly|fortnightly|daily|nightly|hourly))\b"
            r"|(?P<adj>annual)\b",
        ),
        _Family(
            "duration",
            rf"(?:(?P<the>(?i:the\s+(?:past|last|next|previous|coming|following|first|final|remaining|initial)))\s+)?"
            rf"(?:(?P<mod>(?i:{mods}))\s+)?"
            rf"(?:(?P<n>{num})\s+)?(?:(?i:more|additional|further|full|straight|consecutive|long)\s+)?"
            rf"(?P<u>(?i:{unit_any}))\b(?P<half>(?i:\s+and\s+a\s+half))?"
            rf"(?P<tail>(?i:\s+(?:ago|from\s+now|old|later|earlier)\b|-old\b))?",
        ),
        _Family(
            "hyphen",
            rf"(?P<n>{hyph_num})-(?P<u>(?i:{unit_sing}))(?P<old>-old|-olds)?\b(?!-old)"
            rf"|(?P<vu>(?i:{units_pl}))-long\b|(?P<su>(?i:{unit_sing}))-long\b",
        ),
        _Family("vagueunit", r"(?P<prep>(?i:for|over|within|through|throughout|in|after|following))\s+"
                             r"(?P<the>(?i:the\s+))?(?P<vu>(?i:decades|years|months|weeks|days|hours))\b"),
    ]
    return fams


def _cap_phrase(phrase: str) -> str:
    """A holiday as written: its words capitalised, small words not ("Fourth of July")."""
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in phrase.split(" "))


_SMALL_WORDS = frozenset({"of", "the", "and"})


#: Words that may begin a time expression besides those in the lexicon's lists.
_FIXED_TRIGGERS = (
    "the this last next past coming previous following current early mid late earlier later yesterday "
    "today tomorrow tonight every each per annually yearly biannually biennially quarterly monthly weekly "
    "fortnightly daily nightly hourly annual fiscal fy half noon midday midnight first second third fourth "
    "final latter in more most recent right these at no up morning afternoon evening midmorning midafternoon midevening"
).split()


#: Frequent words that begin a time expression only before certain words (see _FOLLOWERS).
_WEAK_TRIGGERS = frozenset(
    "new more most no up right these recent some over under about around less fewer "
    "nearly almost roughly approximately many several few numerous dozens hundreds half this last next "
    "past coming previous following current first second third fourth final latter".split()
)
#: Words that may follow a weak trigger inside a time expression (besides numbers, units,
#: seasons and the lexicon's phrases).
_FOLLOWERS = (
    "past last next previous following current coming same first second third fourth final latter start "
    "beginning end middle close very near future present moment least most than recently now time "
    "initial remaining couple dozen few number of half quarter night morning afternoon evening "
    "monday tuesday wednesday thursday friday saturday sunday an a more additional further full straight "
    "consecutive long year years fiscal financial"
).split()


def _trie(words: list[str]) -> str:
    """A regex alternation shaped as a trie, so a failing word is rejected after a letter or
    two instead of after trying every word in turn."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            alts.append((r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(tree)


def _cond_trie(conds: dict[str, list[str]], extra: dict[str, str] | None = None) -> str:
    """Like :func:`_trie`, but each word ends in its own condition (a look-around, or several
    as alternatives); ``extra`` adds a raw pattern under a first letter ("q" -> Q3)."""
    tree: dict = {}
    for w, cs in conds.items():
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = "|".join(dict.fromkeys(cs))

    def emit(node: dict, top: bool = False) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if top and extra:
            alts += [re.escape(ch) + pat for ch, pat in sorted(extra.items())]
        if "" in node:
            alts.append("(?:" + node[""] + ")")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree, top=True)


def _trigger_words() -> list[str]:
    lx = _lex()
    words: set[str] = set(_FIXED_TRIGGERS)
    words.update(w + "s" for w in lx["weekdays"])  # "on Mondays": a set
    for key in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations", "number_words",
                "tens_words", "quantity_words", "ordinal_centuries", "seasons", "holidays", "vague", "mods",
                "units", "unit_plurals"):
        for phrase in lx[key]:
            words.add(re.split(r"[\s\-'’]", phrase.lower())[0])
    return sorted(w for w in words if w)


def _dispatch() -> dict[str, tuple[str, ...]]:
    """Which families can begin with which trigger word, so a trigger tries only those.
    A word not listed here tries every family (slower, never wrong)."""
    lx = _lex()
    table: dict[str, tuple[str, ...]] = {}

    def put(words, *fams: str) -> None:
        for w in words:
            w = re.split(r"[\s\-'’]", w.lower())[0]
            table[w] = tuple(dict.fromkeys(table.get(w, ()) + fams))

    put(list(lx["months"]) + list(lx["month_abbreviations"]), "fulldate", "monthday", "quarter", "period")
    put(lx["weekdays"], "fulldate", "monthday", "weekday")
    put([w + "s" for w in lx["weekdays"]], "weekday")
    put(lx["weekday_abbreviations"], "fulldate", "monthday")
    put(["the"], "fulldate", "monthday", "vague", "quarter", "half", "period", "relday", "duration", "vagueunit")
    put("this last next past coming previous following current".split(), "period", "relday", "weekday")
    put("early mid late earlier later".split(), "period", "relday", "weekday")
    put("yesterday today tomorrow tonight".split(), "relday")
    put("every each per annually yearly biannually biennially quarterly monthly weekly fortnightly daily "
        "nightly hourly annual".split(), "set")
    put(["fiscal", "fy"], "period", "quarter")
    put(["financial"], "quarter")
    put(["half"], "duration")
    put(["noon", "midday", "midnight", "morning", "afternoon", "evening"], "clock")
    put(["early", "late", "mid", "midmorning", "midafternoon", "midevening"], "clock")
    put("first second third fourth final latter".split(), "quarter", "half", "period")
    put(lx["ordinal_centuries"], "period")
    put(list(lx["number_words"]) + list(lx["tens_words"]), "duration", "hyphen")
    put(lx["quantity_words"], "duration")
    put(lx["seasons"], "period")
    put(lx["holidays"], "holiday")
    put(lx["vague"], "vague")
    put(lx["mods"], "duration")
    put(list(lx["units"]) + list(lx["unit_plurals"]), "hyphen")
    put("for over within through throughout in after following".split(), "vagueunit")
    return table


#: Families tried at a number, by its digit count and the character after it.
_DIGIT_FAMILIES = {
    (2, "/"): ("numeric", "duration"), (2, "."): ("numeric", "clock", "duration"), (2, ":"): ("clock",),
    (2, "-"): ("hyphen",), (2, ""): ("fulldate", "monthday", "quarter", "period", "clock", "duration"),
    (3, "-"): ("hyphen",), (3, ""): ("duration",),
    (4, "-"): ("iso", "period"), (4, "/"): ("iso", "period"), (4, ""): ("period", "clock", "duration"),
}


_UNSEEN = object()


def _digit_families(gram: "_Grammar", n: int, after: str) -> "_Choice | None":
    key = (n, after)
    if key in gram.digit_memo:
        return gram.digit_memo[key]
    size = 2 if n <= 2 else n
    choice = None if size > 4 else (gram.digit.get((size, after)) or gram.digit.get((size, "")))
    gram.digit_memo[key] = choice
    return choice


#: The families worth trying at one kind of trigger: (a gate all of them need or None, the
#: (name, pattern, resolver, gate) of each in priority order).
_Choice = tuple


@dataclass
class _Grammar:
    trigger: re.Pattern
    #: ``trigger`` with its look-behind turned into one consumed character (the trigger is
    #: group 1): the regex engine then skips the inside of words in a tight loop, which is
    #: what most of a text is. The consumed character is tested against ASCII only (a bit
    #: table instead of Unicode category look-ups for every character): any character beyond
    #: ASCII passes, and :func:`_triggers` drops the few matches behind a non-ASCII letter.
    after: re.Pattern
    names: list[str]
    compiled: list[re.Pattern]
    by_word: dict[str, _Choice]
    digit: dict[tuple[int, str], _Choice]
    every: _Choice
    #: the weak trigger words, and what must follow one (see :func:`_triggers`)
    weak: frozenset = frozenset()
    weak_follow: re.Pattern | None = None
    #: (digit count, next character) -> the choice for it, filled as they are met
    digit_memo: dict = field(default_factory=dict)


#: What may not stand right before a trigger: a letter or digit, a currency sign, a path or
#: decimal separator (the inside of a character class).
_NOT_BEFORE = r"\w$£€¥#@/\\.:,"
_NOT_BEFORE_TRIGGER = "(?<![" + _NOT_BEFORE + "])"
#: The ASCII part of ``_NOT_BEFORE`` (ASCII ``\w`` is ``[0-9A-Za-z_]``).
_NOT_BEFORE_ASCII = r"0-9A-Za-z_$#@/\\.:,"
#: The characters beyond ASCII in ``_NOT_BEFORE`` besides letters and digits.
_NOT_BEFORE_OTHER = frozenset("£€¥")


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    fams = _families()
    # A place worth trying: a word from the lists, a number, Q3/H1, '90s — where a word starts
    # (not after a letter, a currency sign or a path/decimal separator).
    lx = _lex()
    weak = sorted(_WEAK_TRIGGERS)
    units = set(lx["units"]) | set(lx["unit_plurals"])
    strong = [w for w in _trigger_words()
              if w not in _WEAK_TRIGGERS and w not in units and w not in ("in", "at", "the", "a", "an")]
    # A common word ("the", "in", "a") is worth trying only before a word that can continue a
    # time expression; checking that here keeps most of the text's "the"s out of the loop.
    follow = set(_FOLLOWERS)
    for key in ("number_words", "tens_words", "units", "unit_plurals", "seasons", "ordinal_centuries",
                "decade_words"):
        follow.update(w.split("-")[0] for w in lx[key])
    for phrase in list(lx["quantity_words"]) + list(lx["vague"]) + list(lx["mods"]):
        follow.update(re.split(r"[\s\-'’]", phrase.lower())[:2])
    follow.discard("")
    # "the" and "a" are the commonest words of all: each gets its own short list of what may
    # follow it in a time expression ("the past", "the end", "the 1990s", "the first quarter",
    # "a year", "a few"), so "the first aircraft" and "a plane" cost nothing further.
    numbers = sorted(set(lx["number_words"]) | set(lx["tens_words"]))
    ordinals = "first second third fourth final latter initial remaining".split()
    follow_the = set("past last next previous following current coming start beginning end middle close "
                     "very near future day weekend fiscal financial latest recent most".split())
    follow_the.update(lx["seasons"], lx["decade_words"], (w for w in lx["ordinal_centuries"] if w not in ordinals))
    for key in ("vague", "mods", "quantity_words", "holidays"):
        follow_the.update(p.split()[1] for p in lx[key] if p.startswith("the "))  # "the years ahead"
    after_ordinal = _trie(sorted({"quarter", "half", "century", "few", "several", "couple"} | set(numbers)))
    the = (r"the(?=[\s\-]+(?:\d{1,2}(?:st|nd|rd|th)\b|\d{3}0'?s\b|['’]\d|" + _trie(sorted(follow_the))
           + r"(?![a-z0-9])|" + _trie(ordinals) + r"[\s\-]+(?:\d|" + after_ordinal + r"(?![a-z]))"
           + r"|same\s+(?:year|month|week)\b))")
    follow_a = {"couple", "dozen", "few", "number", "half"} | units
    a_an = r"an?(?=[\s\-]+" + _trie(sorted(follow_a)) + r"(?![a-z0-9]))"
    # Matched against the lower-cased text (same length, checked by the caller): a
    # case-sensitive trie is about twice as fast as an (?i) one.
    unit_words = _trie(sorted(units))
    # Every word trigger ends where its word ends (each condition below wants a non-letter
    # next), so the word lists merge into ONE trie, each word carrying the condition(s) of the
    # list(s) it is in: at a word start the engine then reads the first letter once instead of
    # entering a dozen alternations in turn. Same triggers as the alternation of the lists.
    conds: dict[str, list[str]] = {}

    def add(words, cond: str) -> None:
        for w in words:
            conds.setdefault(w, []).append(cond)

    add(strong, r"(?![a-z])")
    add(["the"], the[len("the"):])
    add(["a", "an"], a_an[len("an?"):])
    # "in the past", "at present", "at least three years"
    add(["in"], r"(?=\s+(?:the\s+(?:past|future|near)|decades|years|months|weeks|days|hours)\b)")
    add(["at"], r"(?=\s+(?:present|the\s+moment|this\s+time|least|most)\b)")
    # "for years", "over the years" ("over" is a weak trigger already)
    add(["for", "within", "through", "throughout", "after"],
        r"(?=\s+(?:the\s+)?(?:decades|years|months|weeks|days|hours)\b)")
    # "decades-long", "month-long"
    add(lx["unit_plurals"], r"(?=-long)")
    add(lx["units"], r"(?=-long)")
    # "years ago": an unstated time back
    add(["decades", "years", "months", "weeks"], r"(?=\s+ago\b)")
    words = _cond_trie(conds, extra={"q": r"\d", "h": r"\d"})  # Q3, H1
    numbers = (r"\d(?:(?!\d)|\d(?!\d)|\d\d\d(?!\d)"
               # a three-digit number only as a count of time ("150 hours", "100-day")
               r"|\d\d(?=-|\s+(?:[a-z]+\s+)?" + unit_words + r"(?![a-z])))"
               r"|['’]\d0s|")
    # The weak words share one long condition: in ``trigger`` one branch of their own, so the
    # pattern does not repeat it under each word; the scan (``after``) puts them in the trie
    # with only its first step and :func:`_triggers` checks the rest (``weak_follow``).
    weak_follow = re.compile(r"[\s\-]+(?:\d|['’]\d|" + _trie(sorted(follow)) + r"(?![a-z]))")
    trigger = re.compile(
        _NOT_BEFORE_TRIGGER + "(?:" + numbers + words + "|" + _trie(weak) + "(?=" + weak_follow.pattern + "))"
    )
    add(weak, r"(?=[\s\-]+(?:\d|['’]\d|[a-z]))")
    after = re.compile("[^" + _NOT_BEFORE_ASCII + "]((?:" + numbers
                       + _cond_trie(conds, extra={"q": r"\d", "h": r"\d"}) + "))")
    names = [f.name for f in fams]
    compiled = [re.compile(f.pattern) for f in fams]
    pairs = list(zip(names, compiled))

    choices: dict[tuple, _Choice] = {}
    gate_of = _gates()

    def ordered(wanted, kind: str | None = None) -> _Choice:
        key = tuple(n for n, _c in pairs if n in wanted)  # keep the families' priority order
        gates = gate_of.get(kind, {})
        if (key, kind) not in choices:
            entries = [(n, c, _RESOLVERS[n], gates.get(n)) for n, c in pairs if n in key and gates.get(n) is not _NEVER]
            # When every family has a gate, one pattern (their union) turns most triggers of
            # that kind away in one call ("13 people": no month, unit, clock or ordinal next).
            union = None
            if entries and all(g is not None for _n, _c, _r, g in entries):
                union = re.compile("|".join(dict.fromkeys(f"(?:{g.pattern})" for _n, _c, _r, g in entries)))
            choices[key, kind] = (union, entries)
        return choices[key, kind]

    lx = _lex()
    kinds = {w: "month" for w in list(lx["months"]) + list(lx["month_abbreviations"])}
    kinds.update((w, "weekday") for w in list(lx["weekdays"]) + list(lx["weekday_abbreviations"]))
    kinds["the"] = "the"
    by_word = {w: ordered(fs, kinds.get(w)) for w, fs in _dispatch().items()}
    by_word["q"] = ordered(("quarter",))
    by_word["h"] = ordered(("half",))
    digit = {k: ordered(v, f"digits{k[0]}") for k, v in _DIGIT_FAMILIES.items()}
    return _Grammar(trigger, after, names, compiled, by_word, digit, ordered(names), frozenset(weak), weak_follow)


#: A gate that always fails: the family cannot begin at that kind of trigger.
_NEVER = re.compile(r"(?!)")


def _gates() -> dict[str, dict[str, re.Pattern]]:
    """Per kind of trigger, a cheap pattern that every match of a family must begin with
    there (what the family needs right after the trigger: "3 May" needs a capital after the
    number, "the 1990s" a digit after "the"). A trigger whose gate fails skips that family
    without running its long pattern; most numbers in news ("13 people") then cost a few
    failed gates instead of six failed patterns. Each gate is a prefix of its family's
    language with the same case rules, so a match is never skipped: results are unchanged.
    ``_NEVER`` marks a family that cannot match at that kind of trigger at all."""
    lx = _lex()
    unit_any = _alt(list(lx["units"]) + list(lx["unit_plurals"]))
    # after a number: a day before a month ("3 May", "3rd of May")
    num_month = re.compile(r"\d+(?:st|nd|rd|th)?\s+(?:of\s+)?[JFMASOND]")
    # after a number: a unit, maybe after "and a half" or "more" ("3 more weeks")
    num_unit = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?\s+(?i:and|more|additional|further|full|straight|consecutive|long|"
                          + unit_any + ")")
    # 10:30, 10.30, 10 am, 1300 GMT, 2330BST, 1530 Seattle time
    clock = re.compile(r"\d+(?:[:.]|\s*[aApP]|\s?[A-Z]{2,5}\b|\s(?:local|[A-Z][a-z]+)\s[Tt]ime\b|\shours\s"
                       r"|\s(?:noon|midnight)\b)")  # ("12 noon")
    ordinal_quarter = re.compile(r"\d(?i:st|nd|rd|th)[\s\-]")  # 3rd quarter
    digits = {"fulldate": num_month, "monthday": num_month, "clock": clock, "duration": num_unit,
              "quarter": ordinal_quarter}
    return {
        # one or two digits: a period can only be a century ("21st century")
        "digits2": {**digits, "period": re.compile(r"\d\d?(?:st|nd|rd|th)[\s\-]")},
        "digits3": digits,
        # four digits are never a count of a duration (at most three digits)
        "digits4": {**digits, "duration": _NEVER},
        # a month name: a date needs its day next ("May 3"); a month alone is capitalised
        "month": {"fulldate": re.compile(r"[A-Z][a-z]*\.?\s+\d"), "monthday": re.compile(r"[A-Z][a-z]*\.?\s+\d"),
                  "period": re.compile(r"[A-Z]")},
        # a weekday name: a date after it ("Monday, May 3", "Monday the 3rd of May")
        "weekday": {"fulldate": re.compile(r"[A-Z][a-z]*\.?,?\s+(?:the\s+)?[\dJFMASOND]"),
                    "monthday": re.compile(r"[A-Z][a-z]*\.?,?\s+(?:the\s+)?[\dJFMASOND]")},
        "the": {
            "fulldate": re.compile(r"the\s+\d"), "monthday": re.compile(r"the\s+\d"),  # "the 3rd of May"
            "duration": re.compile(r"(?i:the\s+(?:past|last|next|previous|coming|following|first|final|remaining|initial))"),
            "quarter": re.compile(r"(?i:the\s+(?:first|second|third|fourth|final|1st|2nd|3rd|4th|last|previous|past|current"
                                  r"|latest|recent|most\s+recent|next|coming)[\s\-])"),
            "half": re.compile(r"(?i:the\s+(?:first|second|latter|1st|2nd)\s)"),
            "vagueunit": _NEVER,  # begins with a preposition
        },
    }


def _triggers(gram: _Grammar, lowered: str, start: int, end: int):
    """``(start, end, word)`` of every match of ``gram.trigger`` in ``lowered[start:end]``, in
    order, found with ``gram.after``: the same matches, since every trigger ends in a word
    character, so the character a match consumes before its trigger never belongs to the
    previous trigger. A weak word's full condition is checked here. ``gram.after`` lets any
    non-ASCII character stand before a trigger; a match behind a non-ASCII letter or digit (or
    £€¥) is dropped here and the search goes on from the trigger's own first character (a
    quote there may still stand before a number). A trigger at the very start of the text has
    no character before it and is looked for on its own."""
    pos = max(start - 1, 0)
    if start == 0:
        first = gram.trigger.match(lowered, 0, end)
        if first is not None:
            yield 0, first.end(), first.group(0)
            pos = first.end()
    search, weak, weak_follow = gram.after.search, gram.weak, gram.weak_follow.match
    while True:
        t = search(lowered, pos, end)
        if t is None:
            return
        at = t.start(1)
        before = lowered[at - 1]
        if before >= "\x80" and (before.isalnum() or before in _NOT_BEFORE_OTHER):
            pos = at
            continue
        pos = t.end(1)
        word = t.group(1)
        if word in weak and weak_follow(lowered, pos, end) is None:
            continue  # a weak word not followed by what continues a time expression
        yield at, pos, word


# --------------------------------------------------------------------------- context


class _Context:
    """What a resolver may look at: the text, the anchor, sentence bounds and the tense."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        pub = doc.published
        self.anchor_dt: datetime | None = pub
        self.anchor: date | None = pub.date() if pub is not None else None
        self.anchor_iso: str | None = pub.isoformat() if pub is not None else None
        self.sent_starts: list[int] | None = None  # read from doc.sentences when first needed
        self.sent_ends: list[int] = []
        self.block = (0, len(doc.text))
        self.spans: list = []
        self.span_starts: list[int] | None = None  # see _block_start
        self.last_year: tuple[int, int] | None = None  # (offset, year) of the last year written out
        self.last_dated: tuple[int, int] | None = None  # the same, of the last month or day written with a year
        self.weekday_dates: dict[int, str] = {}  # weekday -> the last day written with its weekday
        # The text tense cues are read from: the lower-cased text where that reads the same
        # (see :func:`fold_safe`), so the cue pattern need not ignore case (several times faster).
        self.cue_text = doc.text
        self.cue_folded = False
        self.pub_words: str | None = None  # see _pub

    def sentence(self, start: int) -> tuple[int, int]:
        if self.sent_starts is None:  # most documents never ask: build the bounds on demand
            self.sent_starts = [s.start for s in self.doc.sentences]
            self.sent_ends = [s.end for s in self.doc.sentences]
        i = bisect.bisect_right(self.sent_starts, start) - 1
        if i >= 0 and self.sent_ends[i] > start:
            return self.sent_starts[i], self.sent_ends[i]
        return self.block

    def tense(self, start: int, end: int) -> str | None:
        """'future', 'past', 'present' or None, from the nearest tense cue before the
        expression in its sentence (else the nearest after). A present cue ("is", "ends",
        "is slated") defers to a past or future cue right after the expression ("is based
        in Paris and on Monday announced"), and so does a cue more than a few words before it
        when a past or future verb follows the expression at once ("that through November
        grew")."""
        s, e = self.sentence(start)
        if _RX_AHEAD_OF.search(self.text, max(s, start - 64), start) is not None:
            # "ahead of Wednesday", "in anticipation of conditions on Saturday", "adjourned
            # the case till Tuesday": a time still to come, whatever the verb's tense
            return "future"
        before = self.cue_before(start)
        found = _cue_kind(before) if before is not None else None
        if found is not None and start - before.end() > 25:
            # the verb right after the expression governs it, not one a clause away before it:
            # "a market that through November grew" (after "is benefiting from"); a word in
            # -ed may be a participle, which does not undo a future: "will host talks
            # beginning on Wednesday aimed at ..."
            after = next(_cues(self.cue_text, end, min(e, end + 12), self.cue_folded), None)
            if after is not None and _cue_kind(after) in ("past", "future") \
                    and not (found == "future" and after.group("ed") is not None):
                return _cue_kind(after)
        if found == "present" and _RX_TEMPORAL_CLAUSE.search(self.text, max(s, before.start() - 30),
                                                              before.start() + (not before.group(0)[0].isalpha())):
            # "when it releases its earnings in February": English puts what is still to come
            # in the present tense in a clause of time
            return "future"
        if found is None or found == "present":
            after = next(_cues(self.cue_text, end, min(e, end + (60 if found else 200)), self.cue_folded), None)
            later = _cue_kind(after) if after is not None else None
            if later in ("past", "future") or found is None:
                return later
        return found

    def cue_before(self, start: int) -> re.Match | None:
        """The nearest tense cue before ``start`` in its sentence, or None."""
        s, _ = self.sentence(start)
        before = None
        for m in _cues(self.cue_text, max(s, start - 200), start, self.cue_folded):
            before = m
        return before

    def tense_before(self, start: int) -> str | None:
        """The tense of the nearest cue before ``start`` in its sentence, or None."""
        before = self.cue_before(start)
        return _cue_kind(before) if before is not None else None

    def prev_word(self, start: int) -> str:
        """The word before ``start`` (lower case), skipping spaces and commas."""
        text = self.text
        lo = max(0, start - 40)
        i = start
        while i > lo and text[i - 1] in " \t\n,":
            i -= 1
        j = i
        while j > lo and (text[j - 1].isalnum() or text[j - 1] in "'’.-_"):
            j -= 1
        return text[j:i].lower()

    def next_word(self, end: int) -> str:
        m = _NEXT_WORD.match(self.text, end, min(len(self.text), end + 30))
        return m.group(1) if m else ""


_NEXT_WORD = re.compile(r"[ \t]*([\w'’]+)")
#: A clause of time opening right before a verb: "when it ", "once the bank ", "until they ".
_RX_TEMPORAL_CLAUSE = re.compile(r"\b(?:[Ww]hen|[Oo]nce|[Uu]ntil|[Aa]s soon as)(?: [\w'’-]+){0,2} \Z")


#: Words right before a time that make it one still to come: "ahead of Wednesday", "in
#: anticipation of horrific conditions on Saturday", "adjourned the case till Tuesday", "when
#: she delivers her maiden Budget on Oct 30".
_RX_AHEAD_OF = re.compile(
    r"(?i:\b(?:ahead\s+of|in\s+anticipation\s+of|in\s+the\s+run-up\s+to|in\s+time\s+for)\s+(?:[\w'’-]+\s+){0,3}(?:on\s+)?"
    r"|\b(?:adjourn|postpon|defer|delay|put\s+off|push|extend|remand)[a-z]*\s+(?:[\w'’-]+\s+){0,4}(?:till|until|to)\s+"
    # "classes were cancelled for Friday": a day things are called off for is still to come
    r"|\b(?:cancell?ed|called\s+off|suspended|closed)\s+for\s+"
    # "when she delivers her maiden Budget on Oct 30": a clause of time in the present
    r"|\bwhen\s+(?:(?:he|she|it)\s+[a-z]+[^s\W]s|(?:he|she|it|they|we|you|I)\s+will\s+[a-z]+)\s+(?:[\w'’-]+\s+){0,4}(?:on\s+|in\s+)?"
    # "for the fiscal year through March 31", "the year that ends June 30": the end of a year under way
    r"|\b(?:fiscal|financial|business|full|current)\s+year\s+(?:through|that\s+ends|which\s+ends)\s+(?:on\s+)?"
    # "hoped to carry 49,000 passengers on Saturday", "is due to meet on Monday", "on track to
    # reach the station Wednesday": an aim or a plan
    r"|\b(?:hop(?:es?|ed|ing)|plan(?:s|ned|ning)?|expect(?:s|ed|ing)?|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|(?:is|are|was|were)\s+due"
    r"|(?:is|are)\s+set|scheduled|on\s+(?:track|course))\s+to\s+[a-z]+\s+(?:[\w'’,.$-]+\s+){0,5}(?:on\s+)?"
    # "until volume increases after New Year's Day", "when the company reports on Tuesday"
    r"|\b(?:until|till|once|when)\s+(?:the\s+)?[a-z]+\s+(?!(?:was|has|is|does|says)\b)[a-z]{2,}[^s\W]s\s+(?:[\w'’-]+\s+){0,3}(?:on|in|after|before|by)\s+)\Z")


def _cue_kind(m: re.Match) -> str | None:
    if m.group("fut") or m.group("prog"):
        return "future"
    if m.group("pres"):
        return "present"
    if m.group("past") is not None:
        return "past"
    ed = m.group("ed")
    if ed is not None and ed.lower() not in _not_past_ed():
        return "past"
    return None


def _cues(text: str, start: int, end: int, folded: bool = False):
    """The matches of :func:`_cue_regex` in ``text[start:end]``, in order, found with
    :func:`_cue_after` (its look-behind as one consumed character, so the engine skips the
    inside of words in its fast loop): the same matches, as every cue ends in a letter, which
    the next match cannot consume. At the very start of the text there is no character to
    consume: a cue there is looked for on its own. ``folded``: ``text`` is the lower-cased
    text and :func:`fold_safe` holds; the case-sensitive form of the pattern is used."""
    pos = start - 1
    if start == 0:
        first = (_cue_regex_folded() if folded else _cue_regex()).match(text, 0, end)
        pos = 0
        if first is not None:
            yield first
            pos = first.end()
    # The consumed character is tested against ASCII only (a bit table, not a Unicode
    # category look-up at every character); a match behind a non-ASCII letter or digit is
    # dropped and the search goes on from the cue's first character.
    search = (_cue_after_folded() if folded else _cue_after()).search
    while True:
        m = search(text, pos, end)
        if m is None:
            return
        before = text[m.start()]
        if before >= "\x80" and before.isalnum():
            pos = m.start() + 1
            continue
        pos = m.end()
        yield m


def fold_safe(text: str, lowered: str) -> bool:
    """Whether a lower-case pattern over ``lowered`` (``text.lower()``) matches exactly where the
    same pattern with ``(?i)`` matches over ``text``, for patterns of ASCII letters: true unless
    lower-casing changed the length or ``text`` holds one of the two letters that ``(?i)``
    matches to an ASCII letter but ``str.lower`` leaves alone (dotless ı, long ſ)."""
    return len(lowered) == len(text) and "ı" not in text and "ſ" not in text


@lru_cache(maxsize=1)
def _cue_regex_folded() -> re.Pattern:
    """:func:`_cue_regex` without its ``(?i)``, for lower-cased text (its words are lower case)."""
    return re.compile(_cue_regex().pattern.replace("(?i:", "(?:", 1))


@lru_cache(maxsize=1)
def _cue_after_folded() -> re.Pattern:
    return re.compile(_cue_after().pattern.replace("(?i:", "(?:", 1))


@lru_cache(maxsize=1)
def _not_past_ed() -> frozenset[str]:
    return frozenset(_lex()["not_past_ed"])


_CUE_NOT_BEFORE = r"(?<![\w'’])"


@lru_cache(maxsize=1)
def _cue_after() -> re.Pattern:
    """:func:`_cue_regex` with its look-behind turned into one consumed character, tested
    against ASCII only (see :func:`_cues`)."""
    return re.compile(r"[^0-9A-Za-z_'’]" + _cue_regex().pattern[len(_CUE_NOT_BEFORE):])


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    lx = _lex()
    return re.compile(
        _CUE_NOT_BEFORE + rf"(?i:(?P<fut>(?:to|will|would|could|may|might|can|should|must)\s+(?:not\s+|never\s+|also\s+|still\s+|only\s+)?be\s+[a-z]{{2,}}(?:ed|en|ld)|{_alt(lx['future_cues'])})|(?P<prog>(?:is|are|am|'s|'re)\s+(?!being\b)[a-z]{{2,}}ing)"
        rf"|(?P<pres>(?:is|are|am)\s+(?:(?:now|also|still|currently)\s+)?[a-z]{{2,}}(?:ed|en)|{_alt(lx['present_cues'])})"
        rf"|(?P<past>{_alt(lx['past_cues'])})|(?P<ed>[a-z]{{2,}}ed))\b"
    )


# --------------------------------------------------------------------------- calendar helpers

_WD_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _pub(ctx: _Context) -> str:
    """The publication day as rules name it ("Wed 2024-10-23"), written once per document."""
    if ctx.pub_words is None:
        a = ctx.anchor
        ctx.pub_words = f"{_WD_NAMES[a.isoweekday()][:3]} {a.isoformat()}"
    return ctx.pub_words


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- results


@dataclass
class _Found:
    start: int
    end: int
    type: TimexType
    value: str
    rule: str
    mod: str | None = None
    relative: bool = False  # the value depends on the anchor
    needs_day: bool = False  # a clock time with no date: take one from the sentence
    order: str | None = None  # "dm" or "md": how a written date put day and month
    pending: tuple[int, int, int] | None = None  # an n/n/yyyy date that could be either way
    shift: tuple[float, str] | None = None  # "a year earlier": so many units from the story's reference time
    points: tuple[str, str] | None = None  # a range's two ends ("from 2009 to 2011"), see _join_ranges
    comparison: bool = False  # "last year's third-quarter profit": no reference for "the quarter" after it
    step: bool = False  # "the previous day", "the following week": one unit from the story's time


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    lx = _lex()
    return {k: frozenset(lx[k]) for k in ("year_preceders", "year_determiners", "count_nouns", "month_preceders",
                                          "ambiguous_months", "id_nouns", "sport_words", "month_nouns")}


def _num_value(raw: str | None) -> str | float | None:
    """"three" -> 3.0, "a few" -> "X", "two and a half" -> 2.5, "twenty-one" -> 21.0."""
    if raw is None:
        return None
    lx = _lex()
    s = " ".join(raw.lower().replace("-", " ").split())
    half = 0.0
    if s.endswith(" and a half"):
        s = s[: -len(" and a half")]
        half = 0.5
    if s in ("half a", "half an"):
        return 0.5
    if s in lx["quantity_words"]:
        q = lx["quantity_words"][s]
        return "X" if q == "X" else float(q) + half
    try:
        return float(s.replace(",", "") if s[:1].isdigit() else s) + half  # "2,000"
    except ValueError:
        pass
    total = 0.0
    for w in s.split():
        if w in lx["tens_words"]:
            total += lx["tens_words"][w]
        elif w in lx["number_words"]:
            total += lx["number_words"][w]
        else:
            return None
    return total + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_UNIT_CODE = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
    "week": ("", "W", 1), "fortnight": ("", "W", 2), "month": ("", "M", 1), "year": ("", "Y", 1),
    "decade": ("", "Y", 10), "century": ("", "Y", 100), "quarter": ("", "M", 3), "weekend": ("", "WE", 1),
}


def _unit_name(raw: str) -> str:
    u = raw.lower()
    return _lex()["unit_plurals"].get(u, u)


def _duration_value(n: str | float, unit: str) -> str:
    t, code, mult = _UNIT_CODE[unit]
    if code == "WE":
        return "P1WE" if n == "X" else f"P{_fmt_num(n)}WE"
    if n == "X":
        return f"P{t}X{code}"
    val = n * mult
    if t == "T" and val != int(val):
        # "half an hour": TimeML prefers whole smaller units (PT30M) to fractions.
        if code == "H":
            return f"PT{_fmt_num(val * 60)}M"
        if code == "M":
            return f"PT{_fmt_num(val * 60)}S"
    return f"P{t}{_fmt_num(val)}{code}"


# --------------------------------------------------------------------------- resolvers


#: A month and day this close to the publication date is taken in its year whatever the tense.
_NEAR_DAYS = 31


#: After a month: the contract it names ("for April delivery", "the March contract", "June futures").
_RX_DELIVERY_AFTER = re.compile(r"\s+(?:delivery|contracts?|futures|options)\b")
#: A commodity after a month ("December gold", "March crude"): its contract, unless a time
#: word before the month makes it the month ("in March oil prices rose").
_RX_COMMODITY_AFTER = re.compile(
    r"\s+(?:crude|gold|silver|copper|platinum|palladium|oil|wheat|corn|soybeans?|cotton|coffee|cocoa|sugar|natural\s+gas)\b")
_MONTH_TIME_WORDS = frozenset({"in", "on", "since", "by", "during", "until", "till", "from", "through", "last", "this",
                               "next", "early", "late", "mid", "of", "before", "after", "between", "and"})


def _year_of_month_day(ctx: _Context, month: int, dd: int | None, start: int, end: int) -> tuple[int, str]:
    """The year of a month (and day) written without one: by tense, else the nearest."""
    a = ctx.anchor
    if ctx.last_dated is not None and ctx.last_dated[0] >= ctx.sentence(start)[0]:
        # "since October 8, 2023, after ... the October 7 attack": the sentence's own year
        return ctx.last_dated[1], "the year of the date written before it in the sentence"
    if dd is None and (_RX_DELIVERY_AFTER.match(ctx.text, end) or (
            _RX_COMMODITY_AFTER.match(ctx.text, end) and ctx.prev_word(start) not in _MONTH_TIME_WORDS)):
        # "crude for April delivery", "the March contract": a contract's month is the next one
        return (a.year if month >= a.month else a.year + 1), \
            "the next such month from publication, as a contract for delivery names one"
    tense = ctx.tense(start, end)
    cand = date(a.year, month, min(dd or 15, 28))
    if dd is None:
        later = (month > a.month)
        earlier = (month < a.month)
    else:
        c = _safe_date(a.year, month, dd) or cand
        later = c > a + timedelta(days=1)
        earlier = c < a - timedelta(days=1)
    near = dd is not None and abs((c - a).days) <= _NEAR_DAYS
    if tense == "past" and later and not near:
        return a.year - 1, "the most recent one before publication, as the sentence speaks of the past"
    if tense == "future" and earlier and not near:
        return a.year + 1, "the next one after publication, as the sentence speaks of the future"
    if near and ((tense == "past" and later) or (tense == "future" and earlier)):
        # "the October 26 election" in a story of 14 October: a tense cue elsewhere in the
        # sentence does not move a date a few weeks away by a whole year.
        return a.year, f"the year of publication, as the date is within {_NEAR_DAYS} days of it"
    if tense not in ("past", "future"):
        diff = (month - a.month) if dd is None else (cand - a).days / 30.4
        if diff > 6:
            return a.year - 1, "the nearest one to publication"
        if diff < -6:
            return a.year + 1, "the nearest one to publication"
    return a.year, "the year of publication"


def _weekday_date(ctx: _Context, wd: int, rel: str | None, start: int, end: int) -> tuple[date, str]:
    a = ctx.anchor
    back = (a.isoweekday() - wd) % 7
    fwd = (wd - a.isoweekday()) % 7
    name = _WD_NAMES[wd]
    rel = " ".join(rel.lower().split()) if rel else None
    if rel in ("last", "past", "this past"):
        back = back or 7
        return a - timedelta(days=back), f"last {name}: the {name} before publication ({_pub(ctx)})"
    if rel in ("next", "coming", "this coming"):
        fwd = fwd or 7
        return a + timedelta(days=fwd), f"next {name}: the {name} after publication ({_pub(ctx)})"
    if rel == "this":
        monday = a - timedelta(days=a.isoweekday() - 1)
        d = monday + timedelta(days=wd - 1)
        tense = ctx.tense(start, end) if d != a else None
        if tense == "past" and d > a:
            # "came out to vote this Sunday" in a Monday's story: the Sunday just gone
            return a - timedelta(days=back), f"this {name}: the {name} just before publication ({_pub(ctx)}), as the verb is past"
        if tense == "future" and d < a:
            return a + timedelta(days=fwd), f"this {name}: the {name} just after publication ({_pub(ctx)}), as the sentence looks ahead"
        return d, f"this {name}: the {name} of the publication week ({_pub(ctx)})"
    if back == 0:
        return a, f"{name}: publication day ({_pub(ctx)})"
    if ctx.text.startswith(("'s ", "’s "), end):
        # "Tuesday's ruling": the weekday names a thing of that day, so the verbs after it
        # say nothing of when the day is ("after Tuesday's ruling, the changes are set to ...");
        # only a cue before it counts, and without one the day is past, as news reports it.
        tense = ctx.tense_before(start)
        if tense is None and ctx.text[max(0, start - 9):start].lower() == "ahead of ":
            tense = "future"
    else:
        tense = ctx.tense(start, end)
    if tense is None and ctx.prev_word(start) in ("by", "until", "till"):
        tense = "future"  # "lawmakers must act by Tuesday": a deadline, with no past verb
    if tense in ("future", "present"):
        # "will meet on Friday", and "the vote is on Friday": a schedule looks forward.
        return a + timedelta(days=fwd), f"{name}: the next {name} after publication ({_pub(ctx)}), as the sentence speaks of the {tense}"
    why = "as the verb is past" if tense == "past" else "by news convention (no tense cue: news reports what happened)"
    return a - timedelta(days=back), f"{name}: the most recent {name} before publication ({_pub(ctx)}), {why}"


#: A value counted from a publication date at the edge of the calendar ("next year" after
#: 31 December 9999, "last year" in the year 1): a year of one digit, of five or more, year 0
#: or a negative one. Not a date anyone can use, so the value is left unresolved.
_BEYOND_CALENDAR = re.compile(r"-|\d(?!\d)|\d{5}|0000")


def _unresolve(found: _Found) -> None:
    value = found.value.lstrip("-")
    year = re.match(r"\d*", value)
    found.value = "XXXX" + re.sub(r"\d", "X", value[year.end():])  # "10000-03" -> "XXXX-XX"
    found.rule += "; beyond the years 1-9999, so the value stays unresolved"


def _unanchored(start, end, typ, value, what) -> _Found:
    return _Found(start, end, typ, value, f"{what}: no publication date, so the value stays unresolved", relative=True)


def _mod_of(pre: str | None) -> tuple[str | None, str]:
    if not pre:
        return None, ""
    p = pre.lower()
    if "earlier" in p or "later" in p:
        return None, "'earlier'/'later' within it gives the whole period (TimeML has no mod for it)"
    if "start" in p or "beginning" in p or "early" in p:
        return "START", "its start (mod START)"
    if "end" in p or "close" in p or "late" in p:
        return "END", "its end (mod END)"
    if "mid" in p:
        return "MID", "its middle (mod MID)"
    return None, ""


def _clock_value(g: dict, suffix: str = "") -> tuple[str, str] | None:
    """HH:MM (+ zone) from clock groups; returns (Thh:mm[zone], words)."""
    lx = _lex()
    h = g.get(suffix + "h") or g.get(suffix + "h2") or g.get(suffix + "h3")
    if h is None:
        return None
    mi = g.get(suffix + "mi") or g.get(suffix + "mi2") or g.get(suffix + "mi3") or "00"
    ap = (g.get(suffix + "ap") or g.get(suffix + "ap2") or "").lower().replace(".", "").replace(" ", "")
    hour = int(h)
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    zone = ""
    tz = g.get(suffix + "tz")
    if tz:
        t = tz.strip("() ").upper().replace("−", "-")
        if t.lower() in lx["time_zones"]:
            zone = lx["time_zones"][t.lower()]
        else:
            m = re.match(r"(?:GMT|UTC)\s*([+\-])\s*(\d{1,2})(?::?(\d\d))?", t)
            if m:
                zone = f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
                if zone in ("+00:00", "-00:00"):
                    zone = "Z"
    return f"T{hour:02d}:{mi}{zone}", f"{hour:02d}:{mi}" + (f" {zone}" if zone else "")


def _month_num(raw: str) -> int:
    lx = _lex()
    k = raw.lower().rstrip(".")
    return lx["months"].get(k) or lx["month_abbreviations"][k]


def _r_iso(m, ctx):
    g = m.groupdict()
    d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
    if d is None:
        return None
    if g["h"]:
        zone = ""
        if g["tz"]:
            zone = "Z" if g["tz"] in ("Z", "+00:00", "+0000") else g["tz"][:3] + ":" + g["tz"][-2:]
        return _Found(m.start(), m.end(), TimexType.TIME, f"{d}T{g['h']}:{g['mi']}{zone}", "an ISO date and time as written")
    return _Found(m.start(), m.end(), TimexType.DATE, d.isoformat(), "an ISO date as written")


_VERSION_WORDS = frozenset({"version", "v", "release", "build", "firmware", "update", "patch", "model"})


def _r_numeric(m, ctx):
    g = m.groupdict()
    a, b = int(g["a"]), int(g["b"])
    y = int(g["y"])
    if len(g["y"]) == 2:
        pivot = (ctx.anchor.year % 100 + 10) if ctx.anchor else 30
        y += 2000 if y <= pivot else 1900
    if g["sep"] == "." and ctx.prev_word(m.start()) in _VERSION_WORDS:
        return None  # "version 2.10.2024"
    if g["sep"] == ".":
        day_first, why = True, "day.month.year, as dotted dates are written"
    elif a > 12:
        day_first, why = True, "day/month/year, as the first number is over 12"
    elif b > 12:
        day_first, why = False, "month/day/year, as the second number is over 12"
    else:
        # Both readings are possible: decided once the whole document is read (_settle_numeric).
        if _safe_date(y, a, b) is None or _safe_date(y, b, a) is None:
            return None
        f = _Found(m.start(), m.end(), TimexType.DATE, _safe_date(y, a, b).isoformat(),
                   f"{m.group(0)}: read as month/day/year, the news default")
        f.pending = (a, b, y)
        return f
    dd, mm = (a, b) if day_first else (b, a)
    d = _safe_date(y, mm, dd)
    if d is None:
        return None
    return _Found(m.start(), m.end(), TimexType.DATE, d.isoformat(), f"{m.group(0)}: read as {why}")


def _r_fulldate(m, ctx):
    g = m.groupdict()
    mon = g["m1"] or g["m2"]
    dd = g["d1"] or g["d2"]
    y = g["y1"] or g["y2"]
    d = _safe_date(int(y), _month_num(mon), int(re.sub(r"\D", "", dd)))
    if d is None:
        return None
    start = m.start()
    order = "md" if g["m1"] else "dm"
    if g["time"]:
        cv = _clock_value(g)
        if cv:
            return _Found(start, m.end(), TimexType.TIME, f"{d}{cv[0]}", f"a full date and time as written: {d} {cv[1]}", order=order)
    return _Found(start, m.end(), TimexType.DATE, d.isoformat(), f"a full date as written: {d}", order=order)


def _r_monthday(m, ctx):
    g = m.groupdict()
    mon = _month_num(g["m1"] or g["m2"])
    dd = int(re.sub(r"\D", "", g["d1"] or g["d2"]))
    if _safe_date(2000, mon, dd) is None:  # 2000 is a leap year: February 29 is allowed here
        return None
    if ctx.anchor is None:
        return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-{mon:02d}-{dd:02d}", "a day and month without a year")
    wd = g.get("wd")
    if wd:
        # A weekday beside the date picks the year whose calendar agrees, near publication.
        wdn = _weekday_num(wd)
        for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            d = _safe_date(y, mon, dd)
            if d and d.isoweekday() == wdn and abs((d - ctx.anchor).days) <= 200:
                # (a year away only to fit the weekday is a writer's slip: "Friday, September
                # 3" in a story of 29 August 2022, when that day was a Saturday, is still 2022's)
                rule = f"{m.group(0)}: the year near publication ({_pub(ctx)}) in which that day is a {_WD_NAMES[wdn]}"
                cv = _clock_value(g) if g["time"] else None
                if cv:
                    return _Found(m.start(), m.end(), TimexType.TIME, f"{d}{cv[0]}", rule, relative=True, order="md" if g["m1"] else "dm")
                return _Found(m.start(), m.end(), TimexType.DATE, d.isoformat(), rule, relative=True, order="md" if g["m1"] else "dm")
    later = _YEAR_SOON_AFTER.match(ctx.text, m.end(), m.end() + 40)
    if later is not None:
        # "the September 11 attacks in 2001": the year the clause gives right after the day
        y, why = int(later.group(1)), f"the year written after it (\"{later.group(0).strip()}\")"
    else:
        y, why = _year_of_month_day(ctx, mon, dd, m.start(), m.end())
    d = _safe_date(y, mon, dd)
    order = "md" if g["m1"] else "dm"
    if d is None:
        d = _safe_date(y - 1, mon, dd) or date(y, mon, 28)
    if g["time"]:
        cv = _clock_value(g)
        if cv:
            return _Found(m.start(), m.end(), TimexType.TIME, f"{d}{cv[0]}",
                          f"{m.group(0)}: no year written; {why} ({_pub(ctx)})", relative=True, order=order)
    return _Found(m.start(), m.end(), TimexType.DATE, d.isoformat(),
                  f"{m.group(0)}: no year written; {why} ({_pub(ctx)})", relative=True, order=order)


#: A year a few words after a day and month, in the same clause: "... 11 attacks in 2001".
_YEAR_SOON_AFTER = re.compile(
    r"(?:\s+(?!(?:and|or|but|than|while|as|since|until|before|after)\b)[a-z][a-z'’-]*){0,3}"
    r"\s+(?:in|of)\s+((?:1[89]|20)\d\d)\b")


def _weekday_num(raw: str) -> int:
    lx = _lex()
    k = raw.lower().rstrip(".")
    return lx["weekdays"].get(k) or lx["weekday_abbreviations"][k]


_AFTER_WORDS = frozenset({"after", "afterwards", "afterward", "thereafter", "enough"})


def _r_vague(m, ctx):
    phrase = " ".join(m.group(0).lower().split())
    value = _lex()["vague"][phrase]
    start = m.start()
    if phrase in ("in the past", "in the future"):
        start += 3  # the preposition is not part of the expression
    if phrase == "soon" and (ctx.prev_word(m.start()) == "as" or ctx.next_word(m.end()).lower() in _AFTER_WORDS):
        return None  # "as soon as" is a conjunction; "soon after" hangs on another event
    if ctx.text[m.end(): m.end() + 1] in ("'", "’", "-"):
        return None  # "now-cancelled", "soon-to-open": part of a compound word
    if m.group(0)[0].isupper() and _in_a_name(ctx.text, m.start(), m.end()):
        return None  # "Times Now", "Now TV": a capitalised word inside a name
    kind = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}[value]
    f = _Found(start, m.end(), TimexType.DATE, value, f"{phrase}: a vague reference to {kind} (TimeML {value})", relative=True)
    return f


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A capitalised word at ``[start, end)`` joined by one space to a capitalised word
    before it ("Times Now"), or, not opening a sentence, to one after it ("Now TV")."""
    before = text[max(0, start - 30):start]
    prev = before.split()[-1] if before.strip() else ""
    if before.endswith(" ") and prev[:1].isupper() and prev[-1:].isalpha():
        return True
    nxt = text[end:end + 2]
    return bool(prev) and prev[-1:] not in ".!?:\"“" and nxt[:1] == " " and nxt[1:2].isupper()


def _quarter_year(ctx, rel, y, q, start, end) -> tuple[int | None, str]:
    if y:
        yy = int(y)
        if yy < 100:
            yy += 2000
        return yy, "year as written"
    if ctx.anchor is None:
        return None, ""
    a = ctx.anchor
    if not rel:
        pm = _RX_YEARS_POSSESSIVE.search(ctx.text, max(0, start - 48), start)
        if pm is not None:
            # "last year's $240 million third-quarter profit": that year's quarter
            r = pm.group(1).lower()
            return a.year + {"this": 0, "last": -1, "next": 1}[r], f"{r} year's, as written before it ({_pub(ctx)})"
    if rel:
        r = rel.lower()
        off = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[r]
        return a.year + off, f"{r} year from publication ({_pub(ctx)})"
    cur_q = (a.month - 1) // 3 + 1
    if q == cur_q - 1 or (cur_q == 1 and q == 4):
        # The quarter just ended is the one news reports on, whatever the verb's tense:
        # "results for the third quarter will be released next week" (in October).
        year = a.year if cur_q > 1 else a.year - 1
        return year, f"the quarter that ended last before publication ({_pub(ctx)})"
    tense = ctx.tense(start, end)
    if tense == "past" and q > cur_q:
        return a.year - 1, f"the most recent such quarter before publication ({_pub(ctx)}), as the sentence speaks of the past"
    if tense == "future" and q < cur_q:
        return a.year + 1, f"the next such quarter after publication ({_pub(ctx)}), as the sentence speaks of the future"
    return a.year, f"the year of publication ({_pub(ctx)})"


#: "last year's", "next year's" a few words before a quarter or half: the year it belongs to.
_RX_YEARS_POSSESSIVE = re.compile(r"\b((?i:last|next|this))\s+year['’]s\s+(?:[^\s.;:!?]+\s+){0,4}(?:the\s+)?\Z")
#: A quarter's first or last month, by its first three letters -> that quarter (the pattern only
#: lets a first month open a range and a last month close it).
_QUARTER_OF_EDGE_MONTH = {"jan": 1, "mar": 1, "apr": 2, "jun": 2, "jul": 3, "sep": 3, "oct": 4, "dec": 4}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "latter": 2}


def _r_quarter(m, ctx):
    g = m.groupdict()
    if g["qlast"]:
        if ctx.anchor is None:
            return _unanchored(m.start(), m.end(), TimexType.DATE, "XXXX-QX", "a quarter relative to publication")
        word = g["qlast"].split()[-2].lower()
        a = ctx.anchor
        cur = (a.month - 1) // 3
        off = {"last": -1, "previous": -1, "past": -1, "latest": -1, "recent": -1, "current": 0, "next": 1, "coming": 1}[word]
        t = a.year * 4 + cur + off
        return _Found(m.start(), m.end(), TimexType.DATE, f"{t // 4}-Q{t % 4 + 1}",
                      f"the {word} quarter: counted from the quarter of publication ({_pub(ctx)})", relative=True)
    if g["qm1"]:
        q = _QUARTER_OF_EDGE_MONTH.get(g["qm1"][:3].lower())
        if q is None or _QUARTER_OF_EDGE_MONTH.get(g["qm2"][:3].lower()) != q:
            return None  # "April-June" is a quarter; "April-September" is no one quarter
        y, why = _quarter_year(ctx, None, g["qy3"], q, m.start(), m.end())
        if y is None:
            return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-Q{q}", "a quarter without a year")
        return _Found(m.start(), m.end(), TimexType.DATE, f"{y}-Q{q}",
                      f"the months of quarter {q}: {why}", relative=not g["qy3"])
    if g["qme"]:
        q = {"March": 1, "June": 2, "September": 3, "December": 4}[g["qme"]]
        y, why = _quarter_year(ctx, None, None, q, m.start(), m.end())
        if y is None:
            return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-Q{q}", "a quarter without a year")
        return _Found(m.start(), m.end(), TimexType.DATE, f"{y}-Q{q}", f"the quarter {g['qme']} ends, quarter {q}: {why}",
                      relative=True)
    q = _ORD.get((g["qord"] or "").lower()) or int(g["qn"])
    if g["qfy"] or g["qfy2"] or g["qfy3"]:
        return _fiscal_quarter(m, ctx, q, g["qy"])
    if not (g["qrel"] or g["qy"] or g["qy2"]) and _in_play(m, ctx):
        return None  # "scored 12 points in the fourth quarter"
    y, why = _quarter_year(ctx, g["qrel"], g["qy"] or g["qy2"], q, m.start(), m.end())
    if y is None:
        return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-Q{q}", "a quarter without a year")
    return _Found(m.start(), m.end(), TimexType.DATE, f"{y}-Q{q}", f"quarter {q}: {why}", relative=not (g["qy"] or g["qy2"]),
                  comparison=why.startswith("last year's"))


def _fiscal_quarter(m, ctx, q: int, written: str | None) -> _Found:
    """"its fiscal fourth quarter", "the first quarter of fiscal 2009": a quarter of a fiscal
    year, valued as TimeML writes one (FY2009-Q1). A fiscal year is named by the calendar year
    it ends in. Without one written, the quarter is the one just reported: its fiscal year is
    the year of publication, or the next one for a first or second quarter reported in the
    second half of the calendar year (a year ending in June or September starts in July or
    October)."""
    if written:
        y = int(written) + (2000 if len(written) == 2 else 0)
        return _Found(m.start(), m.end(), TimexType.DATE, f"FY{y}-Q{q}", f"fiscal quarter {q} of fiscal {y}, as written")
    if ctx.anchor is None:
        return _unanchored(m.start(), m.end(), TimexType.DATE, f"FYXXXX-Q{q}", "a fiscal quarter without a year")
    a = ctx.anchor
    y = a.year + (q <= 2 and a.month >= 7)
    return _Found(m.start(), m.end(), TimexType.DATE, f"FY{y}-Q{q}",
                  f"fiscal quarter {q}: the one reported last before publication ({_pub(ctx)}), of fiscal {y}",
                  relative=True)


_RX_FY_VALUE = re.compile(r"FY(\d{4})(?:-Q([1-4]))?$")
_RX_QUARTER_STEP = re.compile(r"the (?:next|coming|last|previous|past|current) quarter:")


def _fiscal_quarters_after(found: list[_Found], ctx: _Context) -> None:
    """Once a story names a fiscal year or quarter ("the first quarter of fiscal 2010"), the
    quarters it names later without a year are that company's fiscal quarters, of the fiscal
    year named last: "the second quarter" after it is FY2010-Q2; a quarter of a lower number
    that the sentence looks ahead to is the next fiscal year's ("expects the current first
    quarter" after a fourth quarter). A story that names the fiscal year under way only later
    ("first-quarter earnings ... no forecast for fiscal 2021", in September 2020) reports
    that year's quarters from the start."""
    last = None
    first = next((f for f in found if f.value[:2] == "FY"), None)
    if first is not None and ctx.anchor is not None:
        fm = _RX_FY_VALUE.match(first.value)
        if fm is not None and not fm.group(2) and ctx.anchor.year <= int(fm.group(1)) <= ctx.anchor.year + 1:
            last = (int(fm.group(1)), 0)
    for f in found:
        m = _RX_FY_VALUE.match(f.value)
        if m is not None:
            last = (int(m.group(1)), int(m.group(2) or 0))
            continue
        if last is not None and last[1] and f.relative and _RX_QUARTER_STEP.match(f.rule):
            # "the next quarter" after "its fiscal second quarter": the fiscal third
            # ("the current quarter" after the one just reported: the one after it)
            step = {"next": 1, "coming": 1, "current": 1, "last": -1, "previous": -1, "past": -1}.get(f.rule.split()[1], 0)
            t = last[0] * 4 + last[1] - 1 + step
            f.value = f"FY{t // 4}-Q{t % 4 + 1}"
            f.rule += f"; a fiscal quarter, counted from the fiscal one named before it (FY{last[0]}-Q{last[1]})"
            continue
        if last is None or not f.relative or not f.rule.startswith("quarter ") or f.comparison:
            continue
        y, q = last[0], int(f.value[-1])
        if q < last[1] and (ctx.tense(f.start, f.end) == "future"
                            or "current" in ctx.text[max(0, f.start - 12):f.end].lower()):
            y += 1
        f.value = f"FY{y}-Q{q}"
        f.rule += f"; a fiscal quarter, as the story named fiscal {last[0]} before it"


def _in_play(m, ctx) -> bool:
    """A bare "the first half" / "the fourth quarter" in a sentence about a game: a half or a
    quarter of play, not of the year."""
    s, e = ctx.sentence(m.start())
    words = _word_sets()["sport_words"]
    return any(w in words for w in _RX_WORDS.findall(ctx.text[s:e].lower()))


_RX_WORDS = re.compile(r"[a-z][a-z-]*")


def _r_half(m, ctx):
    g = m.groupdict()
    h = _ORD.get((g["hord"] or "").lower()) or int(g["hn"])
    if h not in (1, 2):
        return None
    if not (g["hrel"] or g["hy"] or g["hy2"] or g["hyr"]) and _in_play(m, ctx):
        return None  # "conceded two goals in the first half"
    if not (g["hrel"] or g["hy"] or g["hy2"]) and ctx.anchor is not None and (h == 1) == (ctx.anchor.month > 6) \
            and (h == 1 or ctx.tense(m.start(), m.end()) != "future"):
        # The half just ended is the one reported on: "the first half is proving challenging"
        # in July is this year's, "sales fell in the second half" in January last year's (but
        # "will pick up in the second half" in January is this year's).
        y = ctx.anchor.year - (h == 2)
        why = f"the half-year that ended last before publication ({_pub(ctx)})"
    else:
        y, why = _quarter_year(ctx, g["hrel"], g["hy"] or g["hy2"], 1 if h == 1 else 3, m.start(), m.end())
    if y is None:
        return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-H{h}", "a half-year without a year")
    return _Found(m.start(), m.end(), TimexType.DATE, f"{y}-H{h}", f"half {h}: {why}", relative=not (g["hy"] or g["hy2"]))


def _two_digit_year(yy: str, ctx: _Context) -> str:
    """'06 as a year: the century that puts it nearest the publication year (2000s before
    it), else the 1900s above 30 and the 2000s below."""
    n = int(yy)
    if ctx.anchor is not None:
        base = ctx.anchor.year // 100 * 100
        y = base + n
        if y > ctx.anchor.year + 10:
            y -= 100
        return f"{y:04d}"
    return f"{(1900 if n > 30 else 2000) + n:04d}"


def _r_period(m, ctx):
    g = m.groupdict()
    lx = _lex()
    mod, mod_words = _mod_of(g["pre"])
    start, end = m.start(), m.end()
    suffix = f"; {mod_words}" if mod_words else ""
    relative = False

    def done(value, rule, typ=TimexType.DATE):
        return _Found(start, end, typ, value, rule + suffix, mod=mod, relative=relative)

    if g["cent"] or g["centw"]:
        n = int(g["cent"]) if g["cent"] else lx["ordinal_centuries"][" ".join(g["centw"].lower().replace("-", " ").split()).replace(" ", "-")]
        return done(f"{n - 1:02d}", f"century {n}: years {n - 1:02d}00-{n - 1:02d}99")
    if g["dec"]:
        return done(g["dec"][:3], f"the {g['dec']}s: the decade {g['dec'][:3]}X")
    if g["dec2"]:
        base = "19" if g["dec2"] != "0" and g["dec2"] != "1" else "20"
        return done(f"{base}{g['dec2']}", f"the '{g['dec2']}0s: the decade {base}{g['dec2']}X")
    if g["decw"]:
        return done(f"19{lx['decade_words'][g['decw'].lower()]}", f"the {g['decw'].lower()}: a decade of the 1900s")
    if g["season"]:
        code = lx["seasons"][g["season"].lower()]
        sy = g["sy"] or _two_digit_year(g["sy2"], ctx)  # ("the summer of '06")
        return done(f"{sy}-{code}", f"{g['season'].lower()} {sy}: the season as written")
    if g["season2"]:
        # "the spring of last year": the season of the year counted from publication.
        code = lx["seasons"][g["season2"].lower()]
        relative = True
        if ctx.anchor is None:
            return done(f"XXXX-{code}", f"{m.group(0)}: no publication date, so the year stays unresolved")
        rel = " ".join(g["srel"].lower().split())
        off = {"this": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}[rel]
        return done(f"{ctx.anchor.year + off}-{code}", f"{m.group(0)}: the {g['season2'].lower()} of "
                                                     f"{ctx.anchor.year + off}, {rel} year counted from publication ({_pub(ctx)})")
    if g["fy"]:
        y = int(g["fy"])
        if y < 100:
            y += 2000
        return done(f"FY{y}", f"fiscal year {y}")
    if g["mm"]:
        mon = _month_num(g["mm"])
        return done(f"{int(g['my']):04d}-{mon:02d}", "a month and year as written")
    if g["year"]:
        if not _plausible_year(m, ctx, bool(g["pre"])):
            return None
        return done(g["year"], f"the year {g['year']} as written")
    if g["month"]:
        mon = _month_num(g["month"])
        if not g["pre"] and not _plausible_month(m, ctx, g["month"]):
            return None
        relative = True
        if ctx.anchor is None:
            f = done(f"XXXX-{mon:02d}", f"{g['month']}: no publication date, so the year stays unresolved")
            return f
        y, why = _year_of_month_day(ctx, mon, None, start, end)
        return done(f"{y}-{mon:02d}", f"{g['month']}: no year written; {why} ({_pub(ctx)})")
    if g["relu"]:
        return _r_relative_period(m, ctx, g, mod, suffix)
    return None


def _r_relative_period(m, ctx, g, mod, suffix):
    lx = _lex()
    rel = " ".join(g["rel"].lower().split())
    unit = g["relu"].lower()
    start, end = m.start(), m.end()
    if g["rfy"]:
        return _fiscal_year(m, ctx, rel, unit, mod, suffix, g["pre"])
    if rel in ("the same", "that", "the following", "the previous") and unit == "year":
        # Anaphoric: counted from the last year the text named ("in 2001 ... the following
        # year"), not from publication.
        named = ctx.last_year
        if named is not None and (ctx.block[0] <= named[0] or start - named[0] < 300) and named[0] < start:
            off = {"the same": 0, "that": 0, "the following": 1, "the previous": -1}[rel]
            return _Found(start, end, TimexType.DATE, f"{named[1] + off}",
                          f"{m.group(0)}: counted from {named[1]}, the last year named before it", mod=mod)
        if rel in ("the same", "that"):
            return None
    elif rel in ("the same", "that"):
        return None
    if rel in ("the past", "the last", "the next", "the coming") and unit not in ("weekend", "quarter") and unit not in lx["seasons"]:
        # "the past decade", "the next year": a stretch of time, not a calendar period.
        return _Found(start, end, TimexType.DURATION, _duration_value(1.0, unit),
                      f"{rel} {unit}: a duration of one {unit} reaching {'back from' if rel in ('the past', 'the last') else 'forward from'} publication")
    if rel == "the":
        if unit in lx["seasons"] and not g["pre"] and ctx.prev_word(start) in _SEASON_SIGNALS \
                and not _RX_SEASON_NOUN_OF.match(ctx.text, end):
            # ("after the fall of the regime": the noun, not autumn)
            # "since the summer", "over the winter": the season nearest publication that the
            # tense allows (TimeML gives the season of its year: 2025-SU).
            return _the_season(m, ctx, lx["seasons"][unit], mod, suffix)
        if not g["pre"] and unit != "weekend":
            return None  # "the year" alone refers to something else in the text
        if unit == "weekend" and not g["pre"]:
            if ctx.prev_word(start) not in ("at", "over", "during", "this", "on", "by", "until", "for", "since"):
                return None
    if ctx.anchor is None:
        placeholder = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                       "decade": "XXX", "century": "XX", "quarter": "XXXX-QX", "fortnight": "XXXX-WXX"}.get(unit, "XXXX")
        if unit in lx["seasons"]:
            placeholder = f"XXXX-{lx['seasons'][unit]}"
        return _Found(start, end, TimexType.DATE, placeholder,
                      f"{rel} {unit}: no publication date, so the value stays unresolved", mod=mod, relative=True)
    a = ctx.anchor
    off = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "this past": -1, "next": 1,
           "the following": 1, "this coming": 1, "the coming": 1, "the": 0, "the past": -1, "the last": -1,
           "the next": 1}[rel]
    if rel == "the":
        tense = ctx.tense(start, end)
        if unit == "weekend":
            if tense == "past" and a.isoweekday() < 6:
                off = -1
            elif tense is None and a.isoweekday() < 6:
                off = -1
    pub = _pub(ctx)
    which = {-1: "the {} before that of publication", 0: "the {} of publication", 1: "the {} after that of publication"}[off]
    if unit in ("week", "fortnight"):
        d = a + timedelta(weeks=off)
        value, how = _week(d), which.format("ISO week") + f" ({pub}, {_week(a)})"
    elif unit == "weekend":
        d = a + timedelta(weeks=off)
        if rel in ("last", "this past") and a.isoweekday() >= 6:
            d = a + timedelta(weeks=-1)
        value, how = _week(d) + "-WE", "the Saturday and Sunday of " + which.format("ISO week") + f" ({pub}, {_week(a)})"
    elif unit == "month":
        y, mo = _add_months(a.year, a.month, off)
        value, how = f"{y}-{mo:02d}", which.format("month") + f" ({pub})"
    elif unit == "year":
        value, how = f"{a.year + off}", which.format("year") + f" ({pub})"
    elif unit == "decade":
        value, how = f"{(a.year // 10 + off)}", which.format("decade") + f" ({pub})"
    elif unit == "century":
        value, how = f"{a.year // 100 + off:02d}", which.format("century") + f" ({pub})"
    elif unit == "quarter":
        t = a.year * 4 + (a.month - 1) // 3 + off
        value, how = f"{t // 4}-Q{t % 4 + 1}", which.format("quarter") + f" ({pub})"
    else:
        code = lx["seasons"][unit]
        value, how = _season_value(a, code, off), f"{unit} counted from publication ({pub})"
    return _Found(start, end, TimexType.DATE, value, f"{m.group(0)}: {how}{suffix}", mod=mod, relative=True)


def _fiscal_year(m, ctx, rel: str, unit: str, mod, suffix: str, g_pre: str | None = None) -> _Found | None:
    """"the current fiscal year", "last financial year", "the beginning of the financial year":
    a fiscal year, named (as TimeML writes it, FY2007) by the calendar year it ends in. The one
    under way at publication is taken to end in the year of publication, or in the next one
    from July (a year ending in June or September has begun by then)."""
    if unit != "year":
        return None
    off = {"this": 0, "the current": 0, "the": 0, "last": -1, "the previous": -1, "the last": -1, "the past": -1,
           "this past": -1, "next": 1, "the next": 1, "the following": 1, "the coming": 1, "this coming": 1}.get(rel)
    if off is None or (rel == "the" and not g_pre):
        # "that fiscal year", "the same fiscal year": named elsewhere; "the fiscal year" alone,
        # like "the year", refers to one the text names ("the fiscal year ending in March")
        return None
    start, end = m.start(), m.end()
    if ctx.anchor is None:
        return _Found(start, end, TimexType.DATE, "FYXXXX", f"{m.group(0)}: no publication date, so the year "
                      "stays unresolved", mod=mod, relative=True)
    a = ctx.anchor
    y = a.year + (a.month >= 7) + off
    return _Found(start, end, TimexType.DATE, f"FY{y}", f"{m.group(0)}: fiscal year {y}, counted from the one "
                  f"under way at publication ({_pub(ctx)}){suffix}", mod=mod, relative=True)


#: "the fall of the regime", "the spring of their discontent": a season's word with "of" and
#: no year after it is the noun.
_RX_SEASON_NOUN_OF = re.compile(r"\s+of\s+(?!(?:the\s+)?(?:\d|last\b|this\b|next\b|that\s+year\b|the\s+(?:same|following|previous)\s+year\b))",
                                re.IGNORECASE)


#: Words before "the <season>" that make it a time ("over the summer"); "the fall of Rome" and
#: "the spring in his step" stay words.
_SEASON_SIGNALS = frozenset({"in", "over", "during", "since", "through", "throughout", "until", "till",
                             "by", "before", "after", "from", "for", "across"})


def _the_season(m, ctx, code: str, mod, suffix: str) -> _Found:
    """"the summer" after a time preposition: this year's when the sentence has no tense or
    the season is the current one; else the latest one before publication (past) or the
    next one after it (future)."""
    start, end = m.start(), m.end()
    if ctx.anchor is None:
        return _Found(start, end, TimexType.DATE, f"XXXX-{code}",
                      f"{m.group(0)}: no publication date, so the year stays unresolved", mod=mod, relative=True)
    tense = ctx.tense(start, end)
    signal = ctx.prev_word(start)
    if signal in ("before", "until", "till", "by") and tense == "past":
        tense = None  # "pressure mounted before the winter sets in": a season still ahead
    elif signal in ("since", "after") and tense == "future":
        tense = None  # "will recover after the summer": counted from the one just passed
    year, cur_i = _current_season(ctx.anchor)
    i = year * 4 + _SEASONS.index(code)
    if tense == "past" and i > cur_i:
        i -= 4
        how = "the latest one up to publication, as the sentence speaks of the past"
    elif tense == "future" and i < cur_i:
        i += 4
        how = "the next one from publication, as the sentence speaks of the future"
    else:
        how = "the one of the publication year"
    return _Found(start, end, TimexType.DATE, f"{i // 4}-{_SEASONS[i % 4]}",
                  f"{m.group(0)}: {how} ({_pub(ctx)}){suffix}", mod=mod, relative=True)


#: TimeML season codes in calendar order; winter is named by the year its December falls in.
_SEASONS = ("SP", "SU", "FA", "WI")


def _current_season(a: date) -> tuple[int, int]:
    """``(year, index)`` of the season ``a`` falls in; index = year * 4 + position in _SEASONS."""
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(a.month, "FA")
    year = a.year - 1 if a.month in (1, 2) else a.year
    return year, year * 4 + _SEASONS.index(code)


def _season_value(a: date, code: str, off: int) -> str:
    year, cur_i = _current_season(a)
    same_year_i = year * 4 + _SEASONS.index(code)
    if off == 0:
        # "this summer" in January is the coming one: the calendar year's (only winter is
        # named by the year its December falls in)
        i = same_year_i if code == "WI" else a.year * 4 + _SEASONS.index(code)
    elif off < 0:
        i = same_year_i if same_year_i < cur_i else same_year_i - 4
    else:
        i = same_year_i if same_year_i > cur_i else same_year_i + 4
    return f"{i // 4}-{_SEASONS[i % 4]}"


_NOT_YEAR_BEFORE = re.compile(r"[$£€¥]\s?$|US\s?$|[Nn]o\.\s?$|[\d][,.]$|[A-Za-z]-$|[A-Za-z]$|\d-$")
_YEAR_RANGE_BEFORE = re.compile(r"(?:1\d|20)\d\d\s?[-–—]\s?$")
_NOT_YEAR_AFTER = re.compile(r"[,.]\d|:\d|\s?%|-\d{3}")
#: A zone after four digits makes them a time of day: "1300 GMT".
_ZONE_AFTER = re.compile(r"\s?(?:GMT|UTC)\b")


#: "flight TK " right before a number: an airline's two-character code.
_RX_FLIGHT_CODE_BEFORE = re.compile(r"(?i:flight)\s+[A-Z0-9]{2}\s\Z")


def _plausible_year(m: re.Match, ctx: _Context, has_pre: bool) -> bool:
    """A bare four-digit number is a year unless its context says it is a count or money."""
    if has_pre:
        return True
    text = ctx.text
    s, e = m.start(), m.end()
    before = text[max(0, s - 4): s]
    if _NOT_YEAR_BEFORE.search(before) and not _YEAR_RANGE_BEFORE.search(text, max(0, s - 7), s):
        return False  # money, a number's tail, "A-2008", a phone number ("555-2024"); not "2009-2011"
    after = text[e: e + 3]
    if _NOT_YEAR_AFTER.match(after) or _ZONE_AFTER.match(text, e, e + 5):
        return False
    prev = ctx.prev_word(s)
    nxt = ctx.next_word(e)
    ws = _word_sets()
    if prev in ws["id_nouns"]:
        return False  # an identifier: "Room 2024", "Windows 2000", "Flight 1549"
    if len(prev) == 2 and _RX_FLIGHT_CODE_BEFORE.search(text, max(0, s - 12), s):
        return False  # "flight TK 1951": an airline's code and a flight number
    if nxt and (nxt.lower() in ws["count_nouns"]):
        return prev in ws["year_determiners"]
    if nxt and nxt.islower() and nxt.endswith("s") and len(nxt) > 3 and not nxt.endswith("ss") and nxt not in ("was", "has", "is", "as", "its", "this", "thus", "plus", "versus", "elections", "games", "olympics", "finals", "accounts", "results", "figures", "levels"):
        # ("its 2007 sales", "Toyota's 2008 sales": a possessive determines the year like "its")
        return (prev in ws["year_preceders"] and prev not in ("about", "around", "than", "of", "and", "or", "to")) \
            or prev.endswith(("'s", "’s"))
    return True


def _plausible_month(m: re.Match, ctx: _Context, word: str) -> bool:
    """A month name alone; "May", "March", "June", "August" also name other things."""
    low = word.lower()
    if low not in _word_sets()["ambiguous_months"]:
        return True
    prev = ctx.prev_word(m.start())
    ws = _word_sets()
    if prev in ws["month_preceders"]:
        return True
    # "August sales rose", "the June quarter": a noun the month modifies, unless a capitalised
    # word other than an article stands right before it ("Theresa May figures ...")
    if ctx.next_word(m.end()).lower() not in ws["month_nouns"]:
        return False
    s = m.start()
    k = ctx.text.rfind(" ", max(0, s - 30), s - 1) + 1
    before = ctx.text[k:s - 1] if s > 0 and ctx.text[s - 1] == " " else ""
    return not before[:1].isupper() or before.lower() in ws["month_preceders"] or before.lower() in _DETERMINERS


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "last", "next", "its", "their", "his", "her"})


def _r_relday(m, ctx):
    g = m.groupdict()
    rd = " ".join(g["rd"].lower().split())
    offs = {"the day before yesterday": (-2, None), "the day after tomorrow": (2, None), "yesterday": (-1, None),
            "today": (0, None), "tomorrow": (1, None), "tonight": (0, "NI"), "last night": (-1, "NI"),
            "this morning": (0, "MO"), "this afternoon": (0, "AF"), "this evening": (0, "EV"),
            "earlier today": (0, None), "later today": (0, None)}
    off, part = offs[rd]
    if g["pod"] and part is None:
        part = _lex()["parts_of_day"][g["pod"].lower()]
    typ = TimexType.TIME if part else TimexType.DATE
    if rd == "today" and ctx.prev_word(m.start()) == "usa":
        return None
    if ctx.anchor is None:
        return _unanchored(m.start(), m.end(), typ, "XXXX-XX-XX" + (f"T{part}" if part else ""), m.group(0))
    d = ctx.anchor + timedelta(days=off)
    words = {-2: "minus two days", -1: "minus one day", 0: "the same day", 1: "plus one day", 2: "plus two days"}[off]
    value = d.isoformat() + (f"T{part}" if part else "")
    return _Found(m.start(), m.end(), typ, value, f"{m.group(0)}: published {ctx.anchor.isoformat()}, {words}", relative=True)


def _named_day(text: str, wd_start: int) -> bool:
    """A capitalised word that names a day with the weekday after it ("Black Monday")."""
    before = text[max(0, wd_start - 16):wd_start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    openers = _named_day_openers()
    return words[-1] in openers or " ".join(words[-2:]) in openers


@lru_cache(maxsize=1)
def _named_day_openers() -> frozenset[str]:
    return frozenset(_lex()["named_day_openers"])


_RX_SUPERLATIVE_IN = re.compile(r"\b(?P<w>[a-z]+est|worst|best|first|second|third|fourth|fifth|most|least|only)"
                                r"(?:[ -][\w'’-]+){0,5} in\s+\Z", re.I)
#: Words ending in "est" that are no superlatives.
_NOT_SUPERLATIVE = frozenset("west rest interest protest test request arrest forest harvest invest suggest "
                             "contest chest nest guest quest crest pest vest lest manifest digest".split())


def _superlative_before(text: str, start: int) -> bool:
    """ "the largest drop in 14 years", "its worst week in 20 years", "the first time in 30
    years": the span the superlative is measured over, not a date that many years on."""
    m = _RX_SUPERLATIVE_IN.search(text, max(0, start - 48), start)
    return m is not None and m.group("w").lower() not in _NOT_SUPERLATIVE


#: A written date right after a weekday: ", April 16, 2009", " 16 April".
_RX_DATE_AFTER_WEEKDAY = re.compile(r",?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)")


def _r_weekday(m, ctx):
    g = m.groupdict()
    wd = _weekday_num(g["wd"])
    if g["pl"]:
        return _Found(m.start(), m.end(), TimexType.SET, f"XXXX-WXX-{wd}", f"{g['wd']}s: every {g['wd']} (a set)")
    prev = ctx.prev_word(m.start())
    nxt = ctx.next_word(m.end())
    if prev == "the" and nxt[:1].isupper() and not g["wrel"]:
        return None  # "the Sunday Times": a name
    if not g["wrel"] and not g["pre"] and _named_day(ctx.text, m.start("wd")):
        return None  # "Black Monday", "Good Friday", "Super Tuesday": a day's name, not this week's
    if g["wrel"] and not g["pod"] and _RX_DATE_AFTER_WEEKDAY.match(ctx.text, m.end()):
        return None  # "In this Thursday, April 16, 2009, file photo": the weekday opens the full date
    part = _lex()["parts_of_day"][g["pod"].lower()] if g["pod"] else None
    mod, _ = _mod_of(g["pre"])
    if ctx.anchor is None:
        value = f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
        return _Found(m.start(), m.end(), TimexType.TIME if part else TimexType.DATE, value,
                      f"{g['wd']}: no publication date, so only the weekday is known", mod=mod, relative=True)
    d, rule = _weekday_date(ctx, wd, g["wrel"], m.start(), m.end())
    named = ctx.weekday_dates.get(wd) if not g["wrel"] else None
    if named is not None and named != d.isoformat():
        nd = date.fromisoformat(named)
        if abs((nd - ctx.anchor).days) <= 45:
            # "closed on Wednesday, December 25 ... also shut on Wednesday": the day named
            # with its date earlier in the story, not the nearest Wednesday
            d, rule = nd, f"{g['wd']}: the {g['wd']} written with its date earlier ({named})"
    if g["time"]:
        cv = _clock_value(g)
        if cv:
            return _Found(m.start(), m.end(), TimexType.TIME, f"{d}{cv[0]}", rule, mod=mod, relative=True)
    if part:
        return _Found(m.start(), m.end(), TimexType.TIME, f"{d}T{part}", rule + f"; the {g['pod'].lower()}", mod=mod, relative=True)
    return _Found(m.start(), m.end(), TimexType.DATE, d.isoformat(), rule, mod=mod, relative=True)


def _r_holiday(m, ctx):
    g = m.groupdict()
    name = " ".join(g["hol"].lower().replace("’", "'").split())
    lx = _lex()
    md = lx["holidays"].get(name)
    if md is None:
        return None
    if name.startswith("new year") and (ctx.prev_word(m.start()) in lx["other_new_years"]
                                        or ctx.text[max(0, m.start() - 14):m.start()].lower() == "christmas and "):
        # "Lunar New Year", "Persian New Year": another calendar's, on a moving date; "the
        # Christmas and New Year period": one season, which the Christmas before it opens
        return None
    mon = int(md[:2])
    if md[3:].isdigit():
        dd = int(md[3:])
        day_of = None
    else:  # "11-TH4": the fourth Thursday of November
        day_of = (_WEEKDAY_CODES.index(md[3:5]), int(md[5:]))
        dd = _nth_weekday(ctx.anchor.year if ctx.anchor else 2001, mon, *day_of)
    if g["hy"]:
        if day_of:
            dd = _nth_weekday(int(g["hy"]), mon, *day_of)
        return _Found(m.start(), m.end(), TimexType.DATE, f"{g['hy']}-{mon:02d}-{dd:02d}",
                      f"{g['hol']} {g['hy']}: {mon:02d}-{dd:02d} of that year")
    if ctx.anchor is None:
        return _unanchored(m.start(), m.end(), TimexType.DATE, f"XXXX-{md}" if not day_of else f"XXXX-{mon:02d}", g["hol"])
    y, why = _year_of_month_day(ctx, mon, dd, m.start(), m.end())
    if day_of:
        dd = _nth_weekday(y, mon, *day_of)
    return _Found(m.start(), m.end(), TimexType.DATE, f"{y}-{mon:02d}-{dd:02d}",
                  f"{g['hol']} ({mon:02d}-{dd:02d}): {why} ({_pub(ctx)})", relative=True)


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> int:
    """The day of the month of its ``n``-th ``weekday`` (0 = Monday)."""
    first = date(year, month, 1).weekday()
    return 1 + (weekday - first) % 7 + 7 * (n - 1)


#: Words before "early/late <part of day>" that make it a time of the day under discussion.
_PART_OF_DAY_CUES = frozenset({"the", "by", "until", "till", "since", "from", "before", "after", "in", "on", "at", "during"})


def _r_clock(m, ctx):
    g = m.groupdict()
    if g["pod2"]:
        part = _lex()["parts_of_day"][g["pod2"].lower()]
        mod, _ = _mod_of(g["podm"])
        return _Found(m.start(), m.end(), TimexType.TIME, f"T{part}",
                      f"{g['pod2'].lower()} (of a trading day): that part of the day", mod=mod, needs_day=True)
    if g["pod3"]:
        pre = g["podm3"].strip().lower()
        if pre != "mid" and not pre.startswith("mid-") and ctx.prev_word(m.start()) not in _PART_OF_DAY_CUES:
            return None  # "an early morning raid", "late evening light": a kind of time, not a time
        part = _lex()["parts_of_day"][g["pod3"].lower()]
        mod, why = _mod_of(pre)
        return _Found(m.start(), m.end(), TimexType.TIME, f"T{part}",
                      f"{m.group(0)}: that part of the day, {why}", mod=mod, needs_day=True)
    if g["named"]:
        w = g["named"].lower()
        t = "T24:00" if w == "midnight" else "T12:00"
        return _Found(m.start(), m.end(), TimexType.TIME, t, f"{w}: {t[1:]}", needs_day=True)
    cv = _clock_value(g)
    if cv is None:
        return None
    if not (g["ap"] or g["ap2"] or g["tz"]):
        # A bare "12:30" is a time only where the words around say so ("at 12:30").
        if ctx.prev_word(m.start()) not in ("at", "by", "until", "till", "from", "to", "before", "after", "around", "about", "since", "and", "approximately", "roughly"):
            return None
    return _Found(m.start(), m.end(), TimexType.TIME, cv[0], f"{m.group(0)}: {cv[1]}", needs_day=True)


def _word_start(text: str, pos: int) -> int:
    """Start of the word before ``pos`` (skipping spaces)."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return min(i, len(text) - 1)


def _r_set(m, ctx):
    g = m.groupdict()
    lx = _lex()
    if g["adv"] or g["adj"]:
        w = (g["adv"] or g["adj"]).lower()
        if m.group(0)[:1].isupper() and ctx.prev_word(m.start())[:1].isalpha() and \
                ctx.text[_word_start(ctx.text, m.start())].isupper():
            return None  # "China Daily", "Business Weekly": a name
        val = {"annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "biannually": "P6M", "biennially": "P2Y",
               "quarterly": "P3M", "monthly": "P1M", "weekly": "P1W", "fortnightly": "P2W", "daily": "P1D",
               "nightly": "P1D", "hourly": "PT1H"}[w]
        return _Found(m.start(), m.end(), TimexType.SET, val, f"{w}: once every {val[1:] if val[1] != 'T' else val[2:]} (a set)")
    if g["pu"]:
        u = g["pu"].lower()
        if u in ("hour", "second", "minute") and _SPEED_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
            return None  # "285 kilometres (per hour)": a speed, not a time
        u = "year" if u == "annum" else u
        val = _duration_value(1.0, u)
        return _Found(m.start(), m.end(), TimexType.SET, val, f"per {u}: a rate, once every {u} (a set)")
    if g["swd"]:
        wd = _weekday_num(g["swd"])
        return _Found(m.start(), m.end(), TimexType.SET, f"XXXX-WXX-{wd}", f"every {g['swd']} (a set)")
    if g["spod"]:
        return _Found(m.start(), m.end(), TimexType.SET, f"XXXX-XX-XXT{lx['parts_of_day'][g['spod'].lower()]}", "every part of the day named (a set)")
    unit = _unit_name(g["u"])
    if unit == "weekend":
        return _Found(m.start(), m.end(), TimexType.SET, "XXXX-WXX-WE", "every weekend (a set)")
    n = 2.0 if g["other"] else (_num_value(g["n"]) if g["n"] else 1.0)
    if n is None:
        return None
    val = _duration_value(n, unit)
    return _Found(m.start(), m.end(), TimexType.SET, val, f"{m.group(0)}: once every {val} (a set)")


#: A distance right before "per hour": a speed's unit.
_SPEED_BEFORE = re.compile(r"\b(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m|ft|feet|knots?|nautical miles)"
                           r"[\s()]*$", re.I)

#: Before "a year" / "a day", these make it a rate ("15 a year", "$3bn a year", "twice a week",
#: "365 days a year", "eight hours a day"): a SET, not a duration.
_RATE_BEFORE = re.compile(
    # ("1.5 million barrels a day", "126 million tons a year": a number and what it counts)
    r"(?:\d[\d,.]*\s*(?:%|[mbk]n?|million|billion|thousand|tonnes|tons|times)?(?:\s+(?!(?:year|month|week|day|hour|minute|second)s\b)[a-z]{3,15}s)?"
    r"|\b(?:once|twice|times|thrice|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand"
    r"|million|billion|percent|cent|seconds?|minutes?|hours?|days?|nights?|weeks?|months?|shifts?|meals?))\s*$",
    re.I,
)


_RX_UNIT_TO_UNIT = re.compile(r"-(?:to|on|over)-[a-z]")
_RX_OR_TWO = re.compile(r"\s+or\s+(?:two|three|so|more)\b")


def _r_duration(m, ctx):
    g = m.groupdict()
    if _RX_UNIT_TO_UNIT.match(ctx.text, m.end()):
        return None  # "a year-to-year increase", "a year-over-year gain": a comparison, no time
    unit = _unit_name(g["u"])
    orx = _RX_OR_TWO.match(ctx.text, m.end())
    if orx is not None and not g["tail"] and ((g["n"] or "").lower() in ("a", "an", "one", "1", "2", "two")
                                              or (g["the"] and not g["n"])):
        # "in a day or two", "the next week or two": an unstated small number of units
        return _Found(m.start(), orx.end(), TimexType.DURATION, _duration_value("X", unit),
                      f"{ctx.text[m.start():orx.end()]}: a duration of a few {unit}s")
    raw_n = g["n"]
    the = " ".join(g["the"].lower().split()) if g["the"] else None
    tail = (g["tail"] or "").strip().lower()
    age = tail in ("old", "-old")  # "the 45-year-old", "3 years old": TimeML marks an age as its duration
    plural = g["u"].lower() != unit
    if raw_n is None and g["mod"] and g["mod"].lower() in ("some",) and plural:
        raw_n = g["mod"]  # "some years": a vague count, not an approximation
        g["mod"] = None
    if raw_n is None and (the is None or the.split()[-1] in ("first", "final", "initial", "remaining")):
        return None
    n = _num_value(raw_n) if raw_n else ("X" if plural else 1.0)
    if n is None:
        return None
    if g["half"]:
        if n == "X":
            return None
        n = n + 0.5
    low_n = (raw_n or "").lower().strip()
    if unit == "weekend" and the is None:
        return None
    if low_n in ("a", "an") and unit in ("second", "quarter", "minute"):
        return None  # "a second time", "a quarter of": not durations
    if low_n in ("some", "many") and unit in ("second", "minute", "quarter"):
        return None  # ("worries in some quarters": groups of people, not time)
    start, end = m.start(), m.end()
    mod = lx_mod(g["mod"])
    if g["mod"] and g["mod"].lower() == "some" and raw_n and raw_n.lower() in ("some",):
        mod = None
    if the and unit == "quarter" and raw_n is None and the in ("the last", "the past", "the previous"):
        return None  # handled as a date by the quarter family
    if the in ("the previous", "the next", "the following") and raw_n is None and unit in _SHIFT_UNITS \
            and not tail and not g["mod"] and not plural:  # ("the next weeks": an unstated number of them)
        # "the previous day", "the following week": one unit from the story's reference time
        k = -1 if the == "the previous" else 1
        return _Found(start, m.end(), TimexType.DATE, "XXXX",
                      f"{m.group(0)}: {'earlier' if k < 0 else 'later'} by 1 {unit}(s)", relative=True, shift=(k, unit),
                      step=True)
    if low_n in ("a", "an") and unit == "hour" and _SPEED_BEFORE.search(ctx.text, max(0, start - 16), start):
        return None  # "90 km an hour": a speed
    # A rate: "15 a year", "$3bn a year", "twice a week".
    if low_n in ("a", "an") and the is None and not tail:
        if _RATE_BEFORE.search(ctx.text, max(0, start - 24), start):
            val = _duration_value(1.0, unit)
            return _Found(start, end, TimexType.SET, val, f"{m.group(0)}: a rate (so many a {unit}), once every {unit} (a set)")
    if tail == "ago" or tail == "from now":
        return _ago(m, ctx, n, unit, 1 if tail == "from now" else -1, mod)
    prev = ctx.prev_word(start)
    if prev == "in" and the is None and not tail and n != "X" and ctx.anchor is not None and not mod:
        # "opens in three weeks" is a date three weeks on; "was built in three weeks" is a
        # duration: only a past sentence reads "in" as "within". So is a superlative's span:
        # "the largest drop in 14 years", "the first time in a decade".
        if ctx.tense(start, end) != "past" and not _superlative_before(ctx.text, start):
            return _ago(m, ctx, n, unit, 1, mod, lead="in ")
    if not tail and ctx.text.startswith("-long", end):
        end += len("-long")  # "a week-long vote": the whole modifier
    if age:
        if n == "X" or unit not in _AGE_UNITS:
            return None
        return _Found(start, m.end(), TimexType.DURATION, _duration_value(n, unit),
                      f"{m.group(0)}: an age of {_fmt_num(n)} {unit}{'' if n == 1 else 's'} (a duration)")
    if tail in ("later", "earlier"):
        if n != "X" and unit in _SHIFT_UNITS and n == int(n):
            # "profit of $2bn a year earlier", "two weeks later": a date so far from the
            # story's reference time (settled by _settle_shifts), as TimeML and the gold mark it
            k = int(n) * (1 if tail == "later" else -1)
            if mod:
                mod = (_FROM_NOW_MOD if k > 0 else _AGO_MOD).get(mod, mod)
            return _Found(start, end, TimexType.DATE, "XXXX", f"{m.group(0)}: {tail} by {_fmt_num(n)} {unit}(s)",
                          mod=mod, relative=True, shift=(k, unit))
        end = m.start("tail")
    val = _duration_value(n, unit)
    words = f"{_fmt_num(n) if n != 'X' else 'an unstated number of'} {unit}{'' if n == 1 else 's'}"
    return _Found(start, end, TimexType.DURATION, val, f"{m.group(0)[: end - start]}: a duration of {words}" + (f" (mod {mod})" if mod else ""), mod=mod)


#: The units an age is given in ("a 3-week-old baby", "the 45-year-old").
_AGE_UNITS = frozenset({"year", "month", "week", "day"})


def lx_mod(raw: str | None) -> str | None:
    if not raw:
        return None
    return _lex()["mods"].get(" ".join(raw.lower().split()))


#: A bound on a distance is a bound on a date: "more than two years ago" is BEFORE that date.
_AGO_MOD = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "EQUAL_OR_MORE": "ON_OR_BEFORE",
            "EQUAL_OR_LESS": "ON_OR_AFTER", "APPROX": "APPROX"}
_FROM_NOW_MOD = {"MORE_THAN": "AFTER", "LESS_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_AFTER",
                 "EQUAL_OR_LESS": "ON_OR_BEFORE", "APPROX": "APPROX"}


def _ago(m, ctx, n, unit, sign, mod, lead=""):
    start, end = m.start(), m.end()
    what = "plus" if sign > 0 else "minus"
    if mod:
        mod = (_FROM_NOW_MOD if sign > 0 else _AGO_MOD).get(mod, mod)
    if n == "X":
        return _Found(start, end, TimexType.DATE, "FUTURE_REF" if sign > 0 else "PAST_REF",
                      f"{m.group(0)}: an unstated time {'after' if sign > 0 else 'before'} publication", mod=mod, relative=True)
    if ctx.anchor is None:
        ph = {"year": "XXXX", "decade": "XXX", "century": "XX", "month": "XXXX-XX", "quarter": "XXXX-XX",
              "week": "XXXX-WXX", "fortnight": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
        return _unanchored(start, end, TimexType.DATE, ph, m.group(0))
    a = ctx.anchor
    k = n * sign
    pub = _pub(ctx)
    if unit in ("year", "decade", "century"):
        years = k * _UNIT_CODE[unit][2]
        y = a.year + int(round(years))
        value = f"{y}" if unit == "year" else (f"{y // 10}" if unit == "decade" else f"{y // 100:02d}")
    elif unit in ("month", "quarter"):
        months = int(round(k * _UNIT_CODE[unit][2]))
        yy, mo = _add_months(a.year, a.month, months)
        value = f"{yy}-{mo:02d}"
    elif unit in ("week", "fortnight"):
        value = _week(a + timedelta(weeks=k * _UNIT_CODE[unit][2]))
    elif unit == "day":
        value = (a + timedelta(days=k)).isoformat()
    else:
        if ctx.anchor_dt is None:
            return None
        delta = {"hour": timedelta(hours=k), "minute": timedelta(minutes=k), "second": timedelta(seconds=k)}[unit]
        t = ctx.anchor_dt + delta
        value = t.strftime("%Y-%m-%dT%H:%M")
        return _Found(start, end, TimexType.TIME, value, f"{lead}{m.group(0)}: published {ctx.anchor_iso}, {what} {_fmt_num(n)} {unit}(s)", mod=mod, relative=True)
    return _Found(start, end, TimexType.DATE, value, f"{lead}{m.group(0)}: published {pub}, {what} {_fmt_num(n)} {unit}(s)", mod=mod, relative=True)


def _r_hyphen(m, ctx):
    g = m.groupdict()
    if g["su"]:
        unit = _unit_name(g["su"])
        if unit == "weekend":
            return None
        return _Found(m.start(), m.end(), TimexType.DURATION, _duration_value(1.0, unit),
                      f"{m.group(0)}: lasting one {unit}")
    if g["vu"]:
        unit = _unit_name(g["vu"])
        return _Found(m.start(), m.end(), TimexType.DURATION, _duration_value("X", unit), f"{m.group(0)}: lasting an unstated number of {unit}s")
    if g["old"] and g["old"] != "-old":
        return None  # "ten-year-olds": people of that age, counted as a figure
    unit = _unit_name(g["u"])
    if unit == "weekend":
        return None
    n = _num_value(g["n"])
    if n is None or n == "X":
        return None
    val = _duration_value(n, unit)
    if g["old"]:
        if unit not in _AGE_UNITS:
            return None
        # "the 45-year-old": TimeML marks an age as its duration
        return _Found(m.start(), m.end(), TimexType.DURATION, val,
                      f"{m.group(0)}: an age of {_fmt_num(n)} {unit}{'' if n == 1 else 's'} (a duration)")
    if ctx.text[m.end(): m.end() + 5] == "-old" or ctx.text[m.end(): m.end() + 6] == " old ":
        return None
    return _Found(m.start(), m.end(), TimexType.DURATION, val, f"{m.group(0)}: a duration of {_fmt_num(n)} {unit}(s)")


def _r_vagueunit(m, ctx):
    """"for years", "in decades", "over the years": an unstated number of units (the
    preposition is not part of the expression)."""
    prep = m.group("prep").lower()
    if m.group("the") and prep not in ("over", "through", "throughout"):
        return None  # "in the years after the war": not a duration
    if prep == "after" and m.group("vu").lower() == "hours":
        return None  # "after hours": trading after the close
    unit = _unit_name(m.group("vu"))
    start = m.start("the") if m.group("the") else m.start("vu")
    return _Found(start, m.end(), TimexType.DURATION, _duration_value("X", unit),
                  f"{prep} {ctx.text[start: m.end()]}: an unstated number of {unit}s")


_RESOLVERS: dict[str, Callable] = {
    "iso": _r_iso, "numeric": _r_numeric, "fulldate": _r_fulldate, "monthday": _r_monthday, "vague": _r_vague,
    "quarter": _r_quarter, "half": _r_half, "period": _r_period, "relday": _r_relday, "weekday": _r_weekday,
    "holiday": _r_holiday, "clock": _r_clock, "set": _r_set, "duration": _r_duration, "hyphen": _r_hyphen,
    "vagueunit": _r_vagueunit,
}

# --------------------------------------------------------------------------- the step

_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")


def scan(text: str, spans: list[tuple[int, int]], ctx: _Context) -> list[_Found]:
    """Every time expression inside ``spans`` (sorted, non-overlapping ``[start, end)``), left
    to right, without overlaps; none crosses a span's end.

    One pass of the trigger regex over the whole text (cheaper than one search per span); at
    each trigger inside a span the families it can begin are tried in priority order, and the
    first whose pattern matches and whose resolver accepts the reading wins.
    """
    gram = _grammar()
    out: list[_Found] = []
    if not spans:
        return out
    lowered = lowered_text(text)  # shared with the figure and quote steps
    if fold_safe(text, lowered):
        ctx.cue_text, ctx.cue_folded = lowered, True
    if len(lowered) != len(text):  # a character whose lower case is longer: fold ASCII only
        lowered = "".join(c.lower() if c.isascii() else c for c in text)
    by_word, every, digit_memo = gram.by_word, gram.every, gram.digit_memo
    si, n_spans = 0, len(spans)
    span_start, span_end = spans[0]
    ctx.block = spans[0]
    busy_until = 0  # the end of the last expression found: triggers inside it are skipped
    for at, t_end, first in _triggers(gram, lowered, spans[0][0], spans[-1][1]):
        if at < busy_until:
            continue
        if at >= span_end:
            while si < n_spans and spans[si][1] <= at:
                si += 1
            if si == n_spans:
                break
            span_start, span_end = spans[si]
            ctx.block = spans[si]
        if at < span_start:
            continue
        if first[0].isdigit():
            choice = digit_memo.get((len(first), lowered[t_end: t_end + 1]), _UNSEEN)
            if choice is _UNSEEN:
                choice = _digit_families(gram, len(first), lowered[t_end: t_end + 1])
        elif first[0] in "'’":
            choice = by_word["the"]
        else:
            choice = by_word.get(first, every)  # the trigger was read from lower-cased text
        if choice is None:
            continue
        union, entries = choice
        if union is not None and union.match(text, at, span_end) is None:
            continue
        found = None
        for _name, pattern, resolve, gate in entries:
            if gate is not None and gate.match(text, at, span_end) is None:
                continue
            sub = pattern.match(text, at, span_end)
            if sub is not None and sub.end() > at:
                try:
                    found = resolve(sub, ctx)
                except (KeyError, ValueError, OverflowError):
                    found = None  # a shape the lexicon does not cover: not a time expression
                if found is not None:
                    if found.relative and _BEYOND_CALENDAR.match(found.value):
                        _unresolve(found)
                    break
        if found is None or found.end <= found.start:
            continue
        out.append(found)
        if _name != "weekday" and "wd" in sub.re.groupindex and sub.group("wd") and len(found.value) >= 10 \
                and found.value[4:5] == "-" and found.value[7:8] == "-":
            # "on Wednesday, December 25": a later bare "Wednesday" is that day
            ctx.weekday_dates[_weekday_num(sub.group("wd"))] = found.value[:10]
        if not found.relative and found.type is TimexType.DATE and found.value[:4].isdigit():
            ctx.last_year = (found.start, int(found.value[:4]))
            if found.value[4:5] == "-" and found.value[5:6].isdigit():
                ctx.last_dated = ctx.last_year
        busy_until = max(sub.end(), found.end)
    return out


def _outside_names(found: list[_Found], doc: Document) -> list[_Found]:
    """A time word inside a name is the name's, not a time: drop a timex that lies inside a
    mention longer than it ("the Russell 2000", "Windows 2000", "the Daily Telegraph", "the
    Sunday Times", "Christmas Island", "the Good Friday Agreement") when the entities step ran
    first, as the pipeline runs it. An event's name keeps its date ("Independence Day")."""
    names = [(m.start, m.end) for m in doc.mentions if m.kind.value != "EVENT"]
    if not names:
        return found
    names.sort()
    starts = [a for a, _ in names]
    out = []
    for f in found:
        i = bisect.bisect_right(starts, f.start) - 1
        inside = False
        while i >= 0 and names[i][0] > f.start - 80:  # a name holding it starts at most this far back
            a, b = names[i]
            if a <= f.start and f.end <= b and b - a > f.end - f.start:
                inside = True
                break
            i -= 1
        if not inside:
            out.append(f)
    return out


def find_timexes(doc: Document) -> list[Timex]:
    """Needs: ``doc.blocks``, ``doc.sentences``, ``doc.published`` (and ``doc.mentions`` where
    the entities step ran, so that no year ending a name is a date). Fills: ``doc.timexes`` —
    every TIMEX3 in the prose spans, in text order, each with a normalised value, the anchor it
    was resolved against and the rule that gave the value."""
    ctx = _Context(doc)
    text = doc.text
    spans = doc.prose_spans()
    if not spans and doc.text and not doc.blocks:
        spans = [(0, len(text), None)]
    ctx.spans = spans
    merged: list[tuple[int, int]] = []
    for s, e, _k in spans:  # sorted by start; a span inside the previous one adds nothing
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged.append((merged[-1][1], e))
            continue
        if e > s:
            merged.append((s, e))
    found = scan(text, merged, ctx)
    _settle_numeric(found)
    found = _numeral_quarters(found, ctx, merged)
    if any(f.value[:2] == "FY" for f in found):
        _fiscal_quarters_after(found, ctx)
    found = _anaphoric_periods(found, ctx, merged)
    if any(f.shift for f in found):
        found = _settle_shifts(found, ctx)
    found = _join_durations(found, text)
    found = _join_time_and_day(found, text)
    for f in found:
        if f.type is TimexType.TIME and text.startswith(" ", f.end):
            z = _RX_ZONE_WORDS.match(text, f.end)
            if z:
                f.end = z.end()  # "8:55 a.m. local time", "4:30 a.m. Eastern Time": the zone is part of it
    if ctx.anchor is not None:
        found = _join_year_words(found, text, ctx)
    found = _join_ranges(found, text)
    _share_year(found, text)
    if ctx.anchor is not None or "months of" in text:
        found = _join_months_of_year(found, text, ctx)
    if doc.mentions and found:
        found = _outside_names(found, doc)
    out: list[Timex] = []
    for f in found:
        value, rule, uses_publication = f.value, f.rule, f.relative
        if f.needs_day:
            value, rule, uses_publication = _attach_day(f, found, ctx)
        anchored = not (f.relative and ctx.anchor is None)
        if f.needs_day and not value[:1].isdigit():
            anchored = False  # a clock time on an unknown day
        if not anchored and "no publication date" not in rule:
            rule += " (unanchored: no publication date)"
        # Every field given, each already of its type: no validation needed.
        out.append(construct_unchecked(Timex, {
            "start": f.start, "end": f.end, "text": text[f.start: f.end], "type": f.type, "value": value,
            "mod": f.mod, "anchor": ctx.anchor_iso if uses_publication else None, "rule": rule,
            "anchored": anchored, "begin_point": f.points[0] if f.points else None,
            "end_point": f.points[1] if f.points else None,
        }))
    return out


#: A clock's zone in words after it: "local time", "London time", "Eastern Time".
_RX_ZONE_WORDS = re.compile(r" (?:local|[A-Z][a-z]+(?: [A-Z][a-z]+)?) [Tt]ime\b")

#: Units "N units earlier/later" is read as a date for: calendar units (a shift of hours is a
#: clock time the story seldom gives; it stays a duration).
_SHIFT_UNITS = frozenset({"day", "week", "fortnight", "month", "quarter", "year", "decade"})
_REF_VALUE = re.compile(r"(?:FY)?(\d{4})(?:-Q([1-4])|-(\d\d)(?:-(\d\d))?)?$")


def _block_start(ctx: _Context, pos: int) -> int:
    """Where the prose block (paragraph) holding ``pos`` starts."""
    starts = ctx.span_starts
    if starts is None:
        starts = ctx.span_starts = [s for s, _e, _k in ctx.spans]
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _shifted(ref: str, k: int, unit: str) -> str | None:
    """``ref`` (a year, quarter, month or day) moved by ``k`` units, kept at the reference's
    precision where the unit allows it ("a year earlier" than 2020-Q3 is 2019-Q3), or None when
    the reference is too coarse for the unit (days from a year). A fiscal year's period stays
    fiscal ("FY2020-Q3" a year back is "FY2019-Q3")."""
    if ref.startswith("FY"):
        inner = _shifted(ref[2:], k, unit) if unit in ("year", "quarter") else None
        return "FY" + inner if inner is not None else None
    m = _REF_VALUE.match(ref)
    if m is None:
        if unit == "year" and _RX_QUARTER_VALUE.match(ref):  # a half: "2020-H1" a year back is "2019-H1"
            return f"{int(ref[:4]) + k}{ref[4:]}" if 20 <= int(ref[:4]) + k <= 9979 else None
        return None
    y, q, mo, d = int(m.group(1)), m.group(2), m.group(3), m.group(4)
    if not 20 <= y + k * (10 if unit == "decade" else 1) <= 9979:
        return None  # beyond the four-digit calendar the values are written in
    if unit in ("year", "decade"):
        years = k * (10 if unit == "decade" else 1)
        if unit == "decade" or d or not (q or mo):
            return f"{y + years}"
        return f"{y + years}-Q{q}" if q else f"{y + years}-{mo}"
    if unit == "quarter" and q:
        t = y * 4 + int(q) - 1 + k
        return f"{t // 4}-Q{t % 4 + 1}"
    if unit in ("quarter", "month"):
        if not mo:
            return None
        yy, mm = _add_months(y, int(mo), k * (3 if unit == "quarter" else 1))
        return f"{yy}-{mm:02d}"
    if not d:  # days and weeks need a day
        return None
    day = _safe_date(y, int(mo), int(d))
    if day is None:
        return None
    return (day + timedelta(days=k * {"day": 1, "week": 7, "fortnight": 14}[unit])).isoformat()


def _settle_shifts(found: list[_Found], ctx: _Context) -> list[_Found]:
    """Give each "N units earlier/later" its date: counted from the last date written out
    before it in its paragraph (the story's reference time: "In March 2019 ... a year
    later"), else, for "earlier", from publication ("$2bn a year earlier" in a results
    story). A "later" with no date before it, or a reference too coarse for the unit, stays
    what it measures: a duration. Returns the list with each shift settled."""
    out: list[_Found] = []
    for f in found:
        if f.shift is None:
            out.append(f)
            continue
        k, unit = f.shift
        lo = _block_start(ctx, f.start)
        ref = None
        for other in reversed(out):
            if other.start < lo:
                break
            if other.type is TimexType.DATE and other.shift is None and _REF_VALUE.match(other.value):
                ref = other
                break
        if ref is None and lo > 0 and (k > 0 or unit == "year"):
            # A story told one sentence to a paragraph goes on from the paragraph before (or the
            # one before that): "... in January 2022.\n\nOne month later, the army invaded"
            # counts from any date there; "... third-quarter profit.\n\nIt earned $1bn, against
            # $549m a year earlier" compares with a quarter (or half) named there.
            lo2 = _block_start(ctx, _block_start(ctx, lo - 1) - 1)
            wanted = _REF_VALUE if k > 0 else _RX_QUARTER_VALUE
            for other in reversed(out):
                if other.start < lo2:
                    break
                if other.start < lo and other.type is TimexType.DATE and other.shift is None \
                        and wanted.match(other.value):
                    ref = other
                    break
        value = _shifted(ref.value, k, unit) if ref is not None else None
        if value is not None:
            f.value = value
            f.rule += f": counted from \"{ctx.text[ref.start: ref.end]}\" ({ref.value}), the date before it"
            f.relative = ref.relative
        elif ctx.anchor is not None and (f.step or (ref is None and k < 0)):
            # "the previous day", "the next day", "the following week" with no date before them
            # precise enough ("in December" names no day): one unit from publication; "two
            # weeks later" without a date before it stays a duration, below
            f.value = _shifted(ctx.anchor.isoformat(), k, unit) or f.value
            f.rule += f": counted from publication ({_pub(ctx)})"
            if unit in ("year", "decade"):
                f.value = f.value[:4] if unit == "year" else f.value[:3]
            elif unit in ("month", "quarter"):
                f.value = f.value[:7]
        else:
            tail = f.rule.split(":")[0].rsplit(None, 1)[-1].lower()
            if tail in ("later", "earlier") and ctx.text[f.start: f.end].lower().endswith(tail):
                f.end -= len(tail) + 1  # "two weeks (later)": the duration is the count and its unit
            while f.end > f.start and ctx.text[f.end - 1].isspace():
                f.end -= 1
            f.type = TimexType.DURATION
            f.value = _duration_value(abs(k), unit)
            f.rule = (f"{ctx.text[f.start: f.end]}: a duration of {_fmt_num(abs(k))} {unit}(s) "
                      "(no date before it precise enough to count from)")
            f.relative = False
            f.mod = None
        f.shift = None
        out.append(f)
    return out


#: Periods a results or market story names by reference to one it named before: "profit for
#: the quarter", "lows for the year", "full-year profit", "during the month", "the same period a
#: year ago", "the year-ago quarter", "a year-earlier loss".
_RX_ANAPHOR = re.compile(
    r"\b(?:(?P<same>the\s+same\s+(?P<su>period|quarter|month)\s+(?:(?P<sago>a\s+year\s+(?:ago|earlier|before))"
    r"|(?:of\s+)?(?:the\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year|(?:in|of)\s+(?P<sy>(?:19|20)\d\d)(?!\d)))"
    r"|(?P<ago>(?:the\s+)?(?:year-(?:ago|earlier)|prior-year)(?:\s+(?:quarter|period|month)\b)?)"
    r"|(?P<rel>the\s+(?P<ru>year|month|quarter|week|day)\s+(?P<dir>before|after|earlier|later))(?=\s*(?:[.,;:)]|and\b|$))"
    r"|(?P<the>the\s+(?P<full>full[\s-])?(?P<u>year|quarter|month))(?![\w-])"
    r"|(?P<adj>full-year))\b"
)
_RX_ANAPHOR_CUE = re.compile(r"the\s+(?:same\s|full[\s-]|prior-year|year|quarter|month|week|day)|year-(?:ago|earlier)|prior-year|full-year")
#: What "the year", "the quarter" or "the month" alone is a time after: "for the year", "during
#: the month", "ended the quarter" ("car of the year", "the year before" are not this).
_ANAPHOR_BEFORE = frozenset({"for", "in", "during", "over", "through", "throughout", "across", "ended",
                             "ending", "closed", "finished", "began", "started", "opened", "entered"})
_RX_ANAPHOR_NOT_AFTER = re.compile(
    r"\s*(?:\d|['’]\d|(?:of|before|after|earlier|later|ago|ended|ending|to|through|since|ahead|when|that|in\s+which)\b)")
_RX_QUARTER_VALUE = re.compile(r"(?:FY)?\d{4}-(?:Q[1-4]|H[12])$")  # (a fiscal one too)
_RX_MONTH_VALUE = re.compile(r"\d{4}-\d\d$")


#: A quarter written as its number then Q, as results headlines do: "3Q", "2Q 2010", "4Q08".
_RX_NUMERAL_QUARTER = re.compile(r"([1-4])Q(?:[\s'’]?(\d{4}|\d\d))?(?![\w-])")  # (what is before: in code)


def _numeral_quarters(found: list[_Found], ctx: _Context, spans: list[tuple[int, int]]) -> list[_Found]:
    """Add "3Q"-style quarters (not found by the families): the year as written, else the one
    :func:`_quarter_year` gives a quarter named without its year ("Ford 3Q profit falls" in
    October is this year's third quarter)."""
    text = ctx.text
    if "Q" not in text:
        return found
    starts = [a for a, _b in spans]
    added = []
    for m in _RX_NUMERAL_QUARTER.finditer(text):
        a, b = m.span()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_$£€.-"):
            continue  # "$3Q", "v13Q": not a quarter
        if not _in_spans(spans, starts, a, b):
            continue
        clash = [f for f in found if f.start < b and f.end > a]
        if any(f.start < a or f.end > b for f in clash):
            continue
        found = [f for f in found if f not in clash]  # "2Q 2010": the year is the quarter's
        q = int(m.group(1))
        y, why = _quarter_year(ctx, None, m.group(2), q, a, b)
        if y is None:
            added.append(_unanchored(a, b, TimexType.DATE, f"XXXX-Q{q}", "a quarter without a year"))
            continue
        added.append(_Found(a, b, TimexType.DATE, f"{y}-Q{q}", f"{m.group(0)}: quarter {q}, {why}",
                            relative=not m.group(2)))
    if not added:
        return found
    return sorted(found + added, key=lambda f: f.start)


def _in_spans(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_right(starts, a) - 1
    return i >= 0 and spans[i][1] >= b


def _anaphoric_periods(found: list[_Found], ctx: _Context, spans: list[tuple[int, int]]) -> list[_Found]:
    """Add the periods named by reference to the story's own (see _RX_ANAPHOR), each valued
    from the period the text named before it: "the quarter" is the last quarter named; "the
    month" the last month named in its paragraph or the two before; "the year" and "full-year"
    the year of the last quarter or half named, else the year of publication. "The same period
    a year ago" and "the year-ago quarter" are that period a year earlier (settled with the
    other shifts); "the same period last year" is last year. Returns the list, in text order.

    Where an expression found before overlaps one of these, the longer reading wins only over a
    duration or a date counted from publication ("a year" in "a year-earlier loss", "last year"
    in "the same period last year"); otherwise the first reading stays."""
    text = ctx.text
    low = lowered_text(text)
    if len(low) != len(text):
        return found
    starts = [a for a, _b in spans]
    out = list(found)
    added = False
    back: list[_Found] = []
    last = -1
    for cue in _RX_ANAPHOR_CUE.finditer(low):  # (a plain pass finds the few places worth trying)
        if cue.start() < last or (cue.start() > 0 and low[cue.start() - 1].isalnum()):
            continue
        m = _RX_ANAPHOR.match(low, cue.start())
        if m is None:
            continue
        a, b = m.start(), m.end()
        last = b
        if not _in_spans(spans, starts, a, b):
            continue
        shift = None
        unit = None
        if m.group("same"):
            unit = "same-" + m.group("su")
            if m.group("sago"):
                shift = (-1, "year")
        elif m.group("ago"):
            shift = (-1, "year")
        elif m.group("rel"):
            # "down 23 percent from the year before.": a unit from the story's reference time
            shift = (-1 if m.group("dir") in ("before", "earlier") else 1, m.group("ru"))
        elif m.group("the"):
            unit = m.group("u")
            if _RX_ANAPHOR_NOT_AFTER.match(low, b) or (low.startswith("'s", b) and unit != "year"):
                continue
            if not m.group("full") and ctx.prev_word(a) not in _ANAPHOR_BEFORE:
                continue
            if m.group("full"):
                unit = "year"
        else:
            unit = "year"
        clash = [f for f in out if f.start < b and f.end > a]
        if clash and not all(f.type is TimexType.DURATION or (f.relative and f.shift is None and (m.group("same") or m.group("ago")))
                             or (m.group("sy") and f.start >= m.start("sy")) for f in clash):
            continue
        # what it may refer to: the dates before it, but not a period a year back ("the same
        # month last year" is no reference for "the same month a year ago" after it)
        prior = [f for f in out if f.end <= a and f.shift is None and f.type is TimexType.DATE
                 and not f.comparison and not any(f is x for x in back)]
        words = text[a:b]
        quarter = next((r for r in reversed(prior) if _RX_QUARTER_VALUE.match(r.value)), None)
        if m.group("same"):
            # "the same month a year ago", "the same quarter last year": the period the story
            # is about, a year back ("the same period last year" after "the first nine months"
            # is only known to be last year)
            su = m.group("su")
            if su == "month":
                lo = _block_start(ctx, _block_start(ctx, _block_start(ctx, a) - 1) - 1)
                ref = next((r for r in reversed(prior) if r.start >= lo and _RX_MONTH_VALUE.match(r.value)), None)
            else:
                ref = quarter if quarter is None or su == "period" or "Q" in quarter.value else None
            if su == "period":
                # "the same period of the last year" after "the beginning of the financial
                # year": that fiscal year, a year back
                lo = _block_start(ctx, _block_start(ctx, _block_start(ctx, a) - 1) - 1)
                fiscal = next((r for r in reversed(prior) if r.start >= lo and r.value[:2] == "FY"
                               and r.value[2:6].isdigit()), None)
                if fiscal is not None and (ref is None or fiscal.start > ref.start):
                    ref = fiscal
            if m.group("sy"):
                # "the same month in 2007": the month (or quarter) named before, in that year
                sy = m.group("sy")
                value = sy + ref.value[4:] if ref is not None and su != "period" else sy
                f = _Found(a, b, TimexType.DATE, value, f"{words}: the period named before it, in {sy}")
                back.append(f)
            elif ref is not None and (shift is not None or su != "period" or ref.value[:2] == "FY"):
                f = _Found(a, b, TimexType.DATE, _shifted(ref.value, -1, "year") or "XXXX",
                           f"{words}: a year before the period named before it, \"{text[ref.start: ref.end]}\" "
                           f"({ref.value})", relative=ref.relative)
                back.append(f)
            elif shift is not None:
                f = _Found(a, b, TimexType.DATE, "XXXX", f"{words}: earlier by 1 year(s)", relative=True, shift=shift)
            elif ctx.anchor is not None:
                f = _Found(a, b, TimexType.DATE, f"{ctx.anchor.year - 1}",
                           f"{words}: the year before that of publication ({_pub(ctx)})", relative=True)
            else:
                continue
        elif shift is not None:
            f = _Found(a, b, TimexType.DATE, "XXXX",
                       f"{words}: {'earlier' if shift[0] < 0 else 'later'} by 1 {shift[1]}(s)", relative=True, shift=shift)
        elif unit == "quarter":
            ref = next((r for r in reversed(prior) if _RX_QUARTER_VALUE.match(r.value) and "Q" in r.value), None)
            if ref is None:
                continue
            f = _Found(a, b, TimexType.DATE, ref.value,
                       f"{words}: the quarter named before it, \"{text[ref.start: ref.end]}\" ({ref.value})",
                       relative=ref.relative)
        elif unit == "month":
            lo = _block_start(ctx, _block_start(ctx, _block_start(ctx, a) - 1) - 1)
            ref = next((r for r in reversed(prior) if r.start >= lo and _RX_MONTH_VALUE.match(r.value)), None)
            if ref is None:
                continue
            f = _Found(a, b, TimexType.DATE, ref.value,
                       f"{words}: the month named before it, \"{text[ref.start: ref.end]}\" ({ref.value})",
                       relative=ref.relative)
        else:
            ref = quarter
            if ref is not None:
                f = _Found(a, b, TimexType.DATE, ref.value[:6] if ref.value[:2] == "FY" else ref.value[:4],
                           f"{words}: the year of the period named before it, \"{text[ref.start: ref.end]}\" ({ref.value})",
                           relative=ref.relative)
            elif ctx.anchor is not None:
                y, why = ctx.anchor.year, "the year of publication"
                s0, _e0 = ctx.sentence(a)
                named = next((r for r in reversed(prior) if r.start >= s0 and not r.relative and r.value.isdigit()), None)
                if named is not None:
                    y, why = int(named.value), f"the year named before it in the sentence, \"{text[named.start: named.end]}\""
                elif ctx.anchor.month == 1 and ctx.tense(a, b) == "past":
                    # a past year's figures in January: the year just ended ("lost 34% for the year")
                    y, why = y - 1, "the year just ended, as the sentence is past and publication in January"
                f = _Found(a, b, TimexType.DATE, f"{y}", f"{words}: no quarter named before it, so {why} ({_pub(ctx)})",
                           relative=named is None)
            else:
                continue
        for c in clash:
            out.remove(c)
        out.append(f)
        added = True
    if added:
        out.sort(key=lambda f: f.start)
    return out


_RX_AND_GAP = re.compile(r"\s*,?\s*(?:and|or)\s+(?:(?:in|on)\s+)?$")
_RX_MONTH_OR_DAY = re.compile(r"(\d{4})-(\d\d)(?:-\d\d)?$")


def _share_year(found: list[_Found], text: str) -> None:
    """"in March and in October 2012", "on May 3 and June 5, 2005": two dates joined by "and"
    share the year written after the second; the first (a month or a day read without a year)
    takes it, when it falls before the second in that year."""
    for f1, f2 in zip(found, found[1:]):
        if not f1.relative or f2.relative or f1.type is not TimexType.DATE or f2.type is not TimexType.DATE:
            continue
        m1, m2 = _RX_MONTH_OR_DAY.match(f1.value), _RX_MONTH_OR_DAY.match(f2.value)
        if m1 is None or m2 is None or m1.group(1) == m2.group(1) or m1.group(2) > m2.group(2):
            continue
        if f2.end - f2.start < 6 or not text[f2.end - 4:f2.end].isdigit():
            continue  # the second must write its year out
        if _RX_AND_GAP.match(text, f1.end, f2.start) is None:
            continue
        f1.value = m2.group(1) + f1.value[4:]
        f1.rule += f"; the year written after \"{text[f2.start:f2.end]}\", which it shares"
        f1.relative = False


_MONTH_OR_QUARTER = re.compile(r"\d{4}-(?:\d\d(?:-\d\d)?|Q[1-4])$")  # (a day too: "July 8 this year")
_YEAR_WORDS = {"last year": -1, "this year": 0, "next year": 1}
_YEAR_WORDS_GAP = frozenset({" ", " of ", ", "})
_WORD_BEFORE_MONTH = re.compile(r"(?i:\b(last|next|this)) $")


def _join_year_words(found: list[_Found], text: str, ctx: _Context) -> list[_Found]:
    """"November last year", "Q2 of next year", "July 8 this year": one date, the month, quarter
    or day of the year the words name; "last July", "next March": the month's nearest one before or after the
    month of publication (and "this July" the publication year's)."""
    out: list[_Found] = []
    a = ctx.anchor
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and f.type is TimexType.DATE and prev.type is TimexType.DATE and prev.relative
                and _MONTH_OR_QUARTER.match(prev.value) and text[prev.end:f.start] in _YEAR_WORDS_GAP):
            off = _YEAR_WORDS.get(" ".join(text[f.start:f.end].lower().split()))
            if off is not None and len(prev.value) == 10 and _safe_date(
                    a.year + off, int(prev.value[5:7]), int(prev.value[8:10])) is None:
                off = None  # ("Feb. 29 last year" in a year after a leap year: no such day)
            if off is not None and 1 <= a.year + off <= 9999:
                prev.value = f"{a.year + off:04d}{prev.value[4:]}"
                which = ("the year before that of publication", "the year of publication",
                         "the year after that of publication")[off + 1]
                prev.rule = f"{text[prev.start:f.end]}: {text[prev.start:prev.end]} of {which} ({_pub(ctx)})"
                prev.end = f.end
                continue
        if f.type is TimexType.DATE and f.relative and len(f.value) == 7 and f.value[4] == "-" \
                and f.value[5:].isdigit() and text[f.start:f.end].isalpha() and f.start >= 5:
            w = _WORD_BEFORE_MONTH.search(text, max(0, f.start - 6), f.start)
            if w:
                word, mo = w.group(1).lower(), int(f.value[5:])
                y = a.year
                if word == "last" and mo >= a.month:
                    y -= 1
                elif word == "next" and mo <= a.month:
                    y += 1
                if not 1 <= y <= 9999:
                    out.append(f)
                    continue
                f.value = f"{y:04d}-{mo:02d}"
                f.start = w.start()
                how = {"last": "the latest one before the month of publication",
                       "next": "the first one after the month of publication"}.get(word, "the one of the publication year")
                f.rule = f"{text[f.start:f.end]}: {how} ({_pub(ctx)})"
        out.append(f)
    return out


_DUR_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_DUR_CODES = ("Y", "M", "W", "D", "H", "M", "S")  # the groups of _DUR_PARTS, largest first
_DUR_JOIN = re.compile(r"(?:,? and|,) $")


def _join_time_and_day(found: list[_Found], text: str) -> list[_Found]:
    """"11:30 a.m. Friday": a clock time with its day right after it (a space between) is one
    TIME on that day, as "Friday at 11:30 a.m." is (not with "on": "3 p.m. on Tuesday" stays
    two, the time taking the day from its sentence)."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.type is TimexType.TIME and prev.needs_day and f.type is TimexType.DATE
                and f.start == prev.end + 1 and text[prev.end] == " " and _DAY_VALUE.match(f.value)
                and len(f.value) == 10 and not f.mod and prev.value.startswith("T")):
            prev.rule = f"{prev.rule}, on {f.value} (the day right after it: {f.rule})"
            prev.value = f.value + prev.value
            prev.needs_day = False
            prev.relative = prev.relative or f.relative
            prev.end = f.end
            continue
        out.append(f)
    return out


_RX_PART_OF_YEAR = re.compile(r"(?i:the\s+(first|last|final)\s+(three|six|3|6)\s+months)$")


def _join_months_of_year(found: list[_Found], text: str, ctx: _Context) -> list[_Found]:
    """"the last three months of 2008", "the first six months of last year", "the first three
    months of the year": that quarter or half of the year (a DATE, 2008-Q4), not a duration and
    a year apart. ("the first nine months of the year" names no calendar unit and stays a
    duration.) "of the year" alone is the year of publication."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        f = found[i]
        m = _RX_PART_OF_YEAR.match(text, f.start, f.end) if f.type is TimexType.DURATION else None
        if m is None:
            out.append(f)
            i += 1
            continue
        g = found[i + 1] if i + 1 < len(found) else None
        end, year, relative = None, None, True
        if g is not None and text[f.end:g.start] == " of " and g.type is TimexType.DATE and g.value[:4].isdigit() \
                and len(g.value) == 4:
            end, year, relative = g.end, int(g.value), g.relative
        elif text.startswith(" of the year", f.end) and ctx.anchor is not None:
            end, year = f.end + len(" of the year"), ctx.anchor.year
        if end is None:
            out.append(f)
            i += 1
            continue
        first = m.group(1).lower() == "first"
        six = m.group(2) in ("six", "6")
        code = ("H1" if first else "H2") if six else ("Q1" if first else "Q4")
        out.append(_Found(f.start, end, TimexType.DATE, f"{year}-{code}",
                          f"{text[f.start:end]}: the {'first' if first else 'last'} {'half' if six else 'quarter'} "
                          f"of {year}", relative=relative))
        i += 2 if g is not None and end == g.end else 1
    return out


#: What joins a range's two ends: "2002-2003", "from 2009 to 2011", "between 2014 and 2016",
#: "from April through June" (group ``w``: the word, which needs its opener before the first end).
_RANGE_JOIN = re.compile(r"\s?[-–—]\s?|\s+(?P<w>to|through|thru|until|till|and)\s+")
_RANGE_OPENER = re.compile(r"(?i:\b(from|between)\s+)$")
#: Years joined by a dash right after an opening bracket or a capitalised word (not one opening
#: the sentence): a lifespan or a term of office, "Steve Jobs (1955-2011)".
_RX_LIFESPAN_BEFORE = re.compile(r"(?:\(|[a-z,]\s+[A-Z][\w'’.-]*\s+)$")


def _join_ranges(found: list[_Found], text: str) -> list[_Found]:
    """A range of years or months is one DURATION from its first end to its last, as TimeML
    and the gold annotate it: "from 2009 to 2011" P2Y, "the 1983-2005 civil war" P22Y,
    "between 1991 and 2001" P10Y, "from April through June" P3M (months are counted
    inclusively, years as a difference). The span takes "from" or "between". The two ends stay
    DATEs nested inside it (the gold marks all three, TimeML's endpoints being time expressions
    of their own), and their values are kept as ``begin_point`` and ``end_point``, so the
    timeline dates the range as one event. Days, mixed precisions, a modified end ("early
    2009"), an end that is not after the first, months joined by a dash ("April-September", see
    the quarter family) and a lifespan ("Steve Jobs (1955-2011)") stay two dates."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (b is None or a.type is not TimexType.DATE or b.type is not TimexType.DATE or a.mod or b.mod
                or b.start - a.end > 9 or a.points or not (len(a.value) == len(b.value) and len(a.value) in (4, 7))):
            out.append(a)
            i += 1
            continue
        join = _RANGE_JOIN.fullmatch(text, a.end, b.start)
        opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start) if join else None
        word = join.group("w") if join else None
        ok = join is not None and (word is None or (opener is not None and
                                                    (opener.group(1).lower() == "between") == (word == "and")))
        if ok and word is None and _RX_LIFESPAN_BEFORE.search(text, max(0, a.start - 40), a.start):
            ok = False  # "Steve Jobs (1955-2011)": a life's two dates, not a stretch of time
        n = 0
        if ok and len(a.value) == 4 and a.value.isdigit() and b.value.isdigit():
            n = int(b.value) - int(a.value)
            value, unit = f"P{n}Y", "year"
        elif ok and word is not None and _RX_MONTH_VALUE.match(a.value) and _RX_MONTH_VALUE.match(b.value):
            n = (int(b.value[:4]) * 12 + int(b.value[5:])) - (int(a.value[:4]) * 12 + int(a.value[5:])) + 1
            value, unit = f"P{n}M", "month"
        if not (ok and 0 < n <= 100 * (12 if unit == "month" else 1)):
            out.append(a)
            i += 1
            continue
        start = opener.start() if opener is not None else a.start
        out.append(_Found(start, b.end, TimexType.DURATION, value,
                          f"{text[start: b.end]}: a range from {a.value} to {b.value}, a duration of {n} {unit}(s)"
                          f"{' counted inclusively' if unit == 'month' else ''}",
                          relative=a.relative or b.relative, points=(a.value, b.value)))
        out.append(a)  # its two ends stay dates of their own, inside it (TimeML's begin and end points)
        out.append(b)
        i += 2
    return out


def _join_durations(found: list[_Found], text: str) -> list[_Found]:
    """"two hours and 56 minutes", "three years, six months": one duration (PT2H56M), as
    a reader and TimeML take it, when each part names a smaller unit than the one before."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and f.type is TimexType.DURATION and prev.type is TimexType.DURATION
                and not f.mod and not prev.mod and f.start - prev.end <= 5
                and _DUR_JOIN.match(text, prev.end, f.start)):
            a, b = _DUR_PARTS.match(prev.value), _DUR_PARTS.match(f.value)
            if a and b:
                ia = [i for i, g in enumerate(a.groups()) if g]
                ib = [i for i, g in enumerate(b.groups()) if g]
                if ia and ib and max(ia) < min(ib) and 2 not in ia + ib:  # weeks stand alone
                    parts = [a.group(i + 1) or b.group(i + 1) for i in range(7)]
                    date_part = "".join(f"{n}{c}" for n, c in zip(parts[:4], _DUR_CODES[:4]) if n)
                    time_part = "".join(f"{n}{c}" for n, c in zip(parts[4:], _DUR_CODES[4:]) if n)
                    prev.value = "P" + date_part + (f"T{time_part}" if time_part else "")
                    prev.rule = f"{text[prev.start: f.end]}: a duration of {prev.value[1:]} (its parts joined)"
                    prev.end = f.end
                    continue
        out.append(f)
    return out


def _settle_numeric(found: list[_Found]) -> None:
    """Read ambiguous n/n/yyyy dates the way this document writes its other dates: day first
    if "23 October" outnumbers "October 23", else month first (the news default)."""
    pending = [f for f in found if f.pending]
    if not pending:
        return
    day_first = sum(f.order == "dm" for f in found) > sum(f.order == "md" for f in found)
    if not day_first:
        return
    for f in pending:
        a, b, y = f.pending
        f.value = date(y, b, a).isoformat()
        f.rule = f.rule.split(":")[0] + ": read as day/month/year, as this document writes its dates day first"


#: Between a clock time and a day named after it: a comparison with another day.
_RX_COMPARED_FROM = re.compile(r"\b(?:from|compared\s+with|compared\s+to|against|versus)\b")


def _attach_day(f: _Found, found: list[_Found], ctx: _Context) -> tuple[str, str, bool]:
    """A clock time takes its day from a day-precise date in its sentence, else from the last
    one in the paragraph's sentence before, else from a relative day the lead paragraph named
    (unless the clock time looks ahead), else publication.
    Returns the value, the rule and whether the publication date was used."""
    s, e = ctx.sentence(f.start)
    best = None
    i = bisect.bisect_left(found, s, key=lambda x: x.start)
    for other in found[i:]:
        if other.start >= e:
            break
        if other is f:
            continue
        md = _DAY_VALUE.match(other.value)
        if md and other.start > f.end and _RX_COMPARED_FROM.search(ctx.text, f.end, other.start):
            continue  # "at 1:52 p.m. in New York, from $1.5448 yesterday": the day compared with
        if md and other.start > f.end and "(" in ctx.text[f.end:other.start] and ")" not in ctx.text[f.end:other.start]:
            continue  # "around 8 a.m. (11 p.m. Wednesday GMT)": the converted time's own day
        if md and (best is None or abs(other.start - f.start) < abs(best[0] - f.start)):
            best = (other.start, md.group(1), ctx.text[other.start: other.end])
    if best:
        return best[1] + f.value, f"{f.rule}, on {best[1]} (the day named in the sentence: \"{best[2]}\")", False
    # "filed late Friday ... received the papers 90 minutes before the midnight deadline": the
    # day the paragraph's previous sentence names is the story's reference time
    ps, _pe = ctx.sentence(s - 1) if s > 0 else (s, s)
    if ps < s and "\n" not in ctx.text[ps:s]:
        i = bisect.bisect_left(found, ps, key=lambda x: x.start)
        for other in found[i:]:
            if other.start >= s:
                break
            md = _DAY_VALUE.match(other.value)
            if md and not other.step:
                # (not a day counted off another: "up 8.2% on the previous day's close. At 10:38
                # am, ..." is the story's day, not that one)
                best = (other.start, md.group(1), ctx.text[other.start: other.end])  # the last one
        if best:
            return best[1] + f.value, (f"{f.rule}, on {best[1]} (the day named in the sentence before: "
                                       f"\"{best[2]}\")"), False
    # else the last day the story named before it: a report published the morning after
    # tells the day before's events ("Stocks fell Tuesday ... by midmorning")
    lead = next((b for b in ctx.doc.blocks if b.kind is BlockKind.PARAGRAPH), None)
    i = bisect.bisect_left(found, f.start, key=lambda x: x.start)
    if lead is None or ctx.tense(f.start, f.end) == "future":
        i = 0
    for other in found[:i]:
        if other.start >= lead.end:
            break
        md = _DAY_VALUE.match(other.value)
        if md and other.relative and other.start >= lead.start and other is not f \
                and not other.step:
            return (md.group(1) + f.value, f"{f.rule}, on {md.group(1)} (the last day the story named before it: "
                                           f"\"{ctx.text[other.start:other.end]}\")", False)
    if ctx.anchor is not None:
        return ctx.anchor.isoformat() + f.value, f"{f.rule}, on the publication day ({_pub(ctx)})", True
    return "XXXX-XX-XX" + f.value, f"{f.rule}; no date in the sentence and no publication date", False
