"""The cross-links pane: what connects to the selected entity, or to the open document.

With an entity selected: its aliases and role, who it appears with, the documents naming it,
what it said, and entity links (capital of, alias of). With none: the document's related
documents and its "Read more" lines. Enter follows a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.panes.lists import KeyList, shown

from model.kinds import BlockKind
from tui.format import one_line
from tui.index import CorpusIndex

ENTITY_LINK_WORDS = {"capital-of": "capital of", "alias-of": "alias of"}
DOCUMENT_LINK_KINDS = ("related-document", "related-article")
#: Rows per section: the pane is for following links, and a repaint must stay quick when an
#: entity is named in thousands of documents.
MAX_ROWS = 100
#: Entities and documents whose rows are kept for a quick return.
MAX_BUILT = 256


@dataclass(frozen=True)
class Target:
    """Where a row leads: an entity, a document, a span of a document, or a web address."""

    kind: str  # "entity", "document", "span", "url"
    entity_id: str = ""
    doc_index: int = -1
    start: int = 0
    end: int = 0
    url: str = ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _header(text: str) -> Option:
    return Option(Content.styled(text, "bold underline"), disabled=True)


def _info(text: Content | str) -> Option:
    return Option(text if isinstance(text, Content) else Content(text), disabled=True)


def entity_rows(index: CorpusIndex, entity_id: str) -> list[tuple[Content, Target | None]]:
    """The rows shown for an entity, in order: content and where Enter leads (None: a label)."""
    rows: list[tuple[Content, Target | None]] = []
    ent = index.entities.get(entity_id)
    if ent is None:
        return [(Content(f"Unknown entity: {one_line(entity_id, 80)}"), None)]
    rows.append((Content.styled(one_line(ent.name, 80), "bold"), None))
    rows.append((Content.styled(f"{ent.kind} · {_count(ent.mention_count, 'mention')} · {_count(len(ent.documents), 'document')}", "dim"), None))
    for key, value in ent.attributes.items():
        if key == "capital_of":
            continue
        rows.append((Content(f"{one_line(key.replace('_', ' '), 30)}: {one_line(value, 120)}"), None))
    if ent.aliases:
        rows.append((Content("Also called: " + one_line(", ".join(ent.aliases), 300)), None))

    links = index.links_by_node.get(entity_id, [])
    co = sorted(
        (l for l in links if l.kind == "co-occurs"),
        key=lambda l: (-l.weight, index.entities[l.target if l.source == entity_id else l.source].name
                       if (l.target if l.source == entity_id else l.source) in index.entities else ""),
    )
    if co:
        rows.append((Content.styled(f"Appears with ({len(co)})", "bold underline"), None))
        for l in co[:MAX_ROWS]:
            other = l.target if l.source == entity_id else l.source
            name = index.entities[other].name if other in index.entities else other
            rows.append((Content.assemble(Content(one_line(name, 60)), Content.styled(f"  ×{l.weight:g}", "dim")),
                         Target("entity", entity_id=other)))
    others = [l for l in links if l.kind not in ("co-occurs", *DOCUMENT_LINK_KINDS, "mentions")]
    if others or ent.attributes.get("capital_of"):
        rows.append((Content.styled("Links", "bold underline"), None))
        cap = ent.attributes.get("capital_of")
        if cap and not any(l.kind == "capital-of" and l.source == entity_id for l in others):
            name = index.entities[cap].name if cap in index.entities else cap
            rows.append((Content(f"capital of → {one_line(name, 60)}"), Target("entity", entity_id=cap) if cap in index.entities else None))
        for l in others:
            word = ENTITY_LINK_WORDS.get(l.kind, l.kind.replace("-", " "))
            if l.source == entity_id:
                other, text = l.target, f"{word} → "
            else:
                other, text = l.source, f"← {word} "
            name = index.entities[other].name if other in index.entities else other
            rows.append((Content(text + one_line(name, 60)),
                         Target("entity", entity_id=other) if other in index.entities else None))

    quotes = index.quotes_by_speaker.get(entity_id, [])
    if quotes:
        rows.append((Content.styled(f"Said ({len(quotes)})", "bold underline"), None))
        for ref in quotes[:MAX_ROWS]:
            rows.append((Content("“" + one_line(ref.quote.text, 160) + "”"),
                         Target("span", doc_index=ref.doc_index, start=ref.quote.start, end=ref.quote.end)))

    doc_ids = ent.documents or sorted({index.documents[m.doc_index].id for m in index.mentions_by_entity.get(entity_id, [])})
    if doc_ids:
        rows.append((Content.styled(f"Documents ({len(doc_ids)})", "bold underline"), None))
        for doc_id in doc_ids[:MAX_ROWS]:
            pos = index.doc_positions.get(doc_id)
            if pos is None:
                continue
            doc = index.documents[pos]
            rows.append((Content(one_line(doc.title or doc.path.rsplit("/", 1)[-1], 100)), Target("document", doc_index=pos)))
        if len(doc_ids) > MAX_ROWS:
            rows.append((Content.styled(f"… and {len(doc_ids) - MAX_ROWS} more (n walks every mention)", "dim"), None))
    return rows


def document_rows(index: CorpusIndex, doc_index: int) -> list[tuple[Content, Target | None]]:
    """The rows shown for a document when no entity is selected."""
    doc = index.document(doc_index)
    if doc is None:
        return [(Content("No document open."), None)]
    rows: list[tuple[Content, Target | None]] = []
    rows.append((Content.styled(one_line(doc.title or doc.path.rsplit("/", 1)[-1], 120), "bold"), None))
    rows.append((Content.styled(one_line(doc.path, 200), "dim"), None))
    if doc.url:
        rows.append((Content("Source: " + one_line(doc.url, 300)), Target("url", url=doc.url)))

    related = [l for l in index.links_by_node.get(doc.id, []) if l.kind in DOCUMENT_LINK_KINDS]
    if related:
        rows.append((Content.styled(f"Related documents ({len(related)})", "bold underline"), None))
        for l in sorted(related, key=lambda l: -l.weight):
            other = l.target if l.source == doc.id else l.source
            pos = index.doc_positions.get(other)
            if pos is not None:
                d = index.documents[pos]
                rows.append((Content(one_line(d.title or d.path.rsplit("/", 1)[-1], 100)), Target("document", doc_index=pos)))
            elif other.startswith(("http://", "https://")):
                rows.append((Content(one_line(other, 200)), Target("url", url=other)))
            else:
                rows.append((Content(one_line(other, 200)), None))

    read_more = [b for b in doc.blocks if b.kind is BlockKind.RELATED]
    if read_more:
        rows.append((Content.styled(f"Read more ({len(read_more)})", "bold underline"), None))
        for b in read_more:
            title = b.title or doc.text[b.start:b.end]
            target = Target("url", url=b.href) if b.href else Target("span", doc_index=doc_index, start=b.start, end=b.end)
            rows.append((Content(one_line(title, 160)), target))

    named = sorted({m.entity_id for m in doc.mentions},
                   key=lambda e: (-(index.entities[e].salience if e in index.entities else 0),
                                  -(index.entities[e].mention_count if e in index.entities else 0), e))
    if named:
        rows.append((Content.styled(f"Named here ({len(named)})", "bold underline"), None))
        for eid in named[:30]:
            name = index.entities[eid].name if eid in index.entities else eid
            rows.append((Content(one_line(name, 80)), Target("entity", entity_id=eid)))
    if len(rows) <= 3 and not doc.url:
        rows.append((Content.styled("No related documents or links. Select an entity to see its links.", "dim"), None))
    return rows


class LinksPane(KeyList):
    """Cross-links for the selected entity, else for the open document."""

    index: var[CorpusIndex | None] = var(None)
    """The loaded corpus and its lookups."""
    selected_entity: var[str | None] = var(None)
    """Show this entity's links; None shows the document's."""
    doc_index: var[int] = var(0)
    """The open document (used when no entity is selected)."""

    class EntityChosen(Message):
        """The user chose a linked entity."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    class DocumentChosen(Message):
        """The user chose a linked document."""

        def __init__(self, doc_index: int) -> None:
            super().__init__()
            self.doc_index = doc_index

    class SpanChosen(Message):
        """The user chose a place in a document (a quote, a Read-more line)."""

        def __init__(self, doc_index: int, start: int, end: int) -> None:
            super().__init__()
            self.doc_index = doc_index
            self.start = start
            self.end = end

    class UrlChosen(Message):
        """The user asked to open a web address (the App confirms first)."""

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._targets: list[Target | None] = []
        # Rows already built, per ("entity", id) or ("document", position): the corpus is
        # read-only, so going back to an entity reuses its options (and their rendering).
        self._built: dict[tuple[str, object], tuple[list[Target | None], list[Option]]] = {}
        self._built_index: CorpusIndex | None = None

    @property
    def rows(self) -> list[tuple[str, Target | None]]:
        """What the pane shows (or will show once displayed), as plain text with each row's
        target (for tests)."""
        targets, options = self._current_rows()
        return [(str(o.prompt.plain if isinstance(o.prompt, Content) else o.prompt), t)
                for o, t in zip(options, targets)]

    def focus_list(self) -> None:
        self._sync()
        self.focus()

    def watch_index(self) -> None:
        self._rebuild()

    def watch_selected_entity(self) -> None:
        self._rebuild()

    def watch_doc_index(self) -> None:
        if not self.selected_entity:
            self._rebuild()

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        self.border_title = Content("Links · entity" if self.selected_entity else "Links · document")
        if shown(self):
            self._sync()

    def _current_rows(self) -> tuple[list[Target | None], list[Option]]:
        """The rows for the current state: built on first need (never while the pane is
        hidden and nobody asks), then kept for a quick return to the same entity or document."""
        index = self.index
        if self._built_index is not index:
            self._built.clear()
            self._built_index = index
        key: tuple[str, object] = ("entity", self.selected_entity) if self.selected_entity else ("document", self.doc_index)
        built = self._built.get(key)
        if built is None:
            if index is None:
                rows: list[tuple[Content, Target | None]] = []
            elif self.selected_entity:
                rows = entity_rows(index, self.selected_entity)
            else:
                rows = document_rows(index, self.doc_index)
            built = ([t for _c, t in rows], [Option(c, disabled=t is None) for c, t in rows])
            if len(self._built) >= MAX_BUILT:
                del self._built[next(iter(self._built))]  # the oldest
            self._built[key] = built
        return built

    def _sync(self) -> None:
        """Put the current rows into the list (only while the pane shows; see :meth:`on_show`)."""
        targets, options = self._current_rows()
        if targets is self._targets and self.option_count == len(options):
            return
        self._targets = targets
        self.set_options(options)
        for i, t in enumerate(targets):
            if t is not None:
                self.highlighted = i
                break

    def on_show(self) -> None:
        self._sync()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets[event.option_index] if event.option_index < len(self._targets) else None
        if target is None:
            return
        if target.kind == "entity":
            self.post_message(self.EntityChosen(target.entity_id))
        elif target.kind == "document":
            self.post_message(self.DocumentChosen(target.doc_index))
        elif target.kind == "span":
            self.post_message(self.SpanChosen(target.doc_index, target.start, target.end))
        elif target.kind == "url":
            self.post_message(self.UrlChosen(target.url))
