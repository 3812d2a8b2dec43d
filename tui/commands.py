"""Command palette commands: go to an entity, go to a document, export the briefing.

Names come from documents, so prompts are built as ``Content`` from plain text and highlighted
by offsets; ``Matcher.highlight`` is not used because it parses its argument as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.format import one_line

if TYPE_CHECKING:
    from tui.app import BriefingApp

#: Enough to choose from; the palette is for jumping, not browsing.
MAX_HITS = 200


def highlighted(text: str, offsets) -> Content:
    content = Content(text)
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class BriefingCommands(Provider):
    """Entities, documents and export for the command palette."""

    @property
    def briefing(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def _candidates(self) -> list[tuple[str, object, str]]:
        app = self.briefing
        out: list[tuple[str, object, str]] = [("Export briefing JSON", app.action_export, "Write the briefing/1 JSON to the current folder")]
        index = app.index
        if index is None:
            return out
        for eid in index.entity_order:
            ent = index.entities[eid]
            out.append((f"Go to entity: {one_line(ent.name, 80)}", partial(app.select_entity, eid), f"{ent.kind} · {ent.mention_count} mentions"))
        for i, doc in enumerate(index.documents):
            label = one_line(doc.title or doc.path.rsplit("/", 1)[-1], 100)
            out.append((f"Go to document: {label}", partial(app.open_document, i), f"document {i + 1} of {len(index.documents)}"))
        return out

    async def discover(self) -> Hits:
        for text, command, help_text in self._candidates()[:MAX_HITS]:
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for text, command, help_text in self._candidates():
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                found += 1
                yield Hit(score, highlighted(text, offsets), command, text=text, help=help_text)
                if found >= MAX_HITS:
                    return
