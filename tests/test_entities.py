"""Entities: kinds, spans, one entity per thing within a document, roles and nationalities.

The seed article is read with the real reader; the other cases are small documents built
here, one paragraph block per line (the first line a title), so each rule is seen alone.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.extract import entities as E
from model.extract.sentences import split_sentences
from model.read import read_path
from model.schema import Block, BlockKind, Document, EntityKind


def make_doc(text: str, doc_id: str = "t", title: bool = False) -> Document:
    """One block per non-empty line; the first is a title when ``title``."""
    blocks = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        if line.strip():
            kind = BlockKind.TITLE if (title and not blocks) else BlockKind.PARAGRAPH
            blocks.append(Block(kind=kind, start=pos, end=pos + len(line)))
        pos += len(line) + 1
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, blocks=blocks)


def extract(doc: Document) -> Document:
    doc.sentences = split_sentences(doc)
    doc.mentions = E.find_mentions(doc)
    doc.entities = E.describe_entities(doc)
    return doc


def name_of(mention) -> str:
    """The name a mention gives: its text without the article or courtesy title it may cover
    ("the EU" -> "EU", "Mr Healey" -> "Healey"; test_articles_join_the_mentions_of_names_that_
    head_their_phrase and test_a_courtesy_title_joins_a_persons_mention test those)."""
    text = mention.text
    if mention.kind is EntityKind.PERSON:  # ("Sheikh" is left: often a part of the name)
        return _COURTESY.sub("", text)
    return text[4:] if text.startswith(("the ", "The ")) else text


_COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Mme|Mlle|Herr|Frau)\.? (?=\S)")


def mentions_of(text: str, **kw) -> list[tuple[str, str, str]]:
    """(name, kind, entity id) of each mention, in text order; names as :func:`name_of`."""
    doc = extract(make_doc(text, **kw))
    return [(name_of(m), m.kind.value, m.entity_id) for m in doc.mentions]


def spans_of(text: str, **kw) -> list[tuple[str, str]]:
    """(text, kind) of each mention exactly as it spans the text, article included."""
    doc = extract(make_doc(text, **kw))
    return [(m.text, m.kind.value) for m in doc.mentions]


@pytest.fixture(scope="module")
def seed(seed_path):
    doc = read_path(seed_path).documents[0]
    return extract(doc)


def entity(doc: Document, eid: str):
    found = [e for e in doc.entities if e.id == eid]
    assert found, f"{eid} not among {sorted(e.id for e in doc.entities)}"
    return found[0]


# --------------------------------------------------------------------------- the seed


@pytest.mark.parametrize(
    "eid, role, nationality",
    [
        ("person:john-healey", "Defence Secretary", "British"),
        ("person:kim-tae-hyo", "deputy national security adviser", "South Korean"),
        ("person:robert-wood", "Ambassador to the United Nations", "American"),
        ("person:emmanuel-macron", "President", "French"),
        ("person:vladimir-putin", "President", "Russian"),
        ("person:rachel-reeves", "Chancellor", None),
        ("person:rijo-teras", "politician", "Estonian"),
    ],
)
def test_seed_people_with_roles_and_nationalities(seed, eid, role, nationality):
    e = entity(seed, eid)
    assert e.kind is EntityKind.PERSON
    assert e.attributes.get("role") == role
    assert e.attributes.get("nationality") == nationality


def test_seed_healey_is_one_person_under_every_name(seed):
    e = entity(seed, "person:john-healey")
    assert e.name == "John Healey"
    assert {"Mr Healey", "Healey"} <= set(e.aliases)
    texts = [m.text for m in seed.mentions if m.entity_id == "person:john-healey"]
    # "Mr Healey" three times: the courtesy title is inside the mention, the name the same
    assert texts.count("John Healey") == 2 and texts.count("Mr Healey") >= 3
    # "The Defence Secretary also told MPs": the only person holding that role
    assert "Defence Secretary" in texts
    assert e.mention_count == len(texts)


@pytest.mark.parametrize(
    "eid",
    ["gpe:south-korea", "gpe:north-korea", "gpe:ukraine", "gpe:russia", "gpe:united-states",
     "gpe:united-kingdom", "gpe:china", "gpe:germany", "gpe:kosovo", "gpe:australia", "gpe:sweden",
     "gpe:seoul", "gpe:pyongyang", "gpe:moscow", "gpe:beijing"],
)
def test_seed_places(seed, eid):
    assert entity(seed, eid).kind is EntityKind.GPE


@pytest.mark.parametrize("city, country", [("seoul", "south-korea"), ("pyongyang", "north-korea"),
                                           ("moscow", "russia"), ("beijing", "china")])
def test_seed_capitals_stay_their_own_place(seed, city, country):
    e = entity(seed, f"gpe:{city}")
    assert e.attributes["capital_of"] == f"gpe:{country}"


@pytest.mark.parametrize("name", ["North Korean", "South Korean", "Russian", "Ukrainian", "British",
                                  "European", "French", "Lithuanian", "Estonian"])
def test_seed_nationalities(seed, name):
    e = entity(seed, E.entity_id("NORP", name))
    assert e.kind is EntityKind.NORP and e.name == name


def test_seed_norp_points_to_its_country(seed):
    assert entity(seed, "norp:north-korean").attributes["country"] == "gpe:north-korea"
    assert entity(seed, "norp:british").attributes["country"] == "gpe:united-kingdom"


@pytest.mark.parametrize(
    "eid, kind",
    [
        ("org:national-intelligence-service", "ORG"),
        ("org:yonhap-news-agency", "ORG"),
        ("org:nato", "ORG"),
        ("org:united-nations", "ORG"),
        ("org:g7", "ORG"),
        ("org:3rd-battalion-the-royal-regiment-of-scotland", "ORG"),
        ("org:house-of-commons", "ORG"),
        ("loc:europe", "LOC"),
        ("loc:northeast-asia", "LOC"),
        ("loc:far-east", "LOC"),
        ("product:cheongung-ii", "PRODUCT"),
        ("product:m109-paladin-howitzer", "PRODUCT"),
        ("product:155mm-artillery-shells", "PRODUCT"),
        ("event:operation-interflex", "EVENT"),
    ],
)
def test_seed_organisations_places_products_events(seed, eid, kind):
    assert entity(seed, eid).kind.value == kind


def test_seed_intelligence_service_aliases(seed):
    e = entity(seed, "org:national-intelligence-service")
    assert "NIS" in e.aliases
    assert "Seoul's spy agency" in e.aliases
    assert e.attributes["acronym"] == "NIS"


def test_seed_us_aliases_are_one_place(seed):
    texts = {m.text for m in seed.mentions if m.entity_id == "gpe:united-states"}
    assert texts == {"The United States", "U.S."}  # "The United States, which ...", "U.S. Ambassador"
    e = entity(seed, "gpe:united-states")
    assert (e.name, e.aliases) == ("United States", ["U.S."])  # the entity keeps bare names


def test_seed_not_entities(seed):
    texts = {m.text for m in seed.mentions}
    for word in ("Listen", "Meanwhile", "Picture", "Getty", "Defence", "Operation", "Among", "Speaking",
                 "Loading", "House"):
        assert word not in texts
    headings = ["Response to Growing Military Cooperation Between North Korea and Russia",
                "The Global Implications of South Korea’s Potential Involvement",
                "Diplomatic Fallout and Future Uncertainties"]
    for h in headings:
        start = seed.text.index(h)
        inside = [m for m in seed.mentions if start <= m.start < start + len(h)]
        assert {m.kind.value for m in inside} <= {"GPE"}, inside


def test_seed_heading_keeps_only_fixed_names(seed):
    h = "Response to Growing Military Cooperation Between North Korea and Russia"
    start = seed.text.index(h)
    inside = [m.text for m in seed.mentions if start <= m.start < start + len(h)]
    assert inside == ["North Korea", "Russia"]


def test_seed_spans_possessives_and_hyphens(seed):
    i = seed.text.index("South Korea's potential")
    assert any(m.start == i and m.end == i + len("South Korea") for m in seed.mentions)
    j = seed.text.index("North Korea-Russia")
    got = [(m.text, m.kind.value) for m in seed.mentions if j <= m.start < j + len("North Korea-Russia")]
    assert got == [("North Korea", "GPE"), ("Russia", "GPE")]
    k = seed.text.index("Russia-Ukraine war")
    got = [m.text for m in seed.mentions if k <= m.start < k + len("Russia-Ukraine war")]
    assert got == ["Russia", "Ukraine"]


def test_seed_mentions_are_valid_spans(seed):
    last_end = -1
    for m in seed.mentions:
        assert seed.text[m.start:m.end] == m.text
        assert m.start >= last_end, "mentions overlap"
        last_end = m.end
        assert m.doc_id == seed.id
        assert m.text == m.text.strip() and not m.text.endswith(("'s", "’s", ","))
        assert not m.text.endswith(".") or m.text.count(".") > 1  # "U.S." keeps its dots
    ids = {e.id for e in seed.entities}
    assert {m.entity_id for m in seed.mentions} == ids


def test_seed_salience_prefers_the_subject(seed):
    sal = {e.id: e.salience for e in seed.entities}
    assert sal["gpe:south-korea"] > sal["gpe:sweden"]
    assert all(0.0 <= v <= 1.0 for v in sal.values())


# --------------------------------------------------------------------------- rules on their own


def test_us_uk_and_nato_aliases():
    got = mentions_of("The U.S. and the United States, America and the US met Britain, the UK and Nato and NATO.")
    ids = [i for _t, _k, i in got]
    assert ids.count("gpe:united-states") == 4
    assert ids.count("gpe:united-kingdom") == 2
    assert ids.count("org:nato") == 2


def test_acronym_defined_in_parentheses_is_an_alias():
    doc = extract(make_doc("The Federal Widget Authority (FWA) opened an inquiry. Later the FWA fined the firm."))
    ids = [(name_of(m), m.entity_id) for m in doc.mentions]
    assert ("Federal Widget Authority", "org:federal-widget-authority") in ids
    assert ids.count(("FWA", "org:federal-widget-authority")) == 2
    e = [x for x in doc.entities if x.id == "org:federal-widget-authority"][0]
    assert "FWA" in e.aliases


def test_role_before_name_lower_case_and_affiliation():
    doc = extract(make_doc("Bank analyst David Strauss said the deal was poor. Acme Widgets spokesman Tom Reed agreed."))
    people = {e.name: e for e in doc.entities if e.kind is EntityKind.PERSON}
    assert people["David Strauss"].attributes["role"] == "analyst"
    assert people["Tom Reed"].attributes["role"] == "spokesman"
    assert people["Tom Reed"].attributes["affiliation"] == "Acme Widgets"


def test_appositive_role_and_nationality():
    doc = extract(make_doc("Anna Lindqvist, Sweden's foreign minister, said talks would go on."))
    p = [e for e in doc.entities if e.id == "person:anna-lindqvist"][0]
    assert p.attributes["role"] == "foreign minister"
    assert p.attributes["nationality"] == "Swedish"


def test_surname_and_honorific_resolve_to_the_full_name():
    doc = extract(make_doc("Foreign Secretary Jane Doyle arrived. Ms Doyle said little. Doyle left at noon."))
    assert {m.entity_id for m in doc.mentions if "Doyle" in m.text} == {"person:jane-doyle"}


def test_two_people_with_one_surname_do_not_merge_a_bare_surname_wrongly():
    doc = extract(make_doc("Analyst Mary Quinn and senator Paul Quinn spoke. Quinn was absent."))
    ids = {m.entity_id for m in doc.mentions}
    assert {"person:mary-quinn", "person:paul-quinn"} <= ids


def test_sentence_initial_ordinary_words_are_not_names():
    got = mentions_of("Meanwhile, the talks went on.\nSpeaking later, officials agreed.\nAmong them was Germany.")
    assert [t for t, _k, _i in got] == ["Germany"]


def test_units_weapons_operations():
    got = mentions_of("The 47th Mechanised Brigade fired HIMARS and Shahed-136 drones during Operation Dawn Shield "
                      "and World War II veterans watched 152mm artillery shells land.")
    kinds = {t: k for t, k, _i in got}
    assert kinds["47th Mechanised Brigade"] == "ORG"
    assert kinds["HIMARS"] == "PRODUCT"
    assert kinds["Shahed-136 drones"] == "PRODUCT"
    assert kinds["Operation Dawn Shield"] == "EVENT"
    assert kinds["World War II"] == "EVENT"
    assert kinds["152mm artillery shells"] == "PRODUCT"


def test_companies_facilities_and_laws_by_head_word():
    got = mentions_of("Globex Corp. built Heathrow Airport under the Airports Act with Initech Holdings.")
    kinds = {t: k for t, k, _i in got}
    assert kinds["Globex Corp."] == "ORG"
    assert kinds["Heathrow Airport"] == "FAC"
    assert kinds["Airports Act"] == "LAW"
    assert kinds["Initech Holdings"] == "ORG"


def test_title_case_line_keeps_only_known_names():
    got = mentions_of("Bold New Plans For Growing Markets In France And Acme Holdings\n"
                      "Acme Holdings said it would expand in Paris.", title=True)
    title_hits = [(t, k) for t, k, _i in got][:2]
    assert ("France", "GPE") in title_hits and ("Acme Holdings", "ORG") in title_hits
    assert not any(t in ("Bold New Plans", "Growing Markets", "Plans") for t, _k, _i in got)


def test_descriptor_links_to_the_documents_intelligence_agency():
    doc = extract(make_doc("Kenya's National Intelligence Service warned of attacks. "
                           "Nairobi's spy agency said the threat was high."))
    ids = [(m.text, m.entity_id) for m in doc.mentions]
    assert ("spy agency", "org:national-intelligence-service") in ids


def test_credit_after_caption_is_not_a_name():
    got = mentions_of("Troops near Kharkiv. Picture: Getty Images")
    assert [t for t, _k, _i in got] == ["Kharkiv"]


# --------------------------------------------------------------------------- hostile input


def _check_spans(doc: Document) -> None:
    last = -1
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.end


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("AbcKoreaNSU.'’-& \n(),:Mr") + ["Russia", "North Korea", "Mr ", "The ",
                                                                      "Healey", " said", "(NIS)", "'s "]),
                max_size=80).map("".join))
def test_arbitrary_text_gives_valid_spans(text):
    doc = extract(make_doc(text))
    _check_spans(doc)
    for e in doc.entities:
        assert e.mention_count >= 1


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_gives_valid_spans(text):
    _check_spans(extract(make_doc(text)))


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["Capital"] * 100_000),
        " ".join(f"Word{i % 97} Of" for i in range(20_000)),
        ("North Korea-Russia " * 30_000),
        "a" * 1_000_000,
        "e" + "\u0301" * 50_000,
        "a" * 30 + "!",
        "Mr " * 50_000,
    ],
    ids=["100k-capitalised", "connectors", "hyphen-pairs", "1MB-line", "combining", "short", "honorifics"],
)
def test_adversarial_inputs_complete(text):
    doc = extract(make_doc(text))
    _check_spans(doc)


def test_place_by_context_and_state_after_comma():
    got = dict((t, k) for t, k, _i in mentions_of(
        "The plant in Tuscaloosa, Alabama closed. A depot near Kramatorsk was hit. The firm is based in Cupertino."))
    assert got["Tuscaloosa"] == "GPE" and got["Alabama"] == "GPE"
    assert got["Kramatorsk"] == "GPE" and got["Cupertino"] == "GPE"


def test_heads_before_of_on_for_and_organisation_prefixes():
    got = dict((t, k) for t, k, _i in mentions_of(
        "Police Scotland and the Department for Education cited the European Convention on Human Rights."))
    assert got == {"Police Scotland": "ORG", "Department for Education": "ORG",
                   "European Convention on Human Rights": "LAW"}


def test_maker_and_model_number_is_a_product():
    doc = extract(make_doc("Airlines bought Boeing 737s and one Boeing 777-200LR. In 2008 Boeing sold 300 jets."))
    got = [(m.text, m.kind.value, m.entity_id) for m in doc.mentions]
    assert ("Boeing 737s", "PRODUCT", "product:boeing-737") in got
    assert ("Boeing 777-200LR", "PRODUCT", "product:boeing-777-200lr") in got
    assert ("Boeing", "ORG", "org:boeing") in got


def test_appositive_with_a_multi_word_role_and_an_organisation():
    doc = extract(make_doc("Satya Nadella, Microsoft's chief executive, welcomed it. Keir Starmer, the Prime Minister, "
                           "visited Leeds. The Prime Minister left early."))
    people = {e.id: e for e in doc.entities if e.kind is EntityKind.PERSON}
    assert people["person:satya-nadella"].attributes == {"role": "chief executive", "affiliation": "Microsoft"}
    assert people["person:keir-starmer"].attributes["role"] == "Prime Minister"
    refs = [m.text for m in doc.mentions if m.entity_id == "person:keir-starmer"]
    assert refs == ["Keir Starmer", "Prime Minister"]  # the appositive itself is not a second mention


def test_sentence_initial_possessive_is_a_name():
    got = mentions_of("Tesla's shares fell. Officials said little.")
    assert [(t, k) for t, k, _i in got] == [("Tesla", "ORG")]


def test_first_name_alone_and_offices_named_without_the():
    doc = extract(make_doc("Apple chief executive Steve Jobs spoke. \"Steve will continue,\" a colleague said. "
                           "Jobs asked Tim Cook to take over as Chief Executive. Mac OS X Lion ships soon. "
                           "The Chief Executive declined."))
    got = [(m.text, m.entity_id) for m in doc.mentions]
    assert ("Steve", "person:steve-jobs") in got and ("Jobs", "person:steve-jobs") in got
    # "as Chief Executive" names the office; "The Chief Executive" its one holder
    assert [i for t, i in got if t == "Chief Executive"] == ["person:steve-jobs"]
    assert not any(i.startswith("person:") and "Mac" in t for t, i in got)


def test_legal_form_is_not_part_of_the_company_id():
    doc = extract(make_doc("Globex Inc. sued Acme, Inc. on Monday. Later Globex dropped the case against Acme."))
    ids = {(m.text, m.entity_id) for m in doc.mentions}
    assert ("Globex Inc.", "org:globex") in ids and ("Globex", "org:globex") in ids
    assert ("Acme, Inc.", "org:acme") in ids and ("Acme", "org:acme") in ids
    e = [x for x in doc.entities if x.id == "org:globex"][0]
    assert e.name == "Globex" and "Globex Inc." in e.aliases


def test_head_before_a_complement_and_names_joined_by_and():
    got = mentions_of("The Institute for the Study of War (ISW) said so. The Cold War and World War II ended. "
                      "Securities and Exchange Commission staff and the Council on Foreign Relations met.")
    kinds = {t: (k, i) for t, k, i in got}
    assert kinds["Institute for the Study of War"] == ("ORG", "org:institute-for-the-study-of-war")
    assert kinds["ISW"] == ("ORG", "org:institute-for-the-study-of-war")
    assert kinds["Cold War"][0] == "EVENT" and kinds["World War II"][0] == "EVENT"
    assert kinds["Securities and Exchange Commission"][0] == "ORG"
    assert kinds["Council on Foreign Relations"][0] == "ORG"


def test_hyphenated_given_names_and_two_known_organisations():
    got = mentions_of("Han Duck-soo said nothing. A report by Amnesty International and Human Rights Watch "
                      "cited Gaza.")
    assert ("Han Duck-soo", "PERSON", "person:han-duck-soo") in got
    assert ("Amnesty International", "ORG", "org:amnesty-international") in got
    assert ("Human Rights Watch", "ORG", "org:human-rights-watch") in got


def test_places_that_are_first_names():
    got = mentions_of("Vladimir Putin said so. Sofia Coppola filmed in Sofia.")
    assert ("Vladimir Putin", "PERSON", "person:vladimir-putin") in got
    assert ("Sofia Coppola", "PERSON", "person:sofia-coppola") in got
    assert ("Sofia", "GPE", "gpe:sofia") in got


def test_first_name_then_place_named_surname_is_a_person():
    got = mentions_of("Author Jack London met George Washington in London.")
    assert ("Jack London", "PERSON", "person:jack-london") in got
    assert ("George Washington", "PERSON", "person:george-washington") in got
    assert ("London", "GPE", "gpe:london") in got


_CAP_PIECES = list("aAbBzZéÉ-'’.&_1 \n\t,;:()\"“”ßİıǅ😀𝐀١²Ⅳ") + ["\udcff", "al-", "ibn-", "iPhone", "U.S.", "Korea"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CAP_PIECES), max_size=40).map("".join), st.integers(0, 45), st.integers(0, 45))
def test_fast_capitalised_word_scan_equals_the_look_behind_form(text, lo, hi):
    # _cap_matches scans from capital letters (so the regex engine can skip ahead) instead
    # of trying _CAP's look-behind everywhere; it must find exactly _CAP's words for any bounds.
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    expected = [(m.start(), m.end(), m.group()) for m in E._CAP.finditer(text, lo, hi)]
    assert [(m.start(), m.end(), m.group()) for m in E._cap_matches(text, lo, hi)[0]] == expected


def test_fast_capitalised_word_scan_on_words_after_every_kind_of_character():
    text = "Apple 😀Bc 𝐀Bc \udcffDe al-Assad xal-Bc _Fg 1Hi ١Jk ²Lm iPhone U.S.-Korea Corp.Apple"
    expected = [(m.start(), m.end()) for m in E._CAP.finditer(text)]
    assert [m.span() for m in E._cap_matches(text, 0, len(text))[0]] == expected
    assert ("Assad" not in [m.group() for m in E._cap_matches(text, 0, len(text))[0]])  # "al-Assad" is one word


def test_capital_first_scan_merges_lower_case_forms_like_the_reference_at_every_bound():
    # _cap_matches finds words at their capitals and marks the capitals of lower-case forms
    # ("iPhone", "al-Assad"), which take the place of the capital-first words inside them
    # (none inside an earlier word): every start and end of the range must give _CAP's words.
    texts = ["Foo.al-Assad said", "iPhone-Pro and eBay", "x-al-Bc ash-Sharq", "abCd McDonald iOS",
             "iPhone-eBay al-iPhone", "an-Nur bin-Laden ibn-Saud abu-Bakr el-Sisi ad-Din as-Sadr"]
    for text in texts:
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                expected = [(m.start(), m.end()) for m in E._CAP.finditer(text, lo, hi)]
                words, starts = E._cap_matches(text, lo, hi)
                assert [m.span() for m in words] == expected, (text, lo, hi)
                assert starts == [s for s, _e in expected]


def test_empty_blocks_at_the_end_of_a_text_give_no_mentions_and_no_error():
    """A reader (or a folded shadow copy) may leave an empty block where the text ends; the
    gazetteer matcher refuses a start at the very end, so the scan must not ask it."""
    from model.extract.entities import find_mentions
    from model.extract.sentences import split_sentences
    from model.kinds import BlockKind
    from model.schema import Block, Document

    for text, blocks in (("", [(0, 0)]), ("Seoul said so.", [(0, 14), (14, 14)])):
        doc = Document(id="x", path="x.txt", text=text,
                       blocks=[Block(kind=BlockKind.PARAGRAPH, start=s, end=e) for s, e in blocks])
        doc.sentences = split_sentences(doc)
        mentions = find_mentions(doc)
        assert all(0 <= m.start < m.end <= len(text) for m in mentions)
        if text:
            assert [m.text for m in mentions] == ["Seoul"]


def test_a_sentence_opening_word_that_heads_a_longer_name_and_is_never_lower_case_is_that_name():
    """'Quorvex unveils ...' at the start of the title, where the text also says 'Quorvex
    Computer' (an unknown name, an organisation only by default) and never 'quorvex'."""
    text = ("Quorvex unveils a folding tablet\n"
            "Quorvex Computer announced on Tuesday that the tablet would ship in March.\n"
            "Quorvex executives expect strong sales.")
    found = mentions_of(text, title=True)
    starts = [t for t, kind, _ in found if t == "Quorvex"]
    assert len(starts) == 2, found
    assert all(kind == "ORG" for t, kind, _ in found if t.startswith("Quorvex")), found


def test_a_sentence_opening_common_word_is_not_taken_for_the_head_of_a_name():
    """'Police' opens a sentence and 'Police Scotland' is named, but the text also says
    'police' in lower case: the opening word stays an ordinary word."""
    text = ("Police said the road was closed.\n"
            "Police Scotland confirmed that local police had found the car.")
    found = mentions_of(text)
    assert ("Police", "ORG") not in [(t, k) for t, k, _ in found], found


def test_an_unknown_name_with_a_lower_case_facility_head_is_one_facility():
    found = mentions_of("Flights left Heathrow airport on Monday. Crews flew from a Moscow airport "
                        "and Vorbek power plant was shut. Rooks visited Heathrow airports.")
    assert ("Heathrow airport", "FAC", "fac:heathrow-airport") in found, found
    assert ("Vorbek power plant", "FAC", "fac:vorbek-power-plant") in found, found
    assert ("Moscow", "GPE") in [(t, k) for t, k, _ in found], "a known place before the head stays a place"
    assert not any(t.startswith("Heathrow airports") for t, _, _ in found), "the head must end a word"


@pytest.mark.parametrize("sentence, name", [
    ("The minister arrived for talks, dpa reported.", "dpa"),
    ("Improving ties was on the agenda, AAP said.", "AAP"),
    ("The People's Daily said the launch went well.", "People's Daily"),
    ("Shares fell, the Daily Telegraph said.", "Daily Telegraph"),
])
def test_news_agencies_and_papers_are_organisations(sentence, name):
    assert (name, "ORG") in [(name_of(m), m.kind.value) for m in extract(make_doc(sentence)).mentions]


def test_a_nationality_word_used_as_a_noun_is_the_company_that_opens_with_it():
    doc = extract(make_doc("American Airlines parent AMR posted a profit. American's load factor was a record. "
                           "American reported a loss Wednesday. American officials said so."))
    found = [(m.text, m.kind.value, m.entity_id) for m in doc.mentions if m.text.startswith("American")]
    airline = found[0][2]
    assert found[1:] == [("American", "ORG", airline), ("American", "ORG", airline), ("American", "NORP", found[3][2])]
    assert found[3][2] != airline


def test_a_company_named_after_a_person_stays_the_company_alone():
    doc = extract(make_doc("Ford Motor Co. said it would cut 30,000 jobs. Chairman Bill Ford said the plan was needed. "
                           "Ford will close 14 plants. Mr. Ford added that it was hard."))
    assert [(m.text, m.kind.value) for m in doc.mentions if "Ford" in m.text] == [
        ("Ford Motor Co.", "ORG"), ("Bill Ford", "PERSON"), ("Ford", "ORG"), ("Mr. Ford", "PERSON")]
    # without the company named in full, the surname is the person's
    other = extract(make_doc("Former President Gerald Ford died on Tuesday. Ford was 93."))
    assert [m.kind.value for m in other.mentions if "Ford" in m.text] == ["PERSON", "PERSON"]


def test_a_title_case_headline_names_no_model_without_a_number():
    doc = extract(make_doc("Ford Slashes Jobs, Stock Rises\n\nFord said the Ford Fusion sold well."))
    assert [(m.text, m.kind.value) for m in doc.mentions][:1] == [("Ford", "ORG")]
    plane = extract(make_doc("First Airbus A380 Delivered\n\nThe plane flew to Sydney."))
    assert ("Airbus A380", "PRODUCT") in [(m.text, m.kind.value) for m in plane.mentions]


@pytest.mark.parametrize("sentence, arm", [
    ("Cole Brodman of T-Mobile USA spoke.", "T-Mobile USA"),
    ("GM Europe cut jobs.", "GM Europe"),
    ("Hyundai Motor America said sales rose.", "Hyundai Motor America"),
    ("Analysts at Lehman Brothers Japan said so.", "Lehman Brothers Japan"),
])
def test_an_organisation_then_a_country_names_its_arm_there(sentence, arm):
    assert (arm, "ORG") in [(m.text, m.kind.value) for m in extract(make_doc(sentence)).mentions]


def test_a_compass_mark_or_a_legal_end_before_a_country_joins_nothing():
    found = [(m.text, m.kind.value) for m in extract(make_doc(
        "Landslides hit SW China. Daiwa Securities SMBC Co. Ltd. Japan said so.")).mentions]
    assert ("China", "GPE") in found and ("Japan", "GPE") in found
