"""People whose first name the lexicon does not know, recognised from how news writes about them."""

from __future__ import annotations

import pytest

from tests.test_entities import extract, make_doc, mentions_of, name_of, spans_of


def kinds(sentence: str) -> dict[str, str]:
    return {text: kind for text, kind, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, person", [
    # a role and a comma before the name
    ("The interior minister, Tariq Omondi, and the finance minister will attend.", "Tariq Omondi"),
    # a speech verb before it and a description after it
    ("\"The herd is stable,\" said Amara Kiprono, who runs the reserve.", "Amara Kiprono"),
    # an age in apposition
    ("Themba Nkosana, 58, died on Sunday.", "Themba Nkosana"),
    # the surname after an honorific elsewhere in the text
    ("Talks were led by Zoltan Baranyi. Mr Baranyi left early.", "Zoltan Baranyi"),
    # a role before it ("candidate", "running mate")
    ("The opposition backed its candidate Dagny Oyelaran on Friday.", "Dagny Oyelaran"),
    # a relative "who" after it
    ("Ichiro Hanzawa, who led the trade ministry in 2019, was named envoy.", "Ichiro Hanzawa"),
    # an appositive role whose noun before it says where the person serves
    ("Rolan Veskar, a former police captain, won the runoff.", "Rolan Veskar"),
    ("Ottilie Brandvik, a retired navy commander, testified.", "Ottilie Brandvik"),
])
def test_person_cues(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


@pytest.mark.parametrize("sentence, org", [
    ("Markets will recover, said Goldman Sachs.", "Goldman Sachs"),  # no description after it
    ("\"The deal is off,\" said Northrop Grumman in a statement.", "Northrop Grumman"),
])
def test_organisations_after_a_speech_verb_stay_organisations(sentence, org):
    assert kinds(sentence).get(org) == "ORG"


@pytest.mark.parametrize("sentence, org", [
    ("Garrow Brothers, who make saddles, closed the plant.", "Garrow Brothers"),  # a company's head word
    ("The Velvet Kites, who toured in 1971, split.", "Velvet Kites"),  # "the": a band, not a person
])
def test_a_relative_who_needs_a_name_shaped_like_a_persons(sentence, org):
    assert kinds(sentence).get(org) == "ORG"


@pytest.mark.parametrize("sentence, person, role", [
    ("Hubei Vice-Governor Wang Lixin said the toll rose.", "Wang Lixin", "Vice-Governor"),
    ("Chief Superintendent Dana Holt said in a statement.", "Dana Holt", "Chief Superintendent"),
    ("Police Commissioner Ray Booth spoke to reporters.", "Ray Booth", "Police Commissioner"),
    ("Deputy Marketing Director Lena Ortiz said so.", "Lena Ortiz", "Deputy Marketing Director"),
])
def test_capitalised_roles_before_a_name(sentence, person, role):
    assert kinds(sentence).get(person) == "PERSON"
    doc = extract(make_doc(sentence))
    assert [e.attributes.get("role") for e in doc.entities if e.name == person] == [role]


def test_a_plural_role_before_names():
    found = kinds("Justices Ruth Marlow and Peter Quill dissented.")
    assert found.get("Ruth Marlow") == "PERSON"
    assert "Justices Ruth Marlow" not in found


def test_names_listed_with_a_person_each_with_a_place():
    found = kinds("Three senators — Brisk Tolland of Utah, Susan Marsh of Maine and Rald Penn of Idaho — objected.")
    assert found.get("Brisk Tolland") == found.get("Rald Penn") == "PERSON"
    assert found.get("Utah") == found.get("Idaho") == "GPE"


def test_a_plain_list_does_not_make_companies_people():
    assert kinds("Goldman Sachs, Morgan Stanley and John Smith agreed.").get("Goldman Sachs") == "ORG"


def test_a_role_then_a_name_of_a_place():
    found = kinds("Senators Lisa Murkowski of Alaska and Dan Quorm of Ohio voted.")
    assert found.get("Lisa Murkowski") == "PERSON" and found.get("Alaska") == "GPE"


@pytest.mark.parametrize("sentence, person", [
    ("Critics attacked the Ferrand administration over the plan.", "Ferrand"),
    ("The vice chairman of Unity Party David Morwenna spoke.", "David Morwenna"),
])
def test_more_person_cues(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


def test_a_role_before_an_organisation_and_a_name_keeps_the_role():
    doc = extract(make_doc("Secretary of the Air Force James Roche said so."))
    assert [e.attributes.get("role") for e in doc.entities if e.name == "James Roche"] == ["Secretary of the Air Force"]


@pytest.mark.parametrize("text, short, full", [
    ("Captain Eoin Garvey was injured. Later Eoin returned to training.", "Eoin", "Eoin Garvey"),
    ("Lawmaker Roh Tae-moon said so. Roh added that he would resign.", "Roh", "Roh Tae-moon"),
])
def test_a_person_called_by_the_other_part_of_the_name(text, short, full):
    ids = {}
    for t, k, e in mentions_of(text):
        ids.setdefault(t, (k, e))
    assert ids[short] == ids[full] and ids[full][0] == "PERSON"


@pytest.mark.parametrize("sentence, person", [
    ("T.R. Baalu won the seat. Baalu thanked voters.", "T.R. Baalu"),  # initials as a first name
    ("Novelist Stephen King spoke. King said so.", "Stephen King"),  # a surname that is also a role
    ("John Major spoke. Later Major left.", "John Major"),
])
def test_names_with_initials_or_role_like_surnames(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


@pytest.mark.parametrize("sentence", [
    "The Governor said the plan failed.",  # a role alone
    "Officials cited the Amendment.",  # a law's head alone
    "Covid-19 cases rose again.",  # a disease, not a product
])
def test_words_that_are_not_names_alone(sentence):
    assert kinds(sentence) == {}


def test_a_bank_named_with_initials_stays_a_bank():
    assert kinds("Shares of J.P. Morgan rose.") == {"J.P. Morgan": "ORG"}


def test_a_name_whose_surname_the_text_keeps_using_alone_is_a_person():
    found = kinds("Novak Drakovic beat his rival. Drakovic said it was hard. Later Drakovic rested.")
    assert found.get("Novak Drakovic") == found.get("Drakovic") == "PERSON"


def test_a_common_word_before_a_repeated_name_does_not_make_a_person():
    found = kinds("Opposition Kanu rallied. The opposition said Kanu would win. Kanu leads. Kanu grows.")
    assert found.get("Opposition Kanu") != "PERSON"


@pytest.mark.parametrize("sentence, person, role", [
    # a role word, then more of the role, before the name
    ("Chief Cabinet Secretary Akemi Soda told reporters.", "Akemi Soda", "Chief Cabinet Secretary"),
    ("Brig. Gen. Tomas Ruelas said the drill went well.", "Tomas Ruelas", "Brig. Gen."),
])
def test_whole_roles_before_a_name(sentence, person, role):
    found = {text: kind for text, kind, _ in mentions_of(sentence)}
    assert found == {person: "PERSON"}
    doc = extract(make_doc(sentence))
    assert [e.attributes.get("role") for e in doc.entities if e.name == person] == [role]


@pytest.mark.parametrize("sentence, person", [
    ("Electrician Mary Dunmore said the wiring failed. Dunmore had warned the owners.", "Mary Dunmore"),
    ("Passenger Anna Ruiz said it shook. The other passengers agreed.", "Anna Ruiz"),
])
def test_a_common_noun_opening_the_sentence_is_not_part_of_the_name(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


@pytest.mark.parametrize("sentence, name", [
    ("Saint John Ambulance sent two crews.", "Saint John Ambulance"),
    ("Fort William Henry was rebuilt.", "Fort William Henry"),
])
def test_names_opening_with_a_word_and_a_first_name_stay_whole(sentence, name):
    assert name in kinds(sentence)


def test_a_name_set_off_by_commas_before_a_speech_verb_is_a_persons():
    sentence = "The head of the flood agency (BFA), Aurelio Mensik, told reporters the river fell."
    assert kinds(sentence).get("Aurelio Mensik") == "PERSON"


@pytest.mark.parametrize("sentence, org", [
    ("Two banks, Goldman Sachs and Morgan Stanley, said no.", "Morgan Stanley"),
    ("Its parent, Orvane Holdings, said no.", "Orvane Holdings"),
])
def test_companies_set_off_by_commas_stay_companies(sentence, org):
    assert kinds(sentence).get(org) == "ORG"


@pytest.mark.parametrize("sentence, person", [
    ("Police named Yasin Said Omar as the driver.", "Yasin Said Omar"),  # "Said" inside a name
    ("The mayor of Castelnuovo, Livio Brandi, declared an emergency.", "Livio Brandi"),
])
def test_more_person_shapes(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


def test_mayor_of_names_a_place():
    assert kinds("The mayor of Castelnuovo spoke.").get("Castelnuovo") == "GPE"


def test_a_nationality_word_before_a_name_makes_a_person():
    sentence = "Brazilian Tarcisio Tavella won the stage. Tavella led from the start."
    assert kinds(sentence).get("Tarcisio Tavella") == "PERSON"
    doc = extract(make_doc(sentence))
    assert [e.attributes.get("nationality") for e in doc.entities if e.name == "Tarcisio Tavella"] == ["Brazilian"]
    # a company after a nationality word stays one name
    assert kinds("The American Home Mortgage fund fell.").get("American Home Mortgage") == "ORG"


@pytest.mark.parametrize("sentence, person", [
    # an age right before the name, hyphenated or not
    ("Officers detained 24-year-old Radu Ciobanel at the station.", "Radu Ciobanel"),
    ("The victim was named as 31 year old Yevhenia Tereshko.", "Yevhenia Tereshko"),
    # a lower-case role from sport, crime or science right before the name
    ("Goalkeeper Tomasz Wolny saved twice, and defender Ilkay Bastida scored.", "Ilkay Bastida"),
    ("Suspected gunman Lorcan Tierney was held overnight.", "Lorcan Tierney"),
    ("The mission carried astronaut Sigrun Sveinsdottir to the station.", "Sigrun Sveinsdottir"),
])
def test_ages_and_everyday_roles_before_a_name(sentence, person):
    assert kinds(sentence).get(person) == "PERSON"


def test_a_capitalised_role_opening_the_sentence_is_cut_from_the_name():
    found = kinds("Teammate Oskari Lehtinen, the defending champion, finished third.")
    assert found.get("Oskari Lehtinen") == "PERSON"
    assert "Teammate Oskari Lehtinen" not in found


@pytest.mark.parametrize("sentence, place", [
    ("The plane came down at Kherabad, a city in the country's north, on Monday.", "Kherabad"),
    ("Floods cut off Dunvarra, a small fishing village on the west coast.", "Dunvarra"),
    ("Rescuers reached Ostrovka, a remote town.", "Ostrovka"),
])
def test_a_name_described_as_a_town_after_it_is_a_place(sentence, place):
    assert kinds(sentence).get(place) == "GPE"


@pytest.mark.parametrize("sentence, name, kind", [
    ("Jane Okafor, a city councillor, opposed the plan.", "Jane Okafor", "PERSON"),  # a role, not a place
    ("Brindle Partners, a town planning firm, won the bid.", "Brindle Partners", "ORG"),
])
def test_a_description_opening_with_a_place_word_that_is_not_a_place(sentence, name, kind):
    assert kinds(sentence).get(name) == kind


def test_a_persons_surname_that_is_also_a_town_is_the_person():
    found = mentions_of("Defence chief Lloyd Houston met troops. Houston said more aid would come. "
                        "He then flew to Houston, where he spoke.")
    kinds_in_order = [(t, k) for t, k, _ in found]
    assert kinds_in_order[:2] == [("Lloyd Houston", "PERSON"), ("Houston", "PERSON")]
    assert kinds_in_order[2] == ("Houston", "GPE")  # "to Houston": the town
    assert found[0][2] == found[1][2]


@pytest.mark.parametrize("sentence, person", [
    ("Zsófia Kertelyi said the plan had failed.", "Zsófia Kertelyi"),
    ("The ruling was welcomed by Pierpaolo Vannucci.", "Pierpaolo Vannucci"),
    ("Gediminas Rukas resigned on Friday.", "Gediminas Rukas"),
])
def test_first_names_from_many_countries_make_a_person(sentence, person):
    """A first name from outside the English-speaking world (first_names_more.json, drawn from
    Faker's locales) before an unknown surname makes a person, with no other cue."""
    assert kinds(sentence).get(person) == "PERSON"


def test_the_added_first_names_leave_out_words_places_and_companies():
    """The generated list holds no English word, no place and no organisation the lexicon
    knows, so "Delta", "Ford", "India" or "Kia" before a capitalised word stay what they were."""
    from model.data import load_json
    from model.extract.entity_lexicon import lexicon

    more = set(load_json("first_names_more.json")["names"])
    assert len(more) > 10_000 and {"Zsófia", "Pierpaolo", "Gediminas"} <= more
    lx = lexicon()
    assert not more & set(lx.gaz)
    assert not {"Delta", "Ford", "Rose", "Captain", "Council", "India", "Kia"} & more
    assert kinds("Delta Air Lines cut fares.").get("Delta Air Lines") == "ORG"


@pytest.mark.parametrize("sentence, people", [
    ("The court jailed her two sons Tarek and Wassim for a year.", ["Tarek", "Wassim"]),
    ("His wife Ilsabet was not charged.", ["Ilsabet"]),
    ("Okonjo's eldest son left the country.", ["Okonjo"]),
])
def test_family_words_make_people(sentence, people):
    """Only a person has a wife or a son: the names after "his wife" / "her two sons", and a
    possessor of a family word, are people, even with no first name known."""
    found = kinds(sentence)
    assert [found.get(p) for p in people] == ["PERSON"] * len(people)


def test_a_companys_parent_or_children_stay_a_company():
    assert kinds("Brandt Corp's parent Torvane Group said nothing.") == {"Brandt Corp": "ORG", "Torvane Group": "ORG"}


@pytest.mark.parametrize("sentence, people", [
    # every name after a plural role, up to "and"
    ("A bench of Justices Tarun Veskar and Bal Ormund Dhali gave the verdict.", ["Tarun Veskar", "Bal Ormund Dhali"]),
    # a capitalised role after a determiner, set off by a comma
    ("The assembly hailed its new President, Moncef Varzouli who was once exiled.", ["Moncef Varzouli"]),
    # an appositive role with its company's possessive and a "corporate" modifier
    ("Sales rose, said Joji Taguwa, Nissan's corporate vice president.", ["Joji Taguwa"]),
    # the name after an honorific opening a person's name, used alone
    ("Prime Minister Sheikh Havina Wazeed spoke. Havina's cabinet met later.", ["Sheikh Havina Wazeed", "Havina"]),
])
def test_more_cues_for_people(sentence, people):
    found = kinds(sentence)
    assert [found.get(p) for p in people] == ["PERSON"] * len(people)


def test_sports_roles_before_a_name_but_not_before_an_events_name():
    """"the late triple champion Ayrton Senna": a champion is a role; "the World Champion
    Series" is an event's name, not a person called "Series"."""
    found = kinds("He was the first since the late triple champion Ayrlo Vennaz in 1993, "
                  "and later won the World Champion Series.")
    assert found.get("Ayrlo Vennaz") == "PERSON"
    assert "Series" not in found and found.get("World Champion Series") != "PERSON"


def test_a_surname_after_a_role_ends_before_of_and_a_country():
    assert kinds("He met President Zardoni of Pakistan on Monday.") == {"Zardoni": "PERSON", "Pakistan": "GPE"}


def test_an_elect_role_is_a_role():
    assert kinds("He met the President Elect of Ghana, Kofi Ansah-Doe, on Monday.") == {
        "Ghana": "GPE", "Kofi Ansah-Doe": "PERSON"}


def test_a_list_of_people_makes_its_unknown_names_people():
    found = kinds("The authors include Erin Cooper, Karl Gebhardt, Chenxu Liu, Robin Ciardullo, "
                  "Niv Drory and Donghui Jeong.")
    assert [found.get(n) for n in ("Chenxu Liu", "Niv Drory", "Donghui Jeong")] == ["PERSON"] * 3
    # a list with one person only leaves the rest alone
    mixed = kinds("Lenders such as Vantoro Capital, Brellin Partners and Karl Gebhardt agreed.")
    assert (mixed.get("Vantoro Capital"), mixed.get("Brellin Partners")) == ("ORG", "ORG")


def test_an_arabic_particle_joined_to_a_surname_is_part_of_a_persons_name():
    assert kinds("The once feared interior minister, Habib al-Adly, was sentenced.").get("Habib al-Adly") == "PERSON"


def test_a_single_name_with_a_role_in_apposition_is_a_person():
    text = "\u201cWe are worried,\u201d Alamsyah, head of a local disaster agency, told Reuters."
    assert kinds(text).get("Alamsyah") == "PERSON"
    # at a sentence's start a word before a comma is more likely an adverb
    assert "Normally" not in kinds("Normally, the president flies on a state airliner.")


def test_a_month_name_after_a_first_name_is_a_surname():
    found = kinds("Prime Minister Theresa May met Brian May on Friday, and John May 5 was set.")
    assert (found.get("Theresa May"), found.get("Brian May")) == ("PERSON", "PERSON")


def test_an_honorific_makes_a_surname_of_a_word_that_is_no_name_alone():
    doc = extract(make_doc("Gordon Brown met Hazel Blears. Mr Brown said the talks went well. Mrs Black agreed."))
    assert [(m.text, m.kind.value) for m in doc.mentions if m.text.startswith(("Mr", "Mrs"))] == [
        ("Mr Brown", "PERSON"), ("Mrs Black", "PERSON")]
    assert {m.entity_id for m in doc.mentions if "Brown" in m.text} == {"person:gordon-brown"}


@pytest.mark.parametrize("sentence, name, kind", [
    ("A judge sentenced teenage Beltway Sniper Lee Boyd Malvo to life. Malvo appealed.", "Lee Boyd Malvo", "PERSON"),
    ("The late Toshikatsu Matsuoka was replaced.", "Toshikatsu Matsuoka", "PERSON"),
    ("He was replaced by his successor Norihiko Akagi.", "Norihiko Akagi", "PERSON"),
    ("Prosecutors in Prince William County said so.", "Prince William County", "GPE"),
    ("He was sentenced at the Fulton County Courthouse.", "Fulton County Courthouse", "FAC"),
    ("The Brandenburg Gate was lit.", "Brandenburg Gate", "FAC"),
    ("Ash fell on the Mayon volcano's slopes.", "Mayon", "LOC"),
])
def test_more_shapes_from_general_news(sentence, name, kind):
    doc = extract(make_doc(sentence))
    assert (name, kind) in [(name_of(m), m.kind.value) for m in doc.mentions]


def test_a_surname_used_alone_that_is_a_common_word_a_role_or_after_a_particle():
    """'Key said' after 'John Key', 'General Sultan says' after 'Shaukat Sultan', 'Adly has'
    after 'Habib al-Adly': the person, though the word alone is no name to the scan."""
    from tests.test_entities import extract, make_doc

    doc = extract(make_doc(
        "Army spokesman Major General Shaukat Sultan said the toll rose. General Sultan says it will rise.\n\n"
        "Prime Minister John Key visited. \"It is a dark day,\" Key said. Key figures show growth.\n\n"
        "Former interior minister Habib al-Adly was tried. Adly has already been sentenced."))
    people = [(m.text, m.entity_id) for m in doc.mentions if m.kind.value == "PERSON"]
    assert [t for t, _ in people] == ["Shaukat Sultan", "Sultan", "John Key", "Key", "Habib al-Adly", "Adly"]
    assert len({e for _, e in people}) == 3  # each surname is the person named before it


@pytest.mark.parametrize("sentence, name", [
    ("Senior U.N. staff member Haoliang Xu says the toll will rise.", "Haoliang Xu"),
    ("Board member Jane Doe quit.", "Jane Doe"),
    ("Negotiator Saeb Erekat spoke.", "Saeb Erekat"),
])
def test_more_roles_before_a_name_make_it_a_person(sentence, name):
    assert dict(spans_of(sentence)).get(name) == "PERSON"


def test_roles_in_the_plural_do_not_cut_names_that_end_in_such_words():
    assert spans_of("The United Auto Workers union and the Joint Strike Fighter program.") == [
        ("United Auto Workers", "ORG"), ("Joint Strike Fighter", "ORG")]


@pytest.mark.parametrize("sentence, name", [
    ("Bureau of Meteorology meteorologist Jonathan How said on Friday.", "Jonathan How"),
    ("Taoiseach Simon Harris spoke.", "Simon Harris"),
    ("Tanaiste Leo Varadkar agreed.", "Leo Varadkar"),
])
def test_irish_titles_and_a_surname_that_is_a_small_word(sentence, name):
    assert dict(spans_of(sentence)).get(name) == "PERSON"


@pytest.mark.parametrize("sentence, expected", [
    ("Minister for Finance Jack Chambers delivered the budget.", [("Jack Chambers", "PERSON")]),
    ("Minister for National Development Lawrence Wong spoke.", [("Lawrence Wong", "PERSON")]),
    ("CEO of Boeing Commercial Airplanes Scott Carson said.",
     [("Boeing Commercial Airplanes", "ORG"), ("Scott Carson", "PERSON")]),
    ("CEO of Boeing Jim McNerney said.", [("Boeing", "ORG"), ("Jim McNerney", "PERSON")]),
])
def test_a_role_its_object_then_its_holder(sentence, expected):
    assert spans_of(sentence) == expected


def test_a_surnames_particle_belongs_to_the_surname_used_alone():
    doc = extract(make_doc("UN envoy Staffan de Mistura arrived. Talks began with de Mistura issuing a statement. "
                           "Ursula von der Leyen spoke; von der Leyen said no."))
    people = [(m.text, m.entity_id) for m in doc.mentions if m.kind.value == "PERSON"]
    assert [t for t, _ in people] == ["Staffan de Mistura", "de Mistura", "Ursula von der Leyen", "von der Leyen"]
    assert people[0][1] == people[1][1] and people[2][1] == people[3][1]


def test_a_doubled_space_inside_a_persons_name():
    doc = extract(make_doc("President Jose Ramos  Horta conceded. Horta said so."))
    assert [(m.text, m.kind.value) for m in doc.mentions] == [("Jose Ramos  Horta", "PERSON"), ("Horta", "PERSON")]


def test_a_month_that_is_a_first_name_then_a_surname():
    assert spans_of("April Heinrichs coached the team.") == [("April Heinrichs", "PERSON")]
    assert spans_of("In April Microsoft said sales rose.") == [("Microsoft", "ORG")]
    assert spans_of("Workers marched on May Day and after New Year's Day.") == []


def test_a_single_name_with_an_age_in_apposition_is_a_person():
    assert spans_of("The dead were identified as Pushpalatha, 40, and Jyoti, 28.") == [
        ("Pushpalatha", "PERSON"), ("Jyoti", "PERSON")]
    assert spans_of("Prices rose in Kenya, 3.5 percent.") == [("Kenya", "GPE")]


def test_a_ministers_portfolio_after_of_is_no_name():
    assert spans_of("The Honorable Minister of Health has said 9 died. The Minister of Health, Dr Osagie Ehanire, "
                    "spoke.") == [("Dr Osagie Ehanire", "PERSON")]
    assert spans_of("Minister of Defence Ben Wallace said so.") == [("Ben Wallace", "PERSON")]
    assert dict(spans_of("The Commissioner of Railway Safety will investigate.")).get("Railway Safety") == "ORG"


@pytest.mark.parametrize("sentence, person", [
    ("Baroness Patricia Scotland spoke.", "Patricia Scotland"),  # a title of nobility, a first name, a place as surname
    ("Baroness Thatcher spoke to peers.", "Thatcher"),
    ("Countess Markievicz was elected.", "Markievicz"),
])
def test_titles_of_nobility_open_a_persons_name(sentence, person):
    assert (person, "PERSON") in {(text, kind) for text, kind, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, name, kind", [
    ("According to the official Nasdaq holiday list, markets close.", "Nasdaq", "ORG"),  # the adjective
    ("The official Xinhua news agency said so.", "Xinhua", "ORG"),
    ("A US official Smith said no.", "Smith", "PERSON"),  # the role, before a verb
    ("The upgrades at his private Nkandla homestead cost millions.", "Nkandla homestead", "FAC"),
    ("Major Smith said no.", "Smith", "PERSON"),
])
def test_official_before_one_name_is_a_role_only_before_a_verb(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


def test_the_family_names_leave_out_words_places_companies_and_first_names():
    """last_names.json (drawn from Faker by tools/make_last_names.py) holds no English word,
    no known place or organisation and no first name."""
    from model.data import load_json
    from model.extract.entity_lexicon import lexicon

    last = set(load_json("last_names.json")["names"])
    assert len(last) > 10_000 and {"Yadav", "Srinivasan", "Okafor"} <= last
    lx = lexicon()
    assert not last & set(lx.gaz)
    assert not last & lx.first_names
    assert not {"Villa", "Smith", "Street", "Ford", "Stanley"} & last


@pytest.mark.parametrize("sentence, name, kind", [
    # a first name the lists do not know, then a family name they do
    ("Umesh Yadav bowled well.", "Umesh Yadav", "PERSON"),
    ("Audiard thanked Kalieaswari Srinivasan on stage.", "Kalieaswari Srinivasan", "PERSON"),
    # a score or an age in brackets after a name, and what follows it
    ("Matthew Wade (40) and Marnus Labuschagne (28) were the pick.", "Marnus Labuschagne", "PERSON"),
    ("Lyon sent Jasprit Bumrah (0) packing.", "Jasprit Bumrah", "PERSON"),
])
def test_family_names_and_counts_in_brackets_make_people(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


def test_a_count_of_the_noun_after_the_bracket_makes_no_person():
    found = {(text, k) for text, k, _ in mentions_of("He was charged with Intent to Commit Indictable Offence (2) counts.")}
    assert not any(k == "PERSON" for _, k in found)


@pytest.mark.parametrize("sentence, name, kind", [
    ("Gharib Askari from Fatih Alliance said the count was wrong.", "Gharib Askari", "PERSON"),
    ("Sawsan Abdulwahid from the Turkmen Front spoke.", "Sawsan Abdulwahid", "PERSON"),
    ("The Electoral Commission of the Labour Party met.", "Electoral Commission", "ORG"),  # a body of the party
])
def test_someone_from_a_party_or_movement_is_a_person(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, name, kind", [
    ("The prize was presented by the Duchess of Cornwall.", "Duchess of Cornwall", "PERSON"),
    ("The Duke of York spoke.", "Duke of York", "PERSON"),
    ("He was taken to the Prince of Wales Hospital.", "Prince of Wales Hospital", "ORG"),  # its head names it
])
def test_a_peer_named_by_title_and_place(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


def test_hyphenated_roles_before_a_name():
    found = {(t, k) for t, k, _ in mentions_of("Governor-General David Hurley swore in the ministers. Hurley left.")}
    assert ("David Hurley", "PERSON") in found and ("Hurley", "PERSON") in found


@pytest.mark.parametrize("sentence, name, kind", [
    ("Energy Minister Khalid al-Falih spoke. Al-Falih told reporters more.", "Al-Falih", "PERSON"),
    ("Iranian Oil Minister Bijan Zanganeh said so.", "Iranian", "NORP"),  # a portfolio word is the role's
])
def test_surnames_with_a_capitalised_article_and_portfolio_words(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


def test_oil_alone_is_no_name():
    assert not mentions_of("Oil prices rose on Monday.")


def test_an_acronym_after_a_role_is_no_person():
    assert ("RUV", "ORG") in {(t, k) for t, k, _ in mentions_of("Exit polls by state broadcaster RUV showed gains.")}


@pytest.mark.parametrize("sentence, name, kind", [
    ("The accused are Alhaji Buhari and others.", "Buhari", "PERSON"),  # a pilgrim's honorific
    ("SSP Irfan Bahadur said the six were held.", "Irfan Bahadur", "PERSON"),  # a police rank, abbreviated
    ("Police raided Shah Faisal Colony on Friday.", "Shah Faisal Colony", "GPE"),  # a neighbourhood
    ("He was taken to Shah Latif police station.", "Shah Latif police station", "FAC"),
])
def test_south_asian_and_west_african_titles_and_places(sentence, name, kind):
    assert (name, kind) in {(text, k) for text, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    ("Sandusky County Sheriff Kyle Overmyer was indicted.", [("Sandusky County", "GPE"), ("Kyle Overmyer", "PERSON")]),
    ("Sandusky County Administrator Theresa Garcia said so.",
     [("Sandusky County", "GPE"), ("Theresa Garcia", "PERSON")]),  # a role the lists lacked
    ("U.S. District Judge Loren AliKhan ruled.", [("U.S.", "GPE"), ("Loren AliKhan", "PERSON")]),
    ("Lincoln Crawford, who had fought for years, resigned.", [("Lincoln Crawford", "PERSON")]),  # not a car
])
def test_county_officers_and_a_person_named_like_a_make(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected
