"""Quotes and attributions: quote marks in any mix, speakers, reported claims, hostile text.

Documents are built by hand: paragraphs given as lists of sentences, so blocks and sentences
are exact and these tests do not depend on the reader, splitter or entity steps. Mentions are
added where a test needs the entity step's output.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from model.extract.quotes import MAX_PER_SENTENCE, find_attributions, find_quotes
from model.schema import Block, BlockKind, Document, Entity, EntityKind, Mention, Span

PERSON, ORG, NORP, GPE = EntityKind.PERSON, EntityKind.ORG, EntityKind.NORP, EntityKind.GPE


def build(paragraphs: list[list[str]], mentions=(), entities=()) -> Document:
    """A document of paragraphs (each a list of sentences joined by one space), blocks and
    sentences set exactly; ``mentions`` are (text, kind, entity id), marked at every
    occurrence."""
    text = ""
    blocks, sentences = [], []
    for p, para in enumerate(paragraphs):
        if p:
            text += "\n\n"
        start = len(text)
        for k, sentence in enumerate(para):
            if k:
                text += " "
            sentences.append(Span(start=len(text), end=len(text) + len(sentence)))
            text += sentence
        blocks.append(Block(kind=BlockKind.PARAGRAPH, start=start, end=len(text)))
    doc = Document(id="t", path="t.txt", text=text, blocks=blocks, sentences=sentences)
    for needle, kind, entity_id in mentions:
        for m in re.finditer(re.escape(needle), text):
            doc.mentions.append(Mention(entity_id=entity_id, kind=kind, start=m.start(), end=m.end(), text=needle))
    doc.mentions.sort(key=lambda m: m.start)
    doc.entities = list(entities)
    return doc


def quotes(doc: Document) -> list[tuple]:
    out = []
    for q in find_quotes(doc):
        if "\n" not in q.text:
            assert q.text == doc.text[q.start:q.end]
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker_text
        out.append((q.speaker, q.speaker_text, q.verb, q.text))
    return out


def attributions(doc: Document) -> list[tuple]:
    out = []
    for a in find_attributions(doc):
        assert a.text == doc.text[a.start:a.end]
        assert doc.text[a.source_start:a.source_end] == a.source_text
        out.append((a.source, a.source_text, a.cue))
    return out


HEALEY = [("John Healey", PERSON, "person:john-healey"), ("Mr Healey", PERSON, "person:john-healey")]

# --------------------------------------------------------------------------- quote marks


def test_mixed_curly_and_straight_marks_pair_up_and_descriptor_speaker_resolves():
    doc = build([
        ["If the conflict continues to escalate, offensive weapons like 155mm artillery shells could also "
         "be supplied, a senior presidential official indicated."],
        ["“While looking at scenarios by phases, defensive weapons support could be considered,\" the "
         "official said.", "\"And if it surpasses a limit, offensive weapons could also be considered in "
         "the end.”"],
    ])
    assert quotes(doc) == [
        ("a senior presidential official", "the official", "said",
         "While looking at scenarios by phases, defensive weapons support could be considered"),
        ("a senior presidential official", "the official", "said",
         "And if it surpasses a limit, offensive weapons could also be considered in the end."),
    ]
    first, second = find_quotes(doc)
    assert doc.text[first.start - 1] == "“" and doc.text[second.start - 1] == '"'
    assert doc.text[second.end] == "”"


def test_multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark():
    doc = build([
        ["Mr Healey said: “We will stand with Ukraine for as long as it takes."],
        ["“Our allies know that we mean it.”"],
        ["That was all."],
    ], mentions=HEALEY)
    (q,) = find_quotes(doc)
    assert q.text == "We will stand with Ukraine for as long as it takes.\nOur allies know that we mean it."
    assert doc.text[q.start:q.start + 7] == "We will" and doc.text[q.end - 8:q.end] == "mean it."
    assert (q.speaker, q.speaker_text, q.verb) == ("person:john-healey", "Mr Healey", "said")


def test_unclosed_quote_without_continuation_is_dropped_and_does_not_leak():
    doc = build([
        ["He said: \"this never closes and the paragraph ends"],
        ["Officials said: \"The next paragraph has its own quote.\""],
    ])
    assert [t for *_rest, t in quotes(doc)] == ["The next paragraph has its own quote."]


def test_stray_and_inch_marks_are_ignored():
    doc = build([["The 12\" gun fired twice.", "Nothing” here either.",
                  "Mr Healey said: \"The guns are ready for use.\""]], mentions=HEALEY)
    assert [t for *_rest, t in quotes(doc)] == ["The guns are ready for use."]


def test_scare_quotes_count_only_when_attributed():
    doc = build([
        ["British Defence Secretary John Healey branded the move \"shocking,\" and \"desperate.\""],
        ["The so-called \"reforms\" failed."],
    ], mentions=HEALEY)
    assert quotes(doc) == [
        ("person:john-healey", "John Healey", "branded", "shocking"),
        ("person:john-healey", "John Healey", "branded", "desperate."),
    ]


def test_unattributed_long_quotes_are_kept_without_a_speaker():
    doc = build([["The banner read \"No war in our name today\" over the square."]])
    assert quotes(doc) == [(None, None, None, "No war in our name today")]


# --------------------------------------------------------------------------- speakers


def test_speaker_before_the_quote_with_a_colon():
    doc = build([["Speaking in the Commons yesterday Mr Healey said: \"North Korean soldiers supporting "
                  "Russia's war of aggression on European soil - it is as shocking as it is desperate.\""]],
                mentions=HEALEY)
    ((speaker, speaker_text, verb, text),) = quotes(doc)
    assert (speaker, speaker_text, verb) == ("person:john-healey", "Mr Healey", "said")
    assert text.startswith("North Korean soldiers") and text.endswith("desperate.")


def test_told_the_commons():
    doc = build([["Mr Healey told the Commons: \"I suspect there is unanimity in this House.\""]], mentions=HEALEY)
    assert quotes(doc) == [("person:john-healey", "Mr Healey", "told", "I suspect there is unanimity in this House.")]


def test_speaker_after_the_quote_both_word_orders():
    doc = build([
        ["“We are ready to respond,” Mr Healey said."],
        ["“The threat is growing,” said Robert Wood."],
        ["\"Talks will continue,\" the minister added."],
    ], mentions=HEALEY + [("Robert Wood", PERSON, "person:robert-wood")])
    assert quotes(doc) == [
        ("person:john-healey", "Mr Healey", "said", "We are ready to respond"),
        ("person:robert-wood", "Robert Wood", "said", "The threat is growing"),
        ("the minister", "the minister", "added", "Talks will continue"),
    ]


def test_speaker_after_the_quote_with_an_apposition():
    doc = build([["\"We will not comment on the report,\" Maria Lopez, a spokeswoman for the ministry, said."]],
                mentions=[("Maria Lopez", PERSON, "person:maria-lopez")])
    assert quotes(doc) == [("person:maria-lopez", "Maria Lopez", "said", "We will not comment on the report")]


def test_inverted_speaker_with_a_name_after_the_description():
    doc = build([["\"It is a sad day for the country,\" said the prime minister, Keir Starmer."]],
                mentions=[("Keir Starmer", PERSON, "person:keir-starmer")])
    assert quotes(doc) == [("person:keir-starmer", "Keir Starmer", "said", "It is a sad day for the country")]


def test_a_name_and_a_colon_introduce_a_quote_but_other_colons_do_not():
    doc = build([["Zelensky: \"We will win this war\""], ["Read more: \"We will win this war\""]],
                mentions=[("Zelensky", PERSON, "person:zelensky")])
    assert [q[:3] for q in quotes(doc)] == [("person:zelensky", "Zelensky", None), (None, None, None)]


def test_described_as_with_an_apposition_names_the_subject():
    doc = build([["Robert Wood, the U.S. Ambassador to the United Nations, described the reports of North "
                  "Korean troops in Ukraine as a “dangerous and highly concerning development.”"]],
                mentions=[("Robert Wood", PERSON, "person:robert-wood"), ("United Nations", ORG, "org:un")])
    assert quotes(doc) == [("person:robert-wood", "Robert Wood", "described",
                            "dangerous and highly concerning development.")]


def test_apposition_without_mentions_still_finds_the_first_noun_phrase():
    doc = build([["Meanwhile, Kim Tae-hyo, South Korea’s deputy national security adviser, confirmed that "
                  "Seoul is considering \"phased measures\" in response."]])
    assert quotes(doc) == [("Kim Tae-hyo", "Kim Tae-hyo", "confirmed", "phased measures")]


def test_pronoun_speaker_is_the_most_recent_person_mention():
    doc = build([
        ["Rachel Reeves met John Healey in London."],
        ["\"We discussed the budget at length,\" he said."],
        ["Mr Healey said he met \"3 Scots together with instructors\" which she added illustrates \"the way "
         "the UK is leading\"."],
    ], mentions=HEALEY + [("Rachel Reeves", PERSON, "person:rachel-reeves")])
    got = quotes(doc)
    assert got[0] == ("person:john-healey", "he", "said", "We discussed the budget at length")
    # "she" also means the most recent PERSON mention: recency only, no gender.
    assert got[1][:3] == ("person:john-healey", "she", "added")
    assert got[2][:3] == ("person:john-healey", "she", "added")


def test_pronoun_skips_people_named_inside_quotes():
    doc = build([["Mr Healey arrived late.", "\"I met Vladimir Putin once, years ago,\" he said."]],
                mentions=HEALEY + [("Vladimir Putin", PERSON, "person:vladimir-putin")])
    assert quotes(doc)[0][:2] == ("person:john-healey", "he")


def test_pronoun_with_no_person_before_it_has_no_speaker_entity():
    doc = build([["\"The plan is working well now,\" she said."]])
    assert quotes(doc) == [(None, "she", "said", "The plan is working well now")]


def test_according_to():
    doc = build([["\"The troops have already crossed the border,\" according to Seoul's spy agency."]],
                mentions=[("Seoul", GPE, "gpe:seoul")])
    # "Seoul" is inside the phrase but is not the agency: the speaker stays a description.
    assert quotes(doc) == [("Seoul's spy agency", "Seoul's spy agency", "according to",
                            "The troops have already crossed the border")]


def test_speaker_is_the_entity_when_a_mention_holds_the_phrase_head():
    doc = build([["\"We will report every movement,\" said Yonhap News Agency."]],
                mentions=[("Yonhap News Agency", ORG, "org:yonhap")])
    assert quotes(doc)[0][:2] == ("org:yonhap", "Yonhap News Agency")


def test_definite_role_resolves_to_the_entity_holding_it():
    healey = Entity(id="person:john-healey", kind=PERSON, name="John Healey",
                    attributes={"role": "Defence Secretary"})
    doc = build([["The Defence Secretary told MPs: \"We must act alongside Nato and other allies.\""]],
                entities=[healey])
    assert quotes(doc)[0][:3] == ("person:john-healey", "The Defence Secretary", "told")


def test_next_paragraph_quote_continues_the_previous_speaker():
    doc = build([
        ["\"We have met the soldiers taking part,\" Mr Healey said."],
        ["\"They are learning fast and they are brave.\""],
        ["Officials were unavailable."],
        ["\"This one has nobody speaking in it at all.\""],
    ], mentions=HEALEY)
    got = quotes(doc)
    assert got[1] == ("person:john-healey", "Mr Healey", "said", "They are learning fast and they are brave.")
    assert got[2][0] is None  # a paragraph between: no continuation


def test_passive_said_names_no_speaker():
    doc = build([["The soldiers are said to be \"ready for anything now\" by their commanders."]])
    assert quotes(doc) == [(None, None, None, "ready for anything now")]


def test_nouns_that_look_like_verbs_are_not_cues():
    doc = build([["Officials dismissed the reports as \"pure fantasy and nothing more\"."]])
    assert quotes(doc) == [(None, None, None, "pure fantasy and nothing more")]


# --------------------------------------------------------------------------- attributions


def test_attribution_cues():
    doc = build([
        ["About 1,500 North Korean soldiers have already arrived in Russia, according to Seoul's spy agency."],
        ["The move follows reports from Seoul's National Intelligence Service (NIS) that North Korea has "
         "sent an elite unit to Russia."],
        ["South Korean officials have confirmed that around 1,500 North Korean soldiers were deployed."],
        ["A South Korean government source, quoted by Yonhap News Agency, said that officials are now "
         "considering sending intelligence officers."],
        ["If the conflict continues to escalate, offensive weapons could also be supplied, a senior "
         "presidential official indicated."],
    ], mentions=[("Yonhap News Agency", ORG, "org:yonhap"), ("South Korean", NORP, "norp:south-korean"),
                 ("Seoul", GPE, "gpe:seoul")])
    assert attributions(doc) == [
        ("Seoul's spy agency", "Seoul's spy agency", "according to"),
        ("Seoul's National Intelligence Service (NIS)", "Seoul's National Intelligence Service (NIS)", "reports from"),
        ("South Korean officials", "South Korean officials", "confirmed"),
        ("A South Korean government source", "A South Korean government source", "said"),
        ("org:yonhap", "Yonhap News Agency", "quoted by"),
        ("a senior presidential official", "a senior presidential official", "indicated"),
    ]
    claims = find_attributions(doc)
    assert claims[0].text == doc.text[doc.blocks[0].start:doc.blocks[0].end]


def test_reported_speech_without_that_and_with_an_object():
    healey = Entity(id="person:john-healey", kind=PERSON, name="John Healey", attributes={"role": "Defence Secretary"})
    doc = build([
        ["Officials said the troops had arrived."],
        ["Officials in Kyiv said at least 12 people were killed."],
        ["The Defence Secretary also told MPs he had met soldiers on Sunday."],
        ["Police told reporters on Monday that two men were held."],
    ], entities=[healey])
    assert attributions(doc) == [
        ("Officials", "Officials", "said"),
        ("Officials in Kyiv", "Officials in Kyiv", "said"),
        ("person:john-healey", "The Defence Secretary", "told"),
        ("Police", "Police", "told"),
    ]


def test_participle_reports_the_claim_of_the_sentence_subject():
    doc = build([["Moscow, while downplaying the reports, has defended its growing military cooperation with "
                  "Pyongyang, insisting that it does not pose a threat to South Korea’s security."]],
                mentions=[("Moscow", GPE, "gpe:moscow"), ("Pyongyang", GPE, "gpe:pyongyang")])
    assert attributions(doc) == [("gpe:moscow", "Moscow", "insisting")]


def test_direct_quotes_and_passives_are_not_attributions():
    doc = build([
        ["Mr Healey said: \"We will act now.\""],
        ["\"It is over,\" the minister said."],
        ["“We have no plans to change course,” a spokesperson told reporters."],
        ["\"I think we can do a deal,\" Mr Healey told reporters on the plane."],
        ["The soldiers are said to be training in the east."],
        ["Officials have characterised the deployment as \"large scale\"."],
        ["He emphasised the growing alliance as a troubling signal."],
    ], mentions=HEALEY)
    assert attributions(doc) == []


def test_pronoun_source_resolves_like_a_speaker():
    doc = build([["Rachel Reeves spoke first.", "She confirmed that the budget would rise."]],
                mentions=[("Rachel Reeves", PERSON, "person:rachel-reeves")])
    assert attributions(doc) == [("person:rachel-reeves", "She", "confirmed")]


def test_subject_phrase_runs_through_prepositions_to_its_head():
    doc = build([
        ["The phone has not been a problem for others, said Mike Gikas of Consumer Reports."],
        ["Louis Gallois of Airbus said the company would cut jobs."],
        ["Representatives at several stores in the United States said the phones sold out."],
        ["A statement from Apple Computer stated that the two firms disagree."],
    ], mentions=[("Consumer Reports", ORG, "org:consumer-reports"), ("Airbus", ORG, "org:airbus"),
                 ("Louis Gallois", PERSON, "person:louis-gallois"), ("United States", GPE, "gpe:us"),
                 ("Apple Computer", ORG, "org:apple")])
    assert attributions(doc) == [
        ("Mike Gikas of Consumer Reports", "Mike Gikas of Consumer Reports", "said"),
        ("person:louis-gallois", "Louis Gallois", "said"),
        ("Representatives at several stores in the United States",
         "Representatives at several stores in the United States", "said"),
        ("org:apple", "Apple Computer", "a statement from"),  # one claim per source and sentence
    ]


def test_apposition_prefers_a_name_over_a_description():
    doc = build([["An aerospace analyst, Richard Aboulafia, said that the test flight will help."],
                 ["Irish low cost airline, Ryanair, announced today that it is buying jets."]],
                mentions=[("Richard Aboulafia", PERSON, "person:richard-aboulafia"), ("Ryanair", ORG, "org:ryanair")])
    assert [a[0] for a in attributions(doc)] == ["person:richard-aboulafia", "org:ryanair"]


def test_time_expressions_adverbs_and_relative_who_between_subject_and_verb():
    doc = build([
        ["Boeing last November announced that the freighter would fly."],
        ["The growth is partially explained by the new phone."],
        ["The view is offered by Charles O'Reilly, a management expert, who stated that companies rarely last."],
    ], mentions=[("Boeing", ORG, "org:boeing")])
    doc.timexes = []
    from model.schema import Timex, TimexType

    i = doc.text.index("last November")
    doc.timexes.append(Timex(start=i, end=i + 13, text="last November", type=TimexType.DATE, value="2023-11"))
    assert attributions(doc) == [
        ("org:boeing", "Boeing", "announced"),
        ("a management expert", "a management expert", "stated"),
    ]


def test_capitalised_names_are_not_verbs_and_roles_must_be_unique():
    first = Entity(id="person:a", kind=PERSON, name="A", attributes={"role": "CEO"})
    second = Entity(id="person:b", kind=PERSON, name="B", attributes={"role": "CEO"})
    doc = build([["The phone lost its rating from Consumer Reports."],
                 ["The CEO said that sales rose."]], entities=[first, second])
    assert attributions(doc) == [("The CEO", "The CEO", "said")]


# --------------------------------------------------------------------------- properties and hostile text

_PIECES = st.sampled_from(["\"", "“", "”", " ", "\n", ",", ".", ":", "he said", "said", "according to ",
                           "the official", "Mr Healey", "a senior official", "(", ")", "that", " told ",
                           "word", "Word", "’s", "U.S.", "reports from"])


@st.composite
def random_docs(draw):
    text = "".join(draw(st.lists(_PIECES, max_size=60)))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=6)))
    bounds = [0, *cuts, n]
    blocks = [Block(kind=draw(st.sampled_from(list(BlockKind))), start=a, end=b)
              for a, b in zip(bounds, bounds[1:]) if b > a]
    scuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    sb = [0, *scuts, n]
    sentences = [Span(start=a, end=b) for a, b in zip(sb, sb[1:]) if b > a]
    mentions = []
    for _ in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        mentions.append(Mention(entity_id=f"e:{a}", kind=draw(st.sampled_from([PERSON, ORG])), start=a, end=b,
                                text=text[a:b]))
    return Document(id="r", path="r.txt", text=text, blocks=draw(st.sampled_from([blocks, []])),
                    sentences=draw(st.sampled_from([sentences, []])), mentions=mentions)


@given(random_docs())
@settings(max_examples=300, deadline=None)
def test_any_document_gives_valid_quotes_and_attributions(doc):
    n = len(doc.text)
    for q in find_quotes(doc):
        assert 0 <= q.start < q.end <= n
        if "\n" not in q.text:
            assert q.text == doc.text[q.start:q.end]
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= n
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker_text
    for a in find_attributions(doc):
        assert 0 <= a.start <= a.end <= n and a.text == doc.text[a.start:a.end]
        assert 0 <= a.source_start <= a.source_end <= n
        assert doc.text[a.source_start:a.source_end] == a.source_text


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_without_structure(text):
    doc = Document(id="t", path="t.txt", text=text)
    for q in find_quotes(doc):
        assert 0 <= q.start < q.end <= len(text)
    for a in find_attributions(doc):
        assert a.text == text[a.start:a.end]


def test_adversarial_text_completes():
    parts = [
        "(" * 5000,
        "\"" * 10000,
        "“" * 10000,
        "” x" * 5000,
        " the official said \"a b c\"" * 5000,
        " he said that" * 20000,
        " according to" * 20000,
        " Officials, officials, officials," * 5000,
        "a" * 1_000_000,
    ]
    # The huge sentence is not the whole text, so each claim's text would be a real copy.
    text = "Intro. " + " ".join(parts)
    doc = Document(id="h", path="h.txt", text=text,
                   blocks=[Block(kind=BlockKind.PARAGRAPH, start=0, end=len(text))],
                   sentences=[Span(start=0, end=6), Span(start=7, end=len(text))])
    qs = find_quotes(doc)
    assert qs and all(0 <= q.start < q.end <= len(text) for q in qs)
    claims = find_attributions(doc)
    assert 0 < len(claims) <= MAX_PER_SENTENCE


# --------------------------------------------------------------------------- the real pipeline


def test_seed_through_the_real_pipeline(seed_path):
    from model.corpus import load_corpus

    (doc,) = load_corpus([seed_path]).documents
    by_text = {q.text: q for q in doc.quotes}

    def entity_at(needle: str) -> str:
        i = doc.text.index(needle)
        for m in doc.mentions:
            if m.start <= i < m.end:
                return m.entity_id
        return needle

    wood = by_text["dangerous and highly concerning development."]
    assert wood.speaker == entity_at("Robert Wood") and wood.verb == "described"
    official = [q for q in doc.quotes if q.speaker == "a senior presidential official"]
    assert [q.text[:13] for q in official] == ["While looking", "And if it sur"]
    assert by_text["shocking"].speaker == by_text["desperate."].speaker == entity_at("John Healey")
    for q in doc.quotes:
        assert q.text == doc.text[q.start:q.end]
    cues = {(a.cue, a.source_text) for a in doc.attributions}
    assert ("according to", "Seoul's spy agency") in cues
    assert ("quoted by", "Yonhap News Agency") in cues
    assert ("indicated", "a senior presidential official") in cues


# --------------------------------------------------------------------------- shared tokens


@given(st.text(alphabet="ab .,'’-\"“”U.S\n()_1Ⓐ\u00a0&", max_size=120), st.integers(0, 120),
       st.integers(0, 120))
@settings(max_examples=300, deadline=None)
def test_window_tokens_match_tokenising_the_window_alone(text, lo, hi):
    """The rules read windows sliced from one tokenisation of the document; a window that cuts
    a word must still give exactly the tokens of that window read on its own."""
    from model.extract import quotes as q

    d = q._Doc(Document(id="t", path="t.txt", text=text))
    raws = q._raw_quotes(d)
    d.quote_spans = [(r.open, r.close + 1) for r in raws]
    d.quote_span_starts = [s for s, _ in d.quote_spans]
    lo, hi = min(lo, len(text)), min(hi, len(text))
    for skip in (True, False):
        expected = [(m.start(), m.end(), m.group()) for m in q._TOKEN.finditer(text, lo, hi)
                    if not (skip and d.in_quote(m.start(), m.end()))]
        assert [t[:3] for t in d.tokens(lo, hi, skip)] == expected  # (start, end, text)


def test_tokens_of_one_document_do_not_leak_into_the_next():
    a = build([["Officials said that the troops had arrived."]], mentions=[("Officials", ORG, "o")])
    b = build([["The minister told reporters that talks would resume."]])
    first = attributions(b)
    attributions(a)
    assert attributions(b) == first
    assert first and first[0][1] == "The minister"


# --------------------------------------------------------------------------- shortcuts


# Cue words, a "that", marks and names, so that random sentences often hold a cue.
_CUE_WORDS = st.sampled_from(
    "said says told announced insisting according to a report by statement from that officials "
    "Officials he the minister , . ; \" “ ” ( ) Said SAID sAid ANNOUNCED indicated".split())


@given(st.lists(st.lists(_CUE_WORDS, min_size=1, max_size=14), min_size=1, max_size=4),
       st.sampled_from([" ", "  ", "\n", " \u00a0"]))
@settings(max_examples=300, deadline=None)
def test_skipped_sentences_report_nothing(sentences, space):
    """find_attributions reads only sentences holding a cue word that may start a rule (found
    by one scan of the text); every other sentence, read in full, gives nothing."""
    from model.extract import quotes as q

    text, spans = "", []
    for words in sentences:
        if text:
            text += space
        start = len(text)
        text += space.join(words)
        spans.append(Span(start=start, end=len(text)))
    doc = Document(id="t", path="t.txt", text=text,
                   blocks=[Block(kind=BlockKind.PARAGRAPH, start=0, end=len(text))], sentences=spans)
    found = find_attributions(doc)
    d = q._Doc(doc)
    d.set_quotes(q._raw_quotes(d))
    every = [a for s in d.sentences for a in q._sentence_attributions(d, *s)]
    every.sort(key=lambda a: (a.start, a.source_start))
    assert [a.model_dump() for a in found] == [a.model_dump() for a in every]


@given(st.lists(st.sampled_from(["said", "Said", "SAID", "tolD", "according", "ac\u212anowledged", "\u0130",
                                 "x", "_", "1", " ", ",", ".", "'", "“"]), max_size=20))
@settings(max_examples=300, deadline=None)
def test_cue_scan_finds_every_cue_token(pieces):
    """The one-pass scan for cue words finds every token that lower-cases to one, also when
    lower-casing changes the text's length ("İ") or maps a non-ASCII letter to ASCII (the
    Kelvin sign)."""
    from model.extract import quotes as q

    text = "".join(pieces)
    words = q._filter_words()
    hits = set(q._word_hits(text))
    for m in q._TOKEN.finditer(text):
        if m.group().lower() in words:
            assert m.span() in hits


@given(st.text(alphabet="ab \"“”'\n", max_size=60))
@settings(max_examples=200, deadline=None)
def test_mark_offsets_are_the_pattern_matches(text):
    from model.extract import quotes as q

    assert q._mark_offsets(text) == [m.start() for m in q._MARK.finditer(text)]


def test_a_sentence_of_many_idle_cue_words_is_read_once():
    """Claim verbs with no "that" after them and not closing the sentence report nothing; the
    sentence is looked at once for all of them, not once per word (a megabyte sentence of them
    would otherwise take hours)."""
    text = "Officials" + " announced it" * 80000
    doc = Document(id="h", path="h.txt", text=text,
                   blocks=[Block(kind=BlockKind.PARAGRAPH, start=0, end=len(text))],
                   sentences=[Span(start=0, end=len(text))])
    assert find_attributions(doc) == []
    claimed = text + " that talks would resume."
    doc = Document(id="h", path="h.txt", text=claimed,
                   blocks=[Block(kind=BlockKind.PARAGRAPH, start=0, end=len(claimed))],
                   sentences=[Span(start=0, end=len(claimed))])
    # The verbs a "that" follows within reach report a claim of "it".
    assert {(a.cue, a.source_text) for a in find_attributions(doc)} == {("announced", "it")}


# --------------------------------------------------------------------------- single quote marks


def test_single_quoted_speech_is_read_in_paragraphs_without_double_marks():
    doc = build([["Mr Healey said: 'We will stand with Ukraine for as long as it takes.'"],
                 ["'We're not going anywhere,' John Healey added."],
                 ["‘Our support will not waver,’ Mr Healey told the Commons."]],
                mentions=HEALEY)
    assert quotes(doc) == [
        ("person:john-healey", "Mr Healey", "said", "We will stand with Ukraine for as long as it takes."),
        ("person:john-healey", "John Healey", "added", "We're not going anywhere"),
        ("person:john-healey", "Mr Healey", "told", "Our support will not waver"),
    ]


def test_apostrophes_elided_years_and_nested_single_marks_are_not_quotes():
    doc = build([["The players' union said the '90s were Britain's best years for the club."],
                 ['Mr Healey said: "They called it a ' + "'special operation'" + ' and we did not agree."']],
                mentions=HEALEY)
    found = quotes(doc)
    assert [q[3] for q in found] == ["They called it a 'special operation' and we did not agree."]


def test_a_short_single_quoted_phrase_is_kept_only_when_somebody_says_it():
    """As with double marks: a scare quote alone is dropped; 'X described A as a ...' keeps it."""
    assert quotes(build([["The deployment marks a 'shift' in the war."]])) == []
    doc = build([["Officials described the deployment as a 'shift' in the war."]])
    assert quotes(doc) == [("Officials", "Officials", "described", "shift")]


def test_a_quoted_title_with_nobody_saying_it_is_not_speech():
    doc = build([["A TV movie, 'High School Musical Sources' from Disney, is on sale."],
                 ['Apple held its "Back to the Mac" event on Wednesday.'],
                 ['Mr Healey said: "Back to Work Now."']], mentions=HEALEY)
    assert quotes(doc) == [("person:john-healey", "Mr Healey", "said", "Back to Work Now.")]
