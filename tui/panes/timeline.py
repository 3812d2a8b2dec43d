"""The timeline pane: dated sentences in calendar order, following the selected entity."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static

from tui.panes.lists import KeyList
from textual.widgets.option_list import Option

from tui.format import event_date_text, one_line
from tui.index import CorpusIndex, EventRef

#: Width of the date column, so the event texts line up.
DATE_WIDTH = 15


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

    index: reactive[CorpusIndex | None] = reactive(None)
    """The loaded corpus and its lookups."""
    selected_entity: reactive[str | None] = reactive(None)
    """Only this entity's events are listed while it is set."""
    selected_event: reactive[str | None] = reactive(None)
    """The App's selected event (``"doc:event"``): highlighted here."""
    show_rule: reactive[bool] = reactive(False)
    """Show the detail line: the phrase and the rule that resolved it."""

    class Selected(Message):
        """The user chose the event ``key`` (``"doc:event"``)."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._refs: list[EventRef] = []
        # Prompts are built once per corpus: filtering by entity only picks among them.
        self._prompts: dict[str, Content] = {}
        self._prompt_index: CorpusIndex | None = None

    def compose(self) -> ComposeResult:
        yield KeyList(id="event-list")
        yield Static(id="event-detail", markup=False)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#event-list", OptionList)

    @property
    def visible_events(self) -> list[EventRef]:
        """The events listed now, in order."""
        return list(self._refs)

    def focus_list(self) -> None:
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
        if not key or not self.is_mounted:
            return
        for i, ref in enumerate(self._refs):
            if ref.key == key:
                self.option_list.highlighted = i
                return

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        index = self.index
        if index is None:
            self._refs = []
        elif self.selected_entity:
            self._refs = list(index.events_by_entity.get(self.selected_entity, []))
        else:
            self._refs = list(index.events)
        show_doc = index is not None and len(index.documents) > 1
        if self._prompt_index is not index:
            self._prompts.clear()
            self._prompt_index = index
        options: list[Option] = []
        if index is not None:
            for ref in self._refs:
                prompt = self._prompts.get(ref.key)
                if prompt is None:
                    prompt = self._prompts[ref.key] = event_prompt(index, ref, show_doc)
                options.append(Option(prompt, id=ref.key))
        if index is not None and not options:
            if self.selected_entity and self.selected_entity in index.entities:
                name = one_line(index.entities[self.selected_entity].name, 60)
                options = [Option(Content(f"No dated events for {name}. Escape shows all."), disabled=True)]
            else:
                options = [Option(Content("No dated events found."), disabled=True)]
        self.option_list.set_options(options)
        title = f"Timeline ({len(self._refs)})"
        if self.selected_entity and index and self.selected_entity in index.entities:
            title += " · " + one_line(index.entities[self.selected_entity].name, 30)
        self.border_title = Content(title)
        self._highlight(self.selected_event)
        if self.option_list.highlighted is None and self._refs:
            self.option_list.highlighted = 0
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
