"""The data model: the one vocabulary every other module speaks.

Every span is ``[start, end)`` in Python str indices into ``Document.text``: the source decoded
to str, BOM removed, newlines normalised to ``\\n`` and control/bidi characters replaced one for
one with visible stand-ins. Nothing else changes length, so an offset always leads back to the
exact place in the source it came from.

The field names that appear in the ``briefing/1`` export are a contract (see DESIGN.md): add
fields freely, never rename or drop one without bumping :data:`SCHEMA`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from model.kinds import PROSE_KINDS, BlockKind, EntityKind, Precision, TimexType  # noqa: F401 (re-exported)

SCHEMA = "briefing/1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --------------------------------------------------------------------------- blocks


class Block(_Model):
    """A structural part of a document.

    ``start``/``end`` cover everything the block owns in the text. For a caption that was
    pasted twice (alt text, then the same line with ``Picture: Getty``) that is both lines;
    ``content_start``/``content_end`` then mark the one copy of the caption's words to show and
    to extract from, and ``credit_start``/``credit_end`` the credit's name.
    """

    kind: BlockKind
    start: int
    end: int
    credit: str | None = None
    credit_start: int | None = None
    credit_end: int | None = None
    content_start: int | None = None
    content_end: int | None = None
    href: str | None = None  # related-article or link target
    title: str | None = None  # related-article title
    level: int | None = None  # heading level where the source says

    @property
    def content_span(self) -> tuple[int, int]:
        """The span holding the block's own words (for captions: one copy, no credit)."""
        if self.content_start is not None and self.content_end is not None:
            return self.content_start, self.content_end
        return self.start, self.end


class Span(_Model):
    """A plain ``[start, end)`` span, e.g. a sentence."""

    start: int
    end: int


# --------------------------------------------------------------------------- annotations


class Mention(_Model):
    """One place in one document where an entity is named."""

    entity_id: str
    kind: EntityKind
    start: int
    end: int
    text: str
    doc_id: str = ""


class Entity(_Model):
    """One real-world thing, with every name it goes by and where it is named.

    ``id`` is stable across runs (``person:john-healey``). ``attributes`` holds facts a reader
    can check, e.g. ``{"role": "Defence Secretary", "nationality": "British",
    "capital_of": "gpe:south-korea"}``.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: list[str] = Field(default_factory=list)
    attributes: dict[str, str] = Field(default_factory=dict)
    documents: list[str] = Field(default_factory=list)
    mention_count: int = 0
    salience: float = 0.0


class Timex(_Model):
    """A TimeML TIMEX3 time expression with its normalised value and the rule that gave it."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None  # the datetime the value was resolved against (ISO)
    rule: str = ""  # in words a reader can check: "yesterday: published 2024-10-23, minus one day"
    anchored: bool = True  # False when a relative expression had no publication date
    # A range read as one duration ("from 2009 to 2011": P2Y) keeps its two ends, as TimeML's
    # beginPoint and endPoint do (here as values, not ids): the timeline dates it by them.
    begin_point: str | None = None
    end_point: str | None = None


class Event(_Model):
    """A timeline entry: a dated sentence.

    ``date`` is ISO to its precision ("2024-10-22", "2024-10", "2025"); ``range_start`` and
    ``range_end`` (inclusive) are the calendar days it may cover, used to order events; vague
    past/future references have none and sort by ``anchor`` (the publication date).
    """

    doc_id: str = ""
    date: str
    precision: Precision
    start: int
    end: int
    text: str
    timex: int  # index into Document.timexes
    entity_ids: list[str] = Field(default_factory=list)
    range_start: date | None = None
    range_end: date | None = None
    mod: str | None = None
    anchor: date | None = None


class Quote(_Model):
    """Words put in someone's mouth: a direct quote (``kind="direct"``) or a reported claim.

    ``speaker`` is an entity id when the speaker is a named entity, else a description
    ("a senior presidential official"); ``start``/``end`` span the quoted words.
    """

    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    text: str
    start: int
    end: int
    verb: str | None = None


class Attribution(_Model):
    """A reported claim and who it comes from ("according to Seoul's spy agency")."""

    source: str | None = None  # entity id, or a description when none is named
    source_text: str
    source_start: int
    source_end: int
    cue: str  # "according to", "quoted by", "reports from"
    text: str  # the claim (its sentence)
    start: int
    end: int


class Figure(_Model):
    """A number with what it counts ("About 1,500 North Korean soldiers")."""

    text: str
    value: float
    unit: str | None = None
    start: int
    end: int
    approx: bool = False
    entity_id: str | None = None


class Evidence(_Model):
    """Where a link is justified: a span in a document."""

    doc_id: str
    start: int
    end: int


class Link(_Model):
    """An edge between two entities or two documents."""

    source: str
    target: str
    kind: str  # co-occurs, related-document, related-article, alias-of, capital-of, mentions
    weight: float = 1.0
    evidence: list[Evidence] = Field(default_factory=list)


class Problem(_Model):
    """A file (or a JSONL line) that could not be read, with a reason a person can act on."""

    path: str
    reason: str
    line: int | None = None


class Note(_Model):
    """Something the reader noticed and a user may want to know (e.g. a decoding fallback)."""

    code: str
    message: str


# --------------------------------------------------------------------------- documents


class Document(_Model):
    """One article: its text, its structure and what extraction found in it."""

    id: str
    path: str
    format: str = "text"  # text, markdown, html, jsonl
    line: int | None = None  # JSONL line number (1-based)
    title: str | None = None
    published: datetime | None = None
    byline: list[str] = Field(default_factory=list)
    url: str | None = None
    source: str | None = None  # the publication, where known
    tags: list[str] = Field(default_factory=list)
    text: str
    blocks: list[Block] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    # filled by extraction
    sentences: list[Span] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)  # this document's entities, with roles
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    # Only when a user asks (``briefing-tui export --raw-text``): ``text`` before control and
    # bidi characters were replaced. Same length, so every offset indexes it too. Never shown
    # by the reader and left out of every dump; the export adds it explicitly.
    raw_text: str | None = Field(default=None, exclude=True)

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def prose_spans(self) -> list[tuple[int, int, BlockKind]]:
        """The spans extraction reads, in text order: prose blocks' content (one caption copy,
        no credit) and datelines (for their dates)."""
        # Every step calls this, so it reads the blocks' fields from their ``__dict__`` (where
        # pydantic keeps them; cheaper than attribute access on a model), avoids enum attribute
        # look-ups, and sorts only when the blocks are out of order (readers emit them sorted).
        spans = []
        append = spans.append
        dateline = BlockKind.DATELINE
        last = None
        ordered = True
        for b in self.blocks:
            fields = b.__dict__
            kind = fields["kind"]
            if kind in PROSE_KINDS or kind is dateline:
                s, e = fields["content_start"], fields["content_end"]
                if s is None or e is None:
                    s, e = fields["start"], fields["end"]
                if last is not None and s < last:
                    ordered = False
                last = s
                append((s, e, kind))
        if not ordered:
            spans.sort(key=lambda t: t[0])
        return spans

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None


class Corpus(_Model):
    """Everything loaded at once: documents, corpus-level entities and links, problems."""

    name: str = ""
    documents: list[Document] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)

    def document(self, doc_id: str) -> Document | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None


def construct_unchecked(cls: type[BaseModel], values: dict[str, Any]) -> Any:
    """A model built from ``values`` without validation, for hot paths that make hundreds of
    thousands of annotations: several times cheaper than ``model_construct``.

    Only for values already of their fields' types, with every field given; anything else
    goes through the normal constructor.
    """
    obj = _new(cls)  # BaseModel has no __new__ of its own; looking it up on cls costs 3x
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new = object.__new__
_set = object.__setattr__


def jsonable(obj: Any) -> Any:
    """Pydantic model -> plain JSON data (ISO dates, enum values)."""
    return obj.model_dump(mode="json")
