"""The option list every pane uses: Textual's virtualised OptionList plus vim keys, markup off."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList


def shown(widget: Widget) -> bool:
    """Whether ``widget`` and every container above it are displayed (not ``display: none``)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


class KeyList(OptionList):
    """An OptionList with j/k/g/G beside the arrows; prompts are never parsed as markup."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
