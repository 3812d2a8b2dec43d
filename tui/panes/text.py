"""The full-text pane: one document, line by line, with its mentions, events and search hits.

A Line API widget (``ScrollView.render_line``): the document is wrapped once per width into
rows of ``[start, end)`` offsets (cheap: no styling), and only the rows on screen are styled,
as Rich ``Text`` objects built from spans, never from markup. A 1 MB article opens without a
stall because nothing proportional to its size is styled or measured per frame.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from typing import TYPE_CHECKING

from model.kinds import BlockKind

if TYPE_CHECKING:
    from model.schema import Document
from tui.format import kind_family, one_line, published_text, visible
from tui.index import CorpusIndex

#: Tokens for greedy word wrapping: a word with its trailing spaces, or a run of spaces.
#: Neither alternative can backtrack beyond one token, so wrapping stays linear.
_TOKEN = re.compile(r"\S+\s*|\s+")
#: Beyond this many spans to restyle, dropping every styled line is cheaper than finding rows.
MAX_SPANS_RESTYLED = 200


class Row(NamedTuple):
    """One display line: ``text[start:end]`` of the document, or ``synthetic`` text."""

    start: int
    end: int
    role: str
    prefix: str = ""
    synthetic: str | None = None


_BLOCK_ROLE = {
    BlockKind.TITLE: "title",
    BlockKind.DATELINE: "meta",
    BlockKind.BYLINE: "byline",
    BlockKind.STANDFIRST: "standfirst",
    BlockKind.HEADING: "heading",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.QUOTE: "blockquote",
    BlockKind.LIST_ITEM: "paragraph",
    BlockKind.CAPTION: "caption",
    BlockKind.RELATED: "related",
    BlockKind.BOILERPLATE: "boilerplate",
    BlockKind.METADATA: "boilerplate",
}
_BLOCK_PREFIX = {
    BlockKind.QUOTE: "│ ",
    BlockKind.LIST_ITEM: "• ",
    BlockKind.CAPTION: "▣ ",
    BlockKind.RELATED: "→ ",
}


def wrap_span(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` (no newlines) into ``[a, b)`` rows of at most
    ``width`` cells (trailing spaces may hang past the edge). Words wider than a row are cut."""
    width = max(1, width)
    piece = text[start:end]
    ascii_only = piece.isascii()
    measure = len if ascii_only else cell_len
    if measure(piece) <= width:
        return [(start, end)]
    rows: list[tuple[int, int]] = []
    line_start = start
    line_cells = 0
    for m in _TOKEN.finditer(text, start, end):
        ts, te = m.span()
        token = m.group()
        word = token.rstrip()
        word_cells = measure(word)
        if line_cells + word_cells <= width:
            line_cells += measure(token)
            continue
        if line_cells:
            rows.append((line_start, ts))
            line_start, line_cells = ts, 0
        if word_cells <= width:
            line_cells = measure(token)
            continue
        # A word longer than a row: cut it at the width.
        pos = ts
        word_end = ts + len(word)
        while pos < word_end:
            if ascii_only:
                cut = min(word_end, pos + width)
            else:
                cells, cut = 0, pos
                while cut < word_end and cells + cell_len(text[cut]) <= width:
                    cells += cell_len(text[cut])
                    cut += 1
                cut = max(cut, pos + 1)
            if cut < word_end:
                rows.append((pos, cut))
                pos = cut
            else:
                line_start, line_cells = pos, measure(text[pos:te])
                break
    if line_start < end or not rows:
        rows.append((line_start, end))
    return rows


def _display_blocks(doc: Document) -> list[tuple[int, int, BlockKind, object]]:
    """The blocks to show, in text order, without overlaps; plain paragraphs when the reader
    gave no blocks."""
    out: list[tuple[int, int, BlockKind, object]] = []
    if doc.blocks:
        last_end = 0
        for b in sorted(doc.blocks, key=lambda b: (b.start, -b.end)):
            s, e = b.content_span if b.kind is BlockKind.CAPTION else (b.start, b.end)
            s = max(s, last_end)
            if e <= s:
                continue
            out.append((s, e, b.kind, b))
            last_end = max(last_end, b.end if b.kind is BlockKind.CAPTION else e)
        return out
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", doc.text):
        out.append((m.start(), m.end(), BlockKind.PARAGRAPH, None))
    return out


def layout_rows(doc: Document, width: int, *, hide_boilerplate: bool = False) -> list[Row]:
    """Every display row of ``doc`` at ``width`` cells, with block roles and synthetic lines
    (title when no title block, the meta line, caption credits)."""
    rows: list[Row] = []
    text = doc.text
    meta_parts = [published_text(doc.published)]
    if doc.byline:
        meta_parts.append("By " + ", ".join(doc.byline))
    if doc.source:
        meta_parts.append(doc.source)
    meta = one_line(" · ".join(p for p in meta_parts if p), 400)
    blocks = _display_blocks(doc)
    has_title_block = any(kind is BlockKind.TITLE for _s, _e, kind, _b in blocks)
    meta_done = not meta

    def add_text_rows(s: int, e: int, role: str, prefix: str) -> None:
        for line in re.finditer(r"[^\n]+", text[s:e]):
            ls, le = s + line.start(), s + line.end()
            if not text[ls:le].strip():
                continue
            # The mark goes on a block's first row; its continuation rows are indented to match.
            for i, (a, b) in enumerate(wrap_span(text, ls, le, width - cell_len(prefix))):
                rows.append(Row(a, b, role, prefix if i == 0 else " " * cell_len(prefix)))

    def add_synthetic(at: int, role: str, words: str) -> None:
        for a, b in wrap_span(words, 0, len(words), width):
            rows.append(Row(at, at, role, "", words[a:b]))

    if not has_title_block and doc.title:
        add_synthetic(0, "title", one_line(doc.title, 400))
        rows.append(Row(0, 0, "blank", "", ""))
    if not has_title_block and not meta_done:
        add_synthetic(0, "meta", meta)
        rows.append(Row(0, 0, "blank", "", ""))
        meta_done = True
    for s, e, kind, block in blocks:
        if hide_boilerplate and kind in (BlockKind.BOILERPLATE, BlockKind.METADATA):
            continue
        role = _BLOCK_ROLE.get(kind, "paragraph")
        if kind is BlockKind.HEADING and rows and rows[-1].role != "blank":
            rows.append(Row(s, s, "blank", "", ""))
        add_text_rows(s, e, role, _BLOCK_PREFIX.get(kind, ""))
        if kind is BlockKind.CAPTION and block is not None and getattr(block, "credit", None):
            add_synthetic(e, "credit", one_line(f"  Credit: {block.credit}", 400))
        if kind is BlockKind.TITLE and not meta_done:
            rows.append(Row(e, e, "blank", "", ""))
            add_synthetic(e, "meta", meta)
            meta_done = True
        rows.append(Row(e, e, "blank", "", ""))
    while rows and rows[-1].role == "blank":
        rows.pop()
    return rows


class DocumentView(ScrollView, can_focus=True):
    """The current document's text. State comes down from the App by ``data_bind``."""

    COMPONENT_CLASSES = {
        "document-view--title",
        "document-view--meta",
        "document-view--byline",
        "document-view--standfirst",
        "document-view--heading",
        "document-view--paragraph",
        "document-view--blockquote",
        "document-view--caption",
        "document-view--credit",
        "document-view--related",
        "document-view--boilerplate",
        "document-view--notice",
        "document-view--blank",
        "document-view--mention-person",
        "document-view--mention-org",
        "document-view--mention-place",
        "document-view--mention-other",
        "document-view--selected",
        "document-view--event",
        "document-view--hit",
        "document-view--current",
    }

    BINDINGS = [
        Binding("down,j", "scroll_down", "Down", show=False, id="text.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="text.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="text.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="text.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="text.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="text.bottom"),
        Binding("b", "toggle_boilerplate", "Boilerplate", id="text.boilerplate"),
    ]

    index: reactive[CorpusIndex | None] = reactive(None, layout=False)
    """The loaded corpus and its lookups (None while loading)."""
    doc_index: reactive[int] = reactive(0)
    """Which document is shown."""
    selected_entity: reactive[str | None] = reactive(None)
    """The entity whose mentions are emphasised."""
    selected_event: reactive[str | None] = reactive(None)
    """The timeline event whose sentence is marked (``"doc:event"``)."""
    search_hits: reactive[tuple[tuple[int, int], ...]] = reactive(())
    """Spans of the active search's hits in this document."""
    reveal: reactive[tuple[int, int, int, int] | None] = reactive(None)
    """``(doc_index, start, end, serial)``: scroll this span into view and mark it."""
    notice: reactive[str] = reactive("")
    """Shown instead of a document (loading, empty folder)."""
    hide_boilerplate: reactive[bool] = reactive(False)
    """Hide boilerplate and metadata blocks instead of dimming them."""

    class MentionClicked(Message):
        """The user clicked a mention of ``entity_id``."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._row_starts: list[int] = []
        self._layout_width = -1
        self._layout_key: tuple | None = None
        self._line_cache: dict[int, Strip] = {}
        self._pending_reveal: tuple[int, int, int, int] | None = None
        self._style_cache: dict[str, Style] = {}

    # ------------------------------------------------------------------ data

    @property
    def document(self) -> Document | None:
        return self.index.document(self.doc_index) if self.index else None

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def _relayout(self, force: bool = False) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        doc = self.document
        key = (id(self.index), self.doc_index, width, self.hide_boilerplate, self.notice, id(doc))
        if key == self._layout_key and not force:
            return
        self._layout_key = key
        if doc is None:
            words = self.notice or ""
            self._rows = [Row(0, 0, "notice", "", line[a:b]) for line in words.split("\n")
                          for a, b in wrap_span(line, 0, len(line), width)] if words else []
            if not self._rows and words:
                self._rows = [Row(0, 0, "notice", "", "")]
        else:
            self._rows = layout_rows(doc, width, hide_boilerplate=self.hide_boilerplate)
        self._row_starts = [r.start for r in self._rows]
        self._line_cache.clear()
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    def row_for_offset(self, offset: int) -> int:
        """The display row holding document offset ``offset`` (the nearest one after it when the
        offset is hidden)."""
        i = bisect_right(self._row_starts, offset) - 1
        i = max(0, i)
        while i < len(self._rows) and (self._rows[i].synthetic is not None or self._rows[i].end <= offset):
            if self._rows[i].synthetic is None and self._rows[i].start > offset:
                break
            i += 1
        return min(i, max(0, len(self._rows) - 1))

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the row holding ``offset`` to a third of the way down the pane."""
        y = self.row_for_offset(offset)
        height = self.scrollable_content_region.height or self.size.height
        self.scroll_to(y=max(0, y - height // 3), animate=False, immediate=True)

    # ------------------------------------------------------------------ reactions

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        if self._pending_reveal:
            self._apply_reveal(self._pending_reveal)

    def watch_index(self) -> None:
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def watch_doc_index(self, doc_index: int) -> None:
        self._relayout()
        if self.reveal is not None and self.reveal[0] == doc_index:
            self._apply_reveal(self.reveal)  # the span that brought us here arrived first
        else:
            self.scroll_to(y=0, animate=False)

    def watch_notice(self) -> None:
        self._relayout()

    def watch_hide_boilerplate(self) -> None:
        self._relayout(force=True)

    def watch_selected_entity(self, old: str | None, new: str | None) -> None:
        self._restyle_spans(self._entity_spans(old) + self._entity_spans(new))

    def watch_selected_event(self, old: str | None, new: str | None) -> None:
        self._restyle_spans(self._event_spans(old) + self._event_spans(new))

    def watch_search_hits(self) -> None:
        self._restyle()

    def watch_reveal(self, old: tuple[int, int, int, int] | None, new: tuple[int, int, int, int] | None) -> None:
        self._restyle_spans([(r[1], r[2]) for r in (old, new) if r is not None and r[0] == self.doc_index])
        if new is not None:
            self._apply_reveal(new)

    # A selection changes the style of a few rows only (the entity's mentions, the event's
    # sentence, the revealed span); the other rows keep their styled lines.

    def _entity_spans(self, entity_id: str | None) -> list[tuple[int, int]]:
        """``[start, end)`` of each mention of ``entity_id`` in the open document."""
        index = self.index
        if not entity_id or index is None:
            return []
        keys = index.mention_keys.get(entity_id)
        refs = index.mentions_by_entity.get(entity_id, [])
        if keys is None:
            return [(r.start, r.end) for r in refs if r.doc_index == self.doc_index]
        lo = bisect_left(keys, (self.doc_index, -1))
        hi = bisect_left(keys, (self.doc_index + 1, -1))
        return [(r.start, r.end) for r in refs[lo:hi]]

    def _event_spans(self, key: str | None) -> list[tuple[int, int]]:
        ref = self.index.event(key) if self.index and key else None
        return [(ref.event.start, ref.event.end)] if ref and ref.doc_index == self.doc_index else []

    def _restyle_spans(self, spans: list[tuple[int, int]]) -> None:
        """Drop the styled lines of the rows overlapping ``spans`` and repaint."""
        if not spans:
            return
        if len(spans) > MAX_SPANS_RESTYLED:
            self._restyle()
            return
        cache, rows, starts = self._line_cache, self._rows, self._row_starts
        for start, end in spans:
            i = max(0, bisect_right(starts, start) - 1)
            while i < len(rows) and rows[i].start < end:
                cache.pop(i, None)
                i += 1
        self.refresh()

    def _apply_reveal(self, reveal: tuple[int, int, int, int]) -> None:
        doc_index, start, _end, _serial = reveal
        if doc_index != self.doc_index:
            return
        if self._layout_key is None or self._layout_key[1] != self.doc_index:
            self._relayout()
        if not self.size.height:
            self._pending_reveal = reveal  # not laid out yet: reveal after the first resize
            return
        self._pending_reveal = None
        self.scroll_to_offset(start)

    def _restyle(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def action_toggle_boilerplate(self) -> None:
        self.hide_boilerplate = not self.hide_boilerplate

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._line_cache.clear()

    # ------------------------------------------------------------------ rendering

    def _style(self, name: str) -> Style:
        style = self._style_cache.get(name)
        if style is None:
            style = self._style_cache[name] = self.get_component_rich_style(f"document-view--{name}", partial=True)
        return style

    def _spans_in(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """Styled spans overlapping ``[a, b)``: mentions, the marked event, hits, the revealed span."""
        doc = self.document
        out: list[tuple[int, int, str]] = []
        if doc is None:
            return out
        mentions, starts = self._sorted_mentions(doc)
        if mentions:
            i = bisect_left(starts, a - self._max_mention_len)
            while i < len(mentions) and mentions[i].start < b:
                m = mentions[i]
                if m.end > a:
                    out.append((m.start, m.end, "mention-" + kind_family(m.kind)))
                    if self.selected_entity and m.entity_id == self.selected_entity:
                        out.append((m.start, m.end, "selected"))
                i += 1
        if self.selected_event and self.index:
            ref = self.index.event(self.selected_event)
            if ref and ref.doc_index == self.doc_index and ref.event.start < b and ref.event.end > a:
                out.insert(0, (ref.event.start, ref.event.end, "event"))
        hits = self.search_hits
        if hits:
            j = bisect_left(hits, (a - 1000, 0))
            while j < len(hits) and hits[j][0] < b:
                if hits[j][1] > a:
                    out.append((hits[j][0], hits[j][1], "hit"))
                j += 1
        if self.reveal and self.reveal[0] == self.doc_index:
            _d, s, e, _n = self.reveal
            if s < b and e > a:
                out.append((s, e, "current"))
        return out

    _mention_cache: tuple[int, list, list[int]] | None = None
    _max_mention_len = 0

    def _sorted_mentions(self, doc: Document) -> tuple[list, list[int]]:
        """The document's mentions in text order with their starts, so a row finds its own by
        bisection. A sorted copy: the Corpus is never changed by the UI."""
        if self._mention_cache is None or self._mention_cache[0] != id(doc):
            ordered = sorted(doc.mentions, key=lambda m: (m.start, m.end))
            self._mention_cache = (id(doc), ordered, [m.start for m in ordered])
            self._max_mention_len = max((m.end - m.start for m in ordered), default=0)
        return self._mention_cache[1], self._mention_cache[2]

    def row_text(self, y: int) -> Text:
        """Row ``y`` as a styled Rich ``Text`` (built from spans; no markup is ever parsed)."""
        row = self._rows[y]
        base = self._style(row.role)
        if row.synthetic is not None:
            return Text(visible(row.synthetic), style=base, end="")
        doc = self.document
        assert doc is not None
        body = Text(visible(doc.text[row.start:row.end]), style=base, end="")
        for s, e, name in self._spans_in(row.start, row.end):
            body.stylize(self._style(name), max(s, row.start) - row.start, min(e, row.end) - row.start)
        if row.prefix:
            body = Text.assemble(Text(row.prefix, style=base), body, end="")
        return body

    def row_plain(self, y: int) -> str:
        """Row ``y`` as plain text, exactly as shown."""
        return self.row_text(y).plain

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self._style_cache.get("__base__")
        if base is None:
            # The widget's own colours; computing them walks the ancestors, so once per style change.
            base = self._style_cache["__base__"] = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        strip = self._line_cache.get(index)
        if strip is None:
            text = self.row_text(index)
            segments = [Segment(s.text, base + s.style if s.style else base, s.control)
                        for s in text.render(self.app.console, end="")]
            strip = Strip(segments)
            if len(self._line_cache) > 512:
                self._line_cache.clear()
            self._line_cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    # ------------------------------------------------------------------ mouse

    def offset_at(self, x: int, y: int) -> int | None:
        """The document offset under screen cell ``(x, y)`` of this widget, if any."""
        row_index = y + self.scroll_offset.y
        if not 0 <= row_index < len(self._rows):
            return None
        row = self._rows[row_index]
        if row.synthetic is not None:
            return None
        doc = self.document
        if doc is None:
            return None
        cells = x + self.scroll_offset.x - cell_len(row.prefix)
        pos = row.start
        while pos < row.end and cells > 0:
            cells -= cell_len(doc.text[pos])
            if cells < 0:
                break
            pos += 1
        return pos if pos < row.end else None

    def on_click(self, event: events.Click) -> None:
        inside = event.get_content_offset(self)
        if inside is None:
            return
        offset = self.offset_at(inside.x, inside.y)
        doc = self.document
        if offset is None or doc is None:
            return
        for m in doc.mentions:
            if m.start <= offset < m.end:
                self.post_message(self.MentionClicked(m.entity_id))
                return

