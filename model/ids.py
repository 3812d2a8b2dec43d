"""Stable ids: the same input gives the same id on every run."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 48) -> str:
    """ASCII lower-case words joined by '-': 'John Healey' -> 'john-healey'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = _NON_SLUG.sub("-", folded.lower()).strip("-")
    return s[:limit].rstrip("-") or "x"


def document_id(path: str, line: int | None = None) -> str:
    """``<file-stem-slug>-<8 hex of the absolute path>`` (+ ``-L<line>`` for JSONL lines)."""
    absolute = os.path.abspath(path)
    digest = hashlib.sha1(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    stem = os.path.splitext(os.path.basename(absolute))[0]
    base = f"{slug(stem, 40)}-{digest}"
    return f"{base}-L{line}" if line is not None else base


def entity_id(kind: str, name: str) -> str:
    """``person:john-healey``: kind in lower case, then the slug of the canonical name."""
    return f"{kind.lower()}:{slug(name, 64)}"
