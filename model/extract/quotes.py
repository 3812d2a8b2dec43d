"""Quotes and attributions: who said what, and whose claim a sentence reports.

Two steps share the machinery here:

- :func:`find_quotes` needs ``doc.blocks``, ``doc.sentences``, ``doc.mentions`` and
  ``doc.entities``; it fills ``doc.quotes`` with direct quotes in text order.
- :func:`find_attributions` needs the same; it fills ``doc.attributions`` with reported claims
  ("according to Seoul's spy agency", "officials confirmed that ...").

The verbs and cues are data: ``model/data/speech_verbs.json``.

**Finding quotes.** Straight (``"``) and curly (``“ ”``) double quotes pair up in any mix, as
pasted text has them (``“...,"`` then ``"...”``): a curly opener always opens, a curly closer
always closes, a straight mark opens when no quote is open and closes when one is. A straight
mark glued to the end of a word while none is open (``12"``, a stray closer) is ignored. A
quote left open at the end of a paragraph continues when the next paragraph opens with a
quote mark (the multi-paragraph convention); otherwise it is dropped as unbalanced. Single
quotes are not read: they cannot be told from apostrophes reliably. A quote's ``start``/``end``
span its words without the marks (and without a trailing comma inside the marks); a
multi-paragraph quote spans from its first word to its last, and its ``text`` joins the
paragraphs' words with a newline. Quotes of fewer than three words (scare quotes, titles) are
kept only when a speaker is found for them.

**Finding the speaker**, first rule that applies:

1. After the quote, in its sentence: ``"...," X said`` / ``"...," said X`` / ``"...," he added``.
2. Before the quote, in its sentence (other quotes skipped): the last speech verb and its
   subject: ``X said: "..."``, ``X told the Commons: "..."``, ``X branded the move "..."``,
   ``X described A as a "..."``, ``X said he met "..."``.
   Failing a verb, a PERSON/ORG name and a colon alone before the quote (``Zelensky: "..."``).
3. ``according to X`` before or after the quote in its sentence.
4. A quote with no cue of its own continues the previous quote's speaker (and verb) when it
   is in the same paragraph, or opens the next paragraph (the speaker's next words).

A cue verb must be written in lower case (so "Consumer Reports" is a name) and not follow an
article or quantifier ("the reports", "two brands" are nouns); after a form of "be" it is a
passive ("are said to") and names nobody.

The subject of a verb is found right before it, skipping auxiliaries and adverbs ("has also",
"publicly") and time expressions ("Boeing last November announced"):

- "he"/"she": the most recent PERSON mention before the pronoun and outside quote marks (plain
  recency, no gender or syntax); ", who said": the phrase before the comma; "they", "it": no
  entity.
- A comma (``X, the U.S. Ambassador, said``): the first noun phrase of the clause, skipping an
  opening adverbial ("Meanwhile,", "In Europe,"); when that phrase names nobody and a later
  one is exactly a PERSON/ORG name ("an analyst, Richard Aboulafia, said"), the name.
- Otherwise the mention or noun phrase ending there ("the official", "a senior presidential
  official", "South Korean officials"), followed leftwards through "of/at/in/from/for/with"
  to the phrase it belongs to ("Mike Gikas of Consumer Reports", "representatives at stores
  in the US"), except that a PERSON mention is final and a statement, report, spokesman...
  "from Apple" leaves Apple as the speaker.

A bare definite description ("the official") becomes the nearest earlier, fuller description
with the same head noun ("a senior presidential official", within ~3,000 characters), or the
one entity whose ``role`` attribute it names ("the Defence Secretary"; a role two entities
share names neither). ``speaker`` is an entity id when the phrase's head word lies inside a
mention (so "Seoul's spy agency" stays a description: "Seoul" is not the agency), else the
description; ``speaker_text`` and its span are the words naming the speaker at this place.

**Attributions** (outside quote marks, per sentence): ``according to X``, ``quoted by X``,
``cited by X``, ``reports from X``, ``reported by X``; ``X <verb> that ...`` and
``X told Y that ...`` for a reporting verb; ``X, ..., insisting that ...`` (the sentence's
subject); ``X said <clause>`` for said/says/told; and a
postposed ``..., X indicated.`` / ``..., said X.`` closing a sentence that is not a direct
quote. Sources are found as speakers are. ``text``/``start``/``end`` are the claim's
sentence; one attribution per source per sentence ("A statement from Apple stated that" is
one), and at most :data:`MAX_PER_SENTENCE` from one sentence.

Every pattern is linear and each quote or cue looks at a bounded window around itself.

**Cost.** Nothing is tokenised for the whole document: the quote step tokenises the windows
around its quotes, and the attribution step only sentences holding a cue word that can start a
rule, found by one automaton pass over the lower-cased text (:func:`_word_hits`). Both steps
share one index of the document (:func:`_prepared`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from model.data import load_json
from model.extract.figures import joint_word_hits

from model.schema import Attribution, BlockKind, Document, EntityKind, Mention, Quote, construct_unchecked

_MARK = re.compile(r"[\"“”]")
# Dotted acronyms ("U.S.") first, so their last dot is not read as a full stop.
_TOKEN = re.compile(r"(?:\w\.){2,}|\w+(?:[’'.\-&]\w+)*|[^\w\s]")
_HEAD_WINDOW = 400  # characters before a quote searched for its speaker
_TAIL_WINDOW = 300  # characters after a quote
#: Each attribution carries its sentence's text, so a hostile megabyte "sentence" full of cues
#: would cost cues x size memory; no real sentence reports more claims than this.
MAX_PER_SENTENCE = 16
_ANTECEDENT_WINDOW = 3000  # characters searched back for "a senior official" behind "the official"
_MAX_PARAGRAPHS = 30  # a multi-paragraph quote longer than this is a stray mark
#: A "verb" after one of these is a noun: "the reports", "his claims", "a call".
_NOUN_MARKERS = frozenset(
    "the a an these those this its his her their our my your of two three four five several many "
    "some both all other such new".split()
)
#: Prepositions a subject phrase may run through: "Mike Gikas of Consumer Reports said".
_PREPOSITIONS = frozenset("of at in from for with".split())
#: Irregular participles that end a noun phrase read rightwards: "a statement by Boeing given".
_PARTICIPLES = frozenset("given made taken shown seen known held told written sent".split())
#: Verbs that stand before their subject at the end of a sentence: "..., said the minister."
_INVERTING_VERBS = frozenset("said says added adds wrote writes explained noted".split())
#: Participles that report a claim of the sentence's subject: "..., insisting that ...".
_PARTICIPLE_CUES = frozenset(
    "saying insisting warning claiming arguing adding noting stressing stating confirming "
    "announcing".split()  # not "suggesting"/"indicating": facts suggest too
)
#: One-word openers that are never a subject: "Meanwhile, X said".
_OPENING_ADVERBS = frozenset(
    "meanwhile however earlier later separately instead still now today yesterday moreover "
    "also additionally furthermore nevertheless nonetheless again overall indeed".split()
)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = load_json("speech_verbs.json")
    out = {key: frozenset(w.lower() for w in val) for key, val in data.items() if isinstance(val, list)}
    out["pronouns"] = frozenset(w.lower() for w in data["pronouns"])
    cues: dict[str, list[tuple[str, ...]]] = {}
    for cue in sorted(data["source_cues"], key=lambda c: -len(c.split())):
        parts = tuple(cue.split())
        cues.setdefault(parts[0], []).append(parts)
    out["source_cues"] = cues  # indexed by first word: a token checks only its own cues
    return out


#: A word or punctuation mark: a plain tuple ``(start, end, text, low, is_word)``, read by
#: index in the rules (``tok[0]`` start, ``tok[1]`` end, ``tok[2]`` text, ``tok[3]`` its lower
#: case, ``tok[4]`` whether it is a word), with ``low`` and ``is_word`` computed once. The
#: rules read thousands of tokens per document: a plain tuple costs a third of what a tuple
#: subclass with named fields does to make, and an index a fraction of a field's property.
_Tok = tuple


def _tokenize(text: str, lo: int, hi: int) -> list[_Tok]:
    """The tokens of ``text[lo:hi]`` read as that window alone: what ``_TOKEN.finditer(text,
    lo, hi)`` finds, as :data:`_Tok` tuples.

    Tokens never hold white space, so a window is tokenised chunk by chunk between spaces; a
    chunk of letters and digits only (most words) is exactly one token and skips the pattern.
    The chunks' offsets are known without searching when single spaces separate them (the
    joined chunks equal the window); any other window goes through the pattern whole."""
    if hi <= lo:
        return []
    out: list[_Tok] = []
    append = out.append
    seg = text[lo:hi]
    parts = seg.split()
    if " ".join(parts) == seg:
        pos = lo
        for part in parts:
            n = len(part)
            if part.isalnum():
                append((pos, pos + n, part, part.lower(), True))
            elif n >= 2 and not (c := part[-1]).isalnum() and c != "_" and part[:-1].isalnum():
                # "said," "Boeing.": a word, then a mark alone (a mark joins a word only to a
                # following one, and one letter and a dot are no dotted acronym).
                w = part[:-1]
                append((pos, pos + n - 1, w, w.lower(), True))
                append((pos + n - 1, pos + n, c, c.lower(), False))
            elif n >= 2 and not (c := part[0]).isalnum() and c != "_" and part[1:].isalnum():
                # "(NIS", "“We": a mark alone, then a word.
                w = part[1:]
                append((pos, pos + 1, c, c.lower(), False))
                append((pos + 1, pos + n, w, w.lower(), True))
            else:
                for m in _TOKEN.finditer(text, pos, pos + n):
                    t = m.group()
                    append((m.start(), m.end(), t, t.lower(), t[0].isalnum() or t[0] == "_"))
            pos += n + 1
        return out
    for m in _TOKEN.finditer(text, lo, hi):
        t = m.group()
        append((m.start(), m.end(), t, t.lower(), t[0].isalnum() or t[0] == "_"))
    return out


@dataclass
class _RawQuote:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    pieces: list[tuple[int, int]] = field(default_factory=list)  # quoted words, one per paragraph
    block: int = 0  # index (into the prose spans) of the paragraph holding the closing mark
    first_block: int = 0


@dataclass
class _Speaker:
    speaker: str | None
    text: str
    start: int
    end: int
    verb: str | None = None


def _is_glued_closer(text: str, i: int, lo: int, hi: int) -> bool:
    """A straight mark right after a word and before space/punctuation/end: it closes."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and before not in "([{—–-" and (after.isspace() or after in ",.;:!?)]—–")


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: alphanumerics and the underscore."""
    return ch.isalnum() or ch == "_"


def _cuts_word(text: str, pos: int) -> bool:
    """Whether a window boundary at ``pos`` falls inside a run of word characters."""
    return 0 < pos < len(text) and _is_word_char(text[pos - 1]) and _is_word_char(text[pos])


@lru_cache(maxsize=1)
def _word_pattern() -> re.Pattern[str]:
    """:func:`_filter_words` as one case-insensitive pattern, for texts whose lower-casing
    changes their length (offsets of the lower-cased copy would shift); its lookarounds are
    single characters, so it stays linear."""
    words = sorted(_filter_words(), key=lambda w: (-len(w), w))
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, words)), re.IGNORECASE)


def _word_hits(text: str) -> list[tuple[int, int]]:
    """Spans of whole words (maximal runs of word characters) that may lower-case to one of
    :func:`_filter_words`, in text order; a superset the caller checks word by word. One C
    pass over the text: an automaton over its lower-cased copy (the figure step's pass, which
    looks for these words too: ``figures.joint_word_hits``), or the pattern."""
    joint = joint_word_hits(text)
    if joint is not None:
        return joint[1]
    return [m.span() for m in _word_pattern().finditer(text)]


#: The last document prepared and its quotes: the quote and attribution steps read the same
#: document one after the other, so the second reuses the first's indexes.
_PREPARED: list = [None]


def _prepared(doc: Document) -> tuple[_Doc, list[_RawQuote]]:
    """The indexes of ``doc`` and its paired quote marks, reused while the document and the
    annotations they are built from are the same objects (same lengths, equal text)."""
    blocks, sents, mentions, ents, timexes = fields = (
        doc.blocks, doc.sentences, doc.mentions, doc.entities, doc.timexes)
    key = (doc, doc.text, fields, (len(blocks), len(sents), len(mentions), len(ents), len(timexes)))
    entry = _PREPARED[0]  # one read: a step in another thread may replace the entry meanwhile
    if entry is not None:
        old = entry[0]
        if (old[0] is doc and (old[1] is doc.text or old[1] == doc.text)
                and old[2][0] is blocks and old[2][1] is sents and old[2][2] is mentions
                and old[2][3] is ents and old[2][4] is timexes and old[3] == key[3]):
            return entry[1], entry[2]
    d = _Doc(doc)
    raws = _raw_quotes(d)
    singles = _single_quotes(d)
    if singles:
        raws = sorted(raws + singles, key=lambda q: q.open)
    d.set_quotes(raws)
    _PREPARED[0] = (key, d, raws)
    return d, raws


class _Doc:
    """One document's text with the indexes every rule here looks things up in."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lex = _lexicon()
        blocks = [(s, e) for s, e, k in doc.prose_spans() if k is not BlockKind.DATELINE]
        self.blocks = blocks if doc.blocks else [(0, len(doc.text))]
        self.block_starts = [s for s, _ in self.blocks]
        sents = sorted([(s.start, s.end) for s in doc.sentences])
        self.sentences = sents
        self.sent_starts = [s for s, _ in sents]
        self.mentions: list[Mention] = sorted(doc.mentions, key=attrgetter("start", "end"))
        self.mention_starts = [m.start for m in self.mentions]
        self._persons: tuple[list[Mention], list[tuple[int, int]], list[int]] | None = None
        self._roles: dict[str, str] | None = None
        self._timexes: tuple[list[tuple[int, int]], list[int]] | None = None
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_span_starts: list[int] = []
        self._cue_hits: tuple[list[int], list[int], list[str]] | None = None

    def set_quotes(self, raws: list[_RawQuote]) -> None:
        """Index the direct quotes' spans (marks included) that tokens inside are skipped by."""
        self.quote_spans = [(q.open, q.close + 1) for q in raws]
        self.quote_span_starts = [s for s, _ in self.quote_spans]

    @property
    def persons(self) -> tuple[list[Mention], list[tuple[int, int]], list[int]]:
        """PERSON mentions, and (end, index) pairs sorted by end with their keys; built when a
        pronoun first needs them (most documents' cues have a named subject)."""
        if self._persons is None:
            persons = [m for m in self.mentions if m.kind is EntityKind.PERSON]
            ends = sorted((m.end, i) for i, m in enumerate(persons))
            self._persons = (persons, ends, [e for e, _ in ends])
        return self._persons

    @property
    def roles(self) -> dict[str, str]:
        """Lower-cased role or title -> the one entity holding it, built when first asked."""
        if self._roles is None:
            roles: dict[str, set[str]] = {}
            for ent in self.doc.entities:
                for key in ("role", "title"):
                    role = ent.attributes.get(key)
                    if role:
                        roles.setdefault(role.lower(), set()).add(ent.id)
            # Only a role held by one entity names it: two "CEO"s leave "the CEO" a description.
            self._roles = {role: next(iter(ids)) for role, ids in roles.items() if len(ids) == 1}
        return self._roles

    # ----------------------------------------------------------------- lookups

    def block_of(self, pos: int) -> tuple[int, int, int]:
        i = bisect_right(self.block_starts, pos) - 1
        if i >= 0 and pos < self.blocks[i][1]:
            return i, self.blocks[i][0], self.blocks[i][1]
        return -1, pos, pos

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``; failing that, its block (sentences may be missing)."""
        i = bisect_right(self.sent_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        _bi, lo, hi = self.block_of(pos)
        return lo, hi

    def mention_at(self, pos: int) -> Mention | None:
        i = bisect_right(self.mention_starts, pos) - 1
        for j in range(i, max(-1, i - 4), -1):
            m = self.mentions[j]
            if m.start <= pos < m.end:
                return m
        return None

    def person_before(self, pos: int) -> Mention | None:
        """The PERSON mention ending last before ``pos``, outside quote marks: in
        ``"I met Putin," he said`` the "he" is not Putin."""
        persons, ends, keys = self.persons
        i = bisect_right(keys, pos) - 1
        for j in range(i, max(-1, i - 50), -1):
            m = persons[ends[j][1]]
            if not self.in_quote(m.start, m.end):
                return m
        return None

    def in_quote(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a direct quote (marks included); quotes never
        overlap each other, so only the last one starting before ``end`` can."""
        i = bisect_left(self.quote_span_starts, end) - 1
        return i >= 0 and self.quote_spans[i][1] > start

    def quote_tail(self, pos: int, sentence_start: int) -> bool:
        """Whether ``pos`` follows a quote's closing mark in its sentence by a few words only
        ('"...," a spokesperson for Downing Street told'): the words name the quote's speaker."""
        i = bisect_left(self.quote_span_starts, pos) - 1
        if i < 0:
            return False
        end = self.quote_spans[i][1]
        if end > pos or end < sentence_start:
            return False
        gap = self.text[end:pos]
        return len(gap) <= 80 and not any(ch in gap for ch in ".;:!?")

    def next_quote(self, pos: int) -> int | None:
        """Offset of the first quote mark opening at or after ``pos``."""
        i = bisect_left(self.quote_span_starts, pos)
        return self.quote_span_starts[i] if i < len(self.quote_span_starts) else None

    def is_verb(self, toks: list[_Tok], v: int, kind: str = "speech_verbs") -> bool:
        """Whether ``toks[v]`` is a verb of the lexicon list ``kind`` used as a verb."""
        tok = toks[v]
        return (tok[2][0].islower() and tok[3] in self.lex[kind]
                and not (v > 0 and toks[v - 1][3] in _NOUN_MARKERS))

    def passive(self, toks: list[_Tok], v: int) -> bool:
        """``are said to``, ``is partially explained by``: a form of "be" before the verb."""
        k = v - 1
        while k >= 0 and toks[k][3].endswith("ly") and toks[k][2][0].islower():
            k -= 1
        return k >= 0 and toks[k][3] in self.lex["be_forms"]

    def tokens(self, lo: int, hi: int, skip_quotes: bool = True) -> list[_Tok]:
        """The tokens of ``text[lo:hi]`` (tokenised as that window alone), without those
        overlapping a direct quote when ``skip_quotes``.

        Only the windows a rule reads are tokenised (a quote's surroundings, a sentence holding
        a cue word): most of a document is never turned into tokens."""
        toks = _tokenize(self.text, lo, hi)
        if skip_quotes and toks:
            # Quotes are disjoint and sorted: when the last one opening before ``hi`` ends by
            # ``lo``, none overlaps the window and no token needs the per-token test.
            i = bisect_left(self.quote_span_starts, hi) - 1
            spans = self.quote_spans
            if i >= 0 and spans[i][1] > lo:
                if i >= 3 and spans[i - 3][1] > lo:
                    # Many quotes in the window (hostile text): one bisect per token.
                    toks = [t for t in toks if not self.in_quote(t[0], t[1])]
                else:
                    while i >= 0 and spans[i][1] > lo:  # the (few) quotes overlapping it
                        qs, qe = spans[i]
                        toks = [t for t in toks if t[1] <= qs or t[0] >= qe]  # as in_quote
                        i -= 1
        return toks

    def has_cue(self, lo: int, hi: int) -> bool:
        """Whether :func:`_sentence_attributions` can find anything in ``text[lo:hi]``: a token
        outside quote marks that is one of :func:`_filter_words` (a necessary condition).

        Answered from one scan of the whole text (:meth:`cue_hits`): a word token of the
        window is a maximal run of word characters, so it is a hit unless the window cuts a
        word at either end; then the window is tokenised and read as the rules would."""
        text = self.text
        if _cuts_word(text, lo) or _cuts_word(text, hi):
            words = _filter_words()
            return any(t[3] in words for t in self.tokens(lo, hi))
        starts, ends, _lows = self.cue_hits
        i = bisect_left(starts, lo)
        return i < len(starts) and ends[i] <= hi  # hits are disjoint: the first ends first

    @property
    def cue_hits(self) -> tuple[list[int], list[int], list[str]]:
        """Starts, ends and lower-cased text of the whole words outside quote marks that are
        (lower-cased) one of :func:`_filter_words`, in text order, from one scan of the text."""
        if self._cue_hits is None:
            starts, ends, lows = [], [], []
            text, words = self.text, _filter_words()
            for s, e in _word_hits(text):
                low = text[s:e].lower()
                if low in words and not self.in_quote(s, e):
                    starts.append(s)
                    ends.append(e)
                    lows.append(low)
            self._cue_hits = (starts, ends, lows)
        return self._cue_hits

    # ----------------------------------------------------------------- noun phrases

    def entity_for(self, start: int, end: int, np_text: str) -> str:
        """The speaker value of a noun phrase whose head word ends at ``end``: the entity of a
        mention holding that word, an entity whose role the phrase names, else the phrase."""
        last = self.text[start:end].rstrip(").” \"'")
        m = self.mention_at(start + max(0, len(last) - 1))
        if m is not None:
            return m.entity_id
        words = np_text.split(None, 1)
        if len(words) == 2 and words[0].lower() == "the":
            return self.roles.get(words[1].lower(), np_text)  # "the Defence Secretary"
        return np_text

    def in_timex(self, start: int) -> bool:
        if self._timexes is None:  # built when a subject is first looked for
            spans = sorted((t.start, t.end) for t in self.doc.timexes)
            self._timexes = (spans, [a for a, _ in spans])
        spans, starts = self._timexes
        i = bisect_right(starts, start) - 1
        return i >= 0 and start < spans[i][1]

    def skippable(self, tok: _Tok) -> bool:
        """Words between a subject and its verb: auxiliaries, adverbs, time expressions
        ("has also", "last November", "publicly")."""
        low = tok[3]
        return (low in self.lex["auxiliaries"] or (low.endswith("ly") and tok[2][0].islower() and len(low) > 4)
                or self.in_timex(tok[0]))

    def np_left(self, toks: list[_Tok], i: int, limit: int = 7) -> int | None:
        """Index of the first token of the noun phrase ending at ``toks[i]``, or None."""
        lex = self.lex
        if i < 0 or not toks[i][4] or toks[i][3] in lex["clause_words"]:
            return None
        j = i
        while j - 1 >= 0 and i - j + 1 < limit:
            prev = toks[j - 1]
            if "\n" in self.text[prev[1]:toks[j][0]]:
                break  # a noun phrase never crosses a paragraph
            if prev[2] in ("’", "'") or prev[3] in ("’s", "'s"):
                j -= 1  # possessive: "Seoul's"
                continue
            if not prev[4]:
                break
            if prev[3] in lex["determiners"]:
                j -= 1
                break
            if prev[3] in lex["clause_words"] or prev[3] in lex["speech_verbs"] or prev[3] in lex["auxiliaries"]:
                break
            j -= 1
        return j

    def describe(self, toks: list[_Tok], j: int, i: int, verb: str | None, head: int | None = None) -> _Speaker:
        """A speaker from the noun phrase ``toks[j..i]`` whose head word is ``toks[head]``
        (default: the last), resolving a bare definite description ("the official") to an
        earlier, fuller one with the same head noun."""
        head = i if head is None else head
        start, end = toks[j][0], toks[i][1]
        np_text = self.text[start:end]
        value = self.entity_for(start, toks[head][1], self.text[start:toks[head][1]])
        if value == self.text[start:toks[head][1]]:
            value = np_text
            if toks[j][3] == "the" and head == i and i - j <= 2:
                antecedent = self.antecedent(toks[i][3], start, np_text)
                if antecedent:
                    value = antecedent
        return _Speaker(value, np_text, start, end, verb)

    def antecedent(self, head: str, before: int, current: str) -> str | None:
        """The nearest earlier noun phrase with head noun ``head`` that says more than
        ``current`` ("a senior presidential official" for "the official")."""
        lo = max(0, before - _ANTECEDENT_WINDOW)
        window = self.text[lo:before].lower()
        pos = len(window)
        for _ in range(6):
            pos = window.rfind(head, 0, pos)
            if pos < 0:
                return None
            s, e = lo + pos, lo + pos + len(head)
            if (s > 0 and self.text[s - 1].isalnum()) or (e < len(self.text) and self.text[e].isalnum()):
                continue
            toks = self.tokens(max(0, s - 120), e, skip_quotes=False)
            if not toks or toks[-1][1] != e:
                continue
            j = self.np_left(toks, len(toks) - 1)
            if j is None:
                continue
            np_text = self.text[toks[j][0]:e]
            if np_text.lower() != current.lower() and (toks[j][3] in ("a", "an") or len(toks) - j >= 3):
                m = self.mention_at(e - 1)
                return m.entity_id if m is not None else np_text
        return None

    def subject(self, toks: list[_Tok], v: int, verb: str | None) -> _Speaker | None:
        """The speaker named by the subject of the verb ``toks[v]`` (rules in the module doc)."""
        lex = self.lex
        i = v - 1
        skipped = 0
        while i >= 0 and self.skippable(toks[i]) and skipped < 6:
            i -= 1
            skipped += 1
        if i < 0:
            return None
        t = toks[i]
        if t[3] in lex["pronouns"]:
            person = self.person_before(t[0])
            return _Speaker(person.entity_id if person else None, t[2], t[0], t[1], verb)
        if t[3] == "who" and i >= 2 and toks[i - 1][2] == ",":
            return self._before_comma(toks, i - 1, verb)
        if t[3] in lex["other_pronouns"]:
            return _Speaker(None, t[2], t[0], t[1], verb)
        if t[2] in (",", ")"):
            return self.apposed_subject(toks, i, verb)
        return self._noun_phrase_subject(toks, i, verb)

    def _before_comma(self, toks: list[_Tok], comma: int, verb: str | None) -> _Speaker | None:
        """``X, who said``: the noun phrase right before the comma."""
        return self._noun_phrase_subject(toks, comma - 1, verb) if comma >= 1 else None

    def _noun_phrase_subject(self, toks: list[_Tok], i: int, verb: str | None) -> _Speaker | None:
        """The noun phrase ending at ``toks[i]``; through "of"/"at"/"in"... to the phrase it
        modifies ("Mike Gikas of Consumer Reports", "representatives at stores in the US")."""
        span = self._np_or_mention(toks, i)
        if span is None:
            return None
        j, mention = span
        hopped = False
        for _hop in range(3):
            if mention is not None and mention.kind is EntityKind.PERSON:
                break  # a person named right before the verb is the speaker
            if not (j >= 2 and toks[j - 1][3] in _PREPOSITIONS and toks[j - 2][4]
                    and toks[j - 2][3] not in self.lex["clause_words"]):
                break
            outer = self._np_or_mention(toks, j - 2)
            if outer is None:
                break
            if mention is not None and toks[j - 2][3] in self.lex["vehicle_nouns"]:
                break  # "a statement from Apple": Apple speaks
            j, mention = outer
            hopped = True
        if mention is not None:
            return _Speaker(mention.entity_id, mention.text, mention.start, mention.end, verb)
        if not hopped:
            return self.describe(toks, j, i, verb)
        head = j
        while head < i and toks[head + 1][3] not in _PREPOSITIONS:
            head += 1
        return self.describe(toks, j, i, verb, head=head)

    def _np_or_mention(self, toks: list[_Tok], i: int) -> tuple[int, Mention | None] | None:
        """First token index of the mention or noun phrase ending at ``toks[i]``."""
        if i < 0 or not toks[i][4]:
            return None
        m = self.mention_at(toks[i][0])
        if m is not None:
            j = i
            while j - 1 >= 0 and toks[j - 1][0] >= m.start:
                j -= 1
            if j >= 1 and toks[j - 1][3] in self.lex["determiners"]:
                j -= 1  # "the United States"
            return j, m
        j = self.np_left(toks, i)
        return None if j is None else (j, None)

    def apposed_subject(self, toks: list[_Tok], comma: int, verb: str | None) -> _Speaker | None:
        """``X, the U.S. Ambassador to the UN, said``: the first noun phrase of the clause that
        is not an opening adverbial ("Meanwhile,", "In Europe,"); but when that phrase names
        nobody and a later one is exactly a name ("an analyst, Richard Aboulafia, said"), the
        name."""
        lex = self.lex
        lo = max(0, comma - 40)
        for k in range(comma - 1, lo - 1, -1):
            if toks[k][2] in (";", ":", "—"):  # within one sentence, a dot is an abbreviation
                lo = k + 1
                break
        segments: list[tuple[int, int]] = []
        seg_start = lo
        for k in range(lo, comma + 1):
            if toks[k][2] == ",":
                if k > seg_start:
                    segments.append((seg_start, k - 1))
                seg_start = k + 1
        for n, (a, b) in enumerate(segments):
            first = toks[a]
            if first[3] in lex["clause_words"] and first[3] not in lex["determiners"]:
                continue  # "In Europe", "While ...": an adverbial, not the subject
            if b == a and first[3] in _OPENING_ADVERBS:
                continue  # "Meanwhile,", "Separately,"
            if b - a > 8:
                return None
            m = self.mention_at(toks[b][0])
            if m is not None:
                return _Speaker(m.entity_id, m.text, m.start, m.end, verb)
            for a2, b2 in segments[n + 1:]:
                name = self.mention_at(toks[a2][0])
                if (name is not None and name.kind in (EntityKind.PERSON, EntityKind.ORG)
                        and name.start <= toks[a2][0] and toks[b2][1] <= name.end):
                    return _Speaker(name.entity_id, name.text, name.start, name.end, verb)
            j = self.np_left(toks, b, limit=10)
            if j is None or j != a:
                continue
            return self.describe(toks, j, b, verb)
        return None

    def apposed_name(self, toks: list[_Tok], b: int) -> _Speaker | None:
        """``said the prime minister, Keir Starmer.``: a PERSON/ORG name set after the phrase
        ending at ``toks[b]`` and closing the clause."""
        if b + 2 >= len(toks) or toks[b + 1][2] != ",":
            return None
        m = self.mention_at(toks[b + 2][0])
        if m is None or m.kind not in (EntityKind.PERSON, EntityKind.ORG) or m.start != toks[b + 2][0]:
            return None
        k = b + 2
        while k + 1 < len(toks) and toks[k + 1][0] < m.end:
            k += 1
        if k + 1 < len(toks) and toks[k + 1][4]:
            return None  # the clause goes on: not an apposition
        return _Speaker(m.entity_id, m.text, m.start, m.end, None)

    def _name_follows(self, toks: list[_Tok], i: int) -> bool:
        """``toks[i]`` (after an article) is a capitalised word: a preposition's object that is a
        name ("of Consumer Reports", "at the Pentagon")."""
        if i < len(toks) and toks[i][3] in ("the", "a", "an"):
            i += 1
        return i < len(toks) and toks[i][4] and toks[i][2][:1].isupper()

    def np_right(self, toks: list[_Tok], k: int, limit: int = 8) -> tuple[int, int, int] | None:
        """The noun phrase starting at ``toks[k]`` up to punctuation, a clause word or a
        participle: ``said Mr Healey``, ``according to Seoul's spy agency``, ``a statement by
        Boeing`` (not "Boeing given by"). A bracketed acronym right after it belongs to it
        ("Seoul's National Intelligence Service (NIS)"). Returns (first, last, head): the head
        is the last word before a preposition ("Mike Gikas" of Consumer Reports)."""
        lex = self.lex
        if k >= len(toks) or not toks[k][4]:
            return None
        first = toks[k]
        if first[3] in lex["clause_words"] and first[3] not in lex["determiners"]:
            return None
        j = k
        while j + 1 < len(toks) and j + 1 - k < limit:
            nxt = toks[j + 1]
            if nxt[2] in ("’", "'") or nxt[3] in ("’s", "'s"):
                j += 1
                continue
            if not nxt[4]:
                break
            if nxt[2][0].islower() and (nxt[3] in lex["speech_verbs"] or nxt[3] in lex["claim_verbs"]):
                break  # "Consumer Reports" is a name; "reports" a verb
            if nxt[3] in lex["clause_words"] and nxt[3] not in _PREPOSITIONS:
                break
            if nxt[3] in _PREPOSITIONS and toks[j][2][:1].isupper() and not self._name_follows(toks, j + 2):
                # "said Juan Ferrando in a post-match press conference": a name ends before a
                # preposition whose object is no name ("of Consumer Reports" is; "a spokesman
                # for the ministry" is a description and keeps its words)
                break
            if nxt[2][0].islower() and (nxt[3].endswith(("ed", "ing")) or nxt[3] in _PARTICIPLES):
                break
            if "\n" in self.text[toks[j][1]:nxt[0]]:
                break
            j += 1
        while j > k and toks[j][3] in _PREPOSITIONS:
            j -= 1
        if (j + 3 < len(toks) and toks[j + 1][2] == "(" and toks[j + 2][4]
                and toks[j + 3][2] == ")"):
            j += 3
        head = k
        while head < j and toks[head + 1][3] not in _PREPOSITIONS and toks[head + 1][2] != "(":
            head += 1
        return k, j, head


# --------------------------------------------------------------------------- quote spans


def _raw_quotes(d: _Doc) -> list[_RawQuote]:
    """Pair quote marks block by block (rules in the module docstring)."""
    text = d.text
    marks = _mark_offsets(text)
    found: list[_RawQuote] = []
    carry: _RawQuote | None = None  # a quote left open at the end of the previous paragraph
    if not marks:
        return found
    for bi, (lo, hi) in enumerate(d.blocks):
        a = bisect_left(marks, lo)
        b = bisect_left(marks, hi, a)
        if a == b:
            # No mark: nothing opens or closes, and no quote is carried in (a carried quote
            # needs this paragraph to open with a mark).
            carry = None
            continue
        first = lo
        while first < hi and text[first].isspace():
            first += 1
        cur: _RawQuote | None = None
        open_at: int | None = None
        if carry is not None and first < hi and text[first] in "\"“":
            cur, open_at = carry, first
        carry = None
        for i in marks[a:b]:
            c = text[i]
            if i == first and cur is not None and open_at == i:
                continue
            if open_at is None:
                if c == "”" or (c == '"' and _is_glued_closer(text, i, lo, hi)):
                    continue  # a stray closer, an inch mark
                cur, open_at = _RawQuote(open=i, close=i, first_block=bi), i
                continue
            if c == "“" or (c == '"' and i > lo and text[i - 1].isspace() and i + 1 < hi
                            and not text[i + 1].isspace()):
                # An opener while a quote is open: the earlier one was never closed.
                cur, open_at = _RawQuote(open=i, close=i, first_block=bi), i
                continue
            if cur is None:  # unreachable: open_at is only set together with cur
                continue
            cur.pieces.append((open_at + 1, i))
            cur.close, cur.block = i, bi
            found.append(cur)
            cur, open_at = None, None
        if cur is not None and open_at is not None and bi + 1 < len(d.blocks):
            nlo, nhi = d.blocks[bi + 1]
            j = nlo
            while j < nhi and text[j].isspace():
                j += 1
            if j < nhi and text[j] in "\"“" and len(cur.pieces) < _MAX_PARAGRAPHS:
                cur.pieces.append((open_at + 1, hi))
                carry = cur
    return found


#: Where a single-quote mark opens a quote: after the start of a block, white space or an
#: opening bracket, dash or colon, and before a letter or digit ("'We will'"), but not an
#: elided year ("the '90s"). The mark comes first and what stands before it is a look-behind
#: over the mark: a pattern that opens with a character class lets the engine skip to the
#: next mark in C instead of trying a match at every character.
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—–:][‘'])(?=[^\W_])(?!\d\ds\b)")
#: Where one closes: after a letter, digit or . , ! ? and before white space, punctuation or
#: the end; an apostrophe inside a word ("We're") has a letter after it and never closes.
_SINGLE_CLOSE = re.compile(r"[’'](?<=(?:[^\W_]|[.,!?])[’'])(?![^\W_])")


def _single_quotes(d: _Doc) -> list[_RawQuote]:
    """Single-quoted speech (‘...’ or '...'), read only in paragraphs holding no double quote
    mark at all, as news that quotes with single marks does (in a paragraph with double
    marks, single ones are nested quotes or apostrophes). Each opener pairs with the next
    closer in its paragraph; an opener with none is dropped. The speaker rules are the
    double quotes' ones; a short quote with nobody saying it is dropped as a scare quote."""
    text = d.text
    if "'" not in text and "‘" not in text:
        return []
    found: list[_RawQuote] = []
    for bi, (lo, hi) in enumerate(d.blocks):
        para = text[lo:hi]
        if ("'" not in para and "‘" not in para) or '"' in para or "“" in para or "”" in para:
            continue
        pos = 0
        while True:
            m = _SINGLE_OPEN.search(para, pos)
            if m is None:
                break
            c = _SINGLE_CLOSE.search(para, m.end() + 1)
            if c is None:
                break
            q = _RawQuote(open=lo + m.start(), close=lo + c.start(), first_block=bi)
            q.pieces.append((q.open + 1, q.close))
            q.block = bi
            found.append(q)
            pos = c.end()
    return found


def _mark_offsets(text: str) -> list[int]:
    """Offsets of the quote marks (:data:`_MARK`) in ``text``, in order: one ``str.find`` pass
    per mark character, cheaper than the pattern's per-character class test."""
    out: list[int] = []
    for ch in "\"“”":
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


# --------------------------------------------------------------------------- speakers


def _tail_speaker(d: _Doc, q: _RawQuote) -> _Speaker | None:
    """``"...," X said`` / ``"...," said X`` / ``"...," he added`` right after the quote."""
    lex = d.lex
    s_lo, s_hi = d.sentence_of(q.close)
    _bi, _blo, b_hi = d.block_of(q.close)
    hi = min(max(s_hi, q.close + 1), b_hi if b_hi > q.close else s_hi, q.close + _TAIL_WINDOW)
    next_open = d.next_quote(q.close + 1)
    if next_open is not None:
        hi = min(hi, next_open)  # the next quote's words are its own
    toks = d.tokens(q.close + 1, hi)
    k = 0
    while k < len(toks) and toks[k][2] in (",", ".", "!", "?", "—", "–", "-", "…"):
        k += 1
    commas = 0
    for v in range(k, min(len(toks), k + 16)):
        t = toks[v]
        if t[2] == "," and v > k and commas < 2:
            commas += 1  # '"...," X, a spokesman for Y, said.'
            continue
        if not t[4]:
            return None
        if t[3] in _QUOTING_VERBS:
            found = _quoted_as(d, toks, v)
            if found is not None:
                return found
        if d.is_verb(toks, v):
            if v == k:  # "said X"
                span = d.np_right(toks, v + 1)
                if span is None:
                    return None
                a, b, head = span
                if toks[b][3] in lex["pronouns"]:
                    return d.subject(toks, b + 1, t[3])
                described = d.describe(toks, a, b, t[3], head=head)
                if d.mention_at(toks[head][0]) is None:
                    named = d.apposed_name(toks, b)  # "said the prime minister, Keir Starmer."
                    if named is not None:
                        named.verb = t[3]
                        return named
                return described
            return d.subject(toks[k:v + 1], v - k, t[3])
        if t[3] == "according" and v + 1 < len(toks) and toks[v + 1][3] == "to":
            return None  # rule 3 reads it
    return None


#: Verbs that report another's words through their object: "the agency quoted X as saying".
_QUOTING_VERBS = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})
_AS_SAYING = frozenset({"saying", "telling", "stating", "writing", "warning", "adding"})


#: The most words a speaker label before a colon may have ("Burnley manager Sean Dyche:").
_LABEL_MAX_TOKENS = 8


def _quoted_as(d: _Doc, toks: list[_Tok], v: int) -> _Speaker | None:
    """``<source> quoted <X> as saying``: the speaker is X, not the source."""
    span = d.np_right(toks, v + 1)
    if span is None:
        return None
    a, b, head = span
    if b + 2 < len(toks) and toks[b + 1][3] == "as" and toks[b + 2][3] in _AS_SAYING:
        return d.describe(toks, a, b, toks[b + 2][3], head=head)
    return None


def _head_speaker(d: _Doc, q: _RawQuote) -> _Speaker | None:
    """The last speech verb before the quote in its sentence, and its subject."""
    s_lo, _s_hi = d.sentence_of(q.open)
    _bi, b_lo, _b_hi = d.block_of(q.open)
    lo = max(s_lo if s_lo <= q.open else b_lo, q.open - _HEAD_WINDOW)
    toks = d.tokens(lo, q.open)
    for v in range(len(toks) - 1, max(-1, len(toks) - 26), -1):
        if toks[v][3] in _QUOTING_VERBS:
            found = _quoted_as(d, toks, v)
            if found is not None:
                return found
        if d.is_verb(toks, v):
            if d.passive(toks, v):
                continue  # "are said to": passive, no speaker
            return d.subject(toks, v, toks[v][3])
    # 'Zelensky: "We will win"', 'Burnley manager Sean Dyche: "..."' (headlines, interviews,
    # match reports): a name, maybe after its role, and a colon; no verb before it.
    if len(toks) >= 2 and toks[-1][2] == ":" and toks[-2][4]:
        m = d.mention_at(toks[-2][0])
        if (m is not None and m.kind in (EntityKind.PERSON, EntityKind.ORG)
                and (all(m.start <= t[0] for t in toks[:-1])
                     or (len(toks) <= _LABEL_MAX_TOKENS and not any(t[2] in ",;" for t in toks)
                         and not any(d.is_verb(toks, i) for i in range(len(toks) - 2))))):
            return _Speaker(m.entity_id, m.text, m.start, m.end, None)
    return None


def _according_to(d: _Doc, q: _RawQuote) -> _Speaker | None:
    s_lo, _ = d.sentence_of(q.open)
    _, s_hi = d.sentence_of(q.close)
    lo, hi = max(s_lo, q.open - _HEAD_WINDOW), min(max(s_hi, q.close + 1), q.close + _TAIL_WINDOW)
    if "according" not in d.text[lo:hi].lower():
        return None  # a token lower-casing to "according" would show in the lower-cased window
    toks = d.tokens(lo, hi)
    for k in range(len(toks) - 2):
        if toks[k][3] == "according" and toks[k + 1][3] == "to":
            span = d.np_right(toks, k + 2)
            if span is not None:
                return d.describe(toks, span[0], span[1], "according to", head=span[2])
    return None


#: A quoted phrase this short whose every word is capitalised, with nobody saying it, is a
#: title ('High School Musical', "The Art of the Deal"), not speech.
_MAX_TITLE_WORDS = 8


def _title_case(text: str, pieces: list[tuple[int, int]]) -> bool:
    words = [w for s, e in pieces for w in text[s:e].split()]
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words) and words[0][0].isupper()


_TITLE_SMALL = frozenset("a an the of and or for to in on at by with from".split())


#: Quoted words this few in a headline, or after "so-called", are a label, not speech.
_SCARE_MAX_WORDS = 3
_SO_CALLED = re.compile(r"(?i:so[- ]called|dubbed|termed)\s*\Z")


def _in_headline(doc: Document, pos: int) -> bool:
    return any(b.start <= pos < b.end for b in doc.blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING))


def find_quotes(doc: Document) -> list[Quote]:
    """Needs: ``doc.blocks``, ``doc.sentences``, ``doc.mentions``, ``doc.entities``. Fills:
    ``doc.quotes`` — direct quotes with their speakers, in text order (rules in the module
    docstring)."""
    d, raws = _prepared(doc)
    quotes: list[Quote] = []
    previous: tuple[_RawQuote, _Speaker | None] | None = None
    for q in raws:
        pieces = [_trim(d.text, s, e) for s, e in q.pieces]
        pieces = [(s, e) for s, e in pieces if e > s]
        if not pieces or not any(ch.isalnum() for s, e in pieces for ch in d.text[s:e][:200]):
            continue
        speaker = _tail_speaker(d, q) or _head_speaker(d, q) or _according_to(d, q)
        if speaker is None and previous is not None:
            prev_q, prev_speaker = previous
            _bi, b_lo, _ = d.block_of(q.open)
            opens_block = d.text[b_lo:q.open].strip() == ""
            if prev_speaker is not None and (prev_q.block == q.first_block
                                             or (opens_block and prev_q.block == q.first_block - 1)):
                speaker = prev_speaker
        words = sum(len(d.text[s:e].split()) for s, e in pieces)
        if speaker is None and (words < 3 or (words <= _MAX_TITLE_WORDS and _title_case(d.text, pieces))):
            continue  # a scare quote or a title with nobody saying it
        if words <= _SCARE_MAX_WORDS and (_in_headline(doc, q.open) or _SO_CALLED.search(d.text, max(0, q.open - 12), q.open)):
            continue  # "Reform's 'racist' plans", 'the so-called "white collar exemption"' 
        previous = (q, speaker)
        start, end = pieces[0][0], pieces[-1][1]
        quotes.append(construct_unchecked(Quote, {  # every field given, of its type
            "speaker": speaker.speaker if speaker else None,
            "speaker_text": speaker.text if speaker else None,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "text": "\n".join(d.text[s:e] for s, e in pieces),
            "start": start, "end": end,
            "verb": speaker.verb if speaker else None,
        }))
    return quotes


# --------------------------------------------------------------------------- attributions


def _attribution(d: _Doc, sp: _Speaker, cue: str, s: int, e: int) -> Attribution:
    # Every field is given and already of its type: no validation needed.
    return construct_unchecked(Attribution, {
        "source": sp.speaker, "source_text": sp.text, "source_start": sp.start,
        "source_end": sp.end, "cue": cue, "text": d.text[s:e], "start": s, "end": e})


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every lower-cased word a rule of :func:`_sentence_attributions` can start at: a source
    cue's first word, a participle cue, a claim verb."""
    lex = _lexicon()
    return frozenset(lex["source_cues"]) | _PARTICIPLE_CUES | lex["claim_verbs"]


@lru_cache(maxsize=1)
def _filter_words() -> frozenset[str]:
    """Words one of which every sentence :func:`_sentence_attributions` finds anything in
    holds outside quote marks: the claim verbs and participle cues, and of each source cue
    its first word that is not a determiner ("report" for "a report by": "a" is in nearly
    every sentence, and a cue matches only when all its words are there)."""
    return _source_cue_words() | _PARTICIPLE_CUES | _lexicon()["claim_verbs"]


@lru_cache(maxsize=1)
def _source_cue_words() -> frozenset[str]:
    """Of each source cue, its first word that is not a determiner."""
    lex = _lexicon()
    firsts = set()
    for cues in lex["source_cues"].values():
        for cue in cues:
            firsts.add(next((w for w in cue if w not in lex["determiners"]), cue[0]))
    return frozenset(firsts)


@lru_cache(maxsize=1)
def _open_cue_words() -> frozenset[str]:
    """Cue words whose rules may fire with nothing particular after them: source cues, the
    inverting verbs (", said X.") and said/says/told/tells with a clause."""
    return _source_cue_words() | _INVERTING_VERBS | frozenset(("said", "says", "told", "tells"))


def _sentence_tail(text: str, s: int, e: int) -> tuple[int, int, int]:
    """Of the sentence ``text[s:e]``: where its last "that" (any case) starts, its last quote
    mark, its last word character (-1 when none; ``e`` for "that" when lower-casing changes the
    sentence's length, so that every cue word counts as followed by one). Read once per
    sentence, so that testing each of its cue words costs no rescan (a hostile sentence may
    hold thousands)."""
    low = text[s:e].lower()
    if len(low) != e - s:
        that = e
    else:
        j = low.rfind("that")
        that = s + j if j >= 0 else -1
    mark = max(text.rfind(ch, s, e) for ch in "\"“”")
    k = e - 1
    while k >= s and not ((c := text[k]).isalnum() or c == "_"):
        k -= 1
    return that, mark, k


def _hit_live(word: str, end: int, tail: tuple[int, int, int]) -> bool:
    """Whether the cue word ``word`` ending at ``end`` may start a rule of
    :func:`_sentence_attributions` (a necessary condition, read on the text); ``tail`` is
    :func:`_sentence_tail` of its sentence.

    Any other participle or claim verb reports a claim only with a "that" after it ("insisting
    that", "announced on Monday that") or when it closes the sentence ("..., a senior official
    indicated."); a quote mark after it may hide the words that would follow it."""
    if word in _open_cue_words():
        return True
    that, mark, last_word_char = tail
    return that >= end or mark >= end or last_word_char < end


def _sentence_attributions(d: _Doc, s: int, e: int) -> list[Attribution]:
    lex = d.lex
    cue_words = _cue_words()
    toks = d.tokens(s, e)
    out: list[Attribution] = []
    seen: set[int] = set()

    def add(sp: _Speaker | None, cue: str) -> None:
        # One claim per source per sentence: "A statement from Apple stated that" is one.
        if sp is None or not sp.text.strip() or sp.start in seen:
            return
        seen.add(sp.start)
        out.append(_attribution(d, sp, cue, s, e))

    def quoted_before(tok: _Tok) -> bool:
        """A quote mark right before this comma: the clause is a direct quote's tail."""
        return any(ch in d.text[max(s, tok[0] - 2):tok[0]] for ch in "\"”")

    n = len(toks)
    last_word = n - 1
    while last_word >= 0 and not toks[last_word][4]:
        last_word -= 1
    # Only cue words start a rule (most words of a sentence are none).
    for k in [x for x, tok in enumerate(toks) if tok[3] in cue_words]:
        t = toks[k]
        if len(out) >= MAX_PER_SENTENCE:
            break
        # Source cues: "according to X", "quoted by X", "reports from X".
        for cue in lex["source_cues"].get(t[3], ()):
            if k + len(cue) <= n and all(toks[k + x][3] == cue[x] for x in range(len(cue))):
                span = d.np_right(toks, k + len(cue))
                if span is not None:
                    add(d.describe(toks, span[0], span[1], None, head=span[2]), " ".join(cue))
                break
        if (t[3] in _PARTICIPLE_CUES and k > 0 and toks[k - 1][2] == ","
                and any(toks[x][3] == "that" for x in range(k + 1, min(n, k + 4)))):
            # "Moscow, ..., has defended its ties, insisting that ...": the sentence's subject.
            add(d.apposed_subject(toks, k - 1, t[3]), t[3])
            continue
        if not d.is_verb(toks, k, "claim_verbs") or d.passive(toks, k):
            continue
        nxt = toks[k + 1] if k + 1 < n else None
        # "X said that ...", "X told MPs that ...", "X said on Sunday that ..."
        that_at = None
        for x in range(k + 1, min(n, k + 6)):
            if toks[x][3] == "that":
                that_at = x
                break
            if not toks[x][4]:
                break
        if that_at is not None:
            add(d.subject(toks, k, t[3]), t[3])
            continue
        # Inverted, closing the sentence: "..., said Mike Gikas of Consumer Reports."
        if k > 0 and toks[k - 1][2] == "," and t[3] in _INVERTING_VERBS and nxt is not None:
            span = d.np_right(toks, k + 1)
            if span is not None and span[1] >= last_word:
                if not quoted_before(toks[k - 1]):
                    add(d.describe(toks, span[0], span[1], t[3], head=span[2]), t[3])
                continue
        # Postposed: "..., a senior presidential official indicated." closing the sentence.
        if k >= last_word:
            comma = None
            for x in range(k - 1, max(-1, k - 10), -1):
                if toks[x][2] == ",":
                    comma = x
                    break
                if not toks[x][4] and toks[x][2] not in ("’", "'"):
                    break
            if comma is None or comma == k - 1 or quoted_before(toks[comma]):
                continue  # no subject, or a direct quote's speaker: find_quotes has it
            sub = toks[comma + 1:k + 1]
            add(d.subject(sub, len(sub) - 1, t[3]), t[3])
            continue
        # 'X said: "..."', 'X told the Commons "..."': a direct quote's speaker, not a claim.
        q_next = d.next_quote(t[1])
        if q_next is not None and q_next < e and q_next - t[1] <= 60 and not any(
                ch in d.text[t[1]:q_next] for ch in ",.;"):
            continue
        if d.quote_tail(t[0], s):
            continue  # '"...," a spokesperson told reporters': the quote's speaker
        # "Officials said the troops had arrived": said/says/told followed by a clause.
        if (t[3] in ("said", "says", "told", "tells") and nxt is not None and nxt[4]
                and nxt[3] not in ("to", "by")):
            sp = d.subject(toks, k, t[3])
            if sp is not None and sp.start < t[0]:
                add(sp, t[3])
    return out


def find_attributions(doc: Document) -> list[Attribution]:
    """Needs: ``doc.blocks``, ``doc.sentences``, ``doc.mentions``, ``doc.entities``. Fills:
    ``doc.attributions`` — reported claims and their sources, in text order (rules in the
    module docstring)."""
    d, _raws = _prepared(doc)
    spans = d.sentences or list(d.blocks)
    out: list[Attribution] = []
    text, n = d.text, len(d.text)
    hit_starts, hit_ends, hit_words = d.cue_hits
    n_hits = len(hit_starts)
    open_words = _open_cue_words()
    for s, e in spans:
        # d.has_cue(s, e), inlined: this runs for every sentence of every document.
        if (0 < s < n and ((c := text[s - 1]).isalnum() or c == "_")
                and ((c := text[s]).isalnum() or c == "_")) or (
                0 < e < n and ((c := text[e - 1]).isalnum() or c == "_")
                and ((c := text[e]).isalnum() or c == "_")):  # (_cuts_word, inlined)
            if not d.has_cue(s, e):
                continue
        else:
            i = bisect_left(hit_starts, s)
            if i == n_hits or hit_ends[i] > e:
                continue  # no rule of _sentence_attributions starts in this sentence (most)
            # The sentence's cue words (whole words inside it: hits are disjoint and sorted);
            # tokenise it only when one of them may start a rule.
            tail = None
            while i < n_hits and hit_ends[i] <= e:
                if hit_words[i] in open_words:
                    break
                if tail is None:
                    tail = _sentence_tail(text, s, e)
                if _hit_live(hit_words[i], hit_ends[i], tail):
                    break
                i += 1
            if i == n_hits or hit_ends[i] > e:
                continue
        _bi, _lo, _hi = d.block_of(s)
        if _bi < 0 and doc.blocks:
            continue  # a sentence outside prose (dateline)
        out.extend(_sentence_attributions(d, s, e))
    out.sort(key=lambda a: (a.start, a.source_start))
    return out
