"""Regenerate ``model/data/first_names_more.json``: first names from Faker's person providers.

Run by hand when Faker or the project's lexicons change (not at run time, so the reader needs
neither package and starts no slower):

    pip install faker==40.54.0 english-words==2.0.2
    python tools/make_first_names.py

Faker (MIT licence) lists first names for some 80 locales; its names are kept when they are
written in Latin letters, capitalised, at least three letters long, and are none of: an English
word (the GCIDE dictionary of the ``english-words`` package, lower-cased: "Rose", "Ford",
"Delta"), a name the entity lexicon already knows as a place, nationality or organisation
("India"), a well-known brand ("Kia", "Porsche"), a stopword, a role or a word of the
project's own lists ("Captain", "Council"), or a name already in ``first_names.json``.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def faker_names(attrs: tuple[str, ...] = ("first_names", "first_names_male", "first_names_female",
                                           "first_names_nonbinary")) -> tuple[str, set[str]]:
    """Faker's version and the names its person providers list under ``attrs``."""
    import faker
    import faker.providers.person as person

    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{info.name}"), "Provider", None)
        for attr in attrs:
            value = getattr(provider, attr, None)
            if hasattr(value, "keys"):
                names.update(value.keys())
            elif isinstance(value, (list, tuple, set, frozenset)):
                names.update(value)
    return faker.VERSION, {n for n in names if isinstance(n, str)}


#: Brands far more often named in news than people of that first name ("Kia Motors", "Porsche
#: 911", "Lexus RX"); the lexicon does not know them all as organisations or products.
BRANDS = {"Kia", "Porsche", "Lexus", "Holden", "Bentley", "Chanel", "Zara", "Dior", "Prada", "Gucci",
          "Tesla", "Skoda", "Dacia", "Lancia", "Opel", "Fiat", "Audi", "Volvo", "Nokia", "Lenovo", "Acer",
          "Asus", "Uber", "Adidas", "Puma", "Lidl", "Aldi", "Tesco", "Ikea", "Visa", "Citi"}


def latin_name(name: str) -> bool:
    return (len(name) >= 3 and name.isalpha() and name[0].isupper() and name[1:].islower()
            and all(ord(c) < 0x250 for c in name))


def filtered(raw: set[str], also_out: set[str] = frozenset()) -> list[str]:
    """The names of ``raw`` safe as names (see the module's docstring), less ``also_out``."""
    from english_words import get_english_words_set

    from model.data import load_json
    from model.extract.entity_lexicon import _common_words, lexicon

    english = get_english_words_set(["gcide"], lower=True)
    lx = lexicon()
    common = _common_words(load_json("entity_words.json"), load_json("roles.json"), load_json("military.json"),
                           load_json("orgs.json"), load_json("places.json"))
    orgs = {w for name in lx.known_orgs for w in name.split()}
    return sorted(n for n in raw if latin_name(n) and n.lower() not in english and n not in lx.gaz
                  and n not in lx.stopwords and n.lower() not in common and n.lower() not in lx.roles
                  and n not in orgs and n not in also_out and n not in BRANDS)


def write_names(file: str, comment: str, kept: list[str], raw: set[str]) -> None:
    """Write ``kept`` under ``model/data/<file>`` with its comment, and say how many were kept."""
    path = ROOT / "model" / "data" / file
    path.write_text(json.dumps({"_comment": comment, "names": kept}, ensure_ascii=False, indent=0) + "\n",
                    encoding="utf-8")
    print(f"{len(kept)} names from {len(raw)} -> {path}")


def main() -> None:
    from model.data import load_json

    version, raw = faker_names()
    kept = filtered(raw, set(load_json("first_names.json")["names"]))
    write_names("first_names_more.json",
                f"First names from Faker {version}'s person providers (MIT licence), made by "
                "tools/make_first_names.py, which says what is left out (English words, places, "
                "organisations, the project's own words). Used with first_names.json.", kept, raw)


if __name__ == "__main__":
    main()
