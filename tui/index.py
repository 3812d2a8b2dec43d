"""Lookups the panes need, built once per corpus in a worker thread (never on the UI thread).

The Corpus is read-only here: this only arranges what the model produced so every pane can
answer "which mentions / events / quotes / links belong to this entity?" without scanning.
Imports no textual.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only for annotations: the index is built after the first frame, when loading has
    # imported the schema anyway; importing pydantic here would delay the first frame.
    from model.schema import Corpus, Document, Entity, Event, Link, Quote


@dataclass(frozen=True)
class EventRef:
    """One timeline entry: which document holds it and which of its events it is."""

    doc_index: int
    event_index: int
    event: Event

    @property
    def key(self) -> str:
        return f"{self.doc_index}:{self.event_index}"


@dataclass(frozen=True)
class MentionRef:
    """One mention of an entity, in corpus reading order."""

    doc_index: int
    start: int
    end: int


@dataclass(frozen=True)
class QuoteRef:
    doc_index: int
    quote: Quote


def _sort_events_locally(refs: list[EventRef], corpus: Corpus) -> list[EventRef]:
    """Chronological order: the first day an event may cover, else its anchor (the publication
    date); undated ones last; ties keep document and text order."""
    far = date.max

    def key(ref: EventRef):
        ev = ref.event
        day = ev.range_start or ev.anchor
        return (day is None, day or far, ref.doc_index, ev.start)

    return sorted(refs, key=key)


def sort_event_refs(refs: list[EventRef], corpus: Corpus) -> tuple[list[EventRef], str]:
    """Order events by the model's ``chronological_key`` (model/extract/events.py) when it
    exists, else locally; ties keep document and text order.

    Returns the ordered refs and which order was used ("model" or "local").
    """
    try:
        from model.extract.events import chronological_key
    except ImportError:
        return _sort_events_locally(refs, corpus), "local"
    try:
        ordered = sorted(refs, key=lambda r: (chronological_key(r.event), r.doc_index, r.event_index))
    except Exception:  # a model helper with another signature must not break the reader
        return _sort_events_locally(refs, corpus), "local"
    return ordered, "model"


@dataclass
class CorpusIndex:
    """A Corpus plus the lookups the panes use."""

    corpus: Corpus
    entities: dict[str, Entity] = field(default_factory=dict)
    entity_order: list[str] = field(default_factory=list)
    doc_positions: dict[str, int] = field(default_factory=dict)
    mentions_by_entity: dict[str, list[MentionRef]] = field(default_factory=dict)
    events: list[EventRef] = field(default_factory=list)
    events_by_entity: dict[str, list[EventRef]] = field(default_factory=dict)
    quotes_by_speaker: dict[str, list[QuoteRef]] = field(default_factory=dict)
    links_by_node: dict[str, list[Link]] = field(default_factory=dict)
    event_sorter: str = "local"
    mention_keys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Per entity, ``(doc_index, start)`` of each mention in :attr:`mentions_by_entity` order,
    so finding "the next mention from here" is one bisection, not a scan."""
    prepared: dict[str, object] = field(default_factory=dict)
    """What the panes build once per corpus in the loading worker (row prompts, options), so
    a key press only picks among ready objects. Keys are owned by the pane that fills them."""

    @property
    def documents(self) -> list[Document]:
        return self.corpus.documents

    def document(self, index: int) -> Document | None:
        docs = self.corpus.documents
        return docs[index] if 0 <= index < len(docs) else None

    def event(self, key: str | None) -> EventRef | None:
        if not key:
            return None
        try:
            d, e = (int(x) for x in key.split(":", 1))
            ev = self.corpus.documents[d].events[e]
        except (ValueError, IndexError):
            return None
        return EventRef(d, e, ev)

    def role(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return (ent.attributes.get("role") or "") if ent else ""

    def mention_position(self, entity_id: str, doc_index: int, offset: int) -> int:
        """Index of the first mention of ``entity_id`` at or after ``offset`` in ``doc_index``."""
        keys = self.mention_keys.get(entity_id)
        if keys is None:
            keys = [(r.doc_index, r.start) for r in self.mentions_by_entity.get(entity_id, [])]
        return bisect_left(keys, (doc_index, offset))


def build_index(corpus: Corpus) -> CorpusIndex:
    """Arrange ``corpus`` for the panes. Linear in the number of annotations."""
    index = CorpusIndex(corpus=corpus)
    index.doc_positions = {d.id: i for i, d in enumerate(corpus.documents)}

    # Corpus-level entities win; a document's own entity fills in what linking has not covered
    # (so the reader works before, or without, cross-document linking).
    entities: dict[str, Entity] = {e.id: e for e in corpus.entities}
    linked_ids = set(entities)
    counts: dict[str, int] = defaultdict(int)
    mentions: dict[str, list[MentionRef]] = defaultdict(list)
    for di, doc in enumerate(corpus.documents):
        for ent in doc.entities:
            if ent.id not in entities:
                entities[ent.id] = ent.model_copy(update={"documents": [doc.id]})
            elif ent.id not in linked_ids and doc.id not in entities[ent.id].documents:
                entities[ent.id].documents.append(doc.id)
        for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
            mentions[m.entity_id].append(MentionRef(di, m.start, m.end))
            counts[m.entity_id] += 1
            if m.entity_id not in entities:
                from model.schema import Entity

                entities[m.entity_id] = Entity(id=m.entity_id, kind=m.kind, name=m.text, documents=[doc.id])
    for eid, ent in entities.items():
        # Linked entities carry corpus-wide counts; the others are counted here across documents.
        if counts.get(eid) and (eid not in linked_ids or not ent.mention_count):
            entities[eid] = ent.model_copy(update={"mention_count": counts[eid]})
    index.entities = entities
    index.entity_order = sorted(
        entities, key=lambda k: (-entities[k].salience, -entities[k].mention_count, entities[k].name.casefold(), k)
    )
    index.mentions_by_entity = dict(mentions)
    index.mention_keys = {eid: [(r.doc_index, r.start) for r in refs] for eid, refs in mentions.items()}

    refs = [EventRef(di, ei, ev) for di, doc in enumerate(corpus.documents) for ei, ev in enumerate(doc.events)]
    index.events, index.event_sorter = sort_event_refs(refs, corpus)
    by_entity: dict[str, list[EventRef]] = defaultdict(list)
    for ref in index.events:
        ids = set(ref.event.entity_ids)
        if not ids:
            # No entity ids on the event: an entity belongs to it when one of its mentions lies
            # inside the event's sentence.
            doc = corpus.documents[ref.doc_index]
            ids = {m.entity_id for m in doc.mentions if ref.event.start <= m.start and m.end <= ref.event.end}
        for eid in sorted(ids):
            by_entity[eid].append(ref)
    index.events_by_entity = dict(by_entity)

    quotes: dict[str, list[QuoteRef]] = defaultdict(list)
    for di, doc in enumerate(corpus.documents):
        for q in doc.quotes:
            if q.speaker:
                quotes[q.speaker].append(QuoteRef(di, q))
    index.quotes_by_speaker = dict(quotes)

    links: dict[str, list[Link]] = defaultdict(list)
    for link in corpus.links:
        links[link.source].append(link)
        if link.target != link.source:
            links[link.target].append(link)
    index.links_by_node = dict(links)
    return index
