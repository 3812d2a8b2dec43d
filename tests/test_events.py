"""Timeline events: TimeML values to calendar ranges, dated sentences, cross-document order.

Documents are built by hand (text, blocks, sentences, mentions, timexes set directly) so these
tests do not depend on the splitter, entity or timex steps.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.extract.events import MAX_PER_SENTENCE, chronological_key, find_events, sort_events, value_range
from model.schema import (
    Block, BlockKind, Document, EntityKind, Event, Mention, Precision, Span, Timex, TimexType,
)

D = date

# --------------------------------------------------------------------------- value_range


@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2024", None, (D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR)),
        ("2024-02", None, (D(2024, 2, 1), D(2024, 2, 29), Precision.MONTH)),  # leap year
        ("2023-02", None, (D(2023, 2, 1), D(2023, 2, 28), Precision.MONTH)),
        ("2024-10-22", None, (D(2024, 10, 22), D(2024, 10, 22), Precision.DAY)),
        ("2024-10-22T07:54", None, (D(2024, 10, 22), D(2024, 10, 22), Precision.MINUTE)),
        ("2024-10-22T07:54:10+01:00", None, (D(2024, 10, 22), D(2024, 10, 22), Precision.MINUTE)),
        ("2024-10-22T14", None, (D(2024, 10, 22), D(2024, 10, 22), Precision.MINUTE)),
        ("2024-10-22TMO", None, (D(2024, 10, 22), D(2024, 10, 22), Precision.DAY)),
        ("2024-W43", None, (D(2024, 10, 21), D(2024, 10, 27), Precision.WEEK)),
        ("2024-W01", None, (D(2024, 1, 1), D(2024, 1, 7), Precision.WEEK)),
        ("2020-W53", None, (D(2020, 12, 28), D(2021, 1, 3), Precision.WEEK)),  # ISO week across years
        ("2024-W43-WE", None, (D(2024, 10, 26), D(2024, 10, 27), Precision.WEEK)),
        ("2024-Q1", None, (D(2024, 1, 1), D(2024, 3, 31), Precision.QUARTER)),
        ("2024-Q4", None, (D(2024, 10, 1), D(2024, 12, 31), Precision.QUARTER)),
        ("2024-H1", None, (D(2024, 1, 1), D(2024, 6, 30), Precision.YEAR)),
        ("2024-H2", None, (D(2024, 7, 1), D(2024, 12, 31), Precision.YEAR)),
        ("2024-SP", None, (D(2024, 3, 1), D(2024, 5, 31), Precision.SEASON)),
        ("2024-SU", None, (D(2024, 6, 1), D(2024, 8, 31), Precision.SEASON)),
        ("2024-FA", None, (D(2024, 9, 1), D(2024, 11, 30), Precision.SEASON)),
        ("2023-WI", None, (D(2023, 12, 1), D(2024, 2, 29), Precision.SEASON)),  # into a leap February
        ("199", None, (D(1990, 1, 1), D(1999, 12, 31), Precision.DECADE)),
        ("19", None, (D(1900, 1, 1), D(1999, 12, 31), Precision.CENTURY)),
        # a fiscal year ends in the year it is named by, its first month unknown: every day it may cover
        ("FY2009", None, (D(2008, 1, 1), D(2009, 12, 31), Precision.YEAR)),
        ("FY2009-Q1", None, (D(2008, 1, 1), D(2009, 3, 31), Precision.QUARTER)),
        ("FY2009-Q4", None, (D(2008, 10, 1), D(2009, 12, 31), Precision.QUARTER)),
        ("PAST_REF", None, (None, None, Precision.PAST)),
        ("PRESENT_REF", None, (None, None, Precision.PRESENT)),
        ("FUTURE_REF", None, (None, None, Precision.FUTURE)),
    ],
)
def test_value_range_forms(value, mod, expected):
    assert value_range(value, mod) == expected


@pytest.mark.parametrize(
    ("value", "mod", "lo", "hi"),
    [
        ("2025", "START", D(2025, 1, 1), D(2025, 4, 30)),
        ("2025", "MID", D(2025, 5, 1), D(2025, 8, 31)),
        ("2025", "END", D(2025, 9, 1), D(2025, 12, 31)),
        ("2024-10", "START", D(2024, 10, 1), D(2024, 10, 10)),
        ("2024-10", "MID", D(2024, 10, 11), D(2024, 10, 21)),
        ("2024-10", "END", D(2024, 10, 22), D(2024, 10, 31)),
        ("2024-Q4", "END", D(2024, 12, 1), D(2024, 12, 31)),
        ("199", "START", D(1990, 1, 1), D(1992, 12, 31)),
        ("199", "MID", D(1993, 1, 1), D(1996, 12, 31)),
        ("199", "END", D(1997, 1, 1), D(1999, 12, 31)),
        ("2024-W43", "START", D(2024, 10, 21), D(2024, 10, 22)),
        ("2024-10-22", "END", D(2024, 10, 22), D(2024, 10, 22)),  # one day cannot narrow
        ("2024-W43-WE", "END", D(2024, 10, 26), D(2024, 10, 27)),  # two days: left as is
        ("2025", "APPROX", D(2025, 1, 1), D(2025, 12, 31)),  # other mods keep the range
        ("2025", "BEFORE", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_value_range_mods_narrow_to_thirds(value, mod, lo, hi):
    got_lo, got_hi, _precision = value_range(value, mod)
    assert (got_lo, got_hi) == (lo, hi)


def test_value_range_thirds_cover_the_whole_range_without_gaps():
    for value in ("2025", "2024-02", "2024-10", "2024-Q2", "199", "19", "2024-W10", "2024-SU"):
        lo, hi, _ = value_range(value)
        s_lo, s_hi, _ = value_range(value, "START")
        m_lo, m_hi, _ = value_range(value, "MID")
        e_lo, e_hi, _ = value_range(value, "END")
        assert (s_lo, e_hi) == (lo, hi), value
        assert (s_hi - m_lo).days == -1 and (m_hi - e_lo).days == -1, value


@pytest.mark.parametrize("value", ["", "XXXX-XX-XX", "XXXX-10", "P3W", "PT2H", "2024-13", "2024-02-30", "FYXXXX-Q1", "FY0001",
                                   "2024-W54", "T07:54", "2024-10-22T25:00", "0000", "2024-Q5",
                                   "20241022", "2024-10-22 junk"])
def test_value_range_unknown_forms(value):
    assert value_range(value) == (None, None, Precision.UNKNOWN)


@given(st.text(max_size=30), st.sampled_from([None, "START", "MID", "END", "APPROX"]))
@settings(max_examples=300, deadline=None)
def test_value_range_never_raises_and_ranges_are_ordered(value, mod):
    lo, hi, precision = value_range(value, mod)
    assert isinstance(precision, Precision)
    assert (lo is None) == (hi is None)
    if lo is not None:
        assert lo <= hi


# --------------------------------------------------------------------------- find_events

SEED_LIKE = (
    "23 October 2024, 07:54\n\n"
    "South Korean officials have confirmed that around 1,500 North Korean soldiers were deployed "
    "earlier this month to support Moscow's war efforts, with a total of 12,000 expected to be "
    "sent in the coming weeks. Mr Healey spoke on Monday.\n\n"
    "The programme has been extended to at least the end of 2025 over three weeks."
)


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def _timex(text, needle, type_, value, mod=None):
    s, e = _find(text, needle)
    return Timex(start=s, end=e, text=text[s:e], type=type_, value=value, mod=mod)


def _mention(text, needle, kind, entity_id, nth=0):
    s, e = _find(text, needle, nth)
    return Mention(entity_id=entity_id, kind=kind, start=s, end=e, text=text[s:e])


def seed_like_doc(doc_id: str = "seed") -> Document:
    text = SEED_LIKE
    p1 = text.index("South Korean")
    p2 = text.index("The programme")
    s2 = text.index("Mr Healey")
    doc = Document(
        id=doc_id, path=f"{doc_id}.txt", text=text,
        published=datetime(2024, 10, 23, 7, 54, tzinfo=timezone.utc),
        blocks=[
            Block(kind=BlockKind.DATELINE, start=0, end=22),
            Block(kind=BlockKind.PARAGRAPH, start=p1, end=p2 - 2),
            Block(kind=BlockKind.PARAGRAPH, start=p2, end=len(text)),
        ],
        sentences=[Span(start=0, end=22), Span(start=p1, end=s2 - 1), Span(start=s2, end=p2 - 2),
                   Span(start=p2, end=len(text))],
    )
    doc.mentions = [
        _mention(text, "South Korean", EntityKind.NORP, "norp:south-korean"),
        _mention(text, "North Korean", EntityKind.NORP, "norp:north-korean"),
        _mention(text, "Moscow", EntityKind.GPE, "gpe:moscow"),
        _mention(text, "Mr Healey", EntityKind.PERSON, "person:john-healey"),
    ]
    doc.timexes = [
        _timex(text, "23 October 2024, 07:54", TimexType.TIME, "2024-10-23T07:54"),
        _timex(text, "earlier this month", TimexType.DATE, "2024-10"),
        _timex(text, "in the coming weeks", TimexType.DATE, "FUTURE_REF"),
        _timex(text, "Monday", TimexType.DATE, "2024-10-21"),
        _timex(text, "the end of 2025", TimexType.DATE, "2025", mod="END"),
        _timex(text, "three weeks", TimexType.DURATION, "P3W"),
    ]
    return doc


def test_one_event_per_dated_timex_with_its_sentence_and_entities():
    doc = seed_like_doc()
    events = find_events(doc)
    assert [(e.date, e.precision, e.timex) for e in events] == [
        ("2024-10", Precision.MONTH, 1),
        ("FUTURE_REF", Precision.FUTURE, 2),
        ("2024-10-21", Precision.DAY, 3),
        ("2025", Precision.YEAR, 4),
    ]
    first, vague, monday, end2025 = events
    # Two timexes in one sentence: two events over the same sentence.
    assert (first.start, first.end) == (vague.start, vague.end)
    assert first.text == doc.text[first.start:first.end]
    assert first.text.startswith("South Korean officials") and first.text.endswith("coming weeks.")
    assert first.entity_ids == ["norp:south-korean", "norp:north-korean", "gpe:moscow"]
    assert (first.range_start, first.range_end) == (D(2024, 10, 1), D(2024, 10, 31))
    assert (vague.range_start, vague.range_end) == (None, None)
    assert vague.anchor == D(2024, 10, 23)
    assert monday.text == "Mr Healey spoke on Monday."
    assert monday.entity_ids == ["person:john-healey"]
    assert end2025.mod == "END"
    assert (end2025.range_start, end2025.range_end) == (D(2025, 9, 1), D(2025, 12, 31))
    assert all(e.doc_id == "seed" for e in events)


def test_dateline_duration_and_set_make_no_event():
    doc = seed_like_doc()
    dated = {e.timex for e in find_events(doc)}
    assert 0 not in dated  # the dateline: the publication itself
    assert 5 not in dated  # DURATION
    doc.timexes.append(Timex(start=0, end=3, text="23 ", type=TimexType.SET, value="P1D"))
    assert all(doc.timexes[e.timex].type in (TimexType.DATE, TimexType.TIME) for e in find_events(doc))


def test_a_range_read_as_one_duration_is_one_event_covering_both_ends():
    from tui.format import event_date_text

    doc = seed_like_doc()
    s, e = _find(doc.text, "three weeks")
    # the range and, nested in it, its two ends as dates: one event, for the range
    doc.timexes = [Timex(start=s, end=e, text=doc.text[s:e], type=TimexType.DURATION, value="P2Y",
                         begin_point="2009", end_point="2011"),
                   Timex(start=s, end=s + 5, text=doc.text[s:s + 5], type=TimexType.DATE, value="2009"),
                   Timex(start=s + 6, end=e, text=doc.text[s + 6:e], type=TimexType.DATE, value="2011")]
    (event,) = find_events(doc)
    assert (event.date, event.precision, event.timex) == ("2009", Precision.YEAR, 0)
    assert (event.range_start, event.range_end) == (D(2009, 1, 1), D(2011, 12, 31))
    assert event_date_text(event) == "2009–2011"
    doc.timexes[0] = doc.timexes[0].model_copy(update={"value": "P3M", "begin_point": "2014-04", "end_point": "2014-06"})
    (event,) = find_events(doc)
    assert (event.range_start, event.range_end, event_date_text(event)) == (D(2014, 4, 1), D(2014, 6, 30), "Apr–Jun 2014")
    # ends the wrong way round, or one that is no date: no event
    doc.timexes[0] = doc.timexes[0].model_copy(update={"begin_point": "2011", "end_point": "2009"})
    assert find_events(doc) == []
    doc.timexes[0] = doc.timexes[0].model_copy(update={"begin_point": "XXXX", "end_point": "2009"})
    assert find_events(doc) == []


def test_unplaceable_values_make_no_event_and_bad_spans_are_ignored():
    doc = seed_like_doc()
    doc.timexes = [
        Timex(start=30, end=40, text=doc.text[30:40], type=TimexType.DATE, value="XXXX-XX-XX"),
        Timex(start=10, end=5, text="", type=TimexType.DATE, value="2024"),
        Timex(start=0, end=len(doc.text) + 5, text="", type=TimexType.DATE, value="2024"),
    ]
    assert find_events(doc) == []


def test_without_sentences_the_block_is_the_event_text():
    doc = seed_like_doc()
    doc.sentences = []
    events = find_events(doc)
    p2 = doc.text.index("The programme")
    last = events[-1]
    assert (last.start, last.end) == (p2, len(doc.text))


def test_without_blocks_or_publication_date_the_timex_anchor_is_used():
    text = "It happened recently, officials said."
    s, e = _find(text, "recently")
    doc = Document(id="x", path="x.txt", text=text, timexes=[
        Timex(start=s, end=e, text="recently", type=TimexType.DATE, value="PAST_REF", anchor="2024-10-23T07:54:00")])
    (event,) = find_events(doc)
    assert event.anchor == D(2024, 10, 23)
    assert (event.start, event.end) == (s, e)  # no sentences, no blocks: the timex itself


# --------------------------------------------------------------------------- ordering


def _ev(doc_id, date_, precision, lo=None, hi=None, anchor=None, start=0, timex=0):
    return Event(doc_id=doc_id, date=date_, precision=precision, start=start, end=start + 1, text="x",
                 timex=timex, range_start=lo, range_end=hi, anchor=anchor)


def test_chronological_order_across_two_documents():
    a = seed_like_doc("a")
    b = seed_like_doc("b")
    b.published = datetime(2024, 10, 1, tzinfo=timezone.utc)
    b.timexes = [
        _timex(b.text, "earlier this month", TimexType.DATE, "2024-Q4"),
        _timex(b.text, "in the coming weeks", TimexType.DATE, "PAST_REF"),
        _timex(b.text, "Monday", TimexType.DATE, "2024-10-21T14:00"),
        _timex(b.text, "the end of 2025", TimexType.DATE, "2024-W43"),
    ]
    ordered = sort_events(find_events(a) + find_events(b))
    assert [(e.doc_id, e.date) for e in ordered] == [
        ("b", "PAST_REF"),           # before everything on its anchor day (1 Oct)
        ("a", "2024-10"),            # starts 1 Oct, ends 31 Oct
        ("b", "2024-Q4"),            # starts 1 Oct, ends 31 Dec: wider, later
        ("b", "2024-10-21T14:00"),   # a clock time before its whole day
        ("a", "2024-10-21"),
        ("b", "2024-W43"),           # the week of 21 Oct after the day of 21 Oct
        ("a", "FUTURE_REF"),         # after everything starting on its anchor day (23 Oct)
        ("a", "2025"),               # END of 2025: Sep-Dec 2025
    ]


def test_order_rules_one_by_one():
    day = _ev("a", "2024-10-22", Precision.DAY, D(2024, 10, 22), D(2024, 10, 22))
    past = _ev("a", "PAST_REF", Precision.PAST, anchor=D(2024, 10, 22))
    present = _ev("a", "PRESENT_REF", Precision.PRESENT, anchor=D(2024, 10, 22))
    future = _ev("a", "FUTURE_REF", Precision.FUTURE, anchor=D(2024, 10, 22))
    next_day = _ev("a", "2024-10-23", Precision.DAY, D(2024, 10, 23), D(2024, 10, 23))
    unanchored = _ev("a", "PAST_REF", Precision.PAST)
    morning = _ev("z", "2024-10-22T07:54", Precision.MINUTE, D(2024, 10, 22), D(2024, 10, 22))
    afternoon = _ev("a", "2024-10-22T14:00", Precision.MINUTE, D(2024, 10, 22), D(2024, 10, 22))
    events = [unanchored, next_day, future, present, day, past, afternoon, morning]
    assert sort_events(events) == [past, morning, afternoon, day, present, future, next_day, unanchored]
    assert events[0] is unanchored  # sort_events leaves its input alone


def test_ties_break_by_document_then_offset_then_timex():
    e1 = _ev("b", "2024", Precision.YEAR, D(2024, 1, 1), D(2024, 12, 31), start=5)
    e2 = _ev("a", "2024", Precision.YEAR, D(2024, 1, 1), D(2024, 12, 31), start=9)
    e3 = _ev("a", "2024", Precision.YEAR, D(2024, 1, 1), D(2024, 12, 31), start=1, timex=2)
    e4 = _ev("a", "2024", Precision.YEAR, D(2024, 1, 1), D(2024, 12, 31), start=1, timex=1)
    assert sort_events([e1, e2, e3, e4]) == [e4, e3, e2, e1]
    assert chronological_key(e4) < chronological_key(e3)


# --------------------------------------------------------------------------- properties

_VALUES = st.sampled_from(["2024", "2024-10", "2024-10-22", "2024-W43", "2024-Q4", "PAST_REF", "FUTURE_REF",
                           "PRESENT_REF", "XXXX", "P3W", "2024-10-22T07:54", "199", "2024-H1", "2024-SU"])


@st.composite
def random_docs(draw):
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=6)))
    bounds = [0, *cuts, n]
    blocks = [Block(kind=draw(st.sampled_from(list(BlockKind))), start=a, end=b)
              for a, b in zip(bounds, bounds[1:]) if b > a]
    sentences = [Span(start=a, end=b) for a, b in zip(bounds, bounds[1:]) if b > a]
    timexes = []
    for _ in range(draw(st.integers(0, 5))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(0, n))
        timexes.append(Timex(start=a, end=b, text=text[a:b], type=draw(st.sampled_from(list(TimexType))),
                             value=draw(_VALUES), mod=draw(st.sampled_from([None, "START", "END"]))))
    mentions = []
    for _ in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        mentions.append(Mention(entity_id=f"e:{a}", kind=EntityKind.PERSON, start=a, end=b, text=text[a:b]))
    return Document(id="r", path="r.txt", text=text, blocks=blocks, sentences=sentences, timexes=timexes,
                    mentions=mentions)


@given(random_docs())
@settings(max_examples=150, deadline=None)
def test_any_document_gives_valid_events(doc):
    events = find_events(doc)
    for e in events:
        assert 0 <= e.start <= e.end <= len(doc.text)
        assert e.text == doc.text[e.start:e.end]
        assert 0 <= e.timex < len(doc.timexes)
        assert doc.timexes[e.timex].type in (TimexType.DATE, TimexType.TIME)
        assert len(set(e.entity_ids)) == len(e.entity_ids)
        if e.range_start is not None:
            assert e.range_start <= e.range_end
    ordered = sort_events(events)
    keys = [chronological_key(e) for e in ordered]
    assert keys == sorted(keys)


def test_adversarial_text_completes_with_bounded_events_per_sentence():
    # The huge sentence is not the whole text, so every event's text would be a real copy.
    text = "Intro. " + "(" * 5000 + '"' * 10000 + "a" * 1_000_000
    doc = Document(id="h", path="h.txt", text=text,
                   blocks=[Block(kind=BlockKind.PARAGRAPH, start=0, end=len(text))],
                   sentences=[Span(start=0, end=6), Span(start=7, end=len(text))],
                   timexes=[Timex(start=i, end=i + 4, text="aaaa", type=TimexType.DATE, value="2024")
                            for i in range(20000, 1_000_000, 50)])
    events = find_events(doc)
    assert len(events) == MAX_PER_SENTENCE
    assert all(e.start == 7 and e.end == len(text) for e in events)


# --------------------------------------------------------------------------- the real pipeline


def test_seed_through_the_real_pipeline(seed_path):
    from model.corpus import load_corpus

    (doc,) = load_corpus([seed_path]).documents
    assert doc.events
    dateline = [b for b in doc.blocks if b.kind is BlockKind.DATELINE]
    for e in doc.events:
        tx = doc.timexes[e.timex]
        assert e.start <= tx.start and tx.end <= e.end and e.text == doc.text[e.start:e.end]
        assert not any(b.start <= tx.start < b.end for b in dateline)
        assert e.anchor == doc.published.date()
        assert e.entity_ids == list(dict.fromkeys(
            m.entity_id for m in doc.mentions if e.start <= m.start and m.end <= e.end))
    ordered = sort_events(doc.events)
    assert [chronological_key(e) for e in ordered] == sorted(chronological_key(e) for e in doc.events)


def test_entity_ids_in_text_order_and_each_event_owns_its_list():
    doc = seed_like_doc()
    doc.mentions = list(reversed(doc.mentions))  # stored out of text order
    first, vague = find_events(doc)[:2]
    assert (first.start, first.end) == (vague.start, vague.end)  # one sentence, two dates
    assert first.entity_ids == ["norp:south-korean", "norp:north-korean", "gpe:moscow"]
    first.entity_ids.append("gpe:elsewhere")
    assert vague.entity_ids == ["norp:south-korean", "norp:north-korean", "gpe:moscow"]


def test_a_fiscal_period_is_an_event_shown_as_named():
    from tui.format import event_date_text

    doc = seed_like_doc()
    s, e = _find(doc.text, "three weeks")
    doc.timexes = [Timex(start=s, end=e, text=doc.text[s:e], type=TimexType.DATE, value="FY2009-Q1")]
    (event,) = find_events(doc)
    assert (event.date, event.precision, event_date_text(event)) == ("FY2009-Q1", Precision.QUARTER, "Q1 FY2009")
    doc.timexes[0] = doc.timexes[0].model_copy(update={"value": "FY2009"})
    (event,) = find_events(doc)
    assert event_date_text(event) == "FY2009"
