"""Pick the reader for a file, run the safe reading steps, and never raise.

Order for every format: :func:`~model.read.safe.read_bytes` (regular files only, size cap),
:func:`~model.read.safe.decode`, then the format's reader. The text, Markdown and JSONL readers
work on cleaned text (:func:`~model.read.safe.clean`); the HTML reader cleans the article text
it extracts, which is the text its offsets index.
"""

from __future__ import annotations

from pathlib import Path

from model.read.safe import ReadRefused, clean, cleaning_note, decode, read_bytes
from model.schema import Note, Problem


def read_file(path: Path, *, max_bytes: int):
    """Read ``path`` into a :class:`~model.read.ReadResult`. Never raises."""
    from model.read import EXTENSIONS, ReadResult

    where = str(path)
    try:
        data = read_bytes(path, max_bytes)
        decoded = decode(data)
    except ReadRefused as refused:
        return ReadResult(problems=[Problem(path=where, reason=refused.reason)])
    except Exception as exc:  # a reader bug must cost one file, not the load
        return ReadResult(problems=[Problem(path=where, reason=f"could not be read ({type(exc).__name__}: {exc})")])

    fmt = EXTENSIONS.get(path.suffix.lower(), "text")
    if not decoded.text.strip():
        # Readable but blank: a document with nothing in it, said so, rather than a failure.
        decoded.notes.append(Note(code="blank", message="the file holds only white space"))
    try:
        if fmt == "html":
            from model.read.html import read_html

            return ReadResult(documents=[read_html(where, decoded.text, list(decoded.notes))])
        if fmt == "jsonl":
            from model.read.jsonl import read_jsonl

            return read_jsonl(where, decoded.text, list(decoded.notes))
        text, notes = cleaned(decoded.text, decoded.notes)
        if fmt == "markdown":
            from model.read.markdown import read_markdown

            return ReadResult(documents=[read_markdown(where, text, notes)])
        from model.read.text import read_text

        return ReadResult(documents=[read_text(where, text, notes)])
    except Exception as exc:  # a reader bug must cost one file, not the load
        return ReadResult(problems=[Problem(path=where, reason=f"could not be parsed as {fmt} "
                                                             f"({type(exc).__name__}: {exc})")])


def cleaned(text: str, notes: list[Note]) -> tuple[str, list[Note]]:
    """Clean ``text`` and add a note when anything was replaced."""
    text, count = clean(text)
    notes = list(notes)
    if count:
        notes.append(cleaning_note(count))
    return text, notes
