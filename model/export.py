"""Corpus -> the versioned ``briefing/1`` JSON (DESIGN.md, "Export"), written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from model.schema import SCHEMA, Block, BlockKind, Corpus, Document


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


def document_json(doc: Document) -> dict[str, Any]:
    data = doc.model_dump(mode="json", exclude={"blocks"})
    data["blocks"] = [block_json(doc, b) for b in doc.blocks]
    return data


def corpus_json(corpus: Corpus) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "name": corpus.name,
        "documents": [document_json(d) for d in corpus.documents],
        "entities": [e.model_dump(mode="json") for e in corpus.entities],
        "links": [link.model_dump(mode="json") for link in corpus.links],
        "problems": [p.model_dump(mode="json", exclude_none=True) for p in corpus.problems],
    }


def dumps(corpus: Corpus) -> str:
    return json.dumps(corpus_json(corpus), ensure_ascii=False, indent=2)


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
    """Document text as inert Markdown: no markup, links, HTML or line breaks from the source."""
    out = " ".join(text.split())
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
