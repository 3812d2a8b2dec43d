"""Regenerate ``model/data/last_names.json``: family names from Faker's person providers.

Run by hand when Faker or the project's lexicons change (not at run time):

    pip install faker==40.54.0 english-words==2.0.2
    python tools/make_last_names.py

Faker (MIT licence) lists family names for some 80 locales ("Yadav", "Srinivasan", "Okafor");
they are kept by the rules of ``make_first_names.py`` (Latin letters, capitalised, three letters
or more, no English word, no place, organisation, brand or word of the project's own lists),
and a name that is also a first name is left out (it tells nothing of its place in a name).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from make_first_names import faker_names, filtered, write_names  # noqa: E402


def main() -> None:
    from model.extract.entity_lexicon import lexicon

    version, raw = faker_names(("last_names", "last_names_male", "last_names_female"))
    kept = filtered(raw, set(lexicon().first_names))
    write_names("last_names.json",
                f"Family names from Faker {version}'s person providers (MIT licence), made by "
                "tools/make_last_names.py, which says what is left out (English words, places, "
                "organisations, first names, the project's own words).", kept, raw)


if __name__ == "__main__":
    main()
