"""Capitalised words that are not names: clause openings inside titles and paragraphs."""

from __future__ import annotations

import pytest

from tests.test_entities import extract, make_doc, mentions_of, spans_of


@pytest.mark.parametrize("text, title, name", [
    ("Flood crisis: Frantic search for the missing\nTeams searched the valley.", True, "Frantic"),
    ("Lima - Hundreds of miners marched today to the ministry.", False, "Hundreds"),
    ("Storm update: Relief convoys stuck\nRelief convoys waited at the border.", True, "Relief"),
    ("Storm's heavy toll is counted\nThe storm destroyed 300 homes.", True, "Storm"),
])
def test_clause_openings_are_not_names(text, title, name):
    assert name not in {t for t, _, _ in mentions_of(text, title=title)}


@pytest.mark.parametrize("text, title, name", [
    ("Election: Lindqvist wins second term\nVoters backed Anna Lindqvist in every region.", True, "Lindqvist"),
    ("Pfizer's profit doubled in the quarter.", False, "Pfizer"),
])
def test_names_in_those_places_are_kept(text, title, name):
    assert name in {t for t, _, _ in mentions_of(text, title=title)}


@pytest.mark.parametrize("sentence, expected", [
    ("The motion was backed by Labour MPs and Senators.", [("Labour", "ORG")]),
    ("On Tuesday, Senators rejected the plan.", []),
    ("The vote split Likud lawmakers.", [("Likud", "ORG")]),
])
def test_roles_in_the_plural_are_not_names(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


def test_a_piped_photo_credit_is_not_names():
    text = "Crowds gathered in Accra on Monday. PHOTO | KOFI MENSAH | DAILY GRAPHIC"
    assert [(t, k) for t, k, _ in mentions_of(text)] == [("Accra", "GPE")]


@pytest.mark.parametrize("sentence, name", [
    ("Hewlett-Packard on Monday cut its forecast.", "Hewlett-Packard"),  # its shape says it is a name
    ("Signal, the encrypted messaging app, said it was blocked.", "Signal"),  # the text says what it is
])
def test_names_seen_only_at_sentence_starts_with_evidence(sentence, name):
    assert (name, "ORG") in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence", [
    "Anti-War groups marched on Sunday.",
    "Pro-Democracy protesters gathered.",
])
def test_hyphenated_ordinary_words_at_sentence_start(sentence):
    assert mentions_of(sentence) == []


@pytest.mark.parametrize("sentence, name, kind", [
    ("She is the mayor of Greater Glasgow now.", "Greater Glasgow", "GPE"),
    ("According to Ohio Emergency Management, roads were shut.", "Ohio Emergency Management", "ORG"),
])
def test_place_and_org_names_around_a_known_place(sentence, name, kind):
    assert (name, kind) in {(t, k) for t, k, _ in mentions_of(sentence)}


@pytest.mark.parametrize("sentence", [
    "Tornado Warnings were issued overnight.",
    "Flash Flood Watches remain in place.",
    "The governor declared a State of Emergency.",
])
def test_official_notices_are_not_names(sentence):
    assert mentions_of(sentence) == []


def test_a_named_storm_is_later_called_by_its_name():
    found = mentions_of("Hurricane Idalia made landfall. Idalia will weaken, forecasters said.")
    assert [(t, k, e) for t, k, e in found] == [("Hurricane Idalia", "EVENT", "event:hurricane-idalia"),
                                               ("Idalia", "EVENT", "event:hurricane-idalia")]


def test_north_and_south_name_two_places():
    found = mentions_of("Rain fell across North and South Dakota.")
    assert [(t, e) for t, _, e in found] == [("North", "gpe:north-dakota"), ("South Dakota", "gpe:south-dakota")]


@pytest.mark.parametrize("sentence, expected", [
    ("Shares of Apex Robotics Inc. fell sharply.", [("Apex Robotics Inc.", "ORG")]),
    ("Residents of Kharkiv sheltered overnight.", [("Kharkiv", "GPE")]),
    ("University of Leeds researchers said so.", [("University of Leeds", "ORG")]),
])
def test_a_sentence_opening_word_before_of_is_not_part_of_the_name(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


def test_a_wire_credit_closing_a_paragraph_names_nobody():
    text = "Crowds gathered in Accra on Monday. (Reporting by Kofi Mensah; Editing by Jane Doe)"
    assert [(t, k) for t, k, _ in mentions_of(text)] == [("Accra", "GPE")]


def test_a_product_named_watch_is_not_a_notice():
    found = {t for t, _, _ in mentions_of("Buyers queued for the new Apple Watch in Tokyo.")}
    assert "Apple Watch" in found


@pytest.mark.parametrize("sentence, expected", [
    # common nouns written as acronyms, and geological periods, are no names
    ("EV sales doubled, and EPS rose as SUVs sold well.", []),
    ("The fossil dates from the late Cretaceous, after the Triassic.", []),
    # a named wildfire is an event, not an organisation
    ("Crews fought the Marlow Fire for a week.", [("Marlow Fire", "EVENT")]),
])
def test_words_that_are_not_organisations(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Police closed Interstate 84 and Highway 12 near Dufur.", [("Interstate 84", "FAC"), ("Highway 12", "FAC"),
                                                                 ("Dufur", "GPE")]),
    ("Traffic on State Route 18 and I-40 was halted.", [("State Route 18", "FAC"), ("I-40", "FAC")]),
])
def test_numbered_roads_are_facilities(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Tropical Cyclone Amara hit the coast.", [("Tropical Cyclone Amara", "EVENT")]),
    ("Super Typhoon Lorna weakened.", [("Super Typhoon Lorna", "EVENT")]),
])
def test_storms_with_two_word_openers_are_events(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


def test_a_headline_storm_word_alone_is_no_name():
    text = "Cyclone toll could pass 3,000\nRescuers reached the delta on Monday."
    assert "Cyclone" not in {t for t, _, _ in mentions_of(text, title=True)}


@pytest.mark.parametrize("sentence, expected", [
    ("She told the Halifax Chronicle and the Leeds Observer.", [("Halifax Chronicle", "ORG"), ("Leeds Observer", "ORG")]),
    ("He wrote for the Winnipeg Star.", [("Winnipeg Star", "ORG")]),
])
def test_newspapers_named_after_places_are_organisations(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


def test_a_name_only_ever_opening_sentences_is_kept():
    text = "Ostrava Air grounded its fleet.\nVelmont checked each engine. Velmont said two had cracks."
    assert [(t, k) for t, k, _ in mentions_of(text)].count(("Velmont", "ORG")) == 2


def test_ordinary_words_opening_sentences_stay_words():
    text = "Shares fell on Monday. Shares of the firm rose later, and traders sold shares."
    assert mentions_of(text) == []


def test_an_exclamation_mark_inside_a_name():
    text = "Rivals bid for Zoomly! on Friday, and Zoomly!'s board said no."
    assert [(t, k) for t, k, _ in mentions_of(text)] == [("Zoomly!", "ORG"), ("Zoomly!", "ORG")]


@pytest.mark.parametrize("sentence, expected", [
    ("She won the Halvard Cup and the WTA Finals.", [("Halvard Cup", "EVENT"), ("WTA Finals", "EVENT")]),
    ("Banks shut on Monday for Anzac Day.", [("Anzac Day", "EVENT")]),
    # a role word inside an event's name does not make a person of it
    ("Fans filled the arena for the Billie Jean King Cup.", [("Billie Jean King Cup", "EVENT")]),
    ("Marla Day sang.", [("Marla Day", "PERSON")]),
])
def test_tournaments_and_days_are_events(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


def test_a_country_opening_an_agencys_name_stays_in_it():
    found = [(t, k) for t, k, _ in mentions_of("The United States Geological Survey put the quake at 6.1.")]
    assert found == [("United States Geological Survey", "ORG")]


def test_a_span_of_months_or_days_is_no_name():
    found = [t for t, _, _ in mentions_of("Sales in July-September rose, and shops open Monday-Friday.")]
    assert found == []


def test_share_and_index_codes_are_not_names():
    """"(NASDAQ:NVDA)", "(ETR: DBK)", "(7203.T)" and "<.SPBK>" give codes, not organisations;
    the exchange before the colon stays a name, and "(GM)" after a name is still its acronym."""
    text = ("Shares of Corvane Systems (NASDAQ:CRVN) rose while Halberg Bank (ETR: HBK) fell. "
            "Later the index <.SPBK> slipped and Mitsuda Motor (7211.T) gained. "
            "Analysts at General Motors (GM) said GM would wait.")
    found = [(t, k) for t, k, _ in mentions_of(text)]
    for code in ("CRVN", "HBK", "SPBK", "T", "7211"):
        assert all(t != code for t, _ in found), code
    assert ("NASDAQ", "ORG") in found and ("Halberg Bank", "ORG") in found
    assert found.count(("GM", "ORG")) == 2


def test_stock_indices_are_organisations_whatever_their_number():
    """Market indices are one kind (ORG, as the Dow Jones Industrial Average already was), not
    products because a number follows the name, and not split at "&" or before the number."""
    text = ("The S&P 500 fell, the FTSE 100 slipped and the CAC 40 lost ground, while the Nikkei 225 "
            "and the Standard & Poor's 500 index rose.")
    found = [(t, k) for t, k, _ in mentions_of(text)]
    assert found == [("S&P 500", "ORG"), ("FTSE 100", "ORG"), ("CAC 40", "ORG"), ("Nikkei 225", "ORG"),
                     ("Standard & Poor's 500", "ORG")]
    doc = extract(make_doc(text))
    assert {e.name for e in doc.entities} == {"S&P 500", "FTSE 100", "CAC 40", "Nikkei 225"}


@pytest.mark.parametrize("sentence", [
    "The July-September performance was weak.",
    "For the April–June period, sales rose.",
    "The court fined him Rs 6.9 million and Rp 500,000.",
])
def test_month_spans_and_short_currencies_are_not_names(sentence):
    """"July-September" is a time expression and "Rs" before an amount a currency: neither is
    an organisation."""
    assert mentions_of(sentence) == []


def test_a_treasury_bond_is_not_the_department():
    """"the 10-year Treasury note" is a bond; "the Treasury said" is the department."""
    text = "The yield on the 10-year Treasury note rose and two-year Treasuries fell. The Treasury said so."
    assert [(t, k) for t, k, _ in mentions_of(text)] == [("Treasury", "ORG")]
    assert spans_of(text) == [("The Treasury", "ORG")]


def test_a_unions_local_is_an_organisation():
    """"UAW Local 723" is a union's branch, not a product with a model number, and it does not
    make the union a product elsewhere."""
    found = [(t, k) for t, k, _ in mentions_of("The ABW said ABW Local 723 voted to strike.")]
    assert found == [("ABW", "ORG"), ("ABW Local 723", "ORG")]


@pytest.mark.parametrize("sentence, word", [
    ("Sales rose in the Christmas and New Year sales period.", "Christmas"),
    ("Sales rose in the Christmas and New Year sales period.", "New Year"),
    ("Deliveries are not due until October-two years late.", "October-two"),
])
def test_holidays_and_a_month_before_lower_case_words_are_no_names(sentence, word):
    assert word not in [m.text for m in extract(make_doc(sentence)).mentions]


def test_the_plural_that_closes_names_is_no_name_alone_at_a_sentence_start():
    from tests.test_entities import extract, make_doc

    doc = extract(make_doc("Airlines were relentless in raising fares.\n\nAirlines have raised their fares seven "
                           "times.\n\nAmerican Airlines parent AMR Corp. reported a loss."))
    assert [m.text for m in doc.mentions] == ["American Airlines", "AMR Corp."]


def test_budget_lines_amounts_and_budget_words_are_no_names():
    from tests.test_entities import spans_of

    found = spans_of("Education got Sh34.7 billion and Transport Sh125billion Water Sh5billion. She delivers her "
                     "maiden Budget on Oct 30. The Bench said so under Article 370. He sits on Tuesdays.")
    assert found == [("Transport", "ORG"), ("Water", "ORG")]


def test_a_terminal_or_runway_by_its_number_is_a_facility():
    from tests.test_entities import spans_of

    assert spans_of("The SGD1.75-billion Terminal 3 will open near Runway 27.") == [
        ("Terminal 3", "FAC"), ("Runway 27", "FAC")]


def test_technical_standards_an_index_word_and_net_are_no_names():
    from tests.test_entities import spans_of

    assert spans_of("The Shanghai Composite Index tumbled. Phones for GSM, HSDPA and EV-DO networks have an HTML "
                    "browser. Net income was $733m. Sales from Asia and the Americas rose.") == [
        ("Shanghai Composite", "ORG"), ("Asia", "LOC"), ("the Americas", "LOC")]


def test_time_zones_written_out_and_format_words_are_no_names():
    from tests.test_entities import spans_of

    assert spans_of("Launch is set for Saturday at 3:49 p.m. Eastern Time. It landed at 0930 hours IST (Indian "
                    "Standard Time). On board Flight 72 were 149 people. FILE- The DVD sold well.") == []
    assert spans_of("Eastern Airlines flew past Indian troops.") == [("Eastern Airlines", "ORG"), ("Indian", "NORP")]


def test_temperature_scales_and_name_suffixes_alone_are_no_names():
    found = mentions_of("It hit 42 degrees Celsius, or 107 degrees Fahrenheit, said CFO Alan Graf, Jr. on Tuesday.")
    assert [(text, kind) for text, kind, _ in found] == [("Alan Graf", "PERSON")]


def test_a_name_suffix_closes_a_persons_name_over_a_role_word():
    assert ("Martin Luther King Jr.", "PERSON") in {(t, k) for t, k, _ in mentions_of("He quoted Martin Luther King Jr. often.")}


@pytest.mark.parametrize("sentence, expected", [
    ("Flooding on the Mekong River worsened.", [("Mekong River", "LOC")]),  # a sentence's first word, then "on the"
    ("Coral on the Great Barrier Reef is bleaching.", [("Great Barrier Reef", "LOC")]),  # a reef is a place
    ("Fossils lay in the Rising Star Cave.", [("Rising Star Cave", "LOC")]),
    ("The Safdarjung Observatory recorded 44C.", [("Safdarjung Observatory", "FAC")]),
    # a space centre and a space station are places people work in (the gold of three review sets)
    ("It lifted off from the Kennedy Space Center.", [("Kennedy Space Center", "FAC")]),
    ("The capsule docked with the International Space Station.", [("International Space Station", "FAC")]),
])
def test_natural_features_and_a_common_word_before_them(sentence, expected):
    assert [(text, kind) for text, kind, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a model's number between a name and a product noun in the singular belongs to the name
    ("A Falcon 9 rocket lifted off.", [("Falcon 9 rocket", "PRODUCT")]),
    ("The company's unmanned Falcon 9 rocket roared off.", [("Falcon 9 rocket", "PRODUCT")]),  # mid-sentence
    ("Hamas fired 5 rockets at Israel.", [("Hamas", "ORG"), ("Israel", "GPE")]),  # a plural: a count
    # a US zone after a clock time is part of the time, no name
    ("The rocket lifted off at 8:35 p.m. ET on Sunday.", []),
    # a Reuters index code written bare is no product
    ("The Nikkei share average .N225 rose 1 percent.", [("Nikkei", "ORG")]),
    # a web address's last dot ends the sentence, and the next sentence's first word is its own
    ("Data came from Marketwatch.com. Markets close early on Friday.", [("Marketwatch.com", "ORG")]),
])
def test_numbers_zones_codes_and_addresses_around_names(sentence, expected):
    assert spans_of(sentence) == expected


def test_quoted_titles_are_works_once_a_works_noun_introduces_one():
    text = ("Julia Ducournau's film ‘Titane’ won. Other contenders were ‘Bergman Island’ and "
            "“Rust and Bone”. Walter \"Wes\" Teel spoke.")
    found = spans_of(text)
    assert ("Titane", "WORK_OF_ART") in found
    assert ("Bergman Island", "WORK_OF_ART") in found  # not a place
    assert ("Rust and Bone", "WORK_OF_ART") in found  # not two organisations
    assert ('Walter "Wes" Teel', "PERSON") in found  # a nickname between two names stays the person's


def test_quoted_names_stay_names_without_a_works_noun():
    assert ("Dreamliner", "WORK_OF_ART") not in spans_of("Boeing's 787 “Dreamliner” flew on Tuesday.")


@pytest.mark.parametrize("sentence, expected", [
    ("Besides Boluarte, others spoke.", [("Boluarte", "ORG")]),  # a preposition opening the sentence
    ("PERHAPS the most striking thing was the silence.", []),  # a small word in capitals
    ("Breaking News: the verdict came.", []),  # a label
    ("WHO officials met.", [("WHO", "ORG")]),  # an acronym stays a name
    ("Rains hit the northern part of Luzon island.", [("Luzon", "LOC")]),  # a lower-case head
    ("Voters in Nineveh queued.", [("Nineveh", "GPE")]),  # the English name of a governorate
])
def test_small_words_labels_and_place_spellings(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The novel was written in English.", [("English", "LANGUAGE")]),
    ("It won best non-English language film.", [("English", "LANGUAGE")]),
    ("The English-language film won.", [("English", "LANGUAGE")]),
    ("He speaks Arabic and French.", [("Arabic", "LANGUAGE"), ("French", "LANGUAGE")]),
    ("Fans in English football cheered.", [("English", "NORP")]),  # the adjective: a nationality
])
def test_a_nationality_word_used_for_its_language(sentence, expected):
    assert [(t, k) for t, k, _ in mentions_of(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Catton won the Man Booker Prize.", [("the Man Booker Prize", "WORK_OF_ART")]),  # a prize, as OntoNotes has it
    ("He won an Academy Award.", [("Academy Award", "WORK_OF_ART")]),
    ("The Nobel Prize Committee met.", [("Nobel Prize Committee", "ORG")]),  # the committee is the organisation
])
def test_prizes_and_awards_are_works(sentence, expected):
    assert spans_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # ships by their navy's prefix, and classes of ship
    ("Officials said the USS Carney downed 14 drones.", [("the USS Carney", "PRODUCT")]),
    ("HMS Queen Elizabeth sailed.", [("HMS Queen Elizabeth", "PRODUCT")]),
    ("Two Virginia-class submarines sailed.", [("Virginia-class", "PRODUCT")]),
    ("It was an Arleigh Burke-class destroyer.", [("Arleigh Burke-class destroyer", "PRODUCT")]),
    # a known weapon system as news capitalises it
    ("Britain sent Himars and the Patriot Air Defence System.",
     [("Britain", "GPE"), ("Himars", "PRODUCT"), ("the Patriot Air Defence System", "PRODUCT")]),
    # a nationality in a list of adjectives leaves the article to the noun
    ("The South Korean, US and Japanese militaries drilled.",
     [("South Korean", "NORP"), ("US", "GPE"), ("Japanese", "NORP")]),
    ("UN members hailed the Obama-brokered deal.", [("UN", "ORG"), ("Obama", "ORG")]),  # the name before "-brokered"
])
def test_ships_weapon_systems_and_adjectives(sentence, expected):
    assert spans_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Thanks @SecDef Boris Pistorius for the help.", [("Boris Pistorius", "PERSON")]),  # a handle is no name
    ("@ZelenskyyUA wrote on Tuesday.", []),
    ("Poland signs deal for S Korea tanks.", [("Poland", "GPE"), ("S Korea", "GPE")]),  # a headline's short form
])
def test_handles_and_short_country_names(sentence, expected):
    assert spans_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Microsoft bought Nokia Oyj.", [("Microsoft", "ORG"), ("Nokia Oyj", "ORG")]),  # a Finnish legal form
    ("Jaguar Land Rover said so.", [("Jaguar Land Rover", "ORG")]),
    ("Tesla's Model 3 sold well.", [("Tesla", "ORG"), ("Model 3", "PRODUCT")]),
    ("The Model S and Model Y sold too.", [("The Model S", "PRODUCT"), ("Model Y", "PRODUCT")]),
])
def test_legal_forms_and_car_models(sentence, expected):
    assert spans_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Additionally, the phone is thinner.",  # a sentence adverb
    "Notably, sales fell.",
    "LLMs improved quickly.",  # a technology's acronym
])
def test_sentence_adverbs_and_technology_acronyms_are_no_names(sentence):
    assert spans_of(sentence) == []


def test_an_operation_is_later_called_by_its_name_alone():
    found = spans_of("Operation Car Wash exposed graft. Car Wash prosecutors charged him.")
    assert found == [("Operation Car Wash", "EVENT"), ("Car Wash", "EVENT")]


def test_a_kind_of_product_then_the_name_it_is_called_by():
    found = spans_of("Regulators approved a new lung cancer drug developed by Pfizer called Crizotinib.")
    assert ("Crizotinib", "PRODUCT") in found
    assert ("Smith", "PRODUCT") not in spans_of("A man called Smith came on Monday.")


@pytest.mark.parametrize("sentence, expected", [
    # an amount spelled out in capitals, and currencies alone, are no names
    ("He stole One Hundred and Seventy Two Million, Forty Nine Thousand Naira and Twenty Kobo.", []),
    ("IT shares rose as Covid19 cases fell.", []),
    # a state named with its kind ("Ohio State" is a university's or team's)
    ("Governors of Kebbi State met.", [("Kebbi State", "GPE")]),
    # a surname whose particle opens a sentence is the person named in full
    ("Andre de Ruyter will lead Eskom. De Ruyter said so.",
     [("Andre de Ruyter", "PERSON"), ("Eskom", "ORG"), ("De Ruyter", "PERSON")]),
])
def test_amounts_states_and_particles(sentence, expected):
    assert spans_of(sentence) == expected
