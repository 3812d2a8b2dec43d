"""Where one name ends and the next begins, when a connector word stands between them."""

from __future__ import annotations

import pytest

from tests.test_entities import extract, make_doc, mentions_of, name_of, spans_of


@pytest.mark.parametrize("sentence, expected", [
    ("Strategist Anna Berg of Lindqvist Partners expects a cut.",
     [("Anna Berg", "PERSON"), ("Lindqvist Partners", "ORG")]),
    ("Tom Haley of Redwood Capital said the sale was overdue.",
     [("Tom Haley", "PERSON"), ("Redwood Capital", "ORG")]),
    ("Lawmakers such as Karen Miles of Ohio voted against it.",
     [("Karen Miles", "PERSON"), ("Ohio", "GPE")]),
    ("He left Bolton Wanderers for Wigan Athletic.",
     [("Bolton Wanderers", "ORG"), ("Wigan Athletic", "ORG")]),
])
def test_a_complete_name_before_of_or_for_is_a_name_of_its_own(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, name", [
    ("The Institute for Fiscal Studies disagreed.", "Institute for Fiscal Studies"),
    ("She joined the Council on Foreign Relations.", "Council on Foreign Relations"),
    ("The Bank of England held rates.", "Bank of England"),
    ("He studied at the University of Michigan.", "University of Michigan"),
])
def test_one_name_with_a_connector_inside_stays_whole(sentence, name):
    assert [text for text, _, _ in mentions_of(sentence)] == [name]


@pytest.mark.parametrize("sentence, product", [
    ("Sales of the Chevrolet Impala fell, a spokesman for Chevrolet said.", "Chevrolet Impala"),
    ("Shares of Toyota rose as demand for the Toyota Prius grew.", "Toyota Prius"),
])
def test_a_company_then_a_model_after_the_is_a_product(sentence, product):
    assert (product, "PRODUCT") in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, org", [
    ("Analysts at Goldman Sachs said Goldman expects a cut.", "Goldman Sachs"),
    ("The Northrop Grumman bid lost, and Northrop will appeal; Northrop Grumman said so.", "Northrop Grumman"),
    ("The Ford Foundation gave money to Ford workers.", "Ford Foundation"),
])
def test_companies_named_after_people_or_with_a_head_stay_companies(sentence, org):
    assert (org, "ORG") in {(t, k) for t, k, _ in mentions_of(sentence)}


def test_an_acronym_spelling_a_names_initials_is_that_organisation():
    found = mentions_of("Acme Cargo Motors Corp. said it will cut jobs. Shares of ACM rose. "
                        "The National Transport Workers union said the NTW would strike.")
    ids = {text: eid for text, _, eid in found}
    assert ids["ACM"] == ids["Acme Cargo Motors Corp."] == "org:acme-cargo-motors"
    assert ids["NTW"] == ids["National Transport Workers"]


def test_an_acronym_defined_for_a_name_with_a_legal_ending_is_one_entity():
    found = mentions_of("Orion Aerospace NV (OAS) said OAS would bid.")
    assert len({eid for _, _, eid in found}) == 1


def test_initials_shared_by_two_names_link_neither():
    found = mentions_of("Acme Cargo Motors said so, and Atlas Coal Mining agreed. Shares of ACM rose.")
    ids = {text: eid for text, _, eid in found}
    assert ids["ACM"] not in (ids["Acme Cargo Motors"], ids["Atlas Coal Mining"])


def test_spacecraft_and_telescopes_are_products_and_their_acronyms_too():
    found = mentions_of("The agency launched the Deep Ocean Survey Satellite, known as DOSS. "
                        "Data from DOSS reached the Kepler Space Telescope team.")
    kinds = {text: kind for text, kind, _ in found}
    assert kinds["Deep Ocean Survey Satellite"] == kinds["DOSS"] == "PRODUCT"
    assert kinds["Kepler Space Telescope"] == "PRODUCT"


def test_a_brand_spelling_a_full_legal_name_is_not_the_company():
    found = mentions_of("Acme Motors Corporation said so. AM rose, and its brands ACM and Apex stay.")
    ids = {text: eid for text, _, eid in found}
    assert ids.get("ACM") != ids["Acme Motors Corporation"]


@pytest.mark.parametrize("sentence, name", [
    ("Shares of American Home Mortgage were not traded.", "American Home Mortgage"),
    ("Officials of Indian Oil Corporation said so.", "Indian Oil Corporation"),
])
def test_a_demonym_opening_a_company_name_is_part_of_it(sentence, name):
    assert (name, "ORG") in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, norp", [
    ("A British Jim Smith won the race.", "British"),
    ("Russian President Vladimir Putin spoke.", "Russian"),
])
def test_a_demonym_before_a_person_or_role_stays_a_demonym(sentence, norp):
    assert (norp, "NORP") in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence, product", [
    ("The firm recalled 40,000 Corvan minivans built in 2012.", "Corvan"),  # a count and a product noun
    ("Dealers sold the Tessera smartphone in May.", "Tessera"),
    ("Buyers like the Kestrel SUV, and rivals copy the Kestrel SUV.", "Kestrel"),
    ("The recall covers 3,000 Solano wagons.", "Solano"),  # body styles are kinds of product too
])
def test_a_name_before_a_product_noun_is_a_product(sentence, product):
    assert (product, "PRODUCT") in {(t, k) for t, k, _ in mentions_of(sentence)}


def test_a_name_and_its_plural_are_one_product():
    found = mentions_of("Owners of Corvans complained, and dealers said the Corvan had a fault.")
    assert {(t, k, e) for t, k, e in found} == {("Corvans", "PRODUCT", "product:corvan"),
                                                ("Corvan", "PRODUCT", "product:corvan")}


def test_a_maker_named_alone_elsewhere_stays_a_company():
    found = mentions_of("Analysts at Brandt said Brandt cars sold well. Profits at Brandt rose.")
    assert {k for t, k, _ in found} == {"ORG"}


@pytest.mark.parametrize("sentence, name", [
    ("Floods hit Mbeki-Natal on Monday.", "Mbeki-Natal"),  # a known name after a hyphen inside one word
    ("Fighters of Tehreek-i-Taliban Pakistan attacked.", "Tehreek-i-Taliban Pakistan"),  # (its full name)
])
def test_a_hyphenated_name_is_one_name(sentence, name):
    assert name in {t for t, _, _ in mentions_of(sentence)}


def test_a_hyphen_after_a_known_name_still_separates_two_names():
    assert [t for t, _, _ in mentions_of("North Korea-Russia ties grew.")] == ["North Korea", "Russia"]


@pytest.mark.parametrize("sentence, expected", [
    ("Apple sold the iPhone 5 and the iPhone 4S in 2012.", [("iPhone 5", "PRODUCT"), ("iPhone 4S", "PRODUCT")]),
    ("A crash at 59th Street and 5th Avenue closed traffic.", [("59th Street", "FAC"), ("5th Avenue", "FAC")]),
    ("Deputies of the Marin County Sheriff's Office arrived.", [("Marin County Sheriff's Office", "ORG")]),
    ("He leads the All Progressives Congress in Lagos.", [("All Progressives Congress", "ORG"), ("Lagos", "GPE")]),
    ("She won the US Open and the French Open.", [("US Open", "EVENT"), ("French Open", "EVENT")]),
])
def test_names_with_numbers_possessives_and_small_words(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)][:len(expected)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a price before the name
    ("On Monday, Voss unveiled the $1,200 Kestrel, its lightest drone yet.", [("Voss", "ORG"), ("Kestrel", "PRODUCT")]),
    # a kind of product described after it
    ("Regulators cleared Lumavir, the first medicine approved for the disease.", [("Lumavir", "PRODUCT")]),
    # a maker's thing described by an adjective
    ("Ridgeway's long-delayed Trekker finally shipped.", [("Ridgeway", "ORG"), ("Trekker", "PRODUCT")]),
])
def test_product_cues(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, name", [
    ("Ms Vela, a car dealer, spoke to Kestrel, a small company.", "Kestrel"),  # the description is no product
    ("The regulator's ruling that Orvane abused its power stood.", "Orvane"),  # no adjective before it
    ("Ridgeway's new Lisbon campus opened.", "Lisbon"),  # a name before a noun
])
def test_no_product_without_a_cue(sentence, name):
    assert dict((t, k) for t, k, _ in mentions_of(sentence)).get(name) != "PRODUCT"


def test_a_makers_product_is_a_product_without_the_maker():
    text = "Ridgeway Trekker output slips\nRidgeway's long-delayed Trekker shipped. Buyers said the Trekker was late."
    found = [(t, k) for t, k, _ in mentions_of(text, title=True)]
    assert found.count(("Trekker", "PRODUCT")) == 2 and ("Ridgeway Trekker", "PRODUCT") in found


def test_a_models_number_alone_is_that_model():
    text = ("Halvor delivered its first Halvor 480 in May. Airlines ordered 30 480s and the 480-ER. "
            "Halvor's newest 560 flew too, and the firm sold 480 million shares.")
    found = [(t, k) for t, k, _ in mentions_of(text)]
    assert ("Halvor 480", "PRODUCT") in found
    assert [t for t, k in found if k == "PRODUCT" and t[0].isdigit()] == ["480s", "480-ER", "560"]


def test_a_model_found_alone_joins_its_makers_product():
    text = "Ridgeway Trekker output slips\nRidgeway's long-delayed Trekker shipped. The Trekker was late."
    doc = extract(make_doc(text, title=True))
    assert {e.name for e in doc.entities if e.kind.value == "PRODUCT"} == {"Ridgeway Trekker"}


def test_a_company_end_alone_is_no_name():
    assert [t for t, _k, _ in mentions_of("Rivals bid for Zoomly!, Inc. on Friday.")] == ["Zoomly!"]


def test_a_headlines_model_number_after_its_maker_is_not_cut_off():
    text = "Halvor 480 Falls Behind Rivals\nThe Halvor 480 jet slipped, and 480s flew less."
    found = [(t, k) for t, k, _ in mentions_of(text, title=True)]
    assert ("480", "PRODUCT") not in found and ("Falls", "PRODUCT") not in found
    assert ("480s", "PRODUCT") in found


@pytest.mark.parametrize("sentence, name, kind", [
    ("The space shuttle Endeavour launched.", "Endeavour", "PRODUCT"),
    ("Kestra unveiled its smartphone Velvo.", "Velvo", "PRODUCT"),
    ("Users liked the phone, Kestra said.", "Kestra", "ORG"),  # a comma: a new clause
])
def test_a_kind_of_product_right_before_a_name(sentence, name, kind):
    assert dict((t, k) for t, k, _ in mentions_of(sentence)).get(name) == kind


def test_formula_one_is_no_name():
    assert mentions_of("Formula One teams and F1 fans met.") == []


def test_a_product_noun_then_a_clause_is_no_product():
    sentence = "Aeroflot bought 22 jets, an aircraft Halvor currently has in testing."
    assert dict((t, k) for t, k, _ in mentions_of(sentence)).get("Halvor") == "ORG"


def test_two_subjects_after_a_heads_of_are_one_name():
    found = [(t, k) for t, k, _ in mentions_of(
        "Scientists at the National Institute of Soil and Water Conservation said the levels fell.")]
    assert found == [("National Institute of Soil and Water Conservation", "ORG")]


@pytest.mark.parametrize("sentence, expected", [
    # one word after "and" is as often a company of its own
    ("The Ministry of Defence and Brackwell signed the deal.", ["Ministry of Defence", "Brackwell"]),
    # a name with its own head word after "and"
    ("The Department of Justice and Federal Trade Commission sued.",
     ["Department of Justice", "Federal Trade Commission"]),
    # a person after "and"
    ("The Institute of Metallurgy and Peter Sandoval disagreed.", ["Institute of Metallurgy", "Peter Sandoval"]),
])
def test_and_after_a_heads_of_still_separates_names(sentence, expected):
    assert [t for t, _, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Dealers sold 4,000 Veloro SUVs in May.", [("Veloro", "PRODUCT")]),
    ("Demand for the Torvane and Calista SUVs rose.", [("Torvane", "PRODUCT"), ("Calista", "PRODUCT")]),
    # after an acronym the capitalised kind follows the maker, which stays a company
    ("Sales of the BMW SUVs rose.", [("BMW", "ORG")]),
])
def test_a_capitalised_kind_of_product_and_its_plural_close_the_name(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


def test_the_last_two_names_of_a_person_are_that_person():
    found = mentions_of("Police held Ernesto Villalba Cuesta on Monday. Villalba Cuesta denied the charge.")
    assert [(t, k) for t, k, _ in found] == [("Ernesto Villalba Cuesta", "PERSON"), ("Villalba Cuesta", "PERSON")]
    assert found[0][2] == found[1][2]


def test_a_name_particle_wa_stays_inside_the_name():
    found = mentions_of("The novelist Mukoma wa Kariuki spoke. Later wa Kariuki left.")
    assert found[0][:2] == ("Mukoma wa Kariuki", "PERSON")


@pytest.mark.parametrize("sentence, name", [
    ('Former mayor Marco "Chino" Delgado won the vote.', 'Marco "Chino" Delgado'),
    ("The ruling freed Robert “Bobby” Kessler on Monday.", "Robert “Bobby” Kessler"),
])
def test_a_nickname_in_quotes_stays_inside_the_persons_name(sentence, name):
    found = mentions_of(sentence + " Later " + name.split()[-1] + " spoke.")
    assert [(t, k) for t, k, _ in found] == [(name, "PERSON"), (name.split()[-1], "PERSON")]
    assert found[0][2] == found[1][2]


def test_a_quoted_word_that_is_no_nickname_stays_apart():
    found = [t for t, _, _ in mentions_of('Analysts called Orvane "Brittle" in May.')]
    assert 'Orvane "Brittle"' not in found


@pytest.mark.parametrize("sentence, craft", [
    ("The agency launched the Vesta spacecraft on Friday. Vesta will reach orbit in 2030.", "Vesta"),
    ("NASA's Perseverance rover landed in a crater. Perseverance then drove north.", "Perseverance"),
    ("Engineers lost contact with the Kestrel satellite. Kestrel had cost $300 million.", "Kestrel"),
])
def test_a_name_set_off_before_a_kind_of_craft_is_that_craft(sentence, craft):
    found = [(t, k) for t, k, _ in mentions_of(sentence) if t == craft]
    assert found and all(k == "PRODUCT" for _, k in found)


def test_planets_are_places():
    found = dict((t, k) for t, k, _ in mentions_of("The probe will pass Mars before it reaches Jupiter."))
    assert found.get("Mars") == "LOC" and found.get("Jupiter") == "LOC"


@pytest.mark.parametrize("sentence, name", [
    ("The People's Front won six seats.", "People's Front"),
    ("Delegates of the Miners' Union met.", "Miners' Union"),
    ("Staff at Riverside Children's Hospital walked out.", "Riverside Children's Hospital"),
])
def test_a_plural_nouns_possessive_opens_a_name(sentence, name):
    assert name in [t for t, _, _ in mentions_of(sentence)]


def test_a_names_possessive_still_owns_the_next_name():
    assert [t for t, _, _ in mentions_of("Britain's Labour Party won.")] == ["Britain", "Labour Party"]


@pytest.mark.parametrize("sentence, name", [
    ("Shares of Kanto Trading Co. Ltd. fell.", "Kanto Trading Co. Ltd."),
    ("Shares of Kanto Trading Co., Ltd. fell.", "Kanto Trading Co., Ltd."),
])
def test_a_company_end_of_two_words_stays_whole(sentence, name):
    assert [t for t, _, _ in mentions_of(sentence)] == [name]


def test_a_name_set_off_before_operating_system_is_a_product():
    found = [(t, k) for t, k, _ in mentions_of("Handsets run the Zephyr operating system. Zephyr is free.")]
    assert found == [("Zephyr", "PRODUCT"), ("Zephyr", "PRODUCT")]


def test_a_maker_before_a_kind_of_product_and_its_name_stays_the_maker():
    found = [(t, k) for t, k, _ in mentions_of("It runs a version of the Quillon operating system Quill OS.")]
    assert ("Quillon", "PRODUCT") not in found


@pytest.mark.parametrize("sentence, expected", [
    # the name heads its phrase: the article is part of the mention
    ("The Commission said on Monday that the United Nations and the Kessling Group would meet.",
     [("The Commission", "ORG"), ("the United Nations", "ORG"), ("the Kessling Group", "ORG")]),
    ("Sales of the iPhone rose, and ice covered the Baltic Sea.", [("the iPhone", "PRODUCT"), ("the Baltic Sea", "LOC")]),
    ("He left the European Union (EU) in 2020.", [("the European Union", "GPE"), ("EU", "GPE")]),
    ("Analysts doubted the Marvell Institute decided anything.", [("the Marvell Institute", "ORG")]),
    # the name modifies the head after it or owns it: no article
    ("She toured the Boeing factory and the US-led mission ended.", [("Boeing", "ORG"), ("US", "GPE")]),
    ("Critics of the EU's plan met the French minister.", [("EU", "GPE"), ("French", "NORP")]),
    ("The US President met the Kessling Group executives.", [("US", "GPE"), ("Kessling Group", "ORG")]),
])
def test_articles_join_the_mentions_of_names_that_head_their_phrase(sentence, expected):
    """"the United Nations said": the mention is "the United Nations" (the extent news gold
    marks), while the entity keeps the bare name."""
    assert spans_of(sentence) == expected
    doc = extract(make_doc(sentence))
    assert not any(e.name.lower().startswith("the ") for e in doc.entities)


def test_a_firm_named_with_s_keeps_it_where_no_possessive_could_stand():
    """"Brannick's said" / "Brannick's (NYSE:BRK)": the 's is part of the firm's name, in every
    mention in the document; a possessive before a left-out noun ("Ardent's fell") is not."""
    text = ("Brannick's said sales fell. Shoppers at Brannick's stores were few. "
            "Tollway's (NYSE:TLW) shares rose. Corvane's shares rose and Ardent's fell.")
    assert spans_of(text) == [("Brannick's", "ORG"), ("Brannick's", "ORG"), ("Tollway's", "ORG"), ("NYSE", "ORG"),
                              ("Corvane", "ORG"), ("Ardent", "ORG")]
    doc = extract(make_doc(text))
    assert {e.name for e in doc.entities} >= {"Brannick's", "Tollway's", "Corvane", "Ardent"}


def test_a_compass_word_before_a_place_names_a_region():
    """"Northern California" and "West Texas" are regions (LOC), one mention each; names the
    lexicon knows whole ("North Dakota", "West Bengal") stay what they are."""
    text = "Fires burned in Northern California and West Texas, and rain hit South Florida and West Bengal."
    assert spans_of(text) == [("Northern California", "LOC"), ("West Texas", "LOC"), ("South Florida", "LOC"),
                              ("West Bengal", "GPE")]
    doc = extract(make_doc(text))
    assert "Northern California" in {e.name for e in doc.entities}


def test_a_vehicle_make_then_a_model_is_a_product():
    """"Toyota Camry", "Jeep Wranglers", "Audi A4": a make then a model's name is a product
    (its plural the same product), and the model alone later is that product; the make alone,
    or before an organisation's or facility's head word, a role or a state, stays a name of
    its own."""
    text = ("Dealers sold more Toyota Camrys and Jeep Wranglers than Audi A4s. The Camry led. "
            "Toyota Motor Corp. said Toyota will expand its Toyota Kentucky plant, and "
            "Honda Chairman Ryo Tanaka opened the Honda Center.")
    found = spans_of(text)
    assert [(t, k) for t, k in found if k == "PRODUCT"] == [
        ("Toyota Camrys", "PRODUCT"), ("Jeep Wranglers", "PRODUCT"), ("Audi A4s", "PRODUCT"), ("The Camry", "PRODUCT")]
    assert ("Toyota Motor Corp.", "ORG") in found and ("Kentucky", "GPE") in found
    assert ("Ryo Tanaka", "PERSON") in found
    doc = extract(make_doc(text))
    camry = {m.entity_id for m in doc.mentions if "Camry" in m.text}
    assert len(camry) == 1 and {e.name for e in doc.entities if e.id in camry} == {"Toyota Camry"}


@pytest.mark.parametrize("sentence, person", [
    ("He met US Secretary of State Condoleezza Rice in Berlin.", "Condoleezza Rice"),
    ("White House Chief of Staff Rahm Emanuel resigned.", "Rahm Emanuel"),
])
def test_a_role_that_goes_on_with_of_is_all_role(sentence, person):
    """"Secretary of State", "Chief of Staff": the words after "of" are the role's, not a
    name glued to the person's."""
    assert (person, "PERSON") in spans_of(sentence)
    doc = extract(make_doc(sentence))
    assert not any(m.text.startswith(("State ", "Staff ")) for m in doc.mentions)


def test_a_known_name_after_and_is_not_part_of_the_name_before():
    assert spans_of("He met Foreign Secretary David Miliband and European Union envoys.") == [
        ("David Miliband", "PERSON"), ("European Union", "GPE")]


def test_known_software_is_a_product_with_its_version():
    """Operating systems and other software named in products.json are products, whatever
    the cues, with the version or edition after the name ("iOS 4", "Mac OS X Lion"); an
    organisation named after one keeps its own head ("the Linux Foundation")."""
    text = ("The phone runs Symbian, not Android or Windows Phone 7. The update brought Mac OS X Lion "
            "and iOS 4, and the Linux Foundation praised Ubuntu.")
    assert spans_of(text) == [("Symbian", "PRODUCT"), ("Android", "PRODUCT"), ("Windows Phone 7", "PRODUCT"),
                              ("Mac OS X Lion", "PRODUCT"), ("iOS 4", "PRODUCT"),
                              ("the Linux Foundation", "ORG"), ("Ubuntu", "PRODUCT")]


def test_a_kind_of_product_then_its_name_between_commas():
    """"its premium smartphone, Zyxo Nova, will ...": the name set off by commas after a kind
    of product is that product; after another noun ("the carmaker, Brandt Motors,") it is not."""
    assert spans_of("The firm said its mass-market premium smartphone, Zyxo Nova, will launch online.") == [
        ("Zyxo Nova", "PRODUCT")]
    assert spans_of("He praised the carmaker, Brandt Motors, for its cars.") == [("Brandt Motors", "ORG")]


def test_widely_reported_companies_and_aircraft_models():
    """Companies in orgs.json are organisations even opening a sentence ("Lufthansa said"), and
    two of them joined by "and" are two; an aircraft maker then a model's number is the model
    ("Boeing 787", "Airbus A380-800s"), while a word after the maker is no model."""
    text = ("Lufthansa said it would buy 20 Boeing 787 jets. Northrop Grumman and Airbus lost, "
            "and Boeing Commercial Airplanes sold Airbus A380-800s to Qantas.")
    found = spans_of(text)
    assert found[0] == ("Lufthansa", "ORG")
    assert ("Boeing 787", "PRODUCT") in found and ("Airbus A380-800s", "PRODUCT") in found
    assert ("Northrop Grumman", "ORG") in found and ("Airbus", "ORG") in found
    assert ("Boeing Commercial Airplanes", "ORG") in found


def test_a_courtesy_title_joins_a_persons_mention():
    """"Mr Baranyi", "Dr. Amara Lee": a courtesy title is inside the person's mention (the
    extent news gold marks), a role ("President") is not, and the entity keeps the bare name."""
    text = "Talks were led by Zoltan Baranyi. Mr Baranyi left early, and Dr. Amara Lee met President Ilse Vorn."
    assert spans_of(text) == [("Zoltan Baranyi", "PERSON"), ("Mr Baranyi", "PERSON"), ("Dr. Amara Lee", "PERSON"),
                              ("Ilse Vorn", "PERSON")]
    doc = extract(make_doc(text))
    assert {e.name for e in doc.entities} == {"Zoltan Baranyi", "Amara Lee", "Ilse Vorn"}


def test_names_listed_after_a_kind_of_product_and_such_as_are_products():
    """"small cars such as the Fiesta and the Focus, as well as the revamped Explorer": each
    listed name is a car; carmakers are known organisations even opening a sentence."""
    found = spans_of("Honda sold small cars such as the Velta and the Corsan, as well as the revamped Tiburo.")
    assert found == [("Honda", "ORG"), ("the Velta", "PRODUCT"), ("the Corsan", "PRODUCT"), ("Tiburo", "PRODUCT")]
    assert spans_of("Companies such as Siemens and Bosch rose.") == [("Siemens", "ORG"), ("Bosch", "ORG")]


def test_a_known_model_alone_is_a_product_where_its_make_is_named():
    doc = extract(make_doc("Toyota recalled these vehicles:\n\n2009-10 Corolla\n\n2008-10 Highlander\n\n"
                           "GM said sales of the Malibu rose. Focus groups liked it."))
    found = {name_of(m): m.kind.value for m in doc.mentions}
    assert (found.get("Corolla"), found.get("Highlander"), found.get("Malibu")) == ("PRODUCT",) * 3
    assert "Focus" not in found  # opening a sentence: an ordinary word
    # without its make (or the make's group) in the text, the name is left to the other cues
    alone = {name_of(m): m.kind.value for m in extract(make_doc("Officials met at the Highlander on Sunday.")).mentions}
    assert alone.get("Highlander") != "PRODUCT"


def test_a_known_product_alone_is_a_product_where_its_maker_is_named():
    doc = extract(make_doc("Microsoft said sales of its Office and Windows software rose, as did Xbox consoles. "
                           "Research in Motion said its BlackBerry sold well."))
    found = {name_of(m): m.kind.value for m in doc.mentions}
    assert [found.get(n) for n in ("Office", "Windows", "Xbox", "BlackBerry")] == ["PRODUCT"] * 4
    assert found.get("Research in Motion") == "ORG"
    # no maker named: "Windows" and "Office" are left to the other cues
    other = {name_of(m): m.kind.value for m in extract(make_doc("Officials at the Office of Budget said so.")).mentions}
    assert other.get("Office") != "PRODUCT"


def test_a_maker_then_its_product_is_one_product_with_its_version():
    doc = extract(make_doc("Google Android will ship first. Microsoft Windows 7 sold well. Sony PlayStation 3 sales rose."))
    assert [(m.text, m.kind.value) for m in doc.mentions] == [
        ("Google Android", "PRODUCT"), ("Microsoft Windows 7", "PRODUCT"), ("Sony PlayStation 3", "PRODUCT")]


def test_a_boeing_jet_by_its_number_alone_where_boeing_is_named():
    doc = extract(make_doc("Boeing delayed the 787. Air India ordered 18 777s and the new 747-8. Boeing cut 737 jobs."))
    jets = [(m.text, m.kind.value, m.entity_id) for m in doc.mentions if m.kind.value == "PRODUCT"]
    assert [(t, k) for t, k, _ in jets] == [("the 787", "PRODUCT"), ("777s", "PRODUCT"), ("747-8", "PRODUCT")]
    # no Boeing in the text: a number stays a number
    assert extract(make_doc("The firm cut the 737 jobs it had planned.")).mentions == []


@pytest.mark.parametrize("sentence, expected", [
    ("It was good, said Joe Pardo, Chairman and Chief Operating Officer of Velta Airways.",
     [("Joe Pardo", "PERSON"), ("Velta Airways", "ORG")]),
    ("Tom Hale, Senior Vice President and General Counsel of Corsan Inc., said no.",
     [("Tom Hale", "PERSON"), ("Corsan Inc.", "ORG")]),
    # a role held only in a company: the name after its "of" is one, though nothing else says so
    ("The Chairman and Chief Executive of Tiburo, Jeroen van der Veer, spoke.",
     [("Tiburo", "ORG"), ("Jeroen van der Veer", "PERSON")]),
    ("The CEO of Marvane, John Smith, spoke.", [("Marvane", "ORG"), ("John Smith", "PERSON")]),
])
def test_a_chain_of_roles_then_of_leaves_the_organisation_alone(sentence, expected):
    assert spans_of(sentence) == expected


def test_a_role_not_held_only_in_a_company_does_not_make_its_object_one():
    found = dict(spans_of("The Director of Tiburo, John Smith, spoke."))
    assert found.get("Tiburo") != "ORG"


def test_a_surname_prefix_written_with_a_space_stays_in_the_name():
    doc = extract(make_doc("Velta CEO, Michael O' Leary, spoke. Later O' Leary left, and Mr O’ Neill stayed."))
    people = [m.text for m in doc.mentions if m.kind.value == "PERSON"]
    assert people == ["Michael O' Leary", "O' Leary", "Mr O’ Neill"]
    assert len({m.entity_id for m in doc.mentions if "Leary" in m.text}) == 1


def test_a_modified_role_going_on_with_of_still_ends_before_the_name():
    found = dict(spans_of("The Assistant Secretary of the Air Force for Acquisition Marvin Sambur said so."))
    assert found.get("Marvin Sambur") == "PERSON"


def test_a_ticker_a_currency_amount_and_a_letter_of_an_abbreviation_are_no_names():
    found = spans_of("Ford Motor Co. (F) rose 3.4% at EUR109.80 before the Google I/O conference.")
    assert found == [("Ford Motor Co.", "ORG"), ("Google", "ORG")]


@pytest.mark.parametrize("sentence, expected", [
    ("It hit Northridge, Calif., in 1994.", [("Northridge", "GPE"), ("Calif.", "GPE")]),
    ("The Tempe, Ariz.-based carrier lost money.", [("Tempe", "GPE"), ("Ariz.", "GPE")]),
    ("Shares of the Irving, Texas-based firm fell.", [("Irving", "GPE"), ("Texas", "GPE")]),
])
def test_a_town_before_a_state_and_based_is_a_place_without_the_article(sentence, expected):
    doc = extract(make_doc(sentence))
    assert [(m.text, m.kind.value) for m in doc.mentions] == expected


def test_an_acronym_spelling_a_whole_run_keeps_the_run_one_name():
    found = spans_of("The Liberation Tigers of Tamil Eelam (LTTE) refused talks. Apple opened the World Wide "
                     "Developers Conference (WWDC). Fighting in the Democratic Republic of Congo (DRC) rose.")
    assert found[:2] == [("The Liberation Tigers of Tamil Eelam", "ORG"), ("LTTE", "ORG")]
    kinds = dict(found)
    assert kinds.get("WWDC") == "EVENT" and kinds.get("DRC") == "GPE"


def test_korean_and_other_peoples_words_are_nationalities():
    kinds = dict(spans_of("The Korean giant's next flagship sold well as Tamil rebels fought."))
    assert kinds == {"Korean": "NORP", "Tamil": "NORP"}


def test_a_kind_of_product_with_modifiers_before_a_name_makes_it_a_product():
    kinds = dict(spans_of("Salix makes the irritable bowel syndrome drug Vexoran. Its smartphone Velvet sold."))
    assert kinds.get("Vexoran") == "PRODUCT" and kinds.get("Velvet") == "PRODUCT"
    assert dict(spans_of("The car maker Toyota said no.")).get("Toyota") == "ORG"


def test_names_listed_before_a_kind_of_product_are_all_products():
    kinds = dict(spans_of("Cadillac sales rose thanks to the ATS and XTS sedans."))
    assert kinds == {"Cadillac": "ORG", "the ATS": "PRODUCT", "XTS": "PRODUCT"}
    assert dict(spans_of("Toyota and Honda cars sold well.")) == {"Toyota": "ORG", "Honda": "ORG"}


def test_a_products_version_as_a_roman_numeral():
    doc = extract(make_doc("The Samsung Galaxy S IV will ship. Samsung said the Galaxy S II sold well."))
    assert [(m.text, m.kind.value) for m in doc.mentions] == [
        ("The Samsung Galaxy S IV", "PRODUCT"), ("Samsung", "ORG"), ("the Galaxy S II", "PRODUCT")]


def test_a_jet_by_its_number_then_its_name_is_one_product():
    doc = extract(make_doc("Boeing unveiled its 787 Dreamliner. Pilots trained on the Boeing 787 Dreamliner aircraft. "
                           "The Dreamliner flew."))
    assert [(m.text, m.kind.value) for m in doc.mentions] == [
        ("Boeing", "ORG"), ("787 Dreamliner", "PRODUCT"), ("Boeing 787 Dreamliner", "PRODUCT"),
        ("The Dreamliner", "PRODUCT")]


def test_a_place_and_a_head_word_before_and_are_one_name_with_what_follows():
    assert spans_of("The U.S. Securities and Exchange Commission probed it.") == [
        ("The U.S. Securities and Exchange Commission", "ORG")]
    assert spans_of("Shanghai Airlines and Xiamen Airlines ordered jets.") == [
        ("Shanghai Airlines", "ORG"), ("Xiamen Airlines", "ORG")]


def test_a_guild_and_a_flight_code_and_a_year_to_year_comparison():
    assert spans_of("Leaders of the Indian Pilots Guild met after the crash of flight TK 1951.") == [
        ("Indian Pilots Guild", "ORG")]


def test_a_new_version_described_after_a_name_and_a_known_product_without_its_inner_capitals():
    found = spans_of("Apple unveiled Lion, the new version of their Mac OS X operating system. Apple Computer "
                     "introduced the Macbook and Macbook Pro.")
    assert found == [("Apple", "ORG"), ("Lion", "PRODUCT"), ("Mac OS X", "PRODUCT"), ("Apple Computer", "ORG"),
                     ("the Macbook", "PRODUCT"), ("Macbook Pro", "PRODUCT")]
    # a name described by another noun before "of" is left to the other cues
    assert dict(spans_of("The club named Corsan, the new chief of the board.")).get("Corsan") != "PRODUCT"


def test_names_listed_after_a_product_are_its_makers_products():
    found = spans_of("In addition to the iPod Classic, Nano and Shuffle, they announced a phone. Apple sold the "
                     "iPhone 3G, Nokia and Samsung phones.")
    assert found[:3] == [("the iPod Classic", "PRODUCT"), ("Nano", "PRODUCT"), ("Shuffle", "PRODUCT")]
    assert dict(found).get("Nokia") == "ORG" and dict(found).get("Samsung") == "ORG"


def test_places_by_a_lower_case_head_and_words_that_are_no_names_alone():
    kinds = dict(spans_of("Fighting in Deraa and Hama provinces sent refugees to the Za'atri camp. Gustav is a "
                          "Category 3 storm, due at 10 p.m. CDT. There is no God but Allah, said the three Baltic "
                          "nations."))
    assert kinds == {"Deraa": "GPE", "Hama": "GPE", "the Za'atri camp": "FAC", "Baltic": "NORP"}


def test_a_role_for_a_portfolio_then_its_holder():
    assert spans_of("UN High Commissioner for Refugees António Guterres visited.") == [
        ("UN", "ORG"), ("António Guterres", "PERSON")]


def test_well_known_ngos_and_two_versions_of_one_name_joined_by_and():
    assert spans_of("The Syrian Observatory for Human Rights said 20 died.") == [
        ("The Syrian Observatory for Human Rights", "ORG")]
    names = [n for n, _ in spans_of("Microsoft was sued over Office XP and Office 2003.")]
    assert "Office XP and Office" not in names and "Office XP" in names


def test_north_and_south_korea_written_short():
    assert spans_of("N. Korea's role in the hack worried S. Korea.") == [("N. Korea", "GPE"), ("S. Korea", "GPE")]


def test_a_dash_written_as_a_hyphen_does_not_join_a_name_and_the_next_word():
    found = spans_of("Apple said the new MacBook Pro-a notebook computer replacing the PowerBook-are said to be fast.")
    assert found == [("MacBook Pro", "PRODUCT"), ("PowerBook", "PRODUCT")]  # ("Apple" opening the text: no name)


def test_a_known_product_takes_its_version_but_not_the_kind_of_product():
    assert spans_of("Microsoft said buyers of a Windows 7 computer can upgrade to Windows 8 Pro.") == [
        ("Microsoft", "ORG"), ("Windows 7", "PRODUCT"), ("Windows 8 Pro", "PRODUCT")]
    kinds = dict(spans_of("Kia said the Sorento SUVs sold well."))
    assert kinds.get("the Sorento") == "PRODUCT" or kinds.get("Sorento") == "PRODUCT"
    assert not any("SUV" in name for name in kinds)


def test_small_towns_by_transport_a_street_or_their_residents():
    assert spans_of("Trains between Banbury and Wardle will not run, and services run via Hertford.")[:1] == [
        ("Banbury", "GPE")]
    assert dict(spans_of("Services run via Hertford.")).get("Hertford") == "GPE"
    assert spans_of("He lives on Mill Street, Tandragee. A Wingham resident was charged.") == [
        ("Mill Street", "FAC"), ("Tandragee", "GPE"), ("Wingham", "GPE")]


def test_a_name_after_a_street_is_a_town_only_where_it_closes_the_address():
    kinds = dict(spans_of("On Wall Street, Zynga fell. On Main Street, Zynga, a game maker, opened."))
    assert kinds.get("Zynga") == "ORG"
    assert dict(spans_of("Police closed Mill Street, Tandragee, on Sunday.")).get("Tandragee") == "GPE"
    assert dict(spans_of("The attack, which happened in Mill Street, Tandragee last night, hurt one.")).get(
        "Tandragee") == "GPE"


@pytest.mark.parametrize("sentence, expected", [
    # a plural role after "of" is part of the name; after a plain space it is the members
    ("The bill passed the House of Representatives on Friday.", [("the House of Representatives", "ORG")]),
    ("The Army Corps of Engineers said so.", [("The Army Corps of Engineers", "ORG")]),
    ("He said the Labour MPs voted.", [("Labour", "ORG")]),
    # a known name ends before a preposition
    ("He lobbied the White House for Florida aid.", [("the White House", "ORG"), ("Florida", "GPE")]),
    ("He spoke at Chatham House on Monday.", [("Chatham House", "ORG")]),
])
def test_houses_and_plural_roles_after_of(sentence, expected):
    assert spans_of(sentence) == expected


def test_a_party_named_in_its_own_language_and_its_acronym_are_one_organisation():
    found = mentions_of("Support for the Alternative für Deutschland party rose. The AfD gained.")
    assert [(t, k) for t, k, _ in found] == [("Alternative für Deutschland", "ORG"), ("AfD", "ORG")]
    assert found[0][2] == found[1][2]


def test_opec_plus_is_its_own_group():
    assert spans_of("OPEC+ members agreed, OPEC said.") == [("OPEC+", "ORG"), ("OPEC", "ORG")]
