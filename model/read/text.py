"""Pasted web articles (``.txt``): the structure a reader sees, recovered from plain lines.

A news page copied from a browser comes out as lines: the headline, a date, a byline (often
twice: the author card "EJ Ward" and "By EJ Ward"), image captions (often twice: the alt text,
then the same words with "Picture: Getty"), site furniture ("Listen to this article",
"Advertisement"), "Read more:" links to other stories, section headings and paragraphs.
:func:`structure_text` labels each line with general rules of such pastes:

- **title**: the first non-empty line that is not site furniture (up to 300 characters);
- **dateline** (in the header): a line that is wholly a date, see :mod:`model.read.dates` (the
  line right under the title may also carry a place or source beside a complete date), or a
  wire opening ``KYIV, March 3 (Reuters) -`` at the start of the first paragraph, which then
  splits into a dateline block and a paragraph block;
- **byline**: ``By A``, ``By A and B``, ``By A, B and C``, with ``, Reuters`` / ``| CNN`` /
  ``for MailOnline`` taken as the source; a bare author card in the header ("EJ Ward",
  "Shaun Walker in Kyiv") counts when a ``By`` line names the same person, or it sits right
  against the dateline or a role line ("Security correspondent");
- **caption**: an alt-text line followed by the same words plus a credit (``Picture: Getty``,
  ``Photo: Reuters``, ``(Image: AP)``, ``Credit: ...``, ``Photograph: ...``), collapsed into one
  block with the credit and one copy of the words marked; a lone credited line is a caption too,
  as are labelled captions (``Image source, Getty Images`` + ``Image caption, ...``) and a
  caption line under a line that is only a picture agency's name;
- **related**: ``Read more:``, ``Related:``, ``Also read:`` ... lines, with the linked title;
- **boilerplate**: lines listed in ``boilerplate.txt`` (data, not code);
- **standfirst**: the first paragraph when header material follows it before the body (a
  byline or a date; or, for a full sentence, furniture such as "Listen to this article" but
  not an advert slot); pictures in between are skipped;
- **heading**: a short, title-like line standing alone between paragraphs, without final
  punctuation (a short question may be a heading);
- **list_item**: a line opening with a bullet;
- **paragraph**: everything else. Lines not separated by blank lines are one hard-wrapped
  paragraph, unless most such lines end a sentence: then the paste used single newlines and
  each line is a paragraph of its own.

Every block's ``[start, end)`` slices its exact text out of the document text, without the
surrounding white space. Everything here is linear: patterns are anchored or bounded.

Speed: a pasted article is a few dozen lines, so the cost is per line and per document, not per
character. Rules that cannot apply to a line are ruled out by a cheap test first (its first
character, a substring of the lower-cased line) before any pattern is tried; blocks are made
in one pydantic call per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from model.read.dates import DateHit, parse_date_line, wire_dateline
from model.schema import Block, BlockKind, Note

MAX_TITLE = 300

MAX_HEADER_LINES = 16
MAX_CAPTION = 400
MAX_BOILERPLATE = 200

# The kinds as plain names: looking a member up on the enum class costs an attribute lookup
# through the enum machinery, many times per line.
_K_TITLE = BlockKind.TITLE
_K_DATELINE = BlockKind.DATELINE
_K_BYLINE = BlockKind.BYLINE
_K_STANDFIRST = BlockKind.STANDFIRST
_K_HEADING = BlockKind.HEADING
_K_PARAGRAPH = BlockKind.PARAGRAPH
_K_LIST_ITEM = BlockKind.LIST_ITEM
_K_CAPTION = BlockKind.CAPTION
_K_RELATED = BlockKind.RELATED
_K_BOILERPLATE = BlockKind.BOILERPLATE

# --------------------------------------------------------------------------- lines


class Line(NamedTuple):
    """A non-blank line: ``[start, end)`` without surrounding white space, and its group
    (lines not separated by a blank line share a group). A named tuple: made by one C call
    (see :func:`split_lines`), its fields read by C descriptors."""

    start: int
    end: int
    group: int
    text: str


_new_tuple = tuple.__new__


#: A non-blank line's text without its surrounding white space (``\\s`` and ``str.strip`` agree
#: on what white space is). Linear: the inner run backtracks at most over the line's own tail.
_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    append = lines.append
    group = 0
    prev_end = 0  # 0 until the first line (which ends after offset 0)
    count = text.count
    for m in _LINE.finditer(text):
        start, end = m.span()
        # Two newlines between non-blank lines mean a blank line (or one of white space) between.
        if prev_end and count("\n", prev_end, start) >= 2:
            group += 1
        append(_new_tuple(Line, (start, end, group, m.group())))
        prev_end = end
    return lines


# --------------------------------------------------------------------------- boilerplate


@dataclass(frozen=True)
class _Boilerplate:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    interruptions: frozenset[str]  # in-body furniture (advert slots): exact phrases
    #: The ``patterns`` as one alternation, so a line costs one regex call rather than one per
    #: pattern (``fullmatch`` of ``(?:a)|(?:b)`` succeeds exactly when one alternative does).
    combined: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def boilerplate_rules() -> _Boilerplate:
    """The phrases in ``boilerplate.txt`` beside this module."""
    exact: set[str] = set()
    prefixes: list[str] = []
    patterns: list[re.Pattern[str]] = []
    interruptions: set[str] = set()
    path = Path(__file__).with_name("boilerplate.txt")
    for raw in path.read_text(encoding="utf-8").splitlines():
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("~"):
            entry = entry[1:]
            interruptions.add(_norm(entry))
        if entry.startswith("re:"):
            patterns.append(re.compile(entry[3:], re.I))
        elif entry.endswith("*"):
            prefixes.append(_norm(entry[:-1]))
        else:
            exact.add(_norm(entry))
    combined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I) if patterns else None
    return _Boilerplate(frozenset(exact), tuple(prefixes), tuple(patterns), frozenset(interruptions), combined)


_TRAIL = " \t.…:!|·•-–—"


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split()).rstrip(_TRAIL)


def is_boilerplate(line: str) -> bool:
    if len(line) > MAX_BOILERPLATE:
        return False
    return _is_boilerplate_key(_norm(line))


def _lowered(text: str) -> str | None:
    """``text`` lower-cased as :func:`_norm` does, once per document, or None when that moves
    offsets (the dotted capital I lower-cases to two characters)."""
    low = text.lower()
    return low.replace("’", "'") if len(low) == len(text) else None


def _line_key(text: str, low: str | None, line: Line) -> str:
    """``_norm(line.text)``, cut from :func:`_lowered` text when there is one: a line is
    bounded by white space, so its letters lower-case as they would on their own."""
    if low is None:
        return _norm(line.text)
    return " ".join(low[line.start:line.end].split()).rstrip(_TRAIL)


def _is_boilerplate_key(key: str) -> bool:
    """:func:`is_boilerplate` for a line already normalised by :func:`_norm`."""
    rules = boilerplate_rules()
    if not key:
        return True  # only punctuation: separators such as "* * *" or "---"
    if key in rules.exact:
        return True
    if rules.prefixes and key.startswith(rules.prefixes):
        return True
    return rules.combined is not None and rules.combined.fullmatch(key) is not None


# --------------------------------------------------------------------------- related

_RELATED = re.compile(
    r"(?P<label>read more|read also|also read|related(?: article| story| content)?|see also|"
    r"more on this(?: story)?|must read|recommended|read next|don['’]t miss|more|watch|"
    r"also see|further reading|related coverage)\s{0,3}(?:[:|»>\-–—]|\.{3}|…)\s{0,3}(?P<title>\S.{0,400})",
    re.I,
)


#: What a "Read more:" line can open with: the labels' first letters in either case (and the
#: long s, which ``re.IGNORECASE`` takes for an s). One set look-up turns away most lines.
_RELATED_FIRST = frozenset("rRaAsSmMdDwWfF\u017f")


def related_title(line: str) -> tuple[int, str] | None:
    """``(offset of the title in the line, title)`` for a "Read more: ..." line, else None."""
    if len(line) > 420 or line[:1] not in _RELATED_FIRST:
        return None
    m = _RELATED.fullmatch(line)
    if not m:
        return None
    label = m.group("label").lower()
    # "More" and "Watch" are ordinary words; only take them when typeset like a label.
    if label in ("more", "watch") and not (m.group("label").isupper() or ":" in line[: m.start("title")]):
        return None
    return m.start("title"), m.group("title").rstrip()


# --------------------------------------------------------------------------- captions

_CREDIT_LABELS = (
    r"picture credit|photo credit|image credit|image source|photograph|photography|photos|photo|"
    r"pictures|picture|pic|images|image|credit|illustration|graphic|footage|video"
)
#: A credit ending a line: "Picture: Getty", "(Image: AP)", "[Photo: Reuters]", "Photo by X".
_CREDIT = re.compile(
    r"(?P<open>[(\[])?(?P<label>" + _CREDIT_LABELS + r")\s{0,2}(?::|\bby\b)\s{0,3}"
    r"(?P<credit>[^\s:()\[\]][^:()\[\]\n]{0,79}?)\s{0,2}(?P<close>[)\]])?\s{0,2}\Z",
    re.I,
)
#: Agency photo credits in parentheses: "(AP Photo/Evan Vucci)", "(Getty Images)".
_AGENCY_CREDIT = re.compile(
    r"\((?P<credit>(?:[A-Z][A-Za-z.&]{0,10} Photo(?:/[^()\n]{1,60})?)|"
    r"(?:[^()\n]{0,40}?(?:Getty Images|Shutterstock|Alamy|AFP|Reuters|EPA|PA Media|PA Wire|AP)))\s{0,2}\)\s{0,2}\Z"
)
_CAPTION_TAIL = " \t.,;:|-–—"
CREDIT_WINDOW = 120


#: "Image caption, Ukrainian soldiers..." / "Caption: ..." (the caption's words follow the label).
_CAPTION_LABEL = re.compile(r"(?:(?:image|media|photo|picture|video) )?caption\s{0,2}[,:]\s{0,2}(?=\S)", re.I)
#: "Image source, Getty Images" / "Photo credit: Reuters": a credit on a line of its own.
_SOURCE_LABEL = re.compile(r"(?:image|photo|picture|media|video) (?:source|credit)\s{0,2}[,:]\s{0,2}(?=\S)", re.I)
#: A line that is only a picture agency's name (pastes put it above the caption it credits).
_AGENCY_LINE = re.compile(
    r"(?:[A-Z][\w.'’-]{0,20} ){0,3}(?:(?:via|for|/) ?)?(?:Getty Images|Getty|Reuters|AFP|EPA(?:-EFE)?|AP|"
    r"PA(?: Media| Wire)?|Shutterstock|Alamy|Bloomberg|Anadolu(?: Agency)?|NurPhoto|SOPA Images|Xinhua|"
    r"TASS|Sputnik|Zuma Press|Rex Features|Supplied|Handout)"
)
#: The longest line ``_AGENCY_LINE`` matches: three words of 22 characters, "via ", and the
#: longest name ("Anadolu Agency"). Keep in step with the pattern; a test checks the two agree.
_AGENCY_LINE_MAX = 3 * 22 + 4 + len("Anadolu Agency")


@dataclass
class Credit:
    """Where a credit sits inside a line: the caption words end at ``words_end``; the credit's
    name is ``[name_start, name_end)``."""

    words_end: int
    credit_start: int
    name_start: int
    name_end: int
    name: str


def _matches_to_end(pattern: re.Pattern[str], tail: str, pos: int = 0):
    """Matches of ``pattern`` (which ends in ``\\Z``) from left to right, starting at ``pos``,
    so the earliest start, i.e. the whole credit, comes first."""
    while pos < len(tail):
        m = pattern.search(tail, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


#: What every ``_CREDIT`` match contains (its ``:`` or ``by``): most lines have neither near
#: their end, and one scan for these is far cheaper than trying the credit pattern at every
#: position of the window.
_CREDIT_CUE = re.compile(r":|\bby\b", re.I)
#: How far a ``_CREDIT`` match may start before its cue: "[" + the longest label + 2 spaces.
_CREDIT_REACH = 3 + max(len(label) for label in _CREDIT_LABELS.split("|"))


#: Every credit label holds one of these, lower-cased: "pic" for "Picture", "Pictures", "Pic"...
_LABEL_STEMS = ("pic", "photo", "image", "credit", "illustration", "graphic", "footage", "video")
#: Letters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower`` does not turn
#: them into it (dotted and dotless I, long s, Kelvin sign): with one of these in the line, the
#: lower-cased substring tests below prove nothing and the patterns decide.
_CASE_ODDITIES = "\u0130\u0131\u017f\u212a"


def _may_hold_credit(tail: str) -> bool:
    """False only when ``_CREDIT`` cannot match anywhere in ``tail``: it needs a cue (":" or
    "by") and a label. Two substring tests on the lower-cased tail are far cheaper than the
    pattern, which is tried at each position; most lines of an article fail them."""
    if not tail.isascii() and any(c in tail for c in _CASE_ODDITIES):
        return True
    low = tail.lower()
    if ":" not in tail and "by" not in low:
        return False
    for stem in _LABEL_STEMS:
        if stem in low:
            return True
    return False


def _may_hold_labels(text: str, low: str | None) -> bool:
    """False only when no line of ``text`` can hold a ``_CREDIT`` match: no label anywhere.
    ``low`` is ``_lowered(text)``."""
    if low is None or (not text.isascii() and any(c in text for c in _CASE_ODDITIES)):
        return True
    return any(stem in low for stem in _LABEL_STEMS)


def find_credit(line: str) -> Credit | None:
    """A photo credit at the end of ``line``, if any (only the last characters are searched)."""
    base = max(0, len(line) - CREDIT_WINDOW)
    tail = line[base:]
    searches: list[tuple[re.Pattern[str], int]] = []
    cue = _CREDIT_CUE.search(tail) if _may_hold_credit(tail) else None
    if cue is not None:
        # The credit after the cue holds no ":", so the cue is the last ":" or a "by" after it:
        # no match starts further back than that cue's reach.
        colon = tail.rfind(":")
        searches.append((_CREDIT, max(0, (colon if colon >= 0 else cue.start()) - _CREDIT_REACH)))
    # An agency credit closes the line with ")" (then at most white space).
    if tail.rstrip().endswith(")"):
        searches.append((_AGENCY_CREDIT, 0))
    for pattern, from_pos in searches:
        for m in _matches_to_end(pattern, tail, from_pos):
            start = m.start()
            if start > 0 and not (tail[start - 1].isspace() or tail[start - 1] in ".,;:!?)\"”’|-–—"):
                continue
            if pattern is _CREDIT and bool(m.group("open")) != bool(m.group("close")):
                continue
            name = m.group("credit").strip().rstrip(".")
            if not name or len(name.split()) > 8 or not (name[0].isupper() or name[0].isdigit()):
                continue
            # Credits are typeset: "Picture: Getty", never "the picture: ..." in running prose.
            if pattern is _CREDIT and not m.group("label")[0].isupper():
                continue
            name_start = base + m.start("credit")
            words_end = len(line[: base + start].rstrip(_CAPTION_TAIL))
            return Credit(words_end, base + start, name_start, name_start + len(name), name)
    return None


# --------------------------------------------------------------------------- bylines

_PARTICLES = frozenset({
    "de", "da", "del", "della", "der", "den", "van", "von", "bin", "al", "el", "la", "le", "du",
    "dos", "di", "ter", "ten", "y", "zu", "ibn", "abu", "st",
})
_ROLE_WORDS = frozenset({
    "editor", "correspondent", "reporter", "writer", "contributor", "columnist", "analyst",
    "producer", "journalist", "staff", "team", "desk", "bureau", "newsroom", "chief", "senior",
    "political", "diplomatic", "security", "defence", "defense", "business", "economics",
    "technology", "science", "health", "foreign", "international", "north", "south", "east",
    "west", "europe", "asia", "africa", "america", "middle", "special", "investigations",
})
_ORG_WORDS = frozenset({
    "news", "press", "agency", "agencies", "wire", "wires", "service", "media", "times", "post",
    "journal", "herald", "telegraph", "guardian", "reuters", "afp", "ap", "bloomberg", "cnn",
    "bbc", "online", "daily", "tribune", "gazette", "associated", "sky", "radio", "tv",
})
_NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "and", "of", "in", "on", "for", "to", "with", "at", "from", "is", "are",
    "was", "this", "that", "our", "your", "my", "we", "you", "it", "he", "she", "they", "his",
    "her", "their", "not", "no", "new", "how", "why", "what", "when", "where", "who",
})
_BY = re.compile(r"(?:by|words by|written by|reporting by)\s+(?P<rest>\S.{0,200})", re.I)
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.I)
_SOURCE_SPLIT = re.compile(r"\s+[|·•–—]\s+|\s+-\s+|\s*\|\s*")
#: Every ``_SOURCE_SPLIT`` separator holds one of these.
_SPLIT_MARKS = frozenset("|·•–—-")


def _is_name_token(tok: str) -> bool:
    core = tok.strip(".,")
    if not core:
        return False
    if core.lower() in _PARTICLES:
        return True
    if not core[0].isupper():
        return False
    letters = core.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return letters.isalpha() and len(core) <= 25


def is_person_name(text: str, *, min_tokens: int = 2, max_tokens: int = 5) -> bool:
    """A personal name: 2-5 capitalised words (particles and initials allowed)."""
    if len(text) > 60:
        return False
    tokens = text.split()
    if not (min_tokens <= len(tokens) <= max_tokens):
        return False
    if not (tokens[0][0].isupper() and tokens[-1][0].isupper()):
        return False
    for tok in tokens:
        low = tok.strip(".,").lower()
        if low in _NOT_NAME_WORDS or low in _ROLE_WORDS or low in _ORG_WORDS or not _is_name_token(tok):
            return False
    return True


_DIGIT = re.compile(r"\d")


def _dated(line: str, give_up_after: int) -> DateHit | None:
    """``parse_date_line(line, give_up_after=...)`` for callers that only use a hit holding a
    date (a dateline, or a loose one with day, month and year); None for a line without a
    digit, which cannot hold one (days, years and numeric dates are digits). Most lines tried
    in a header are sentences, and one scan for a digit is cheaper than reading them."""
    if _DIGIT.search(line) is None:
        return None
    return parse_date_line(line, give_up_after=give_up_after)


@dataclass
class Byline:
    names: list[str] = field(default_factory=list)
    source: str | None = None
    date: DateHit | None = None


def _looks_like_source(seg: str) -> bool:
    words = seg.split()
    if not words or len(words) > 5 or len(seg) > 40 or not seg[0].isupper():
        return False
    if len(words) == 1:
        return True
    return any(w.lower().strip(".") in _ORG_WORDS for w in words)


def _is_role(seg: str) -> bool:
    words = [w.lower().strip(".,") for w in seg.split()]
    return bool(words) and (words[-1] in _ROLE_WORDS or words[0] in _ROLE_WORDS)


def parse_byline(line: str) -> Byline | None:
    """``By A, B and C, Reuters`` -> names and source; None if the line is not a byline."""
    m = _BY.fullmatch(line)
    if not m:
        return None
    parts = _SOURCE_SPLIT.split(m.group("rest").strip())
    result = Byline()
    for extra in parts[1:]:
        extra = extra.strip()
        if not extra:
            continue
        hit = _dated(extra, 0)
        if hit is not None and hit.is_dateline:
            result.date = hit
        elif is_boilerplate(extra):
            continue
        elif _looks_like_source(extra) and result.source is None:
            result.source = extra
        elif not _is_role(extra):
            return None
    segments = [s for s in _NAME_SPLIT.split(parts[0].strip()) if s]
    for i, seg in enumerate(segments):
        seg = seg.strip().rstrip(".")
        # "EJ Ward in Kyiv", "Jane Doe for the Times": the name is before the first lower-case word.
        words = seg.split()
        cut = next((k for k, w in enumerate(words) if w.lower() in ("in", "for", "at", "from")), None)
        tail = None
        if cut is not None and cut > 0:
            tail = " ".join(words[cut + 1 :])
            seg = " ".join(words[:cut])
            if words[cut].lower() == "for" and tail and result.source is None:
                result.source = re.sub(r"^the\s+", "", tail, flags=re.I) or None
        if is_person_name(seg):
            # "By JANE DOE" is typesetting; the name is Jane Doe.
            result.names.append(seg.title() if seg.isupper() and len(seg) > 3 else seg)
        elif i == len(segments) - 1 and i > 0 and _looks_like_source(seg) and result.source is None:
            result.source = seg
        elif i > 0 and result.source is None and _looks_like_source(seg) and len(seg.split()) > 1:
            result.source = seg  # "By A, BBC News, Kathmandu": the outlet, then the place
        elif i == len(segments) - 1 and i > 1 and result.source is not None and _is_place_label(seg):
            continue
        elif i > 0 and _is_role(seg):
            continue
        else:
            return None
    return result if result.names else None


def _is_place_label(seg: str) -> bool:
    """A place closing a byline after its outlet ("..., BBC News, Kathmandu"): one to three
    capitalised words."""
    words = seg.split()
    return 1 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words)


def author_card(line: str) -> list[str] | None:
    """The names on an author-card line without "By": ``EJ Ward``, ``Shaun Walker in Kyiv``,
    ``Ann Lee and Bo Kim``, ``Jane Doe, Political Editor``; None for anything else."""
    if len(line) > 80 or not line[0].isupper() or line[-1] in ".!?:;\"”":
        return None
    by = parse_byline(f"By {line}")
    return by.names if by is not None and by.names else None


_HANDLE = re.compile(r"@\w{1,30}")


def _is_role_line(line: str) -> bool:
    """"Security correspondent", "Political Editor", "@handle": the second line of a card."""
    if _HANDLE.fullmatch(line):
        return True
    return len(line) <= 60 and line[-1] not in ".!?:;" and _is_role(line) and len(line.split()) <= 5


def add_names(into: list[str], names: list[str]) -> None:
    """Append names not already present (compared without case)."""
    seen = {n.casefold() for n in into}
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            into.append(name)


# --------------------------------------------------------------------------- headings

_SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "to", "for", "at", "by",
    "with", "from", "as", "vs", "via", "into", "over", "under", "between", "about", "after",
    "before", "against", "amid", "than", "up", "off", "out", "is", "are", "its", "it", "be",
})
_BULLET = re.compile(r"(?:[•▪◦‣●○■□➤►*·\-–—]|\d{1,3}[.)])\s+(?=\S)")
_BULLET_MARKS = frozenset("•▪◦‣●○■□➤►*·-–—")


def _bullet(line: str) -> re.Match[str] | None:
    """``_BULLET.match(line)``, without the call for lines that open with neither a bullet nor
    a digit (``\\d`` is what ``str.isdecimal`` accepts)."""
    first = line[:1]
    if first in _BULLET_MARKS or first.isdecimal():
        return _BULLET.match(line)
    return None


def is_heading_text(line: str) -> bool:
    """Short, title-like, no final punctuation; title case, or sentence case when very short."""
    if len(line) > 100 or not line[0].isalnum() or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    if not 1 <= len(words) <= 14:
        return False
    # A short question may be a heading ("What happens next?"); other final punctuation not.
    if line[-1] in ".,;:!\"'”’…)»-–—|" or (line[-1] == "?" and len(words) > 10):
        return False
    if ". " in line or "? " in line or "! " in line:
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    if capitalised / len(content) >= 0.7:
        return True
    return len(words) <= 7


# --------------------------------------------------------------------------- structure


@dataclass
class Structure:
    """What :func:`structure_text` found: blocks and the header facts."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    published: datetime | None = None
    byline: list[str] = field(default_factory=list)
    source: str | None = None
    notes: list[Note] = field(default_factory=list)


HEADERISH = frozenset({_K_DATELINE, _K_BYLINE, _K_CAPTION, _K_BOILERPLATE})


def structure_text(text: str, *, title: str = "detect") -> Structure:
    """Label the lines of a pasted article (see the module docstring).

    ``title``: ``"detect"`` (the first line that is not site furniture, if short enough),
    ``"first"`` (the first line is the title, e.g. a JSONL title field laid out above the body)
    or ``"none"`` (no title line: the first line is read like any other).
    """
    out = Structure()
    lines = split_lines(text)
    n = len(lines)
    if not n:
        return out
    kinds: list[BlockKind | None] = [None] * n
    blocks: dict[int, dict] = {}  # line index -> fields of the block starting there
    absorbed: set[int] = set()  # lines covered by a block that starts on an earlier line
    # (an absorbed line carries its block's kind too, so no rule reads it as a line of its own)

    # Title: the first line that is not site furniture.
    title_idx: int | None = None
    i = 0
    while title == "detect" and i < n and is_boilerplate(lines[i].text):
        kinds[i] = _K_BOILERPLATE
        i += 1
    if title == "first" or (title == "detect" and i < n and len(lines[i].text) <= MAX_TITLE
                            and lines[i].text[-1] not in ",;"):
        title_idx = i
        kinds[i] = _K_TITLE
        out.title = lines[i].text

    # Captions: alt line + the same words with a credit; or a lone credited line. In a text
    # without any credit label only an agency credit, closing its line with ")", can be found.
    low = _lowered(text)
    labels = _may_hold_labels(text, low)
    for i in range(n):
        if kinds[i] is not None or i in absorbed:
            continue
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < n else None
        if (nxt is not None and kinds[i + 1] is None and nxt.group - line.group <= 1
                and len(line.text) <= MAX_CAPTION and len(nxt.text) > len(line.text)
                and nxt.text.startswith(line.text)):
            credit = find_credit(nxt.text)
            if credit is not None and credit.words_end <= len(line.text) + 1 and \
                    nxt.text[: credit.words_end].rstrip(_CAPTION_TAIL) == line.text.rstrip(_CAPTION_TAIL):
                kinds[i] = kinds[i + 1] = _K_CAPTION
                absorbed.add(i + 1)
                blocks[i] = dict(kind=_K_CAPTION, start=line.start, end=nxt.end,
                                  credit=credit.name, credit_start=nxt.start + credit.name_start,
                                  credit_end=nxt.start + credit.name_end,
                                  content_start=line.start, content_end=line.end)
                continue
        if len(line.text) <= MAX_CAPTION + CREDIT_WINDOW and (labels or line.text[-1] == ")"):
            credit = find_credit(line.text)
            if credit is not None and i != title_idx:
                words_end = credit.words_end
                content = (line.start, line.start + words_end) if words_end > 0 else (line.start, line.start)
                kinds[i] = _K_CAPTION
                blocks[i] = dict(kind=_K_CAPTION, start=line.start, end=line.end,
                                  credit=credit.name, credit_start=line.start + credit.name_start,
                                  credit_end=line.start + credit.name_end,
                                  content_start=content[0], content_end=content[1])

    _labelled_captions(lines, kinds, blocks, absorbed)

    # Related links and site furniture, anywhere.
    for i in range(n):
        if kinds[i] is not None or i in absorbed:
            continue
        line = lines[i]
        rel = related_title(line.text)
        if rel is not None:
            kinds[i] = _K_RELATED
            blocks[i] = dict(kind=_K_RELATED, start=line.start, end=line.end, title=rel[1])
        elif len(line.text) <= MAX_BOILERPLATE and _is_boilerplate_key(_line_key(text, low, line)):
            kinds[i] = _K_BOILERPLATE

    # The header: datelines and bylines, up to the second body paragraph.
    extra: list[dict] = []
    header_end = _header(lines, kinds, blocks, absorbed, title_idx, out, extra)

    # Standfirst: the first paragraph, when header material follows it before the body.
    _standfirst(lines, kinds, blocks, absorbed, title_idx, header_end)

    # Headings, list items, paragraphs (joining hard-wrapped lines).
    line_mode = one_paragraph_per_line(lines)
    seen_paragraph = False
    for i in range(n):
        if i in absorbed:
            continue
        if kinds[i] is None:
            line = lines[i]
            if line_mode:
                # No blank lines to go by: a heading must sit before a paragraph-like line.
                alone = (i + 1 < n and kinds[i + 1] is None and len(lines[i + 1].text) > len(line.text)
                         and lines[i + 1].text[-1] in _SENTENCE_END)
            else:
                alone = ((i == 0 or lines[i - 1].group != line.group)
                         and (i + 1 >= n or lines[i + 1].group != line.group))
            m = _bullet(line.text)
            if seen_paragraph and alone and i + 1 < n and m is None and is_heading_text(line.text):
                kinds[i] = _K_HEADING
            elif m is not None:
                kinds[i] = _K_LIST_ITEM
                blocks[i] = dict(kind=_K_LIST_ITEM, start=line.start, end=line.end,
                                  content_start=line.start + m.end(), content_end=line.end)
            else:
                kinds[i] = _K_PARAGRAPH
                j = i
                while (not line_mode and j + 1 < n and kinds[j + 1] is None and j + 1 not in absorbed
                       and lines[j + 1].group == line.group and _continues(lines[j].text, lines[j + 1].text)):
                    j += 1
                    absorbed.add(j)
                    kinds[j] = _K_PARAGRAPH
                if j > i:
                    blocks[i] = dict(kind=_K_PARAGRAPH, start=line.start, end=lines[j].end)
        if kinds[i] in (_K_PARAGRAPH, _K_STANDFIRST, _K_LIST_ITEM):
            seen_paragraph = True

    found: list[dict] = []
    for i in range(n):
        if i in absorbed:
            continue
        found.append(blocks.get(i) or {"kind": kinds[i] or _K_PARAGRAPH, "start": lines[i].start, "end": lines[i].end})
    found.extend(extra)
    found.sort(key=_START_END)
    out.blocks = _blocks_validator()(found)
    return out


_START_END = itemgetter("start", "end")


@lru_cache(maxsize=1)
def _blocks_validator():
    """Blocks are gathered as their fields and made in one pydantic call per document, which
    is much cheaper than one constructor call per block."""
    from pydantic import TypeAdapter

    return TypeAdapter(list[Block]).validate_python


#: What a line can open with for ``_SOURCE_LABEL``, ``_CAPTION_LABEL`` (case-blind: image, media,
#: photo, picture, video, caption; dotted and dotless I match i) or ``_AGENCY_LINE`` (a capital,
#: "via", "for", "/"); other lines are none of the three.
_CAPTION_LINE_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZimpvcf/\u0130\u0131")
#: What a line can open with for ``_SOURCE_LABEL`` or ``_CAPTION_LABEL``.
_LABEL_FIRST = frozenset("iImMpPvVcC\u0130\u0131")


def _labelled_captions(lines, kinds, blocks, absorbed) -> None:
    """Captions typeset with labels or a credit line above them:
    "Image source, Getty Images" + "Image caption, Soldiers fire..." (one block, with credit);
    "Image caption, ..." or "Caption: ..." alone; "Getty Images" + the caption line under it."""
    n = len(lines)
    for i in range(n):
        if kinds[i] is not None or i in absorbed:
            continue
        line = lines[i]
        if len(line.text) > MAX_CAPTION or line.text[0] not in _CAPTION_LINE_FIRST:
            continue
        labelled = line.text[0] in _LABEL_FIRST  # else neither label pattern can match
        short = len(line.text) <= _AGENCY_LINE_MAX  # else the agency pattern cannot
        if not (labelled or short):
            continue
        nxt = i + 1 if i + 1 < n and kinds[i + 1] is None and i + 1 not in absorbed else None
        source = _SOURCE_LABEL.match(line.text) if labelled else None
        agency = None if source or not short else _AGENCY_LINE.fullmatch(line.text)
        if source or agency:
            credit_start = line.start + (source.end() if source else 0)
            credit_end = line.end
            if nxt is not None and lines[nxt].group == line.group and len(lines[nxt].text) <= MAX_CAPTION:
                label = _CAPTION_LABEL.match(lines[nxt].text)
                if label or (agency and not _SOURCE_LABEL.match(lines[nxt].text)
                             and not _AGENCY_LINE.fullmatch(lines[nxt].text)):
                    words_start = lines[nxt].start + (label.end() if label else 0)
                    kinds[i] = kinds[nxt] = _K_CAPTION
                    absorbed.add(nxt)
                    blocks[i] = dict(kind=_K_CAPTION, start=line.start, end=lines[nxt].end,
                                      credit=line.text[credit_start - line.start:], credit_start=credit_start,
                                      credit_end=credit_end, content_start=words_start, content_end=lines[nxt].end)
                    continue
            if source:
                kinds[i] = _K_CAPTION
                blocks[i] = dict(kind=_K_CAPTION, start=line.start, end=line.end,
                                  credit=line.text[source.end():], credit_start=credit_start, credit_end=credit_end,
                                  content_start=line.start, content_end=line.start)
            continue
        label = _CAPTION_LABEL.match(line.text) if labelled else None
        if label:
            kinds[i] = _K_CAPTION
            blocks[i] = dict(kind=_K_CAPTION, start=line.start, end=line.end,
                              content_start=line.start + label.end(), content_end=line.end)


_SENTENCE_END = ".!?:\"'”’)]…"


def one_paragraph_per_line(lines: list[Line]) -> bool:
    """True when lines that run on without blank lines are whole paragraphs (a paste with single
    newlines), not a hard-wrapped paragraph: most such lines end a sentence."""
    ending = total = 0
    for a, b in zip(lines, lines[1:]):
        if a.group == b.group and len(a.text) >= 30:
            total += 1
            ending += a.text[-1] in _SENTENCE_END
    return total >= 3 and ending >= 0.6 * total


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the paragraph of ``prev`` (a hard-wrapped line)."""
    if _bullet(nxt) is not None:
        return False
    return prev[-1] not in _SENTENCE_END or nxt[0].islower()


def _header(lines, kinds, blocks, absorbed, title_idx, out: Structure, extra: list[dict]) -> int:
    """Find datelines and bylines near the top; fill ``out``; return the header's last index."""
    n = len(lines)
    start = 0 if title_idx is None else title_idx + 1
    body_seen = 0
    hits: list[DateHit] = []
    by_names: list[str] = []
    limit = min(n, start + MAX_HEADER_LINES)
    header_end = start - 1  # nothing after the title yet
    wire_checked = False
    wire = None
    for i in range(start, limit):
        header_end = i
        if kinds[i] is not None or i in absorbed:
            continue
        line = lines[i].text
        # Only a dateline (no unknown word) or a loose one (at most 3) is used below.
        hit = _dated(line, 3) if len(line) <= 160 else None
        if hit is not None and not hit.is_dateline and i == start and _loose_dateline(line, hit):
            hit.unknown = 0
        if hit is not None and hit.is_dateline:
            kinds[i] = _K_DATELINE
            hits.append(hit)
            continue
        if len(line) <= 200:
            composite = _composite_header(line)
            if composite is not None:
                by, dates = composite
                kinds[i] = _K_BYLINE if by is not None and line[:2].lower() == "by" else _K_DATELINE
                hits.extend(dates)
                if by is not None:
                    add_names(by_names, by.names)
                    out.source = out.source or by.source
                continue
        if not wire_checked:
            found = wire_dateline(line)
            if found is not None:
                wire = found
                wire_checked = True
                body = lines[i].start + wire.end
                while body < lines[i].end and lines[i].text[body - lines[i].start].isspace():
                    body += 1
                kinds[i] = _K_DATELINE
                blocks[i] = dict(kind=_K_DATELINE, start=lines[i].start,
                                  end=lines[i].start + wire.end)
                if wire.agency:
                    out.source = out.source or wire.agency.strip()
                if body < lines[i].end:
                    # The rest of the wire paragraph stays a paragraph of its own.
                    extra.append(dict(kind=_K_PARAGRAPH, start=body, end=lines[i].end))
                body_seen += 1
                continue
        if author_card(line) is None and not _is_role_line(line):
            body_seen += 1
            if body_seen >= 2:
                break
            # (a standfirst may come first: the next paragraph can still open with the dateline,
            # "Rosy NYT report ...\n\n(Newser) – Surging stocks ...")

    # Bare author cards ("EJ Ward", "Shaun Walker in Kyiv"): a name line counts when a By line
    # names the same person, or it sits right against a dateline or a role line
    # ("Security correspondent"), which then belongs to the card too.
    for i in range(start, header_end + 1):
        if kinds[i] is not None or i in absorbed:
            continue
        names = author_card(lines[i].text)
        if names is None:
            continue
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < n and lines[j].group == lines[i].group]
        near_date = any(kinds[j] is _K_DATELINE for j in neighbours)
        role = i + 1 in neighbours and kinds[i + 1] is None and _is_role_line(lines[i + 1].text)
        known = {b.casefold() for b in by_names}
        if near_date or role or any(name.casefold() in known for name in names):
            kinds[i] = _K_BYLINE
            add_names(by_names, names)
            if role:
                kinds[i + 1] = _K_BYLINE
    out.byline = by_names

    # The publication date: a "Published" line, else the first plain date, else the wire
    # dateline (its year from another header date), else an "Updated" date.
    dated = [h for h in hits if h.to_datetime() is not None]
    chosen = next((h for h in dated if h.published_label), None) or \
        next((h for h in dated if not h.updated_label), None)
    if chosen is not None:
        out.published = chosen.to_datetime()
    if out.published is None and wire is not None:
        years = [h.year for h in hits if h.year is not None]
        out.published = wire.to_datetime(years[0] if years else None)
    if out.published is None and dated:
        out.published = dated[0].to_datetime()
    return header_end


def _loose_dateline(line: str, hit: DateHit) -> bool:
    """The line right under the title may carry a place or a source beside a full date
    ("Wednesday, October 23, 2024 — Washington"); it is still the dateline when it is short,
    is not a sentence, and the date is complete."""
    return (len(line) <= 80 and hit.unknown <= 3 and hit.year is not None and hit.month
            and hit.day is not None and not hit.ambiguous and line[-1] not in ".!?\"”")


def _composite_header(line: str):
    """``By A | 23 Oct 2024``, ``Published 23 Oct 2024 | 5 min read``: a header line made of
    parts that are each a byline, a date or site furniture. Returns ``(byline, dates)``."""
    byline = parse_byline(line)
    if byline is not None:
        return byline, [byline.date] if byline.date else []
    if _SPLIT_MARKS.isdisjoint(line):
        return None  # nothing to split at: one part (most header lines are sentences)
    parts = [p.strip() for p in _SOURCE_SPLIT.split(line) if p.strip()]
    if len(parts) < 2:
        return None
    dates: list[DateHit] = []
    by = None
    for part in parts:
        hit = _dated(part, 0)
        if hit is not None and hit.is_dateline:
            dates.append(hit)
        elif by is None and (b := parse_byline(part)) is not None:
            by = b
        elif not is_boilerplate(part):
            return None
    if not dates and by is None:
        return None
    return by, dates


def _standfirst(lines, kinds, blocks, absorbed, title_idx, header_end) -> None:
    start = 0 if title_idx is None else title_idx + 1
    first = next((i for i in range(start, min(len(lines), header_end + 1))
                  if kinds[i] is None and i not in absorbed), None)
    if first is None:
        return
    if any(kinds[i] is _K_DATELINE and i in blocks for i in range(start, first)):
        return  # a wire dateline opened the body already
    line = lines[first]
    if not (40 <= len(line.text) <= 400) or _bullet(line.text) is not None:
        return
    if first + 1 < len(lines) and lines[first + 1].group == line.group and kinds[first + 1] is None:
        return  # part of a longer paragraph
    # An image right after the lead paragraph is common in the body too, so captions are
    # skipped: what must follow is a byline, a date or furniture such as an audio player.
    nxt = next((i for i in range(first + 1, len(lines))
                if i not in absorbed and kinds[i] is not _K_CAPTION), None)
    if nxt is None or kinds[nxt] not in HEADERISH:
        return
    if kinds[nxt] is _K_BOILERPLATE and _norm(lines[nxt].text) in boilerplate_rules().interruptions:
        return
    # Without a full stop it must be followed by the byline or date (Guardian-style summaries);
    # a sentence may also be followed by furniture such as an audio player.
    if line.text[-1] in _SENTENCE_END or kinds[nxt] in (_K_BYLINE, _K_DATELINE):
        kinds[first] = _K_STANDFIRST


# --------------------------------------------------------------------------- reader


def read_text(path: str, text: str, notes: list[Note]):
    """A pasted article (already decoded and cleaned) -> Document."""
    from model.ids import document_id
    from model.schema import Document

    found = structure_text(text)
    return Document(
        id=document_id(path), path=path, format="text", title=found.title,
        published=found.published, byline=found.byline, source=found.source,
        text=text, blocks=found.blocks, notes=[*notes, *found.notes],
    )
