"""Property tests: any bytes in -> Documents or Problems, never an exception; every span valid;
no control or bidi character survives into a document's text or header fields."""

from __future__ import annotations

import os
import re
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.read import ReadResult, read_path
from model.read.dates import parse_date_line, wire_dateline
from model.read.text import structure_text

#: C0 except tab and newline, DEL, C1, the bidi controls, and line/paragraph separators.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")

# Pieces that make random input look like the things the readers look for.
NEWSY = st.sampled_from([
    "\n", "\n\n", "\r\n", "\r", " ", "By ", "Jane Doe", " and ", ", Reuters", "Picture: Getty", " (Image: AP)",
    "Read more: ", "Listen to this article", "23 October 2024, 07:54", "2024-10-23T07:54Z", "GMT", "KYIV, ",
    "March 3 (Reuters) - ", "# ", "## ", "- ", "> ", "---\n", "title: x\n", "![alt](x.png)", "[a](b)", "\x1b[31m",
    "\u202e", "\x00", "\x85", "\ufeff", "\u2028", "é", "’", "<p>", "</p>", "<script>", "{\"text\": \"", "\"}",
])
TEXTISH = st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map("".join)
BYTESISH = st.one_of(
    st.binary(max_size=300),
    TEXTISH.map(lambda s: s.encode("utf-8", "surrogatepass")),
    TEXTISH.map(lambda s: s.encode("utf-16", "surrogatepass")),
)


def check_result(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    assert result.documents or result.problems
    for problem in result.problems:
        assert problem.reason
    for doc in result.documents:
        text = doc.text
        assert not FORBIDDEN.search(text), "a control character survived"
        for field in (doc.title, doc.source, doc.url, *doc.byline, *doc.tags):
            assert field is None or not FORBIDDEN.search(field)
        for b in doc.blocks:
            assert 0 <= b.start <= b.end <= len(text)
            for s, e in ((b.content_start, b.content_end), (b.credit_start, b.credit_end)):
                if s is not None:
                    assert e is not None and b.start <= s <= e <= b.end


def _read(data: bytes, suffix: str) -> ReadResult:
    fd, name = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return read_path(name)
    finally:
        os.unlink(name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTESISH)
def test_any_bytes_as_text(data):
    check_result(_read(data, ".txt"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTESISH)
def test_any_bytes_as_markdown(data):
    check_result(_read(data, ".md"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTESISH)
def test_any_bytes_as_jsonl(data):
    check_result(_read(data, ".jsonl"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTESISH)
def test_any_bytes_as_html(data):
    check_result(_read(data, ".html"))


@settings(max_examples=200, deadline=None)
@given(text=TEXTISH)
def test_structure_spans_are_exact(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = structure_text(text)
    last = 0
    for b in found.blocks:
        piece = text[b.start:b.end]
        assert 0 <= b.start <= b.end <= len(text)
        assert piece == piece.strip()
        assert b.start >= last
        last = b.end


@settings(max_examples=300, deadline=None)
@given(line=st.one_of(TEXTISH, st.text(max_size=80)))
def test_date_parsing_never_raises(line):
    hit = parse_date_line(line)
    value = hit.to_datetime(default_year=2024)
    assert value is None or 1800 <= value.year <= 2199
    wire = wire_dateline(line)
    assert wire is None or 0 < wire.end <= len(line)
