"""Bytes on disk -> Documents with blocks and offsets, or a Problem record. Never raises for a
bad file and never writes anything.

``read_path(path)`` picks the reader by extension; :data:`EXTENSIONS` lists what a folder scan
picks up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from model.schema import Document, Problem

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: extension -> reader format name
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, keep_raw: bool = False) -> ReadResult:
    """Read one file into Documents (several for JSONL) and/or Problems. Never raises.

    ``keep_raw`` also keeps each document's text before cleaning in ``Document.raw_text``
    (for an export that asks for it; the reader UI never does).
    """
    from model.read.dispatch import read_file

    return read_file(Path(path), max_bytes=max_bytes, keep_raw=keep_raw)
