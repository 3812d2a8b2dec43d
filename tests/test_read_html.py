"""The HTML reader: trafilatura's article (offline), its metadata, and a body-text fallback."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from model.read import read_path
from model.schema import BlockKind, Document
from tests.test_read_text import FIXTURES, assert_spans


@pytest.fixture(scope="module")
def page() -> Document:
    result = read_path(FIXTURES / "article.html")
    assert result.problems == []
    (doc,) = result.documents
    return doc


def test_metadata(page):
    assert page.format == "html"
    assert page.title == "Ceasefire talks resume in Geneva"
    assert page.published == datetime(2024, 10, 23, 7, 54, tzinfo=timezone(timedelta(hours=2)))
    assert page.byline == ["Jane Doe"]
    assert page.url == "https://example.com/news/geneva-talks"
    assert page.source == "Example Wire"


def test_text_is_the_article_laid_out_as_paragraphs(page):
    assert_spans(page)
    assert page.text.startswith("Ceasefire talks resume in Geneva\n\nBy Jane Doe\n\nNegotiators")
    kinds = [b.kind for b in page.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.PARAGRAPH, BlockKind.HEADING,
                     BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.PARAGRAPH]
    (heading,) = [b for b in page.blocks if b.kind is BlockKind.HEADING]
    assert page.text[heading.start:heading.end] == "What was agreed" and heading.level == 2
    # Blocks tile the text: one blank line between consecutive blocks.
    for a, b in zip(page.blocks, page.blocks[1:]):
        assert page.text[a.end:b.start] == "\n\n"


def test_script_style_nav_and_footer_never_reach_the_body(page):
    for marker in ("SCRIPT_MARKER", "INLINE_SCRIPT_MARKER", "STYLE_MARKER", "font-family", "NAV_MARKER",
                   "FOOTER_MARKER", "<", ">"):
        assert marker not in page.text


def test_fallback_to_body_text_when_trafilatura_finds_nothing(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    path = tmp_path / "thin.htm"
    path.write_text("<html><head><title>Thin page</title><style>p{}</style></head><body>"
                    "<script>var HIDDEN = 1;</script><div>First line of text</div><p>Second <b>bold</b> line</p>"
                    "</body></html>", encoding="utf-8")
    (doc,) = read_path(path).documents
    assert_spans(doc)
    assert doc.text == "Thin page\n\nFirst line of text\n\nSecond bold line"
    assert "HIDDEN" not in doc.text
    assert any(n.code == "html-fallback" for n in doc.notes)


def test_control_characters_in_html_are_cleaned(tmp_path):
    path = tmp_path / "ctl.html"
    body = "<p>" + "Officials met in Geneva on Tuesday to talk about the war. " * 4 + "\x1b[2J done.</p>"
    path.write_text(f"<html><head><title>T\u202eitle</title></head><body><article><h1>T\u202eitle</h1>{body}"
                    "</article></body></html>", encoding="utf-8")
    (doc,) = read_path(path).documents
    # The parser may drop a control character outright; whatever survives is made visible.
    assert "\x1b" not in doc.text and "\u202e" not in doc.text and "\u202e" not in (doc.title or "")
    assert "[2J done." in doc.text
    assert "T\ufffditle" in doc.text  # the heading kept its override, made visible
    assert any(n.code == "cleaned" for n in doc.notes)
