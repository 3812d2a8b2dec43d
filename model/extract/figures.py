"""Figures: numbers with what they count ("About 1,500 North Korean soldiers", "$40 billion").

Step :func:`find_figures` needs ``doc.blocks`` (prose spans), ``doc.mentions`` and
``doc.timexes``; it fills ``doc.figures``, in text order. The lexicon (currencies, scales,
measure units, approximation cues, label words) is data: ``model/data/figure_units.json``.

What counts as a figure, in words a reader can check:

- Digits ("1,500", "1.2", "12,000") with an optional scale ("million", "bn", "m" after a
  currency), an optional currency before or after ("$", "US$", "£", "€", "USD", "dollars")
  giving the ISO code as ``unit``, a percent ("5%", "5 per cent": unit ``%``), a measure
  written onto the number ("155mm": unit ``mm``; calibres and distances are kept, with their
  measure as the unit), or else the counted noun that follows within four words, skipping
  modifiers ("1,500 North Korean soldiers": unit ``soldiers``). When no counted noun is clear
  ("a total of 12,000 expected to be sent") the figure is kept with ``unit=None``.
- Written numbers ("two hundred soldiers", "a dozen people", "three million dollars") only when
  they count something named right after them; "one" alone is never a figure.
- ``approx`` is true after a cue such as about, around, some, nearly, more than, up to, at
  least; the figure's text then starts at the cue.
- ``entity_id`` is the entity of a mention inside the counted phrase ("North Korean").

Not figures: anything inside a timex; years ("in 2008"), dates ("23 October", "October 23"),
clock times ("07:54", "7pm"), ordinals ("3rd"), model numbers and labels ("M109", "G7",
"Shahed-136", "Boeing 747", "Article 5", "No. 10"), durations and ages ("5 years", "three
times"), a number after "a"/"an" ("a 155 shell": a calibre, not 155 shells), ranges and scores
("10-15", "3-1"), and numbers of more than 15 digits (no count; a float cannot hold them).

Every pattern is linear; each candidate is judged by looking at a bounded window around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter, itemgetter

import ahocorasick

from model.data import load_json
from model.extract.sentences import lowered
from model.schema import BlockKind, Document, Figure, Mention, construct_unchecked

#: ``\d\d*`` rather than ``\d+``: the same matches, but a pattern that opens with a plain class
#: lets the engine skip to the next digit in C instead of trying a match at every character.
_DIGITS = re.compile(r"\d\d*(?:[.,]\d+)*")
#: The same for a text of ASCII only, where ``\d`` can only be 0-9: a bit table is tested at
#: each character instead of a Unicode category look-up.
_ASCII_DIGITS = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SUFFIX = re.compile(r"[A-Za-z]{1,6}")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{0,40}")
_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})")
#: Up to six words after a number in one match (group k is the k-th word): the same words as
#: six chained :data:`_NEXT_WORD` matches, for one call instead of six. A shorter word cannot
#: help a later group (what follows it is a word character, not a space), so nothing backtracks.
_NEXT_WORDS = re.compile(
    r"[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})"
    r"(?:[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})"
    r"(?:[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})"
    r"(?:[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})"
    r"(?:[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40})"
    r"(?:[ \t\u00a0]{1,3}([A-Za-z][A-Za-z'’.\-]{0,40}))?)?)?)?)?"
)
_PREV_WORDS = re.compile(r"[A-Za-z][A-Za-z'’.\-]{0,40}")
#: Characters a :data:`_PREV_WORDS` match can end with.
_PREV_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’.-")
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries times time old ago fortnight fortnights".split()
)
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_DETERMINERS = frozenset("the a an its their his her this these those our".split())
#: Capitalised only because they open a sentence: a number after them is still a count.
_PLAIN_OPENERS = frozenset(
    "the these those all only exactly just precisely another its their his her our some "
    "about around nearly almost over more roughly approximately and but yet so then".split()
)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = load_json("figure_units.json")
    # Cues indexed by their last word, longest first, so a candidate checks only a few.
    cues: dict[str, list[list[str]]] = {}
    for cue in sorted(data["approx_cues"], key=lambda c: -len(c.split())):
        parts = cue.split()
        cues.setdefault(parts[-1], []).append(parts)
    data["approx_cues"] = cues
    data["prefix_last_chars"] = frozenset(p[-1] for p in data["currency_prefixes"])
    data["prefixes"] = sorted(data["currency_prefixes"].items(), key=lambda kv: -len(kv[0]))
    # The same, indexed by last character (still longest first): only those can end there.
    by_last: dict[str, list[tuple[str, str]]] = {}
    for prefix, code in data["prefixes"]:
        by_last.setdefault(prefix[-1], []).append((prefix, code))
    data["prefixes_by_last"] = by_last
    data["percent_firsts"] = frozenset(pw[0] for pw in data["percent_words"])
    for key in ("label_words", "month_words", "time_suffixes", "year_prepositions", "stop_words",
                "irregular_plurals", "adjectives", "not_counted", "ly_nouns"):
        data[key] = frozenset(data[key])
    words = list(data["number_words"]) + list(data["multiplier_words"])
    words = [w for w in words if w not in ("a", "an")]
    # Written numbers are found by one Aho-Corasick pass over the lower-cased document (C code,
    # several times faster than a regular expression of alternatives); Python then keeps only
    # the hits that are a whole word (see _number_word_hits).
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w.lower(), (len(w), w.lower()))
    auto.make_automaton()
    data["number_word_auto"] = auto
    data["number_word_set"] = frozenset(w.lower() for w in words)
    return data


def _parse_digits(raw: str) -> float | None:
    """The value of "1,500", "1.2", "12000"; None for groupings that are not one number."""
    if _GROUPED.fullmatch(raw) is None:
        return None
    # After the full match, everything but the commas and points is a digit.
    if len(raw) - raw.count(",") - raw.count(".") > 15:
        return None
    return float(raw.replace(",", ""))


def _is_word_char(c: str) -> bool:
    """What the regex engine's ``\\b`` counts as a word character."""
    return c.isalnum() or c == "_"


@lru_cache(maxsize=1)
def _joint_automaton() -> ahocorasick.Automaton:
    """The number words and the quote step's cue words (``quotes._filter_words``) in one
    automaton: one pass over a document's lower-cased text finds both, where two passes cost
    twice as much (the pass, not the few hits, is the cost). Each word's value is (length,
    word, is a number word, is a cue word)."""
    from model.extract.quotes import _filter_words  # here: the quote step imports this module

    numbers = _lexicon()["number_word_set"]
    cues = _filter_words()
    auto = ahocorasick.Automaton()
    for w in sorted(numbers | cues):
        auto.add_word(w, (len(w), w, w in numbers, w in cues))
    auto.make_automaton()
    return auto


#: The last text :func:`joint_word_hits` read and what it found.
_JOINT: list = [None]


def joint_word_hits(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]] | None:
    """From one automaton pass (:func:`_joint_automaton`) over the lower-cased text: the
    number-word hits of :func:`_number_word_hits`, and the whole-word spans of the quote cue
    words that ``quotes._word_hits`` returns. None when lower-casing changes the text's length
    (offsets would shift; each step then reads the text its own way). Kept for the last text:
    the figure step reads it first, the quote step right after."""
    entry = _JOINT[0]  # one read: a step in another thread may replace the entry meanwhile
    if entry is not None and entry[0] is text:
        return entry[1]
    low = lowered(text)
    if len(low) != len(text):
        return None
    n = len(text)
    ascii_only = text.isascii()
    numbers: list[tuple[int, int, str]] = []
    cues: list[tuple[int, int]] = []
    for last, (size, word, is_number, is_cue) in _joint_automaton().iter(low):
        start, end = last + 1 - size, last + 1
        if start > 0 and ((c := text[start - 1]).isalnum() or c == "_"):
            continue  # inside a word ("often" is not "ten"): neither list keeps it
        # Upper-casing only ASCII letters: "ſix" (long s) is not "six".
        if is_number and (ascii_only or text[start:end].isascii()):
            numbers.append((start, end, word))
        if is_cue and not (end < n and ((c := text[end]).isalnum() or c == "_")):
            cues.append((start, end))  # a whole word
    numbers.sort()
    found = (numbers, cues)
    _JOINT[0] = (text, found)
    return found


def _number_word_hits(text: str, auto: ahocorasick.Automaton) -> list[tuple[int, int, str]]:
    """Every place a number word is spelled (ASCII letters, any case) and starts a word:
    ``(start, end, lower-case word)`` by start. Whether it also ends the word depends on the
    span it is read in (a span may end inside a word), so that is checked per span."""
    joint = joint_word_hits(text)
    if joint is not None:
        return joint[0]
    low = lowered(text)  # shared with the time expression and quote steps
    if len(low) != len(text):
        # Only "İ" lower-cases to two characters; a one-character stand-in keeps the offsets
        # aligned (no hit can cover it: number words are ASCII, checked below).
        low = text.replace("\u0130", "\u0131").lower()
    ascii_only = text.isascii()
    hits: list[tuple[int, int, str]] = []
    for last, (n, word) in auto.iter(low):
        start = last + 1 - n
        if start > 0 and _is_word_char(text[start - 1]):
            continue  # inside a word: "often" is not "ten"
        # Upper-casing only ASCII letters: "ſix" (long s) is not "six".
        if not ascii_only and not text[start:last + 1].isascii():
            continue
        hits.append((start, last + 1, word))
    hits.sort()
    return hits


def _plural(word: str, irregular: frozenset[str]) -> bool:
    low = word.lower()
    if low in irregular:
        return True
    return (len(low) > 3 and low.endswith("s") and low.isalpha()
            and not low.endswith(("ss", "us", "is", "ous")))


_BY_SPAN = attrgetter("start", "end")
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


class _Finder:
    """Finds figures in one document; holds the sorted spans it checks candidates against.

    The document is scanned once for digits and once for number words; each span then takes
    its candidates by bisection, and only candidates get Python code. Timexes and mentions are
    sorted on first use: a document with no candidate never needs them.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lex = _lexicon()
        self.irregular = self.lex["irregular_plurals"]
        self._timexes: list[tuple[int, int]] | None = None
        self._mentions: list[Mention] | None = None
        self.taken: list[tuple[int, int]] = []
        self._prev: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    # ----------------------------------------------------------------- helpers

    def _sorted_timexes(self) -> list[tuple[int, int]]:
        self._timexes = sorted(map(_BY_SPAN, self.doc.timexes))
        self.timex_starts = list(map(_FIRST, self._timexes))
        self.timex_ends = list(map(_SECOND, self._timexes))
        return self._timexes

    def _sorted_mentions(self) -> list[Mention]:
        # Ordered by (start, end), ties in list order (as a stable sort by that key); only the
        # spans are read from every mention (a field read on a model costs several plain ones).
        mentions = self.doc.mentions
        spans = list(map(_BY_SPAN, mentions))
        order = sorted(range(len(spans)), key=spans.__getitem__)
        self._mentions = list(map(mentions.__getitem__, order))
        ordered = list(map(spans.__getitem__, order))
        self.mention_starts = list(map(_FIRST, ordered))
        self.mention_ends = list(map(_SECOND, ordered))
        return self._mentions

    def in_timex(self, start: int, end: int) -> bool:
        if self._timexes is None:
            self._sorted_timexes()
        i = bisect_left(self.timex_starts, end)
        # Every timex before ``i`` starts before ``end``: it overlaps when it ends after
        # ``start``. Timexes do not nest deeply, so looking back three is enough.
        return i > 0 and max(self.timex_ends[max(0, i - 3):i]) > start

    def prev_words(self, pos: int, lo: int) -> list[tuple[int, int, str]]:
        """Up to three words before ``pos`` (nearest last), separated only by spaces. The
        nearest alone is the last item. Kept per position: a number and its cue look back from
        the same place."""
        key = (pos, lo)
        out = self._prev.get(key)
        if out is None:
            out = self._prev[key] = self._prev_words(pos, lo)
        return out

    def _prev_words(self, pos: int, lo: int) -> list[tuple[int, int, str]]:
        text = self.text
        window_start = max(lo, pos - 60)
        # The nearest word must end at most 3 spaces before ``pos``: when the character there
        # cannot end a word, there is none (most calls), and the window need not be scanned.
        j = pos
        while j > window_start and pos - j < 3 and text[j - 1].isspace():
            j -= 1
        if j <= window_start or text[j - 1] not in _PREV_WORD_CHARS:
            return []
        out: list[tuple[int, int, str]] = []
        cursor = pos
        for m in reversed(list(_PREV_WORDS.finditer(text, window_start, pos))):
            s, e = m.span()
            gap = text[e:cursor]
            if gap.strip() != "" or (cursor - e) > 3:
                break
            out.append((s, e, m.group(0)))
            cursor = s
            if len(out) == 3:
                break
        out.reverse()
        return out

    def next_word(self, pos: int, hi: int) -> tuple[int, int, str] | None:
        m = _NEXT_WORD.match(self.text, pos, hi)
        if m is None:
            return None
        w = m.group(1).rstrip(".")
        return m.start(1), m.start(1) + len(w), w

    def next_words(self, pos: int, hi: int) -> list[tuple[int, int, str]]:
        """Up to six words after ``pos``, each :meth:`next_word` of the one before."""
        m = _NEXT_WORDS.match(self.text, pos, hi)
        if m is None:
            return []
        text = self.text
        out: list[tuple[int, int, str]] = []
        regs = m.regs
        for k in range(1, 7):
            s, e = regs[k]
            if s < 0:
                break
            w = text[s:e]
            if w[-1] == ".":
                # The next word would have to start right after the stripped points, where a
                # point stands: the chain ends here.
                w = w.rstrip(".")
                out.append((s, s + len(w), w))
                break
            out.append((s, e, w))
        return out

    def sentence_initial(self, pos: int, lo: int) -> bool:
        """True when only opening quotes/brackets/space stand between ``pos`` and a sentence
        end or the block start."""
        i = pos - 1
        while i >= lo and (self.text[i].isspace() or self.text[i] in "\"'“‘(["):
            i -= 1
        return i < lo or self.text[i] in ".!?:;…\n"

    def approx_cue(self, words: list[tuple[int, int, str]]) -> int | None:
        """Start of an approximation cue ending right before the number, given the words
        before it (:meth:`prev_words`), if any."""
        if not words:
            return None
        for parts in self.lex["approx_cues"].get(words[-1][2].lower(), ()):
            if len(parts) > len(words):
                continue
            tail = words[len(words) - len(parts):]
            if [w.lower() for _s, _e, w in tail] == parts:
                return tail[0][0]
        return None

    def mention_over(self, start: int, end: int) -> bool:
        """Whether a mention overlaps ``[start, end)`` (one of the three starting last before
        ``end``, as for timexes)."""
        if self._mentions is None:
            self._sorted_mentions()
        i = bisect_left(self.mention_starts, end)
        return i > 0 and max(self.mention_ends[max(0, i - 3):i]) > start

    def overlaps_taken(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a digit figure of the current block (kept sorted)."""
        i = bisect_left(self.taken, (end, end))
        return i > 0 and self.taken[i - 1][1] > start

    def mention_in(self, start: int, end: int) -> str | None:
        mentions = self._mentions if self._mentions is not None else self._sorted_mentions()
        starts, ends = self.mention_starts, self.mention_ends
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return mentions[i].entity_id
            i += 1
        return None

    def counted_noun(self, words: list[tuple[int, int, str]]) -> tuple[int, int, str] | None | bool:
        """The noun a number counts, within four of the ``words`` after it (:meth:`next_words`).
        ``False`` when the number measures time ("5 years", "three times"): then it is not a
        figure."""
        stop = self.lex["stop_words"]
        if words and words[0][2].lower() in _TIME_UNITS:
            return False
        kept: list[tuple[int, int, str]] = []
        for k, (s, e, w) in enumerate(words[:4]):
            low = w.lower()
            if low in stop or low in self.lex["month_words"]:
                break
            if low in self.lex["not_counted"] or (low.endswith("ly") and low not in self.lex["ly_nouns"]):
                break  # "10 fell", "49 light-years away", "a 75 point hike fairly well": not nouns
            if low.endswith(("ed", "ing")) and w[0].islower():
                after = words[k + 1][2] if k + 1 < len(words) else None
                if after is None or not after[0].islower() or after.lower() in stop:
                    break  # "12,000 expected to": a verb, not an adjective
            kept.append((s, e, w))
        # The counted thing is the first plural after the modifiers ("1,500 North Korean
        # soldiers", "three mixed classes layout"); failing that, a lone last word that is not
        # just an adjective ("100 mid-air tanker aircraft" is caught by the plural list).
        for k, t in enumerate(kept):
            if _plural(t[2], self.irregular):
                after = words[k + 1][2].lower() if k + 1 < len(words) else ""
                if after in _DETERMINERS:
                    return None  # "the 787 illustrates the trend": a verb, not a plural
                return t
        if kept and kept[-1][2][0].islower() and kept[-1][2].lower() not in self.lex["adjectives"]:
            return kept[-1]
        return None

    def plural(self, word: str) -> bool:
        return _plural(word, self.irregular)

    def currency_before(self, pos: int, lo: int) -> tuple[int, str] | None:
        window = self.text[max(lo, pos - 6):pos]
        bare = window.rstrip(" \u00a0")
        if not bare or bare[-1] not in self.lex["prefix_last_chars"]:
            return None
        for prefix, code in self.lex["prefixes_by_last"][bare[-1]]:
            if bare.endswith(prefix):
                at = pos - (len(window) - len(bare)) - len(prefix)
                if prefix[0].isalpha() and at > 0 and self.text[at - 1].isalnum():
                    continue  # "XUSD" is not a currency code
                if prefix.isalpha() and len(window) == len(bare):
                    continue  # a code needs a space: "USD 40", not "USD40"
                return at, code
        return None

    # ----------------------------------------------------------------- digits

    def digit_figure(self, m: re.Match[str], lo: int, hi: int) -> Figure | None:
        text, lex = self.text, self.lex
        a, b = m.span()
        before = text[a - 1] if a > lo else ""
        before2 = text[a - 2] if a - 1 > lo else ""
        if before and (before.isalnum() or before in "_/#@:.\\"):
            return None  # M109, G7, #1, v.2, 07:54
        if before in "-–" and (before2.isalpha() or before2.isdigit()):
            return None  # Shahed-136, Covid-19, 2024-10
        after = text[b] if b < hi else ""
        after2 = text[b + 1] if b + 1 < hi else ""
        if after in ":/" and after2.isdigit():
            return None  # clock times, dates, ratios
        hyphen_scale = None
        if after in "-–" and after2.isalpha():
            word = _WORD.match(text, b + 1, hi)
            if word is not None and word.group(0).lower() in lex["scale_words"] and self.currency_before(a, lo):
                hyphen_scale = word  # "$9-million": money written with a hyphen
        if after in "-–" and (after2.isdigit() or after2.isalpha()) and hyphen_scale is None:
            return None  # ranges, scores, dates, "10-year", "3-D"
        if self.in_timex(a, b):
            return None
        raw = m.group(0)
        if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
            return None  # "001", "007": a serial or a label
        value = _parse_digits(raw)
        if value is None:
            return None

        end = b
        unit: str | None = None
        scale = 1.0
        money = self.currency_before(a, lo)
        start = money[0] if money else a
        if money:
            unit = money[1]
        if hyphen_scale is not None:
            scale, end = lex["scale_words"][hyphen_scale.group(0).lower()], hyphen_scale.end()

        suffix_m = _SUFFIX.match(text, b, hi) if after.isalpha() else None
        if suffix_m is not None:
            after_suffix = text[suffix_m.end()] if suffix_m.end() < hi else ""
            if after_suffix.isalnum():
                return None  # "3Dprint", "1500soldiers": not a number we can read
            suf = suffix_m.group(0)
            low = suf.lower()
            if low in _ORDINALS or low in ("am", "pm", "s"):
                return None  # 3rd, 7pm, 1990s
            following = self.next_word(suffix_m.end(), hi)
            millions = low == "m" and following is not None and self.plural(following[2])
            if low in lex["scale_suffixes"] and (money or low != "m" or millions):
                scale = lex["scale_suffixes"][low]  # "$5m", "5bn", and "1.5m people" (not metres)
                end = suffix_m.end()
            elif low == "pc":
                unit, end = "%", suffix_m.end()  # "5pc"
            elif suf in lex["measure_suffixes"]:  # case matters: 5m is metres, 4G a network
                if money:
                    return None
                unit = lex["measure_suffixes"][suf]
                end = suffix_m.end()
            else:
                return None  # 4G, 3D, 747s, A380-like labels written the other way round
        elif after == "%":
            unit, end = "%", b + 1
        elif after in (" ", "\u00a0") and after2 == "%":
            unit, end = "%", b + 2

        if unit is None and self.mention_over(a, b):
            return None  # part of a name: "Boeing 787", "G7" (a calibre "155mm" keeps its unit)

        # Words after the number: scale, percent, currency, time. ``words`` always starts at
        # ``end`` while nothing but a scale word has been read.
        words = self.next_words(end, hi)
        nxt = words[0] if words else None
        if unit is None or money:
            if nxt and nxt[2].lower() in lex["scale_words"] and scale == 1.0:
                scale = lex["scale_words"][nxt[2].lower()]
                end = nxt[1]
                words = words[1:]
                nxt = words[0] if words else None
        if nxt:
            low = nxt[2].lower()
            if low in lex["month_words"]:
                return None  # 23 October
            if low in lex["time_suffixes"] or text[nxt[0]:nxt[0] + 4].lower() in ("a.m.", "p.m."):
                return None  # 7 pm, 10 GMT
            if low in _ORDINALS:
                return None  # "15,599 th"
        if unit is None and nxt:
            low = nxt[2].lower()
            percent_end = None
            if low[0] in lex["percent_firsts"]:  # most words cannot start one
                for pw in lex["percent_words"]:
                    stop = nxt[0] + len(pw)
                    if text[nxt[0]:stop].lower() == pw and not text[stop:stop + 1].isalpha():
                        percent_end = stop
                        break
            if percent_end is not None:
                unit, end = "%", percent_end
            elif low in lex["currency_words"]:
                unit, end = lex["currency_words"][low], nxt[1]
            elif nxt[2] in lex["measure_suffixes"] and len(low) > 1 and low not in lex["stop_words"]:
                unit, end = lex["measure_suffixes"][nxt[2]], nxt[1]

        before_words = self.prev_words(start, lo)
        prev_word = before_words[-1][2] if before_words else ""
        prev_low = prev_word.lower()
        if prev_low in lex["month_words"] and "," not in raw:
            return None  # October 23
        if prev_low in lex["label_words"] and not money:
            return None  # Article 5, No. 10, page 3
        if prev_low in ("a", "an") and unit is None and scale == 1.0:
            return None  # "a 155 shell": a calibre or a label, not a count
        approx_at = self.approx_cue(before_words)
        if (prev_word and prev_word[0].isupper() and approx_at is None and not money
                and "," not in raw and not prev_word.endswith(("'s", "’s", "s'"))
                and not (self.sentence_initial(before_words[-1][0], lo) and prev_low in _PLAIN_OPENERS)
                and unit is None):
            return None  # Boeing 747, Resolution 2231: a name's number, not a count
        noun = None
        if unit is None:
            noun = self.counted_noun(words)
            if noun is False:
                return None  # 5 years, 3 times
        if (prev_low == "the" and "," not in raw and "." not in raw and unit is None
                and (not noun or not self.plural(noun[2]))):
            return None  # "the 787", "the 717 program": a model, not a count
        is_yearlike = (len(raw) == 4 and raw.isdigit() and 1000 <= value <= 2199 and unit is None
                       and scale == 1.0)
        if is_yearlike:
            plural_noun = noun and noun[2].lower().endswith("s") and noun[0] == (nxt or (0,))[0]
            if prev_low in lex["year_prepositions"] or not plural_noun:
                return None  # in 2008; "2008 results" reads as a year too
        entity_id = None
        if noun:
            entity_id = self.mention_in(end, noun[1])
            unit, end = noun[2], noun[1]
            unit = lex["currency_words"].get(unit.lower(), unit)  # "million US dollars"
        if approx_at is not None:
            start = approx_at
        return _figure(text[start:end], value * scale, unit, start, end, approx_at is not None, entity_id)

    # ----------------------------------------------------------------- words

    def word_figures(self, found: list[tuple[int, int, str]], lo: int, hi: int) -> list[Figure]:
        """Figures of written numbers, from the number words ``found`` in ``[lo, hi)`` (start,
        end, lower-case word; in text order)."""
        text, lex = self.text, self.lex
        small, mult = lex["number_words"], lex["multiplier_words"]
        runs: list[list[tuple[int, int, str]]] = []
        for m in found:
            if runs:
                last = runs[-1][-1]
                gap = text[last[1]:m[0]]
                if gap in (" ", "-", "\u00a0", " and ", "-and-") and len(runs[-1]) < 8:
                    runs[-1].append(m)
                    continue
            runs.append([m])
        out: list[Figure] = []
        for run in runs:
            a, b = run[0][0], run[-1][1]
            if self.overlaps_taken(a, b) or self.in_timex(a, b):
                continue
            before = text[a - 1] if a > lo else ""
            if before.isdigit() or (before in " \u00a0" and a - 2 >= lo and text[a - 2].isdigit()):
                continue  # "1.2 million": the digits already made this figure
            words = [w for _s, _e, w in run]
            value, current = 0.0, 0.0
            start = a
            if words[0] in mult:
                prev = self.prev_words(a, lo)
                if prev and prev[-1][2].lower() in ("a", "an"):
                    start = prev[-1][0]
            for w in words:
                if w in small:
                    current += small[w]
                elif w in ("hundred", "dozen"):
                    current = max(current, 1.0) * mult[w]
                else:
                    value += max(current, 1.0) * mult[w]
                    current = 0.0
            value += current
            if value < 2:
                continue
            end = b
            unit = None
            after = self.next_words(end, hi)
            nxt = after[0] if after else None
            if nxt and nxt[2].lower() in lex["currency_words"]:
                unit, end = lex["currency_words"][nxt[2].lower()], nxt[1]
            elif nxt and any(text[nxt[0]:nxt[0] + len(pw)].lower() == pw for pw in ("per cent", "percent")):
                unit = "%"
                end = nxt[0] + (8 if text[nxt[0]:nxt[0] + 8].lower() == "per cent" else 7)
            else:
                noun = self.counted_noun(after)
                if not noun:
                    continue  # "two of them", "three years": no counted thing
                unit, end = lex["currency_words"].get(noun[2].lower(), noun[2]), noun[1]
            entity_id = self.mention_in(b, end)
            approx_at = self.approx_cue(self.prev_words(start, lo))
            if approx_at is not None:
                start = approx_at
            out.append(_figure(text[start:end], value, unit, start, end, approx_at is not None, entity_id))
        return out

    # ----------------------------------------------------------------- all

    def spans(self) -> list[tuple[int, int]]:
        """The prose spans read, in text order: ``doc.prose_spans()`` without its datelines."""
        if not self.doc.blocks:
            return [(0, len(self.text))]
        dateline = BlockKind.DATELINE
        return [(s, e) for s, e, kind in self.doc.prose_spans() if kind is not dateline]

    def run(self) -> list[Figure]:
        text = self.text
        spans = self.spans()
        if not spans:
            return []
        # One pass each over the whole text; a span takes the candidates that start in it.
        pattern = _ASCII_DIGITS if text.isascii() else _DIGITS
        digits = list(pattern.finditer(text))
        digit_starts = [m.start() for m in digits]
        words = _number_word_hits(text, self.lex["number_word_auto"])
        word_starts = [w[0] for w in words]
        figures: list[Figure] = []
        for lo, hi in spans:
            found: list[Figure] = []
            self.taken = []
            i = bisect_left(digit_starts, lo)
            j = bisect_left(digit_starts, hi, i)
            if (i > 0 and digits[i - 1].end() > lo) or (j > i and digits[j - 1].end() > hi):
                # A number runs over the span's edge: read inside the span only, as a number
                # cut there reads.
                candidates = list(pattern.finditer(text, lo, hi))
            else:
                candidates = digits[i:j]
            for m in candidates:
                fig = self.digit_figure(m, lo, hi)
                if fig is not None:
                    found.append(fig)
                    self.taken.append((fig.start, fig.end))
            i = bisect_left(word_starts, lo)
            j = bisect_left(word_starts, hi, i)
            if i < j:
                # A word the span's end cuts is whole inside the span: "six" of "sixty".
                inside = [w for w in words[i:j]
                          if w[1] == hi or (w[1] < hi and not _is_word_char(text[w[1]]))]
                if inside:
                    found.extend(self.word_figures(inside, lo, hi))
            figures.extend(found)
        figures.sort(key=_BY_SPAN)
        return figures


def _figure(text: str, value: float, unit: str | None, start: int, end: int, approx: bool,
            entity_id: str | None) -> Figure:
    # Every value is already of its field's type (``value`` a float): no validation needed.
    return construct_unchecked(Figure, {"text": text, "value": value, "unit": unit, "start": start,
                                        "end": end, "approx": approx, "entity_id": entity_id})


def find_figures(doc: Document) -> list[Figure]:
    """Needs: ``doc.blocks``, ``doc.mentions``, ``doc.timexes``. Fills: ``doc.figures`` —
    numbers with what they count, in text order (rules in the module docstring)."""
    return _Finder(doc).run()
