"""The timeline pane: dated sentences in calendar order, following the selected entity."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static

from tui.panes.lists import KeyList, shown
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.format import event_date_text, one_line
from tui.index import CorpusIndex, EventRef

#: Width of the date column, so the event texts line up.
DATE_WIDTH = 15
#: Key in ``CorpusIndex.prepared``: every event's Option, by event key.
PREPARED_OPTIONS = "timeline.options"


def document_label(index: CorpusIndex, doc_index: int, limit: int = 30) -> str:
    doc = index.document(doc_index)
    if doc is None:
        return ""
    return one_line(doc.title or doc.path.rsplit("/", 1)[-1], limit)


def event_phrase(index: CorpusIndex, ref: EventRef) -> str:
    doc = index.document(ref.doc_index)
    if doc is None or not 0 <= ref.event.timex < len(doc.timexes):
        return ""
    return doc.timexes[ref.event.timex].text


def event_prompt(index: CorpusIndex, ref: EventRef, show_doc: bool) -> Content:
    date_text = event_date_text(ref.event, event_phrase(index, ref))
    parts = [
        Content.styled(one_line(date_text, DATE_WIDTH).ljust(DATE_WIDTH), "bold"),
        Content(" " + one_line(ref.event.text, 160)),
    ]
    if show_doc:
        parts.append(Content.styled(" · " + document_label(index, ref.doc_index), "dim"))
    return Content.assemble(*parts)


def event_detail(index: CorpusIndex, ref: EventRef) -> Content:
    """The phrase and the rule that dated it: ``"yesterday" → 2024-10-22: published ... minus one day``."""
    doc = index.document(ref.doc_index)
    phrase = event_phrase(index, ref)
    timex = doc.timexes[ref.event.timex] if doc and 0 <= ref.event.timex < len(doc.timexes) else None
    rule = timex.rule if timex and timex.rule else "no rule recorded"
    value = timex.value if timex else ref.event.date
    return Content.assemble(
        Content.styled(f"“{one_line(phrase, 60)}”", "bold"),
        Content(f" → {one_line(value, 30)}: {one_line(rule, 200)}"),
        Content.styled(f"  ({document_label(index, ref.doc_index, 40)})", "dim"),
    )


class TimelinePane(Vertical):
    """Every event in date order (or only the selected entity's), with the dating rule on ``r``."""

    BINDINGS = [
        Binding("r", "toggle_rule", "Rule", tooltip="Show the phrase and the rule that dated the event", id="timeline.rule"),
    ]

    index: var[CorpusIndex | None] = var(None)
    """The loaded corpus and its lookups."""
    selected_entity: var[str | None] = var(None)
    """Only this entity's events are listed while it is set."""
    selected_event: var[str | None] = var(None)
    """The App's selected event (``"doc:event"``): highlighted here."""
    show_rule: var[bool] = var(False)
    """Show the detail line: the phrase and the rule that resolved it."""

    class Selected(Message):
        """The user chose the event ``key`` (``"doc:event"``)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._refs: list[EventRef] = []
        # The option lists shown so far, per filter (None: every event). The corpus is
        # read-only, so a list built once serves every later selection of the same entity.
        self._lists: dict[str | None, list[Option]] = {}
        self._lists_index: CorpusIndex | None = None
        # Options waiting for the pane to show (None: the list is up to date).
        self._pending: list[Option] | None = None

    @staticmethod
    def prepare(index: CorpusIndex) -> None:
        """Build every event's option once, in the loading worker (no widget is touched).

        An ``Option`` keeps its rendered form, so sharing one per event between the lists of
        every filter means each event is styled and measured once per corpus.
        """
        show_doc = len(index.documents) > 1
        index.prepared[PREPARED_OPTIONS] = {
            ref.key: Option(event_prompt(index, ref, show_doc), id=ref.key) for ref in index.events
        }

    def _options(self, index: CorpusIndex, refs: list[EventRef]) -> list[Option]:
        options = index.prepared.get(PREPARED_OPTIONS)
        if not isinstance(options, dict):
            # An index built without the worker's preparation (tests building one by hand).
            self.prepare(index)
            options = index.prepared[PREPARED_OPTIONS]
        return [options[ref.key] for ref in refs]

    def compose(self) -> ComposeResult:
        yield KeyList(id="event-list")
        yield Static(id="event-detail", markup=False)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#event-list", OptionList)

    @property
    def visible_events(self) -> list[EventRef]:
        """The events listed now, in order (a copy)."""
        return list(self._refs)

    def focus_list(self) -> None:
        self._sync()
        self.option_list.focus()

    def watch_index(self) -> None:
        self._rebuild()

    def watch_selected_entity(self) -> None:
        self._rebuild()

    def watch_selected_event(self, key: str | None) -> None:
        self._highlight(key)

    def watch_show_rule(self, show: bool) -> None:
        self.set_class(show, "-show-rule")
        self._update_detail()

    def action_toggle_rule(self) -> None:
        self.show_rule = not self.show_rule

    def _highlight(self, key: str | None) -> None:
        if not key or not self.is_mounted or self._pending is not None:
            return
        try:
            self.option_list.highlighted = self.option_list.get_option_index(key)
        except OptionDoesNotExist:  # not listed under the current filter
            pass

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        index = self.index
        entity = self.selected_entity or None
        if index is None:
            self._refs = []
        elif entity:
            self._refs = index.events_by_entity.get(entity, [])
        else:
            self._refs = index.events
        if self._lists_index is not index:
            self._lists.clear()
            self._lists_index = index
        options = self._lists.get(entity) if index is not None else None
        if options is None and index is not None:
            options = self._options(index, self._refs)
            if not options:
                if entity and entity in index.entities:
                    name = one_line(index.entities[entity].name, 60)
                    options = [Option(Content(f"No dated events for {name}. Escape shows all."), disabled=True)]
                else:
                    options = [Option(Content("No dated events found."), disabled=True)]
            self._lists[entity] = options
        self._pending = options or []
        if shown(self):
            self._sync()
        title = f"Timeline ({len(self._refs)})"
        if entity and index and entity in index.entities:
            title += " · " + one_line(index.entities[entity].name, 30)
        self.border_title = Content(title)
        self._update_detail()

    def _sync(self) -> None:
        """Put the pending options into the list (only while the pane shows: a hidden list
        would measure thousands of options for nobody)."""
        options = self._pending
        if options is None:
            return
        self._pending = None
        self.option_list.set_options(options)
        self._highlight(self.selected_event)
        if self.option_list.highlighted is None and self._refs:
            self.option_list.highlighted = 0

    def on_show(self) -> None:
        self._sync()
        self._update_detail()

    def _current(self) -> EventRef | None:
        i = self.option_list.highlighted
        return self._refs[i] if i is not None and 0 <= i < len(self._refs) else None

    def _update_detail(self) -> None:
        # Updating a Static re-lays out the screen, so the hidden detail line is left alone.
        if not self.is_mounted or not self.show_rule:
            return
        ref = self._current()
        detail = self.query_one("#event-detail", Static)
        if ref is None or self.index is None:
            detail.update(Content("No event highlighted."))
        else:
            detail.update(event_detail(self.index, ref))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._update_detail()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and not event.option.disabled:
            self.post_message(self.Selected(event.option.id))
