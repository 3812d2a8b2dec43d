"""Pick the reader for a file, run the safe reading steps, and never raise.

Order for every format: :func:`~model.read.safe.read_bytes` (regular files only, size cap),
:func:`~model.read.safe.decode`, then the format's reader. The text, Markdown and JSONL readers
work on cleaned text (:func:`~model.read.safe.clean`); the HTML reader cleans the article text
it extracts, which is the text its offsets index.

Raw text (the text before cleaning, for ``briefing-tui export --raw-text``) is kept only when
the caller passes ``keep_raw``: it is needed by no one else, so the reader UI, the default
export and every other load never hold a copy of uncleaned text. Keeping it at read time
(rather than re-reading the file at export time) gives exactly the bytes the offsets were
made from, even if the file has changed since, and costs nothing when not asked for.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from model.read.safe import ReadRefused, clean, cleaning_note, decode, raw_of, read_bytes, recording_raw, shown_path
from model.schema import Document, Note, Problem

#: Stand-ins :func:`~model.read.safe.clean` writes; a text holding none was not changed by it.
_STAND_INS = frozenset(chr(c) for c in range(0x2400, 0x2422)) | {"\ufffd"}


def read_file(path: Path, *, max_bytes: int, keep_raw: bool = False):
    """Read ``path`` into a :class:`~model.read.ReadResult`. Never raises.

    With ``keep_raw`` every document also gets ``raw_text``, its text before cleaning (see
    :func:`attach_raw`); without it nothing extra is kept or computed.
    """
    from model.read import EXTENSIONS, ReadResult

    where = shown_path(path)
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
        if fmt in ("html", "jsonl"):
            # These readers clean the text they build themselves; its raw form is recorded
            # on the side while they run, only when asked for.
            with recording_raw() if keep_raw else nullcontext() as record:
                if fmt == "html":
                    from model.read.html import read_html

                    result = ReadResult(documents=[read_html(where, decoded.text, list(decoded.notes))])
                else:
                    from model.read.jsonl import read_jsonl

                    result = read_jsonl(where, decoded.text, list(decoded.notes))
            if keep_raw:
                for doc in result.documents:
                    attach_raw(doc, raw_of(doc.text, record))
            return result
        text, notes = cleaned(decoded.text, decoded.notes)
        if fmt == "markdown":
            from model.read.markdown import read_markdown as reader
        else:
            from model.read.text import read_text as reader
        doc = read_unfolded(reader, where, text, notes)
        if keep_raw:
            attach_raw(doc, decoded.text)  # the whole decoded file is the document's text
        return ReadResult(documents=[doc])
    except Exception as exc:  # a reader bug must cost one file, not the load
        return ReadResult(problems=[Problem(path=where, reason=f"could not be parsed as {fmt} "
                                                             f"({type(exc).__name__}: {exc})")])


def read_unfolded(reader, where: str, text: str, notes: list[Note]) -> Document:
    """``reader(where, text, notes)``, blind to zero-width characters.

    A title, byline or dateline split by an invisible character would otherwise be read as
    prose (its words no longer match), so the structure rules read the folded text and the
    blocks are mapped back onto ``text`` (:mod:`model.extract.fold`), exactly as extraction
    does. Strings the reader takes from the text (title, byline) come out folded, like entity
    names. A text without such characters goes straight to the reader.
    """
    from model.extract.fold import Folding, has_zero_width

    if not has_zero_width(text):
        return reader(where, text, notes)
    folding = Folding(text)
    doc = reader(where, folding.text, notes)
    folding.restore(doc.blocks)
    doc.text = text
    return doc


def cleaned(text: str, notes: list[Note]) -> tuple[str, list[Note]]:
    """Clean ``text`` and add a note when anything was replaced."""
    text, count = clean(text)
    notes = list(notes)
    if count:
        notes.append(cleaning_note(count))
    return text, notes


def attach_raw(doc: Document, raw: str | None) -> None:
    """Give ``doc`` its ``raw_text`` when ``raw`` provably is its text before cleaning.

    Proof is cheap because cleaning is one for one: same length and ``clean(raw) == text``.
    No recorded cleaning (``raw`` None) means the reader's ``clean`` call changed nothing, so
    the text is its own raw form, unless it holds stand-ins that a later step might have put
    there; then, and when the proof fails, ``raw_text`` stays None and a note says why.
    """
    if raw is None and not any(ch in _STAND_INS for ch in doc.text):
        raw = doc.text
    if raw is not None and len(raw) == len(doc.text) and clean(raw)[0] == doc.text:
        doc.raw_text = raw
        return
    doc.notes.append(Note(code="raw-text-unavailable",
                          message="the text before cleaning could not be recovered for this document, "
                                  "so its raw_text is null; its text (cleaned) is complete"))
