"""A wire dateline names where the story was filed and who filed it."""

from __future__ import annotations

import pytest

from model.corpus import process_file


def mentions(tmp_path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "a.txt"
    path.write_text(f"A headline\n\nMarch 3, 2022\n\n{body}\n", encoding="utf-8")
    doc = process_file(path).documents[0]
    return [(m.text, m.kind.value) for m in doc.mentions]


@pytest.mark.parametrize("body, expected", [
    ("KYIV, March 3 (Reuters) - Talks resumed on Thursday.", [("KYIV", "GPE"), ("Reuters", "ORG")]),
    ("NEW DELHI (AP) — Talks resumed on Thursday.", [("NEW DELHI", "GPE"), ("AP", "ORG")]),
    # a region named with its kind ("Region") after the town
    ("ERBIL, Kurdistan Region - Talks resumed on Thursday.", [("ERBIL", "GPE"), ("Kurdistan Region", "GPE")]),
    ("LAGOS (Channels TV) - Talks resumed on Thursday.", [("LAGOS", "GPE"), ("Channels TV", "ORG")]),
    ("Nairobi (AFP) Talks resumed on Thursday.", [("Nairobi", "GPE"), ("AFP", "ORG")]),
])
def test_wire_dateline_place_and_agency(tmp_path, body, expected):
    assert mentions(tmp_path, body)[:2] == expected


def test_a_plain_dateline_names_nothing(tmp_path):
    assert mentions(tmp_path, "Talks resumed on Thursday.") == []


def test_the_dateline_place_is_the_same_entity_as_in_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nMarch 3, 2022\n\nKYIV, March 3 (Reuters) - Shelling hit Kyiv overnight.\n",
                    encoding="utf-8")
    doc = process_file(path).documents[0]
    assert [m.entity_id for m in doc.mentions if m.text in ("KYIV", "Kyiv")] == ["gpe:kyiv", "gpe:kyiv"]


@pytest.mark.parametrize("body, expected", [
    ("TEMPE, Ariz. — Scientists found bones.", [("TEMPE", "GPE"), ("Ariz.", "GPE")]),
    ("DURBANVILLE: The council said so.", [("DURBANVILLE", "GPE")]),
    ("MAIMANA, Afghanistan, Nov. 27 (Xinhua) -- Fighting resumed.",
     [("MAIMANA", "GPE"), ("Afghanistan", "GPE"), ("Xinhua", "ORG")]),
])
def test_dateline_places_unknown_to_the_lists_and_regions(tmp_path, body, expected):
    assert mentions(tmp_path, body)[:len(expected)] == expected


def test_a_capitalised_label_and_colon_is_not_a_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nMarch 3, 2022\n\nUPDATE: The vote was delayed.\n", encoding="utf-8")
    doc = process_file(path).documents[0]
    assert [b.kind.value for b in doc.blocks] == ["title", "dateline", "paragraph"]


@pytest.mark.parametrize("body, expected", [
    # a colon after the agency's bracket; a credit is no name
    ("LOS ANGELES, Mar 23 (Agencies): Investigators searched the site.", [("LOS ANGELES", "GPE")]),
    # agencies between slashes, a date after a dash, and no dash before the sentence
    ("MOSCOW (UrduPoint News / Sputnik - 24th December, 2022) Fiji's lawmakers voted.",
     [("MOSCOW", "GPE"), ("UrduPoint News", "ORG"), ("Sputnik", "ORG"), ("Fiji", "GPE")]),
    # the agency alone: the word after the dash opens the sentence (no name)
    ("(Newser) – Surging financial stocks spurred a broader rally today.", [("Newser", "ORG")]),
])
def test_more_dateline_shapes(tmp_path, body, expected):
    assert mentions(tmp_path, body) == expected


def test_a_dateline_of_two_places_joined_by_a_slash_names_both(tmp_path):
    found = mentions(tmp_path, "CAIRO/GAZA (Reuters) — Israeli negotiators resumed talks on Tuesday.")
    assert found[:3] == [("CAIRO", "GPE"), ("GAZA", "GPE"), ("Reuters", "ORG")]


def test_a_title_case_place_with_a_date_and_a_colon_is_a_dateline(tmp_path):
    assert mentions(tmp_path, "Male, Mar 3 : The Election Commission confirmed it.") == [
        ("Male", "GPE"), ("The Election Commission", "ORG")]


def test_a_dateline_region_in_capitals_is_looked_up_in_its_usual_spelling(tmp_path):
    assert mentions(tmp_path, "NAIROBI, KENYA: The Treasury read the budget on Thursday.")[:2] == [
        ("NAIROBI", "GPE"), ("KENYA", "GPE")]


@pytest.mark.parametrize("later, expected", [
    # stories pasted one after another: a later paragraph opens with its own dateline
    ("COPENHAGEN (AP) — Talks ended on Saturday.", [("COPENHAGEN", "GPE"), ("AP", "ORG")]),
    ("WEST PALM BEACH, Fla. — Talks ended on Saturday.", [("WEST PALM BEACH", "GPE"), ("Fla.", "GPE")]),
    ("[BEIJING] China's trade rose.", [("BEIJING", "GPE"), ("China", "GPE")]),  # a place in brackets
])
def test_a_dateline_opening_a_later_paragraph(tmp_path, later, expected):
    first = "Officials met on Friday and talked."
    found = mentions(tmp_path, f"{first}\n\nThe talks were long.\n\n{later}")
    assert found == expected


def test_a_title_in_capitals_before_a_dash_is_no_dateline(tmp_path):
    found = mentions(tmp_path, "Officials met on Friday.\n\nThe winners were named.\n\nJOY – Sudabeh Mortezai won.")
    assert not [m for m in found if m[1] == "GPE"]


def test_a_town_in_capitals_and_a_us_state_short_form_are_a_dateline_without_a_dash(tmp_path):
    found = mentions(tmp_path, "CAPE CANAVERAL, Fla. SpaceX's cargo ship rocketed into orbit Sunday.")
    assert found[:3] == [("CAPE CANAVERAL", "GPE"), ("Fla.", "GPE"), ("SpaceX", "ORG")]
    # a word that is no US state's short form is no dateline
    assert ("LONDON", "GPE") not in mentions(tmp_path, "LONDON, Eng. Officials met.")
