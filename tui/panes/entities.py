"""The entities pane: everyone and everything named, grouped by kind, filtered as you type."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, OptionList

from tui.panes.lists import KeyList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.format import KIND_LABEL, KIND_ORDER, one_line
from tui.index import CorpusIndex

#: Key in ``CorpusIndex.prepared``: every entity's Option, by entity id.
PREPARED_OPTIONS = "entities.options"


def entity_prompt(index: CorpusIndex, entity_id: str) -> Content:
    """``John Healey — Defence Secretary  ×4`` as Content (the name is data, never markup)."""
    ent = index.entities[entity_id]
    parts: list[Content | str | tuple[str, str]] = [Content(one_line(ent.name, 80))]
    role = ent.attributes.get("role")
    if role:
        parts.append(Content.styled(" — " + one_line(role, 60), "italic"))
    parts.append(Content.styled(f"  ×{ent.mention_count}", "dim"))
    return Content.assemble(*parts)


class EntitiesPane(Vertical, can_focus=False):
    """Entities by kind, most salient first, with a filter box above the list."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter entities", id="entities.filter"),
        Binding("down,escape", "leave_filter", "To the list", show=False, id="entities.leave_filter"),
    ]

    index: var[CorpusIndex | None] = var(None)
    """The loaded corpus and its lookups."""
    selected_entity: var[str | None] = var(None)
    """The App's selected entity: highlighted in the list."""

    class Selected(Message):
        """The user chose ``entity_id`` in the list."""

        def __init__(self, entity_id: str) -> None:
            super().__init__()
            self.entity_id = entity_id

    def compose(self) -> ComposeResult:
        filter_box = Input(placeholder="type to filter", id="entity-filter", compact=True)
        filter_box.cursor_blink = False
        yield filter_box
        yield KeyList(id="entity-list")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#entity-list", OptionList)

    def focus_list(self) -> None:
        self.option_list.focus()

    def action_focus_filter(self) -> None:
        self.query_one("#entity-filter", Input).focus()

    def action_leave_filter(self) -> None:
        self.option_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Down and Escape leave the filter box; in the list they keep their usual meaning.
        if action == "leave_filter":
            return isinstance(self.app.focused, Input)
        return True

    def watch_index(self) -> None:
        self._rebuild()

    def watch_selected_entity(self, entity_id: str | None) -> None:
        self._highlight(entity_id)

    def _highlight(self, entity_id: str | None) -> None:
        if not entity_id:
            return
        options = self.option_list
        try:
            options.highlighted = options.get_option_index(entity_id)
        except OptionDoesNotExist:  # filtered out of the list: nothing to highlight
            pass

    @staticmethod
    def prepare(index: CorpusIndex) -> None:
        """Build every entity's option once, in the loading worker (no widget is touched), so
        neither the first listing nor filtering as you type builds prompts on the UI thread."""
        index.prepared[PREPARED_OPTIONS] = {eid: Option(entity_prompt(index, eid), id=eid) for eid in index.entity_order}

    def _entity_options(self, index: CorpusIndex) -> dict[str, Option]:
        options = index.prepared.get(PREPARED_OPTIONS)
        if not isinstance(options, dict):
            # An index built without the worker's preparation (tests building one by hand).
            self.prepare(index)
            options = index.prepared[PREPARED_OPTIONS]
        return options

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        index = self.index
        options: list[Option] = []
        count = 0
        if index is not None:
            needle = self.query_one("#entity-filter", Input).value.casefold().strip()
            groups: dict[str, list[str]] = {}
            for eid in index.entity_order:
                ent = index.entities[eid]
                if needle and needle not in ent.name.casefold() and not any(
                    needle in a.casefold() for a in ent.aliases
                ):
                    continue
                groups.setdefault(str(ent.kind), []).append(eid)
            order = [k for k in KIND_ORDER if k in groups] + sorted(k for k in groups if k not in KIND_ORDER)
            entity_options = self._entity_options(index)
            for kind in order:
                ids = groups[kind]
                count += len(ids)
                label = KIND_LABEL.get(kind, kind.title())
                options.append(Option(Content.styled(f"{label} ({len(ids)})", "bold"), id=f"kind:{kind}", disabled=True))
                options.extend(entity_options[eid] for eid in ids)
            if not options:
                options.append(Option(Content("No entity matches." if needle else "No entities found yet."), disabled=True))
        self.option_list.set_options(options)
        self.border_title = Content(f"Entities ({count})")
        self._highlight(self.selected_entity)
        if self.option_list.highlighted is None:
            first = next((i for i, o in enumerate(options) if not o.disabled), None)
            if first is not None:
                self.option_list.highlighted = first

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._rebuild()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.option_list
        for i, option in enumerate(options.options):
            if not option.disabled and option.id:
                options.highlighted = i
                options.focus()
                self.post_message(self.Selected(option.id))
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and not event.option.disabled:
            self.post_message(self.Selected(event.option.id))
