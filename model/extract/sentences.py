"""Sentence splitting: the unit that timeline events, co-occurrence and quotes are measured in.

A rule-based splitter tuned for news prose. Needs ``doc.blocks`` (via ``Document.prose_spans``);
fills ``doc.sentences``. Within each prose block a sentence ends at ``.``, ``!`` or ``?``
(optionally followed by closing quotes or brackets) when whitespace and then a capital, digit
or opening quote follow — unless the word before the stop is a known abbreviation ("Mr.",
"Jan."), a single initial ("J."), or a dotted acronym ("U.S.") followed by a word that does
not usually start a sentence. A block never shares a sentence with another block, and a block
without final punctuation (a title, a heading) is one sentence.

One left-to-right pass with a linear regex over the whole document finds the candidate stops;
each prose block takes its candidates by bisection, so a block without an inner stop (most
news paragraphs hold one or two sentences) costs no regex call at all. Time is proportional
to the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from model.data import load_json
from model.schema import Document, Span

# A terminator run, closing marks, then whitespace: a candidate boundary. Possessive-free and
# bounded quantifiers keep this linear.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_STOP_CHARS = ".!?…"
#: What ``str.isspace`` accepts, as a set: a membership test is cheaper than the method call.
_SPACE = frozenset(
    "\x09\x0a\x0b\x0c\x0d\x1c\x1d\x1e\x1f\x20\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: ``_BOUNDARY`` split by its first character: a pattern that opens with a literal is searched
#: with a fast scan for that character, where a class must be tried at every position.
#: The look-behind (after the literal, so the fast scan stays) keeps only runs' first characters.
_STOP_FROM = tuple(
    (c, re.compile(re.escape(c) + r"(?<![.!?…]" + re.escape(c) + r")[.!?…]*[\"'”’)\]]*(?=\s)"))
    for c in _STOP_CHARS
)
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]?)(\w)")
_WORD_BEFORE = re.compile(r"(\S{1,40})$")


#: The last text lower-cased by :func:`lowered` and its lower-cased copy.
_LOWERED: list = [None]


def lowered(text: str) -> str:
    """``text.lower()``, made once per document: the time expression, figure and quote steps
    each scan the lower-cased text of the same document, one step after another, and
    lower-casing a whole text costs about as much as one of their scans.

    Kept for the last text only (compared by identity: a ``str`` never changes)."""
    entry = _LOWERED[0]  # one read: a step in another thread may replace the entry meanwhile
    if entry is not None and entry[0] is text:
        return entry[1]
    low = text.lower()
    _LOWERED[0] = (text, low)
    return low


@lru_cache(maxsize=1)
def _spans_validator():
    """Builds a document's sentences in one call: pydantic makes a list of small models from
    plain dicts about twice as fast as one constructor call per model."""
    from pydantic import TypeAdapter

    return TypeAdapter(list[Span]).validate_python


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("abbreviations.json")
    abbrevs = frozenset(data["titles"]) | frozenset(data["common"])
    return abbrevs, frozenset(data["starters"])


def _is_boundary(text: str, stop_start: int, stop_end: int, block_end: int) -> bool:
    """Decide whether the terminator run ``text[stop_start:stop_end]`` ends a sentence."""
    nxt = _NEXT_START.match(text, stop_end, block_end)
    if nxt is None:
        return False
    first = nxt.group(2)
    if not (first.isupper() or first.isdigit() or nxt.group(1)):
        return False
    if text[stop_start] != ".":
        return True  # ! ? … always end a sentence when a capital follows
    if stop_end - stop_start > 1 and text[stop_start:stop_end].startswith(".."):
        return True  # an ellipsis before a capital
    before = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start)
    if before is None:
        return True
    word = before.group(1).lstrip("\"'“‘([")
    abbrevs, starters = _lexicon()
    low = word.lower()
    if low in abbrevs and len(low) > 1 and "." not in low:
        # "Mr. Healey", "Jan. 5": an abbreviation, not an ending.
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word and word.replace(".", "").isalpha() and len(word) <= 6:
        # A dotted acronym ("U.S.", "U.N."): ends a sentence only before a usual starter.
        nxt_word = re.match(r"\w+", text[nxt.start(2): nxt.start(2) + 30])
        return bool(nxt_word) and nxt_word.group(0).lower() in starters
    if word.replace(",", "").replace(".", "").isdigit() and not nxt.group(1):
        # "No. 5" is covered above; a number then a capital usually ends a sentence.
        return True
    return True


def candidate_stops(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text)``, found faster.

    ``_BOUNDARY`` matches a run of stops only from the run's first character (trying it inside
    a run fails the same way: what follows the run is the same), so its matches are those of
    the per-character patterns that start a run, i.e. are not preceded by another stop."""
    found: list[tuple[int, int]] = []
    kinds = 0
    for char, pattern in _STOP_FROM:
        if char in text:
            kinds += 1
            found += [m.span() for m in pattern.finditer(text)]
    if kinds > 1:
        found.sort()
    return found


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    return _split(text, start, end, [m.span() for m in _BOUNDARY.finditer(text, start, end)])


def _split(text: str, start: int, end: int, stops) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` given its candidate stops ``(start, end)``, in order."""
    spans: list[tuple[int, int]] = []
    cur = start
    for stop_start, stop_end in stops:
        if _is_boundary(text, stop_start, stop_end, end):
            spans.append((cur, stop_end))
            nxt = _NEXT_START.match(text, stop_end, end)
            cur = nxt.start(1) if nxt else stop_end
    spans.append((cur, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(doc: Document) -> list[Span]:
    """Needs: ``doc.blocks``. Fills: ``doc.sentences`` — sentence spans of every prose block
    (title, headings, paragraphs, one copy of each caption, datelines), in text order."""
    result: list[dict[str, int]] = []
    append = result.append
    text = doc.text
    n = len(text)
    # The candidate stops of the whole text, once. Within a block whose neighbours on both
    # sides are white space (or the text's ends) they are exactly the stops a scan of the block
    # alone finds, except one that ends at the block's end (it needs white space after it,
    # inside the block): a stop cannot reach across white space, so no match straddles the
    # block's edges. Other blocks (a caption's words, a paragraph after a wire dateline's
    # dash) are scanned on their own, as before.
    found = candidate_stops(text)
    starts = [s for s, _e in found]
    count = len(found)
    space = _SPACE
    for start, end, _kind in doc.prose_spans():
        if (start == 0 or text[start - 1] in space) and (end >= n or text[end] in space):
            lo = bisect_left(starts, start)
            # No stop in the block, or its first already reaches the block's end (the final
            # stop, which needs white space after it inside the block): one sentence.
            if lo == count or starts[lo] >= end or found[lo][1] >= end:
                s, e = start, end
                while s < e and text[s] in space:
                    s += 1
                while e > s and text[e - 1] in space:
                    e -= 1
                if e > s:
                    append({"start": s, "end": e})
                continue
            hi = bisect_left(starts, end, lo)
            if found[hi - 1][1] >= end:
                hi -= 1  # the block's final stop: not a candidate inside the block
            pieces = _split(text, start, end, found[lo:hi])
        else:
            pieces = split_block(text, start, end)
        for s, e in pieces:
            append({"start": s, "end": e})
    return _spans_validator()(result)
