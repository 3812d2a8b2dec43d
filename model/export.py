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
