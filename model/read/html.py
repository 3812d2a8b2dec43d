"""Saved web pages (``.html``, ``.htm``): the article, not the page, via trafilatura (offline).

``Document.text`` for HTML is the extracted article, not the markup: the title line, a blank
line, then the headings, paragraphs, quotes, list items and table rows trafilatura keeps, one
per paragraph (blank line between). Blocks and offsets index THAT text; ``format="html"`` says
so. Script, style, navigation and footers never reach it. Metadata: title, author(s), url and
site name from trafilatura; the publication date from the page's own machine-readable dates
(``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``) when present,
since they carry the time and zone, else trafilatura's date.

When trafilatura finds no article, the visible text of ``<body>`` (script, style and the like
removed) is used instead, one paragraph per block element, and a note says so.
Nothing is fetched: links, images and scripts in the page are never followed.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from model.ids import document_id
from model.read.dates import parse_date_line
from model.read.safe import CLEAN_ALL, clean, clean_field, cleaning_note
from model.read.text import add_names, find_credit, is_boilerplate, parse_byline, related_title
from model.schema import Block, BlockKind, Document, Note

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "publication_date",
)
_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
         "svg", "iframe", "object", "embed", "button", "select", "head")
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "figure", "figcaption",
    "dd", "dt", "dl", "address",
})


def _parse(html: str):
    """``(lxml tree of html or None, cut)``. Bytes in, so an encoding declaration cannot upset
    lxml. ``cut`` is True when libxml2 stopped at one of its resource limits (elements nested
    more than 256 deep): everything after that point is missing from the tree, silently."""
    try:
        import lxml.html

        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        cut = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
        return tree, cut
    except Exception:  # unparseable markup: the caller falls back to the flat text
        return None, False


#: Elements whose content is never shown by a browser (``<template>`` is inert, the others are
#: code or machine data); their text must not become article text.
_HIDDEN_CONTENT = ("script", "style", "template", "noscript", "head", "svg", "iframe", "object", "textarea", "title")
#: One tag or comment; bounded so a page of unclosed ``<`` stays linear.
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,20})?[^<>]{0,4000}>")


def _without(html: str, names: tuple[str, ...]) -> str:
    """``html`` with every ``<name ...>...</name>`` element of ``names`` cut out, by plain
    search (no parser, so no nesting limit; linear: each search starts past the last)."""
    opener = re.compile(r"<(" + "|".join(names) + r")\b", re.I)
    low = html.lower()
    out: list[str] = []
    pos = 0
    while True:
        m = opener.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos : m.start()])
        close = low.find("</" + m.group(1).lower(), m.end())
        if close == -1:
            break  # never closed: a browser hides the rest of the page too
        gt = low.find(">", close)
        pos = len(html) if gt == -1 else gt + 1
    return "".join(out)


def _flat_pieces(html: str) -> list[tuple[BlockKind, int | None, str]]:
    """The visible text of a page read WITHOUT a parser: hidden elements cut out, tags removed
    (block tags end a paragraph), entities decoded. For pages no parser can hold, such as
    100,000 nested ``<div>`` s, where libxml2 stops at depth 256 and drops the rest."""
    import html as html_lib

    text = _without(html, _HIDDEN_CONTENT)

    def tag(m: re.Match) -> str:
        name = (m.group(2) or "").lower()
        return "\n" if name in _BLOCK_TAGS else ""  # inline tags join words, as a browser does

    text = html_lib.unescape(_ANY_TAG.sub(tag, text))
    return [(BlockKind.PARAGRAPH, None, " ".join(line.split())) for line in text.split("\n") if line.strip()]


def _page_metadata(tree) -> dict[str, str]:
    """Machine-readable facts the page states about itself."""
    out: dict[str, str] = {}
    if tree is None:
        return out
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in _DATE_META and content and "published" not in out:
            out["published"] = content
        elif key in ("og:url",) and content:
            out.setdefault("url", content)
        elif key in ("og:site_name", "application-name") and content:
            out.setdefault("site", content)
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            out["url"] = link.get("href").strip()
    if "published" not in out:
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
                continue
            found = _ld_date(script.text)
            if found:
                out["published"] = found
                break
    if "published" not in out:
        for t in tree.iter("time"):
            value = (t.get("datetime") or "").strip()
            if value:
                out["published"] = value
                break
    return out


_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


def _ld_date(script: str) -> str | None:
    m = _LD_DATE.search(script[:200_000])
    if m:
        return m.group(1)
    try:
        data = json.loads(script[:200_000])
    except (ValueError, RecursionError):  # nested thousands deep: no date, not a lost page
        return None
    if isinstance(data, dict):
        value = data.get("datePublished")
        return value if isinstance(value, str) else None
    return None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    return parse_date_line(value.strip()[:80]).to_datetime()


# --------------------------------------------------------------------------- pieces


def _text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _trafilatura_pieces(html: str):
    """``(metadata, [(kind, level, text), ...])`` from trafilatura, or ``(metadata, [])``."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
    )
    if result is None:
        return {}, []
    meta = {
        "title": getattr(result, "title", None), "author": getattr(result, "author", None),
        "date": getattr(result, "date", None), "url": getattr(result, "url", None),
        "site": getattr(result, "sitename", None), "tags": getattr(result, "tags", None),
    }
    body = getattr(result, "body", None)
    pieces: list[tuple[BlockKind, int | None, str]] = []
    if body is None:
        return meta, pieces
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            rend = el.get("rend") or ""
            level = int(rend[1:]) if rend[1:].isdigit() else None
            pieces.append((BlockKind.HEADING, level, _text_of(el)))
        elif tag == "quote":
            pieces.append((BlockKind.QUOTE, None, _text_of(el)))
        elif tag == "list":
            for item in el.iter("item"):
                pieces.append((BlockKind.LIST_ITEM, None, _text_of(item)))
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_text_of(c) for c in row if isinstance(c.tag, str)]
                pieces.append((BlockKind.PARAGRAPH, None, " | ".join(c for c in cells if c)))
        else:
            pieces.append((BlockKind.PARAGRAPH, None, _text_of(el)))
    return meta, [p for p in pieces if p[2]]


def _body_pieces(tree) -> list[tuple[BlockKind, int | None, str]]:
    """The visible text of <body>, one piece per block element (fallback).

    Read by walking the tree, never by editing it: lxml refuses to set any text that holds a
    control character (``ValueError: All strings must be XML compatible``), and a page may
    carry ESC or BEL in its text, literally or as ``&#27;``."""
    if tree is None:
        return []
    from lxml import etree

    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    hidden = 0  # depth inside an element of _DROP
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if hidden or tag in _DROP:
                hidden += 1
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text and tag not in ("br", "hr"):
                parts.append(el.text)
            continue
        if hidden:
            hidden -= 1
            if hidden:
                continue
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
        if el is not root and el.tail:
            parts.append(el.tail)
    text = "".join(parts)
    return [(BlockKind.PARAGRAPH, None, " ".join(line.split())) for line in text.split("\n") if line.strip()]


# --------------------------------------------------------------------------- reader


_STAND_INS = frozenset(CLEAN_ALL.values())
#: A numeric character reference (``&#27;``, ``&#x1b;``); digits bounded, so linear.
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}))(;?)")


def _visible_ref(m: re.Match) -> str:
    """A character reference to a control, bidi, surrogate or out-of-range code point, as its
    visible stand-in (what :func:`clean` would make of the character); others unchanged.
    lxml decodes ``&#x1b;`` into a real ESC and then refuses every later edit of that text
    ("All strings must be XML compatible"), which lost the whole page."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if code == 0 or code > 0x10FFFF:
        return "\ufffd"
    if code in (0x09, 0x0A, 0x0D):
        return m.group(0)
    if 0x80 <= code <= 0x9F:
        # As browsers (and libxml2) do: "&#146;" means Windows-1252's "’", not a C1 control.
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return "\ufffd"
    stand_in = chr(code).translate(CLEAN_ALL)
    return m.group(0) if stand_in == chr(code) else stand_in


def read_html(path: str, html: str, notes: list[Note]) -> Document:
    """A saved page (decoded) -> Document whose text is the extracted article."""
    notes = list(notes)
    if "&#" in html:
        stand_ins: list[str] = []

        def visible(m: re.Match) -> str:
            out = _visible_ref(m)
            if out in _STAND_INS:
                stand_ins.append(out)
            return out

        html = _CHAR_REF.sub(visible, html)
        if stand_ins:
            notes.append(cleaning_note(len(stand_ins)))
    tree, cut = _parse(html)
    page = _page_metadata(tree)
    page_title = tree.findtext(".//title") if tree is not None else None
    if cut:
        # The parsers (lxml's and trafilatura's, both libxml2) would lose everything past the
        # limit without a word; read the whole page as flat text instead, and say so.
        meta, pieces = {}, _flat_pieces(html)
        notes.append(Note(code="html-flat",
                          message="the page nests elements too deeply for an HTML parser (over 256 "
                                  "levels); its visible text was read without the page structure"))
    else:
        try:
            meta, pieces = _trafilatura_pieces(_without(html, ("template",)) if "<template" in html.lower() else html)
        except Exception as exc:  # an extractor failure falls back to the page text
            meta, pieces = {}, []
            notes.append(Note(code="html-extract-failed", message=f"article extraction failed ({type(exc).__name__})"))
    if not pieces and tree is None:
        pieces = _flat_pieces(html)
    if not pieces:
        pieces = _body_pieces(tree)
        notes.append(Note(code="html-fallback",
                          message="no main article found; showing the page's visible text instead"))
    title = clean_field(meta.get("title")) or clean_field(page_title)
    if pieces and title and pieces[0][0] is BlockKind.HEADING and clean_field(pieces[0][2]) == title:
        pieces = pieces[1:]

    parts: list[str] = []
    kinds: list[tuple[BlockKind, int | None]] = []
    if title:
        parts.append(title)
        kinds.append((BlockKind.TITLE, None))
    for kind, level, words in pieces:
        parts.append(words)
        kinds.append((kind, level))
    raw = "\n\n".join(parts)
    text, count = clean(raw)
    if count:
        notes.append(cleaning_note(count))

    doc = Document(id=document_id(path), path=path, format="html", text=text, title=title, notes=notes)
    by_names: list[str] = []
    for name in re.split(r"\s*;\s*|\s*,\s*|\s+and\s+", meta.get("author") or ""):
        name = clean_field(name, 100)
        if name:
            add_names(by_names, [name])
    blocks: list[Block] = []
    pos = 0
    body_seen = 0
    for part, (kind, level) in zip(parts, kinds):
        start, end = pos, pos + len(part)
        pos = end + 2
        words = text[start:end]
        if kind is BlockKind.PARAGRAPH:
            block = _classify(words, start, end, body_seen < 2, doc, by_names)
            if block.kind is BlockKind.PARAGRAPH:
                body_seen += 1
            blocks.append(block)
        else:
            blocks.append(Block(kind=kind, start=start, end=end, level=level))
    doc.blocks = blocks
    doc.byline = by_names
    doc.published = _date(page.get("published")) or _date(meta.get("date")) or doc.published
    doc.url = clean_field(page.get("url") or meta.get("url"), 2000)
    doc.source = doc.source or clean_field(page.get("site") or meta.get("site"), 200)
    tags = meta.get("tags") or []
    doc.tags = [t for t in (clean_field(str(x), 100) for x in tags[:50]) if t] if isinstance(tags, list) else []
    return doc


def _classify(words: str, start: int, end: int, in_header: bool, doc: Document, by_names: list[str]) -> Block:
    """The pasted-text rules, for one extracted paragraph."""
    rel = related_title(words)
    if rel is not None:
        return Block(kind=BlockKind.RELATED, start=start, end=end, title=rel[1])
    if is_boilerplate(words):
        return Block(kind=BlockKind.BOILERPLATE, start=start, end=end)
    if in_header:
        by = parse_byline(words)
        if by is not None:
            add_names(by_names, by.names)
            doc.source = doc.source or by.source
            return Block(kind=BlockKind.BYLINE, start=start, end=end)
        hit = parse_date_line(words)
        if hit.is_dateline:
            doc.published = doc.published or hit.to_datetime()
            return Block(kind=BlockKind.DATELINE, start=start, end=end)
    credit = find_credit(words)
    if credit is not None and len(words) <= 520:
        return Block(kind=BlockKind.CAPTION, start=start, end=end, credit=credit.name,
                     credit_start=start + credit.name_start, credit_end=start + credit.name_end,
                     content_start=start, content_end=start + credit.words_end)
    return Block(kind=BlockKind.PARAGRAPH, start=start, end=end)
