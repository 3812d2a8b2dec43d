"""Markdown articles (``.md``, ``.markdown``): blocks from markdown-it-py's token line maps.

``Document.text`` is the whole (cleaned) source, front matter included, so every offset leads
back to the file. markdown-it gives each block token a ``map`` of source lines; a block's span
covers those lines (markers such as ``## `` or ``- `` included) and ``content_start/end`` mark
the words inside the markers, which is what extraction reads.

- Optional YAML front matter (``---`` ... ``---``): title, date/published, author(s), source,
  url, tags -> Document fields and one ``metadata`` block.
- Headings (ATX and setext) with their level; the first H1 is the title block when the front
  matter names no other title.
- Paragraphs, block quotes (``quote``), list items (``list_item``); code blocks, raw HTML and
  rules are not prose and get no block.
- Paragraph rules shared with pasted text: ``Read more:`` lines are ``related`` (with the
  link's href), site furniture is ``boilerplate``, ``By ...`` and date lines near the top are
  ``byline``/``dateline``, image-only or credited paragraphs are ``caption``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from model.ids import document_id
from model.read.dates import parse_date_line
from model.read.safe import clean_field
from model.read.text import (
    add_names,
    find_credit,
    is_boilerplate,
    parse_byline,
    related_title,
)
from model.schema import Block, BlockKind, Document, Note

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
MAX_FRONT_MATTER = 64 * 1024
MAX_LIST_ITEMS = 50
#: Containers markdown-it may leave empty at its nesting limit, and the block each becomes.
_CONTAINERS = {"blockquote_open": BlockKind.QUOTE, "list_item_open": BlockKind.LIST_ITEM}
#: The quote and list markers opening a too-deeply nested block (``> > - 1. ``); possessive, so
#: it cannot backtrack.
_MARKERS = re.compile(r"(?:(?:[>*+-]|\d{1,9}[.)])[ \t]*)*+")


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, int, Note | None]:
    """``(metadata, end offset of the front matter, note)``; ``end`` is 0 when there is none."""
    if not _FRONT_OPEN.match(text):
        return None, 0, None
    close = _FRONT_CLOSE.search(text, 4, 4 + MAX_FRONT_MATTER)
    if close is None:
        return None, 0, None
    raw = text[4 : close.start()]
    try:
        import yaml

        data = yaml.safe_load(raw)
    except Exception as exc:  # bad YAML is the author's problem; keep the body readable
        problem = getattr(exc, "problem", None) or type(exc).__name__
        return None, close.end(), Note(code="front-matter", message=f"front matter is not valid YAML ({problem}); ignored")
    if not isinstance(data, dict):
        return None, close.end(), Note(code="front-matter", message="front matter is not a mapping of keys to values; ignored")
    return data, close.end(), None


def _first(meta: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        for k, v in meta.items():
            if isinstance(k, str) and k.lower() == key and v not in (None, "", []):
                return v
    return None


def _strings(value: Any) -> list[str]:
    """Scalars (or a list of scalars) as cleaned strings; nested structures are ignored."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:MAX_LIST_ITEMS]:
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            s = clean_field(str(item), 200)
            if s:
                out.append(s)
    return out


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return parse_date_line(value.strip()).to_datetime()
    return None


def apply_front_matter(doc: Document, meta: dict[str, Any]) -> None:
    title = _strings(_first(meta, "title", "headline"))
    if title:
        doc.title = title[0]
    doc.published = _when(_first(meta, "published", "date", "pubdate", "publishdate", "published_at", "datepublished"))
    authors = _first(meta, "authors", "author", "byline", "by")
    if authors is not None:
        names: list[str] = []
        for s in _strings(authors):
            add_names(names, [n.strip() for n in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*", s) if n.strip()])
        doc.byline = names
    source = _strings(_first(meta, "source", "publication", "publisher", "site", "site_name", "sitename"))
    url = _strings(_first(meta, "url", "link", "canonical", "canonical_url", "source_url", "permalink"))
    if url:
        doc.url = url[0]
    if source:
        if source[0].lower().startswith(("http://", "https://")) and not doc.url:
            doc.url = source[0]
        else:
            doc.source = source[0]
    tags = _first(meta, "tags", "keywords", "categories", "topics")
    if isinstance(tags, str):
        tags = [t for t in re.split(r"\s*,\s*", tags) if t]
    doc.tags = _strings(tags) if tags is not None else []


# --------------------------------------------------------------------------- blocks


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


class _Lines:
    """Line numbers (relative to the parsed body) -> offsets in the whole text."""

    def __init__(self, text: str, body_start: int) -> None:
        self.text = text
        self.starts = _line_starts(text)
        self.first = len(_line_starts(text[:body_start])) - 1 if body_start else 0

    def line_span(self, line: int) -> tuple[int, int]:
        idx = min(self.first + line, len(self.starts) - 1)
        start = self.starts[idx]
        end = self.starts[idx + 1] - 1 if idx + 1 < len(self.starts) else len(self.text)
        return start, end

    def span(self, map_: list[int]) -> tuple[int, int]:
        """The stripped span of lines ``[map_[0], map_[1])``."""
        start, _ = self.line_span(map_[0])
        _, end = self.line_span(max(map_[0], map_[1] - 1))
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def content(self, map_: list[int], content: str, block: tuple[int, int]) -> tuple[int, int]:
        """Where ``content`` (an inline token's text) sits inside the block's lines."""
        parts = [p for p in content.split("\n") if p.strip()]
        if not parts:
            return block
        line_start, line_end = self.line_span(map_[0])
        first = parts[0].strip()
        col = self.text.find(first, line_start, line_end + 1) if first else -1
        start = col if col >= 0 else block[0]
        last = parts[-1].strip()
        last_line = max(map_[0], map_[1] - 1)
        ls, le = self.line_span(last_line)
        while last_line > map_[0] and not self.text[ls:le].strip():
            last_line -= 1
            ls, le = self.line_span(last_line)
        col = self.text.rfind(last, ls, le + 1)
        end = col + len(last) if col >= 0 else block[1]
        start = max(block[0], min(start, block[1]))
        end = max(start, min(end, block[1]))
        return start, end


#: Inline markup is parsed only for paragraphs up to this long: they are the ones whose links,
#: images and plain words matter (related links, captions, bylines), and markdown-it's inline
#: parser is superlinear on pathological input such as a megabyte of "[".
MAX_INLINE = 1000


def _children(inline) -> list:
    if "children" in inline.meta:
        return inline.meta["children"]
    children: list = []
    if len(inline.content) <= MAX_INLINE:
        from markdown_it import MarkdownIt

        parsed = MarkdownIt("commonmark").parseInline(inline.content)
        children = parsed[0].children or [] if parsed else []
    inline.meta["children"] = children
    return children


def _href(inline) -> str | None:
    for child in _children(inline):
        if child.type == "link_open":
            href = child.attrs.get("href")
            return clean_field(str(href), 2000) if href else None
    return None


def _image_alt(inline) -> str | None:
    kids = [c for c in _children(inline) if not (c.type == "text" and not c.content.strip())
            and c.type not in ("softbreak", "hardbreak")]
    if len(kids) == 1 and kids[0].type == "image":
        return kids[0].content or "".join(c.content for c in kids[0].children or [])
    return None


def read_markdown(path: str, text: str, notes: list[Note]) -> Document:
    """A Markdown file (decoded and cleaned) -> Document."""
    from markdown_it import MarkdownIt

    doc = Document(id=document_id(path), path=path, format="markdown", text=text, notes=list(notes))
    meta, body_start, note = split_front_matter(text)
    if note:
        doc.notes.append(note)
    blocks: list[Block] = []
    if body_start:
        end = body_start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        blocks.append(Block(kind=BlockKind.METADATA, start=0, end=end))
    if meta:
        apply_front_matter(doc, meta)
    front_title = doc.title

    lines = _Lines(text, body_start)
    # Block structure only; inline markup is parsed per short paragraph (see MAX_INLINE).
    md = MarkdownIt("commonmark").disable("inline")
    tokens = md.parse(text[body_start:])
    deepest = md.options.maxNesting - 1
    stack: list[str] = []
    body_paragraphs = 0
    title_taken = False
    too_deep = 0
    by_names: list[str] = list(doc.byline)
    for i, tok in enumerate(tokens):
        if tok.nesting == 1:
            if (tok.level >= deepest and tok.map and tok.type in _CONTAINERS and i + 1 < len(tokens)
                    and tokens[i + 1].nesting == -1):
                # markdown-it stops at its nesting limit and gives the words inside no token
                # at all: text an analyst sees would escape extraction. Keep it as one block.
                span = lines.span(tok.map)
                if span[0] < span[1]:
                    start = _MARKERS.match(text, span[0], span[1]).end()
                    blocks.append(Block(kind=_CONTAINERS[tok.type], start=span[0], end=span[1],
                                        content_start=start, content_end=max(start, span[1])))
                    too_deep += 1
            stack.append(tok.type)
            continue
        if tok.nesting == -1:
            if stack:
                stack.pop()
            continue
        if tok.type != "inline" or not tok.map:
            continue
        parent = stack[-1] if stack else ""
        container = "list" if "list_item_open" in stack else "quote" if "blockquote_open" in stack else ""
        span = lines.span(tok.map)
        if parent == "heading_open":
            span = lines.span(tokens[i - 1].map or tok.map)
        if span[0] >= span[1]:
            continue
        content = lines.content(tok.map, tok.content, span)
        words = text[content[0]:content[1]]
        if parent == "heading_open":
            level = int(tokens[i - 1].tag[1:]) if tokens[i - 1].tag[1:].isdigit() else None
            heading_text = clean_field(tok.content) or ""
            is_title = (not title_taken and level == 1 and (front_title is None or heading_text == front_title))
            if is_title:
                title_taken = True
                doc.title = doc.title or heading_text
            blocks.append(Block(kind=BlockKind.TITLE if is_title else BlockKind.HEADING, start=span[0], end=span[1],
                                content_start=content[0], content_end=content[1], level=level))
            continue
        if container == "list":
            blocks.append(Block(kind=BlockKind.LIST_ITEM, start=span[0], end=span[1],
                                content_start=content[0], content_end=content[1], href=_href(tok)))
            continue
        if container == "quote":
            blocks.append(Block(kind=BlockKind.QUOTE, start=span[0], end=span[1],
                                content_start=content[0], content_end=content[1]))
            continue
        blocks.append(_paragraph_block(tok, span, content, words, body_paragraphs < 2, doc, by_names))
        if blocks[-1].kind is BlockKind.PARAGRAPH:
            body_paragraphs += 1
    if too_deep:
        doc.notes.append(Note(code="markdown-nesting",
                              message=f"{too_deep} block(s) nested more than {deepest} levels deep "
                                      "(quotes or lists) were each read as one block, inner markers included"))
    doc.byline = by_names
    blocks.sort(key=lambda b: (b.start, b.end))
    doc.blocks = blocks
    return doc


def _paragraph_block(tok, span, content, words: str, in_header: bool, doc: Document, by_names: list[str]) -> Block:
    """A top-level paragraph, with the pasted-text rules for the special kinds."""
    alt = _image_alt(tok)
    if alt is not None:
        col = words.find(alt) if alt else -1
        cs, ce = (content[0] + col, content[0] + col + len(alt)) if col >= 0 else content
        return Block(kind=BlockKind.CAPTION, start=span[0], end=span[1], content_start=cs, content_end=ce)
    single_line = "\n" not in words
    if single_line:
        rel = related_title(_plain(tok))
        if rel is not None:
            return Block(kind=BlockKind.RELATED, start=span[0], end=span[1],
                         title=clean_field(rel[1]), href=_href(tok))
        if is_boilerplate(words):
            return Block(kind=BlockKind.BOILERPLATE, start=span[0], end=span[1])
        if in_header:
            by = parse_byline(_plain(tok))
            if by is not None:
                add_names(by_names, by.names)
                doc.source = doc.source or by.source
                return Block(kind=BlockKind.BYLINE, start=span[0], end=span[1])
            hit = parse_date_line(_plain(tok))
            if hit.is_dateline:
                if doc.published is None:
                    doc.published = hit.to_datetime()
                return Block(kind=BlockKind.DATELINE, start=span[0], end=span[1])
        credit = find_credit(words)
        if credit is not None:
            base = content[0]
            return Block(kind=BlockKind.CAPTION, start=span[0], end=span[1], credit=credit.name,
                         credit_start=base + credit.name_start, credit_end=base + credit.name_end,
                         content_start=base, content_end=base + credit.words_end)
    return Block(kind=BlockKind.PARAGRAPH, start=span[0], end=span[1],
                 content_start=content[0], content_end=content[1])


def _plain(tok) -> str:
    """The inline token's words without Markdown markup (link text, not the URL)."""
    parts = []
    for child in _children(tok):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()
