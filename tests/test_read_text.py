"""The pasted-article reader: the seed, the dev set, and each header, caption and furniture rule."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from model.read import read_path
from model.read.text import is_boilerplate, parse_byline, structure_text
from model.schema import BlockKind, Document

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def assert_spans(doc: Document) -> None:
    """Every block slices the text exactly: in range, no surrounding white space, sub-spans
    inside the block, blocks in order and not overlapping."""
    text = doc.text
    last_end = 0
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(text), b
        piece = text[b.start:b.end]
        assert piece == piece.strip(), f"block {b.kind} has surrounding white space: {piece!r}"
        assert b.start >= last_end, f"blocks overlap or are out of order at {b}"
        last_end = b.end
        for s, e in ((b.content_start, b.content_end), (b.credit_start, b.credit_end)):
            if s is not None or e is not None:
                assert s is not None and e is not None
                assert b.start <= s <= e <= b.end, b


def blocks_of(doc: Document, kind: BlockKind) -> list[str]:
    return [doc.text[b.start:b.end] for b in doc.blocks if b.kind is kind]


def read_one(tmp_path: Path, text: str, name: str = "a.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = read_path(path)
    assert not result.problems, result.problems
    (doc,) = result.documents
    assert_spans(doc)
    return doc


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed(seed_path) -> Document:
    result = read_path(seed_path)
    assert not result.problems
    (doc,) = result.documents
    return doc


def test_seed_header(seed):
    assert seed.title == ("South Korea poised to send intelligence officers to Ukraine to spy on "
                          "North Korean troops fighting for Russia")
    assert seed.published == datetime(2024, 10, 23, 7, 54)
    assert seed.published.tzinfo is None
    assert seed.byline == ["EJ Ward"]
    assert seed.format == "text"
    assert blocks_of(seed, BlockKind.TITLE) == [seed.title]
    assert blocks_of(seed, BlockKind.DATELINE) == ["23 October 2024, 07:54"]
    # Both the author card and the "By" line are bylines; the name is listed once.
    assert blocks_of(seed, BlockKind.BYLINE) == ["EJ Ward", "By EJ Ward"]


def test_seed_headings_use_the_sources_apostrophe(seed, seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    apostrophe = "\u2019" if "South Korea\u2019s Potential Involvement" in raw else "'"
    assert blocks_of(seed, BlockKind.HEADING) == [
        "Response to Growing Military Cooperation Between North Korea and Russia",
        f"The Global Implications of South Korea{apostrophe}s Potential Involvement",
        "Diplomatic Fallout and Future Uncertainties",
    ]


def test_seed_captions_collapse_alt_and_credited_line(seed):
    captions = [b for b in seed.blocks if b.kind is BlockKind.CAPTION]
    assert len(captions) == 4
    paragraphs = [b for b in seed.blocks if b.kind is BlockKind.PARAGRAPH]
    for cap in captions:
        assert cap.credit == "Getty"
        assert seed.text[cap.credit_start:cap.credit_end] == "Getty"
        words = seed.text[cap.content_start:cap.content_end]
        alt, credited = seed.text[cap.start:cap.end].split("\n")
        # One block owns both lines; its words are one copy, without the credit.
        assert words == alt and credited.startswith(alt) and credited.endswith("Picture: Getty")
        assert "Picture" not in words
        # Neither pasted copy of the caption reaches a paragraph.
        for p in paragraphs:
            assert p.end <= cap.start or p.start >= cap.end
    # The article itself repeats one caption's sentence as a body paragraph under a heading;
    # that paragraph is prose and stays, once, away from the caption.
    alt_words = [seed.text[c.content_start:c.content_end] for c in captions]
    repeated = [p for p in paragraphs if seed.text[p.start:p.end] in alt_words]
    assert len(repeated) <= 1
    for p in repeated:
        before = [b for b in seed.blocks if b.end <= p.start][-1]
        assert before.kind is BlockKind.HEADING


def test_seed_related_and_boilerplate(seed):
    related = [b for b in seed.blocks if b.kind is BlockKind.RELATED]
    assert len(related) == 2
    assert related[0].title == "Satellite images show North Korean Special forces deployed in Russia"
    assert all(seed.text[b.start:b.end].startswith("Read more: ") for b in related)
    assert blocks_of(seed, BlockKind.BOILERPLATE) == ["Listen to this article", "Loading audio..."]
    for p in blocks_of(seed, BlockKind.PARAGRAPH) + blocks_of(seed, BlockKind.STANDFIRST):
        assert "Listen to this article" not in p and "Loading audio" not in p


def test_seed_offsets_slice_exactly(seed):
    assert_spans(seed)
    assert len(seed.blocks) > 30
    # Every non-blank line of the text belongs to exactly one block.
    covered = set()
    for b in seed.blocks:
        covered.update(range(b.start, b.end))
    pos = 0
    for line in seed.text.split("\n"):
        if line.strip():
            assert pos in covered, line
        pos += len(line) + 1


def test_seed_standfirst_is_the_summary_set_apart_by_the_audio_player(seed):
    (standfirst,) = blocks_of(seed, BlockKind.STANDFIRST)
    assert standfirst.startswith("South Korea is poised for the deployment")


# --------------------------------------------------------------------------- the dev set


@pytest.mark.dev_set
def test_dev_set_titles_and_dates(dev_set):
    gold = [json.loads(line) for line in (dev_set / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert len(gold) == 60
    for g in gold:
        result = read_path(dev_set / g["file"])
        assert not result.problems, g["file"]
        (doc,) = result.documents
        assert_spans(doc)
        first_line = doc.text.split("\n", 1)[0].strip()
        assert doc.title == first_line, g["file"]
        assert doc.published is not None and doc.published.date().isoformat() == g["dct"], g["file"]
        assert blocks_of(doc, BlockKind.TITLE) == [first_line]
        assert len(blocks_of(doc, BlockKind.DATELINE)) == 1


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("23 October 2024, 07:54", datetime(2024, 10, 23, 7, 54)),
        ("March 01, 2008", datetime(2008, 3, 1)),
        ("Friday, July 21, 2017", datetime(2017, 7, 21)),
        ("2024-10-23T07:54Z", datetime(2024, 10, 23, 7, 54, tzinfo=timezone.utc)),
        ("Updated 10:32 GMT, 23 Oct 2024", datetime(2024, 10, 23, 10, 32, tzinfo=timezone.utc)),
        ("Published: 5 June 2023", datetime(2023, 6, 5)),
        ("Wed 23 Oct 2024 07.54 BST", datetime(2024, 10, 23, 7, 54, tzinfo=timezone(timedelta(hours=1)))),
        ("Oct. 23, 2024 7:54 p.m. UTC", datetime(2024, 10, 23, 19, 54, tzinfo=timezone.utc)),
        ("2024-10-23 07:54:10+02:00", datetime(2024, 10, 23, 7, 54, 10, tzinfo=timezone(timedelta(hours=2)))),
        ("25/03/2024", datetime(2024, 3, 25)),
        ("03/25/2024", datetime(2024, 3, 25)),
    ],
)
def test_dateline_variants(tmp_path, line, expected):
    doc = read_one(tmp_path, f"A headline about something\n\n{line}\n\nThe first paragraph of the story.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == [line]
    assert doc.published == expected
    assert (doc.published.tzinfo is None) == (expected.tzinfo is None)


def test_ambiguous_numeric_date_is_a_dateline_without_a_date(tmp_path):
    doc = read_one(tmp_path, "A headline\n\n12/03/2024\n\nThe story begins here.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["12/03/2024"]
    assert doc.published is None


def test_published_line_wins_over_updated_line(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nUpdated 24 October 2024\nPublished 23 October 2024\n\nBody text.\n")
    assert doc.published == datetime(2024, 10, 23)
    assert len(blocks_of(doc, BlockKind.DATELINE)) == 2


def test_wire_dateline_without_year_keeps_block_but_no_date(tmp_path):
    doc = read_one(tmp_path, "Ukraine says talks will continue\n\n"
                             "KYIV, March 3 (Reuters) - Ukraine said on Thursday that talks would continue.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["KYIV, March 3 (Reuters) -"]
    assert blocks_of(doc, BlockKind.PARAGRAPH) == ["Ukraine said on Thursday that talks would continue."]
    assert doc.published is None
    assert doc.source == "Reuters"


def test_wire_dateline_takes_its_year_from_another_header_date(tmp_path):
    doc = read_one(tmp_path, "Ukraine says talks will continue\n\nUpdated 10:32 GMT, 4 March 2022\n\n"
                             "KYIV, March 3 (Reuters) - Ukraine said on Thursday that talks would continue.\n")
    # The story was filed on the 3rd; the update time is not its publication date.
    assert doc.published == datetime(2022, 3, 3)
    assert blocks_of(doc, BlockKind.DATELINE) == ["Updated 10:32 GMT, 4 March 2022", "KYIV, March 3 (Reuters) -"]


def test_a_sentence_holding_a_date_is_not_a_dateline(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nOn 23 October 2024 the troops arrived in the region.\n\nMore text.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == []
    assert doc.published is None


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "names", "source"),
    [
        ("By EJ Ward", ["EJ Ward"], None),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], None),
        ("By Ann Lee, Bo Kim and Carla Ruiz", ["Ann Lee", "Bo Kim", "Carla Ruiz"], None),
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("By Jane Doe | CNN", ["Jane Doe"], "CNN"),
        ("By Jane Doe in Kyiv", ["Jane Doe"], None),
        ("By Jean-Luc de la Tour", ["Jean-Luc de la Tour"], None),
    ],
)
def test_byline_variants(tmp_path, line, names, source):
    doc = read_one(tmp_path, f"A headline\n\n{line}\n\nThe first paragraph of the story.\n")
    assert blocks_of(doc, BlockKind.BYLINE) == [line]
    assert doc.byline == names
    assert doc.source == source


def test_author_card_and_by_line_give_one_author(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nJane Doe\n\nBy Jane Doe\n\nThe story.\n")
    assert blocks_of(doc, BlockKind.BYLINE) == ["Jane Doe", "By Jane Doe"]
    assert doc.byline == ["Jane Doe"]


def test_author_card_next_to_the_date(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nJane Doe\n23 October 2024\n\nThe story.\n")
    assert doc.byline == ["Jane Doe"]
    assert doc.published == datetime(2024, 10, 23)


def test_a_lone_name_line_without_confirmation_is_not_a_byline(tmp_path):
    doc = read_one(tmp_path, "A headline\n\n23 October 2024\n\nKim Jong Un\n\nThe story goes on here.\n")
    assert doc.byline == []


def test_by_in_a_sentence_is_not_a_byline(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nBy the end of the week, the troops had left the region.\n\nMore.\n")
    assert doc.byline == []
    assert blocks_of(doc, BlockKind.BYLINE) == []


# --------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    ("suffix", "credit"),
    [
        (". Picture: Getty", "Getty"),
        (" Photo: Reuters", "Reuters"),
        (" (Image: AP)", "AP"),
        (" Credit: Jane Doe/EPA", "Jane Doe/EPA"),
        (". Photograph: Kevin Lamarque/Reuters", "Kevin Lamarque/Reuters"),
        (" Image: Shutterstock", "Shutterstock"),
        (" (AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
    ],
)
def test_caption_credit_variants_collapse_pairs(tmp_path, suffix, credit):
    alt = "Soldiers walk past a destroyed tank near the front line"
    doc = read_one(tmp_path, f"A headline\n\nThe first paragraph.\n\n{alt}\n{alt}{suffix}\n\nAnother paragraph.\n")
    (cap,) = [b for b in doc.blocks if b.kind is BlockKind.CAPTION]
    assert doc.text[cap.start:cap.end] == f"{alt}\n{alt}{suffix}"
    assert cap.credit == credit
    assert doc.text[cap.credit_start:cap.credit_end] == credit
    assert doc.text[cap.content_start:cap.content_end] == alt
    assert blocks_of(doc, BlockKind.PARAGRAPH) == ["The first paragraph.", "Another paragraph."]


def test_lone_credited_line_is_a_caption(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nThe first paragraph.\n\nSmoke rises over the city. Photo: Reuters\n\nMore.\n")
    (cap,) = [b for b in doc.blocks if b.kind is BlockKind.CAPTION]
    assert doc.text[cap.content_start:cap.content_end] == "Smoke rises over the city"
    assert cap.credit == "Reuters"


def test_prose_mentioning_a_photo_is_not_a_caption(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nThe first paragraph.\n\nShe took a photo by the lake.\n\nMore.\n")
    assert blocks_of(doc, BlockKind.CAPTION) == []


# --------------------------------------------------------------------------- furniture, headings


@pytest.mark.parametrize("label", ["Read more", "READ MORE", "Related", "Also read"])
def test_related_variants(tmp_path, label):
    doc = read_one(tmp_path, f"A headline\n\nThe first paragraph.\n\n{label}: Troops gather at the border\n\nMore.\n")
    (rel,) = [b for b in doc.blocks if b.kind is BlockKind.RELATED]
    assert rel.title == "Troops gather at the border"


@pytest.mark.parametrize("line", ["Advertisement", "Share this article", "Sign up to our newsletter",
                                  "Follow us on Twitter", "Click here to subscribe", "We use cookies to improve your experience",
                                  "5 min read"])
def test_boilerplate_lines(tmp_path, line):
    doc = read_one(tmp_path, f"A headline\n\nThe first paragraph.\n\n{line}\n\nThe second paragraph.\n")
    assert blocks_of(doc, BlockKind.BOILERPLATE) == [line]


def test_boilerplate_list_is_data():
    path = Path(__import__("model.read.text", fromlist=["x"]).__file__).with_name("boilerplate.txt")
    entries = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert "listen to this article*" in entries and len(entries) > 30


def test_headings_need_to_stand_alone_and_look_like_titles():
    text = ("A headline\n\nFirst paragraph of the story.\n\nWhat Happens Next\n\nMore text here.\n\n"
            "this is not a heading\n\nAnother paragraph.\n\nA line that ends with a full stop.\n\nEnd.\n")
    found = structure_text(text)
    headings = [text[b.start:b.end] for b in found.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["What Happens Next"]


def test_hard_wrapped_paragraph_is_one_block():
    text = "A headline\n\nThe talks, which began on Monday, were\nexpected to last a week, officials said.\n\nEnd.\n"
    found = structure_text(text)
    paragraphs = [text[b.start:b.end] for b in found.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0] == "The talks, which began on Monday, were\nexpected to last a week, officials said."


def test_no_standfirst_when_the_body_just_starts(tmp_path):
    doc = read_one(tmp_path, "A headline\n\n23 October 2024\n\nThe first paragraph of the story is here.\n\n"
                             "The second paragraph follows it directly.\n")
    assert blocks_of(doc, BlockKind.STANDFIRST) == []


def test_list_items(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nThe options are:\n\n• Send weapons\n• Send observers\n")
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [doc.text[b.content_start:b.content_end] for b in items] == ["Send weapons", "Send observers"]


def test_crlf_and_lone_cr_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"A headline\r\n\r\n23 October 2024\r\rThe story.\r\n")
    (doc,) = read_path(path).documents
    assert "\r" not in doc.text
    assert doc.text == "A headline\n\n23 October 2024\n\nThe story.\n"
    assert doc.published == datetime(2024, 10, 23)


# --------------------------------------------------------------------------- other paste layouts


def layout(name: str) -> tuple[Document, list[tuple[str, str]]]:
    result = read_path(FIXTURES / name)
    assert not result.problems
    (doc,) = result.documents
    assert_spans(doc)
    return doc, [(b.kind.value, doc.text[b.start:b.end]) for b in doc.blocks if b.kind is not BlockKind.PARAGRAPH]


def test_labelled_captions_author_card_with_role_and_question_heading():
    doc, special = layout("paste-bbc-style.txt")
    assert doc.published == datetime(2024, 10, 23)
    assert doc.byline == ["Alex Morgan"]
    assert special == [
        ("title", "Drone attack hits power station in northern city"),
        ("dateline", "23 October 2024"),
        ("boilerplate", "Share"),
        ("boilerplate", "Save"),
        ("byline", "Alex Morgan"),
        ("byline", "Security correspondent"),
        ("caption", "Image source, Getty Images\nImage caption, Firefighters work at the damaged power station on Tuesday night"),
        ("heading", "What happens next?"),
        ("caption", "Getty Images\nResidents queue for water in the city centre"),
        ("boilerplate", "Related topics"),
    ]
    first, second = [b for b in doc.blocks if b.kind is BlockKind.CAPTION]
    assert first.credit == "Getty Images" and doc.text[first.credit_start:first.credit_end] == "Getty Images"
    assert doc.text[first.content_start:first.content_end] == "Firefighters work at the damaged power station on Tuesday night"
    assert doc.text[second.content_start:second.content_end] == "Residents queue for water in the city centre"


def test_summary_above_byline_and_zoned_date():
    doc, special = layout("paste-guardian-style.txt")
    assert doc.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone(timedelta(hours=1)))
    assert doc.byline == ["Sam Patel"]
    kinds = [k for k, _ in special]
    assert kinds == ["title", "standfirst", "byline", "dateline", "boilerplate", "caption"]
    (cap,) = [b for b in doc.blocks if b.kind is BlockKind.CAPTION]
    assert cap.credit == "Christopher Furlong/Getty Images"


def test_capitals_byline_publication_and_published_over_updated():
    doc, special = layout("paste-tabloid-style.txt")
    assert doc.byline == ["Jane Doe"]
    assert doc.source == "MAILONLINE"
    assert doc.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone(timedelta(hours=1)))
    # An advert slot after the first paragraph does not make it a standfirst.
    assert [k for k, _ in special] == ["title", "byline", "dateline", "boilerplate", "related"]


def test_wire_story_with_update_line_and_credits_footer():
    doc, special = layout("paste-wire-style.txt")
    assert doc.byline == ["Ana Souza", "Lucas Pereira"]
    assert doc.source == "Reuters"
    assert doc.published == datetime(2024, 10, 23)  # filed on the 23rd; updated on the 24th
    assert special == [
        ("title", "Court blocks new mining licences in protected forest"),
        ("byline", "By Ana Souza and Lucas Pereira"),
        ("boilerplate", "4 minute read"),
        ("dateline", "Updated 2:15 PM GMT+1, October 24, 2024"),
        ("dateline", "BRASILIA, Oct 23 (Reuters) -"),
        ("boilerplate", "Reporting by Ana Souza; Editing by Mark Jones"),
    ]


def test_paste_with_single_newlines_keeps_paragraphs_and_headings_apart():
    text = ("Drone attack hits power station\n23 October 2024\nBy Alex Morgan\n"
            "A drone attack has damaged a power station in the north, officials say.\n"
            "The regional governor said repairs would take several days.\n"
            "What Happens Next\n"
            "Engineers are working to restore supplies to hospitals first, the ministry said.\n"
            "The ministry expects most homes to be reconnected by the weekend.\n")
    found = structure_text(text)
    kinds = [b.kind.value for b in found.blocks]
    assert kinds == ["title", "dateline", "byline", "paragraph", "paragraph", "heading", "paragraph", "paragraph"]
    assert found.published == datetime(2024, 10, 23)


def test_line_under_the_title_may_carry_a_place_beside_a_full_date(tmp_path):
    doc = read_one(tmp_path, "A headline\n\nWednesday, October 23, 2024 — Washington\n\nThe story.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["Wednesday, October 23, 2024 — Washington"]
    assert doc.published == datetime(2024, 10, 23)
    # Further down, or as a sentence, the same words are not a dateline.
    doc = read_one(tmp_path, "A headline\n\nTroops left on October 23, 2024 from Washington.\n\nMore.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == [] and doc.published is None


# --------------------------------------------------------------------------- cheap pre-tests
# The reader turns most lines away with a cheap test before trying a pattern. Each test must
# never turn away a line its pattern would match, whatever the case of the letters, including
# the letters re.IGNORECASE pairs with ASCII ones although str.lower does not (İ, ı, ſ, K).

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from model.read import text as reader  # noqa: E402

_ODD = ["\u0130", "\u0131", "\u017f", "\u212a"]


def _cased(word: str, flips: list[bool], swaps: list[int]) -> str:
    """``word`` with some letters upper-cased and some replaced by a case-blind equivalent."""
    out = []
    for k, ch in enumerate(word):
        if k < len(swaps) and swaps[k] and ch in "isk":
            ch = {"i": "\u0131" if swaps[k] == 1 else "\u0130", "s": "\u017f", "k": "\u212a"}[ch]
        elif k < len(flips) and flips[k]:
            ch = ch.upper()
        out.append(ch)
    return "".join(out)


_WORDS = ["picture", "photo", "image", "credit", "illustration", "graphic", "footage", "video",
          "source", "caption", "read", "more", "also", "see", "related", "watch", "by", "via",
          "for", "Getty", "Reuters", "AFP", "the", "x"]
_SEPS = [" ", ": ", ", ", "  ", "(", ")", " - ", "|", ".", "["]


@st.composite
def label_lines(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        word = draw(st.sampled_from(_WORDS))
        flips = draw(st.lists(st.booleans(), max_size=len(word), min_size=len(word)))
        swaps = draw(st.lists(st.integers(0, 2), max_size=len(word), min_size=len(word)))
        parts.append(_cased(word, flips, swaps))
        parts.append(draw(st.sampled_from(_SEPS)))
    if draw(st.booleans()):
        parts.insert(0, draw(st.sampled_from(_ODD + ["A", "v", "/", "• ", "12) ", "\u0663. "])))
    return "".join(parts).strip() or "x"


@settings(max_examples=400, deadline=None)
@given(label_lines())
def test_cheap_pre_tests_never_turn_away_a_match(line):
    if reader._CREDIT.search(line):
        assert reader._may_hold_credit(line)
        assert reader._may_hold_labels("Intro line\n\n" + line, reader._lowered("Intro line\n\n" + line))
    if reader._RELATED.fullmatch(line):
        assert line[0] in reader._RELATED_FIRST
    if reader._SOURCE_LABEL.match(line) or reader._CAPTION_LABEL.match(line) or reader._AGENCY_LINE.fullmatch(line):
        assert line[0] in reader._CAPTION_LINE_FIRST
    if reader._SOURCE_LABEL.match(line) or reader._CAPTION_LABEL.match(line):
        assert line[0] in reader._LABEL_FIRST
    if reader._AGENCY_LINE.fullmatch(line):
        assert len(line) <= reader._AGENCY_LINE_MAX
    expected, got = reader._BULLET.match(line), reader._bullet(line)
    assert (got and got.span()) == (expected and expected.span())


def test_odd_case_letters_still_reach_the_patterns():
    # "ſ" and "ı" are taken for "s" and "i" by the case-blind patterns: the pre-tests let them by.
    assert reader.find_credit("Soldiers at the front. P\u0131cture: Getty") is not None
    assert reader.related_title("\u017fee also: The war in numbers") == (10, "The war in numbers")
    assert reader.find_credit("Soldiers at the front. Picture: Getty") is not None
    assert reader.find_credit("Soldiers at the front, said the picture editor") is None


def test_agency_line_length_bound_is_the_longest_match():
    word = "A" + "b" * 20 + " "
    for name in ("Anadolu Agency", "Getty Images", "Rex Features", "Shutterstock", "SOPA Images", "EPA-EFE"):
        longest = word * 3 + "via " + name
        assert reader._AGENCY_LINE.fullmatch(longest)
        assert len(longest) <= reader._AGENCY_LINE_MAX
    assert len(word * 3 + "via Anadolu Agency") == reader._AGENCY_LINE_MAX
    assert not reader._AGENCY_LINE.fullmatch("A" + "b" * 21 + " " + word * 2 + "via Anadolu Agency")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aB Σς’'\u00a0\t\n.:-|ΑΣ\u0130\u212aK") + ["Share", "LISTEN", "\n\n"]),
                max_size=40))
def test_furniture_keys_cut_from_the_lowered_text_equal_each_line_normalised(pieces):
    text = "".join(pieces)
    low = reader._lowered(text)
    for line in reader.split_lines(text):
        assert reader._line_key(text, low, line) == reader._norm(line.text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["March", "Mar.", "Friday", "Published", "Updated", "GMT", "ET", "am", "pm",
                                 "a.m.", ",", " ", "|", "-", ":", "/", "2024", "23", "Z", "T", "sept", "ago"]),
                max_size=12))
def test_a_line_without_a_digit_never_holds_a_date(words):
    # The reader skips date parsing for such lines; a date needs a day, a year or a numeric date.
    from model.read.dates import parse_date_line

    line = " ".join(words)
    hit = parse_date_line(line)
    if not any(c.isdecimal() for c in line):
        assert not hit.has_date and hit.year is None and hit.day is None
        assert reader._dated(line, 3) is None
    else:
        assert reader._dated(line, 3) is not None


@pytest.mark.parametrize("opening, dateline, source", [
    ("CAIRO, (Reuters) – Police fired tear gas.", "CAIRO, (Reuters) –", "Reuters"),
    ("Nairobi (AFP) Kenya's opposition filed a petition.", "Nairobi (AFP)", "AFP"),
    ("WASHINGTON — The Senate passed the bill.", "WASHINGTON —", None),
    ("SEOUL, Oct. 23 (Yonhap) -- South Korea said so.", "SEOUL, Oct. 23 (Yonhap) --", "Yonhap"),
    ("CAIRO, Egypt (AP) - Protesters gathered.", "CAIRO, Egypt (AP) -", "AP"),
    ("CAIRO/GAZA (Reuters) — Negotiators resumed talks.", "CAIRO/GAZA (Reuters) —", "Reuters"),  # two places
    ("Male, Sep 29 : The Election Commission confirmed it.", "Male, Sep 29 :", None),  # a date and a colon
])
def test_wire_dateline_shapes(tmp_path, opening, dateline, source):
    doc = read_one(tmp_path, f"A headline\n\n23 October 2024\n\n{opening}\n\nMore text here.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["23 October 2024", dateline]
    assert blocks_of(doc, BlockKind.PARAGRAPH)[0] == opening[len(dateline):].strip()
    assert doc.source == source


def test_wire_dateline_with_a_full_date_gives_the_publication_date(tmp_path):
    doc = read_one(tmp_path, "Quake toll rises\n\nIslamabad, 10 October 2005 -- Pakistan is appealing for help.\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["Islamabad, 10 October 2005 --"]
    assert doc.published == datetime(2005, 10, 10)


@pytest.mark.parametrize("opening", [
    "Cairo - Thousands of protesters gathered today.",  # a title-case word and a dash: a sentence may open so
    "Apple (AAPL) - shares rose in early trading.",  # not a known agency, no date
    "Nairobi (AFP) said on Monday that it would appeal.",  # what follows does not open a sentence
    "The company (AP) said on Monday it would appeal.",
    "Note : the figures are provisional.",  # a title-case word and a colon, no date
])
def test_sentence_openings_that_are_not_wire_datelines(tmp_path, opening):
    doc = read_one(tmp_path, f"A headline\n\n23 October 2024\n\n{opening}\n")
    assert blocks_of(doc, BlockKind.DATELINE) == ["23 October 2024"]
    assert blocks_of(doc, BlockKind.PARAGRAPH) == [opening]


def test_byline_with_outlet_then_place():
    by = parse_byline("By Surendra Phuyal, BBC News, Kathmandu")
    assert by is not None and by.names == ["Surendra Phuyal"] and by.source == "BBC News"


@pytest.mark.parametrize("line", [
    "(Reporting by Shaimaa Fayed, editing by Mark Trevelyan)",
    "(Writing by Bernard Orr; Editing by Andrew Heavens)",
])
def test_bracketed_wire_credits_are_furniture(line):
    assert is_boilerplate(line)
