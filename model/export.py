"""Corpus -> the versioned ``briefing/1`` JSON (DESIGN.md, "Export"), written atomically.

Raw text is in a JSON export only when asked for (``raw_text=True``, the CLI's ``--raw-text``):
each document then also carries ``raw_text``, its text before control and bidi characters were
replaced, and the export says so in ``raw_text_note``. The corpus must have been loaded with
``keep_raw=True``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from model.read.safe import CLEAN_TABLE
from model.schema import SCHEMA, Block, BlockKind, Corpus, Document

#: Said in an export holding raw text, so whoever reads the file knows what the field is.
RAW_TEXT_NOTE = ("each document's raw_text is its text before control and bidirectional characters "
                 "were replaced with visible stand-ins; the replacement is one character for one, so "
                 "raw_text has the same length as text and every [start, end) offset indexes both")

#: What ``json.dumps`` leaves raw (it escapes only U+0000-U+001F): DEL, C1, bidi controls and
#: line/paragraph separators. Written as JSON escapes in every export, so neither raw text nor a
#: hostile file name in a problem record can drive a terminal the file is printed to or reorder
#: a line it is viewed in. The JSON value is the same either way.
_ESCAPED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(CLEAN_TABLE) if code >= 0x7F) + "]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def block_json(doc: Document, block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": block.kind.value, "start": block.start, "end": block.end,
                           "text": doc.text[block.start:block.end]}
    if block.kind is BlockKind.CAPTION:
        out["credit"] = block.credit
        s, e = block.content_span
        out["caption"] = doc.text[s:e]
    if block.href is not None:
        out["href"] = block.href
    if block.title is not None:
        out["title"] = block.title
    if block.level is not None:
        out["level"] = block.level
    return out


def document_json(doc: Document, raw_text: bool = False) -> dict[str, Any]:
    data = doc.model_dump(mode="json", exclude={"blocks"})
    data["blocks"] = [block_json(doc, b) for b in doc.blocks]
    if raw_text:
        # Right after ``text``, which it mirrors one for one.
        data = dict(_with_after(data, "text", "raw_text", doc.raw_text))
    return data


def _with_after(data: dict[str, Any], key: str, new_key: str, value: Any):
    for k, v in data.items():
        yield k, v
        if k == key:
            yield new_key, value


def corpus_json(corpus: Corpus, raw_text: bool = False) -> dict[str, Any]:
    """The export as plain JSON data; ``raw_text`` adds each document's uncleaned text."""
    if raw_text:
        _check_raw_kept(corpus)
    data = {
        "schema": SCHEMA,
        "name": corpus.name,
        "documents": [document_json(d, raw_text) for d in corpus.documents],
        "entities": [e.model_dump(mode="json") for e in corpus.entities],
        "links": [link.model_dump(mode="json") for link in corpus.links],
        "problems": [p.model_dump(mode="json", exclude_none=True) for p in corpus.problems],
    }
    if raw_text:
        data = dict(_with_after(data, "name", "raw_text_note", RAW_TEXT_NOTE))
    return data


def _check_raw_kept(corpus: Corpus) -> None:
    """A document without raw text either says why (a note) or was loaded without it."""
    for doc in corpus.documents:
        if doc.raw_text is None and not any(n.code == "raw-text-unavailable" for n in doc.notes):
            raise ValueError(f"{doc.path}: no raw text was kept; load the corpus with keep_raw=True "
                             "to export raw text")


def dumps(corpus: Corpus, raw_text: bool = False) -> str:
    """The JSON export as a string; every character that could act on a terminal or reorder
    text is written as a JSON escape (see :data:`_ESCAPED`)."""
    return _ESCAPED.sub(_escape, json.dumps(corpus_json(corpus, raw_text), ensure_ascii=False, indent=2))


def write_atomic(path: str | Path, data: str) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync, then rename.

    Refuses to write through a symlink, so an export can never be redirected elsewhere.
    """
    target = Path(path)
    if target.is_symlink():
        raise OSError(f"refusing to write through a symbolic link: {target}")
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------- CSV

#: A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet will show as text: formula-looking strings get a leading quote."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


ENTITY_COLUMNS = ["id", "kind", "name", "aliases", "role", "nationality", "documents", "mention_count"]


def entities_csv(corpus: Corpus) -> str:
    """One row per corpus entity; list cells joined with ' | '."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ENTITY_COLUMNS)
    for e in corpus.entities:
        row = [e.id, e.kind.value, e.name, " | ".join(e.aliases), e.attributes.get("role", ""),
               e.attributes.get("nationality", ""), " | ".join(e.documents), e.mention_count]
        writer.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


# --------------------------------------------------------------------------- Markdown briefing


def _md_inline(text: str) -> str:
    """Document text as inert Markdown: no markup, links, HTML, line breaks or terminal controls
    from the source (file names in paths and problems are not cleaned when read)."""
    out = " ".join(text.translate(CLEAN_TABLE).split())
    for ch in "\\`*_[]<>#|!":
        out = out.replace(ch, "\\" + ch)
    return out


def markdown_briefing(corpus: Corpus, top_entities: int = 15) -> str:
    """A readable briefing: per document its header, main entities, dated events and quotes."""
    names = {e.id: e.name for e in corpus.entities}
    lines = [f"# Briefing: {_md_inline(corpus.name or 'corpus')}", ""]
    lines.append(f"{len(corpus.documents)} documents, {len(corpus.entities)} entities, "
                 f"{len(corpus.problems)} problems.")
    lines.append("")
    if corpus.entities:
        lines += ["## Who and what is named", ""]
        ranked = sorted(corpus.entities, key=lambda e: (-e.mention_count, e.id))[:top_entities]
        for e in ranked:
            role = e.attributes.get("role")
            extra = f" — {_md_inline(role)}" if role else ""
            lines.append(f"- **{_md_inline(e.name)}** ({e.kind.value}){extra}: "
                         f"{e.mention_count} mentions in {len(e.documents)} documents")
        lines.append("")
    for doc in corpus.documents:
        lines += [f"## {_md_inline(doc.title or doc.path)}", ""]
        meta = [m for m in (doc.published.isoformat() if doc.published else None,
                            ", ".join(doc.byline) or None, doc.url) if m]
        if meta:
            lines += [_md_inline(" · ".join(meta)), ""]
        if doc.events:
            lines += ["### Timeline", ""]
            for ev in doc.events:
                lines.append(f"- {ev.date}: {_md_inline(ev.text)}")
            lines.append("")
        if doc.quotes:
            lines += ["### Quotes", ""]
            for q in doc.quotes:
                who = names.get(q.speaker or "", q.speaker_text or q.speaker or "unattributed")
                lines.append(f"- {_md_inline(who)}: “{_md_inline(q.text)}”")
            lines.append("")
    if corpus.problems:
        lines += ["## Files not read", ""]
        for p in corpus.problems:
            where = f"{p.path}:{p.line}" if p.line else p.path
            lines.append(f"- `{_md_inline(where)}`: {_md_inline(p.reason)}")
        lines.append("")
    return "\n".join(lines)


FORMATS = {"json": dumps, "csv": entities_csv, "markdown": markdown_briefing}
