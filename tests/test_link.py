"""Corpus linking: one entity across documents, co-occurrence, capitals, related documents."""

from __future__ import annotations

from model import link as L
from model.read import read_path
from model.schema import Corpus
from tests.test_entities import extract, make_doc


def corpus_of(*texts: str) -> Corpus:
    docs = [extract(make_doc(t, doc_id=f"d{i}", title=True)) for i, t in enumerate(texts)]
    for d in docs:
        d.title = d.text.split("\n", 1)[0]
    return L.link_corpus(Corpus(documents=docs))


def ent(corpus: Corpus, eid: str):
    found = [e for e in corpus.entities if e.id == eid]
    assert found, f"{eid} not among {sorted(e.id for e in corpus.entities)}"
    return found[0]


def links(corpus: Corpus, kind: str) -> set[tuple[str, str]]:
    return {(l.source, l.target) for l in corpus.links if l.kind == kind}


def test_surname_in_another_document_is_the_same_person():
    c = corpus_of(
        "Defence talks\nDefence Secretary John Healey visited troops in Estonia.",
        "Commons debate\nMr Healey told MPs the plan would work. Healey left early.",
    )
    e = ent(c, "person:john-healey")
    assert e.documents == ["d0", "d1"]
    assert e.mention_count == 3
    assert {"Healey", "Mr Healey"} <= set(e.aliases)
    assert e.attributes["role"] == "Defence Secretary"
    assert all(e.id != "person:healey" for e in c.entities)
    d1 = c.documents[1]
    assert {m.entity_id for m in d1.mentions if "Healey" in m.text} == {"person:john-healey"}
    assert any(x.id == "person:john-healey" for x in d1.entities)


def test_ambiguous_surname_is_left_alone():
    c = corpus_of(
        "One\nAnalyst Mary Quinn spoke in Paris.",
        "Two\nSenator Paul Quinn spoke in Rome.",
        "Three\nMs Quinn spoke in Oslo.",
    )
    ids = {e.id for e in c.entities}
    assert {"person:mary-quinn", "person:paul-quinn", "person:quinn"} <= ids


def test_acronym_in_another_document_resolves_to_its_expansion():
    c = corpus_of(
        "One\nThe Federal Widget Authority (FWA) opened an inquiry into Globex Holdings.",
        "Two\nThe FWA fined Initech Holdings on Monday.",
    )
    e = ent(c, "org:federal-widget-authority")
    assert e.documents == ["d0", "d1"]
    assert "FWA" in e.aliases
    assert all(x.id != "org:fwa" for x in c.entities)


def test_capital_of_link_from_the_seed(seed_path):
    doc = extract(read_path(seed_path).documents[0])
    c = L.link_corpus(Corpus(documents=[doc]))
    cap = links(c, "capital-of")
    assert ("gpe:seoul", "gpe:south-korea") in cap
    assert ("gpe:pyongyang", "gpe:north-korea") in cap
    assert ("gpe:moscow", "gpe:russia") in cap
    # co-occurrence with evidence pointing at real sentences
    co = [l for l in c.links if l.kind == "co-occurs"
          and {l.source, l.target} == {"gpe:pyongyang", "gpe:moscow"}]
    assert co and co[0].weight >= 3
    for ev in co[0].evidence:
        sentence = doc.text[ev.start:ev.end]
        assert "Pyongyang" in sentence and "Moscow" in sentence
    # the seed's own entities all reach the corpus with their document
    assert ent(c, "person:john-healey").documents == [doc.id]


def test_related_documents_are_weighted_by_inverse_document_frequency():
    common = "Russia said the talks in Moscow would go on."
    c = corpus_of(
        f"Alpha\n{common} Analyst Anna Kowalczyk said the plan was weak.",
        f"Beta\n{common} Later analyst Anna Kowalczyk said it again.",
        f"Gamma\n{common} Nothing else happened.",
        f"Delta\n{common} Markets were quiet.",
        f"Epsilon\n{common} Rain fell.",
        f"Zeta\n{common} Snow fell.",
    )
    rel = links(c, "related-document")
    assert ("d0", "d1") in rel
    assert ("d2", "d3") not in rel and ("d4", "d5") not in rel
    link = [l for l in c.links if l.kind == "related-document" and (l.source, l.target) == ("d0", "d1")][0]
    assert link.weight > 0
    assert any(c.documents[0].text[e.start:e.end] == "Anna Kowalczyk" for e in link.evidence if e.doc_id == "d0")


def test_related_article_by_title():
    c = corpus_of(
        "Troops gather at the border\nRussia moved troops.\nRead more: Satellite images show new bases",
        "Satellite Images Show New Bases!\nImages from space show new bases in Belarus.",
        "Unrelated story\nNothing here.",
    )
    assert links(c, "related-article") == {("d0", "d1")}
    ev = [l for l in c.links if l.kind == "related-article"][0].evidence[0]
    assert c.documents[0].text[ev.start:ev.end] == "Satellite images show new bases"


def test_linking_is_deterministic_and_repeatable():
    texts = ("A\nJohn Healey met Emmanuel Macron in Paris.", "B\nMr Healey and Macron spoke in London.")
    a = corpus_of(*texts)
    b = corpus_of(*texts)
    assert [x.model_dump() for x in a.entities] == [x.model_dump() for x in b.entities]
    assert [x.model_dump() for x in a.links] == [x.model_dump() for x in b.links]
    again = L.link_corpus(a)
    assert [x.model_dump() for x in again.links] == [x.model_dump() for x in b.links]


def test_lookup_helpers():
    c = corpus_of("A\nJohn Healey met Emmanuel Macron in Paris.", "B\nMr Healey and Macron spoke in London.")
    idx = L.mention_index(c)
    for eid, places in idx.items():
        for doc_id, i in places:
            assert c.document(doc_id).mentions[i].entity_id == eid
    assert [d for d, _i in idx["person:john-healey"]] == ["d0", "d1"]
    co = dict(L.cooccurring(c, "person:john-healey"))
    assert co["person:emmanuel-macron"] == 2.0
    assert L.documents_of(c, "gpe:paris") == ["d0"]
    assert L.entity_index(c)["person:emmanuel-macron"].documents == ["d0", "d1"]
    assert [x[0] for x in L.related_documents(c, "d0")] == ["d1"]


def test_title_normalisation_ignores_case_punctuation_and_quotes():
    assert L.normalise_title("Kim Jong Un ‘fully enters’ Ukraine war!") == L.normalise_title("kim jong un 'fully enters' ukraine war")


def test_large_corpus_links(tmp_path):
    # many documents sharing one ubiquitous place and a few rarer names: completes, bounded
    texts = [f"Story {i}\nRussia and Ukraine met. Analyst Person{i % 50} Smithson{i % 50} said so." for i in range(400)]
    c = corpus_of(*texts)
    per_doc = {}
    for l in c.links:
        if l.kind == "related-document":
            per_doc[l.source] = per_doc.get(l.source, 0) + 1
    assert max(per_doc.values()) <= L.MAX_RELATED_PER_DOC
    assert not any(l.kind == "related-document" and l.evidence == [] for l in c.links)


def test_mentions_without_a_described_entity_still_reach_the_corpus():
    doc = extract(make_doc("Title\nJohn Healey met Emmanuel Macron in Paris.", doc_id="d0", title=True))
    doc.entities = []  # as if the profile step had failed
    c = L.link_corpus(Corpus(documents=[doc]))
    ids = {e.id for e in c.entities}
    assert {m.entity_id for m in doc.mentions} <= ids
    assert ent(c, "gpe:paris").mention_count == 1 and ent(c, "gpe:paris").documents == ["d0"]


def test_truncated_related_title_matches_by_prefix():
    c = corpus_of(
        "First story\nRead more: North Korea sends 3,000 troops to aid Russia as…",
        "North Korea sends 3,000 troops to aid Russia as Kim Jong Un enters the war\nTroops moved.",
    )
    assert links(c, "related-article") == {("d0", "d1")}


def test_a_make_in_one_story_is_not_a_person_named_in_another(tmp_path):
    from model.corpus import load_corpus

    (tmp_path / "a.txt").write_text("Plan\n\nJanuary 23, 2006\n\nChairman Bill Ford said the plan was needed.\n")
    (tmp_path / "b.txt").write_text("Deal\n\nNovember 14, 2007\n\nUnder the deal, Ford pulled back on plans to close plants.\n")
    corpus = load_corpus([tmp_path])
    b = next(d for d in corpus.documents if d.path.endswith("b.txt"))
    assert [(m.text, m.kind.value) for m in b.mentions if m.text == "Ford"] == [("Ford", "ORG")]
