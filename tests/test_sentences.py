"""Sentence splitting: abbreviations, initials, acronyms, quotes, decimals; spans stay valid."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from model.extract.sentences import split_block, split_sentences
from model.schema import Block, BlockKind, Document


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_block(text, 0, len(text))]


def test_splits_plain_sentences():
    assert sentences("It rained. Then it stopped! Did it? Yes.") == [
        "It rained.", "Then it stopped!", "Did it?", "Yes.",
    ]


def test_titles_initials_and_decimals_do_not_split():
    text = "Mr. Healey met Dr. J. Smith on Jan. 5. North Korea has 1.2 million troops."
    assert sentences(text) == ["Mr. Healey met Dr. J. Smith on Jan. 5.", "North Korea has 1.2 million troops."]


def test_dotted_acronym_splits_only_before_a_usual_sentence_start():
    assert sentences("Robert Wood, the U.S. Ambassador, spoke.") == ["Robert Wood, the U.S. Ambassador, spoke."]
    assert sentences("Troops left the U.S. The move was sudden.") == ["Troops left the U.S.", "The move was sudden."]


def test_closing_quotes_stay_with_their_sentence():
    text = 'He branded the move "desperate." "And it will fail," he said. She agreed.'
    assert sentences(text) == ['He branded the move "desperate."', '"And it will fail," he said.', "She agreed."]


def test_lower_case_after_stop_is_not_a_boundary():
    assert sentences("Prices rose 5 p.c. in total. Then fell.") == ["Prices rose 5 p.c. in total.", "Then fell."]


def test_document_sentences_never_cross_blocks():
    text = "A headline without a stop\n\nFirst one. Second one.\n\nCredit line"
    blocks = [
        Block(kind=BlockKind.TITLE, start=0, end=25),
        Block(kind=BlockKind.PARAGRAPH, start=27, end=49),
        Block(kind=BlockKind.BOILERPLATE, start=51, end=62),
    ]
    doc = Document(id="d", path="d.txt", text=text, blocks=blocks)
    got = [text[s.start:s.end] for s in split_sentences(doc)]
    assert got == ["A headline without a stop", "First one.", "Second one."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\"“”'U.S\n1,Mr")), max_size=300))
def test_spans_are_valid_and_ordered(text):
    spans = split_block(text, 0, len(text))
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e


def test_long_pathological_input_completes():
    text = ("Mr. " * 50_000) + "x" + (". " * 50_000) + ("A" * 100_000)
    assert split_block(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?…\"'”’)]\n\tX")), max_size=60))
def test_fast_stop_scan_finds_exactly_the_boundary_pattern_matches(text):
    from model.extract.sentences import _BOUNDARY, candidate_stops

    assert candidate_stops(text) == [m.span() for m in _BOUNDARY.finditer(text)]


@settings(max_examples=200, deadline=None)
@example(["a", "! Go on"], [".", "", "", "", "", ""])  # a stop run reaching into the block
@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab .!?\"“”'U.S1,MrJ")), min_size=1, max_size=40), max_size=6),
    st.lists(st.sampled_from(["\n\n", "\n", " ", ". ", "x", ".", "?\"", ""]), min_size=6, max_size=6),
)
def test_document_split_equals_splitting_each_block_alone(parts, gaps):
    # Blocks laid out with varied separators, some touching their neighbours without white
    # space (as a caption's words or a paragraph after a wire dateline do): the document-wide
    # scan must give what splitting each block on its own gives.
    text, blocks = "", []
    for part, gap in zip(parts, gaps):
        start = len(text)
        text += part
        blocks.append(Block(kind=BlockKind.PARAGRAPH, start=start, end=len(text)))
        text += gap
    doc = Document(id="d", path="d.txt", text=text, blocks=blocks)
    expected = [span for b in blocks for span in split_block(text, b.start, b.end)]
    assert [(s.start, s.end) for s in split_sentences(doc)] == expected


def test_white_space_set_is_what_isspace_accepts():
    from model.extract.sentences import _SPACE

    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert _SPACE == frozenset(c for c in every if c.isspace())
