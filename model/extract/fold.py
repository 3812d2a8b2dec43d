"""Zero-width folding: extraction reads a shadow copy of a document without invisible
characters, and every offset it finds is mapped back to the original text.

A name split by an invisible character ("Vla\\u200bdimir Pu\\u200dtin") looks whole to a reader
but breaks every lexicon and pattern. Removing those characters from ``Document.text`` would
break the offsets contract (DESIGN.md), so the pipeline instead runs its steps on a *folded*
copy (:func:`fold_document`) and maps the results back (:meth:`Folding.restore`):

- a span's start moves to the original position of its first character and its end to just
  after its last character, so a span still covers the invisible characters inside it (and
  leaves out any just outside it);
- a text field that equals the folded slice of its span (``text`` for ``start``/``end``,
  ``X_text`` for ``X_start``/``X_end``) becomes the original slice, so ``doc.text[start:end]
  == mention.text`` keeps holding; other strings (entity names, ids, descriptions) stay folded,
  which is the point: "Vladimir Putin", ``person:vladimir-putin``.

Offset fields are found from the pydantic models themselves (:func:`offset_fields`): every
``int`` field named ``start``/``end`` or ``*_start``/``*_end``, in any model a step returns,
nested at any depth. A future step returning schema models is covered without an edit here.

What is folded (:data:`ZERO_WIDTH`), all of them invisible and none of them part of a name
as a reader sees it:

==========  ===========================  ================================================
U+00AD      soft hyphen                  a line-break hint inside a word ("Bundes-kanzler")
U+180E      Mongolian vowel separator    zero width since Unicode 6.3; an old "ZW space"
U+200B      zero width space             word-break hint; the usual name splitter
U+200C      zero width non-joiner        meaningful in Persian/Indic shaping, never needed
                                         to recognise a name (the original text keeps it)
U+200D      zero width joiner            emoji sequences; same reasoning
U+2060      word joiner                  the successor of U+FEFF as "no break here"
U+2061-64   invisible math operators     no use in prose; as invisible as the others
U+FEFF      zero width no-break space    a byte-order mark in the middle of a text
==========  ===========================  ================================================

Bidi marks (U+200E/U+200F) are not here: the reader has already replaced them with a visible
stand-in (``model.read.safe.clean``). The folded copy is never shown and never stored.
"""

from __future__ import annotations

import re
import types
import typing
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from model.schema import Document, Note

#: The characters removed from the shadow copy (see the module docstring for why each).
ZERO_WIDTH = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"

_ZERO_WIDTH_RE = re.compile("[" + ZERO_WIDTH + "]")
_FOLD_TABLE = dict.fromkeys(map(ord, ZERO_WIDTH))

#: Note code added to a document whose zero-width characters were folded for extraction.
NOTE_CODE = "zero-width"


def has_zero_width(text: str) -> bool:
    """True when ``text`` holds any character of :data:`ZERO_WIDTH`.

    ``isascii`` is a flag lookup in CPython, so plain-ASCII text costs nothing; otherwise one
    fast substring search per character (about 3x quicker than a regex class scan).
    """
    if text.isascii():
        return False
    return any(ch in text for ch in ZERO_WIDTH)


# --------------------------------------------------------------------------- offset fields


def _is_optional_of(annotation: Any, kind: type) -> bool:
    """``kind`` or ``kind | None`` (``Optional[kind]``)."""
    if annotation is kind:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args == [kind]
    return False


def _is_int_field(annotation: Any) -> bool:
    """The type an offset field has: ``int`` or ``int | None``."""
    return _is_optional_of(annotation, int)


def _is_str_field(annotation: Any) -> bool:
    return _is_optional_of(annotation, str)


@dataclass(frozen=True)
class OffsetFields:
    """A model's offset fields: ``(prefix, start_field, end_field, text_field)`` per span.

    ``prefix`` is ``""`` for ``start``/``end`` and ``"speaker_"`` for ``speaker_start``/
    ``speaker_end``; either field may be None when a model has only one side of a span, and
    ``text_field`` is None when the model has no ``text``/``X_text`` beside the span.
    """

    spans: tuple[tuple[str, str | None, str | None, str | None], ...]
    #: every model-typed field, to walk into nested annotations
    nested: tuple[str, ...]


@cache
def offset_fields(cls: type[BaseModel]) -> OffsetFields:
    """The offset fields of a pydantic model class, found by name and type (cached)."""
    starts: dict[str, str] = {}
    ends: dict[str, str] = {}
    nested: list[str] = []
    for name, info in cls.model_fields.items():
        if _is_int_field(info.annotation):
            if name == "start" or name.endswith("_start"):
                starts[name[: -len("start")]] = name
            elif name == "end" or name.endswith("_end"):
                ends[name[: -len("end")]] = name
        elif _may_hold_models(info.annotation):
            nested.append(name)
    spans = []
    for prefix in sorted(set(starts) | set(ends)):
        text = prefix + "text"
        text_field = text if text in cls.model_fields and _is_str_field(cls.model_fields[text].annotation) else None
        spans.append((prefix, starts.get(prefix), ends.get(prefix), text_field))
    return OffsetFields(tuple(spans), tuple(nested))


def _may_hold_models(annotation: Any) -> bool:
    """True when a field's type mentions a pydantic model anywhere (``list[Mention]``...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_models(a) for a in typing.get_args(annotation))


# --------------------------------------------------------------------------- folding


class Folding:
    """The map between an original text and its folded copy.

    ``removed`` holds the original positions of the removed characters, in order. With
    ``folded_at[k] = removed[k] - k`` (the folded index the k-th removed character stood
    before), every mapping is a binary search: O(log k) per offset, nothing per character.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.removed = [m.start() for m in _ZERO_WIDTH_RE.finditer(original)]
        self.folded_at = [pos - k for k, pos in enumerate(self.removed)]
        self.text = original.translate(_FOLD_TABLE) if self.removed else original

    # Original -> folded: the number of kept characters before ``pos``.
    def to_folded(self, pos: int) -> int:
        return pos - bisect_left(self.removed, pos)

    # Folded -> original, for a span's start: where the folded character at ``i`` stands.
    def start_to_original(self, i: int) -> int:
        return i + bisect_right(self.folded_at, i)

    # Folded -> original, for a span's end: just after the folded character before ``j``.
    def end_to_original(self, j: int) -> int:
        if j <= 0:
            return j
        return j + bisect_right(self.folded_at, j - 1)

    # ----------------------------------------------------------------------- models

    def fold_offsets(self, obj: Any, seen: set[int] | None = None) -> None:
        """Move every offset in ``obj`` (a model or a list of them) into folded coordinates."""
        self._walk(obj, self._fold_model, set() if seen is None else seen)

    def restore(self, obj: Any, seen: set[int] | None = None) -> None:
        """Move every offset in ``obj`` back to the original text, in place, and turn text
        fields that were their folded span's slice into the original slice.

        ``seen`` (object ids) makes a model shared by two outputs move once, not twice.
        """
        self._walk(obj, self._restore_model, set() if seen is None else seen)

    def _walk(self, obj: Any, visit, seen: set[int]) -> None:
        if isinstance(obj, BaseModel):
            if id(obj) in seen:
                return
            seen.add(id(obj))
            visit(obj)
            for name in offset_fields(type(obj)).nested:
                self._walk(getattr(obj, name), visit, seen)
        elif isinstance(obj, (list, tuple)):
            for item in obj:
                self._walk(item, visit, seen)
        elif isinstance(obj, dict):
            for item in obj.values():
                self._walk(item, visit, seen)

    def _fold_model(self, obj: BaseModel) -> None:
        fields = obj.__dict__
        for _prefix, start, end, _text in offset_fields(type(obj)).spans:
            for name in (start, end):
                if name is not None and fields.get(name) is not None:
                    fields[name] = self.to_folded(fields[name])

    def _restore_model(self, obj: BaseModel) -> None:
        # Written through __dict__: the models are plain (no validation on assignment) and
        # hot-path annotations are built without validation too (``construct_unchecked``).
        fields = obj.__dict__
        folded_text, original = self.text, self.original
        for _prefix, start, end, text in offset_fields(type(obj)).spans:
            fs = fields.get(start) if start else None
            fe = fields.get(end) if end else None
            os_ = self.start_to_original(fs) if fs is not None else None
            oe = self.end_to_original(fe) if fe is not None else None
            if os_ is not None and oe is not None and oe < os_:
                oe = os_  # an empty span between invisible characters stays empty
            if os_ is not None:
                fields[start] = os_
            if oe is not None:
                fields[end] = oe
            if (text and fs is not None and fe is not None and 0 <= fs <= fe
                    and fields.get(text) == folded_text[fs:fe]):
                fields[text] = original[os_:oe]


def fold_document(doc: Document, assigned: tuple[str, ...]) -> tuple[Document, Folding] | None:
    """A shadow copy of ``doc`` with zero-width characters removed and its blocks' offsets
    moved to match, or None when the text has none (the caller then reads ``doc`` itself).

    The fields named in ``assigned`` (what the steps fill) start empty in the copy, so no
    annotation in original coordinates can reach a step.
    """
    if not has_zero_width(doc.text):
        return None
    folding = Folding(doc.text)
    blocks = []
    for block in doc.blocks:
        copy = block.model_copy()
        folding.fold_offsets(copy)
        # A block of nothing but invisible characters holds nothing to extract; an empty block
        # is a case no reader makes and no step expects.
        if copy.start < copy.end or block.start == block.end:
            blocks.append(copy)
    update: dict[str, Any] = {"text": folding.text, "blocks": blocks}
    for name in assigned:
        update[name] = []
    return doc.model_copy(update=update), folding


def folding_note(count: int) -> Note:
    """Tells a reader that invisible characters were ignored when names were looked for."""
    return Note(code=NOTE_CODE,
                message=f"{count} zero-width character(s) (e.g. U+200B, soft hyphen) were ignored when "
                        "looking for names, dates and quotes; the text and its offsets keep them")
