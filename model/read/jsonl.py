"""JSON Lines (``.jsonl``): one article per line, each its own Document.

Fields (first present wins): ``title``/``headline``; ``published``/``date``/``datePublished``;
``byline``/``author``/``authors`` (a string or a list of strings); ``url``/``link``;
``source``/``publication``/``site``; ``tags``; the body in ``text``/``content``/``body``/
``article``.

Layout choice: the Document text is the title, a blank line, then the body (just the body when
there is no title), so the pasted-article rules label it exactly as they label a ``.txt`` file
(captions, headings, related links, bylines and datelines inside the body). The JSON fields
win over what the body says for title, date and byline. Each document's id is
``document_id(path, line)`` and ``line`` is its 1-based line number.

A bad line (invalid JSON, not an object, no text) is a :class:`~model.schema.Problem` with its
line number; the other lines still load. Blank lines are skipped.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from model.ids import document_id
from model.read.dates import parse_date_line
from model.read.safe import clean, clean_field, cleaning_note, normalise_newlines
from model.read.text import add_names, structure_text
from model.schema import Document, Note, Problem

TITLE_KEYS = ("title", "headline", "name")
DATE_KEYS = ("published", "date", "datepublished", "published_at", "pubdate", "publication_date", "timestamp")
AUTHOR_KEYS = ("byline", "author", "authors", "by")
URL_KEYS = ("url", "link", "href", "canonical_url")
SOURCE_KEYS = ("source", "publication", "publisher", "site", "sitename", "site_name")
TEXT_KEYS = ("text", "content", "body", "article", "article_text", "maintext")


def _get(obj: dict, keys: tuple[str, ...]):
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, "", []):
            return value
    return None


def _names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:50]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            for part in item.replace(" and ", ",").split(","):
                name = clean_field(part.removeprefix("By ").removeprefix("by "), 100)
                if name:
                    add_names(names, [name])
    return names


def _when(value) -> datetime | None:
    """A date string as news feeds write them, or a Unix timestamp (seconds or milliseconds)."""
    if isinstance(value, str):
        return parse_date_line(value.strip()[:100]).to_datetime()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not -1e15 < value < 1e15:  # inf, NaN and integers too large for a float: no date
            return None
        seconds = value / 1000 if value > 1e11 else value
        if 0 < seconds < 7.3e9:  # up to the year 2200
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
    return None


def read_jsonl(path: str, text: str, notes: list[Note]):
    """A JSON Lines file (decoded) -> one Document per good line, one Problem per bad one."""
    from model.read import ReadResult

    result = ReadResult()
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            # A byte-order mark inside the file (files joined with ``cat``) starts a line:
            # json.loads refuses it, yet the line is good JSON.
            obj = json.loads(raw.lstrip("\ufeff"))
        except ValueError as exc:
            msg = getattr(exc, "msg", "invalid JSON")
            result.problems.append(Problem(path=path, line=number, reason=f"not valid JSON ({msg})"))
            continue
        except RecursionError:  # ``[[[[...`` thousands deep: this line is lost, not the file
            result.problems.append(Problem(path=path, line=number,
                                           reason="JSON nested too deeply to read (thousands of levels)"))
            continue
        if not isinstance(obj, dict):
            result.problems.append(Problem(path=path, line=number,
                                           reason=f"a JSON {type(obj).__name__}, not an object with a text field"))
            continue
        body = _get(obj, TEXT_KEYS)
        if not isinstance(body, str) or not body.strip():
            result.problems.append(Problem(path=path, line=number,
                                           reason="no article text (expected a 'text', 'content' or 'body' field)"))
            continue
        result.documents.append(_document(path, number, obj, body, notes))
    if not result.documents and not result.problems:
        result.problems.append(Problem(path=path, reason="no articles (only blank lines)"))
    return result


def _document(path: str, number: int, obj: dict, body: str, notes: list[Note]) -> Document:
    title_value = _get(obj, TITLE_KEYS)
    title = None
    count = 0
    if isinstance(title_value, str):
        title, count = clean(normalise_newlines(title_value))
        title = clean_field(title)
    body = normalise_newlines(body).strip()
    raw = f"{title}\n\n{body}" if title else body
    text, body_count = clean(raw)
    count += body_count
    doc_notes = list(notes)
    if count:
        doc_notes.append(cleaning_note(count))
    found = structure_text(text, title="first" if title else "none")
    byline = _names(_get(obj, AUTHOR_KEYS))
    add_names(byline, found.byline)
    url = _get(obj, URL_KEYS)
    source = _get(obj, SOURCE_KEYS)
    tags = _get(obj, ("tags", "keywords", "categories"))
    blocks = found.blocks
    return Document(
        id=document_id(path, number), path=path, format="jsonl", line=number,
        title=title or found.title, published=_when(_get(obj, DATE_KEYS)) or found.published,
        byline=byline, url=clean_field(url, 2000) if isinstance(url, str) else None,
        source=(clean_field(source, 200) if isinstance(source, str) else None) or found.source,
        tags=[t for t in (clean_field(x, 100) for x in tags[:50] if isinstance(x, str)) if t] if isinstance(tags, list) else [],
        text=text, blocks=blocks, notes=doc_notes,
    )
