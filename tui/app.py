"""BriefingApp: the reader. It owns the shared state; the panes follow it.

State (reactives on the App) goes down to the panes by ``data_bind``; what the user asks for
comes up as small messages (``EntitiesPane.Selected``, ``TimelinePane.Selected`` ...). The App
is the only place that changes state, so every pane shows the same selection.

Loading runs in a thread worker; the first paint never waits for it. Document text is data:
it reaches widgets only as ``Content``/``Text`` (or with markup off), and :meth:`check_action`
refuses actions that write files, suspend, or fake key presses, whatever asks for them.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from pathlib import Path

from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from tui.format import one_line, slug
from tui.panes.titlebar import TitleBar

# The panes, screens and the index are imported where first used, just after the first frame:
# the first frame needs none of them, and importing them first would delay it.
if TYPE_CHECKING:
    from model.schema import Corpus
    from tui.index import CorpusIndex
    from tui.panes.documents import DocumentsPane
    from tui.panes.entities import EntitiesPane
    from tui.panes.links import LinksPane
    from tui.panes.text import DocumentView
    from tui.panes.timeline import TimelinePane


def _briefing_commands():
    """The palette's provider, imported when the palette first opens."""
    from tui.commands import BriefingCommands

    return BriefingCommands

#: Terminal widths at which the layout changes (see app.tcss): below NARROW the side pane goes
#: under the text; below WIDE one side pane shows at a time and the documents list is hidden.
NARROW = 100
WIDE = 150

#: Actions refused whatever asks for them: they write files, suspend the terminal or fake keys.
REFUSED_ACTIONS = frozenset(
    {"screenshot", "deliver_screenshot", "simulate_key", "suspend_process", "open_url", "deliver_text",
     "deliver_binary", "press"}
)
#: Actions that act on the panes, so wait until they are mounted (just after the first frame).
NEEDS_PANES = frozenset({"search", "focus_pane", "clear"})
#: Actions a clickable span (``@click`` in content) may still run; everything else is refused.
CONTENT_LINK_ACTIONS = frozenset({"bell"})
#: Cap on search hits per document, so a one-letter query on a megabyte stays cheap.
MAX_SEARCH_HITS = 10_000
#: From this many documents on, the loaded corpus is frozen out of garbage collection.
GC_FREEZE_MIN_DOCUMENTS = 200
#: True while the App dispatches an action that came from a content link.
_from_content_link: ContextVar[bool] = ContextVar("from_content_link", default=False)


class BriefingApp(App[None]):
    """The briefing reader over one corpus."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing-tui"
    COMMANDS = App.COMMANDS | {_briefing_commands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("n", "next_match", "Next", tooltip="Next search hit, or next mention of the entity", id="app.next"),
        Binding("N", "previous_match", "Previous hit or mention", show=False, id="app.previous"),
        Binding("right_square_bracket", "next_document", "Next doc", id="app.next_document"),
        Binding("left_square_bracket", "previous_document", "Previous document", show=False, id="app.previous_document"),
        Binding("e", "focus_pane('entities')", "Go to entities", show=False, id="app.focus_entities"),
        Binding("t", "focus_pane('timeline')", "Go to timeline", show=False, id="app.focus_timeline"),
        Binding("l", "focus_pane('links')", "Go to links", show=False, id="app.focus_links"),
        Binding("d", "focus_pane('documents')", "Show / go to documents", show=False, id="app.focus_documents"),
        Binding("x", "focus_pane('text')", "Go to the text", show=False, id="app.focus_text"),
        Binding("escape", "clear", "Clear search, then selection", show=False, id="app.clear"),
        Binding("alt+left,backspace", "back", "Back (history)", show=False, id="app.back"),
        Binding("alt+right,shift+backspace", "forward", "Forward (history)", show=False, id="app.forward"),
        Binding("o", "open_source", "Open the source address (asks first)", show=False, id="app.open_source"),
        Binding("ctrl+t", "toggle_theme", "Light / dark theme", show=False, id="app.toggle_theme"),
        Binding("ctrl+s", "export", "Export briefing JSON", show=False, id="app.export"),
    ]

    # The App draws nothing itself, so its state is held in ``var``s: a ``reactive`` on the App
    # repaints the whole screen on every change (a full compositor update per key press).
    # Each pane repaints only itself, through its own bound reactives.
    index: var[CorpusIndex | None] = var(None)
    """The loaded corpus and its lookups; None while loading."""
    doc_index: var[int] = var(0)
    """Position of the open document in the corpus."""
    selected_entity: var[str | None] = var(None)
    """The entity every pane follows (mentions emphasised, timeline filtered, links filled)."""
    selected_event: var[str | None] = var(None)
    """The chosen timeline event (``"doc:event"``): its sentence is marked in the text."""
    search_hits: var[tuple[tuple[int, int], ...]] = var(())
    """Spans in the open document matching the active search."""
    reveal: var[tuple[int, int, int, int] | None] = var(None)
    """``(doc, start, end, serial)``: the span the text pane should bring into view and mark."""
    notice: var[str] = var("Loading…")
    """What the text pane shows when there is no document (loading, empty folder)."""
    side_pane: var[str] = var("entities")
    """Which side pane shows when only one fits (narrow and medium widths)."""
    show_documents: var[bool] = var(True)
    """Whether the documents list is shown."""
    sub_title: var[str] = var("")
    """The open document's position and title, shown in the title bar. A ``var`` here: Textual's
    own ``sub_title`` is a reactive that repaints the whole screen on every document switch."""
    search_query: var[str] = var("")
    """The active search ("" when none)."""
    search_position: var[int] = var(-1)
    """Index of the current hit in :attr:`search_hits`."""
    mention_position: var[int] = var(-1)
    """Index of the current mention in the selected entity's mentions (corpus order)."""

    class Loaded(Message):
        """The loading worker finished: here is the corpus, arranged for the panes."""

        def __init__(self, index: CorpusIndex) -> None:
            super().__init__()
            self.index = index

    class LoadFailed(Message):
        """The loading worker failed as a whole (a bug, not a bad file)."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Progress(Message):
        """Files read so far; only the latest one matters."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BriefingApp.Progress)

    def __init__(self, paths: Sequence[str | Path], corpus_name: str | None = None, *, corpus: Corpus | None = None) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths]
        self.corpus_name = corpus_name
        self._prebuilt = corpus
        self._history: list[tuple[int, str | None]] = []
        self._history_pos = -1
        self._reveal_serial = 0
        self._layout_mode = ""
        # Set once the panes are mounted (after the first frame); the worker reads after that.
        self._panes_ready = threading.Event()
        self._panes_mounted = False
        # Loading results that arrived before the panes did (only when mounting took > 2 s).
        self._held_messages: list[tuple[Callable[[Message], None], Message]] = []

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        # The first frame is the frame of the reader only: title bar, loading line, the empty
        # columns and the footer. The panes (a dozen widgets, each styled by many rules) are
        # mounted right after it (see _mount_panes); nothing could fill them before the corpus
        # is read anyway.
        yield TitleBar(id="title-bar")
        with Vertical(id="loading"):
            yield Label(Content("Loading articles…"), id="loading-label", markup=False)
        self._layout_mode = self.layout_mode(self.size.width)
        self.set_reactive(BriefingApp.show_documents, self._layout_mode == "wide")
        with Horizontal(id="main", classes=self._main_classes()):
            yield Vertical(id="center")
            with Vertical(id="side", classes=f"-show-{self.side_pane}"):
                yield Static(self._side_tabs(), id="side-tabs", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = one_line(self.corpus_name or (self._prebuilt.name if self._prebuilt else "") or "briefing-tui", 60)
        self.sub_title = "loading…"
        self._apply_width(self.size.width)
        self.call_after_refresh(self._mount_panes)
        # The worker starts now (so anyone can wait for it) but reads only once the panes are
        # in: its thread competes with the UI thread for the interpreter.
        self.load_corpus()

    async def _mount_panes(self) -> None:
        """Mount the panes, the search box and the progress bar, after the first frame."""
        from textual.widgets import ProgressBar

        from tui.panes.documents import DocumentsPane
        from tui.panes.entities import EntitiesPane
        from tui.panes.links import LinksPane
        from tui.panes.text import DocumentView
        from tui.panes.timeline import TimelinePane

        main, center, side = self.query_one("#main"), self.query_one("#center"), self.query_one("#side")
        text = DocumentView(id="text").data_bind(
            BriefingApp.index, BriefingApp.doc_index, BriefingApp.selected_entity,
            BriefingApp.selected_event, BriefingApp.search_hits, BriefingApp.reveal, BriefingApp.notice,
        )
        search = Input(placeholder="search this document; Enter keeps the hits, n/N walk them", id="search")
        search.cursor_blink = False
        with self.batch_update():
            await main.mount(DocumentsPane(id="documents").data_bind(BriefingApp.index, BriefingApp.doc_index),
                             before=center)
            await center.mount(text, search)
            await side.mount(
                EntitiesPane(id="entities").data_bind(BriefingApp.index, BriefingApp.selected_entity),
                TimelinePane(id="timeline").data_bind(
                    BriefingApp.index, BriefingApp.selected_entity, BriefingApp.selected_event
                ),
                LinksPane(id="links").data_bind(BriefingApp.index, BriefingApp.selected_entity, BriefingApp.doc_index),
            )
            if self.index is None and not self._loading_widgets_gone():
                await self.query_one("#loading").mount(ProgressBar(id="loading-bar", show_eta=False))
        text.border_title = Content("Text")
        text.focus()
        self._panes_mounted = True
        self.refresh_bindings()
        self._panes_ready.set()
        held, self._held_messages = self._held_messages, []
        for handler, message in held:
            handler(message)

    def watch_title(self) -> None:
        self._show_title()

    def watch_sub_title(self) -> None:
        self._show_title()

    def _show_title(self) -> None:
        if not self.is_running:  # Textual sets the title while constructing the App
            return
        for bar in self.query("#title-bar"):  # absent while composing
            bar.show(self.title, self.sub_title)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    @staticmethod
    def layout_mode(width: int) -> str:
        """"narrow", "medium" or "wide" for a terminal ``width`` cells wide."""
        return "narrow" if width < NARROW else "medium" if width < WIDE else "wide"

    def _main_classes(self) -> str:
        mode = self._layout_mode
        classes = [f"-{mode}"]
        if mode != "wide":
            classes.append("-compact")
        if self.show_documents:
            classes.append("-show-documents")
        return " ".join(classes)

    def _apply_width(self, width: int) -> None:
        mode = self.layout_mode(width)
        if mode == self._layout_mode:
            return
        self._layout_mode = mode
        # One class change per resize: each one restyles the whole pane tree.
        self.set_reactive(BriefingApp.show_documents, mode == "wide")
        self.query_one("#main").set_classes(self._main_classes())

    def watch_show_documents(self, show: bool) -> None:
        for main in self.query("#main"):  # absent while composing
            main.set_classes(self._main_classes())

    def watch_side_pane(self, pane: str) -> None:
        for side in self.query("#side"):  # absent while composing
            side.set_classes(f"-show-{pane}")
            self.query_one("#side-tabs", Static).update(self._side_tabs())

    def _side_tabs(self) -> Content:
        tabs = []
        for key, name in (("e", "entities"), ("t", "timeline"), ("l", "links")):
            label = f" {name.title()} ({key}) "
            tabs.append(Content.styled(label, "reverse bold") if name == self.side_pane else Content(label))
        return Content(" ").join(tabs)

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="load")
    def load_corpus(self) -> None:
        """Read, extract and arrange the corpus off the UI thread; report progress by message."""
        self._panes_ready.wait(timeout=2.0)
        try:
            corpus = self._prebuilt
            if corpus is None:
                from model.corpus import load_corpus

                corpus = load_corpus(self.paths, name=self.corpus_name,
                                     progress=lambda done, total: self.post_message(self.Progress(done, total)))
            from tui.index import build_index
            from tui.panes.entities import EntitiesPane
            from tui.panes.timeline import TimelinePane

            index = build_index(corpus)
            # Everything a pane would otherwise build on its first key press: row prompts
            # and options for every entity and event (plain objects; no widget is touched).
            EntitiesPane.prepare(index)
            TimelinePane.prepare(index)
            self.post_message(self.Loaded(index))
        except Exception as exc:  # noqa: BLE001 - the reader must show the failure, not die
            self.post_message(self.LoadFailed(f"{type(exc).__name__}: {exc}"))

    def _loading_widgets_gone(self) -> bool:
        # A worker's last message can arrive while the app is shutting down.
        return not self.query("#loading")

    def _hold_until_panes(self, handler: Callable[[Message], None], message: Message) -> bool:
        """Keep ``message`` for ``handler`` until the panes are mounted; True if it was kept."""
        if self._panes_mounted:
            return False
        self._held_messages.append((handler, message))
        return True

    def on_briefing_app_progress(self, message: Progress) -> None:
        if self._loading_widgets_gone():
            return
        for bar in self.query("#loading-bar"):  # mounted just after the first frame
            bar.update(total=message.total, progress=message.done)
        self.query_one("#loading-label", Label).update(Content(f"Reading articles… {message.done}/{message.total}"))

    def on_briefing_app_load_failed(self, message: LoadFailed) -> None:
        if self._loading_widgets_gone() or self._hold_until_panes(self.on_briefing_app_load_failed, message):
            return
        self.query_one("#loading").set_class(True, "-done")
        self.notice = f"Could not load the articles: {message.reason}"
        self.notify(f"Loading failed: {message.reason}", severity="error", markup=False)

    def on_briefing_app_loaded(self, message: Loaded) -> None:
        index = message.index
        if self._loading_widgets_gone() or self._hold_until_panes(self.on_briefing_app_loaded, message):
            return
        self.query_one("#loading").set_class(True, "-done")
        if not self.corpus_name and index.corpus.name:
            self.title = one_line(index.corpus.name, 60)
        problems = index.corpus.problems
        if not index.documents:
            from model.read import EXTENSIONS

            where = ", ".join(one_line(p, 80) for p in self.paths) or "the given paths"
            kinds = ", ".join(sorted({ext for ext in EXTENSIONS if ext in (".txt", ".md", ".html", ".jsonl")}))
            self.notice = f"No articles found in {where}.\n\nbriefing-tui reads {kinds} files (and .markdown, .htm, .text)."
            if problems:
                self.notice += f"\n\n{len(problems)} file(s) could not be read; press d to see why."
        else:
            self.notice = ""
        # The corpus is read-only from here on: move a big one out of the garbage collector's
        # sight, or every full collection walks millions of model objects mid-keystroke
        # (measured: 0.3-1 s pauses at 2,000 articles). Small corpora do not need it.
        if len(index.documents) >= GC_FREEZE_MIN_DOCUMENTS:
            gc.freeze()
        self.index = index
        self.doc_index = 0
        self._history = [(0, None)]
        self._history_pos = 0
        self._update_subtitle()
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more; press d for the list)" if len(problems) > 1 else " (press d for the list)"
            self.notify(f"Could not read {one_line(first.path, 80)}: {one_line(first.reason, 120)}{more}",
                        title="Problems", severity="warning", markup=False, timeout=8)

    # ------------------------------------------------------------------ state changes

    def watch_doc_index(self) -> None:
        self._update_subtitle()
        self._run_search()

    def _update_subtitle(self) -> None:
        index = self.index
        if index is None:
            return
        if not index.documents:
            self.sub_title = "no documents"
            return
        doc = index.document(self.doc_index)
        label = one_line(doc.title or doc.path.rsplit("/", 1)[-1], 80) if doc else ""
        self.sub_title = f"{self.doc_index + 1}/{len(index.documents)} · {label}"
        self.query_one("#text").border_title = Content(one_line(label, 70) or "Text")

    def _remember(self) -> None:
        """Add the current (document, entity) to the history, dropping any forward entries."""
        state = (self.doc_index, self.selected_entity)
        if self._history_pos >= 0 and self._history[self._history_pos] == state:
            return
        del self._history[self._history_pos + 1:]
        self._history.append(state)
        self._history_pos = len(self._history) - 1

    def _reveal(self, doc_index: int, start: int, end: int) -> None:
        self._reveal_serial += 1
        self.reveal = (doc_index, start, end, self._reveal_serial)

    def select_entity(self, entity_id: str | None, *, remember: bool = True) -> None:
        """Make ``entity_id`` the selection every pane follows (None clears it)."""
        index = self.index
        if index is None or (entity_id is not None and entity_id not in index.entities):
            return
        self.selected_entity = entity_id
        self.mention_position = -1
        if entity_id:
            refs = index.mentions_by_entity.get(entity_id, [])
            pos = index.mention_position(entity_id, self.doc_index, 0)
            if pos < len(refs) and refs[pos].doc_index == self.doc_index:
                self.mention_position = pos
                self._reveal(self.doc_index, refs[pos].start, refs[pos].end)
        if remember:
            self._remember()

    def open_document(self, doc_index: int, *, remember: bool = True) -> None:
        """Show the document at ``doc_index``."""
        index = self.index
        if index is None or not 0 <= doc_index < len(index.documents):
            return
        self.doc_index = doc_index
        if self._layout_mode != "wide":
            self.show_documents = False
        if remember:
            self._remember()

    def show_span(self, doc_index: int, start: int, end: int) -> None:
        """Open ``doc_index`` (if needed) and bring ``[start, end)`` into view."""
        if doc_index != self.doc_index:
            self.open_document(doc_index)
        self._reveal(doc_index, start, end)

    # ------------------------------------------------------------------ messages from panes

    def on_entities_pane_selected(self, message: EntitiesPane.Selected) -> None:
        self.select_entity(message.entity_id)

    def on_links_pane_entity_chosen(self, message: LinksPane.EntityChosen) -> None:
        self.select_entity(message.entity_id)

    def on_document_view_mention_clicked(self, message: DocumentView.MentionClicked) -> None:
        self.select_entity(message.entity_id)

    def on_documents_pane_selected(self, message: DocumentsPane.Selected) -> None:
        self.open_document(message.doc_index)
        self.query_one("#text").focus()

    def on_links_pane_document_chosen(self, message: LinksPane.DocumentChosen) -> None:
        self.open_document(message.doc_index)

    def on_links_pane_span_chosen(self, message: LinksPane.SpanChosen) -> None:
        self.show_span(message.doc_index, message.start, message.end)

    def on_links_pane_url_chosen(self, message: LinksPane.UrlChosen) -> None:
        self.confirm_open(message.url)

    def on_timeline_pane_selected(self, message: TimelinePane.Selected) -> None:
        index = self.index
        ref = index.event(message.key) if index else None
        if ref is None:
            return
        self.selected_event = message.key
        self.show_span(ref.doc_index, ref.event.start, ref.event.end)

    # ------------------------------------------------------------------ search

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.search_query = event.value
            self._run_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        self.search_query = event.value
        self._run_search()
        self._close_search_bar()
        if self.search_hits:
            self._goto_hit(0)
        elif self.search_query:
            self.notify(f"No match for {one_line(self.search_query, 60)!r} in this document.", markup=False)

    def _run_search(self) -> None:
        index = self.index
        doc = index.document(self.doc_index) if index else None
        query = self.search_query
        self.search_position = -1
        if not query.strip() or doc is None:
            self.search_hits = ()
            return
        # A literal, case-insensitive pattern: re.escape leaves nothing that can backtrack.
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        hits = []
        for m in pattern.finditer(doc.text):
            hits.append(m.span())
            if len(hits) >= MAX_SEARCH_HITS:
                break
        self.search_hits = tuple(hits)

    def _goto_hit(self, position: int) -> None:
        hits = self.search_hits
        if not hits:
            return
        self.search_position = position % len(hits)
        s, e = hits[self.search_position]
        self._reveal(self.doc_index, s, e)

    def _close_search_bar(self) -> None:
        self.query_one("#center").set_class(False, "-searching")
        self.query_one("#text").focus()

    # ------------------------------------------------------------------ actions

    def action_search(self) -> None:
        self.query_one("#center").set_class(True, "-searching")
        self.query_one("#search", Input).focus()

    def action_next_match(self) -> None:
        self._step(+1)

    def action_previous_match(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """n/N: walk the search hits when a search is active, else the selected entity's
        mentions, crossing into the next or previous document at the ends."""
        if self.search_query and self.search_hits:
            if self.search_position < 0:
                self._goto_hit(0 if direction > 0 else len(self.search_hits) - 1)
            else:
                self._goto_hit(self.search_position + direction)
            return
        index, eid = self.index, self.selected_entity
        if index is None or not eid:
            self.notify("Select an entity (e) or search (/) first; n and N then walk the matches.", markup=False, timeout=3)
            return
        refs = index.mentions_by_entity.get(eid, [])
        if not refs:
            return
        if self.mention_position < 0:
            first = index.mention_position(eid, self.doc_index, 0)
            pos = first if direction > 0 else first - 1
        else:
            pos = self.mention_position + direction
        pos %= len(refs)
        self.mention_position = pos
        ref = refs[pos]
        if ref.doc_index != self.doc_index:
            self.open_document(ref.doc_index)
            self.mention_position = pos
        self._reveal(ref.doc_index, ref.start, ref.end)

    def action_next_document(self) -> None:
        if self.index and self.index.documents:
            self.open_document(min(self.doc_index + 1, len(self.index.documents) - 1))

    def action_previous_document(self) -> None:
        if self.index and self.index.documents:
            self.open_document(max(self.doc_index - 1, 0))

    def action_focus_pane(self, pane: str) -> None:
        if pane in ("entities", "timeline", "links"):
            self.side_pane = pane
        if pane == "documents":
            if self.show_documents and self.query_one("#documents").has_focus and self._layout_mode != "wide":
                self.show_documents = False
                self.query_one("#text").focus()
                return
            self.show_documents = True
        target = self.query_one(f"#{pane}")
        self.call_after_refresh(lambda: target.focus_list() if hasattr(target, "focus_list") else target.focus())

    def action_clear(self) -> None:
        """Escape: close the search first; then drop the event and entity selection."""
        center = self.query_one("#center")
        if center.has_class("-searching") or self.search_query:
            self.query_one("#search", Input).value = ""
            self.search_query = ""
            self._run_search()
            self._close_search_bar()
            return
        changed = self.selected_entity is not None
        self.selected_event = None
        self.selected_entity = None
        self.mention_position = -1
        self.reveal = None
        if changed:
            self._remember()

    def _restore(self, position: int) -> None:
        self._history_pos = position
        doc_index, entity_id = self._history[position]
        self.open_document(doc_index, remember=False)
        self.select_entity(entity_id, remember=False)

    def action_back(self) -> None:
        if self._history_pos > 0:
            self._restore(self._history_pos - 1)

    def action_forward(self) -> None:
        if self._history_pos < len(self._history) - 1:
            self._restore(self._history_pos + 1)

    @property
    def history(self) -> list[tuple[int, str | None]]:
        """(document, entity) states visited, oldest first (for tests and the help text)."""
        return list(self._history)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.binding_rows()))

    def binding_rows(self) -> list[tuple[str, str, str, str]]:
        """Every binding of the App and the panes, with remapped keys applied."""
        from tui.panes.entities import EntitiesPane
        from tui.panes.lists import KeyList
        from tui.panes.text import DocumentView
        from tui.panes.timeline import TimelinePane
        from tui.screens.confirm import ConfirmOpen
        from tui.screens.help import HelpScreen, binding_rows

        sources = [("Everywhere", BriefingApp), ("Text", DocumentView), ("Entities", EntitiesPane),
                   ("Timeline", TimelinePane), ("Lists", KeyList),
                   ("Help", HelpScreen), ("Open address", ConfirmOpen)]
        return binding_rows(sources, getattr(self, "_keymap", None))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_open_source(self) -> None:
        doc = self.index.document(self.doc_index) if self.index else None
        if doc is None or not doc.url:
            self.notify("This document has no source address.", markup=False, timeout=3)
            return
        self.confirm_open(doc.url)

    def confirm_open(self, url: str) -> None:
        """Show the whole address and open it only on an explicit yes; only http(s)."""
        from tui.screens.confirm import ConfirmOpen, openable

        if not openable(url):
            self.notify(f"Not opened: only http and https addresses can be opened ({one_line(url, 120)}).",
                        severity="warning", markup=False)
            return

        def done(yes: bool | None) -> None:
            if yes:
                App.open_url(self, url)

        self.push_screen(ConfirmOpen(url), done)

    def action_export(self) -> None:
        if self.index is None:
            self.notify("Still loading; export when the articles are in.", markup=False)
            return
        self.export_json()

    def export_path(self) -> Path:
        """Where an export goes: the current folder, named from the corpus name (never a title)."""
        name = self.corpus_name or (self.index.corpus.name if self.index else "")
        return Path.cwd() / f"{slug(name or 'corpus')}-briefing.json"

    @work(thread=True, exclusive=True, group="export")
    def export_json(self) -> None:
        """Write the briefing/1 JSON atomically off the UI thread and say where it went."""
        from model.export import dumps, write_atomic

        path = self.export_path()
        try:
            write_atomic(path, dumps(self.index.corpus) + "\n")
        except OSError as exc:
            self.call_from_thread(self.notify, f"Export failed: cannot write {path}: {exc}", severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"Exported the briefing to {path}", markup=False)

    # ------------------------------------------------------------------ safety

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refuse actions that write files, suspend the terminal or simulate keys."""
        if action in REFUSED_ACTIONS:
            return False
        if action in NEEDS_PANES and not self._panes_mounted:
            return False  # the first instants after start: the panes are still being mounted
        return True

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Run an action, unless it came from a content link and is not on the allow-list."""
        if _from_content_link.get():
            name = action if isinstance(action, str) else action[1]
            bare = name.split("(", 1)[0].rsplit(".", 1)[-1].strip()
            if bare not in CONTENT_LINK_ACTIONS:
                self.log.warning(f"refused an action from a content link: {bare!r}")
                return False
        return await super().run_action(action, default_namespace, namespaces)

    async def _broker_event(self, event_name, event, default_namespace) -> bool:
        # Clicks on styled spans (``@click=...`` meta) arrive here; mark them so run_action can
        # refuse anything not on the allow-list.
        token = _from_content_link.set(True)
        try:
            return await super()._broker_event(event_name, event, default_namespace)
        finally:
            _from_content_link.reset(token)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, minus the screenshot (it writes a file)."""
        for command in super().get_system_commands(screen):
            if "screenshot" not in command.title.lower():
                yield command


def make_app(paths: Sequence[str | Path], corpus_name: str | None = None, *, corpus: Corpus | None = None) -> BriefingApp:
    """Build the reader: the one factory the console script and every test use.

    ``corpus`` skips reading (tests inject a prebuilt Corpus); it is still arranged in a worker.
    """
    return BriefingApp(list(paths), corpus_name, corpus=corpus)
