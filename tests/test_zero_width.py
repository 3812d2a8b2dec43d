"""Zero-width characters inside names are ignored for matching, and every offset still indexes
the original text (model/extract/fold.py, model/extract/pipeline.py)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import model.extract.fold as fold
from model.extract.fold import ZERO_WIDTH, Folding, offset_fields
from model.extract.pipeline import extract, steps
from model.read.dispatch import cleaned, read_unfolded
from model.read.text import read_text
from model.schema import Attribution, Block, BlockKind, Document, Quote

_UNFOLD = dict.fromkeys(map(ord, ZERO_WIDTH))

BASE = (
    "Putin visits Seoul\n\nPublished 23 October 2024\n\n"
    "On 22 October 2024, about 1,500 North Korean soldiers arrived in Moscow, according to "
    "Seoul's spy agency. \"We will win this war,\" Vladimir Putin said on Monday. "
    "Kim Jong Un met him yesterday.\n"
)


def _read(text: str) -> Document:
    """Text as the reader gives it (cleaned, structured blind to invisible characters), then
    extracted."""
    return extract(read_unfolded(read_text, "zw.txt", *cleaned(text, [])))


def _strip(text: str) -> str:
    return text.translate(_UNFOLD)


def _spans(obj: Any):
    """Every ``(start, end, text-or-None)`` triple in an annotation, found by field name."""
    if isinstance(obj, list):
        for item in obj:
            yield from _spans(item)
        return
    if not isinstance(obj, BaseModel):
        return
    data = obj.__dict__
    for name, value in data.items():
        if isinstance(value, int) and (name == "start" or name.endswith("_start")):
            prefix = name[: -len("start")]
            end = data.get(prefix + "end")
            if isinstance(end, int):
                yield value, end, data.get(prefix + "text")
        elif isinstance(value, (list, BaseModel)):
            yield from _spans(value)


def _assert_offsets_true(doc: Document) -> None:
    """Every span lies in the original text and every text beside a span is its slice (when it
    is a slice at all: a folded copy of the slice would mean a span was not mapped back)."""
    n = len(doc.text)
    for step in steps():
        for start, end, text in _spans(getattr(doc, step.assigns)):
            assert 0 <= start <= end <= n, (step.name, start, end, n)
            if isinstance(text, str) and _strip(text) == _strip(doc.text[start:end]):
                assert text == doc.text[start:end], (step.name, text, doc.text[start:end])


def _folded_view(obj: Any, folding: Folding) -> Any:
    """An extracted document's annotations as they would read in the folded text: offsets moved
    with ``to_folded`` and invisible characters taken out of every string."""
    if isinstance(obj, list):
        return [_folded_view(x, folding) for x in obj]
    if isinstance(obj, dict):
        out = {}
        for key, value in obj.items():
            if isinstance(value, int) and not isinstance(value, bool) and (
                    key in ("start", "end") or key.endswith(("_start", "_end"))):
                out[key] = folding.to_folded(value)
            else:
                out[key] = _folded_view(value, folding)
        return out
    if isinstance(obj, str):
        return _strip(obj)
    return obj


def _annotations(doc: Document) -> dict[str, Any]:
    return {s.assigns: [x.model_dump(mode="json") for x in getattr(doc, s.assigns)] for s in steps()}


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("zw", list(ZERO_WIDTH), ids=[f"U+{ord(c):04X}" for c in ZERO_WIDTH])
def test_a_name_split_by_each_zero_width_character_is_found_at_its_original_offsets(zw):
    text = f"Talks in Moscow\n\nVla{zw}dimir Pu{zw}tin said on Monday that the talks would go on.\n"
    doc = _read(text)
    (mention,) = [m for m in doc.mentions if m.entity_id == "person:vladimir-putin"]
    assert mention.start == text.index("Vla") and mention.end == text.index("tin said") + 3
    assert mention.text == doc.text[mention.start:mention.end] == f"Vla{zw}dimir Pu{zw}tin"
    (entity,) = [e for e in doc.entities if e.id == "person:vladimir-putin"]
    assert entity.name == "Vladimir Putin"
    assert doc.text == text, "the document keeps its invisible characters"
    assert [n.code for n in doc.notes].count(fold.NOTE_CODE) == 1
    _assert_offsets_true(doc)


def test_timexes_quotes_figures_and_events_around_invisible_characters_stay_true():
    zw = "\u200b"
    # Invisible characters inside a date, a number, a quote, an attribution source and names.
    text = (BASE.replace("22 October", f"22 Oct{zw}ober").replace("1,500", f"1,{zw}500")
            .replace("win this", f"win{zw} this").replace("spy agency", "sp\u00ady agency")
            .replace("Kim Jong Un", f"Kim Jong{zw} Un"))
    doc = _read(text)
    base = _read(BASE)
    _assert_offsets_true(doc)
    (timex,) = [t for t in doc.timexes if t.value == "2024-10-22" and "Oct" in t.text]
    assert timex.text == f"22 Oct{zw}ober 2024"
    (figure,) = doc.figures
    assert figure.value == 1500 and doc.text[figure.start:figure.end] == figure.text
    assert f"1,{zw}500" in figure.text
    (quote,) = doc.quotes
    assert quote.text == f"We will win{zw} this war" and quote.speaker == "person:vladimir-putin"
    assert [e.id for e in doc.entities] == [e.id for e in base.entities]


def test_every_step_gives_what_the_text_without_invisible_characters_gives():
    """The strongest form: after moving offsets back into folded coordinates, every annotation
    of every step equals the one extracted from the text that never had them (the header too:
    the reader finds the title and the publication date through them)."""
    text = "".join(ch + ("\u200d" if i % 7 == 3 else "") for i, ch in enumerate(BASE))
    base = _read(BASE)
    doc = _read(text)
    _assert_offsets_true(doc)
    folding = Folding(doc.text)
    assert _folded_view(_annotations(doc), folding) == _annotations(base)
    assert _folded_view([b.model_dump(mode="json") for b in doc.blocks], folding) == \
        [b.model_dump(mode="json") for b in base.blocks]
    assert (doc.title, doc.published) == (base.title, base.published)


def test_hostile_injection_document_finds_the_split_name(tmp_path):
    from model.corpus import load_corpus
    from tests.hostile.corpus import INJECTED_TEXT

    path = tmp_path / "injection.txt"
    path.write_text(INJECTED_TEXT.replace("{dir}", str(tmp_path / "sink")), encoding="utf-8")
    (doc,) = load_corpus([path]).documents
    (mention,) = [m for m in doc.mentions if m.entity_id == "person:vladimir-putin"]
    assert mention.text == "Vla\u200bdimir Pu\u200dtin" == doc.text[mention.start:mention.end]
    assert any(m.text == "Kim Jong Un" for m in doc.mentions)
    _assert_offsets_true(doc)


def test_text_without_invisible_characters_never_folds(monkeypatch, seed_path):
    def refuse(*_args, **_kwargs):
        raise AssertionError("folded a text without zero-width characters")

    monkeypatch.setattr(fold, "Folding", refuse)
    doc = extract(read_text(str(seed_path), *cleaned(seed_path.read_text(encoding="utf-8"), [])))
    assert doc.mentions and all(n.code != fold.NOTE_CODE for n in doc.notes)


# --------------------------------------------------------------------------- the offset map


def test_spans_cover_inner_invisible_characters_and_leave_outer_ones_out():
    original = "\u200bab\u200bc\u200b d"
    f = Folding(original)
    assert f.text == "abc d"
    # "abc" in the folded text is [0, 3); in the original it starts at 'a' and ends after 'c'.
    assert (f.start_to_original(0), f.end_to_original(3)) == (1, 5)
    assert original[1:5] == "ab\u200bc"
    assert (f.start_to_original(5), f.end_to_original(5)) == (len(original), len(original))
    assert [f.to_folded(p) for p in range(len(original) + 1)] == [0, 0, 1, 2, 2, 3, 3, 4, 5]


def test_an_empty_span_between_invisible_characters_stays_empty():
    f = Folding("a\u200b\u200bb")
    quote = Quote(text="", start=1, end=1)
    f.restore([quote])
    assert quote.start == quote.end and 1 <= quote.start <= 3


def test_offset_fields_are_found_from_the_models_including_a_future_one():
    assert ("speaker_", "speaker_start", "speaker_end", "speaker_text") in offset_fields(Quote).spans
    assert ("source_", "source_start", "source_end", "source_text") in offset_fields(Attribution).spans
    block = {p: (s, e) for p, s, e, _ in offset_fields(Block).spans}
    assert block == {"": ("start", "end"), "content_": ("content_start", "content_end"),
                     "credit_": ("credit_start", "credit_end")}

    class Claim(BaseModel):  # what a step added later might return
        claim_start: int
        claim_end: int
        claim_text: str
        label: str

    class Finding(BaseModel):
        claims: list[Claim]

    original = "Pu\u200btin lies"
    f = Folding(original)
    finding = Finding(claims=[Claim(claim_start=0, claim_end=5, claim_text="Putin", label="Putin")])
    f.restore([finding])
    (claim,) = finding.claims
    assert (claim.claim_start, claim.claim_end, claim.claim_text) == (0, 6, "Pu\u200btin")
    assert claim.label == "Putin", "strings that are not the span's slice stay folded"


def test_a_model_shared_by_two_outputs_moves_once():
    f = Folding("\u200bSeoul")
    quote = Quote(text="Seoul", start=0, end=5)
    seen: set[int] = set()
    f.restore([quote], seen)
    f.restore([quote], seen)
    assert (quote.start, quote.end) == (1, 6)


# --------------------------------------------------------------------------- properties

WORDS = ["Vladimir", "Putin", "Kim", "Jong", "Un", "Seoul", "Moscow", "said", "on", "Monday", "23",
         "October", "2024", "about", "1,500", "soldiers", "\"We", "win,\"", "according", "to", "the",
         "agency.", "North", "Korean", "yesterday.", "Mr", "Zelensky", "Ukraine's", "(", ")", "—"]
_word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8).filter(lambda w: not w.isspace()))
_paragraph = st.lists(_word, min_size=1, max_size=25).map(" ".join).map(_strip)
_invisible = st.sampled_from(list(ZERO_WIDTH))


def _sprinkle(data, text: str) -> str:
    """``text`` with invisible characters put at places hypothesis chooses."""
    places = data.draw(st.lists(st.integers(0, len(text)), max_size=8))
    chars = list(text)
    for place in sorted(places, reverse=True):
        chars.insert(place, data.draw(_invisible))
    return "".join(chars)


def _document(paragraphs: list[str]) -> Document:
    """Paragraph blocks laid out by hand, so both texts get the same structure."""
    blocks, pos = [], 0
    for p in paragraphs:
        blocks.append(Block(kind=BlockKind.PARAGRAPH, start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return Document(id="prop", path="prop.txt", text="\n\n".join(paragraphs), blocks=blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_paragraph, min_size=1, max_size=4), st.data())
def test_property_invisible_characters_change_no_annotation(paragraphs, data):
    sprinkled = [_sprinkle(data, p) for p in paragraphs]
    base = extract(_document(paragraphs))
    doc = extract(_document(sprinkled))
    _assert_offsets_true(doc)
    assert _folded_view(_annotations(doc), Folding(doc.text)) == _annotations(base)
    assert [(e.id, e.name) for e in doc.entities] == [(e.id, e.name) for e in base.entities]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.data())
def test_property_any_text_with_invisible_characters_reads_and_extracts(text, data):
    doc = _read(_sprinkle(data, text))
    _assert_offsets_true(doc)
    for m in doc.mentions:
        assert m.text == doc.text[m.start:m.end]
    base = _read(_strip(doc.text))
    assert _folded_view(_annotations(doc), Folding(doc.text)) == _annotations(base)


def test_the_reader_finds_structure_through_invisible_characters(tmp_path):
    """Title, publication line and Markdown headings split by invisible characters are still
    recognised; their blocks cover the invisible characters in the original text."""
    from model.read import read_path

    zw = "\u200b"
    (tmp_path / "a.txt").write_text(BASE.replace("Published", f"Pub{zw}lished").replace("Seoul\n", f"Se{zw}oul\n"),
                                    encoding="utf-8")
    md_text = f"# Vla{zw}dimir Putin in Se{zw}oul\n\nKim Jong{zw} Un met Vladimir Pu{zw}tin in Moscow.\n"
    (tmp_path / "b.md").write_text(md_text, encoding="utf-8")
    (tmp_path / "c.md").write_text(_strip(md_text), encoding="utf-8")
    (txt,) = read_path(tmp_path / "a.txt").documents
    plain = read_unfolded(read_text, "zw.txt", *cleaned(BASE, []))
    assert txt.title == plain.title == "Putin visits Seoul"
    assert txt.published == plain.published is not None
    assert [b.kind for b in txt.blocks] == [b.kind for b in plain.blocks]
    title = txt.blocks[0]
    assert txt.text[title.start:title.end] == f"Putin visits Se{zw}oul"
    (md,) = read_path(tmp_path / "b.md").documents
    (md_plain,) = read_path(tmp_path / "c.md").documents
    assert md.title == md_plain.title == "Vladimir Putin in Seoul"
    md, md_plain = extract(md), extract(md_plain)
    assert "person:kim-jong-un" in {m.entity_id for m in md.mentions}
    assert [(m.entity_id, _strip(m.text)) for m in md.mentions] == [(m.entity_id, m.text) for m in md_plain.mentions]
    _assert_offsets_true(md)
