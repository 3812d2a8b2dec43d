"""Named entities: who and what a document names, and which names are the same thing.

Two pipeline steps:

- :func:`find_mentions` (needs ``blocks``, ``sentences``; fills ``mentions``) finds every
  named mention with an OntoNotes label (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT,
  LAW) and the id of the entity it names.
- :func:`describe_entities` (needs ``mentions``; fills ``entities``) groups them into the
  document's entities with aliases, attributes (role, nationality, capital_of, country,
  affiliation), mention counts and salience.

How mentions are found (rules meant for any English news, no statistical model):

1. Fixed names (countries, capitals, large cities, US states, regions, demonyms, widely
   reported organisations and weapon systems) are matched case-sensitively by one
   Aho-Corasick pass over the text (:mod:`model.extract.entity_lexicon`).
2. A linear regex finds capitalised words (also "iPhone", "al-Assad", "M109", "U.S.",
   initials); neighbours separated by one space or a connector ("of", "de", "bin", "&")
   form candidate names. A possessive or any other punctuation ends a candidate, so
   "South Korea's" gives "South Korea" and "Seoul's National Intelligence Service" two names.
3. Each candidate is classified: a fixed name covering it wins; then its head word (last
   word, or the word before "of") decides EVENT/LAW/FAC/ORG by lexicons ("Operation",
   "War", "Act", "Airport", "Agency", "Ministry", "Battalion"...); a role or honorific
   inside it ("British Defence Secretary John Healey") splits it into the nationality, the
   role and the PERSON; fixed names inside it split it ("North Korea-Russia" -> two GPEs);
   model numbers ("M109", "Shahed-136", "Cheongung-II") make a PRODUCT.
4. What is left is decided in context: a first name, a role word before it ("analyst David
   Strauss"), an appositive role after it ("Kim Tae-hyo, South Korea's deputy national
   security adviser"), a speech verb ("... said") or "By" make a PERSON; a surname of a
   person already named in the document is that person; an acronym defined in parentheses
   ("National Intelligence Service (NIS)") is an alias; anything else named mid-sentence is
   an ORG. A capitalised word seen only at the start of sentences ("Meanwhile", "Listen")
   is not a name.
5. Title-case lines (titles, headings, or any line whose words are nearly all capitalised)
   only keep fixed names and names also found in the body: "Response to Growing Military
   Cooperation Between North Korea and Russia" gives two GPEs and nothing else.

Choices worth knowing:

- Legislatures and government seats used as institutions ("the Commons", "House of
  Commons", "Kremlin", "White House", "Pentagon") are ORG, as OntoNotes annotates them when
  they act; buildings named as places ("Heathrow Airport") are FAC.
- A capital used for its government ("Pyongyang", "Moscow") stays its own GPE with the
  attribute ``capital_of``; :mod:`model.link` adds a ``capital-of`` link to the country.
- Mentions never overlap: the longest name wins ("United States Air Force" is one ORG, not
  also a GPE inside it); titles and honorifics are outside a person's span ("Mr Healey" ->
  "Healey", alias "Mr Healey"); the definite article is outside every span.
- Only prose blocks are read (``Document.prose_spans``): bylines, related-article lines and
  boilerplate are not, so a name that appears only there (a related headline's
  "Kim Jong Un") is not an entity of the document.
- Demonyms map to their country (``country`` attribute, an entity id); regional and group
  NORPs ("European") carry a ``place`` instead.

Everything is a single left-to-right pass with linear regular expressions and dictionary
look-ups: time grows with the length of the text.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter, methodcaller

from model.data import load_json
from model.extract.entity_lexicon import GazEntry, Lexicon, lexicon
from model.extract.timexes import holiday_names
from model.ids import entity_id
from model.schema import BlockKind, Document, Entity, EntityKind, Mention

#: The word sets the rules below consult, kept as data (each key is described there).
_WORDS = load_json("name_words.json")

# --------------------------------------------------------------------------- token regex


def _upper_class() -> str:
    # Every upper-case letter of the Basic Multilingual Plane, as a character class body.
    chars = [chr(c) for c in range(0x41, 0x10000) if chr(c).isupper() and chr(c).isalpha()]
    return "".join(re.escape(c) for c in chars)


_UP = _upper_class()
# A capitalised word: optional Arabic article prefix ("al-"), a capital (or "iPhone"-style
# lower-case prefix), word characters, then hyphen/apostrophe/dot/ampersand-joined parts.
# Each repetition starts with a punctuation mark that \w cannot match: no backtracking blow-up.
_CAP_REST = r"\w*(?:[-'’.&]\w+)*\.?"  # after the capital
_CAP_BODY = rf"(?:[{_UP}]|[a-z]{{1,2}}[{_UP}]|(?:al|el|ad|as|ash|an|ibn|bin|abu)-[{_UP}]){_CAP_REST}"
_CAP = re.compile(rf"(?<![\w]){_CAP_BODY}")  # the reference form; scans use _cap_matches
_CAP_AT = re.compile(rf"({_CAP_BODY})")  # one word at a given start, as group 1
# The scan proper starts at capital letters (far fewer than the non-word characters _CAP
# tries after; a pattern that opens with a class lets the engine skip to them), in one pass:
# a match is either a word opening with a capital not after a word character, or just the
# capital of a lower-case form ("iPhone", "al-Assad"), whose start is then the group that
# matched (one of four fixed-width look-behinds: one or two letters, or a two- or
# three-letter article and a hyphen, after a non-word character). The word is the whole match.
_CAP_SCAN = re.compile(
    rf"[{_UP}](?:(?<!\w.)(?<!(?<!\w)(?:al|el|ad|as|an)-.)(?<!(?<!\w)(?:ash|ibn|bin|abu)-.){_CAP_REST}"
    r"|(?<=[a-z-].)(?:(?<=(?<!\w)([a-z]).)|(?<=(?<!\w)([a-z][a-z]).)"
    r"|(?<=(?<!\w)(al|el|ad|as|an)-.)|(?<=(?<!\w)(ash|ibn|bin|abu)-.)))")
_CAP_ONE = re.compile(rf"[{_UP}]{_CAP_REST}")  # a word from its capital
_WORD_START = methodcaller("start")  # where a _cap_matches word starts
_MARKED = attrgetter("lastindex")  # set only on the capital of a lower-case form


def _cap_matches(text: str, lo: int, hi: int) -> tuple[list[re.Match], list[int]]:
    """The words of ``_CAP.finditer(text, lo, hi)`` as matches of the word alone (the same
    spans: a word after a non-word character, or at the very start of the text), and where
    each starts. A word never ends just before a word character, so the character after one
    is free to open the next.

    One pass of _CAP_SCAN gives the capital-first words and marks the capitals of the
    lower-case forms. A lower-case form starts one to four characters before its capital and
    runs, as _CAP_BODY, from there: it takes the place of the capital-first words inside it;
    one that starts inside an earlier word is part of that word (the reference scan never
    tries there); one that would start before ``lo`` leaves, after a hyphen, the word from
    its capital (what the reference scan finds from there)."""
    found = list(_CAP_SCAN.finditer(text, lo, hi))
    if not any(map(_MARKED, found)):  # nearly every text: no lower-case form
        return found, list(map(_WORD_START, found))
    out: list[re.Match] = []
    for m in found:
        k = m.lastindex
        if k is None:
            if out and out[-1].end() > m.start():
                continue  # the capital-first tail of a longer word ("Assad" in "al-Assad")
            out.append(m)
            continue
        q = m.start(k)
        if q < lo:
            p = m.start()
            if text[p - 1] == "-":
                out.append(_CAP_ONE.match(text, p, hi))
            continue
        if out and out[-1].end() >= q:
            continue  # inside the word before: never a start
        out.append(_CAP_AT.match(text, q, hi))
    return out, list(map(_WORD_START, out))


#: A place in capitals in brackets opening a paragraph, then its first sentence: "[BEIJING] China's".
_RX_BRACKET_DATELINE = re.compile(r"\[([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})\] +(?=[A-Z\"“‘'])")
_RX_DOMAIN = re.compile(r"\w[\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")  # "Marketwatch.com", "news.bbc.co.uk"
_ORDINAL = re.compile(r"(?<![\w.,])(\d{1,3})(?:st|nd|rd|th)\b")
_CALIBRE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{1,2})?)\s?mm\b")
_MODEL_NUMBER = re.compile(r" (\d{3}(?:-\d{1,4}[A-Z]{0,3})?)(?:s\b|\b)(?![.,:/]\d|%| per\b)")
_MODEL = re.compile(r"^(?:[A-Z]{1,4}-?\d{1,4}[A-Za-z]{0,3}|[A-Z][a-z]+-\d{1,4}[A-Za-z]?|[A-Z][a-z]+-(?:I|II|III|IV|V|VI|VII|VIII|IX|X)|[A-Z][A-Za-z]+-[A-Z]?\d{1,4})$")
_CAMEL = re.compile(r"^[a-z]{1,2}[A-Z]")
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,7}s?|(?:[A-Z]\.){2,5}|[A-Z][a-z]?[A-Z]{1,5})$")
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})
_CREDIT = re.compile(r"(?:^|[\s.])(?:Pictures?|Photo(?:graph)?|Image|Images|Credit|Photo credit|Illustration|PHOTO|IMAGE)\s?[:|]\s?[^\n]{0,80}$")
_WORD = re.compile(r"[\w][\w'’.-]*")
#: Words after a surname that name a person's office: "the Obama administration".
_RX_PERSON_OFFICE_AFTER = re.compile(r" (?:administration|presidency)\b")
#: A wire story's credit closing its last paragraph: "(Reporting by A; Editing by B)".
_WIRE_CREDIT = re.compile(r"\s*\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled) by [^()\n]{1,160}\)\s*$")
# Small helper patterns used in context checks (compiled once).
_RX_TWO_LOWER = re.compile(r" ([a-z][a-z-]{1,20})(?: ([a-z][a-z-]{1,20}))?")
_RX_ONE_LOWER = re.compile(r" ([a-z][a-z-]{1,20})\b")
_RX_CAL_NOUN = re.compile(r" ([a-z]+)(?: ([a-z]+))?")
_RX_SPACE_PAREN = re.compile(r" \(")
_RX_PAREN_ACR = re.compile(r"\(([A-Z][A-Za-z0-9&.]{1,9})\)")
_RX_LOWER_WORD = re.compile(r"[a-z-]+")
_RX_VERB_AFTER = re.compile(r",? ([a-z]+)\b")
#: A speech verb right before a name: "..., said Elodie Sampere", "according to Zia Yusuf".
_RX_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|asked|wrote|explained|according to) $")
#: A colon or a dash between two parts of a title: "Turkey earthquake: Desperate search".
_RX_CLAUSE_MARK = re.compile(r"(?::|\s[-–—|]|\s--)\s+(?=[\"'“‘(]?[A-Z])")
#: A short form right after a capitalised word and a comma: "Lansing, Mich.", "Raleigh, N.C.".
_RX_STATE_ABBR = re.compile(r", ((?:[A-Z]\.(?: ?[A-Z][a-z]?\.)+|[A-Z][a-z]{0,4}\.)|[A-Z]{2}(?![\w.]))")
#: Names listed after a determiner, before this one: "the ATS and ", "its Fiesta, Focus and ".
_RX_LISTED_AFTER_DETERMINER = re.compile(
    r"\b(?:the|its|their|a|an)\s[A-Z][\w-]*(?:, [A-Z][\w-]*){0,3},? (?:and|or) \Z")
#: Another name listed after one: " and XTS", ", Focus", ", and Fusion".
_RX_LISTED_NAME = re.compile(r"(?:,? (?:and|or)|,) [A-Z][\w-]*")
#: A determiner right before a name: "the Toyota Prius", "its Chevrolet Impala" (a product
#: takes one; a company named after people, "Goldman Sachs", does not).
_RX_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|new)\s\Z")
#: A state's postal code before its coast: "the entire NC coast", "the SC coastline".
_RX_STATE_COAST = re.compile(r"\b([A-Z]{2}) coast(?:line)?\b")
def _has_currency(window: str) -> bool:
    return "$" in window or "£" in window or "€" in window or "¥" in window


#: A price right before a name: "the $2,500 Nano", "a £30,000 Vela".
_RX_PRICE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s[$£€¥]\d[\d,.]*(?:\s?(?:bn|m|k|million|billion))?\s\Z")
#: A description after a name, ending on a noun (checked against the product nouns):
#: ", the first medicine", ", a compact car", ", the world's cheapest car".
_RX_PRODUCT_APPOSITION = re.compile(r", (?:the|a|an) (?:[\w'’$.-]+ ){0,4}?([a-z]+)"
                                    r"(?=[,.;:)]|\s(?:that|which|to|with|in|for|from|of|by|on|at|and|or|[a-z]+ed)\b)")
#: A preposition opening a sentence or a paragraph: "On Main Street, ...".
_RX_OPENING_PREPOSITION = re.compile(r"(?:^|[.!?\n]\s*)(?:On|In|Along|At|Near)\s\Z")
#: An apposition opening after a name: ", a game maker", ", the company".
_RX_APPOSITION_AFTER = re.compile(r", (?:a|an|the|its|his|her|their|which|who)\b")
#: A street's name and a comma right before a name: the street's town follows.
_RX_STREET_COMMA = re.compile(r"[A-Z][\w'’-]* (?:Street|Road|Avenue|Lane|Drive|Way|Crescent|St|Rd|Ave)\.?, \Z")
#: Roles whose object after "of"/"for" is a portfolio, not a name: "Minister of Health".
_PORTFOLIO_ROLES = frozenset({"minister", "secretary", "ministers", "secretaries"})
#: First words of time zones written out ("Eastern Time", "Indian Standard Time").
_ZONE_FIRST_WORDS = frozenset({"Eastern", "Central", "Pacific", "Mountain", "Atlantic", "Indian", "British",
                               "Greenwich", "Universal", "Coordinated", "Japan", "China", "Moscow", "Alaska",
                               "Hawaii", "Arabia", "Gulf", "Singapore", "Hong", "Korea"})
#: Months that are also first names ("April Heinrichs", "June Carter").
_MONTH_FIRST_NAMES = frozenset({"April", "May", "June", "August"})
#: Words before a month that make it the month: "in April Microsoft said".
_TIME_PREPOSITIONS = frozenset({"in", "on", "since", "until", "till", "by", "during", "from", "of", "last", "next",
                                "this", "early", "late", "mid", "through", "before", "after", "to", "between", "and"})
#: A capitalised word right after a name, one space on.
_RX_CAP_NEXT = re.compile(r" [A-Z]")
#: "X, the new version of ...": a product's new release described after its name.
_VERSION_NOUNS = frozenset({"version", "release", "edition", "upgrade", "generation"})
#: After a name's "!": a lower-case word, a possessive, a comma or a closing bracket.
_RX_BANG_IN_NAME = re.compile(r" [a-z]|['’]s\b|[,)]")
#: The lower-case noun right before a name: "the shuttle Discovery", "its smartphone Velvet" (not
#: after a comma: "users liked the phone, Apple said").
#: Only after a definite determiner: "an aircraft Boeing has under development" is a clause.
_RX_NOUN_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|space)(?: [a-z-]+){0,3}? ([a-z]+) \Z")
#: A kind of product (group 1), "such as", then names listed before this one: "cars such as
#: the Fiesta and the ", "phones such as the iPhone, ".
_RX_SUCH_AS_LIST = re.compile(r"\b([a-z]+),? such as (?:the )?(?:[A-Z][\w-]*(?: [A-Z0-9][\w-]*){0,2}"
                              r"(?:,? and|,? or|,? as well as|,) (?:the )?(?:revamped |new |redesigned )?){0,4}\Z")
#: A determiner, up to two more words and a noun, then a comma: "its premium smartphone, ".
_RX_NOUN_COMMA_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)(?: [a-z][a-z-]*){0,2} ([a-z]+), \Z")
#: Craft named like people or places: "the shuttle Atlantis", "the carrier Nimitz".
_VESSEL_NOUNS = frozenset(_WORDS["vessel_nouns"])
#: Kinds of craft (and of system software) that, right after a name the text sets off with a
#: determiner or a possessive, make it that thing's name: "the Juno spacecraft", "NASA's
#: Curiosity rover", "Google's Android operating system". (No maker is named before these the
#: way "the Ford sedan" is.)
_CRAFT_AFTER = frozenset(_WORDS["craft_after"])
_RX_CRAFT_AFTER = re.compile(r"(?: \d{1,3}[A-Z]?)? ([a-z]+(?: system| browser)?)\b")
_RX_DETERMINED = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)|['’]s) \Z")
#: A capitalised word, as _cap_counts counts them.
_RX_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]*")
#: A lower-case word right after a name.
_RX_LOWER_NEXT = re.compile(r" [a-z]")
#: A verb (or none) after a name: "Cybertruck won't", "Starliner docked" (not "Cupertino campus").
_RX_VERB_NEXT = re.compile(r" (?:[a-z]+(?:ed|[^usi]s|ly)|will|would|can|could|may|might|must|should|is|was|has|"
                           r"had|won['’]t|isn['’]t|wasn['’]t|sold|went|came|made|got|took|hit|began|became)\b"
                           r"|[ ]?[,.;:)]")
#: Shapes of adjectives ("long-anticipated", "troubled", "popular", "electric", "cheapest"):
#: not "ruling that", "purchase of".
_RX_ADJECTIVE = re.compile(r"[a-z]+-[a-z]+|[a-z]{2,}(?:ed|ful|ous|ive|al|ic|able|ible|less|est|ar)|new|latest|upcoming|"
                           r"flagship|forthcoming|rival|own|hybrid")
#: A model's number: three digits, a variant ("-200LR", "ER") and a plural; never money,
#: a decimal or a range.
_RX_BARE_MODEL = re.compile(r"(\d{3})(-\d{1,4}[A-Z]{0,3}|-?[A-Z]{1,3})?s?\b(?![.,/:-]\d)")
#: Characters before a model's number that make it part of something else (a longer number,
#: money, a decimal, a date): checked in Python, so the pattern can open on a digit and the
#: engine skip to digits instead of trying a look-behind at every position.
_NOT_BEFORE_MODEL = frozenset("$£€¥.,/:-_")
_RX_THREE_DIGITS = re.compile(r"\d\d\d")
#: What may follow a model's number: not a unit or a percentage ("787 million", "747%").
_RX_MODEL_CONTEXT = re.compile(r"(?![ ]?%| (?:million|billion|thousand|per|percent|people|jobs|dollars|euros|"
                               r"pounds|km|miles|kilometres|kilometers|metres|meters|tonnes|tons|years|days)\b)")
#: A name set off by commas, then a speech verb: ", told reporters", ", said".
_RX_APPOSED_SPEAKER = re.compile(r", (?:told|said|says|added|explained|stated|announced|confirmed|warned|declared|"
                                 r"insisted|noted|argued|wrote|replied|tweeted)\b")
#: A maker's possessive right before a number: "Boeing's 747", "Boeing's newest 787".
_RX_MAKER_POSS = re.compile(r"\b([A-Z][\w&-]*(?: [A-Z][\w&-]*)?)['’]s (?:[a-z][a-z-]* ){0,2}\Z")
#: A maker's possessive and one or two lower-case words before a name.
_RX_MAKERS_DESCRIBED = re.compile(r"\b([A-Z][\w&-]*)['’]s ((?:[a-z][a-z-]*\s){1,2})\Z")
#: A determiner or a count right before a name: "the Sienna minivan", "450,000 Sienna minivans".
_RX_COUNTED_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|new)|\d[\d,.]*)\s\Z")
#: Quoted speech after a colon: ': "People have ...', ': “We ...'.
_RX_SPEECH_OPEN = re.compile(r":\s?[\"“‘']\s?(?=[A-Z])")
#: A paragraph opening with a place and a dash: "Cairo - Thousands of protesters gathered".
_RX_PLACE_DASH = re.compile(r"[A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){0,3},? (?:--|[-–—]) (?=[A-Z])")
#: One word of capitalised parts joined by hyphens: "Coca-Cola", "Rolls-Royce".
_RX_CAP_HYPHEN = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
#: First parts of hyphenated ordinary words ("Anti-War", "Pro-Democracy", "Self-Help").
_WORD_PREFIXES = frozenset(_WORDS["word_prefixes"])
#: A description saying a name is an organisation: ", the Internet messaging service".
_RX_ORG_APPOSITION = re.compile(
    r", (?:the|a|an) (?:[\w-]+ ){0,4}(?:company|firm|group|service|network|website|site|platform|maker|"
    r"manufacturer|carrier|airline|bank|lender|insurer|agency|retailer|giant|operator|provider|"
    r"producer|broadcaster|newspaper|channel|app|startup|start-up|charity|party|union)\b")
#: Between two items of a plain list: ", ", " and ", ", and ".
_RX_LIST_SEP = re.compile(r",? and |, ")
_COMPASS_MARKS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW", "NNE", "ENE", "ESE", "SSE", "SSW", "WSW", "WNW", "NNW"})
_RX_BOEING = re.compile(r"(?<![\w-])Boeing(?![\w-])")
#: A Boeing jet's number: 707 to 787, with a variant ("747-8", "777-200LR") or a plural.
_RX_JET_NUMBER = re.compile(r"(?<![\w$£€.,-])7[0-8]7(?:-\d{1,3}[A-Z]{0,3})?s?(?![\w%]|[,.-]\d)")
_RX_COUNT_BEFORE = re.compile(r"(?:\d[\d,]*|more|several|two|three|four|five|six|seven|eight|nine|ten|dozen) \Z")
_JET_DETERMINERS = frozenset({"the", "a", "its", "their", "first", "new", "every", "each", "another", "last",
                              "latest", "this", "that", "these", "those", "of", "larger", "smaller", "delayed"})
#: Last words that make a name a company's ("Tata Motors", "Ford Motor Co.", "Dell Computer").
_COMPANY_HEADS = frozenset({"motor", "motors", "group", "holdings", "industries", "airlines", "airways", "computer",
                            "computers", "electronics", "corporation", "company", "enterprises", "brothers"})
#: The word right before a position, and the space after it.
_RX_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*) \Z")
#: The agencies in a dateline's brackets: names between " / " or ";", up to a dash before a date.
_RX_AGENCY_PART = re.compile(r"(?:^|(?<=/)|(?<=;)) *([A-Za-z][\w.&'’]*(?: [A-Za-z][\w.&'’]*)*)(?= *(?:/|;|[-–—]+ *\d|$))")
#: Bracketed words after a dateline's place that credit no one by name.
_NOT_AGENCIES = frozenset({"agencies", "agency", "staff", "wires", "wire", "news agencies", "agencies and staff"})
#: The word right after a name, when a space and a lower-case word follow it.
_RX_NEXT_WORD_AFTER = re.compile(r" ([a-z]+)\b")
#: Month names that are also surnames ("Theresa May", "Brian May", "Jack March").
_MONTH_SURNAMES = frozenset({"May", "March", "June", "April", "August"})
_RX_DIGIT_NEXT = re.compile(r",? ?\d")
#: Lower-case words after a town's name that make it where a firm or plant is: "the Dearborn
#: automaker", "the Redmond giant", "the Wixom assembly plant".
_RX_FIRM_AFTER = re.compile(r" (?:automaker|carmaker|company|firm|giant|plants?|assembly|factory|factories|facility"
                            r"|airline|manufacturer|retailer|headquarters|offices?|refinery|mill|mine)\b")
#: Words before a town's name that put a place there: "in Kiel", "from Gulfport", "near Tychy".
_RX_TOWN_BEFORE = re.compile(r"(?<![\w-])(?:in|at|from|to|near|nearby|outside)\s\Z")
#: Between two names of a list, after the first one's place: " of Maine, ", " of Ohio and ".
_RX_LIST_GAP = re.compile(r"(?: of [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?(?:,| and|, and) ")
#: A lower-case description after a name: ", the marketing manager", ", a spokesman", ", who".
_RX_LOWER_APPOSITION = re.compile(r", [a-z]")
#: Initials written as a first name: "M.K.", "S.A.M.", "J.".
_RX_INITIALS_TOKEN = re.compile(r"(?:[A-Z]\.){1,4}")
#: An age in apposition right after a name: "Raila Odinga, 72, said".
def _follower_after(lx, text: str, end: int) -> bool:
    """The word after ``end`` is one that follows a phrase's head ("and", "said", "the"), or a
    verb's participle."""
    m = _RX_ONE_LOWER.match(text, end)
    return m is not None and (m.group(1) in lx.head_followers or m.group(1) in ("the", "a", "an")
                              or m.group(1).endswith(("ing", "ed")))  # ("... (0) packing")


#: " from the ", " of " ... before an organisation's name.
_RX_FROM_THE = re.compile(r" (?:from|of) (?:the )?")
#: Heads of the organisations people are members of ("from the Turkmen Front").
_MEMBER_HEADS = frozenset({"party", "alliance", "front", "movement", "coalition", "bloc", "league", "congress"})


@lru_cache(maxsize=4)
def _work_cue_before_quote(cues: frozenset[str]) -> re.Pattern:
    """One of the lexicon's work nouns right before a quote ("film ‘"): see _quoted_works."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cues))) + r") [‘“\"']")


#: A quoted phrase opening with a capital ("‘Titane’", "“Rust and Bone”"): the quote (group 1),
#: the phrase (2) and the closing quote (3), with no word character just outside the quotes.
_RX_QUOTED_TITLE = re.compile(r"(?<!\w)([‘“\"'])([A-Z][^‘’“”\"\n]{0,80}?)([’”\"'])(?!\w)")
_CLOSING_QUOTE = {"‘": "’", "“": "”", '"': '"', "'": "'"}
#: Small words a title keeps in lower case ("Son of Saul", "The Measure of a Man").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by",
                          "de", "du", "la", "le", "et"})
#: Roles that are also adjectives: before one name and a noun they are the adjective.
_ADJECTIVE_ROLES = frozenset({"official", "private", "general", "major", "chief", "senior"})
#: A count in brackets after a name: a player's score or a person's age ("Wade (40)", "(nine)").
_RX_PAREN_COUNT = re.compile(r" \((?:[1-9]?\d|1\d\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\)")
_RX_AGE_AFTER = re.compile(r", (?:[1-9]\d?|1[01]\d), ")
#: An age after a name, closing its sentence or list: "and Jyoti, 28.", "Jyoti, 28)".
_RX_AGE_AFTER_END = re.compile(r", (?:[1-9]\d?|1[01]\d)(?:[.;)](?!\d)| (?:and|were|was|died|are)\b)")
#: An age right before a name: "21-year-old Jussuf Mohammed", "the 34 year old Tamsin Orlova".
_RX_AGE_BEFORE = re.compile(r"\b(?:[1-9]\d?|1[01]\d)[- ]year[- ]old $")
#: A place described after its name: "Mahshahr, a city in Iran's Khuzestan province", "Chiplun,
#: a small town near ...". The head must end the description or be followed by where it lies,
#: so "Jane Okafor, a city councillor" and "Acme, a town planning firm" are not places.
_RX_PLACE_APPOS = re.compile(
    r", (?:a|an|the) (?:[a-z][a-z-]* ){0,3}?(?:city|town|village|port|suburb|district|province|region|county|"
    r"municipality|island|hamlet|township|enclave|commune|prefecture|oasis|resort)"
    r"(?: (?:in|of|on|near|outside|north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest|about|some|just|close|along|across|bordering|located|where)\b|[,.;])")
#: An honorific and a surname: "Ms Mahmood", "Dr. Sampere".
_RX_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.? ([A-Z][a-z][\w'’-]{0,30})")
_RX_APPOS = re.compile(r"[^,;:()\n\"“”]{1,150}")
_RX_DET = re.compile(r"(?:the|a|an|his|her|its|their|now|then|former) ")
_RX_ROLE_OBJ = re.compile(r" (?:to|of|at|for) (?:the )?(?:[A-Z][\w.&'-]*(?: (?:of |and |the )?[A-Z][\w.&'-]*){0,5})")
_RX_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.? $")
_CONTRACTION = re.compile(r"['’](?:re|ve|ll|d|m|t)$|n['’]t$")
_KEEP_DOT = frozenset(_WORDS["keep_dot"])
_NAME_PARTICLES = frozenset(_WORDS["name_particles"])
_WEAK_CONNECTORS = frozenset({"and", "for", "on", "upon", "in"})
_COMPANY_ENDS = frozenset(_WORDS["company_ends"])
_ORG_PREFIXES = frozenset(_WORDS["org_prefixes"])
_STRONG_WEAPON_NOUNS = frozenset(_WORDS["strong_weapon_nouns"])
# first two letters of each weapon noun (every word _RX_TWO_LOWER takes has two or more)
_WEAPON_STARTS = frozenset(w[:2] for w in _STRONG_WEAPON_NOUNS)
_HYPHEN_TAILS = frozenset("based led backed brokered hosted imposed ruled aligned affiliated financed produced owned made born style era like funded run controlled speaking related linked bound friendly built sponsored supported allied occupied held designed operated leaning dominated bred trained educated registered listed centred centered focused oriented type class inspired themed bound wide area region are is was were and or the a an which who that"
                          .split())  # ("the PowerBook-are said": a dash written as a hyphen)
_PLACE_CUES = ("based in ", "near ", "outside ", "city of ", "town of ", "village of ", "province of ",
               "region of ", "suburb of ", "headquartered in ", "born in ", "streets of ", "port of ",
               "capital of ", "district of ", "county of ", "state of ", "neighbouring ", "neighboring ",
               "flew to ", "travelled to ", "traveled to ", "arrived in ", " town, ", " village, ", " city, ",
               "the towns of ", "the villages of ", "the cities of ", "mayor of ", " via ", "trains between ",
               "services between ", "flights between ", "road between ", "line between ", "route between ")
# The last two letters of every cue, before its closing space: a name whose two characters
# before that space (lower-cased) are none of these has no cue before it.
_PLACE_CUE_TAILS = frozenset(c[-3:-1] for c in _PLACE_CUES)
_HEAD_CONNECTORS = frozenset({"of", "of the", "on", "on the", "for", "for the", "upon"})
_UNIT_HINT = re.compile(r"\d(?:st|nd|rd|th|\s?mm)\b")  # one cheap look for either pattern below
_HYPHEN_GIVEN = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{2,6}$")
_OPEN_PUNCT = "\"'“‘([«"
_MAX_TOKENS = 12  # a longer capitalised run is split: no name is that long


# --------------------------------------------------------------------------- data


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    poss: bool  # ended by a possessive 's


@dataclass(slots=True)
class Proto:
    """A mention before ids are final."""

    start: int
    end: int
    kind: str | None  # None: not decided yet
    canonical: str
    strong: bool = False  # backed by a lexicon or a pattern, not only by context
    attrs: dict = field(default_factory=dict)
    role_only: str | None = None  # "the Defence Secretary": a role without a name
    fragment: bool = False  # left over after splitting a longer candidate
    initial: bool = False  # at the start of a sentence
    title_mode: bool = False
    tokens: tuple[str, ...] = ()
    alias_of: str | None = None  # an acronym defined for another proto's canonical name
    eid: str = ""
    poss: bool = False  # followed by a possessive 's ("Tesla's")
    lead: int = 0  # characters before start that the mention also covers: "the " in "the EU said"


# --------------------------------------------------------------------------- helpers


#: A model's number right after a product's name: " 5", " 4S", " 3GS" (not a year: "the iPad 2010
#: sales").
_RX_PRODUCT_NUMBER = re.compile(r" (?!(?:19|20)\d\d\b)\d{1,4}[A-Z]{0,3}\b(?![.,:/]\d|%)")
#: Heads that take a possessive role or name before them into one organisation's name.
_OFFICE_HEADS = frozenset(_WORDS["office_heads"])
#: Plural nouns whose possessive opens a name rather than owning one.
_PLURAL_POSSESSORS = frozenset(_WORDS["plural_possessors"])
#: Street heads after an ordinal: "59th Street", "5th Avenue" (one facility).
_STREET_HEADS = frozenset(_WORDS["street_heads"])
_RX_ORDINAL_BEFORE = re.compile(r"(?<![\w.])\d{1,3}(?:st|nd|rd|th) \Z")
#: Roads named by a number: "Interstate 5", "Highway 299", "State Route 44", "Route 66".
_ROAD_WORDS = frozenset(_WORDS["road_words"])
_RX_ROAD_NUMBER = re.compile(r" \d{1,4}[A-Z]?\b(?![.,:/]\d|%)")
_RX_INTERSTATE = re.compile(r"I-\d{1,3}")
#: Connectors after which a complete name starts another name (see classify_run).
_NAME_THEN_NAME = frozenset({"for", "of", "at", "of the", "for the", "at the"})


def _words_of(tokens) -> list[str]:
    return [t.text for t in tokens]


def _find_all(text: str, sub: str) -> Iterator[int]:
    """Every start of ``sub`` in ``text`` (for the rare candidates read while the text's
    candidates are still being made; later passes use their index)."""
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + len(sub))


def _clean_matches(matches, e: int) -> Iterator[Tok]:
    """The tokens of capitalised-word matches ending by ``e``; most words are plain ("Seoul"),
    _clean_token's first case, made without the call."""
    for m in matches:
        start, end = m.span()
        if end > e:
            break
        word = m.group()
        if word.isalnum():
            if word.isupper() and m.string.startswith("$", end):
                continue  # "US$40m", "CA$46": a currency's prefix
            yield Tok(start, end, word, False)
        else:
            t = _clean_token(word, start)
            if t is not None:
                yield t


def _clean_token(text: str, start: int) -> Tok | None:
    if text.isalnum():
        return Tok(start, start + len(text), text, False)
    poss = False
    end = start + len(text)
    m = _CONTRACTION.search(text)
    if m:
        # "We're", "Don't": a pronoun or verb with a clitic is never a name.
        return None
    if text.endswith(("'s", "’s")) and len(text) > 2:
        text = text[:-2]
        poss = True
    elif text.endswith(("'", "’")):
        text = text[:-1]
        poss = True
    h = text.rfind("-")
    if h > 0 and text[h + 1:].lower() in _HYPHEN_TAILS and text[h + 1:] != "class":
        text = text[:h]  # "Intel-based", "EADS-led": the name is before the hyphen
    if text.endswith("."):
        body = text[:-1]
        if not (len(body) == 1 or "." in body or body.lower() in _KEEP_DOT) or _RX_DOMAIN.fullmatch(body):
            text = body  # (a web address's last dot ends the sentence: "from Marketwatch.com.")
    if not text:
        return None
    return Tok(start, start + len(text), text, poss) if end else None


def _is_title_case_line(text: str, start: int, end: int) -> bool:
    """A line whose content words are nearly all capitalised (a headline, a heading)."""
    if end - start > 300:
        return False
    last = text[end - 1] if end > start else ""
    if last in ".!?\"”" and end - start > 80:
        return False  # a long line ending like a sentence is prose
    # each word's class (not a content word / capitalised / not) comes from a per-process
    # memo and the classes are counted in C
    counts = Counter(map(_TITLE_CLASS.__getitem__, _WORD.findall(text, start, end)))
    caps = counts[1]
    content = caps + counts[2]
    if content < 3:
        return False
    stripped = text[start:end].rstrip()
    if stripped.endswith((".", "?", "!")) and caps < content:
        return False
    return caps >= 0.75 * content


class _TitleClass(dict):
    """word -> 0 (a small word or not a letter first: not counted), 1 (a capitalised content
    word), 2 (another content word); filled on first sight, bounded."""

    def __missing__(self, w: str) -> int:
        if w.lower() in _SMALL or not w[0].isalpha():
            c = 0
        else:
            c = 1 if w[0].isupper() else 2
        if len(self) >= 200_000:
            self.clear()
        self[w] = c
        return c


_TITLE_CLASS = _TitleClass()


_RX_LOWER_RUN = re.compile(r"[a-z]+")
_RX_WORD_RUN = re.compile(r"\w+")
#: A name's introduction right before it: "(a drug) called", "named", "dubbed", "branded".
_RX_CALLED_BEFORE = re.compile(r" (?:called|named|dubbed|branded) \Z")
_SMALL = frozenset("a an the of and or but for nor to in on at by with from as into onto over under about after before between amid against is are was were be vs via than up out off per".split())


def _demonym(lx: Lexicon, country: str | None) -> str | None:
    if not country:
        return None
    return lx.demonym_of.get(country)


# --------------------------------------------------------------------------- scanner


class _Scanner:
    """Finds the mentions of one document (see the module docstring for the rules)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lx = lexicon()
        self.protos: list[Proto] = []
        self._lower_words: set[str] | None = None  # see _never_lower
        self._honorific_surnames: set[str] | None = None  # see _person_cue
        self.no_names: list[tuple[int, int]] = []  # runs read as no name, whose fixed names stay unused
        self._single_surfaces: set[str] | None = None  # see _is_company
        self._initial_counts: Counter | None = None  # see _opens_sentences
        self._headlines: list[tuple[int, int]] | None = None  # see _in_headline
        self._caps: Counter | None = None  # see _cap_counts
        self._uses_index: dict[str, list[int]] | None = None  # see _uses
        self._alone_counts: Counter[str] | None = None  # see _stands_alone
        self.sentence_starts: set[int] = set()
        for s in doc.sentences:
            i = s.start
            while i < s.end and self.text[i] in _OPEN_PUNCT:
                i += 1
            self.sentence_starts.add(i)
        self._add_clause_starts()
        # Capitalised tokens seen mid-sentence: evidence a sentence-initial word is a name.
        self.mid_counts: Counter[str] = Counter()
        self.body_surfaces: dict[str, Proto] = {}
        self._spans: list[tuple[int, int, bool, BlockKind]] | None = None
        self._starts: list[int] | None = None  # starts of the sorted protos (context pass)
        self._last_words: set[str] | None = None  # see _ends_a_longer_name
        self._makes_named: dict[str, bool] | None = None  # see _known_model
        self._company_firsts: set[str] = set()  # first words of companies named in full (resolve_context)
        # datelines opening paragraphs past the header: (start, place, agency, paragraph end)
        self._mid_datelines: list[tuple[int, str, str | None, int | None]] = []

    def _cap_counts(self) -> Counter:
        """How often each capitalised word is written in the text, counted once per document
        (a search of the whole text per candidate would be quadratic on a long one)."""
        if self._caps is None:
            self._caps = Counter(_RX_CAP_WORD.findall(self.text))
        return self._caps

    def _in_headline(self, pos: int) -> bool:
        """``pos`` lies in the title or a heading (their spans gathered once per document, then
        one bisection per question: asked for many names of a long text)."""
        heads = self._headlines
        if heads is None:
            heads = self._headlines = sorted((b.start, b.end) for b in self.doc.blocks
                                             if b.kind in (BlockKind.TITLE, BlockKind.HEADING))
        if not heads:
            return False
        i = bisect.bisect_right(heads, (pos, len(self.text) + 1)) - 1
        return i >= 0 and heads[i][0] <= pos < heads[i][1]

    def _add_clause_starts(self) -> None:
        """Words that open a clause as a sentence's first word does, so their capital says
        nothing: after a colon or a dash in a title or heading ("Turkey earthquake: Desperate
        search ..."), after a place-and-dash opening of a paragraph ("Cairo - Thousands of
        protesters ...", a dateline the reader did not take as one), and at the start of
        speech quoted after a colon ('Riley: "People have ...')."""
        text = self.text
        starts = self.sentence_starts
        headline = (BlockKind.TITLE, BlockKind.HEADING)
        prose = (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM)
        for b in self.doc.blocks:
            kind = b.kind
            if kind in headline:
                for m in _RX_CLAUSE_MARK.finditer(text, b.start, b.end):
                    starts.add(m.end())
                continue
            if kind not in prose:
                continue
            if kind is BlockKind.PARAGRAPH:
                m = _RX_PLACE_DASH.match(text, b.start, min(b.end, b.start + 80))
                if m:
                    starts.add(m.end())
            if text.find(":", b.start, b.end) >= 0:
                # 'Leeds manager Tom Riley: "People have ...': quoted speech opens a sentence
                for m in _RX_SPEECH_OPEN.finditer(text, b.start, b.end):
                    starts.add(m.end())

    # ---------------------------------------------------------------- spans

    def spans(self) -> list[tuple[int, int, bool, BlockKind]]:
        """Prose spans with their credit cut off and a title-case flag."""
        if self._spans is not None:
            return self._spans
        out = []
        text = self.text
        for s, e, kind in self.doc.prose_spans():
            if kind is BlockKind.DATELINE:
                continue
            if kind is BlockKind.PARAGRAPH and (text[s:s + 2].isupper() or text.startswith("[", s)):
                s = self._paragraph_dateline(s, e)
            seg_start = max(s, e - 120)
            m = _CREDIT.search(text, seg_start, e) \
                if text.find(":", seg_start, e) >= 0 or text.find("|", seg_start, e) >= 0 else None
            if m:
                e = m.start() + (1 if text[m.start()] in " .\t" else 0)
            elif text.find(" by ", seg_start, e) >= 0:
                w = _WIRE_CREDIT.search(text, seg_start, e)  # "(Reporting by A; Editing by B)"
                if w:
                    e = w.start()
            # Only lines written in title case lose the capitalisation cue; a title in
            # sentence case ("Boeing delivers final 717 to AirTran") reads like prose.
            title = _is_title_case_line(text, s, e)
            out.append((s, e, title, kind))
        self._spans = out
        return out

    def _paragraph_dateline(self, s: int, e: int) -> int:
        """A wire dateline opening a paragraph past the header, in capitals with a dash or an
        agency ("COPENHAGEN (AP) —", where stories are pasted one after another), or a place
        in brackets ("[BEIJING] China's trade ..."): kept for :meth:`_dateline_names`, and
        where the paragraph's prose starts (its first word opens a sentence)."""
        from model.read.dates import wire_dateline

        text = self.text
        m = _RX_BRACKET_DATELINE.match(text, s, min(e, s + 40))
        if m:
            self._mid_datelines.append((m.start(1), m.group(1), None, None))
            body = m.end()
        else:
            wire = wire_dateline(text[s:min(e, s + 200)])
            place = wire.place if wire is not None else ""
            if wire is None or not place or any(ch.islower() for ch in place.split(",")[0]):
                return s
            head = place.split(",")[0].split("/")[0]
            if not (wire.agency or "," in place or " ".join(w.capitalize() for w in head.split()) in self.lx.gaz):
                return s  # ("JOY – Sudabeh Mortezai": a film's title in capitals, then its maker)
            self._mid_datelines.append((s, place, wire.agency, e))
            body = s + wire.end
        while body < e and text[body].isspace():
            body += 1
        self.sentence_starts.add(body)
        return body

    # ---------------------------------------------------------------- gazetteer

    def gaz_matches(self, s: int, e: int) -> list[tuple[int, int, GazEntry]]:
        text = self.text
        out = []
        if s >= e:  # the automaton refuses a start at the very end of the text
            return out
        for end_idx, (length, entry) in self.lx.automaton.iter_long(text, s, e):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < len(text):
                nxt = text[end]
                if nxt.isalnum() or nxt == "_":
                    continue
                if nxt in ".&" and end + 1 < len(text) and text[end + 1].isalnum():
                    continue
                if nxt == "$":
                    continue  # "US$40m": a currency's prefix
            out.append((start, end, entry))
        return out

    # ---------------------------------------------------------------- tokens and runs

    def tokens_from(self, matches, e: int, gaz=()) -> list[Tok]:
        """Clean the capitalised-word matches of one span (from _cap_matches) into tokens."""
        if not gaz:
            return list(_clean_matches(matches, e))
        toks = []
        edges = None
        text = self.text
        for t in _clean_matches(matches, e):
            if "-" in t.text:
                if edges is None:
                    edges = {g[1] for g in gaz}
                # "North Korea-Russia", "San Jose-Cisco": cut a hyphenated word where a fixed
                # name ends, so each side is classified on its own ("KwaZulu-Natal", where
                # only the second half is a known name, stays one word).
                cut = t.start
                for i in range(t.start + 1, t.end):
                    if text[i] == "-" and i in edges:
                        if i > cut:
                            toks.append(Tok(cut, i, text[cut:i], False))
                        cut = i + 1
                if cut > t.start:
                    if cut < t.end and text[cut].isupper():
                        toks.append(Tok(cut, t.end, text[cut:t.end], t.poss))
                    continue
            toks.append(t)
        return toks

    def tokens(self, s: int, e: int, gaz=()) -> list[Tok]:
        return self.tokens_from(_cap_matches(self.text, s, e)[0], e, gaz)

    def _plain_runs(self, matches, e: int, mids: list[str]) -> list[list[Tok]]:
        """``runs(tokens_from(matches, e))`` for a span without fixed names, adding the words
        that do not open a sentence to ``mids``: one pass over the words instead of three."""
        return self.runs(self._plain_tokens(matches, e, mids))

    def _plain_tokens(self, matches, e: int, mids: list[str]) -> Iterator[Tok]:
        starts = self.sentence_starts
        for t in _clean_matches(matches, e):
            if t.start not in starts:
                mids.append(t.text)
            yield t

    def runs(self, toks: Iterable[Tok]) -> list[list[Tok]]:
        """Group tokens into candidate names: joined by one space or a connector."""
        text = self.text
        connectors = self.lx.connectors
        runs: list[list[Tok]] = []
        cur: list[Tok] = []
        pe, poss = 0, True  # the previous token's end and possessive (none yet: no join)
        lx = self.lx
        for t in toks:
            if not t.text.isalpha() and _currency_amount(lx, t.text):
                # "Transport Sh125billion": an amount ends the name before it, and the word
                # after it opens a new one (the start of the text is too far back to join)
                pe, poss = -100, False
                continue
            n = t.start - pe
            if poss:
                # "the Shasta County Sheriff's Office", "the Prime Minister's Office"; a plural
                # noun's possessive opens a name ("People's Alliance", "Children's Hospital",
                # "Workers' Party")
                join = bool(cur) and (t.text in _OFFICE_HEADS or cur[-1].text in _PLURAL_POSSESSORS
                                      or (cur[0].text in _SAINTS and len(cur) == 2 and t.text.lower() in lx.head_kinds)) \
                    and n in (2, 3) and text[pe] in "'’" and len(cur) < _MAX_TOKENS
                # ("St George's Park", "St Thomas' Hospital": a saint's place, its head word after)
            elif len(cur) >= _MAX_TOKENS:
                join = False
            elif n == 1:
                join = text[pe] == " "
            elif n == 2 and text[pe] == " " and text[pe + 1] == " " and any(c.text in self.lx.first_names for c in cur):
                join = True  # "Jose Ramos  Horta": a doubled space inside a person's name
            elif n == 2 and text[pe] in "'’" and text[pe + 1] == " " and cur and cur[-1].text in _PLURAL_POSSESSORS:
                join = True  # "Miners' Union" (the possessive after a plural's s)
            elif n == 2 and text[pe] in "'’" and text[pe + 1] == " " and cur and cur[-1].text in ("O", "D"):
                join = True  # "Michael O' Leary": an Irish or Italian surname's prefix, spaced
            elif n == 2 and text[pe] == " " and text[pe + 1] in "\"“" and text[t.end:t.end + 2] in ('" ', "” ") \
                    and cur and cur[-1].text in self.lx.first_names:
                join = True  # 'Jorge “Tuto” Quiroga': a nickname in quotes after a first name ...
            elif n == 2 and text[pe:t.start] in ('" ', "” ") and len(cur) >= 2 and text[cur[-1].start - 1] in "\"“" \
                    and text[cur[-2].end:cur[-1].start] in (' "', " “"):
                join = True  # ... and the surname after it
            elif t.text in _ROAD_WORDS and _RX_ROAD_NUMBER.match(text, t.end):
                join = False  # "Redding and Highway 299": the road is a name of its own
            elif 2 < n <= 12:
                gap = text[pe:t.start]
                join = gap[0] == " " and gap[-1] == " " and gap.strip() in connectors
            else:
                # "Acme, Inc."
                join = n == 2 and text.startswith(", ", pe) and t.text.rstrip(".").lower() in _COMPANY_ENDS
            if join:
                cur.append(t)
            else:
                cur = [t]
                runs.append(cur)
            pe, poss = t.end, t.poss
        return runs

    # ---------------------------------------------------------------- classification

    def emit(self, p: Proto) -> None:
        if p.end > p.start:
            self.protos.append(p)

    def is_initial(self, pos: int) -> bool:
        return pos in self.sentence_starts

    def classify_run(self, run: list[Tok], gaz: list[tuple[int, int, GazEntry]], title: bool,
                     fragment: bool = False) -> None:
        lx = self.lx
        # 1. Trim leading stopwords ("The", "Meanwhile", "In") and trailing connectors.
        while run and (run[0].text in lx.stopwords or (run[0].text[-1] == "." and run[0].text.rstrip(".") in lx.stopwords)
                       or _shouted_stopword(lx, run[0].text)) \
                and not self._gaz_at(gaz, run[0].start) and not self._opens_a_name(run):
            if run[0].text in _MONTH_FIRST_NAMES and self._month_first_name(run, gaz):
                s0, e0 = run[0].start, run[-1].end
                self.emit(Proto(s0, e0, "PERSON", self.text[s0:e0], strong=True, title_mode=title,
                                initial=self.is_initial(s0), tokens=tuple(t.text for t in run)))
                return
            run = run[1:]
            fragment = fragment or False
        if not run:
            return
        if run[0].start and self.text[run[0].start - 1] == "@":
            # "@SecDef Boris Pistorius": a social-media handle is no name, and the name after
            # it stands alone
            if len(run) > 1:
                self.classify_run(run[1:], gaz, title, fragment)
            return
        if len(run) == 2 and run[0].text == "Model" and len(run[1].text) <= 2 and run[1].start - run[0].end == 1:
            self._emit_product(run, title)  # "Tesla's Model S": a car maker's model by its letter
            return
        if run[-1].text.endswith("-class") and len(run) <= 4:
            self._emit_product(run, title)  # "an Arleigh Burke-class destroyer": a class of ship or weapon
            return
        if 2 <= len(run) <= 5 and run[0].text in _SHIP_PREFIXES \
                and all(self.text[a.end:b.start] == " " for a, b in zip(run, run[1:])):
            # "the USS Carney", "HMS Queen Elizabeth": a ship, by its navy's prefix
            s0, e0 = run[0].start, run[-1].end
            self.emit(Proto(s0, e0, "PRODUCT", self.text[s0:e0], strong=True, title_mode=title,
                            initial=self.is_initial(s0), tokens=tuple(t.text for t in run)))
            return
        if 2 <= len(run) <= 5 and run[0].text in _PEERAGE and self.text[run[0].end:run[1].start] in (" of ", " of the ") \
                and all(self.text[a.end:b.start] == " " for a, b in zip(run[1:], run[2:])):
            # "the Duchess of Cornwall", "the Prince of Wales": a peer named by the title; "the
            # Prince of Wales Hospital" is what its head word names (the title is part of it)
            head = self._head_kind(run, [t.text.lower() for t in run])
            if head is None or head in ("ORG", "FAC"):
                s0, e0 = run[0].start, run[-1].end
                self.emit(Proto(s0, e0, head or "PERSON", self.text[s0:e0], strong=True, title_mode=title,
                                initial=self.is_initial(s0), tokens=tuple(t.text for t in run)))
                return
        if run[-1].text == "Time" and 2 <= len(run) <= 4 and run[0].text in _ZONE_FIRST_WORDS:
            # "3:49 p.m. Eastern Time", "Indian Standard Time": a time zone, part of a clock time
            self.no_names.append((run[0].start, run[-1].end))
            return
        if len(run) >= 3 and self.text.startswith(" (", run[-1].end):
            am = _RX_ACRONYM_AFTER.match(self.text, run[-1].end)
            if am and _initials(self.text[run[0].start:run[-1].end]) == am.group(1) \
                    and not any(g[2].kind != "NORP" for g in gaz if g[0] < run[-1].end and g[1] > run[0].start):
                # (not over a known place or organisation: "the Democratic Republic of Congo (DRC)")
                # "the Liberation Tigers of Tamil Eelam (LTTE)": the acronym spells the whole
                # run's initials, so the run is one name, whatever its connectors
                s0, e0 = run[0].start, run[-1].end
                kind = self._head_kind(run, [t.text.lower() for t in run]) or "ORG"  # (a conference: an event)
                self.emit(Proto(s0, e0, kind, self.text[s0:e0], strong=True, title_mode=title,
                                initial=self.is_initial(s0), tokens=tuple(t.text for t in run)))
                return
        if run[-1].text in _ROAD_WORDS:
            nm = _RX_ROAD_NUMBER.match(self.text, run[-1].end)
            if nm:  # "State Route 44", "US Highway 101": the number is part of the name
                i = len(run) - 1  # with at most two words joined to it by a space
                while i > 0 and len(run) - i < 3 and run[i].start - run[i - 1].end == 1:
                    i -= 1
                if i > 0:
                    self.classify_run(run[:i], gaz, title, fragment)
                    run = run[i:]
                self.emit(Proto(run[0].start, nm.end(), "FAC", self.text[run[0].start:nm.end()], strong=True,
                                tokens=tuple(t.text for t in run) + (nm.group(0)[1:],)))
                return
        if gaz and any("-" in t.text for t in run):
            # "KwaZulu-Natal", "Tehreek-i-Taliban": a known name after a hyphen inside one word
            # (not cut, as no known name ends before the hyphen) is not that name
            starts = {t.start for t in run}
            gaz = [g for g in gaz if g[0] in starts or not run[0].start <= g[0] < run[-1].end]
        while len(run) >= 2 and run[-1].text[-1] == "s" and _is_plural_role(lx, run[-1].text) \
                and self.text[run[-2].end:run[-1].start] == " ":  # ("House of Representatives" keeps them)
            # "Labour MPs", "Jubilee MPs and Senators": the party, then its members by role
            run = run[:-1]
        if 3 <= len(run) <= 4 and run[1].text in lx.first_names and run[0].start in self.sentence_starts \
                and self._opens_before_a_person(run, gaz):
            # "Welder Jon Pardo said": a common noun opening the sentence, then a person
            self.classify_run(run[1:], gaz, title, fragment)
            return
        if 4 <= len(run) <= 5 and not title and run[2].text in lx.first_names and run[1].text not in lx.first_names \
                and self._opens_before_a_person(run[1:], gaz) and self._opens_before_a_person(run[:1] + run[2:], gaz, 1):
            # "teenage Beltway Sniper Lee Boyd Malvo": two ordinary words before a person's name
            # (each written in lower case elsewhere, or the surname used alone)
            self.classify_run(run[2:], gaz, title, fragment)
            return
        if len(run) >= 2 and gaz and _namey(run[1].text):
            # A place that is also a first name, then another name: "Sofia Coppola".
            gaz = [g for g in gaz if g[2].strong or g[0] != run[0].start]
            # A first name, then a place as the surname: "Denzel Washington", "Jack London",
            # also after an honorific ("Baroness Patricia Scotland").
            k = 1 if len(run) >= 3 and run[0].text.rstrip(".").lower() in lx.honorifics else 0
            if len(run) - k <= 3 and run[k].text in lx.first_names and all(_namey(t.text) for t in run[k:]) \
                    and self.text[run[-2].end:run[-1].start] == " ":  # not "Susan Collins of Maine"
                last = run[-1]
                gaz = [g for g in gaz if not (g[0] == last.start and g[1] == last.end and g[2].kind == "GPE")]
        start, end = run[0].start, run[-1].end
        if len(run) == 1:
            if self.text.startswith("-class", end):
                # "two Virginia-class submarines": a class of ship named after the place
                self.emit(Proto(start, end + 6, "PRODUCT", self.text[start:end + 6], strong=True, title_mode=title,
                                initial=self.is_initial(start), tokens=(run[0].text + "-class",)))
                return
            # The common case: one capitalised word.
            for gs, ge, entry in gaz:
                if gs <= start and ge >= end:
                    self.emit(self._gaz_proto(gs, ge, entry, title))
                    return
        if len(run) == 1 and not (gaz and any(g[0] >= start and g[1] <= end for g in gaz)):
            w = run[0].text
            if w in lx.alone or w in _ROMAN or (len(w) < 10 and w.rstrip(".").lower() in lx.honorifics) \
                    or w.rstrip(".").lower() in _COMPANY_ENDS or _currency_amount(lx, w):
                return  # ("Inc." alone: a company's end, not a name)
            if _is_plural_role(lx, w):
                return  # "Senators", "Ministers": people by their role, not a name
            # cheap character tests before each pattern: most words are plain Title-case
            if (w[0].islower() and _CAMEL.match(w)) or (not w.isalpha() and _MODEL.match(w)):
                self._emit_product(run, title)
                return
            text = self.text
            if text.startswith(" ", end) and end + 1 < len(text):
                c = text[end + 1]
                if c.isdigit():
                    nm = _MODEL_NUMBER.match(text, end)
                    if nm:
                        pe = nm.end()
                        self.emit(Proto(start, pe, "PRODUCT", text[start:pe], strong=True, title_mode=title,
                                        initial=start in self.sentence_starts, tokens=(w, nm.group(1))))
                        return
                    if self._model_number_then_noun(end) or (w == "Model" and _RX_MODEL_DIGIT.match(text, end)):
                        self._emit_product(run, title)  # "a Falcon 9 rocket", "the Soyuz 2 launcher", "Model 3"
                        return
                elif c.islower() and self._weapon_noun_after(end):
                    self._emit_product(run, title)
                    return
            self.emit(Proto(start, end, None, w, title_mode=title, fragment=fragment,
                            initial=start in self.sentence_starts, tokens=(w,), poss=run[0].poss))
            return
        words = [t.text for t in run]
        # 2. A fixed name covering this whole run ("Seoul", "Korean peninsula").
        for gs, ge, entry in gaz:
            if gs <= start and ge >= end:
                self.emit(self._gaz_proto(gs, ge, entry, title))
                return
        if len(run) >= 2 and (words[-1].isupper() or (words[-1][-1] == "s" and words[-1][:-1].isupper())) \
                and words[-1].lower() in lx.product_nouns:
            # "the Highlander SUV", "Palisade SUVs": the kind of product, in capitals (and its
            # plural), closes the product's name; after an acronym ("the BMW SUVs") it follows
            # the maker, which is classified alone
            if words[-2].isupper():
                self.classify_run(run[:-1], gaz, title, fragment)
                return
            for i in range(len(run) - 1, 0, -1):
                if self.text[run[i - 1].end:run[i].start] not in (" ", " and ", " or ", ", and "):
                    # "Demand for the Torvane and Calista SUVs": what precedes "for" is apart
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
            # "Tucson and Palisade SUVs", "the Sportage and Sorento SUVs": each name is a product
            k = 0
            for i in range(1, len(run)):
                if self.text[run[i - 1].end:run[i].start] in (" and ", ", ", " or ", ", and "):
                    self._emit_product(run[k:i], title)
                    k = i
            self._emit_product(run[k:-1], title)
            return
        if words[-1] in lx.notice_words:
            return  # "Hurricane Warnings", "Flash Flood Watches", "State of Emergency": notices
        if len(run) >= 3 and words[0] in _COMPASS and words[1] in _COMPASS \
                and self.text[run[0].end:run[1].start] == " and ":
            # "North and South Carolina": the first half names "North Carolina"
            entry = lx.gaz.get(" ".join([words[0]] + words[2:]))
            if entry is not None:
                self.emit(self._gaz_proto(run[0].start, run[0].end, entry, title))
                self.classify_run(run[1:], gaz, title, fragment)
                return
        inside = [g for g in gaz if g[0] >= start and g[1] <= end] if gaz else []
        low = list(map(str.lower, words))
        # Words joined by more than one space have a connector between them ("of", "and").
        plain = end - start == sum(map(len, words)) + len(words) - 1
        # Two known names joined by "and" are two names even when the last has a head word:
        # "Amnesty International and Human Rights Watch".
        if not plain:
            headed = self._suffix_head(low[-1])
            for i in range(1, len(run)):
                gap = self.text[run[i - 1].end:run[i].start].strip()
                if gap == "and" and headed and i >= 2 and not any(g[0] >= run[i].start for g in gaz) and all(
                        any(g[0] <= t.start and g[1] >= t.end and g[2].kind in ("GPE", "NORP") for g in gaz)
                        for t in run[:i - 1]):
                    # a place and a head word before "and", and no known name after it: one
                    # name ("U.S. Securities and Exchange Commission"; "Shanghai Airlines and
                    # Xiamen Airlines" are two)
                    continue
                if gap == "and" and headed:
                    left_s, left_e = run[0].start, run[i - 1].end
                    # (or a known name after "and" to the run's end, its head word its own:
                    # "Foreign Secretary David Miliband and European Union")
                    if any(g[0] == left_s and g[1] == left_e for g in gaz) \
                            or (i >= 2 and self._head_kind(run[:i], low[:i]) is not None) \
                            or (i >= 2 and i == len(run) - 1 and low[0] == low[-1]) \
                            or any(g[0] == run[i].start and g[1] == end for g in gaz):
                        self.classify_run(run[:i], gaz, title, fragment)
                        self.classify_run(run[i:], gaz, title, fragment)
                        return
                elif gap in _NAME_THEN_NAME and i >= 2 and (
                        headed or any(g[0] == run[i].start and g[1] == end for g in gaz)) and (
                        (headed and self._suffix_head(low[i - 1])) or self._person_shaped(_words_of(run[:i]))
                        or (low[0] in self.lx.roles and self._person_shaped(_words_of(run[1:i])))):
                    # A complete name before "for"/"of"/"at", and a complete name after it,
                    # are two names: "Bolton Wanderers for Wigan Athletic", "(Analyst) David
                    # Healy of Burnham Securities", "John Thune of South Dakota";
                    # "Institute for Fiscal Studies" has no complete name before "for".
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
        # Weak connectors ("and", "on", "for") only stay inside a name whose last word is
        # its head ("Securities and Exchange Commission"); else they separate two names.
        if not plain and not self._suffix_head(low[-1]):
            for i in range(1, len(run)):
                # ... unless the words before it end on a head: "Convention on Human Rights",
                # "Council on Foreign Relations", "Department for Education".
                gap = self.text[run[i - 1].end:run[i].start].strip()
                if gap == "and" and self._head_of_pair(run, low, i, gaz):
                    continue
                if gap == "for" and low[i - 1] in lx.role_last_words and any(
                        self._role_at(low, k) == i - k for k in range(i)):
                    # "Minister for Finance Jack Chambers", "UN High Commissioner for Refugees
                    # António Guterres": a role's object, then its holder
                    continue
                if gap in _WEAK_CONNECTORS \
                        and (gap == "and" or not self._suffix_head(low[i - 1])
                             or low[i - 1].rstrip(".") in _COMPANY_ENDS or words[i] in lx.stopwords):
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
        # A sentence-opening common word, then "of"/"at"/... and a name: "Shares of Apple",
        # "Fans of Leeds United", "Residents of Kyiv" (its capital is the sentence's; a word
        # that heads names, "University of", "Gulf of", stays).
        if len(run) >= 2 and self.is_initial(start) and self._opens_with_common_word(run, low, gaz):
            self.classify_run(run[1:], gaz, title, fragment)
            return
        # An organisation's head word inside a run, then a person's name: "Jubilee Party David
        # Murathe", "Labour Party leader"-less bylines.
        for i in range(1, len(run) - 2):
            if low[i] in lx.org_suffixes and self.text[run[i].end:run[i + 1].start] == " " \
                    and self._person_shaped(words[i + 1:]) and not self._has_role(low[:i]):
                # ("Secretary of the Air Force James Roche" is a role's: split below)
                self.classify_run(run[:i + 1], gaz, title, fragment)
                self.classify_run(run[i + 1:], gaz, title, fragment)
                return
        # A company suffix inside a run ends the company's name: "Apple Inc. Steve Jobs".
        for i in range(len(run) - 1):
            if low[i].rstrip(".") in _COMPANY_ENDS and self.text[run[i].end:run[i + 1].start] == " " \
                    and low[i + 1].rstrip(".") not in _COMPANY_ENDS:  # ("Co. Ltd.": one end of two words)
                self.classify_run(run[:i + 1], gaz, title, fragment)
                self.classify_run(run[i + 1:], gaz, title, fragment)
                return
        # A role then "of/at" and an organisation: "CEO of Boeing Commercial Airplanes".
        rl, last_role = self._role_chain(run, low)
        if rl and rl < len(run) and self.text[run[rl - 1].end:run[rl].start].strip() in ("of", "at", "of the", "for"):
            rest = run[rl:]
            if self._head_kind(rest, low[rl:]) in ("ORG", "FAC"):
                self.classify_run(rest, gaz, title, fragment)
                return
            if last_role in lx.company_roles and len(rest) <= 3 and rest[0].text not in lx.alone \
                    and self.text[run[rl - 1].end:run[rl].start] in (" of ", " at ") \
                    and not self._person_shaped(_words_of(rest)) \
                    and not any(g[0] < rest[-1].end and g[1] > rest[0].start for g in gaz):
                # "the Chairman and Chief Executive of Shell": a role held only in a company,
                # so the name after its "of" is one, known or not
                rs, re_ = rest[0].start, rest[-1].end
                self.emit(Proto(rs, re_, "ORG", self.text[rs:re_], strong=True, title_mode=title,
                                initial=self.is_initial(rs), tokens=tuple(_words_of(rest))))
                return
        if not plain and inside:
            for i in range(1, len(run)):
                if self.text[run[i - 1].end:run[i].start] in (" for ", " in ", " at ", " on ") \
                        and any(g[0] == start and g[1] == run[i - 1].end for g in inside):
                    # a known name ends before the preposition: "the White House for Florida"
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
        head = self._head_kind(run, low)
        # A maker's name then a three-digit model: "Boeing 737", "Airbus 380", "Boeing 777-200LR".
        nm = _MODEL_NUMBER.match(self.text, end) if self.text.startswith(" ", end) else None
        if nm and not inside and not head:
            pe = nm.end()
            # ("UAW Local 723", "Teamsters Local 100": a union's local branch, by its number)
            kind = "ORG" if words[-1] == "Local" else "PRODUCT"
            self.emit(Proto(start, pe, kind, self.text[start:pe], strong=True, title_mode=title,
                            initial=self.is_initial(start), tokens=tuple(words) + (nm.group(1),)))
            return
        # Airline-style prefixes: "Air France", "Air China".
        if len(run) >= 2 and words[0] in _ORG_PREFIXES and not self._has_role(low):
            canonical = self.text[start:end]
            self.emit(Proto(start, end, "ORG", canonical, strong=True, title_mode=title,
                            initial=self.is_initial(start), tokens=tuple(words)))
            return
        # 3. Head-word classes: events, laws, facilities, organisations (whole run).
        kind = head
        if kind is not None and len(run) >= 2:
            if not self._has_role(low) or kind in ("ORG", "FAC") or (kind == "EVENT" and low[-1] in lx.event_heads) \
                    or (kind in ("GPE", "LOC") and low[-1] in lx.place_heads and len(run) >= 3):
                # ("the Billie Jean King Cup", "Martin Luther King Jr. Day": a role word inside
                # an event's name; "Prince William County": a place named after one)
                canonical = self._strip_the(self.text[start:end])
                self.emit(Proto(start, end, kind, canonical, strong=True, title_mode=title,
                                initial=self.is_initial(start), tokens=tuple(words)))
                return
        if len(run) >= 3 and words[-1] in _NAME_SUFFIXES and run[0].text in lx.first_names \
                and all(_namey(w) for w in words[1:-1]):
            # "Martin Luther King Jr.": a name's suffix closes a person's name, whatever role
            # word ("King") stands before it
            self.emit(Proto(start, end, "PERSON", self.text[start:end], strong=True, title_mode=title,
                            initial=self.is_initial(start), tokens=tuple(words)))
            return
        # 4. Roles and honorifics: split off the person and the nationality before them.
        # (a run without any word that opens a role or is a title has nothing to split)
        if (not lx.role_starts.isdisjoint(low) or _joined_or_plural_role(lx, low)) \
                and self._split_role(run, low, gaz, title):
            return
        # 5. Fixed names inside: emit them and classify the pieces between.
        if inside:
            self._split_on_gaz(run, inside, gaz, title)
            return
        # 6. Weak connectors ("and", "for") join two names unless a head word made one.
        if len(run) > 1 and not plain:
            for i in range(1, len(run)):
                gap = self.text[run[i - 1].end:run[i].start].strip()
                if gap in _WEAK_CONNECTORS or (gap not in ("", "&", "\"", "“", "”", "'", "’") and gap not in _NAME_PARTICLES
                                               and not any(lw in lx.org_suffixes for lw in low)):
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
        if len(run) > 1:
            # Internal stopwords ("Boeing The") split a run that is not an organisation.
            for i in range(1, len(run)):
                if run[i].text in lx.stopwords:
                    if run[i].text == "Said" and not title and _namey(run[i - 1].text) \
                            and (i + 1 < len(run) or run[0].text in lx.first_names):
                        continue  # "Muktar Said Ibrahim", "Edward Said": inside a name, not the verb
                    if run[i].text in _MONTH_SURNAMES and run[i - 1].text in lx.first_names and not title \
                            and not _RX_DIGIT_NEXT.match(self.text, run[i].end):
                        continue  # "Theresa May", "Brian May": a surname, not the month ("May 5")
                    if i == len(run) - 1 and i >= 1 and run[i - 1].text in lx.first_names and not title \
                            and self._speech_after(run[i].end) and self.text[run[i - 1].end:run[i].start] == " ":
                        continue  # "meteorologist Jonathan How said": a surname that is also a small word
                    self.classify_run(run[:i], gaz, title, fragment)
                    self.classify_run(run[i:], gaz, title, fragment)
                    return
        # 7. Single stand-alone words that are never names by themselves.
        if len(run) == 1 and (words[0] in lx.alone or words[0] in lx.stopwords or words[0] in _ROMAN):
            return
        # 8. Products by shape.
        if any(map(_product_shape, words)):
            self._emit_product(run, title)
            return
        if self._weapon_noun_after(end):
            self._emit_product(run, title)
            return
        p = Proto(start, end, None, self.text[start:end], title_mode=title, fragment=fragment,
                  initial=self.is_initial(start), tokens=tuple(words))
        self.emit(p)

    def _single(self, t: Tok) -> None:
        """``classify_run([t], [], False)`` for a one-word run that no fixed name touches
        (most runs), with the word-level tests memoised per process."""
        w = t.text
        if w in _ROAD_WORDS or (w[:2] == "I-" and _RX_INTERSTATE.fullmatch(w)):
            nm = _RX_ROAD_NUMBER.match(self.text, t.end) if w[:2] != "I-" else None
            if nm or w[:2] == "I-":  # "Interstate 5", "I-95": a road
                e = nm.end() if nm else t.end
                self.emit(Proto(t.start, e, "FAC", self.text[t.start:e], strong=True,
                                tokens=(w, nm.group(0)[1:]) if nm else (w,)))
                return
        if w in _STREET_HEADS:
            o = _RX_ORDINAL_BEFORE.search(self.text, max(0, t.start - 6), t.start)
            if o:  # "59th Street": the number belongs to the street's name
                self.emit(Proto(o.start(), t.end, "FAC", self.text[o.start():t.end], strong=True,
                                tokens=(self.text[o.start():t.start - 1], w)))
                return
        wc = _WORD_CLASS.get(w)
        if wc is None:
            wc = _word_class(self.lx, w)
        if wc == _SKIP or (t.start and self.text[t.start - 1] == "@"):
            return  # (a handle: "@ZelenskyyUA")
        if wc == _PRODUCT:
            self._emit_product([t], False)
            return
        start, end = t.start, t.end
        text = self.text
        if len(w) == 1 and start and (text[start - 1] == "/" or text[end:end + 1] == "/"
                                      or (text[start - 1] == "(" and text[end:end + 1] == ")")):
            return  # "Google I/O", "(F)" (a ticker): a letter of an abbreviation, no name
        if len(w) == 2 and start > 7 and text[start - 7:start].lower() == "flight " and text[end:end + 1] == " " \
                and text[end + 1:end + 2].isdigit():
            return  # "flight TK 1951": the airline's code in a flight's number
        if end + 1 < len(text) and text[end] == " ":
            c = text[end + 1]
            if c.isdigit():
                nm = _MODEL_NUMBER.match(text, end)
                if nm:
                    pe = nm.end()
                    self.protos.append(Proto(start, pe, "PRODUCT", text[start:pe], True, {}, None, False,
                                             start in self.sentence_starts, False, (w, nm.group(1))))
                    return
                if self._model_number_then_noun(end) or (w == "Model" and _RX_MODEL_DIGIT.match(text, end)):
                    self._emit_product([t], False)  # "a Falcon 9 rocket", "Tesla's Model 3"
                    return
            elif c.islower() and self._weapon_noun_after(end):
                self._emit_product([t], False)
                return
        # end > start always: a token is never empty
        self.protos.append(Proto(start, end, None, w, False, {}, None, False, start in self.sentence_starts,
                                 False, (w,), None, "", t.poss))

    def _opens_a_name(self, run: list[Tok]) -> bool:
        """A capitalised small word that belongs to the name it opens: mid-sentence, before
        words closed by an organisation's head ("the All Progressives Congress", "the All
        England Club"); an article ("The") never does."""
        return (len(run) >= 3 and run[0].text not in ("The", "A", "An") and not self.is_initial(run[0].start)
                and run[1].start - run[0].end == 1 and self._suffix_head(run[-1].text.lower()))

    def _opens_before_a_person(self, run: list[Tok], gaz, skipped: int = 0) -> bool:
        """At a sentence's start, ``run[0]`` is an ordinary word before a person's name
        ("Passenger", "Welder"): it is no first name, role, title, fixed name or opener of a
        name, the words after it (a first name, then names) are joined by plain spaces and the
        last one heads no organisation or place. ``skipped``: how many words of the text
        (tested on their own) stand between ``run[0]`` and ``run[1]``."""
        lx = self.lx
        w = run[0].text
        low = w.lower()
        if w in lx.first_names or low in lx.roles or low in lx.role_first_words or low in lx.modifiers \
                or low in lx.honorifics or w in lx.place_openers or w in _ORG_PREFIXES or low in lx.head_kinds \
                or self._gaz_at(gaz, run[0].start) or not w.isalpha() or not w[1:].islower():
            return False
        last = run[-1].text.lower()
        text = self.text
        if not (all(text[a.end:b.start] == " " for a, b in zip(run[1:], run[2:]))
                and (skipped or text[run[0].end:run[1].start] == " ")
                and all(_namey(t.text) for t in run[1:]) and not self._suffix_head(last) and last not in lx.place_heads):
            return False
        # ... and the text bears it out: the word is also written in lower case ("the
        # welder", "other welders"), or the surname is used without it ("Pardo added"),
        # which a name such as "Saint John Ambulance" or "Fort William Henry" never is
        caps = self._cap_counts()
        return not self._never_lower(w) or not self._never_lower(w + "s") or caps[run[-1].text] > caps[w]

    def _opens_with_common_word(self, run: list[Tok], low: list[str], gaz) -> bool:
        """``run`` opens with one word, then a preposition: "Shares of", "Fans of", "Analysts
        at". The word heads no kind of name and is no fixed name."""
        gap = self.text[run[0].end:run[1].start]
        if gap not in _OF_GAPS:
            return False
        lx = self.lx
        w = low[0]
        return not (w in lx.head_kinds or w in lx.place_heads or w in lx.roles or w in lx.role_starts
                    or w in lx.modifiers or self._gaz_at(gaz, run[0].start) or run[0].text in lx.place_openers
                    or run[0].text in lx.first_names or run[0].text in _ORG_PREFIXES)

    def _head_of_pair(self, run: list[Tok], low: list[str], i: int, gaz) -> bool:
        """"Department of Health and Human Services", "National Institute of Allergy and
        Infectious Diseases": a head word opens the name, "of"/"for" follows it, and "and" (at
        word ``i``) joins two subjects that are no names of their own: two or three words after
        it, nothing known, no head word, no role, no person's name ("the Ministry of Defence
        and Rolls-Royce", "... and Federal Trade Commission" stay two)."""
        text = self.text
        opened = False
        for k in range(i - 1):
            if text[run[k].end:run[k + 1].start].strip() in ("of", "for", "of the", "for the"):
                opened = self._suffix_head(low[k])
                break
        if not opened:
            return False
        rest = low[i:]
        # one word after "and" is as often a company of its own ("... and Barclays")
        if not 2 <= len(rest) <= 3 or any(map(self._suffix_head, rest)) or self._has_role(rest) \
                or run[i].text in self.lx.first_names:
            return False
        if text[run[i].end:run[-1].end].strip() and not all(
                text[run[k - 1].end:run[k].start] == " " for k in range(i + 1, len(run))):
            return False  # one more connector after "and": a list of names, not one subject
        s0 = run[i].start
        return not any(g[1] > s0 for g in gaz) if gaz else True

    def _town_only(self, word: str) -> bool:
        """``word`` is in the gazetteer as a town alone: no country, state or capital."""
        lx = self.lx
        entry = lx.gaz.get(word)
        return entry is not None and entry.kind == "GPE" and not entry.capital_of and entry.country is not None \
            and entry.canonical not in lx.demonym_of and entry.canonical not in lx.state_names

    def _a_town_by_name_only(self, p: Proto) -> bool:
        """A one-word place that is only a town in the gazetteer (no country, state or capital),
        with nothing around it that says it is a place here."""
        if not self._town_only(p.tokens[0]):
            return False
        text = self.text
        before = text[max(0, p.start - 20):p.start].lower()
        if before.endswith((" in ", " at ", " to ", " from ", " near ", "of ", " outside ")) \
                or before.endswith(_PLACE_CUES) or text.startswith(", ", p.end):
            return False
        return True

    def _month_first_name(self, run: list[Tok], gaz) -> bool:
        """"April Heinrichs coached the team": a month that is also a first name, then a
        surname, then a lower-case word, and no time preposition before it ("in April
        Microsoft said" is a month)."""
        if not 2 <= len(run) <= 3 or any(g[0] < run[-1].end and g[1] > run[1].start for g in gaz):
            return False
        text = self.text
        if " ".join(text[run[0].start:run[-1].end].lower().split()) in holiday_names():
            return False  # "May Day"
        if not all(_namey(t.text) and self.text[run[k].end:run[k + 1].start] == " " for k, t in enumerate(run[:-1])) \
                or not _namey(run[-1].text) or not _RX_LOWER_NEXT.match(text, run[-1].end):
            return False
        before = _RX_WORD_BEFORE.search(text, max(0, run[0].start - 20), run[0].start)
        return before is None or before.group(1).lower() not in _TIME_PREPOSITIONS

    def _person_shaped(self, words: list[str]) -> bool:
        """Two or three words that read as a person's name: a known first name, then names."""
        return 2 <= len(words) <= 3 and words[0] in self.lx.first_names and all(map(_namey, words))

    def _suffix_head(self, w: str) -> bool:
        lx = self.lx
        return w in lx.org_suffixes or w in lx.fac_suffixes or w in lx.event_heads or w in lx.law_heads

    def _gaz_at(self, gaz, pos: int) -> bool:
        if not gaz:
            return False
        return any(g[0] == pos for g in gaz)

    def _gaz_proto(self, s: int, e: int, entry: GazEntry, title: bool) -> Proto:
        # The attributes depend on the entry alone: worked out once per entry and copied
        # (a mention's attrs may gain an acronym later). Entries live as long as the lexicon.
        hit = _GAZ_ATTRS.get(id(entry))
        if hit is not None and hit[0] is entry:
            base = hit[1]
        else:
            base = {}
            if entry.capital_of:
                base["capital_of"] = _eid("GPE", entry.capital_of)
            if entry.country and entry.kind in ("GPE", "NORP") and entry.country != entry.canonical:
                if entry.country in self.lx.demonym_of:
                    base["country"] = _eid("GPE", entry.country)
                else:  # a region or a nation within a state ("European" -> Europe)
                    base["place"] = entry.country
            _GAZ_ATTRS[id(entry)] = (entry, base)  # the entry kept alive: its id stays its own
        return Proto(s, e, entry.kind, entry.canonical, True, base.copy() if base else {}, None, False,
                     s in self.sentence_starts, title, (self.text[s:e],))

    def _strip_the(self, name: str) -> str:
        for art in ("The ", "the "):
            if name.startswith(art):
                return name[len(art):]
        return name

    def _head_kind(self, run: list[Tok], low: list[str]) -> str | None:
        lx = self.lx
        n = len(low)
        # "Operation Interflex", "Exercise Cope", "Battle of Britain", "Hurricane Katrina"
        if low[0] in lx.event_openers or (
                n >= 3 and (f"{low[0]} {self.text[run[0].end:run[1].start].strip()}" in lx.event_openers
                            or f"{low[0]} {low[1]}" in lx.event_openers)):
            return "EVENT"  # ... "Tropical Cyclone Sidr"
        # The word before the first "of"/"on"/"for" is the head when it names a kind of
        # thing ("Bank of England", "Institute for the Study of War", "Convention on Human
        # Rights", "Battle of Britain"); else the last word ("Cold War", "Yonhap News Agency").
        heads = []
        for i in range(1, n):
            if run[i].start - run[i - 1].end > 1 and self.text[run[i - 1].end:run[i].start].strip() in _HEAD_CONNECTORS:
                heads.append(low[i - 1])
                break
        if n >= 2:
            heads.append(f"{low[-2]} {low[-1]}")
        heads.append(low[-1])
        if (low[-1].upper() in _ROMAN or low[-1].isdigit()) and n >= 2:
            heads.append(low[-2])
        table = lx.head_kinds  # each word's first kind in the order event, law, facility, organisation
        for h in heads:
            kind = table.get(h)
            if kind is None:
                continue
            if h == "day" and (n == 2 and run[0].text in lx.first_names):
                continue  # "Doris Day": a person, not a day
            if kind == "LAW" and h == "bill" and n == 2:
                # "Bill Gates": not a law; "bill" may still be another kind's head
                if h in lx.fac_suffixes:
                    return "FAC"
                if h in lx.org_suffixes or h in lx.unit_nouns:
                    return "ORG"
                continue
            return kind
        place = lx.place_heads.get(heads[0]) or lx.place_heads.get(low[-1])
        if place is not None and not (low[-1] == "state" and " ".join(t.text for t in run[:-1]) in lx.state_names):
            # "Wake County", "Rift Valley", "Gulf of Aden", "Kebbi State" (not "Ohio State", a
            # US state's university or team)
            return place
        if n >= 2 and run[0].text in lx.place_openers:
            return lx.place_openers[run[0].text]  # "Mount Kenya", "Greater Manchester"
        return None

    def _has_role(self, low: list[str]) -> bool:
        # a word is a role or an honorific with or without its dot (a token never ends with
        # two dots): one C-level set test
        return not self.lx.role_words.isdisjoint(low)

    def _role_at(self, low: list[str], i: int) -> int:
        """Length of the longest role phrase starting at word i (0 when none)."""
        lx = self.lx
        if low[i] not in lx.role_first_words:
            w = low[i]
            if "-" in w:
                # "Vice-Governor", "ex-Minister": a modifier joined to a role by a hyphen
                head, _, rest = w.partition("-")
                if head in lx.modifiers and rest in lx.roles:
                    return 1
            elif w.endswith("s") and w[:-1] in lx.roles and i + 1 < len(low):
                return 1  # "Justices Clarence Thomas and Samuel Alito", "Senators ..."
            return 0
        best = 0
        for k in range(min(lx.role_max_words, len(low) - i), 0, -1):
            if " ".join(low[i:i + k]) in lx.roles:
                best = k
                break
        return best

    def _role_chain(self, run: list[Tok], low: list[str]) -> tuple[int, str]:
        """Words at the run's start that are roles, with their modifiers, joined by "and" or a
        comma: 'Chairman and Chief Operating Officer', 'Senior Vice President and General
        Counsel'. Returns the number of words and the last role ((0, "") when the run does not
        open with a role)."""
        lx = self.lx
        i, n = 0, len(run)
        found = (0, "")
        while i < n:
            k = i
            while k < n - 1 and low[k] in lx.modifiers and not self._role_at(low, k):
                k += 1  # "Senior", "Executive" before "Vice President"
            r = self._role_at(low, k)
            if not r or (k and not i and not (k + r < n and self.text[run[k + r - 1].end:run[k + r].start]
                                               in (" and ", ", ", " & "))):
                # (a modifier before one role alone is left to the role rules: "Assistant
                # Secretary of the Air Force for Acquisition Marvin Sambur")
                return found
            j = k + r
            found = (j, " ".join(low[k:j]))
            if j < n and self.text[run[j - 1].end:run[j].start] in (" and ", ", ", " & "):
                i = j
                continue
            return found
        return found

    def _split_role(self, run: list[Tok], low: list[str], gaz, title: bool) -> bool:
        """'British Defence Secretary John Healey' -> NORP British, PERSON John Healey (role)."""
        lx = self.lx
        n = len(run)
        for i in range(n):
            w = low[i].rstrip(".")
            role_len = 0
            honorific = False
            if w in lx.honorifics:
                role_len, honorific = 1, True
            else:
                role_len = self._role_at(low, i)
            if not role_len:
                continue
            j = i + role_len
            while not honorific and j + 1 < n:
                # "Chief Cabinet Secretary", "Chief Deputy Minister": a role word, then more of
                # the role (a modifier and a role) before the name
                r = self._role_at(low, j) if low[j] in lx.role_first_words else 0
                if not r and low[j] in lx.modifiers:
                    r = self._role_at(low, j + 1) and 1 + self._role_at(low, j + 1)
                if not r or j + r >= n:
                    break
                j += r
            # "Secretary of State Condoleezza Rice", "Chief of Staff Rahm Emanuel": a role that
            # goes on with "of" is role to its end (not a role and its object, "Prime Minister of
            # Singapore"); the name comes after it
            while not honorific and j < n and self.text[run[j - 1].end:run[j].start] in (" of ", " of the "):
                ext = 0
                for m_ in range(min(3, n - j), 0, -1):
                    if " ".join(self.text[run[i].start:run[j + m_ - 1].end].lower().split()) in lx.roles:
                        ext = m_
                        break
                if not ext:
                    break
                j += ext
            if j == n and i > 0 and not honorific and self._person_shaped([t.text for t in run]):
                return False  # "Stephen King", "John Major": a surname that is also a role
            # Role modifiers written before the role ("Deputy", "Foreign") are part of it.
            k = i
            while k > 0 and low[k - 1] in lx.modifiers and not self._gaz_at(gaz, run[k - 1].start) \
                    and not (k >= 2 and low[k - 1] in lx.place_heads and not self._gaz_at(gaz, run[k - 2].start)):
                # ("Sandusky County Sheriff Kyle Overmyer": "County" after a name is that place's;
                # "U.S. District Judge" is the role's)
                k -= 1
            # Roles that go on with "of/to <Name>": "Prime Minister of Singapore", "President of
            # France Emmanuel Macron": the object belongs to the role, the name comes after it.
            name_toks = run[j:]
            if name_toks and self.text[run[j - 1].end:name_toks[0].start].strip() in ("of", "of the", "to", "to the", "for", "at"):
                obj_end = None
                firsts = [x for x, t in enumerate(name_toks) if t.text in lx.first_names]
                for gs, ge, entry in gaz:
                    if gs == name_toks[0].start:
                        later = [x for x in firsts if name_toks[x].start > ge]
                        if entry.kind == "ORG" and later and later[0] >= 2 and name_toks[later[0] - 1].start > ge:
                            # "CEO of Boeing Commercial Airplanes Scott Carson": the known name
                            # opens a longer one, which ends where the holder's first name starts
                            self.classify_run(name_toks[:later[0]], gaz, title, True)
                            obj_end = name_toks[later[0] - 1].end
                            break
                        obj_end = ge
                        self.emit(self._gaz_proto(gs, ge, entry, title))
                        break
                if obj_end is None:
                    cut = firsts[0] if firsts else len(name_toks)
                    if cut:
                        gap_word = self.text[run[j - 1].end:name_toks[0].start].strip()
                        portfolio = (gap_word == "for" and firsts != []) or (
                            gap_word in ("of", "for") and cut <= 2 and low[j - 1] in _PORTFOLIO_ROLES)
                        if not portfolio:
                            # ("Minister for Finance Jack Chambers", "the Minister of Health":
                            # a portfolio, no name)
                            self.classify_run(name_toks[:cut], gaz, title, True)
                        obj_end = name_toks[cut - 1].end
                    else:
                        obj_end = name_toks[0].start
                j_end = obj_end
                name_toks = [t for t in name_toks if t.start >= obj_end]
                role_end_override = j_end
            else:
                role_end_override = None
            while name_toks and (name_toks[0].text in lx.stopwords or name_toks[0].text.lower() in lx.roles
                                 or (name_toks[0].text in lx.alone and not honorific)):
                # (after an honorific a word that is no name alone is a surname: "Mr Brown")
                name_toks = name_toks[1:]
            # "Senators Lisa Murkowski of Alaska": the name ends before "of <Place>"
            for x in range(1, len(name_toks)):
                if self.text[name_toks[x - 1].end:name_toks[x].start] == " of " and (x >= 2 or any(
                        g[0] == name_toks[x].start and g[2].kind == "GPE" for g in gaz)):
                    # ("President Zardari of Pakistan": a surname alone, then a country)
                    self.classify_run(name_toks[x:], gaz, title, True)
                    name_toks = name_toks[:x]
                    break
            role_text = self.text[run[k].start:role_end_override or run[j - 1].end]
            prefix = run[:k]
            nationality = None
            affiliation = None
            if prefix:
                before = len(self.protos)
                self.classify_run(prefix, gaz, title, True)
                for p in self.protos[before:]:
                    if p.end == prefix[-1].end or p.end == run[k - 1].end:
                        nationality, affiliation = self._nationality_from(p)
            if name_toks and (name_toks[-1].text.lower() in self.lx.event_heads
                              or name_toks[-1].text.lower() in _EVENT_TAILS):
                return False  # "the World Champion Series": an event's name, read as one
            if len(name_toks) == 1 and any(
                    g[0] == name_toks[0].start and g[1] == name_toks[0].end and g[2].kind in ("NORP", "GPE", "LOC")
                    for g in gaz):
                return False  # "Major European shares": a rank or role word before a nationality, no person
            if name_toks and self._name_like(name_toks):
                ns, ne = name_toks[0].start, name_toks[-1].end
                attrs = {}
                if not honorific:
                    attrs["role"] = role_text
                else:
                    attrs["title"] = run[i].text
                if nationality:
                    attrs["nationality"] = nationality
                if affiliation:
                    attrs["affiliation"] = affiliation
                self.emit(Proto(ns, ne, "PERSON", self.text[ns:ne], strong=True, attrs=attrs,
                                title_mode=title, initial=self.is_initial(ns),
                                tokens=tuple(t.text for t in name_toks)))
            elif not honorific:
                # A role without a name: may later name the one person holding it.
                attrs = {}
                if nationality:
                    attrs["nationality"] = nationality
                self.emit(Proto(run[k].start, run[j - 1].end, None, self.text[run[k].start:run[j - 1].end],
                                role_only=self.text[run[k].start:run[j - 1].end].lower(),
                                attrs=attrs, title_mode=title))
            return True
        return False

    def _nationality_from(self, p: Proto) -> tuple[str | None, str | None]:
        lx = self.lx
        if p.kind == "NORP":
            return p.canonical, None
        if p.kind == "GPE":
            entry = lx.gaz.get(p.canonical)
            if p.canonical in lx.demonym_of:
                return lx.demonym_of[p.canonical], None
            if entry and entry.country:
                return _demonym(lx, entry.country), None
            return None, None
        if p.kind == "ORG" or p.kind is None:
            return None, p.canonical
        return None, None

    def _name_like(self, toks: list[Tok]) -> bool:
        if not toks or len(toks) > 5:
            return False
        for t in toks:
            w = t.text
            if w in self.lx.stopwords and w not in ("May",):
                return False
            if w.lower() in self.lx.org_suffixes and len(toks) > 1 and t is toks[-1]:
                return False
        return True

    def _named_in_plural(self, word: str) -> bool:
        """``word`` and its plural are both written as names ("Sienna" and "Siennas"): things
        that are counted, products; companies and places are not pluralised."""
        if word in self.lx.first_names or word in self.lx.gaz or len(word) < 4:
            return False
        if self._single_surfaces is None:
            self._single_surfaces = {p.tokens[0] for p in self.protos if len(p.tokens) == 1 and not p.role_only}
        other = word[:-1] if word.endswith("s") else word + "s"
        return other in self._single_surfaces and other not in self.lx.gaz and other not in self.lx.first_names \
            and self._never_lower(word) and self._never_lower(other)  # ("Airlines were ...", "airline")

    def _product_by_noun(self, p: Proto, surface: str) -> bool:
        """An unknown name that is, wherever the text uses it, followed by a noun naming a kind
        of product ("the Sienna minivan", "its Galaxy phones"), and after a determiner or a
        count at least once: the product's name, not its maker's."""
        text = self.text
        nouns = self.lx.product_nouns
        end = len(surface)
        if not text.startswith((" ", ","), p.end):
            return False
        word = self._noun_after(p.end)
        if word is None or word not in nouns:
            return False  # nearly every name: decided by the word after this one
        determined = False
        for i in self._uses(surface):
            word = self._noun_after(i + end)
            if word is None or word not in nouns:
                return False
            determined = determined or bool(_RX_COUNTED_BEFORE.search(text, max(0, i - 12), i)) \
                or bool(_RX_LISTED_AFTER_DETERMINER.search(text, max(0, i - 60), i))
        return determined

    def _noun_after(self, pos: int) -> str | None:
        """The lower-case word after a name at ``pos``, past up to two more names listed with
        it ("the ATS and XTS sedans", "the Fiesta, Focus and Fusion cars")."""
        text = self.text
        for _ in range(3):
            m = _RX_LISTED_NAME.match(text, pos)
            if m is None:
                word = _RX_LOWER_RUN.match(text, pos + 1) if text.startswith(" ", pos) else None
                return word.group() if word is not None else None
            pos = m.end()
        return None

    def _opens_sentences(self, p: Proto, surface: str, protos: list[Proto]) -> bool:
        """A word that opens two or more sentences of the text's body, each time before a
        lower-case word, and is never written in lower case: a name the writer only ever puts
        first ("Qantas grounded ... Qantas said"), not an ordinary word ("Shares fell ...
        shares")."""
        if p.title_mode or len(surface) < 3 or surface.endswith(("ly", "ing", "ed")) or not surface.isalpha():
            return False
        if self._initial_counts is None:
            text = self.text
            self._initial_counts = Counter(
                q.tokens[0] for q in protos if q.initial and len(q.tokens) == 1 and q.kind is None
                and not q.title_mode and _RX_LOWER_NEXT.match(text, q.end) and not self._in_headline(q.start))
        return self._initial_counts[surface] >= 2 and _RX_LOWER_NEXT.match(self.text, p.end) is not None \
            and not self._in_headline(p.start) and self._never_lower(surface)

    def _known_model(self, p: Proto, surface: str) -> bool:
        """A well-known vehicle model or product named alone ("its fuel-efficient Fusion",
        "2009-10 Corolla", "defective Xbox consoles") where the text names its make or maker
        somewhere, and not at a sentence's opening (where "Focus" or "Escape" is an ordinary
        word)."""
        makes = self.lx.maker_products.get(surface)
        if makes is None and " " in surface:
            base, _, version = surface.rpartition(" ")
            if version in _ROMAN or version.replace(".", "").isdigit():
                makes = self.lx.maker_products.get(base)  # "Galaxy S II", "Xbox 360": a version of one
        if makes is None or p.initial:
            return False
        if self._makes_named is None:
            self._makes_named = {}
        for make in makes:
            named = self._makes_named.get(make)
            if named is None:
                named = self._makes_named[make] = re.search(
                    r"(?<![\w-])" + re.escape(make) + r"(?![\w-])", self.text) is not None
            if named:
                return True
        return False

    def _product_by_cue(self, p: Proto) -> bool:
        """What the text says around one use makes a name of one or two words a product:
        a price before it ("the $2,500 Nano,", unless a noun follows that the price is
        for: "the $40bn Airbus deal") or a description of a kind of product after it
        ("Casgevy, the first medicine ...", "Vela, a compact car")."""
        if len(p.tokens) > 2:
            return False
        text = self.text
        ps = p.start
        if ps > 2 and text[ps - 1] == " " and text[ps - 2].isalnum() and _has_currency(text[max(0, ps - 24):ps]) \
                and _RX_PRICE_BEFORE.search(text, max(0, ps - 24), ps):
            return not (text.startswith(" ", p.end) and text[p.end + 1:p.end + 2].islower())
        if text.startswith(", ", p.end):
            m = _RX_PRODUCT_APPOSITION.match(text, p.end, min(len(text), p.end + 90))
            if m and (m.group(1) in self.lx.product_nouns or (
                    m.group(1) in _VERSION_NOUNS and text.startswith(" of", m.end()))):
                return True  # ("Lion, the new version of their Mac OS X operating system")
        elif text.startswith(" ", p.end) and len(p.tokens) == 1:
            m = _RX_CRAFT_AFTER.match(text, p.end, min(len(text), p.end + 20))
            if m and m.group(1) in _CRAFT_AFTER and _RX_DETERMINED.search(text, max(0, ps - 8), ps) \
                    and not (text.startswith(" ", m.end()) and text[m.end() + 1:m.end() + 2].isupper()):
                # "the Juno spacecraft", "NASA's Curiosity rover" (not "the Apple operating
                # system Mac OS X", where the name after the noun is the product's)
                return True
        if ps > 3 and text[ps - 2].islower():
            # "the space shuttle Discovery", "its smartphone Velvet": a kind of product named
            # right before the name
            w = _RX_NOUN_BEFORE.search(text, max(0, ps - 48), ps)  # ("the cancer drug Avastin")
            if w and (w.group(1) in self.lx.product_nouns or w.group(1) in self.lx.product_heads
                      or w.group(1) in _VESSEL_NOUNS):
                return True
        c = _RX_CALLED_BEFORE.search(text, max(0, ps - 9), ps) if ps > 8 and text[ps - 2] == "d" else None
        if c is not None:
            # "a new lung cancer drug developed by Pfizer called Crizotinib": a kind of product,
            # then (a few words on) the name it is called by
            words = _RX_WORD_RUN.findall(text[max(0, c.start() - 60):c.start()].lower())[-6:]
            if any(w in self.lx.product_nouns for w in words):
                return True
        if ps > 12 and text[ps - 1] == " ":
            # "small cars such as the Fiesta and the Focus": the names listed after a kind of
            # product and "such as" are that kind's
            w = _RX_SUCH_AS_LIST.search(text, max(0, ps - 120), ps) \
                if text.find("such as ", max(0, ps - 120), ps) >= 0 else None
            if w and (w.group(1) in self.lx.product_nouns or w.group(1) in self.lx.product_heads):
                return True
        if ps > 4 and text[ps - 2] == "," and text[p.end:p.end + 1] in (",", ")"):
            # "its mass-market premium smartphone, LG Velvet, will": the kind of product, then
            # its name set off by commas
            w = _RX_NOUN_COMMA_BEFORE.search(text, max(0, ps - 48), ps)
            if w and (w.group(1) in self.lx.product_nouns or w.group(1) in self.lx.product_heads):
                return True
        if ps > 4 and text[ps - 1] == " " and text[ps - 2].islower() \
                and ("s " in text[max(0, ps - 48):ps - 2]) \
                and (not text.startswith(" ", p.end) or _RX_VERB_NEXT.match(text, p.end)):
            # "Tesla's long-anticipated Cybertruck", "Boeing's troubled Starliner": a maker's
            # thing described by an adjective (no role: "Acme's new chief Dana Holt")
            m = _RX_MAKERS_DESCRIBED.search(text, max(0, p.start - 48), p.start)
            if m:
                lx = self.lx
                maker = lx.gaz.get(m.group(1))
                words = m.group(2).split()
                return (maker is None or maker.kind == "ORG") and m.group(1) not in lx.first_names \
                    and all(_RX_ADJECTIVE.fullmatch(w) and w not in lx.roles and w not in lx.role_first_words
                            and w not in lx.modifiers for w in words)
        return False

    def _always_determined(self, surface: str, uses: Iterable[int]) -> bool:
        """Every use of ``surface`` (at ``uses``) follows a determiner ("the Toyota Prius"): a
        product does; a company named after people ("Northrop Grumman said") does not."""
        text = self.text
        return all(_RX_DETERMINER_BEFORE.search(text, max(0, i - 8), i) for i in uses)

    def _uses(self, surface: str) -> list[int]:
        """Where the text writes ``surface`` as a name of its own (the candidates' starts),
        indexed once per document: searching the text for each candidate would cost its
        length per candidate."""
        if self._uses_index is None:
            index: dict[str, list[int]] = defaultdict(list)
            text = self.text
            for q in self.protos:
                index[text[q.start:q.end]].append(q.start)
            self._uses_index = index
        return self._uses_index.get(surface, [])

    def _is_company(self, word: str, decided: dict[str, Proto]) -> bool:
        """``word`` names an organisation in this text: decided as one, or standing alone
        mid-sentence with nothing deciding otherwise (which makes it an ORG by default)."""
        if word.lower() in self.lx.org_suffixes:
            return False  # "the Senate Majority Leader": an institution, not a maker
        q = decided.get(word)
        if q is not None:
            return q.kind == "ORG"
        if self._single_surfaces is None:
            self._single_surfaces = {p.tokens[0] for p in self.protos if len(p.tokens) == 1 and not p.role_only}
        return self.mid_counts.get(word, 0) > 0 and word in self._single_surfaces and word not in self.lx.gaz

    def _company_after_demonym(self, run: list[Tok], demonym_end: int) -> bool:
        """After a demonym, two or three plain capitalised words that read as no person, role,
        place or group, whose last word the text never uses alone (as a surname): the rest of
        one company's name ("American | Home Mortgage")."""
        rest = [t for t in run if t.start >= demonym_end]
        if not 2 <= len(rest) <= 3 or self.text[run[0].start:run[-1].end].count(" ") != len(run) - 1:
            return False
        lx = self.lx
        if rest[0].text in lx.first_names:
            return False  # "American Jim Smith"
        for t in rest:
            w = t.text
            if not w[:1].isupper() or w in lx.gaz or w in lx.stopwords or w.lower() in lx.roles \
                    or w.lower() in lx.modifiers or _is_plural_role(lx, w):
                return False
        # "Italian Giancarlo Fisichella ... Fisichella led": a surname the text uses alone
        last = rest[-1].text
        caps = self._cap_counts()
        return not (last not in lx.org_suffixes and _namey(last) and caps[last] > caps[rest[0].text])

    def _maker_and_model(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """A company's name then one or two more capitalised words that name no kind of
        organisation or place: a product ("Chevrolet Impala", "Google Maps", "Apple
        Macintosh"), not a second company or a person."""
        rest = tokens[1:]
        if not 1 <= len(rest) <= 2:
            return False
        lx = self.lx
        for w in rest:
            low = w.lower().rstrip(".")
            if not w[:1].isupper() or low in lx.org_suffixes or low in lx.fac_suffixes or low in lx.place_heads \
                    or w in lx.stopwords or w in lx.gaz or w in lx.first_names or low in lx.roles:
                return False
        return True

    def _split_on_gaz(self, run: list[Tok], inside, gaz, title: bool) -> None:
        first_s, first_e, first_entry = inside[0]
        last_s, last_e, last_entry = inside[-1]
        if last_entry.kind == "NORP":
            tail = [t for t in run if t.start >= last_s]
            if self._company_after_demonym(tail, last_e):
                # "(Shares of) American Home Mortgage": a demonym opening a company's name is
                # part of it; what comes before is read on its own
                head = [t for t in run if t.end <= last_s]
                if head:
                    self.classify_run(head, gaz, title, True)
                canonical = self.text[last_s:run[-1].end]
                self.emit(Proto(last_s, run[-1].end, "ORG", canonical, strong=True, title_mode=title,
                                initial=self.is_initial(last_s), tokens=tuple(t.text for t in tail)))
                return
        if first_s == run[0].start and first_entry.kind == "ORG" and first_e < run[-1].end \
                and self.text[run[0].start:run[-1].end].count(" ") == len(run) - 1 \
                and self._maker_and_model([self.text[first_s:first_e]] + [t.text for t in run if t.start >= first_e]) \
                and self._always_determined(self.text[run[0].start:run[-1].end],
                                            _find_all(self.text, self.text[run[0].start:run[-1].end])):
            self._emit_product(run, title)
            return
        pos = run[0].start
        i = 0
        for gs, ge, entry in inside:
            if gs < pos:
                continue
            piece = [t for t in run[i:] if t.end <= gs]
            if len(piece) == 2 and entry.kind in ("GPE", "LOC") and piece[0].text in _REGION_COMPASS \
                    and piece[1].text in _REGION_COMPASS and self.text[piece[0].start:gs] == \
                    f"{piece[0].text} {piece[1].text} " and ge <= run[-1].end:
                # "North East India", "South West London": a region of the place (one compass
                # word before it is joined later, see _compass_regions)
                self.emit(Proto(piece[0].start, ge, "LOC", f"{piece[0].text} {piece[1].text} {entry.canonical}",
                                strong=True, title_mode=title, initial=self.is_initial(piece[0].start),
                                tokens=(piece[0].text, piece[1].text) + tuple(self.text[gs:ge].split())))
                pos = ge
                while i < len(run) and run[i].start < ge:
                    i += 1
                continue
            if piece:
                self.classify_run(piece, gaz, title, True)
            self.emit(self._gaz_proto(gs, min(ge, run[-1].end) if ge > run[-1].end else ge, entry, title))
            pos = ge
            while i < len(run) and run[i].start < ge:
                i += 1
        rest = [t for t in run[i:] if t.start >= pos]
        if rest:
            self.classify_run(rest, gaz, title, True)

    def _model_number_then_noun(self, end: int) -> bool:
        """A model's number at ``end``, then one weapon or product noun in the singular
        ("Falcon 9 rocket", "Soyuz 2 launcher"): the number is the model's (after a plural noun
        it would be a count)."""
        pn = _RX_PRODUCT_NUMBER.match(self.text, end)
        if pn is None:
            return False
        m = _RX_ONE_LOWER.match(self.text[pn.end():pn.end() + 24])
        if not m:
            return False
        w = m.group(1)
        return not w.endswith("s") and (w in self.lx.weapon_nouns or w in self.lx.product_nouns)

    def _weapon_noun_after(self, end: int) -> bool:
        text = self.text
        if end >= len(text) or text[end] != " ":
            return False
        # the first word after must start like a weapon noun ("said", "and" do not): its
        # first two letters decide most cases without the regex
        if text[end + 1:end + 3] not in _WEAPON_STARTS:
            return False
        m = _RX_TWO_LOWER.match(text, end, end + 44)
        if not m:
            return False
        one = m.group(1)
        two = f"{one} {m.group(2)}" if m.group(2) else None
        # Only nouns that name weapons: "Boeing jets" and "Airbus planes" are the maker's.
        strong = _STRONG_WEAPON_NOUNS
        return one in strong or (two is not None and two in strong)

    def _emit_product(self, run: list[Tok], title: bool) -> None:
        last = run[-1].text
        if len(run) >= 2 and (last.isupper() or (last[-1] == "s" and last[:-1].isupper())) \
                and last.lower() in self.lx.product_nouns and self.text[run[-2].end:run[-1].start] == " ":
            run = run[:-1]  # "GV80 SUVs": the kind of product in capitals is not part of the name
        start, end = run[0].start, run[-1].end
        m = _RX_PRODUCT_NUMBER.match(self.text, end)
        if m:
            end = m.end()  # "iPhone 5", "iPhone 4S", "Galaxy S21": the model's number
        # "M109 Paladin howitzer": the weapon noun right after belongs to the name.
        m = _RX_ONE_LOWER.match(self.text[end:end + 24])
        if m and m.group(1) in self.lx.weapon_nouns and m.group(1) not in ("system", "systems"):
            end = end + m.end()
        self.emit(Proto(start, end, "PRODUCT", self.text[start:end], strong=True, title_mode=title,
                        initial=self.is_initial(start), tokens=tuple(t.text for t in run)))

    # ---------------------------------------------------------------- patterns

    def units_and_calibres(self, s: int, e: int, toks: list[Tok]) -> list[tuple[int, int]]:
        """Military units ('3rd Battalion The Royal Regiment of Scotland') and calibre
        munitions ('155mm artillery shells'); returns the spans they claim."""
        text = self.text
        claimed = []
        lx = self.lx
        starts = {t.start: i for i, t in enumerate(toks)}
        for m in _ORDINAL.finditer(text, s, e):
            after = m.end() + 1
            if after >= e or text[m.end()] != " " or after not in starts:
                continue
            # the following capitalised run (same joining rule as names)
            i = starts[after]
            run = [toks[i]]
            while i + 1 < len(toks) and not toks[i].poss and len(run) < _MAX_TOKENS:
                gap = text[toks[i].end:toks[i + 1].start]
                if gap == " " or (gap.strip() in ("of", "of the") and gap.startswith(" ") and gap.endswith(" ")):
                    run.append(toks[i + 1])
                    i += 1
                else:
                    break
            low = [t.text.lower() for t in run]
            # the unit noun must come within the first four words
            if not any(w in lx.unit_nouns or (j + 1 < len(low) and f"{w} {low[j + 1]}" in lx.unit_nouns)
                       for j, w in enumerate(low[:4])):
                continue
            us, ue = m.start(), run[-1].end
            self.emit(Proto(us, ue, "ORG", text[us:ue], strong=True, initial=self.is_initial(us),
                            tokens=tuple(t.text for t in run)))
            claimed.append((us, ue))
        for m in _CALIBRE.finditer(text, s, e):
            tail = text[m.end():m.end() + 40]
            mm = _RX_CAL_NOUN.match(tail)
            if not mm:
                continue
            one = mm.group(1)
            two = f"{one} {mm.group(2)}" if mm.group(2) else None
            if two and two in lx.calibre_nouns:
                ue = m.end() + mm.end()
            elif one in lx.calibre_nouns:
                ue = m.end() + mm.end(1)
            else:
                continue
            us = m.start()
            self.emit(Proto(us, ue, "PRODUCT", text[us:ue], strong=True, tokens=(text[us:ue],)))
            claimed.append((us, ue))
        return claimed

    # ---------------------------------------------------------------- the scan

    def scan(self) -> list[Proto]:
        text = self.text
        spans = self.spans()
        if not spans:
            return []
        # One pass of each scanner over the whole text, then shared out to the prose spans
        # (cheaper than restarting them per paragraph).
        lo, hi = spans[0][0], spans[-1][1]
        all_gaz = self.gaz_matches(lo, hi)
        gaz_starts = list(map(_FIRST, all_gaz))
        cap_matches, cap_starts = _cap_matches(text, lo, hi)
        # units ("3rd Battalion") and calibres ("155mm shells") need an ordinal or "mm"
        hints = [m.start() for m in _UNIT_HINT.finditer(text, lo, hi)]
        # Each body span is read and classified in one go (classifying never reads another
        # span's words); title-case lines wait for the body, as they may only repeat names
        # found there.
        titles: list[tuple[int, int, list[Tok], list]] = []
        mids: list[str] = []  # words not opening a sentence, counted once at the end
        starts = self.sentence_starts
        classify = self.classify_run
        single = self._single
        for s, e, title, _kind in spans:
            gi, gj = bisect.bisect_left(gaz_starts, s), bisect.bisect_left(gaz_starts, e)
            gaz = [g for g in all_gaz[gi:gj] if g[1] <= e] if gi < gj else []
            ci, cj = bisect.bisect_left(cap_starts, s), bisect.bisect_left(cap_starts, e)
            if title:
                titles.append((s, e, self.tokens_from(cap_matches[ci:cj], e, gaz), gaz))
                continue
            hinted = hints and bisect.bisect_left(hints, s) < bisect.bisect_left(hints, e)
            if not gaz and not hinted:
                # most paragraphs: no fixed name to share out and no unit, so tokens, runs
                # and the mid-sentence words come from one pass over the matches
                for run in self._plain_runs(cap_matches[ci:cj], e, mids):
                    if len(run) == 1:
                        single(run[0])
                    else:
                        classify(run, gaz, False)
                continue
            toks = self.tokens_from(cap_matches[ci:cj], e, gaz)
            mids.extend([t.text for t in toks if t.start not in starts])
            if hinted:
                claimed = self.units_and_calibres(s, e, toks)
                if claimed:
                    claimed.sort()
                    toks = [t for t in toks if not _overlaps(claimed, t.start, t.start + 1)]
                    gaz = [g for g in gaz if not _overlaps(claimed, g[0], g[0] + 1)]
            if not gaz:
                for run in self.runs(toks):
                    if len(run) == 1:
                        single(run[0])
                    else:
                        classify(run, gaz, False)
                continue
            first = len(self.protos)
            gstarts = [g[0] for g in gaz]
            for run in self.runs(toks):
                # only the fixed names that touch this run (they never overlap each other, so
                # only the last one starting before it may reach into it; one ending before
                # the run changes nothing, and a lone word without any goes the short way)
                rs = run[0].start
                lo_i = bisect.bisect_right(gstarts, rs) - 1
                if lo_i < 0 or gaz[lo_i][1] <= rs:
                    lo_i += 1
                hi_i = bisect.bisect_left(gstarts, run[-1].end)
                if lo_i == hi_i and len(run) == 1:
                    single(run[0])
                else:
                    classify(run, gaz[lo_i:hi_i], False)
            # fixed names that are not capitalised runs ("Korean peninsula", "al-Qaeda")
            covered = sorted([(p.start, p.end) for p in self.protos[first:]] + self.no_names)
            for gs, ge, entry in gaz:
                if not _overlaps(covered, gs, ge):
                    self.emit(self._gaz_proto(gs, ge, entry, False))
        self.mid_counts.update(mids)
        if text.find(", ", lo, hi) >= 0 or text.find(" coast", lo, hi) >= 0:
            self._state_abbreviations(lo, hi)
        self._vehicle_models(lo, hi)
        self._maker_and_product(lo, hi)
        self._aircraft_numbers(lo, hi)
        if self.lx.work_cues:
            self._quoted_works(lo, hi)
        self.resolve_context()
        self._dateline_names()
        if titles:
            for p in self.protos:
                if p.kind is not None and not p.role_only:
                    self.body_surfaces.setdefault(text[p.start:p.end], p)
            for p in self.protos:
                # A title may shorten a name: "Apple" for "Apple Computer", "Jobs" for "Steve Jobs".
                if p.kind in ("ORG", "PERSON") and len(p.tokens) >= 2 and not p.role_only:
                    short = p.tokens[0] if p.kind == "ORG" else p.tokens[-1]
                    if short not in self.lx.stopwords and short not in self.lx.alone and len(short) > 2:
                        self.body_surfaces.setdefault(short, p)
            for s, e, toks, gaz in titles:
                self.scan_title(s, e, toks, gaz)
        _sort_protos(self.protos)
        return self.protos

    def _state_abbreviations(self, lo: int, hi: int) -> None:
        """US states written short after a place and a comma ("Lansing, Mich.", "Raleigh, NC",
        "Washington, D.C."): the state, which also makes the place before it a place (see
        _place_context). Anywhere else "Miss." or "Mass." or "IN" are other words."""
        states = self.lx.us_state_abbreviations
        found = []
        text = self.text
        # the pattern opens with its literal ", " (a fast search); the letter before it is
        # tested here, as a look-behind would be at every position
        for m in _RX_STATE_ABBR.finditer(text, lo, hi):
            before = text[m.start() - 1] if m.start() > 0 else ""
            if not (before.islower() or before == "."):
                continue
            name = states.get(m.group(1))
            entry = self.lx.gaz.get(name) if name else None
            if entry is not None:
                found.append((m.start(1), m.end(1), entry))
        if text.find(" coast", lo, hi) >= 0:
            for m in _RX_STATE_COAST.finditer(text, lo, hi):  # "the entire NC coast"
                name = states.get(m.group(1))
                entry = self.lx.gaz.get(name) if name else None
                if entry is not None:
                    found.append((m.start(1), m.end(1), entry))
            found.sort(key=lambda f: f[0])
        if not found:
            return
        claimed = [(s, e) for s, e, _ in found]
        self.protos = [p for p in self.protos if not _overlaps(claimed, p.start, p.end)]
        for s, e, entry in found:
            self.emit(self._gaz_proto(s, e, entry, False))

    def _vehicle_models(self, lo: int, hi: int) -> None:
        """A vehicle make then a model's name is a product: "Toyota Camry", "Jeep Wranglers",
        "Ford F-150", "Audi A4" (the make alone stays an organisation; the model alone, later,
        is the product too: see _link_models). The model's words stop at a word that heads an
        organisation, a facility or a place ("Ford Motor", "Honda Center", "Ford Field"), at a
        kind of product ("BMW SUVs"), a role ("Ford Chairman Bill Ford"), another make ("Nissan
        Renault"), a country, state or region ("Toyota Kentucky", "GM Europe"); a make after a
        person's first name is a surname ("Henry Ford"). Aircraft makers take only numbered
        models ("Boeing 787", not "Boeing Commercial Airplanes")."""
        lx = self.lx
        text = self.text
        found = []
        # the makes in one C-level pass (Aho-Corasick); a model's words are read after each
        for end_idx, make in lx.make_automaton.iter(text, lo, hi):
            s = end_idx + 1 - len(make)
            if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "-_")) or not text.startswith(" ", end_idx + 1):
                continue
            m = _RX_MODEL_WORDS.match(text, end_idx + 2)  # (end_idx is the make's last character)
            if m is None:
                continue
            if s > 1 and text[s - 1] == " ":
                k = text.rfind(" ", max(0, s - 20), s - 1) + 1
                if text[k:s - 1] in lx.first_names:
                    continue
            words = m.group(1).split(" ")
            keep = 0
            aircraft = make in lx.aircraft_makes
            for w in words:
                if aircraft and not _RX_AIRCRAFT_MODEL.fullmatch(w):
                    break  # "Boeing 787", "Airbus A380-800"; not "Boeing Commercial Airplanes"
                low = w.lower().rstrip(".")
                entry = lx.gaz.get(w)
                if (low in lx.org_suffixes or low in lx.fac_suffixes or low in lx.place_heads or low in lx.roles
                        or low in lx.modifiers or low in lx.role_first_words or w in lx.stopwords
                        or w in _STREET_HEADS or w in lx.make_words or low in _COMPANY_ENDS
                        or low in lx.product_nouns
                        or (entry is not None and (entry.kind in ("LOC", "NORP", "ORG") or entry.country is None
                                                   or entry.canonical in lx.us_state_names))):
                    break
                keep += 1
            if not keep:
                continue
            e = m.start(1) + len(" ".join(words[:keep]))
            if found and found[-1][1] > s:
                continue  # inside the model before ("Jaguar Land Rover": the second make is its)
            if text.startswith((", who ", " who "), e) and make in lx.first_names:
                continue  # "Lincoln Crawford, who had fought ...": a person named like a make
            found.append((s, e, len(make.split(" "))))
        if not found:
            return
        titles = [(a, b) for a, b, title, _k in self.spans() if title]
        if titles:
            # in a title-case line every word is capitalised: "Ford Slashes Jobs" names no model,
            # unless the model has a number ("First Airbus A380 delivered") or the body names it too
            found = [f for f in found if not _overlaps(titles, f[0], f[1]) or any(ch.isdigit() for ch in text[f[0]:f[1]])
                     or any(not _overlaps(titles, i, i + f[1] - f[0]) for i in _find_all(text, text[f[0]:f[1]]))]
            if not found:
                return
        claimed = [(s, e) for s, e, _ in found]
        self.protos = [p for p in self.protos if not _overlaps(claimed, p.start, p.end)]
        for s, e, n_make in found:
            surface = text[s:e]
            canonical = _singular_model(surface)
            self.emit(Proto(s, e, "PRODUCT", canonical, strong=True, initial=self.is_initial(s),
                            tokens=(" ".join(surface.split(" ")[:n_make]),) + tuple(surface.split(" ")[n_make:])))

    def _maker_and_product(self, lo: int, hi: int) -> None:
        """A maker then one of its products is one product, with a version number after it:
        "Apple Macintosh", "Google Android", "Microsoft Windows 7" (products.json 'by_maker')."""
        rx = self.lx.maker_then_product
        if rx is None:
            return
        found = [(m.start(), m.end()) for m in rx.finditer(self.text, lo, hi)]
        if not found:
            return
        self.protos = [p for p in self.protos if not _overlaps(found, p.start, p.end)]
        for s, e in found:
            surface = self.text[s:e]
            self.emit(Proto(s, e, "PRODUCT", surface, strong=True, initial=self.is_initial(s),
                            tokens=tuple(surface.split(" "))))

    def _aircraft_numbers(self, lo: int, hi: int) -> None:
        """A Boeing jet called by its number alone ("the first 787", "flying the 777", "the
        747-8 jumbo") in a text that names Boeing: the same product as "Boeing 787". Only after
        a determiner or a word such as "first" or "new", so that "737 jobs" stays a count."""
        text = self.text
        if "Boeing" not in text or not _RX_BOEING.search(text):
            return
        covered = sorted((p.start, p.end) for p in self.protos)
        for m in _RX_JET_NUMBER.finditer(text, lo, hi):
            s, e = m.span()
            w = _RX_WORD_BEFORE.search(text, max(0, s - 20), s)
            count = m.group(0).endswith("s") and _RX_COUNT_BEFORE.search(text, max(0, s - 12), s)
            if (not count and (w is None or w.group(1).lower() not in _JET_DETERMINERS)) or _overlaps(covered, s, e):
                continue  # (a plural after a count is the jets: "18 777s", "46 more 787s")
            number = m.group(0)[:-1] if m.group(0).endswith("s") else m.group(0)
            self.emit(Proto(s, e, "PRODUCT", f"Boeing {number}", strong=True, initial=self.is_initial(s),
                            tokens=("Boeing", number)))

    def _member_of_after(self, p: Proto, protos: list[Proto], idx: int) -> bool:
        """``p`` (two or three words that fit a person's name) is followed by "from" or "of" and
        a party, alliance or movement the text names with its head word ("from the Turkmen
        Front", "of the Jubilee Party")."""
        text = self.text
        m = _RX_FROM_THE.match(text, p.end)
        if m is None or idx + 1 >= len(protos) or len(p.tokens) < 2:
            return False
        q = protos[idx + 1]
        if q.start != m.end() or q.kind != "ORG" or len(q.tokens) < 2:
            return False
        return q.tokens[-1].lower() in _MEMBER_HEADS and all(_namey(t) for t in p.tokens) \
            and p.tokens[0] not in self.lx.gaz and not _ACRONYM.match(p.tokens[0])

    def _quoted_works(self, lo: int, hi: int) -> None:
        """Titles in quotes: once a work's noun introduces one ("Ducournau's film ‘Titane’", "the
        novel “The Luminaries”"), every quoted title-case phrase of the text is a work's title
        (WORK_OF_ART), not the organisations or places its words would make ("‘Bergman Island’",
        "“Rust and Bone”"). A quoted word between two names is a nickname ("Walter "Wes" Teel"),
        and a text with no such noun before a quote keeps its quoted names as they are (a
        product's: "the 787 “Dreamliner”")."""
        text = self.text
        cues = self.lx.work_cues
        if _work_cue_before_quote(cues).search(text, lo, hi) is None:
            return  # (one pass in C: most texts have no work's noun before a quote)
        titles: list[tuple[int, int]] = []
        cued = False
        for m in _RX_QUOTED_TITLE.finditer(text, lo, hi):
            if _CLOSING_QUOTE[m.group(1)] != m.group(3):
                continue
            s, e = m.start(2), m.end(2)
            while e > s and text[e - 1] in ",.;:!?":
                e -= 1  # ("“The Luminaries,”": the comma inside the quotes is the sentence's)
            before = text[max(0, m.start() - 24):m.start()]
            if before[-1:] == " " and before[-2:-1].isalpha() and before.rstrip().rsplit(" ", 1)[-1][:1].isupper() \
                    and text[m.end():m.end() + 2][1:2].isupper():
                continue  # a nickname between a first name and a surname
            words = text[s:e].split()
            if not 1 <= len(words) <= 10 or not all(w[:1].isupper() or w in _TITLE_SMALL for w in words):
                continue
            titles.append((s, e))
            cued = cued or before.rstrip().rsplit(" ", 1)[-1].lower() in cues
        if not cued:
            return
        titles.sort()
        self.protos = [p for p in self.protos if not _overlaps(titles, p.start, p.end)]
        for s, e in titles:
            self.emit(Proto(s, e, "WORK_OF_ART", text[s:e], strong=True, initial=False,
                            tokens=tuple(text[s:e].split())))

    def _dateline_names(self) -> None:
        """The place and the agency of a wire dateline ("CAIRO, Jan 26 (Reuters) -",
        "NORTH CAROLINA (WBTV) -"): where the story was filed and who filed it. The place,
        written in capitals, is looked up in its usual spelling; the agency in brackets is an
        organisation whatever its name. Other datelines ("May 1, 2013 / 11:12 PM") name none."""
        from model.read.dates import wire_dateline

        text = self.text
        gaz = self.lx.gaz
        found: list[tuple[int, int, str, str | None]] = []  # (start, end, place, agency)
        for b in self.doc.blocks:
            if b.kind is not BlockKind.DATELINE:
                continue
            # the block ends at the dash, or at the bracket when the sentence follows at once
            wire = wire_dateline(text[b.start:b.end] + " A")
            if wire is not None:
                found.append((b.start, b.end, wire.place, wire.agency))
        if self._mid_datelines:  # (datelines opening later paragraphs: see _paragraph_dateline)
            for start, place, agency, end in self._mid_datelines:
                found.append((start, end if end is not None else start + len(place), place, agency))
        for b_start0, b_end, wire_place, agency in found:
            place, _, region = wire_place.partition(",")
            if "/" in place.split(" ")[0]:
                # "CAIRO/GAZA (Reuters) —": filed from two places, each named
                first, _, place = place.partition("/")
                self._dateline_place(b_start0, first)
                b_start = b_start0 + len(first) + 1
            else:
                b_start = b_start0
            self._dateline_place(b_start, place)
            region = region.strip()
            if region:
                r_s = text.find(region, b_start0 + len(place), b_end)
                name = self.lx.us_state_abbreviations.get(region, region)
                entry = gaz.get(name) or (gaz.get(name.title()) if name.isupper() else None)  # "NAIROBI, KENYA:"
                head, _, last = name.rpartition(" ")
                if entry is None and head and last.lower() in self.lx.place_lower_heads:
                    entry = gaz.get(head)  # "ERBIL, Kurdistan Region -": the place and its kind
                if r_s >= 0 and entry is not None and entry.kind in ("GPE", "LOC"):
                    self.emit(self._gaz_proto(r_s, r_s + len(region), entry, False))
            if agency:
                a_s = text.find("(" + agency + ")", b_start0, b_end) + 1
                if a_s <= 0:
                    continue
                # "(UrduPoint News / Sputnik - 24th December, 2022)": each agency named, not the date
                for part in _RX_AGENCY_PART.finditer(agency):
                    name = part.group(1)
                    if name.lower() in _NOT_AGENCIES:
                        continue  # "(Agencies)", "(Staff)": a credit, no name
                    p_s = a_s + part.start(1)
                    p_e = p_s + len(name)
                    entry = gaz.get(name)
                    if entry is not None and entry.kind == "ORG":
                        self.emit(self._gaz_proto(p_s, p_e, entry, False))
                    elif entry is None:
                        self.emit(Proto(p_s, p_e, "ORG", name, strong=True, tokens=tuple(name.split())))

    def _dateline_place(self, start: int, place: str) -> None:
        """The place a dateline names at ``start``, looked up in its usual spelling."""
        gaz = self.lx.gaz
        usual = " ".join(w.capitalize() for w in place.split())
        entry = (gaz.get(place) or gaz.get(usual)) if place else None
        if entry is not None and entry.kind in ("GPE", "LOC", "ORG"):
            # (an organisation: "NATO (North Atlantic Treaty Organization) The alliance ..."
            # read as a dateline names no place after all, but the name still stands)
            self.emit(self._gaz_proto(start, start + len(place), entry, False))
        elif entry is None and len(place) > 2:
            # a dateline names a place, known to the lists or not ("TEMPE, Ariz. —",
            # "BANGALORE:"; the reader turns labels such as "UPDATE:" away)
            self.emit(Proto(start, start + len(place), "GPE", usual, strong=True, tokens=tuple(place.split())))

    def scan_title(self, s: int, e: int, toks: list[Tok], gaz) -> None:
        """In a title-case line keep only fixed names and names the body also uses."""
        text = self.text
        claimed: list[tuple[int, int]] = []
        for gs, ge, entry in gaz:
            self.emit(self._gaz_proto(gs, ge, entry, True))
            claimed.append((gs, ge))
        claimed.sort()
        for run in self.runs(toks):
            run = [t for t in run if not _overlaps(claimed, t.start, t.end)]
            i = 0
            while i < len(run):
                found = False
                for j in range(len(run), i, -1):
                    piece = text[run[i].start:run[j - 1].end]
                    known = self.body_surfaces.get(piece)
                    if known is not None:
                        q = Proto(run[i].start, run[j - 1].end, known.kind, known.canonical, strong=known.strong,
                                  attrs={}, title_mode=True, tokens=tuple(t.text for t in run[i:j]))
                        q.eid = known.eid
                        self.emit(q)
                        i = j
                        found = True
                        break
                if not found:
                    i += 1

    # ---------------------------------------------------------------- context pass

    def resolve_context(self) -> None:
        """Decide undecided candidates from their neighbourhood; link surnames and acronyms."""
        text = self.text
        lx = self.lx
        protos = _sort_protos(list(self.protos))
        self.protos = protos
        starts = list(map(_BY_START, protos))
        self._starts = starts

        # Acronyms defined in parentheses: "National Intelligence Service (NIS)".
        acronyms: dict[str, Proto] = {}
        # only names followed by " (" can define one: find those places in one C pass
        paren = {m.start() for m in _RX_SPACE_PAREN.finditer(text)}
        for p in ([p for p in protos if p.end in paren] if paren else ()):
            if p.role_only or p.end + 3 >= len(text):
                continue
            if text[p.end:p.end + 2] == " (":
                m = _RX_PAREN_ACR.match(text[p.end + 1:p.end + 14])
                if m and _ACRONYM.match(m.group(1)) and m.group(1)[0] == _strip_article(p.canonical)[:1].upper():
                    acr_s = p.end + 2
                    j = bisect.bisect_left(starts, acr_s)
                    if j < len(protos) and protos[j].start == acr_s:
                        protos[j].alias_of = p.canonical
                        protos[j].kind = p.kind or "ORG"
                        protos[j].strong = True
                    if p.kind is None:
                        p.kind = "ORG"
                        p.strong = True
                    p.attrs.setdefault("acronym", m.group(1))
                    acronyms.setdefault(m.group(1), p)
        # Later uses of a defined acronym name the same organisation.
        if acronyms:
            for q in protos:
                target = acronyms.get(text[q.start:q.end])
                if target is not None and q is not target and q.alias_of is None:
                    q.alias_of = target.canonical
                    q.kind = target.kind or "ORG"
                    q.strong = True

        # Person cues for undecided candidates.
        role_last = lx.role_last_words
        # one-word names (only needed for the few two-to-four-word candidates that get that far)
        singles: set[str] | None = None
        kin_here: bool | None = None  # the text has a family word somewhere (tested once)
        for idx, p in enumerate(protos):
            if p.kind is not None or p.role_only:
                continue
            toks = p.tokens
            n = len(toks)
            # _role_before needs a space and then a role's last word right before the name:
            # test that on the text before slicing anything
            ps = p.start
            role = None
            if ps > 0 and text[ps - 1] == " ":
                b0 = ps - 60 if ps > 60 else 0
                sp = text.rfind(" ", b0, ps - 1)
                if text[sp + 1 if sp >= 0 else b0:ps - 1] in role_last:
                    role, nat, aff = self._role_before(text[b0:ps], ps, protos, idx)
            if role and n == 1 and len(toks[0]) >= 2 and toks[0].isupper() and _ACRONYM.match(toks[0]):
                role = None  # "state broadcaster RUV", "national carrier PIA": people are no acronyms
            if role and n == 1 and role.lower() in _ADJECTIVE_ROLES:
                nx = _RX_ONE_LOWER.match(text, p.end)
                if nx and nx.group(1) not in lx.head_followers:
                    role = None  # "the official Nasdaq holiday list", "his private Nkandla homestead": the adjective
            if role and n <= 4:
                p.kind = "PERSON"
                p.strong = True
                p.attrs["role"] = role
                if nat:
                    p.attrs["nationality"] = nat
                if aff:
                    p.attrs["affiliation"] = aff
                continue
            # a place cue ends with a space; the other place test needs ", " after the name
            if ((ps > 2 and text[ps - 1] == " " and (text[ps - 3:ps - 1].lower() in _PLACE_CUE_TAILS or text[ps - 2] == ","))
                    or text.startswith(", ", p.end)) and self._place_context(p):
                p.kind = "GPE"
                p.strong = True
                continue
            if n == 1 and toks[0] in lx.minor_cities and text[p.end:p.end + 1] not in ("'", "’") and (
                    text[ps - 4:ps] in (" in ", " at ") or (
                        (_RX_TOWN_BEFORE.search(text, max(0, ps - 9), ps) or text.startswith("-based", p.end)
                         or _RX_FIRM_AFTER.match(text, p.end))
                        and toks[0] not in lx.first_names and not self._ends_a_longer_name(toks[0], protos))):
                # a town too small for the gazetteer where the text puts a place ("the station in
                # Kiel", "a factory at Tychy", "judges from Gulfport", "the Trollhattan-based Saab")
                p.kind = "GPE"
                p.strong = True
                p.attrs.setdefault("country", _eid("GPE", lx.minor_cities[toks[0]]))
                continue
            if kin_here is None:
                kin_here = _kin_word(lx.kin_nouns).search(text) is not None  # most texts name no kin
            if kin_here and n <= 3 and all(_namey(t) for t in toks) and (
                    (p.poss and _kin_after(lx.kin_nouns).match(text, p.end))
                    or (n == 1 and ps > 2 and text[ps - 1] == " "
                        and _kin_before(lx.kin_nouns).search(text, max(0, ps - 64), ps))):
                # "his wife Suzanne", "her two sons Alaa and Gamal"; "Mubarak's son": only a
                # person has a wife or a son (names of two words or more: _person_cue)
                p.kind = "PERSON"
                p.strong = True
                continue
            pc = _RX_PAREN_COUNT.match(text, p.end) if n <= 3 and not p.poss else None
            if pc and all(_namey(t) for t in toks) and not _ACRONYM.match(toks[0]) and not any(t in lx.gaz for t in toks) \
                    and (text[pc.end():pc.end() + 1] in ",.;:" or _follower_after(lx, text, pc.end())):
                # (not "Commit Indictable Offence (2) counts": a count of the noun after it)
                # "Marnus Labuschagne (28)", "Umesh Yadav (nine)": a score or an age in brackets
                # after a name is a person's
                p.kind = "PERSON"
                p.strong = True
                continue
            if n < 2:
                if (_RX_AGE_AFTER.match(text, p.end) or _RX_AGE_AFTER_END.match(text, p.end)) and not p.poss and _namey(toks[0]) and not _ACRONYM.match(toks[0]) \
                        and toks[0] not in lx.gaz and toks[0].isalpha():
                    # "identified as Pushpalatha, 40, and Jyoti, 28": an age in apposition
                    p.kind = "PERSON"
                    p.strong = True
                    continue
                if text.startswith(", ", p.end) and not p.poss and not p.initial and _namey(toks[0]) \
                        and not _ACRONYM.match(toks[0]) and self._appositive(p, protos, idx, probe=True):
                    # "..., Alamsyah, head of a local disaster agency, told Reuters": a role in
                    # apposition (not at a sentence's start: "Normally, the president flies")
                    p.kind = "PERSON"
                    p.strong = True
                continue  # every test below is for names of two words or more
            if n <= 3 and _RX_INITIALS_TOKEN.fullmatch(toks[0]) and all(_namey(t) for t in toks[1:]):
                p.kind = "PERSON"  # "M.K. Stalin", "H.V. Parashwanath": initials, then a surname
                p.strong = True
                continue
            namey = all(_namey(t) for t in toks)
            if not namey:
                continue  # ... and every one needs each word to fit a person's name
            if n <= 3 and any(_HYPHEN_GIVEN.match(t) for t in toks[1:]):
                # "Han Duck-soo", "Lee Jae-myung": a family name then a hyphenated given name
                p.kind = "PERSON"
                p.strong = True
                continue
            if n <= 4 and toks[0] in lx.first_names:
                p.kind = "PERSON"
                p.strong = True
                continue
            if n <= 3 and self._member_of_after(p, protos, idx):
                # "Gharib Askari from Fatih Alliance", "Sawsan Abdulwahid from the Turkmen Front":
                # someone from a party or a movement named in full
                p.kind = "PERSON"
                p.strong = True
                continue
            if 2 <= n <= 3 and toks[-1] in lx.last_names and toks[0] not in lx.gaz \
                    and not (p.initial and toks[0].endswith(("ing", "ed", "ly"))) and self._never_lower(toks[-1]):
                # "Umesh Yadav", "Kalieaswari Srinivasan": a first name the lists do not know,
                # before a family name they do (one the text never writes in lower case:
                # "Commit Indictable Offence" ... "an offence"; not after a sentence's
                # opening participle: "Applauding Ortega")
                p.kind = "PERSON"
                p.strong = True
                continue
            if n <= 4 and singles is None:
                singles = {q.tokens[0] for q in protos if len(q.tokens) == 1 and not q.role_only}
            if n <= 4 and toks[0] not in singles and not self._object_before(p.start):
                # People are seldom called by their first name alone: a first word that
                # stands alone elsewhere ("Apple" ... "Apple Computer said") is a company.
                # A speech verb alone is weak ("Northrop Grumman said"): the surname must
                # also stand alone elsewhere ("... Carson added"), or "By" must introduce it.
                if (self._speech_after(p.end) and toks[-1] in singles) or self._by_before(p.start):
                    p.kind = "PERSON"
                    p.strong = True
                    continue
                if n == 2 and self._stands_alone(toks[-1], protos) >= 2 and toks[-1] not in self.lx.gaz \
                        and self._never_lower(toks[0]):  # ("Opposition Nasa": a common word first)
                    # "Novak Djokovic" ... "Djokovic won" ... "Djokovic said": a name whose last
                    # word the text keeps using alone, and never its first, is a person's
                    p.kind = "PERSON"
                    p.strong = True
                    continue
            if n <= 3 and toks[0] not in singles and self._person_cue(p, protos, idx):
                p.kind = "PERSON"
                p.strong = True
                continue
            if self._appositive(p, protos, idx, probe=True):
                p.kind = "PERSON"
                p.strong = True

        self._people_in_lists(protos)
        self._people_in_plain_lists(protos)
        self._places_in_lists(protos)
        self._products_in_lists(protos)

        # Each pass below needs the one before it finished over every proto (a later proto's
        # decision can change an earlier one's); work that only reads the proto in hand rides
        # along with the pass before it.
        # Appositive roles for every person: "Kim Tae-hyo, South Korea's deputy national
        # security adviser," / "Robert Wood, the U.S. Ambassador to the United Nations,".
        # With them, the people named in full, by last and by first word.
        people: dict[str, list[Proto]] = defaultdict(list)
        firsts: dict[str, list[Proto]] = defaultdict(list)
        for idx, p in enumerate(protos):
            if p.kind == "PERSON":
                if "role" not in p.attrs:
                    self._appositive(p, protos, idx, probe=False)
                if len(p.tokens) >= 2:
                    people[p.tokens[-1]].append(p)
                    if p.tokens[-1][:3].lower() in ("al-", "el-") and p.tokens[-1][3:4].isupper():
                        people[p.tokens[-1][3:]].append(p)  # "Habib al-Adly" ... "Adly has"
                        people[p.tokens[-1][:1].upper() + p.tokens[-1][1:]].append(p)  # ... "Al-Falih told"
                    firsts[p.tokens[0]].append(p)
                    if len(p.tokens) >= 3 and (p.tokens[0].lower() in lx.honorifics or p.tokens[0].lower() in lx.roles):
                        firsts[p.tokens[1]].append(p)  # "Sheikh Hasina Wazed" ... "Hasina said"
                    if len(p.tokens) >= 3 and not any(
                            t.lower() in lx.product_nouns or self._suffix_head(t.lower()) for t in p.tokens[-2:]):
                        # "Roberto Florez Garcia" ... "Florez Garcia": two surnames used together
                        # (not "Mac App Store", a store a first name opens)
                        people[" ".join(p.tokens[-2:])].append(p)
                    written = text[p.start:p.end].split()
                    if len(written) >= 3 and written[-2] in _NAME_PARTICLES:
                        # "Andre de Ruyter" ... "De Ruyter said": the particle opens a sentence
                        people[f"{written[-2].capitalize()} {written[-1]}"].append(p)
                    if len(p.tokens) <= 3 and any(_HYPHEN_GIVEN.match(t) for t in p.tokens[1:]):
                        people[p.tokens[0]].append(p)  # "Roh Tae-moon" ... "Roh": family name first
        if people:
            self._bare_surnames(protos, people)
        # first words of multi-word names that are no person's (a lone word may be their short form)
        org_firsts = {p.tokens[0] for p in protos if len(p.tokens) >= 2 and p.kind not in (None, "PERSON")}
        # first words of companies named in full ("Ford Motor Co.", a known name's one token
        # split): such a word alone is the company, even where a person shares it ("Bill Ford")
        company_firsts = set()
        for q in protos:
            if q.kind == "ORG" and q.strong:
                words = text[q.start:q.end].split()
                if len(words) >= 2 and (words[0] in lx.make_words or words[-1].lower().rstrip(".") in _COMPANY_ENDS
                                        or words[-1].lower() in _COMPANY_HEADS):
                    company_firsts.add(words[0])
        self._company_firsts = company_firsts
        # Surnames and first-name-less repeats of people already named: "Healey" -> John Healey.
        # With them, the surfaces decided somewhere (for their undecided occurrences).
        decided: dict[str, Proto] = {}
        first_names = lx.first_names
        for p in protos:
            if p.role_only:
                continue
            if len(p.tokens) == 2 and p.kind in (None, "ORG") and not p.strong and people:
                full = {q.canonical for q in people.get(" ".join(p.tokens), ()) if q is not p}
                if len(full) == 1:  # the last two words of one person's longer name
                    p.kind, p.strong, p.canonical = "PERSON", True, next(iter(full))
            if len(p.tokens) == 1:
                kind = p.kind
                if (kind is None or kind == "ORG") and not (kind == "ORG" and p.strong) and people:
                    if p.tokens[0] in people and not (p.tokens[0] in company_firsts and not self._titled(p.start)):
                        # a full name ends with it ("Ford will close plants" after "Ford Motor
                        # Co." and "Bill Ford" is the company; "Mr Ford", "Chairman Ford" the man)
                        p.kind = "PERSON"
                        p.strong = True
                elif kind == "GPE" and people and p.tokens[0] in people and self._a_town_by_name_only(p):
                    # "Lloyd Austin" ... "Austin said": the surname of a person the text names,
                    # not the town ("in Austin", "Austin, Texas" stay the town)
                    p.kind = "PERSON"
                kind = p.kind
                if (kind is None or kind == "ORG") and not p.strong and (
                        p.tokens[0] in first_names or self._only_a_first_name(p.tokens[0], firsts, org_firsts)):
                    # "Steve will continue ...": a first name alone, when one person has it
                    same = {q.canonical for q in firsts.get(p.tokens[0], [])}
                    if len(same) == 1:
                        p.kind = "PERSON"
                        p.strong = True
                        p.canonical = next(iter(same))
                        decided.setdefault(text[p.start:p.end], p)
                        continue
                if p.kind == "PERSON":
                    full = sorted({q.canonical for q in people.get(p.tokens[0], [])}, key=len)
                    if len(full) == 1:
                        p.canonical = full[0]
                    elif len(full) > 1:
                        p.canonical = full[-1]
            if p.kind is not None and p.strong:
                decided.setdefault(text[p.start:p.end], p)

        # A named storm or operation is later called by its name alone: "Hurricane Florence"
        # ... "Florence will bring rain", "Operation Car Wash" ... "Car Wash prosecutors".
        for p in protos:
            if p.kind == "EVENT" and 2 <= len(p.tokens) <= 4 and p.tokens[0].lower() in lx.event_openers:
                decided.setdefault(" ".join(p.tokens[1:]), p)  # ("Operation Car Wash" ... "Car Wash")
        # A surface decided somewhere decides its other, undecided occurrences; with them,
        # the first words of organisations named in full.
        org_heads: dict[str, Proto] = {}
        # first words of multi-word names kept only as a guess (no suffix or lexicon said ORG)
        weak_heads: dict[str, Proto] = {}
        for p in protos:
            if p.kind is None:
                if not p.role_only:
                    surface = text[p.start:p.end]
                    q = decided.get(surface)
                    if q is not None and not (q.kind == "PERSON" and surface in company_firsts):
                        p.kind, p.canonical, p.strong = q.kind, q.canonical, True
            if len(p.tokens) >= 2:
                if p.kind == "ORG" and p.strong:
                    org_heads.setdefault(p.tokens[0], p)
                elif p.kind is None and not p.role_only:  # an organisation by default, below
                    weak_heads.setdefault(p.tokens[0], p)

        # Whatever is left: a name used mid-sentence is an organisation; a capitalised word
        # seen only at the starts of sentences is an ordinary word.
        keep: list[Proto] = []
        for p in protos:
            if p.kind is None and not p.role_only:
                surface = text[p.start:p.end]
                single = len(p.tokens) == 1
                if single and not _ACRONYM.match(surface):  # (an acronym is kept as a name)
                    if p.initial and surface[-1] == "s" and surface.lower() in lx.org_suffixes:
                        continue  # "Airlines were relentless": the plural that closes names, alone
                    if p.initial and self.mid_counts.get(surface, 0) == 0:
                        # "Apple unveils ..." where the text otherwise says "Apple Computer".
                        q = org_heads.get(surface)
                        if q is None and surface in weak_heads and self._never_lower(surface):
                            # "Apple unveils ..." where the text says "Apple Computer" (itself
                            # only a guess) and never "apple": the short form of that name.
                            q = weak_heads[surface]
                        if q is not None:
                            p.kind, p.canonical, p.strong = "ORG", q.canonical, True
                            keep.append(p)
                        elif (_RX_CAP_HYPHEN.fullmatch(surface)
                              and surface.partition("-")[0].lower() not in _WORD_PREFIXES) \
                                or _RX_ORG_APPOSITION.match(text, p.end):
                            # "Coca-Cola reported ...", "Twitter, the messaging service, said":
                            # a name by its shape, or by what the text says it is
                            p.kind = "ORG"
                            keep.append(p)
                        elif p.poss and not p.title_mode and not self._in_headline(p.start):
                            # "Tesla's shares fell": ordinary words seldom take a possessive
                            # (headlines do: "Quake's toll rises")
                            p.kind = "ORG"
                            keep.append(p)
                        elif self._opens_sentences(p, surface, protos):
                            p.kind = "ORG"
                            keep.append(p)
                        continue
                    if p.fragment and self.mid_counts.get(surface, 0) <= 1 and not self._speech_after(p.end) \
                            and "-" not in surface:  # ("Tehreek-i-Taliban" before "Pakistan" is a name)
                        continue
                    low_surface = surface.lower()
                    if low_surface in lx.roles or low_surface in lx.law_heads:
                        continue  # "the Governor said", "the Amendment": a role or a law's head alone
                if p.initial and not single and self.mid_counts.get(p.tokens[0], 0) == 0 \
                        and p.tokens[0].lower() in _SMALL:
                    continue
                if self._product_by_noun(p, surface) or (single and self._named_in_plural(surface)) \
                        or self._product_by_cue(p) or self._known_model(p, surface):
                    p.kind, p.strong = "PRODUCT", True  # "the Sienna minivan", "a Galaxy phone"
                    if single and surface.endswith("s") and self._named_in_plural(surface):
                        p.canonical = surface[:-1]  # "Siennas" are Siennas: one product
                    keep.append(p)
                    continue
                if single and _RX_PERSON_OFFICE_AFTER.match(text, p.end) and _namey(p.tokens[0]):
                    p.kind, p.strong = "PERSON", True  # "the Obama administration"
                    keep.append(p)
                    continue
                place, fac_end = self._lower_head_after(p.end, len(p.tokens) <= 3)
                if place is not None:
                    # "Wenchuan county", "Sichuan province": a place, named without its head
                    p.kind, p.strong = place, True
                elif fac_end:
                    # "Heathrow airport": the name and its lower-case head are one facility
                    p.end, p.kind, p.strong = fac_end, "FAC", True
                    p.canonical = text[p.start:fac_end]
                else:
                    if len(p.tokens) >= 2 and self._always_determined(surface, self._uses(surface)) \
                            and self._is_company(p.tokens[0], decided) and self._maker_and_model(p.tokens):
                        p.kind, p.strong = "PRODUCT", True  # "the Chevrolet Impala", Chevrolet's
                    else:
                        p.kind = "ORG"
            keep.append(p)
        self.protos = keep
        self._one_kind_per_name()
        self._company_by_its_first_word()
        self._national_arms()
        self._link_models()
        self._link_initials()
        self._link_descriptors()

    def _national_arms(self) -> None:
        """An organisation's name then a country or a continent, one space apart, names its arm
        there: "T-Mobile USA", "GM Europe", "Hyundai Motor America", "Lehman Brothers Japan" are
        one organisation each (not the company and a place)."""
        text = self.text
        protos = self.protos
        if len(protos) < 2:
            return
        protos.sort(key=_BY_START)
        drop: list[Proto] = []
        for p, q in zip(protos, protos[1:]):
            if p.kind != "ORG" or q.kind not in ("GPE", "LOC") or text[p.end:q.end] != " " + text[q.start:q.end] \
                    or p.role_only or q.role_only or p.alias_of is not None or (drop and drop[-1] is p):
                continue
            words = text[p.start:p.end].split()
            if words[-1].rstrip(".") in _COMPASS_MARKS or words[-1].lower().rstrip(".") in _COMPANY_ENDS:
                continue  # "SW China", "Daiwa Securities Co. Ltd. Japan": a compass mark, a legal end
            entry = self.lx.gaz.get(text[q.start:q.end])
            if entry is None or entry.country is not None or entry.capital_of is not None \
                    or text[q.end:q.end + 2].strip()[:1].isupper():
                continue  # a city or a state, or a longer name going on ("GM Europe Vice President")
            p.end, p.canonical, p.strong = q.end, text[p.start:q.end], True
            p.tokens = p.tokens + q.tokens
            drop.append(q)
        if drop:
            self.protos = [p for p in protos if not any(p is d for d in drop)]

    def _company_by_its_first_word(self) -> None:
        """A nationality word used as a noun where the text names a company that opens with
        it is that company's short name: "American Airlines ... American reported a loss",
        "American's load factor" (not "American officials", where it describes a noun)."""
        text = self.text
        norps = [p for p in self.protos if p.kind == "NORP" and len(p.tokens) == 1]
        if not norps:
            return
        firsts: dict[str, Proto] = {}
        for q in self.protos:  # (a known name's proto is one token: split its text)
            words = text[q.start:q.end].split()
            if q.kind == "ORG" and q.strong and len(words) >= 2 and q.alias_of is None:
                firsts.setdefault(words[0], q)
        if not firsts:
            return
        followers = self.lx.head_followers
        for p in norps:
            q = firsts.get(p.tokens[0])
            if q is None:
                continue
            m = _RX_NEXT_WORD_AFTER.match(text, p.end)
            after = m.group(1) if m else ""
            if p.poss or text.startswith(("'s", "’s"), p.end) or (m is None and text[p.end:p.end + 1] in ",.;:)") \
                    or after in followers \
                    or (after.endswith("ed") and after.isalpha() and after.islower()):
                p.kind, p.canonical, p.strong = "ORG", q.canonical, True

    def _one_kind_per_name(self) -> None:
        """A name the text shows to be a place or a person somewhere ("the Eastern Cape
        province") is that everywhere in it, where elsewhere it was an organisation only for
        want of a cue."""
        text = self.text
        strong: dict[str, Proto] = {}
        weak = []
        for p in self.protos:
            if p.kind in ("GPE", "LOC", "PERSON", "FAC") and p.strong and not p.role_only:
                strong.setdefault(text[p.start:p.end], p)
            elif p.kind == "ORG" and not p.strong and p.alias_of is None:
                weak.append(p)
        if not strong or not weak:
            return
        for p in weak:
            q = strong.get(text[p.start:p.end])
            if q is not None and not (q.kind == "PERSON" and text[p.start:p.end] in self._company_firsts):
                p.kind, p.canonical, p.strong = q.kind, q.canonical, True

    def _link_models(self) -> None:
        """A product's name is its name everywhere in the text: where it was an organisation
        for want of a cue, a name the text also gives as a product ("the Vela" after "a
        Vela car"), or its plural, is that product; so is a maker's product written without
        the maker ("the Cybertruck" after "Tesla Cybertruck"), and a name right after a
        product's model number ("787 Dreamliner")."""
        self._bare_model_numbers()
        if not any(p.kind == "PRODUCT" for p in self.protos):
            return  # most texts name no product
        text = self.text
        products: dict[str, Proto] = {}
        after_number: dict[int, Proto] = {}
        models: dict[str, Proto] = {}  # "Cybertruck" -> the "Tesla Cybertruck" proto
        for p in self.protos:
            if p.kind != "PRODUCT" or not p.strong:
                continue
            products.setdefault(text[p.start:p.end], p)
            if len(p.tokens) >= 2:
                model = text[p.start + len(p.tokens[0]) + 1:p.end]
                if model and model[0].isupper() and model not in self.lx.gaz and model not in self.lx.first_names:
                    products.setdefault(model, p)
                    models.setdefault(model, p)
                    one = _singular_model(model)  # "Camry" after "Toyota Camrys"
                    if one != model:
                        products.setdefault(one, p)
                        models.setdefault(one, p)
            if p.tokens and p.tokens[-1][:1].isdigit():
                after_number[p.end] = p  # "Boeing 787", or "the 787" alone
        if not products:
            return
        for _ in range(2):  # a name after a model number found in the second half of the text
            # makes a product of its uses before it too ("Dreamliner" in the headline)
            for p in self.protos:
                if p.kind != "ORG" or p.strong or p.alias_of is not None:
                    continue
                surface = text[p.start:p.end]
                q = products.get(surface) or (products.get(surface[:-1]) if surface.endswith("s") else None)
                if q is None and len(p.tokens) == 2 and p.tokens[1] in products:
                    p.kind, p.strong = "PRODUCT", True  # "Tesla Cybertruck" in a headline
                    models.setdefault(p.tokens[1], p)
                    continue
                if q is None:
                    if p.title_mode or self._in_headline(p.start):
                        continue  # "FTSE 100 Falls ...": a headline's next word, not a model's name
                    gap = text[p.start - 2:p.start]
                    q = after_number.get(p.start - 1) if gap[-1:] == " " else after_number.get(p.start - 2) \
                        if gap in (" “", ' "') else None
                    if q is None:
                        continue
                    products.setdefault(surface, p)
                    p.kind, p.strong = "PRODUCT", True
                    continue
                p.kind, p.strong = "PRODUCT", True
                if q.canonical != surface and not surface.endswith("s"):
                    p.alias_of = q.canonical
        if models:
            for p in self.protos:  # the model named alone, found a product by a cue of its own
                if p.kind == "PRODUCT" and p.alias_of is None and len(p.tokens) == 1:
                    q = models.get(text[p.start:p.end])
                    if q is not None and q is not p:
                        p.alias_of = q.canonical

    def _bare_model_numbers(self) -> None:
        """A model's number is that model wherever the text writes it alone: after "Boeing
        787", also "the 787", "787s", "the 777-200LR" (a variant of a model named), and after
        a maker's possessive ("Boeing's 747"). Only numbers of three digits, the shape of
        such names; other numbers stay figures."""
        text = self.text
        bases: dict[str, str] = {}  # the model's three digits -> its maker
        for p in self.protos:
            if p.kind == "PRODUCT" and p.strong and len(p.tokens) >= 2:
                m = _RX_BARE_MODEL.fullmatch(p.tokens[-1])
                if m:
                    bases.setdefault(m.group(1), p.tokens[0])
        makers = [p for p in self.protos if p.poss and p.kind == "ORG"]
        # a maker's possessive with a number right after it ("Boeing's newest 747"): looked for
        # next to each possessive, so that most texts need no pass over all their numbers
        makers = {text[p.start:p.end] for p in makers if _RX_THREE_DIGITS.search(text, p.end, p.end + 40)}
        if not bases and not makers:
            return
        found = [m for s, e, _title, _kind in self.spans() for m in _RX_BARE_MODEL.finditer(text, s, e)
                 if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in _NOT_BEFORE_MODEL)]
        if makers:
            for m in found:
                if m.group(1) not in bases:
                    pm = _RX_MAKER_POSS.search(text, max(0, m.start() - 40), m.start())
                    if pm and pm.group(1) in makers:
                        bases[m.group(1)] = pm.group(1)
        if not bases or not any(m.group(1) in bases for m in found):
            return
        order = sorted(self.protos, key=_BY_START)
        taken = [(p.start, p.end) for p in order]
        starts = [t[0] for t in taken]
        added = []
        drop: set[int] = set()
        for m in found:
            maker = bases.get(m.group(1))
            # (right after its maker's name, as in a headline's "FTSE 100", the number alone is
            # not the product: the two are its whole name)
            if maker is not None and _RX_MODEL_CONTEXT.match(text, m.end()) \
                    and not text.startswith(maker + " ", m.start() - len(maker) - 1):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0 and taken[i][1] > m.start():
                    continue  # inside a name already found ("Boeing 787")
                if i + 1 < len(taken) and taken[i + 1][0] < m.end():
                    inner = order[i + 1:bisect.bisect_left(starts, m.end())]
                    if any(p.end > m.end() or p.strong for p in inner):
                        continue
                    drop.update(map(id, inner))  # "ER" of "480-ER": the variant, not a name
                name = m.group(0)[:-1] if m.group(0).endswith("s") and not m.group(2) else m.group(0)
                canonical = f"{maker} {name}"
                added.append(Proto(m.start(), m.end(), "PRODUCT", canonical, strong=True, tokens=(m.group(0),)))
        if drop:
            self.protos = [p for p in self.protos if id(p) not in drop]
        if added:
            self.protos.extend(added)
            _sort_protos(self.protos)

    def _link_initials(self) -> None:
        """An acronym never defined in brackets names the one organisation (or product) in the
        text whose initials it spells: "GM" for "General Motors Corp.", "UAW" for "United Auto
        Workers", "TESS" for the "Transiting Exoplanet Survey Satellite"."""
        text = self.text
        short = [p for p in self.protos if len(p.tokens) == 1 and p.tokens[0].isupper() and p.alias_of is None
                 and p.kind in ("ORG", None) and _RX_INITIALS.fullmatch(text[p.start:p.end])]
        if not short:
            return
        by_initials: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for p in self.protos:
            if p.kind in ("ORG", "PRODUCT") and len(p.tokens) >= 2 and p.alias_of is None:
                name = _strip_legal(p.canonical) if p.kind == "ORG" else p.canonical
                key = _initials(name)
                if key:
                    by_initials[key].add((name, p.kind))
        for p in short:
            names = by_initials.get(text[p.start:p.end])
            if names is not None and len(names) == 1:
                (p.alias_of, p.kind), = names  # "TESS" for the Transiting Exoplanet Survey Satellite
                p.strong = True

    def _lower_head_after(self, end: int, may_be_place: bool) -> tuple[str | None, int]:
        """``(kind, 0)`` when a lower-case place head follows the name one space after
        ``end`` ("Wenchuan county" -> GPE), ``(None, head end)`` for a facility head
        ("Heathrow airport"), else ``(None, 0)``: the word after is read once for both."""
        text = self.text
        if end >= len(text) or text[end] != " " or text[end + 1:end + 3] not in self.lx.lower_head_starts:
            return None, 0  # nearly every name: two letters decide, with no match made
        word = _RX_LOWER_RUN.match(text, end + 1)
        if word is None:
            return None, 0
        w = word.group()
        if may_be_place and w in self.lx.place_lower_heads:
            stop = word.end()
            if not (stop < len(text) and (text[stop].isalnum() or text[stop] == "-")):
                return self.lx.place_lower_heads[w], 0
        if w not in self.lx.fac_lower_first:
            return None, 0
        return None, self._facility_head_after(end)

    def _facility_head_after(self, end: int) -> int:
        """End of a lower-case facility head ("airport", "power plant") one space after
        ``end`` and closing a word there, else 0."""
        text = self.text
        if end >= len(text) or text[end] != " ":
            return 0
        word = _RX_LOWER_RUN.match(text, end + 1)
        if word is None or word.group() not in self.lx.fac_lower_first:
            return 0  # nearly every name: one match instead of a test per head
        for head in self.lx.fac_lower_heads:
            stop = end + 1 + len(head)
            if text.startswith(head, end + 1) and (stop >= len(text) or not (text[stop].isalnum() or text[stop] == "-")):
                return stop
        return 0

    def _never_lower(self, word: str) -> bool:
        """``word`` is not a small word and never appears in lower case in the text."""
        low = word.lower()
        if low in _SMALL or low == word or not _RX_WORD_RUN.fullmatch(low):
            return False  # a word with a hyphen or an apostrophe: not promoted
        # The text's lower-case words, gathered once per document: searching the whole text for
        # each candidate was quadratic on a text of many sentence-opening names.
        if self._lower_words is None:
            self._lower_words = {w for w in _RX_WORD_RUN.findall(self.text) if w.islower()}
        return low not in self._lower_words

    def _role_before(self, before: str, start: int, protos: list[Proto], idx: int):
        """A lower-case role right before a name: 'analyst David Strauss'."""
        lx = self.lx
        if not before.endswith(" "):
            return None, None, None
        sp = before.rfind(" ", 0, len(before) - 1)
        if before[sp + 1:-1] not in lx.role_last_words:
            return None, None, None
        words = before.split()
        if not words:
            return None, None, None
        if not _RX_LOWER_WORD.fullmatch(words[-1]):
            return None, None, None
        best = 0
        for k in range(min(lx.role_max_words, len(words)), 0, -1):
            cand = [w.lower() for w in words[-k:]]
            if all(_RX_LOWER_WORD.fullmatch(w) for w in words[-k:]) and " ".join(cand) in lx.roles:
                best = k
                break
        if not best:
            return None, None, None
        k = best
        while k < len(words) and words[-k - 1].lower() in lx.modifiers and _RX_LOWER_WORD.fullmatch(words[-k - 1]):
            k += 1
        role = " ".join(words[-k:])
        # a NORP / GPE / ORG mention right before the role
        role_start = start - len(" ".join(words[-k:])) - 1
        nat = aff = None
        j = idx - 1
        while j >= 0 and protos[j].end > role_start:
            j -= 1
        if j >= 0:
            q = protos[j]
            gap = self.text[q.end:role_start]
            if gap in (" ", "'s ", "’s ", "' ", "’ "):
                nat, aff = self._nationality_from(q)
        return role, nat, aff

    def _place_context(self, p: Proto) -> bool:
        """An unknown name in a place's position: "based in X", "near X", "the city of X",
        or "X, <state or country>" ("Mobile, Alabama")."""
        text = self.text
        if text[p.end:p.end + 1] in ("'", "’"):
            return False
        before = text[max(0, p.start - 20):p.start].lower()
        if before.endswith(_PLACE_CUES):
            return True
        if text.endswith(", ", 0, p.start) and len(p.tokens) == 1 and not _RX_APPOSITION_AFTER.match(text, p.end):
            sm = _RX_STREET_COMMA.search(text, max(0, p.start - 24), p.start)
            if sm is not None and not text.endswith("Wall Street, ", 0, p.start) \
                    and not _RX_OPENING_PREPOSITION.search(text, max(0, sm.start() - 8), sm.start()):
                # "happened in Mill Street, Tandragee last night": the town of a street's address
                # ("On Main Street, Zynga opened": a sentence's opening phrase, then its subject)
                return True
        if text[p.end:p.end + 2] == ", ":
            if _RX_PLACE_APPOS.match(text, p.end, p.end + 90):
                return True
            j = bisect.bisect_left(self._starts, p.end + 2) if self._starts is not None else -1
            if 0 <= j < len(self.protos):
                q = self.protos[j]
                if q.start == p.end + 2 and q.kind == "GPE" and not q.attrs.get("capital_of") \
                        and (text[q.end:q.end + 1] in ("", " ", ",", ".", ";", ")", "\n")
                             or text.startswith("-based", q.end)):  # "Tempe, Ariz.-based"
                    entry = self.lx.gaz.get(q.canonical)
                    # a country, a US state, or a province or region (no country recorded)
                    return entry is not None and (q.canonical in self.lx.demonym_of
                                                  or entry.country in ("United States", None))
        return False

    def _only_a_first_name(self, word: str, firsts: dict[str, list[Proto]], org_firsts: set[str]) -> bool:
        """``word`` opens the name of one person in the text and of nothing else, and is no
        word of the lexicon: that person called by a first name the list does not hold
        ("Seamus Coleman" ... "Seamus")."""
        same = {q.canonical for q in firsts.get(word, ())}
        return len(same) == 1 and word not in org_firsts and word not in self.lx.gaz \
            and word not in self.lx.stopwords and word not in self.lx.alone

    def _stands_alone(self, word: str, protos: list[Proto]) -> int:
        """How many times ``word`` is a candidate name on its own in the text."""
        if self._alone_counts is None:
            self._alone_counts = Counter(q.tokens[0] for q in protos if len(q.tokens) == 1 and not q.role_only)
        return self._alone_counts[word]

    def _people_in_lists(self, protos: list[Proto]) -> None:
        """Names listed with a person, each with its place, are people: "Thom Tillis of North
        Carolina, Susan Collins of Maine and Rand Paul of Kentucky" (one known first name is
        enough for the list). Only two- and three-word names that could be a person's move."""
        text = self.text
        changed = True
        while changed:  # a name made a person may carry the list further
            changed = False
            for i, p in enumerate(protos):
                # every name of such a list is followed by " of <Place>"
                if p.kind is not None or not text.startswith(" of ", p.end) or p.role_only \
                        or not 2 <= len(p.tokens) <= 3 or not all(_namey(t) for t in p.tokens):
                    continue
                for j in (i - 1, i + 1, i - 2, i + 2):
                    if not 0 <= j < len(protos):
                        continue
                    q = protos[j]
                    if q.kind != "PERSON" or len(q.tokens) < 2:
                        continue
                    a, b = (q, p) if j < i else (p, q)
                    gap = text[a.end:b.start]
                    # each name placed ("X of <Place>, Y of <Place>"): a plain list may mix
                    # companies and people ("Goldman Sachs, Morgan Stanley and John Smith")
                    if len(gap) <= 40 and gap.startswith(" of ") and text.startswith(" of ", b.end) \
                            and _RX_LIST_GAP.fullmatch(gap) and self._places_only(a.end, b.start, protos):
                        p.kind, p.strong = "PERSON", True
                        changed = True
                        break

    def _titled(self, start: int) -> bool:
        """An honorific or a role right before ``start`` ("Mr Ford", "Chairman Ford")."""
        m = _RX_WORD_BEFORE.search(self.text, max(0, start - 30), start)
        if m is None:
            return False
        w = m.group(1).lower().rstrip(".")
        return w in self.lx.honorifics or w in self.lx.roles

    def _ends_a_longer_name(self, word: str, protos: list[Proto]) -> bool:
        """Whether ``word`` is the last word of a name of two words or more in the text
        ("Galvez" after "Xochitl Galvez": a surname, not the town)."""
        if self._last_words is None:
            self._last_words = {q.tokens[-1] for q in protos if len(q.tokens) >= 2}
        return word in self._last_words

    def _people_in_plain_lists(self, protos: list[Proto]) -> None:
        """A list of three names or more ("A, B, C and D") in which two or more are people
        named in full and none is anything else: the undecided names in it that could be a
        person's are people too ("... Robin Ciardullo, John J. Feldmeier, Niv Drory and Donghui
        Jeong"). A list mixing a company with people ("Goldman Sachs, Morgan Stanley and John
        Smith") has one person only and moves nothing."""
        text = self.text
        i, n = 0, len(protos)
        while i < n:
            j = i
            while j + 1 < n and _RX_LIST_SEP.fullmatch(text, protos[j].end, protos[j + 1].start):
                j += 1
            if j - i >= 2:
                items = protos[i:j + 1]
                people = sum(1 for q in items if q.kind == "PERSON" and len(q.tokens) >= 2)
                open_ = [q for q in items if q.kind is None and not q.role_only and 2 <= len(q.tokens) <= 4
                         and all(_namey(t) for t in q.tokens)]
                if people >= 2 and people + len(open_) == len(items):
                    for q in open_:
                        q.kind, q.strong = "PERSON", True
            i = j + 1

    def _products_in_lists(self, protos: list[Proto]) -> None:
        """Names listed right after a product of two words or more, in a list closed by "and"
        or "or" ("the iPod Classic, Nano and Shuffle"), each one or two undecided words: the
        same maker's products. A known or already decided name keeps its kind and ends the
        list ("the iPhone, Nokia and Samsung")."""
        text = self.text
        n = len(protos)
        for i, p in enumerate(protos):
            if p.kind != "PRODUCT" or not p.strong or len(p.tokens) < 2 or i + 1 >= n:
                continue
            found: list[Proto] = []
            prev = p
            for q in protos[i + 1:]:
                if not _RX_LIST_SEP.fullmatch(text, prev.end, q.start):
                    break
                if q.kind is not None or q.role_only or len(q.tokens) > 2 or q.initial \
                        or _RX_CAP_NEXT.match(text, q.end):
                    found = []  # (a name going on: "Garuda Indonesia Flight 200")
                    break
                found.append(q)
                prev = q
            if found and text[found[-1].start - 4:found[-1].start] in ("and ", " or "):
                for q in found:
                    q.kind, q.strong = "PRODUCT", True

    def _places_in_lists(self, protos: list[Proto]) -> None:
        """Names listed before a plural place head are places of that kind: "Beaufort,
        Brunswick, Pender and Wake Counties" (each a county)."""
        text = self.text
        for i, p in enumerate(protos):
            if p.role_only:
                continue
            if len(p.tokens) < 2 or p.tokens[-1][-1:] != "s":
                # "in Deraa and Hama provinces": a plural lower-case head after the last name
                if i == 0 or not text.startswith(" ", p.end) or not _RX_LIST_SEP.fullmatch(text, protos[i - 1].end, p.start):
                    continue
                w = _RX_LOWER_RUN.match(text, p.end + 1)
                kind = self.lx.place_lower_heads.get(w.group()) if w is not None and w.group()[-1] == "s" else None
                if kind is None or (p.kind is not None and p.strong):
                    continue
            else:
                kind = self.lx.place_heads.get(p.tokens[-1].lower())
                if kind is None:
                    continue
            p.kind, p.strong = kind, True
            j = i - 1
            nxt = p
            while j >= 0:
                q = protos[j]
                if not _RX_LIST_SEP.fullmatch(text[q.end:nxt.start]) or (q.kind is not None and q.strong):
                    break
                q.kind, q.strong = kind, True
                nxt = q
                j -= 1

    def _bare_surnames(self, protos: list[Proto], people: dict[str, list[Proto]]) -> None:
        """A person's surname used alone where the scan kept no name: a word that is no name
        by itself ("John Key" ... "Key said") or a role's word ("Shaukat Sultan" ... "General
        Sultan says"). Each use before a verb, or after a title, is that person."""
        text = self.text
        lx = self.lx
        wanted: dict[str, str] = {}
        for key, ps in people.items():
            full = {q.canonical for q in ps}
            if len(full) != 1 or " " in key:
                continue
            if len(key) >= 3 and key[0].isupper() and key.isalpha() and (
                    key in lx.alone or key.lower() in lx.roles or key in lx.stopwords):
                wanted[key] = next(iter(full))
        if not wanted:
            return
        covered = sorted((q.start, q.end) for q in protos if not q.role_only)
        added = False
        for w, canonical in wanted.items():
            for m in re.finditer(r"(?<![\w'’-])" + re.escape(w) + r"(?![\w'’-])", text):
                a, b = m.span()
                if _overlaps(covered, a, b) or not _RX_BARE_SURNAME_NEXT.match(text, b):
                    continue
                if a in self.sentence_starts or (a >= 2 and text[a - 2] in ".!?\n\"“"):
                    if not self._speech_after(b):
                        continue  # opening a sentence: "Key figures show ...", "How did it ..."
                elif not (_RX_VERB_AFTER_SURNAME.match(text, b) or _RX_TITLE_BEFORE.search(text, max(0, a - 24), a)):
                    continue
                protos.append(Proto(a, b, "PERSON", canonical, strong=True, tokens=(w,)))
                added = True
        if added:
            _sort_protos(protos)

    def _places_only(self, s: int, e: int, protos: list[Proto]) -> bool:
        """Every name between ``s`` and ``e`` is a place ("of North Carolina")."""
        return all(q.kind in ("GPE", "LOC") for q in protos if s <= q.start and q.end <= e)

    def _person_cue(self, p: Proto, protos: list[Proto], idx: int) -> bool:
        """Cues that a name unknown to the lexicon (its first name too) is a person's:
        a speech verb right before it and a description after ("said Elodie Sampere, the
        marketing manager"); a role and a comma before
        it ("the home secretary, Shabana Mahmood,"); an age after it ("Raila Odinga, 72,");
        its last word after an honorific elsewhere ("Ms Mahmood"); a relative "who" after it
        ("Aiko Mori, who ..."); commas around it before a speech verb ("..., Aiko Mori,
        said"); a nationality word right before it ("Italian Giancarlo Fisichella"); a family
        word before it, itself after a possessive or an article ("his wife Suzanne", "her two
        sons Alaa and Gamal"). A name with an organisation's head word never gets this far."""
        text = self.text
        ps = p.start
        before = text[max(0, ps - 24):ps]
        if _RX_SPEECH_BEFORE.search(before) and _RX_LOWER_APPOSITION.match(text, p.end):
            return True  # "said Goldman Sachs." stays an organisation: a person is described
        if before.endswith(", "):
            b0 = max(0, ps - 62)
            role, _, _ = self._role_before(text[b0:ps - 2] + " ", ps, protos, idx)
            if role:
                p.attrs.setdefault("role", role)
                return True
            m = _RX_CAP_ROLE_COMMA.search(text, max(0, ps - 40), ps)
            if m and m.group(1).lower() in self.lx.roles:
                return True  # "its new President, Moncef Marzouki who ...": the role set off by a comma
        if _RX_AGE_AFTER.match(text, p.end) or (len(p.tokens) >= 2 and _RX_AGE_BEFORE.search(before)):
            return True
        if idx > 0 and text[ps - 1:ps] == " " and protos[idx - 1].end == ps - 1 and protos[idx - 1].kind == "NORP" \
                and len(p.tokens) >= 2 and not protos[idx - 1].role_only:
            # "Italian Giancarlo Fisichella": a nationality word right before a name (a company
            # after one, "American Home Mortgage", is one name and never gets here)
            if protos[idx - 1].attrs.get("country"):  # a nation's word, not a faith's
                p.attrs.setdefault("nationality", protos[idx - 1].canonical)
            return True
        if before.endswith(", ") and len(p.tokens) >= 2 and _RX_APPOSED_SPEAKER.match(text, p.end):
            return True  # "the head of the agency (BNPB), Willem Rampangilei, told reporters"
        if text.startswith(", who ", p.end) and len(p.tokens) >= 2 and not before.endswith((" of ", "the ", "The ")) \
                and not self._suffix_head(p.tokens[-1].lower()) and p.tokens[-1].lower() not in self.lx.place_heads:
            # "Aiko Mori, who was health minister": organisations take "which" ("Leeds
            # United, who ..." has a club's head word; "the Rolling Stones, who" an article)
            return True
        if before.endswith(("the late ", "The late ")):
            return True  # "the late Toshikatsu Matsuoka": only a person is late so
        if _kin_word(self.lx.kin_nouns).search(text, max(0, ps - 64), ps) \
                and _kin_before(self.lx.kin_nouns).search(text, max(0, ps - 64), ps):
            return True  # "his wife Suzanne", "her two sons Alaa and Gamal"
        if text.endswith("and ", max(0, ps - 4), ps):
            m = _RX_PLURAL_ROLE_LIST.search(text, max(0, ps - 80), ps)
            if m and m.group(1)[:-1].lower() in self.lx.roles:
                return True  # "Justices Binod Sharma and Bal Krishna Dhakal": both are people
        if self._honorific_surnames is None:
            self._honorific_surnames = {m.group(1) for m in _RX_HONORIFIC_NAME.finditer(text)}
        return p.tokens[-1] in self._honorific_surnames

    def _object_before(self, start: int) -> bool:
        """'CEO of Boeing Commercial Airplanes said': a name after a preposition is the
        object of a role, not the speaker."""
        return self.text[max(0, start - 6):start].endswith((" of ", " at ", " for ", " from ", " with "))

    def _speech_after(self, end: int) -> bool:
        m = _RX_VERB_AFTER.match(self.text[end:end + 20])
        return bool(m) and m.group(1) in self.lx.speech_verbs

    def _by_before(self, start: int) -> bool:
        before = self.text[max(0, start - 4):start]
        return before.endswith(("By ", "by ")) and (start - 3 == 0 or self.text[start - 4] in "\n")

    def _appositive(self, p: Proto, protos: list[Proto], idx: int, probe: bool) -> bool:
        """'<Name>, [the|a] [<Place>'s|<NORP>|<ORG>] <role> [to|of <Name>],' -> role attributes."""
        text = self.text
        lx = self.lx
        if text[p.end:p.end + 2] != ", ":
            return False
        window_end = min(len(text), p.end + 160)
        m = _RX_APPOS.match(text[p.end + 2:window_end])
        if not m:
            return False
        seg_s = p.end + 2
        seg_e = seg_s + m.end()
        # drop the part after a relative clause or verb-ish connective
        seg = text[seg_s:seg_e]
        nat = aff = None
        pos = seg_s
        dm = _RX_DET.match(seg)
        if dm:
            pos += dm.end()
        j = bisect.bisect_left(self._starts, pos) if self._starts is not None else len(protos)
        if j < len(protos) and protos[j].start == pos and protos[j].kind in ("GPE", "NORP", "ORG", None) \
                and not protos[j].role_only:
            q = protos[j]
            nat, aff = self._nationality_from(q)
            pos = q.end
            while pos < seg_e and text[pos] in "'’s ":
                pos += 1
        rest = text[pos:seg_e]
        words = rest.split(" ")
        # the role: modifiers/roles, ending on a role, optionally "to/of/at/for <Capitalised...>"
        role_words: list[str] = []
        last_role = 0
        lows = [w.lower().strip(".,") for w in words[:10]]
        i = 0
        while i < len(lows):
            lw = lows[i]
            # the longest role phrase starting here ("prime minister", "chief executive")
            k = 0
            if lw in lx.role_first_words:
                for size in range(min(lx.role_max_words, len(lows) - i), 0, -1):
                    if " ".join(lows[i:i + size]) in lx.roles:
                        k = size
                        break
            if k:
                role_words.extend(words[i:i + k])
                last_role = len(role_words)
                i += k
                continue
            if lw in lx.modifiers or (lw in ("and", "of") and role_words):
                role_words.append(words[i])
                i += 1
                continue
            break
        if not last_role:
            return False
        role_words = role_words[:last_role]
        role = " ".join(role_words)
        after = rest[len(role):]
        cont = _RX_ROLE_OBJ.match(after)
        if cont and len(role_words) <= 6:
            role = role + cont.group(0).rstrip(".")
        if probe:
            return True
        p.attrs["role"] = role
        if nat and "nationality" not in p.attrs:
            p.attrs["nationality"] = nat
        if aff and "affiliation" not in p.attrs:
            p.attrs["affiliation"] = aff
        return True

    def _link_descriptors(self) -> None:
        """'<Capital>'s spy agency' / 'the spy agency' -> the intelligence organisation the
        document names.

        General rule: a descriptor phrase from ``orgs.json`` ("spy agency", "defence
        ministry", "news agency") refers to the one ORG in the same document whose canonical
        name contains one of the descriptor's words ("Intelligence", "Defence"). When several
        qualify, the one whose mentions are preceded by the same place in the possessive
        ("Seoul's National Intelligence Service") wins; with no unique answer nothing is
        linked. The mention covers the descriptor words (not the place before them, which
        stays its own GPE).
        """
        text = self.text
        lx = self.lx
        rules = [r for r in lx.descriptors if any(ph in text for ph in r["phrases"])]
        if not rules:
            return
        orgs = [p for p in self.protos if p.kind == "ORG" and not p.role_only]
        if not orgs:
            return
        spans = [(s, e) for s, e, _t, _k in self.spans()]
        new: list[Proto] = []
        for rule in rules:
            cands = {}
            for p in orgs:
                name = p.canonical.lower()
                if any(w in name for w in rule["name_words"]) and len(p.tokens) >= 2:
                    cands.setdefault(p.canonical, p)
            if not cands:
                continue
            pattern = _descriptor_pattern(tuple(rule["phrases"]))
            for s, e in spans:
                for m in pattern.finditer(text, s, e):
                    owner = m.group(1)
                    target = None
                    if len(cands) == 1:
                        target = next(iter(cands.values()))
                    elif owner:
                        for c in cands.values():
                            if text[max(0, c.start - len(owner) - 3):c.start].startswith(owner):
                                target = c
                    if target is None:
                        continue
                    ds, de = m.start(2), m.end(2)
                    if any(p.start < de and p.end > ds for p in self.protos):
                        continue
                    q = Proto(ds, de, "ORG", target.canonical, strong=True, tokens=(text[ds:de],))
                    q.attrs["descriptor"] = text[m.start():de]
                    new.append(q)
        self.protos.extend(new)


@lru_cache(maxsize=32)
def _descriptor_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(x) for x in sorted(phrases, key=len, reverse=True))
    return re.compile(r"\b(?:([A-Z][\w.-]*(?: [A-Z][\w-]*)?)['’]s |the )(" + alternatives + r")\b")


#: id(GazEntry) -> (the entry, the attributes its mentions carry); see _Scanner._gaz_proto
_GAZ_ATTRS: dict[int, tuple[GazEntry, dict[str, str]]] = {}

@lru_cache(maxsize=65536)
def _product_shape(w: str) -> bool:
    """A model number or camel-case product name by its shape ("M109", "Shahed-136", "iPhone").
    The character tests are exact pre-checks: every _MODEL form has a digit or a hyphen, and
    _CAMEL starts lower-case."""
    return bool((not w.isalpha() and _MODEL.match(w)) or (w[0].islower() and _CAMEL.match(w)))


# What classify_run decides about a one-word run from the word alone (no fixed name touching
# it): dropped (a sentence-opening stopword, a word never a name alone, a Roman numeral, an
# honorific), a product by its shape ("iPhone", "M109"), or a candidate decided later.
_SKIP, _PRODUCT, _CANDIDATE = 0, 1, 2
_WORD_CLASS: dict[str, int] = {}
_WORD_CLASS_MAX = 200_000


def _joined_or_plural_role(lx: Lexicon, low: list[str]) -> bool:
    """A word of ``low`` is a role joined to a modifier ("vice-governor") or in the plural
    ("justices"): the two role forms ``_Scanner._role_at`` reads beyond the role list. The
    answer per word is remembered (a pure function of the word, asked for most words of every
    multi-word name)."""
    for w in low:
        known = _ROLE_FORM.get(w)
        if known is None:
            known = (w[-1:] == "s" and w[:-1] in lx.roles) or ("-" in w and w.partition("-")[2] in lx.roles)
            if len(_ROLE_FORM) >= _WORD_CLASS_MAX:
                _ROLE_FORM.clear()
            _ROLE_FORM[w] = known
        if known:
            return True
    return False


_ROLE_FORM: dict[str, bool] = {}


#: A preposition between a sentence's first word and a name ("Shares of Apple").
_OF_GAPS = frozenset({" of ", " at ", " for ", " from ", " in ", " with ", " on ", " of the ", " at the ", " on the ",
                      " in the ", " for the ", " from the ", " with the "})
#: A model's single digit after "Model" ("Model 3").
_RX_MODEL_DIGIT = re.compile(r" \d\b(?![.,:/]\d|%)")
#: Navies' prefixes to their ships' names ("USS Carney", "HMS Queen Elizabeth", "INS Vikrant").
_SHIP_PREFIXES = frozenset({"USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "ROKS", "RFS", "MV"})
#: Words for "Saint" opening a place's name ("St George's Park").
_SAINTS = frozenset({"St", "St.", "Saint", "Ste", "Ste."})
#: Titles of peers named by their place ("the Duke of York", "the Duchess of Cornwall").
_PEERAGE = frozenset({"Duke", "Duchess", "Prince", "Princess", "Earl", "Countess", "Marquess", "Marchioness",
                      "Viscount", "Viscountess"})
#: Suffixes that close a person's name ("Martin Luther King Jr.").
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
#: Compass words that open place names ("North and South Korea").
_COMPASS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"})
#: Legal endings written out, skipped by initials too ("General Motors Corporation" is GM;
#: GMC is another name).
_LEGAL_WORDS = frozenset(_WORDS["legal_words"])
#: An acronym in brackets right after a name: " (LTTE)".
_RX_ACRONYM_AFTER = re.compile(r" \(([A-Z]{3,6})\)")
#: An acronym that may spell a name's initials: "GM", "UAW", "NYSE".
_RX_INITIALS = re.compile(r"[A-Z]{2,6}")
#: Words a name's initials skip: small words ("Organization of the Petroleum Exporting
#: Countries" -> OPEC) and, in _initials, legal endings ("General Motors Corp." -> GM).
_NOT_INITIALS = frozenset({"of", "and", "the", "for", "&", "de", "la", "du", "des", "on", "in"})


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split()
             if w.lower() not in _NOT_INITIALS and w.lower().rstrip(".") not in _COMPANY_ENDS
             and w.lower() not in _LEGAL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _is_plural_role(lx: Lexicon, w: str) -> bool:
    """"Senators", "MPs", "Justices": a role in the plural (people, not a name); "Partners"
    closes a firm's name."""
    return len(w) > 2 and w[-1] == "s" and w[:-1].lower() in lx.roles and w.lower() not in lx.org_suffixes


def _currency_amount(lx: Lexicon, w: str) -> bool:
    """A currency's code or short name glued to an amount: "EUR109.80", "Sh34.7"."""
    if w.isalpha():
        return False
    cm = _RX_CURRENCY_AMOUNT.match(w)
    return cm is not None and (cm.group(1) in lx.currency_codes or cm.group(1) in _CURRENCY_SHORT)


def _word_class(lx: Lexicon, w: str) -> int:
    if w in lx.stopwords or (w[-1] == "." and w.rstrip(".") in lx.stopwords) or _shouted_stopword(lx, w):
        wc = _SKIP
    elif w in lx.alone or w in lx.notice_words or w in _ROMAN or (len(w) < 10 and w.rstrip(".").lower() in lx.honorifics):
        wc = _SKIP
    elif w.rstrip(".").lower() in _COMPANY_ENDS and w[:1].isupper():
        wc = _SKIP  # "Inc." alone ("Yahoo!, Inc."): a company's end, not a name
    elif _is_plural_role(lx, w):
        wc = _SKIP  # "Senators", "Ministers", "Justices": people by their role, not a name
    elif _currency_amount(lx, w):
        wc = _SKIP  # "EUR109.80", "GBP5m", "Sh34.7", "Rs.500": an amount in a currency
    elif "-" in w and all(part in lx.stopwords for part in w.split("-")):
        wc = _SKIP  # "July-September", "Monday-Friday": a span of months or days
    elif (w[0].islower() and _CAMEL.match(w)) or (not w.isalpha() and _MODEL.match(w)) or w.endswith("-class"):
        wc = _PRODUCT  # ("Virginia-class": a class of ship)
    else:
        wc = _CANDIDATE
    if len(_WORD_CLASS) >= _WORD_CLASS_MAX:
        _WORD_CLASS.clear()  # a bound for very long runs over many documents
    _WORD_CLASS[w] = wc
    return wc


def _shouted_stopword(lx: Lexicon, w: str) -> bool:
    """A small word written in capitals, as a lead paragraph may open ("PERHAPS the most ..."):
    four letters or more, so acronyms ("WHO", "US") are not taken for one."""
    return len(w) > 3 and w.isupper() and w.isalpha() and w.capitalize() in lx.stopwords


@lru_cache(maxsize=65536)
def _namey(w: str) -> bool:
    """A word that can be part of a person's name: 'Tae-hyo', 'J.', 'McNab', 'O'Brien'."""
    if not w or not w[0].isupper():
        if w.lower() in _NAME_PARTICLES:
            return True
        head, dash, rest = w.partition("-")  # "al-Adly", "el-Sisi": a particle joined to the name
        return bool(dash) and head.lower() in _NAME_PARTICLES and rest[:1].isupper() and rest.isalpha()
    if len(w) == 2 and w[1] == ".":
        return True
    if not w.isalpha() and any(ch.isdigit() for ch in w):  # an all-letter word has no digit
        return False
    if w.isupper() and len(w) > 1:
        return False  # "OS", "UN": acronyms, not names (a lone capital is an initial)
    return True


_BY_START = attrgetter("start")
_FIRST = itemgetter(0)
_BY_END = attrgetter("end")


def _sort_protos(protos: list[Proto]) -> list[Proto]:
    """Sort in place by (start, -end), keeping the emitted order of equal spans: two stable
    C-keyed sorts instead of a Python key function per proto."""
    protos.sort(key=_BY_END, reverse=True)  # reverse=True keeps equal keys in order
    protos.sort(key=_BY_START)
    return protos


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_left(spans, (s, s))
    for j in (i - 1, i):
        if 0 <= j < len(spans):
            a, b = spans[j]
            if a < e and b > s:
                return True
    # spans sorted by start; a long earlier span may still cover s
    k = i - 2
    while k >= 0 and k >= i - 8:
        a, b = spans[k]
        if a < e and b > s:
            return True
        k -= 1
    return False


# --------------------------------------------------------------------------- ids and entities


def _finish(doc: Document, protos: list[Proto]) -> list[Proto]:
    """Drop overlaps (longest first), settle canonical names and ids.

    ``protos`` come as the scan returns them: sorted by (start, -end), so the longest name
    at each start comes first."""
    text = doc.text
    _extend_known_products(text, protos)
    chosen: list[Proto] = []
    last_end = -1
    role_refs: list[Proto] = []
    tickers = _ticker_spans(text)
    stop = lexicon().stopwords
    # Role-only references: "the Defence Secretary" -> the one person holding that role.
    holders: dict[str, set[str]] = defaultdict(set)
    for p in protos:
        if p.role_only:
            role_refs.append(p)
            continue
        if p.start < last_end or not p.kind:
            continue
        if tickers and _overlaps(tickers, p.start, p.end):
            continue  # "(NYSE:M)", "<.SPBK>": a share's or index's code, no name
        if _not_a_name(text, p.start, p.end, stop):
            continue
        # Trim edge punctuation and spaces (never part of a name).
        while p.end > p.start and text[p.end - 1] in " ,;:-–—.'’\"" and not _keeps_dot(text, p.start, p.end):
            p.end -= 1
        while p.start < p.end and text[p.start] in " ,;:-–—'’\"(":
            p.start += 1
        if p.end <= p.start:
            continue
        if text.startswith("!", p.end) and p.kind in ("ORG", "PRODUCT", "WORK_OF_ART") \
                and _RX_BANG_IN_NAME.match(text, p.end + 1):
            # "Yahoo! said", "Yahoo!'s": an exclamation mark before a lower-case word or a
            # comma does not end a sentence; it is part of the name
            p.end += 1
            if p.canonical == text[p.start:p.end - 1]:
                p.canonical += "!"
        chosen.append(p)
        last_end = p.end
        if p.kind == "PERSON" and p.attrs and p.attrs.get("role"):
            holders[p.attrs["role"].lower()].add(p.canonical)
    extra = []
    persons = None
    for p in role_refs:
        if p.start >= 0:
            before = text[max(0, p.start - 6):p.start]
            if before.endswith((", the ", ", a ", ", an ")):
                continue  # the appositive that gave the role ("Keir Starmer, the Prime Minister,")
            if not before.endswith(("the ", "The ")):
                continue  # "took over as CEO": the office, not its holder
            names = holders.get(p.role_only, set())
            # also roles written with a nationality prefix: "British Defence Secretary"
            if len(names) == 1:
                name = next(iter(names))
                if not any(q.start < p.end and q.end > p.start for q in chosen):
                    if persons is None:
                        persons = {q.canonical: q for q in chosen if q.kind == "PERSON"}
                    q = Proto(p.start, p.end, "PERSON", name, strong=True, tokens=persons[name].tokens)
                    q.attrs["reference"] = "role"
                    extra.append(q)
    if extra:  # chosen is in text order already
        chosen.extend(extra)
        chosen.sort(key=lambda p: (p.start, p.end))
    _keep_name_s(text, chosen)
    _compass_regions(text, chosen)
    _languages(text, chosen)
    _join_product_nicknames(text, chosen)
    for p in chosen:
        if p.kind == "PERSON" and p.start > 3 and text[p.start - 1] == " " and text[p.start - 3].isalpha():
            pm = _RX_PARTICLE_BEFORE.search(text, max(0, p.start - 12), p.start)
            if pm is not None:
                p.start = pm.start()  # "met de Mistura": the surname's particle is the name's
    # Canonical names: people by the longest full name with the same last word.
    by_last: dict[str, set[str]] = defaultdict(set)
    for p in chosen:
        kind = p.kind
        if kind == "PERSON":
            p.canonical = name = _clean_person(p.canonical)
            if " " in name:
                by_last[name.split()[-1]].add(name)
        elif kind in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"):
            if not p.alias_of:
                surface = text[p.start:p.end]
                if not (p.strong and p.canonical != surface):
                    # _strip_article, inlined: once per mention
                    p.canonical = surface[4:] if surface.startswith(("The ", "the ")) else surface
            if kind == "ORG":
                p.canonical = _strip_legal(p.canonical)
    for p in chosen:
        kind = p.kind
        if kind == "PERSON":
            parts = p.canonical.split()
            cands = {c for c in by_last.get(parts[-1], set()) if c.endswith(p.canonical) and c != p.canonical}
            if len(cands) == 1:
                p.canonical = next(iter(cands))
        if p.alias_of:
            # the name it stands for, as that name's own mentions are named ("GM" -> "General
            # Motors", not "General Motors Corp.")
            p.canonical = _strip_legal(p.alias_of) if kind == "ORG" else p.alias_of
        if kind == "PRODUCT" and len(p.canonical) > 4 and p.canonical[-1] == "s" and p.canonical[-2].isdigit():
            p.canonical = p.canonical[:-1]  # "Boeing 737s" is the Boeing 737
        p.eid = _eid(kind, p.canonical)
    _take_articles(text, chosen)
    return chosen


#: A surname's particle in lower case right before it: "de Mistura", "van der Veer".
_RX_PARTICLE_BEFORE = re.compile(r"(?<![\w'’.-])(?:de la|de|da|di|du|del|della|dos|van der|van den|van|von der|von) \Z")


def _join_product_nicknames(text: str, chosen: list[Proto]) -> None:
    """A product by its number, then its name one space (or an opening quote) after it, is one
    product: "its 787 Dreamliner", "the Boeing 787 “Dreamliner" (as news annotations mark it)."""
    i = 0
    while i + 1 < len(chosen):
        p, q = chosen[i], chosen[i + 1]
        if p.kind == "PRODUCT" and q.kind == "PRODUCT" and text[p.end:q.start] in (" ", " “", ' "') \
                and any(c.isdigit() for c in text[p.start:p.end]) and not any(c.isdigit() for c in text[q.start:q.end]):
            p.end = q.end
            joined = text[p.start:q.end].replace("“", "").replace('"', "")
            p.canonical = joined[4:] if joined.startswith(("The ", "the ")) else joined
            p.tokens = p.tokens + q.tokens
            p.strong = True
            del chosen[i + 1]
            continue
        i += 1


#: After an organisation's "'s": what no possessive is followed by, an opening bracket or a
#: speech verb ("Macy's (NYSE:M) sank", "Dillard's said"); group 1 is the word. (Other verbs
#: may follow a possessive whose noun is left out: "Ford's shares rose and GM's fell".)
_REPORTING_VERBS = frozenset({"reported", "reports", "announced", "announces", "disclosed", "forecast"})
_RX_AFTER_NAME_S = re.compile(r"['’]s(?: \(| ([a-z]+)\b)")


#: A capitalised role after a determiner, then a comma, right before a name (group 1 the role).
_RX_CAP_ROLE_COMMA = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|new|former|[A-Z][\w'’-]*['’]s) ([A-Z][a-z]+), \Z")
#: A plural role, names, and "and" right before a name (group 1 the role): "Justices Binod
#: Sharma and", "Senators Lisa Murkowski, Susan Collins and".
_RX_PLURAL_ROLE_LIST = re.compile(r"\b([A-Z][a-z]+s) (?:[A-Z][\w'’.-]*,? ){1,8}and \Z")


@lru_cache(maxsize=4)
def _kin_before(kin: tuple[str, ...]) -> re.Pattern:
    """A family word right before a name (or before a name and "and" that the name follows),
    after a possessive or an article and at most two words ("her two sons", "his late wife")."""
    words = "|".join(sorted(map(re.escape, kin), key=len, reverse=True))
    return re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ww]hose|[Tt]he|[Aa]|[A-Z][\w'’-]*['’]s)"
                      rf" (?:[a-z][\w-]* ){{0,2}}(?:{words}),? (?:[A-Z][\w'’-]+ and )?\Z")


_REGION_COMPASS = frozenset(_WORDS["region_compass"])
#: Nationality words that also name a language, and the words around one that say it is the
#: language: "written in English", "speaks Arabic", "non-English", "English-language",
#: "Spanish speakers".
_LANGUAGES = frozenset(_WORDS["languages"])
_RX_LANGUAGE_BEFORE = re.compile(r"(?:\b(?:[Ii]n|into|speaks?|speaking|spoke|spoken|fluent in|dubbed in)\s|non-)\Z")
_RX_LANGUAGE_AFTER = re.compile(r"(?:-| )?language\b| (?:speakers?|speaking|subtitles|translation|version|dub)\b")
_RX_LANGUAGE_END = re.compile(r"[.,;:)!?]|\s(?:and|or|but|as|is|was|were|are)\b|\Z")


def _languages(text: str, chosen: list[Proto]) -> None:
    """A nationality word used for its language is the LANGUAGE ("written in English" is no
    nationality), as is the next one in a list after it ("speaks Arabic and French"); "in"
    before an adjective ("in English football") leaves the nationality."""
    last_end = -1
    for p in chosen:
        if p.kind != "NORP" or p.canonical not in _LANGUAGES:
            continue
        before = text[max(0, p.start - 14):p.start]
        if _RX_LANGUAGE_AFTER.match(text, p.end) or (
                (_RX_LANGUAGE_BEFORE.search(before) or (last_end >= 0 and text[last_end:p.start] in (" and ", ", ", " or ")))
                and _RX_LANGUAGE_END.match(text, p.end)):
            p.kind = "LANGUAGE"
            p.attrs = {}
            last_end = p.end


def _compass_regions(text: str, chosen: list[Proto]) -> None:
    """A capitalised compass word before a place names a region of it: "Northern California",
    "West Texas", "Central Italy" are one LOC mention (names the lexicon knows whole, "North
    Korea" or "West Virginia", never get here: the scan took them in one piece)."""
    drop = []
    for i, p in enumerate(chosen):
        s = p.start
        if p.kind not in ("GPE", "LOC") or s < 5 or text[s - 1] != " ":
            continue
        k = text.rfind(" ", max(0, s - 14), s - 1) + 1
        if k == 0 and s - 14 > 0:
            continue
        word = text[k:s - 1]
        if word not in _REGION_COMPASS or (k > 0 and text[k - 1].isalnum()):
            continue
        if i and chosen[i - 1].end > k:
            q = chosen[i - 1]
            if (q.start, q.end) != (k, s - 1):
                continue  # the word belongs to a longer name before it
            drop.append(i - 1)  # "South" taken alone: it is the region's first word
        p.start = k
        p.kind = "LOC"
        p.canonical = f"{word} {p.canonical}"
        p.attrs = {}
    for i in reversed(drop):
        del chosen[i]


#: After a make and its space: up to three capitalised words or numbers (group 1), the
#: model's candidates ("Camry", "F-150", "Grand Cherokee").
_RX_MODEL_WORDS = re.compile(r"((?:[A-Z][\w-]*|\d[\w-]*)(?: (?:[A-Z][\w-]*|\d[\w-]*)){0,2})")


#: An aircraft's model: a number, or letters then a number, with its variant ("787", "A380",
#: "737-800", "A350XWB", "E190", "An-124", "777s").
_RX_AIRCRAFT_MODEL = re.compile(r"(?:[A-Z]{1,3}-?)?\d{2,4}(?:-?[A-Z\d]{1,5})?s?")


def _singular_model(name: str) -> str:
    """"Jeep Wranglers" is the Jeep Wrangler ("Camrys" the Camry; not "Prius", "Express")."""
    if len(name) > 4 and name[-1] == "s" and name[-2] not in "siuo" and name[-2].isalpha() and name[-2].islower():
        return name[:-1]
    return name


@lru_cache(maxsize=4)
def _kin_word(kin: tuple[str, ...]) -> re.Pattern:
    """Any family word, as a word: the cheap test before the patterns that need one."""
    words = "|".join(sorted(map(re.escape, kin), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b")


@lru_cache(maxsize=4)
def _kin_after(kin: tuple[str, ...]) -> re.Pattern:
    """A possessive then a family word: "Mubarak's son", "Kerr's late wife" (not the words a
    company may also have: "parents", "children", "child")."""
    own = [k for k in kin if k not in ("parents", "children", "child")]
    words = "|".join(sorted(map(re.escape, own), key=len, reverse=True))
    return re.compile(rf"['’]s (?:(?:late|eldest|youngest|younger|elder|older|only|estranged|former) )?(?:{words})\b")


def _keep_name_s(text: str, chosen: list[Proto]) -> None:
    """An organisation whose "'s" is no possessive somewhere in the document ("Macy's said",
    "Kohl's (NYSE:KSS)") keeps it as part of its name everywhere there ("Macy's stores"): the
    name ends in 's, as shops and firms named after their founders do."""
    if "s " not in text:
        return
    named = set()
    followers = None
    for p in chosen:
        if p.kind != "ORG" or not p.poss:
            continue
        m = _RX_AFTER_NAME_S.match(text, p.end)
        if m is None:
            continue
        word = m.group(1)
        if word is not None:
            if followers is None:
                followers = lexicon().speech_verbs | _REPORTING_VERBS
            if word not in followers:
                continue  # not "rose" or "is": "Apple's rose and Google's fell" leave the noun out
        named.add(text[p.start:p.end])
    if not named:
        return
    for p in chosen:
        if p.kind == "ORG" and p.poss and text[p.start:p.end] in named \
                and text.startswith(("'s", "’s"), p.end):
            p.end += 2
            p.poss = False
            if p.canonical == text[p.start:p.end - 2]:
                p.canonical = text[p.start:p.end]


#: After a name: a lower-case word (group 1), or something that shows the name is not the
#: head of its noun phrase: another word that is no lower-case word ("the US President"), a
#: hyphen or letter ("the US-led coalition"), a possessive ("the EU's plan": the article goes
#: with the possessor only in some conventions, so it is left out).
_RX_AFTER_NAME = re.compile(r"[ \t]+(?:([a-z]+)\b|[^\s\"“‘'(\[])|[-\w&@#]|['’]s\b")


#: ", Ariz.-based", ", New Mexico-based": the place before is where the noun after is based.
_RX_STATE_BASED = re.compile(r", [A-Z][\w.]*(?: [A-Z][\w.]*)?-based\b")
#: What follows a surname used alone: not another capitalised word of a longer name.
_RX_BARE_SURNAME_NEXT = re.compile(r"(?![ \t]+[A-Z])")
#: A verb right after a surname alone: "Key said", "Adly has", "Sultan says".
_RX_VERB_AFTER_SURNAME = re.compile(
    r",? (?:said|says|told|added|has|had|was|is|will|would|could|did|does|denied|insisted|warned|argued|"
    r"explained|stated|declared|announced|urged|called|wrote)\b")
#: A title right before a surname alone: "General Sultan", "Mr Key".
_RX_TITLE_BEFORE = re.compile(r"\b(?:General|Gen\.|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|President|Minister|"
                              r"Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Judge|Justice|Senator|Sen\.) \Z")
#: A courtesy title right before a person's name (its dot optional), at a word's start.
_RX_HONORIFIC_LEAD = re.compile(
    r"(?<![\w.'’-])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Sheikh|Sheik|Mme|Mlle|Herr|Frau)\.? \Z")


def _take_articles(text: str, chosen: list[Proto]) -> None:
    """A name that heads a definite noun phrase takes its article into the mention: "the EU",
    "The Pentagon", "the iPhone" (the extent news annotations mark, as in TimeML-era corpora),
    while the entity keeps the bare name; a person's mention takes a courtesy title before it
    instead ("Mr Healey"). Not the article for people ("the Obama" is no phrase), nor for
    a name that modifies the head after it ("the Airbus plane", "the US-led coalition", "the
    Airbus A380" when the two are separate names); the word after the name decides: a
    punctuation mark or a word known to follow a phrase's head ("said", "is", "in"), or a
    past-tense verb ("the EU decided")."""
    followers = lexicon().head_followers
    n = len(chosen)
    for i, p in enumerate(chosen):
        s = p.start
        if p.kind == "PERSON":
            # "Mr Zardari", "Dr. Lee": a person's honorific is inside the mention, as the
            # article is inside other names' (roles such as "President" stay out)
            if s > 3 and text[s - 1] == " ":
                h = _RX_HONORIFIC_LEAD.search(text, max(0, s - 8), s)
                if h and (i == 0 or chosen[i - 1].end <= h.start()):
                    p.lead = s - h.start()
            continue
        if s < 4 or text[s - 4:s] not in ("the ", "The ") \
                or (s > 4 and (text[s - 5].isalnum() or text[s - 5] in "-'’")):
            continue
        e = p.end
        if i + 1 < n and chosen[i + 1].start <= e + 1:
            continue  # another name right after: "the Airbus A380" as two names
        if text.startswith(", ", e) and _RX_STATE_BASED.match(text, e):
            continue  # "the Tempe, Ariz.-based carrier": the article is the carrier's
        if p.kind == "NORP" and text.startswith(", ", e) and text[e + 2:e + 3].isupper():
            continue  # "the South Korean, US and Japanese militaries": the article is the noun's
        m = _RX_AFTER_NAME.match(text, e)
        if m is not None:
            word = m.group(1)
            if word is None or not (word in followers or (word.endswith("ed") and len(word) > 4)):
                continue
        p.lead = 4


_CURRENCY_SHORT = frozenset(_WORDS["currency_abbreviations"])
#: A currency's code or short name glued to an amount: "EUR109.80", "Sh34.7" (group 1).
_RX_CURRENCY_AMOUNT = re.compile(r"([A-Z][A-Za-z]{0,3}\.?)\d")
#: Words closing the names of events and competitions that are not in event_heads (which
#: also make names EVENTs on their own): after a role they are no person's name.
_EVENT_TAILS = frozenset({"series", "league", "tour", "games", "classic", "masters", "prize", "award", "awards"})
#: What may follow a known product's name within its own name: a version's number, or up to
#: three capitalised words ("iOS 4", "Mac OS X Lion", "iTunes Music Store", "Windows Phone 7").
_RX_PRODUCT_TAIL = re.compile(r"(?: (?:\d[\d.]*[A-Za-z]?\b|[A-Z][\w-]*)){1,3}")


def _extend_known_products(text: str, protos: list[Proto]) -> None:
    """A known product's name goes on over its version or edition ("iOS 4", "Mac OS X Lion",
    "Windows Phone 7"); the names inside the longer one then give way to it (_finish keeps
    the longest at each start). Not over a word that heads an organisation's or a facility's
    name ("the Linux Foundation" stays the foundation's) or a stopword ("Android In ...")."""
    lx = lexicon()
    for p in protos:
        if p.kind != "PRODUCT" or (p.canonical not in lx.known_software and p.canonical not in lx.maker_products):
            continue  # (a product known by its maker too: "Windows 8", "Office 2013", "Xbox 360")
        m = _RX_PRODUCT_TAIL.match(text, p.end)
        if m is None:
            continue
        end = p.end
        for w in m.group(0).split(" ")[1:]:
            low = w.lower()
            if low in lx.org_suffixes or low in lx.fac_suffixes:
                end = p.end  # the product's name opens an organisation's: leave the scan's reading
                break
            if w in lx.stopwords or low in lx.roles or low in lx.product_nouns:
                break  # ("the Sorento SUVs": the kind of product is no part of the name)
            end = text.index(w, end) + len(w)
        if end > p.end:
            p.end = end
            p.canonical = text[p.start:end]


#: A bond's maturity right before its name: "10-year ", "30-year ", "two-year ".
_RX_MATURITY_BEFORE = re.compile(r"\b(?:\d{1,2}|one|two|three|five|seven|ten|thirty)-(?:year|month|week) \Z")


def _not_a_name(text: str, s: int, e: int, stop: frozenset[str]) -> bool:
    """Capitalised words that are no name: a span of months or weekdays ("July-September",
    "Monday-Friday"), which is a time expression, a currency before an amount ("Rs 6.9
    million"), and a government bond after its maturity ("the 10-year Treasury note")."""
    if e - s <= 5:
        return text[s:e] in _CURRENCY_SHORT and text[e:e + 1] == " " and text[e + 1:e + 2].isdigit()
    if text.startswith("Treasur", s) and _RX_MATURITY_BEFORE.search(text, max(0, s - 16), s):
        return True  # "the 10-year Treasury note", "two-year Treasuries": a bond, not the department
    span = text[s:e]
    low = span.lower()
    if low.startswith("the "):
        low = low[4:]
    if low in holiday_names():
        return True  # "New Year", "Christmas Day": a day of the calendar (a time expression)
    if "-" in span or "–" in span:
        parts = span.replace("–", "-").split("-")
        # "July-September" (all time words), "October-two years late" (a time word, then lower case)
        return all(part in stop for part in parts) or (parts[0] in stop and all(p.islower() for p in parts[1:]))
    return False


#: A ticker after an exchange's code, "(NASDAQ:NVDA)", "(ETR: DBK)", "(7203.T)", or a Reuters
#: instrument code, "<.SPBK>", "<GM.N>": group 1 is the code (the exchange stays a name).
_RX_TICKER = re.compile(r"\((?:[A-Z]{2,8}: ?)?([A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?)\)|<(\.?[A-Z0-9]{1,8}(?:\.[A-Z]{1,3})?)>")


def _ticker_spans(text: str) -> list[tuple[int, int]]:
    """Spans of share and index codes, sorted; only codes with an exchange before them, a dot
    in them or angle brackets around them (a bare "(GM)" is how names get their acronyms)."""
    out = []
    if "(" in text or "<" in text:
        for m in _RX_TICKER.finditer(text):
            if m.group(1) is not None:
                if ":" not in m.group(0) and "." not in m.group(1):
                    continue
                out.append((m.start(1), m.end(1)))
            else:
                out.append((m.start(2), m.end(2)))
    if " ." in text:
        # a Reuters index code written bare: "The Nikkei share average .N225 rose"
        out.extend((m.start(1), m.end(1)) for m in _RX_BARE_INDEX_CODE.finditer(text))
        out.sort()
    return out


_RX_BARE_INDEX_CODE = re.compile(r"(?<=\s\.)([A-Z][A-Z0-9]{1,7})\b(?!\.\w)")


_LEGAL = re.compile(r",? (?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|plc|PLC|Co|GmbH|AG|SA|S\.A|NV|N\.V|BV|LLP|LP)\.?$")


@lru_cache(maxsize=65536)
def _strip_legal(name: str) -> str:
    """'Apple Inc.' and 'Apple' are one company: the legal form is not part of the canonical
    name (it stays an alias)."""
    m = _LEGAL.search(name)
    if m and m.start() > 0 and " " in name[: m.end()].strip():
        short = name[: m.start()].rstrip(" ,")
        return short if short else name
    return name


def _keeps_dot(text: str, s: int, e: int) -> bool:
    if text[e - 1] != ".":
        return False
    word = text[s:e].split()[-1]
    body = word[:-1]
    # ... and a state written short ("Lansing, Mich.", "Dover, Del."): the dot is its own
    return len(body) == 1 or "." in body or body.lower() in _KEEP_DOT or word in lexicon().us_state_abbreviations


def _strip_article(name: str) -> str:
    for art in ("The ", "the "):
        if name.startswith(art):
            return name[len(art):]
    return name


def _clean_person(name: str) -> str:
    name = name.strip()
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


#: Scans waiting for describe_entities, so that it never repeats find_mentions' work whether
#: the steps run document by document or step by step over a whole batch. Keyed by the
#: document's identity and checked against its text and sentence objects (which the entry
#: keeps alive, so their identities cannot be reused); describe_entities takes its entry
#: out. The bound only matters if find_mentions runs without describe_entities.
_CACHE: OrderedDict[int, tuple[str, list, list[Proto]]] = OrderedDict()
_CACHE_SIZE = 50_000


def _protos_for(doc: Document, take: bool = False) -> list[Proto]:
    key = id(doc)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is doc.text and hit[1] is doc.sentences:
        if take:
            del _CACHE[key]
        return hit[2]
    protos = _finish(doc, _Scanner(doc).scan())
    if not take:
        _CACHE[key] = (doc.text, doc.sentences, protos)
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return protos


_KINDS = {k.value: k for k in EntityKind}


@lru_cache(maxsize=65536)
def _eid(kind: str, name: str) -> str:
    return entity_id(kind, name)


# model.schema.construct_unchecked, inlined in the two loops below (one call per mention or
# entity less): the same four slots set, values already of their fields' types.
_setattr = object.__setattr__
_MENTION_FIELDS = frozenset(("entity_id", "kind", "start", "end", "text", "doc_id"))
_ENTITY_FIELDS = frozenset(("id", "kind", "name", "aliases", "attributes", "documents", "mention_count", "salience"))


def find_mentions(doc: Document) -> list[Mention]:
    """Needs: ``doc.blocks``, ``doc.sentences``. Fills: ``doc.mentions`` — every named
    mention in prose blocks, in text order, with its OntoNotes kind and entity id."""
    text, doc_id, kinds = doc.text, doc.id, _KINDS
    new, setattr_, fields = Mention.__new__, _setattr, _MENTION_FIELDS
    out = []
    append = out.append
    for p in _protos_for(doc):
        # construct_unchecked inlined: one Mention per name makes this the step's hot loop
        obj = new(Mention)
        start = p.start - p.lead
        setattr_(obj, "__dict__", {"entity_id": p.eid, "kind": kinds[p.kind], "start": start, "end": p.end,
                                   "text": text[start:p.end], "doc_id": doc_id})
        setattr_(obj, "__pydantic_fields_set__", set(fields))
        setattr_(obj, "__pydantic_extra__", None)
        setattr_(obj, "__pydantic_private__", None)
        append(obj)
    return out


def describe_entities(doc: Document) -> list[Entity]:
    """Needs: ``doc.mentions`` (and the scan behind them). Fills: ``doc.entities`` — one
    Entity per id with its canonical name (the longest full form), aliases (every other
    surface, "Mr Healey", acronyms, descriptors), attributes (role, nationality,
    capital_of, country, affiliation, acronym), mention count and salience.

    Salience is the entity's share of the document's mentions, raised for entities named
    in the title or the first two paragraphs, in [0, 1]."""
    protos = _protos_for(doc, take=True)
    if len(protos) != len(doc.mentions):  # mentions edited since the scan: scan again
        protos = _protos_for(doc, take=True)
    text, doc_id = doc.text, doc.id
    first_body = _lead_end(doc)
    groups: dict[str, list[Proto]] = defaultdict(list)
    # Each proto takes the id of the mention with its span (mentions may have been given
    # other ids since the scan; of two with one span, the later). As the scan made them, the
    # mentions are the protos' spans in the same order with rising starts (no span twice):
    # then each proto's id is the mention's beside it, without a table of every span.
    mentions = doc.mentions
    eids: list[str] | None = [] if len(mentions) == len(protos) else None
    prev = -1
    if eids is not None:
        for p, m in zip(protos, mentions):
            ms = m.start
            if ms != p.start - p.lead or m.end != p.end or ms <= prev:
                eids = None
                break
            prev = ms
            eids.append(m.entity_id)
    if eids is None:
        mention_ids = {(m.start, m.end): m.entity_id for m in mentions}
        eids = [mention_ids.get((p.start - p.lead, p.end), p.eid) for p in protos]
    for p, eid in zip(protos, eids):
        groups[eid].append(p)
    total = len(protos) or 1  # every proto is in one group
    entities = []
    for eid, ps in groups.items():
        kind = ps[0].kind
        name = ps[0].canonical
        aliases: list[str] = []
        seen = {name}
        attrs: dict[str, str] = {}
        person = kind == "PERSON"
        for p in ps:
            surface = text[p.start:p.end]
            if person:
                prefix = _honorific_before(text, p.start)
                if prefix:
                    titled = f"{prefix} {surface}"
                    if titled not in seen:
                        seen.add(titled)
                        aliases.append(titled)
            if surface not in seen:
                seen.add(surface)
                aliases.append(surface)
            if p.attrs:
                for k, v in p.attrs.items():
                    if k == "descriptor":
                        if v not in seen:
                            seen.add(v)
                            aliases.append(v)
                    elif k != "reference" and k not in attrs:
                        attrs[k] = v
        if kind == "GPE" and "capital_of" in attrs and attrs["capital_of"] == eid:
            attrs.pop("capital_of")
        acr = attrs.get("acronym")
        if acr and acr not in seen:
            aliases.append(acr)
        # protos come in text order, so the group's first mention is its earliest
        lead = ps[0].start < first_body
        sal = min(1.0, len(ps) / total * (1.5 if lead else 1.0))
        entities.append((-len(ps), eid, {"id": eid, "kind": _KINDS[kind], "name": name, "aliases": aliases,
                                         "attributes": attrs, "documents": [doc_id],
                                         "mention_count": len(ps), "salience": round(sal, 4)}))
    # most mentions first, then by id (ids are unique: the dicts are never compared)
    entities.sort()
    out = []
    new, setattr_, fields = Entity.__new__, _setattr, _ENTITY_FIELDS
    for _n, _id, values in entities:
        obj = new(Entity)  # construct_unchecked inlined, as in find_mentions
        setattr_(obj, "__dict__", values)
        setattr_(obj, "__pydantic_fields_set__", set(fields))
        setattr_(obj, "__pydantic_extra__", None)
        setattr_(obj, "__pydantic_private__", None)
        out.append(obj)
    return out


def _honorific_before(text: str, start: int) -> str | None:
    if start < 3 or text[start - 1] != " ":
        return None
    m = _RX_HONORIFIC.search(text[max(0, start - 8):start])
    return m.group(0).strip() if m else None


def _lead_end(doc: Document) -> int:
    """End of the title plus the first two body paragraphs (for salience)."""
    n = 0
    for b in doc.blocks:
        if b.kind is BlockKind.PARAGRAPH:
            n += 1
            if n >= 2:
                return b.end
    return len(doc.text)


if __name__ == "__main__":  # print the mentions of files given on the command line
    from pathlib import Path

    from model.read import read_path
    from model.extract.sentences import split_sentences

    for arg in sys.argv[1:]:
        for d in read_path(Path(arg)).documents:
            d.sentences = split_sentences(d)
            d.mentions = find_mentions(d)
            for m in d.mentions:
                print(f"{m.start:6d} {m.kind.value:8s} {m.text!r:45s} {m.entity_id}")
            d.entities = describe_entities(d)
            for e in d.entities:
                print(e.id, e.mention_count, e.aliases, e.attributes)
