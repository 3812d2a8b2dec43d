"""Property tests over the whole path: any bytes in -> Documents or Problems, never an exception;
every span of every annotation inside the text and equal to its slice; bounded time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.corpus import process_file

NEWSY = st.lists(
    st.one_of(
        st.sampled_from(list(" \n\n.,;:!?'\"“”‘’()-–—$£€%0123456789")),
        st.sampled_from(["Mr ", "said ", "Seoul", "North Korea", "Monday", "March ", "2024", "By ",
                         "Picture: Getty", "Read more: ", "yesterday", "1,500 ", "troops", "U.S.",
                         "[@click=app.quit]", "\x1b]52;c;", "\u202e", "\u0301"]),
        st.characters(),
    ),
    max_size=120,
).map(lambda parts: "".join(parts))


@pytest.fixture(autouse=True, scope="module")
def _lexicons_loaded(tmp_path_factory):
    """Load the lexicons and build the matchers once before the deadline applies: the deadline
    bounds the time per document, not the one-off start of a process (about a second)."""
    warm = tmp_path_factory.mktemp("warm") / "warm.txt"
    warm.write_text("Title\n\nMr John Smith said in Seoul on Monday that 1,500 troops left.\n", encoding="utf-8")
    process_file(warm)


def _check(doc) -> None:
    n = len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n
    for group in (doc.sentences, doc.mentions, doc.timexes, doc.quotes, doc.figures, doc.events):
        for item in group:
            assert 0 <= item.start <= item.end <= n
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    for f in doc.figures:
        assert doc.text[f.start:f.end] == f.text


@settings(max_examples=60, deadline=timedelta(seconds=2),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=NEWSY)
def test_any_text_extracts_with_valid_spans(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = process_file(path)
    assert result.documents or result.problems
    for doc in result.documents:
        assert not [n for n in doc.notes if n.code == "extract-failed"], doc.notes
        _check(doc)


@settings(max_examples=60, deadline=timedelta(seconds=2),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_give_documents_or_problems(tmp_path, data, suffix):
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    result = process_file(path)
    assert result.documents or result.problems
    for doc in result.documents:
        assert not [n for n in doc.notes if n.code == "extract-failed"], doc.notes
        _check(doc)
