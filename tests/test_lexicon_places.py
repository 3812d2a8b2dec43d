"""Place names in the entity lexicon: spellings without diacritics, and places inside club names."""

from __future__ import annotations

import pytest

from model.extract.entity_lexicon import ascii_folded
from tests.test_entities import mentions_of


@pytest.mark.parametrize("name, plain", [
    ("Erciş", "Ercis"), ("Łódź", "Lodz"), ("São Paulo", "Sao Paulo"), ("Düsseldorf", "Dusseldorf"),
    ("Muzaffarābād", "Muzaffarabad"), ("Nizhniy Novgorod", "Nizhniy Novgorod"),
])
def test_ascii_folding(name, plain):
    assert ascii_folded(name) == plain


@pytest.mark.parametrize("sentence, place", [
    ("Aid reached Muzaffarabad on Monday.", "Muzaffarabad"),  # the data spells it Muzaffarābād
    ("The talks moved to Bogota last week.", "Bogota"),  # a capital: Bogotá
    ("Fans travelled from Sao Paulo to see the final.", "Sao Paulo"),
])
def test_plain_spellings_of_places_are_places(sentence, place):
    assert (place, "GPE") in {(text, kind) for text, kind, _ in mentions_of(sentence)}


def test_plain_and_accented_spellings_are_one_entity():
    found = mentions_of("Officials in Muzaffarābād said Muzaffarabad had no power.")
    assert [(text, kind) for text, kind, _ in found] == [("Muzaffarābād", "GPE"), ("Muzaffarabad", "GPE")]
    assert found[0][2] == found[1][2]


@pytest.mark.parametrize("sentence, club", [
    ("The striker joined Leeds United last summer.", "Leeds United"),
    ("Hundreds of fans of Blackburn Rovers protested.", "Blackburn Rovers"),
    ("He left Bolton Wanderers for Wigan Athletic.", "Wigan Athletic"),
])
def test_a_place_then_a_club_word_is_one_club(sentence, club):
    found = {(text, kind) for text, kind, _ in mentions_of(sentence)}
    assert (club, "ORG") in found
    assert not any(kind == "GPE" for _, kind in found)


@pytest.mark.parametrize("sentence, place, kind", [
    ("Rescuers reached Beichuan county on foot.", "Beichuan", "GPE"),  # a lower-case head after the name
    ("Floods hit Hubei province again.", "Hubei", "GPE"),
    ("Power returned to Brunswick County overnight.", "Brunswick County", "GPE"),  # a capitalised head
    ("Herders crossed the Omo Valley.", "Omo Valley", "LOC"),
    ("Climbers died on Mount Kenya.", "Mount Kenya", "LOC"),  # an opening word
    ("Ships were attacked in the Gulf of Aden.", "Gulf of Aden", "LOC"),
])
def test_place_heads(sentence, place, kind):
    assert (place, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    # the abbreviation's dot is part of the state's short name
    ("The plant in Flint, Mich., will close.", [("Flint", "GPE"), ("Mich.", "GPE")]),
    ("The plant in Dover, Del. closed.", [("Dover", "GPE"), ("Del.", "GPE")]),
    ("Crews reached Wilmington, NC on Friday.", [("Wilmington", "GPE"), ("NC", "GPE")]),
    ("Talks resumed in Washington, D.C. on Monday.", [("Washington", "GPE"), ("D.C.", "GPE")]),
    ("Workers in Brampton, Ontario, walked out.", [("Brampton", "GPE"), ("Ontario", "GPE")]),
])
def test_a_place_then_its_state_or_province(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence", ["She went to Mass. Then she left.", "He met Jones, IN the end."])
def test_state_short_forms_only_after_a_place_and_comma(sentence):
    assert not any(k == "GPE" for _, k, _ in mentions_of(sentence))


@pytest.mark.parametrize("sentence, name, kind", [
    ("Aid reached the badly hit Beichuan city.", "Beichuan", "GPE"),
    ("Protesters returned to Azadi square.", "Azadi", "FAC"),
])
def test_lower_case_city_and_square_heads(sentence, name, kind):
    assert (name, kind) in {(t, k) for t, k, _ in mentions_of(sentence)}


def test_names_listed_before_a_plural_place_head():
    found = mentions_of("Outages were worst in Dunmore, Halvey, and Brackett Counties overnight.")
    assert [(t, k) for t, k, _ in found] == [("Dunmore", "GPE"), ("Halvey", "GPE"), ("Brackett Counties", "GPE")]


def test_a_postal_code_before_its_coast():
    assert [(t, k) for t, k, _ in mentions_of("Storm surge hit the entire NC coast.")] == [("NC", "GPE")]


def test_a_name_shown_to_be_a_place_once_is_a_place_throughout():
    found = mentions_of("Western Dunmore officials said rain fell. Floods hit the Western Dunmore province.")
    assert [(t, k) for t, k, _ in found] == [("Western Dunmore", "GPE"), ("Western Dunmore", "GPE")]


@pytest.mark.parametrize("sentence, place", [
    ("Rain also hit neighbouring Zorvania.", "Zorvania"),
    ("The envoy flew to Marwa on Monday.", "Marwa"),
])
def test_more_place_cues(sentence, place):
    assert (place, "GPE") in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    # regional adjectives of more than one word are nationality words, like "Malian"
    ("The West African nation and its Southeast Asian partners met.",
     [("West African", "NORP"), ("Southeast Asian", "NORP")]),
    # the European Union is a place, as the news gold this project is scored on types it
    ("EU ministers met in Brussels, and the European Union agreed.",
     [("EU", "GPE"), ("Brussels", "GPE"), ("European Union", "GPE")]),
])
def test_regions_and_the_union(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a lower-case place noun after an unknown name, or the name in apposition to one
    ("Police raided flats in the Tolworth neighbourhood.", [("Tolworth", "GPE")]),
    ("Floods cut off Ekiti state and the Mbale area.", [("Ekiti", "GPE"), ("Mbale", "LOC")]),
    ("Aid reached one village, Kyaukpyu, on Friday.", [("Kyaukpyu", "GPE")]),
])
def test_place_nouns_make_unknown_names_places(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


def test_a_currency_prefix_is_no_place():
    found = [(t, k) for t, k, _ in mentions_of("The deal is worth US$40 million, or NZ$66 million, in Auckland.")]
    assert found == [("Auckland", "GPE")]


@pytest.mark.parametrize("sentence, place", [
    ("Storm Ciaran battered Cornwall overnight.", "Cornwall"),  # an English county (a unit under England)
    ("Floods hit North Yorkshire and Norfolk.", "North Yorkshire"),
    ("Floods hit North Yorkshire and Norfolk.", "Norfolk"),
    ("Farmers in Wicklow and Meath protested.", "Meath"),  # an Irish county
    ("Fighting resumed near Trincomalee.", "Trincomalee"),  # a Sri Lankan district
    ("Rohingya refugees crowd camps in Cox's Bazar.", "Cox's Bazar"),  # a Bangladeshi district
    ("The typhoon hit Batangas and Pampanga.", "Pampanga"),  # a Philippine province
    ("Fires spread across the Gironde.", "Gironde"),  # a French department
    ("Floods hit County Durham.", "County Durham"),  # "County" opening a place's name
])
def test_second_level_units_news_names_are_places(sentence, place):
    assert (place, "GPE") in {(text, kind) for text, kind, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, word", [
    ("The Tata group bought the firm.", "Tata"),  # a Moroccan province's name, too short to trust
    ("Angus Taylor said the plan would work.", "Angus"),  # a Scottish council area, and a first name
    ("Antique dealers gathered in the hall.", "Antique"),  # a Philippine province, and a common word
])
def test_second_level_units_that_are_other_words_are_not_places(sentence, word):
    assert not any(kind == "GPE" and word in text for text, kind, _ in mentions_of(sentence))


@pytest.mark.parametrize("sentence, region", [
    ("The monsoon covered North East India.", "North East India"),  # two compass words, then a place
    ("Heat hit South East Uttar Pradesh.", "South East Uttar Pradesh"),
    ("Trains to South West London were cancelled.", "South West London"),
])
def test_two_compass_words_before_a_place_name_a_region_of_it(sentence, region):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == [(region, "LOC")]


@pytest.mark.parametrize("sentence, name, kind", [
    ("He was born in Guinea Bissau.", "Guinea Bissau", "GPE"),  # a hyphenated country written with a space
    ("The FA board met at St George's Park.", "St George's Park", "FAC"),  # a saint's place and its head
    ("St Paul's Cathedral was lit.", "St Paul's Cathedral", "FAC"),
])
def test_country_spellings_and_saints_places(sentence, name, kind):
    assert [(t, k) for t, k, _ in mentions_of(sentence) if t == name] == [(name, kind)]
