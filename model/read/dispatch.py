"""PLACEHOLDER (to be replaced by the reading work): naive text reading so extraction can start."""

from __future__ import annotations

import re
from pathlib import Path

from model.ids import document_id
from model.schema import Block, BlockKind, Document, Problem


def read_file(path: Path, *, max_bytes: int):
    from model.read import ReadResult

    try:
        text = path.read_bytes()[: max_bytes + 1].decode("utf-8").replace("\r\n", "\n")
    except Exception as exc:
        return ReadResult(problems=[Problem(path=str(path), reason=str(exc))])
    blocks = []
    for i, m in enumerate(re.finditer(r"[^\n]+", text)):
        blocks.append(Block(kind=BlockKind.TITLE if i == 0 else BlockKind.PARAGRAPH, start=m.start(), end=m.end()))
    doc = Document(id=document_id(str(path)), path=str(path), text=text, blocks=blocks,
                   title=text.split("\n", 1)[0])
    return ReadResult(documents=[doc])
